package dev.phoneverify.emulator;

import dev.phoneverify.adapter.fake.FakeProfile;
import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.interfaces.RSAPublicKey;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link VerifyEmulator} is set up; made by {@link VerifyEmulator#builder}. One v1 fake and one v2 fake on the
 * same {@link dev.phoneverify.adapter.fake.FakeClock}, so one clock advance moves both APIs.
 */
public final class EmulatorSettings {
    /** The {@code from} the v2 fake is built with; each v2 WhatsApp step brings its own {@code from}. */
    static final String WHATSAPP_SENDER = "VerifyEmulator";

    final FakeVerificationGateway v1;
    FakeVerificationGateway v2;
    InetSocketAddress bind = new InetSocketAddress("127.0.0.1", 0);
    String apiKey;
    String apiSecret;
    Optional<URI> callbackUrl = Optional.empty();
    Optional<String> signatureSecret = Optional.empty();
    Optional<RSAPublicKey> applicationKey = Optional.empty();
    CallbackRetry retry = CallbackRetry.DEFAULT;

    EmulatorSettings(FakeVerificationGateway v1) {
        this.v1 = Objects.requireNonNull(v1, "v1 fake");
        if (v1.profile() != FakeProfile.V1) {
            throw new IllegalArgumentException("the v1 endpoints serve a v1 fake, not a " + v1.profile() + " one");
        }
    }

    /** Where to listen; port 0 picks a free port. Default 127.0.0.1, any free port. */
    public EmulatorSettings bind(InetSocketAddress address) {
        this.bind = Objects.requireNonNull(address, "bind");
        return this;
    }

    /** The one api key and secret both APIs accept (v1 parameters or Basic; v2 Basic). */
    public EmulatorSettings credentials(String key, String secret) {
        if (key == null || key.isBlank() || secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("the emulator needs a non-blank api key and api secret");
        }
        this.apiKey = key;
        this.apiSecret = secret;
        return this;
    }

    /** The v2 fake behind {@code /v2/verify}; by default one with Vonage's v2 defaults on the v1 fake's clock. */
    public EmulatorSettings v2(FakeVerificationGateway fake) {
        Objects.requireNonNull(fake, "v2 fake");
        if (fake.profile() != FakeProfile.V2) {
            throw new IllegalArgumentException("the v2 endpoints serve a v2 fake, not a " + fake.profile() + " one");
        }
        if (fake.clock() != v1.clock()) {
            throw new IllegalArgumentException("the v1 and v2 fakes must share one clock");
        }
        this.v2 = fake;
        return this;
    }

    /** POST signed v2 callbacks to {@code url}, signed HS256 with {@code secret} (facts §2.8-2.9). */
    public EmulatorSettings callbacks(URI url, String secret) {
        Objects.requireNonNull(url, "callback url");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("a callback url is an absolute http or https URL");
        }
        if (isDenied(url.getHost())) {
            throw new IllegalArgumentException("a callback url may not point at a link-local, multicast or"
                    + " unspecified address");
        }
        if (secret == null || secret.length() < 4) {
            throw new IllegalArgumentException("a signature secret has at least 4 characters (32 bits, facts §2.9)");
        }
        this.callbackUrl = Optional.of(url);
        this.signatureSecret = Optional.of(secret);
        return this;
    }

    /**
     * The deny list of callback targets: addresses no receiver of a test listens on, such as a cloud's metadata
     * service (169.254.169.254). Only literal addresses are checked; names are not resolved here.
     */
    private static boolean isDenied(String host) {
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!literal.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            return false;
        }
        try {
            java.net.InetAddress address = java.net.InetAddress.getByName(literal);
            return address.isLinkLocalAddress() || address.isMulticastAddress() || address.isAnyLocalAddress();
        } catch (java.net.UnknownHostException e) {
            return true;
        }
    }

    /** With it, a v2 Bearer token must carry a valid RS256 signature by this application key. */
    public EmulatorSettings applicationPublicKey(RSAPublicKey key) {
        this.applicationKey = Optional.of(Objects.requireNonNull(key, "application public key"));
        return this;
    }

    /** How callbacks are retried; {@link CallbackRetry#DEFAULT} unless a test needs it faster. */
    public EmulatorSettings callbackRetry(CallbackRetry newRetry) {
        this.retry = Objects.requireNonNull(newRetry, "retry");
        return this;
    }

    /** Starts the emulator; it answers when this returns. */
    public VerifyEmulator start() {
        if (apiKey == null) {
            throw new IllegalStateException("set the credentials first");
        }
        if (v2 == null) {
            v2 = FakeVerificationGateway.builder(FakeProfile.V2).clock(v1.clock())
                    .whatsAppSender(WHATSAPP_SENDER).build();
        }
        return VerifyEmulator.start(this);
    }
}
