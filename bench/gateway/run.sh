#!/usr/bin/env bash
# Gateway overhead benchmark (issue 9): the same small JSON endpoint of one service measured three ways
# in one session, with wrk on loopback: direct to the service, through nginx proxy_pass, through the
# gateway (and through Vert.x's proxy alone, the floor of the gateway's stack).
# Target: gateway >= 0.9 x nginx throughput and <= 1 ms added p99 over direct.
#
#   bench/gateway/run.sh                     # the issue's measure: training-rights-service's
#                                            # GET /api/v1/holders/{id}/cpf (a holder's CPF balance) with
#                                            # the holder's token, checked at the gateway and in the service;
#                                            # starts the suite with ./cpa up unless it is running, and a
#                                            # replica of the service run as in production (see POD_JVM)
#   SERVICE_OPTS=-Dcpa.jwt.verified-cache.max-entries=0 bench/gateway/run.sh
#                                            # settings for the replica (here: the service checks the
#                                            # token's signature on every request, as before it kept them)
#   SERVICE_REPLICA=suite bench/gateway/run.sh
#                                            # the suite's own instance instead (./cpa up's quick-start
#                                            # JVM: C1 only, serial GC; slower, so the proxies weigh less)
#   UPSTREAM=static bench/gateway/run.sh     # the proxies alone: nginx serving a static JSON stands in for
#                                            # the service, no token
#   CPA_BENCH_UPSTREAM=http://127.0.0.1:8085 CPA_BENCH_PATH=/api/v1/trainings?size=1 bench/gateway/run.sh
#                                            # any running service and public path
#   DURATION=30s CONNECTIONS=64 THREADS=2 bench/gateway/run.sh
#   BASELINE_JAR=/tmp/old/gateway/target/quarkus-app/quarkus-run.jar bench/gateway/run.sh
#                                            # also measures another build of the gateway (e.g. main's, from
#                                            # a worktree) in the same rounds: a change's gain, side by side
#   BENCH_NICE=-10 bench/gateway/run.sh     # on a machine shared with other builds (root only): every
#                                            # measured process (wrk, both nginx, every JVM) at that
#                                            # priority, so that the others' load disturbs the run less
#
# Two measures per path: throughput (requests/s) with CONNECTIONS connections, which keeps every
# core busy; and latency with one connection, where a request never queues behind another, so that
# the difference between two paths' p99 is what each adds to a request (under saturation every
# latency is mostly queueing, and a slower path queues longer by construction).
#
# Installs wrk, nginx, openssl and python3 with apt-get if missing; builds the gateway if its jar is missing.
# Writes bench/results/gateway-<UTC time>.md and prints it.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DURATION=${DURATION:-15s}
# Warm-up in rounds of WARMUP per path, until no path's CPU time per request falls any more (see warm_up).
WARMUP=${WARMUP:-15s}
WARMUP_ROUNDS=${WARMUP_ROUNDS:-10}
MIN_WARMUP_ROUNDS=${MIN_WARMUP_ROUNDS:-5}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
BENCH_PATH=${CPA_BENCH_PATH:-/api/v1/trainings}
MODE=${UPSTREAM:-service}
ROUNDS=${ROUNDS:-5}
# Latency in short rounds, many of them, so that a slow phase of the machine falls on every path alike.
LATENCY_DURATION=${LATENCY_DURATION:-5s}
LATENCY_ROUNDS=${LATENCY_ROUNDS:-10}
REPLICA=${SERVICE_REPLICA:-production}
UPSTREAM_PORT=18185
SERVICE_PORT=18182
NGINX_PORT=18190
GATEWAY_PORT=18180
BASELINE_PORT=18181
BARE_PORT=18195
NICE=${BENCH_NICE:-0}
RUN="nice -n $NICE"
# The JVMs under test (the gateway, the service's replica, the bare proxy) run as the production image
# runs them: run-java.sh's defaults on ubi9/openjdk-17-runtime (parallel collector and its sizing
# policy), then the root pom's quarkus.jib.jvm-additional-arguments, whose RAM percentages (75 % max,
# 50 % initial) give these heap sizes in the pods' 768 MiB limit (k8s/base/services). Full JIT: the
# C1-only, serial-GC flags of ./cpa up are for quick starts, and made the service several times slower.
POD_JVM=(-XX:+UseParallelGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:GCTimeRatio=4
  -XX:AdaptiveSizePolicyWeight=90 -XX:+ExitOnOutOfMemoryError -Xms384m -Xmx576m)

