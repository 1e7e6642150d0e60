package org.chengxin.jobs.review;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import org.chengxin.review.Evidence;
import org.chengxin.review.RecommendedAction;

/**
 * One flagged seller's case as the queue shows it: priority (risk x exposure), the reasons in
 * plain words, the recommended action and the evidence fingerprint. Plain Java: the review_queue
 * job applies it to every flagged seller.
 */
public final class QueueCase {

  /** Reason thresholds: a signal is worth a sentence from here on. */
  static final double QUICK_CONFIRM_REASON = 0.3;
  static final double REPEAT_BUYER_REASON = 0.5;
  static final double CREDIT_PER_DAY_REASON = 5.0;
  static final double YOUNG_ACCOUNT_DAYS = 60.0;
  static final double SUSPECT_CREDIT_REASON = 0.2;
  static final double UNCERTIFIED_REASON = 0.5;
  static final double UNDERPRICED_REASON = 0.3;
  /** Risk at which a seller with ring or fake-sales evidence is closed for seven days. */
  static final double CLOSURE_RISK = 0.9;
  static final long CLOSURE_UPHELD_COUNTERFEIT = 3;

  /** What the queue knows about one flagged seller (window figures are over the trailing 30 days). */
  public record Input(
      String sellerId, LocalDate day, double risk, String modelVersion,
      long trades, long buyers, long upheldComplaints,
      double quickConfirmShare, double repeatBuyerShare, double creditPerDay, double accountAgeDays,
      double creditSuspectShare,
      long luxuryTrades, double uncertifiedShare, double underpricedShare, long upheldCounterfeitComplaints,
      boolean counterfeitSuspected,
      List<String> ringIds, List<String> flaggedRatingIds, List<String> complaintIds, List<String> certificateGaps,
      LocalDate previousFirstFlagged, Revisions revisions) {
    public Input {
      Objects.requireNonNull(sellerId, "sellerId");
      Objects.requireNonNull(day, "day");
      Objects.requireNonNull(revisions, "revisions");
      ringIds = List.copyOf(ringIds);
      flaggedRatingIds = List.copyOf(flaggedRatingIds);
      complaintIds = List.copyOf(complaintIds);
      certificateGaps = List.copyOf(certificateGaps);
    }

    /** The same seller with what was found about its revisions. */
    public Input withRevisions(Revisions found) {
      return new Input(sellerId, day, risk, modelVersion, trades, buyers, upheldComplaints, quickConfirmShare,
          repeatBuyerShare, creditPerDay, accountAgeDays, creditSuspectShare, luxuryTrades, uncertifiedShare,
          underpricedShare, upheldCounterfeitComplaints, counterfeitSuspected, ringIds, flaggedRatingIds, complaintIds,
          certificateGaps, previousFirstFlagged, found);
    }
  }

  /**
   * What rater_reliability found about one seller's rating revisions in the window: its ratings'
   * revisions flagged bought_revision (how many, first and last day), and its upheld complaints whose
   * compensation was paid-off extortion (the seller is the victim: they are not counted against it).
   * {@code upheldComplaints} and {@code complaintIds} of the input already leave those out.
   */
  public record Revisions(long boughtRevisions, LocalDate boughtFrom, LocalDate boughtTo, long paidOffComplaints) {
    public static final Revisions NONE = new Revisions(0, null, null, 0);

    public Revisions {
      if (boughtRevisions > 0 && (boughtFrom == null || boughtTo == null)) {
        throw new IllegalArgumentException("bought revisions need their first and last day");
      }
    }
  }

  public record Flag(double priority, double exposure, List<String> reasons, RecommendedAction action,
      LocalDate firstFlagged, String evidenceFingerprint) {}

  private QueueCase() {}

  /** Exposure grows with the log of sales, buyers affected and (double weight) upheld complaints. */
  public static double exposure(long trades, long buyers, long upheldComplaints) {
    return 1 + Math.log1p(trades) + Math.log1p(buyers) + 2 * Math.log1p(upheldComplaints);
  }

