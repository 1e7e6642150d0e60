package org.chengxin.models;

import java.util.Objects;

/**
 * One training row: a seller's feature values (in {@link RiskFeatures#NAMES} order) and whether
 * the seller is fraudulent.
 */
public record LabelledSeller(String sellerId, double[] features, boolean fraudulent) {
  public LabelledSeller {
    Objects.requireNonNull(sellerId, "sellerId");
    if (features.length != RiskFeatures.NAMES.size()) {
      throw new IllegalArgumentException("seller " + sellerId + ": expected " + RiskFeatures.NAMES.size()
          + " feature values, got " + features.length);
    }
    features = features.clone();
  }
}
