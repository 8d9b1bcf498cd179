package dev.phoneverify.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances on Verify v2 share one PostgreSQL database: a callback token the first accepted is refused by the
 * second, so replaying a captured callback to another instance changes nothing either.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class V2ReplayAcrossInstancesOnPostgresTest {
    /** Static, so JUnit makes it before {@code @BeforeAll} runs. */
    @TempDir
    static Path dataDirectory;

    private TestDatabase database;
    private V2AppOnEmulator first;
    private RunningApp second;

    @BeforeAll
    void start() {
        database = TestDatabase.start(dataDirectory);
        first = V2AppOnEmulator.start("sms,voice", 60, Map.of("VERIFY_STORE", "postgres",
                "VERIFY_DB_URL", database.settings().url(), "VERIFY_DB_USER", database.settings().user()));
        second = first.startAnotherInstance();
    }

    @AfterAll
    void stop() {
        for (AutoCloseable running : new AutoCloseable[] {second, first, database}) {
            try {
                if (running != null) {
                    running.close();
                }
            } catch (Exception e) {
                // keep closing the rest
            }
        }
    }

    @Test
    void aTokenAcceptedByOneInstanceIsRefusedByTheOther() {
        String id = first.api.postJson("/api/verifications", "{\"number\":\"+447700904001\"}").text("id");
        String body = ForgedCallbacks.event(first.requestIdOf(id).value(), "sms", "expired");
        String token = ForgedCallbacks.signed(body);
        assertThat(ForgedCallbacks.post(first.api, "Bearer " + token, body).status()).isEqualTo(200);

        ApiClient secondApi = new ApiClient(second.port());
        ApiClient.Answer replayed = ForgedCallbacks.post(secondApi, "Bearer " + token, body);

        assertThat(replayed.status()).isEqualTo(401);
        assertThat(replayed.text("type")).isEqualTo("/problems/webhook-token-replayed");
        assertThat(secondApi.get("/api/verifications/" + id).text("channel")).isEqualTo("VOICE");
    }
}
