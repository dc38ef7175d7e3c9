#!/usr/bin/env bash
# Plan generation benchmark: closing plans of 15 steps for BENCH_DEALS deals (default 10,000) through Mutua,
# next to a plain JDBC batch insert of the same rows, in one run on a fresh embedded PostgreSQL.
# Writes bench/results/plan-generation.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=PlanGenerationBenchmark -Dbench.deals="${BENCH_DEALS:-10000}" > /dev/null
cat bench/results/plan-generation.txt
