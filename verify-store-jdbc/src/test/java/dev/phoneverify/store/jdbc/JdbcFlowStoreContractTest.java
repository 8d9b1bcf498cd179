package dev.phoneverify.store.jdbc;

import dev.phoneverify.core.port.FlowStore;
import dev.phoneverify.core.port.FlowStoreContract;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store contract, run against {@link JdbcFlowStore} on a real PostgreSQL. */
class JdbcFlowStoreContractTest extends FlowStoreContract {
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
    protected FlowStore createStore(Clock clock) {
        TestPostgres.truncate(stores.dataSource(), "idempotency_key, verification_flow");
        return stores.flowStore(clock);
    }
}
