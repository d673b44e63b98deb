"""Regression on the real dev pages (shared/data/extraction/dev): one case per page.

Floors are the scores measured when these tests were written, less a margin, so a change
that loses body text, a title, a date or lets chrome through fails here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.document import RawPage
from marsad.evaluation.extraction import article_output, leaks, token_prf
from marsad.extraction.html import extract_html
from marsad.settings import Settings

#: page id -> body F1 floor (measured 1.00 on each page on 2026-11-29; margin 0.05).
FLOORS = {
    "ar-albayan-2020-afghan-embassy": 0.95,
    "ar-alyaum-2020-iran-fakhrizadeh": 0.95,
    "ar-beirutobserver-2020-saudi-princess-paris": 0.95,
    "fa-yjc-2020-yazd-police-roundup": 0.95,
}


@pytest.mark.parametrize("page_id", sorted(FLOORS))
def test_extract_dev_page(shared: Path, page_id: str) -> None:
    root = shared / "data/extraction/dev"
    gold = json.loads((root / "gold" / f"{page_id}.json").read_text("utf-8"))
    page = RawPage(content=(root / gold["page_file"]).read_bytes(), url=gold["url"])
    art = extract_html(page, Settings())
    _, _, f1 = token_prf("\n".join(art.paragraphs), "\n".join(gold["body_paragraphs"]))
    assert f1 >= FLOORS[page_id]
    assert " ".join((art.title or "").split()) == " ".join(gold["title"].split())
    assert art.published is not None
    assert art.published.date().isoformat() == gold["published_date"]
    assert art.updated is None  # every dev page carries a dateModified that is no update
    assert leaks(article_output(art), gold["must_exclude"]) == []
    assert art.captions == gold["captions"]
    assert art.subheadings == gold["subheadings"]
    assert art.language == gold["language"]
