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
# column (the order of the package's French localization when it has one, Korean for KR,
# English otherwise).
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


# Partner countries of the network of French local governments; the value is the package's
# French localization for that country, or None when the package has none (French names then
# come from EN_TO_FR). None has a Korean localization: Korean names come from EN_TO_KO.
COUNTRIES = {
    "SN": "fr_SN",  # Senegal
    "LB": "fr",     # Lebanon
    "JP": None,     # Japan
    "VN": None,     # Vietnam
    "CN": None,     # China
    "US": None,     # United States (federal holidays)
    "MA": "fr",     # Morocco
    "TN": None,     # Tunisia
    "BF": "fr",     # Burkina Faso
    "ML": "fr",     # Mali
    "MG": None,     # Madagascar
    "DE": None,     # Germany (national holidays only)
    "CA": "fr",     # Canada (nationwide holidays only)
}

# "(estimated)" markers of the package's Islamic-calendar estimates, stripped from names.
ESTIMATED = [
    (re.compile(r" \((observé|observed), (estimé|estimated)\)$"), r" (\1)"),
    (re.compile(r" \((estimé|estimated)\)$"), ""),
]
# Observed / substitute-day suffixes: package French, package English, ours (French, Korean).
OBSERVED_FR_PKG = " (observé)"
OBSERVED_EN = " (observed)"
OBSERVED_FR = " (jour férié de remplacement)"  # same wording as the KR substitute holidays
OBSERVED_KO = KO_SUBSTITUTE_SUFFIX              # " 대체 휴일", as in the package's KR names
# CN/VN swapped working days: "Day off (substituted from MM/DD/YYYY)" = a day off whose hours
# are worked on that (weekend) date.
DAY_OFF = re.compile(r"^Day off \(substituted from (\d\d)/(\d\d)/(\d{4})\)$")

