package org.chengxin.console;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP exchange as the console's routes see it: its path below the console, query and form
 * fields, cookies, and the ways it is answered (a page, a redirect, a refusal). Every answer carries
 * headers that keep the pages out of caches and frames and allow scripts only from the console's own files.
 */
final class Request {
  /** A form larger than this is refused: the console's forms are a note and a few fields. */
  private static final int MAX_FORM_BYTES = 64 * 1024;

  /**
   * Scripts only from the console itself (its ECharts and chart code: no inline script, so a value
   * that slipped past escaping still cannot run); the charts' data travel in JSON blocks that never run.
   */
  static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; form-action 'self'; "
      + "frame-ancestors 'none'";

  private final HttpExchange exchange;
  private final String basePath;
  private Map<String, String> form;

  Request(HttpExchange exchange, String basePath) {
    this.exchange = exchange;
    this.basePath = basePath;
  }

  String method() {
    return exchange.getRequestMethod();
  }

  /** The path as the server received it (a reverse proxy has already stripped its own prefix). */
  String path() {
    return exchange.getRequestURI().getPath();
  }

  Optional<String> query(String name) {
    return Optional.ofNullable(fields(exchange.getRequestURI().getRawQuery()).get(name)).filter(v -> !v.isBlank());
  }

  /** A field of the posted form (application/x-www-form-urlencoded). */
  Optional<String> form(String name) throws IOException {
    if (form == null) {
      byte[] body = exchange.getRequestBody().readNBytes(MAX_FORM_BYTES + 1);
      if (body.length > MAX_FORM_BYTES) {
        throw new IOException("form too large");
      }
      form = fields(new String(body, StandardCharsets.UTF_8));
    }
    return Optional.ofNullable(form.get(name));
  }

  Optional<String> cookie(String name) {
    List<String> headers = exchange.getRequestHeaders().getOrDefault("Cookie", List.of());
    for (String header : headers) {
      for (String part : header.split(";")) {
        String[] pair = part.trim().split("=", 2);
        if (pair.length == 2 && pair[0].equals(name)) {
          return Optional.of(pair[1]);
        }
      }
    }
    return Optional.empty();
  }

  /** A link to {@code path} (starting with /) as the browser must ask for it: below the base path the proxy serves the console at. */
  String link(String path) {
    return basePath + path;
  }

  void setCookie(String cookie) {
    exchange.getResponseHeaders().add("Set-Cookie", cookie);
  }

  String basePath() {
    return basePath;
  }

  void page(int status, String html) throws IOException {
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    secure();
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /**
   * One of the console's own scripts: gzipped when the browser takes it, and cacheable for a year
   * (its address changes with its content). Still under the page's security headers.
   */
  void asset(StaticFiles.File file) throws IOException {
    boolean gzip = exchange.getRequestHeaders().getOrDefault("Accept-Encoding", List.of()).stream().anyMatch(h -> h.contains("gzip"));
    byte[] body = gzip ? file.gzipped() : file.plain();
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Type", "text/javascript; charset=utf-8");
    secure();
    headers.set("Cache-Control", "public, max-age=31536000, immutable");
    headers.set("Vary", "Accept-Encoding");
    if (gzip) {
      headers.set("Content-Encoding", "gzip");
    }
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** See-other to {@code path} below the console (after a form: a reload does not post again). */
  void redirect(String path) throws IOException {
    exchange.getResponseHeaders().set("Location", link(path));
    secure();
    exchange.sendResponseHeaders(303, -1);
    exchange.close();
  }

  private void secure() {
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Security-Policy", POLICY);
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Referrer-Policy", "no-referrer");
    headers.set("Cache-Control", "no-store");
  }

  private static Map<String, String> fields(String encoded) {
    Map<String, String> fields = new HashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return fields;
    }
    for (String pair : encoded.split("&")) {
      String[] kv = pair.split("=", 2);
      fields.putIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return fields;
  }
}
