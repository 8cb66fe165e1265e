#!/usr/bin/env bash
# Yearly acquisition run benchmark (issue 3 "Performance"): HOLDERS synthetic holders (default 1 000 000) with a
# year of declared monthly activity, credited by POST /api/v1/admin/acquisition-runs on the packaged
# training-rights-service (its scheduled worker, chunks claimed with FOR UPDATE SKIP LOCKED, ledger entries,
# outbox events); then the same credits computed by one set-based SQL statement on the same PostgreSQL, in the
# same session, and compared holder by holder. Writes bench/results/training-rights-<UTC time>.md.
# Needs: ./mvnw -B -o -q -pl training-rights-service -am package -DskipTests and the broker jars (kafka-broker/target/libs).
# Options: HOLDERS=1000000 YEAR=2025 APP=<a copy of target/quarkus-app> SERVICE_XMX=1g
#   REUSE=1: keep the seeded database in /tmp/cpa-bench-training-rights and reuse it (reset to no run) next time
#   SERVICE_OPTS="-Dcpa.acquisition.chunk-size=2000 -Dquarkus.log.category.\"fr.cpa.trainingrights.acquisition\".level=DEBUG"
#   bench/training-rights/run.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
CP_FILE="$(mktemp)"
./mvnw -B -o -q dependency:build-classpath -pl testing -Dmdep.outputFile="$CP_FILE" >/dev/null
CP="$(tr ':' '\n' < "$CP_FILE" | grep -E 'embedded-postgres|slf4j-api|commons-(lang3|compress|io|codec)|/xz/|postgresql' | paste -sd: -)"
CP="$HOME/.m2/repository/fr/cpa/testing/0.1.0-SNAPSHOT/testing-0.1.0-SNAPSHOT.jar:$CP"
rm -f "$CP_FILE"
# run a copy of the packaged service, so that rebuilding the module does not change it under the benchmark
APP="${APP:-}"
if [ -z "$APP" ]; then
  APP="$(mktemp -d)/quarkus-app"
  cp -r training-rights-service/target/quarkus-app "$APP"
fi
exec java -Xmx2g -Dapp="$APP" -Dreuse="$([ "${REUSE:-0}" = 1 ] && echo true || echo false)" -Dholders="${HOLDERS:-1000000}" -Dyear="${YEAR:-2025}" -DserviceXmx="${SERVICE_XMX:-1g}" \
  -DserviceOpts="${SERVICE_OPTS:-}" \
  -cp "$CP" bench/training-rights/AcquisitionRunBench.java "$ROOT"
