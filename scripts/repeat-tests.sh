#!/usr/bin/env bash
# Runs the tests N times in a row and counts the runs that failed, so a flaky test shows as a count, not a hunch.
#
#   scripts/repeat-tests.sh N                         the whole suite (mvn -B -o verify), N times
#   scripts/repeat-tests.sh N FormFlowBrowserTest     one test class (or any -Dtest selector) in verify-app
#   scripts/repeat-tests.sh N 'Foo*Test' verify-store-jdbc    a selector in another module
#   scripts/repeat-tests.sh N '*OnPostgresTest' verify-app postgres-tests   through another surefire execution
#
# A selector runs in one surefire execution (default-test unless named), once per run: with `verify`, -Dtest would
# override the includes of every execution of the module, and verify-app's three would each run the class again.
# Offline (-o): the first build must have fetched the dependencies. Each run's output is kept under
# target/repeat-tests/run-<i>.log; the last line says how many of the N runs failed. Exits non-zero if any did.
set -uo pipefail
cd "$(dirname "$0")/.."

runs="${1:?usage: scripts/repeat-tests.sh N [test selector [module [surefire execution]]]}"
selector="${2:-}"
module="${3:-verify-app}"
execution="${4:-default-test}"
logs=target/repeat-tests
mkdir -p "$logs"

if [[ -n "$selector" ]]; then
  command=(mvn -B -o -pl "$module" -am test-compile "surefire:test@$execution" "-Dtest=$selector"
    -Dsurefire.failIfNoSpecifiedTests=false)
  # Build once, so each run only runs the tests.
  mvn -B -o -q -pl "$module" -am test-compile -DskipTests >"$logs/build.log" 2>&1 || { echo "build failed, see $logs/build.log"; exit 2; }
else
  command=(mvn -B -o verify)
fi

failed=0
for ((i = 1; i <= runs; i++)); do
  started=$(date +%s)
  if "${command[@]}" >"$logs/run-$i.log" 2>&1; then
    result=passed
  else
    result=FAILED
    failed=$((failed + 1))
  fi
  tests=$(grep -E '^\[(INFO|WARNING|ERROR)\] Tests run:' "$logs/run-$i.log" | grep -v ' -- in ' | tail -n +1 \
    | awk -F'[:,]' '{ run += $2; fail += $4; err += $6 } END { printf "%d tests, %d failures, %d errors", run, fail, err }')
  echo "run $i/$runs: $result ($tests, $(( $(date +%s) - started )) s)"
done
echo "$((runs - failed)) passed, $failed failed"
[[ $failed -eq 0 ]]
