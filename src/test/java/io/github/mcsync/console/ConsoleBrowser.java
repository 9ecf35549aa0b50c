package io.github.mcsync.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven by Selenium through Debian's chromedriver (no driver or browser download: Selenium
 * Manager is never asked). {@link #available()} says whether both are installed; {@code -Dconsole.chromium=} and
 * {@code -Dconsole.chromedriver=} point elsewhere. Screenshots go to target/console-screenshots/, and also to
 * docs/ (the README's pictures) with {@code -Dconsole.screenshots=docs}.
 */
final class ConsoleBrowser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("console.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("console.chromedriver", "/usr/bin/chromedriver"));
    static final Duration WAIT = Duration.ofSeconds(15);
    private static final Path SHOTS = Path.of("target", "console-screenshots");
    private static final Path DOCS = Path.of("docs");

    final ChromeDriver driver;
    private final WebDriverWait wait;

    private ConsoleBrowser(ChromeDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, WAIT);
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    static String unavailableMessage() {
        return "browser tests skipped: Chromium and ChromeDriver are needed at " + CHROMIUM + " and " + CHROMEDRIVER
                + " (Debian packages chromium and chromium-driver; .ci/run installs them)";
    }

    /** A fresh headless browser with its own profile folder. */
    static ConsoleBrowser start(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,1000",
                "--lang=en-AU");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(WAIT);
        return new ConsoleBrowser(driver);
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    WebElement visible(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    void gone(String css) {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Waits until the element's text contains {@code text}; answers the whole text. */
    String textOf(String css, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
        return find(css).getText();
    }

    void click(String css) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** The element that has the keyboard focus, as "tag#id" (or "tag.text" when it has no id). */
    String focused() {
        return (String) script("const e = document.activeElement; return e.tagName.toLowerCase() + (e.id ? '#' + e.id"
                + " : '.' + (e.textContent || '').trim());");
    }

    void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** The browser's console since the last call: errors (SEVERE), e.g. a CSP violation or a script error. */
    List<String> errors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    /** A PNG of the window into target/console-screenshots/NAME.png (and docs/ when asked). */
    void screenshot(String name) {
        try {
            Files.createDirectories(SHOTS);
            Path shot = SHOTS.resolve(name + ".png");
            Files.write(shot, driver.getScreenshotAs(OutputType.BYTES));
            if ("docs".equals(System.getProperty("console.screenshots"))) {
                Files.createDirectories(DOCS);
                Files.copy(shot, DOCS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Chromium's own answer to whether an element's text is laid out right to left. */
    String direction(String css) {
        return (String) script("return getComputedStyle(arguments[0]).direction;", find(css));
    }

    /**
     * What on the page breaks WCAG AA basics: visible text below 4.5:1 contrast with its background (3:1 for large
     * text), a form control without a label, a button or link without a name. One line per finding.
     */
    @SuppressWarnings("unchecked")
    List<String> accessibilityFindings() {
        return (List<String>) script("""
                const rgb = (c) => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
                  const v = m[1].split(',').map((x) => parseFloat(x)); return { r: v[0], g: v[1], b: v[2], a: v.length > 3 ? v[3] : 1 }; };
                const lum = (c) => { const f = (x) => { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); };
                  return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
                const background = (e) => { for (let n = e; n; n = n.parentElement) {
                    const c = rgb(getComputedStyle(n).backgroundColor); if (c && c.a > 0.5) return c; }
                  return { r: 255, g: 255, b: 255, a: 1 }; };
                const visible = (e) => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
                  return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && !e.closest('[hidden]') && !e.closest('.visually-hidden'); };
                const findings = [];
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                const seen = new Set();
                for (let t = walker.nextNode(); t; t = walker.nextNode()) {
                  const e = t.parentElement;
                  if (!t.textContent.trim() || seen.has(e) || !visible(e) || e.closest('dialog:not([open])')) continue;
                  seen.add(e);
                  const s = getComputedStyle(e); const fg = rgb(s.color); const bg = background(e);
                  const l1 = lum(fg), l2 = lum(bg); const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
                  const size = parseFloat(s.fontSize); const large = size >= 24 || (size >= 18.66 && parseInt(s.fontWeight, 10) >= 700);
                  const needed = e.closest('button:disabled') ? 0 : (large ? 3 : 4.5);
                  if (ratio < needed) findings.push(`contrast ${ratio.toFixed(2)} < ${needed}: "${t.textContent.trim().slice(0, 40)}"`);
                }
                document.querySelectorAll('input, select, textarea').forEach((c) => {
                  if (visible(c) && c.labels.length === 0 && !c.getAttribute('aria-label')) findings.push(`no label: #${c.id}`);
                });
                document.querySelectorAll('button, a[href]').forEach((c) => {
                  if (visible(c) && !(c.getAttribute('aria-label') || c.textContent.trim())) findings.push(`no name: ${c.outerHTML.slice(0, 60)}`);
                });
                return findings;
                """);
    }

    Map<String, Object> metrics() {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) script("return {scrollWidth: document.documentElement.scrollWidth,"
                + " innerWidth: window.innerWidth};");
        return m;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
