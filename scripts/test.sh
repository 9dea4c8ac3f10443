#!/usr/bin/env bash
# Runs the whole test suite: unit, API (SQLite and PostgreSQL), architecture and browser tests.
# Installs what the tests need when it is missing (PostgreSQL, Chromium, CJK fonts), starts a private
# PostgreSQL on a loopback port for the run, stops it afterwards, and ends with "N passed, N failed".
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || missing+=(fonts-wqy-microhei)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} ..."
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# A private PostgreSQL cluster for this run only: its own folder, a loopback port, no fsync (test data is disposable).
pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
pg_port="${REDRESS_TEST_PG_PORT:-55432}"
pg_dir="$(mktemp -d /tmp/redress-test-pg.XXXXXX)"
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$1"; else bash -c "$1"; fi
}
if [ "$(id -u)" -eq 0 ]; then chown postgres "$pg_dir"; fi
stop_pg() {
  as_pg "'$pg_bin/pg_ctl' -D '$pg_dir/data' -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap stop_pg EXIT
as_pg "'$pg_bin/initdb' -D '$pg_dir/data' -A trust -U postgres -E UTF8 --no-sync" >/dev/null
as_pg "'$pg_bin/pg_ctl' -D '$pg_dir/data' -l '$pg_dir/server.log' -w -o \"-p $pg_port -k '$pg_dir' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=400\" start" >/dev/null
export REDRESS_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Include Error Detail=true"
export REDRESS_CHROMIUM="$(command -v chromium)"

results="$root/.artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"
log="$results/test-output.log"

dotnet build Redress.slnx -nologo -clp:ErrorsOnly
build_status=$?

test_status=1
if [ $build_status -eq 0 ]; then
  # One test module at a time: on two cores the browser tests time out when the API suites run beside them.
  dotnet test --solution Redress.slnx --no-build --max-parallel-test-modules 1 --results-directory "$results" --report-xunit-trx 2>&1 | tee "$log"
  test_status=${PIPESTATUS[0]}
fi

# The platform ends with one summary over every test project; read the counts from it.
count() { grep -E "^\s+$1: [0-9]+" "$log" 2>/dev/null | tail -n 1 | grep -oE '[0-9]+' || echo 0; }
passed=$(count succeeded)
failed=$(count failed)
skipped=$(count skipped)
if [ $build_status -ne 0 ] || { [ $test_status -ne 0 ] && [ "$failed" -eq 0 ]; }; then
  # A build failure or a crashed test host leaves no failing test to count; count it as one.
  failed=$((failed + 1))
fi

summary="$passed passed, $failed failed"
if [ "$skipped" -gt 0 ]; then summary="$summary, $skipped skipped"; fi
echo "$summary"
[ "$failed" -eq 0 ]
