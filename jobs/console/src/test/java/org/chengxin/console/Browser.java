package org.chengxin.console;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A minimal browser for the console's HTTP tests: keeps cookies, follows no redirect, remembers the last page's CSRF token. */
final class Browser {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final String root;
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private String csrf;

  Browser(String root) {
    this.root = root;
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(root + path)).GET());
  }

  /** Posts {@code fields} plus the CSRF token of the last page shown. */
  HttpResponse<String> post(String path, String... fields) throws IOException, InterruptedException {
    String[] withToken = new String[fields.length + 2];
    System.arraycopy(fields, 0, withToken, 0, fields.length);
    withToken[fields.length] = "csrf";
    withToken[fields.length + 1] = csrf;
    return postWithout(path, withToken);
  }

  /** Posts exactly {@code fields}: no CSRF token unless one is among them. */
  HttpResponse<String> postWithout(String path, String... fields) throws IOException, InterruptedException {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < fields.length; i += 2) {
      body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
    }
    return send(HttpRequest.newBuilder(URI.create(root + path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  /** Logs in through the form; the response is the login's answer (303 to the queue when it worked). */
  HttpResponse<String> login(String name, String password) throws IOException, InterruptedException {
    get("/login");
    return post("/login", "name", name, "password", password);
  }

  String cookie(String name) {
    return cookies.get(name);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    if (!cookies.isEmpty()) {
      request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")));
    }
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    for (String set : response.headers().allValues("Set-Cookie")) {
      String[] pair = set.split(";", 2)[0].split("=", 2);
      if (pair[1].isEmpty()) {
        cookies.remove(pair[0]);
      } else {
        cookies.put(pair[0], pair[1]);
      }
    }
    Matcher token = CSRF.matcher(response.body());
    if (token.find()) {
      csrf = token.group(1);
    }
    return response;
  }
}
