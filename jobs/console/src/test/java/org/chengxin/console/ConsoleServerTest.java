package org.chengxin.console;

import static org.chengxin.console.ConsoleFixture.ALICE;
import static org.chengxin.console.ConsoleFixture.BOB;
import static org.chengxin.console.ConsoleFixture.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chengxin.review.AuditAction;
import org.chengxin.review.AuditEntry;
import org.chengxin.review.CaseStatus;
import org.chengxin.review.RecommendedAction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's security rules over real HTTP, against the real server on a free port and the embedded PostgreSQL. */
class ConsoleServerTest {
  private static ConsoleFixture fixture;

  @TempDir
  static Path folder;

  @BeforeAll
  static void start() throws Exception {
    fixture = new ConsoleFixture(folder, "");
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @BeforeEach
  void queue() throws Exception {
    fixture.reset();
  }

  @Test
  void withoutASessionPagesRedirectToTheLoginAndFormsAreRefused() throws Exception {
    Browser anonymous = fixture.browser();

    HttpResponse<String> queue = anonymous.get("/");
    assertEquals(303, queue.statusCode());
    assertEquals("/login", queue.headers().firstValue("Location").orElseThrow());
    assertEquals(303, anonymous.get("/case/1").statusCode());
    assertEquals(403, anonymous.postWithout("/case/1/take", "csrf", "anything").statusCode());
    assertEquals(CaseStatus.OPEN, fixture.status(1), "nothing was taken");
  }

  @Test
  void theSessionCookieIsHttpOnlyAndSameSiteStrict() throws Exception {
    Browser alice = fixture.browser();
    alice.get("/login");
    HttpResponse<String> login = alice.post("/login", "name", ALICE, "password", PASSWORD);

    assertEquals(303, login.statusCode());
    String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("chengxin_session=")).findFirst().orElseThrow();
    assertTrue(cookie.contains("; HttpOnly") && cookie.contains("; SameSite=Strict") && cookie.contains("; Path=/"), cookie);
    HttpResponse<String> queue = alice.get("/");
    assertEquals(200, queue.statusCode());
    assertTrue(queue.body().contains("seller-a"), "the queue lists the open cases");
    assertTrue(queue.headers().firstValue("Content-Security-Policy").orElseThrow().contains("default-src 'none'"));
  }

  @Test
  void theCasePageLoadsItsChartsFromTheConsoleItselfAndRunsNoInlineScript() throws Exception {
    Browser alice = fixture.loggedIn(ALICE);
    HttpResponse<String> page = alice.get("/case/1");

    String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertTrue(policy.contains("script-src 'self';") && !policy.contains("unsafe-eval"), policy);
    Matcher scripts = Pattern.compile("<script( [^>]*)?>").matcher(page.body());
    List<String> tags = scripts.results().map(MatchResult::group).toList();
    assertEquals(4, tags.size(), tags.toString());
    assertTrue(tags.stream().allMatch(t -> t.contains("type=\"application/json\"") || t.matches("<script src=\"/static/[0-9a-f]{12}/[a-z.]+\">")),
        "the data blocks and the console's own two scripts, nothing inline that would run: " + tags);
    assertTrue(page.body().contains("data-chart=\"ring-graph\"") && page.body().contains("\"source\":\"buyer-1\""), "the graph's data");
    assertFalse(page.body().contains("\"pairs\":"), "its tables are on the page, not in the chart's data");

    for (String src : tags.stream().filter(t -> t.contains(" src=")).map(t -> t.replaceAll(".*src=\"([^\"]+)\".*", "$1")).toList()) {
      HttpResponse<String> script = fixture.browser().get(src);
      assertEquals(200, script.statusCode(), src + " served without a session: it holds no data");
      assertEquals("text/javascript; charset=utf-8", script.headers().firstValue("Content-Type").orElseThrow());
      assertEquals("public, max-age=31536000, immutable", script.headers().firstValue("Cache-Control").orElseThrow());
    }
    assertTrue(fixture.browser().get(tags.get(2).replaceAll(".*src=\"([^\"]+)\".*", "$1")).body().contains("Apache License"),
        "ECharts itself, from the webjar");
    assertEquals(404, fixture.browser().get("/static/000000000000/echarts.min.js").statusCode(), "an old version's address is gone");
  }

