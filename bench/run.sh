#!/usr/bin/env bash
# Mutua benchmark: start-up time, memory after start-up, and page/API latency on the sample data.
# Usage: bench/run.sh            (builds the jar first; needs curl and bc)
# Writes a summary to stdout and to bench/results/latest.txt. Nothing here runs in the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

port=${BENCH_PORT:-18080}
requests=${BENCH_REQUESTS:-50}
email=bench@example.org
password="bench password 1"

./mvnw -q -B -DskipTests package
jar=$(ls target/mutua-*.jar | grep -v plain | head -n 1)

work=$(mktemp -d)
log="$work/mutua.log"
cleanup() {
    [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

start=$(date +%s.%N)
java ${BENCH_JAVA_OPTS:-} -jar "$jar" --server.port="$port" \
    --mutua.embedded-postgres.data-dir="$work/postgres" --mutua.embedded-postgres.port=0 \
    --mutua.embedded-mail.port=0 > "$log" 2>&1 &
pid=$!
until curl -sf "http://localhost:$port/actuator/health" > /dev/null; do
    kill -0 "$pid" 2>/dev/null || { cat "$log"; echo "Mutua did not start"; exit 1; }
    sleep 0.2
done
ready=$(date +%s.%N)
started=$(grep -o 'Started MutuaApplication in [0-9.]* seconds' "$log" | grep -o '[0-9.]*' | head -n 1)
rss_java=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
# PostgreSQL's processes share their buffers, so they are summed by proportional set size (PSS), not RSS.
postmaster=$(head -n 1 "$work/postgres/postmaster.pid")
pss_pg=0
for p in $(ps -eo pid=,ppid= | awk -v p="$postmaster" '$1 == p || $2 == p {print $1}'); do
    pss_pg=$((pss_pg + $(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)))
done

# First run: the setup page creates the admin and the sample data, as a visitor would.
jar_cookies="$work/cookies"
csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }
token=$(curl -s -c "$jar_cookies" -b "$jar_cookies" "http://localhost:$port/setup" | csrf)
curl -s -o /dev/null -c "$jar_cookies" -b "$jar_cookies" "http://localhost:$port/setup" \
    --data-urlencode "_csrf=$token" --data-urlencode "name=Bench Admin" --data-urlencode "email=$email" \
    --data-urlencode "password=$password" --data-urlencode "passwordConfirmation=$password" \
    -d "sampleData=true&_sampleData=on"
token=$(curl -s -c "$jar_cookies" -b "$jar_cookies" "http://localhost:$port/login" | csrf)
curl -s -o /dev/null -c "$jar_cookies" -b "$jar_cookies" "http://localhost:$port/login" \
    --data-urlencode "_csrf=$token" --data-urlencode "email=$email" --data-urlencode "password=$password"
api_token=$(curl -s -u "$email:$password" -X POST "http://localhost:$port/api/v1/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')
deal=$(curl -s -b "$jar_cookies" "http://localhost:$port/deals" | grep -o '/deals/[0-9a-f-]\{36\}' | head -n 1)
planned=$(curl -s -b "$jar_cookies" "http://localhost:$port/deals?stage=negotiation" | grep -o '/deals/[0-9a-f-]\{36\}' | head -n 1)

# Latency in milliseconds: median and 95th percentile over $requests requests after 10 warm-up requests.
measure() {
    local name=$1; shift
    local status
    status=$(curl -s -o /dev/null -w '%{http_code}' "$@")
    [ "$status" = 200 ] || { echo "  $name answered $status, not 200" >&2; exit 1; }
    for _ in $(seq 10); do curl -s -o /dev/null "$@"; done
    for _ in $(seq "$requests"); do curl -s -o /dev/null -w '%{time_total}\n' "$@"; done \
        | sort -n | awk -v name="$name" '{t[NR] = $1 * 1000} END {
            printf "  %-28s median %6.1f ms   p95 %6.1f ms\n", name, t[int(NR * 0.5 + 0.5)], t[int(NR * 0.95 + 0.5)] }'
}

{
    echo "Mutua benchmark — $(date -u +%Y-%m-%dT%H:%MZ) — $(nproc) cores, $(java -version 2>&1 | head -n 1)"
    echo "start-up (Spring)           ${started} s"
    printf 'start-up (until healthy)    %.1f s  (includes starting the embedded PostgreSQL)\n' "$(echo "$ready - $start" | bc)"
    echo "memory after start-up       java RSS $((rss_java / 1024)) MiB, embedded PostgreSQL PSS $((pss_pg / 1024)) MiB"
    echo "latency ($requests requests each, sample data: ~30 deals)"
    measure "GET /deals (page)" -b "$jar_cookies" "http://localhost:$port/deals"
    measure "GET /deals (htmx fragment)" -b "$jar_cookies" -H "HX-Request: true" "http://localhost:$port/deals?q=a"
    measure "GET /deals/{id}" -b "$jar_cookies" "http://localhost:$port$deal"
    measure "GET /api/v1/deals" -H "Authorization: Bearer $api_token" "http://localhost:$port/api/v1/deals"
    measure "GET /deals/{id}/plan (page)" -b "$jar_cookies" "http://localhost:$port$planned/plan"
    measure "GET /api/v1/deals/{id}/plan" -H "Authorization: Bearer $api_token" "http://localhost:$port/api/v1$planned/plan"
    echo "RSS after the requests      java $(( $(awk '/VmRSS/ {print $2}' "/proc/$pid/status") / 1024 )) MiB"
} | tee bench/results/latest.txt
