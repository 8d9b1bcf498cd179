package dev.phoneverify.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.core.domain.AbuseControlPolicy;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A person's walk through the form flow in Debian's headless Chromium: the code is read from the fake's outbox page,
 * as a person trying the app would. Screenshots land in {@code target/screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormFlowBrowserTest {
    private RunningApp app;
    private HeadlessBrowser chromium;
    private ChromeDriver browser;
    private String base;

    @BeforeAll
    void start() throws IOException {
        app = VerifyApp.start(AppConfig.fake(0).withAbuseControls(AbuseControlPolicy.none()));
        base = "http://127.0.0.1:" + app.port();
        chromium = HeadlessBrowser.start();
        browser = chromium.driver;
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (app != null) {
            app.close();
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

    private void click(String id) {
        chromium.click(id);
    }

    private String message() {
        return browser.findElement(By.id("message")).getText();
    }

    private void screenshot(String name) throws IOException {
        chromium.screenshot(name);
    }
}
