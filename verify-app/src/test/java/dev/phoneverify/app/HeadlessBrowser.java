package dev.phoneverify.app;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium for the browser tests, with a throw-away profile; screenshots land in
 * {@code target/screenshots}.
 */
final class HeadlessBrowser implements AutoCloseable {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** A global the test sets on a page before leaving it; a new document does not have it. */
    private static final String OLD_PAGE_MARK = "phoneVerifyTestLeftThisPage";

    final ChromeDriver driver;
    private final Path profile;

    private HeadlessBrowser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static HeadlessBrowser start() throws IOException {
        Path profile = Files.createTempDirectory("phone-verify-chromium");
        ChromeOptions options = new ChromeOptions();
        // Both paths are given, so Selenium Manager has nothing to download.
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=900,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
        return new HeadlessBrowser(driver, profile);
    }

    /**
     * Clicks and waits until the next page replaced this one, so the next step never races a navigation. "Replaced"
     * is a new document, seen as the loss of a mark set on the old one: asking an element of the old page whether it
     * is stale can race the navigation itself (ChromeDriver then answers "node does not belong to the document"
     * rather than "stale element").
     */
    void click(String id) {
        driver.executeScript("window." + OLD_PAGE_MARK + " = true;");
        driver.findElement(By.id(id)).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ignored -> Boolean.TRUE.equals(driver.executeScript(
                "return window." + OLD_PAGE_MARK + " !== true && document.readyState === 'complete';")));
    }

    WebElement element(String id) {
        return driver.findElement(By.id(id));
    }

    String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
