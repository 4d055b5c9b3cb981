#!/usr/bin/env bash
# bench/lib.sh — helpers shared by the benchmark scripts. Source it:
#
#   . "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#
# It enables `set -euo pipefail`, cds to the repo root, creates a temporary
# directory ($BENCH_TMP) and installs an EXIT trap that stops every server
# started with bench_start_server (SIGTERM, then SIGKILL after 10 s), drops
# the databases made by bench_fresh_database_url and deletes $BENCH_TMP.
#
# The benchmarks print figures; they never assert timings.
#
# Environment:
#   BENCH_BIN           server binary (default: $CARGO_TARGET_DIR or target,
#                       then /release/jumelage); built with
#                       `cargo build --release -p jumelage` when missing.
#   BENCH_BUILD=1       always run that cargo build first (cheap when fresh).
#   BENCH_DATABASE_URL  PostgreSQL URL; when set the server gets
#                       `--database-url` (otherwise it uses its data dir).
#   BENCH_PG_FRESH=0    with BENCH_DATABASE_URL: use that database as is
#                       instead of a fresh database per server data dir.
#   BENCH_TIMEOUT       seconds to wait for a server to answer 200 (60).
#   BENCH_KEEP=1        keep $BENCH_TMP (data dirs, server logs) at exit.

# The BENCH_* variables set here are read by the scripts that source this file.
# shellcheck disable=SC2034

set -euo pipefail

BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$BENCH_ROOT"

BENCH_BIN="${BENCH_BIN:-${CARGO_TARGET_DIR:-$BENCH_ROOT/target}/release/jumelage}"
BENCH_TIMEOUT="${BENCH_TIMEOUT:-60}"
BENCH_TMP="$(mktemp -d /tmp/jumelage-bench.XXXXXX)"

BENCH_SERVER_PID=""   # pid of the server started last
BENCH_PORT=""         # its port
BENCH_START_US=""     # EPOCHREALTIME (µs) just before it was launched
BENCH_SERVER_LOG=""   # its stdout+stderr
_BENCH_PIDS=()        # all servers still running
_BENCH_DBS=()         # databases to drop at exit (name)
_BENCH_SERVER_N=0

bench_log() { printf '# %s\n' "$*" >&2; }
bench_die() {
    printf 'bench: error: %s\n' "$*" >&2
    exit 1
}

# ---------------------------------------------------------------------------
# Time
# ---------------------------------------------------------------------------

# Current time in microseconds, without forking (EPOCHREALTIME is
# "seconds.micros"; the separator follows the locale).
bench_now_us() {
    local t="$EPOCHREALTIME"
    printf '%s\n' "${t//[.,]/}"
}

# Same, stored in BENCH_NOW_US (no command substitution, no fork: used in the
# timing loops).
_bench_now() {
    BENCH_NOW_US="${EPOCHREALTIME//[.,]/}"
}

# bench_sleep SECONDS — sleep without forking: `read -t` on a pipe nobody
# writes to. Keeps polling loops cheap and precise.
_BENCH_SLEEP_FD=""
bench_sleep() {
    if [[ -z "$_BENCH_SLEEP_FD" ]]; then
        exec {_BENCH_SLEEP_FD}<> <(:)
    fi
    read -r -t "$1" -u "$_BENCH_SLEEP_FD" _ || true
}

# ---------------------------------------------------------------------------
# Statistics / formatting (awk; outside of timed sections)
# ---------------------------------------------------------------------------

# bench_min_median N... — prints "min median" of integers.
bench_min_median() {
    printf '%s\n' "$@" | sort -n | awk '
        { v[NR] = $1 }
        END {
            if (NR == 0) { print "- -"; exit }
            if (NR % 2) m = v[(NR + 1) / 2]
            else m = (v[NR / 2] + v[NR / 2 + 1]) / 2
            printf "%d %g\n", v[1], m
        }'
}

# bench_kib_to_mib KIB — prints MiB with one decimal.
bench_kib_to_mib() {
    awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'
}

# ---------------------------------------------------------------------------
# Memory (from /proc/PID/status, in KiB)
# ---------------------------------------------------------------------------

_bench_proc_status_kib() { # PID FIELD
    local key value _unit
    while read -r key value _unit; do
        if [[ "$key" == "$2:" ]]; then
            printf '%s\n' "$value"
            return 0
        fi
    done <"/proc/$1/status"
    return 1
}

