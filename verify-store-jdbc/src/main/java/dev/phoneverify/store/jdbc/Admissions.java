package dev.phoneverify.store.jdbc;

import dev.phoneverify.core.port.Acquisition;
import dev.phoneverify.core.port.Admission;
import dev.phoneverify.core.port.Gate;
import dev.phoneverify.core.port.RateLimitStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import javax.sql.DataSource;

/**
 * A start's admission in one round trip: the gates go to the V4 migration's {@code phoneverify_admit} as parallel
 * arrays, one element per gate, and it runs each gate's statement in order in one auto-committed call, so nothing
 * is held open while the caller goes on to the provider.
 */
final class Admissions {
    static final String ADMIT = "SELECT refused_by, retry_at FROM phoneverify_admit(?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private Admissions() {
    }

    /** The verdict on {@code gates}, keys and limits already checked. */
    static Admission admit(DataSource dataSource, List<Gate> gates, Instant now) throws SQLException {
        int size = gates.size();
        if (size == 0) {
            return Admission.admitted();
        }
        String[] kinds = new String[size];
        String[] keys = new String[size];
        Integer[] limits = new Integer[size];
        // Instants travel as ISO-8601 text with their offset, which PostgreSQL reads exactly.
        String[] windowStarts = new String[size];
        String[] windowEnds = new String[size];
        Long[] first = new Long[size];
        Long[] max = new Long[size];
        Long[] forget = new Long[size];
        for (int i = 0; i < size; i++) {
            Gate gate = gates.get(i);
            keys[i] = gate.key();
            if (gate instanceof Gate.Counted counted) {
                kinds[i] = "count";
                Instant windowStart = RateLimitStore.windowStart(now, counted.window());
                limits[i] = counted.limit();
                windowStarts[i] = Sql.timestamp(windowStart).toString();
                windowEnds[i] = Sql.timestamp(windowStart.plus(counted.window())).toString();
            } else if (gate instanceof Gate.PassAndHold pass) {
                kinds[i] = "pass";
                first[i] = pass.delay().first().toMillis();
                max[i] = pass.delay().max().toMillis();
                forget[i] = pass.delay().forgetAfter().toMillis();
            } else {
                kinds[i] = "held";
            }
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement admit = connection.prepareStatement(ADMIT)) {
            admit.setObject(1, Sql.timestamp(now));
            admit.setArray(2, connection.createArrayOf("text", kinds));
            admit.setArray(3, connection.createArrayOf("text", keys));
            admit.setArray(4, connection.createArrayOf("int4", limits));
            admit.setArray(5, connection.createArrayOf("timestamptz", windowStarts));
            admit.setArray(6, connection.createArrayOf("timestamptz", windowEnds));
            admit.setArray(7, connection.createArrayOf("int8", first));
            admit.setArray(8, connection.createArrayOf("int8", max));
            admit.setArray(9, connection.createArrayOf("int8", forget));
            try (ResultSet verdict = admit.executeQuery()) {
                if (!verdict.next()) {
                    return Admission.admitted();
                }
                Instant retryAt = verdict.getObject(2, OffsetDateTime.class).toInstant();
                return Admission.refusedBy(verdict.getInt(1) - 1, Acquisition.refuse(Duration.between(now, retryAt)));
            }
        }
    }
}
