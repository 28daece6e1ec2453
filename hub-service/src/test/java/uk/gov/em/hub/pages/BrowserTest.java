package uk.gov.em.hub.pages;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.gov.em.hub.testing.HubIntegrationTest;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real browser (Debian's chromium, headless, driven by its own chromedriver; Selenium Manager never
 * downloads anything) on the hub's pages, one per test class, with helpers to sign in, scan a page with
 * axe-core and save a screenshot of it.
 */
public abstract class BrowserTest extends HubIntegrationTest {

    private static final String CHROMIUM = System.getProperty("em.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("em.chromedriver", "/usr/bin/chromedriver");
    private static final List<String> BLOCKING_IMPACTS = List.of("serious", "critical");

    protected ChromeDriver browser;
    private Path profile;

    @BeforeAll
    void startBrowser() throws IOException {
        assertThat(Path.of(CHROMIUM)).as("the browser tests drive Debian's chromium: ./test installs it "
                + "(apt-get install chromium chromium-driver)").isExecutable();
        assertThat(Path.of(CHROMEDRIVER)).as("the browser tests drive chromium through Debian's chromedriver: "
                + "./test installs it (apt-get install chromium chromium-driver)").isExecutable();
        profile = Files.createTempDirectory("em-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    protected void open(String path) {
        browser.get(server.getURL() + path);
    }

    protected WebElement find(String css) {
        return browser.findElement(By.cssSelector(css));
    }

    protected List<WebElement> findAll(String css) {
        return browser.findElements(By.cssSelector(css));
    }

    /** Signs in through the sign-in page as a development user (after signing out whoever was in). */
    protected void signInAs(String username) {
        browser.manage().deleteAllCookies();
        open("/sign-in");
        find("#username").sendKeys(username);
        find("#password").sendKeys(username + PASSWORD_SUFFIX);
        submitWith("#sign-in");
    }

    /** Clicks a button that submits a form and waits until the browser has loaded the answer. */
    protected void submitWith(String css) {
        WebElement page = find("html");
        find(css).click();
        awaitNewPage(page);
    }

    /** Waits until the browser has left {@code page} (its root element) and loaded the next one. */
    protected void awaitNewPage(WebElement page) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> isGone(page));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d ->
                "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /**
     * True once {@code element} left the document. Chrome says so either as a stale element or, when the
     * question races the navigation, as "Node with given id does not belong to the document".
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /**
     * The words of the page as a person reads them, without the explanation sentences the stream processor
     * writes (marked {@code data-explanation}): those are its words, not the page's.
     */
    protected String wordsOnPage() {
        return (String) browser.executeScript("""
                const copy = document.body.cloneNode(true);
                copy.querySelectorAll('[data-explanation], script, style').forEach(e => e.remove());
                return copy.textContent.replace(/\\s+/g, ' ');""");
    }

    /** Fails if the page shows a code (an upper-case word with underscores, such as a status or a trigger). */
    protected void assertNoCodesShown() {
        assertThat(CODE.matcher(wordsOnPage()).results().map(java.util.regex.MatchResult::group).toList())
                .as("codes shown on " + browser.getCurrentUrl()).isEmpty();
    }

    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile(
            "\\b(?:[A-Z]{2,}_[A-Z0-9_]+|OPEN|CLOSED|WITHDRAWN|REFERRED|CHARGED|HIGH|MEDIUM|LOW|CRITICAL)\\b");

    protected String heading() {
        return find("h1").getText();
    }

    /** Runs axe-core on the page as it stands and fails on any serious or critical violation. */
    protected void assertNoSeriousAccessibilityViolations() {
        Results results = new AxeBuilder().analyze(browser);
        List<String> blocking = results.getViolations().stream()
                .filter(r -> BLOCKING_IMPACTS.contains(r.getImpact()))
                .map(BrowserTest::describe)
                .toList();
        assertThat(blocking).as("serious or critical axe-core violations on " + browser.getCurrentUrl()).isEmpty();
    }

    /** Saves a full-page screenshot as {@code docs/screenshots/<name>.png}. */
    protected void screenshot(String name) {
        String dir = System.getProperty("em.screenshots.dir", "target/screenshots");
        Dimension before = browser.manage().window().getSize();
        long height = ((Number) ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollHeight")).longValue();
        browser.manage().window().setSize(new Dimension(1280, (int) Math.min(4000, Math.max(800, height + 20))));
        try {
            Path target = Path.of(dir).resolve(name + ".png");
            Files.createDirectories(target.getParent());
            Files.write(target, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            browser.manage().window().setSize(before);
        }
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList();
    }
}