# French names (for countries without a French localization in the package), keyed by the
# package's English (en_US) name without the "(observed)" suffix. COMMON first, then the
# country's own entries, which win.
EN_TO_FR = {
    "COMMON": {
        "New Year's Day": "Jour de l'an",
        "Good Friday": "Vendredi saint",
        "Easter Sunday": "Pâques",
        "Easter Monday": "Lundi de Pâques",
        "Labor Day": "Fête du Travail",
        "Ascension Day": "Ascension",
        "Pentecost": "Pentecôte",
        "Pentecost Monday": "Lundi de Pentecôte",
        "Assumption Day": "Assomption",
        "All Saints' Day": "Toussaint",
        "Christmas Day": "Noël",
        "Independence Day": "Fête de l'Indépendance",
        "Republic Day": "Fête de la République",
        "Martyrs' Day": "Journée des martyrs",
        "National Day": "Fête nationale",
    },
    "JP": {
        "Coming of Age Day": "Jour de la majorité",
        "Foundation Day": "Fête de la fondation de l'État",
        "Emperor's Birthday": "Anniversaire de l'empereur",
        "Substitute Holiday": "Jour férié de remplacement",
        "Vernal Equinox Day": "Jour de l'équinoxe de printemps",
        "Showa Day": "Jour de Shōwa",
        "Constitution Day": "Jour de la Constitution",
        "Greenery Day": "Jour de la verdure",
        "Children's Day": "Fête des enfants",
        "Marine Day": "Jour de la mer",
        "Sports Day": "Journée du sport",
        "Mountain Day": "Jour de la montagne",
        "Respect for the Aged Day": "Journée du respect des personnes âgées",
        "Autumnal Equinox Day": "Jour de l'équinoxe d'automne",
        "Culture Day": "Jour de la culture",
        "Labor Thanksgiving Day": "Journée de remerciement pour le travail",
        "National Holiday": "Jour férié national (jour intercalaire)",
    },
    "VN": {
        "29 of Lunar New Year": "Congé du Têt (29e jour du 12e mois lunaire)",
        "Lunar New Year's Eve": "Veille du Têt",
        "Lunar New Year": "Têt (Nouvel An lunaire)",
        "Second Day of Lunar New Year": "Deuxième jour du Têt",
        "Third Day of Lunar New Year": "Troisième jour du Têt",
        "Fourth Day of Lunar New Year": "Quatrième jour du Têt",
        "Fifth Day of Lunar New Year": "Cinquième jour du Têt",
        "Hung Kings' Commemoration Day": "Commémoration des rois Hùng",
        "Liberation Day/Reunification Day": "Jour de la Libération et de la Réunification",
        "International Labor Day": "Fête internationale du Travail",
        "Vietnam Cultural Day": "Journée de la culture vietnamienne",
    },
    "CN": {
        "Chinese New Year's Eve": "Veille du Nouvel An chinois",
        "Chinese New Year (Spring Festival)": "Nouvel An chinois (fête du Printemps)",
        "Chinese New Year Extended Holiday": "Prolongation des congés du Nouvel An chinois",
        "Tomb-Sweeping Day": "Fête de Qingming (fête des morts)",
        "Dragon Boat Festival": "Fête des bateaux-dragons",
        "Mid-Autumn Festival": "Fête de la mi-automne",
    },
    "US": {
        "Martin Luther King Jr. Day": "Journée de Martin Luther King Jr.",
        "Washington's Birthday": "Anniversaire de George Washington",
        "Memorial Day": "Jour du Souvenir",
        "Juneteenth National Independence Day": "Juneteenth (jour de l'émancipation des esclaves)",
        "Columbus Day": "Jour de Christophe Colomb",
        "Veterans Day": "Journée des anciens combattants",
        "Thanksgiving Day": "Jour de l'Action de grâce",
    },
    "TN": {
        "Revolution and Youth Day": "Fête de la Révolution et de la Jeunesse",
        "Eid al-Fitr": "Aïd el-Fitr",
        "Eid al-Fitr Holiday": "Congé de l'Aïd el-Fitr",
        "Day of Arafah": "Jour d'Arafat",
        "Eid al-Adha": "Aïd el-Adha (Aïd el-Kébir)",
        "Eid al-Adha Holiday": "Congé de l'Aïd el-Adha",
        "Women's Day": "Fête de la Femme",
        "Islamic New Year": "Nouvel An de l'Hégire",
        "Evacuation Day": "Fête de l'Évacuation",
        "Prophet's Birthday": "Mouled (anniversaire du Prophète)",
    },
    "MG": {
        "Women's Day": "Journée internationale de la femme",
        "Mother's Day": "Fête des mères",
        "Father's Day": "Fête des pères",
    },
    "DE": {
        "German Unity Day": "Jour de l'Unité allemande",
        "Second Day of Christmas": "Lendemain de Noël",
    },
}

