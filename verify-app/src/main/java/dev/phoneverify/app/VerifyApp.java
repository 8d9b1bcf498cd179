package dev.phoneverify.app;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import dev.phoneverify.app.web.WebServer;
import dev.phoneverify.core.usecase.FindVerification;
import dev.phoneverify.store.jdbc.StoreStartupException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sample app's entry point: reads the configuration, picks the gateway and store modules once, builds the one
 * injector and starts the HTTP server.
 */
public final class VerifyApp {
    /** Exit status for a missing or malformed setting, or a database that cannot be used. */
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
        } catch (StoreStartupException e) {
            System.err.println("phone-verify: " + e.getMessage());
            System.exit(EXIT_BAD_CONFIG);
            return;
        } catch (RuntimeException e) {
            System.err.println("phone-verify: could not start: " + firstLine(e));
            System.exit(EXIT_START_FAILED);
            return;
        }
        // Printed, not logged: under `mvn -q exec:java` Maven's own quiet logger would swallow a log line.
        System.out.println("phone-verify: " + app.summary());
        GracefulShutdown shutdown = new GracefulShutdown(app, config.http().shutdownGrace());
        // Printed as well as logged: at shutdown the logger may already be gone.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println(shutdown.stop()),
                "phone-verify-shutdown"));
    }

    /**
     * Starts the app as {@code main} does; the caller closes the handle.
     *
     * @throws StoreStartupException the database store cannot be reached or migrated
     */
    public static RunningApp start(AppConfig config) {
        return start(config, modules(config));
    }

    /** Starts the app on the given modules, which bind what {@link #modules} would; tests share a fake this way. */
    static RunningApp start(AppConfig config, List<Module> modules) {
        Injector injector = createInjector(modules);
        StoreMaintenance storeMaintenance = injector.getInstance(StoreMaintenance.class);
        try {
            WebServer server = injector.getInstance(WebServer.class);
            ExpirySweeper sweeper = new ExpirySweeper(injector.getInstance(FindVerification.class));
            int port = server.start();
            sweeper.start();
            storeMaintenance.start();
            String summary = "listening on http://" + hostForUrl(config.bindAddress()) + ":" + port + "/ ("
                    + config.bindReason() + ") with the " + config.gateway().configName() + " gateway"
                    + providerAddress(config) + storeDescription(config) + ", brand '" + config.brand() + "'";
            RunningApp app = new RunningApp(injector, server, sweeper, storeMaintenance, port, summary);
            LOG.debug("phone-verify {}", summary);
            return app;
        } catch (RuntimeException e) {
            // A port already taken, say: the database pool must not outlive the failed start.
            storeMaintenance.close();
            throw e;
        }
    }

    /** The one place a gateway and a store are chosen: one module per configuration, no conditions inside modules. */
    static List<Module> modules(AppConfig config) {
        List<Module> modules = new ArrayList<>(List.of(new CoreModule(config), new WebModule(), storeModule(config)));
        modules.addAll(switch (config.gateway()) {
            case VONAGE -> List.of(new VonageGatewayModule(config.vonage().orElseThrow()), new SystemClockModule());
            case VONAGE_V2 -> List.of(new VonageV2GatewayModule(config.vonageV2().orElseThrow()),
                    new SystemClockModule());
            case FAKE -> List.of(new FakeGatewayModule());
        });
        return modules;
    }

    /** The store module {@code main} picks for {@code config}; tests that wire the rest themselves use it too. */
    static Module storeModule(AppConfig config) {
        return switch (config.store()) {
            case POSTGRES -> new PostgresStoreModule(config.postgres().orElseThrow());
            case MEMORY -> new InMemoryStoreModule();
        };
    }

    /**
     * Builds the injector; a database that cannot be used is reported as itself rather than inside Guice's
     * multi-line report, so {@code main} can print its one line.
     */
    private static Injector createInjector(List<Module> modules) {
        try {
            return Guice.createInjector(Stage.PRODUCTION, modules);
        } catch (CreationException e) {
            e.getErrorMessages().forEach(message -> rethrowStoreStartupFailure(message.getCause()));
            throw e;
        } catch (ProvisionException e) {
            rethrowStoreStartupFailure(e);
            throw e;
        }
    }

    private static void rethrowStoreStartupFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StoreStartupException startup) {
                throw startup;
            }
        }
    }

    /** Empty for the in-memory default; the database otherwise, without any parameters that might hold secrets. */
    private static String storeDescription(AppConfig config) {
        return config.postgres()
                .map(database -> ", the postgres store at " + database.url().replaceFirst("\\?.*", ""))
                .orElse("");
    }

    private static String hostForUrl(String address) {
        return address.contains(":") ? "[" + address + "]" : address;
    }

    private static String providerAddress(AppConfig config) {
        return config.vonage().map(vonage -> " at " + vonage.baseUri())
                .or(() -> config.vonageV2().map(v2 -> " at " + v2.gateway().baseUri() + ", workflow " + v2.workflow()
                        + ", callbacks on " + v2.webhookPath()))
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
