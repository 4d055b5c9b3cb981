#!/usr/bin/env python3
# bench/trial.py BASE_URL TOKEN — a trial as users would, against a running server: a group other than
# Korea, sixteen people saving one roadmap through its page at once (in Korean), twenty invitations
# at once (ten to one address), members added at once, and hostile import files (formula, bad
# language tag, bidi override, NUL, wrong column count, a 5,000-character name) through the import
# page. Prints the statuses and the refusals as a reader sees them; needs the secretariat account
# staff@cuf.example (password "a long enough password") and one of its API tokens. Asserts nothing.
# A trial as users would: concurrent writes through the pages and the API, and hostile files
# through the import page. Prints what happened; asserts nothing fatal beyond "no 500".
import concurrent.futures as cf, http.cookiejar, json, re, sys, urllib.parse, urllib.request

base, token = sys.argv[1], sys.argv[2]

def api(method, path, body=None):
    req = urllib.request.Request(base + path, method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()

def session():
    jar = http.cookiejar.CookieJar()
    op = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = op.open(base + "/login").read().decode()
    csrf = re.search(r'name="csrf_token" value="([0-9a-f]+)"', page).group(1)
    op.open(base + "/login", urllib.parse.urlencode({"email": "staff@cuf.example",
        "password": "a long enough password", "csrf_token": csrf, "next": "/"}).encode())
    home = op.open(base + "/?lang=ko").read().decode()
    csrf = re.search(r'name="csrf_token" value="([0-9a-f]+)"', home).group(1)
    return op, csrf

def post(op, path, fields):
    try:
        r = op.open(base + path, urllib.parse.urlencode(fields).encode())
        return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()

statuses = lambda rs: sorted(set(s for s, _ in rs))
pool = cf.ThreadPoolExecutor(16)

# 1. A group other than Korea, made from the API (the pages are the browser suite's part).
print("group", api("POST", "/api/v1/groups", {"id": "jp", "names": {"fr": "Groupe-pays Japon", "ja": "日本グループ"},
    "country": "JP", "time_zones": ["Asia/Tokyo"], "languages": ["fr", "en", "ja"]})[0])

# 2. Sixteen people save the same roadmap at once (the page's form, in Korean).
ops = [session() for _ in range(4)]
def save_roadmap(i):
    op, csrf = ops[i % 4]
    return post(op, "/groups/jp/roadmap/2030/edit?lang=ko", {"csrf_token": csrf,
        "axes[0].title.fr": f"Axe {i}", "axes[0].actions[0].title.fr": f"Action {i}",
        "axes[0].actions[0].period": "2030-06"})
rs = list(pool.map(save_roadmap, range(16)))
print("roadmap saves at once:", statuses(rs), api("GET", "/api/v1/groups/jp/roadmaps/2030")[0])

# 3. Twenty invitations at once, ten to one address.
def invite(i):
    op, csrf = ops[i % 4]
    email = "same@tokyo.example" if i % 2 else f"person{i}@tokyo.example"
    return post(op, "/users/new?lang=ko", {"csrf_token": csrf, "email": email, "name": f"Person {i}",
        "role": "coordinator" if i % 4 else "observer", "group": "jp"})
rs = list(pool.map(invite, range(20)))
print("invitations at once:", statuses(rs))
users = json.loads(api("GET", "/api/v1/users")[1])
same = [u for u in users if u["email"] == "same@tokyo.example"]
print("  accounts for the shared address:", len(same), "roles:", same[0]["roles"] if same else None)

# 4. Members added at once, the same organisation by several people.
def member(i):
    op, csrf = ops[i % 4]
    return post(op, "/groups/jp/members?lang=ko", {"csrf_token": csrf,
        "organisation": ["fr-tours", "fr-issy", "kr-guro"][i % 3], "role": "member"})
rs = list(pool.map(member, range(12)))
print("members at once:", statuses(rs), len(json.loads(api("GET", "/api/v1/groups/jp/members")[1])))

# 5. Hostile import files through the import page.
def upload(name, content):
    op, csrf = ops[0]
    boundary = "----trial"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n{csrf}\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"collection\"\r\n\r\norganisations\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
            f"Content-Type: text/csv\r\n\r\n").encode() + content + f"\r\n--{boundary}--\r\n".encode()
    req = urllib.request.Request(base + "/import?lang=ko&csrf_token=" + csrf, data=body, method="POST",
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    try:
        r = op.open(req)
        return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()
head = "id,kind,country,level,parent_id,name_fr,name_ko,name_ko_latn,name_en,population,population_year,lat,lon,seat_name,website,notes,notes_lang,other_names\n"
files = {
    "formula.csv": head + "jp-a,local_authority,JP,jp_city,,=HYPERLINK(\"http://x\"),,,,,,,,,,,,\"ja: =cmd|' /C calc'!A0\"\n",
    "bad-tag.csv": head + "jp-b,local_authority,JP,jp_city,,Osaka,,,,,,,,,,,,\"<script>: 大阪\"\n",
    "bidi.csv": head + "jp-c,local_authority,JP,jp_city,,Kobe\u202e,,,,,,,,,,,,ja: 神戸\n",
    "nul.csv": head + "jp-d,local_authority,JP,jp_city,,Na\x00ra,,,,,,,,,,,,\n",
    "lang.csv": head + "jp-e,local_authority,JP,jp_city,,Kyoto,,,,,,,,,notes here,\"fr; DROP TABLE\",\n",
    "long.csv": head + "jp-f,local_authority,JP,jp_city,,Nagoya,,,,,,,,,,,,ja: " + "名" * 5000 + "\n",
}
for name, text in files.items():
    s, page = upload(name, text.encode("utf-8"))
    err = re.findall(r"<td><code>([^<]*)</code></td><td>([^<]*)</td>", page)
    failed = 'id="import-failed"' in page
    print(f"import {name}: {s} {'refused' if failed else 'previewed'} {err[:2]}")
print("organisations jp-*:", [o["id"] for o in json.loads(api("GET", "/api/v1/organisations?country=JP&limit=50")[1]).get("items", [])])
