#!/usr/bin/env bash
# bench/load.sh [PATH] — throughput, latency and memory under load.
#
#   bench/load.sh                    # GET /organisations
#   bench/load.sh /healthz
#   BENCH_LANG=ko bench/load.sh      # GET /organisations?lang=ko
#
# Starts the release server on a fresh data dir (demo data loaded on first
# start), waits for GET PATH = 200 (this first request also warms it up),
# prints the idle resident memory, then runs
#   wrk -t2 -c16 -d10s --latency http://127.0.0.1:PORT/PATH
# while sampling the server's VmRSS every 0.5 s (keeping the max), and prints
# wrk's output followed by a summary: requests/s, p50, p99, RSS idle and peak
# under load (MiB; max of the samples), and VmHWM (peak since start).
#
# Environment: BENCH_LANG (appends ?lang=..), BENCH_THREADS (2),
# BENCH_CONNECTIONS (16), BENCH_DURATION (10s), plus those of bench/lib.sh
# (BENCH_DATABASE_URL, BENCH_BIN, ...). Never asserts anything.

# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

path="${1:-/organisations}"
[[ "$path" == /* ]] || path="/$path"
if [[ -n "${BENCH_LANG:-}" ]]; then
    if [[ "$path" == *\?* ]]; then
        path="$path&lang=$BENCH_LANG"
    else
        path="$path?lang=$BENCH_LANG"
    fi
fi

bench_ensure_wrk
bench_ensure_binary

bench_new_data_dir
bench_fresh_database_url
bench_start_server "$BENCH_DATA_DIR" "$BENCH_DB_URL"
pid="$BENCH_SERVER_PID"
bench_wait_200 "$BENCH_PORT" /healthz || bench_die "/healthz never answered 200"
bench_wait_200 "$BENCH_PORT" "$path" || bench_die "$path never answered 200"

# Let start-up work settle, then measure.
bench_sleep 1
bench_wrk "$pid" "$path"

bench_stop_server