# Resident memory now (VmRSS) and its peak so far (VmHWM) of a pid, in KiB.
bench_rss_kib() { _bench_proc_status_kib "$1" VmRSS; }
bench_hwm_kib() { _bench_proc_status_kib "$1" VmHWM; }

# ---------------------------------------------------------------------------
# Tools
# ---------------------------------------------------------------------------

_bench_as_root() {
    if [[ "$(id -u)" -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        bench_die "need root for: $* (and sudo is missing)"
    fi
}

# Install wrk with apt-get when missing.
bench_ensure_wrk() {
    command -v wrk >/dev/null 2>&1 && return 0
    bench_log "wrk missing, installing it with apt-get"
    _bench_as_root env DEBIAN_FRONTEND=noninteractive \
        apt-get -o DPkg::Lock::Timeout=600 update </dev/null
    _bench_as_root env DEBIAN_FRONTEND=noninteractive \
        apt-get -o DPkg::Lock::Timeout=600 install -y wrk </dev/null
    command -v wrk >/dev/null 2>&1 || bench_die "wrk not installed"
}

# Build the release binary when missing (or always with BENCH_BUILD=1).
bench_ensure_binary() {
    if [[ "${BENCH_BUILD:-0}" == "1" || ! -x "$BENCH_BIN" ]]; then
        bench_log "building the release binary: cargo build --release -p jumelage"
        cargo build --release -p jumelage
    fi
    [[ -x "$BENCH_BIN" ]] || bench_die "$BENCH_BIN not found after the build"
}

# ---------------------------------------------------------------------------
# Ports and HTTP (bash /dev/tcp: no curl needed, no fork per poll)
# ---------------------------------------------------------------------------

bench_port_in_use() {
    timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

# Prints a free TCP port on 127.0.0.1 (random, 20000-49999).
bench_free_port() {
    local port i
    for i in $(seq 1 100); do
        port=$((20000 + RANDOM % 30000))
        if ! bench_port_in_use "$port"; then
            printf '%s\n' "$port"
            return 0
        fi
    done
    bench_die "no free port found"
}

# bench_http_status PORT PATH — one HTTP/1.0 GET; sets BENCH_HTTP_STATUS to
# the status code (e.g. 200). Returns 1 when the connection fails.
bench_http_status() {
    local line=""
    BENCH_HTTP_STATUS=""
    {
        printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' \
            "$2" "$1" >&9 &&
            IFS= read -r -t 30 line <&9
    } 2>/dev/null 9<>"/dev/tcp/127.0.0.1/$1" || return 1
    # "HTTP/1.1 200 OK\r" -> "200"
    line="${line%$'\r'}"
    line="${line#* }"
    BENCH_HTTP_STATUS="${line%% *}"
}

# bench_wait_200 PORT PATH — poll every 5 ms until GET PATH answers 200.
# Sets BENCH_READY_US to the time (µs) the 200 was seen. Fails when the
# server (BENCH_SERVER_PID) exits or after BENCH_TIMEOUT seconds.
bench_wait_200() {
    local port="$1" path="$2" deadline
    _bench_now
    deadline=$((BENCH_NOW_US + BENCH_TIMEOUT * 1000000))
    while :; do
        if bench_http_status "$port" "$path" && [[ "$BENCH_HTTP_STATUS" == "200" ]]; then
            _bench_now
            BENCH_READY_US="$BENCH_NOW_US"
            return 0
        fi
        if [[ -n "$BENCH_SERVER_PID" ]] && ! kill -0 "$BENCH_SERVER_PID" 2>/dev/null; then
            bench_log "server exited before $path answered 200; log tail:"
            tail -n 30 "$BENCH_SERVER_LOG" >&2 || true
            return 1
        fi
        _bench_now
        if [[ "$BENCH_NOW_US" -gt "$deadline" ]]; then
            bench_log "timeout: $path did not answer 200 within ${BENCH_TIMEOUT}s (last status: ${BENCH_HTTP_STATUS:-no connection}); log tail:"
            tail -n 30 "$BENCH_SERVER_LOG" >&2 || true
            return 1
        fi
        bench_sleep 0.005
    done
}

# ---------------------------------------------------------------------------
# PostgreSQL (only with BENCH_DATABASE_URL)
# ---------------------------------------------------------------------------

# Prints the URL the server should use for a new data dir: a fresh database
# on the BENCH_DATABASE_URL server (so that the first start really is on an
# empty database), or BENCH_DATABASE_URL itself when BENCH_PG_FRESH=0.
# Prints nothing when BENCH_DATABASE_URL is unset.
# Call it in the main shell (not in $(...)): it records the database to drop.
bench_fresh_database_url() {
    BENCH_DB_URL=""
    [[ -n "${BENCH_DATABASE_URL:-}" ]] || return 0
    if [[ "${BENCH_PG_FRESH:-1}" == "0" ]]; then
        BENCH_DB_URL="$BENCH_DATABASE_URL"
        return 0
    fi
    command -v psql >/dev/null 2>&1 ||
        bench_die "psql is needed to create fresh databases (or set BENCH_PG_FRESH=0)"
    local name base query
    name="jumelage_bench_$$_${RANDOM}_${#_BENCH_DBS[@]}"
    psql -w -X -q -v ON_ERROR_STOP=1 -d "$BENCH_DATABASE_URL" \
        -c "create database $name" </dev/null >/dev/null
    _BENCH_DBS+=("$name")
    # Replace the database name (the path) of the URL, keep ?query.
    base="${BENCH_DATABASE_URL%%\?*}"
    query="${BENCH_DATABASE_URL#"$base"}"
    BENCH_DB_URL="${base%/*}/$name$query"
}

# ---------------------------------------------------------------------------
# Server
# ---------------------------------------------------------------------------

# New empty data directory under $BENCH_TMP; stored in BENCH_DATA_DIR.
bench_new_data_dir() {
    BENCH_DATA_DIR="$(mktemp -d "$BENCH_TMP/data.XXXXXX")"
}

# bench_start_server DATA_DIR [DATABASE_URL] — launch the server in the
# background on a free port. Sets BENCH_SERVER_PID, BENCH_PORT,
# BENCH_START_US (taken just before the launch) and BENCH_SERVER_LOG.
bench_start_server() {
    local data_dir="$1" db_url="${2:-}"
    # Pick the port before taking the start time (bench_free_port forks).
    BENCH_PORT="$(bench_free_port)"
    local args=(serve --addr "127.0.0.1:$BENCH_PORT" --data-dir "$data_dir")
    [[ -n "$db_url" ]] && args+=(--database-url "$db_url")
    _BENCH_SERVER_N=$((_BENCH_SERVER_N + 1))
    BENCH_SERVER_LOG="$BENCH_TMP/server-$_BENCH_SERVER_N.log"
    _bench_now
    BENCH_START_US="$BENCH_NOW_US"
    "$BENCH_BIN" "${args[@]}" </dev/null >"$BENCH_SERVER_LOG" 2>&1 &
    BENCH_SERVER_PID=$!
    _BENCH_PIDS+=("$BENCH_SERVER_PID")
}

# bench_stop_server [PID] — SIGTERM, wait up to 10 s, then SIGKILL.
# Sets BENCH_STOP_MS (time to exit) and BENCH_EXIT_CODE.
bench_stop_server() {
    local pid="${1:-$BENCH_SERVER_PID}" t0 i rc=0
    [[ -n "$pid" ]] || return 0
    BENCH_STOP_MS=""
    BENCH_EXIT_CODE=""
    if kill -0 "$pid" 2>/dev/null; then
        _bench_now
        t0="$BENCH_NOW_US"
        kill -TERM "$pid" 2>/dev/null || true
        for ((i = 0; i < 1000; i++)); do
            kill -0 "$pid" 2>/dev/null || break
            bench_sleep 0.01
        done
        if kill -0 "$pid" 2>/dev/null; then
            bench_log "server $pid still running 10 s after SIGTERM, sending SIGKILL"
            kill -KILL "$pid" 2>/dev/null || true
        fi
        _bench_now
        BENCH_STOP_MS=$(((BENCH_NOW_US - t0) / 1000))
    fi
    wait "$pid" 2>/dev/null || rc=$?
    BENCH_EXIT_CODE="$rc"
    if [[ "$rc" -ne 0 ]]; then
        bench_log "server $pid exited with status $rc after SIGTERM (expected 0)"
    fi
    # Forget it.
    local p keep=()
    for p in "${_BENCH_PIDS[@]}"; do
        [[ "$p" == "$pid" ]] || keep+=("$p")
    done
    _BENCH_PIDS=("${keep[@]}")
    [[ "$pid" == "$BENCH_SERVER_PID" ]] && BENCH_SERVER_PID=""
    return 0
}

# ---------------------------------------------------------------------------
# Cleanup
# ---------------------------------------------------------------------------

_bench_cleanup() {
    local rc=$? pid db
    set +e
    for pid in "${_BENCH_PIDS[@]}"; do
        bench_stop_server "$pid" >/dev/null 2>&1
    done
    for db in "${_BENCH_DBS[@]}"; do
        psql -w -X -q -d "$BENCH_DATABASE_URL" \
            -c "drop database if exists $db with (force)" </dev/null >/dev/null 2>&1
    done
    if [[ "${BENCH_KEEP:-0}" == "1" ]]; then
        bench_log "kept $BENCH_TMP"
    else
        rm -rf -- "$BENCH_TMP"
    fi
    exit "$rc"
}
trap _bench_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# bench_wrk PID PATH — wrk -t$BENCH_THREADS -c$BENCH_CONNECTIONS -d$BENCH_DURATION on
# http://127.0.0.1:$BENCH_PORT$PATH while sampling the server's memory; prints wrk's output and a
# summary (requests/s, p50, p99, RSS idle and peak).
bench_wrk() {
    local pid="$1" path="$2"
    local threads="${BENCH_THREADS:-2}" connections="${BENCH_CONNECTIONS:-16}" duration="${BENCH_DURATION:-10s}"
rss_idle="$(bench_rss_kib "$pid")"
    url="http://127.0.0.1:$BENCH_PORT$path"
    printf 'load: %s\n' "$url"
    printf 'RSS idle: %s MiB\n\n' "$(bench_kib_to_mib "$rss_idle")"
    
    # Run wrk in the background and sample the server's memory meanwhile.
    wrk_out="$BENCH_TMP/wrk.txt"
    wrk -t"$threads" -c"$connections" -d"$duration" --latency "$url" >"$wrk_out" 2>&1 &
    wrk_pid=$!
    rss_peak="$rss_idle"
    while kill -0 "$wrk_pid" 2>/dev/null; do
        if rss="$(bench_rss_kib "$pid" 2>/dev/null)" && [[ "$rss" -gt "$rss_peak" ]]; then
            rss_peak="$rss"
        fi
        bench_sleep 0.5
    done
    wrk_rc=0
    wait "$wrk_pid" || wrk_rc=$?
    cat "$wrk_out"
    [[ "$wrk_rc" -eq 0 ]] || bench_die "wrk failed (exit $wrk_rc)"
    kill -0 "$pid" 2>/dev/null || bench_die "the server died during the run (log: $BENCH_SERVER_LOG)"
    
    # VmHWM (peak RSS since the process started, start-up included) also
    # catches a peak between two samples.
    hwm="$(bench_hwm_kib "$pid")"
    
    # A wrk latency ("950.00us", "1.23ms", "2.00s", "1.00m") in ms.
    to_ms() {
        awk -v v="$1" 'BEGIN {
            n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
            if (u == "us") n /= 1000; else if (u == "s") n *= 1000
            else if (u == "m") n *= 60000; else if (u == "h") n *= 3600000
            printf "%.2f", n }'
    }
    rps="$(awk '/^Requests\/sec:/ { print $2 }' "$wrk_out")"
    p50="$(awk '$1 == "50%" { print $2; exit }' "$wrk_out")"
    p99="$(awk '$1 == "99%" { print $2; exit }' "$wrk_out")"
    non2xx="$(awk -F: '/Non-2xx or 3xx responses/ { gsub(/ /, "", $2); print $2 }' "$wrk_out")"
    errors="$(awk '/Socket errors/' "$wrk_out")"
    
    printf '\nsummary: GET %s (wrk -t%s -c%s -d%s)\n' "$path" "$threads" "$connections" "$duration"
    printf '  requests/s          %s\n' "${rps:-?}"
    printf '  latency p50         %s ms\n' "$([[ -n "$p50" ]] && to_ms "$p50" || echo '?')"
    printf '  latency p99         %s ms\n' "$([[ -n "$p99" ]] && to_ms "$p99" || echo '?')"
    printf '  RSS idle            %s MiB\n' "$(bench_kib_to_mib "$rss_idle")"
    printf '  RSS peak under load %s MiB (max of samples every 0.5 s)\n' "$(bench_kib_to_mib "$rss_peak")"
    printf '  VmHWM since start   %s MiB\n' "$(bench_kib_to_mib "$hwm")"
    [[ -z "$non2xx" ]] || printf '  WARNING: %s non-2xx/3xx responses\n' "$non2xx"
    [[ -z "$errors" ]] || printf '  WARNING: %s\n' "$errors"
}
