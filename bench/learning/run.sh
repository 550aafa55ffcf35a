#!/usr/bin/env bash
# Learning benchmark: the signed-in lesson page and the "lesson done" POST of the Release build, each next to its
# floor measured in the same run (a bare Kestrel endpoint returning the same bytes; raw SQLite one-row commits),
# and the server's RSS after a 60 s load. Prints the figures and the ratios; never fails on them.
#   bash bench/learning/run.sh            DURATION=20 CONNECTIONS=32 POST_CONNECTIONS=32 to change the runs
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-32}
POST_CONNECTIONS=${POST_CONNECTIONS:-32}
RSS_SECONDS=${RSS_SECONDS:-60}
WARMUP=${WARMUP:-10}
THREADS=${THREADS:-2}
COURSE=auslaendische-berufsabschluesse-anerkennung
EMAIL=bench-learner@example.org
PASSWORD='Lernkurve mit sieben Fenstern'

if ! command -v wrk >/dev/null; then
  echo "installing wrk" >&2
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y -q wrk >/dev/null; else sudo apt-get install -y -q wrk >/dev/null; fi
fi

WORK=$(mktemp -d /tmp/iql-bench-learning-XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
[ -n "${KEEP:-}" ] && trap - EXIT

. "$ROOT/bench/common.sh"

echo "building Release" >&2
dotnet build "$ROOT/src/IQLearning.Web" -c Release -v q -nologo >/dev/null
dotnet build "$ROOT/bench/IQLearning.Bench" -c Release -v q -nologo >/dev/null
APP_DIR="$ROOT/src/IQLearning.Web/bin/Release/net10.0"
BENCH_DLL="$ROOT/bench/IQLearning.Bench/bin/Release/net10.0/IQLearning.Bench.dll"

prepare_lesson_content "$COURSE"

PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
# A learner account (the first start migrates and seeds); privileged roles would need a second factor.
echo "$PASSWORD" | (cd "$APP_DIR" && ASPNETCORE_ENVIRONMENT=Production Site__DataDirectory="$WORK/data" \
  Content__SeedDirectory="$WORK/content" Jobs__RunServer=false Logging__LogLevel__Default=Warning \
  dotnet IQLearning.Web.dll create-user "$EMAIL" "Bench Learner") > "$WORK/create-user.log" 2>&1
read_runtime_env
start_server() {
  (cd "$APP_DIR" && exec env "${RUNTIME_ENV[@]}" ASPNETCORE_ENVIRONMENT=Production Site__DataDirectory="$WORK/data" \
    Content__SeedDirectory="$WORK/content" Logging__LogLevel__Default=Warning dotnet IQLearning.Web.dll --urls "$BASE") >> "$WORK/app.log" 2>&1 &
  APP_PID=$!
  PIDS+=("$APP_PID")
  wait_for "$BASE/health"
}
start_server

# Signs in afresh (the security stamp is re-checked a minute after sign-in, and wrk does not take renewed cookies).
sign_in() {
  rm -f "$WORK/jar"
  local token
  token=$(curl -s -c "$WORK/jar" -b "$WORK/jar" "$BASE/account/login" | token_of)
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' -c "$WORK/jar" -b "$WORK/jar" --data-urlencode "Email=$EMAIL" \
    --data-urlencode "Password=$PASSWORD" --data-urlencode "__RequestVerificationToken=$token" "$BASE/account/login")
  [ "$status" = 302 ] || { echo "sign-in failed: $status" >&2; exit 1; }
  COOKIE=$(cookie_header "$WORK/jar")
}

sign_in
COURSE_PAGE=$(curl -s -b "$WORK/jar" "$BASE/courses/$COURSE")
ENROL=$(grep -o 'action="/learn/enrol/[0-9]*"' <<<"$COURSE_PAGE" | head -1 | sed 's/action="//; s/"$//')
curl -s -o /dev/null -b "$WORK/jar" -c "$WORK/jar" --data-urlencode "__RequestVerificationToken=$(token_of <<<"$COURSE_PAGE")" "$BASE$ENROL"
LESSON_URL="$BASE/learn/$COURSE/$LESSON"
curl -s -b "$WORK/jar" "$LESSON_URL" > "$WORK/lesson.html"
grep -q 'lesson-body' "$WORK/lesson.html" || { echo "the lesson page did not render" >&2; exit 1; }
BYTES=$(wc -c < "$WORK/lesson.html")

echo "(a) lesson page: $LESSON_URL ($BYTES bytes), ${WARMUP}s warm-up, ${DURATION}s, $CONNECTIONS connections" >&2
sign_in
# Warm-up (JIT tiering, connection pools) so both sides are measured in their steady state.
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -H "Cookie: $COOKIE" "$LESSON_URL" > /dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Cookie: $COOKIE" "$LESSON_URL" > "$WORK/lesson.wrk"

BARE_PORT=$(free_port)
dotnet "$BENCH_DLL" bare-endpoint --port "$BARE_PORT" --file "$WORK/lesson.html" > "$WORK/bare.log" 2>&1 &
PIDS+=("$!")
wait_for "http://127.0.0.1:$BARE_PORT/"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "http://127.0.0.1:$BARE_PORT/" > /dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "http://127.0.0.1:$BARE_PORT/" > "$WORK/bare.wrk"
kill "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true; unset 'PIDS[-1]'
# The same bare endpoint, but it first checks the site's sign-in cookie (the site's key folder): what signing in costs.
AUTH_PORT=$(free_port)
dotnet "$BENCH_DLL" bare-endpoint --port "$AUTH_PORT" --file "$WORK/lesson.html" --keys "$WORK/data/keys" > "$WORK/bare-auth.log" 2>&1 &
PIDS+=("$!")
# It answers 401 without the cookie, so it is awaited with it.
wait_for "http://127.0.0.1:$AUTH_PORT/" -H "Cookie: $COOKIE" || { echo "the sign-in cookie did not authenticate on the bare endpoint" >&2; exit 1; }
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -H "Cookie: $COOKIE" "http://127.0.0.1:$AUTH_PORT/" > /dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Cookie: $COOKIE" "http://127.0.0.1:$AUTH_PORT/" > "$WORK/bare-auth.wrk"
kill "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true; unset 'PIDS[-1]'

echo "(b) lesson done POST, ${DURATION}s, $POST_CONNECTIONS connections; raw SQLite commits, ${DURATION}s" >&2
sign_in
TOKEN=$(curl -s -b "$WORK/jar" "$LESSON_URL" | token_of)
[ -n "$TOKEN" ] || { echo "no antiforgery token on the lesson page for the POST run" >&2; exit 1; }
BENCH_TOKEN="$TOKEN" BENCH_COOKIE="$COOKIE" wrk -t"$THREADS" -c"$POST_CONNECTIONS" -d"${WARMUP}s" -s "$ROOT/bench/learning/done.lua" "$LESSON_URL/done" > /dev/null
BENCH_TOKEN="$TOKEN" BENCH_COOKIE="$COOKIE" wrk -t"$THREADS" -c"$POST_CONNECTIONS" -d"${DURATION}s" --latency \
  -s "$ROOT/bench/learning/done.lua" "$LESSON_URL/done" > "$WORK/done.wrk"
dotnet "$BENCH_DLL" sqlite-commits --dir "$WORK/sqlite" --seconds "$DURATION" > "$WORK/sqlite.txt"
COMMITS=$(awk -F'[:/]' '{ gsub(/ /, "", $2); print $2 }' "$WORK/sqlite.txt")

# The server that served (a) and (b) first, for comparison; then (c) on a freshly started one: a 60 s load run alone.
USED_RSS_KB=$(awk '/^VmRSS:/ { print $2 }' "/proc/$APP_PID/status")
echo "(c) RSS after ${RSS_SECONDS}s of lesson pages, on a freshly started server" >&2
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
start_server
sign_in
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${RSS_SECONDS}s" -H "Cookie: $COOKIE" "$LESSON_URL" > "$WORK/rss.wrk"
RSS_KB=$(awk '/^VmRSS:/ { print $2 }' "/proc/$APP_PID/status")
HWM_KB=$(awk '/^VmHWM:/ { print $2 }' "/proc/$APP_PID/status")

for f in lesson bare bare-auth done rss; do
  grep -q '^Requests/sec:' "$WORK/$f.wrk" || { echo "warning: the $f run printed no rate:" >&2; cat "$WORK/$f.wrk" >&2; }
  if grep -q 'Non-2xx or 3xx' "$WORK/$f.wrk"; then echo "warning: $f run had error responses: $(grep 'Non-2xx' "$WORK/$f.wrk")" >&2; fi
done

LESSON_RPS=$(rps_of "$WORK/lesson.wrk"); BARE_RPS=$(rps_of "$WORK/bare.wrk"); DONE_RPS=$(rps_of "$WORK/done.wrk")
AUTH_RPS=$(rps_of "$WORK/bare-auth.wrk")
echo
echo "Learning benchmark — $(nproc) cores, load average $(cut -d" " -f1-3 /proc/loadavg), .NET SDK $(dotnet --version), Release build, $(date -u +%Y-%m-%dT%H:%MZ)"
printf '%-58s %10s %10s\n' "" "req/s" "p99 ms"
printf '%-58s %10.0f %10.2f\n' "(a) lesson page, signed in ($BYTES B, $CONNECTIONS conn.)" "$LESSON_RPS" "$(p99_of "$WORK/lesson.wrk")"
printf '%-58s %10.0f %10.2f\n' "    bare Kestrel endpoint, same bytes" "$BARE_RPS" "$(p99_of "$WORK/bare.wrk")"
printf '%-58s %10.0f %10.2f\n' "    bare endpoint + sign-in cookie check, same bytes" "$AUTH_RPS" "$(p99_of "$WORK/bare-auth.wrk")"
printf '%-58s %10.0f %10.2f\n' "(b) lesson done POST ($POST_CONNECTIONS conn.)" "$DONE_RPS" "$(p99_of "$WORK/done.wrk")"
printf '%-58s %10.0f\n' "    raw SQLite one-row commits (1 connection)" "$COMMITS"
awk -v a="$LESSON_RPS" -v b="$BARE_RPS" -v x="$AUTH_RPS" -v d="$DONE_RPS" -v c="$COMMITS" -v r="$RSS_KB" -v h="$HWM_KB" -v u="$USED_RSS_KB" -v s="$RSS_SECONDS" 'BEGIN {
  printf "\nratio (a) lesson page / bare endpoint: %.1f %%   (target >= 33 %%, p99 <= 25 ms)\n", 100 * a / b
  printf "    for comparison: bare endpoint + sign-in cookie check / bare endpoint: %.1f %%\n", 100 * x / b
  printf "ratio (b) lesson done / raw commits:   %.1f %%   (target >= 50 %%)\n", 100 * d / c
  printf "(c) server RSS after %d s of load: %.0f MB (peak %.0f MB)   (target <= 200 MB)\n", s, r / 1024, h / 1024
  printf "    for comparison: the server that had served (a) and (b) before: %.0f MB\n", u / 1024 }'
