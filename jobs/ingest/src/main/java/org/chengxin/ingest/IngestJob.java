package org.chengxin.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.connector.base.source.reader.SourceReaderOptions;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.fs.Path;
import org.apache.flink.runtime.util.HadoopUtils;
import org.apache.flink.formats.parquet.avro.AvroParquetReaders;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.chengxin.core.cli.Arguments;
import org.chengxin.core.event.EventFields;
import org.chengxin.core.event.EventKind;
import org.chengxin.core.privacy.KeyContinuity;
import org.chengxin.core.privacy.GeneratedInput;
import org.chengxin.core.privacy.PseudonymKeys;
import org.chengxin.core.privacy.Pseudonymiser;
import org.chengxin.core.schema.EventTables;
import org.chengxin.core.schema.TableSchema;
import org.chengxin.core.validation.EventValidator;
import org.chengxin.core.validation.RevisionRules;
import org.chengxin.core.warehouse.HadoopWarehouseFileSystem;
import org.chengxin.core.warehouse.RunSummaries;
import org.chengxin.core.warehouse.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest job: raw JSON Lines in, the event tables, {@code dead_letter} and
 * {@code late_events} out (docs/ingest.md).
 *
 * <pre>
 * ReadRawLines -> Validate -(dead letters)-> dead_letter
 *   -> [EventTime] -> RouteLate -(late)-> late_events
 *   -> keyBy(hash of kind:id) Deduplicate -> trades, certificates
 *                                 -> keyBy(hash of trade_id) LookUpTrade (+ known trade ids) -> ratings, complaints
 *                                 -> keyBy(hash of rating_id) LookUpRevisedRating (+ known ratings, earlier revisions)
 *                                       -> rating_revisions -(broken rules)-> dead_letter
 * bounded: known trade ids -> KeepNeededIds (Bloom filter of the ratings' and complaints' trade ids) -> LookUpTrade
 *          known ratings -> KeepNeededIds (Bloom filter of the revisions' rating ids) -> LookUpRevisedRating
 * </pre>
 *
 * A bounded run executes in Flink's BATCH mode, writes staging directories and swaps them in with
 * {@link Warehouse#commitPartition} only after the job and the count reconciliation succeed. A
 * continuous run monitors the inputs, or reads the event topics of Kafka ({@link KafkaRawLines}), and
 * writes live partitions through checkpointed FileSinks.
 */
public final class IngestJob {
  public static final String JOB_NAME = "ingest";
  private static final Logger LOG = LoggerFactory.getLogger(IngestJob.class);
  /** Batches of 2,048 lines ({@link JsonLinesFormat}) a source reader may hold: 16 is a few MB. */
  static final int ELEMENT_QUEUE_CAPACITY = 16;
  private static final Schema TRADE_ID_ONLY = AvroSchemas.projection(EventTables.TRADES, List.of(EventFields.TRADE_ID));
  /**
   * Days of earlier {@code ratings} and {@code rating_revisions} partitions the revision look-up
   * reads: the revision window and one day more, so a revision a day too late is told
   * {@code outside_revision_window}, not {@code unknown_rating}.
   */
  static final int REVISION_LOOKBACK_DAYS = (int) RevisionRules.WINDOW.toDays() + 1;

  private final IngestOptions options;
  private final UnaryOperator<DataStream<RawLine>> rawLineTap;
  private final Pseudonymiser pseudonymiser;
  private final Warehouse warehouse;
  private final Clock clock;

  public IngestJob(IngestOptions options) {
    this(options, UnaryOperator.identity());
  }

  /** @param rawLineTap applied to the raw lines right after the source (tests inject failures here) */
  IngestJob(IngestOptions options, UnaryOperator<DataStream<RawLine>> rawLineTap) {
    this(options, rawLineTap, Clock.systemUTC());
  }

  /** @param clock whose UTC day is "today" for a continuous run: plausible timestamps, the trades look-back */
  IngestJob(IngestOptions options, UnaryOperator<DataStream<RawLine>> rawLineTap, Clock clock) {
    this.options = options;
    this.rawLineTap = rawLineTap;
    this.clock = clock;
    // Nothing in a topic shows that the generator wrote it: Kafka input (no inputs) always needs a key.
    this.pseudonymiser = PseudonymKeys.resolve(options.pseudonymKeyFile(), GeneratedInput.all(options.inputs()));
    // A path or a URI (hdfs://, s3a://), read with the Hadoop settings Flink's own file systems use.
    this.warehouse = HadoopWarehouseFileSystem.open(options.warehouse(), HadoopUtils.getHadoopConfiguration(engineConfiguration()));
  }

  public static void main(String[] args) {
    Arguments.runMain(() -> {
      Optional<IngestOptions> options = IngestOptions.parse(args);
      if (options.isEmpty()) {
        return;
      }
      IngestJob job = new IngestJob(options.get());
      if (options.get().continuous()) {
        job.startContinuous().getJobExecutionResult().get();
      } else {
        job.runBounded();
        // Every partition is swapped in and the summary recorded. The embedded engine can leave a
        // non-daemon file-source thread behind (Flink 2.3, FLINK-40660: a split fetcher shut down
        // for idleness waits for ever on a hand-over the full element queue refused), which would
        // keep the process alive; failures exit 1 through Arguments.runMain.
        System.exit(0);
      }
    });
  }

  /**
   * Ingests the day {@code options.date()} (a backfill: every day from {@code options.fromDate()}
   * to it): runs the job, checks that the counts reconcile, swaps every table's ds partitions in
   * (one atomic swap per table and day) and records the run summary, which it returns.
   */
  public ObjectNode runBounded() throws Exception {
    LocalDate day = options.date();
    String keyFingerprint = pseudonymiser.fingerprint();
    KeyContinuity.require(warehouse, JOB_NAME, options.firstDay(), day, keyFingerprint, options.acceptNewPseudonymKey());
    Map<TableSchema, String> staging = new LinkedHashMap<>();
    for (TableSchema table : EventTables.all()) {
      warehouse.discardAbandonedStaging(table.name(), day);
      staging.put(table, warehouse.newStagingPath(table.name(), day));
    }
    try {
      StreamExecutionEnvironment env = environment();
      boolean backfill = options.fromDate() != null;
      build(env, new SinkPlacement() {
        @Override
        public <T> void write(DataStream<T> rows, TableSchema table, BulkWriter.Factory<T> format,
            TableSinks.EventTime<T> eventTime, String uid) {
          String root = staging.get(table);
          if (!backfill) {
            rows.sinkTo(TableSinks.staged(format, root)).name(writeStep(table)).uid(uid);
          } else if (eventTime == null) {
            rows.sinkTo(TableSinks.staged(format, root + "/ds=" + day)).name(writeStep(table)).uid(uid);
          } else {
            TableSinks.stagedByDay(rows, format, root, eventTime).name(writeStep(table)).uid(uid);
          }
        }
      });
      LOG.info("ingest {}..{}: reading {} with parallelism {} (bounded)", options.firstDay(), day, options.inputs(),
          options.parallelism());
      long started = System.currentTimeMillis();
      JobExecutionResult result = env.execute("chengxin ingest " + day);
      long elapsedMs = Math.max(1, System.currentTimeMillis() - started);
      ObjectNode summary = IngestCounts.summarise(result.getAllAccumulatorResults());
      for (Map.Entry<TableSchema, String> entry : staging.entrySet()) {
        if (backfill) {
          commitDays(entry.getKey(), entry.getValue());
        } else {
          warehouse.commitPartition(entry.getKey().name(), day, entry.getValue());
        }
      }
      long read = summary.path("totals").path("read").asLong();
      if (backfill) {
        summary.put("from_date", options.fromDate().toString());
      }
      summary.put("mode", "bounded").put("elapsed_ms", elapsedMs).put("lines_per_second", read * 1000 / elapsedMs)
          .put(KeyContinuity.SUMMARY_FIELD, keyFingerprint);
      options.inputs().forEach(summary.putArray("inputs")::add);
      new RunSummaries(warehouse).record(day, JOB_NAME, summary);
      LOG.info("ingest {}: {} lines in {} ms ({} lines/s): {}", day, read, elapsedMs, read * 1000 / elapsedMs,
          summary.path("totals"));
      return summary;
    } catch (Exception | Error e) {
      staging.values().forEach(warehouse::discardStaging);
      throw e;
    }
  }

  /**
   * Swaps in a backfill's partitions of one table: every owned day with output; owned days without
   * output become empty if they held data (a re-run replaces them), and the run's day always exists.
   */
  private void commitDays(TableSchema table, String stagingRoot) {
    for (LocalDate d = options.fromDate(); !d.isAfter(options.date()); d = d.plusDays(1)) {
      String output = stagingRoot + "/ds=" + d;
      if (warehouse.fileSystem().exists(output)) {
        warehouse.commitPartition(table.name(), d, output);
      } else if (d.equals(options.date()) || warehouse.fileSystem().exists(warehouse.partitionPath(table.name(), d))) {
        warehouse.commitPartition(table.name(), d, warehouse.newStagingPath(table.name(), d));
      }
    }
    warehouse.discardStaging(stagingRoot);
  }

  /** Starts the continuous job (checkpointed, exactly once) and returns at once. */
  public JobClient startContinuous() throws Exception {
    StreamExecutionEnvironment env = environment();
    build(env, new SinkPlacement() {
      @Override
      public <T> void write(DataStream<T> rows, TableSchema table, BulkWriter.Factory<T> format,
          TableSinks.EventTime<T> eventTime, String uid) {
        rows.sinkTo(TableSinks.live(format, warehouse.tablePath(table.name()), eventTime)).name(writeStep(table)).uid(uid);
      }
    });
    if (options.fromKafka()) {
      LOG.info("ingest: reading the event topics {}* at {} with parallelism {} (continuous)", options.kafkaTopicPrefix(),
          options.kafkaBootstrap(), options.parallelism());
    } else {
      LOG.info("ingest: monitoring {} every {} with parallelism {} (continuous)", options.inputs(),
          options.monitorInterval(), options.parallelism());
    }
    return env.executeAsync("chengxin ingest (continuous)");
  }

  /** What every run of this job sets, bounded or continuous; the benchmark's engine floors use it too. */
  static Configuration engineConfiguration() {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.OBJECT_REUSE, true);
    // Embedded runs only (a cluster keeps its own): BATCH sorts by key in managed memory, and
    // the default 128 MB makes a day of events spill to disk.
    conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(1024));
    // The file source starts a split fetcher per file and shuts it down when the file is read; that
    // shutdown hangs (FLINK-40660, see main) when the next file's fetcher has filled the element
    // queue first: with the default of two, one batch and its end-of-file marker, which every
    // small file is (a day of an imported history). Room for 16 makes that need a file of 30,000
    // lines or more, and spares the 30 s the reader's close then waits for the stuck fetcher.
    conf.set(SourceReaderOptions.ELEMENT_QUEUE_CAPACITY, ELEMENT_QUEUE_CAPACITY);
    return conf;
  }

  private StreamExecutionEnvironment environment() {
    Configuration conf = engineConfiguration();
    if (options.continuous()) {
      conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.STREAMING);
      conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, options.checkpointInterval());
      conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, new Path(options.checkpointDir()).makeQualified(localFs()).toString());
      conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION, ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
      // Compressed snapshots are also read back in blocks: the heap state backend restores an
      // uncompressed one a byte per read call from a local file, minutes for 100 MB of
      // deduplication state (the job stood still after each restart).
      conf.set(ExecutionOptions.SNAPSHOT_COMPRESSION, true);
      // A stream has no end to fail at: it restarts from its last checkpoint after every failure (a
      // task manager lost, a broker away), waiting 1 s, doubling to at most a minute while failures go on.
      conf.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
      conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF, java.time.Duration.ofSeconds(1));
      conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF, java.time.Duration.ofMinutes(1));
      restorePoint().ifPresent(path -> conf.set(StateRecoveryOptions.SAVEPOINT_PATH, path));
    } else {
      // A bounded run is all or nothing: a failure fails the run and the old partitions stay.
      conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
      conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    }
    InetSocketAddress cluster = options.flinkMaster();
    // On a session cluster the job graph and the job jar go to the job manager, as `flink run` sends
    // them; execute() then waits for the job's end and brings back its accumulators (the counts).
    StreamExecutionEnvironment env = cluster == null ? StreamExecutionEnvironment.getExecutionEnvironment(conf)
        : StreamExecutionEnvironment.createRemoteEnvironment(cluster.getHostString(), cluster.getPort(), conf,
            options.jobJar().toString());
    env.setParallelism(options.parallelism());
    return env;
  }

  /** The checkpoint or savepoint a continuous run resumes from, {@code latest} resolved; empty: a fresh start. */
  private Optional<String> restorePoint() {
    if (!RetainedCheckpoints.LATEST.equals(options.restoreFrom())) {
      return Optional.ofNullable(options.restoreFrom());
    }
    Optional<String> latest = RetainedCheckpoints.latest(options.checkpointDir()).map(String::valueOf);
    LOG.info("ingest: {}", latest.map(path -> "resuming from the latest retained checkpoint " + path)
        .orElse("no retained checkpoint in " + options.checkpointDir() + ": starting afresh"));
    return latest;
  }

  private static org.apache.flink.core.fs.FileSystem localFs() {
    return org.apache.flink.core.fs.FileSystem.getLocalFileSystem();
  }

  /** Where a table's files go: a bounded run's staging directories or a continuous run's live tables. */
  private interface SinkPlacement {
    /**
     * Adds the step writing one table's rows.
     *
     * @param eventTime the time whose day is a row's ds; null for rows filed under the run's (or processing) day
     * @param uid the step's stable id (continuous checkpoints are restored by it)
     */
    <T> void write(DataStream<T> rows, TableSchema table, BulkWriter.Factory<T> format,
        TableSinks.EventTime<T> eventTime, String uid);
  }

  private static String writeStep(TableSchema table) {
    return "Write " + table.name();
  }

  private void build(StreamExecutionEnvironment env, SinkPlacement sinks) {
    DataStream<RawLine> lines = rawLineTap.apply(readRawLines(env));

    LocalDate runDay = options.continuous() ? null : options.date();
    // Files are read whole (line numbers need it) and feeds often put a day in one big file:
    // spreading lines round-robin keeps every core validating.
    SingleOutputStreamOperator<ValidEvent> valid = lines
        .rebalance()
        .process(new ValidateFunction(pseudonymiser, runDay, clock, options.maxLineBytes()))
        .name("Validate").uid("validate");
    DataStream<ValidEvent> timed = valid;
    LatePolicy latePolicy = runDay == null ? null : LatePolicy.forDays(options.firstDay(), runDay);
    if (options.continuous()) {
      timed = valid.assignTimestampsAndWatermarks(
          WatermarkStrategy.<ValidEvent>forBoundedOutOfOrderness(options.maxOutOfOrderness())
              .withTimestampAssigner((event, previous) -> event.eventTime))
          .name("EventTime").uid("event-time");
      latePolicy = LatePolicy.behindWatermark(options.allowedLateness());
    }
    SingleOutputStreamOperator<ValidEvent> onTime = timed
        .process(new LateRouter(latePolicy, pseudonymiser)).name("RouteLate").uid("route-late");

    java.time.Duration retention = options.continuous() ? options.dedupeRetention() : null;
    SingleOutputStreamOperator<ValidEvent> unique = onTime
        .keyBy(DeduplicateFunction::partitionKey, Types.LONG)
        .process(new DeduplicateFunction(retention)).name("Deduplicate").uid("deduplicate");

    DataStream<String> knownTrades = unique
        .filter(e -> e.kind == EventKind.TRADE).name("Trades")
        .map(e -> e.tradeId).returns(Types.STRING).name("TradeIds");
    List<Path> earlierTrades = earlierTradePartitions();
    if (!earlierTrades.isEmpty()) {
      knownTrades = knownTrades.union(
          readPartitions(env, earlierTrades, TRADE_ID_ONLY, "ReadEarlierTrades", "read-earlier-trades")
              .map(r -> r.get(EventFields.TRADE_ID).toString()).returns(Types.STRING).name("EarlierTradeIds").uid("earlier-trade-ids"));
    }
    DataStream<ValidEvent> needTrade = unique
        .filter(e -> e.kind == EventKind.RATING || e.kind == EventKind.COMPLAINT).name("NeedTrade");
    if (!options.continuous()) {
      // Only the known ids some rating or complaint asks about go on to the sorted look-up.
      knownTrades = knownTrades
          .connect(neededIds(needTrade.map(e -> ShuffleKeys.of(e.tradeId)).returns(Types.LONG).name("NeededTradeKeys"),
              "CollectNeededTradeIds", "collect-needed-trade-ids"))
          .process(KeepNeededIds.tradeIds(), Types.STRING).name("KeepNeededTradeIds").uid("keep-needed-trade-ids");
    }
    SingleOutputStreamOperator<ValidEvent> resolved = needTrade
        .keyBy(e -> TradeLookupFunction.partitionKey(e.tradeId), Types.LONG)
        .connect(knownTrades.keyBy(TradeLookupFunction::partitionKey, Types.LONG))
        .process(new TradeLookupFunction(options.maxOutOfOrderness(), retention)).name("LookUpTrade").uid("look-up-trade");

    SingleOutputStreamOperator<ValidEvent> revisions = revisionLookUp(env, unique, retention);

    Map<EventKind, DataStream<ValidEvent>> byKind = new EnumMap<>(EventKind.class);
    for (EventKind kind : EventKind.values()) {
      DataStream<ValidEvent> from = switch (kind) {
        case RATING, COMPLAINT -> resolved;
        case RATING_REVISION -> revisions;
        case TRADE, CERTIFICATE -> unique;
      };
      byKind.put(kind, from.filter(e -> e.kind == kind).name("Only " + kind.table()));
    }
    for (EventKind kind : EventKind.values()) {
      TableSchema table = EventValidator.tableOf(kind);
      sinks.write(byKind.get(kind).map(new CountAccepted(kind)).name("CountAccepted " + table.name()),
          table, TableSinks.eventParquet(kind), event -> event.eventTime, "write-" + table.name());
    }
    sinks.write(valid.getSideOutput(ValidateFunction.DEAD_LETTER).union(revisions.getSideOutput(RevisionLookupFunction.DEAD_LETTER)),
        EventTables.DEAD_LETTER,
        TableSinks.avroParquet(EventTables.DEAD_LETTER), null, "write-dead-letter");
    sinks.write(onTime.getSideOutput(LateRouter.LATE), EventTables.LATE_EVENTS,
        TableSinks.avroParquet(EventTables.LATE_EVENTS), null, "write-late-events");
  }

  /** The raw lines: the event topics' records, or the input files' lines (monitored in a continuous run). */
  private DataStream<RawLine> readRawLines(StreamExecutionEnvironment env) {
    if (options.fromKafka()) {
      // Its own step id: a file-source checkpoint's state is not a Kafka reader's.
      return env.fromSource(KafkaRawLines.source(options.kafkaBootstrap(), options.kafkaTopicPrefix(), options.maxLineBytes()),
          WatermarkStrategy.noWatermarks(), "ReadEventTopics").uid("read-event-topics");
    }
    FileSource.FileSourceBuilder<RawLine> sourceBuilder = FileSource.forBulkFileFormat(
        new JsonLinesFormat(options.maxLineBytes()), options.inputs().stream().map(Path::new).toArray(Path[]::new));
    if (options.continuous()) {
      sourceBuilder.monitorContinuously(options.monitorInterval());
    }
    return env.fromSource(sourceBuilder.build(), WatermarkStrategy.noWatermarks(), "ReadRawLines").uid("read-raw-lines");
  }

  /**
   * Checks the run's revisions against the ratings they revise: this run's ratings, the earlier
   * days' ({@link #REVISION_LOOKBACK_DAYS}) and the ratings earlier runs saw revised. Its main
   * output is the accepted revisions; its {@link RevisionLookupFunction#DEAD_LETTER} side output the
   * rejected ones.
   */
  private SingleOutputStreamOperator<ValidEvent> revisionLookUp(StreamExecutionEnvironment env,
      DataStream<ValidEvent> unique, java.time.Duration retention) {
    DataStream<ValidEvent> revisions = unique.filter(e -> e.kind == EventKind.RATING_REVISION).name("Revisions");
    DataStream<ValidEvent> ratings = unique.filter(e -> e.kind == EventKind.RATING).name("Ratings");
    DataStream<RatingFact> earlier = null;
    List<Path> earlierRatings = earlierPartitions(EventTables.RATINGS.name(), REVISION_LOOKBACK_DAYS);
    if (!earlierRatings.isEmpty()) {
      earlier = readPartitions(env, earlierRatings, RatingFact.RATINGS_PROJECTION, "ReadEarlierRatings", "read-earlier-ratings")
          .map(RatingFact::ofRatingRecord).returns(RatingFact.class).name("EarlierRatingFacts").uid("earlier-rating-facts");
    }
    List<Path> earlierRevisions = earlierPartitions(EventTables.RATING_REVISIONS.name(), REVISION_LOOKBACK_DAYS);
    if (!earlierRevisions.isEmpty()) {
      DataStream<RatingFact> revised =
          readPartitions(env, earlierRevisions, RatingFact.REVISIONS_PROJECTION, "ReadEarlierRevisions", "read-earlier-revisions")
              .map(RatingFact::revisedEarlier).returns(RatingFact.class).name("EarlierRevisions").uid("earlier-revisions");
      earlier = earlier == null ? revised : earlier.union(revised);
    }
    if (!options.continuous()) {
      // Only the ratings some revision asks about go on (this run's are decoded only then) to the sorted look-up.
      BroadcastStream<NeededIds> needed = neededIds(
          revisions.map(e -> ShuffleKeys.of(RevisionLookupFunction.ratingIdOf(e))).returns(Types.LONG).name("NeededRatingKeys"),
          "CollectNeededRatingIds", "collect-needed-rating-ids");
      ratings = ratings.connect(needed)
          .process(new KeepNeededIds<ValidEvent>(e -> e.eventId), TypeInformation.of(ValidEvent.class))
          .name("KeepNeededRatings").uid("keep-needed-ratings");
      if (earlier != null) {
        earlier = earlier.connect(needed).process(KeepNeededIds.ratings(), TypeInformation.of(RatingFact.class))
            .name("KeepNeededEarlierRatings").uid("keep-needed-earlier-ratings");
      }
    }
    DataStream<RatingFact> knownRatings = ratings.map(new RatingFact.FromRating()).name("RatingFacts");
    if (earlier != null) {
      knownRatings = knownRatings.union(earlier);
    }
    return revisions
        .keyBy(e -> RevisionLookupFunction.partitionKey(RevisionLookupFunction.ratingIdOf(e)), Types.LONG)
        .connect(knownRatings.keyBy(f -> RevisionLookupFunction.partitionKey(f.ratingId), Types.LONG))
        .process(new RevisionLookupFunction(options.maxOutOfOrderness(), revisionRetention(retention), pseudonymiser))
        .name("LookUpRevisedRating").uid("look-up-revised-rating");
  }

  /**
   * How long a continuous run remembers ratings and revised ratings: the dedupe retention, but never
   * less than the revision look-back, or a revision of a rating older than the retention would read
   * as unknown. Null (the whole run) for bounded runs.
   */
  static java.time.Duration revisionRetention(java.time.Duration retention) {
    java.time.Duration lookback = java.time.Duration.ofDays(REVISION_LOOKBACK_DAYS);
    return retention == null ? null : retention.compareTo(lookback) >= 0 ? retention : lookback;
  }

  /** The broadcast Bloom filter of the keys of the ids some events ask about (bounded runs). */
  private static BroadcastStream<NeededIds> neededIds(DataStream<Long> keys, String name, String uid) {
    return keys
        .transform(name, TypeInformation.of(NeededIds.class), new CollectNeededIds())
        .setParallelism(1).uid(uid)
        .broadcast(KeepNeededIds.FILTER);
  }

  /**
   * The records of earlier partitions, read through a projection of their columns. The source ends
   * when they are read, and a checkpoint records it and the operator chained to it as finished: that
   * operator needs an id of its own too (the callers give one). A generated id follows the job's
   * shape, which changes when a restarted continuous run finds other earlier partitions; the restore
   * then met the finished source beside an unknown, running operator in one chain and refused to
   * start ("mixed operator finished state"), seen after a kill in KafkaIngestKillTest.
   */
  private static DataStream<GenericRecord> readPartitions(StreamExecutionEnvironment env, List<Path> partitions,
      Schema projection, String name, String uid) {
    FileSource<GenericRecord> source =
        FileSource.forRecordStreamFormat(AvroParquetReaders.forGenericRecord(projection), partitions.toArray(Path[]::new)).build();
    return env.fromSource(source, WatermarkStrategy.noWatermarks(), name).uid(uid);
  }

  /** ds partitions of trades in the look-back before the run's first day (or today, continuous). */
  private List<Path> earlierTradePartitions() {
    return earlierPartitions(EventTables.TRADES.name(), options.lookbackDays());
  }

  /** ds partitions of a table in the {@code days} before the run's first day (or today, continuous). */
  private List<Path> earlierPartitions(String table, int days) {
    LocalDate anchor = options.date() != null ? options.firstDay() : LocalDate.now(clock.withZone(ZoneOffset.UTC));
    List<Path> found = new ArrayList<>();
    for (int back = 1; back <= days; back++) {
      String partition = warehouse.partitionPath(table, anchor.minusDays(back));
      if (warehouse.fileSystem().exists(partition) && !warehouse.fileSystem().list(partition).isEmpty()) {
        found.add(new Path(partition));
      }
    }
    return found;
  }
}
