"""Dates as Arabic (and Persian) news pages write them, as pure functions.

ISO/meta strings ("2020-06-03T03:01+0400"), Gregorian months by their Egyptian/Gulf,
Levantine/Iraqi and Maghrebi names ("٣ يونيو ٢٠٢٠", "9 أغسطس/آب 2020", "1 كانون 2 2021",
"12 جانفي 2021"), numeric d/m/y ("١ / ١٢ / ٢٠٢٠"), Hijri dates ("15 ربيع الأول 1442 هـ",
converted with hijridate), Solar Hijri dates ("۲۱ ارديبهشت ۱۳۹۹"), and relative days
("اليوم الجمعة", "أمس") resolved only against a reference date the caller knows.
Month and day names are data: ``data/date_names.json``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from importlib import resources
from types import MappingProxyType

CALENDARS = ("gregorian", "hijri", "solar_hijri")

#: One-to-one folds so offsets in the folded text are offsets in the original.
_FOLD = str.maketrans(
    {
        **{c: "ا" for c in "أإآٱ"},
        "ى": "ي",
        "ی": "ي",
        "ک": "ك",
        "ة": "ه",
        "ۀ": "ه",
        "\u00a0": " ",
        "\u200c": " ",
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
    }
)


def _fold(text: str) -> str:
    """Same length as ``text``: alef/ya/kaf/ta-marbuta forms folded, digits ASCII, lowercase."""
    return text.translate(_FOLD).lower()


def _load_names() -> Mapping[str, Mapping[str, int] | tuple[str, ...]]:
    raw = resources.files("marsad.extraction.data").joinpath("date_names.json").read_text("utf-8")
    data = json.loads(raw)
    out: dict[str, Mapping[str, int] | tuple[str, ...]] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            out[key] = MappingProxyType({_fold(k): v for k, v in value.items()})
        elif isinstance(value, list):
            out[key] = tuple(_fold(v) for v in value)
    return MappingProxyType(out)


_MARKS_RE = "[\u064b-\u0652\u0640]*"  # harakat and tatweel tolerated inside names


def _name_pattern(name: str) -> str:
    return _MARKS_RE.join(r"\s*" if c == " " else re.escape(c) for c in name)


def _key(name: str) -> str:
    """Table key of a matched name: harakat and tatweel gone, spaces collapsed."""
    return " ".join(re.sub(_MARKS_RE, "", name).split())


def _alternation(names: object) -> str:
    keys = sorted(names if isinstance(names, Mapping) else (), key=len, reverse=True)
    return "|".join(_name_pattern(k) for k in keys)


_NAMES = _load_names()
_MONTH_CAL: Mapping[str, tuple[str, int]] = MappingProxyType(
    {
        name: (cal, month)
        for cal in reversed(CALENDARS)
        for name, month in _NAMES[cal].items()  # type: ignore[union-attr]
    }
)
_MONTHS = _alternation(_MONTH_CAL)
_WEEKDAYS = _alternation(_NAMES["weekdays"])
_MARKS = "|".join(
    re.escape(m)
    for m in sorted(_NAMES["hijri_markers"] + _NAMES["solar_markers"], key=len)[::-1]  # type: ignore[operator]
)
_B, _E = r"(?<![\w])", r"(?![\w])"

_ISO = re.compile(
    r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[t ](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,]\d+)?)?"
    r"(?:\s*(?P<tz>z|[+-]\d{2}:?\d{2}))?)?(?!\d)"
)
_DMY_NAMED = re.compile(
    rf"{_B}(?:(?:{_WEEKDAYS})\s*[،,]?\s*)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:من\s+)?(?P<m>{_MONTHS})"
    rf"(?:\s*[/(\-]\s*(?P<m2>{_MONTHS})\s*\)?)?\s*[،,\-]?\s*(?P<y>\d{{4}})(?!\d)"
    rf"(?:\s*(?P<mark>{_MARKS}){_E})?"
)
_MDY_NAMED = re.compile(
    rf"{_B}(?P<m>{_MONTHS})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*[،,]?\s+(?P<y>\d{{4}})(?!\d)"
)
_DMY_NUM = re.compile(
    rf"(?<![\d/.])(?:(?:{_WEEKDAYS})\s*[،,]?\s*)?(?P<d>\d{{1,2}})\s*(?P<sep>[/.\-])\s*"
    r"(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>\d{4})"
    rf"(?![\d/.])(?:\s*(?P<mark>{_MARKS}){_E})?"
)
_YMD_NUM = re.compile(
    r"(?<![\d/.])(?P<y>\d{4})\s*(?P<sep>[/.])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<d>\d{1,2})(?![\d/.])"
)
_RELATIVE = re.compile(
    rf"{_B}(?P<rel>{_alternation(_NAMES['relative_days'])})(?:\s+(?P<wd>{_WEEKDAYS}))?{_E}"
)
_TIME = r"(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?\s*(?P<ampm>مساء|صباحا|م|ص|pm|am|ب\.ظ|ق\.ظ)?"
_TIME_AFTER = re.compile(rf"^[\s,،|\-–]{{0,5}}(?:(?:علي\s+|في\s+)?الساعه\s*|ساعت\s*)?{_TIME}")
_TIME_BEFORE = re.compile(rf"{_TIME}[\s,،|\-–]*(?:{_WEEKDAYS})?[\s,،|\-–]*$")


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date found in a text: [start, end) of it, its Gregorian value and its calendar."""

    start: int
    end: int
    value: datetime
    calendar: str


