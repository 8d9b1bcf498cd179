package dev.phoneverify.adapter.vonage;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the SDK's wire logging off.
 *
 * <p>SDK 9.3.1 logs every request and response body through {@code java.util.logging} at FINE
 * ({@code com.vonage.client.AbstractMethod}), and Verify v1 request bodies hold {@code api_secret} and the user's
 * code. Apache HttpClient, under the SDK, logs the same bytes at debug level through commons-logging, which falls
 * back to {@code java.util.logging} ({@code org.apache.http.wire}). So one "log everything" setting would write the
 * secret to the logs. Unless the configuration explicitly allows it, those loggers are pinned to INFO when an
 * adapter is built. A logging setup that routes commons-logging elsewhere (log4j, jcl-over-slf4j) or reloads the
 * JUL configuration afterwards is beyond this guard; see the module README.
 */
final class SdkLogGuard {
    static final List<String> WIRE_LOGGERS = List.of("com.vonage", "org.apache.http.wire", "org.apache.http.headers");

    // JUL holds loggers weakly: a level set on a logger nobody references is lost when it is collected.
    private static final List<Logger> PINNED = WIRE_LOGGERS.stream().map(Logger::getLogger).toList();

    private SdkLogGuard() {
    }

    static void pinWireLoggersToInfo() {
        for (Logger logger : PINNED) {
            Level level = logger.getLevel();
            if (level == null || level.intValue() < Level.INFO.intValue()) {
                logger.setLevel(Level.INFO);
            }
        }
    }
}
