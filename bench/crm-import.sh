#!/usr/bin/env bash
# CRM history import benchmark: a CSV export of BENCH_DEALS deals (default 50,000) and four stage-history rows per
# deal, previewed, imported and imported again, on the embedded PostgreSQL. Writes bench/results/crm-import.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=CrmImportBenchmark -Dbench.deals="${BENCH_DEALS:-50000}" > /dev/null
cat bench/results/crm-import.txt
