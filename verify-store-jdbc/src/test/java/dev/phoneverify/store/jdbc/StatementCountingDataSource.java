package dev.phoneverify.store.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Wraps a data source and counts what its prepared statements execute: every execution (each is one round trip
 * to the database), and the updates among them, to see how a purge batches.
 */
final class StatementCountingDataSource {
    private final AtomicInteger updatesExecuted = new AtomicInteger();
    private final AtomicInteger statementsExecuted = new AtomicInteger();
    private final DataSource counting;

    StatementCountingDataSource(DataSource real) {
        counting = wrap(DataSource.class, real, (result, method) -> method.equals("getConnection")
                ? wrap(Connection.class, (Connection) result, (statement, call) -> call.equals("prepareStatement")
                        ? wrap(PreparedStatement.class, (PreparedStatement) statement, this::countUpdates)
                        : statement)
                : result);
    }

    DataSource dataSource() {
        return counting;
    }

    int updatesExecuted() {
        return updatesExecuted.get();
    }

    /** Every statement executed so far: queries, updates and batches alike. */
    int statementsExecuted() {
        return statementsExecuted.get();
    }

    private Object countUpdates(Object result, String method) {
        if (method.equals("executeUpdate")) {
            updatesExecuted.incrementAndGet();
        }
        if (method.startsWith("execute")) {
            statementsExecuted.incrementAndGet();
        }
        return result;
    }

    /** What to hand back for a call's result, given the method's name. */
    private interface ResultWrapper {
        Object wrap(Object result, String method);
    }

    private static <T> T wrap(Class<T> type, T target, ResultWrapper results) {
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                return results.wrap(method.invoke(target, args), method.getName());
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
