#!/usr/bin/env bash
# bench/seminars.sh — the seminar programme page with 100 presentations under
# `wrk -t2 -c16 -d10s` (requests/s, p50, p99, memory), and `jumelage lineup` on a generated
# 20 seminars × 400 candidates problem, timed as a whole process (start to proven optimum).
#
# Environment: see bench/lib.sh. Prints figures; never asserts.

# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

bench_ensure_wrk
bench_ensure_binary
command -v python3 >/dev/null 2>&1 || bench_die "python3 is needed to make the data"

bench_new_data_dir
bench_fresh_database_url
bench_start_server "$BENCH_DATA_DIR" "$BENCH_DB_URL"
pid="$BENCH_SERVER_PID"
bench_wait_200 "$BENCH_PORT" /healthz || bench_die "/healthz never answered 200"

db_args=(--data-dir "$BENCH_DATA_DIR")
[[ -n "$BENCH_DB_URL" ]] && db_args+=(--database-url "$BENCH_DB_URL")
echo 'a long enough password' | "$BENCH_BIN" user create --email bench@cuf.example --role coordinator --group kr "${db_args[@]}" 2>/dev/null
token="$("$BENCH_BIN" token create --email bench@cuf.example "${db_args[@]}")"

BENCH_URL="http://127.0.0.1:$BENCH_PORT" BENCH_TOKEN="$token" python3 - <<'PY'
import json, os, urllib.request
base, token = os.environ["BENCH_URL"], os.environ["BENCH_TOKEN"]
def call(method, path, body):
    req = urllib.request.Request(base + path, method=method, data=json.dumps(body).encode(),
        headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        return json.loads(r.read() or b"null")
orgs = ["fr-issy", "fr-tours", "kr-guro", "kr-suwon", "fr-mel", "kr-daegu"]
for i in range(100):
    call("POST", "/api/v1/seminars/tour-kr-2021-1/presentations", {
        "title": {"fr": f"Présentation {i} : initiatives locales pour le climat",
                  "ko": f"발표 {i}: 기후를 위한 지역 이니셔티브", "en": f"Talk {i}: local climate initiatives"},
        "organisation_id": orgs[i % len(orgs)], "speaker": f"Intervenant·e {i}", "duration_minutes": 10})
call("PATCH", "/api/v1/seminars/tour-kr-2021-1", {"start": "2021-06-01T07:00:00Z", "status": "scheduled",
     "link": "https://visio.example.org/s1"})
PY

bench_sleep 1
printf '== the seminar programme page: 100 presentations ==\n'
bench_wrk "$pid" "/seminars/tour-kr-2021-1"
bench_stop_server

printf '\n== jumelage lineup: 20 seminars x 400 candidates ==\n'
problem="$BENCH_TMP/lineup-20x400.json"
cargo run --quiet --release -p lineup --example lineup_bench -- --write "$problem" >"$BENCH_TMP/lineup-bench.txt" 2>&1 \
    || bench_die "the problem generator failed: $(cat "$BENCH_TMP/lineup-bench.txt")"
times=()
for _ in 1 2 3 4 5; do
    _bench_now; t0="$BENCH_NOW_US"
    "$BENCH_BIN" lineup --input "$problem" --output "$BENCH_TMP/solution.json"
    _bench_now; times+=("$(( (BENCH_NOW_US - t0) / 1000 ))")
done
read -r tmin tmed <<<"$(bench_min_median "${times[@]}")"
printf '  whole process, start to proven optimum: min %s ms, median %s ms (runs: %s)\n' "$tmin" "$tmed" "${times[*]}"
python3 -c "import json,sys; s=json.load(open(sys.argv[1])); print('  status', s['status'], 'score', s['score'], 'seminars', len(s['lineup']))" "$BENCH_TMP/solution.json"
