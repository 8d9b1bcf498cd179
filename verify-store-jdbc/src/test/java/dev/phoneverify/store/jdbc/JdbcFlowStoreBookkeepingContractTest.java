package dev.phoneverify.store.jdbc;

import dev.phoneverify.core.port.FlowStoreBookkeepingContract;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** On one database, {@link JdbcFlowStore} keeps the abuse controls' books in the statement of its write. */
class JdbcFlowStoreBookkeepingContractTest extends FlowStoreBookkeepingContract {
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
    protected Stores createStores() {
        TestPostgres.truncate(stores.dataSource(),
                "verification_flow, rate_limit_counter, rate_limit_hold, conversion_bucket, conversion_alarm");
        Clock clock = Clock.systemUTC();
        return new Stores(stores.flowStore(clock), stores.rateLimitStore(), stores.conversionStatsStore(clock));
    }

    @Override
    protected boolean keepsBooks() {
        return true;
    }
}
