#!/usr/bin/env bash
# Search and import benchmark of catalogue-service (issue 7): generates 200 000 offers, imports them
# through the command-line importer (rate), then measures the public search at a steady rate over HTTP
# and the same SQL run directly in psql in the same session. Results: bench/results/catalogue-*.{md,json}.
#
# Needs: catalogue-service built (./mvnw -B -o -q -pl catalogue-service -am package -DskipTests), Debian's
# postgresql 15 (run as the postgres user), python3 with requests. Nothing else of the suite runs.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${WORK:-/tmp/cpa-bench-catalogue}
PG_PORT=${PG_PORT:-55433}
APP_PORT=${APP_PORT:-18085}
OFFERS=${OFFERS:-200000}
ORGS=${ORGS:-15000}
RATE=${RATE:-20}
SECONDS_PER_MIX=${SECONDS_PER_MIX:-30}
# REUSE=1 keeps the database of the previous run in $WORK (generation and the ~12 min of import skipped:
# the first import's figure of that run is reported again; the re-import, ~1 min, runs each time; the
# service's new migrations are applied at start)
REUSE=${REUSE:-0}
# APP: a copy of target/quarkus-app, so that a build of the module during the run does not replace its jars
APP=${APP:-$ROOT/catalogue-service/target/quarkus-app}
CP="$APP/lib/main/*:$APP/app/*"
PGBIN=/usr/lib/postgresql/15/bin
URL="jdbc:postgresql://127.0.0.1:$PG_PORT/catalogue"

mkdir -p "$WORK"
chown postgres "$WORK" 2>/dev/null || true
cleanup() {
  [[ -n "${APP_PID:-}" ]] && kill "$APP_PID" 2>/dev/null || true
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

echo "== PostgreSQL 15 on port $PG_PORT"
if [[ "$REUSE" != 1 || ! -d "$WORK/pg" ]]; then
  REUSE=0
  rm -rf "$WORK/pg"
  runuser -u postgres -- "$PGBIN/initdb" -D "$WORK/pg" -U postgres --auth=trust -E UTF8 >/dev/null
fi
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w \
  -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1 -c shared_buffers=256MB -c work_mem=16MB" start >/dev/null
[[ "$REUSE" == 1 ]] || psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "create database catalogue"

echo "== catalogue-service on port $APP_PORT (creates the schema and loads the reference data)"
java -Xmx512m -Dquarkus.http.port=$APP_PORT -Dquarkus.datasource.jdbc.url=$URL \
  -Dquarkus.datasource.username=postgres -Dquarkus.datasource.password=postgres \
  -Dkafka.bootstrap.servers=127.0.0.1:9 -Dquarkus.log.level=WARN \
  -jar "$APP/quarkus-run.jar" > "$WORK/app.log" 2>&1 &
APP_PID=$!
for i in $(seq 1 400); do
  curl -sf "localhost:$APP_PORT/api/v1/jobs/M1805" >/dev/null 2>&1 && break
  sleep 1
done
curl -sf "localhost:$APP_PORT/api/v1/jobs/M1805" >/dev/null

if [[ "$REUSE" != 1 ]]; then
echo "== generating $OFFERS offers of $ORGS organisations"
java -cp "$CP" fr.cpa.catalogue.generator.CatalogueGenerator --offers "$OFFERS" --organisations "$ORGS" \
  --out "$WORK/catalogue.csv"
ls -la "$WORK/catalogue.csv"

echo "== importing (command line)"
java -cp "$CP" fr.cpa.catalogue.importer.ImportCommand --url "$URL" --user postgres --password postgres \
  "$WORK/catalogue.csv" | tee "$WORK/import.txt"
echo "== re-importing (nothing changes)"
java -cp "$CP" fr.cpa.catalogue.importer.ImportCommand --url "$URL" --user postgres --password postgres \
  "$WORK/catalogue.csv" | tee "$WORK/reimport.txt"

echo "== sessions and statistics"
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d catalogue -q -v ON_ERROR_STOP=1 <<'SQL'
insert into training_session (id, offer_id, start_date, end_date, seats, place, department_code, remote, status, created_at, updated_at)
select gen_random_uuid(), o.id, current_date + (7 + (abs(hashtext(o.number)) % 120)), current_date + (9 + (abs(hashtext(o.number)) % 120)),
       12, null, o.department_codes[1], o.modality = 'REMOTE', 'OPEN', now(), now() from offer o;
-- every offer's next and last start in one transaction: without its per-offer refresh of the search rows
-- (200 000 refreshes in one transaction ran more than 15 min, each wading through the counters' versions
-- of the earlier ones), then the search rows rebuilt in two statements (~70 s in all)
begin;
alter table offer disable trigger offer_search_update;
update offer o set next_session_start = s.start, last_session_start = s.last
from (select offer_id, min(start_date) start, max(start_date) last from training_session group by offer_id) s
where s.offer_id = o.id;
alter table offer enable trigger offer_search_update;
delete from offer_search;
insert into offer_search (offer_id, region_code, first_area, title, certification_type, certification_code, modality,
                          region_codes, department_codes, rome_codes, price_min_cents, next_session_start,
                          search_vector, title_folded, last_session_start)
select offer_id, region_code, first_area, title, certification_type, certification_code, modality, region_codes,
       department_codes, rome_codes, price_min_cents, next_session_start, search_vector, title_folded, last_session_start
from offer_search_source;
commit;
vacuum analyze;
SQL
else
  echo "== reusing the catalogue of the previous run; re-importing its file (nothing changes)"
  java -cp "$CP" fr.cpa.catalogue.importer.ImportCommand --url "$URL" --user postgres --password postgres \
    "$WORK/catalogue.csv" | tee "$WORK/reimport.txt"
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d catalogue -qc "vacuum analyze"
fi

echo "== search at $RATE req/s, $SECONDS_PER_MIX s per query kind, and the same SQL in psql"
python3 "$ROOT/bench/catalogue/search_bench.py" --base "http://localhost:$APP_PORT" --pg-port "$PG_PORT" \
  --rate "$RATE" --seconds "$SECONDS_PER_MIX" --import "$WORK/import.txt" --reimport "$WORK/reimport.txt" \
  --offers "$OFFERS" --out "$ROOT/bench/results"
