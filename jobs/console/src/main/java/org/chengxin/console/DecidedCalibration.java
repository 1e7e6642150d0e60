package org.chengxin.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The risk model's calibration measured on reviewers' decisions: each decided case (confirmed =
 * fraudulent, cleared = not) with the risk the model gave its seller on the flag's day, per bin of
 * predicted risk (the held-out calibration's tenths): the cases, their mean predicted risk, the
 * share confirmed and its 95% Wilson interval. Only flagged sellers are decided, so the low bins
 * hold few cases: the interval says how little they tell. {@code unscored}: decided cases whose
 * seller has no risk on its flag's day in the warehouse, left out.
 */
record DecidedCalibration(List<Bin> bins, long unscored, String absent) {
  private static final int BINS = 10;
  // The normal quantile of a two-sided 95% interval.
  private static final double Z = 1.959963984540054;

  record Bin(double lower, double upper, long cases, double meanPredicted, double confirmedShare, double intervalLower,
      double intervalUpper) {}

  /** A decided case's predicted risk and the reviewer's verdict. */
  record Scored(double risk, boolean confirmed) {}

  static DecidedCalibration of(List<Scored> decided, long unscored) {
    long[] cases = new long[BINS];
    long[] confirmed = new long[BINS];
    double[] risk = new double[BINS];
    for (Scored s : decided) {
      int bin = Math.min(BINS - 1, Math.max(0, (int) Math.floor(s.risk() * BINS)));
      cases[bin]++;
      confirmed[bin] += s.confirmed() ? 1 : 0;
      risk[bin] += s.risk();
    }
    List<Bin> bins = new ArrayList<>();
    for (int i = 0; i < BINS; i++) {
      if (cases[i] > 0) {
        double[] interval = wilson(confirmed[i], cases[i]);
        bins.add(new Bin(i / (double) BINS, (i + 1) / (double) BINS, cases[i], risk[i] / cases[i], confirmed[i] / (double) cases[i],
            interval[0], interval[1]));
      }
    }
    String absent = bins.isEmpty() ? (unscored > 0 ? "no decided case's seller has a risk on its flag's day in the warehouse ("
        + unscored + " decided)" : "no case decided yet") : null;
    return new DecidedCalibration(bins, unscored, absent);
  }

  static DecidedCalibration none(String why) {
    return new DecidedCalibration(List.of(), 0, why);
  }

  /** The 95% Wilson score interval of {@code successes} in {@code trials}: sound at 0 and at every trial confirmed, unlike the normal one. */
  static double[] wilson(long successes, long trials) {
    double p = successes / (double) trials;
    double z2 = Z * Z;
    double centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
    double half = Z * Math.sqrt(p * (1 - p) / trials + z2 / (4.0 * trials * trials)) / (1 + z2 / trials);
    return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
  }

  EvidenceTable table() {
    return new EvidenceTable("Calibration on reviewers' decisions (confirmed = fraudulent, cleared = not)",
        List.of("predicted risk", "decided cases", "mean predicted", "confirmed share", "95% interval (Wilson)"),
        bins.stream().map(b -> List.of(String.format(Locale.ROOT, "%.1f-%.1f", b.lower(), b.upper()), Long.toString(b.cases()),
            String.format(Locale.ROOT, "%.3f", b.meanPredicted()), String.format(Locale.ROOT, "%.3f", b.confirmedShare()),
            String.format(Locale.ROOT, "%.3f to %.3f", b.intervalLower(), b.intervalUpper()))).toList(), absent);
  }
}
