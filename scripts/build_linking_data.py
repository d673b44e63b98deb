#!/usr/bin/env python3
"""Build the compact lists the linking stage ships in src/marsad/linking/data/.

Reads ../shared/data (or --shared DIR) and writes, one row per line, TAB-separated:

- countries.tsv   alpha3, alpha2, English name, Arabic names (|), capital geonameid, capital
                  (countries-iso3166-ar + mledoze_countries for capitals)
- cities.tsv.gz   geonameid, alpha3, population, Arabic names (|)  (cities-geonames-ar),
                  the spelling most used in news first (it is the display name): word
                  counts of SaudiNewsNet + ANT, src/marsad/ner/data/wordfreq.tsv
- name_tokens.tsv.gz  Latin token, its most frequent Arabic spelling
                  (wikidata-person-name-tokens, English -> Arabic)
- agents.tsv      Arabic agent phrase, CAMEO agent code (universalpetrarch_arabic agents)
- actors.tsv      Arabic actor name, CAMEO actor code (universalpetrarch_arabic actor dict;
                  the last code listed for the actor, i.e. its latest role)
- ../given_names.py  common Arabic given names (arabic-names-akhateeb, MIT, plus the
                  hand-written data/given_names_extra.txt)

The hand-written lists beside them (roles.tsv, demonyms.tsv, country_extra.tsv) are not
built here. Run from the repository root:  python scripts/build_linking_data.py
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "marsad" / "linking" / "data"
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")


def clean(text: str) -> str:
    """Diacritics off, spaces single: the display form the lists keep."""
    text = _MARKS.sub("", unicodedata.normalize("NFKC", text))
    return " ".join(text.replace("_", " ").split())


def build_countries(shared: Path) -> tuple[list[list[str]], dict[str, str]]:
    gaz = shared / "gazetteers"
    names: dict[str, list[str]] = defaultdict(list)
    rows: dict[str, list[str]] = {}
    with open(gaz / "countries-iso3166-ar" / "countries_ar.tsv", encoding="utf-8") as fh:
        for rec in csv.DictReader(fh, delimiter="\t"):
            a3 = rec["alpha_3"]
            rows[a3] = [a3, rec["alpha_2"], rec["name_en"]]
            for col in ("name_ar", "common_name_ar", "official_name_ar"):
                if rec[col]:
                    names[a3].append(clean(rec[col]))
    capitals: dict[str, str] = {}
    for rec in json.loads((gaz / "mledoze_countries" / "countries.json").read_text("utf-8")):
        a3 = rec["cca3"]
        ara = rec.get("translations", {}).get("ara", {})
        names[a3].extend(clean(ara[k]) for k in ("common", "official") if ara.get(k))
        if rec.get("capital"):
            capitals[a3] = rec["capital"][0]
    out = []
    for a3, row in sorted(rows.items()):
        uniq = list(dict.fromkeys(n for n in names[a3] if n))
        out.append([*row, "|".join(uniq), "", capitals.get(a3, "")])
    return out, {row[1]: row[0] for row in rows.values()}


def word_counts() -> dict[str, int]:
    path = REPO / "src" / "marsad" / "ner" / "data" / "wordfreq.tsv"
    rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines())
    return {word: int(n) for word, n in rows}


def news_count(name: str, counts: dict[str, int]) -> int:
    """How often a spelling stands in the news corpora (its rarest word's count): GeoNames
    lists "ترابلس" before "طرابلس" for Tripoli."""
    from marsad.arabic import normalize

    return min(counts.get(normalize(w), 0) for w in name.split()) if name.split() else 0


def build_cities(shared: Path, a2_to_a3: dict[str, str], countries: list[list[str]]) -> list:
    path = shared / "gazetteers" / "cities-geonames-ar" / "cities15000_ar.tsv"
    counts = word_counts()
    cities = []
    by_name: dict[tuple[str, str], str] = {}
    with open(path, encoding="utf-8") as fh:
        for rec in csv.DictReader(fh, delimiter="\t"):
            a3 = a2_to_a3.get(rec["countrycode"], "")
            names = list(dict.fromkeys(clean(n) for n in rec["arabic_names"].split("|")))
            ar = "|".join(sorted(names, key=lambda n: -news_count(n, counts)))
            cities.append([rec["geonameid"], a3, rec["population"], ar])
            by_name.setdefault((rec["name"], a3), rec["geonameid"])
    for row in countries:  # capital geonameid, when the capital has an Arabic name
        row[4] = by_name.get((row[5], row[0]), "")
    return cities


def build_name_tokens(shared: Path) -> list[list[str]]:
    path = shared / "gazetteers" / "wikidata-person-name-tokens"
    best: dict[str, Counter[str]] = defaultdict(Counter)
    for line in (path / "wd_arabic.normalized.aligned.tokens").read_text("utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) != 3 or not parts[2].isdigit():
            continue
        best[parts[0].lower()][parts[1].replace(" ", "")] += int(parts[2])
    return [[lat, c.most_common(1)[0][0]] for lat, c in sorted(best.items())]


def build_agents(shared: Path) -> list[list[str]]:
    path = shared / "events" / "universalpetrarch_arabic" / "dictionaries" / "agents.all.ar_v3.txt"
    codes: dict[str, Counter[str]] = defaultdict(Counter)
    for line in path.read_text("utf-8").splitlines():
        m = re.match(r"^\s*([^\s#\[]+)\s*\[~([A-Z]+)", line)
        if m:
            codes[clean(m.group(1))][m.group(2)] += 1
    return [[phrase, c.most_common(1)[0][0]] for phrase, c in sorted(codes.items()) if phrase]


def build_actors(shared: Path) -> list[list[str]]:
    path = shared / "events" / "universalpetrarch_arabic" / "dictionaries" / "actor_dict_ar_v4.txt"
    actors: dict[str, str] = {}
    name = ""
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        code = re.search(r"\[([A-Z]{3,})", line)
        if not line[0].isspace():
            name = clean(re.sub(r"\[.*", "", line))
        if code and name:
            actors[name] = code.group(1)  # the last code listed wins: the latest role
    return [[n, c] for n, c in sorted(actors.items())]


def build_given_names(shared: Path) -> list[str]:
    """Arabic given names, folded like linking.keys.name_key with compounds joined."""
    import sys

    sys.path.insert(0, str(REPO / "src"))
    from marsad.linking.keys import name_key

    names = shared / "gazetteers" / "arabic-names-akhateeb"
    raw = []
    for fname in ("male-first--names-in-arabic.txt", "female-first-names-in-arabic.txt"):
        raw += (names / fname).read_text("utf-8").splitlines()
    extra = OUT / "given_names_extra.txt"
    raw += [ln for ln in extra.read_text("utf-8").splitlines() if not ln.startswith("#")]
    keys = {name_key(n).replace(" ", "") for n in raw if n.strip()}
    return sorted(k for k in keys if len(k) > 1)


def write_given_names(names: list[str]) -> None:
    import textwrap

    path = OUT.parent / "given_names.py"
    lines = textwrap.wrap(" ".join(names), width=88)
    body = "".join(f'        "{line} "\n' for line in lines)
    path.write_text(
        '"""Common Arabic given names (folded keys). Generated by scripts/build_linking_data.py\n'
        "from the AKhateeb lists (MIT, ../shared/data/gazetteers/arabic-names-akhateeb) and\n"
        'data/given_names_extra.txt; do not edit by hand."""\n\n'
        "_NAMES = (\n" + body.replace("        ", "    ") + ")\n\n"
        "GIVEN_NAMES: frozenset[str] = frozenset(_NAMES.split())\n",
        encoding="utf-8",
    )
    print(f"{path.relative_to(REPO)}: {len(names)} names")


def write(path: Path, rows: list[list[str]]) -> None:
    text = "".join("\t".join(r) + "\n" for r in rows)
    if path.suffix == ".gz":
        # mtime=0 keeps the file byte-identical across runs (reproducible build).
        with gzip.GzipFile(path, "wb", mtime=0) as fh:
            fh.write(text.encode("utf-8"))
    else:
        path.write_text(text, encoding="utf-8")
    print(f"{path.relative_to(REPO)}: {len(rows)} rows, {path.stat().st_size} bytes")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared" / "data")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    countries, a2_to_a3 = build_countries(args.shared)
    cities = build_cities(args.shared, a2_to_a3, countries)
    write(OUT / "countries.tsv", countries)
    write(OUT / "cities.tsv.gz", cities)
    write(OUT / "name_tokens.tsv.gz", build_name_tokens(args.shared))
    write(OUT / "agents.tsv", build_agents(args.shared))
    write(OUT / "actors.tsv", build_actors(args.shared))
    write_given_names(build_given_names(args.shared))


if __name__ == "__main__":
    main()
