package dev.phoneverify.app;

import dev.phoneverify.core.domain.AbuseControlPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person's walk through the form flow in Debian's headless Chromium: the code is read from the fake's outbox page,
 * as a person trying the app would. Screenshots land in {@code target/screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormFlowBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private RunningApp app;
    private ChromeDriver browser;
    private Path profile;
    private String base;

    @BeforeAll
    void start() throws IOException {
        app = VerifyApp.start(AppConfig.fake(0).withAbuseControls(AbuseControlPolicy.none()));
        base = "http://127.0.0.1:" + app.port();
        profile = Files.createTempDirectory("phone-verify-chromium");
        ChromeOptions options = new ChromeOptions();
        // Both paths are given, so Selenium Manager has nothing to download.
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=900,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
        try (var files = Files.walk(profile)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void aPersonVerifiesANumberAfterAWrongCodeAndAskingForACall() throws IOException {
        startVerification("+44 7700 900123");
        assertThat(browser.getTitle()).startsWith("Enter your code");
        screenshot("1-code-page");

        String smsCode = codeFromOutbox("SMS");
        screenshot("2-outbox");
        click("back");

        enterCode(smsCode.equals("0000") ? "1111" : "0000");
        assertThat(message()).contains("That code is not right. You have 2 attempts left.");
        screenshot("3-wrong-code");

        click("next");
        assertThat(message()).contains("calling you");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("by a phone call");

        String callCode = codeFromOutbox("VOICE");
        click("back");
        enterCode(callCode);

        assertThat(browser.getTitle()).startsWith("Verified");
        assertThat(browser.findElement(By.id("result")).getText()).contains("+44******0123 is verified");
        screenshot("4-verified");
    }

    @Test
    void aPersonCancelsAfterThirtySeconds() throws IOException {
        startVerification("+44 7700 900456");

        click("cancel");
        assertThat(message()).contains("only from 30 seconds after it started");
        screenshot("5-cancel-too-early");

        click("outbox");
        WebElement seconds = browser.findElement(By.id("seconds"));
        seconds.clear();
        seconds.sendKeys("31");
        click("advance");
        click("back");
        click("cancel");

        assertThat(browser.getTitle()).as(() -> browser.findElement(By.tagName("body")).getText())
                .startsWith("Verification cancelled");
        assertThat(browser.findElement(By.id("result")).getText()).contains("was cancelled");
        screenshot("6-cancelled");
    }

    @Test
    void threeWrongCodesFailTheVerification() throws IOException {
        startVerification("+44 7700 900789");
        String code = codeFromOutbox("SMS");
        click("back");
        String wrong = code.equals("0000") ? "1111" : "0000";

        enterCode(wrong);
        enterCode(wrong);
        assertThat(message()).contains("1 attempt left");
        enterCode(wrong);

        assertThat(browser.getTitle()).startsWith("Verification failed");
        screenshot("7-failed");
    }

    @Test
    void anInvalidNumberIsExplainedOnTheStartPage() {
        startVerification("12ab");

        assertThat(browser.getTitle()).startsWith("Verify your phone number");
        assertThat(message()).contains("a phone number may contain only digits");
        assertThat(browser.findElement(By.id("number")).getAttribute("value")).isEqualTo("12ab");
    }

    private void startVerification(String number) {
        browser.get(base + "/");
        browser.findElement(By.id("number")).sendKeys(number);
        click("send");
    }

    private void enterCode(String code) {
        browser.findElement(By.id("code")).sendKeys(code);
        click("check");
    }

    /** Opens the outbox from the code page and reads the newest code sent on {@code channel}. */
    private String codeFromOutbox(String channel) {
        click("outbox");
        assertThat(browser.getTitle()).startsWith("Outbox");
        List<WebElement> rows = browser.findElements(By.cssSelector("table tr"));
        WebElement newest = rows.get(rows.size() - 1);
        assertThat(newest.getText()).contains(channel);
        return newest.findElement(By.cssSelector("code.code")).getText();
    }

    /**
     * Clicks and waits until the next page has replaced this one and finished loading, so the next step never
     * races a navigation. The page is marked before the click and the wait is for a loaded document without the
     * mark: a fresh look-up each time, never a reference into the old document. (Waiting for the clicked element
     * to go stale asked the old document about its node while Chromium swapped documents, which fails with "Node
     * with given id does not belong to the document"; and a wrong code reloads the same URL and title, so neither
     * tells the pages apart.)
     */
    private void click(String id) {
        browser.executeScript("document.documentElement.setAttribute('data-test-left', '')");
        browser.findElement(By.id(id)).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> Boolean.TRUE.equals(browser.executeScript(
                "return document.readyState === 'complete'"
                        + " && !document.documentElement.hasAttribute('data-test-left')")));
    }

    private String message() {
        return browser.findElement(By.id("message")).getText();
    }

    private void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
