#!/usr/bin/env bash
# bench/register.sh — the register at scale: 100,000 organisations and 200,000 partnerships.
#
# 1. `jumelage demo generate` writes the two import files (time).
# 2. `jumelage import` loads them into a fresh database, all or nothing (wall time and peak
#    memory from /usr/bin/time -v).
# 3. The server starts on that database; the first search builds its full-text index (time of
#    that first request = index build), a second one is timed warm; then ten organisations are
#    imported beside the running server and the next search (index updated in place) is timed.
# 4. wrk on the list page with a filter, on the search page with a Korean query, on the search
#    API with a romanised query (requests/s, p50, p99, memory).
# 5. `jumelage export` of both collections in CSV and XLSX (time, peak memory).
#
# Environment: BENCH_ORGS (100000), BENCH_PARTNERSHIPS (200000), and those of bench/lib.sh
# (BENCH_DATABASE_URL for PostgreSQL, BENCH_DURATION, ...). Never asserts anything.

# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

orgs="${BENCH_ORGS:-100000}"
parts="${BENCH_PARTNERSHIPS:-200000}"
bench_ensure_wrk
bench_ensure_binary
[[ -x /usr/bin/time ]] || bench_die "/usr/bin/time is needed (Debian package: time)"

gen="$BENCH_TMP/gen"
bench_new_data_dir
bench_fresh_database_url
db_args=(--data-dir "$BENCH_DATA_DIR")
[[ -n "$BENCH_DB_URL" ]] && db_args+=(--database-url "$BENCH_DB_URL")

timed() { # LABEL CMD... — wall time and peak RSS of one command
    local label="$1" out="$BENCH_TMP/time.txt"
    shift
    /usr/bin/time -v "$@" >"$BENCH_TMP/cmd.out" 2>"$out" || {
        cat "$out" >&2
        bench_die "$label failed"
    }
    local wall rss
    wall="$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$out")"
    rss="$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$out")"
    printf '  %-36s %10s  peak RSS %s MiB\n' "$label" "$wall" "$(bench_kib_to_mib "$rss")"
}

engine=SQLite
[[ -n "$BENCH_DB_URL" ]] && engine=PostgreSQL
printf 'register at scale: %s organisations, %s partnerships (%s)\n' "$orgs" "$parts" "$engine"
timed "generate files" "$BENCH_BIN" demo generate --out "$gen" --organisations "$orgs" --partnerships "$parts"
printf '  files: organisations.csv %s MiB, partnerships.csv %s MiB\n' \
    "$(bench_kib_to_mib $(( $(stat -c %s "$gen/organisations.csv") / 1024 )))" \
    "$(bench_kib_to_mib $(( $(stat -c %s "$gen/partnerships.csv") / 1024 )))"
timed "import organisations" "$BENCH_BIN" import "${db_args[@]}" organisations "$gen/organisations.csv"
timed "import partnerships" "$BENCH_BIN" import "${db_args[@]}" partnerships "$gen/partnerships.csv"

bench_start_server "$BENCH_DATA_DIR" "$BENCH_DB_URL"
pid="$BENCH_SERVER_PID"
bench_wait_200 "$BENCH_PORT" /healthz || bench_die "/healthz never answered 200"

korean='/search?q=%EB%8C%80%EA%B5%AC&lang=ko' # 대구
_bench_now; t0="$BENCH_NOW_US"
bench_wait_200 "$BENCH_PORT" "$korean" || bench_die "search never answered 200"
_bench_now; t1="$BENCH_NOW_US"
bench_wait_200 "$BENCH_PORT" "$korean" || bench_die "search never answered 200"
_bench_now; t2="$BENCH_NOW_US"
printf '  %-36s %10s ms\n' "first search (index build)" "$(((t1 - t0) / 1000))"
printf '  %-36s %10s ms\n' "second search (index current)" "$(((t2 - t1) / 1000))"
printf '  RSS with the index: %s MiB\n' "$(bench_kib_to_mib "$(bench_rss_kib "$pid")")"
# Changes while the server runs (ten organisations imported through the CLI, as another node
# would write them): the next search updates the index in place instead of rebuilding it. It
# reads again every record changed within web::search::CLOCK_MARGIN_MS (10 s) before the
# latest change it holds: the first change after the big import re-reads the import's last
# 10 s, the next one only itself.
changed_search() { # N LABEL — import ten organisations, time the next search
    {
        head -1 "$gen/organisations.csv"
        for i in 1 2 3 4 5 6 7 8 9 10; do
            echo "bench-$1-$i,local_authority,KR,county,,,벤치군$1$i,Benchi-gun $1 $i,,,,,,,,"
        done
    } >"$BENCH_TMP/ten.csv"
    "$BENCH_BIN" import "${db_args[@]}" organisations "$BENCH_TMP/ten.csv" >/dev/null 2>&1 ||
        bench_die "importing ten organisations failed"
    _bench_now; local t3="$BENCH_NOW_US"
    bench_wait_200 "$BENCH_PORT" "/search?q=Benchi-gun%20$1" || bench_die "search never answered 200"
    _bench_now; local t4="$BENCH_NOW_US"
    printf '  %-36s %10s ms\n' "$2" "$(((t4 - t3) / 1000))"
}
changed_search 1 "search after 10 changed (1st, import tail)"
changed_search 2 "search after 10 changed (next)"
echo

bench_wrk "$pid" '/organisations?country=KR&level=county'
bench_wrk "$pid" "$korean"
bench_wrk "$pid" '/api/v1/search?q=Gangsan'
bench_stop_server

printf '\nexports\n'
for c in organisations partnerships; do
    for f in csv xlsx; do
        timed "export $c $f" "$BENCH_BIN" export "${db_args[@]}" "$c" --format "$f" --output "$BENCH_TMP/out.$f"
    done
done
