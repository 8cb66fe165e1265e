#!/usr/bin/env bash
# Suite start time and memory (issue 12): starts the whole local stack with ./cpa up (its data in
# .cpa/ is kept: a first run also creates the databases and loads the demo catalogue), reads each
# service's "ready after" time and, once all are ready and idle for a few seconds, the resident
# memory (RSS) of every process. Then stops the stack. Refuses to run while a stack is up.
#
#   bench/suite/run.sh            # writes bench/results/suite-<UTC time>.md and prints it
#   ROUNDS=3 bench/suite/run.sh   # starts it three times; medians
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ROUNDS=${ROUNDS:-1}
SETTLE=${SETTLE:-10}
STAMP=$(date -u +%Y-%m-%dT%H%M%SZ)
OUT="$ROOT/bench/results/suite-$STAMP.md"
WORK=$(mktemp -d /tmp/cpa-bench-suite.XXXXXX)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

cd "$ROOT"
if ./cpa status 2>/dev/null | grep -qi "ready\|running"; then
  echo "a local stack is running (./cpa status): stop it first with ./cpa down" >&2
  exit 1
fi
stop() { ./cpa down >/dev/null 2>&1 || true; }
trap stop EXIT

declare -a TOTALS=()
: > "$WORK/ready.txt"
: > "$WORK/rss.txt"
for round in $(seq 1 "$ROUNDS"); do
  stop
  ./cpa up > "$WORK/up-$round.log" 2>&1 &
  for _ in $(seq 1 600); do
    grep -q "CPA local stack ready in" "$WORK/up-$round.log" && break
    if ! kill -0 $! 2>/dev/null; then echo "the stack did not start; see $WORK/up-$round.log" >&2; tail -30 "$WORK/up-$round.log" >&2; exit 1; fi
    sleep 1
  done
  total=$(sed -n 's/.*CPA local stack ready in \([0-9.]*\) s.*/\1/p' "$WORK/up-$round.log")
  TOTALS+=("$total")
  sed -n 's/^\([a-z-]*\) *ready after \([0-9.]*\) s.*/\1 \2/p' "$WORK/up-$round.log" >> "$WORK/ready.txt"
  sleep "$SETTLE"
  # stack.properties names each process: <name>.pid
  STACK_FILE="$ROOT/.cpa/stack.properties"
  while IFS='=' read -r key pid; do
    name=${key%.pid}
    rss=$(ps -o rss= -p "$pid" 2>/dev/null | tr -d ' ' || true)
    [ -n "$rss" ] && echo "$name $rss" >> "$WORK/rss.txt"
  done < <(grep '\.pid=' "$STACK_FILE")
  stop
  wait 2>/dev/null || true
done

median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print "-"; else if (NR%2) print a[(NR+1)/2]; else printf "%.1f\n", (a[NR/2]+a[NR/2+1])/2}'; }

{
  echo "# Suite start time and memory, $STAMP"
  echo
  echo "\`./cpa up\` (embedded PostgreSQL, a KRaft Kafka broker, the six services as packaged jars), $ROUNDS start(s), medians."
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, load before the run $LOAD_BEFORE; $(java -version 2>&1 | head -1)."
  echo
  echo "Whole stack ready (all health checks UP): **$(printf '%s\n' "${TOTALS[@]}" | median) s**"
  echo
  echo "| process | ready after (s) | RSS after ${SETTLE} s idle (MiB) |"
  echo "| --- | ---: | ---: |"
  for name in $(cut -d' ' -f1 "$WORK/rss.txt" | sort -u); do
    ready=$(awk -v n="$name" '$1 == n {print $2}' "$WORK/ready.txt" | median)
    rss=$(awk -v n="$name" '$1 == n {printf "%.0f\n", $2 / 1024}' "$WORK/rss.txt" | median)
    echo "| $name | $ready | $rss |"
  done
  echo
  echo "RSS total: $(awk '{s += $2} END {printf "%.0f", s / 1024 / '"$ROUNDS"'}' "$WORK/rss.txt") MiB."
} > "$OUT"
cat "$OUT"
