"""Build the derived lexicons the recogniser ships (run by scripts/train_ner.py).

Reads ../shared/data/gazetteers and ../shared/data/corpora; writes normalised word lists to
``marsad/ner/data``: gazetteer.tsv (phrase, type), places.tsv (name, ISO3, kind),
demonyms.tsv (adjective, ISO3), wordfreq.tsv (word, count). Never imported by the stage.
"""

from __future__ import annotations

import csv
import json
import zipfile
from collections import Counter
from pathlib import Path

from ..arabic import normalize, tokenize
from .role_lexicon import COUNTRY_NAME_OVERRIDES, DEMONYM_OVERRIDES

DATA_DIR = Path(__file__).parent / "data"
#: Words seen fewer times than this in the unlabelled news are left out of wordfreq.tsv
#: (keeps the file near 2 MB; rarer words carry no reliable clitic evidence).
MIN_WORD_COUNT = 3


def _norm_phrase(text: str) -> str:
    return " ".join(normalize(t.text) for t in tokenize(text))


def countries(gaz: Path) -> dict[str, str]:
    """Normalised country name (with and without ال) -> ISO alpha-3."""
    out: dict[str, str] = {}
    with open(gaz / "countries-iso3166-ar/countries_ar.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            for col in ("name_ar", "common_name_ar", "official_name_ar"):
                name = _norm_phrase(row[col] or "")
                if name:
                    out.setdefault(name, row["alpha_3"])
    with open(gaz / "mledoze_countries/countries_ar_en.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for col in ("name_ar_common", "name_ar_official"):
                name = _norm_phrase(row[col] or "")
                if name:
                    out.setdefault(name, row["cca3"])
    out.update(COUNTRY_NAME_OVERRIDES)
    return out


def demonyms(country_names: dict[str, str]) -> dict[str, str]:
    """Nisba adjectives from one-word country names: فرنسا -> فرنسي، المغرب -> مغربي."""
    out: dict[str, str] = {}
    for name, iso in country_names.items():
        if " " in name:
            continue
        base = name[2:] if name.startswith("ال") else name
        if base.endswith("يا"):
            stem = base[:-2]
        elif base.endswith(("ا", "ه")):
            stem = base[:-1]
        else:
            stem = base
        if len(stem) >= 2:
            out.setdefault(stem + "ي", iso)
    out.update(DEMONYM_OVERRIDES)
    forms: dict[str, str] = {}
    for adj, iso in out.items():
        for form in (adj, adj + "ه", adj + "ين", adj + "ون"):
            forms[form] = iso
            forms["ال" + form] = iso
    return forms


def cities(gaz: Path, iso2to3: dict[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    with open(gaz / "cities-geonames-ar/cities15000_ar.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            iso = iso2to3.get(row["countrycode"])
            for name in (row["arabic_names"] or "").split("|"):
                norm = _norm_phrase(name)
                if norm and iso:
                    out.setdefault(norm, iso)
    return out


#: A city at least this big that shares its Arabic name with a country is what a dateline
#: names (عمّان -> Amman, JOR, not Oman); smaller namesakes (a US town "لبنان") are not.
#: Chosen from the 8 such collisions in cities15000_ar: only Amman (1.27 M) passes.
DATELINE_CITY_MIN_POPULATION = 1_000_000


def dateline_cities(gaz: Path, iso2to3: dict[str, str], ctry: dict[str, str]) -> dict[str, str]:
    """Big cities whose name is also a country's: name -> the city's ISO3."""
    out: dict[str, str] = {}
    with open(gaz / "cities-geonames-ar/cities15000_ar.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            iso = iso2to3.get(row["countrycode"])
            if not iso or int(row["population"] or 0) < DATELINE_CITY_MIN_POPULATION:
                continue
            for name in (row["arabic_names"] or "").split("|"):
                norm = _norm_phrase(name)
                if norm in ctry and ctry[norm] != iso:
                    out.setdefault(norm, iso)
    return out


def person_tokens(gaz: Path) -> dict[str, str]:
    """Name tokens -> PER (Wikidata, count >= 1), plus FIRST for Arabic given names."""
    out: dict[str, str] = {}
    path = gaz / "wikidata-person-name-tokens/wd_arabic.normalized.aligned.tokens"
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 3:
            out[normalize(parts[1].replace(" ", ""))] = "PER"
    names = gaz / "arabic-names-akhateeb"
    for fname in ("male-first--names-in-arabic.txt", "female-first-names-in-arabic.txt"):
        for word in (names / fname).read_text(encoding="utf-8").split():
            out[normalize(word)] = "FIRST"
    for word in (names / "last-names-in-arabic.txt").read_text(encoding="utf-8").split():
        out.setdefault(normalize(word), "PER")
    return out


def anergazet(gaz: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for folder, typ in (
        ("AlignedLocGazetteer", "LOC"),
        ("AlignedOrgGazetteer", "ORG"),
        ("AlignedPersGazetteer", "PER"),
    ):
        for line in (gaz / "anergazet" / folder / "data").read_text(encoding="utf-8").splitlines():
            norm = _norm_phrase(line)
            if norm and not norm.startswith("="):
                out.setdefault(norm, typ)
    return out


def word_counts(corpora: Path) -> Counter[str]:
    """Normalised word counts over SaudiNewsNet (titles and contents)."""
    counts: Counter[str] = Counter()
    for path in sorted((corpora / "saudinewsnet/dataset").glob("*.zip")):
        with zipfile.ZipFile(path) as zf:
            for name in zf.namelist():
                for art in json.loads(zf.read(name)):
                    text = f"{art.get('title') or ''}\n{art.get('content') or ''}"
                    counts.update(normalize(w) for w in text.split())
    return counts


def build(shared_data: Path, out_dir: Path = DATA_DIR) -> dict[str, int]:
    """Write every derived file; returns how many rows each has."""
    gaz = shared_data / "gazetteers"
    out_dir.mkdir(parents=True, exist_ok=True)
    ctry = countries(gaz)
    iso2to3 = _iso2to3(gaz)
    city = cities(gaz, iso2to3)
    places = {k: (v, "city") for k, v in city.items()}
    places.update({k: (v, "country") for k, v in ctry.items()})
    gazetteer = {**person_tokens(gaz), **anergazet(gaz)}
    gazetteer.update({k: "CITY" for k in city})
    gazetteer.update({k: "CTRY" for k in ctry})
    counts = word_counts(shared_data / "corpora")
    sizes = {
        "places.tsv": _write(out_dir / "places.tsv", sorted((k, *v) for k, v in places.items())),
        "demonyms.tsv": _write(out_dir / "demonyms.tsv", sorted(demonyms(ctry).items())),
        "dateline_cities.tsv": _write(
            out_dir / "dateline_cities.tsv", sorted(dateline_cities(gaz, iso2to3, ctry).items())
        ),
        "gazetteer.tsv": _write(out_dir / "gazetteer.tsv", sorted(gazetteer.items())),
        "wordfreq.tsv": _write(
            out_dir / "wordfreq.tsv",
            [(w, str(c)) for w, c in counts.most_common() if c >= MIN_WORD_COUNT and w],
        ),
    }
    return sizes


def _iso2to3(gaz: Path) -> dict[str, str]:
    with open(gaz / "countries-iso3166-ar/countries_ar.tsv", encoding="utf-8") as fh:
        return {row["alpha_2"]: row["alpha_3"] for row in csv.DictReader(fh, delimiter="\t")}


def _write(path: Path, rows: list[tuple[str, ...]]) -> int:
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for row in rows:
            fh.write("\t".join(row) + "\n")
    return len(rows)
