"""CoNLL files (``word TAG`` per line, blank line between sentences) and tag spellings."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError

#: Label spellings of other corpora -> the model's (ANERcorp uses PERS and MISC).
TYPE_ALIASES = {
    "PER": "PERS",
    "PERS": "PERS",
    "MIS": "MISC",
    "MISC": "MISC",
    "LOC": "LOC",
    "ORG": "ORG",
}
#: The model's labels -> the Mention types marsad reports.
MENTION_TYPES = {"PERS": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}

Sentence = tuple[list[str], list[str]]


def canonical_tag(tag: str) -> str:
    """ "B-PER" / "B-PERS" -> "B-PERS"; "I-MIS" -> "I-MISC"; "O" stays. Unknown types kept."""
    if tag == "O" or "-" not in tag:
        return "O" if tag.upper() == "O" else tag
    prefix, _, typ = tag.partition("-")
    return f"{prefix.upper()}-{TYPE_ALIASES.get(typ.upper(), typ.upper())}"


def read_conll(path: Path) -> list[Sentence]:
    """Sentences of ``path`` as (words, canonical tags); each line split on its last space."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"{path}: cannot read CoNLL file ({exc})") from exc
    sentences: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            if words:
                sentences.append((words, tags))
                words, tags = [], []
            continue
        word, sep, tag = line.rstrip().rpartition(" ")
        if not sep:
            word, sep, tag = line.rstrip().rpartition("\t")
        if not sep or not word.strip():
            raise InputError(f"{path}:{lineno}: expected 'word TAG', got {line!r}")
        words.append(word.strip())
        tags.append(canonical_tag(tag.strip()))
    if words:
        sentences.append((words, tags))
    return sentences


def to_bilou(tags: list[str]) -> list[str]:
    """BIO -> BILOU: a one-token entity is U-, the last token of a longer one L-."""
    out = []
    for i, tag in enumerate(tags):
        nxt = tags[i + 1] if i + 1 < len(tags) else "O"
        inside = nxt == "I-" + tag[2:]
        if tag.startswith("B-") and not inside:
            tag = "U-" + tag[2:]
        elif tag.startswith("I-") and not inside:
            tag = "L-" + tag[2:]
        out.append(tag)
    return out


def to_bio(labels: list[str]) -> list[str]:
    """BILOU -> BIO (BIO labels pass unchanged)."""
    return ["B-" + t[2:] if t[:2] == "U-" else "I-" + t[2:] if t[:2] == "L-" else t for t in labels]
