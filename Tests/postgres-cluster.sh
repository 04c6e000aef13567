# A throwaway PostgreSQL cluster on loopback, for the tests (`Tests/run-all.sh`) and the benchmarks
# (`Tests/bench-backends.sh`). Source it, then: install_postgres (Debian's `postgresql` when `initdb`/`pg_ctl` are
# missing), start_postgres (initdb in a temporary folder as the unprivileged user `bulletin-pg` when run as root,
# listening on 127.0.0.1 on a free port, exported as BULLETIN_TEST_POSTGRES_URL), stop_postgres (stops it and
# deletes the folder). POSTGRES_SETTINGS adds server settings; by default `-c fsync=off`, as the tests' cluster is
# thrown away after the run (the benchmarks keep fsync on: they measure durable commits).
PG_BIN=""
PG_DIR=""
: "${POSTGRES_SETTINGS=-c fsync=off}"

find_postgres() {
    local dir
    for dir in "$(dirname "$(command -v pg_ctl || echo /nonexistent/pg_ctl)")" /usr/lib/postgresql/*/bin; do
        if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
            PG_BIN=$dir
            return 0
        fi
    done
    return 1
}

install_postgres() {
    find_postgres && return 0
    echo "installing postgresql"
    apt-get update -qq && apt-get install -y -qq --no-install-recommends postgresql || return 1
    find_postgres || { echo "error: no initdb and pg_ctl after installing postgresql"; return 1; }
}

# Runs a command as the cluster's owner: PostgreSQL refuses to run as root, and CI often is root.
as_postgres_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u bulletin-pg -- "$@"
    else
        "$@"
    fi
}

start_postgres() {
    local port
    PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/bulletin-pg.XXXXXX") || return 1
    if [ "$(id -u)" -eq 0 ]; then
        id -u bulletin-pg >/dev/null 2>&1 ||
            useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin bulletin-pg ||
            return 1
        chown bulletin-pg "$PG_DIR"
    fi
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_postgres_owner "$PG_BIN/initdb" -D "$PG_DIR/data" -U bulletin --auth=trust -E UTF8 --locale=C \
        >"$PG_DIR/initdb.log" 2>&1 || { cat "$PG_DIR/initdb.log"; return 1; }
    # Loopback only, the socket in the temporary folder.
    as_postgres_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_DIR -c max_connections=400 $POSTGRES_SETTINGS" start ||
        { cat "$PG_DIR/server.log"; return 1; }
    export BULLETIN_TEST_POSTGRES_URL="postgres://bulletin@127.0.0.1:$port/postgres"
    echo "PostgreSQL: $BULLETIN_TEST_POSTGRES_URL ($("$PG_BIN/pg_ctl" --version); ${POSTGRES_SETTINGS:-defaults})"
}

stop_postgres() {
    [ -n "$PG_DIR" ] || return 0
    if [ -f "$PG_DIR/data/postmaster.pid" ]; then
        as_postgres_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1
    fi
    rm -rf "$PG_DIR"
    PG_DIR=""
}
