package dev.phoneverify.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vonage's official Node clients against the emulator: {@code @vonage/server-sdk} for v1 (start, search, next step,
 * check, cancel, PSD2) and {@code @vonage/verify2} for v2 with its own JWT auth (start, next step, check, cancel).
 * The clients are pinned in {@code src/test/node/package-lock.json}; {@code npm ci} installs them.
 */
class NodeClientsAgainstEmulatorTest {
    private static final String INSTALL = "npm ci --prefix verify-emulator/src/test/node";

    @Test
    @DisplayName("the official Node clients run their v1 and v2 calls against the emulator")
    void nodeClients(@TempDir Path keys) throws Exception {
        Path project = nodeProject();
        assertThat(project.resolve("node_modules/@vonage/server-sdk")).as("the Node clients are not installed: run "
                + INSTALL).isDirectory();
        assertThat(project.resolve("node_modules/@vonage/verify2")).as("run " + INSTALL).isDirectory();

        // The application key pair is made for this run only; no private key is ever committed.
        KeyPair application = V2Client.rsaKeys();
        Path privateKey = keys.resolve("application.key");
        Files.writeString(privateKey, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64,
                "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(application.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n", StandardCharsets.US_ASCII);

        try (CallbackReceiver receiver = new CallbackReceiver();
             VerifyEmulator emulator = VerifyEmulator.builder(FakeVerificationGateway.create())
                     .credentials(V2Client.KEY, V2Client.SECRET)
                     .applicationPublicKey((RSAPublicKey) application.getPublic())
                     .callbacks(receiver.url(), "node-test-signature-secret").start()) {
            ProcessBuilder node = new ProcessBuilder("node", "clients.js").directory(project.toFile())
                    .redirectErrorStream(true);
            Map<String, String> environment = node.environment();
            environment.put("EMULATOR_URL", emulator.baseUri().toString());
            environment.put("API_KEY", V2Client.KEY);
            environment.put("API_SECRET", V2Client.SECRET);
            environment.put("APPLICATION_ID", UUID.randomUUID().toString());
            environment.put("PRIVATE_KEY_FILE", privateKey.toString());
            Process process = startNode(node);
            // Bounded: the script makes a few dozen loopback calls.
            boolean finished = process.waitFor(120, TimeUnit.SECONDS);
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!finished) {
                process.destroyForcibly();
            }
            assertThat(finished).as("node finished within 2 minutes:\n" + output).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).contains("11 passed, 0 failed");
            assertThat(V2Client.JSON.readTree(receiver.next(5).body()).get("type").asText())
                    .as("a JWT-authenticated v2 request gets callbacks").isIn("event", "summary");
        }
    }

    private static Process startNode(ProcessBuilder node) {
        try {
            return node.start();
        } catch (IOException e) {
            throw new AssertionError("cannot run node (Node.js 20 or later is needed on the PATH)", e);
        }
    }

    /** The Node project, whether the test runs from the module (Maven) or from the repository root. */
    private static Path nodeProject() {
        for (Path candidate : new Path[] {Path.of("src/test/node"), Path.of("verify-emulator/src/test/node")}) {
            if (Files.isRegularFile(candidate.resolve("package-lock.json"))) {
                return candidate.toAbsolutePath();
            }
        }
        throw new AssertionError("src/test/node/package-lock.json not found from " + Path.of("").toAbsolutePath());
    }
}
