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
threads="${BENCH_THREADS:-2}"
connections="${BENCH_CONNECTIONS:-16}"
duration="${BENCH_DURATION:-10s}"

bench_ensure_wrk
bench_ensure_binary

bench_new_data_dir
bench_fresh_database_url
bench_start_server "$BENCH_DATA_DIR" "$BENCH_DB_URL"
pid="$BENCH_SERVER_PID"
bench_wait_200 "$BENCH_PORT" /healthz || bench_die "/healthz never answered 200"
bench_wait_200 "$BENCH_PORT" "$path" || bench_die "$path never answered 200"

# Let start-up work settle, then read the idle memory.
bench_sleep 1
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

bench_stop_server
