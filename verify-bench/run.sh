#!/usr/bin/env bash
# Builds verify-bench and runs every measurement of issue 6 in one go: the JMH benchmarks (throughput and
# allocation, 1 and 2 threads), the memory footprint, and the load test of the app's JSON API, then prints the
# Performance table. Results land in verify-bench/results/.
#
#   verify-bench/run.sh            full run: the iterations set on each benchmark (about 10 minutes)
#   verify-bench/run.sh --quick    few iterations (under 5 minutes), for a first look or a noisy machine
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
  in_memory=(-f 1 -wi 3 -i 3 -w 1s -r 2s)
  # The SDK's stack (Apache HttpClient, Jackson) needs longer to warm up than the in-memory paths.
  over_http=(-f 1 -wi 4 -i 3 -w 2s -r 2s)
  load=(20000 5)
  pairs=6
else
  in_memory=()
  over_http=()
  load=(60000 20)
  pairs=20
fi

# Each ratio's two sides run in the same JMH invocation, one after the other, on the same machine state.
java -jar "$jar" 'FloorBenchmark|FakeBenchmark' ${in_memory[@]+"${in_memory[@]}"} -prof gc -rf json -rff "$out/in-memory.json"
java -jar "$jar" 'VonageBenchmark' ${over_http[@]+"${over_http[@]}"} -prof gc -rf json -rff "$out/over-http.json"
# Over HTTP the machine's load swings back-to-back results more than the difference measured: paired rounds too.
java -cp "$jar" dev.phoneverify.bench.VonageAlternating "$pairs" | tee "$out/vonage-alternating.txt"
java -Xmx4g -cp "$jar" dev.phoneverify.bench.MemoryFootprint | tee "$out/memory.txt"
# AppLoad exits non-zero when a verification failed; the table is still worth printing, so go on.
java -Dorg.slf4j.simpleLogger.logFile="$out/app-load-app.log" -cp "$jar" dev.phoneverify.bench.AppLoad "${load[@]}" \
  | tee "$out/app-load.txt" || echo "app load: some verifications failed, see above"
java -cp "$jar" dev.phoneverify.bench.PerformanceReport "$out/in-memory.json" "$out/over-http.json" \
  | tee "$out/table.md"
