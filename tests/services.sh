#!/usr/bin/env bash
# Starts (or stops) the PostgreSQL and Redis servers the scale-out tests use: throwaway instances on loopback,
# data under /tmp/iqlearning-services (or $IQL_SERVICES_DIR), ports 55432/56379 (or $IQL_PG_PORT/$IQL_REDIS_PORT).
# Prints the environment the tests read.
#   bash tests/services.sh start   → writes $root/env (IQL_TEST_POSTGRES, IQL_TEST_REDIS)
#   bash tests/services.sh stop
set -euo pipefail
cd "$(dirname "$0")/.."
root="${IQL_SERVICES_DIR:-/tmp/iqlearning-services}"
pgport=${IQL_PG_PORT:-55432}; redisport=${IQL_REDIS_PORT:-56379}
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)

start() {
  mkdir -p "$root"
  [ -n "$pgbin" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
  command -v redis-server >/dev/null || { echo "Redis is not installed (apt-get install redis-server)" >&2; exit 1; }
  local pgdata="$root/pgdata"
  if [ ! -s "$pgdata/PG_VERSION" ]; then
    mkdir -p "$pgdata"; chown postgres:postgres "$pgdata"
    runuser -u postgres -- "$pgbin/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$root/initdb.log"
  fi
  if ! runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" status >/dev/null 2>&1; then
    runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w -t 60 \
      -o "-p $pgport -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
  fi
  if ! redis-cli -p $redisport ping >/dev/null 2>&1; then
    redis-server --port $redisport --bind 127.0.0.1 --daemonize yes --save "" --appendonly no \
      --logfile "$root/redis.log" --pidfile "$root/redis.pid"
    for _ in $(seq 50); do redis-cli -p $redisport ping >/dev/null 2>&1 && break; sleep 0.1; done
  fi
  cat > "$root/env" <<ENV
export IQL_TEST_POSTGRES="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=postgres"
export IQL_TEST_REDIS="127.0.0.1:$redisport"
ENV
  echo "PostgreSQL on 127.0.0.1:$pgport, Redis on 127.0.0.1:$redisport"
}

stop() {
  [ -n "$pgbin" ] && [ -d "$root/pgdata" ] && runuser -u postgres -- "$pgbin/pg_ctl" -D "$root/pgdata" -m fast stop >/dev/null 2>&1 || true
  redis-cli -p $redisport shutdown nosave >/dev/null 2>&1 || true
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
