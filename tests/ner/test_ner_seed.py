"""Seed acceptance: the people with roles and countries, places and the ministry."""

from pathlib import Path

from marsad.document import Article
from marsad.settings import Settings

PEOPLE = {
    "عبد الوافي لفتيت": "MAR",
    "نور الدين بوطيب": "MAR",
    "جيرالد دارمانان": "FRA",
    "ناصر بوريطة": "MAR",
    "أحمد التوفيق": "MAR",
}


def _seed_article(path: Path) -> Article:
    from marsad.factory import load_pipeline
    from marsad.sources import iter_pages

    pipeline = load_pipeline(Settings(), stages=("ner",))
    (article,) = list(pipeline.run(iter_pages([path])))
    assert isinstance(article, Article), article
    return article


def test_seed_people_places_and_ministry(seed_path):
    art = _seed_article(seed_path)
    spans = {(art.text[m.start : m.end], m.type) for m in art.mentions}
    for place in ("المغرب", "فرنسا", "الرباط", "باريس"):
        assert (place, "LOC") in spans
    assert ("وزارة الداخلية المغربية", "ORG") in spans
    for name, country in PEOPLE.items():
        found = [m for m in art.mentions if art.text[m.start : m.end] == name]
        assert found, f"{name} not found"
        assert found[0].type == "PER"
        assert found[0].role, f"{name} has no role"
        assert found[0].country == country, f"{name}: {found[0].country}"