need() {
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "installing $2" >&2
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
  fi
}
need wrk wrk
need nginx nginx
need openssl openssl
need python3 python3 # the service measure registers its holder through JSON

WORK=$(mktemp -d /tmp/cpa-bench-gateway.XXXXXX)
NGINX_PID=""
UPSTREAM_PID=""
GATEWAY_PID=""
BARE_PID=""
BASELINE_PID=""
STACK_PID=""
REPLICA_PID=""
cleanup() {
  [ -n "$REPLICA_PID" ] && kill "$REPLICA_PID" 2>/dev/null || true
  if [ -n "$STACK_PID" ]; then "$ROOT/cpa" down >/dev/null 2>&1 || true; fi
  [ -n "$GATEWAY_PID" ] && kill "$GATEWAY_PID" 2>/dev/null || true
  [ -n "$BARE_PID" ] && kill "$BARE_PID" 2>/dev/null || true
  [ -n "$BASELINE_PID" ] && kill "$BASELINE_PID" 2>/dev/null || true
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
  [ -n "$UPSTREAM_PID" ] && kill "$UPSTREAM_PID" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

wait_for() { # url [curl options]: a loaded machine may take a minute or two to start a JVM
  local url=$1
  shift
  for _ in $(seq 1 600); do
    if curl -fs -o /dev/null "$@" "$url"; then return 0; fi
    sleep 0.5
  done
  echo "not answering: $url (logs in $WORK)" >&2
  exit 1
}

TOKEN=""
KEYS_DIR=""
UPSTREAM_PIDS=""
if [ -n "${CPA_BENCH_UPSTREAM:-}" ]; then
  UPSTREAM=${CPA_BENCH_UPSTREAM%/}
  UPSTREAM_KIND="service at $UPSTREAM"
elif [ "$MODE" = service ]; then
  # The suite as ./cpa up runs it (PostgreSQL, Kafka, the six services), unless it runs already.
  if ! curl -fs -o /dev/null http://127.0.0.1:8080/q/health/ready; then
    echo "starting the suite (./cpa up, logs in $ROOT/.cpa/logs)" >&2
    setsid "$ROOT/cpa" up > "$WORK/cpa-up.log" 2>&1 &
    STACK_PID=$!
  fi
  wait_for http://127.0.0.1:8080/q/health/ready
  wait_for http://127.0.0.1:8082/q/health/ready
  wait_for http://127.0.0.1:8081/q/health/ready
  # A new holder (a valid random NIR), registered as an advisor would; training-rights opens the
  # holder's CPF account when it hears HolderRegistered.
  read -r NIR BORN < <(python3 -c 'import random
y, m = random.randint(50, 99), random.randint(1, 12)
n = int("1%02d%02d75%03d%03d" % (y, m, random.randint(1, 999), random.randint(1, 999)))
print("%d%02d 19%02d-%02d-15" % (n, 97 - n % 97, y, m))')
  ADVISOR=$("$ROOT/cpa" token advisor)
  HOLDER=$(curl -fsS -X POST http://127.0.0.1:8080/api/v1/holders -H "Authorization: Bearer $ADVISOR" \
    -H 'Content-Type: application/json' \
    -d "{\"nir\":\"$NIR\",\"lastName\":\"Banc\",\"firstName\":\"Essai\",\"birthDate\":\"$BORN\"}" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
  TOKEN=$("$ROOT/cpa" token holder "$HOLDER")
  BENCH_PATH=/api/v1/holders/$HOLDER/cpf
  KEYS_DIR="$ROOT/.cpa/keys"
  SUITE_PID=$(sed -n 's/^training-rights-service\.pid=//p' "$ROOT/.cpa/stack.properties" 2>/dev/null || true)
  if [ -z "$SUITE_PID" ] || ! grep -qa training-rights-service /proc/"$SUITE_PID"/cmdline 2>/dev/null; then
    echo "training-rights-service of ./cpa up not found (.cpa/stack.properties); start the suite with ./cpa up" >&2
    exit 1
  fi
  if [ "$REPLICA" = suite ]; then
    UPSTREAM=http://127.0.0.1:8082
    UPSTREAM_PIDS=$SUITE_PID
    UPSTREAM_KIND="training-rights-service of \`./cpa up\`, its quick-start JVM (C1 only, serial GC, 256 MiB)"
  else
    # A second replica of the service, as production runs two or more: the suite's command line
    # (its database, Kafka, keys: all -D settings) on its own port, with the production JVM flags.
    mapfile -d '' SUITE_ARGS < /proc/"$SUITE_PID"/cmdline
    REPLICA_ARGS=()
    for a in "${SUITE_ARGS[@]:1}"; do
      case $a in
        -Xm*|-XX:*) ;;
        -Dquarkus.http.port=*) REPLICA_ARGS+=("-Dquarkus.http.port=$SERVICE_PORT") ;;
        *) REPLICA_ARGS+=("$a") ;;
      esac
    done
    # shellcheck disable=SC2086 # SERVICE_OPTS: several -D settings, split on spaces
    $RUN java "${POD_JVM[@]}" ${SERVICE_OPTS:-} "${REPLICA_ARGS[@]}" > "$WORK/service-replica.log" 2>&1 &
    REPLICA_PID=$!
    UPSTREAM=http://127.0.0.1:$SERVICE_PORT
    wait_for "$UPSTREAM/q/health/ready"
    if ! kill -0 "$REPLICA_PID" 2>/dev/null; then
      # Something else answered on the port, such as a replica left over from an interrupted run.
      echo "the service's replica did not start (port $SERVICE_PORT taken?): $WORK/service-replica.log" >&2
      exit 1
    fi
    UPSTREAM_PIDS=$REPLICA_PID
    UPSTREAM_KIND="a replica of training-rights-service started for the run, with the production image's JVM flags (\`${POD_JVM[*]}\`)${SERVICE_OPTS:+ and \`$SERVICE_OPTS\`}"
  fi
  wait_for "$UPSTREAM$BENCH_PATH" -H "Authorization: Bearer $TOKEN"
  UPSTREAM_KIND="$UPSTREAM_KIND, on the database and Kafka of \`./cpa up\` (same machine): a holder's CPF balance, with the holder's token (RS256), checked by the gateway and again by the service (each keeps the tokens it has verified, unless SERVICE_OPTS turns the service's cache off)"
