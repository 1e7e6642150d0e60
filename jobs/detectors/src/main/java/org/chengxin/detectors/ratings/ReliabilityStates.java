package org.chengxin.detectors.ratings;

import java.util.Arrays;

/**
 * The per-account state of the {@link RaterReliability} fixed point, flat in one {@code double[]}
 * with {@link #WIDTH} slots per account, so a block of ratings can be handed the states of just the
 * accounts it touches (in its local order) and a whole graph the states of all of them, by the same
 * code. Before round t an account holds:
 *
 * <pre>
 *   F_BEFORE = F(t-2)   G = G(t-1)      (together they give each rating's previous reliability)
 *   F        = F(t-1)   G_NEXT = G(t)   (together they give this round's reliability)
 *   RECEIVED, EVIDENCE: ratings received, evidence of ratings given (constant)
 * </pre>
 *
 * After round t the state is shifted one round on ({@link #update}), so F and G are the round's
 * fairness and goodness, and G_NEXT already holds the next round's goodness.
 */
public final class ReliabilityStates {
  public static final int F_BEFORE = 0;
  public static final int G = 1;
  public static final int F = 2;
  public static final int G_NEXT = 3;
  public static final int RECEIVED = 4;
  public static final int EVIDENCE = 5;
  public static final int WIDTH = 6;

  private ReliabilityStates() {}

  /**
   * Start states: fairness and goodness 1 (REV2's start), or the given warm-start values where they
   * are not NaN. {@code totals} holds each account's ratings received and evidence, two per account.
   */
  public static double[] start(double[] totals, double[] startFairness, double[] startGoodness) {
    int accounts = totals.length / 2;
    double[] states = new double[accounts * WIDTH];
    for (int a = 0; a < accounts; a++) {
      double f = startFairness == null || Double.isNaN(startFairness[a]) ? 1 : startFairness[a];
      double g = startGoodness == null || Double.isNaN(startGoodness[a]) ? 1 : startGoodness[a];
      int o = a * WIDTH;
      states[o + F_BEFORE] = f;
      states[o + F] = f;
      states[o + G] = g;
      states[o + G_NEXT] = g;
      states[o + RECEIVED] = totals[2 * a];
      states[o + EVIDENCE] = totals[2 * a + 1];
    }
    return states;
  }

  /**
   * The account rule of one round: from the reliability-weighted sums of the account's ratings, its
   * fairness of this round and its goodness of the next, shifted in. The largest fairness change
   * goes into {@code changes[0]}, the largest goodness change (which belongs to the next round's
   * stopping test) into {@code changes[1]}.
   *
   * @param round 0 for the start (only goodness moves: G(1) from the start reliabilities)
   */
  public static void update(double[] states, int account, double goodnessSum, double fairnessSum, int round,
      RaterReliabilityOptions options, double[] changes) {
    int o = account * WIDTH;
    double goodness = RaterReliability.goodness(goodnessSum, states[o + RECEIVED], options);
    if (round == 0) {
      changes[1] = Math.max(changes[1], Math.abs(goodness - states[o + G]));
      states[o + G_NEXT] = goodness;
      return;
    }
    double fairness = RaterReliability.fairness(fairnessSum, states[o + EVIDENCE], options);
    changes[0] = Math.max(changes[0], Math.abs(fairness - states[o + F]));
    changes[1] = Math.max(changes[1], Math.abs(goodness - states[o + G_NEXT]));
    states[o + F_BEFORE] = states[o + F];
    states[o + G] = states[o + G_NEXT];
    states[o + F] = fairness;
    states[o + G_NEXT] = goodness;
  }

  public static double[] column(double[] states, int slot) {
    double[] values = new double[states.length / WIDTH];
    Arrays.setAll(values, a -> states[a * WIDTH + slot]);
    return values;
  }
}
