# shellcheck shell=bash
# Starts a throwaway PostgreSQL server for the server tests and exports FHIRTRIALS_TEST_POSTGRES.
# Source it (". .ci/postgres.sh"); the cluster lives in a temp folder and is stopped and removed when
# the sourcing shell exits (or call fhirtrials_postgres_stop). Installs PostgreSQL with apt-get when
# no initdb is found. PostgreSQL refuses to run as root, so under root the cluster runs as "postgres".

fhirtrials_postgres_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ]; then
      echo "$dir"
    fi
  done | sort -V | tail -n 1
}

fhirtrials_postgres_free_port() {
  local port
  for port in $(seq 55432 55631); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

fhirtrials_postgres_as_owner() {
  if [ "$(id -u)" = "0" ]; then
    su postgres -s /bin/bash -c "$*"
  else
    bash -c "$*"
  fi
}

fhirtrials_postgres_stop() {
  if [ -n "${FHIRTRIALS_PG_DIR:-}" ] && [ -d "$FHIRTRIALS_PG_DIR" ]; then
    fhirtrials_postgres_as_owner "'$FHIRTRIALS_PG_BIN/pg_ctl' -D '$FHIRTRIALS_PG_DIR/data' -m fast stop" >/dev/null 2>&1 || true
    rm -rf "$FHIRTRIALS_PG_DIR"
  fi
  unset FHIRTRIALS_PG_DIR FHIRTRIALS_TEST_POSTGRES
}

fhirtrials_postgres_start() {
  FHIRTRIALS_PG_BIN="$(fhirtrials_postgres_bin)"
  if [ -z "$FHIRTRIALS_PG_BIN" ]; then
    echo "== installing PostgreSQL"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    FHIRTRIALS_PG_BIN="$(fhirtrials_postgres_bin)"
  fi
  if [ -z "$FHIRTRIALS_PG_BIN" ]; then
    echo "postgres.sh: no initdb found after installing postgresql" >&2
    return 1
  fi
  if [ "$(id -u)" = "0" ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi

  local port password
  port="$(fhirtrials_postgres_free_port)" || { echo "postgres.sh: no free port" >&2; return 1; }
  password="pw$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
  FHIRTRIALS_PG_DIR="$(mktemp -d /tmp/fhirtrials-pg.XXXXXX)"
  chmod 755 "$FHIRTRIALS_PG_DIR"
  printf '%s\n' "$password" > "$FHIRTRIALS_PG_DIR/pwfile"
  if [ "$(id -u)" = "0" ]; then
    chown -R postgres "$FHIRTRIALS_PG_DIR"
  fi

  echo "== PostgreSQL $("$FHIRTRIALS_PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($FHIRTRIALS_PG_DIR)"
  fhirtrials_postgres_as_owner "'$FHIRTRIALS_PG_BIN/initdb' -D '$FHIRTRIALS_PG_DIR/data' -U postgres --pwfile='$FHIRTRIALS_PG_DIR/pwfile' -A scram-sha-256 -E UTF8 --locale=C.UTF-8" >/dev/null \
    || { echo "postgres.sh: initdb failed" >&2; return 1; }
  fhirtrials_postgres_as_owner "'$FHIRTRIALS_PG_BIN/pg_ctl' -D '$FHIRTRIALS_PG_DIR/data' -l '$FHIRTRIALS_PG_DIR/server.log' -w -o \"-p $port -k '$FHIRTRIALS_PG_DIR' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200\" start" >/dev/null \
    || { echo "postgres.sh: the server did not start; see $FHIRTRIALS_PG_DIR/server.log" >&2; cat "$FHIRTRIALS_PG_DIR/server.log" >&2; return 1; }
  fhirtrials_postgres_as_owner "PGPASSWORD='$password' '$FHIRTRIALS_PG_BIN/psql' -q -h 127.0.0.1 -p $port -U postgres -d postgres -v ON_ERROR_STOP=1 -c \"CREATE ROLE fhirtrials LOGIN PASSWORD '$password'\" -c \"CREATE DATABASE fhirtrials_test OWNER fhirtrials\"" \
    || { echo "postgres.sh: could not create the test database" >&2; return 1; }

  export FHIRTRIALS_PG_DIR FHIRTRIALS_PG_BIN
  export FHIRTRIALS_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=fhirtrials;Password=$password;Database=fhirtrials_test"
  trap fhirtrials_postgres_stop EXIT
}

fhirtrials_postgres_start
