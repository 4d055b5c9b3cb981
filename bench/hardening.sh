#!/usr/bin/env bash
# bench/hardening.sh — the figures of the hardening work, against the release server:
#   1. uploads: server memory (VmRSS idle, VmHWM peak, VmRSS after) around 8 parallel uploads of
#      a 19 MB document (target: peak under 100 MB above idle);
#   2. concurrent writes: 8 clients registering for a seminar and 8 creating organisations for
#      10 s (BENCH_SECONDS), writes per second and errors (target: zero 5xx).
#
# Environment: see bench/lib.sh (BENCH_DATABASE_URL for PostgreSQL). Prints figures; never asserts.

# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

bench_ensure_binary
command -v curl >/dev/null 2>&1 || bench_die "curl is needed (apt-get install curl)"
command -v python3 >/dev/null 2>&1 || bench_die "python3 is needed"

bench_new_data_dir
bench_fresh_database_url
bench_start_server "$BENCH_DATA_DIR" "$BENCH_DB_URL"
pid="$BENCH_SERVER_PID"
bench_wait_200 "$BENCH_PORT" /healthz || bench_die "/healthz never answered 200"
base="http://127.0.0.1:$BENCH_PORT"

db_args=(--data-dir "$BENCH_DATA_DIR")
[[ -n "$BENCH_DB_URL" ]] && db_args+=(--database-url "$BENCH_DB_URL")
echo 'a long enough password' | "$BENCH_BIN" user create --email bench@cuf.example --role secretariat "${db_args[@]}" 2>/dev/null
token="$("$BENCH_BIN" token create --email bench@cuf.example "${db_args[@]}")"

mem() { awk -v k="$1:" '$1 == k { printf "%.1f", $2 / 1024 }' "/proc/$pid/status"; }

engine=SQLite
[[ -n "$BENCH_DB_URL" ]] && engine=PostgreSQL
printf '== uploads: 8 parallel documents of 19 MB (%s) ==\n' "$engine"
file="$BENCH_TMP/scan.pdf"
{ printf '%%PDF-1.7\n'; head -c $((19 * 1024 * 1024)) /dev/urandom; } >"$file"
# Warm the server (a page, a small upload) before reading the idle figure.
curl -s -o /dev/null "$base/partnerships/p-issy-guro"
curl -s -o /dev/null -H "Authorization: Bearer $token" -F "title=warm" -F "file=@$BENCH_ROOT/README.md;filename=warm.txt" \
    "$base/api/v1/partnerships/p-issy-guro/documents"
bench_sleep 1
idle="$(mem VmRSS)"
printf '  idle        VmRSS %8s MiB\n' "$idle"
start_ns="$(date +%s%N)"
uploads=()
for i in 1 2 3 4 5 6 7 8; do
    curl -s -o "$BENCH_TMP/upload-$i.json" -w '%{http_code}\n' -H "Authorization: Bearer $token" \
        -F "title=Scan $i" -F "file=@$file;filename=scan-$i.pdf" \
        "$base/api/v1/partnerships/p-issy-guro/documents" >"$BENCH_TMP/upload-$i.code" &
    uploads+=("$!")
done
wait "${uploads[@]}"
ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
codes="$(cat "$BENCH_TMP"/upload-*.code | sort | uniq -c | tr -s ' ' | tr '\n' ' ')"
peak="$(mem VmHWM)"
bench_sleep 2
after="$(mem VmRSS)"
printf '  8 uploads   %6d ms, answers: %s\n' "$ms" "$codes"
printf '  peak        VmHWM %8s MiB (%s MiB above idle)\n' "$peak" "$(python3 -c "print(round($peak - $idle, 1))")"
printf '  after       VmRSS %8s MiB\n' "$after"

printf '\n== concurrent writes: 8 registering + 8 creating for %s s ==\n' "${BENCH_SECONDS:-10}"
BENCH_URL="$base" BENCH_TOKEN="$token" BENCH_SECONDS="${BENCH_SECONDS:-10}" python3 - <<'PY'
import http.client, json, os, threading, time, urllib.parse
base = urllib.parse.urlparse(os.environ["BENCH_URL"])
token, seconds = os.environ["BENCH_TOKEN"], float(os.environ["BENCH_SECONDS"])
def conn():
    return http.client.HTTPConnection(base.hostname, base.port, timeout=30)
c = conn()
c.request("PATCH", "/api/v1/seminars/tour-kr-2021-2", json.dumps({"audience": "public", "capacity": 50}),
          {"Authorization": "Bearer " + token, "Content-Type": "application/json"})
r = c.getresponse(); r.read()
counts = {}
lock = threading.Lock()
def tally(key):
    with lock:
        counts[key] = counts.get(key, 0) + 1
def register(n):
    c = conn()
    c.request("GET", "/seminars/tour-kr-2021-2"); r = c.getresponse(); r.read()
    csrf = [h.split(";")[0].split("=", 1)[1] for k, h in r.getheaders() if k.lower() == "set-cookie" and h.startswith("jumelage_csrf=")][0]
    i, end = 0, time.time() + seconds
    while time.time() < end:
        i += 1
        body = json.dumps({"name": f"Visiteur {n}-{i}", "email": f"v{n}-{i}@crowd.example"})
        c.request("POST", "/api/v1/seminars/tour-kr-2021-2/registrations", body,
                  {"Content-Type": "application/json", "Cookie": f"jumelage_csrf={csrf}", "X-CSRF-Token": csrf})
        r = c.getresponse(); r.read(); tally(("registration", r.status))
def create(n):
    c = conn()
    i, end = 0, time.time() + seconds
    while time.time() < end:
        i += 1
        body = json.dumps({"kind": "local_authority", "country": "FR", "level": "commune", "names": {"fr": f"Commune banc {n} {i}"}})
        c.request("POST", "/api/v1/organisations", body, {"Content-Type": "application/json", "Authorization": "Bearer " + token})
        r = c.getresponse(); r.read(); tally(("creation", r.status))
threads = [threading.Thread(target=register, args=(n,)) for n in range(8)] + [threading.Thread(target=create, args=(n,)) for n in range(8)]
start = time.time()
[t.start() for t in threads]; [t.join() for t in threads]
took = time.time() - start
ok = sum(v for (k, s), v in counts.items() if s < 300)
errors = sum(v for (k, s), v in counts.items() if s >= 500)
for (kind, status), v in sorted(counts.items()):
    print(f"  {kind:12} {status}  {v:6d}")
print(f"  {ok / took:8.1f} writes/s accepted, {errors} answered 5xx, in {took:.1f} s")
PY
bench_stop_server
