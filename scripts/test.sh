#!/usr/bin/env bash
# The whole test suite, on a fresh Debian machine or a developer's: installs what the tests
# need when it is absent (PostgreSQL, Chromium), starts a throwaway PostgreSQL cluster on
# 127.0.0.1, runs the static checks and every Go test against SQLite and PostgreSQL, and stops
# the cluster. Extra arguments go to `go test` (e.g. scripts/test.sh -run Golden).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\n== %s\n' "$*"; }
started=$(date +%s)

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql)
# Thai glyphs for the browser tests' screenshots (without them Chromium draws boxes).
dpkg -s fonts-thai-tlwg >/dev/null 2>&1 || need_apt+=(fonts-thai-tlwg)
if [ ${#need_apt[@]} -gt 0 ]; then
  say "installing ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

say "static checks"
unformatted=$(gofmt -l $(git ls-files '*.go'))
if [ -n "$unformatted" ]; then echo "gofmt would change:"; echo "$unformatted"; exit 1; fi
go vet ./...
# go.mod must already be tidy, so that a dependency bump that pulls a refused module version
# fails here rather than on someone's machine later.
go mod tidy -diff
# The domain core stays pure: no HTTP, no SQL, no drivers (STYLE.md habit 1).
for pkg in framework scoring apperr agency account assessment audit thaidate survey stakeholder oit tracking results; do
  [ -d "internal/$pkg" ] || continue
  if go list -deps "./internal/$pkg" | grep -E '^(net/http|database/sql)$|jackc/pgx|modernc.org/sqlite'; then
    echo "internal/$pkg must not depend on the packages above"; exit 1
  fi
done

if [ -x scripts/pg-test-cluster.sh ]; then
  say "starting a throwaway PostgreSQL cluster"
  eval "$(scripts/pg-test-cluster.sh start)"
  trap 'scripts/pg-test-cluster.sh stop >/dev/null 2>&1 || true' EXIT
fi

say "go test"
export ITAS_ARTIFACTS="${ITAS_ARTIFACTS:-$PWD/artifacts}"
mkdir -p "$ITAS_ARTIFACTS"
go test -count=1 "$@" ./...

say "done in $(( $(date +%s) - started )) s (browser screenshots in $ITAS_ARTIFACTS)"
