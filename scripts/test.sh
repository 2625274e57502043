#!/usr/bin/env bash
# The test command (README; .ci/run runs it). Builds the solution, starts a throwaway PostgreSQL server on loopback
# for the store tests (scripts/postgres.sh, which installs Debian's postgresql when it is missing), runs every test
# project and ends with exactly one line:
#   tests: N passed, N failed, N skipped
# It exits non-zero when the build fails, a test fails or no test ran. TRX results land in artifacts/test-results/.
#
# ONEDIGITAL_TEST_POSTGRES set to a connection string uses that server instead. Arguments go to dotnet test, e.g.
#   scripts/test.sh --filter "FullyQualifiedName~OneDigital.Content.Tests.Store"
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
results=artifacts/test-results
rm -rf "$results"
mkdir -p "$results"

started_postgres=false
stop_postgres() {
  if $started_postgres; then
    scripts/postgres.sh stop >/dev/null 2>&1
    started_postgres=false
  fi
}
trap stop_postgres EXIT

# The summary line comes last, after anything else this script prints.
finish() {
  stop_postgres
  echo "tests: $1 passed, $2 failed, $3 skipped"
  exit "$4"
}
fail() { echo "test.sh: $*" >&2; finish 0 0 0 1; }

# --- Prerequisites -------------------------------------------------------------------------------------------
# PostgreSQL for the store tests. A server this script starts, it stops again at the end.
if [ -z "${ONEDIGITAL_TEST_POSTGRES:-}" ]; then
  scripts/postgres.sh status || started_postgres=true
  ONEDIGITAL_TEST_POSTGRES="$(scripts/postgres.sh start)" || fail "PostgreSQL did not start (see above)"
  export ONEDIGITAL_TEST_POSTGRES
fi
echo "test.sh: PostgreSQL for the store tests: $ONEDIGITAL_TEST_POSTGRES" >&2

# The npm package graphql-js for the GraphQL client-schema check (tests/OneDigital.Web.Tests/GraphQL/ClientSchemaTests).
client_schema=tests/OneDigital.Web.Tests/GraphQL/client-schema
if command -v npm >/dev/null; then
  npm ci --prefix "$client_schema" --no-audit --no-fund --loglevel=error >&2 || fail "npm ci in $client_schema failed"
fi

# Debian's Chromium for the admin's browser tests (tests/OneDigital.Admin.Tests drive /usr/bin/chromium through
# Playwright; without it they are skipped with the reason).
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq >&2 && apt-get install -y -qq chromium >&2 || fail "apt-get install chromium failed"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo apt-get update -qq >&2 && sudo apt-get install -y -qq chromium >&2 || fail "apt-get install chromium failed"
  else
    echo "test.sh: Chromium is not installed and only root can install it (apt-get install chromium); browser tests will be skipped" >&2
  fi
fi

# --- Build and test ------------------------------------------------------------------------------------------
dotnet build OneDigital.sln -nologo -v minimal || fail "the build failed"

# A hung test is dumped and stopped rather than holding CI until its time runs out.
dotnet test OneDigital.sln --no-build -nologo \
  --logger "trx;LogFilePrefix=tests" --results-directory "$results" \
  --blame-hang-timeout 20m "$@"
test_exit=$?

# --- Summary -------------------------------------------------------------------------------------------------
passed=0 failed=0 total=0 files=0
count() { grep -o " $1=\"[0-9]*\"" <<<"$2" | grep -o '[0-9][0-9]*' || echo 0; }
while IFS= read -r -d '' trx; do
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
  files=$((files + 1))
  total=$((total + $(count total "$counters")))
  passed=$((passed + $(count passed "$counters")))
  for outcome in failed error timeout aborted; do
    failed=$((failed + $(count "$outcome" "$counters")))
  done
done < <(find "$results" -name '*.trx' -print0)
# NUnit's ignored tests (Assert.Ignore) are neither passed nor failed in a TRX file.
skipped=$((total - passed - failed))

status=0
if [ "$files" -eq 0 ] || [ "$total" -eq 0 ]; then
  echo "test.sh: no test ran" >&2
  status=1
fi
if [ "$test_exit" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "test.sh: dotnet test exited with $test_exit" >&2
  status=1
fi
[ "$failed" -eq 0 ] || status=1
finish "$passed" "$failed" "$skipped" "$status"