else
  UPSTREAM=http://127.0.0.1:$UPSTREAM_PORT
  UPSTREAM_KIND="nginx serving a static 140-byte JSON (stand-in for a service: measures the proxies alone), no token"
  # Its own nginx, so that the proxy nginx's CPU time is its own.
  mkdir -p "$WORK/upstream/logs"
  cat > "$WORK/upstream/nginx.conf" <<NGINX
worker_processes auto;
pid $WORK/upstream/nginx.pid;
error_log $WORK/upstream/logs/error.log warn;
daemon off;
events { worker_connections 4096; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$UPSTREAM_PORT;
    location / {
      default_type application/json;
      return 200 '{"items":[{"id":"RS5210","title":"Soudage TIG","price":{"amount":120000,"currency":"EUR"}}],"page":0,"size":1,"total":1}';
    }
  }
}
NGINX
  $RUN nginx -p "$WORK/upstream" -c "$WORK/upstream/nginx.conf" &
  UPSTREAM_PID=$!
  UPSTREAM_PIDS=$UPSTREAM_PID
fi
# wrk sends the token (if any) on every request, on every path.
cat > "$WORK/token.lua" <<LUA
local token = "$TOKEN"
if token ~= "" then wrk.headers["Authorization"] = "Bearer " .. token end
LUA
UPSTREAM_HOSTPORT=${UPSTREAM#http://}

# --- nginx: the stand-in upstream (unless a service is given) and the reference reverse proxy -----
mkdir -p "$WORK/nginx/logs"
cat > "$WORK/nginx/nginx.conf" <<NGINX
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
daemon off;
events { worker_connections 4096; }
http {
  access_log off;
  upstream backend {
    server $UPSTREAM_HOSTPORT;
    keepalive 64;
  }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://backend;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Request-Id \$request_id;
    }
  }
}
NGINX
$RUN nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" &
NGINX_PID=$!

# --- the gateway: its jar, a throw-away key pair, no database on the request path -----------------
JAR="$ROOT/gateway/target/quarkus-app/quarkus-run.jar"
if [ ! -f "$JAR" ]; then
  (cd "$ROOT" && ./mvnw -B -q -o install -pl gateway -DskipTests)
