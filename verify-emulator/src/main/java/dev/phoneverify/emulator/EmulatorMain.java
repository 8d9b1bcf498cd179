package dev.phoneverify.emulator;

import dev.phoneverify.adapter.fake.FakeClock;
import dev.phoneverify.adapter.fake.FakeGatewayBuilder;
import dev.phoneverify.adapter.fake.FakeProfile;
import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CountDownLatch;

/**
 * The runnable jar: {@code java -jar verify-emulator.jar --port P --api-key K --api-secret S [--callback-url URL
 * --signature-secret SECRET] [--application-public-key FILE]}. Prints one line saying where it listens and answers
 * until the process is stopped. A bad option prints what is wrong and the usage, and exits with status 2.
 */
public final class EmulatorMain {
    static final int BAD_USAGE = 2;

    static final String USAGE = String.join("\n",
            "usage: java -jar verify-emulator.jar --api-key KEY --api-secret SECRET [options]",
            "",
            "Vonage Verify v1 and v2 on one port, over an in-memory simulator. Time moves only through",
            "POST /_emulator/clock?advanceSeconds=S; codes are read with GET /_emulator/outbox?to=N (a number",
            "or an email address). v2 custom codes may hold letters; a check must give them in the same case.",
            "",
            "options:",
            "  --port P                       port to listen on (default 8089; 0 picks a free port)",
            "  --host H                       address to listen on (default 127.0.0.1)",
            "  --api-key KEY                  the api key v1 and v2 accept (required)",
            "  --api-secret SECRET            the api secret v1 and v2 accept (required)",
            "  --callback-url URL             POST signed v2 callbacks (event, summary) to URL",
            "  --signature-secret SECRET      HS256 secret that signs callbacks (required with --callback-url)",
            "  --application-public-key FILE  PEM RSA public key; v2 Bearer tokens must be signed by it",
            "                                 (without it any well-formed unexpired RS256 token naming an",
            "                                 application_id is accepted)",
            "  --workflow N                   v1 default workflow_id, 1-7 (default 1)",
            "  --code-seed N                  codes from a seeded generator, the same on every run",
            "  --v2-cancel-rule               v2 cancel only from 30 s and before the second step (else 409)",
            "  --v2-accept-earlier-codes      v2 accepts the code of an earlier step too (default: latest only)",
            "  --v2-busy-after-cancel S       v2 starts to a cancelled request's to still get 409 for S seconds",
            "                                 (0-3600, default 0), as the real service did for about 12 s",
            "  --help                         print this and exit");

    private EmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmulatorOptions options;
        try {
            options = EmulatorOptions.parse(args);
        } catch (IllegalArgumentException e) {
            exitWithUsage(e.getMessage());
            return;
        }
        if (options.help()) {
            out().println(USAGE);
            return;
        }
        VerifyEmulator emulator;
        try {
            emulator = start(options);
        } catch (IllegalArgumentException | IllegalStateException e) {
            exitWithUsage(e.getMessage());
            return;
        } catch (IOException e) {
            exitWithUsage("cannot read the application public key: " + e.getMessage());
            return;
        }
        warmUp(emulator);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "verify-emulator-shutdown"));
        out().println("Vonage Verify emulator (v1 and v2) listening on " + emulator.baseUri()
                + options.callbackUrl().map(url -> ", callbacks to " + url).orElse("") + " (Ctrl-C stops it)");
        stopped.await();
    }

    static VerifyEmulator start(EmulatorOptions options) throws IOException {
        // A fixed clock from now: time moves only when a test says so, and timestamps still look current.
        FakeClock clock = FakeClock.startingAt(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        FakeGatewayBuilder v1 = FakeVerificationGateway.builder().clock(clock).workflow(options.workflow());
        FakeGatewayBuilder v2 = FakeVerificationGateway.builder(FakeProfile.V2).clock(clock)
                .whatsAppSender(EmulatorSettings.WHATSAPP_SENDER);
        options.codeSeed().ifPresent(seed -> {
            v1.codeSeed(seed);
            v2.codeSeed(seed + 1);
        });
        if (options.v2CancelRule()) {
            v2.cancelOnlyFromThirtySeconds();
        }
        if (options.v2AcceptEarlierCodes()) {
            v2.acceptEarlierCodes();
        }
        v2.busyAfterCancel(Duration.ofSeconds(options.v2BusyAfterCancelSeconds()));
        EmulatorSettings settings = VerifyEmulator.builder(v1.build()).v2(v2.build())
                .bind(new InetSocketAddress(options.host(), options.port()))
                .credentials(options.apiKey(), options.apiSecret());
        if (options.callbackUrl().isPresent()) {
            settings.callbacks(URI.create(options.callbackUrl().get()), options.signatureSecret().orElseThrow());
        }
        if (options.applicationPublicKey().isPresent()) {
            settings.applicationPublicKey(ApplicationKeys.read(Path.of(options.applicationPublicKey().get())));
        }
        return settings.start();
    }

    /**
     * Reads the outbox once over loopback before saying where it listens: the first request a JVM serves loads and
     * links a few hundred classes (about 0.3 s here), which is better spent before the line than on a user's call.
     */
    private static void warmUp(VerifyEmulator emulator) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), emulator.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("GET /_emulator/outbox HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getInputStream().readAllBytes();
        } catch (IOException e) {
            // Bound to another address than loopback, or slow: the first real call warms it up instead.
            System.getLogger(EmulatorMain.class.getName()).log(System.Logger.Level.DEBUG, "no warm-up call");
        }
    }

    private static void exitWithUsage(String problem) {
        PrintStream err = System.err;
        err.println("verify-emulator: " + problem);
        err.println(USAGE);
        System.exit(BAD_USAGE);
    }

    // The one place this module writes to standard output: the operator needs to see where it listens.
    private static PrintStream out() {
        return System.out;
    }
}
