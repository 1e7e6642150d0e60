package org.chengxin.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behind a reverse proxy that serves the console under /review and strips the prefix before passing requests on. */
class ConsoleBasePathTest {
  private static ConsoleFixture fixture;

  @TempDir
  static Path folder;

  @BeforeAll
  static void start() throws Exception {
    fixture = new ConsoleFixture(folder, "/review");
    fixture.reset();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void linksRedirectsAndCookiesAreBelowTheBasePath() throws Exception {
    Browser browser = fixture.browser();
    assertEquals("/review/login", browser.get("/").headers().firstValue("Location").orElseThrow());

    browser.get("/login");
    HttpResponse<String> login = browser.post("/login", "name", ConsoleFixture.ALICE, "password", ConsoleFixture.PASSWORD);
    assertEquals("/review/", login.headers().firstValue("Location").orElseThrow());
    assertTrue(login.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("chengxin_session=") && c.contains("; Path=/review;")));

    String queue = browser.get("/").body();
    assertTrue(queue.contains("href=\"/review/case/1\"") && queue.contains("action=\"/review/case/1/take\""), queue);
    assertFalse(queue.contains("href=\"/case/"), "no link escapes the base path");
  }
}