def parse_date(
    text: str, *, reference: date | None = None, calendar: str | None = None
) -> datetime | None:
    """The first date in ``text`` as a datetime (aware when the text gives an offset), or None.

    ``calendar`` ("hijri" or "solar_hijri") says how to read a bare year such as 1399 when the
    text has no month name or era marker (a Persian page: "solar_hijri").
    """
    found = find_dates(text, reference=reference, calendar=calendar)
    return found[0].value if found else None


def find_dates(
    text: str, *, reference: date | None = None, calendar: str | None = None
) -> list[DateMatch]:
    """Every date in ``text``, in order, not overlapping."""
    folded = _fold(text)
    found: list[DateMatch] = []
    for finder in (_iso, _named, _numeric, _relative):
        for match in finder(folded, reference, calendar):
            if not any(m.start < match.end and match.start < m.end for m in found):
                found.append(match)
    found.sort(key=lambda m: m.start)
    return found


def _iso(folded: str, _ref: date | None, _cal: str | None) -> list[DateMatch]:
    out = []
    for m in _ISO.finditer(folded):
        year = int(m["y"])
        if not 1800 <= year <= 2200:
            continue
        tz = _tzinfo(m["tz"])
        try:
            value = datetime(
                year,
                int(m["m"]),
                int(m["d"]),
                int(m["H"] or 0),
                int(m["M"] or 0),
                int(m["S"] or 0),
                tzinfo=tz,
            )
        except ValueError:
            continue
        if m["H"] is None:
            value = _with_time(value, folded, m.start(), m.end())
        out.append(DateMatch(m.start(), m.end(), value, "gregorian"))
    return out


