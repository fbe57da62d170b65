# Throwaway PostgreSQL for tests and benchmarks: pg_start sets PG_PORT and
# PG_DIR, pg_stop removes everything again. Debian's postgresql-15 keeps
# initdb and pg_ctl outside PATH; as root they run as the postgres user.

pg_bin_dir() {
  if ! dpkg -L postgresql-15 >/dev/null 2>&1; then
    echo "Installing postgresql-15" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql-15 >/dev/null 2>&1 \
      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql-15 >/dev/null; }
  fi
  dirname "$(dpkg -L postgresql-15 | grep '/bin/initdb$' | head -n 1)"
}

pg_as_owner() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {
  local bin
  bin=$(pg_bin_dir)
  PG_DIR=$(mktemp -d /tmp/portal-pg.XXXXXX)
  PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  [ "$(id -u)" = "0" ] && chown postgres:postgres "$PG_DIR"
  pg_as_owner "$bin/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  pg_as_owner "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -q -c "CREATE ROLE portal LOGIN SUPERUSER" -c "CREATE DATABASE portal_test OWNER portal" >/dev/null
  export PG_PORT PG_DIR PG_BIN="$bin"
}

pg_stop() {
  [ -n "${PG_DIR:-}" ] || return 0
  pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  PG_DIR=
}
