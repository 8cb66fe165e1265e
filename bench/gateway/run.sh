#!/usr/bin/env bash
# Gateway overhead benchmark (issue 9): the same small JSON endpoint measured three ways in one
# session, with wrk on loopback: direct to the upstream, through nginx proxy_pass, through the gateway.
# Target: gateway >= 0.9 x nginx throughput and <= 1 ms added p99 over direct.
#
#   bench/gateway/run.sh                     # upstream: nginx serving a small static JSON (a stand-in)
#   CPA_BENCH_UPSTREAM=http://127.0.0.1:8085 CPA_BENCH_PATH=/api/v1/trainings?size=1 bench/gateway/run.sh
#                                            # upstream: a running catalogue-service (e.g. local-stack's)
#   DURATION=30s CONNECTIONS=64 THREADS=2 bench/gateway/run.sh
#   BENCH_NICE=-10 bench/gateway/run.sh     # on a machine shared with other builds (root only): every
#                                            # measured process (wrk, both nginx, both JVMs) at that
#                                            # priority, so that the others' load disturbs the run less
#
# Installs wrk, nginx and openssl with apt-get if missing; builds the gateway if its jar is missing.
# Writes bench/results/gateway-<UTC time>.md and prints it.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DURATION=${DURATION:-20s}
# Warm-up in rounds of WARMUP until requests/s stops rising by more than 5 % (at most
# WARMUP_ROUNDS): a JVM needs its JIT to have compiled the request path, and on a shared 2-core
# machine C2 was still compiling after 40 s. nginx gets the same treatment (it stops after two rounds).
WARMUP=${WARMUP:-15s}
WARMUP_ROUNDS=${WARMUP_ROUNDS:-8}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
BENCH_PATH=${CPA_BENCH_PATH:-/api/v1/trainings}
UPSTREAM_PORT=18185
NGINX_PORT=18190
GATEWAY_PORT=18180
BARE_PORT=18195
NICE=${BENCH_NICE:-0}
RUN="nice -n $NICE"

need() {
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "installing $2" >&2
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
  fi
}
need wrk wrk
need nginx nginx
need openssl openssl

