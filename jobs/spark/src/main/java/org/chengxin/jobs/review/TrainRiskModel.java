package org.chengxin.jobs.review;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.chengxin.core.cli.CommandLine;
import org.chengxin.core.cli.UsageException;
import org.chengxin.core.schema.ReviewTables;
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
    CommandLine.runMain(() -> {
      CommandLine cli = new CommandLine(
          "scripts/train-risk-model --warehouse DIR --date YYYY-MM-DD (--truth DIR | --labels CSV)... [options]")
          .option("warehouse", "DIR", "warehouse whose seller_features partition of --date is the training data; required")
          .option("date", "YYYY-MM-DD", "the seller_features day; required")
          .option("truth", "DIR", "the generator's truth folder (OUT/truth): ring sellers and counterfeit sellers are fraudulent")
          .option("labels", "CSV", "reviewer decisions from `scripts/queue export-labels`; they win over the truth")
          .option("out", "DIR", "where model versions live (default: models/risk of the repository)")
          .option("seed", "N", "seed of the split and the forest (default " + RiskModelTrainer.Settings.DEFAULT.seed() + ")")
          .option("trees", "N", "trees in the forest (default " + RiskModelTrainer.Settings.DEFAULT.trees() + ")")
          .option("max-depth", "N", "deepest split (default " + RiskModelTrainer.Settings.DEFAULT.maxDepth() + ")")
          .option("master", "URL", "Spark master (default: embedded local[*])");
      if (!cli.parse(args)) {
        return;
      }
      Path truth = cli.get("truth").map(Path::of).orElse(null);
      Path labelsFile = cli.get("labels").map(Path::of).orElse(null);
      if (truth == null && labelsFile == null) {
        throw new UsageException("give --truth, --labels or both");
      }
      RiskModelTrainer.Settings defaults = RiskModelTrainer.Settings.DEFAULT;
      RiskModelTrainer.Settings settings = new RiskModelTrainer.Settings(
          (int) cli.longValue("trees", defaults.trees(), 1, 10_000), (int) cli.longValue("max-depth", defaults.maxDepth(), 1, 64),
          defaults.featureFraction(), cli.longValue("seed", defaults.seed(), Long.MIN_VALUE, Long.MAX_VALUE),
          defaults.heldOutShare());
      String warehouse = cli.required("warehouse");
      LocalDate day = cli.date("date");
      TrainingLabels labels = TrainingLabels.read(truth, labelsFile);
      List<Row> rows;
      try (SparkSession spark = SparkSessions.create("chengxin-train-risk " + day, cli.get("master"))) {
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
      RiskModelStore store = new RiskModelStore(cli.get("out").map(Path::of).orElseGet(SellerRiskJob.Options::defaultModels));
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
