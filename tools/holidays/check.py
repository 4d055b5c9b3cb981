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
# Every country of the file, as listed by tools/holidays/generate.py.
COUNTRIES = ["FR", "KR", "SN", "LB", "JP", "VN", "CN", "US", "MA", "TN", "BF", "ML", "MG",
             "DE", "CA"]
# Allowed rows per year for each country (sanity bounds around the 0.109 data).
PER_YEAR = {"FR": (11, 11), "KR": (15, 28), "SN": (14, 16), "LB": (18, 21), "JP": (16, 21),
            "VN": (12, 17), "CN": (14, 25), "US": (11, 15), "MA": (15, 20), "TN": (16, 20),
            "BF": (15, 19), "ML": (11, 13), "MG": (15, 16), "DE": (9, 9), "CA": (5, 7)}
# Fixed-date holidays (MM-DD) expected every year 2020-2035, per country.
FIXED = {
    "SN": ["01-01", "04-04", "08-15", "11-01", "12-25"],
    "LB": ["01-01", "01-06", "02-09", "03-25", "08-15", "11-22", "12-25"],
    "JP": ["01-01", "02-11", "02-23", "04-29", "05-03", "05-04", "05-05", "11-03", "11-23"],
    "VN": ["01-01", "04-30", "05-01", "09-02"],
    "CN": ["01-01", "05-01", "10-01", "10-02", "10-03"],
    "MA": ["01-01", "01-11", "05-01", "08-21", "11-06", "11-18"],
    "TN": ["01-01", "04-09", "05-01", "07-25", "08-13", "10-15"],
    "BF": ["01-01", "01-03", "03-08", "05-01", "08-05", "08-15", "10-31", "11-01", "12-11",
           "12-25"],
    "ML": ["01-01", "01-20", "03-26", "05-25", "09-22", "12-25"],
    "MG": ["01-01", "03-08", "03-29", "05-01", "06-26", "08-15", "11-01", "12-25"],
    "CA": ["01-01", "07-01", "12-25"],
}
# Easter-based holidays (days from Easter Sunday) expected every year, per country.
EASTER_OFFSETS = {"SN": [1, 39, 50], "BF": [1, 39], "ML": [1], "MG": [0, 1, 39, 49, 50],
                  "CA": [-2]}

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
    ("JP", "2020-07-23", "Marine Day"),
    ("JP", "2026-09-22", "National Holiday"),
    ("CN", "2024-02-10", "Chinese New Year"),
    ("CN", "2025-10-06", "Mid-Autumn Festival"),
    ("VN", "2025-01-29", "Lunar New Year"),
    ("US", "2021-12-31", "New Year's Day (observed)"),
    ("US", "2025-11-27", "Thanksgiving"),
    ("MA", "2024-01-14", "Amazigh New Year"),
    ("SN", "2022-12-26", "Public Holiday"),
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


def nth_weekday(y, month, weekday, n):
    """n-th (1-based; -1 = last) given weekday (Mon=0) of a month."""
    if n > 0:
        d = date(y, month, 1)
        return d + timedelta((weekday - d.weekday()) % 7 + 7 * (n - 1))
    d = date(y, month + 1, 1) - timedelta(1)
    return d - timedelta((d.weekday() - weekday) % 7)


def us_federal(y):
    """US federal holidays of year y (5 U.S.C. 6103), with Saturday -> Friday and
    Sunday -> Monday observance; a Saturday 1 January of y + 1 is observed on 31 December y."""
    fixed = [date(y, 1, 1), date(y, 7, 4), date(y, 11, 11), date(y, 12, 25)]
    if y >= 2021:
        fixed.append(date(y, 6, 19))
    got = {nth_weekday(y, 1, 0, 3), nth_weekday(y, 2, 0, 3), nth_weekday(y, 5, 0, -1),
           nth_weekday(y, 9, 0, 1), nth_weekday(y, 10, 0, 2), nth_weekday(y, 11, 3, 4)}
    for d in fixed:
        got.add(d)
        if d.weekday() == 5 and d.month != 1:
            got.add(d - timedelta(1))
        elif d.weekday() == 6:
            got.add(d + timedelta(1))
    if date(y + 1, 1, 1).weekday() == 5:
        got.add(date(y, 12, 31))
    return got


