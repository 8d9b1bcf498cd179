package dev.phoneverify.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/** What PostgreSQL would do with a store's statement, for tests that it reads through the intended index. */
final class QueryPlans {

    private QueryPlans() {
    }

    /**
     * The plan PostgreSQL would choose with sequential scans ruled out, for a statement whose parameters are an
     * instant and a row limit: it names a partial index only if the statement's condition implies the index's,
     * that is if the statement can avoid every other row. (On a nearly empty table the planner would rightly
     * prefer a sequential scan, so ruling it out is the test.)
     */
    static String planOf(DataSource dataSource, String sql, Instant at) throws SQLException {
        return planOf(dataSource, sql, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), 100);
    }

    /** The same for a statement with other parameters, bound in order. */
    static String planOf(DataSource dataSource, String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement settings = connection.createStatement()) {
                settings.execute("SET LOCAL enable_seqscan = off");
            }
            try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    explain.setObject(i + 1, parameters[i]);
                }
                StringBuilder plan = new StringBuilder();
                try (ResultSet lines = explain.executeQuery()) {
                    while (lines.next()) {
                        plan.append(lines.getString(1)).append('\n');
                    }
                }
                assertThat(plan.toString()).doesNotContain("Seq Scan");
                return plan.toString();
            } finally {
                connection.rollback();
            }
        }
    }
}
