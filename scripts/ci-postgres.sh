#!/usr/bin/env bash
# A throwaway PostgreSQL for the server's test suite (server/*.test.ts run it when
# TEST_DATABASE_URL is set). Installs Debian's postgresql when missing, starts a fresh cluster
# listening on 127.0.0.1 only, creates a database and prints ONE line on stdout:
#
#   export TEST_DATABASE_URL=postgres://ashyq:...@127.0.0.1:54329/ashyq_test
#
# so that `eval "$(scripts/ci-postgres.sh)"` sets it. Everything else goes to stderr.
# `scripts/ci-postgres.sh stop` stops the cluster and removes it.
# Settings: PGTEST_PORT (54329), PGTEST_DIR (/tmp/ashyq-postgres).
set -euo pipefail

port=${PGTEST_PORT:-54329}
dir=${PGTEST_DIR:-/tmp/ashyq-postgres}
log() { printf '[ci-postgres] %s\n' "$*" >&2; }

# The newest Debian PostgreSQL installed (/usr/lib/postgresql/<major>/bin), if any.
find_bin() {
  local newest
  newest=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null |
    sort -V | tail -n 1)
  [ -n "$newest" ] && [ -x "$newest/initdb" ] && printf '%s' "$newest"
}

# The server refuses to run as root: as root, run the cluster as the postgres user.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
  else
    "$@"
  fi
}

bin=$(find_bin || true)

if [ "${1:-}" = stop ]; then
  if [ -n "$bin" ] && [ -f "$dir/data/PG_VERSION" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
  fi
  rm -rf "$dir"
  log "stopped and removed $dir"
  exit 0
fi

if [ -z "$bin" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    log "postgresql is not installed and this is not root: apt-get install postgresql first"
    exit 1
  fi
  log "installing postgresql (apt-get)"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  bin=$(find_bin)
fi

# A cluster left over from an earlier run is stopped and replaced: the tests want a clean one.
if [ -f "$dir/data/postmaster.pid" ]; then
  as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
fi
rm -rf "$dir"
mkdir -p "$dir"
password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
printf '%s\n' "$password" >"$dir/pwfile"
chmod 600 "$dir/pwfile"
[ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$dir"

log "initdb in $dir/data ($("$bin/postgres" --version))"
as_owner "$bin/initdb" -D "$dir/data" -U ashyq --pwfile="$dir/pwfile" \
  --auth-host=scram-sha-256 --auth-local=scram-sha-256 --no-sync -E UTF8 --locale=C.UTF-8 >&2
rm -f "$dir/pwfile"

# Durability is pointless for a throwaway test cluster; speed is not.
as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >&2

PGPASSWORD=$password "$bin/createdb" -h 127.0.0.1 -p "$port" -U ashyq ashyq_test >&2
log "PostgreSQL is up on 127.0.0.1:$port (stop with: scripts/ci-postgres.sh stop)"
printf 'export TEST_DATABASE_URL=postgres://ashyq:%s@127.0.0.1:%s/ashyq_test\n' "$password" "$port"
