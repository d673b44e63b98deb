"""Organisation names mined from unlabelled news by head-noun patterns (training time only).

A head noun (حزب، شركة، نادي …) followed by 1-3 name words is a candidate organisation
("حزب الليكود", "نادي السد"); candidates seen often enough are kept, and so is a single
definite word seen right after a head often enough and mostly there ("السد" alone).
The result is a word list (name<TAB>ORG) the neural encoder reads as optional flags.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from ..arabic import normalize, tokenize

#: Nouns that head an organisation's name (normalised when used).
HEADS = (
    "حزب", "حركة", "منظمة", "شركة", "بنك", "البنك", "نادي", "فريق", "وكالة", "صحيفة",
    "جامعة", "مجلس", "هيئة", "جمعية", "اتحاد", "جبهة", "قناة", "مؤسسة", "مصرف", "مجموعة",
    "تحالف", "جماعة", "مركز", "معهد", "مجلة", "إذاعة", "تنظيم", "ائتلاف", "كتلة", "منتخب",
)  # fmt: skip
#: Heads whose next word alone names the organisation (a club, a party, a paper).
STANDALONE_HEADS = (
    "نادي", "فريق", "حزب", "حركة", "صحيفة", "قناة", "بنك", "مصرف", "جماعة", "منتخب", "مجموعة",
    "شركة", "وكالة", "تنظيم",
)  # fmt: skip
#: Words that end a name: particles, pronouns, common verbs/adjectives of reporting.
_STOP_WORDS = (
    "في", "من", "إلى", "على", "عن", "مع", "أن", "إن", "لا", "ما", "لم", "لن", "قد", "و",
    "أو", "ثم", "التي", "الذي", "الذين", "هذا", "هذه", "ذلك", "تلك", "هو", "هي", "هم",
    "كان", "كانت", "يكون", "تكون", "عام", "العام", "الماضي", "الحالي", "الجديد", "الجديدة",
    "اليوم", "أمس", "بعد", "قبل", "خلال", "حتى", "بين", "عند", "كل", "أي", "غير", "منذ",
    "أمام", "حول", "ضد", "لدى", "عبر", "نحو", "وفق", "أيضا", "الى", "كما", "التى", "عليه",
    "عليها", "فيه", "فيها", "منه", "منها", "له", "لها", "به", "بها", "إنه", "أنه", "وقال",
    "قال", "السابق", "السابقة", "الأول", "الأولى", "الثاني", "الثانية",
)  # fmt: skip
STOP = frozenset(normalize(w) for w in _STOP_WORDS)
#: Times a head + name phrase must be seen (tuned by eye on the SaudiNewsNet + ANT mining:
#: below ~10 most new phrases were one-off descriptions such as "شركة صغيرة").
MIN_PHRASE = 10
#: Times a lone name must follow a head, and the share of its occurrences that do (0.25
#: kept only 17 names on SaudiNewsNet + ANT; 0.1 keeps club and party names such as
#: "الليكود", "حماس" while common words follow a head in far fewer of their uses).
MIN_STANDALONE, MIN_SHARE = 10, 0.1
MAX_NAME = 3


def _name_word(w: str) -> bool:
    return len(w) >= 2 and w.isalpha() and w not in STOP


def _candidates(words: list[str], heads: frozenset[str]) -> Iterable[str]:
    """Every head + 1..MAX_NAME name words starting at a head."""
    for i, w in enumerate(words):
        if w not in heads:
            continue
        for k in range(1, MAX_NAME + 1):
            if i + k >= len(words) or not _name_word(words[i + k]):
                break
            yield " ".join(words[i : i + k + 1])


def mine(texts: Iterable[str]) -> dict[str, str]:
    """name -> "ORG" for frequent head + name phrases and their frequent lone names."""
    heads = frozenset(normalize(h) for h in HEADS)
    lone_heads = frozenset(normalize(h) for h in STANDALONE_HEADS)
    phrases: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    for text in texts:
        words = [normalize(t.text) for t in tokenize(text)]
        counts.update(words)
        phrases.update(_candidates(words, heads))
    names = {p: "ORG" for p, n in phrases.items() if n >= MIN_PHRASE}
    after: Counter[str] = Counter()
    for p, n in phrases.items():
        head, _, rest = p.partition(" ")
        if head in lone_heads and " " not in rest:
            after[rest] += n
    for w, n in after.items():
        if n >= MIN_STANDALONE and n >= MIN_SHARE * counts[w] and w not in heads:
            names[w] = "ORG"
    return names


HEADER = (
    "# Organisation names mined from SaudiNewsNet + ANT (../shared/data/corpora) by head-noun"
    " patterns: python -m marsad.ner.orgs ../shared/data/corpora"
    " src/marsad/ner/data/org_names.tsv (see src/marsad/ner/orgs.py)"
)


def write(names: dict[str, str], out: Path) -> int:
    """``out``: a header comment line, then sorted name<TAB>type rows; returns the row count."""
    out.parent.mkdir(parents=True, exist_ok=True)
    rows = sorted(names.items())
    out.write_text(HEADER + "\n" + "".join(f"{n}\t{t}\n" for n, t in rows), encoding="utf-8")
    return len(rows)


def main(corpora: Path, out: Path) -> int:
    from .clusters import documents

    return write(mine(documents(corpora)), out)


if __name__ == "__main__":
    import sys

    print(main(Path(sys.argv[1]), Path(sys.argv[2])))
