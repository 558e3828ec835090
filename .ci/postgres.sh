#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server on 127.0.0.1:${PGPORT:-55432} for the store tests and
# prints the URL to use as STORYLINE_TEST_POSTGRES. Installs the server from Debian if absent.
# `.ci/postgres.sh stop URL` stops that server and removes its data folder.
set -euo pipefail
if [ "${1:-}" = stop ]; then
    PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
    port="${2##*:}"; port="${port%%/*}"
    for dir in /tmp/storyline-pg.*; do
        if [ -f "$dir/postmaster.pid" ] && [ "$(sed -n 4p "$dir/postmaster.pid")" = "$port" ]; then
            su postgres -c "$PGBIN/pg_ctl -D $dir stop -m fast" >/dev/null 2>&1 || true
            rm -rf "$dir"
        fi
    done
    exit 0
fi
PGPORT="${PGPORT:-55432}"
# Take the next free port if another server already listens there.
while (echo >"/dev/tcp/127.0.0.1/$PGPORT") 2>/dev/null; do PGPORT=$((PGPORT + 1)); done
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
fi
PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
PGDATA="$(mktemp -d /tmp/storyline-pg.XXXXXX)"
chown postgres "$PGDATA"
su postgres -c "$PGBIN/initdb -D $PGDATA -A trust -U postgres" >/dev/null
su postgres -c "$PGBIN/pg_ctl -D $PGDATA -l $PGDATA/server.log -o '-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off' start -w" >&2
echo "postgres://postgres@127.0.0.1:$PGPORT/postgres"
