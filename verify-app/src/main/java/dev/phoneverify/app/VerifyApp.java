package dev.phoneverify.app;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import dev.phoneverify.app.web.WebServer;
import dev.phoneverify.core.service.VerificationService;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sample app's entry point: reads the configuration, picks the gateway module once, builds the one injector and
 * starts the HTTP server.
 */
public final class VerifyApp {
    /** Exit status for a missing or malformed setting. */
    static final int EXIT_BAD_CONFIG = 2;
    static final int EXIT_START_FAILED = 1;
    private static final Logger LOG = LoggerFactory.getLogger(VerifyApp.class);

    private VerifyApp() {
    }

    public static void main(String[] args) {
        AppConfig config;
        try {
            config = AppConfig.fromEnvironment();
        } catch (ConfigException e) {
            System.err.println("phone-verify: " + e.getMessage());
            System.exit(EXIT_BAD_CONFIG);
            return;
        }
        RunningApp app;
        try {
            app = start(config);
        } catch (RuntimeException e) {
            System.err.println("phone-verify: could not start: " + firstLine(e));
            System.exit(EXIT_START_FAILED);
            return;
        }
        // Printed, not logged: under `mvn -q exec:java` Maven's own quiet logger would swallow a log line.
        System.out.println("phone-verify: " + app.summary());
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "phone-verify-shutdown"));
    }

    /** Starts the app as {@code main} does; the caller closes the handle. */
    public static RunningApp start(AppConfig config) {
        Injector injector = Guice.createInjector(Stage.PRODUCTION, modules(config));
        WebServer server = injector.getInstance(WebServer.class);
        ExpirySweeper sweeper = new ExpirySweeper(injector.getInstance(VerificationService.class));
        int port = server.start();
        sweeper.start();
        String summary = "listening on http://localhost:" + port + "/ with the " + config.gateway().configName()
                + " gateway" + providerAddress(config) + ", brand '" + config.brand() + "'";
        RunningApp app = new RunningApp(injector, server, sweeper, port, summary);
        LOG.debug("phone-verify {}", summary);
        return app;
    }

    /** The one place a gateway is chosen: one module per configuration, no conditions inside modules. */
    static List<Module> modules(AppConfig config) {
        Module core = new CoreModule(config);
        Module web = new WebModule();
        switch (config.gateway()) {
            case VONAGE:
                return List.of(core, web, new VonageGatewayModule(config.vonage().orElseThrow()),
                        new SystemClockModule());
            default:
                return List.of(core, web, new FakeGatewayModule());
        }
    }

    private static String providerAddress(AppConfig config) {
        return config.vonage()
                .map(vonage -> " at " + vonage.baseUrl().map(Object::toString).orElse("https://api.nexmo.com"))
                .orElse("");
    }

    /** Guice and Jetty messages run over several lines; one is enough to say what went wrong. */
    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage()).strip();
        int newline = message.indexOf('\n');
        return root.getClass().getSimpleName() + ": " + (newline < 0 ? message : message.substring(0, newline));
    }
}
