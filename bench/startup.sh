#!/usr/bin/env bash
# bench/startup.sh — server start-up time.
#
# For each run (BENCH_RUNS, default 5):
#   cold: start `jumelage serve` on a new, empty data dir (the server loads the
#         demo data on this first start) — with BENCH_DATABASE_URL, on a new
#         empty database too;
#   warm: stop it (SIGTERM) and start it again on the same data dir/database.
# Each time it measures the wall time from launching the process to the
# first 200 on GET /healthz and to the first 200 on GET /organisations
# (polled every 5 ms over plain TCP), plus the resident memory (VmRSS) right
# after that first /organisations.
#
# Prints one line per start, then min and median per series, in ms.
# Never asserts anything about the figures.

# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RUNS="${BENCH_RUNS:-5}"
PAGE="/organisations"

bench_ensure_binary

# Results (ms) per series.
cold_health=() cold_page=() warm_health=() warm_page=()

# measure LABEL DATA_DIR DB_URL — one start; sets M_HEALTH, M_PAGE (ms).
measure() {
    local label="$1" data_dir="$2" db_url="$3" rss
    bench_start_server "$data_dir" "$db_url"
    bench_wait_200 "$BENCH_PORT" /healthz || bench_die "$label: /healthz never answered 200"
    M_HEALTH=$(((BENCH_READY_US - BENCH_START_US) / 1000))
    bench_wait_200 "$BENCH_PORT" "$PAGE" || bench_die "$label: $PAGE never answered 200"
    M_PAGE=$(((BENCH_READY_US - BENCH_START_US) / 1000))
    rss="$(bench_rss_kib "$BENCH_SERVER_PID")"
    bench_stop_server
    printf '  %-5s  healthz %6d ms   %s %6d ms   rss %7s MiB   stop %5s ms\n' \
        "$label" "$M_HEALTH" "$PAGE" "$M_PAGE" "$(bench_kib_to_mib "$rss")" "${BENCH_STOP_MS:-?}"
}

if [[ -n "${BENCH_DATABASE_URL:-}" ]]; then storage="PostgreSQL"; else storage="data dir"; fi
printf 'startup: %s (storage: %s)\n' "$BENCH_BIN" "$storage"
for ((run = 1; run <= RUNS; run++)); do
    printf 'run %d/%d\n' "$run" "$RUNS"
    bench_new_data_dir
    bench_fresh_database_url
    measure cold "$BENCH_DATA_DIR" "$BENCH_DB_URL"
    cold_health+=("$M_HEALTH")
    cold_page+=("$M_PAGE")
    measure warm "$BENCH_DATA_DIR" "$BENCH_DB_URL"
    warm_health+=("$M_HEALTH")
    warm_page+=("$M_PAGE")
done

summary() { # LABEL VALUES...
    local label="$1" min median
    shift
    read -r min median < <(bench_min_median "$@")
    printf '  %-32s min %6s ms   median %6s ms\n' "$label" "$min" "$median"
}

printf '\nsummary over %d runs (ms from process start to first 200):\n' "$RUNS"
summary "cold /healthz" "${cold_health[@]}"
summary "cold $PAGE" "${cold_page[@]}"
summary "warm /healthz" "${warm_health[@]}"
summary "warm $PAGE" "${warm_page[@]}"
