from __future__ import annotations

from datetime import datetime, timedelta, timezone

from marsad.document import RawPage
from marsad.extraction.record import article_from_record, parse_record_date
from marsad.settings import Settings


def test_record_to_article_splits_paragraphs_and_dateline() -> None:
    page = RawPage(
        b"",
        kind="record",
        origin="t.jsonl:1",
        record={
            "title": "افتتاح معرض الكتاب في الرياض",
            "text": "الرياض - واس: افتتح معرض الكتاب أبوابه للزوار اليوم.\n\nويستمر المعرض عشرة أيام.",
            "date": "Sun, 18 Feb 2018 21:35:43 +0400",
            "url": "https://www.example.sa/news/1",
        },
    )
    article = article_from_record(page, Settings())
    assert article.title == "افتتاح معرض الكتاب في الرياض"
    assert article.paragraphs == [
        "افتتح معرض الكتاب أبوابه للزوار اليوم.",
        "ويستمر المعرض عشرة أيام.",
    ]
    assert article.dateline.place == "الرياض" and article.dateline.source == "واس"
    assert article.published == datetime(
        2018, 2, 18, 21, 35, 43, tzinfo=timezone(timedelta(hours=4))
    )
    assert article.site == "example.sa"
    assert article.language == "ar"


def test_parse_record_date_forms() -> None:
    assert parse_record_date("2015-07-21 02:51:32") == datetime(2015, 7, 21, 2, 51, 32)
    assert parse_record_date("2020-06-03T03:01:00Z") is not None
    assert parse_record_date("not a date") is None
    assert parse_record_date(None) is None


def test_crawl_date_is_fetched_not_published() -> None:
    from marsad.sources.records import normalise_record

    record = normalise_record(
        {"title": "عنوان", "content": "نص الخبر.", "date_extracted": "2015-07-21 02:51:32"}
    )
    article = article_from_record(
        RawPage(b"", kind="record", origin="x", record=record), Settings()
    )
    assert article.published is None
    assert article.fetched == datetime(2015, 7, 21, 2, 51, 32)


def test_a_reporter_credit_after_summary_bullets_is_dateline_and_byline() -> None:
    text = (
        "- الأمانة تبدأ العمل في الأحياء الشمالية.\n\n"
        "سالم العنزي- سبق- تبوك: أعلنت أمانة المنطقة بدء مشروع تصريف الأمطار.\n\n"
        "وقالت الأمانة إن المشروع يستمر عامين."
    )
    page = RawPage(b"", kind="record", origin="t.jsonl:2", record={"title": "مشروع", "text": text})
    article = article_from_record(page, Settings())
    assert (article.dateline.source, article.dateline.place) == ("سبق", "تبوك")
    assert article.byline == "سالم العنزي"
    assert article.paragraphs[1] == "أعلنت أمانة المنطقة بدء مشروع تصريف الأمطار."
    assert "سالم العنزي" not in article.text
    # a later paragraph that only opens with a place is body, not a dateline
    later = RawPage(
        b"",
        kind="record",
        origin="t.jsonl:3",
        record={
            "title": "خبر",
            "text": "افتتح المعرض اليوم.\n\nالرياض - قالت الهيئة إن الزوار كثر.",
        },
    )
    assert article_from_record(later, Settings()).dateline.place is None


def test_record_text_decodes_html_character_references() -> None:
    record = {
        "title": "&quot;الهيئة&quot; تعلن",
        "text": "أعلنت الهيئة &amp; الوزارة خطة &#1580;ديدة.",
    }
    page = RawPage(b"", kind="record", origin="t.jsonl:4", record=record)
    article = article_from_record(page, Settings())
    assert article.title == '"الهيئة" تعلن'
    assert article.paragraphs == ["أعلنت الهيئة & الوزارة خطة جديدة."]


def test_record_drops_the_link_line_and_email_guard_at_the_end_of_the_body() -> None:
    text = (
        "أعلنت الأمانة بدء المشروع اليوم.\n\n"
        "وللاستفسار يرجى مراسلة [email protected] /* */ أو الاتصال بالأمانة. "
        "رابط الخبر بصحيفة النهار: الأمانة تبدأ المشروع اليوم"
    )
    page = RawPage(b"", kind="record", origin="t.jsonl:5", record={"title": "مشروع", "text": text})
    article = article_from_record(page, Settings())
    assert article.paragraphs == [
        "أعلنت الأمانة بدء المشروع اليوم.",
        "وللاستفسار يرجى مراسلة أو الاتصال بالأمانة.",
    ]


def test_record_drops_a_columnist_contact_line_and_a_read_more_link() -> None:
    column = (
        "نحتاج إلى مدن أكثر رحمة بالمشاة.\n\n"
        "والسؤال لمن يخطط لها!writer@example.comللتواصل مع الكاتب ارسل رسالة SMS إلى 88000"
    )
    page = RawPage(b"", kind="record", origin="t.jsonl:6", record={"title": "مقال", "text": column})
    assert article_from_record(page, Settings()).paragraphs == [
        "نحتاج إلى مدن أكثر رحمة بالمشاة.",
        "والسؤال لمن يخطط لها!",
    ]
    teaser = {"title": "خبر", "text": "بدأت الأمانة المشروع.\n\n...المزيد"}
    page = RawPage(b"", kind="record", origin="t.jsonl:7", record=teaser)
    assert article_from_record(page, Settings()).paragraphs == ["بدأت الأمانة المشروع."]
