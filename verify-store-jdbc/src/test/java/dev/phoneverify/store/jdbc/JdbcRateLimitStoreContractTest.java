package dev.phoneverify.store.jdbc;

import dev.phoneverify.core.port.RateLimitStore;
import dev.phoneverify.core.port.RateLimitStoreContract;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
        try (Connection connection = stores.dataSource().getConnection();
             Statement truncate = connection.createStatement()) {
            truncate.execute("TRUNCATE rate_limit_counter, rate_limit_hold");
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty the rate limit tables", e);
        }
        return stores.rateLimitStore();
    }
}
