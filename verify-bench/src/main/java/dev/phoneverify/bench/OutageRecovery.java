package dev.phoneverify.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phoneverify.app.AppConfig;
import dev.phoneverify.app.RunningApp;
import dev.phoneverify.app.VerifyApp;
import dev.phoneverify.core.domain.AbuseControlPolicy;
import dev.phoneverify.store.jdbc.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Measures how long each of two app instances on one PostgreSQL needs to answer again after the database comes
 * back: {@code rounds} outages, alternately a clean stop and {@code kill -9} of every server process, each followed
 * by a restart on the same port and files. Instance A is asked during each outage; instance B is not. The recovery
 * time of an instance is from the moment the restarted server accepts connections to its first 200; a first
 * answer that is not 200 is counted and the instance is asked again until it is.
 *
 * <p>Run (as a user PostgreSQL accepts; as root, in a user namespace):
 * {@code unshare --user --map-user=1000 --map-group=1000 java -cp verify-bench/target/benchmarks.jar
 * dev.phoneverify.bench.OutageRecovery [rounds]}; 20 rounds by default.
 */
public final class OutageRecovery {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration GIVE_UP = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    private OutageRecovery(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** One instance's first request after a restart. */
    private record Recovery(long millis, boolean firstSucceeded) {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        OutageRecovery run = new OutageRecovery(Files.createTempDirectory("phone-verify-outage"), freePort());
        run.start();
        AppConfig config = AppConfig.fake(0).withAbuseControls(AbuseControlPolicy.none())
                .withPostgres(DatabaseSettings.of("jdbc:postgresql://127.0.0.1:" + run.port + "/postgres",
                        "postgres", ""));
        List<Recovery> onA = new ArrayList<>();
        List<Recovery> onB = new ArrayList<>();
        long slowestOutageAnswer = 0;
        try (RunningApp a = VerifyApp.start(config); RunningApp b = VerifyApp.start(config)) {
            String id = run.startedOn(a);
            for (int round = 0; round < rounds; round++) {
                run.read(b, id, 200);
                if (round % 2 == 0) {
                    run.stop();
                } else {
                    run.kill();
                }
                for (int i = 0; i < 3; i++) {
                    long started = System.nanoTime();
                    run.read(a, id, 503);
                    slowestOutageAnswer = Math.max(slowestOutageAnswer, elapsedMillis(started));
                }
                run.start();
                long back = System.nanoTime();
                CompletableFuture<Recovery> recoveryA = CompletableFuture.supplyAsync(() -> run.recovery(a, id, back));
                CompletableFuture<Recovery> recoveryB = CompletableFuture.supplyAsync(() -> run.recovery(b, id, back));
                onA.add(recoveryA.join());
                onB.add(recoveryB.join());
                System.out.printf("round %2d (%s): A %s, B %s%n", round + 1, round % 2 == 0 ? "stop" : "kill -9",
                        onA.get(round), onB.get(round));
            }
        } finally {
            run.stop();
        }
        System.out.println();
        System.out.println("| instance | outages | first request failed | recovery min | median | max |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        System.out.println(row("A (asked during the outage)", onA));
        System.out.println(row("B (no request during the outage)", onB));
        System.out.println();
        System.out.println("slowest answer during an outage: " + slowestOutageAnswer + " ms");
    }

    private static String row(String name, List<Recovery> recoveries) {
        List<Long> millis = recoveries.stream().map(Recovery::millis).sorted().collect(Collectors.toList());
        long failed = recoveries.stream().filter(r -> !r.firstSucceeded()).count();
        long median = millis.size() % 2 == 1 ? millis.get(millis.size() / 2)
                : (millis.get(millis.size() / 2 - 1) + millis.get(millis.size() / 2)) / 2;
        return "| " + name + " | " + millis.size() + " | " + failed + " | " + Collections.min(millis) + " ms | "
                + median + " ms | " + Collections.max(millis) + " ms |";
    }

    private Recovery recovery(RunningApp app, String id, long back) {
        boolean first = true;
        boolean firstSucceeded = false;
        while (elapsedMillis(back) < GIVE_UP.toMillis()) {
            int status = status(app, "/api/verifications/" + id);
            if (status == 200) {
                return new Recovery(elapsedMillis(back), first || firstSucceeded);
            }
            first = false;
        }
        throw new IllegalStateException("no 200 within " + GIVE_UP + " of the restart");
    }

    private String startedOn(RunningApp app) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(app, "/api/verifications"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"number\":\"+447700900999\"}")).build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("start answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body()).get("id").asText();
    }

    private void read(RunningApp app, String id, int expected) {
        int status = status(app, "/api/verifications/" + id);
        if (status != expected) {
            throw new IllegalStateException("expected " + expected + ", got " + status);
        }
    }

    private int status(RunningApp app, String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri(app, path)).timeout(Duration.ofSeconds(20)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI uri(RunningApp app, String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }

    private void start() throws IOException {
        server = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                .setPort(port).setServerConfig("synchronous_commit", "on").start();
    }

    private void stop() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** SIGKILL to the postmaster and every backend, as a crash; returns once all have gone. */
    private void kill() throws Exception {
        long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> processes = new ArrayList<>(postmaster.descendants().collect(Collectors.toList()));
        processes.add(postmaster);
        processes.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : processes) {
            process.onExit().get(30, TimeUnit.SECONDS);
        }
        stop();
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
