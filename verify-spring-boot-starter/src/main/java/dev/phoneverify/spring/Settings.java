package dev.phoneverify.spring;

import dev.phoneverify.adapter.vonage.VonageConfig;
import dev.phoneverify.adapter.vonage.VonageV2Config;
import dev.phoneverify.core.domain.AbuseControlPolicy;
import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.InvalidInputException;
import dev.phoneverify.core.domain.SendLimit;
import dev.phoneverify.core.domain.SendLimitPolicy;
import dev.phoneverify.core.domain.VerificationPolicy;
import dev.phoneverify.core.domain.Workflow;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns the bound {@link PhoneVerifyProperties} into the core's and the adapters' own types. Each type checks its
 * values itself; a refusal becomes a {@link PhoneVerifyConfigException} that names the property.
 */
final class Settings {
    /** The adapter reads the Guice app's variables; each is named by its property here. */
    private static final Map<String, String> VONAGE_PROPERTIES = Map.of(
            "VONAGE_API_KEY", "phoneverify.vonage.api-key",
            "VONAGE_API_SECRET", "phoneverify.vonage.api-secret",
            "VONAGE_BASE_URL", "phoneverify.vonage.base-url",
            "VONAGE_TIMEOUT_MS", "phoneverify.vonage.timeout",
            "VONAGE_APPLICATION_ID", "phoneverify.vonage.application-id",
            "VONAGE_PRIVATE_KEY_PATH", "phoneverify.vonage.private-key-path",
            "VONAGE_WHATSAPP_FROM", "phoneverify.vonage.whatsapp-from",
            "VONAGE_EMAIL_FROM", "phoneverify.vonage.email-from");

    private Settings() {
    }

    static Brand brand(PhoneVerifyProperties properties) {
        return checked("phoneverify.brand", () -> new Brand(properties.getBrand()));
    }

    static VerificationPolicy policy(PhoneVerifyProperties properties) {
        PhoneVerifyProperties.Policy policy = properties.getPolicy();
        return checked("phoneverify.policy", () -> new VerificationPolicy(policy.getMaxWrongAttempts(),
                policy.getMaxLifetime(), policy.getCodeLength()));
    }

    static Optional<Workflow> workflow(PhoneVerifyProperties properties) {
        String workflow = properties.getWorkflow();
        return workflow == null || workflow.isBlank() ? Optional.empty()
                : Optional.of(checked("phoneverify.workflow", () -> Workflow.parse(workflow.strip())));
    }

    static AbuseControlPolicy abuseControls(PhoneVerifyProperties properties) {
        PhoneVerifyProperties.Abuse abuse = properties.getAbuse();
        if (!abuse.isEnabled()) {
            return AbuseControlPolicy.none();
        }
        SendLimitPolicy limits = SendLimitPolicy.defaults()
                .withPerNumber(limit(abuse.getPerNumber(), SendLimitPolicy.DEFAULT_PER_NUMBER))
                .withPerClient(limit(abuse.getPerClient(), SendLimitPolicy.DEFAULT_PER_CLIENT))
                .withPerCallingCode(limit(abuse.getPerCallingCode(), SendLimitPolicy.DEFAULT_PER_CALLING_CODE));
        return AbuseControlPolicy.defaults().withSendLimits(limits);
    }

    /** A count per 10 minutes; 0 is off (null to the policy), unset the default. */
    private static SendLimit limit(Integer count, SendLimit fallback) {
        if (count == null) {
            return fallback;
        }
        return count == 0 ? null : SendLimit.of(count, SendLimitPolicy.DEFAULT_WINDOW);
    }

    static VonageConfig vonage(PhoneVerifyProperties properties) {
        return adapter(properties, VonageConfig::fromEnvironment);
    }

    static VonageV2Config vonageV2(PhoneVerifyProperties properties) {
        return adapter(properties, VonageV2Config::fromEnvironment);
    }

    /** The adapter's own reading of the variables the properties stand for, with its messages renamed. */
    private static <T> T adapter(PhoneVerifyProperties properties, Function<Map<String, String>, T> read) {
        try {
            return read.apply(environment(properties.getVonage()));
        } catch (IllegalArgumentException e) {
            String message = e.getMessage().replaceAll("\\R", " ");
            for (Map.Entry<String, String> name : VONAGE_PROPERTIES.entrySet()) {
                message = message.replace(name.getKey(), name.getValue());
            }
            throw new PhoneVerifyConfigException(message);
        }
    }

    private static Map<String, String> environment(VonageProperties vonage) {
        Map<String, String> variables = new LinkedHashMap<>();
        put(variables, "VONAGE_API_KEY", vonage.getApiKey());
        put(variables, "VONAGE_API_SECRET", vonage.getApiSecret());
        put(variables, "VONAGE_BASE_URL", vonage.getBaseUrl());
        Duration timeout = vonage.getTimeout();
        put(variables, "VONAGE_TIMEOUT_MS", timeout == null ? null : Long.toString(timeout.toMillis()));
        put(variables, "VONAGE_APPLICATION_ID", vonage.getApplicationId());
        put(variables, "VONAGE_PRIVATE_KEY_PATH", vonage.getPrivateKeyPath());
        put(variables, "VONAGE_WHATSAPP_FROM", vonage.getWhatsappFrom());
        put(variables, "VONAGE_EMAIL_FROM", vonage.getEmailFrom());
        return variables;
    }

    private static void put(Map<String, String> variables, String name, String value) {
        if (value != null) {
            variables.put(name, value);
        }
    }

    private interface Reading<T> {
        T read();
    }

    private static <T> T checked(String property, Reading<T> reading) {
        try {
            return reading.read();
        } catch (InvalidInputException e) {
            throw new PhoneVerifyConfigException(property + " is not usable: " + e.getMessage());
        }
    }
}
