package dev.phoneverify.store.jdbc;

import dev.phoneverify.core.port.RateLimitStore;
import dev.phoneverify.core.port.RateLimitStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The rate limit store contract, run against {@link JdbcRateLimitStore} on a real PostgreSQL. */
class JdbcRateLimitStoreContractTest extends RateLimitStoreContract {
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
    protected RateLimitStore createStore() {
        TestPostgres.truncate(stores.dataSource(), "rate_limit_counter, rate_limit_hold");
        return stores.rateLimitStore();
    }
}
