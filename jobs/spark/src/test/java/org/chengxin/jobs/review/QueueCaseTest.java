package org.chengxin.jobs.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.chengxin.review.RecommendedAction;
import org.junit.jupiter.api.Test;

class QueueCaseTest {
  private static final LocalDate DAY = LocalDate.parse("2026-11-07");

  private static QueueCase.Input ringSeller(double risk, LocalDate previousFirstFlagged) {
    return new QueueCase.Input("s000101", DAY, risk, "risk-20261107-000000", 120, 20, 0,
        0.9, 0.83, 40.0, 3.0, 0.0, 0, 0.0, 0.0, 0, false,
        List.of("ring-1"), List.of("r1", "r2"), List.of(), List.of(), previousFirstFlagged, QueueCase.Revisions.NONE);
  }

  private static QueueCase.Input counterfeitSeller(double risk) {
    return new QueueCase.Input("s000202", DAY, risk, "risk-20261107-000000", 400, 380, 6,
        0.0, 0.05, 2.0, 300.0, 0.0, 300, 1.0, 0.9, 5, true,
        List.of(), List.of(), List.of("c1", "c2", "c3", "c4", "c5", "c6"), List.of("castellane", "helvetor"), null, QueueCase.Revisions.NONE);
  }

  @Test
  void priorityIsRiskTimesExposure() {
    QueueCase.Flag flag = QueueCase.of(ringSeller(0.8, null));
    double exposure = 1 + Math.log1p(120) + Math.log1p(20);
    assertEquals(exposure, flag.exposure(), 1e-12);
    assertEquals(0.8 * exposure, flag.priority(), 1e-12);
    // More buyers affected and upheld complaints raise exposure.
    assertTrue(QueueCase.exposure(120, 100, 0) > QueueCase.exposure(120, 20, 0));
    assertTrue(QueueCase.exposure(120, 20, 3) > QueueCase.exposure(120, 20, 0));
  }

  @Test
  void aRingSellerIsExplainedInPlainWordsAndClosedWhenNearlyCertain() {
    QueueCase.Flag flag = QueueCase.of(ringSeller(0.95, null));
    assertEquals(List.of(
        "in rating ring ring-1 found by ring detection",
        "2 ratings received flagged as manipulated",
        "90% of its confirmed trades were confirmed within 3 hours of the order (honest buyers take days)",
        "120 trades from only 20 buyers",
        "credit grew 40.0 points a day since its first trade 3 days ago",
        "risk model risk-20261107-000000 puts the chance of fraud at 0.95"), flag.reasons());
    assertEquals(RecommendedAction.SEVEN_DAY_CLOSURE, flag.action());
    assertEquals(RecommendedAction.WARN, QueueCase.of(ringSeller(0.7, null)).action());
  }

  @Test
  void aCounterfeitSuspectIsAskedForCertificatesUnlessComplaintsPileUp() {
    QueueCase.Flag flag = QueueCase.of(counterfeitSeller(0.6));
    assertEquals(RecommendedAction.DEMAND_CERTIFICATES, flag.action());
    assertEquals("100% of 300 luxury sales without a verified certificate (brands: castellane, helvetor)", flag.reasons().get(0));
    assertEquals("90% of luxury sales priced far below the brand's usual price", flag.reasons().get(1));
    assertEquals("5 upheld counterfeit complaints in the last 30 days", flag.reasons().get(2));
    assertEquals("6 upheld complaints in the last 30 days, all types", flag.reasons().get(3));
    assertEquals(RecommendedAction.SEVEN_DAY_CLOSURE, QueueCase.of(counterfeitSeller(0.97)).action());
  }

  @Test
  void boughtRevisionsAreNamedWithTheirCountAndDaysAndAreNewEvidence() {
    QueueCase.Input in = counterfeitSeller(0.6).withRevisions(
        new QueueCase.Revisions(355, LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-03"), 0));
    QueueCase.Flag flag = QueueCase.of(in);
    assertTrue(flag.reasons().contains("bought revisions: 355 revisions of its buyers' ratings turned positive in a "
        + "burst from 2026-11-02 to 2026-11-03, far above its usual revision rate"), flag.reasons().toString());
    assertNotEquals(QueueCase.of(counterfeitSeller(0.6)).evidenceFingerprint(), flag.evidenceFingerprint());
  }

  @Test
  void aVictimOfPaidOffExtortionIsToldSoAndNotCharged() {
    QueueCase.Input victim = counterfeitSeller(0.6).withRevisions(new QueueCase.Revisions(0, null, null, 2));
    QueueCase.Flag flag = QueueCase.of(victim);
    assertTrue(flag.reasons().contains("2 upheld complaints paid off to an extortioner who then revised the rating: "
        + "the seller was the victim, not counted"), flag.reasons().toString());
    assertTrue(flag.reasons().stream().noneMatch(r -> r.startsWith("bought revisions")));
    assertEquals(QueueCase.of(counterfeitSeller(0.6)).exposure(), flag.exposure(), 1e-12,
        "the paid-off complaints are not in its upheld count");
  }

  @Test
  void theFirstFlaggedDayCarriesOver() {
    assertEquals(DAY, QueueCase.of(ringSeller(0.9, null)).firstFlagged());
    assertEquals(LocalDate.parse("2026-11-05"), QueueCase.of(ringSeller(0.9, LocalDate.parse("2026-11-05"))).firstFlagged());
  }

  @Test
  void theFingerprintChangesWithNewEvidenceOnly() {
    String base = QueueCase.of(ringSeller(0.9, null)).evidenceFingerprint();
    assertEquals(32, base.length());
    assertEquals(base, QueueCase.of(ringSeller(0.6, null)).evidenceFingerprint(), "risk alone is not evidence");
    QueueCase.Input in = ringSeller(0.9, null);
    QueueCase.Input newRating = new QueueCase.Input(in.sellerId(), DAY, 0.9, in.modelVersion(), 120, 20, 0,
        0.9, 0.83, 40.0, 3.0, 0.0, 0, 0.0, 0.0, 0, false,
        List.of("ring-1"), List.of("r1", "r2", "r3"), List.of(), List.of(), null, QueueCase.Revisions.NONE);
    assertNotEquals(base, QueueCase.of(newRating).evidenceFingerprint());
    QueueCase.Input calmer = new QueueCase.Input(in.sellerId(), DAY, 0.9, in.modelVersion(), 120, 20, 0,
        0.1, 0.83, 40.0, 3.0, 0.0, 0, 0.0, 0.0, 0, false,
        List.of("ring-1"), List.of("r1", "r2"), List.of(), List.of(), null, QueueCase.Revisions.NONE);
    assertNotEquals(base, QueueCase.of(calmer).evidenceFingerprint(), "the id-less signals it rests on changed");
  }
}
