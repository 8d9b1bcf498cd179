package dev.phoneverify.spring;

import java.time.Duration;

/** {@code phoneverify.vonage.*}: the Vonage adapter's settings, checked by the adapter itself. */
public class VonageProperties {
    /** The account's API key (VONAGE_API_KEY); required on vonage and vonage-v2. */
    private String apiKey;
    /** The account's API secret (VONAGE_API_SECRET); required on vonage and vonage-v2. */
    private String apiSecret;
    /** Vonage's API address (VONAGE_BASE_URL); default https://api.nexmo.com. */
    private String baseUrl;
    /** How long one call to Vonage may take (VONAGE_TIMEOUT_MS); default 10 s. */
    private Duration timeout;
    /** The Vonage application's id, a UUID (VONAGE_APPLICATION_ID); vonage-v2 only, with private-key-path. */
    private String applicationId;
    /** The application's PKCS#8 PEM private key file (VONAGE_PRIVATE_KEY_PATH); vonage-v2 only. */
    private String privateKeyPath;
    /** The WhatsApp Business number, E.164 (VONAGE_WHATSAPP_FROM); vonage-v2 only. */
    private String whatsappFrom;
    /** The sender address of email steps (VONAGE_EMAIL_FROM); vonage-v2 only. */
    private String emailFrom;
    /**
     * The account's signature secret (not the API secret), VONAGE_SIGNATURE_SECRET: checks the v2 callbacks
     * the webhook receives. Required on vonage-v2 with phoneverify.web.enabled.
     */
    private String signatureSecret;
    /** How old a callback's token may be (VERIFY_WEBHOOK_MAX_AGE); 1 s to 1 h, default 5 min. */
    private Duration webhookMaxAge;

    public String getSignatureSecret() {
        return signatureSecret;
    }

    public void setSignatureSecret(String signatureSecret) {
        this.signatureSecret = signatureSecret;
    }

    public Duration getWebhookMaxAge() {
        return webhookMaxAge;
    }

    public void setWebhookMaxAge(Duration webhookMaxAge) {
        this.webhookMaxAge = webhookMaxAge;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getApiSecret() {
        return apiSecret;
    }

    public void setApiSecret(String apiSecret) {
        this.apiSecret = apiSecret;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public String getApplicationId() {
        return applicationId;
    }

    public void setApplicationId(String applicationId) {
        this.applicationId = applicationId;
    }

    public String getPrivateKeyPath() {
        return privateKeyPath;
    }

    public void setPrivateKeyPath(String privateKeyPath) {
        this.privateKeyPath = privateKeyPath;
    }

    public String getWhatsappFrom() {
        return whatsappFrom;
    }

    public void setWhatsappFrom(String whatsappFrom) {
        this.whatsappFrom = whatsappFrom;
    }

    public String getEmailFrom() {
        return emailFrom;
    }

    public void setEmailFrom(String emailFrom) {
        this.emailFrom = emailFrom;
    }
}
