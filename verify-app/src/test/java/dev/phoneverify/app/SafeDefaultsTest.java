package dev.phoneverify.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.core.domain.AbuseControlPolicy;
import dev.phoneverify.core.domain.PhoneNumber;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The protections the app has, each kept under test: where it listens, the headers on every kind of answer, the
 * CSRF token on every form post, the 16 KB body cap at its boundary, and what the form flow puts in URLs and
 * cookies (never a code, never the number, an id nobody can guess).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SafeDefaultsTest {
    private static final Pattern TOKEN = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"");
    private static final Pattern LINK = Pattern.compile("(?:href|action)=\"([^\"]*)\"");
    private static final int MAX_BODY = 16 * 1024;

    private RunningApp app;
    private ApiClient api;

    @BeforeAll
    void start() {
        app = VerifyApp.start(AppConfig.fake(0).withAbuseControls(AbuseControlPolicy.none()));
        api = new ApiClient(app.port());
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void onTheFakeTheAppListensOnLoopbackUnlessToldOtherwiseAndSaysWhy() {
        assertThat(AppConfig.fake(0).bindAddress()).isEqualTo("127.0.0.1");
        assertThat(app.summary()).startsWith("listening on http://127.0.0.1:" + app.port() + "/ (loopback only:");
        AppConfig vonage = AppConfig.from(Map.of("VONAGE_API_KEY", "k", "VONAGE_API_SECRET", "s"), new Properties());
        assertThat(vonage.bindAddress()).isEqualTo("0.0.0.0");
        AppConfig told = AppConfig.from(Map.of("VERIFY_BIND_ADDRESS", "::1", "PORT", "0"), new Properties());
        assertThat(told.bindAddress()).isEqualTo("::1");
        try (RunningApp onAll = VerifyApp.start(AppConfig.fake(0)
                .withHttp(HttpSettings.defaults().withBindAddress("0.0.0.0")))) {
            assertThat(onAll.summary()).startsWith("listening on http://0.0.0.0:" + onAll.port()
                    + "/ (as VERIFY_BIND_ADDRESS says)");
            assertThat(new ApiClient(onAll.port()).get("/health").status()).isEqualTo(200);
        }
    }

    @Test
    void everyKindOfAnswerForbidsFramingSniffingCachingAndReferrers() {
        String id = api.postJson("/api/verifications", "{\"number\":\"+447700700001\"}").text("id");
        List<ApiClient.Answer> answers = List.of(api.get("/"), api.get("/verify/" + id),
                api.get("/api/verifications/" + id), api.get("/api/verifications/0123"), api.get("/nowhere"),
                api.get("/health"), api.get("/health/ready"), api.get("/dev/outbox"),
                api.post("/verify", "application/x-www-form-urlencoded", "number=1"));
        for (ApiClient.Answer answer : answers) {
            assertThat(answer.header("Content-Security-Policy")).as(answer.toString())
                    .contains("frame-ancestors 'none'").contains("default-src 'none'");
            assertThat(answer.header("X-Content-Type-Options")).as(answer.toString()).isEqualTo("nosniff");
            assertThat(answer.header("Cache-Control")).as(answer.toString()).isEqualTo("no-store");
            assertThat(answer.header("Referrer-Policy")).as(answer.toString()).isEqualTo("no-referrer");
        }
    }

    @Test
    void everyFormPostNeedsTheSessionsCsrfTokenAndTheApiRefusesFormBodies() {
        Session session = new Session();
        String location = session.post("/verify", "number=%2B447700700002&csrf=" + session.token).header("Location");
        for (String path : List.of("/verify", location + "/check", location + "/next", location + "/cancel",
                "/dev/clock")) {
            assertThat(session.post(path, "code=1234&number=1&seconds=1").status()).as(path).isEqualTo(403);
            assertThat(session.post(path, "code=1234&csrf=" + "0".repeat(64)).status()).as(path).isEqualTo(403);
        }
        ApiClient.Answer crossSite = api.post("/api/verifications", "application/x-www-form-urlencoded",
                "number=%2B447700700003");
        assertThat(crossSite.status()).isEqualTo(415);
    }

    @Test
    void aBodyOf16KbIsReadAndOneByteMoreIs413() {
        String prefix = "{\"number\":\"+447700700004\",\"pad\":\"";
        String exactly = prefix + "x".repeat(MAX_BODY - prefix.length() - 2) + "\"}";
        assertThat(exactly.length()).isEqualTo(MAX_BODY);

        assertThat(api.postJson("/api/verifications", exactly).status()).isEqualTo(201);
        ApiClient.Answer over = api.postJson("/api/verifications", exactly.replace("\"pad\":\"", "\"pad\":\"x"));
        assertThat(over.status()).isEqualTo(413);
        assertThat(over.text("type")).isEqualTo("/problems/payload-too-large");
        Session session = new Session();
        assertThat(session.post("/verify", "number=1&csrf=" + session.token + "&pad=" + "x".repeat(MAX_BODY)).status())
                .isEqualTo(413);
    }

    @Test
    void theFormFlowPutsNoCodeAndNoNumberInAnyUrlOrCookieAndItsIdsCannotBeGuessed() {
        Session session = new Session();
        String number = "+447700700005";
        String digits = number.substring(1);
        List<String> seen = new ArrayList<>(session.cookies);

        ApiClient.Answer started = session.post("/verify", "number=%2B447700700005&csrf=" + session.token);
        String location = started.header("Location");
        seen.add(location);
        String code = provider().lastCodeFor(PhoneNumber.parse(number)).orElseThrow();
        String wrong = code.equals("0000") ? "1111" : "0000";
        seen.addAll(linksOf(session.get(location)));
        ApiClient.Answer wrongAnswer = session.post(location + "/check", "code=" + wrong + "&csrf=" + session.token);
        seen.addAll(linksOf(wrongAnswer));
        ApiClient.Answer right = session.post(location + "/check", "code=" + code + "&csrf=" + session.token);
        seen.add(right.header("Location"));
        seen.addAll(linksOf(session.get(right.header("Location"))));
        seen.addAll(session.cookies);

        assertThat(session.get(right.header("Location")).body()).contains("is verified");
        for (String value : seen) {
            assertThat(value).as("a URL or cookie").doesNotContain(code).doesNotContain(wrong)
                    .doesNotContain(digits).doesNotContain(digits.substring(digits.length() - 7));
        }
        assertThat(location).matches("/verify/[0-9a-f]{32}");
        assertThat(idsAreUnguessable()).isTrue();
    }

    /** 64 ids in a row: 128 random bits each, so no two share a prefix and every hex digit varies by position. */
    private boolean idsAreUnguessable() {
        Set<String> ids = new HashSet<>();
        Set<String> prefixes = new HashSet<>();
        List<Set<Character>> digitsAt = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            digitsAt.add(new HashSet<>());
        }
        for (int i = 0; i < 64; i++) {
            String id = api.postJson("/api/verifications", "{\"number\":\"+4477007" + (10_000 + i) + "\"}").text("id");
            ids.add(id);
            prefixes.add(id.substring(0, 8));
            for (int position = 0; position < 32; position++) {
                digitsAt.get(position).add(id.charAt(position));
            }
        }
        return ids.size() == 64 && prefixes.size() == 64 && digitsAt.stream().allMatch(digits -> digits.size() >= 8);
    }

    private FakeVerificationGateway provider() {
        return app.injector().getInstance(FakeVerificationGateway.class);
    }

    private static List<String> linksOf(ApiClient.Answer page) {
        List<String> links = new ArrayList<>();
        Matcher link = LINK.matcher(page.body());
        while (link.find()) {
            links.add(link.group(1));
        }
        return links;
    }

    /** One browser: its session cookie and CSRF token, from the start page. */
    private final class Session {
        final List<String> cookies = new ArrayList<>();
        final String cookie;
        final String token;

        Session() {
            ApiClient.Answer page = api.get("/");
            cookies.add(page.header("Set-Cookie"));
            cookie = page.header("Set-Cookie").split(";", 2)[0];
            Matcher matcher = TOKEN.matcher(page.body());
            assertThat(matcher.find()).isTrue();
            token = matcher.group(1);
        }

        ApiClient.Answer get(String path) {
            ApiClient.Answer answer = api.send(api.request(path).header("Cookie", cookie).GET().build());
            if (answer.header("Set-Cookie") != null) {
                cookies.add(answer.header("Set-Cookie"));
            }
            return answer;
        }

        ApiClient.Answer post(String path, String form) {
            ApiClient.Answer answer = api.send(api.request(path).header("Cookie", cookie)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
            if (answer.header("Set-Cookie") != null) {
                cookies.add(answer.header("Set-Cookie"));
            }
            return answer;
        }
    }
}