fi
if [ -n "$KEYS_DIR" ]; then
  # The suite's key pair, so that the gateway verifies the holder's token as the services do.
  cp "$KEYS_DIR/privateKey.pem" "$KEYS_DIR/publicKey.pem" "$WORK/"
else
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/privateKey.pem" 2>/dev/null
  openssl rsa -in "$WORK/privateKey.pem" -pubout -out "$WORK/publicKey.pem" 2>/dev/null
fi
# The route of $BENCH_PATH goes to the upstream, whatever service owns it; the rate limits stay on
# (their cost is part of the gateway's) but high enough for one client hammering from 127.0.0.1.
SERVICES=""
for s in account training-rights hardship civic-engagement catalogue; do
  SERVICES="$SERVICES -Dcpa.gateway.proxy.services.$s=$UPSTREAM"
done
start_gateway() { # jar port log: one gateway, as production runs it
  $RUN java "${POD_JVM[@]}" \
    -Dquarkus.http.port=$2 \
    -Dquarkus.log.level=WARN -Dquarkus.log.category.\"fr.cpa.gateway.requestid.AccessLog\".level=WARN \
    -Dmp.jwt.verify.publickey.location="$WORK/publicKey.pem" \
    -Dsmallrye.jwt.sign.key.location="$WORK/privateKey.pem" \
    -Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:1/none \
    -Dquarkus.flyway.migrate-at-start=false \
    -Dcpa.gateway.rate-limits.rules[1].per-client.capacity=1000000000 \
    -Dcpa.gateway.rate-limits.rules[1].per-ip.capacity=1000000000 \
    -Dcpa.gateway.rate-limits.rules[2].per-client.capacity=1000000000 \
    -Dcpa.gateway.rate-limits.rules[2].per-ip.capacity=1000000000 \
    $SERVICES \
    -jar "$1" > "$3" 2>&1 &
}
start_gateway "$JAR" "$GATEWAY_PORT" "$WORK/gateway.log"
GATEWAY_PID=$!
if [ -n "${BASELINE_JAR:-}" ]; then
  start_gateway "$BASELINE_JAR" "$BASELINE_PORT" "$WORK/baseline.log"
  BASELINE_PID=$!
fi

# --- the floor of the gateway's stack: Vert.x's proxy alone, same jars, no Quarkus, no filters -------
$RUN java "${POD_JVM[@]}" -cp "$ROOT/gateway/target/quarkus-app/lib/main/*" "$ROOT/bench/gateway/BareProxy.java" \
  $BARE_PORT "${UPSTREAM_HOSTPORT%:*}" "${UPSTREAM_HOSTPORT##*:}" > "$WORK/bare.log" 2>&1 &
BARE_PID=$!

AUTH=()
if [ -n "$TOKEN" ]; then AUTH=(-H "Authorization: Bearer $TOKEN"); fi
wait_for "$UPSTREAM$BENCH_PATH" "${AUTH[@]}"
wait_for "http://127.0.0.1:$NGINX_PORT$BENCH_PATH" "${AUTH[@]}"
wait_for "http://127.0.0.1:$GATEWAY_PORT$BENCH_PATH" "${AUTH[@]}"
wait_for "http://127.0.0.1:$BARE_PORT$BENCH_PATH" "${AUTH[@]}"
if [ -n "$BASELINE_PID" ]; then wait_for "http://127.0.0.1:$BASELINE_PORT$BENCH_PATH" "${AUTH[@]}"; fi

# Which transport each JVM runs on: Netty's epoll library mapped into the process, or Java NIO.
transport() {
  if grep -q netty_transport_native_epoll /proc/"$1"/maps 2>/dev/null; then echo "epoll"; else echo "NIO"; fi
}
G_TRANSPORT=$(transport "$GATEWAY_PID")
B_TRANSPORT=$(transport "$BARE_PID")

