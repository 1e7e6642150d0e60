package org.chengxin.console;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One reviewer of {@link ConsoleBenchmark}, through the console's pages as a browser would use them:
 * log in, then load the queue, take one of the cases it shows (at random: eight reviewers taking the
 * top case would only measure refusals), load the case page, decide the case; until the deadline.
 */
final class BenchReviewer {
  private static final Pattern TAKE = Pattern.compile("action=\"/case/(\\d+)/take\"");
  private static final Pattern TOKEN = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  /**
   * What one session did: its decisions, the cases it decided that another had decided too, its takes refused, page
   * times ({@code caseIds}: the case of each case page time).
   */
  record Outcome(long decided, long decidedTwice, long takeConflicts, List<Long> queueMillis, List<Long> caseMillis, List<Long> caseIds) {}

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final Map<String, String> cookies = new HashMap<>();
  private final String root;
  private final String name;
  private final String password;
  private final Random random;
  private String csrf;

  BenchReviewer(String root, String name, String password, long seed) {
    this.root = root;
    this.name = name;
    this.password = password;
    this.random = new Random(seed);
  }

  Outcome work(long deadline, ConcurrentHashMap<Long, String> decidedBy) throws IOException, InterruptedException {
    send("GET", "/login", null);
    if (send("POST", "/login", Map.of("name", name, "password", password)).statusCode() != 303) {
      throw new IllegalStateException(name + " could not log in");
    }
    long decided = 0;
    long twice = 0;
    long conflicts = 0;
    List<Long> queueMillis = new ArrayList<>();
    List<Long> caseMillis = new ArrayList<>();
    List<Long> caseIds = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      long started = System.nanoTime();
      HttpResponse<String> queue = send("GET", "/", null);
      queueMillis.add((System.nanoTime() - started) / 1_000_000);
      List<Long> shown = new ArrayList<>();
      for (Matcher take = TAKE.matcher(queue.body()); take.find(); ) {
        shown.add(Long.parseLong(take.group(1)));
      }
      if (shown.isEmpty()) {
        break;
      }
      long caseId = shown.get(random.nextInt(shown.size()));
      if (send("POST", "/case/" + caseId + "/take", Map.of()).statusCode() != 303) {
        conflicts++;
        continue;
      }
      started = System.nanoTime();
      HttpResponse<String> page = send("GET", "/case/" + caseId, null);
      caseMillis.add((System.nanoTime() - started) / 1_000_000);
      caseIds.add(caseId);
      if (page.statusCode() != 200) {
        throw new IllegalStateException(name + " took case " + caseId + " and could not open it: " + page.statusCode());
      }
      String outcome = random.nextInt(4) == 0 ? "confirmed" : "cleared";
      if (send("POST", "/case/" + caseId + "/decide", Map.of("outcome", outcome, "note", "benchmark: " + outcome)).statusCode() != 303) {
        throw new IllegalStateException(name + " could not decide case " + caseId + " it holds");
      }
      decided++;
      if (decidedBy.putIfAbsent(caseId, name) != null) {
        twice++;
      }
    }
    return new Outcome(decided, twice, conflicts, queueMillis, caseMillis, caseIds);
  }

  /** A request with the session's cookies; a form carries the last page's CSRF token. */
  private HttpResponse<String> send(String method, String path, Map<String, String> form) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path));
    if (form == null) {
      request.GET();
    } else {
      StringBuilder body = new StringBuilder("csrf=").append(URLEncoder.encode(csrf, StandardCharsets.UTF_8));
      form.forEach((k, v) -> body.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
      request.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    }
    if (!cookies.isEmpty()) {
      request.header("Cookie", String.join("; ", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).toList()));
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    response.headers().allValues("Set-Cookie").forEach(set -> {
      String[] pair = set.split(";", 2)[0].split("=", 2);
      cookies.put(pair[0], pair[1]);
    });
    Matcher token = TOKEN.matcher(response.body());
    if (token.find()) {
      csrf = token.group(1);
    }
    return response;
  }
}
