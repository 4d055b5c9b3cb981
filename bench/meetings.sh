#!/usr/bin/env bash
# bench/meetings.sh — a meeting page with 100 participants and long minutes, and a group's
# calendar feed with 500 events, under `wrk -t2 -c16 -d10s` (requests/s, p50, p99, memory).
#
# The data is made through the public API, as a script would: a coordinator account and token
# from the command line, then 500 public meetings of the Korea group, one of which gets 100
# participants and about 60 KB of Markdown minutes over four agenda items.
#
# Environment: see bench/lib.sh (BENCH_DATABASE_URL for PostgreSQL, BENCH_DURATION, ...).
# Prints figures; never asserts.

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

bench_log "making 500 meetings, 100 participants and long minutes through the API"
_bench_now
made_start="$BENCH_NOW_US"
meeting_id="$(BENCH_URL="http://127.0.0.1:$BENCH_PORT" BENCH_TOKEN="$token" python3 - <<'PY'
import json, os, urllib.request
base, token = os.environ["BENCH_URL"], os.environ["BENCH_TOKEN"]
def call(method, path, body):
    req = urllib.request.Request(base + path, method=method, data=json.dumps(body).encode(),
        headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        return json.loads(r.read() or b"null")
first = None
for i in range(500):
    month, day = 1 + i % 12, 1 + i % 28
    m = call("POST", "/api/v1/meetings", {
        "group_id": "kr", "title": {"fr": f"Réunion {i}", "ko": f"회의 {i}", "en": f"Meeting {i}"},
        "date": f"{2022 + i // 100}-{month:02}-{day:02}", "start_time": "10:00", "end_time": "11:30",
        "time_zone": "Europe/Paris" if i % 2 else "Asia/Seoul", "format": "remote",
        "link": "https://visio.example.org/kr", "visibility": "public",
        "agenda": [{"fr": f"Point {k}", "ko": f"안건 {k}", "en": f"Item {k}"} for k in range(4)]})
    first = first or m["id"]
for p in range(100):
    call("POST", f"/api/v1/meetings/{first}/participants", {
        "name": f"Participant {p} 참석자", "organisation_id": ["fr-issy", "kr-guro", "fr-tours", "kr-suwon"][p % 4],
        "role_title": "Chargé·e de mission relations internationales", "presence": "present"})
para = ("La coopération décentralisée franco-coréenne **avance** : échanges de jeunes, "
        "musique, e-administration, villes intelligentes. 한불 지방정부 간 국제협력. ") * 6
body = "\n\n".join(f"- point {n}: {para}" for n in range(25))
call("PUT", f"/api/v1/meetings/{first}/minutes", {"items": [
    {"agenda_position": k, "body": {"fr": body, "ko": body}} for k in range(4)]})
print(first)
PY
)"
_bench_now
printf 'data made in %s ms\n\n' "$(( (BENCH_NOW_US - made_start) / 1000 ))"

bench_sleep 1
printf '== the meeting page: 100 participants, long minutes ==\n'
bench_wrk "$pid" "/meetings/$meeting_id"
printf '\n== the group calendar feed: 501 events ==\n'
bench_wrk "$pid" "/groups/kr/calendar.ics"
bench_stop_server
