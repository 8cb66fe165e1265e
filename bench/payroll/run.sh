#!/usr/bin/env bash
# Payroll push benchmark (issue 4): 10 establishments × 10 000 employees through the account-service API,
# compared with a PostgreSQL COPY of the same rows. Writes bench/results/payroll-<time>.md.
# Needs account-service packaged (./mvnw -B -o -q install -pl account-service -DskipTests) and the Kafka
# broker jars (kafka-broker/target/libs). Options: ESTABLISHMENTS=10 EMPLOYEES=10000 JAR=<a copy of quarkus-run.jar>
# SERVICE_JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/payroll.jfr" bench/payroll/run.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
CP_FILE="$(mktemp)"
./mvnw -B -o -q dependency:build-classpath -pl testing -Dmdep.outputFile="$CP_FILE" >/dev/null
# only what PostgresServer, KafkaServer and JwtKeys need at run time
CP="$(tr ':' '\n' < "$CP_FILE" | grep -E 'embedded-postgres|slf4j-api|commons-(lang3|compress|io|codec)|/xz/|postgresql' | paste -sd: -)"
CP="$HOME/.m2/repository/fr/cpa/testing/0.1.0-SNAPSHOT/testing-0.1.0-SNAPSHOT.jar:$CP"
rm -f "$CP_FILE"
exec java -Xmx2g ${JAR:+-Djar="$JAR"} -Destablishments="${ESTABLISHMENTS:-10}" -Demployees="${EMPLOYEES:-10000}" \
  -cp "$CP" bench/payroll/PayrollBench.java "$ROOT"
