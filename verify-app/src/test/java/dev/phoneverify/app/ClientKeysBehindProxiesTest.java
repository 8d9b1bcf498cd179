package dev.phoneverify.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.app.web.TrustedProxies;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The per-client send limit over HTTP, with one start per client allowed: which requests count as one client
 * depends on VERIFY_TRUSTED_PROXIES. Every request here comes from 127.0.0.1.
 */
class ClientKeysBehindProxiesTest {
    private static final AtomicInteger NEXT_NUMBER = new AtomicInteger(500_000);

    private RunningApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void withoutTheSettingEveryRequestFromOnePeerIsOneClientWhateverItsHeaders() {
        ApiClient api = start(null);

        assertThat(startFrom(api, "X-Forwarded-For", "198.51.100.1").status()).isEqualTo(201);
        assertRefusedPerClient(startFrom(api, "X-Forwarded-For", "198.51.100.2"));
    }

    @Test
    void aHeaderSpoofedByAPeerThatIsNotATrustedProxyIsIgnored() {
        ApiClient api = start("10.0.0.0/8");

        assertThat(startFrom(api, "X-Forwarded-For", "198.51.100.1").status()).isEqualTo(201);
        assertRefusedPerClient(startFrom(api, "Forwarded", "for=198.51.100.2"));
    }

    @Test
    void behindATrustedProxyEachForwardedClientHasALimitOfItsOwn() {
        ApiClient api = start("127.0.0.1, 10.0.0.0/8");

        assertThat(startFrom(api, "X-Forwarded-For", "198.51.100.1").status()).isEqualTo(201);
        assertThat(startFrom(api, "X-Forwarded-For", "198.51.100.2").status()).isEqualTo(201);
        // A chain: the client's own claim, then what two trusted proxies appended.
        assertRefusedPerClient(startFrom(api, "X-Forwarded-For", "203.0.113.66, 198.51.100.1, 10.1.1.1"));
        assertThat(startFrom(api, "Forwarded", "for=\"[2001:db8::7]:4711\", for=10.0.0.9").status()).isEqualTo(201);
        assertRefusedPerClient(startFrom(api, "X-Forwarded-For", "2001:DB8:0:0::7"));
    }

    @Test
    void aMalformedHeaderFromATrustedProxyCountsAsTheProxyLogsOnceAndIsNeverA500() {
        List<LogRecord> warnings = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (warnings) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(TrustedProxies.class.getName());
        logger.addHandler(capture);
        try {
            ApiClient api = start("127.0.0.1");

            assertThat(startFrom(api, "X-Forwarded-For", "198.51.100.1, garbage").status()).isEqualTo(201);
            assertRefusedPerClient(startFrom(api, "X-Forwarded-For", "<script>alert(1)</script>"));
            assertRefusedPerClient(startFrom(api, "Forwarded", "for=unknown"));
            assertThat(startFrom(api, "X-Forwarded-For", "198.51.100.1").status())
                    .as("the malformed requests counted as the proxy, not as this client").isEqualTo(201);
        } finally {
            logger.removeHandler(capture);
        }
        synchronized (warnings) {
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0).getMessage()).doesNotContain("garbage").doesNotContain("script");
        }
    }

    private ApiClient start(String trustedProxies) {
        Map<String, String> settings = new HashMap<>(Map.of("PORT", "0", "VERIFY_LIMIT_PER_CLIENT", "1"));
        if (trustedProxies != null) {
            settings.put("VERIFY_TRUSTED_PROXIES", trustedProxies);
        }
        app = VerifyApp.start(AppConfig.from(settings, new Properties()));
        return new ApiClient(app.port());
    }

    private static ApiClient.Answer startFrom(ApiClient api, String header, String value) {
        String body = "{\"number\":\"+447700" + NEXT_NUMBER.incrementAndGet() + "\"}";
        return api.send(api.request("/api/verifications").header("Content-Type", "application/json")
                .header(header, value).POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static void assertRefusedPerClient(ApiClient.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(429);
        assertThat(answer.text("limit")).isEqualTo("PER_CLIENT");
    }
}
