package org.chengxin.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * A subcommand that runs one module's main class with the arguments given: the main declares and
 * checks its own options and prints its own help ({@code chengxin ingest --help}). What every
 * command shares is declared here once: {@code --heap}, and {@code --spark-master} (the Spark mains
 * call it {@code --master}). A leading word (the job of {@code run-job}, the table of {@code show})
 * becomes the main's option for it.
 */
@Command(description = "", usageHelpAutoWidth = true)
public final class ForwardedCommand implements Callable<Integer> {
  /**
   * The subcommands of this kind: name, what it does, what it runs, its leading word's option, and
   * whether help lists it (steps the benchmarks run are not listed).
   */
  record Spec(String name, String description, JavaMain main, String leadingOption, boolean hidden) {
    Spec(String name, String description, JavaMain main, String leadingOption) {
      this(name, description, main, leadingOption, false);
    }
  }

  static final List<Spec> SPECS = List.of(
      new Spec("ingest", "the Flink ingest job alone: validation, pseudonymisation, dead letters, Parquet (docs/ingest.md)",
          new JavaMain(JavaMain.FLINK, "org.chengxin.ingest.IngestJob", "6g"), null),
      new Spec("produce-events", "raw event files (e.g. the generator's events/) to the Kafka event topics, one record a line (docs/ingest.md)",
          new JavaMain(JavaMain.KAFKA, "org.chengxin.kafka.ProduceEvents", "1g"), null),
      new Spec("run-job", "one Spark job, or all of them in dependency order (run-job NAME ...; run-job all --help lists them)",
          new JavaMain(JavaMain.SPARK, "org.chengxin.jobs.NightlySparkJobs", "6g"), "--job"),
      new Spec("show", "print a table as JSON Lines or CSV (show TABLE ...; docs/tables.md)",
          new JavaMain(JavaMain.SPARK, "org.chengxin.jobs.ShowTable", "2g"), "--table"),
      new Spec("compare-warehouses", "one day of every table in two warehouses compared row by row (e.g. a cluster run against a local one)",
          new JavaMain(JavaMain.SPARK, "org.chengxin.jobs.CompareWarehouses", "4g"), null),
      new Spec("generate", "synthetic marketplace with planted fraud and its ground truth (docs/generator.md)",
          new JavaMain("jobs/generator", "org.chengxin.generator.Generate", "1g"), null),
      new Spec("evaluate", "every detector's figures against the generator's truth, as one flat JSON object",
          new JavaMain("jobs/evaluation", "org.chengxin.evaluation.EvaluateCommand", "6g"), null),
      new Spec("evaluate-labels", "rater suspicion against labelled accounts: ROC-AUC, AP, n as flat JSON",
          new JavaMain("jobs/evaluation", "org.chengxin.evaluation.LabelsEvaluationCommand", "6g"), null),
      new Spec("import-ratings", "a delimited rating file from another system as raw rating events (docs/rater-reliability.md)",
          new JavaMain("jobs/importer", "org.chengxin.importer.ImportRatingsCommand", "1g"), null),
      new Spec("queue", "reviewers take and decide flagged-seller cases; export decisions as labels (docs/review-queue.md)",
          new JavaMain("jobs/review", "org.chengxin.review.cli.QueueCli", "1g"), null),
      new Spec("console", "the web console of the review queue: queue, cases with their evidence, decisions (docs/console.md)",
          new JavaMain("jobs/console", "org.chengxin.console.ConsoleServer", "512m"), null),
      new Spec("bench-console", "the console under load on loopback: 100,000 cases, 8 reviewer sessions for 2 minutes; decided, none "
          + "twice, none lost, queue and case page p95 (docs/console.md)",
          new JavaMain("jobs/console", "org.chengxin.console.ConsoleBenchmark", "2g"), null),
      new Spec("console-user", "accounts of the web console and the queue: add (password from stdin or env), unlock, list (docs/console.md)",
          new JavaMain("jobs/review", "org.chengxin.review.cli.ConsoleUserCli", "256m"), null),
      new Spec("review-sync", "bring a day's review_queue partition into the review database (a step of nightly)",
          new JavaMain(JavaMain.SPARK, "org.chengxin.jobs.review.ReviewQueueSync", "6g"), null),
      new Spec("seller-public-record", "write a day's seller_public_record from seller_scores and the review database (a step of nightly)",
          new JavaMain(JavaMain.SPARK, "org.chengxin.jobs.review.SellerPublicRecordJob", "6g"), null),
      new Spec("public-record", "a day's public record as JSON Lines, one object per seller, for a storefront (docs/public-record.md)",
          new JavaMain(JavaMain.SPARK, "org.chengxin.jobs.review.PublicRecordExport", "2g"), null),
      new Spec("train-risk-model", "retrain the seller risk model from a warehouse and labels (docs/review.md)",
          new JavaMain(JavaMain.SPARK, "org.chengxin.jobs.review.TrainRiskModel", "6g"), null),
      new Spec("schema-docs", "print docs/tables.md (every table's columns, types and meanings) from the code",
          new JavaMain("jobs/core", "org.chengxin.core.schema.SchemaDocs", "256m"), null),
      new Spec("coverage-study", "coverage of the dissatisfaction-rate intervals over simulated draws (docs/dissatisfaction.md)",
          new JavaMain("jobs/stats", "org.chengxin.stats.CoverageStudy", "2g"), null),
      new Spec("bench-dense-block", "the dense-block kernel with FRAUDAR's objective timed on a rating file, its block against FRAUDAR's reference (docs/rings.md)",
          new JavaMain("jobs/graph", "org.chengxin.graph.fraudar.DenseBlockBenchmark", "3g"), null),
      new Spec("ingest-benchmark", "the ingest stages timed one by one on one day (a step of bench-ingest)",
          new JavaMain(JavaMain.FLINK, "org.chengxin.ingest.IngestBenchmark", "6g"), null, true),
      new Spec("audit-kafka-ingest", "every record of the event topics accounted for in the tables, as JSON (a step of bench-kafka-ingest)",
          new JavaMain(JavaMain.FLINK, "org.chengxin.ingest.AuditKafkaIngest", "3g"), null, true),
      new Spec("backfill-benchmark", "a multi-day backfill timed (a step of bench-ingest --backfill-days)",
          new JavaMain(JavaMain.FLINK, "org.chengxin.ingest.BackfillBenchmark", "6g"), null, true));

