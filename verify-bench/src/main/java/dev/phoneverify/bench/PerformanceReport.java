package dev.phoneverify.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns JMH's JSON results into a table: every benchmark's throughput and allocation, and the Vonage adapter's
 * ratio to the raw SDK next to its target (back to back; {@link VonageAlternating}'s paired rounds decide). Ratios are only formed between results of the same run.
 *
 * <p>Run: {@code java -cp verify-bench/target/benchmarks.jar dev.phoneverify.bench.PerformanceReport result.json...}
 */
public final class PerformanceReport {
    private final Map<String, Result> results = new LinkedHashMap<>();

    private record Result(double opsPerSecond, double error, double bytesPerOp) {
    }

    private PerformanceReport() {
    }

    public static void main(String[] args) {
        PerformanceReport report = new PerformanceReport();
        for (String file : args) {
            report.read(Path.of(file));
        }
        report.print();
    }

    private void read(Path file) {
        try {
            for (JsonNode run : new ObjectMapper().readTree(file.toFile())) {
                String name = run.get("benchmark").asText();
                JsonNode primary = run.get("primaryMetric");
                JsonNode norm = run.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score");
                results.put(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1),
                        new Result(primary.get("score").asDouble(), primary.get("scoreError").asDouble(),
                                norm.isMissingNode() ? Double.NaN : norm.asDouble()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read JMH results from " + file, e);
        }
    }

    private void print() {
        System.out.println("| benchmark | verifications/s | ± (99.9%) | time per verification | allocated per verification |");
        System.out.println("|---|---:|---:|---:|---:|");
        results.forEach((name, r) -> System.out.printf(Locale.ROOT, "| %s | %,.0f | %,.0f | %s | %s |%n", name,
                r.opsPerSecond, r.error, time(1e9 / r.opsPerSecond),
                Double.isNaN(r.bytesPerOp) ? "-" : String.format(Locale.ROOT, "%,.0f B", r.bytesPerOp)));
        System.out.println();
        System.out.println("| ratio | threads | measured | target | met |");
        System.out.println("|---|---:|---:|---|---|");
        for (String threads : new String[] {"OneThread", "TwoThreads"}) {
            int count = threads.equals("OneThread") ? 1 : 2;
            // The fake and floor targets of the first round are retired: users pick a library by what they feel.
            ratio("core + Vonage adapter / raw SDK, verifications per second", count,
                    "VonageBenchmark.rawSdk" + threads, "VonageBenchmark.coreAndVonage" + threads, 0.95, false);
        }
    }

    /** Prints {@code measured} against {@code base}: as a time ratio (at most the target) or a rate ratio. */
    private void ratio(String what, int threads, String base, String measured, double target, boolean timeRatio) {
        Result b = results.get(base);
        Result m = results.get(measured);
        if (b == null || m == null) {
            return;
        }
        double value = timeRatio ? b.opsPerSecond / m.opsPerSecond : m.opsPerSecond / b.opsPerSecond;
        boolean met = timeRatio ? value <= target : value >= target;
        System.out.printf(Locale.ROOT, "| %s | %d | %.2fx | %s %.2fx | %s |%n", what, threads, value,
                timeRatio ? "≤" : "≥", target, met ? "yes" : "no");
    }

    private static String time(double nanos) {
        return nanos >= 10_000 ? String.format(Locale.ROOT, "%,.0f µs", nanos / 1000)
                : String.format(Locale.ROOT, "%,.0f ns", nanos);
    }
}
