package dev.phoneverify.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A Boot application with the starter, on Tomcat at a random loopback port: a verification over real HTTP. */
class StarterOverHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ConfigurableApplicationContext app;
    private static String base;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {
    }

    @BeforeAll
    static void startApplication() {
        app = new SpringApplicationBuilder(Application.class)
                .properties("server.port=0", "server.address=127.0.0.1", "phoneverify.web.enabled=true",
                        "spring.main.banner-mode=off",
                        // Boot's JDBC support is on this module's test class path; the memory store needs no database.
                        "spring.autoconfigure.exclude="
                                + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
                .run();
        base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stopApplication() {
        app.close();
    }

    @Test
    void aNumberIsVerifiedWithTheCodeFromTheOutbox() throws Exception {
        HttpResponse<String> started = post("/api/verifications", "{\"number\":\"+447700900123\"}");
        assertThat(started.statusCode()).isEqualTo(201);
        assertThat(started.headers().firstValue("Content-Type")).hasValue("application/json");
        String id = JSON.readTree(started.body()).get("id").asText();
        assertThat(started.headers().firstValue("Location")).hasValue("/api/verifications/" + id);

        JsonNode outbox = JSON.readTree(get("/api/dev/outbox?number=%2B447700900123").body());
        String code = outbox.get(outbox.size() - 1).get("code").asText();

        HttpResponse<String> checked = post("/api/verifications/" + id + "/check", "{\"code\":\"" + code + "\"}");
        assertThat(checked.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(checked.body()).get("outcome").asText()).isEqualTo("CORRECT");
        assertThat(JSON.readTree(get("/api/verifications/" + id).body()).get("state").asText()).isEqualTo("VERIFIED");
    }

    @Test
    void anUnknownIdIsAProblem() throws Exception {
        HttpResponse<String> missing = get("/api/verifications/0123456789abcdef0123456789abcdef");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(missing.body()).get("type").asText()).isEqualTo("/problems/not-found");
    }

    @Test
    void aBodyThatIsNotJsonIsA400Problem() throws Exception {
        HttpResponse<String> bad = post("/api/verifications", "{\"number\":");

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("detail").asText()).isEqualTo("the body is not valid JSON");
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
