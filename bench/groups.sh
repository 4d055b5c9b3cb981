#!/usr/bin/env bash
# bench/groups.sh — a network of 30 country groups of 100 members each: the network's home page
# (every group with its counts) and one group's page, under `wrk -t2 -c16 -d10s` (requests/s,
# p50, p99, memory).
#
# The data is made as a secretariat would: 4,400 organisations (1,500 French communes and 100
# local governments in each of 29 partner countries, with names in the partner's language)
# imported with `jumelage import`, then 29 groups (with their zones, languages and hashtags)
# and 3,000 memberships (50 French and 50 partner members a group, as member, partner,
# observer or secretariat) through the public API; the demo Korea group is the thirtieth and
# gets its members filled up to 100.
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
db_args=(--data-dir "$BENCH_DATA_DIR")
[[ -n "$BENCH_DB_URL" ]] && db_args+=(--database-url "$BENCH_DB_URL")

# Partner countries: code, zone, language tag, sample name in that language.
countries='SN Africa/Dakar wo Dakar
LB Asia/Beirut ar بيروت
JP Asia/Tokyo ja 東京
VN Asia/Ho_Chi_Minh vi Hà Nội
CN Asia/Shanghai zh 上海
US America/New_York en Boston
MA Africa/Casablanca ar الرباط
TN Africa/Tunis ar تونس
BF Africa/Ouagadougou fr Ouagadougou
ML Africa/Bamako fr Bamako
MG Indian/Antananarivo mg Antananarivo
DE Europe/Berlin de Köln
CA America/Toronto en Toronto
BE Europe/Brussels nl Gent
IT Europe/Rome it Torino
ES Europe/Madrid es Sevilla
PT Europe/Lisbon pt Porto
GB Europe/London en Leeds
PL Europe/Warsaw pl Kraków
RO Europe/Bucharest ro Cluj
GR Europe/Athens el Αθήνα
TR Europe/Istanbul tr İzmir
IL Asia/Jerusalem he חיפה
IN Asia/Kolkata hi पुणे
BR America/Sao_Paulo pt Curitiba
AR America/Argentina/Buenos_Aires es Rosario
MX America/Mexico_City es Puebla
CL America/Santiago es Valparaíso
AU Australia/Sydney en Adelaide'

bench_log "writing 4,400 organisations"
orgs="$BENCH_TMP/organisations.csv"
COUNTRIES="$countries" python3 - "$orgs" <<'PY'
import csv, os, sys
# The most local level of each country that has its own levels; the generic one otherwise.
levels = {}
with open("crates/domain/data/levels.csv", encoding="utf-8") as f:
    for r in csv.reader(f):
        if len(r) > 2 and r[2].isdigit() and (r[0] not in levels or int(r[2]) >= levels[r[0]][1]):
            levels[r[0]] = (r[1], int(r[2]))
rows = []
for i in range(1500):
    rows.append([f"fr-bench-{i}", "local_authority", "FR", "commune", "", f"Commune {i}", "", "", "",
                 str(2000 + i * 37), "2020", "", "", "", "", "", "", ""])
for line in os.environ["COUNTRIES"].splitlines():
    code, zone, tag, sample = line.split(" ", 3)
    for i in range(100):
        other = "" if tag in ("fr", "en") else f"{tag}: {sample} {i}"
        level = levels.get(code, ("generic_municipality", 0))[0]
        rows.append([f"{code.lower()}-bench-{i}", "local_authority", code, level, "",
                     f"Ville {i} ({code})", "", "", f"City {i} ({code})", str(10000 + i), "2020",
                     "", "", "", "", "", "", other])
with open(sys.argv[1], "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["id", "kind", "country", "level", "parent_id", "name_fr", "name_ko", "name_ko_latn",
                "name_en", "population", "population_year", "lat", "lon", "seat_name", "website",
                "notes", "notes_lang", "other_names"])
    w.writerows(rows)
PY

# The first start loads the demo data; the import adds to it.
bench_start_server "$BENCH_DATA_DIR" "$BENCH_DB_URL"
bench_wait_200 "$BENCH_PORT" /healthz || bench_die "/healthz never answered 200"
bench_stop_server
_bench_now; t0="$BENCH_NOW_US"
"$BENCH_BIN" import "${db_args[@]}" organisations "$orgs" >/dev/null
_bench_now
printf 'import of 4,400 organisations: %s ms\n' "$(( (BENCH_NOW_US - t0) / 1000 ))"

bench_start_server "$BENCH_DATA_DIR" "$BENCH_DB_URL"
pid="$BENCH_SERVER_PID"
bench_wait_200 "$BENCH_PORT" /healthz || bench_die "/healthz never answered 200"
echo 'a long enough password' | "$BENCH_BIN" user create --email staff@cuf.example --role secretariat "${db_args[@]}" 2>/dev/null
token="$("$BENCH_BIN" token create --email staff@cuf.example "${db_args[@]}")"

bench_log "making 29 groups and 3,000 memberships through the API"
_bench_now; made_start="$BENCH_NOW_US"
BENCH_URL="http://127.0.0.1:$BENCH_PORT" BENCH_TOKEN="$token" COUNTRIES="$countries" python3 - <<'PY'
import http.client, json, os
base, token = os.environ["BENCH_URL"], os.environ["BENCH_TOKEN"]
host = base.split("//")[1]
conn = http.client.HTTPConnection(host)
def call(method, path, body):
    conn.request(method, path, body=json.dumps(body),
                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    r = conn.getresponse()
    data = r.read()
    if r.status >= 300:
        raise SystemExit(f"{method} {path}: {r.status} {data[:300]!r}")
    return json.loads(data or b"null")
roles = ["member"] * 7 + ["partner", "observer", "secretariat"]
for n, line in enumerate(os.environ["COUNTRIES"].splitlines()):
    code, zone, tag, sample = line.split(" ", 3)
    g = f"g-{code.lower()}"
    langs = ["fr", "en"] + ([tag] if tag not in ("fr", "en") else [])
    call("POST", "/api/v1/groups", {"id": g, "names": {"fr": f"Groupe-pays {code}", "en": f"{code} country group"},
         "country": code, "time_zones": [zone], "languages": langs, "hashtags": [f"France{code}"]})
    for i in range(50):
        call("POST", f"/api/v1/groups/{g}/members",
             {"organisation_id": f"fr-bench-{(n * 50 + i) % 1500}", "role": roles[i % 10]})
        call("POST", f"/api/v1/groups/{g}/members",
             {"organisation_id": f"{code.lower()}-bench-{i}", "role": roles[(i + 3) % 10]})
# The Korea group of the demo, filled up to 100 members.
have = len(call("GET", "/api/v1/groups/kr/members", None) or [])
for i in range(max(0, 100 - have)):
    call("POST", "/api/v1/groups/kr/members", {"organisation_id": f"fr-bench-{1400 + i}", "role": "member"})
PY
_bench_now
printf 'data made in %s ms\n\n' "$(( (BENCH_NOW_US - made_start) / 1000 ))"

bench_sleep 1
printf '== the network home page: 30 groups with their counts ==\n'
bench_wrk "$pid" "/?lang=fr"
printf '\n== a group page: 100 members ==\n'
bench_wrk "$pid" "/groups/g-jp?lang=ko"
printf '\n== the Korea group page ==\n'
bench_wrk "$pid" "/groups/kr?lang=fr"
bench_stop_server
