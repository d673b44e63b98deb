"""Scraped-text extraction: the seed page and pages written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.document import RawPage
from marsad.extraction import ArticleExtractor
from marsad.extraction.scraped import ScrapedExtractor, clean_line
from marsad.settings import Settings

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "pages"

SEED_CHROME = (
    "آخر تحديث",
    "72",
    "60",
    "59",
    "مواضيع ذات صلة",
    "عدد التعليقات",
    "جميع التعليقات المنشورة",
    "لم يتم العثور على نتائج",
    "شروط النشر",
    "في أخبار",
)


@pytest.fixture(scope="module")
def seed_article(seed_path: Path):  # type: ignore[no-untyped-def]
    page = RawPage(seed_path.read_bytes(), kind="text", origin=str(seed_path))
    return ArticleExtractor(Settings())(page)


def test_seed_title_kicker_section_dateline(seed_article) -> None:  # type: ignore[no-untyped-def]
    assert seed_article.title == "المغرب وفرنسا يبحثان تعزيز التعاون الأمني والاستخباري"
    assert seed_article.kicker == "دارمانان يلتقي وزراء الداخلية والخارجية والأوقاف"
    assert seed_article.section == "أخبار"
    assert seed_article.dateline.source == "إيلاف"
    assert seed_article.dateline.place == "الرباط"
    assert seed_article.dek is None
    assert seed_article.published is None
    assert seed_article.language == "ar"


def test_seed_body_is_ten_paragraphs_without_dateline(seed_article) -> None:  # type: ignore[no-untyped-def]
    paras = seed_article.paragraphs
    assert len(paras) == 10
    assert paras[0].startswith("قالت وزارة الداخلية المغربية")
    assert paras[-1].endswith("مع ناصر بوريطة وزير الخارجية المغرب.")
    assert not any("إيلاف من الرباط" in p for p in paras)
    # Stray double spaces become one; the text is otherwise as published.
    assert "لدى وزير الداخلية نور الدين بوطيب" in paras[1]


def test_seed_caption_apart_from_body(seed_article) -> None:  # type: ignore[no-untyped-def]
    caption = "ناصر بوريطة وزير خارجية المغرب لدى استقباله وزير الداخلية الفرنسي"
    assert seed_article.captions == [caption]
    assert caption not in seed_article.paragraphs


@pytest.mark.parametrize("chrome", SEED_CHROME)
def test_seed_drops_chrome(seed_article, chrome: str) -> None:  # type: ignore[no-untyped-def]
    data = seed_article.to_dict(analysis=False)
    texts = [data["title"], data["kicker"], *data["paragraphs"], *data["captions"]]
    for text in texts:
        assert text != chrome
        if len(chrome) > 3:
            assert chrome not in text


def test_scraped_example_page() -> None:
    text = (EXAMPLES / "05-amman-school-year-scraped.txt").read_text("utf-8")
    article = ScrapedExtractor().extract(text)
    assert article.title == "الأردن: العام الدراسي يبدأ في الأول من أيلول"
    assert article.kicker == "وزارة التربية تحسم الجدل"
    assert article.dateline.place == "عمّان"
    assert article.dateline.source == "الأنباء الأردنية"
    assert article.subheadings == ["تقويم جديد"]
    assert "تقويم جديد" in article.paragraphs
    assert len(article.captions) == 1 and article.captions[0].endswith("(أرشيفية)")
    joined = "\n".join(article.paragraphs)
    for chrome in ("أضف تعليقك", "الأكثر قراءة", "ارتفاع معدلات النجاح", "جميع الحقوق محفوظة"):
        assert chrome not in joined
    assert len(article.paragraphs) == 5


def test_clean_line_normalises_nbsp_and_runs_of_spaces() -> None:
    assert clean_line("\u00a0 وزير  الداخلية\u00a0\u00a0الفرنسي ") == "وزير الداخلية الفرنسي"
    # ZWNJ is part of Persian spelling and stays.
    assert clean_line("می\u200cنمایند") == "می\u200cنمایند"


def test_scraped_without_body_gives_no_paragraphs() -> None:
    article = ScrapedExtractor().extract("الرئيسية\nاتصل بنا\n72\n")
    assert article.paragraphs == []


def test_word_sharing_a_chrome_phrase_stays_body() -> None:
    body = (
        "شارك آلاف المحتجين اليوم في مسيرة سلمية وسط المدينة للمطالبة بتحسين الخدمات العامة "
        "وتوفير فرص العمل للشباب."
    )
    text = f"عنوان الخبر هنا عن المسيرة\n\n{body}\n\nشارك\n"
    article = ScrapedExtractor().extract(text)
    assert article.paragraphs == [body]


def test_extract_json_roundtrip_of_seed(seed_article) -> None:  # type: ignore[no-untyped-def]
    from marsad.document import Article

    data = json.loads(json.dumps(seed_article.to_dict()))
    assert Article.from_dict(data).to_dict() == seed_article.to_dict()
