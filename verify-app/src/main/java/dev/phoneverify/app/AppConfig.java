package dev.phoneverify.app;

import dev.phoneverify.adapter.vonage.VonageConfig;
import dev.phoneverify.core.domain.AbuseControlPolicy;
import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.InvalidInputException;
import dev.phoneverify.core.domain.SendLimit;
import dev.phoneverify.core.domain.SendLimitPolicy;
import dev.phoneverify.store.jdbc.DatabaseSettings;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * The app's settings, read from environment variables; a system property of the same name overrides a variable.
 * The app reads which gateway and store to use, and its own settings; each adapter's settings are read and checked
 * by the adapter's own config type ({@link VonageConfig#fromEnvironment}, {@link DatabaseSettings#fromEnvironment}),
 * and a refusal there becomes the app's one-line start-up error.
 *
 * @param gateway which gateway serves verifications
 * @param brand   the name in the message the user receives
 * @param port    the HTTP port; 0 picks a free one
 * @param vonage  the Vonage adapter's settings, present exactly when {@code gateway} is {@link Gateway#VONAGE}
 * @param abuseControls send limits, cooldowns and the conversion alarm; all on by default (docs/abuse-controls.md)
 * @param store   where verifications are kept
 * @param postgres the database's settings, present exactly when {@code store} is {@link Store#POSTGRES}
 * @param http    where the server listens, whom it trusts to forward client addresses, how long it drains on stop
 * @param vonageV2 the Verify v2 settings, present exactly when {@code gateway} is {@link Gateway#VONAGE_V2}
 */
public record AppConfig(Gateway gateway, Brand brand, int port, Optional<VonageConfig> vonage,
                        AbuseControlPolicy abuseControls, Store store, Optional<DatabaseSettings> postgres,
                        HttpSettings http, Optional<VonageV2Settings> vonageV2) {
    public static final String DEFAULT_BRAND = "phone-verify";
    public static final int DEFAULT_PORT = 8080;
    static final String LOOPBACK = "127.0.0.1";
    static final String ALL_INTERFACES = "0.0.0.0";

    /** The gateways the app can run on. */
    public enum Gateway {
        /** The in-memory simulator: no account, no network, codes shown in the outbox. */
        FAKE,
        /** Vonage Verify v1 through its SDK. */
        VONAGE,
        /** Vonage Verify v2 through its SDK, with its signed callbacks received on the webhook. */
        VONAGE_V2;

        /** The name used in {@code VERIFY_GATEWAY} and in {@code /health}: fake, vonage, vonage-v2. */
        public String configName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Where the app keeps verifications. */
    public enum Store {
        /** In this process's memory: the default, for a single instance. */
        MEMORY,
        /** In PostgreSQL, shared by every instance that points at the same database. */
        POSTGRES;

        /** The name used in {@code VERIFY_STORE}. */
        public String configName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The settings as they were before the HTTP ones existed: those take their defaults. */
    public AppConfig(Gateway gateway, Brand brand, int port, Optional<VonageConfig> vonage,
                     AbuseControlPolicy abuseControls, Store store, Optional<DatabaseSettings> postgres) {
        this(gateway, brand, port, vonage, abuseControls, store, postgres, HttpSettings.defaults());
    }

    /** The settings as they were before Verify v2: no v2 settings. */
    public AppConfig(Gateway gateway, Brand brand, int port, Optional<VonageConfig> vonage,
                     AbuseControlPolicy abuseControls, Store store, Optional<DatabaseSettings> postgres,
                     HttpSettings http) {
        this(gateway, brand, port, vonage, abuseControls, store, postgres, http, Optional.empty());
    }

    public AppConfig {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(vonage, "vonage");
        Objects.requireNonNull(abuseControls, "abuseControls");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(postgres, "postgres");
        Objects.requireNonNull(vonageV2, "vonageV2");
        if (vonageV2.isPresent() != (gateway == Gateway.VONAGE_V2)) {
            throw new IllegalArgumentException("Vonage v2 settings go with the vonage-v2 gateway, and only with it");
        }
        if (vonage.isPresent() != (gateway == Gateway.VONAGE)) {
            throw new IllegalArgumentException("Vonage settings go with the vonage gateway, and only with it");
        }
        if (postgres.isPresent() != (store == Store.POSTGRES)) {
            throw new IllegalArgumentException("database settings go with the postgres store, and only with it");
        }
    }

    /** The fake gateway on {@code port}, with the default brand and the in-memory store: what a first run uses. */
    public static AppConfig fake(int port) {
        return new AppConfig(Gateway.FAKE, new Brand(DEFAULT_BRAND), port, Optional.empty(),
                AbuseControlPolicy.defaults(), Store.MEMORY, Optional.empty());
    }

    /** These settings with other abuse controls; {@link AbuseControlPolicy#none()} turns them off. */
    public AppConfig withAbuseControls(AbuseControlPolicy policy) {
        return new AppConfig(gateway, brand, port, vonage, policy, store, postgres, http, vonageV2);
    }

    /** The same settings, keeping verifications and send limits in the PostgreSQL database {@code database}. */
    public AppConfig withPostgres(DatabaseSettings database) {
        return new AppConfig(gateway, brand, port, vonage, abuseControls, Store.POSTGRES, Optional.of(database), http,
                vonageV2);
    }

    /** The same settings with other HTTP settings. */
    public AppConfig withHttp(HttpSettings settings) {
        return new AppConfig(gateway, brand, port, vonage, abuseControls, store, postgres, settings, vonageV2);
    }

    /**
     * The address the server listens on: {@code VERIFY_BIND_ADDRESS}, else loopback on the fake (its outbox shows
     * codes to anyone who can reach the port) and every interface on a real provider.
     */
    public String bindAddress() {
        return http.bindAddress().orElse(gateway == Gateway.FAKE ? LOOPBACK : ALL_INTERFACES);
    }

    /** Why the server listens where it does, for the start-up line. */
    String bindReason() {
        if (http.bindAddress().isPresent()) {
            return "as VERIFY_BIND_ADDRESS says";
        }
        return gateway == Gateway.FAKE
                ? "loopback only: on the fake the outbox shows codes to anyone who can reach the port;"
                        + " VERIFY_BIND_ADDRESS changes it"
                : "every interface; VERIFY_BIND_ADDRESS changes it";
    }

    /** Reads the process's environment, overridden by its system properties. */
    public static AppConfig fromEnvironment() {
        return from(System.getenv(), System.getProperties());
    }

    /**
     * Reads settings from {@code environment}; a non-blank entry in {@code overrides} wins over it.
     *
     * @throws ConfigException naming the first missing or malformed setting
     */
    public static AppConfig from(Map<String, String> environment, Properties overrides) {
        Map<String, String> settings = new HashMap<>(environment);
        for (String name : overrides.stringPropertyNames()) {
            settings.put(name, overrides.getProperty(name));
        }
        return new SettingsReader(settings).read();
    }

    /** Reads one map of settings; every method names the variable it complains about. */
    private static final class SettingsReader {
        private final Map<String, String> settings;

        SettingsReader(Map<String, String> settings) {
            this.settings = settings;
        }

        AppConfig read() {
            Gateway gateway = gateway();
            Optional<VonageConfig> vonage = gateway == Gateway.VONAGE
                    ? Optional.of(AdapterSettings.read(() -> VonageConfig.fromEnvironment(settings)))
                    : Optional.empty();
            Optional<VonageV2Settings> vonageV2 = gateway == Gateway.VONAGE_V2
                    ? Optional.of(VonageV2Settings.read(settings, this::value))
                    : Optional.empty();
            Store store = store();
            Optional<DatabaseSettings> postgres = store == Store.POSTGRES
                    ? Optional.of(AdapterSettings.read(() -> DatabaseSettings.fromEnvironment(settings)))
                    : Optional.empty();
            return new AppConfig(gateway, brand(), port(), vonage, abuseControls(), store, postgres,
                    HttpSettings.read(this::value), vonageV2);
        }

        private Store store() {
            Optional<String> chosen = value("VERIFY_STORE");
            if (chosen.isEmpty()) {
                // Running several instances on private memory stores would quietly break cross-instance checks.
                if (value("VERIFY_DB_URL").isPresent()) {
                    throw new ConfigException("VERIFY_DB_URL is set but VERIFY_STORE is not; set VERIFY_STORE=postgres"
                            + " to keep verifications in that database, or unset VERIFY_DB_URL");
                }
                return Store.MEMORY;
            }
            for (Store store : Store.values()) {
                if (store.configName().equalsIgnoreCase(chosen.get())) {
                    return store;
                }
            }
            throw new ConfigException("VERIFY_STORE must be 'memory' or 'postgres', was '" + printable(chosen.get())
                    + "'");
        }

        private Gateway gateway() {
            Optional<String> chosen = value("VERIFY_GATEWAY");
            if (chosen.isEmpty()) {
                boolean hasCredentials = value("VONAGE_API_KEY").isPresent() && value("VONAGE_API_SECRET").isPresent();
                return hasCredentials ? Gateway.VONAGE : Gateway.FAKE;
            }
            for (Gateway gateway : Gateway.values()) {
                if (gateway.configName().equalsIgnoreCase(chosen.get())) {
                    return gateway;
                }
            }
            throw new ConfigException("VERIFY_GATEWAY must be 'fake' or 'vonage', or 'vonage-v2' for Verify v2, was '"
                    + printable(chosen.get()) + "'");
        }

        private Brand brand() {
            try {
                return new Brand(value("VERIFY_BRAND").orElse(DEFAULT_BRAND));
            } catch (InvalidInputException e) {
                throw new ConfigException("VERIFY_BRAND is not usable: " + e.getMessage());
            }
        }

        private int port() {
            Optional<String> port = value("PORT");
            if (port.isEmpty()) {
                return DEFAULT_PORT;
            }
            try {
                int parsed = Integer.parseInt(port.get());
                if (parsed >= 0 && parsed <= 65_535) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // falls through to the one message below
            }
            throw new ConfigException("PORT must be a number from 0 to 65535 (0 picks a free port), was '"
                    + printable(port.get()) + "'");
        }

        /**
         * {@code VERIFY_ABUSE_CONTROLS} ({@code on} by default, or {@code off}) and one count per 10 minutes, or
         * {@code off}, for each send limit: {@code VERIFY_LIMIT_PER_NUMBER}, {@code VERIFY_LIMIT_PER_CLIENT},
         * {@code VERIFY_LIMIT_PER_CALLING_CODE}.
         */
        private AbuseControlPolicy abuseControls() {
            String switched = value("VERIFY_ABUSE_CONTROLS").orElse("on").toLowerCase(Locale.ROOT);
            if (switched.equals("off")) {
                return AbuseControlPolicy.none();
            }
            if (!switched.equals("on")) {
                throw new ConfigException("VERIFY_ABUSE_CONTROLS must be 'on' or 'off', was '" + printable(switched) + "'");
            }
            SendLimitPolicy limits = SendLimitPolicy.defaults()
                    .withPerNumber(sendLimit("VERIFY_LIMIT_PER_NUMBER", SendLimitPolicy.DEFAULT_PER_NUMBER))
                    .withPerClient(sendLimit("VERIFY_LIMIT_PER_CLIENT", SendLimitPolicy.DEFAULT_PER_CLIENT))
                    .withPerCallingCode(sendLimit("VERIFY_LIMIT_PER_CALLING_CODE",
                            SendLimitPolicy.DEFAULT_PER_CALLING_CODE));
            return AbuseControlPolicy.defaults().withSendLimits(limits);
        }

        /** A count of starts per 10 minutes, {@code off} (null), or the default when unset. */
        private SendLimit sendLimit(String name, SendLimit fallback) {
            Optional<String> text = value(name);
            if (text.isEmpty()) {
                return fallback;
            }
            if (text.get().equalsIgnoreCase("off")) {
                return null;
            }
            try {
                int count = Integer.parseInt(text.get());
                if (count >= 1 && count <= 1_000_000) {
                    return SendLimit.of(count, SendLimitPolicy.DEFAULT_WINDOW);
                }
            } catch (NumberFormatException e) {
                // falls through to the one message below
            }
            throw new ConfigException(name + " must be a count of starts per 10 minutes from 1 to 1000000, or 'off',"
                    + " was '" + printable(text.get()) + "'");
        }

        /** The setting, stripped; blank counts as unset so {@code PORT=} behaves like no PORT. */
        private Optional<String> value(String name) {
            String raw = settings.get(name);
            return raw == null || raw.isBlank() ? Optional.empty() : Optional.of(raw.strip());
        }
    }

    /** Keeps an echoed value on one short line, whatever was typed. */
    static String printable(String value) {
        String oneLine = value.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() > 40 ? oneLine.substring(0, 40) + "..." : oneLine;
    }
}
