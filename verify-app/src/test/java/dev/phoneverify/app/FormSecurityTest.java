package dev.phoneverify.app;

import dev.phoneverify.core.domain.AbuseControlPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The form flow's defences, seen over raw HTTP: CSRF tokens, cookie flags, escaping, headers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormSecurityTest {
    private static final Pattern TOKEN = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"");
    private RunningApp app;
    private ApiClient client;

    @BeforeAll
    void start() {
        app = VerifyApp.start(AppConfig.fake(0).withAbuseControls(AbuseControlPolicy.none()));
        client = new ApiClient(app.port());
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private ApiClient.Answer postForm(String path, String cookie, String body) {
        HttpRequest.Builder request = client.request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return client.send(request.build());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() {
        ApiClient.Answer page = client.get("/");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Set-Cookie")).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        assertThat(TOKEN.matcher(page.body()).find()).isTrue();
    }

    @Test
    void aPostWithoutOrWithAWrongTokenIs403() {
        ApiClient.Answer page = client.get("/");
        String cookie = page.header("Set-Cookie").split(";", 2)[0];

        assertThat(postForm("/verify", null, "number=%2B447700900111").status()).isEqualTo(403);
        assertThat(postForm("/verify", cookie, "number=%2B447700900111").status()).isEqualTo(403);
        assertThat(postForm("/verify", cookie, "number=%2B447700900111&csrf=00ff").status()).isEqualTo(403);
        assertThat(postForm("/verify", "pv_session=forged", "number=%2B447700900111&csrf=00ff").status())
                .isEqualTo(403);
        assertThat(postForm("/dev/clock", cookie, "seconds=600").status()).isEqualTo(403);
    }

    @Test
    void aPostWithTheSessionsTokenStartsAVerificationAndRedirects() {
        ApiClient.Answer page = client.get("/");
        String cookie = page.header("Set-Cookie").split(";", 2)[0];
        Matcher token = TOKEN.matcher(page.body());
        assertThat(token.find()).isTrue();

        ApiClient.Answer answer = postForm("/verify", cookie, "number=%2B447700900222&csrf=" + token.group(1));

        assertThat(answer.status()).isEqualTo(303);
        assertThat(answer.header("Location")).matches("/verify/[0-9a-f]{32}");
    }

    @Test
    void whatAPersonTypesIsEscapedOnThePage() {
        ApiClient.Answer page = client.get("/");
        String cookie = page.header("Set-Cookie").split(";", 2)[0];
        Matcher token = TOKEN.matcher(page.body());
        assertThat(token.find()).isTrue();
        String attack = "\"><script>alert(1)</script>";

        ApiClient.Answer answer = postForm("/verify", cookie, "number=" + encode(attack) + "&csrf=" + token.group(1));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).doesNotContain("<script>").contains("&quot;&gt;&lt;script&gt;");
    }

    @Test
    void anUnknownVerificationPageIs404() {
        assertThat(client.get("/verify/0123456789abcdef0123456789abcdef").status()).isEqualTo(404);
        assertThat(client.get("/verify/%3Cscript%3E").status()).isEqualTo(404);
    }
}