def has_hangul(s):
    return any("\uac00" <= ch <= "\ud7a3" for ch in s)


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
        assert r[0] in COUNTRIES, f"unknown country {r}"
        d = date.fromisoformat(r[1])
        assert d.year in YEARS, f"out of range {r}"
        assert all(x.strip() for x in r[2:]), f"empty name {r}"
        n = len(r[2].split("; "))
        assert len(r[3].split("; ")) == n == len(r[4].split("; ")), f"name count mismatch {r}"
        # Each column in its own language: Hangul in every Korean piece and no Latin letters
        # there; no Hangul in the French or English columns; no leftover estimate markers.
        for piece in r[3].split("; "):
            assert has_hangul(piece), f"Korean name without Hangul {r}"
            assert not any("a" <= ch.lower() <= "z" for ch in piece), f"Latin in name_ko {r}"
        assert not has_hangul(r[2]) and not has_hangul(r[4]), f"Hangul in name_fr/name_en {r}"
        for x in r[2:]:
            assert "estim" not in x.lower() and "추정" not in x, f"estimate marker left {r}"
    present = {k[0] for k in keys}
    assert present == set(COUNTRIES), f"countries: missing {set(COUNTRIES) - present}"

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

    # Germany: exactly the 9 nationwide holidays every year (no Land-specific days).
    # United States: exactly the federal holidays with their observed days.
    for y in YEARS:
        e = easter(y)
        want = {date(y, 1, 1), e - timedelta(2), e + timedelta(1), date(y, 5, 1),
                e + timedelta(39), e + timedelta(50), date(y, 10, 3), date(y, 12, 25),
                date(y, 12, 26)}
        for c, want in (("DE", want), ("US", us_federal(y))):
            got = {date.fromisoformat(d) for k, d in keys if k == c and d.startswith(str(y))}
            assert got == want, f"{c} {y}: extra {sorted(got - want)}, missing {sorted(want - got)}"

    # Other countries: fixed-date and Easter-based holidays present every year.
    for y in YEARS:
        for c, mds in FIXED.items():
            for md in mds:
                assert (c, f"{y}-{md}") in by_key, f"{c} {y}-{md} missing"
        for c, offsets in EASTER_OFFSETS.items():
            for off in offsets:
                d = (easter(y) + timedelta(off)).isoformat()
                assert (c, d) in by_key, f"{c} {d} (Easter {off:+d}) missing"

    # Korea: fixed-date holidays present every year.
    for y in YEARS:
        for md in ("01-01", "03-01", "05-05", "06-06", "08-15", "10-03", "10-09", "12-25"):
            assert ("KR", f"{y}-{md}") in by_key, f"KR {y}-{md} missing"

    # No weekend filler: a Saturday/Sunday row must be a real dated holiday, never a
    # substitute, temporary or election day (those are always weekdays).
    # (Real weekend holidays such as MG Easter Sunday, Pentecost, Mother's/Father's Day stay.)
    weekday_only = ("대체 휴일", "임시공휴일", "선거일", "휴무일")
    weekday_only_en = ("(observed)", "substitute", "alternative holiday", "day off")
    for c, d in keys:
        if date.fromisoformat(d).weekday() >= 5:
            r = by_key[(c, d)]
            assert not any(w in r[3] for w in weekday_only), f"weekend filler? {r}"
            low = r[4].lower()
            assert not any(w in low for w in weekday_only_en), f"weekend filler? {r}"
            for piece in low.split("; "):
                assert piece not in ("saturday", "sunday", "weekend"), f"weekend filler? {r}"

    counts = Counter((c, d[:4]) for c, d in keys)
    for c in COUNTRIES:
        per_year = [counts[(c, str(y))] for y in YEARS]
        print(f"{c}: {sum(per_year)} rows; per year: "
              + ", ".join(f"{y}={n}" for y, n in zip(YEARS, per_year)))
        # Year coverage: every country has rows in every year 2020-2035, within its bounds.
        lo, hi = PER_YEAR[c]
        assert all(lo <= n <= hi for n in per_year), f"{c} per-year count outside {lo}..{hi}"
    print(f"OK: {len(rows)} rows")


if __name__ == "__main__":
    main()