  public static Flag of(Input in) {
    double exposure = exposure(in.trades(), in.buyers(), in.upheldComplaints());
    List<String> reasons = new ArrayList<>();
    TreeSet<String> signals = new TreeSet<>();
    if (!in.ringIds().isEmpty()) {
      reasons.add("in rating ring " + String.join(", ", in.ringIds()) + " found by ring detection");
      signals.add("ring");
    }
    if (in.counterfeitSuspected() || in.uncertifiedShare() >= UNCERTIFIED_REASON) {
      if (!in.certificateGaps().isEmpty()) {
        reasons.add(String.format(Locale.ROOT, "%s of %d luxury sales without a verified certificate (brands: %s)",
            percent(in.uncertifiedShare()), in.luxuryTrades(), String.join(", ", in.certificateGaps())));
        signals.add("uncertified");
      }
      if (in.underpricedShare() >= UNDERPRICED_REASON) {
        reasons.add(String.format(Locale.ROOT, "%s of luxury sales priced far below the brand's usual price",
            percent(in.underpricedShare())));
        signals.add("underpriced");
      }
    }
    if (in.upheldCounterfeitComplaints() > 0) {
      reasons.add(count(in.upheldCounterfeitComplaints(), "upheld counterfeit complaint") + " in the last 30 days");
    }
    if (!in.flaggedRatingIds().isEmpty()) {
      reasons.add(count(in.flaggedRatingIds().size(), "rating") + " received flagged as manipulated");
    }
    Revisions revisions = in.revisions();
    if (revisions.boughtRevisions() > 0) {
      reasons.add(String.format(Locale.ROOT, "bought revisions: %s of its buyers' ratings turned positive in a burst "
              + "from %s to %s, far above its usual revision rate", count(revisions.boughtRevisions(), "revision"),
          revisions.boughtFrom(), revisions.boughtTo()));
      signals.add("bought_revisions");
    }
    if (revisions.paidOffComplaints() > 0) {
      reasons.add(count(revisions.paidOffComplaints(), "upheld complaint")
          + " paid off to an extortioner who then revised the rating: the seller was the victim, not counted");
    }
    if (in.creditSuspectShare() >= SUSPECT_CREDIT_REASON) {
      reasons.add(percent(in.creditSuspectShare()) + " of its credit comes from suspect or unreliable raters");
      signals.add("suspect_credit");
    }
    if (in.quickConfirmShare() >= QUICK_CONFIRM_REASON) {
      reasons.add(percent(in.quickConfirmShare())
          + " of its confirmed trades were confirmed within 3 hours of the order (honest buyers take days)");
      signals.add("quick_confirm");
    }
    if (in.repeatBuyerShare() >= REPEAT_BUYER_REASON && in.trades() > 0) {
      reasons.add(String.format(Locale.ROOT, "%s from only %s", count(in.trades(), "trade"), count(in.buyers(), "buyer")));
      signals.add("repeat_buyers");
    }
    if (in.creditPerDay() >= CREDIT_PER_DAY_REASON && in.accountAgeDays() <= YOUNG_ACCOUNT_DAYS) {
      reasons.add(String.format(Locale.ROOT, "credit grew %.1f points a day since its first trade %.0f days ago",
          in.creditPerDay(), Math.max(1, in.accountAgeDays())));
      signals.add("credit_growth");
    }
    if (in.upheldComplaints() > in.upheldCounterfeitComplaints()) {
      reasons.add(count(in.upheldComplaints(), "upheld complaint") + " in the last 30 days, all types");
    }
    reasons.add(String.format(Locale.ROOT, "risk model %s puts the chance of fraud at %.2f", in.modelVersion(), in.risk()));
    return new Flag(in.risk() * exposure, exposure, reasons, action(in),
        in.previousFirstFlagged() == null || in.previousFirstFlagged().isAfter(in.day()) ? in.day() : in.previousFirstFlagged(),
        fingerprint(new Evidence(in.ringIds(), in.flaggedRatingIds(), in.complaintIds(), in.certificateGaps()), signals));
  }

  /**
   * Closure for near-certain rings, fake-sales patterns or repeated upheld counterfeit complaints;
   * certificates demanded from a counterfeit suspect; a warning otherwise.
   */
  static RecommendedAction action(Input in) {
    boolean hardEvidence = !in.ringIds().isEmpty() || in.quickConfirmShare() >= 0.5
        || in.upheldCounterfeitComplaints() >= CLOSURE_UPHELD_COUNTERFEIT;
    if (in.risk() >= CLOSURE_RISK && hardEvidence) {
      return RecommendedAction.SEVEN_DAY_CLOSURE;
    }
    if (in.counterfeitSuspected() && !in.certificateGaps().isEmpty()) {
      return RecommendedAction.DEMAND_CERTIFICATES;
    }
    return RecommendedAction.WARN;
  }

  /**
   * The evidence pointers plus which id-less signals (price, behaviour) the flag rests on: a
   * reviewer-cleared seller comes back only when one of them is new (SHA-256, 32 hex characters).
   */
  static String fingerprint(Evidence evidence, TreeSet<String> signals) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String pointer : evidence.pointers()) {
        sha.update(pointer.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
      }
      for (String signal : signals) {
        sha.update(("signal:" + signal).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f%%", 100 * share);
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
