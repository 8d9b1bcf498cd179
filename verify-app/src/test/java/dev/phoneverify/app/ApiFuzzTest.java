package dev.phoneverify.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.usecase.FindVerification;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random bodies, ids and media types posted to every JSON endpoint of the app on the fake, with its abuse controls
 * on: the server never answers 5xx, and no flow changes unless the request was a well-formed command for it.
 */
class ApiFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningApp app;
    private static ApiClient api;
    private static FindVerification finds;
    /** Every flow the run knows of: one started up front, and any a random start happened to create. */
    private static final Set<String> KNOWN_IDS = ConcurrentHashMap.newKeySet();

    /** The JSON endpoints; {@code {id}} is replaced by the generated id. */
    enum Endpoint {
        START("POST", "/api/verifications"),
        SHOW("GET", "/api/verifications/{id}"),
        CHECK("POST", "/api/verifications/{id}/check"),
        CANCEL("POST", "/api/verifications/{id}/cancel"),
        NEXT("POST", "/api/verifications/{id}/next");

        final String method;
        final String path;

        Endpoint(String method, String path) {
            this.method = method;
            this.path = path;
        }
    }

    @BeforeContainer
    static void startTheApp() {
        app = VerifyApp.start(AppConfig.fake(0));
        api = new ApiClient(app.port());
        finds = app.injector().getInstance(FindVerification.class);
        ApiClient.Answer started = api.postJson("/api/verifications", "{\"number\":\"+447700900777\"}");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        KNOWN_IDS.add(started.text("id"));
    }

    @AfterContainer
    static void stopTheApp() {
        if (app != null) {
            app.close();
        }
    }

    @Provide
    Arbitrary<String> ids() {
        Arbitrary<String> known = Arbitraries.of(KNOWN_IDS.toArray(new String[0]));
        Arbitrary<String> hex = Arbitraries.strings().withChars("0123456789abcdef").ofLength(32);
        Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(80);
        Arbitrary<String> nearMiss = Arbitraries.strings().withChars("0123456789abcdefABCDEF-_ ").ofMinLength(30).ofMaxLength(34);
        return Arbitraries.frequencyOf(Tuple.of(3, known), Tuple.of(2, hex), Tuple.of(3, anything), Tuple.of(2, nearMiss));
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(200);
        Arbitrary<String> anyValue = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(30).map(ApiFuzzTest::jsonString),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(16).map(ApiFuzzTest::jsonString),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf),
                Arbitraries.of("null", "true", "[]", "{}", "[\"1234\"]", "{\"code\":\"1234\"}", "\"+447700900777\"",
                        "\"\\u0000\"", "1e999", "-0"));
        Arbitrary<String> member = Arbitraries.of("code", "number", "id", "state", "", "CODE", "code ");
        Arbitrary<String> object = Arbitraries.maps(member, anyValue).ofMaxSize(3).map(ApiFuzzTest::jsonObject);
        Arbitrary<String> broken = object.map(json -> json.substring(0, json.length() / 2));
        return Arbitraries.frequencyOf(Tuple.of(3, object), Tuple.of(2, text), Tuple.of(1, broken),
                Tuple.of(1, Arbitraries.just("")), Tuple.of(1, object.map(json -> json + json)));
    }

    @Provide
    Arbitrary<Optional<String>> contentTypes() {
        return Arbitraries.of(Optional.of("application/json"), Optional.of("application/json"), Optional.empty(),
                Optional.of("text/plain"), Optional.of("application/x-www-form-urlencoded"),
                Optional.of("application/json; charset=utf-16"), Optional.of("multipart/form-data; boundary=x"));
    }

    @Property(tries = 300)
    void noRequestFailsTheServerOrChangesAFlowWithoutAValidCommand(
            @ForAll Endpoint endpoint, @ForAll("ids") String id, @ForAll("bodies") String body,
            @ForAll("contentTypes") Optional<String> contentType) {
        Map<String, VerificationFlow> before = knownFlows();
        String path = endpoint.path.replace("{id}", URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"));

        HttpRequest.Builder request = api.request(path).method(endpoint.method, endpoint.method.equals("GET")
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        contentType.ifPresent(type -> request.header("Content-Type", type));
        ApiClient.Answer answer = api.send(request.build());

        assertThat(answer.status()).as(answer.toString()).isBetween(200, 499);
        if (endpoint == Endpoint.START && answer.status() == 201) {
            KNOWN_IDS.add(answer.text("id"));
        }
        Map<String, VerificationFlow> after = knownFlows();
        before.forEach((knownId, flow) -> {
            VerificationFlow now = after.get(knownId);
            if (now.version() != flow.version() && !isCommandFor(knownId, endpoint, id, body)) {
                // Only the clock may end a flow on its own.
                assertThat(now.state().name()).as("%s changed by %s %s %s", knownId, endpoint, id, body)
                        .isEqualTo("EXPIRED");
            }
        });
    }

    /** A command for the flow: the right id, and for a check a JSON object whose code is well formed. */
    private static boolean isCommandFor(String knownId, Endpoint endpoint, String id, String body) {
        if (!knownId.equals(id)) {
            return false;
        }
        if (endpoint == Endpoint.CANCEL || endpoint == Endpoint.NEXT) {
            return true;
        }
        if (endpoint != Endpoint.CHECK) {
            return false;
        }
        try {
            JsonNode code = JSON.readTree(body).get("code");
            return code != null && code.isTextual() && code.asText().strip().matches("[0-9]{4,10}");
        } catch (Exception notJson) {
            return false;
        }
    }

    private static Map<String, VerificationFlow> knownFlows() {
        Map<String, VerificationFlow> flows = new LinkedHashMap<>();
        for (String id : KNOWN_IDS) {
            finds.find(new FlowId(id)).ifPresent(flow -> flows.put(id, flow));
        }
        return flows;
    }

    private static String jsonString(String value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jsonObject(Map<String, String> members) {
        StringBuilder json = new StringBuilder("{");
        members.forEach((name, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(jsonString(name)).append(':').append(value);
        });
        return json.append('}').toString();
    }
}
