"""marsad.extraction.dates: Arabic and Persian dates in all their forms."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.extraction.dates import find_dates, jalali_to_gregorian, parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 يونيو 2020", datetime(2020, 6, 3)),
        ("٣ يونيه ٢٠٢٠", datetime(2020, 6, 3)),
        ("الخميس 5 أبريل 2018", datetime(2018, 4, 5)),
        ("5 ابريل 2018", datetime(2018, 4, 5)),
        ("12 كانون الثاني 2021", datetime(2021, 1, 12)),
        ("1 كانون 2 2021", datetime(2021, 1, 1)),
        ("9 تشرين 1 2019", datetime(2019, 10, 9)),
        ("٢٥ أيّار ٢٠٢٠", datetime(2020, 5, 25)),
        ("14 تموز 2019", datetime(2019, 7, 14)),
        ("12 جانفي 2021", datetime(2021, 1, 12)),
        ("3 فيفري 2020", datetime(2020, 2, 3)),
        ("20 جويلية 2020", datetime(2020, 7, 20)),
        ("15 أوت 2019", datetime(2019, 8, 15)),
        ("9 أغسطس/آب 2020", datetime(2020, 8, 9)),
        ("9 تشرين الأول (أكتوبر) 2021", datetime(2021, 10, 9)),
        ("November 9, 2020", datetime(2020, 11, 9)),
        ("١ / ١٢ / ٢٠٢٠", datetime(2020, 12, 1)),
        ("05/10/2020", datetime(2020, 10, 5)),
        ("2020/10/05", datetime(2020, 10, 5)),
    ],
)
def test_parse_date_gregorian_month_names_and_digits(text: str, expected: datetime) -> None:
    assert parse_date(text) == expected


def test_parse_date_iso_keeps_offset() -> None:
    value = parse_date("2020-06-03T03:01+0400")
    assert value == datetime(2020, 6, 3, 3, 1, tzinfo=timezone(timedelta(hours=4)))
    assert parse_date("2022-04-02T12:00:00Z") == datetime(2022, 4, 2, 12, tzinfo=UTC)
    assert parse_date("2020-12-01 02:00:00") == datetime(2020, 12, 1, 2, 0)


def test_parse_date_hijri_converted() -> None:
    assert parse_date("15 ربيع الأول 1442 هـ") == datetime(2020, 11, 1)
    assert parse_date("1 رمضان 1441هـ") == datetime(2020, 4, 24)
    assert parse_date("15/03/1442 هـ") == datetime(2020, 11, 1)


def test_parse_date_solar_hijri_persian_page() -> None:
    assert parse_date("۲۱ ارديبهشت ۱۳۹۹ - ۱۸:۵۹") == datetime(2020, 5, 10, 18, 59)
    assert parse_date("۱۳۹۹/۰۲/۲۱ - ۱۸:۵۹", calendar="solar_hijri") == datetime(2020, 5, 10, 18, 59)
    assert jalali_to_gregorian(1399, 1, 1) == (2020, 3, 20)
    assert jalali_to_gregorian(1400, 12, 29) == (2022, 3, 20)


def test_parse_date_attaches_time_before_or_after() -> None:
    assert parse_date("٠٢:٠٠ الثلاثاء ١ / ١٢ / ٢٠٢٠") == datetime(2020, 12, 1, 2, 0)
    assert parse_date("الأحد، 20 سبتمبر 2020 - 05:22 م") == datetime(2020, 9, 20, 17, 22)


def test_relative_days_need_a_reference() -> None:
    assert parse_date("اليوم الجمعة") is None
    assert parse_date("أمس") is None
    friday = date(2020, 11, 27)
    assert parse_date("اليوم الجمعة", reference=friday) == datetime(2020, 11, 27)
    assert parse_date("أمس", reference=friday) == datetime(2020, 11, 26)
    # A reference that is not a Friday: "today, Friday" is the latest Friday up to it.
    assert parse_date("اليوم الجمعة", reference=date(2020, 11, 29)) == datetime(2020, 11, 27)


def test_parse_date_rejects_impossible_dates() -> None:
    assert parse_date("30 فبراير 2020") is None
    assert parse_date("2020-02-30") is None
    assert parse_date("رقم الهاتف 12 34 5678") is None
    assert parse_date("") is None


def test_find_dates_gives_spans_in_order() -> None:
    text = "نشر في 3 يونيو 2020 وعدّل في ٥ / ٦ / ٢٠٢٠"
    found = find_dates(text)
    assert [m.value.date() for m in found] == [date(2020, 6, 3), date(2020, 6, 5)]
    assert text[found[0].start : found[0].end] == "3 يونيو 2020"


@given(st.integers(1, 28), st.integers(1, 12), st.integers(1990, 2030))
def test_arabic_indic_digits_read_like_ascii(day: int, month: int, year: int) -> None:
    ascii_text = f"{day} / {month} / {year}"
    indic = ascii_text.translate({ord(str(i)): chr(0x0660 + i) for i in range(10)})
    assert parse_date(indic) == parse_date(ascii_text) == datetime(year, month, day)


@given(st.text(max_size=80))
def test_parse_date_never_raises(text: str) -> None:
    parse_date(text, reference=date(2020, 1, 1))
