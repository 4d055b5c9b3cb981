#!/usr/bin/env python3
# Generates crates/domain/data/holidays.csv: the official national public holidays of France
# and South Korea and of the partner countries listed in COUNTRIES below, for 2020-2035.
# Source: the Python `holidays` package, version 0.109 (PyPI), via
# holidays.country_holidays(code, years=range(2020, 2036)) with the package's default
# category (public) and no subdivision, so only nationwide holidays are listed: France is the
# metropolitan national list (no Alsace-Moselle extras), the US list is the federal one, the
# German list has no Land-specific days, and Canada has the holidays that are statutory in
# every province and territory (no provincial days).
# South Korea includes substitute holidays 대체공휴일, election days and decree-declared
# temporary holidays known to the source. Other countries include the package's observed /
# substitute days (e.g. US "(observed)", JP 振替休日, CN/VN swapped working days).
# Names: each column uses the package's own localization when it has one ('fr' or 'fr_SN'
# for French, 'ko' for Korean, 'en_US' for English); the languages the package lacks come
# from the mappings below (Korean for every country but KR, French for KR, JP, VN, CN, US,
# TN, MG and DE). The package only *estimates* some Islamic-calendar dates (Eid al-Fitr,
# Eid al-Adha/Tabaski, Ashura, Mawlid, Islamic New Year, Grand Magal...) and marks them
# "(estimated)"/"(estimé)": that marker is stripped from the names (the dates are kept), see
# tools/holidays/README.md. Multi-holiday dates list their names in the same order in every
# column (the order of the package's French localization when it has one, English otherwise).
# To regenerate: python3 -m venv /tmp/hol-venv && /tmp/hol-venv/bin/pip install
# holidays==0.109 && /tmp/hol-venv/bin/python tools/holidays/generate.py && /tmp/hol-venv/bin/python
# tools/holidays/check.py (check.py needs only the standard library). A newer package version
# may add or move holidays (e.g. new temporary holidays, confirmed Islamic dates); review the
# diff before committing.
import csv
import re
import sys
from pathlib import Path

import holidays

PINNED_VERSION = "0.109"
YEARS = range(2020, 2036)
OUT = Path(__file__).resolve().parents[2] / "crates" / "domain" / "data" / "holidays.csv"

# Korean names of French holidays, keyed by the package's French name.
FR_TO_KO = {
    "Jour de l'an": "신정",
    "Lundi de Pâques": "부활절 월요일",
    "Fête du Travail": "노동절",
    "Fête de la Victoire": "제2차 세계대전 승전기념일",
    "Ascension": "예수 승천일",
    "Lundi de Pentecôte": "성령 강림 월요일",
    "Fête nationale": "프랑스 혁명 기념일",
    "Assomption": "성모 승천일",
    "Toussaint": "만성절",
    "Armistice": "제1차 세계대전 휴전기념일",
    "Noël": "성탄절",
}

# French names of Korean holidays, keyed by the package's Korean name.
KO_TO_FR = {
    "신정연휴": "Nouvel An",
    "설날 전날": "Veille de Seollal",
    "설날": "Seollal (Nouvel An lunaire)",
    "설날 다음날": "Lendemain de Seollal",
    "삼일절": "Jour du mouvement du 1er mars",
    "부처님오신날": "Anniversaire de Bouddha",
    "노동절": "Fête du Travail",
    "어린이날": "Fête des enfants",
    "현충일": "Jour du souvenir",
    "제헌절": "Jour de la Constitution",
    "광복절": "Jour de la libération",
    "추석 전날": "Veille de Chuseok",
    "추석": "Chuseok (fête des récoltes)",
    "추석 다음날": "Lendemain de Chuseok",
    "개천절": "Fondation nationale",
    "한글날": "Jour du hangeul",
    "기독탄신일": "Noël",
    "국군의 날": "Journée des forces armées",
    "임시공휴일": "Jour férié temporaire",
    "국회의원 선거일": "Jour d'élection législative",
    "대통령 선거일": "Jour d'élection présidentielle",
    "지방선거일": "Jour d'élections locales",
}
KO_SUBSTITUTE_SUFFIX = " 대체 휴일"


def split(name):
    return [p.strip() for p in name.split(";") if p.strip()]


def ko_to_fr(piece):
    if piece.endswith(KO_SUBSTITUTE_SUFFIX):
        base = piece[: -len(KO_SUBSTITUTE_SUFFIX)]
        return f"{KO_TO_FR[base]} (jour férié de remplacement)"
    return KO_TO_FR[piece]


def en_aligned(src, en):
    """English names per date, with multi-holiday dates ordered like the source language.

    The package orders the names of a multi-holiday date per language, so e.g. 2028-10-03 is
    '개천절; 추석' in Korean but 'Chuseok; National Foundation Day' in English. Pieces are
    matched through the single-holiday dates so every column lists them in the same order.
    """
    pairs = {}
    for d, name in src.items():
        if len(split(name)) == 1:
            pairs[name.strip()] = en[d].strip()
    out = {}
    for d, name in src.items():
        pieces, en_pieces = split(name), split(en[d])
        mapped = [pairs.get(p) for p in pieces]
        if None not in mapped and sorted(mapped) == sorted(en_pieces):
            en_pieces = mapped
        out[d] = "; ".join(en_pieces)
    return out


def load(country, language):
    h = holidays.country_holidays(country, years=YEARS, language=language)
    return dict(h.items())


def main():
    if holidays.__version__ != PINNED_VERSION:
        print(
            f"warning: holidays {holidays.__version__} installed, data was generated with "
            f"{PINNED_VERSION}; review the diff",
            file=sys.stderr,
        )
    rows = []
    # France: the package has 'fr' and 'en_US'; Korean comes from FR_TO_KO.
    fr_fr, fr_en = load("FR", "fr"), load("FR", "en_US")
    assert fr_fr.keys() == fr_en.keys()
    fr_en = en_aligned(fr_fr, fr_en)
    for d in sorted(fr_fr):
        pieces = split(fr_fr[d])
        rows.append(("FR", d.isoformat(), "; ".join(pieces),
                     "; ".join(FR_TO_KO[p] for p in pieces), fr_en[d]))
    # South Korea: the package has 'ko' and 'en_US'; French comes from KO_TO_FR.
    kr_ko, kr_en = load("KR", "ko"), load("KR", "en_US")
    assert kr_ko.keys() == kr_en.keys()
    kr_en = en_aligned(kr_ko, kr_en)
    for d in sorted(kr_ko):
        pieces = split(kr_ko[d])
        if any("추정" in p for p in pieces):
            sys.exit(f"error: {d} is only an estimate in the package: {kr_ko[d]}")
        rows.append(("KR", d.isoformat(), "; ".join(ko_to_fr(p) for p in pieces),
                     "; ".join(pieces), kr_en[d]))
    rows.sort(key=lambda r: (r[0], r[1]))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["country", "date", "name_fr", "name_ko", "name_en"])
        w.writerows(rows)
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
