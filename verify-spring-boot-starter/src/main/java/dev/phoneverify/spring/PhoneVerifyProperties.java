package dev.phoneverify.spring;

import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.VerificationPolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code phoneverify.*} settings: which gateway and store, the Vonage adapter's settings (the same ones the
 * Guice app reads from {@code VONAGE_*} variables), the abuse controls, the policy, and whether the JSON API is
 * served. Checked when the application starts; a bad value stops it with the property's name.
 */
@ConfigurationProperties("phoneverify")
@Validated
public class PhoneVerifyProperties {
    /** The gateways the starter can build. */
    public enum Gateway {
        /** The in-memory simulator: no account, no network, codes in the outbox at /api/dev/outbox. */
        FAKE,
        /** Vonage Verify v1 through its SDK. */
        VONAGE,
        /** Vonage Verify v2 through its SDK (a Vonage application, and WhatsApp and email steps). */
        VONAGE_V2
    }

    /** Where verifications are kept. */
    public enum Store {
        /** In this process's memory: for a single instance. */
        MEMORY,
        /** In PostgreSQL through the application's DataSource, shared by every instance on that database. */
        POSTGRES
    }

    /** Which gateway sends the codes: fake, vonage or vonage-v2. */
    @NotNull
    private Gateway gateway = Gateway.FAKE;

    /** Where verifications and abuse-control counters are kept: memory or postgres. */
    @NotNull
    private Store store = Store.MEMORY;

    /** The name in the message the user receives. */
    @NotNull
    @Size(min = 1, max = Brand.MAX_LENGTH)
    private String brand = "phone-verify";

    /** The delivery steps a start gets, as a comma list such as sms,voice; unset: the gateway's own. */
    private String workflow;

    @Valid
    @NestedConfigurationProperty
    private final VonageProperties vonage = new VonageProperties();
    @Valid
    private final Abuse abuse = new Abuse();
    @Valid
    private final Policy policy = new Policy();
    private final Web web = new Web();

    public Gateway getGateway() {
        return gateway;
    }

    public void setGateway(Gateway gateway) {
        this.gateway = gateway;
    }

    public Store getStore() {
        return store;
    }

    public void setStore(Store store) {
        this.store = store;
    }

    public String getBrand() {
        return brand;
    }

    public void setBrand(String brand) {
        this.brand = brand;
    }

    public String getWorkflow() {
        return workflow;
    }

    public void setWorkflow(String workflow) {
        this.workflow = workflow;
    }

    public VonageProperties getVonage() {
        return vonage;
    }

    public Abuse getAbuse() {
        return abuse;
    }

    public Policy getPolicy() {
        return policy;
    }

    public Web getWeb() {
        return web;
    }

    /** {@code phoneverify.abuse.*}: send limits, cooldowns and the conversion alarm (docs/abuse-controls.md). */
    public static class Abuse {
        /** Whether the abuse controls are on at all. */
        private boolean enabled = true;
        /** Starts per number per 10 minutes; 0 turns this limit off; unset: 3. */
        @Min(0)
        @Max(1_000_000)
        private Integer perNumber;
        /** Starts per client address per 10 minutes; 0 turns this limit off; unset: 10. */
        @Min(0)
        @Max(1_000_000)
        private Integer perClient;
        /** Starts per calling code per 10 minutes; 0 turns this limit off; unset: 100. */
        @Min(0)
        @Max(1_000_000)
        private Integer perCallingCode;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Integer getPerNumber() {
            return perNumber;
        }

        public void setPerNumber(Integer perNumber) {
            this.perNumber = perNumber;
        }

        public Integer getPerClient() {
            return perClient;
        }

        public void setPerClient(Integer perClient) {
            this.perClient = perClient;
        }

        public Integer getPerCallingCode() {
            return perCallingCode;
        }

        public void setPerCallingCode(Integer perCallingCode) {
            this.perCallingCode = perCallingCode;
        }
    }

    /** {@code phoneverify.policy.*}: the rules every verification lives by. */
    public static class Policy {
        /** Wrong codes before a verification fails, 1 to 10; default 3. */
        @Min(1)
        @Max(10)
        private int maxWrongAttempts = VerificationPolicy.DEFAULT_MAX_WRONG_ATTEMPTS;
        /** How long a verification may live at most, up to 1h; default 10m. */
        @NotNull
        private Duration maxLifetime = VerificationPolicy.DEFAULT_MAX_LIFETIME;
        /** Digits in a code, 4 to 10 as the gateway allows; default 4. */
        @Min(4)
        @Max(10)
        private int codeLength = VerificationPolicy.DEFAULT_CODE_LENGTH;

        public int getMaxWrongAttempts() {
            return maxWrongAttempts;
        }

        public void setMaxWrongAttempts(int maxWrongAttempts) {
            this.maxWrongAttempts = maxWrongAttempts;
        }

        public Duration getMaxLifetime() {
            return maxLifetime;
        }

        public void setMaxLifetime(Duration maxLifetime) {
            this.maxLifetime = maxLifetime;
        }

        public int getCodeLength() {
            return codeLength;
        }

        public void setCodeLength(int codeLength) {
            this.codeLength = codeLength;
        }
    }

    /** {@code phoneverify.web.*}: the JSON API on Spring MVC. */
    public static class Web {
        /** Serve the JSON API (/api/verifications, and /api/dev/* on the fake) through Spring MVC. */
        private boolean enabled;
        /** Where Vonage posts the v2 callbacks, on vonage-v2 (VERIFY_WEBHOOK_PATH). */
        private String webhookPath = VonageWebhookController.DEFAULT_PATH;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getWebhookPath() {
            return webhookPath;
        }

        public void setWebhookPath(String webhookPath) {
            this.webhookPath = webhookPath;
        }
    }
}
