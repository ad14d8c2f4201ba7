#!/usr/bin/env bash
# A throw-away PostgreSQL server on loopback for the integration tests and benchmarks of
# ContactCenter.Storage.PostgreSql.
#
#   .ci/postgres.sh start   install PostgreSQL from Debian's packages when missing, initdb a data
#                           folder under a temp dir, start the server on 127.0.0.1, create the
#                           test role and database; prints `export CONTACTCENTER_POSTGRES='...'`
#                           as its only line on stdout (progress goes to stderr), so
#                           `eval "$(.ci/postgres.sh start)"` exports the connection string.
#                           Idempotent: a server this script already started is reused.
#   .ci/postgres.sh env     prints the same export line for a running server (fails otherwise).
#   .ci/postgres.sh stop    stops the server and removes the folder (harmless when not running).
#
# Settings (environment): CONTACTCENTER_POSTGRES_DIR (state folder, default
# ${TMPDIR:-/tmp}/contactcenter-postgres), CONTACTCENTER_POSTGRES_PORT (default 55432; the next free
# port above it is taken when it is busy).
set -euo pipefail

state_dir="${CONTACTCENTER_POSTGRES_DIR:-${TMPDIR:-/tmp}/contactcenter-postgres}"
data_dir="$state_dir/data"
socket_dir="$state_dir/socket"
log_file="$state_dir/server.log"
env_file="$state_dir/connection"
base_port="${CONTACTCENTER_POSTGRES_PORT:-55432}"
role="contactcenter"
database="contactcenter"

log() { printf 'postgres.sh: %s\n' "$*" >&2; }
die() { printf 'postgres.sh: error: %s\n' "$*" >&2; exit 1; }

# The server's own tools, whichever way they were installed: PATH first, then Debian's versioned
# folders (newest version first).
find_bindir() {
  local candidate
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"
    return 0
  fi
  for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r); do
    if [[ -x "$candidate/pg_ctl" && -x "$candidate/initdb" && -x "$candidate/postgres" ]]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

install_postgres() {
  if [[ "$(id -u)" -ne 0 ]]; then
    die "PostgreSQL server tools (pg_ctl, initdb) not found and not running as root to install them; install Debian's 'postgresql' package"
  fi
  log "installing PostgreSQL from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update >&2
  apt-get install -y postgresql >&2
}

# Runs a command as the server's owner: the postgres user when we are root (the server refuses
# to run as root), ourselves otherwise.
as_owner() {
  if [[ "$(id -u)" -eq 0 ]]; then
    if command -v runuser >/dev/null 2>&1; then
      runuser -u postgres -- "$@"
    else
      su -s /bin/sh postgres -c "$(printf '%q ' "$@")"
    fi
  else
    "$@"
  fi
}

ensure_owner_user() {
  if [[ "$(id -u)" -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    log "creating the 'postgres' system user"
    useradd --system --home-dir "$state_dir" --shell /bin/sh postgres
  fi
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

is_running() {
  [[ -f "$env_file" && -d "$data_dir" ]] || return 1
  local bindir
  bindir="$(find_bindir)" || return 1
  (cd "$state_dir" && as_owner "$bindir/pg_ctl" -D "$data_dir" status >/dev/null 2>&1)
}

print_env() {
  printf "export CONTACTCENTER_POSTGRES='%s'\n" "$(cat "$env_file")"
}

stop_server() {
  if [[ -d "$data_dir" ]]; then
    local bindir
    if bindir="$(find_bindir)"; then
      (cd "$state_dir" && as_owner "$bindir/pg_ctl" -D "$data_dir" status >/dev/null 2>&1) &&
        (cd "$state_dir" && as_owner "$bindir/pg_ctl" -D "$data_dir" stop -m fast -w >&2) || true
    fi
  fi
  rm -rf "$state_dir"
}

start_server() {
  if is_running; then
    log "already running ($state_dir)"
    print_env
    return 0
  fi
  # A folder left by a server that is no longer running: throw it away and start afresh.
  stop_server

  local bindir
  if ! bindir="$(find_bindir)"; then
    install_postgres
    bindir="$(find_bindir)" || die "PostgreSQL was installed but pg_ctl/initdb were not found"
  fi
  log "using $bindir ($("$bindir/postgres" --version))"
  ensure_owner_user

  local port="$base_port"
  while port_in_use "$port"; do
    port=$((port + 1))
    ((port < base_port + 100)) || die "no free port in $base_port..$((base_port + 99)) on 127.0.0.1"
  done

  local password
  password="$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
  mkdir -p "$data_dir" "$socket_dir"
  printf '%s\n' "$password" >"$state_dir/superuser-password"
  chmod 700 "$state_dir" "$data_dir" "$socket_dir"
  chmod 600 "$state_dir/superuser-password"
  if [[ "$(id -u)" -eq 0 ]]; then
    chown -R postgres "$state_dir"
    # The state folder's parents must be traversable by the postgres user.
    chmod o+x "$(dirname "$state_dir")" 2>/dev/null || true
  fi

  log "initdb $data_dir"
  (cd "$state_dir" && LC_ALL=C LANG=C as_owner "$bindir/initdb" -D "$data_dir" -U postgres \
    --pwfile="$state_dir/superuser-password" --auth=scram-sha-256 --encoding=UTF8 --locale=C >&2)

  log "starting on 127.0.0.1:$port"
  (cd "$state_dir" && LC_ALL=C LANG=C as_owner "$bindir/pg_ctl" -D "$data_dir" -l "$log_file" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $socket_dir -c max_connections=300 -c timezone=UTC" \
    start >&2) || { cat "$log_file" >&2 || true; die "the server did not start"; }

  local psql="$bindir/psql"
  [[ -x "$psql" ]] || psql="$(command -v psql)" || die "psql not found"
  (cd "$state_dir" && PGPASSWORD="$password" as_owner "$psql" -X -q -v ON_ERROR_STOP=1 \
    -h 127.0.0.1 -p "$port" -U postgres -d postgres >&2 <<SQL
CREATE ROLE $role LOGIN CREATEDB PASSWORD '$password';
CREATE DATABASE $database OWNER $role;
SQL
  )

  printf 'Host=127.0.0.1;Port=%s;Username=%s;Password=%s;Database=%s' \
    "$port" "$role" "$password" "$database" >"$env_file"
  chmod 644 "$env_file"
  log "ready: database '$database', role '$role' on 127.0.0.1:$port"
  print_env
}

case "${1:-start}" in
  start) start_server ;;
  stop) stop_server; log "stopped" ;;
  env) is_running || die "no server started by this script is running ($state_dir)"; print_env ;;
  *) die "usage: $0 [start|stop|env]" ;;
esac
