"""Search: analysed FTS5 index, Arabic folding and stemming, phrases, snippets, facets."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.document import Article, Entity, Event, Mention
from marsad.store import open_store
from marsad.store.queries import search
from marsad.store.search import (
    Analyser,
    SearchFilters,
    match_expression,
    parse_query,
    rebuild_index,
)


def _article(n: int, title: str, paragraphs: list[str], **kw: object) -> Article:
    return Article(
        title=title,
        paragraphs=paragraphs,
        url=f"https://example.test/{n}",
        origin=f"test-{n}",
        published=datetime(2024, 1 + n % 3, 10),
        **kw,  # type: ignore[arg-type]
    )


ARTICLES = [
    _article(
        1,
        "وزير الخارجية يزور المدرسة الجديدة",
        ["زار وزير الخارجية المدرسةَ الجديدة في المدينة صباح الأحد.", "وتحدث مع الطلاب."],
        site="alpha",
        section="politics",
    ),
    _article(
        2,
        "أمطار غزيرة على الساحل",
        ["هطلت أمطار غزيرة على مدن الساحل، وأغلقت المدارس أبوابها يوماً واحداً."],
        site="beta",
        section="weather",
    ),
    _article(
        3,
        "سليم الحداد يلتقي نظيره في العاصمة",
        ["التقى سليم الحداد وزيرَ المالية في العاصمة لبحث الموازنة."],
        site="alpha",
        section="politics",
    ),
]


@pytest.fixture()
def store(tmp_path: Path):
    st = open_store(tmp_path / "s.db")
    with st.transaction():
        for art in ARTICLES:
            st.save_article(art)
    yield st
    st.close()


def _ids(page) -> list[int]:
    return [h["id"] for h in page.hits]


def test_search_folds_harakat_and_hamza(store) -> None:
    # "المدرسةَ" carries a fatha in article 1; the query spells أمطار without hamza.
    assert _ids(search(store.db, "المدرسة"))[0] == 1
    assert _ids(search(store.db, "امطار")) == [2]


def test_search_light_stem_matches_plural_and_prefix(store) -> None:
    # "المدارس" (article 2) shares no stem with "مدرسة"; "والمدرسة" stems like "المدرسة".
    assert 1 in _ids(search(store.db, "والمدرسة"))
    assert _ids(search(store.db, "الساحلية")) == [2]


def test_search_phrase_requires_adjacent_words(store) -> None:
    assert _ids(search(store.db, '"وزير الخارجية"')) == [1]
    assert _ids(search(store.db, '"الخارجية وزير"')) == []


def test_search_exclusion_and_all_words(store) -> None:
    assert 1 not in _ids(search(store.db, "وزير -الخارجية"))
    assert _ids(search(store.db, "وزير العاصمة", all_words=True)) == [3]


def test_search_title_field_only(store) -> None:
    assert _ids(search(store.db, "الطلاب", fields=("title",))) == []
    assert _ids(search(store.db, "الطلاب", fields=("body",))) == [1]


def test_snippet_marks_original_text_and_escapes(tmp_path: Path) -> None:
    art = _article(9, "عنوان", ['قال المتحدث <b>"الجديد"</b>: إنَّ المدرسةَ افتُتحت.'])
    with open_store(tmp_path / "x.db") as st:
        with st.transaction():
            st.save_article(art)
        hit = search(st.db, "مدرسة").hits[0]
    # the original spelling, harakat included, is what gets marked
    assert "<mark>المدرسةَ</mark>" in hit["snippet"]
    assert "<b>" not in hit["snippet"] and "&lt;b&gt;" in hit["snippet"]


def test_search_filters_and_facets(store) -> None:
    page = search(store.db, "وزير", SearchFilters(site="alpha"), facets=True)
    assert page.total == 2
    assert {f["value"]: f["count"] for f in page.facets["site"]} == {"alpha": 2}
    assert search(store.db, "وزير", SearchFilters(site="beta")).total == 0
    assert search(store.db, "وزير", SearchFilters(date_from="2024-02-01")).total == 1
    assert search(store.db, "وزير", SearchFilters(date_to="2024-01-10")).total == 1


def test_search_entity_and_event_filters(tmp_path: Path) -> None:
    text_title = "لقاء في الرباط"
    para = "التقى سليم الحداد وزير المالية في الرباط."
    start = len(text_title) + 2 + para.index("سليم")
    art = _article(
        5,
        text_title,
        [para],
        mentions=[Mention(start, start + len("سليم الحداد"), "PER", entity_id="per:salim")],
        entities=[Entity("per:salim", "سليم الحداد", "PER", aliases={"سليم الحداد": 1})],
        events=[Event("CONSULT", actor="per:salim", evidence_start=0, evidence_end=10)],
    )
    with open_store(tmp_path / "e.db") as st:
        with st.transaction():
            st.save_article(art)
            st.save_article(ARTICLES[2])
        assert search(st.db, "الحداد").total == 2
        only = search(st.db, "الحداد", SearchFilters(entity="per:salim"), facets=True)
        assert only.total == 1 and only.facets["entity"][0]["label"] == "سليم الحداد"
        assert search(st.db, "الحداد", SearchFilters(event_type="CONSULT")).total == 1


def test_query_syntax_is_never_passed_to_fts(store) -> None:
    for q in ['"', "NEAR(a b)", "title:x", "a* OR -", "(((", "^وزير", "- -", "AND OR NOT"]:
        search(store.db, q)  # must not raise an FTS5 syntax error
    assert match_expression(parse_query("  ", Analyser()), Analyser()) == ""


def test_rebuild_index_matches_incremental(store) -> None:
    before = _ids(search(store.db, "وزير"))
    with store.transaction():
        assert rebuild_index(store.db) == 3
    assert _ids(search(store.db, "وزير")) == before


def test_new_version_replaces_old_in_results(store) -> None:
    changed = _article(2, "أمطار غزيرة على الساحل", ["عادت الشمس بعد أمطار غزيرة."])
    with store.transaction():
        result = store.save_article(changed)
    assert result.status == "version"
    assert _ids(search(store.db, "امطار")) == [result.article_id]


def test_common_words_dropped_or_searched_in_titles_only() -> None:
    from marsad.store.search import COMMON_DF

    an = Analyser()
    counts = {an.stem("رئيس"): COMMON_DF + 1, an.stem("الحكومة"): COMMON_DF}

    def df(term: str) -> int:
        return counts.get(term, 3)

    expr = match_expression(parse_query("رئيس الحكومة سليم", an), an, df=df)
    assert "سليم" in expr and "رئيس" not in expr and "الحكومه" not in expr
    only_common = match_expression(parse_query("رئيس", an), an, df=df)
    assert "{title}" in only_common and "body" not in only_common and "lead" not in only_common
    # every word is kept when all must match, and in quoted phrases
    assert "رئيس" in match_expression(parse_query("رئيس سليم", an), an, df=df, all_words=True)
    assert "رئيس" in match_expression(parse_query('"رئيس" سليم', an), an, df=df)


def test_search_uses_document_frequencies_from_the_index(store) -> None:
    from marsad.store.search import doc_freq

    df = doc_freq(store.db)
    an = Analyser()
    assert df(an.stem("وزير")) == 2
    assert df("غيرموجود") == 0


@pytest.fixture(scope="module")
def small_store(tmp_path_factory: pytest.TempPathFactory):
    st = open_store(tmp_path_factory.mktemp("h") / "h.db")
    with st.transaction():
        for art in ARTICLES:
            st.save_article(art)
    yield st
    st.close()


@settings(max_examples=150, deadline=None)
@given(st_text=st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_any_user_text_is_a_valid_query(small_store, st_text: str) -> None:
    page = search(small_store.db, st_text)
    assert page.total >= len(page.hits)
