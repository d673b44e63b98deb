"""When an event happened: the date its sentence gives, resolved against the article's date."""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..arabic.numerals import to_ascii_digits
from ..extraction.dates import find_dates

#: An event dated more than this before the article is reported history (aux "historical").
#: One year: news reports of "last month" are current; anniversaries cite older years.
HISTORY = timedelta(days=365)
#: "عام 2003" / "سنة ١٩٩٠": a bare year, which find_dates leaves alone.
_YEAR = re.compile(r"(?:عام|العام|سنة|السنة|في)\s+(1[89]\d\d|20\d\d)(?!\d)")


def event_date(sentence: str, reference: date | None) -> tuple[str | None, bool]:
    """(ISO date or None, historical?) for one evidence sentence.

    A date written in the sentence ("أمس", "اليوم الجمعة", "3 يونيو 2020") wins; else the
    event is dated by its report (the article's date), as event datasets do.
    """
    found = find_dates(sentence, reference=reference)
    if found:
        day = found[0].value.date()
        historical = reference is not None and reference - day > HISTORY
        return day.isoformat(), historical
    year = _YEAR.search(to_ascii_digits(sentence))
    if year is not None and reference is not None and int(year.group(1)) < reference.year - 1:
        return None, True  # "في عام 2003": long ago, day unknown
    return (reference.isoformat() if reference else None), False
