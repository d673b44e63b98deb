"""RSS/Atom feeds and sitemaps: items with text become records; every URL is listed."""

from __future__ import annotations

import gzip
from pathlib import Path

from marsad.document import Failure, RawPage
from marsad.factory import load_pipeline
from marsad.sources import iter_pages
from marsad.sources.feeds import feed_links, html_paragraphs, iter_feed_file

P1 = "افتتحت البلدية صباح اليوم جسرا جديدا فوق النهر يربط الحيين الشرقي والغربي."
P2 = "وقال رئيس البلدية إن الجسر سيخفف الازدحام في وسط المدينة خلال ساعات الذروة."
LONG = " ".join([P1, P2] * 5)

RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>أخبار المدينة</title><link>https://city.example/</link>
<item><title>جسر جديد فوق النهر</title><link>https://city.example/news/1</link>
<description>جسر جديد يربط الحيين</description>
<content:encoded><![CDATA[<p>{P1}</p><p>{P2}<br/>سطر ثالث</p>]]></content:encoded>
<pubDate>Sun, 18 Feb 2018 21:35:43 +0400</pubDate><category>محليات</category></item>
<item><title>خبر قصير</title><link>https://city.example/news/2</link>
<description>مقدمة قصيرة فقط</description></item>
<item><title>نص كامل في الوصف</title><link>https://city.example/news/3</link>
<description>{LONG}</description></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>موقع</title>
<entry><title>عنوان الخبر</title><link href="https://atom.example/a"/>
<updated>2024-05-01T10:00:00Z</updated><content type="html">&lt;p&gt;{P1}&lt;/p&gt;</content></entry>
</feed>"""

SITEMAP_INDEX = """<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://city.example/sitemap-news.xml</loc><lastmod>2024-05-01</lastmod></sitemap>
<sitemap><loc>https://city.example/sitemap-2023.xml.gz</loc></sitemap>
</sitemapindex>"""

NEWS_SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://city.example/news/1</loc>
  <news:news><news:publication><news:name>المدينة</news:name><news:language>ar</news:language>
  </news:publication><news:publication_date>2024-05-01T08:00:00+03:00</news:publication_date>
  <news:title>جسر جديد فوق النهر</news:title></news:news></url>
<url><loc>https://city.example/about</loc><lastmod>2024-01-01</lastmod></url>
</urlset>"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_rss_items_with_text_become_records(tmp_path: Path) -> None:
    pages = list(iter_feed_file(_write(tmp_path, "city.rss", RSS)))
    assert all(isinstance(p, RawPage) and p.kind == "record" for p in pages)
    assert [p.url for p in pages] == ["https://city.example/news/1", "https://city.example/news/3"]
    rec = pages[0].record or {}
    assert rec["text"].split("\n") == [P1, P2, "سطر ثالث"]
    assert rec["section"] == "محليات" and rec["dek"] == "جسر جديد يربط الحيين"
    assert rec["date"].startswith("Sun, 18 Feb 2018")


def test_rss_records_extract_to_articles(tmp_path: Path) -> None:
    path = _write(tmp_path, "city.rss", RSS)
    articles = list(load_pipeline(stages=()).run(iter_pages([path])))
    first = articles[0]
    assert not isinstance(first, Failure)
    assert first.title == "جسر جديد فوق النهر" and first.url == "https://city.example/news/1"
    assert first.published is not None and first.published.year == 2018
    assert P2 in first.paragraphs


def test_feed_links_list_every_item(tmp_path: Path) -> None:
    links = feed_links(RSS.encode())
    assert [link.url for link in links][-1] == "https://city.example/news/3"
    assert len(links) == 3 and not any(link.is_sitemap for link in links)


def test_atom_entry_with_content(tmp_path: Path) -> None:
    (page,) = list(iter_feed_file(_write(tmp_path, "a.atom", ATOM)))
    assert isinstance(page, RawPage) and page.url == "https://atom.example/a"
    assert (page.record or {})["text"] == P1


def test_sitemap_index_lists_child_sitemaps() -> None:
    links = feed_links(SITEMAP_INDEX.encode())
    assert [link.url for link in links] == [
        "https://city.example/sitemap-news.xml",
        "https://city.example/sitemap-2023.xml.gz",
    ]
    assert all(link.is_sitemap for link in links) and links[0].published == "2024-05-01"


def test_news_sitemap_gives_title_and_date() -> None:
    first, second = feed_links(NEWS_SITEMAP.encode())
    assert first.title == "جسر جديد فوق النهر"
    assert first.published == "2024-05-01T08:00:00+03:00"
    assert (second.url, second.title, second.published) == (
        "https://city.example/about",
        None,
        "2024-01-01",
    )


def test_sitemap_file_says_it_must_be_fetched(tmp_path: Path) -> None:
    path = tmp_path / "sitemap.xml.gz"
    path.write_bytes(gzip.compress(NEWS_SITEMAP.encode()))
    (item,) = list(iter_feed_file(path))
    assert isinstance(item, Failure) and "2 URLs" in item.reason and "--fetch" in item.reason


def test_sitemap_files_are_dispatched_by_iter_pages(tmp_path: Path) -> None:
    path = _write(tmp_path, "sitemap.xml", NEWS_SITEMAP)
    (item,) = list(iter_pages([path]))
    assert isinstance(item, Failure) and "urlset" in item.reason


def test_not_a_feed_is_a_failure(tmp_path: Path) -> None:
    (item,) = list(iter_feed_file(_write(tmp_path, "x.rss", "just some words")))
    assert isinstance(item, Failure) and "not an RSS/Atom feed" in item.reason


def test_html_paragraphs_splits_blocks_and_breaks() -> None:
    assert html_paragraphs("<div>أ<br>ب</div><p>ج</p>") == ["أ", "ب", "ج"]
    assert html_paragraphs("سطر\nآخر") == ["سطر", "آخر"]
    assert html_paragraphs("  ") == []


def test_crawl_feed_links_follows_a_local_sitemap_index(tmp_path: Path) -> None:
    from marsad.sources.feeds import crawl_feed_links

    child = _write(tmp_path, "news.xml", NEWS_SITEMAP)
    index = SITEMAP_INDEX.replace("https://city.example/sitemap-news.xml", str(child))
    index = index.replace(
        "<sitemap><loc>https://city.example/sitemap-2023.xml.gz</loc></sitemap>", ""
    )
    path = _write(tmp_path, "index.xml", index)
    links = list(crawl_feed_links(str(path), fetcher=None))
    assert [getattr(link, "url", None) for link in links] == [
        "https://city.example/news/1",
        "https://city.example/about",
    ]
    assert list(crawl_feed_links(str(path), fetcher=None, max_depth=0)) == []
