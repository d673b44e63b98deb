"""A sentence as the event coder sees it: tokens with offsets, normalised word forms, and
the lexicon matches found in it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from ..arabic.normalise import normalize
from ..arabic.tokenise import Token, tokenize
from .lexicon import Match, PhraseTable, read_table, word_forms
from .plover import MODEL_TYPES, Cue, Lexicons, Trigger

#: Words that may stand inside a blocked phrase ("رفض الوزير التعليق"): the subject of a
#: verb-first sentence, one or two words; set on hand-written examples (#4).
BLOCK_GAP = 2

#: Words that may stand inside a plot phrase of data/fiction.tsv ("يجسد بكفاءة عالية شخصية",
#: "تجسد فيه شخصية"): an adverb of two words or a pronoun; set on the sample of #4.
FICTION_GAP = 3

#: Tokens that end a clause for aux-mode scope and argument search.
CLAUSE_MARKS = frozenset({"،", ",", "؛", ";", ":", "(", ")", "«", "»", '"', "-", "–"})


@dataclass(slots=True)
class SentenceView:
    """``start``/``end`` are offsets of the sentence in the article text; token offsets are
    relative to ``start``."""

    start: int
    end: int
    text: str
    tokens: list[Token]
    forms: list[tuple[str, ...]]
    triggers: list[Match[Trigger]]
    contexts: list[Match[str]]
    cues: list[Match[Cue]]
    #: Argument markers (arguments.tsv), when the view was built with a marker table.
    markers: list[Match[str]]

    def hits(self) -> list[tuple[str, int]]:
        return [(f"{m.payload.type}:{m.payload.pattern}", m.start) for m in self.triggers]

    def opening_types(self) -> frozenset[str]:
        """Types of a full-weight trigger on the sentence's first word ("تظاهر ...")."""
        return frozenset(
            m.payload.type for m in self.triggers if m.start == 0 and m.payload.weight >= 1.0
        )

    def abs_span(self, i: int, j: int) -> tuple[int, int]:
        """Article offsets of tokens ``[i, j)``."""
        return self.start + self.tokens[i].start, self.start + self.tokens[j - 1].end

    def words(self, i: int, j: int) -> str:
        """The text of tokens ``[i, j)`` as written."""
        return self.text[self.tokens[i].start : self.tokens[j - 1].end]

    def token_at(self, offset: int) -> int | None:
        """Index of the token covering article ``offset`` (None outside the sentence)."""
        rel = offset - self.start
        for i, tok in enumerate(self.tokens):
            if tok.start <= rel < tok.end:
                return i
        return None


class Word(NamedTuple):
    """What the lexicons know of one written word: its forms and the patterns starting there."""

    forms: tuple[str, ...]
    triggers: tuple[Any, ...]
    contexts: tuple[Any, ...]
    aux: tuple[Any, ...]
    markers: tuple[Any, ...]
    blocked: tuple[Any, ...]
    fiction: tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class Senses:
    """Trigger patterns with a second sense in another field of news (data/senses.tsv:
    "اللقاء" is a match in sport) and the cue words that mark each field."""

    fields: dict[str, str]
    cues: PhraseTable[str]

    @classmethod
    def load(cls) -> Senses:
        rows = read_table("senses.tsv")
        fields = {r["pattern"]: r["field"] for r in rows if r["kind"] == "trigger"}
        cues = [(r["pattern"], r["field"]) for r in rows if r["kind"] == "cue"]
        return cls(fields, PhraseTable(cues))

    def keep(
        self, triggers: list[Match[Trigger]], forms: list[tuple[str, ...]]
    ) -> list[Match[Trigger]]:
        """The triggers whose listed field has no cue word in the sentence."""
        if not any(m.payload.pattern in self.fields for m in triggers):
            return triggers
        present = {m.payload for m in self.cues.find(forms)}
        return [m for m in triggers if self.fields.get(m.payload.pattern) not in present]


