#!/usr/bin/env bash
# Side-by-side complaint-intake comparison of two commits (regression guard). Each ref is checked out into a temporary
# detached worktree and published in Release; one load driver (this tree's benchmarks/Redress.LoadDriver, published
# once) drives both. Rounds run interleaved, BASE then HEAD, each on a fresh database with a warm-up before the
# measurement, so that both refs see the same machine load. Prints a table per round, the median per ref and one last
# line with the ratio HEAD/BASE of accepted/s and of server CPU ms/request.
#
# Usage: benchmarks/compare-intake.sh BASE_REF HEAD_REF [--rounds 3] [--concurrency 32] [--duration 15] [--warmup 5]
#                                     [--providers "sqlite"|"sqlite postgres"] [--keep]
# HEAD_REF (or BASE_REF) may be WORKTREE: the working tree this script sits in, uncommitted changes included.
# --rounds is per ref; rounds alternate BASE, HEAD, BASE, HEAD, ... A ratio of accepted/s below 1, or of CPU ms/request
# above 1, means HEAD is slower. On a shared machine CPU ms/request is the steadier of the two.
# Environment: REDRESS_BENCH_PORT (app, default 5180), REDRESS_BENCH_PG_PORT (default 55433),
#              PG_BIN (default /usr/lib/postgresql/15/bin), REDRESS_BENCH_APP_ENV (extra NAME=VALUE settings for both apps).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
usage() { sed -n '2,14p' "$0"; }
rounds=3
concurrency=32
duration=15
warmup=5
providers="sqlite"
keep=false
refs=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --rounds) rounds=$2; shift 2 ;;
        --concurrency) concurrency=$2; shift 2 ;;
        --duration) duration=$2; shift 2 ;;
        --warmup) warmup=$2; shift 2 ;;
        --providers) providers=$2; shift 2 ;;
        --keep) keep=true; shift ;;
        -h|--help) usage; exit 0 ;;
        -*) echo "unknown option: $1" >&2; exit 2 ;;
        *) refs+=("$1"); shift ;;
    esac
