#!/usr/bin/env python3
"""Writes crates/domain/data/country_names.csv: every ISO 3166-1 alpha-2 code with its name in
French, Korean and English, from the `i18n-iso-countries` npm package (MIT licence, names from
the Unicode CLDR).

Run from the repository root:
    (cd /tmp && npm pack i18n-iso-countries@7.14.0 && tar xzf i18n-iso-countries-7.14.0.tgz)
    python3 tools/countries/names.py /tmp/package
"""
import csv
import json
import sys

root = sys.argv[1] if len(sys.argv) > 1 else "/tmp/package"
langs = {l: json.load(open(f"{root}/langs/{l}.json"))["countries"] for l in ("fr", "ko", "en")}


def first(v):
    return v[0] if isinstance(v, list) else v


# Names the network uses rather than CLDR's first form.
override = {("US", "fr"): "États-Unis", ("US", "en"): "United States",
            ("KR", "fr"): "Corée", ("KR", "ko"): "한국", ("KR", "en"): "Korea"}

with open("crates/domain/data/country_names.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["code", "fr", "ko", "en"])
    for code in sorted(langs["en"]):
        w.writerow([code] + [override.get((code, l), first(langs[l][code])) for l in ("fr", "ko", "en")])
print("written", len(langs["en"]), "countries")
