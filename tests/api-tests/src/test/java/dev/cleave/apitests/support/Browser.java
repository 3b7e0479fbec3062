package dev.cleave.apitests.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for the storefront's tests: Debian's Chromium, headless, driven through Debian's
 * chromedriver (never a downloaded browser or driver: {@code -Dcleave.test.chromium} and {@code
 * -Dcleave.test.chromedriver} name others). One browser per test class, opened before its first
 * test and closed after its last. A failing test leaves a screenshot and the page's HTML under
 * {@code target/browser-failures/<shape>/}; {@link #screenshot} keeps pictures on purpose under
 * {@code target/screenshots/<shape>/} (the README's come from there).
 */
public final class Browser
    implements BeforeAllCallback, AfterEachCallback, AfterAllCallback, TestWatcher {

  /** The longest a page may take to show what a test waits for (a busy CI machine included). */
  public static final Duration PATIENCE = Duration.ofSeconds(15);

  private static final Path TARGET = Path.of("target");

  private static final Pattern ANSWERED_API_CALL =
      Pattern.compile(
          "https?://[^/ ]+/api/v1/\\S* - Failed to load resource: the server responded with a"
              + " status of 4[0-9][0-9] .*");

  private ChromeDriver driver;

  @Override
  public void beforeAll(ExtensionContext context) {
    String chromium = System.getProperty("cleave.test.chromium", "/usr/bin/chromium");
    String chromedriver = System.getProperty("cleave.test.chromedriver", "/usr/bin/chromedriver");
    for (String program : List.of(chromium, chromedriver)) {
      if (!Files.isExecutable(Path.of(program))) {
        throw new IllegalStateException(
            program
                + " is missing: the storefront's tests need Debian's chromium and chromium-driver"
                + " packages (.ci/run installs them; README 'Test')");
      }
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--no-first-run",
        "--lang=en-GB",
        "--window-size=1280,1000");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of(chromedriver).toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(PATIENCE);
  }

  /**
   * After each test: the next one starts signed out (every cookie forgotten), and this one fails if
   * the console holds an error or a warning (a script error, a failed request, a policy violation).
   */
  @Override
  public void afterEach(ExtensionContext context) {
    if (driver == null) {
      return;
    }
    List<String> problems = consoleProblems();
    clearCookies();
    if (!problems.isEmpty()) {
      throw new AssertionError("the browser console is not clean: " + problems);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (driver != null) {
      driver.quit();
    }
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    if (driver == null) {
      return;
    }
    String name =
        context.getRequiredTestClass().getSimpleName()
            + "-"
            + context.getRequiredTestMethod().getName();
    Path folder = TARGET.resolve("browser-failures").resolve(shapeFolder());
    try {
      Files.createDirectories(folder);
      Files.write(folder.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
      Files.writeString(folder.resolve(name + ".html"), driver.getPageSource());
    } catch (IOException | RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  public WebDriver driver() {
    return driver;
  }

  /** Opens a path of the system under test and waits until the page has drawn its view. */
  public void open(String path) {
    driver.get(CleaveSystem.baseUrl() + path);
    awaitView();
  }

  /** Waits until the page is not busy drawing a view and has one (its main holds a heading). */
  public void awaitView() {
    await(
        d ->
            Boolean.TRUE.equals(
                ((JavascriptExecutor) d)
                    .executeScript(
                        "const main = document.getElementById('main');"
                            + " return !!main && !main.hasAttribute('aria-busy')"
                            + " && !!main.querySelector('h1');")));
  }

  public <T> T await(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, PATIENCE).until(condition);
  }

  public WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  public List<WebElement> findAll(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /**
   * Signs in through the shop's own form ({@code /sign-in?next=...}) and waits until the page it
   * leads to has drawn its view.
   */
  public void signIn(String email, String password, String next) {
    open("/sign-in?next=" + next);
    find("#sign-in-email").sendKeys(email);
    find("#sign-in-password").sendKeys(password + Keys.ENTER);
    await(d -> path().equals(next));
    awaitView();
  }

  /**
   * The text of the first element matching {@code css}, read in one step in the page ("" when there
   * is none): safe to poll while a view is being drawn again, where a found element can be replaced
   * before its text is read.
   */
  public String text(String css) {
    Object text =
        script(
            "const e = document.querySelector(arguments[0]); return e ? e.textContent : '';", css);
    return String.valueOf(text);
  }

  public String path() {
    String url = driver.getCurrentUrl();
    return url.substring(CleaveSystem.baseUrl().length());
  }

  public Object script(String script, Object... arguments) {
    return driver.executeScript(script, arguments);
  }

  /**
   * A cookie of the browser's whole jar by name, with its attributes as Chromium's DevTools
   * protocol reports them ({@code value}, {@code path}, {@code httpOnly}, {@code secure}, {@code
   * sameSite}, ...): WebDriver's own cookie calls see only the cookies of the current page's path.
   */
  @SuppressWarnings("unchecked")
  public Optional<Map<String, Object>> cookie(String name) {
    Map<String, Object> answer = driver.executeCdpCommand("Network.getAllCookies", Map.of());
    return ((List<Map<String, Object>>) answer.get("cookies"))
        .stream().filter(cookie -> name.equals(cookie.get("name"))).findFirst();
  }

  /** Forgets every cookie of every path (a new visitor). */
  public void clearCookies() {
    driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
  }

  public void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  /**
   * The browser console's errors and warnings since the last call: a script error, a failed
   * request, a Content-Security-Policy violation. An API call answered with a 4xx problem is not
   * one: the page shows that problem to the person (Chromium still logs the status).
   */
  public List<String> consoleProblems() {
    List<String> problems = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.WARNING.intValue()
          && !ANSWERED_API_CALL.matcher(entry.getMessage()).matches()) {
        problems.add(entry.getLevel() + " " + entry.getMessage());
      }
    }
    return problems;
  }

  /** Keeps a picture of the page under {@code target/screenshots/<shape>/NAME.png}. */
  public Path screenshot(String name) {
    Path file = TARGET.resolve("screenshots").resolve(shapeFolder()).resolve(name + ".png");
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs axe-core (Deque's copy, put into the page by the driver, which the page's
   * Content-Security-Policy does not govern) against the WCAG 2.x A and AA rules and returns the
   * violations of the given impacts, one line each: rule, impact, help and the elements.
   */
  @SuppressWarnings("unchecked")
  public List<String> accessibilityViolations(String... impacts) {
    script(AxeCore.SOURCE);
    Object raw =
        driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + " axe.run(document, { runOnly: { type: 'tag', values:"
                + " ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })"
                + " .then(r => done(r.violations.map(v => ({ id: v.id, impact: v.impact,"
                + " help: v.help, targets: v.nodes.map(n => n.target.join(' ')) }))))"
                + " .catch(e => done([{ id: 'axe-failed', impact: 'critical', help: String(e),"
                + " targets: [] }]));");
    List<String> wanted = List.of(impacts);
    List<String> found = new ArrayList<>();
    for (Map<String, Object> violation : (List<Map<String, Object>>) raw) {
      String impact = String.valueOf(violation.get("impact"));
      if (wanted.contains(impact)) {
        found.add(
            violation.get("id")
                + " ("
                + impact
                + "): "
                + violation.get("help")
                + " "
                + violation.get("targets"));
      }
    }
    return found;
  }

  private static String shapeFolder() {
    return CleaveSystem.topology().replace(':', '-').toLowerCase(Locale.ROOT);
  }

  /**
   * axe-core's script, as Deque ships it in its Selenium jar (the jar's Java classes are not used).
   */
  private static final class AxeCore {
    static final String SOURCE = load();

    private static String load() {
      try (InputStream in = Browser.class.getClassLoader().getResourceAsStream("axe.min.js")) {
        if (in == null) {
          throw new IllegalStateException("axe-core's axe.min.js is not on the test class path");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