# --- measure ------------------------------------------------------------------------------------
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
to_ms() { # wrk prints 812.00us, 1.23ms, 2.01s
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.3f", n }'
}
cpu_ticks() { # pids (and their children) -> user+system clock ticks so far
  local total=0 p q
  for p in "$@"; do
    for q in $p $(pgrep -P "$p" || true); do
      total=$((total + $(awk '{ print $14 + $15 }' /proc/"$q"/stat 2>/dev/null || echo 0)))
    done
  done
  echo "$total"
}
machine_ticks() { # -> "busy total" clock ticks of every CPU so far (/proc/stat; idle and iowait are not busy)
  awk '$1 == "cpu" { t = 0; for (i = 2; i <= NF; i++) t += $i; print t - $5 - $6, t }' /proc/stat
}
per_request_us() { # ticks requests -> microseconds of CPU per request (clock ticks are 1/CLK_TCK s)
  awk -v t="$1" -v n="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.0f", (n > 0 && t > 0) ? t * 1e6 / hz / n : 0 }'
}
warm_up() { # rounds of WARMUP on every path in turn, until no path's CPU time per request falls
  # A JVM's cost per request keeps falling while its JIT compiles the request path (on this 2-core
  # machine, for minutes with the full JIT); its CPU time per request is a steadier sign of that than
  # requests/s, which follows whatever else the machine does. The paths take turns because they share
  # the service, which warms up on all of them: direct's figure is the service's CPU time, the others'
  # their proxy's. At least MIN_WARMUP_ROUNDS rounds, then until a round in which no path was more
  # than 3 % cheaper than in its cheapest round before (the machine's noise alone makes a round 10 %
  # cheaper or dearer than the one before, but seldom 3 % cheaper than the best); at most WARMUP_ROUNDS.
  local round p pids before after out requests rps current falling
  declare -A best=()
  for round in $(seq 1 "$WARMUP_ROUNDS"); do
    falling=no
    for p in $PATHS; do
      pids=$( [ "$p" = direct ] && echo "$UPSTREAM_PIDS" || proxy_of "$p")
      before=$(cpu_ticks $pids)
      out=$($RUN wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$WORK/token.lua" "$(url_of "$p")")
      after=$(cpu_ticks $pids)
      requests=$(echo "$out" | awk '/requests in/ { print $1 }')
      rps=$(echo "$out" | awk '/Requests\/sec/ { printf "%d", $2 }')
      current=$(per_request_us $((after - before)) "$requests")
      echo "warm-up round $round $p: $rps requests/s, $current CPU us per request" >&2
      # No CPU figure (a service given by CPA_BENCH_UPSTREAM, whose process is not known): nothing to wait for.
      [ "$current" -gt 0 ] || continue
      if [ "${best[$p]:-0}" -eq 0 ] || [ "$current" -lt $((best[$p] * 97 / 100)) ]; then falling=yes; fi
      if [ "${best[$p]:-0}" -eq 0 ] || [ "$current" -lt "${best[$p]}" ]; then best[$p]=$current; fi
    done
    if [ "$round" -ge "$MIN_WARMUP_ROUNDS" ] && [ "$falling" = no ]; then break; fi
  done
  if [ "$falling" = no ]; then
    echo "$round warm-up rounds of $WARMUP per path, until no path's CPU time per request fell any more" > "$WORK/warmup"
  else
    echo "$round warm-up rounds of $WARMUP per path (the limit, WARMUP_ROUNDS; some path's CPU time per request was still falling)" > "$WORK/warmup"
  fi
}
throughput() { # name url "proxy pids" -> one line: rps p50 p99 proxy-cpu upstream-cpu errors
  local name=$1 url=$2 proxy=$3 out p0 p1 u0 u1 m0 m1 requests errors
  p0=$(cpu_ticks $proxy); u0=$(cpu_ticks $UPSTREAM_PIDS); m0=$(machine_ticks)
  out=$($RUN wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$WORK/token.lua" --latency "$url")
  p1=$(cpu_ticks $proxy); u1=$(cpu_ticks $UPSTREAM_PIDS); m1=$(machine_ticks)
  echo "$out" >> "$WORK/wrk-$name.txt"
  requests=$(echo "$out" | awk '/requests in/ { print $1 }')
  errors=$(echo "$out" | awk '/Non-2xx/ { print "non-2xx:" $NF } /Socket errors/ { print "socket:" $0 }' | tr ' \n' '_,' | sed 's/,$//')
  echo "$(echo "$out" | awk '/Requests\/sec/ { print $2 }')" \
    "$(to_ms "$(echo "$out" | awk '$1 == "50%" { print $2 }')")" \
    "$(to_ms "$(echo "$out" | awk '$1 == "99%" { print $2 }')")" \
    "$( [ -n "$proxy" ] && per_request_us $((p1 - p0)) "$requests" || echo -)" \
    "$(per_request_us $((u1 - u0)) "$requests")" "${errors:-none}" \
    "$(per_request_us $((${m1% *} - ${m0% *})) "$requests")" \
    "$(awk -v b=$((${m1% *} - ${m0% *})) -v t=$((${m1#* } - ${m0#* })) 'BEGIN { printf "%.0f", (t > 0 ? 100 * b / t : 0) }')"
}
latency() { # name url -> one line: p50 p99 (one connection: no request waits for another)
  local out
  out=$($RUN wrk -t1 -c1 -d"$LATENCY_DURATION" -s "$WORK/token.lua" --latency "$2")
  echo "$out" >> "$WORK/wrk-latency-$1.txt"
  echo "$(to_ms "$(echo "$out" | awk '$1 == "50%" { print $2 }')")" "$(to_ms "$(echo "$out" | awk '$1 == "99%" { print $2 }')")"
}

PATHS="direct nginx gateway bare${BASELINE_PID:+ baseline}"
url_of() {
  case $1 in
    direct) echo "$UPSTREAM$BENCH_PATH" ;;
    nginx) echo "http://127.0.0.1:$NGINX_PORT$BENCH_PATH" ;;
    gateway) echo "http://127.0.0.1:$GATEWAY_PORT$BENCH_PATH" ;;
    bare) echo "http://127.0.0.1:$BARE_PORT$BENCH_PATH" ;;
    baseline) echo "http://127.0.0.1:$BASELINE_PORT$BENCH_PATH" ;;
  esac
}
proxy_of() {
  case $1 in
    direct) echo "" ;;
    nginx) echo "$NGINX_PID" ;;
    gateway) echo "$GATEWAY_PID" ;;
    bare) echo "$BARE_PID" ;;
    baseline) echo "$BASELINE_PID" ;;
  esac
}
warm_up
# Measured rounds side by side: each round runs every path once, in turn, so that a slow phase
# of the machine weighs on all of them; the figures are the medians over the rounds.
for round in $(seq 1 "$ROUNDS"); do
  for p in $PATHS; do
    echo "round $round $p: $(throughput "$p" "$(url_of "$p")" "$(proxy_of "$p")" | tee -a "$WORK/tp-$p")" >&2
  done
