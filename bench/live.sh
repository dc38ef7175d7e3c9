#!/usr/bin/env bash
# Live-update benchmark: one plan open in BENCH_STREAMS (default 500) concurrent Server-Sent Events streams;
# BENCH_ROUNDS (default 50) step changes through the API; the time until the event reached the last viewer
# (p50, p99) and the server's resident memory. Writes bench/results/live.txt. Needs curl and bc.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

start_mutua
sign_in_with_sample_data
# The viewers are the team's manager; the admin changes the step (nobody is told of their own changes).
session=$(session_of eleni.manager@example.com)
java bench/LiveBench.java "$base" "$session" "$api_token" "$(planned_deal)" "$pid" \
    "${BENCH_STREAMS:-500}" "${BENCH_ROUNDS:-50}" | tee bench/results/live.txt
