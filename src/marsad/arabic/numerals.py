"""Digits: Arabic-Indic (٠-٩) and Persian (۰-۹) to ASCII and back, and number parsing."""

from __future__ import annotations

_TO_ASCII = {0x0660 + i: str(i) for i in range(10)}
_TO_ASCII.update({0x06F0 + i: str(i) for i in range(10)})
_TO_ASCII.update({0x066B: ".", 0x066C: ","})
_TO_ARABIC_INDIC = {ord(str(i)): chr(0x0660 + i) for i in range(10)}


def to_ascii_digits(text: str) -> str:
    """Arabic-Indic and Persian digits (and ٫ ٬ separators) as ASCII; other text unchanged."""
    return text.translate(_TO_ASCII)


def to_arabic_indic_digits(text: str) -> str:
    """ASCII digits as Arabic-Indic digits (for display)."""
    return text.translate(_TO_ARABIC_INDIC)


def is_number(token: str) -> bool:
    """True for "12", "١٢", "3.5", "1,200", "٣٫٥" (digits with inner separators)."""
    text = to_ascii_digits(token)
    if not text or not text[0].isdigit() or not text[-1].isdigit():
        return False
    return all(c.isdigit() or c in ".,/:-" for c in text)


def parse_number(token: str) -> float | None:
    """The value of a numeric token ("١٬٢٠٠" -> 1200.0, "3,5" is read as 3.5); else None."""
    text = to_ascii_digits(token).strip()
    if not is_number(text):
        return None
    if text.count(",") == 1 and "." not in text and len(text.split(",")[1]) != 3:
        text = text.replace(",", ".")  # decimal comma, as in "3,5"
    text = text.replace(",", "")
    try:
        return float(text)
    except ValueError:
        return None
