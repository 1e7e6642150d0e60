package org.chengxin.jobs.review;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.chengxin.core.cli.Arguments;
import org.chengxin.core.cli.Arguments.Arg;
import org.chengxin.core.cli.UsageException;
import org.chengxin.core.schema.ReviewTables;
import org.chengxin.jobs.frame.JobOptions;
import org.chengxin.jobs.frame.SparkSessions;
import org.chengxin.jobs.frame.SparkWarehouse;
import org.chengxin.models.LabelledSeller;
import org.chengxin.models.RiskFeatures;
import org.chengxin.models.RiskModelStore;
import org.chengxin.models.RiskModelTrainer;
import org.chengxin.models.TrainingLabels;

/**
 * {@code scripts/train-risk-model}: trains a new risk model version from one day's seller_features
 * (one row per seller, collected to the driver) and labels from reviewers' decisions and/or the
 * generator's truth, evaluates it on a held-out split and saves it beside the earlier versions.
 */
public final class TrainRiskModel {

  private TrainRiskModel() {}

  public static void main(String[] args) {
    Arguments.runMain(() -> {
      Arguments cli = new Arguments("scripts/train-risk-model", "Trains the seller risk model on a day's seller_features "
          + "with labels from --truth, --labels or both, evaluates it on a held-out split and saves it.");
      Supplier<JobOptions> job = JobOptions.declare(cli);
      Arg<Path> truthDir = cli.path("truth", "DIR",
          "the generator's truth folder (OUT/truth): ring sellers and counterfeit sellers are fraudulent");
      Arg<Path> labelsCsv = cli.path("labels", "CSV", "reviewer decisions from `scripts/queue export-labels`; they win over the truth");
      Arg<Path> out = cli.path("out", "DIR", "where model versions live (default: models/risk of the repository)");
      RiskModelTrainer.Settings defaults = RiskModelTrainer.Settings.DEFAULT;
      Arg<Long> seed = cli.whole("seed", "N", "seed of the split and the forest", defaults.seed(), Long.MIN_VALUE, Long.MAX_VALUE);
      Arg<Long> trees = cli.whole("trees", "N", "trees in the forest", defaults.trees(), 1, 10_000);
      Arg<Long> maxDepth = cli.whole("max-depth", "N", "deepest split", defaults.maxDepth(), 1, 64);
      if (!cli.parse(args)) {
        return;
      }
      Path truth = truthDir.value();
      Path labelsFile = labelsCsv.value();
      if (truth == null && labelsFile == null) {
        throw new UsageException("give --truth, --labels or both");
      }
      RiskModelTrainer.Settings settings = new RiskModelTrainer.Settings(trees.value().intValue(),
          maxDepth.value().intValue(), defaults.featureFraction(), seed.value(), defaults.heldOutShare());
      JobOptions options = job.get();
      String warehouse = options.warehouse();
      LocalDate day = options.date();
      TrainingLabels labels = TrainingLabels.read(truth, labelsFile);
      List<Row> rows;
      try (SparkSession spark = SparkSessions.create("chengxin-train-risk " + day, options.master())) {
        SparkWarehouse tables = SparkWarehouse.open(spark, warehouse);
        if (!tables.days(ReviewTables.SELLER_FEATURES).contains(day)) {
          throw new UsageException("no seller_features partition for " + day + " in " + warehouse
              + ": run `scripts/run-job seller_risk` (or the nightly run) for that day first");
        }
        rows = tables.read(ReviewTables.SELLER_FEATURES, day, day).collectAsList();
      }
      List<LabelledSeller> sellers = labelled(rows, labels);
      String data = "seller_features " + warehouse + " ds=" + day + "; labels: " + labels.describe()
          + (truth == null ? "" : " from " + truth) + (labelsFile == null ? "" : " and " + labelsFile);
      RiskModelTrainer.Result result = new RiskModelTrainer(settings).train(sellers, data);
      RiskModelStore store = new RiskModelStore(out.optional().orElseGet(SellerRiskJob.Options::defaultModels));
      Path saved = store.save(RiskModelStore.newVersion(Clock.systemUTC()), result, settings, data);
      RiskModelTrainer.HeldOut heldOut = result.heldOut();
      System.out.printf("saved %s%nheld-out: %d sellers (%d fraudulent), ROC-AUC %.4f, average precision %.4f; "
              + "best single signal %s (%s) average precision %.4f%n",
          saved, heldOut.sellers(), heldOut.fraudulent(), heldOut.rocAuc(), heldOut.averagePrecision(),
          heldOut.bestSingleSignal().feature(), heldOut.bestSingleSignal().higherIsRiskier() ? "higher is riskier" : "lower is riskier",
          heldOut.bestSingleSignal().averagePrecision());
    });
  }

  static List<LabelledSeller> labelled(List<Row> rows, TrainingLabels labels) {
    List<LabelledSeller> sellers = new ArrayList<>();
    for (Row row : rows) {
      String seller = row.getAs("seller_id");
      Optional<Boolean> fraudulent = labels.label(seller);
      if (fraudulent.isPresent()) {
        double[] values = new double[RiskFeatures.NAMES.size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = row.getAs(RiskFeatures.NAMES.get(i));
        }
        sellers.add(new LabelledSeller(seller, values, fraudulent.get()));
      }
    }
    return sellers;
  }
}
