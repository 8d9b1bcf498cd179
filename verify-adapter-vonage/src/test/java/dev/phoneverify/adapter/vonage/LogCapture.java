package dev.phoneverify.adapter.vonage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Turns every logger that could see a request (ours, the SDK's, Apache HttpClient's, the root) up to ALL and keeps
 * every line, for the log hygiene tests; {@link #close()} puts the levels back and leaves the SDK's wire loggers
 * pinned, as any adapter in this JVM would.
 */
final class LogCapture implements AutoCloseable {
    private static final List<String> VERBOSE_LOGGERS =
            List.of("", "com.vonage", "org.apache.http", "org.apache.http.wire", "org.apache.http.headers",
                    "dev.phoneverify");

    private final List<String> captured = new ArrayList<>();
    private final Map<String, Level> levelsBefore = new HashMap<>();
    private final Handler handler = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            synchronized (captured) {
                captured.add(record.getLevel() + " " + record.getLoggerName() + " " + formatter.format(record));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture() {
    }

    static LogCapture everything() {
        LogCapture capture = new LogCapture();
        for (String name : VERBOSE_LOGGERS) {
            Logger logger = Logger.getLogger(name);
            capture.levelsBefore.put(name, logger.getLevel());
            logger.setLevel(Level.ALL);
        }
        capture.handler.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture.handler);
        return capture;
    }

    /** Sets the SDK's wire loggers to ALL again, as a build with {@code sdkWireLogging(true)} leaves them. */
    static void unpinWireLoggers() {
        for (String name : SdkLogGuard.WIRE_LOGGERS) {
            Logger.getLogger(name).setLevel(Level.ALL);
        }
    }

    /** Every line so far. */
    String text() {
        synchronized (captured) {
            return String.join("\n", captured);
        }
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(handler);
        levelsBefore.forEach((name, level) -> Logger.getLogger(name).setLevel(level));
        SdkLogGuard.pinWireLoggersToInfo();
    }
}
