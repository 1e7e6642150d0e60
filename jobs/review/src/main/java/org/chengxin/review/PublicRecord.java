package org.chengxin.review;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.chengxin.review.ConfirmedCase.Step;
import org.chengxin.review.PublicViolation.AppealOutcome;
import org.chengxin.review.PublicViolation.State;

/**
 * The rules of the public record (docs/public-record.md), plain Java: which cases a storefront may
 * show and how each penalty stands on a day. Only what had happened by the end of the day counts
 * (decisions and penalty events of later days are ignored), so a day's record can be rebuilt later
 * and comes out the same: every input is append-only history.
 *
 * <ul>
 *   <li>Only confirmed cases are public, from the day of their decision; open, in-review and
 *       cleared cases never are (the record never holds a suspicion).
 *   <li>A confirmation whose appeal was upheld is off the record: the platform took it back.
 *   <li>A penalty's last day: a closure's seventh day; a certificate demand's is the day before
 *       the certificates were accepted (null until then); a warning's, its own day; a lift or an
 *       upheld appeal ends it the day before it was recorded (never before its first day).
 * </ul>
 */
public final class PublicRecord {

  /** The violation kinds, in the order a record lists them. */
  static final String RING = "credit boosting ring";
  static final String COUNTERFEIT = "counterfeit goods";
  static final String RATING_MANIPULATION = "rating manipulation";
  static final String BOUGHT_REVISIONS = "bought rating revisions";
  static final String FAKE_SALES = "fake sales";
  static final String COMPLAINTS = "upheld buyer complaints";
  static final String OTHER = "other misconduct";

  private PublicRecord() {}

  /** A seller's record on a day: its public violations, oldest decision first, and what holds that day. */
  public record SellerRecord(String sellerId, List<PublicViolation> violations, boolean currentlyPenalised,
      LocalDate closedUntil) {
    public SellerRecord {
      violations = List.copyOf(violations);
    }
  }

  /** The records of every seller with a public violation on {@code day}, by seller id. */
  public static List<SellerRecord> sellers(List<ConfirmedCase> cases, LocalDate day) {
    List<ConfirmedCase> sorted = new ArrayList<>(cases);
    sorted.sort(Comparator.comparing(ConfirmedCase::sellerId).thenComparing(ConfirmedCase::decidedAt)
        .thenComparingLong(ConfirmedCase::caseId));
    List<SellerRecord> records = new ArrayList<>();
    List<PublicViolation> ofSeller = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      violation(sorted.get(i), day).ifPresent(ofSeller::add);
      String seller = sorted.get(i).sellerId();
      if (i + 1 == sorted.size() || !sorted.get(i + 1).sellerId().equals(seller)) {
        if (!ofSeller.isEmpty()) {
          records.add(seller(seller, ofSeller, day));
        }
        ofSeller.clear();
      }
    }
    return records;
  }

  /** A seller's record from its public violations on {@code day}. */
  static SellerRecord seller(String sellerId, List<PublicViolation> violations, LocalDate day) {
    boolean penalised = violations.stream().anyMatch(v -> v.penaltyState() == State.ACTIVE);
    LocalDate closedUntil = violations.stream()
        .filter(v -> v.penaltyState() == State.ACTIVE && v.penalty() == RecommendedAction.SEVEN_DAY_CLOSURE)
        .map(PublicViolation::penaltyEnd).max(Comparator.naturalOrder()).orElse(null);
    return new SellerRecord(sellerId, violations, penalised, closedUntil);
  }

  /** The case as the record shows it on {@code day}; empty when it is not public that day. */
  public static Optional<PublicViolation> violation(ConfirmedCase confirmed, LocalDate day) {
    LocalDate decidedOn = dayOf(confirmed.decidedAt());
    if (decidedOn.isAfter(day)) {
      return Optional.empty();
    }
    List<Step> steps = confirmed.steps().stream().filter(s -> !dayOf(s.happenedAt()).isAfter(day))
        .sorted(Comparator.comparingLong(Step::eventId)).toList();
    Optional<Step> appeal = steps.stream().filter(s -> s.kind() == PenaltyEventKind.APPEAL_FILED).reduce((a, b) -> b);
    if (steps.stream().anyMatch(s -> s.kind() == PenaltyEventKind.APPEAL_UPHELD)) {
      return Optional.empty();
    }
    AppealOutcome outcome = appeal.map(filed -> steps.stream().anyMatch(s -> s.kind() == PenaltyEventKind.APPEAL_REJECTED
        && filed.eventId() == s.appealEventId()) ? AppealOutcome.REJECTED : AppealOutcome.PENDING).orElse(null);
    Penalty penalty = confirmed.penalty();
    LocalDate end = penalty.endsOn(); // exclusive; null while open-ended
    boolean lifted = false;
    Optional<Step> ending = steps.stream().filter(s -> s.kind() == PenaltyEventKind.LIFTED
        || s.kind() == PenaltyEventKind.CERTIFICATES_ACCEPTED).min(Comparator.comparing(Step::happenedAt).thenComparingLong(Step::eventId));
    if (ending.isPresent() && (end == null || dayOf(ending.get().happenedAt()).isBefore(end))) {
      end = dayOf(ending.get().happenedAt());
      lifted = ending.get().kind() == PenaltyEventKind.LIFTED;
    }
    State state = end == null || day.isBefore(end) ? State.ACTIVE : lifted ? State.LIFTED : State.ENDED;
    LocalDate lastDay = end == null ? null : end.minusDays(1).isBefore(penalty.startsOn()) ? penalty.startsOn() : end.minusDays(1);
    return Optional.of(new PublicViolation(decidedOn, kind(confirmed.reasons(), confirmed.evidence()), penalty.action(),
        penalty.startsOn(), lastDay, state, outcome));
  }

  /**
   * What was confirmed, in fixed words from the case's evidence and reasons (never the reasons
   * themselves: they name rings, ratings and models): a ring, counterfeits, manipulated ratings,
   * bought rating revisions, fake-sales patterns, upheld complaints; "other misconduct" when none of them.
   */
  static String kind(List<String> reasons, Evidence evidence) {
    String text = String.join("\n", reasons).toLowerCase(Locale.ROOT);
    Set<String> kinds = new LinkedHashSet<>();
    if (!evidence.ringIds().isEmpty() || text.contains("rating ring")) {
      kinds.add(RING);
    }
    if (!evidence.certificateGaps().isEmpty() || text.contains("counterfeit") || text.contains("luxury")) {
      kinds.add(COUNTERFEIT);
    }
    if (!evidence.flaggedRatingIds().isEmpty() || text.contains("flagged as manipulated")) {
      kinds.add(RATING_MANIPULATION);
    }
    if (text.contains("bought revisions")) {
      kinds.add(BOUGHT_REVISIONS);
    }
    if (text.contains("confirmed within 3 hours") || text.contains(" from only ") || text.contains("credit grew")
        || text.contains("suspect or unreliable raters")) {
      kinds.add(FAKE_SALES);
    }
    if (text.contains("upheld complaint")) {
      kinds.add(COMPLAINTS);
    }
    return kinds.isEmpty() ? OTHER : String.join(", ", kinds);
  }

  private static LocalDate dayOf(java.time.Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }
}
