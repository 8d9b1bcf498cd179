package dev.phoneverify.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.core.port.TokenReplayStore;
import dev.phoneverify.core.port.TokenReplayStoreContract;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The replay store contract on a real PostgreSQL, and what only a shared store does. */
class JdbcTokenReplayStoreContractTest extends TokenReplayStoreContract {
    private static PostgresStores stores;

    @BeforeAll
    static void connect() {
        stores = PostgresStores.connect(TestPostgres.freshDatabase());
    }

    @AfterAll
    static void disconnect() {
        stores.close();
    }

    @Override
    protected TokenReplayStore createStore() {
        TestPostgres.truncate(stores.dataSource(), "webhook_token_replay");
        return stores.tokenReplayStore();
    }

    @Test
    void aTokenSeenByOneInstanceIsSeenByAnother() {
        TokenReplayStore first = createStore();
        TokenReplayStore second = stores.tokenReplayStore();

        assertThat(first.rememberIfNew("jti-shared", NOW.plus(Duration.ofMinutes(5)), NOW)).isTrue();

        assertThat(second.rememberIfNew("jti-shared", NOW.plus(Duration.ofMinutes(5)), NOW.plusSeconds(1))).isFalse();
    }

    @Test
    void thePurgeWorksInBatches() {
        TestPostgres.truncate(stores.dataSource(), "webhook_token_replay");
        JdbcTokenReplayStore small = new JdbcTokenReplayStore(stores.dataSource(), 2);
        for (int i = 0; i < 5; i++) {
            small.rememberIfNew("jti-" + i, NOW.plusSeconds(1), NOW);
        }

        assertThat(small.purgeExpired(NOW.plusSeconds(1))).isEqualTo(5);
        assertThat(small.rememberIfNew("jti-0", NOW.plusSeconds(9), NOW.plusSeconds(2))).isTrue();
    }
}