  @Test
  void chartDataCannotCloseItsBlock() {
    String json = Charts.json(List.of("</script><script>alert(1)</script>", "a & b"));
    assertFalse(json.contains("<") || json.contains(">") || json.contains("&"), json);
    assertEquals("[\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\",\"a \\u0026 b\"]", json);
  }

  @Test
  void aFormWithoutTheSessionsCsrfTokenIsRefused() throws Exception {
    Browser alice = fixture.loggedIn(ALICE);

    assertEquals(403, alice.postWithout("/case/1/take").statusCode());
    assertEquals(403, alice.postWithout("/case/1/take", "csrf", "a-token-from-another-site").statusCode());
    assertEquals(CaseStatus.OPEN, fixture.status(1));
    alice.get("/");
    assertEquals(303, alice.post("/case/1/take").statusCode(), "with the token it is taken");
    assertEquals(CaseStatus.IN_REVIEW, fixture.status(1));
  }

  @Test
  void aLoginFormWithoutItsTokenIsRefused() throws Exception {
    Browser browser = fixture.browser();

    assertEquals(403, browser.postWithout("/login", "name", ALICE, "password", PASSWORD).statusCode());
    assertTrue(browser.cookie(Console.SESSION_COOKIE) == null);
  }

  @Test
  void aReviewerCannotDecideACaseAnotherHolds() throws Exception {
    fixture.holding(ALICE, 2);
    Browser bob = fixture.loggedIn(BOB);
    bob.get("/");

    HttpResponse<String> refused = bob.post("/case/2/decide", "outcome", "cleared", "note", "not fraud");
    assertEquals(404, refused.statusCode(), "refused as a case bob may not see");
    assertEquals(CaseStatus.IN_REVIEW, fixture.status(2));
    assertEquals(404, bob.post("/case/2/release").statusCode(), "nor release it");
    Browser lee = fixture.loggedIn(ConsoleFixture.LEE);
    lee.get("/case/2");
    assertEquals(403, lee.post("/case/2/decide", "outcome", "cleared", "note", "not fraud").statusCode(),
        "a lead sees the case and may not decide it either");
    assertEquals(CaseStatus.IN_REVIEW, fixture.status(2));
    assertEquals(ALICE, fixture.holder(2));
  }

  @Test
  void aReviewerGuessingAnotherReviewersCaseIdSeesNothingOfIt() throws Exception {
    Browser alice = fixture.holding(ALICE, 2);
    Browser bob = fixture.loggedIn(BOB);

    HttpResponse<String> guessed = bob.get("/case/2");
    assertEquals(404, guessed.statusCode());
    assertFalse(guessed.body().contains("seller-b"), "not even the seller");
    assertEquals(guessed.body().replace("case 2", "case 999"), bob.get("/case/999").body(), "the same answer as a case that is not there");
    assertFalse(bob.get("/").body().contains("seller-b"), "nor on the queue page");
    assertEquals(404, bob.post("/case/2/decide", "outcome", "cleared", "note", "x").statusCode(), "nor acting on it");
    assertEquals(404, bob.post("/case/999/take").statusCode());
    HttpResponse<String> analyst = fixture.loggedIn(ConsoleFixture.ANA).get("/case/2");
    assertEquals(200, analyst.statusCode(), "an analyst reads every case");
    assertFalse(analyst.body().contains("/case/2/decide"), "and acts on none");
  }

  @Test
  void theCasePageShowsTheWarehousesEvidenceAndRecordsTheView() throws Exception {
    Browser alice = fixture.loggedIn(ALICE);

    String page = alice.get("/case/1").body();
    assertTrue(page.contains("<td>0.912</td><td>v7</td>"), "the seller's risk");
    assertTrue(page.contains("<td>r-1</td><td>ring_boost</td><td>ring member &lt;b&gt;boost&lt;/b&gt;</td>"), "flagged ratings, escaped");
    assertTrue(page.contains("Members of ring-0001") && page.contains("<td>buyer-2</td><td>buyer</td>"), "the ring's members");
    assertEquals(Optional.of(ALICE), fixture.audit(1).stream().filter(e -> e.action() == AuditAction.VIEW_EVIDENCE)
        .map(AuditEntry::actor).findFirst());
  }

