from __future__ import annotations

import pytest

from marsad.extraction.dateline import DatelineParser


@pytest.fixture(scope="module")
def parser() -> DatelineParser:
    return DatelineParser.load()


@pytest.mark.parametrize(
    ("text", "source", "place", "rest"),
    [
        ("إيلاف من الرباط: قالت الوزارة", "إيلاف", "الرباط", "قالت الوزارة"),
        ("القاهرة - أ ف ب - أعلن الجيش", "أ ف ب", "القاهرة", "أعلن الجيش"),
        ("القاهرة (رويترز) - قال مسؤول", "رويترز", "القاهرة", "قال مسؤول"),
        ("(رويترز) - قال مسؤول", "رويترز", None, "قال مسؤول"),
        ("(أبوظبي - البيان)", "البيان", "أبوظبي", ""),
        ("دبي - البيان: أعلنت الهيئة", "البيان", "دبي", "أعلنت الهيئة"),
        ("بيروت - «إيلاف»: قال النائب", "إيلاف", "بيروت", "قال النائب"),
        (
            "الرباط - قالت الوزارة إن الاجتماع انتهى",
            None,
            "الرباط",
            "قالت الوزارة إن الاجتماع انتهى",
        ),
        ("بيروت - الشرق اليوم", "الشرق اليوم", "بيروت", ""),
    ],
)
def test_split_dateline(
    parser: DatelineParser, text: str, source: str | None, place: str | None, rest: str
) -> None:
    dateline, remainder = parser.split(text)
    assert (dateline.source, dateline.place, remainder) == (source, place, rest)


@pytest.mark.parametrize(
    "text",
    [
        "وقال مسؤول من الوزارة: إن الاجتماع انتهى",
        "الحكومة - التي تشكلت أمس - أعلنت برنامجها",
        "أعلنت الوزارة اليوم أن الاجتماع سيعقد في الرباط",
    ],
)
def test_body_sentences_are_not_datelines(parser: DatelineParser, text: str) -> None:
    dateline, remainder = parser.split(text)
    assert dateline.source is None and dateline.place is None
    assert remainder == text


@pytest.mark.parametrize(
    ("text", "byline", "source", "place", "rest"),
    [
        (
            "سالم العنزي- سبق- الرياض: أعلنت الأمانة",
            "سالم العنزي",
            "سبق",
            "الرياض",
            "أعلنت الأمانة",
        ),
        (
            "أجرى الحوار/ هند السالم- سبق- جدة (تصوير: فهد القحطاني): يقول الخبير",
            "هند السالم",
            "سبق",
            "جدة",
            "يقول الخبير",
        ),
        ("سبق- الرياض: أعلنت الأمانة", None, "سبق", "الرياض", "أعلنت الأمانة"),
        # three dashed parts without a known place are no credit
        ("قال الوزير- في بيان- أمس: إن الخطة جاهزة", None, None, None, None),
    ],
)
def test_split_credit_with_the_reporter_first(
    parser: DatelineParser,
    text: str,
    byline: str | None,
    source: str | None,
    place: str | None,
    rest: str | None,
) -> None:
    dateline, name, remainder = parser.split_credit(text)
    assert (name, dateline.source, dateline.place) == (byline, source, place)
    assert remainder == (text if rest is None else rest)


def test_a_known_source_before_an_unlisted_place(parser: DatelineParser) -> None:
    dateline, rest = parser.split("سبق- العارضة: احتفل الأهالي بالعيد")
    assert (dateline.source, dateline.place, rest) == ("سبق", "العارضة", "احتفل الأهالي بالعيد")
