package org.chengxin.detectors.ratings;

import java.util.Arrays;

/**
 * REV2-style fixed point (Kumar et al., WSDM 2018) over a {@link RatingGraph}: the fairness of
 * raters, the goodness of rated accounts and the reliability of each rating, each defined by the
 * other two. One round applies, in this order and each from the previous values (Jacobi):
 *
 * <pre>
 *   goodness(v)    = (betaG * priorG + sum over ratings e into v of rel(e) * score(e))
 *                    / (betaG + in-count(v))
 *   rel(e = u->v)  = (wF * fairness(u) + wA * (1 - |score(e) - goodness(v)| / 2)) / (wF + wA)
 *   fairness(u)    = (alphaF * priorF + sum over e from u of evidence(e) * rel(e))
 *                    / (alphaF + sum over e from u of evidence(e))
 *   evidence(e)    = 1 / (number of ratings u gave on the UTC day of e)
 * </pre>
 *
 * goodness uses the previous round's reliabilities, reliability this round's goodness and the
 * previous round's fairness, fairness this round's reliabilities; the loop stops when no value moves more than
 * the tolerance or at the iteration cap. Start values are 1 (REV2's), or last night's fairness and
 * goodness (a warm start, which then needs only a few rounds). The smoothing terms are the
 * cold start: a rater with little evidence stays near {@code priorFairness}. Counting evidence per
 * rating-day means a burst of ratings on one day earns the trust of one day, not of many ratings.
 */
public final class RaterReliability {
  private RaterReliability() {}

  /** Result of the fixed point; arrays are indexed like the graph's accounts and ratings. */
  public record Scores(double[] fairness, double[] goodness, double[] reliability, int iterations, boolean converged) {}

  /** How the rounds ended. */
  public record Progress(int iterations, boolean converged) implements java.io.Serializable {}

  /**
   * Where the rounds run: one {@link RatingBlock} in this JVM ({@link InOneBlock}), or many blocks
   * on an engine. Round t passes over every rating with the account states before it, combines the
   * sums per account and applies {@link ReliabilityStates#update}.
   */
  public interface Rounds {
    /**
     * Runs round {@code round} (0 = the start) and returns the largest change of a rating's
     * reliability, of an account's fairness, and of an account's goodness of the next round.
     */
    double[] round(int round);
  }

  /** The fixed point on a graph held in memory, from REV2's start values. */
  public static Scores estimate(RatingGraph graph, RaterReliabilityOptions options) {
    RatingBlock.Builder builder = new RatingBlock.Builder(graph.ratingCount());
    for (int e = 0; e < graph.ratingCount(); e++) {
      builder.add(graph.rater(e), graph.ratee(e), graph.score(e), graph.epochDay(e));
    }
    RatingBlock block = builder.buildWhole(graph.accountCount());
    InOneBlock rounds = new InOneBlock(block, null, null, options);
    Progress progress = run(rounds, options);
    double[] states = rounds.states();
    return new Scores(ReliabilityStates.column(states, ReliabilityStates.F),
        ReliabilityStates.column(states, ReliabilityStates.G), block.reliabilities(states, options),
        progress.iterations(), progress.converged());
  }

  /**
   * The loop, wherever the rounds run: the start, then rounds until no fairness, goodness or
   * reliability moves by the tolerance or the cap is reached. Round t's goodness change is reported
   * by round t-1, which computed that goodness.
   */
  public static Progress run(Rounds rounds, RaterReliabilityOptions options) {
    double goodnessChange = rounds.round(0)[2];
    int round = 0;
    boolean converged = false;
    while (round < options.maxIterations() && !converged) {
      round++;
      double[] changes = rounds.round(round);
      converged = Math.max(goodnessChange, Math.max(changes[0], changes[1])) < options.tolerance();
      goodnessChange = changes[2];
    }
    return new Progress(round, converged);
  }

  /**
   * Every round of a graph that fits one block, inside one task or one JVM: no scheduling per round,
   * only passes over the arrays.
   */
  public static final class InOneBlock implements Rounds {
    private final RatingBlock block;
    private final double[] states;
    private final boolean coldStart;
    private final RaterReliabilityOptions options;
    private final double[] goodnessSums;
    private final double[] fairnessSums;

    /**
     * @param startFairness per local account a warm-start fairness, NaN for none; null for a cold
     *     start (goodness likewise)
     */
    public InOneBlock(RatingBlock block, double[] startFairness, double[] startGoodness, RaterReliabilityOptions options) {
      this.block = block;
      this.states = ReliabilityStates.start(block.totals(), startFairness, startGoodness);
      this.coldStart = startFairness == null && startGoodness == null;
      this.options = options;
      this.goodnessSums = new double[block.accountCount()];
      this.fairnessSums = new double[block.accountCount()];
    }

    @Override
    public double[] round(int round) {
      Arrays.fill(goodnessSums, 0);
      Arrays.fill(fairnessSums, 0);
      double reliabilityChange = block.pass(states, round, coldStart, options, goodnessSums, fairnessSums);
      double[] changes = new double[2];
      for (int a = 0; a < goodnessSums.length; a++) {
        ReliabilityStates.update(states, a, goodnessSums[a], fairnessSums[a], round, options, changes);
      }
      return new double[] {reliabilityChange, changes[0], changes[1]};
    }

    /** The states after the last round, in the block's local order. */
    public double[] states() {
      return states;
    }
  }

  /** Goodness of an account from the reliability-weighted scores it received, shrunk to the prior. */
  public static double goodness(double weightedScoreSum, double ratingsReceived, RaterReliabilityOptions o) {
    double denominator = o.goodnessSmoothing() + ratingsReceived;
    return denominator == 0 ? o.priorGoodness() : (o.goodnessSmoothing() * o.priorGoodness() + weightedScoreSum) / denominator;
  }

  /** Reliability of one rating: its rater's fairness and how well it agrees with the ratee's goodness. */
  public static double reliability(double raterFairness, double score, double rateeGoodness, RaterReliabilityOptions o) {
    double agreement = 1 - Math.abs(score - rateeGoodness) / 2;
    return (o.fairnessWeight() * raterFairness + o.agreementWeight() * agreement)
        / (o.fairnessWeight() + o.agreementWeight());
  }

  /** Fairness of a rater from the evidence-weighted reliability of the ratings it gave, shrunk to the prior. */
  public static double fairness(double weightedReliabilitySum, double evidence, RaterReliabilityOptions o) {
    double denominator = o.fairnessSmoothing() + evidence;
    return denominator == 0 ? o.priorFairness() : (o.fairnessSmoothing() * o.priorFairness() + weightedReliabilitySum) / denominator;
  }

  /** Per rating, 1 / (ratings its rater gave that UTC day) ({@link RatingBlock#ratingDayEvidence}). */
  public static double[] ratingDayEvidence(RatingGraph graph) {
    int ratings = graph.ratingCount();
    int[] rater = new int[ratings];
    long[] day = new long[ratings];
    for (int e = 0; e < ratings; e++) {
      rater[e] = graph.rater(e);
      day[e] = graph.epochDay(e);
    }
    return RatingBlock.ratingDayEvidence(rater, day, ratings);
  }
}
