"""Arabic diacritics (harakat, Qur'anic annotation marks) and their removal."""

from __future__ import annotations

#: Tashkeel U+064B-U+065F, superscript alef U+0670, honorific/Qur'anic marks U+0610-U+061A,
#: Qur'anic annotation U+06D6-U+06ED (except the letters in it), extended marks U+08D3-U+08FF.
DIACRITICS = frozenset(
    [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670"]
    + [chr(c) for c in range(0x0610, 0x061B)]
    + [chr(c) for c in range(0x06D6, 0x06EE) if c not in (0x06E5, 0x06E6, 0x06E9)]
    + [chr(c) for c in range(0x08D3, 0x0900) if c != 0x08E2]
)

#: Tatweel (kashida), stretching only.
TATWEEL = "\u0640"


def strip_diacritics(text: str, *, keep_shadda: bool = False) -> str:
    """``text`` without harakat, Qur'anic marks and tatweel; never longer than ``text``."""
    drop = DIACRITICS - {"\u0651"} if keep_shadda else DIACRITICS
    return "".join(c for c in text if c not in drop and c != TATWEEL)


def has_diacritics(text: str) -> bool:
    return any(c in DIACRITICS for c in text)
