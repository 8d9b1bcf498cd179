#!/usr/bin/env bash
# Builds verify-bench and runs the measurements users read (issue 16), then prints them. Results land in
# verify-bench/results/, with the machine's description and its load before and after the run:
#   database-load.txt       the app's JSON API on memory and on PostgreSQL (default abuse controls), complete
#                           verifications at a fixed rate and saturated, p50/p99/p99.9 (HdrHistogram), next to
#                           pgbench simple-update on the same server in the same run
#   vonage-alternating.txt  the Vonage adapter against the raw SDK on the same emulator, paired rounds
#   emulator.txt            the emulator's verifications/s over HTTP on 1 and 8 client threads
#   webhook-intake.txt      signed v2 callbacks verified and applied per second in process, 1 and 2 threads, p50/p99
#   machine.txt             cores, memory, CPU, Java, PostgreSQL, load average
# The full run adds the JMH Vonage benchmark (throughput, allocation) and the memory footprint.
#
#   verify-bench/run.sh            full run (about 15 minutes)
#   verify-bench/run.sh --quick    shorter phases, every figure above (about 6 minutes)
set -euo pipefail
cd "$(dirname "$0")/.."

quick=false
if [[ "${1:-}" == "--quick" ]]; then
  quick=true
fi

mvn -B -q -pl verify-bench -am package -DskipTests
jar=verify-bench/target/benchmarks.jar
out=verify-bench/results
mkdir -p "$out"

if $quick; then
  database=(10 100 4)   # seconds per phase, fixed rate, saturating clients
  pairs=(20 500)        # paired rounds, milliseconds per round
  emulator=5
  callbacks=5000        # per phase; the program checks every answer and flow
else
  database=(30 100 4)
  pairs=(40 1000)
  emulator=15
  callbacks=50000
fi

{
  echo "date: $(date -u +%FT%TZ)"
  echo "cores: $(nproc)"
  echo "memory: $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo)"
  echo "cpu: $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "pgbench: $(pgbench --version)"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$out/machine.txt"

# The app and pgbench on one embedded PostgreSQL, in one run, so their ratio compares the same machine state.
java -cp "$jar" dev.phoneverify.bench.DatabaseLoad "${database[@]}" 2>/dev/null | tee "$out/database-load.txt"
# Over HTTP the machine's load swings back-to-back results more than the difference measured: paired rounds.
java -cp "$jar" dev.phoneverify.bench.VonageAlternating "${pairs[@]}" | tee "$out/vonage-alternating.txt"
java -cp "$jar" dev.phoneverify.bench.EmulatorLoad "$emulator" | tee "$out/emulator.txt"
java -cp "$jar" dev.phoneverify.bench.WebhookIntakeLoad "$callbacks" | tee "$out/webhook-intake.txt"

if ! $quick; then
  java -jar "$jar" 'VonageBenchmark' -prof gc -rf json -rff "$out/over-http.json"
  java -cp "$jar" dev.phoneverify.bench.PerformanceReport "$out/over-http.json" | tee "$out/jmh.md"
  java -Xmx4g -cp "$jar" dev.phoneverify.bench.MemoryFootprint | tee "$out/memory.txt"
fi

echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.txt"
echo
cat "$out/machine.txt"
echo
grep -hE '^(memory|postgresql):|^pgbench|^postgresql saturated|^p99|^warning' "$out/database-load.txt"
grep -h 'median ratio' "$out/vonage-alternating.txt"
cat "$out/emulator.txt"
cat "$out/webhook-intake.txt"
