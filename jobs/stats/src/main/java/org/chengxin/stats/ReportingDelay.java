package org.chengxin.stats;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * How much of a trade day's eventual complaints are already filed at the run, by the day's age: the
 * reporting-delay distribution of complaints, estimated by the chain-ladder (reverse-time product
 * limit) method from the complaints seen so far.
 *
 * <p>Why: complaints are filed days after their trade, so the newest trade days carry only part of
 * their complaints. Counting their trades in full biases every rate estimate low, the more so the
 * shorter the window or the history. Weighting each day's trades by the share of complaints
 * that has had time to arrive, {@code trades * reportedShare(age)}, gives an exposure against which
 * the upheld count is unbiased: E[upheld] = rate * sum over days of trades_d * F(age_d).
 *
 * <p>How: with N_d(k) the complaints on trades of day d filed within k days, only days at least k + 1
 * old show N_d(k + 1); the ratio g_k = sum N_d(k) / sum N_d(k + 1) over those days estimates
 * P(delay <= k | delay <= k + 1), and F(k) = g_k * g_(k+1) * ... * g_(K-1), F(K) = 1 at the longest
 * delay K seen. Delays longer than the history are not seen, so a short history slightly
 * under-corrects. Assumes the delay does not depend on the trade day (nor on the seller).
 */
public final class ReportingDelay implements Serializable {
  /**
   * Complaints on trades of one age, filed a given number of days after the trade.
   *
   * @param ageDays days from the trade day to the run day (0: trades of the run day)
   * @param delayDays days from the trade day to the filing day, 0 to {@code ageDays}
   * @param complaints complaints in this cell
   */
  public record Cell(int ageDays, int delayDays, long complaints) {
    public Cell {
      if (delayDays < 0 || delayDays > ageDays || complaints < 0) {
        throw new IllegalArgumentException(
            "need 0 <= delay <= age and complaints >= 0, got " + ageDays + ", " + delayDays + ", " + complaints);
      }
    }
  }

  /** No complaints seen: no correction. */
  public static final ReportingDelay NONE = new ReportingDelay(new double[] {1});

  /** reportedShare[k] = F(k); ages beyond the array are fully reported. */
  private final double[] reportedShare;

  private ReportingDelay(double[] reportedShare) {
    this.reportedShare = reportedShare;
  }

  /** Estimates F from the complaints seen by the run day. */
  public static ReportingDelay fit(List<Cell> cells) {
    int longest = -1;
    int oldest = 0;
    for (Cell cell : cells) {
      if (cell.complaints() > 0) {
        longest = Math.max(longest, cell.delayDays());
      }
      oldest = Math.max(oldest, cell.ageDays());
    }
    if (longest < 0) {
      return NONE;
    }
    // byAge[a][k]: complaints on trades of age a filed k days after the trade.
    long[][] byAge = new long[oldest + 1][longest + 1];
    for (Cell cell : cells) {
      byAge[cell.ageDays()][cell.delayDays()] += cell.complaints();
    }
    double[] share = new double[longest + 1];
    share[longest] = 1;
    for (int k = longest - 1; k >= 0; k--) {
      long withinK = 0;
      long withinNext = 0;
      for (int age = k + 1; age <= oldest; age++) {
        long cumulative = 0;
        for (int delay = 0; delay <= k; delay++) {
          cumulative += byAge[age][delay];
        }
        withinK += cumulative;
        withinNext += cumulative + byAge[age][k + 1];
      }
      // No complaint within k + 1 days among the days that could show one: nothing arrives that early.
      share[k] = withinNext == 0 ? 0 : share[k + 1] * withinK / withinNext;
    }
    return new ReportingDelay(share);
  }

  /** F(age): the share of a trade day's eventual complaints filed by the run, {@code age} days later. */
  public double reportedShare(int ageDays) {
    if (ageDays < 0) {
      throw new IllegalArgumentException("age must be >= 0, got " + ageDays);
    }
    return ageDays < reportedShare.length ? reportedShare[ageDays] : 1;
  }

  /** The longest delay seen: days from this age on count in full. */
  public int longestDelayDays() {
    return reportedShare.length - 1;
  }

  @Override
  public String toString() {
    return "ReportingDelay" + Arrays.toString(reportedShare);
  }
}
