"""File sources: kinds detected, every record read, bad input a Failure not a crash."""

from __future__ import annotations

import gzip
import io
import json
import tarfile
import zipfile
from pathlib import Path

from marsad.document import Failure, RawPage
from marsad.sources import detect_kind, iter_pages

HTML = "<html><head><title>عنوان</title></head><body><p>نص الخبر.</p></body></html>"


def test_detect_kind_by_name_and_bytes() -> None:
    assert detect_kind("a.html", b"") == "html"
    assert detect_kind("a.htm.gz", b"") == "html"
    assert detect_kind("page", b"<!DOCTYPE html><html>") == "html"
    assert detect_kind("a.txt", "نص".encode()) == "text"
    assert detect_kind("a.jsonl", b"{}") == "jsonl"
    assert detect_kind("x", b"<DOC>\n<DOCNO>1</DOCNO>") == "trec"
    assert detect_kind("x.warc.gz", b"\x1f\x8b") == "warc"
    assert detect_kind("feed.xml", b'<?xml version="1.0"?><rss version="2.0">') == "feed"


def test_directory_tree_with_gz_html_and_text(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.html").write_text(HTML, "utf-8")
    (tmp_path / "sub" / "b.htm.gz").write_bytes(gzip.compress(HTML.encode()))
    (tmp_path / "c.txt").write_text("عنوان\n\nنص", "utf-8")
    (tmp_path / "ignored.png").write_bytes(b"\x89PNG")
    pages = list(iter_pages([tmp_path]))
    assert [type(p) for p in pages] == [RawPage, RawPage, RawPage]
    kinds = sorted((Path(p.origin).name, p.kind) for p in pages if isinstance(p, RawPage))
    assert kinds == [("a.html", "html"), ("b.htm.gz", "html"), ("c.txt", "text")]
    gz = next(p for p in pages if isinstance(p, RawPage) and p.origin.endswith(".gz"))
    assert gz.content == HTML.encode()


def test_jsonl_lines_of_each_shape_and_a_bad_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"url": "https://x.example/1", "html": HTML}, ensure_ascii=False),
        json.dumps({"url": "https://x.example/2", "text": "عنوان\n\nنص"}, ensure_ascii=False),
        json.dumps({"title": "عنوان", "content": "نص", "url": "u3"}, ensure_ascii=False),
        "{not json",
        json.dumps({"foo": 1}),
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines), "utf-8")
    out = list(iter_pages([path]))
    assert [getattr(p, "kind", None) for p in out[:3]] == ["html", "text", "record"]
    assert out[0].url == "https://x.example/1"  # type: ignore[union-attr]
    assert isinstance(out[3], Failure) and out[3].origin.endswith("in.jsonl:4")
    assert "not valid JSON" in out[3].reason
    assert isinstance(out[4], Failure) and "keys found" in out[4].reason


def test_zip_of_json_array_and_tar_of_trec_docs(tmp_path: Path) -> None:
    records = [{"title": f"خبر {i}", "content": "نص الخبر.", "url": f"u{i}"} for i in range(3)]
    zpath = tmp_path / "day.zip"
    with zipfile.ZipFile(zpath, "w") as zf:
        zf.writestr("day.json", json.dumps(records, ensure_ascii=False))
    doc = "<DOC>\n<DOCNO>X-1</DOCNO>\n<URL>http://e.example/1</URL>\n<TITLE>عنوان</TITLE>\n"
    doc += "<TEXT>\nسطر أول.\nسطر ثان.\n</TEXT>\n</DOC>\n"
    tpath = tmp_path / "c.tar.xz"
    with tarfile.open(tpath, "w:xz") as tf:
        data = doc.encode()
        info = tarfile.TarInfo("c/A/x.txt")
        info.size = len(data)
        tf.addfile(info, io.BytesIO(data))
    out = list(iter_pages([zpath, tpath]))
    assert len(out) == 4
    assert all(isinstance(p, RawPage) and p.kind == "record" for p in out)
    trec = out[3]
    assert isinstance(trec, RawPage) and trec.record is not None
    assert trec.record["title"] == "عنوان" and trec.record["id"] == "X-1"
    assert trec.url == "http://e.example/1"


def test_missing_path_and_corrupt_archive_are_failures(tmp_path: Path) -> None:
    bad = tmp_path / "broken.zip"
    bad.write_bytes(b"PK\x03\x04 this is not a zip")
    out = list(iter_pages([tmp_path / "nope.html", bad]))
    assert all(isinstance(p, Failure) for p in out)
    assert "no such file" in out[0].reason  # type: ignore[union-attr]
    assert out[1].origin == str(bad)