done
for round in $(seq 1 "$LATENCY_ROUNDS"); do
  for p in $PATHS; do
    echo "latency round $round $p: $(latency "$p" "$(url_of "$p")" | tee -a "$WORK/lat-$p")" >&2
  done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

median() { # file column -> the median of that column
  awk -v c="$2" '{ print $c }' "$1" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
row() { # path label -> a table row of medians
  local f="$WORK/tp-$1" l="$WORK/lat-$1" cpu
  cpu=$(median "$f" 4)
  echo "| $2 | $(median "$f" 1) | $(median "$f" 2) | $(median "$f" 3) | $(median "$l" 1) | $(median "$l" 2) | ${cpu:--} | $(median "$f" 5) | $(median "$f" 7) | $(median "$f" 8) | $(awk '{ print $6 }' "$f" | sort -u | paste -sd' ' -) |"
}
ratio_of_medians() { # path-a path-b -> median of a's requests/s over b's, round by round
  paste "$WORK/tp-$1" "$WORK/tp-$2" | awk '{ printf "%.3f\n", $1 / $9 }' | sort -g | awk '{ v[NR] = $1 } END { printf "%.2f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
RATIO=$(ratio_of_medians gateway nginx)
BARE_RATIO=$(ratio_of_medians bare nginx)
RATIOS=$(paste "$WORK/tp-gateway" "$WORK/tp-nginx" | awk '{ printf "%.2f ", $1 / $9 }')
ADDED_ROUNDS=$(paste "$WORK/lat-gateway" "$WORK/lat-direct" | awk '{ printf "%.2f ", $2 - $4 }')
L_D99=$(median "$WORK/lat-direct" 2); L_N99=$(median "$WORK/lat-nginx" 2); L_G99=$(median "$WORK/lat-gateway" 2)
L_D50=$(median "$WORK/lat-direct" 1); L_G50=$(median "$WORK/lat-gateway" 1); L_N50=$(median "$WORK/lat-nginx" 1)
ADDED_P99=$(awk -v g="$L_G99" -v d="$L_D99" 'BEGIN { printf "%.3f", g - d }')
NGINX_ADDED_P99=$(awk -v g="$L_N99" -v d="$L_D99" 'BEGIN { printf "%.3f", g - d }')
ADDED_P50=$(awk -v g="$L_G50" -v d="$L_D50" 'BEGIN { printf "%.3f", g - d }')
NGINX_ADDED_P50=$(awk -v g="$L_N50" -v d="$L_D50" 'BEGIN { printf "%.3f", g - d }')
THROUGHPUT_OK=$(awk -v r="$RATIO" 'BEGIN { print (r >= 0.9) ? "met" : "NOT met" }')
LATENCY_OK=$(awk -v a="$ADDED_P99" 'BEGIN { print (a <= 1.0) ? "met" : "NOT met" }')
ADDED_P99_LOADED=$(awk -v g="$(median "$WORK/tp-gateway" 3)" -v d="$(median "$WORK/tp-direct" 3)" 'BEGIN { printf "%.3f", g - d }')

STAMP=$(date -u +%Y-%m-%dT%H%M%SZ)
RESULT="$ROOT/bench/results/gateway-$STAMP.md"
cat > "$RESULT" <<MD
# Gateway benchmark, $STAMP

\`GET $BENCH_PATH\`. Upstream: $UPSTREAM_KIND.
wrk on loopback. Throughput: $THREADS threads, $CONNECTIONS connections, $ROUNDS rounds of $DURATION per path, the paths
taking turns within each round, after $(cat "$WORK/warmup").
Latency: one connection, $LATENCY_ROUNDS rounds of $LATENCY_DURATION per path, taking turns likewise. Figures are
medians over the rounds.
Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), load average before the run $LOAD_BEFORE, after it $LOAD_AFTER;
$(nginx -v 2>&1), $(java -version 2>&1 | head -1), wrk $(wrk -v 2>&1 | head -1 | awk '{ print $2 }').
wrk, nginx, the gateway, the service and its database share the same cores; all ran at nice $NICE.

| path | requests/s | p50 (ms) | p99 (ms) | one connection: p50 (ms) | p99 (ms) | proxy CPU µs per request | upstream CPU µs per request | machine CPU µs per request | machine busy % | errors |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |
$(row direct direct)
$(row nginx "nginx proxy_pass")
$(row gateway gateway)
$(row bare "bare Vert.x HttpProxy (floor of the stack)")
$( [ -n "$BASELINE_PID" ] && row baseline "gateway, baseline build (\`$BASELINE_JAR\`)")

CPU µs per request: user + system time of the process (with its threads and workers) during the
throughput rounds, divided by the requests served; "upstream" is the service's JVM (or the stand-in
nginx), without its database. "Machine": every process and the kernel on every core (/proc/stat), wrk
and the database included; busy % is that time over the cores' time (100 %: no core ever idle).

- gateway / nginx throughput: **$RATIO** (target ≥ 0.9: $THROUGHPUT_OK); round by round: $RATIOS
- p99 added by the gateway over direct, one connection: **$ADDED_P99 ms** (target ≤ 1 ms: $LATENCY_OK);
  round by round (gateway p99 minus direct p99 in the same round): $ADDED_ROUNDS
  by nginx: $NGINX_ADDED_P99 ms. p50 added: gateway $ADDED_P50 ms, nginx $NGINX_ADDED_P50 ms.
  Under the throughput load, where latency is mostly queueing: gateway p99 minus direct p99 $ADDED_P99_LOADED ms.
- bare Vert.x proxy / nginx: $BARE_RATIO (what Vert.x's proxy costs without anything of the gateway's)
$( [ -n "$BASELINE_PID" ] && echo "- gateway / its baseline build, throughput: $(ratio_of_medians gateway baseline) (round by round: $(paste "$WORK/tp-gateway" "$WORK/tp-baseline" | awk '{ printf "%.2f ", $1 / $9 }')); baseline / nginx: $(ratio_of_medians baseline nginx)")

Transport: gateway $G_TRANSPORT, bare Vert.x proxy $B_TRANSPORT (Netty's native epoll or Java NIO).
The gateway ran with its production filters on: request id, access log (at WARN, so not written),
security headers, JWT check ($( [ -n "$TOKEN" ] && echo "the holder's token on every request, verified once then taken from the verified-token cache" || echo "no token sent")),
rate limits (raised out of reach), step-up check, circuit breaker.
JVM flags of the gateway and the bare proxy: \`${POD_JVM[*]}\` (the production image's, see the script).
MD
cat "$RESULT"
