package dev.phoneverify.adapter.vonage;

import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.Workflow;
import dev.phoneverify.core.port.StartRequest;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** What the v2 tests share: one request id, one number, and a gateway pointed at a stub. */
final class V2Fixture {
    static final String ID = "c11236f4-00bf-4b89-84ba-88b25df97315";
    static final RequestId REQUEST = new RequestId(ID);
    static final PhoneNumber NUMBER = PhoneNumber.parse("+447700900000");
    static final Brand BRAND = new Brand("Acme");
    static final String KEY = "KEY";
    static final String SECRET = "SEC/+&ret";
    /** base64("KEY:SEC/+&ret"), facts 3.6.3. */
    static final String BASIC = "Basic S0VZOlNFQy8rJnJldA==";
    static final String STARTED = "{\"request_id\":\"" + ID + "\"}";
    static final String COMPLETED = "{\"request_id\":\"" + ID + "\",\"status\":\"completed\"}";

    private V2Fixture() {
    }

    static VonageV2Config.Builder config(StubVerify2Server server) {
        return VonageV2Config.builder().apiKey(KEY).apiSecret(SECRET).baseUri(server.baseUri())
                .timeout(Duration.ofSeconds(5));
    }

    static VonageV2VerificationGateway gateway(StubVerify2Server server, UnaryOperator<VonageV2Config.Builder> more) {
        return new VonageV2VerificationGateway(more.apply(config(server)).build());
    }

    static VonageV2VerificationGateway gateway(StubVerify2Server server) {
        return gateway(server, b -> b);
    }

    static StartRequest smsThenVoice() {
        return StartRequest.of(NUMBER, BRAND, 6, Workflow.of(Channel.SMS, Channel.VOICE));
    }
}
