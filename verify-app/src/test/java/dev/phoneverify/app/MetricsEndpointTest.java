package dev.phoneverify.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.core.domain.AbuseControlPolicy;
import dev.phoneverify.core.domain.PhoneNumber;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET /metrics} (issue 15 part 6): verify-micrometer's meters in Prometheus text format, after a verification
 * the way a scraper would read them, with no number, id or code in any name or label.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsEndpointTest {
    private static final String NUMBER = "+447700900777";

    private RunningApp app;
    private ApiClient api;

    @BeforeAll
    void startTheApp() {
        app = VerifyApp.start(AppConfig.fake(0).withAbuseControls(AbuseControlPolicy.none()));
        api = new ApiClient(app.port());
    }

    @AfterAll
    void stopTheApp() {
        app.close();
    }

    @Test
    void aScrapeAfterAVerificationShowsTheMetersAndNoNumberIdOrCode() {
        ApiClient.Answer started = api.postJson("/api/verifications", "{\"number\":\"" + NUMBER + "\"}");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String id = started.text("id");
        FakeVerificationGateway fake = app.injector().getInstance(FakeVerificationGateway.class);
        String code = fake.lastCodeFor(PhoneNumber.parse(NUMBER)).orElseThrow();
        String requestId = fake.outboxFor(PhoneNumber.parse(NUMBER)).get(0).requestId().value();
        assertThat(api.postJson("/api/verifications/" + id + "/check", "{\"code\":\"" + code + "\"}").status())
                .isEqualTo(200);

        ApiClient.Answer scrape = api.get("/metrics");

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.header("Content-Type")).startsWith("text/plain").contains("version=0.0.4");
        assertThat(scrape.body()).contains(
                "phoneverify_starts_total{calling_code=\"44\",channel=\"sms\"} 1.0",
                "phoneverify_checks_total{outcome=\"accepted\"} 1.0",
                "phoneverify_ended_verifications_total{calling_code=\"44\",reason=\"code_verified\"} 1.0",
                "phoneverify_refusals_total{limit=\"per_number\"} 0.0",
                "phoneverify_conversion_rate_ratio{calling_code=\"44\"} 1.0",
                "phoneverify_gateway_calls_seconds_count{error=\"none\",operation=\"start\",outcome=\"started\"} 1",
                "phoneverify_gateway_calls_seconds_count{error=\"none\",operation=\"check\",outcome=\"correct\"} 1");
        // Names and labels only: a sample's value (a timer's sum in seconds, say) may hold any digits.
        List<String> namesAndLabels = Arrays.stream(scrape.body().split("\n"))
                .map(line -> line.startsWith("#") ? line : line.substring(0, Math.max(0, line.lastIndexOf(' '))))
                .toList();
        assertThat(namesAndLabels).isNotEmpty().allSatisfy(line -> assertThat(line)
                .doesNotContain(NUMBER.substring(1), "7700900777", id, requestId, code));
    }
}
