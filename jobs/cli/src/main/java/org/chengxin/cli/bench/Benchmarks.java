package org.chengxin.cli.bench;

import java.util.List;
import org.chengxin.cli.Launcher;
import picocli.CommandLine;

/**
 * The benchmarks and sweeps of {@code chengxin}: each builds its input with the project's own
 * steps (generate, import-ratings, ingest), times a job in a JVM of its own and prints one line per
 * size, then the ratio between the sizes. Every step runs through {@link Launcher}, never a script.
 */
public final class Benchmarks {
  private Benchmarks() {}

  /** Adds every benchmark subcommand to {@code parent}. */
  public static void registerAll(CommandLine parent, Launcher launcher) {
    for (Benchmark benchmark : List.of(new BenchNightly(launcher), new BenchDissatisfaction(launcher),
        new BenchRings(launcher), new BenchRatings(launcher), new BenchIngest(launcher), new BenchKafkaIngest(launcher),
        new SweepDissatisfaction(launcher))) {
      parent.addSubcommand(new CommandLine(benchmark));
    }
  }
}
