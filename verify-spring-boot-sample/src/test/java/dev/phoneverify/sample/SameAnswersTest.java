package dev.phoneverify.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.phoneverify.app.AppConfig;
import dev.phoneverify.app.RunningApp;
import dev.phoneverify.app.VerifyApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Guice app and the Boot sample, each on its own fake and loopback port in this JVM, get the same calls in the
 * same order; every answer must match in status, media type, body members and their values. Only what is made
 * fresh per app (ids, expiry times, the seconds in a wait) is compared by its shape.
 */
class SameAnswersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static RunningApp guice;
    private static ConfigurableApplicationContext boot;

    @BeforeAll
    static void startBothApps() {
        guice = VerifyApp.start(AppConfig.fake(0));
        boot = SpringApplication.run(SampleApplication.class, "--server.port=0");
    }

    @AfterAll
    static void stopBothApps() {
        if (boot != null) {
            boot.close();
        }
        if (guice != null) {
            guice.close();
        }
    }

    @Test
    void bothAppsAnswerTheSameSequenceOfCallsAlike() {
        Client guiceClient = new Client(guice.baseUri().toString().replaceAll("/$", ""));
        Client bootClient = new Client("http://127.0.0.1:" + boot.getEnvironment().getProperty("local.server.port"));
        List<Step> steps = sequence();

        for (Step step : steps) {
            Answer fromGuice = step.call().apply(guiceClient);
            Answer fromBoot = step.call().apply(bootClient);
            assertThat(fromBoot.normalized()).as(step.name() + "\nGuice: " + fromGuice + "\nBoot:  " + fromBoot)
                    .isEqualTo(fromGuice.normalized());
        }
        assertThat(guiceClient.last.status).as("the sequence ends on the per-client limit").isEqualTo(429);
    }

    @Test
    void bothAnswerHealth() {
        assertThat(new Client(guice.baseUri().toString().replaceAll("/$", "")).get("/health").status).isEqualTo(200);
        Answer health = new Client("http://127.0.0.1:" + boot.getEnvironment().getProperty("local.server.port"))
                .get("/health");
        assertThat(health.status).isEqualTo(200);
        assertThat(health.body.get("status").asText()).isEqualTo("UP");
    }

    private record Step(String name, Function<Client, Answer> call) {
    }

    private static List<Step> sequence() {
        List<Step> steps = new ArrayList<>();
        // The send limits count in fixed 10-minute windows of the fake's clock, which starts at the wall clock: a
        // sequence that crossed a window's end would see the per-client count start again. Each app's clock goes
        // to the start of a fresh window first, so the whole sequence counts in one.
        steps.add(new Step("to a fresh window", SameAnswersTest::toAFreshWindow));
        steps.add(new Step("start", c -> c.start("a", "+447700900001")));
        steps.add(new Step("wrong code", c -> c.check("a", c.wrongCode("+447700900001"))));
        steps.add(new Step("right code", c -> c.check("a", c.code("+447700900001"))));
        steps.add(new Step("check after the end", c -> c.check("a", c.code("+447700900001"))));
        steps.add(new Step("show", c -> c.get("/api/verifications/" + c.ids.get("a"))));
        steps.add(new Step("second start", c -> c.start("b", "+447700900002")));
        steps.add(new Step("same number again", c -> c.start("b2", "+447700900002")));
        steps.add(new Step("cancel too early", c -> c.post("/api/verifications/" + c.ids.get("b") + "/cancel", null)));
        steps.add(new Step("next step", c -> c.post("/api/verifications/" + c.ids.get("b") + "/next", null)));
        steps.add(new Step("clock", c -> c.post("/api/dev/clock", "{\"advanceSeconds\": 40}")));
        steps.add(new Step("cancel", c -> c.post("/api/verifications/" + c.ids.get("b") + "/cancel", null)));
        steps.add(new Step("next after cancel", c -> c.post("/api/verifications/" + c.ids.get("b") + "/next", null)));
        steps.add(new Step("unknown id", c -> c.get("/api/verifications/0123456789abcdef0123456789abcdef")));
        steps.add(new Step("malformed id", c -> c.get("/api/verifications/nope")));
        steps.add(new Step("not JSON", c -> c.post("/api/verifications", "{\"number\":")));
        steps.add(new Step("no number", c -> c.post("/api/verifications", "{}")));
        steps.add(new Step("number not a string", c -> c.post("/api/verifications", "{\"number\": 447700900003}")));
        steps.add(new Step("bad number", c -> c.post("/api/verifications", "{\"number\": \"abc\"}")));
        steps.add(new Step("array body", c -> c.post("/api/verifications", "[]")));
        steps.add(new Step("trailing content", c -> c.post("/api/verifications", "{\"number\":\"+447700900003\"} x")));
        steps.add(new Step("bad code", c -> c.post("/api/verifications/" + c.ids.get("b") + "/check",
                "{\"code\": \"12ab\"}")));
        steps.add(new Step("too large", c -> c.post("/api/verifications",
                "{\"number\": \"" + "9".repeat(20_000) + "\"}")));
        steps.add(new Step("bad clock", c -> c.post("/api/dev/clock", "{\"advanceSeconds\": -1}")));
        steps.add(new Step("outbox of a bad number", c -> c.get("/api/dev/outbox?number=abc")));
        // The per-client limit: 10 starts per 10 minutes from one address; two were started above.
        for (int i = 10; i < 20; i++) {
            String number = "+4477009001" + i;
            steps.add(new Step("start " + number, c -> c.start(number, number)));
        }
        return steps;
    }

    private static Answer toAFreshWindow(Client client) {
        Instant now = Instant.parse(client.post("/api/dev/clock", "{\"advanceSeconds\": 0}").body.get("now").asText());
        long window = Duration.ofMinutes(10).toSeconds();
        long intoWindow = Math.floorMod(now.getEpochSecond(), window);
        Answer moved = client.post("/api/dev/clock", "{\"advanceSeconds\": " + (window - intoWindow) + "}");
        assertThat(moved.status).isEqualTo(200);
        return moved;
    }

    /** One app's side of the conversation: the ids it gave, and its outbox. */
    private static final class Client {
        private final String base;
        private final Map<String, String> ids = new HashMap<>();
        private Answer last;

        Client(String base) {
            this.base = base;
        }

        Answer start(String name, String number) {
            Answer answer = post("/api/verifications", "{\"number\": \"" + number + "\"}");
            if (answer.status == 201) {
                ids.put(name, answer.body.get("id").asText());
            }
            return answer;
        }

        Answer check(String name, String code) {
            return post("/api/verifications/" + ids.get(name) + "/check", "{\"code\": \"" + code + "\"}");
        }

        String code(String number) {
            JsonNode outbox = get("/api/dev/outbox?number=" + number.replace("+", "%2B")).body;
            return outbox.get(outbox.size() - 1).get("code").asText();
        }

        String wrongCode(String number) {
            String code = code(number);
            return (code.charAt(0) == '1' ? "2" : "1") + code.substring(1);
        }

        Answer get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        Answer post(String path, String body) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
            if (body == null) {
                request.POST(HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            }
            return send(request);
        }

        private Answer send(HttpRequest.Builder request) {
            try {
                HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                String type = response.headers().firstValue("Content-Type").orElse("");
                JsonNode body = response.body().isEmpty() ? null : JSON.readTree(response.body());
                last = new Answer(response.statusCode(), type.split(";")[0].strip(),
                        response.headers().firstValue("Retry-After").isPresent(), body);
                return last;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** An answer as compared: status, media type, whether it asks to wait, and the body. */
    private record Answer(int status, String mediaType, boolean retryAfter, JsonNode body) {
        /** Ids and times are each app's own, and so are the seconds a wait lasts: their shape is compared. */
        Answer normalized() {
            if (body == null || !body.isObject()) {
                return this;
            }
            ObjectNode copy = body.deepCopy();
            if (copy.has("id")) {
                assertThat(copy.get("id").asText()).matches("[0-9a-f]{32}");
                copy.set("id", TextNode.valueOf("<id>"));
            }
            for (String instant : new String[] {"expiresAt", "now"}) {
                if (copy.has(instant)) {
                    assertThat(copy.get(instant).asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
                    copy.set(instant, TextNode.valueOf("<instant>"));
                }
            }
            if (copy.has("detail")) {
                copy.set("detail", TextNode.valueOf(copy.get("detail").asText().replaceAll("\\d+ seconds",
                        "<n> seconds")));
            }
            return new Answer(status, mediaType, retryAfter, copy);
        }
    }
}
