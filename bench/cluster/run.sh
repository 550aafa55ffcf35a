#!/usr/bin/env bash
# Cluster benchmark: the learning benchmark's signed-in lesson page and "lesson done" POST on PostgreSQL + Redis,
# with one replica (direct, and behind nginx) and with two replicas behind nginx on loopback. Prints req/s and p99 of
# each; never fails on them.
#   bash bench/cluster/run.sh        DURATION=15 WARMUP=5 CONNECTIONS=32 BALANCE=least_conn (or round_robin)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-5}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
BALANCE=${BALANCE:-least_conn}
COURSE=auslaendische-berufsabschluesse-anerkennung
EMAIL=bench-learner@example.org
PASSWORD='ein ruhiger Abend am Fluss 2026'

install() { if [ "$(id -u)" -eq 0 ]; then apt-get install -y -q "$@" >/dev/null; else sudo apt-get install -y -q "$@" >/dev/null; fi; }
command -v wrk >/dev/null || { echo "installing wrk" >&2; install wrk; }
command -v nginx >/dev/null || { echo "installing nginx" >&2; install nginx; }

WORK=$(mktemp -d /tmp/iql-bench-cluster-XXXXXX)
PIDS=()
. "$ROOT/bench/common.sh"
WAIT_SECONDS=120  # PostgreSQL-backed replicas start slower
PG_PORT=$(free_port); REDIS_PORT=$(free_port)
services() { IQL_SERVICES_DIR="$WORK/services" IQL_PG_PORT=$PG_PORT IQL_REDIS_PORT=$REDIS_PORT bash "$ROOT/tests/services.sh" "$1"; }
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  services stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

errors_of() { awk '/Non-2xx or 3xx/ { print $NF; f = 1 } END { if (!f) print 0 }' "$1"; }

echo "building Release" >&2
dotnet build "$ROOT/src/IQLearning.Web" -c Release -v q -nologo > "$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }
APP_DIR="$ROOT/src/IQLearning.Web/bin/Release/net10.0"

echo "starting PostgreSQL and Redis on ports $PG_PORT, $REDIS_PORT" >&2
chmod 755 "$WORK"  # initdb and the server run as the postgres user
services start >&2
psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -c 'CREATE DATABASE iql_bench' >/dev/null
export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning
export Database__Provider=Postgres Database__ConnectionString="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=iql_bench"
export Redis__Configuration="127.0.0.1:$REDIS_PORT" Site__DataDirectory="$WORK/data" Content__SeedDirectory="$WORK/content"

# The learning benchmark's content (bench/common.sh).
prepare_lesson_content "$COURSE"
read_runtime_env

# The learner (its first start migrates the database and seeds the content), then two replicas.
echo "$PASSWORD" | (cd "$APP_DIR" && Jobs__RunServer=false dotnet IQLearning.Web.dll create-user "$EMAIL" "Bench Learner") > "$WORK/create-user.log" 2>&1 \
  || { cat "$WORK/create-user.log" >&2; exit 1; }
REPLICAS=()
for name in a b; do
  port=$(free_port)
  (cd "$APP_DIR" && exec env "${RUNTIME_ENV[@]}" dotnet IQLearning.Web.dll --urls "http://127.0.0.1:$port") > "$WORK/app-$name.log" 2>&1 &
  PIDS+=("$!"); REPLICAS+=("$port")
done
for port in "${REPLICAS[@]}"; do wait_for "http://127.0.0.1:$port/health"; done

