package org.chengxin.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A chart on a page: a container that the console's {@code charts.js} draws into with ECharts, and
 * its data as a JSON block ({@code <script type="application/json">}: never run, so the policy's
 * {@code script-src 'self'} holds). Each chart has a table of the same figures beside it, for a
 * browser without script and for reading exact values.
 */
final class Charts {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Charts() {}

  /**
   * A chart of {@code kind} (a drawing {@code charts.js} knows) over {@code data}; {@code id} names it
   * on the page, {@code label} says what it shows to screen readers.
   */
  static String chart(String kind, String id, String label, Object data, int heightPx) {
    return "<div class=\"chart\" id=\"" + Html.text(id) + "\" data-chart=\"" + Html.text(kind) + "\" data-source=\"" + Html.text(id)
        + "-data\" role=\"img\" aria-label=\"" + Html.text(label) + "\" style=\"height:" + heightPx + "px\"></div>"
        + "<script type=\"application/json\" id=\"" + Html.text(id) + "-data\">" + json(data) + "</script>";
  }

  /**
   * {@code data} as JSON that cannot end its block: {@code <}, {@code >} and {@code &} only occur
   * inside JSON strings, where their backslash-u escapes mean the same characters.
   */
  static String json(Object data) {
    try {
      return JSON.writeValueAsString(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("chart data that Jackson cannot write: " + data.getClass().getName(), e);
    }
  }
}
