#!/usr/bin/env python3
"""Independent sanity check of crates/domain/data/holidays.csv (standard library only).

Run: python3 tools/holidays/check.py [path/to/holidays.csv]
Exits non-zero on the first failed assertion; prints row counts per country and per year.
"""
import csv
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "crates" / "domain" / "data" / "holidays.csv"
HEADER = ["country", "date", "name_fr", "name_ko", "name_en"]
YEARS = range(2020, 2036)

# (country, date, substring expected in name_en)
REQUIRED = [
    ("FR", "2021-04-05", "Easter Monday"),
    ("FR", "2021-05-13", "Ascension"),
    ("FR", "2024-05-20", "Pentecost Monday"),
    ("FR", "2035-12-25", "Christmas"),
    ("KR", "2021-02-11", "Korean New Year"),
    ("KR", "2021-02-12", "Korean New Year"),
    ("KR", "2021-02-13", "Korean New Year"),
    ("KR", "2021-09-20", "Chuseok"),
    ("KR", "2021-09-21", "Chuseok"),
    ("KR", "2021-09-22", "Chuseok"),
    ("KR", "2021-08-16", "Alternative holiday for Liberation Day"),
    ("KR", "2026-06-03", "Local Election"),
    ("KR", "2025-10-06", "Chuseok"),
]


def easter(y):
    """Gregorian Easter Sunday (anonymous Gregorian / Meeus-Jones-Butcher algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return date(y, month, day)


def main():
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "BOM present"
    assert b"\r" not in raw, "CR line endings present"
    assert raw.endswith(b"\n"), "no trailing newline"
    text = raw.decode("utf-8")
    rows = list(csv.reader(text.splitlines()))
    assert rows[0] == HEADER, f"bad header {rows[0]}"
    rows = rows[1:]

    keys = [(r[0], r[1]) for r in rows]
    assert all(len(r) == 5 for r in rows), "row with wrong column count"
    dupes = [k for k, n in Counter(keys).items() if n > 1]
    assert not dupes, f"duplicate (country, date): {dupes}"
    assert keys == sorted(keys), "rows not sorted by country then date"
    by_key = {(r[0], r[1]): r for r in rows}
    for r in rows:
        assert r[0] in ("FR", "KR"), f"unknown country {r}"
        d = date.fromisoformat(r[1])
        assert d.year in YEARS, f"out of range {r}"
        assert all(x.strip() for x in r[2:]), f"empty name {r}"
        n = len(r[2].split("; "))
        assert len(r[3].split("; ")) == n == len(r[4].split("; ")), f"name count mismatch {r}"

    for c, d, en in REQUIRED:
        assert (c, d) in by_key, f"missing {c} {d}"
        assert en in by_key[(c, d)][4], f"{c} {d}: expected {en!r}, got {by_key[(c, d)][4]!r}"

    # France: exactly the 11 national holidays every year, movable ones computed independently.
    for y in YEARS:
        e = easter(y)
        want = {date(y, 1, 1), e + timedelta(1), date(y, 5, 1), date(y, 5, 8),
                e + timedelta(39), e + timedelta(50), date(y, 7, 14), date(y, 8, 15),
                date(y, 11, 1), date(y, 11, 11), date(y, 12, 25)}
        got = {date.fromisoformat(d) for c, d in keys if c == "FR" and d.startswith(str(y))}
        assert got == want, f"FR {y}: extra {sorted(got - want)}, missing {sorted(want - got)}"

    # Korea: fixed-date holidays present every year.
    for y in YEARS:
        for md in ("01-01", "03-01", "05-05", "06-06", "08-15", "10-03", "10-09", "12-25"):
            assert ("KR", f"{y}-{md}") in by_key, f"KR {y}-{md} missing"

    # No weekend filler: a Saturday/Sunday row must be a real dated holiday, never a
    # substitute, temporary or election day (those are always weekdays).
    weekday_only = ("대체 휴일", "임시공휴일", "선거일")
    for c, d in keys:
        if date.fromisoformat(d).weekday() >= 5:
            r = by_key[(c, d)]
            assert not any(w in r[3] for w in weekday_only), f"weekend filler? {r}"
            low = r[4].lower()
            assert "saturday" not in low and "sunday" not in low, f"weekend filler? {r}"

    counts = Counter((c, d[:4]) for c, d in keys)
    for c in ("FR", "KR"):
        per_year = [counts[(c, str(y))] for y in YEARS]
        print(f"{c}: {sum(per_year)} rows; per year: "
              + ", ".join(f"{y}={n}" for y, n in zip(YEARS, per_year)))
        lo, hi = (11, 11) if c == "FR" else (15, 28)
        assert all(lo <= n <= hi for n in per_year), f"{c} per-year count outside {lo}..{hi}"
    print(f"OK: {len(rows)} rows")


if __name__ == "__main__":
    main()