WORK=$(mktemp -d /tmp/cpa-bench-gateway.XXXXXX)
NGINX_PID=""
UPSTREAM_PID=""
GATEWAY_PID=""
BARE_PID=""
cleanup() {
  [ -n "$GATEWAY_PID" ] && kill "$GATEWAY_PID" 2>/dev/null || true
  [ -n "$BARE_PID" ] && kill "$BARE_PID" 2>/dev/null || true
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
  [ -n "$UPSTREAM_PID" ] && kill "$UPSTREAM_PID" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

if [ -n "${CPA_BENCH_UPSTREAM:-}" ]; then
  UPSTREAM=${CPA_BENCH_UPSTREAM%/}
  UPSTREAM_KIND="service at $UPSTREAM"
else
  UPSTREAM=http://127.0.0.1:$UPSTREAM_PORT
  UPSTREAM_KIND="nginx serving a static 140-byte JSON (stand-in for a service: measures the proxies alone)"
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
fi
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
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/privateKey.pem" 2>/dev/null
openssl rsa -in "$WORK/privateKey.pem" -pubout -out "$WORK/publicKey.pem" 2>/dev/null
# The route of $BENCH_PATH goes to the upstream, whatever service owns it; the rate limits stay on
# (their cost is part of the gateway's) but high enough for one client hammering from 127.0.0.1.
SERVICES=""
for s in account training-rights hardship civic-engagement catalogue; do
  SERVICES="$SERVICES -Dcpa.gateway.proxy.services.$s=$UPSTREAM"
done
$RUN java -Xms512m -Xmx512m \
  -Dquarkus.http.port=$GATEWAY_PORT \
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
  -jar "$JAR" > "$WORK/gateway.log" 2>&1 &
GATEWAY_PID=$!

# --- the floor of the gateway's stack: Vert.x's proxy alone, same jars, no Quarkus, no filters -------
$RUN java -Xms256m -Xmx256m -cp "$ROOT/gateway/target/quarkus-app/lib/main/*" "$ROOT/bench/gateway/BareProxy.java" \
  $BARE_PORT "${UPSTREAM_HOSTPORT%:*}" "${UPSTREAM_HOSTPORT##*:}" > "$WORK/bare.log" 2>&1 &
BARE_PID=$!

wait_for() {
  # A loaded machine may take a minute or two to start a JVM.
  for _ in $(seq 1 300); do
    if curl -fs -o /dev/null "$1"; then return 0; fi
    sleep 0.5
  done
  echo "not answering: $1 (logs in $WORK)" >&2
  exit 1
}
wait_for "$UPSTREAM$BENCH_PATH"
wait_for "http://127.0.0.1:$NGINX_PORT$BENCH_PATH"
wait_for "http://127.0.0.1:$GATEWAY_PORT$BENCH_PATH"
wait_for "http://127.0.0.1:$BARE_PORT$BENCH_PATH"

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
measure() { # name url [pids whose CPU time to count] -> "rps p50 p99 cpu-us-per-request errors"
  local name=$1 url=$2
  shift 2
  local round previous=0 current
  for round in $(seq 1 "$WARMUP_ROUNDS"); do
    current=$($RUN wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$url" | awk '/Requests\/sec/ { printf "%d", $2 }')
    echo "warm-up $name round $round: $current requests/s" >&2
    if [ "${current:-0}" -le $((previous * 105 / 100)) ]; then break; fi
    previous=${current:-0}
  done
  echo "$round" > "$WORK/warmup-$name"
  local out before after
  before=$(cpu_ticks "$@")
  out=$($RUN wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$url")
  after=$(cpu_ticks "$@")
  echo "$out" > "$WORK/wrk-$name.txt"
  local rps p50 p99 errors requests cpu
  rps=$(echo "$out" | awk '/Requests\/sec/ { print $2 }')
  requests=$(echo "$out" | awk '/requests in/ { print $1 }')
  # CPU time of the measured process per request, in microseconds (clock ticks are 1/100 s here).
  cpu=$(awk -v t=$((after - before)) -v n="$requests" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.0f", (n > 0 && t > 0) ? t * 1e6 / hz / n : 0 }')
  p50=$(to_ms "$(echo "$out" | awk '$1 == "50%" { print $2 }')")
  p99=$(to_ms "$(echo "$out" | awk '$1 == "99%" { print $2 }')")
  errors=$(echo "$out" | awk '/Non-2xx/ { print $NF } /Socket errors/ { print "socket:" $0 }' | tr '\n' ' ')
  echo "$rps $p50 $p99 $cpu ${errors:-none}"
}
read -r D_RPS D_P50 D_P99 D_CPU D_ERR <<<"$(measure direct "$UPSTREAM$BENCH_PATH" $UPSTREAM_PID)"
read -r N_RPS N_P50 N_P99 N_CPU N_ERR <<<"$(measure nginx "http://127.0.0.1:$NGINX_PORT$BENCH_PATH" $NGINX_PID)"
read -r G_RPS G_P50 G_P99 G_CPU G_ERR <<<"$(measure gateway "http://127.0.0.1:$GATEWAY_PORT$BENCH_PATH" $GATEWAY_PID)"
read -r B_RPS B_P50 B_P99 B_CPU B_ERR <<<"$(measure bare "http://127.0.0.1:$BARE_PORT$BENCH_PATH" $BARE_PID)"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

RATIO=$(awk -v g="$G_RPS" -v n="$N_RPS" 'BEGIN { printf "%.2f", g / n }')
BARE_RATIO=$(awk -v g="$B_RPS" -v n="$N_RPS" 'BEGIN { printf "%.2f", g / n }')
GATEWAY_OF_BARE=$(awk -v g="$G_RPS" -v b="$B_RPS" 'BEGIN { printf "%.2f", g / b }')
ADDED_P99=$(awk -v g="$G_P99" -v d="$D_P99" 'BEGIN { printf "%.3f", g - d }')
NGINX_ADDED_P99=$(awk -v g="$N_P99" -v d="$D_P99" 'BEGIN { printf "%.3f", g - d }')
THROUGHPUT_OK=$(awk -v r="$RATIO" 'BEGIN { print (r >= 0.9) ? "met" : "NOT met" }')
ADDED_P50=$(awk -v g="$G_P50" -v d="$D_P50" 'BEGIN { printf "%.3f", g - d }')
# A direct p99 above the proxies' is the other load's doing (its tail is the scheduler's, not the
# upstream's): then the p99 comparison says nothing either way.
LATENCY_OK=$(awk -v a="$ADDED_P99" -v d="$D_P99" -v n="$N_P99" 'BEGIN { print (d > n) ? "inconclusive: the direct p99 is noise from other load" : (a <= 1.0) ? "met" : "NOT met" }')

STAMP=$(date -u +%Y-%m-%dT%H%M%SZ)
RESULT="$ROOT/bench/results/gateway-$STAMP.md"
cat > "$RESULT" <<MD
# Gateway benchmark, $STAMP

wrk, $THREADS threads, $CONNECTIONS connections, $DURATION each after warm-up rounds of $WARMUP until requests/s
stopped rising (direct $(cat "$WORK/warmup-direct") rounds, nginx $(cat "$WORK/warmup-nginx"), gateway $(cat "$WORK/warmup-gateway"), bare Vert.x $(cat "$WORK/warmup-bare" 2>/dev/null || echo -)), loopback,
\`GET $BENCH_PATH\`. Upstream: $UPSTREAM_KIND.
Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), load average before the run $LOAD_BEFORE, after it $LOAD_AFTER;
$(nginx -v 2>&1), $(java -version 2>&1 | head -1), wrk $(wrk -v 2>&1 | head -1 | awk '{ print $2 }').
wrk, nginx, the gateway and the upstream share the same cores; all ran at nice $NICE.

| path | requests/s | p50 (ms) | p99 (ms) | CPU µs per request | errors |
| --- | ---: | ---: | ---: | ---: | --- |
| direct | $D_RPS | $D_P50 | $D_P99 | ${D_CPU:-?} (upstream) | $D_ERR |
| nginx proxy_pass | $N_RPS | $N_P50 | $N_P99 | $N_CPU (proxy) | $N_ERR |
| gateway | $G_RPS | $G_P50 | $G_P99 | $G_CPU (proxy) | $G_ERR |
| bare Vert.x HttpProxy (floor of the stack) | $B_RPS | $B_P50 | $B_P99 | $B_CPU (proxy) | $B_ERR |

CPU µs per request: user + system time of the measured process (with its threads and workers)
during the measured run, divided by the requests served. It depends much less on what else runs
on the machine than requests/s does, and tells what each proxy costs.

- gateway / nginx throughput: **$RATIO** (target ≥ 0.9: $THROUGHPUT_OK)
- p99 added by the gateway over direct: **$ADDED_P99 ms** (target ≤ 1 ms: $LATENCY_OK); by nginx: $NGINX_ADDED_P99 ms;
  p50 added by the gateway: $ADDED_P50 ms
- bare Vert.x proxy / nginx: $BARE_RATIO; gateway / bare Vert.x proxy: $GATEWAY_OF_BARE (what the gateway's
  own work — Quarkus's router, authentication, filters, metrics — costs on top of the library)

Transport: gateway $G_TRANSPORT, bare Vert.x proxy $B_TRANSPORT (Netty's native epoll or Java NIO).
The gateway ran with its production filters on: request id, access log (at WARN, so not written),
security headers, JWT check (no token sent), rate limits (raised out of reach), step-up check,
circuit breaker.
MD
cat "$RESULT"
