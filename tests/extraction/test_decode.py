"""marsad.extraction.decode: charsets that lie or are missing, and re-encoded real pages."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import pytest

from marsad.document import RawPage
from marsad.extraction.decode import decode_html, decode_text
from marsad.extraction.html import extract_html
from marsad.settings import Settings

SENTENCE = "أعلنت الوزارة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية، وفق بيان رسمي."


def _page(meta: str) -> str:
    return f"<html><head>{meta}</head><body><p>{SENTENCE}</p></body></html>"


@pytest.mark.parametrize("encoding", ["cp1256", "iso8859_6"])
@pytest.mark.parametrize(
    "meta",
    [
        '<meta charset="windows-1252">',
        '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">',
        '<meta charset="utf-8">',
        "",
    ],
)
def test_decode_html_ignores_lying_or_missing_charset(encoding: str, meta: str) -> None:
    raw = _page(meta).encode(encoding)
    assert SENTENCE in decode_html(raw)


def test_decode_html_http_header_lies_too() -> None:
    raw = _page("").encode("cp1256")
    assert SENTENCE in decode_html(raw, {"Content-Type": "text/html; charset=ISO-8859-1"})


def test_decode_html_bom_and_utf8() -> None:
    assert SENTENCE in decode_html(codecs.BOM_UTF8 + _page("").encode("utf-8"))
    assert SENTENCE in decode_html(codecs.BOM_UTF16_LE + _page("").encode("utf-16-le"))
    # Declared windows-1256 on bytes that are valid UTF-8: UTF-8 wins.
    assert SENTENCE in decode_html(_page('<meta charset="windows-1256">').encode("utf-8"))


def test_decode_html_utf8_with_a_stray_byte_stays_utf8() -> None:
    raw = _page("").encode("utf-8") * 3 + b"\xe9 footer"
    text = decode_html(raw)
    assert SENTENCE in text


def test_decode_html_truncated_mid_character() -> None:
    raw = _page("").encode("utf-8")
    cut = raw[: raw.index(b"</p>") - 1]  # ends in the middle of a two-byte letter
    assert decode_html(cut).startswith("<html>")


def test_decode_text_detects_windows_1256() -> None:
    body = (SENTENCE + "\n\n") * 3
    assert decode_text(body.encode("cp1256")) == body
    assert decode_text(body.encode("iso8859_6")) == body
    assert decode_text(body.encode("utf-8")) == body


def _dev_pages(shared: Path) -> list[Path]:
    return sorted((shared / "data/extraction/dev/pages").glob("*.html"))


def _reencode(html: str, encoding: str, meta: str | None) -> bytes:
    """The page in another encoding, its meta charset replaced (or removed when None)."""
    replacement = f"charset={meta}" if meta else ""
    html = re.sub(r"charset\s*=\s*[\"']?utf-8[\"']?", replacement, html, flags=re.I)
    # Characters the target charset lacks (Persian letters in ISO-8859-6, Latin names)
    # become numeric references, as a server re-encoding the page would write them.
    return html.encode(encoding, errors="xmlcharrefreplace")


@pytest.mark.parametrize("encoding", ["cp1256", "iso8859_6"])
@pytest.mark.parametrize("meta", [None, "windows-1252", "utf-8", "windows-1256"])
def test_reencoded_dev_pages_give_identical_articles(
    shared: Path, encoding: str, meta: str | None
) -> None:
    settings = Settings()
    for path in _dev_pages(shared):
        html = path.read_text("utf-8")
        original = extract_html(RawPage(content=path.read_bytes()), settings)
        copy = extract_html(RawPage(content=_reencode(html, encoding, meta)), settings)
        assert copy.to_dict(analysis=False) == original.to_dict(analysis=False), path.name
