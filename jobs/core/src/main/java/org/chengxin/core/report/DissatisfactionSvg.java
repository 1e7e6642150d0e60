package org.chengxin.core.report;

import java.util.List;
import java.util.Locale;

/**
 * The platform's dissatisfaction rate over the runs as an inline SVG, drawn in Java so the report
 * opens offline with no script: the rate per 100,000 trades, its 95% interval as a band, and the
 * target line at 1 per 100,000.
 */
final class DissatisfactionSvg {
  private static final int WIDTH = 760;
  private static final int HEIGHT = 260;
  private static final int LEFT = 56;
  private static final int RIGHT = 16;
  private static final int TOP = 16;
  private static final int BOTTOM = 40;
  private static final double TARGET_PER_100K = 1;

  private DissatisfactionSvg() {}

  static String render(List<RunReport.RatePoint> points) {
    double top = TARGET_PER_100K * 1.5;
    for (RunReport.RatePoint p : points) {
      top = Math.max(top, p.upper() * 1e5);
    }
    double yMax = niceCeiling(top);
    StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" "
            + "aria-label=\"The platform's dissatisfaction rate per 100,000 trades with its 95%% interval, against the target of 1\">",
        WIDTH, HEIGHT, WIDTH, HEIGHT));
    for (int i = 0; i <= 4; i++) {
      double value = yMax * i / 4;
      double y = y(value, yMax);
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>"
          + "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>", LEFT, y, WIDTH - RIGHT, y, LEFT - 6, y + 4,
          trim(value)));
    }
    StringBuilder upper = new StringBuilder();
    StringBuilder lower = new StringBuilder();
    StringBuilder rate = new StringBuilder();
    for (int i = 0; i < points.size(); i++) {
      RunReport.RatePoint p = points.get(i);
      double x = x(i, points.size());
      upper.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y(p.upper() * 1e5, yMax)));
      lower.insert(0, String.format(Locale.ROOT, "%.1f,%.1f ", x, y(p.lower() * 1e5, yMax)));
      if (p.rate() != null) {
        rate.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y(p.rate() * 1e5, yMax)));
      }
    }
    svg.append("<polygon class=\"band\" fill=\"#9ecae1\" fill-opacity=\"0.6\" points=\"").append(upper).append(lower.toString().trim())
        .append("\"/>");
    double target = y(TARGET_PER_100K, yMax);
    svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#d62728\" stroke-dasharray=\"6 4\"/>"
        + "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" fill=\"#d62728\" text-anchor=\"end\">target: 1 per 100,000</text>",
        LEFT, target, WIDTH - RIGHT, target, WIDTH - RIGHT, target - 4));
    svg.append("<polyline class=\"rate\" fill=\"none\" stroke=\"#08519c\" stroke-width=\"2\" points=\"").append(rate.toString().trim())
        .append("\"/>");
    int labelEvery = Math.max(1, points.size() / 8);
    for (int i = 0; i < points.size(); i += labelEvery) {
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>", x(i, points.size()),
          HEIGHT - BOTTOM + 16, points.get(i).day()));
    }
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">upheld complaints per 100,000 trades</text>", LEFT,
        HEIGHT - 6));
    return svg.append("</svg>").toString();
  }

  private static double x(int index, int count) {
    double span = WIDTH - LEFT - RIGHT;
    return count == 1 ? LEFT + span / 2 : LEFT + span * index / (count - 1);
  }

  private static double y(double value, double yMax) {
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - Math.min(value, yMax) / yMax);
  }

  /** 1, 2 or 5 times a power of ten, at least {@code value}: round gridlines. */
  private static double niceCeiling(double value) {
    double power = Math.pow(10, Math.floor(Math.log10(value)));
    for (double step : new double[] {1, 2, 5, 10}) {
      if (step * power >= value) {
        return step * power;
      }
    }
    return 10 * power;
  }

  private static String trim(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
  }
}
