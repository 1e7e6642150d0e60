package org.chengxin.detectors.ratings;

import java.util.EnumMap;
import java.util.Map;

/**
 * Combines the signals of one account into its suspicion score by a weighted noisy-OR:
 *
 * <pre>
 *   suspicion = 1 - product over signals s of (1 - weight(s) * value(s))
 * </pre>
 *
 * Each detector is read as an independent chance that the account is malicious, so one confident
 * detector is enough, a signal at 0 changes nothing, and a new detector (ring membership, say) joins
 * as one more factor. With unit weights, unfairness and thin history together give
 * {@code 1 - fairness * (1 - thinHistory)}: trust is fairness discounted by a short track record.
 *
 * @param weights weight of each signal, in [0, 1]; missing signals weigh 0
 */
public record SuspicionCombiner(Map<RaterSignal, Double> weights) {
  public SuspicionCombiner {
    EnumMap<RaterSignal, Double> copy = new EnumMap<>(RaterSignal.class);
    for (Map.Entry<RaterSignal, Double> w : weights.entrySet()) {
      RaterReliabilityOptions.requireIn("weight of " + w.getKey().wire(), w.getValue(), 0, 1);
      copy.put(w.getKey(), w.getValue());
    }
    weights = Map.copyOf(copy);
  }

  /** Every signal at weight 1: no weight was fitted. */
  public static SuspicionCombiner unitWeights() {
    EnumMap<RaterSignal, Double> all = new EnumMap<>(RaterSignal.class);
    for (RaterSignal s : RaterSignal.values()) {
      all.put(s, 1.0);
    }
    return new SuspicionCombiner(all);
  }

  public double weight(RaterSignal signal) {
    return weights.getOrDefault(signal, 0.0);
  }

  /** {@code values[s.ordinal()]} is the value of signal s, in [0, 1]. */
  public double combine(double[] values) {
    double clean = 1;
    for (RaterSignal s : RaterSignal.values()) {
      clean *= 1 - weight(s) * values[s.ordinal()];
    }
    return 1 - clean;
  }
}
