package org.chengxin.console;

import static org.chengxin.console.ConsoleFixture.ALICE;
import static org.chengxin.console.ConsoleFixture.BOB;
import static org.chengxin.console.ConsoleFixture.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.chengxin.review.CaseStatus;
import org.chengxin.review.RecommendedAction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The console in a real headless Chromium (Debian's chromium and chromium-driver; .ci/run installs
 * them): log in, take a case, read its evidence, propose a closure that only a second reviewer can
 * confirm. A screenshot of each page goes to target/console-screenshots/. Skipped, saying so, only
 * when chromedriver is not installed.
 */
class ConsoleBrowserTest {
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

  @TempDir
  static Path folder;
  private static ConsoleFixture fixture;
  private WebDriver browser;
  @TempDir
  Path profile;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
        "browser tests skipped: no " + CHROMEDRIVER + " or " + CHROMIUM + " (apt-get install chromium chromium-driver)");
    fixture = new ConsoleFixture(folder, "");
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @BeforeEach
  void open() throws Exception {
    fixture.reset();
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
    // These machines have no internet: without the background-networking flags Chromium keeps trying to reach it.
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,1000",
        "--user-data-dir=" + profile);
    // The driver named explicitly: Selenium Manager would otherwise try to download one.
    browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aReviewerTakesACaseReadsItsEvidenceAndASecondReviewerConfirmsTheClosure() throws Exception {
    logIn(ALICE);
    assertEquals("Review queue · Chengxin", browser.getTitle());
    screenshot("queue");

    browser.findElement(By.cssSelector("form[action='/case/1/take'] button")).click();
    // The take's redirect may still be under way when the click returns.
    awaitTitle("Case 1 · Chengxin");
    assertTrue(browser.getCurrentUrl().endsWith("/case/1"), browser.getCurrentUrl());
    WebElement members = browser.findElement(By.xpath("//h3[text()='Members of ring-0001']/following-sibling::table[1]"));
    assertEquals(5, members.findElements(By.tagName("tr")).size(), "a header and the ring's four members");
    assertTrue(browser.findElement(By.tagName("body")).getText().contains("ring member <b>boost</b>"), "a reason shown as text");
    assertChartsDrawn();
    screenshot("case");
    ((JavascriptExecutor) browser).executeScript("document.getElementById('rating-chart').scrollIntoView()");
    screenshot("case-charts");
    assertTooltipWritesNamesAsText();

    browser.findElement(By.cssSelector("input[name='outcome'][value='confirmed']")).click();
    browser.findElement(By.name("note")).sendKeys("ring-0001: <script>document.title='pwned'</script> shared devices");
    browser.findElement(By.xpath("//button[text()='Decide']")).click();
    assertEquals("Case 1 · Chengxin", browser.getTitle(), "the note's script did not run");
    String page = browser.findElement(By.tagName("body")).getText();
    assertTrue(page.contains("Closure proposed") && page.contains("<script>document.title='pwned'</script>"), page);
    assertTrue(browser.findElements(By.xpath("//button[text()='Confirm the seven-day closure']")).isEmpty(),
        "the proposer cannot confirm it");
    assertEquals(CaseStatus.IN_REVIEW, fixture.status(1));
    assertTrue(fixture.penalties("seller-a").isEmpty(), "no closure yet");
    screenshot("closure-proposed");

    browser.findElement(By.xpath("//button[text()='Log out']")).click();
    logIn(BOB);
    awaitTitle("Review queue · Chengxin");
    // Loaded anew: reading the page the login's redirect is still replacing can hit a stale element.
    browser.get(root() + "/");
    String queue = browser.findElement(By.tagName("body")).getText();
    assertTrue(queue.contains("proposed by alice"), queue);
    browser.get(root() + "/case/1");
    screenshot("closure-to-confirm");
    browser.findElement(By.xpath("//button[text()='Confirm the seven-day closure']")).click();
    awaitTitle("Review queue · Chengxin");
    assertFalse(browser.findElement(By.tagName("body")).getText().contains("proposed by alice"), "no closure waits any more");
    assertEquals(CaseStatus.CONFIRMED, fixture.status(1));
    assertEquals(List.of(RecommendedAction.SEVEN_DAY_CLOSURE), fixture.penalties("seller-a"));
    screenshot("closure-confirmed");

    browser.get(root() + "/dashboard");
    JavascriptExecutor js = (JavascriptExecutor) browser;
    assertEquals(1L, js.executeScript("return document.querySelectorAll('#decided-calibration canvas').length"),
        "the calibration on reviewers' decisions drawn");
    assertEquals(List.of(List.of(0.9123, 1L)), js.executeScript("return echarts.getInstanceByDom(document.getElementById('decided-calibration'))"
        + ".getOption().series[2].data"), "the confirmed case 1 at seller-a's risk on the flag's day");
  }

  /**
   * The rating chart's tooltip writes its series' names as text: a pattern named like markup (as a
   * warehouse value could be) shows as those characters and makes no element. ECharts 5.3.1, which
   * the console serves, does not escape every name in its own tooltips.
   */
  private void assertTooltipWritesNamesAsText() throws InterruptedException {
    JavascriptExecutor js = (JavascriptExecutor) browser;
    js.executeScript("var chart = echarts.getInstanceByDom(document.getElementById('rating-chart'));"
        + "chart.setOption({series: [{name: '<img id=pwned src=x onerror=\"document.title=1\">'}]});"
        + "chart.dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: 0});");
    Object shown = null;
    for (int i = 0; i < 20 && (shown == null || !shown.toString().contains("pwned")); i++) {
      Thread.sleep(100);
      shown = js.executeScript("return Array.from(document.querySelectorAll('#rating-chart div')).map(function (d) { return d.textContent; })"
          + ".filter(function (t) { return t.indexOf('pwned') >= 0; }).join('')");
    }
    assertTrue(shown.toString().contains("<img id=pwned src=x onerror=\"document.title=1\">: "), "the name as text: " + shown);
    assertEquals(null, js.executeScript("return document.getElementById('pwned')"), "no element made of it");
    js.executeScript("echarts.getInstanceByDom(document.getElementById('rating-chart')).dispatchAction({type: 'hideTip'})");
  }

  /**
   * Both charts of case 1 drawn by the ECharts the console serves (under its script-src 'self'
   * policy): a canvas in each container, and the series ECharts holds are the warehouse's figures.
   */
  private void assertChartsDrawn() {
    JavascriptExecutor js = (JavascriptExecutor) browser;
    for (String chart : List.of("ring-graph", "rating-chart")) {
      assertEquals(1L, js.executeScript("return document.querySelectorAll('#" + chart + " canvas').length"), chart + " drew a canvas");
    }
    assertEquals(List.of(5L, 5L), js.executeScript("var s = echarts.getInstanceByDom(document.getElementById('ring-graph')).getOption()"
        + ".series[0]; return [s.data.length, s.links.length]"), "4 members and a shared device key; 3 trading pairs and 2 key links");
    assertEquals(List.of("positive", "negative", "flagged: ring_boost", "flagged: shared_key_boost"), js.executeScript(
        "return echarts.getInstanceByDom(document.getElementById('rating-chart')).getOption().series.map(function (s) { return s.name; })"));
    assertEquals(4L, js.executeScript("return echarts.getInstanceByDom(document.getElementById('rating-chart')).getOption().series"
        + ".reduce(function (sum, s) { return sum + s.data.reduce(function (a, b) { return a + b; }, 0); }, 0)"), "seller-a's four ratings to the flag's day");
  }

  @Test
  void anAnalystsDashboardDrawsTheRatesDetectionsQueueAndCalibration() throws Exception {
    logIn(ConsoleFixture.ANA);
    browser.get(root() + "/dashboard");
    JavascriptExecutor js = (JavascriptExecutor) browser;
    List<String> charts = List.of("dissatisfaction-platform", "dissatisfaction-womens_apparel", "detections", "flagged-ratings", "queue-flow",
        "calibration");
    for (String chart : charts) {
      assertEquals(1L, js.executeScript("return document.querySelectorAll('#" + chart + " canvas').length"), chart + " drew a canvas");
    }
    assertEquals(List.of(0.67, 0.5), js.executeScript("return echarts.getInstanceByDom(document.getElementById('dissatisfaction-platform'))"
        + ".getOption().series[2].data.map(function (v) { return Math.round(v * 100) / 100; })"), "the platform's rate per 100,000 by run");
    assertEquals(List.of("rings found", "newly flagged", "sellers flagged", "sold luxury brands uncertified"), js.executeScript(
        "return echarts.getInstanceByDom(document.getElementById('detections')).getOption().series.map(function (s) { return s.name; })"));
    assertEquals(2L, js.executeScript(
        "return echarts.getInstanceByDom(document.getElementById('calibration')).getOption().series[1].data.length"), "v8's two bins");
    screenshot("dashboard");
  }

  @Test
  void withoutLoggingInTheBrowserLandsOnTheLoginPage() throws Exception {
    browser.get(root() + "/case/1");
    assertTrue(browser.getCurrentUrl().endsWith("/login"), browser.getCurrentUrl());
    assertFalse(browser.getPageSource().contains("seller-a"));
    screenshot("login");
  }

  private void logIn(String name) {
    browser.get(root() + "/login");
    browser.findElement(By.name("name")).sendKeys(name);
    browser.findElement(By.name("password")).sendKeys(PASSWORD);
    browser.findElement(By.xpath("//button[text()='Log in']")).click();
  }

  /**
   * Waits up to 10 s for the page titled {@code title}: a click on a form's button returns before the
   * answer's page may have replaced the one with the charts, which takes longer to unload.
   */
  private void awaitTitle(String title) throws InterruptedException {
    for (int tries = 0; tries < 100 && !browser.getTitle().equals(title); tries++) {
      Thread.sleep(100);
    }
    assertEquals(title, browser.getTitle());
  }

  private String root() {
    return "http://127.0.0.1:" + fixture.port();
  }

  private void screenshot(String page) throws Exception {
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), SCREENSHOTS.resolve(page + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
