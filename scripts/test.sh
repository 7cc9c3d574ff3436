#!/usr/bin/env bash
# Runs every check and test: formatting, go vet, staticcheck, and all Go
# tests (with the race detector) on SQLite and on PostgreSQL, including
# the relying-party test that drives Atrium's OpenID Connect provider with
# the npm package openid-client (installed here with npm ci; it needs
# Node.js 20 or later), and the admin center: its type check, build,
# component tests (Vitest) and the browser test, which drives Debian's
# Chromium (/usr/bin/chromium, installed here with apt-get when missing)
# with playwright-core through the whole sign-in, Home and My account flow.
#
# PostgreSQL: ATRIUM_TEST_POSTGRES_DSN selects the server; by default the
# local one at 127.0.0.1:5432 (user postgres, database test), which this
# script starts when it is installed but not running. The PostgreSQL tests
# never skip silently: if the server can't be reached they fail.
set -euo pipefail
cd "$(dirname "$0")/.."

export ATRIUM_TEST_POSTGRES_DSN="${ATRIUM_TEST_POSTGRES_DSN:-postgres://postgres@127.0.0.1:5432/test?sslmode=disable}"
if command -v pg_isready >/dev/null && ! pg_isready -q -h 127.0.0.1 -p 5432; then
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    echo "starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start || true
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.5; done
  fi
fi

echo "== npm ci (e2e/oidc-rp: openid-client)"
if ! command -v npm >/dev/null; then
  echo "npm is missing: install Node.js 20 or later (Debian: apt-get install nodejs npm)"; exit 1
fi
npm ci --prefix e2e/oidc-rp --no-audit --no-fund --loglevel=error
export ATRIUM_REQUIRE_NODE=1 # the Node relying-party test fails instead of skipping

echo "== Chromium for the browser test"
if [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
fi
export ATRIUM_REQUIRE_BROWSER=1 # the browser test fails instead of skipping

echo "== admin center (ui/): npm ci, type check, string check, build, Vitest"
npm ci --prefix ui --no-audit --no-fund --loglevel=error
npm run typecheck --prefix ui
npm run lint:strings --prefix ui
npm run build --prefix ui
npm test --prefix ui

echo "== gofmt"
unformatted=$(find . -name '*.go' -not -path '*/node_modules/*' -not -path './.git/*' -print0 | xargs -0 gofmt -l)
if [ -n "$unformatted" ]; then echo "gofmt would change: $unformatted"; exit 1; fi

echo "== go vet"
go vet ./...

echo "== staticcheck"
go run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

echo "== go test (race detector, SQLite and PostgreSQL)"
go test -race -count=1 ./...

echo "== API tests again, on PostgreSQL"
ATRIUM_API_TEST_BACKEND=postgres go test -race -count=1 ./internal/api/