done
if [[ ${#refs[@]} -ne 2 ]]; then usage >&2; exit 2; fi
# Bounded: at most 20 rounds per ref of at most 120 s each, one concurrency level.
if ! [[ $rounds =~ ^[0-9]+$ && $rounds -ge 1 && $rounds -le 20 ]]; then echo "--rounds must be 1-20" >&2; exit 2; fi
if ! [[ $concurrency =~ ^[0-9]+$ && $concurrency -ge 1 && $concurrency -le 1024 ]]; then echo "--concurrency must be one number, 1-1024" >&2; exit 2; fi
for value in "$duration" "$warmup"; do
    if ! [[ $value =~ ^[0-9]+$ && $value -le 120 ]]; then echo "--duration and --warmup must be whole seconds, at most 120" >&2; exit 2; fi
done
for provider in $providers; do
    [[ $provider == sqlite || $provider == postgres ]] || { echo "unknown provider: $provider" >&2; exit 2; }
done

port=${REDRESS_BENCH_PORT:-5180}
pg_port=${REDRESS_BENCH_PG_PORT:-55433}
pg_bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
url="http://127.0.0.1:${port}"
work=$(mktemp -d /tmp/redress-compare.XXXXXX)
chmod 755 "$work"
app_pid=""
pg_data="$work/pg/data"
pg_started=false
worktrees=()

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
    # Only the worktrees this run added; other worktrees of the repository are left alone (no global prune).
    for tree in "${worktrees[@]}"; do
        git -C "$root" worktree remove --force "$tree" >/dev/null 2>&1 || rm -rf "$tree"
    done
    if $keep; then log "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if curl -s -o /dev/null --max-time 2 "$url/health/live"; then
    echo "Something already answers at $url; set REDRESS_BENCH_PORT to a free port." >&2
    exit 1
fi

# describe REF: the commit measured, for the output; WORKTREE is HEAD plus whatever is uncommitted.
describe() {
    if [[ $1 == WORKTREE ]]; then
        local head dirty=""
        head=$(git -C "$root" rev-parse --short HEAD)
        git -C "$root" diff --quiet HEAD -- 2>/dev/null || dirty="+uncommitted"
        echo "worktree ${head}${dirty}"
    else
        git -C "$root" rev-parse --short "$1^{commit}"
    fi
}

# publish SIDE REF: the app of REF into $work/app-SIDE.
publish() {
    local side=$1 ref=$2 source
    if [[ $ref == WORKTREE ]]; then
        source=$root
    else
        source="$work/src-$side"
        git -C "$root" worktree add --detach "$source" "$ref" >/dev/null 2>&1
        worktrees+=("$source")
    fi
    log "publishing $side = $ref ($(describe "$ref")) in Release"
    timeout 1200 dotnet publish "$source/src/Redress.Web" -c Release -o "$work/app-$side" --nologo -v quiet >"$work/publish-$side.log" 2>&1 \
        || { cat "$work/publish-$side.log" >&2; echo "publishing $ref failed" >&2; exit 1; }
}

sides=(A B)
declare -A ref_of=([A]="${refs[0]}" [B]="${refs[1]}")
declare -A name_of=([A]="BASE" [B]="HEAD")
declare -A commit_of
for side in "${sides[@]}"; do
    commit_of[$side]=$(describe "${ref_of[$side]}")
done
for side in "${sides[@]}"; do publish "$side" "${ref_of[$side]}"; done
log "publishing the load driver once (this tree's benchmarks/Redress.LoadDriver)"
timeout 600 dotnet publish "$root/benchmarks/Redress.LoadDriver" -c Release -o "$work/driver" --nologo -v quiet >"$work/publish-driver.log" 2>&1 \
    || { cat "$work/publish-driver.log" >&2; exit 1; }

# start_app SIDE PROVIDER CONNECTION_STRING: the content root is the publish folder so appsettings*.json are found.
start_app() {
    local side=$1 provider=$2 connection=$3
    # shellcheck disable=SC2086 # REDRESS_BENCH_APP_ENV is a list of NAME=VALUE words.
    (cd "$work/app-$side" && exec env \
        ASPNETCORE_ENVIRONMENT=Development \
        ASPNETCORE_URLS="$url" \
        Database__Provider="$provider" \
        Database__ConnectionString="$connection" \
        Database__MigrateOnStartup=true \
        RateLimits__IntakePerMinute=100000000 \
        RateLimits__SignInPerMinute=1000 \
        Logging__LogLevel__Default=Warning \
        ${REDRESS_BENCH_APP_ENV:-} \
        ./Redress.Web >"$work/app.log" 2>&1) &
    app_pid=$!
    for _ in $(seq 1 240); do
        if curl -sf -o /dev/null --max-time 2 "$url/health/ready"; then return 0; fi
        kill -0 "$app_pid" 2>/dev/null || break
        sleep 0.5
    done
    echo "The app ($side) did not become ready on $provider; its log:" >&2
    cat "$work/app.log" >&2
    exit 1
}

start_pg() {
    log "PostgreSQL: private cluster on 127.0.0.1:$pg_port"
    install -d -m 700 "$work/pg"
    [[ $(id -u) -eq 0 ]] && chown postgres "$work/pg"
    as_postgres "'$pg_bin/initdb' -D '$pg_data' -A trust -U postgres" >"$work/initdb.log"
    as_postgres "'$pg_bin/pg_ctl' -D '$pg_data' -w -o \"-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1\" -l '$work/pg/log' start" >/dev/null
    pg_started=true
}

results="$work/results.tsv"
: >"$results"
# run_round PROVIDER ROUND SIDE: fresh database, warm-up, measure; one line into $results.
run_round() {
    local provider=$1 round=$2 side=$3 load db
    case "$provider" in
        sqlite)
            mkdir -p "$work/db-$round-$side"
            start_app "$side" Sqlite "Data Source=$work/db-$round-$side/redress.db"
            ;;
        postgres)
            db="redress_${round}_${side,,}"
            as_postgres "'$pg_bin/createdb' -h 127.0.0.1 -p $pg_port -U postgres $db"
            start_app "$side" Postgres "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=$db"
            ;;
    esac
    load=$(cut -d' ' -f1 /proc/loadavg)
    local out="$work/$provider-$round-$side.json"
    timeout $((warmup + duration + 120)) dotnet "$work/driver/Redress.LoadDriver.dll" --url "$url" \
        --label "$provider ${name_of[$side]} r$round" --concurrency "$concurrency" --warmup "$warmup" --duration "$duration" \
        --server-pid "$app_pid" --output "$out" >"$work/driver.log" 2>&1 \
        || { cat "$work/driver.log" >&2; echo "the driver failed in round $round ($side)" >&2; exit 1; }
    stop_app
    if [[ $provider == postgres ]]; then as_postgres "'$pg_bin/dropdb' -h 127.0.0.1 -p $pg_port -U postgres $db"; fi
    jq -r --arg p "$provider" --arg r "$round" --arg s "$side" --arg l "$load" \
        '.levels[0] | [$p, $r, $s, $l, .acceptedPerSecond, .p99Ms, (.serverCpuMsPerRequest // 0), .requests - .accepted] | @tsv' \
        "$out" >>"$results"
    tail -n1 "$results" | awk -F'\t' -v name="${name_of[$side]}" -v commit="${commit_of[$side]}" \
        '{ printf "  round %-2s %-4s %-22s accepted/s %8.1f  p99 %7.2f ms  server CPU %6.3f ms/req  load %5s  not accepted %d\n", $2, name, commit, $5, $6, $7, $4, $8 }' >&2
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print 0; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

for provider in $providers; do
    [[ $provider == postgres ]] && start_pg
    for round in $(seq 1 "$rounds"); do
        for side in "${sides[@]}"; do
            log "$provider round $round/$rounds: ${name_of[$side]} (${commit_of[$side]})"
            run_round "$provider" "$round" "$side"
        done
    done
    [[ $provider == postgres ]] && stop_pg
done

echo
echo "Intake, BASE ${refs[0]} (${commit_of[A]}) vs HEAD ${refs[1]} (${commit_of[B]}); concurrency $concurrency, warm-up ${warmup} s, measure ${duration} s, $rounds rounds each, $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC')"
final=()
for provider in $providers; do
    echo
    echo "$provider"
    printf '| round | ref | commit | load avg (1 min) at start | accepted/s | p99 ms | server CPU ms/request | not accepted |\n'
    printf '| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |\n'
    awk -F'\t' -v p="$provider" -v a="${commit_of[A]}" -v b="${commit_of[B]}" \
        '$1 == p { printf "| %s | %s | %s | %s | %.1f | %.2f | %.3f | %d |\n", $2, ($3 == "A" ? "BASE" : "HEAD"), ($3 == "A" ? a : b), $4, $5, $6, $7, $8 }' "$results"
    declare -A med_rate med_cpu med_p99
    for side in "${sides[@]}"; do
        med_rate[$side]=$(awk -F'\t' -v p="$provider" -v s="$side" '$1 == p && $3 == s { print $5 }' "$results" | median)
        med_p99[$side]=$(awk -F'\t' -v p="$provider" -v s="$side" '$1 == p && $3 == s { print $6 }' "$results" | median)
        med_cpu[$side]=$(awk -F'\t' -v p="$provider" -v s="$side" '$1 == p && $3 == s { print $7 }' "$results" | median)
        printf '| median | %s | %s | | %.1f | %.2f | %.3f | |\n' "${name_of[$side]}" "${commit_of[$side]}" "${med_rate[$side]}" "${med_p99[$side]}" "${med_cpu[$side]}"
    done
    final+=("$(awk -v p="$provider" -v ra="${med_rate[A]}" -v rb="${med_rate[B]}" -v ca="${med_cpu[A]}" -v cb="${med_cpu[B]}" \
        'BEGIN { printf "%s accepted/s %.2f, server CPU ms/request %.2f", p, (ra > 0 ? rb / ra : 0), (ca > 0 ? cb / ca : 0) }')")
done
echo
echo "Ratio HEAD/BASE (${commit_of[B]} / ${commit_of[A]}, medians): $(IFS=';'; echo "${final[*]}" | sed 's/;/; /g')"
