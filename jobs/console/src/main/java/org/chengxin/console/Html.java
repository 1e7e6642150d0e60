package org.chengxin.console;

/**
 * HTML text: every value that reaches a page goes through {@link #text}, so a note holding
 * {@code <script>} is shown as those characters and never run.
 */
final class Html {
  private Html() {}

  /** {@code value} escaped for an element's text or a quoted attribute. */
  static String text(Object value) {
    String s = String.valueOf(value);
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }

  /**
   * A whole page: {@code body} is already HTML; {@code title} is text. The pages work without script:
   * a page with charts ends its body with the tags of the console's own chart code.
   */
  static String page(String title, String body) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + text(title) + " · Chengxin</title>"
        + "<style>" + STYLE + "</style></head><body>" + body + "</body></html>\n";
  }

  private static final String STYLE = "body{font-family:sans-serif;margin:1.5em;max-width:75em}"
      + "table{border-collapse:collapse}td,th{border-bottom:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}"
      + "form.inline{display:inline}.error{color:#a00}.note{white-space:pre-wrap}nav{margin-bottom:1em}"
      + ".chart{width:100%;border:1px solid #ddd;margin:.5em 0}.gap{color:#666;font-style:italic}";
}