class WordCache:
    """Written word -> Word, owned by one stage: news repeats its words, so normalising and
    looking up each distinct word once is most of the stage's speed."""

    #: Entries kept before the cache starts afresh: about 40 MB (measured: ~410 bytes an
    #: entry; 1,500 SaudiNewsNet articles hold 55k distinct words).
    LIMIT = 100_000

    def __init__(self, lexicons: Lexicons, markers: PhraseTable[str] | None = None) -> None:
        self.lexicons = lexicons
        self.markers = markers
        self.senses = Senses.load()
        self.fiction = fiction_table()
        self.words: dict[str, Word] = {}

    def get(self, word: str) -> Word:
        found = self.words.get(word)
        if found is None:
            if len(self.words) >= self.LIMIT:
                self.words.clear()
            forms = word_forms(normalize(word))
            lex = self.lexicons
            found = Word(
                forms,
                lex.triggers.heads(forms),
                lex.contexts.heads(forms),
                lex.aux.heads(forms),
                self.markers.heads(forms) if self.markers else (),
                lex.blocked.heads(forms),
                self.fiction.heads(forms),
            )
            self.words[word] = found
        return found


def view(
    text: str, start: int, end: int, lexicons: Lexicons, cache: WordCache | None = None
) -> SentenceView:
    """Tokenise ``text[start:end]`` and match the lexicons on it (contexts and aux cues only
    when a trigger is there: without one the sentence codes nothing). Triggers cancelled by
    a blocked phrase or by a cue of another sense (``Senses``) are left out, and all of them
    in a sentence telling a film's or series' plot (``is_fiction``)."""
    cache = cache or WordCache(lexicons)
    sentence = text[start:end]
    tokens = tokenize(sentence)
    words = [cache.get(t.text) for t in tokens]
    forms = [w.forms for w in words]
    found = SentenceView(start, end, sentence, tokens, forms, [], [], [], [])
    if any(w.triggers for w in words):
        found.triggers = lexicons.triggers.find(forms, [w.triggers for w in words])
        blocked = {
            m.start for m in lexicons.blocked.find(forms, [w.blocked for w in words], gap=BLOCK_GAP)
        }
        if blocked:
            found.triggers = [m for m in found.triggers if m.start not in blocked]
        found.triggers = cache.senses.keep(found.triggers, forms)
        if is_fiction(cache.fiction, forms, [w.fiction for w in words]):
            found.triggers = []
            return found
        found.contexts = lexicons.contexts.find(forms, [w.contexts for w in words])
        found.cues = model_cues(found, lexicons.aux.find(forms, [w.aux for w in words]))
        if cache.markers is not None:
            found.markers = cache.markers.find(forms, [w.markers for w in words])
    return found


def fiction_table() -> PhraseTable[bool]:
    """Plot phrases (data/fiction.tsv)."""
    return PhraseTable([(row["pattern"], True) for row in read_table("fiction.tsv")])


def is_fiction(
    table: PhraseTable[bool], forms: list[tuple[str, ...]], heads: list[tuple[Any, ...]]
) -> bool:
    """Whether a plot phrase stands anywhere in the sentence: a character's deeds are told
    around the phrase, before it or after ("يرفض ... في المسلسل")."""
    return bool(table.find(forms, heads, gap=FICTION_GAP))


def model_cues(v: SentenceView, cues: list[Match[Cue]]) -> list[Match[Cue]]:
    """The aux cues of a sentence. The sentence model reads every cue in its features, so a
    cue it was not trained with (data/aux.tsv, column model) is kept only where it governs a
    trigger (``governs``) and never beside a PROTEST or ASSAULT trigger."""
    if any(m.payload.type in MODEL_TYPES for m in v.triggers):
        return [c for c in cues if c.payload.model]
    return [c for c in cues if c.payload.model or any(governs(v, c, t) for t in v.triggers)]


def governs(v: SentenceView, cue: Match[Cue], trigger: Match[Trigger]) -> bool:
    """Whether an aux cue binds a trigger: it stands before it, at most its window away,
    with no clause mark between when the cue is clause-bound (stage.bound_aux applies it)."""
    if cue.end > trigger.start or trigger.start - cue.start > cue.payload.window:
        return False
    between = v.tokens[cue.end : trigger.start]
    return not (cue.payload.clause and any(t.text in CLAUSE_MARKS for t in between))