def _tzinfo(tz: str | None) -> timezone | None:
    if not tz:
        return None
    if tz == "z":
        return UTC
    sign = -1 if tz[0] == "-" else 1
    digits = tz[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def _named(folded: str, _ref: date | None, _cal: str | None) -> list[DateMatch]:
    out = []
    for pattern in (_DMY_NAMED, _MDY_NAMED):
        for m in pattern.finditer(folded):
            cal, month = _MONTH_CAL[_key(m["m"])]
            value = _to_gregorian(cal, int(m["y"]), month, int(m["d"]))
            if value is not None:
                value = _with_time(value, folded, m.start(), m.end())
                out.append(DateMatch(m.start(), m.end(), value, cal))
    return out


def _numeric(folded: str, _ref: date | None, hint: str | None) -> list[DateMatch]:
    out = []
    for pattern in (_DMY_NUM, _YMD_NUM):
        for m in pattern.finditer(folded):
            year = int(m["y"])
            cal = _calendar(year, hint, m.groupdict().get("mark"))
            if cal is None:
                continue
            day, month = int(m["d"]), int(m["m"])
            if month > 12 >= day and pattern is _DMY_NUM:
                day, month = month, day  # US order (11/30/2020) when day-first is impossible
            value = _to_gregorian(cal, year, month, day)
            if value is not None:
                value = _with_time(value, folded, m.start(), m.end())
                out.append(DateMatch(m.start(), m.end(), value, cal))
    return out


def _relative(folded: str, reference: date | None, _cal: str | None) -> list[DateMatch]:
    if reference is None:
        return []  # never invent a date: "أمس" means nothing without knowing "today"
    offsets: Mapping[str, int] = _NAMES["relative_days"]  # type: ignore[assignment]
    weekdays: Mapping[str, int] = _NAMES["weekdays"]  # type: ignore[assignment]
    out = []
    for m in _RELATIVE.finditer(folded):
        day = reference + timedelta(days=offsets[_key(m["rel"])])
        if m["wd"]:
            # "اليوم الجمعة" read against a reference that is not a Friday: the latest Friday.
            want = weekdays[_key(m["wd"])]
            day -= timedelta(days=(day.weekday() - want) % 7)
        value = _with_time(datetime(day.year, day.month, day.day), folded, m.start(), m.end())
        out.append(DateMatch(m.start(), m.end(), value, "gregorian"))
    return out


def _calendar(year: int, hint: str | None, marker: str | None) -> str | None:
    """Which calendar a year is in: era markers first, then the caller's hint, then the range."""
    if marker:
        solar: tuple[str, ...] = _NAMES["solar_markers"]  # type: ignore[assignment]
        return "solar_hijri" if marker in solar else "hijri"
    if 1800 <= year <= 2200:
        return "gregorian"
    if hint in ("hijri", "solar_hijri") and 1300 <= year <= 1600:
        return hint
    # Without a hint: Solar Hijri years 1300-1420 are 1921-2041, the years news pages carry;
    # Lunar Hijri years above 1420 are 2000 onwards.
    if 1300 <= year <= 1420:
        return "solar_hijri"
    if 1420 < year <= 1600:
        return "hijri"
    return None


def _to_gregorian(cal: str, year: int, month: int, day: int) -> datetime | None:
    try:
        if cal == "gregorian":
            if not 1800 <= year <= 2200:
                return None
            return datetime(year, month, day)
        if cal == "hijri":
            from hijridate import Hijri

            g = Hijri(year, month, day).to_gregorian()
            return datetime(g.year, g.month, g.day)
        if cal == "solar_hijri" and 1 <= month <= 12 and 1 <= day <= 31:
            return datetime(*jalali_to_gregorian(year, month, day))
    except (ValueError, OverflowError):
        return None
    return None


def jalali_to_gregorian(jy: int, jm: int, jd: int) -> tuple[int, int, int]:
    """Solar Hijri (Jalali) year, month, day -> Gregorian (the 33-year-cycle arithmetic)."""
    jy += 1595
    days = -355668 + 365 * jy + (jy // 33) * 8 + ((jy % 33) + 3) // 4 + jd
    days += (jm - 1) * 31 if jm < 7 else (jm - 7) * 30 + 186
    gy = 400 * (days // 146097)
    days %= 146097
    if days > 36524:
        days -= 1
        gy += 100 * (days // 36524)
        days %= 36524
        if days >= 365:
            days += 1
    gy += 4 * (days // 1461)
    days %= 1461
    if days > 365:
        gy += (days - 1) // 365
        days = (days - 1) % 365
    leap = gy % 4 == 0 and (gy % 100 != 0 or gy % 400 == 0)
    month_days = (31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    gd, gm = days + 1, 0
    while gm < 12 and gd > month_days[gm]:
        gd -= month_days[gm]
        gm += 1
    return gy, gm + 1, gd


def _with_time(value: datetime, folded: str, start: int, end: int) -> datetime:
    """Attach a clock time written just after or just before the date ("… - ۱۸:۵۹")."""
    m = _TIME_AFTER.match(folded[end : end + 24]) or _TIME_BEFORE.search(
        folded[max(0, start - 30) : start]
    )
    if m is None:
        return value
    hour, minute = int(m["H"]), int(m["M"])
    if m["ampm"] in ("مساء", "م", "pm", "ب.ظ") and hour < 12:
        hour += 12
    elif m["ampm"] in ("صباحا", "ص", "am", "ق.ظ") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return value
    return value.replace(hour=hour, minute=minute, second=int(m["S"] or 0))
