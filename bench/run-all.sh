#!/usr/bin/env bash
# Every benchmark of the project in one session (issue 12), then one dated report,
# bench/results/<date>.md, with each benchmark's own result file inlined, the machine it ran on and
# its load before and after. Run it on a machine that does nothing else: the ratios are measured
# side by side within each benchmark, but every absolute figure moves with the load.
#
#   bench/run-all.sh                 # all of them
#   ONLY="gateway suite" bench/run-all.sh
#
# The benchmarks (each also runs alone, see its script):
#   gateway          a service endpoint direct, through nginx and the gateway  bench/gateway/run.sh
#   payroll          payroll declarations through the API vs a COPY            bench/payroll/run.sh
#   training-rights  the yearly acquisition run vs one set-based SQL statement  bench/training-rights/run.sh
#   catalogue        search over 200 000 offers vs the same SQL in psql         bench/catalogue/run.sh
#   suite            start time of the whole stack and RSS per service         bench/suite/run.sh
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
ONLY=${ONLY:-"gateway payroll training-rights catalogue suite"}
DAY=$(date -u +%Y-%m-%d)
REPORT="$ROOT/bench/results/$DAY.md"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
STARTED=$(date -u +%H:%M)

cd "$ROOT"
echo "Building the services once (skipping tests)…"
./mvnw -B -q install -DskipTests >/dev/null

declare -A STATUS=()
declare -A FILE=()
for bench in $ONLY; do
  script="$ROOT/bench/$bench/run.sh"
  if [ ! -x "$script" ]; then
    STATUS[$bench]="no script at bench/$bench/run.sh"
    continue
  fi
  echo "=== $bench ==="
  marker=$(mktemp)
  if "$script"; then STATUS[$bench]="ran"; else STATUS[$bench]="FAILED (exit $?)"; fi
  # the result file it wrote: the newest file in bench/results/ younger than the marker
  FILE[$bench]=$(find "$ROOT/bench/results" -maxdepth 1 -type f -newer "$marker" ! -name "$DAY.md" -printf '%T@ %p\n' \
    | sort -n | tail -1 | cut -d' ' -f2-)
  rm -f "$marker"
done

{
  echo "# All benchmarks, $DAY ($STARTED–$(date -u +%H:%M) UTC)"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr); $(java -version 2>&1 | head -1)."
  echo "Load average before: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "| benchmark | status | result file |"
  echo "| --- | --- | --- |"
  for bench in $ONLY; do
    f=${FILE[$bench]:-}
    echo "| $bench | ${STATUS[$bench]} | ${f:+[$(basename "$f")]($(basename "$f"))} |"
  done
  for bench in $ONLY; do
    f=${FILE[$bench]:-}
    if [ -n "$f" ] && [[ "$f" == *.md ]]; then
      echo
      echo "---"
      echo
      sed 's/^# /## /' "$f"
    fi
  done
} > "$REPORT"
echo "Report: $REPORT"
