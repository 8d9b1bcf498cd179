package dev.phoneverify.adapter.vonage;

import com.vonage.client.DynamicEndpoint;
import com.vonage.client.HttpConfig;
import com.vonage.client.HttpWrapper;
import com.vonage.client.RestEndpoint;
import com.vonage.client.auth.ApiKeyHeaderAuthMethod;
import com.vonage.client.auth.AuthCollection;
import com.vonage.client.auth.JWTAuthMethod;
import com.vonage.client.common.HttpMethod;
import com.vonage.client.verify2.Verify2Client;
import com.vonage.client.verify2.VerifyResponseException;
import java.util.UUID;
import org.apache.http.impl.client.CloseableHttpClient;

/**
 * The SDK's Verify v2 client, and the one call it gets wrong.
 *
 * <p>SDK 9.3.1 posts "next step" to {@code /v2/verify/{id}/next-workflow}; the API's path is {@code next_workflow}
 * (facts 3.6.4, fixed in 9.4.1). That call goes through an endpoint of the SDK's own kind ({@link DynamicEndpoint})
 * on the same {@link HttpWrapper} as the client: the same credentials and auth choice (JWT when an application is
 * configured, else Basic), the same connection pool and timeouts, and the same problem parsing into
 * {@link VerifyResponseException}. Only the path differs. A URI-rewriting interceptor would need the SDK's
 * deprecated custom-client hook, which drops its timeouts; plain {@code java.net.http} would need our own auth and
 * error mapping.
 */
final class Verify2Sdk {
    final Verify2Client client;
    final RestEndpoint<UUID, Void> nextWorkflow;
    final ResponseRecorder responses;

    private Verify2Sdk(Verify2Client client, RestEndpoint<UUID, Void> nextWorkflow, ResponseRecorder responses) {
        this.client = client;
        this.nextWorkflow = nextWorkflow;
        this.responses = responses;
    }

    @SuppressWarnings("unchecked") // authMethod's varargs of Class<? extends AuthMethod>
    static Verify2Sdk of(VonageV2Config config) {
        AuthCollection auth = new AuthCollection(
                config.application().map(VonageApplication::id).orElse(null),
                config.application().map(VonageApplication::privateKey).orElse(null),
                config.apiKey(), config.apiSecret(), null, null);
        RecordingWrapper wrapper =
                new RecordingWrapper(SdkClients.httpConfig(config.baseUri(), config.timeout()), auth);
        RestEndpoint<UUID, Void> nextWorkflow = DynamicEndpoint.<UUID, Void>builder(Void.class)
                .wrapper(wrapper)
                .requestMethod(HttpMethod.POST)
                .authMethod(JWTAuthMethod.class, ApiKeyHeaderAuthMethod.class)
                .responseExceptionType(VerifyResponseException.class)
                .pathGetter((endpoint, id) -> wrapper.getHttpConfig().getApiBaseUri() + "/v2/verify/" + id
                        + "/next_workflow")
                .build();
        return new Verify2Sdk(new Verify2Client(wrapper), nextWorkflow, wrapper.recorder());
    }

    /** The SDK's wrapper, its own client wrapped so answers leave behind what the SDK drops. */
    private static final class RecordingWrapper extends HttpWrapper {
        RecordingWrapper(HttpConfig config, AuthCollection auth) {
            super(config, auth);
        }

        @Override
        protected CloseableHttpClient createHttpClient() {
            return new ResponseRecorder(super.createHttpClient());
        }

        ResponseRecorder recorder() {
            return (ResponseRecorder) getHttpClient();
        }
    }
}
