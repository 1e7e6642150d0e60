package org.chengxin.models;

import java.io.Serializable;
import java.util.Objects;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

/**
 * A trained risk model and its version: the probability that a seller is fraudulent, from the
 * seller's feature values. Serializable, so a Spark job can broadcast it to its executors.
 */
public final class RiskModel implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String version;
  private final Model<Label> model;

  public RiskModel(String version, Model<Label> model) {
    this.version = Objects.requireNonNull(version, "version");
    this.model = Objects.requireNonNull(model, "model");
    if (!model.generatesProbabilities()) {
      throw new IllegalArgumentException("a risk model must give probabilities");
    }
  }

  public String version() {
    return version;
  }

  public Model<Label> tribuoModel() {
    return model;
  }

  /** Probability in [0, 1] that the seller is fraudulent. */
  public double risk(double[] features) {
    Prediction<Label> prediction = model.predict(RiskFeatures.example(features, LabelFactory.UNKNOWN_LABEL));
    Label fraud = prediction.getOutputScores().get(RiskFeatures.FRAUD.getLabel());
    return fraud == null ? 0.0 : Math.min(1.0, Math.max(0.0, fraud.getScore()));
  }
}
