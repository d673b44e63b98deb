"""extract_html never crashes: any bytes give an Article or an ExtractionError."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.document import RawPage
from marsad.errors import ExtractionError
from marsad.extraction.html import extract_html
from marsad.settings import Settings

_PIECES = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div class='comments'>",
        "</div>",
        "<h1>",
        "</h1>",
        "<br>",
        "<a href=x>",
        "</a>",
        "<script>",
        "</script>",
        "<figure>",
        "<time datetime='2020-13-45'>",
        "<meta ",
        "content='",
        "'>",
        "<!--",
        "-->",
        "اقرأ أيضا",
        "نص عربي طويل بعض الشيء، ومعه فاصلة.",
        " 3 يونيو 2020 ",
        "١ / ١٢ / ٢٠٢٠",
        "<html lang='fa'>",
        "<table><tr><td>",
        "\x00",
        "&#0;",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=60), st.binary(max_size=40))
def test_extract_html_never_crashes(pieces: list[str], noise: bytes) -> None:
    content = "".join(pieces).encode("utf-8") + noise
    try:
        article = extract_html(RawPage(content=content, origin="fuzz.html"), Settings())
    except ExtractionError:
        return
    assert isinstance(article.paragraphs, list)


@settings(max_examples=100, deadline=None)
@given(
    st.recursive(
        st.one_of(
            st.none(),
            st.booleans(),
            st.integers(),
            st.floats(allow_nan=False),
            st.sampled_from(["NewsArticle", "BreadcrumbList", "2020-13-45", "x"]),
        ),
        lambda kids: st.one_of(
            st.lists(kids, max_size=3),
            st.dictionaries(
                st.sampled_from(
                    [
                        "@type",
                        "@graph",
                        "headline",
                        "datePublished",
                        "author",
                        "itemListElement",
                        "position",
                        "name",
                        "articleBody",
                        "articleSection",
                        "publisher",
                        "url",
                        "dateModified",
                    ]
                ),
                kids,
                max_size=5,
            ),
        ),
        max_leaves=12,
    )
)
def test_extract_html_survives_any_jsonld(data: object) -> None:
    import json

    ld = json.dumps(data, ensure_ascii=False)
    html = (
        f"<html><head><script type='application/ld+json'>{ld}</script></head><body>"
        f"<h1>عنوان الخبر هنا</h1><p>{'نص الخبر الطويل، ' * 20}</p></body></html>"
    )
    article = extract_html(RawPage(content=html.encode()), Settings())
    assert article.title
