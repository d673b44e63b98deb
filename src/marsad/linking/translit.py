"""Latin <-> Arabic transliteration of person names, one token at a time.

A token found in the Wikidata name-token table (65k English -> Arabic pairs) takes its most
frequent Arabic spelling there ("darmanin" -> "دارمانان"); other tokens go through the
letter rules below, close enough for the typo-tolerant matching that follows.
"""

from __future__ import annotations

import re
import unicodedata

# Latin letter groups, longest first. French/English-leaning, as most Latin names in Arabic
# news are; short vowels are dropped between consonants the way Arabic writes them.
_LATIN_SPEC = (
    "sch=ش tch=تش ch=ش sh=ش kh=خ gh=غ th=ث ph=ف dj=ج ou=و oo=و ee=ي ck=ك qu=ك "
    "a=ا b=ب c=ك d=د e= f=ف g=غ h=ه i=ي j=ج k=ك l=ل m=م n=ن o=و p=ب q=ق r=ر s=س "
    "t=ت u=و v=ف w=و x=كس y=ي z=ز"
)
_ARABIC_SPEC = (
    "ا=a أ=a إ=i آ=a ب=b ت=t ث=th ج=j ح=h خ=kh د=d ذ=dh ر=r ز=z س=s ش=sh ص=s ض=d "
    "ط=t ظ=z ع= غ=gh ف=f ق=q ك=k ل=l م=m ن=n ه=h ة=a و=ou ي=i ى=a ء= ؤ=u ئ=i"
)


def _pairs(spec: str) -> tuple[tuple[str, str], ...]:
    return tuple((a, b) for a, _, b in (item.partition("=") for item in spec.split(" ")))


_LATIN_RULES = _pairs(_LATIN_SPEC)
_ARABIC_RULES = dict(_pairs(_ARABIC_SPEC))
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _ascii(token: str) -> str:
    return unicodedata.normalize("NFKD", token).encode("ascii", "ignore").decode()


def latin_token_to_arabic(token: str, table: dict[str, str]) -> str:
    """One Latin name token in Arabic letters: the table's spelling, else the rules."""
    low = token.lower()
    hit = table.get(low) or table.get(_ascii(low))
    if hit:
        return hit
    word = _ascii(low)
    out = []
    i = 0
    while i < len(word):
        for src, dst in _LATIN_RULES:
            if word.startswith(src, i):
                # A word-final or word-initial "e" is written in Arabic only at the start.
                out.append("ا" if src == "e" and i == 0 else dst)
                i += len(src)
                break
        else:
            i += 1
    return "".join(out)


def to_arabic(name: str, table: dict[str, str]) -> str:
    """ "Gérald Darmanin" -> "جيرالد دارمانان"."""
    return " ".join(latin_token_to_arabic(t, table) for t in _WORD.findall(name))


def to_latin(name: str, table: dict[str, str]) -> str:
    """ "جيرالد دارمانان" -> "gerald darmanin" (reverse table first, then the letter rules).

    ``table`` maps a folded Arabic token (keys.name_key) to a Latin token.
    """
    from .keys import name_key

    out = []
    for token in name_key(name).split():
        hit = table.get(token)
        out.append(hit if hit else "".join(_ARABIC_RULES.get(ch, ch) for ch in token))
    return " ".join(out)
