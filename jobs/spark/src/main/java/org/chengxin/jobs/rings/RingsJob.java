package org.chengxin.jobs.rings;

import static org.apache.spark.sql.functions.col;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.chengxin.core.cli.Arguments;
import org.chengxin.core.cli.Arguments.Arg;
import org.chengxin.core.schema.EventTables;
import org.chengxin.core.schema.RingTables;
import org.chengxin.graph.rings.RingDetection;
import org.chengxin.graph.rings.RingOptions;
import org.chengxin.graph.rings.RingResult;
import org.chengxin.jobs.frame.JobOptions;
import org.chengxin.jobs.frame.JobResult;
import org.chengxin.jobs.frame.JobRun;
import org.chengxin.jobs.frame.SparkJob;
import org.chengxin.jobs.frame.SparkSchemas;

/**
 * rings and ring_members for one day (docs/rings.md): credit-boosting rings found over the trades
 * of the history window ending with the day, or over its ratings when it has no trades. Runs before
 * seller_scores, which stops counting ratings between members of one ring.
 */
public final class RingsJob implements SparkJob<RingsJob.Options> {

  public static final String NAME = "rings";

  /**
   * @param historyDays days of trades, the run's day included, that form the buyer–seller graph
   * @param maxEdgesPerBlock edges one task holds in a graph loop; a larger graph is split into
   *     blocks (RingOptions#maxEdgesPerBlock)
   * @param minDensity FRAUDAR density a block needs (RingOptions#minDensity)
   */
  public record Options(JobOptions job, int historyDays, long maxEdgesPerBlock, double minDensity) {
    public static final int DEFAULT_HISTORY_DAYS = 30;
    public static final int MAX_HISTORY_DAYS = 366;

    public Options {
      Objects.requireNonNull(job, "job");
      if (historyDays < 1 || historyDays > MAX_HISTORY_DAYS) {
        throw new IllegalArgumentException("ring history must be 1 to " + MAX_HISTORY_DAYS + " days: " + historyDays);
      }
      if (maxEdgesPerBlock < 1) {
        throw new IllegalArgumentException("edges per block must be >= 1: " + maxEdgesPerBlock);
      }
      if (!(minDensity > 0)) {
        throw new IllegalArgumentException("minimum density must be > 0: " + minDensity);
      }
    }

    public static Options of(JobOptions job) {
      return new Options(job, DEFAULT_HISTORY_DAYS, RingOptions.defaultMaxEdgesPerBlock(), RingOptions.DEFAULT_MIN_DENSITY);
    }

    /** Detection settings: the tuned defaults, with the graph ending at the end of the run's day. */
    RingOptions ringOptions() {
      return RingOptions.builder(job.date().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC))
          .historyDays(historyDays)
          .maxEdgesPerBlock(maxEdgesPerBlock)
          .minDensity(minDensity)
          .build();
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "credit-boosting rings and their member accounts (rings, ring_members)";
  }

  @Override
  public Function<JobOptions, Options> declareOptions(Arguments cli) {
    Arg<Long> historyDays = cli.whole("ring-history-days", "N", NAME + ": days of trades, the run's day included, that "
        + "form the ring graph", Options.DEFAULT_HISTORY_DAYS, 1, Options.MAX_HISTORY_DAYS);
    Arg<Long> maxEdges = cli.whole("ring-max-edges-per-block", "N", NAME + ": edges one task holds in a graph loop "
        + "(batch peeling, connected components); a larger graph is split into blocks (by default a quarter of the "
        + "heap at " + RingOptions.BYTES_PER_EDGE + " bytes an edge)", RingOptions.defaultMaxEdgesPerBlock(), 1,
        Long.MAX_VALUE);
    Arg<Double> minDensity = cli.number("ring-min-density", "D", NAME + ": FRAUDAR density (edge weight per account) a "
        + "block needs to be judged as a ring; also the core threshold that prunes the graph first", RingOptions.DEFAULT_MIN_DENSITY,
        0.01, 100);
    return job -> new Options(job, historyDays.value().intValue(), maxEdges.value(), minDensity.value());
  }

  @Override
  public JobResult run(SparkSession spark, Options options) {
    return JobRun.execute(spark, NAME, options.job(), run -> detect(run, options));
  }

  private static void detect(JobRun run, Options options) {
    LocalDate day = run.day();
    RingOptions ringOptions = options.ringOptions();
    LocalDate windowStart = day.minusDays(options.historyDays() - 1);
    // Trades before the window only date a buyer's first activity: youngAccountDays more of them
    // tell a young account from an old one (trades' ds is their creation day).
    LocalDate firstActivityFrom = windowStart.minusDays(ringOptions.youngAccountDays());
    Dataset<Row> trades = run.read(EventTables.TRADES, firstActivityFrom, day);
    boolean ratingsOnly = run.rowsRead(EventTables.TRADES) == 0;
    // Without trades (an imported rating history) ratings stand for them, and their earlier days
    // date an account's first rating as trades would its first trade.
    Dataset<Row> ratings = run.read(EventTables.RATINGS, ratingsOnly ? firstActivityFrom : windowStart, day);
    run.note("ring_history_days", String.valueOf(options.historyDays()));
    run.note("ring_max_edges_per_block", String.valueOf(options.maxEdgesPerBlock()));
    run.note("ring_min_density", String.valueOf(options.minDensity()));

    RingDetection detection = new RingDetection(ringOptions);
    String noGraph = !ratingsOnly ? null
        : run.rowsRead(EventTables.RATINGS) == 0 ? "empty: no trades or ratings in the window"
        : !detection.ratingsCanShowBoosting(ratings) ? "empty: no trades, and no rating in the window is all five-star"
        : null;
    AtomicReference<RingResult> found = new AtomicReference<>();
    if (noGraph != null) {
      // Nothing a ring could show: the empty snapshots without the dozen seconds of planning the
      // detection's stages (an imported rating history without detailed scores is this case).
      SparkSession spark = run.spark();
      found.set(new RingResult(spark.createDataFrame(List.of(), SparkSchemas.of(RingTables.RINGS)),
          spark.createDataFrame(List.of(), SparkSchemas.of(RingTables.RING_MEMBERS))));
      run.note("ring_graph", noGraph);
    } else {
      run.note("ring_graph", ratingsOnly ? "ratings: no trades in the window, ratings stand for them" : "trades");
      run.stage("detect rings", () -> {
        found.set(ratingsOnly ? detection.detectFromRatings(ratings) : detection.detect(trades, ratings));
        return found.get().rings().count();
      });
    }
    long rings = run.write(RingTables.RINGS, found.get().rings());
    run.write(RingTables.RING_MEMBERS, found.get().members());
    Dataset<Row> members = run.warehouse().read(RingTables.RING_MEMBERS, day, day);
    run.note("rings_found", String.valueOf(rings));
    run.note("ring_buyers", String.valueOf(distinctAccounts(members, RingDetection.BUYER)));
    run.note("ring_sellers", String.valueOf(distinctAccounts(members, RingDetection.SELLER)));
  }

  private static long distinctAccounts(Dataset<Row> members, String role) {
    return members.filter(col(RingDetection.ROLE).equalTo(role)).select(RingDetection.ACCOUNT_ID).distinct().count();
  }
}
