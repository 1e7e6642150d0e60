package org.chengxin.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DrawsTest {

  @Test
  void betaHasTheRequestedMean() {
    SplittableRandom rng = new SplittableRandom(1);
    double sum = 0;
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      sum += Draws.beta(rng, 2.0, 2.0 * (1 - 2e-5) / 2e-5);
    }
    assertEquals(2e-5, sum / n, 2e-6);
  }

  @Test
  void ascendingPositionsAreSortedAndUniform() {
    SplittableRandom rng = new SplittableRandom(2);
    double position = 0;
    int n = 10_000;
    int belowHalf = 0;
    for (int k = 0; k < n; k++) {
      double next = Draws.nextAscending(rng, position, n - k);
      assertTrue(next >= position && next < 1.0);
      belowHalf += next < 0.5 ? 1 : 0;
      position = next;
    }
    assertEquals(0.5, (double) belowHalf / n, 0.03);
  }

  @Test
  void rankSamplerFollowsZipfWeights() {
    RankSampler sampler = new RankSampler(1000, 1.0);
    SplittableRandom rng = new SplittableRandom(3);
    int[] counts = new int[1000];
    for (int i = 0; i < 200_000; i++) {
      counts[sampler.sample(rng)]++;
    }
    // Weight 1/(rank+1): rank 0 about twice rank 1 and ten times rank 9.
    assertEquals(2.0, (double) counts[0] / counts[1], 0.15);
    assertEquals(10.0, (double) counts[0] / counts[9], 1.5);
  }

  @Test
  void rankPermutationIsABijection() {
    int[] index = RankSampler.rankToIndex(1000);
    boolean[] hit = new boolean[1000];
    for (int i : index) {
      hit[i] = true;
    }
    for (boolean h : hit) {
      assertTrue(h);
    }
  }

  @Test
  void timestampsAreIsoInstantsAtSecondPrecision() {
    WireText text = new WireText(LocalDate.parse("2026-11-01"), 2);
    long start = WireText.epochSecond(LocalDate.parse("2026-11-01"));
    assertEquals("2026-11-01T08:15:30Z", text.timestamp(start + 8 * 3600 + 15 * 60 + 30));
    assertEquals("2026-11-05T00:00:00Z", text.timestamp(start + 4 * 86_400));
    assertEquals("b0001234", WireText.id("b", 1234, 7));
  }

  @Test
  void dailyRhythmIsQuietAtChineseNight() {
    DailyRhythm rhythm = new DailyRhythm();
    SplittableRandom rng = new SplittableRandom(4);
    int[] perUtcHour = new int[24];
    for (int i = 0; i < 100_000; i++) {
      perUtcHour[rhythm.secondOfDay(rng.nextDouble()) / 3600]++;
    }
    // 04:00 local = 20:00 UTC; 21:00 local = 13:00 UTC.
    assertTrue(perUtcHour[13] > 8 * perUtcHour[20], perUtcHour[13] + " vs " + perUtcHour[20]);
  }
}