  private final Spec spec;
  private final Launcher launcher;

  @Mixin private HeapOption heap;

  @CommandLine.Option(names = "--spark-master", paramLabel = "URL",
      description = "Spark master of the Spark jobs (default: spark-submit's, else embedded local[*])")
  private String sparkMaster;

  @Parameters(paramLabel = "ARGS", description = "the job's own arguments (its --help lists them)")
  private List<String> arguments = new ArrayList<>();

  private ForwardedCommand(Spec spec, Launcher launcher) {
    this.spec = spec;
    this.launcher = launcher;
  }

  /** The main class the subcommand {@code name} runs (e.g. {@code run-job}), for commands made of steps. */
  public static JavaMain mainOf(String name) {
    return SPECS.stream().filter(spec -> spec.name().equals(name)).findFirst().map(Spec::main)
        .orElseThrow(() -> new IllegalArgumentException("no subcommand " + name));
  }

  /** Adds every forwarded subcommand to {@code parent}. */
  static void registerAll(CommandLine parent, Launcher launcher) {
    for (Spec spec : SPECS) {
      CommandLine sub = new CommandLine(new ForwardedCommand(spec, launcher));
      sub.getCommandSpec().usageMessage().description(spec.description()).hidden(spec.hidden());
      // The main's own options are not declared here: they pass through, in order, to the main.
      sub.setUnmatchedOptionsArePositionalParams(true);
      parent.addSubcommand(spec.name(), sub);
    }
  }

  /** The main's arguments: the leading word as its option, then the rest, with the shared options. */
  List<String> forwardedArguments() {
    List<String> forwarded = new ArrayList<>();
    List<String> rest = arguments;
    if (spec.leadingOption() != null && !rest.isEmpty() && !rest.get(0).startsWith("-")) {
      forwarded.add(spec.leadingOption());
      forwarded.add(rest.get(0));
      rest = rest.subList(1, rest.size());
    }
    forwarded.addAll(rest);
    if (sparkMaster != null) {
      if (!spec.main().module().equals(JavaMain.SPARK)) {
        throw new CommandLine.ParameterException(new CommandLine(this), spec.name() + " runs no Spark job: --spark-master does not apply");
      }
      forwarded.add("--master");
      forwarded.add(sparkMaster);
    }
    return forwarded;
  }

  Optional<String> heap() {
    return heap.value();
  }

  @Override
  public Integer call() {
    return launcher.run(spec.main(), heap.value(), forwardedArguments());
  }
}
