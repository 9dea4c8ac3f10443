#!/usr/bin/env bash
# Complaint-intake load benchmark: publishes the app in Release, runs it on SQLite (fresh temp file) and on
# PostgreSQL (a private cluster on a loopback port, fresh database), drives each with benchmarks/Redress.LoadDriver
# after a warm-up, stops everything, and rewrites the results section of docs/benchmarks.md.
#
# Usage: benchmarks/run-intake.sh [--concurrency 8,32,64] [--duration 20] [--warmup 5] [--providers "sqlite postgres"]
#                                 [--wait-quiet SECONDS] [--no-docs] [--keep]
# --wait-quiet waits up to SECONDS before each provider for the 1-minute load average to fall below 1 (the machine may
# be shared with other builds; the load average at each start is recorded either way).
# Environment: REDRESS_BENCH_PORT (app, default 5180), REDRESS_BENCH_PG_PORT (default 55433),
#              PG_BIN (default /usr/lib/postgresql/15/bin), REDRESS_BENCH_APP_ENV (extra NAME=VALUE settings for the app,
#              space-separated, e.g. to compare a setting).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
command_line="benchmarks/run-intake.sh${*:+ $*}"
concurrency=8,32,64
duration=20
warmup=5
providers="sqlite postgres"
write_docs=true
keep=false
wait_quiet=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --concurrency) concurrency=$2; shift 2 ;;
        --duration) duration=$2; shift 2 ;;
        --warmup) warmup=$2; shift 2 ;;
        --providers) providers=$2; shift 2 ;;
        --no-docs) write_docs=false; shift ;;
        --keep) keep=true; shift ;;
        --wait-quiet) wait_quiet=$2; shift 2 ;;
        -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
done

port=${REDRESS_BENCH_PORT:-5180}
pg_port=${REDRESS_BENCH_PG_PORT:-55433}
pg_bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
url="http://127.0.0.1:${port}"
work=$(mktemp -d /tmp/redress-bench.XXXXXX)
chmod 755 "$work"
app_pid=""
pg_data="$work/pg/data"
pg_started=false

log() { printf '[%(%H:%M:%S)T] %s\n' -1 "$*" >&2; }

as_postgres() {
    if [[ $(id -u) -eq 0 ]]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi
}

stop_app() {
    if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then
        kill "$app_pid"
        for _ in $(seq 1 100); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$app_pid" 2>/dev/null && kill -9 "$app_pid"
        wait "$app_pid" 2>/dev/null || true
    fi
    app_pid=""
}

stop_pg() {
    if $pg_started; then
        as_postgres "'$pg_bin/pg_ctl' -D '$pg_data' -m fast -w stop" >/dev/null || true
        pg_started=false
    fi
}

