package org.chengxin.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/** The JVM heap of the step(s) a command starts: one option, shared by every command. */
public final class HeapOption {
  @Option(names = "--heap", paramLabel = "SIZE",
      description = "JVM heap of the started job, e.g. 4g (default: $CHENGXIN_HEAP, else the job's own default)")
  private String heap;

  public Optional<String> value() {
    return Optional.ofNullable(heap);
  }
}
