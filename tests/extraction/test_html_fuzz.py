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