cleanup() {
    stop_app
    stop_pg
    if $keep; then log "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if curl -s -o /dev/null "$url/health/live"; then
    echo "Something already answers at $url; set REDRESS_BENCH_PORT to a free port." >&2
    exit 1
fi

log "publishing the app and the driver (Release) into $work"
dotnet publish "$root/src/Redress.Web" -c Release -o "$work/app" --nologo -v quiet >/dev/null
dotnet publish "$root/benchmarks/Redress.LoadDriver" -c Release -o "$work/driver" --nologo -v quiet >/dev/null

# start_app PROVIDER CONNECTION_STRING: the content root is the publish folder so appsettings*.json are found.
start_app() {
    local provider=$1 connection=$2
    # shellcheck disable=SC2086 # REDRESS_BENCH_APP_ENV is a list of NAME=VALUE words.
    (cd "$work/app" && exec env \
        ASPNETCORE_ENVIRONMENT=Development \
        ASPNETCORE_URLS="$url" \
        Database__Provider="$provider" \
        Database__ConnectionString="$connection" \
        Database__MigrateOnStartup=true \
        RateLimits__IntakePerMinute=100000000 \
        RateLimits__SignInPerMinute=1000 \
        Logging__LogLevel__Default=Warning \
        ${REDRESS_BENCH_APP_ENV:-} \
        ./Redress.Web >"$work/app-$provider.log" 2>&1) &
    app_pid=$!
    for _ in $(seq 1 240); do
        if curl -sf -o /dev/null "$url/health/ready"; then return 0; fi
        kill -0 "$app_pid" 2>/dev/null || break
        sleep 0.5
    done
    echo "The app did not become ready on $provider; its log:" >&2
    cat "$work/app-$provider.log" >&2
    exit 1
}

# drive LABEL OUTPUT.md
drive() {
    local deadline=$((SECONDS + wait_quiet))
    while ((SECONDS < deadline)) && awk '{ exit !($1 >= 1) }' /proc/loadavg; do sleep 5; done
    loads+=("$1: $(cut -d' ' -f1-3 /proc/loadavg)")
    dotnet "$work/driver/Redress.LoadDriver.dll" --url "$url" --label "$1" --concurrency "$concurrency" \
        --warmup "$warmup" --duration "$duration" --server-pid "$app_pid" --output "$2"
}

results=()
loads=()
for provider in $providers; do
    case "$provider" in
        sqlite)
            log "SQLite: fresh database $work/sqlite/redress.db"
            mkdir -p "$work/sqlite"
            start_app Sqlite "Data Source=$work/sqlite/redress.db"
            drive SQLite "$work/sqlite.md"
            stop_app
            results+=("sqlite")
            ;;
        postgres)
            log "PostgreSQL: private cluster on 127.0.0.1:$pg_port"
            install -d -m 700 "$work/pg"
            [[ $(id -u) -eq 0 ]] && chown postgres "$work/pg"
            as_postgres "'$pg_bin/initdb' -D '$pg_data' -A trust -U postgres" >"$work/initdb.log"
            as_postgres "'$pg_bin/pg_ctl' -D '$pg_data' -w -o \"-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1\" -l '$work/pg/log' start" >/dev/null
            pg_started=true
            as_postgres "'$pg_bin/createdb' -h 127.0.0.1 -p $pg_port -U postgres redress_bench"
            start_app Postgres "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=redress_bench"
            drive PostgreSQL "$work/postgres.md"
            stop_app
            stop_pg
            results+=("postgres")
            ;;
        *) echo "unknown provider: $provider" >&2; exit 2 ;;
    esac
done

if ! $write_docs; then
    for r in "${results[@]}"; do cat "$work/$r.md"; done
    exit 0
fi

cpu_model=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
section="$work/section.md"
{
    echo "<!-- results:start (written by benchmarks/run-intake.sh; edit the analysis outside these markers) -->"
    echo "### Latest run"
    echo
    echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "- Command: \`$command_line\` (warm-up ${warmup} s and measurement ${duration} s per concurrency level)"
    echo "- Machine: $(nproc) cores (${cpu_model:-unknown CPU}), $(free -h | awk '/^Mem:/ {print $2}') memory, Linux $(uname -r); .NET SDK $(dotnet --version); $("$pg_bin/postgres" --version 2>/dev/null || echo 'PostgreSQL not found')"
    echo "- Load average (1, 5, 15 min) as each provider's run began: $(IFS=';'; echo "${loads[*]}" | sed 's/;/; /g') — the machine may be shared with other builds, and the driver runs on the same two cores as the app"
    echo "- App: Release publish, \`ASPNETCORE_ENVIRONMENT=Development\` (demo users), logging at Warning, intake rate limit raised to 100,000,000/min${REDRESS_BENCH_APP_ENV:+, extra settings \`$REDRESS_BENCH_APP_ENV\`}"
    for r in "${results[@]}"; do
        echo
        if [[ $r == sqlite ]]; then echo "#### SQLite (fresh file, WAL, synchronous=NORMAL)"; else echo "#### PostgreSQL (fresh local cluster, default settings)"; fi
        echo
        cat "$work/$r.md"
    done
    echo "<!-- results:end -->"
} >"$section"

docs="$root/docs/benchmarks.md"
if [[ -f "$docs" ]] && grep -q '<!-- results:start' "$docs"; then
    awk -v section="$section" '
        /<!-- results:start/ { while ((getline line < section) > 0) print line; skipping = 1; next }
        /<!-- results:end -->/ { skipping = 0; next }
        !skipping { print }
    ' "$docs" >"$work/benchmarks.md"
    cp "$work/benchmarks.md" "$docs"
else
    { echo "# Benchmarks"; echo; echo "## Results"; echo; cat "$section"; } >"$docs"
fi
log "wrote the results into docs/benchmarks.md"
