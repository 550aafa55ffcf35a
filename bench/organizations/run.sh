#!/usr/bin/env bash
# Measures the manager dashboard of an organization with 10,000 members x 5 courses in a database of
# 100,000 learners and 1,000,000 enrollments (SQLite). Usage: bash bench/organizations/run.sh [requests-per-url]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
REQUESTS="${1:-20}"
PORT="${BENCH_PORT:-5097}"
# BENCH_DATA=dir reuses the data directory a BENCH_KEEP=1 run left (no generating); BENCH_SKIP_BUILD=1 skips the build.
DATA="${BENCH_DATA:-$(mktemp -d /tmp/iql-bench-orgs-XXXX)}"
BASE="http://127.0.0.1:$PORT"
# Must not contain the name or the e-mail's local part (the password policy checks that).
PASSWORD="quiet harbour lantern 2026"
APP=""
# BENCH_KEEP=1 keeps the data directory (database, app.log) for EXPLAIN QUERY PLAN afterwards.
trap '[ -n "$APP" ] && kill "$APP" 2>/dev/null; wait 2>/dev/null; [ -n "${BENCH_KEEP:-}${BENCH_DATA:-}" ] && echo "Kept $DATA" || rm -rf "$DATA"' EXIT

if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  echo "Building (Release) …"
  dotnet build "$ROOT/src/IQLearning.Web" -c Release -v q -nologo >/dev/null
fi
DLL="$ROOT/src/IQLearning.Web/bin/Release/net10.0/IQLearning.Web.dll"
export Site__DataDirectory="$DATA" Content__SeedDirectory="$ROOT/content" Jobs__RunServer=false \
       ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning ASPNETCORE_CONTENTROOT="$ROOT/src/IQLearning.Web"

if [ -z "${BENCH_DATA:-}" ]; then
  echo "Migrating and seeding the curriculum (first start) …"
  echo "$PASSWORD" | (cd "$ROOT/src/IQLearning.Web" && dotnet "$DLL" create-admin bench-admin@example.org "Bench Admin") >/dev/null
  echo "Generating 100,000 learners and 1,000,000 enrollments …"
  python3 "$ROOT/bench/organizations/generate.py" "$DATA/iqlearning.db"
fi

# exec: $! is then the server itself, so the trap stops it (a subshell's pid would leave it running).
# The host logs each request's server time ("Request finished … 12.3ms"), which the table reports beside curl's;
# BENCH_SQL_LOG=1 also logs every SQL command with its time (slower; for finding the slow query in app.log).
SQL_LOG=Warning; [ -n "${BENCH_SQL_LOG:-}" ] && SQL_LOG=Information
(cd "$ROOT/src/IQLearning.Web" && exec env "Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics=Information" \
   "Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=$SQL_LOG" dotnet "$DLL" --urls "$BASE" >"$DATA/app.log" 2>&1) &
APP=$!
for _ in $(seq 1 120); do curl -fs "$BASE/health" >/dev/null 2>&1 && break; sleep 0.5; done
kill -0 "$APP" 2>/dev/null || { echo "The site did not start:"; tail -20 "$DATA/app.log"; exit 1; }

JAR="$DATA/cookies"
form_token() { curl -s -c "$JAR" -b "$JAR" "$BASE$1" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
# RFC 6238: HMAC-SHA1 over the 30-second step, dynamic truncation, 6 digits.
totp() {
  python3 -c 'import base64, hmac, struct, sys, time
key = base64.b32decode(sys.argv[1].upper() + "=" * (-len(sys.argv[1]) % 8))
mac = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), "sha1").digest()
offset = mac[-1] & 15
print("%06d" % ((struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000))' "$1"
}
curl -s -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "Email=bench-manager@example.org" --data-urlencode "Password=$PASSWORD" \
     --data-urlencode "__RequestVerificationToken=$(form_token /account/login)" "$BASE/account/login"
# Managers have a second factor: the password step leaves a cookie for /account/login/two-factor.
curl -s -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "Code=$(totp "$(cat "$DATA/manager-authenticator-key")")" \
     --data-urlencode "__RequestVerificationToken=$(form_token /account/login/two-factor)" "$BASE/account/login/two-factor"
ORG=$(cat "$DATA/organization-id")
[ "$(curl -s -o /dev/null -b "$JAR" -w '%{http_code}' "$BASE/organizations/$ORG")" = 200 ] || { echo "Sign-in as the bench manager failed."; exit 1; }

TICK=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$APP/stat"; } # the server's user + system CPU time so far
measure() { # label url
  local times=() before cpu
  curl -s -o /dev/null -b "$JAR" "$BASE$2"; curl -s -o /dev/null -b "$JAR" "$BASE$2" # warm-up
  sleep 0.3; before=$(wc -l <"$DATA/app.log"); cpu=$(cpu_ticks)
  for _ in $(seq 1 "$REQUESTS"); do
    times+=("$(curl -s -o /dev/null -b "$JAR" -w '%{http_code} %{time_total}' "$BASE$2")")
  done
  cpu=$(( ($(cpu_ticks) - cpu) * 1000 / TICK / REQUESTS ))
  sleep 0.3
  printf '%s\n' "${times[@]}" | python3 -c '
import re, sys
rows=[l.split() for l in sys.stdin if l.strip()]
codes=",".join(sorted({r[0] for r in rows})); ms=sorted(float(r[1])*1000 for r in rows)
server=sorted(float(m.group(1)) for m in re.finditer(r"Request finished .* GET \S+ .* ([0-9.]+)ms", open(sys.argv[2]).read().split("\n", int(sys.argv[3]))[-1]))
p=lambda v, q: v[min(len(v)-1, max(0, int(round(q*len(v)+0.5))-1))] if v else float("nan")
print(f"{sys.argv[1]:<36} {p(ms,0.5):8.1f} {p(ms,0.95):8.1f}   {p(server,0.5):8.1f} {p(server,0.95):8.1f}   {int(sys.argv[4]):6d}   HTTP {codes}")' "$1" "$DATA/app.log" "$before" "$cpu"
}

echo
echo "Dashboard of organization $ORG: $REQUESTS requests per URL. Milliseconds: curl's time on loopback; the server's own"
echo "(from the host's log); and the server process's CPU time per request, which a busy machine hardly changes."
printf '%-36s %8s %8s   %8s %8s   %6s\n' "" "median" "p95" "server" "p95" "CPU"
measure "dashboard, page 1"                     "/organizations/$ORG"
measure "dashboard, page 100"                   "/organizations/$ORG?page=100"
measure "dashboard, overdue only"               "/organizations/$ORG?overdue=true"
measure "dashboard, one course + completed"     "/organizations/$ORG?course=$(cat "$DATA/course-id")&status=Completed"
measure "dashboard, member name search"         "/organizations/$ORG?q=Muster%204711"
measure "members page"                          "/organizations/$ORG/members"
REQUESTS=3 measure "CSV export (50,000 rows)"   "/organizations/$ORG/export.csv"
REQUESTS=3 measure "XLSX export (50,000 rows)"  "/organizations/$ORG/export.xlsx"
echo
echo "$(nproc) cores, load average $(cut -d" " -f1-3 /proc/loadavg), $(dotnet --version) SDK, SQLite file $(du -h "$DATA/iqlearning.db" | cut -f1)"
