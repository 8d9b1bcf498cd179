package dev.phoneverify.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.core.domain.Channel;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

/**
 * A person's walk through the form on Verify v2 with a {@code whatsapp,sms} workflow, in headless Chromium: the app
 * runs against the emulator, and the test reads the code the way the person would get it, from the emulator's
 * outbox.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class V2FormFlowBrowserTest {
    private static final String NUMBER = "+447700900321";

    private V2AppOnEmulator both;
    private HeadlessBrowser browser;
    private String base;

    @BeforeAll
    void start() throws IOException {
        both = V2AppOnEmulator.start("whatsapp,sms", 120);
        base = "http://127.0.0.1:" + both.app.port();
        browser = HeadlessBrowser.start();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (both != null) {
            both.close();
        }
    }

    @Test
    void aPersonGetsTheCodeByWhatsAppThenAsksForAnSmsAndVerifies() throws IOException {
        browser.driver.get(base + "/");
        assertThat(browser.driver.findElements(By.id("email"))).isEmpty();
        browser.element("number").sendKeys(NUMBER);
        browser.click("send");

        assertThat(browser.driver.getTitle()).startsWith("Enter your code");
        assertThat(browser.bodyText()).contains("We sent a code by WhatsApp");
        assertThat(browser.element("next").getText()).isEqualTo("Send it by SMS");
        assertThat(both.codesSent(NUMBER, Channel.WHATSAPP)).hasSize(1);
        browser.screenshot("v2-1-whatsapp");

        browser.click("next");
        assertThat(browser.element("message").getText()).contains("We sent you a new code by text message");
        // SMS is the last step: there is nothing further to ask for.
        assertThat(browser.driver.findElements(By.id("next"))).isEmpty();
        List<String> smsCodes = both.codesSent(NUMBER, Channel.SMS);
        assertThat(smsCodes).hasSize(1);
        browser.screenshot("v2-2-sms");

        browser.element("code").sendKeys(smsCodes.get(0));
        browser.click("check");

        assertThat(browser.driver.getTitle()).startsWith("Verified");
        assertThat(browser.element("result").getText()).contains("is verified");
        browser.screenshot("v2-3-verified");
    }
}
