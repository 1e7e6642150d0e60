package org.chengxin.cli.bench;

import java.util.List;
import picocli.CommandLine.Option;

/** {@code --sizes}: the input sizes a benchmark compares, in the order given. */
final class Sizes {
  @Option(names = "--sizes", split = ",", paramLabel = "N", converter = Counts.Positive.class,
      defaultValue = "1000000,10000000",
      description = "the sizes to compare, comma-separated, each at least 1 (default: ${DEFAULT-VALUE})")
  private List<Long> sizes;

  List<Long> values() {
    return sizes;
  }
}
