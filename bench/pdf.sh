#!/usr/bin/env bash
# PDF benchmark: a sample deal's plan grown to BENCH_STEPS steps (default 60) through the API, then its PDF through
# the API (GET /api/v1/plans/{id}/export.pdf?internal=true): the first rendering after start-up, then the median
# and 95th percentile of BENCH_REQUESTS (default 20) more. Writes bench/results/pdf.txt. Needs curl and bc.
set -euo pipefail
cd "$(dirname "$0")/.."

requests=${BENCH_REQUESTS:-20}
steps=${BENCH_STEPS:-60}
. bench/lib.sh

start_mutua
sign_in_with_sample_data
auth="Authorization: Bearer $api_token"
plan_json=$(curl -s -H "$auth" "$base/api/v1$(planned_deal)/plan")
plan=$(echo "$plan_json" | grep -o '^{"id":"[0-9a-f-]\{36\}"' | cut -d'"' -f4)
milestones=$(echo "$plan_json" | grep -o '"milestones":\[.*' | grep -o '{"id":"[0-9a-f-]\{36\}","title"' | cut -d'"' -f4)
have=$(echo "$plan_json" | grep -o '"estimateSource":' | wc -l)
for n in $(seq $((have + 1)) "$steps"); do
    milestone=$(echo "$milestones" | sed -n "$(( (n % $(echo "$milestones" | wc -l)) + 1 ))p")
    curl -sf -o /dev/null -H "$auth" -H 'Content-Type: application/json' "$base/api/v1/plans/$plan/steps" \
        -d "{\"milestoneId\":\"$milestone\",\"title\":\"Benchmark step $n with a title long enough to wrap\",\"side\":\"BUYER\",\"durationDays\":3}"
done
pdf="$base/api/v1/plans/$plan/export.pdf?internal=true"
first=$(curl -sf -o "$work/plan.pdf" -w '%{time_total}' -H "$auth" "$pdf")

{
    echo "Mutua PDF benchmark — $(date -u +%Y-%m-%dT%H:%MZ) — $(nproc) cores, $(java -version 2>&1 | head -n 1)"
    echo "plan: $(curl -s -H "$auth" "$base/api/v1/plans/$plan" | grep -o '"estimateSource":' | wc -l) steps", \
        "PDF $(( $(wc -c < "$work/plan.pdf") / 1024 )) KiB"
    printf '  first PDF after start-up     %6.0f ms\n' "$(echo "$first * 1000" | bc)"
    for _ in $(seq "$requests"); do curl -s -o /dev/null -w '%{time_total}\n' -H "$auth" "$pdf"; done \
        | sort -n | awk -v n="$requests" '{t[NR] = $1 * 1000} END {
            printf "  next %d PDFs                median %6.0f ms   p95 %6.0f ms\n", n, t[int(NR * 0.5 + 0.5)], t[int(NR * 0.95 + 0.5)] }'
    echo "RSS after the requests       java $(java_rss_mib) MiB"
} | tee bench/results/pdf.txt
