package dev.phoneverify.store.jdbc;

import dev.phoneverify.core.port.FlowStore;
import dev.phoneverify.core.port.FlowStoreContract;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
        try (Connection connection = stores.dataSource().getConnection();
             Statement truncate = connection.createStatement()) {
            truncate.execute("TRUNCATE verification_flow");
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty the flow table", e);
        }
        return stores.flowStore(clock);
    }
}