  @Test
  void aNoteHoldingAScriptIsShownAsText() throws Exception {
    Browser alice = fixture.holding(ALICE, 2);
    alice.get("/case/2");
    assertEquals(303, alice.post("/case/2/decide", "outcome", "cleared", "note", "<script>alert('x')</script> & more").statusCode());

    String page = alice.get("/case/2").body();
    assertTrue(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more"), page);
    assertFalse(page.contains("<script>"));
  }

  @Test
  void tenWrongPasswordsLockTheAccount() throws Exception {
    Browser guesser = fixture.browser();
    for (int i = 1; i <= 10; i++) {
      HttpResponse<String> wrong = guesser.login(BOB, "wrong password " + i);
      assertEquals(401, wrong.statusCode());
      assertTrue(wrong.body().contains("Wrong name or password."));
    }
    HttpResponse<String> locked = guesser.login(BOB, PASSWORD);
    assertEquals(401, locked.statusCode());
    assertTrue(locked.body().contains("This account is locked"), locked.body());
    assertTrue(guesser.cookie(Console.SESSION_COOKIE) == null);
  }

  @Test
  void aSevenDayClosureTakesEffectOnlyWhenASecondReviewerConfirms() throws Exception {
    Browser alice = fixture.holding(ALICE, 1);
    alice.get("/case/1");
    assertEquals(303, alice.post("/case/1/decide", "outcome", "confirmed", "note", "ring R1: shared devices").statusCode());
    assertEquals(CaseStatus.IN_REVIEW, fixture.status(1), "proposed, not decided");
    assertTrue(fixture.penalties("seller-a").isEmpty());
    assertEquals(403, alice.post("/case/1/confirm-closure").statusCode(), "not by the reviewer who proposed it");

    Browser bob = fixture.loggedIn(BOB);
    assertTrue(bob.get("/").body().contains("proposed by alice"));
    assertTrue(bob.get("/case/1").body().contains("Confirm the seven-day closure"));
    assertEquals(303, bob.post("/case/1/confirm-closure").statusCode());

    assertEquals(CaseStatus.CONFIRMED, fixture.status(1));
    assertEquals(List.of(RecommendedAction.SEVEN_DAY_CLOSURE), fixture.penalties("seller-a"));
    List<AuditAction> trail = fixture.audit(1).stream().map(AuditEntry::action).toList();
    assertTrue(trail.containsAll(List.of(AuditAction.TAKE, AuditAction.VIEW_EVIDENCE, AuditAction.PROPOSE_CLOSURE,
        AuditAction.CONFIRM_CLOSURE, AuditAction.DECIDE)), trail.toString());
    assertEquals(Optional.of(BOB), fixture.audit(1).stream().filter(e -> e.action() == AuditAction.CONFIRM_CLOSURE)
        .map(AuditEntry::actor).findFirst());
  }

  @Test
  void theDashboardCountsTheQueue() throws Exception {
    fixture.holding(ALICE, 2);
    String page = fixture.loggedIn(ConsoleFixture.ANA).get("/dashboard").body();

    assertTrue(page.contains("<tr><td>open</td><td>1</td>") && page.contains("<tr><td>in_review</td><td>1</td>"), page);
    assertTrue(page.contains("Intake and decisions, last 14 days"));
    assertTrue(page.contains("<tr><td>platform</td><td>2026-11-01</td><td>400000</td><td>2</td><td>0.50</td><td>0.06 to 1.80</td>"
        + "<td>0.970</td><td>yes</td><td>0</td></tr>"), "the platform's latest 30-day rate per 100,000, its interval, P(met), needed: " + page);
    assertTrue(page.contains("<tr><td>womens_apparel</td><td>2026-11-01</td><td>50000</td><td>1</td><td>2.00</td><td>0.05 to 11.00</td>"
        + "<td>0.400</td><td>no</td><td>324,000</td></tr>"), page);
    assertTrue(page.contains("data-chart=\"dissatisfaction\"") && page.contains("data-chart=\"calibration\""));
    assertTrue(page.contains("<td>0.9-1.0</td><td>12</td><td>0.950</td><td>0.917</td>"), "v8's calibration from its metrics.json");
    String week = fixture.loggedIn(ConsoleFixture.ANA).get("/dashboard?window=7").body();
    assertTrue(week.contains("<b>7 days</b>") && week.contains("<td>90000</td><td>0</td><td>0.00</td>") && !week.contains("womens_apparel"),
        "the 7-day window's rows only");
  }

  @Test
  void theQueueShowsEachCasesCategoryAndFiltersByIt() throws Exception {
    Browser alice = fixture.loggedIn(ALICE);
    String all = alice.get("/").body();
    assertTrue(all.contains("<select name=\"category\"><option value=\"\">any</option><option>luxury_bags</option>"
        + "<option>womens_apparel</option></select>"), "the categories the cases have: " + all);
    assertTrue(all.contains("<td>luxury_bags</td>") && all.contains("<td>womens_apparel</td>"), all);

    String luxury = alice.get("/?category=luxury_bags").body();
    assertTrue(luxury.contains("href=\"/case/1\"") && !luxury.contains("href=\"/case/2\""), "exactly the category's cases: " + luxury);
    assertTrue(luxury.contains("<option selected>luxury_bags</option>"));
    String apparel = fixture.loggedIn(ConsoleFixture.ANA).get("/?category=womens_apparel").body();
    assertTrue(apparel.contains("href=\"/case/2\"") && !apparel.contains("href=\"/case/1\""), apparel);
    assertTrue(alice.get("/?category=toys").body().contains("No case matches."));
  }

  @Test
  void theDashboardMeasuresTheModelsCalibrationOnTheReviewersDecisions() throws Exception {
    assertTrue(fixture.loggedIn(ConsoleFixture.ANA).get("/dashboard").body().contains("no case decided yet"));
    Browser alice = fixture.holding(ALICE, 2);
    alice.get("/case/2");
    assertEquals(303, alice.post("/case/2/decide", "outcome", "cleared", "note", "ratings are genuine").statusCode());
    Browser closing = fixture.holding(ALICE, 1);
    closing.get("/case/1");
    assertEquals(303, closing.post("/case/1/decide", "outcome", "confirmed", "note", "ring R1").statusCode());
    Browser bob = fixture.loggedIn(BOB);
    bob.get("/case/1");
    assertEquals(303, bob.post("/case/1/confirm-closure").statusCode());

    String page = fixture.loggedIn(ConsoleFixture.ANA).get("/dashboard").body();
    assertTrue(page.contains("data-chart=\"decided-calibration\""), page);
    assertTrue(page.contains("<tr><td>0.2-0.3</td><td>1</td><td>0.200</td><td>0.000</td><td>0.000 to 0.793</td></tr>"),
        "seller-b, risk 0.2 on the flag's day, cleared: " + page);
    assertTrue(page.contains("<tr><td>0.9-1.0</td><td>1</td><td>0.912</td><td>1.000</td><td>0.207 to 1.000</td></tr>"),
        "seller-a, risk 0.9123 on the flag's day (not the later 0.12), confirmed by the closure's second reviewer: " + page);
  }

  @Test
  void aLeadReassignsACaseLeftInReview() throws Exception {
    Browser alice = fixture.holding(ALICE, 2);
    Browser lee = fixture.loggedIn(ConsoleFixture.LEE);
    lee.get("/case/2");

    assertEquals(303, lee.post("/case/2/reassign", "to", BOB).statusCode());
    assertEquals(BOB, fixture.holder(2));
    assertEquals(404, alice.get("/case/2").statusCode(), "no longer alice's");
    assertEquals(404, alice.post("/case/2/reassign", "to", ALICE).statusCode(), "so not hers to take back");
    Browser bob = fixture.loggedIn(BOB);
    bob.get("/case/2");
    assertEquals(403, bob.post("/case/2/reassign", "to", ALICE).statusCode(), "a reviewer does not reassign, even their own case");
    assertEquals(BOB, fixture.holder(2));
  }
}
