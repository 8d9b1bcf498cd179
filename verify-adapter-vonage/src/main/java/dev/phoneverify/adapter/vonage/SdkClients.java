package dev.phoneverify.adapter.vonage;

import com.vonage.client.HttpConfig;
import com.vonage.client.VonageClient;
import com.vonage.client.verify.VerifyClient;
import java.net.URI;
import java.time.Duration;

/** Builds the SDK's clients from our settings, the one place that knows how the SDK wants them. */
final class SdkClients {
    private SdkClients() {
    }

    /** Where to connect and how long to wait; Verify v1 and v2 both live under the SDK's "api" base URI. */
    static HttpConfig httpConfig(URI baseUri, Duration timeout) {
        return HttpConfig.builder()
                .apiBaseUri(baseUri.toString())
                .timeoutMillis(Math.toIntExact(timeout.toMillis()))
                .build();
    }

    /** A Verify v1 client; the SDK's Verify endpoints keep no per-call state, so one serves every call. */
    @SuppressWarnings("deprecation") // Verify v1 is deprecated in the SDK, yet it is the flow this gateway follows.
    static VerifyClient verifyV1(VonageConfig config) {
        return VonageClient.builder()
                .apiKey(config.apiKey())
                .apiSecret(config.apiSecret())
                .httpConfig(httpConfig(config.baseUri(), config.timeout()))
                .build()
                .getVerifyClient();
    }
}
