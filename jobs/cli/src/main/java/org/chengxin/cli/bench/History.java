package org.chengxin.cli.bench;

import picocli.CommandLine.Option;

/**
 * {@code --days} of bench-nightly and bench-dissatisfaction, which share their markets
 * ({@code WORK/N}, generated with the same arguments) so both can use one {@code --work}.
 */
final class History {
  static final String SHARED_WORK = "/tmp/chengxin-bench";

  @Option(names = "--days", paramLabel = "D", defaultValue = "30",
      description = "days of history, 1-366; complaints come days after their trades (default: ${DEFAULT-VALUE})")
  private int days;

  /** The generator's default seed, {@code days} days: the market of {@code trades} trades. */
  Market market(Benchmark command, long trades) {
    return new Market(trades, command.within("--days", days, 1, 366), java.util.OptionalLong.empty());
  }
}
