"""The Article model: offsets index Article.text, JSON round trip loses nothing."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from marsad.document import Article, Dateline, Entity, Event, Mention


def _full_article() -> Article:
    art = Article(
        title="الوزير يزور الرباط",
        kicker="زيارة رسمية",
        dek="مباحثات أمنية",
        paragraphs=["التقى الوزير نظيره في الرباط.", "واتفق الجانبان على التعاون."],
        captions=["الوزيران خلال اللقاء"],
        subheadings=["تعاون"],
        byline="بقلم: كاتب",
        authors=["كاتب"],
        dateline=Dateline(source="إيلاف", place="الرباط"),
        published=datetime(2024, 1, 5, 10, 0, tzinfo=UTC),
        updated=None,
        section="أخبار",
        site="elaph.example",
        language="ar",
        url="https://elaph.example/1",
        origin="x.html",
    )
    start = art.text.index("الرباط")
    art.mentions = [Mention(start, start + 6, "LOC", 0.9, entity_id="gn:1")]
    art.entities = [Entity("gn:1", "الرباط", "LOC", {"الرباط": 2}, country="MAR")]
    art.events = [Event("CONSULT", "visit", ["security"], location="gn:1", evidence_end=10)]
    art.stages = ["ner"]
    return art


def test_text_is_title_and_paragraphs_with_blank_lines() -> None:
    art = _full_article()
    assert (
        art.text
        == "الوزير يزور الرباط\n\nالتقى الوزير نظيره في الرباط.\n\nواتفق الجانبان على التعاون."
    )


def test_json_round_trip_loses_nothing() -> None:
    art = _full_article()
    data = json.loads(json.dumps(art.to_dict(), ensure_ascii=False))
    back = Article.from_dict(data)
    assert back == art
    assert data["mentions"][0]["text"] == "الرباط"
    assert data["events"][0]["location"] == {"id": "gn:1", "name": "الرباط"}
    assert data["events"][0]["evidence"]["text"] == art.text[0:10]


def test_extract_fields_are_the_documented_ones() -> None:
    data = _full_article().to_dict(analysis=False)
    for key in (
        "title",
        "kicker",
        "dek",
        "paragraphs",
        "captions",
        "byline",
        "dateline",
        "published",
        "updated",
        "section",
        "site",
        "language",
        "url",
    ):
        assert key in data
    assert "mentions" not in data
    assert data["published"] == "2024-01-05T10:00:00+00:00"


def test_content_hash_ignores_whitespace_only_changes() -> None:
    a = Article(title="عنوان", paragraphs=["نص  الخبر"])
    b = Article(title="عنوان", paragraphs=["نص الخبر"])
    c = Article(title="عنوان", paragraphs=["نص آخر"])
    assert a.content_hash == b.content_hash != c.content_hash


@given(st.lists(st.text(min_size=1), max_size=5), st.text())
def test_round_trip_property(paragraphs: list[str], title: str) -> None:
    art = Article(title=title or None, paragraphs=paragraphs)
    assert Article.from_dict(art.to_dict()) == art