# Korean names (no country here has a Korean localization in the package), keyed like
# EN_TO_FR by the package's English name without "(observed)"; COMMON, then per country.
EN_TO_KO = {
    "COMMON": {
        "New Year's Day": "신정",
        "Good Friday": "성금요일",
        "Easter Sunday": "부활절",
        "Easter Monday": "부활절 월요일",
        "Labor Day": "노동절",
        "Ascension Day": "예수 승천일",
        "Pentecost": "성령 강림절",
        "Pentecost Monday": "성령 강림 월요일",
        "Assumption Day": "성모 승천일",
        "All Saints' Day": "만성절",
        "Christmas Day": "성탄절",
        "Independence Day": "독립기념일",
        "Republic Day": "공화국의 날",
        "Martyrs' Day": "순국열사의 날",
        "Eid al-Fitr": "이드 알피트르(라마단 종료 축제)",
        "Eid al-Adha": "이드 알아드하(희생제)",
        "Islamic New Year": "이슬람 새해",
        "Islamic New Year Day": "이슬람 새해",
        "Ashura": "아슈라",
        "Prophet's Birthday": "마울리드(예언자 탄신일)",
    },
    "SN": {
        "Eid al-Fitr": "코리테(이드 알피트르)",
        "Eid al-Adha": "타바스키(이드 알아드하)",
        "Ashura": "탐하릿(아슈라)",
        "Grand Magal of Touba": "투바 그랑 마갈",
        "Public Holiday": "임시공휴일",
    },
    "LB": {
        "Armenian Orthodox Christmas Day": "아르메니아 정교회 성탄절",
        "Saint Maron's Day": "성 마론 축일",
        "Feast of the Annunciation": "성모 영보 대축일",
        "Catholic Good Friday": "가톨릭 성금요일",
        "Orthodox Good Friday": "정교회 성금요일",
        "Orthodox Holy Saturday": "정교회 성토요일",
        "Resistance and Liberation Day": "저항과 해방의 날",
    },
    "JP": {
        "Coming of Age Day": "성인의 날",
        "Foundation Day": "건국기념일",
        "Emperor's Birthday": "천황 탄생일",
        "Substitute Holiday": "대체 휴일",
        "Vernal Equinox Day": "춘분의 날",
        "Showa Day": "쇼와의 날",
        "Constitution Day": "헌법 기념일",
        "Greenery Day": "녹색의 날",
        "Children's Day": "어린이날",
        "Marine Day": "바다의 날",
        "Sports Day": "스포츠의 날",
        "Mountain Day": "산의 날",
        "Respect for the Aged Day": "경로의 날",
        "Autumnal Equinox Day": "추분의 날",
        "Culture Day": "문화의 날",
        "Labor Thanksgiving Day": "근로감사의 날",
        "National Holiday": "국민의 휴일",
    },
    "VN": {
        "29 of Lunar New Year": "뗏 연휴(음력 12월 29일)",
        "Lunar New Year's Eve": "뗏 전날(섣달그믐)",
        "Lunar New Year": "뗏(음력 설)",
        "Second Day of Lunar New Year": "뗏 둘째 날",
        "Third Day of Lunar New Year": "뗏 셋째 날",
        "Fourth Day of Lunar New Year": "뗏 넷째 날",
        "Fifth Day of Lunar New Year": "뗏 다섯째 날",
        "Hung Kings' Commemoration Day": "훙왕 기념일",
        "Liberation Day/Reunification Day": "남부 해방 및 통일 기념일",
        "International Labor Day": "국제 노동절",
        "National Day": "국경절(독립 선언 기념일)",
        "Vietnam Cultural Day": "베트남 문화의 날",
    },
    "CN": {
        "Chinese New Year's Eve": "춘절 전날(섣달그믐)",
        "Chinese New Year (Spring Festival)": "춘절(음력 설)",
        "Chinese New Year Extended Holiday": "춘절 연장 휴일",
        "Tomb-Sweeping Day": "청명절",
        "Dragon Boat Festival": "단오절",
        "Mid-Autumn Festival": "중추절",
        "National Day": "국경절",
    },
    "US": {
        "Martin Luther King Jr. Day": "마틴 루서 킹 주니어의 날",
        "Washington's Birthday": "워싱턴 탄생일",
        "Memorial Day": "메모리얼 데이(현충일)",
        "Juneteenth National Independence Day": "준틴스(노예 해방 기념일)",
        "Columbus Day": "콜럼버스의 날",
        "Veterans Day": "재향군인의 날",
        "Thanksgiving Day": "추수감사절",
    },
    "MA": {
        "Proclamation of Independence Day": "독립 선언 기념일",
        "Throne Day": "국왕 즉위 기념일",
        "Oued Ed-Dahab Day": "우에드 에드다합 충성 서약 기념일",
        "Revolution Day": "국왕과 국민의 혁명 기념일",
        "Youth Day": "청년의 날",
        "Green March": "녹색 행진 기념일",
        "Amazigh New Year": "아마지그 새해",
        "Unity Day": "통일의 날",
    },
    "TN": {
        "Revolution and Youth Day": "혁명과 청년의 날",
        "Eid al-Fitr Holiday": "이드 알피트르 연휴",
        "Day of Arafah": "아라파트의 날",
        "Eid al-Adha Holiday": "이드 알아드하 연휴",
        "Women's Day": "여성의 날",
        "Evacuation Day": "철군 기념일",
    },
    "BF": {
        "Revolution Day": "민중 봉기 기념일",
        "International Women's Day": "세계 여성의 날",
        "Eid al-Fitr": "라마단 종료 축제(이드 알피트르)",
        "Eid al-Adha": "타바스키(이드 알아드하)",
        "Proclamation of Independence Day": "독립 선포 기념일",
    },
    "ML": {
        "Armed Forces Day": "국군의 날",
        "Martyrs' Day": "순국열사의 날(3월 26일)",
        "Eid al-Fitr": "라마단 종료 축제(이드 알피트르)",
        "Africa Day": "아프리카의 날",
        "Eid al-Adha": "타바스키(이드 알아드하)",
        "National Day of the Republic of Mali": "말리 공화국 국경일",
        "Prophet's Baptism": "예언자 명명일",
    },
    "MG": {
        "Women's Day": "세계 여성의 날",
        "Mother's Day": "어머니의 날",
        "Father's Day": "아버지의 날",
    },
    "DE": {
        "German Unity Day": "독일 통일의 날",
        "Second Day of Christmas": "성탄절 다음날",
    },
    "CA": {
        "Canada Day": "캐나다 데이",
    },
}


