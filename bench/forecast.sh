#!/usr/bin/env bash
# Forecast benchmark: the forecast computation and the forecast page and API over 100,000 deals, 20,000 of them open
# with a plan. Starts Mutua like the other scripts (bench/lib.sh), seeds the data with set-based SQL
# (bench/ForecastSeed.java, straight into the embedded PostgreSQL) without any forecast, restarts Mutua on the same
# data and times its start-up computation of every open deal's forecast (the same run as the daily one), then times
# 50 requests (after 10 warm-up requests) each to the page as the admin, the htmx fragment with an owner filter, the
# page as the sample team's manager, and the API as the admin and as the manager.
# Usage: bench/forecast.sh       (BENCH_DEALS=100000 BENCH_OPEN=20000 BENCH_REQUESTS=50 to vary; needs curl and bc)
# Writes bench/results/forecast.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

requests=${BENCH_REQUESTS:-50}
deals=${BENCH_DEALS:-100000}
open=${BENCH_OPEN:-20000}
. bench/lib.sh

start_mutua
sign_in_with_sample_data
driver=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -n 1)
jdbc() { grep -o 'jdbc:postgresql://[^ ]*' "$log" | head -n 1; }

measure() {
    local name=$1; shift
    local status
    status=$(curl -s -o /dev/null -w '%{http_code}' "$@")
    [ "$status" = 200 ] || { echo "  $name answered $status, not 200" >&2; exit 1; }
    for _ in $(seq 10); do curl -s -o /dev/null "$@"; done
    for _ in $(seq "$requests"); do curl -s -o /dev/null -w '%{time_total} %{size_download}\n' "$@"; done \
        | sort -n | awk -v name="$name" '{t[NR] = $1 * 1000; size = $2} END {
            printf "  %-40s median %7.1f ms   p95 %7.1f ms   %5.0f KiB\n", name, t[int(NR * 0.5 + 0.5)],
                t[int(NR * 0.95 + 0.5)], size / 1024 }'
}

# A group, not a pipeline: Mutua is restarted in here, and the exit trap must stop the running one.
{
    echo "Mutua forecast benchmark — $(date -u +%Y-%m-%dT%H:%MZ) — $(nproc) cores, $(java -version 2>&1 | head -n 1)"
    java -cp "$driver" bench/ForecastSeed.java "$(jdbc)" "$deals" "$open"
    halt_mutua
    log="$work/mutua-restart.log"
    launch_mutua
    printf "  restart on the seeded data until healthy     %5.1f s\n" "$(echo "$ready - $start" | bc)"
    java -cp "$driver" bench/ForecastSeed.java "$(jdbc)" --await "$(echo "$start * 1000 / 1" | bc)" \
        "$(echo "$ready * 1000 / 1" | bc)" "$log"
    computed=$(grep -o 'Forecast of [0-9]* open deals computed in [0-9]* ms' "$log" | head -n 1)
    echo "    Mutua's log: ${computed:-no line about the forecast}"
    errors=$(grep -c -E ' (ERROR|WARN) .*(forecast|Forecast)|Exception' "$log" || true)
    echo "    errors or warnings about the forecast in the log: $errors"
    [ "$errors" = 0 ] || grep -E ' (ERROR|WARN) |Exception' "$log" | head -n 20 >&2
    manager=$(session_of eleni.manager@example.com)
    manager_token=$(curl -s -u "eleni.manager@example.com:$password" -X POST "$base/api/v1/tokens" \
        | sed 's/.*"token":"\([^"]*\)".*/\1/')
    owner=$(curl -s -b "$cookies" "$base/forecast" | grep -o 'option value="[0-9a-f-]\{36\}">Bench Rep 7<' \
        | grep -o '[0-9a-f-]\{36\}')
    echo "latency ($requests requests each, after 10 warm-up requests)"
    measure "GET /forecast (page, admin: all deals)" -b "$cookies" "$base/forecast"
    measure "GET /forecast (htmx, one owner)" -b "$cookies" -H "HX-Request: true" "$base/forecast?owner=$owner"
    measure "GET /forecast (page, manager: one team)" -H "Cookie: $manager" "$base/forecast"
    measure "GET /api/v1/forecast (admin)" -H "Authorization: Bearer $api_token" "$base/api/v1/forecast"
    measure "GET /api/v1/forecast (manager)" -H "Authorization: Bearer $manager_token" "$base/api/v1/forecast"
    measure "GET /api/v1/forecast?by=expected (admin)" -H "Authorization: Bearer $api_token" \
        "$base/api/v1/forecast?by=expected"
    echo "RSS after the requests      java $(java_rss_mib) MiB"
} > >(tee bench/results/forecast.txt)
