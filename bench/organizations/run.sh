#!/usr/bin/env bash
# Measures the manager dashboard of an organization with 10,000 members x 5 courses in a database of
# 100,000 learners and 1,000,000 enrollments (SQLite). Usage: bash bench/organizations/run.sh [requests-per-url]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
REQUESTS="${1:-20}"
PORT="${BENCH_PORT:-5097}"
DATA="$(mktemp -d /tmp/iql-bench-orgs-XXXX)"
BASE="http://127.0.0.1:$PORT"
PASSWORD="bench passphrase 2026 long"
APP=""
trap '[ -n "$APP" ] && kill "$APP" 2>/dev/null; wait 2>/dev/null; rm -rf "$DATA"' EXIT

echo "Building (Release) …"
dotnet build "$ROOT/src/IQLearning.Web" -c Release -v q -nologo >/dev/null
DLL="$ROOT/src/IQLearning.Web/bin/Release/net10.0/IQLearning.Web.dll"
export Site__DataDirectory="$DATA" Content__SeedDirectory="$ROOT/content" Jobs__RunServer=false \
       ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning ASPNETCORE_CONTENTROOT="$ROOT/src/IQLearning.Web"

echo "Migrating and seeding the curriculum (first start) …"
echo "$PASSWORD" | (cd "$ROOT/src/IQLearning.Web" && dotnet "$DLL" create-admin bench-admin@example.org "Bench Admin") >/dev/null

echo "Generating 100,000 learners and 1,000,000 enrollments …"
python3 "$ROOT/bench/organizations/generate.py" "$DATA/iqlearning.db"

# exec: $! is then the server itself, so the trap stops it (a subshell's pid would leave it running).
(cd "$ROOT/src/IQLearning.Web" && exec dotnet "$DLL" --urls "$BASE" >"$DATA/app.log" 2>&1) &
APP=$!
for _ in $(seq 1 120); do curl -fs "$BASE/health" >/dev/null 2>&1 && break; sleep 0.5; done
kill -0 "$APP" 2>/dev/null || { echo "The site did not start:"; tail -20 "$DATA/app.log"; exit 1; }

JAR="$DATA/cookies"
TOKEN=$(curl -s -c "$JAR" -b "$JAR" "$BASE/account/login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -s -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "Email=bench-manager@example.org" --data-urlencode "Password=$PASSWORD" \
     --data-urlencode "__RequestVerificationToken=$TOKEN" "$BASE/account/login"
ORG=$(cat "$DATA/organization-id")
[ "$(curl -s -o /dev/null -b "$JAR" -w '%{http_code}' "$BASE/organizations/$ORG")" = 200 ] || { echo "Sign-in as the bench manager failed."; exit 1; }

measure() { # label url
  local times=()
  curl -s -o /dev/null -b "$JAR" "$BASE$2"; curl -s -o /dev/null -b "$JAR" "$BASE$2" # warm-up
  for _ in $(seq 1 "$REQUESTS"); do
    times+=("$(curl -s -o /dev/null -b "$JAR" -w '%{http_code} %{time_total}' "$BASE$2")")
  done
  printf '%s\n' "${times[@]}" | python3 -c '
import sys
rows=[l.split() for l in sys.stdin if l.strip()]
codes=",".join(sorted({r[0] for r in rows})); ms=sorted(float(r[1])*1000 for r in rows)
p=lambda q: ms[min(len(ms)-1, max(0, int(round(q*len(ms)+0.5))-1))]
print(f"{sys.argv[1]:<44} {p(0.5):8.1f} ms {p(0.95):8.1f} ms   HTTP {codes}")' "$1"
}

echo
echo "Dashboard of organization $ORG: $REQUESTS requests per URL, wall-clock time measured by curl on loopback"
printf '%-44s %11s %11s\n' "" "median" "p95"
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