def strip_estimated(name):
    """Drops the package's "(estimated)"/"(estimé)" marker from every piece of a name."""
    out = []
    for piece in split(name):
        for pattern, repl in ESTIMATED:
            piece = pattern.sub(repl, piece)
        if "estim" in piece.lower():
            sys.exit(f"error: unhandled estimate marker in {name!r}")
        out.append(piece)
    return out


def unobserve(piece, suffix):
    """(base name, observed?) of one piece."""
    if piece.endswith(suffix):
        return piece[: -len(suffix)], True
    return piece, False


def translate(country, table, en_piece, observed_suffix):
    """Our French or Korean name of one English piece (EN_TO_FR / EN_TO_KO)."""
    base, observed = unobserve(en_piece, OBSERVED_EN)
    m = DAY_OFF.match(base)
    if m:
        month, day, year = m.groups()
        if table is EN_TO_FR:
            return f"Jour de repos (récupéré le {day}/{month}/{year})"
        return f"휴무일({year}년 {int(month)}월 {int(day)}일 근무로 대체)"
    names = {**table["COMMON"], **table.get(country, {})}
    if base not in names:
        which = "EN_TO_FR" if table is EN_TO_FR else "EN_TO_KO"
        sys.exit(f"error: {country} {en_piece!r} has no entry in {which}")
    return names[base] + (observed_suffix if observed else "")


def partner_rows(country, fr_language):
    """Rows of one partner country: (country, date, name_fr, name_ko, name_en)."""
    en = {d: strip_estimated(n) for d, n in load(country, "en_US").items()}
    if fr_language:
        fr = {d: strip_estimated(n) for d, n in load(country, fr_language).items()}
        assert fr.keys() == en.keys(), country
        # French base name -> English base name, learnt on the single-holiday dates, so the
        # English pieces of multi-holiday dates follow the French order.
        pairs = {}
        for d in fr:
            if len(fr[d]) == 1:
                fb, fo = unobserve(fr[d][0], OBSERVED_FR_PKG)
                eb, eo = unobserve(en[d][0], OBSERVED_EN)
                assert fo == eo and pairs.setdefault(fb, eb) == eb, (country, d, fr[d], en[d])
        for d in fr:
            aligned = []
            for piece in fr[d]:
                fb, fo = unobserve(piece, OBSERVED_FR_PKG)
                if fb not in pairs:
                    sys.exit(f"error: {country} {d}: cannot align {piece!r} with {en[d]}")
                aligned.append(pairs[fb] + (OBSERVED_EN if fo else ""))
            assert sorted(aligned) == sorted(en[d]), (country, d, fr[d], en[d])
            en[d] = aligned
    rows = []
    for d in sorted(en):
        if fr_language:
            fr_pieces = fr[d]
        else:
            fr_pieces = [translate(country, EN_TO_FR, p, OBSERVED_FR) for p in en[d]]
        ko_pieces = [translate(country, EN_TO_KO, p, OBSERVED_KO) for p in en[d]]
        rows.append((country, d.isoformat(), "; ".join(fr_pieces), "; ".join(ko_pieces),
                     "; ".join(en[d])))
    return rows


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
    # Partner countries: French from the package or EN_TO_FR, Korean from EN_TO_KO.
    for country, fr_language in COUNTRIES.items():
        rows.extend(partner_rows(country, fr_language))
    rows.sort(key=lambda r: (r[0], r[1]))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["country", "date", "name_fr", "name_ko", "name_en"])
        w.writerows(rows)
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