# nginx in the foreground with its own config and temp files; one upstream with both replicas, one with A only.
BALANCER=$(free_port); BALANCER_ONE=$(free_port)
mkdir -p "$WORK/nginx"
[ "$BALANCE" = least_conn ] && METHOD="least_conn;" || METHOD=""
cat > "$WORK/nginx/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/body; proxy_temp_path $WORK/nginx/proxy; fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi; scgi_temp_path $WORK/nginx/scgi;
  upstream two { $METHOD server 127.0.0.1:${REPLICAS[0]}; server 127.0.0.1:${REPLICAS[1]}; keepalive 64; }
  upstream one { server 127.0.0.1:${REPLICAS[0]}; keepalive 64; }
  server { listen 127.0.0.1:$BALANCER; location / { proxy_pass http://two; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host \$http_host; } }
  server { listen 127.0.0.1:$BALANCER_ONE; location / { proxy_pass http://one; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host \$http_host; } }
}
CONF
nginx -e "$WORK/nginx/error.log" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" &
PIDS+=("$!")
wait_for "http://127.0.0.1:$BALANCER/health"

# Signs in afresh (the security stamp is re-checked a minute after sign-in, and wrk does not take renewed cookies).
sign_in() {
  rm -f "$WORK/jar"
  local token status
  token=$(curl -s -c "$WORK/jar" -b "$WORK/jar" "$1/account/login" | token_of)
  status=$(curl -s -o /dev/null -w '%{http_code}' -c "$WORK/jar" -b "$WORK/jar" --data-urlencode "Email=$EMAIL" \
    --data-urlencode "Password=$PASSWORD" --data-urlencode "__RequestVerificationToken=$token" "$1/account/login")
  [ "$status" = 302 ] || { echo "sign-in failed: $status" >&2; exit 1; }
  COOKIE=$(cookie_header "$WORK/jar")
}

BASE="http://127.0.0.1:${REPLICAS[0]}"
sign_in "$BASE"
COURSE_PAGE=$(curl -s -b "$WORK/jar" "$BASE/courses/$COURSE")
ENROL=$(grep -o 'action="/learn/enrol/[0-9]*"' <<<"$COURSE_PAGE" | head -1 | sed 's/action="//; s/"$//')
curl -s -o /dev/null -b "$WORK/jar" -c "$WORK/jar" --data-urlencode "__RequestVerificationToken=$(token_of <<<"$COURSE_PAGE")" "$BASE$ENROL"
curl -s -b "$WORK/jar" "$BASE/learn/$COURSE/$LESSON" | grep -q 'lesson-body' || { echo "the lesson page did not render" >&2; exit 1; }

# One setup: the lesson page, then the lesson-done POST, each after a warm-up.
measure() {
  local label=$1 base=$2 url="$2/learn/$COURSE/$LESSON"
  echo "$label: lesson page and lesson done, ${WARMUP}s warm-up + ${DURATION}s each, $CONNECTIONS connections" >&2
  sign_in "$base"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -H "Cookie: $COOKIE" "$url" > /dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Cookie: $COOKIE" "$url" > "$WORK/$label-lesson.wrk"
  local token
  token=$(curl -s -b "$WORK/jar" "$url" | token_of)
  BENCH_TOKEN="$token" BENCH_COOKIE="$COOKIE" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$ROOT/bench/learning/done.lua" "$url/done" > /dev/null
  BENCH_TOKEN="$token" BENCH_COOKIE="$COOKIE" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency \
    -s "$ROOT/bench/learning/done.lua" "$url/done" > "$WORK/$label-done.wrk"
}
measure one "$BASE"
measure one-nginx "http://127.0.0.1:$BALANCER_ONE"
measure two-nginx "http://127.0.0.1:$BALANCER"

echo
echo "Cluster benchmark — PostgreSQL + Redis, $(nproc) cores, load average $(cut -d" " -f1-3 /proc/loadavg), .NET SDK $(dotnet --version), Release build, $(date -u +%Y-%m-%dT%H:%MZ)"
printf '%-58s %10s %10s %10s\n' "" "req/s" "p99 ms" "errors"
for run in "one:1 replica, direct" "one-nginx:1 replica behind nginx" "two-nginx:2 replicas behind nginx ($BALANCE)"; do
  label=${run%%:*}; title=${run#*:}
  for kind in lesson done; do
    file="$WORK/$label-$kind.wrk"
    [ "$kind" = lesson ] && what="lesson page" || what="lesson done POST"
    printf '%-58s %10.0f %10.2f %10s\n' "$what, $title" "$(rps_of "$file")" "$(p99_of "$file")" "$(errors_of "$file")"
  done
done
