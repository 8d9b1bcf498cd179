package dev.phoneverify.emulator;

import dev.phoneverify.adapter.fake.FakeClock;
import dev.phoneverify.adapter.fake.FakeGatewayBuilder;
import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Starts a {@link VerifyEmulator} from the command line and keeps it answering until the process is stopped:
 *
 * <pre>
 * mvn -q -pl verify-emulator exec:java \
 *   -Dexec.mainClass=dev.phoneverify.emulator.VerifyEmulatorMain \
 *   -Dexec.args="--port 8089 --api-key key --api-secret secret"
 * </pre>
 *
 * <p>Options: {@code --port} (default 8089, 0 for any free port), {@code --host} (default 127.0.0.1),
 * {@code --api-key} and {@code --api-secret} (required), {@code --workflow} (1-7, default 1), {@code --code-seed}
 * (deterministic codes). The clock follows system time; {@code POST /_emulator/clock} moves it further.
 */
public final class VerifyEmulatorMain {
    private static final String USAGE = "usage: VerifyEmulatorMain --api-key KEY --api-secret SECRET"
            + " [--port 8089] [--host 127.0.0.1] [--workflow 1-7] [--code-seed N]";

    private VerifyEmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            exitWithUsage(e.getMessage());
            return;
        }
        VerifyEmulator emulator;
        try {
            FakeGatewayBuilder builder = FakeVerificationGateway.builder()
                    .clock(FakeClock.followingSystemTime())
                    .workflow(Integer.parseInt(options.getOrDefault("--workflow", "1")));
            if (options.containsKey("--code-seed")) {
                builder.codeSeed(Long.parseLong(options.get("--code-seed")));
            }
            int port = Integer.parseInt(options.getOrDefault("--port", "8089"));
            String host = options.getOrDefault("--host", "127.0.0.1");
            emulator = VerifyEmulator.start(builder.build(), new InetSocketAddress(host, port),
                    options.get("--api-key"), options.get("--api-secret"));
        } catch (IllegalArgumentException e) {
            exitWithUsage(e.getMessage());
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "verify-emulator-shutdown"));
        out().println("Vonage Verify v1 emulator answering at " + emulator.baseUri() + " (Ctrl-C stops it)");
        stopped.await();
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, got " + name);
            }
            options.put(name, args[++i]);
        }
        if (!options.containsKey("--api-key") || !options.containsKey("--api-secret")) {
            throw new IllegalArgumentException("--api-key and --api-secret are required");
        }
        return options;
    }

    private static void exitWithUsage(String problem) {
        PrintStream err = System.err;
        err.println(problem);
        err.println(USAGE);
        System.exit(2);
    }

    // The one place this module writes to standard output: the operator needs to see where it listens.
    private static PrintStream out() {
        return System.out;
    }
}
