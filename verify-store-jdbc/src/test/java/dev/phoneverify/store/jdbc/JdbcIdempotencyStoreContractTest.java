package dev.phoneverify.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.IdempotencyKey;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.domain.VerificationPolicy;
import dev.phoneverify.core.port.IdempotencyStore;
import dev.phoneverify.core.port.IdempotencyStore.Claim;
import dev.phoneverify.core.port.IdempotencyStoreContract;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The idempotency-store contract against {@link JdbcIdempotencyStore} on a real PostgreSQL, and its purges. */
class JdbcIdempotencyStoreContractTest extends IdempotencyStoreContract {
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static PostgresStores stores;
    private JdbcFlowStore flows;

    @BeforeAll
    static void connect() {
        stores = PostgresStores.connect(TestPostgres.freshDatabase());
    }

    @AfterAll
    static void disconnect() {
        stores.close();
    }

    @Override
    protected IdempotencyStore createStore() {
        TestPostgres.truncate(stores.dataSource(), "idempotency_key, verification_flow");
        flows = stores.flowStore(CLOCK, Duration.ZERO);
        return stores.idempotencyStore();
    }

    @Override
    protected FlowId storedFlow() {
        VerificationFlow flow = VerificationFlow.started(FlowId.random(), PhoneNumber.parse("+447700900123"),
                new RequestId("req-" + System.nanoTime()), Channel.SMS, NOW, NOW.plusSeconds(300),
                VerificationPolicy.defaults());
        flows.insert(flow);
        return flow.id();
    }

    @Test
    void aKeyGoesWithItsFlowWhenTheFlowIsPurged() {
        IdempotencyKey key = freshKey();
        FlowId flow = storedFlow();
        store().claim(key, "fp-1", NOW, NOW.minusSeconds(120));
        store().complete(key, flow);
        VerificationFlow pending = flows.find(flow).orElseThrow();
        flows.update(pending.ended(dev.phoneverify.core.domain.EndReason.CODE_VERIFIED, NOW.minusSeconds(1)));

        flows.purgeFinishedBefore(NOW);

        assertThat(keyRows()).isZero();
        assertThat(store().claim(key, "fp-2", NOW, NOW.minusSeconds(120))).isEqualTo(new Claim.Claimed());
    }

    @Test
    void unfinishedClaimsArePurgedButCompletedKeysAreNot() {
        IdempotencyKey unfinished = freshKey();
        IdempotencyKey completed = freshKey();
        store().claim(unfinished, "fp-1", NOW.minusSeconds(600), NOW.minusSeconds(720));
        store().claim(completed, "fp-2", NOW.minusSeconds(600), NOW.minusSeconds(720));
        store().complete(completed, storedFlow());

        int dropped = ((JdbcIdempotencyStore) store()).purgeUnfinishedBefore(NOW.minusSeconds(300));

        assertThat(dropped).isEqualTo(1);
        assertThat(keyRows()).isEqualTo(1);
    }

    private static int keyRows() {
        try (Connection connection = stores.dataSource().getConnection();
             Statement count = connection.createStatement();
             ResultSet rows = count.executeQuery("SELECT count(*) FROM idempotency_key")) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
