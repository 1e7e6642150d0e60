package org.chengxin.cli.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import org.chengxin.cli.HeapOption;
import org.chengxin.cli.Launcher;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What every benchmark command shares: {@code --heap} for the JVMs it starts, the launcher of its
 * steps, and the end of a failed step (its message on standard error, its exit status the command's).
 * Results go to standard output, progress and the steps' own output to standard error.
 */
abstract class Benchmark implements Callable<Integer> {
  private final Launcher launcher;

  @Spec CommandSpec spec;

  @Mixin private HeapOption heap;

  Benchmark(Launcher launcher) {
    this.launcher = launcher;
  }

  /** Runs the benchmark, printing its results to {@code out}. */
  abstract void run(Steps steps, PrintStream out) throws IOException;

  @Override
  public final Integer call() throws IOException {
    try {
      run(new Steps(launcher, heap.value()), System.out);
      return 0;
    } catch (Steps.Failed e) {
      System.err.println("error: " + e.getMessage());
      return e.status();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  Launcher launcher() {
    return launcher;
  }

  /** {@code value} when it lies in {@code min..max}; else the usage error of {@code option}. */
  int within(String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw new ParameterException(spec.commandLine(),
          option + " must be a whole number " + min + "-" + max + ", got: " + value);
    }
    return value;
  }

  static void progress(String format, Object... args) {
    System.err.println(String.format(java.util.Locale.ROOT, format, args));
  }
}
