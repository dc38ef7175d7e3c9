#!/usr/bin/env bash
# Mutua benchmark: start-up time, memory after start-up, and page/API latency on the sample data.
# Usage: bench/run.sh            (builds the jar first; needs curl and bc)
# Writes a summary to stdout and to bench/results/latest.txt. Nothing here runs in the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

requests=${BENCH_REQUESTS:-50}
. bench/lib.sh

start_mutua
started=$(grep -o 'Started MutuaApplication in [0-9.]* seconds' "$log" | grep -o '[0-9.]*' | head -n 1)
rss_java=$(java_rss_mib)
# PostgreSQL's processes share their buffers, so they are summed by proportional set size (PSS), not RSS.
postmaster=$(head -n 1 "$work/postgres/postmaster.pid")
pss_pg=0
for p in $(ps -eo pid=,ppid= | awk -v p="$postmaster" '$1 == p || $2 == p {print $1}'); do
    pss_pg=$((pss_pg + $(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)))
done

sign_in_with_sample_data
deal=$(curl -s -b "$cookies" "$base/deals" | grep -o '/deals/[0-9a-f-]\{36\}' | head -n 1)
planned=$(planned_deal)

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
    echo "memory after start-up       java RSS ${rss_java} MiB, embedded PostgreSQL PSS $((pss_pg / 1024)) MiB"
    echo "latency ($requests requests each, sample data: ~30 deals)"
    measure "GET /deals (page)" -b "$cookies" "$base/deals"
    measure "GET /deals (htmx fragment)" -b "$cookies" -H "HX-Request: true" "$base/deals?q=a"
    measure "GET /deals/{id}" -b "$cookies" "$base$deal"
    measure "GET /api/v1/deals" -H "Authorization: Bearer $api_token" "$base/api/v1/deals"
    measure "GET /deals/{id}/plan (page)" -b "$cookies" "$base$planned/plan"
    measure "GET /api/v1/deals/{id}/plan" -H "Authorization: Bearer $api_token" "$base/api/v1$planned/plan"
    echo "RSS after the requests      java $(java_rss_mib) MiB"
} | tee bench/results/latest.txt
