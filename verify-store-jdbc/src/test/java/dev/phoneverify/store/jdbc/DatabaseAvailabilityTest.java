package dev.phoneverify.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.FlowState;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.domain.VerificationPolicy;
import dev.phoneverify.core.port.StoreUnavailableException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An unreachable database at start-up, and one that goes away and comes back while the store is in use. */
class DatabaseAvailabilityTest {
    private static final Clock CLOCK = Clock.systemUTC();

    @TempDir
    Path dataDirectory;

    @Test
    void anUnreachableDatabaseFailsStartUpWithOneClearLine() throws IOException {
        String url = "jdbc:postgresql://127.0.0.1:" + freePort() + "/verify";
        DatabaseSettings settings = DatabaseSettings.of(url, "verify", "s3cret-password");

        assertThatThrownBy(() -> PostgresStores.connect(settings))
                .isInstanceOf(StoreStartupException.class)
                .hasMessageStartingWith("cannot connect to the flow database " + url + " as verify: ")
                .hasMessageContaining("refused")
                .hasMessageNotContaining("s3cret-password")
                .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aDatabaseOutageFailsCallsClearlyAndTheStoreRecoversWhenItIsBack() throws IOException {
        int port = freePort();
        VerificationFlow flow = new VerificationFlow(FlowId.random(), PhoneNumber.parse("+447700900789"),
                new RequestId("req-outage"), FlowState.PENDING, Channel.SMS, 0, 3, now(), now(), now(),
                now().plusSeconds(600), Optional.empty(), 0);
        EmbeddedPostgres postgres = startPostgres(port);
        try (PostgresStores stores = PostgresStores.connect(TestPostgres.settingsFor(postgres, "postgres")
                .withConnectionTimeout(Duration.ofMillis(500)))) {
            JdbcFlowStore store = stores.flowStore(CLOCK);
            store.insert(flow);

            postgres.close();
            VerificationFlow next = flow.wrongCode(now(), OptionalInt.empty(), VerificationPolicy.defaults());
            assertThatThrownBy(() -> store.find(flow.id())).isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("could not find flow " + flow.id());
            assertThatThrownBy(() -> store.update(next)).isInstanceOf(StoreUnavailableException.class);

            assertThat(stores.isAvailable()).isFalse();

            postgres = startPostgres(port);
            // The very first call after the restart succeeds: no pooled connection that died with the old server
            // is handed out.
            assertThat(store.find(flow.id())).contains(flow);
            assertThat(stores.isAvailable()).isTrue();
            assertThat(store.update(next)).isTrue();
            assertThat(store.find(flow.id())).contains(next);
        } finally {
            postgres.close();
        }
    }

    @Test
    void aQuietStoreWhoseConnectionsAllDiedServesItsFirstCallAfterTheRestart() throws IOException {
        int port = freePort();
        EmbeddedPostgres postgres = startPostgres(port);
        try (PostgresStores stores = PostgresStores.connect(TestPostgres.settingsFor(postgres, "postgres"))) {
            JdbcFlowStore store = stores.flowStore(CLOCK);
            VerificationFlow flow = new VerificationFlow(FlowId.random(), PhoneNumber.parse("+447700900790"),
                    new RequestId("req-quiet"), FlowState.PENDING, Channel.SMS, 0, 3, now(), now(), now(),
                    now().plusSeconds(600), Optional.empty(), 0);
            store.insert(flow);

            postgres.close();
            postgres = startPostgres(port);

            assertThat(store.find(flow.id())).contains(flow);
        } finally {
            postgres.close();
        }
    }

    @Test
    void theFirstCallAfterTheServerStopsFailsAtOnceThoughNoCallWasInFlightWhenItWent() throws IOException {
        int port = freePort();
        Duration connectionTimeout = Duration.ofSeconds(10);
        EmbeddedPostgres postgres = startPostgres(port);
        try (PostgresStores stores = PostgresStores.connect(TestPostgres.settingsFor(postgres, "postgres")
                .withConnectionTimeout(connectionTimeout))) {
            JdbcFlowStore store = stores.flowStore(CLOCK);
            VerificationFlow flow = pendingFlow("+447700900791", "req-watch");
            store.insert(flow);

            postgres.close();
            long started = System.nanoTime();
            assertThatThrownBy(() -> store.find(flow.id())).isInstanceOf(StoreUnavailableException.class);

            // The pool's watch saw the server go, so the call did not wait out the 10 s for a pooled connection.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(connectionTimeout.dividedBy(2));
            postgres = startPostgres(port);
            assertThat(store.find(flow.id())).contains(flow);
        } finally {
            postgres.close();
        }
    }

    private static VerificationFlow pendingFlow(String number, String requestId) {
        return new VerificationFlow(FlowId.random(), PhoneNumber.parse(number), new RequestId(requestId),
                FlowState.PENDING, Channel.SMS, 0, 3, now(), now(), now(), now().plusSeconds(600), Optional.empty(), 0);
    }

    /** A server on a data directory and port of its own, so it can be stopped and started again as it was. */
    private EmbeddedPostgres startPostgres(int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
    }

    private static Instant now() {
        return CLOCK.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
