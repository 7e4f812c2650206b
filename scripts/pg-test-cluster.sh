#!/usr/bin/env bash
# pg-test-cluster.sh — a throwaway PostgreSQL cluster for the store tests.
#
#   eval "$(scripts/pg-test-cluster.sh start)"   # sets ITAS_TEST_PG
#   go test ./internal/store/...
#   scripts/pg-test-cluster.sh stop
#
# start installs Debian's postgresql when no initdb is found (apt-get,
# non-interactive; needs root), creates a cluster in a temporary directory
# owned by the postgres user (trust auth, UTF-8, C.UTF-8 locale; fsync off
# since the data is thrown away), starts it on 127.0.0.1 on a free port with
# its unix socket in the same directory, creates the database itas_test, and
# prints `export ITAS_TEST_PG=…` on stdout — everything else goes to stderr,
# so that the output can be eval'ed. Running start again while the cluster
# runs prints the same line. stop stops the cluster and removes the directory.
# env prints the export line of a running cluster.
#
# The directory is $ITAS_PG_DIR, by default ${TMPDIR:-/tmp}/itas-pg-test.
set -euo pipefail

dir=${ITAS_PG_DIR:-${TMPDIR:-/tmp}/itas-pg-test}
db=itas_test

log() { printf 'pg-test-cluster: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

# as_pg runs a command as the cluster's owner: postgres when we are root
# (initdb refuses to run as root), ourselves otherwise.
as_pg() {
	if [ "$(id -u)" = 0 ]; then
		if command -v runuser >/dev/null; then
			runuser -u postgres -- "$@"
		else
			su -s /bin/sh postgres -c "$(printf '%q ' "$@")"
		fi
	else
		"$@"
	fi
}

find_bindir() {
	local d
	d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
	if [ -n "$d" ] && [ -x "$d/initdb" ]; then
		echo "$d"
	elif command -v initdb >/dev/null; then
		dirname "$(readlink -f "$(command -v initdb)")"
	fi
}

install_postgres() {
	[ "$(id -u)" = 0 ] || die "initdb not found and not root: install PostgreSQL (apt-get install postgresql) first"
	log "initdb not found: installing Debian's postgresql"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2
	apt-get install -y -qq --no-install-recommends postgresql >&2
	# The package creates and starts a default cluster; we do not use it.
	if command -v pg_ctlcluster >/dev/null; then
		for c in /etc/postgresql/*/main; do
			[ -d "$c" ] || continue
			v=$(basename "$(dirname "$c")")
			pg_ctlcluster "$v" main stop >&2 2>/dev/null || true
		done
	fi
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

export_line() {
	printf "export ITAS_TEST_PG='postgres://postgres@127.0.0.1:%s/%s?sslmode=disable'\n" "$(cat "$dir/port")" "$db"
}

running() {
	local bindir=$1
	[ -f "$dir/port" ] && [ -d "$dir/data" ] && as_pg "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1
}

start() {
	local bindir
	bindir=$(find_bindir)
	if [ -z "$bindir" ]; then
		install_postgres
		bindir=$(find_bindir)
		[ -n "$bindir" ] || die "initdb still not found after installing postgresql"
	fi
	if running "$bindir"; then
		log "already running in $dir"
		export_line
		return
	fi
	if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
		useradd --system --home-dir /var/lib/postgresql --shell /bin/sh postgres
	fi
	rm -rf "$dir"
	mkdir -p "$dir/sock"
	[ "$(id -u)" = 0 ] && chown -R postgres: "$dir"
	chmod 700 "$dir"

	local locale=C.UTF-8
	locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$' || locale=C
	as_pg "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale="$locale" >"$dir/initdb.log" 2>&1 ||
		{ cat "$dir/initdb.log" >&2; die "initdb failed"; }

	local port tries=0
	port=$((20000 + RANDOM % 20000))
	while :; do
		if port_free "$port" && as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
			-o "-c listen_addresses=127.0.0.1 -p $port -k $dir/sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
			start >/dev/null 2>&1; then
			break
		fi
		tries=$((tries + 1))
		[ "$tries" -lt 5 ] || { cat "$dir/server.log" >&2 || true; die "could not start PostgreSQL"; }
		port=$((20000 + RANDOM % 20000))
	done
	echo "$port" >"$dir/port"
	as_pg "$bindir/psql" -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "CREATE DATABASE $db" >&2
	local icu
	icu=$(as_pg "$bindir/psql" -X -qtA -h 127.0.0.1 -p "$port" -U postgres -d "$db" \
		-c "SELECT count(*) FROM pg_collation WHERE collname = 'th-TH-x-icu'")
	log "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, data in $dir/data (th-TH-x-icu collation: $([ "$icu" = 1 ] && echo present || echo absent))"
	export_line
}

stop() {
	local bindir
	bindir=$(find_bindir)
	if [ -n "$bindir" ] && [ -d "$dir/data" ]; then
		as_pg "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
	fi
	rm -rf "$dir"
	log "stopped; removed $dir"
}

case ${1:-} in
start) start ;;
stop) stop ;;
env)
	bindir=$(find_bindir)
	[ -n "$bindir" ] && running "$bindir" || die "no cluster running in $dir"
	export_line
	;;
*)
	echo "usage: $0 start|stop|env" >&2
	exit 2
	;;
esac
