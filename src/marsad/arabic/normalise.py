"""Normalisation for matching, with an offset map back to the original text.

``normalize(text)`` folds the spelling variation that Arabic news text carries so that two
spellings of one word compare equal: NFKC (presentation forms, ligatures), case folding,
zero-width and bidi marks, tatweel, harakat and Qur'anic marks (including U+0670), alef
with hamza/madda and wasla -> bare alef, alef maqsura -> yeh, teh marbuta -> heh, Persian
yeh/keheh -> Arabic yeh/kaf, Arabic-Indic and Persian digits -> ASCII digits.

The original text is never replaced: display it, and use ``normalize_with_offsets`` to
map a span found in the normalised string back to the original.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from .diacritics import DIACRITICS

#: Characters deleted outright: zero-width, bidi controls, soft hyphen, BOM, tatweel.
INVISIBLE = frozenset(
    "\u00ad\u061c\u0640\u180e\u200b\u200c\u200d\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064"
    "\u2066\u2067\u2068\u2069\ufeff"
)

#: Letter folds applied after NFKC (one char -> one char).
LETTER_FOLDS: Mapping[str, str] = {
    "\u0622": "\u0627",  # آ alef madda
    "\u0623": "\u0627",  # أ alef hamza above
    "\u0625": "\u0627",  # إ alef hamza below
    "\u0671": "\u0627",  # ٱ alef wasla
    "\u0672": "\u0627",  # ٲ wavy hamza above
    "\u0673": "\u0627",  # ٳ wavy hamza below
    "\u0675": "\u0627",  # ٵ high hamza alef
    "\u0649": "\u064a",  # ى alef maqsura -> yeh
    "\u06cc": "\u064a",  # ی Farsi yeh
    "\u06d2": "\u064a",  # ے yeh barree
    "\u0629": "\u0647",  # ة teh marbuta -> heh
    "\u06c0": "\u0647",  # ۀ heh with yeh above
    "\u06c1": "\u0647",  # ہ heh goal
    "\u06d5": "\u0647",  # ە ae
    "\u06a9": "\u0643",  # ک keheh -> kaf
    "\u06aa": "\u0643",  # ڪ swash kaf
    "\u066b": ".",  # ٫ Arabic decimal separator
    "\u066c": ",",  # ٬ Arabic thousands separator
}
_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)}
_DIGITS.update({chr(0x06F0 + i): str(i) for i in range(10)})


def _fold_once(text: str) -> str:
    out = []
    for ch in unicodedata.normalize("NFKC", text).casefold():
        if ch in INVISIBLE or ch in DIACRITICS or unicodedata.category(ch) == "Mn":
            continue
        out.append(LETTER_FOLDS.get(ch) or _DIGITS.get(ch) or ch)
    return "".join(out)


def fold_char(ch: str) -> str:
    """The normalised form of one character (may be empty or longer than one char)."""
    out = _fold_once(ch)
    for _ in range(4):  # NFKC and casefold can feed each other; stop at the fixpoint
        again = _fold_once(out)
        if again == out:
            break
        out = again
    return out


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x10000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        ch = chr(code)
        folded = fold_char(ch)
        if folded != ch:
            table[code] = folded
    return table


#: Precomputed fold for the Basic Multilingual Plane (read-only; built once at import of
#: this module, about 60 ms, never at ``import marsad``).
_TABLE: Mapping[int, str] = _build_table()


#: Characters outside the BMP, which the table does not cover (a regex: the Python generator
#: that scanned every character was most of the cost of normalize on Arabic text).
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def normalize(text: str) -> str:
    """Matching form of ``text`` (see module docstring). Idempotent."""
    out = text.translate(_TABLE)
    if out.isascii():
        return out
    if _ASTRAL.search(out):  # astral characters: fold one by one
        out = "".join(fold_char(c) if ord(c) > 0xFFFF else c for c in out)
    return out


#: BMP characters ``normalize`` deletes (harakat, tatweel, zero-width marks …): lets a
#: caller count a word's normalised letters without normalising it one char at a time.
VANISHING = frozenset(chr(code) for code in _TABLE if not normalize(chr(code)))


def normalize_with_offsets(text: str) -> tuple[str, list[int]]:
    """``(normalised, offsets)``: ``offsets[i]`` is the index in ``text`` of normalised char i.

    ``offsets`` has one extra final entry, ``len(text)``, so ends map too.
    """
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        code = ord(ch)
        folded = _TABLE.get(code, ch) if code <= 0xFFFF else fold_char(ch)
        for out in folded:
            chars.append(out)
            offsets.append(i)
    offsets.append(len(text))
    return "".join(chars), offsets


def original_span(offsets: list[int], start: int, end: int) -> tuple[int, int]:
    """Map ``[start, end)`` in the normalised string to ``[start, end)`` in the original.

    Characters deleted by normalisation right after the span (harakat on its last letter)
    are included, so the original span reads as the whole word.
    """
    if end <= start:
        pos = offsets[start]
        return pos, pos
    return offsets[start], max(offsets[end], offsets[end - 1] + 1)
