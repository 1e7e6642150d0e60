package org.chengxin.models;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.chengxin.detectors.eval.RankingMetrics;
import org.chengxin.models.Calibration.CalibrationBin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains the risk model: a random forest of CART trees (Tribuo) on a stratified training split,
 * evaluated on the held-out rest against the best single feature used as a score on its own. The
 * returned model is the one evaluated (trained without the held-out sellers).
 */
public final class RiskModelTrainer {
  private static final Logger LOG = LoggerFactory.getLogger(RiskModelTrainer.class);
  private static final int CALIBRATION_BINS = 10;
  // Tribuo logs every bagged tree through java.util.logging at INFO; held here so the level sticks.
  private static final java.util.logging.Logger TRIBUO_LOG = quiet(java.util.logging.Logger.getLogger("org.tribuo"));

  /**
   * @param trees trees in the forest
   * @param maxDepth deepest split of each tree
   * @param featureFraction share of the features each split may choose from; below 1, because a
   *     random forest's trees must each see a random subset (Tribuo refuses 1)
   * @param seed seeds the split and the forest: same data and seed give the same model
   * @param heldOutShare share of each class kept out of training for evaluation
   */
  public record Settings(int trees, int maxDepth, float featureFraction, long seed, double heldOutShare) {
    public static final Settings DEFAULT = new Settings(100, 8, 0.5f, 7L, 0.3);

    public Settings {
      if (trees < 1 || maxDepth < 1 || !(featureFraction > 0 && featureFraction < 1)
          || !(heldOutShare > 0 && heldOutShare < 1)) {
        throw new IllegalArgumentException("bad risk model settings: " + trees + " trees, depth " + maxDepth
            + ", feature fraction " + featureFraction + ", held-out share " + heldOutShare);
      }
    }
  }

  /** The best single feature as a ranking on its own, and in which direction it ranks fraud first. */
  public record SingleSignal(String feature, boolean higherIsRiskier, double averagePrecision) {}

  /** Held-out figures of a trained model. */
  public record HeldOut(int sellers, int fraudulent, double rocAuc, double averagePrecision,
      List<CalibrationBin> calibration, SingleSignal bestSingleSignal) {}

  public record Result(Model<Label> model, int trainSellers, int trainFraudulent, HeldOut heldOut) {}

  private final Settings settings;

  public RiskModelTrainer(Settings settings) {
    this.settings = settings;
  }

  /**
   * @param dataDescription where the rows and labels came from, recorded in the model's provenance
   */
  public Result train(List<LabelledSeller> sellers, String dataDescription) {
    List<LabelledSeller> train = new ArrayList<>();
    List<LabelledSeller> heldOut = new ArrayList<>();
    split(sellers, train, heldOut);
    int trainFraud = (int) train.stream().filter(LabelledSeller::fraudulent).count();
    if (trainFraud == 0 || trainFraud == train.size() || heldOut.stream().noneMatch(LabelledSeller::fraudulent)) {
      throw new IllegalArgumentException("training needs fraudulent and honest sellers in both splits: "
          + sellers.size() + " sellers, " + sellers.stream().filter(LabelledSeller::fraudulent).count() + " fraudulent");
    }
    LabelFactory labels = new LabelFactory();
    MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance(dataDescription, labels), labels);
    for (LabelledSeller seller : train) {
      data.add(RiskFeatures.example(seller.features(), seller.fraudulent() ? RiskFeatures.FRAUD : RiskFeatures.HONEST));
    }
    RandomForestTrainer<Label> trainer = new RandomForestTrainer<>(
        new CARTClassificationTrainer(settings.maxDepth(), settings.featureFraction(), settings.seed()),
        new FullyWeightedVotingCombiner(), settings.trees(), settings.seed());
    long started = System.nanoTime();
    Model<Label> model = trainer.train(data);
    LOG.info("trained {} trees on {} sellers ({} fraudulent) in {} s", settings.trees(), train.size(), trainFraud,
        String.format("%.1f", (System.nanoTime() - started) / 1e9));
    return new Result(model, train.size(), trainFraud, evaluate(new RiskModel("candidate", model), heldOut));
  }

  static HeldOut evaluate(RiskModel model, List<LabelledSeller> heldOut) {
    double[] risks = new double[heldOut.size()];
    boolean[] fraud = new boolean[heldOut.size()];
    for (int i = 0; i < risks.length; i++) {
      risks[i] = model.risk(heldOut.get(i).features());
      fraud[i] = heldOut.get(i).fraudulent();
    }
    int fraudulent = 0;
    for (boolean f : fraud) {
      fraudulent += f ? 1 : 0;
    }
    double auc = fraudulent == 0 || fraudulent == risks.length ? Double.NaN : RankingMetrics.rocAuc(risks, fraud);
    return new HeldOut(risks.length, fraudulent, auc, averagePrecisionOrNaN(risks, fraud),
        Calibration.bins(risks, fraud, CALIBRATION_BINS), bestSingleSignal(heldOut));
  }

  /** Each feature ranks the sellers on its own, in whichever direction does better. */
  static SingleSignal bestSingleSignal(List<LabelledSeller> sellers) {
    boolean[] fraud = new boolean[sellers.size()];
    for (int i = 0; i < fraud.length; i++) {
      fraud[i] = sellers.get(i).fraudulent();
    }
    SingleSignal best = null;
    for (int f = 0; f < RiskFeatures.NAMES.size(); f++) {
      double[] up = new double[sellers.size()];
      double[] down = new double[sellers.size()];
      for (int i = 0; i < up.length; i++) {
        up[i] = sellers.get(i).features()[f];
        down[i] = -up[i];
      }
      for (SingleSignal candidate : List.of(
          new SingleSignal(RiskFeatures.NAMES.get(f), true, averagePrecisionOrNaN(up, fraud)),
          new SingleSignal(RiskFeatures.NAMES.get(f), false, averagePrecisionOrNaN(down, fraud)))) {
        if (best == null || candidate.averagePrecision() > best.averagePrecision()) {
          best = candidate;
        }
      }
    }
    return best;
  }

  /** Average precision, NaN when no seller is fraudulent (nothing to find). */
  private static double averagePrecisionOrNaN(double[] scores, boolean[] fraud) {
    for (boolean f : fraud) {
      if (f) {
        return RankingMetrics.averagePrecision(scores, fraud);
      }
    }
    return Double.NaN;
  }

  private static java.util.logging.Logger quiet(java.util.logging.Logger logger) {
    logger.setLevel(java.util.logging.Level.WARNING);
    return logger;
  }

  /** Stratified: the same share of fraudulent and of honest sellers is held out, drawn with the seed. */
  private void split(List<LabelledSeller> sellers, List<LabelledSeller> train, List<LabelledSeller> heldOut) {
    SplittableRandom random = new SplittableRandom(settings.seed());
    for (boolean fraudulent : new boolean[] {true, false}) {
      List<LabelledSeller> group = new ArrayList<>(sellers.stream().filter(s -> s.fraudulent() == fraudulent)
          .sorted(Comparator.comparing(LabelledSeller::sellerId)).toList());
      for (int i = group.size() - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        LabelledSeller swap = group.get(i);
        group.set(i, group.get(j));
        group.set(j, swap);
      }
      int held = (int) Math.round(group.size() * settings.heldOutShare());
      heldOut.addAll(group.subList(0, held));
      train.addAll(group.subList(held, group.size()));
    }
  }
}
