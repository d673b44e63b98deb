"""Words and tests that decide which parties of a sentence are sides of an event (#4, sides):
media outlets (sources, no sides), office nouns (a title names the actor's office), and
"و" joining a party to the actor (the other side of a joint event, a co-actor otherwise).
How each rule was chosen is in data/sides.tsv, data/arguments.tsv and arguments._other_sides.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..arabic.normalise import normalize
from ..document import Entity
from .lexicon import PhraseTable, read_table
from .sentence import CLAUSE_MARKS, SentenceView

if TYPE_CHECKING:
    from .arguments import Party

#: Words between a party and an office noun naming the next party its office ("فلان
#: رئيسة اتحاد"، "فلان عضو مجلس"): the title with one word of its construct, set on the
#: 100-event sample's two cases and hand-written sentences (#4, sides).
APPOSITION_GAP = 2
#: Words of a title between "و" (or "بـ") and the name it joins: the Saudi king's, "بخادم
#: الحرمين الشريفين الملك فلان" (3, the seed's "ووزير الداخلية الفرنسي فلان", lost the
#: corpus event of a call to the king; #4, sides).
TITLE_WORDS = 4


@dataclass(frozen=True, slots=True)
class SideWords:
    """data/sides.tsv: media names (normalised) and office nouns (see its header)."""

    media: frozenset[str]
    titles: PhraseTable[str]
    #: Words that open a coordinate clause after "، و" (kind "clause"), normalised.
    clauses: frozenset[str] = frozenset()
    #: Relative pronouns (kind "relative"), normalised.
    relatives: frozenset[str] = frozenset()

    @classmethod
    def load(cls) -> SideWords:
        rows = read_table("sides.tsv")
        kinds = ("media", "title", "clause", "relative")
        bad = [r["pattern"] for r in rows if r["kind"] not in kinds]
        if bad:
            raise ValueError(f"sides.tsv: unknown kind for {bad}")

        def kind(k: str) -> frozenset[str]:
            return frozenset(normalize(r["pattern"]) for r in rows if r["kind"] == k)

        titles = [(r["pattern"], "title") for r in rows if r["kind"] == "title"]
        return cls(kind("media"), PhraseTable(titles), kind("clause"), kind("relative"))

    def relative_subject(self, view: SentenceView, start: int, before: list[Party]) -> list[Party]:
        """The parties before a trigger that may be its actor. Right after a relative pronoun
        ("فلان، الذي زار"، "«فلان» الذي يرفض") a named antecedent is the subject: the party
        ending right before the pronoun; none when the verb's object pronoun is the
        antecedent ("الصين التي تتهمها الإدارة") or the party only completes an office
        ("مستشار للرئيس فلان الذي زار": the adviser visited). See data/sides.tsv."""
        if start < 1 or _object_pronoun(normalize(view.tokens[start].text)):
            return before
        word = normalize(view.tokens[start - 1].text)
        if not (word in self.relatives or (word[:1] == "و" and word[1:] in self.relatives)):
            return before
        end = start - 2
        # A comma or a closing mark ("«الورفلي» الذي يرفض") may stand between.
        while end >= 0 and view.tokens[end].text in ("،", ",", "»", '"', ")"):
            end -= 1
        named = [p for p in before if p.last == end and not self._of_office(view, p)]
        return named or before

    def _of_office(self, view: SentenceView, party: Party) -> bool:
        """ "مستشار اقتصادي للرئيس الصيني فلان": the party follows "لل" on a word that an
        office noun at most two words earlier governs."""
        for k in range(party.first - 1, max(-1, party.first - 1 - TITLE_WORDS), -1):
            if normalize(view.tokens[k].text).startswith("لل"):
                return any(self.is_title(view.forms[i]) for i in range(max(0, k - 2), k))
        return False

    def new_clauses(self, view: SentenceView) -> tuple[int, ...]:
        """Words that open a coordinate clause: a comma, then "و" glued on a clause word of
        sides.tsv ("، وقال فلان"، "، وكان"، "، والتي"). Its parties are its own, not those
        of a trigger before it; the trigger's own subject may still stand before it, so it
        bounds a clause after a trigger only (unlike بينما/وقد of arguments.tsv)."""
        out = []
        for k in range(1, len(view.tokens)):
            if view.tokens[k - 1].text not in ("،", ","):
                continue
            word = normalize(view.tokens[k].text)
            if word.startswith("و") and word[1:] in self.clauses:
                out.append(k)
        return tuple(out)

    def is_media(self, entity: Entity, marker: str | None) -> bool:
        """An ORG that a media noun introduces, with sector MED, or a known outlet name."""
        if entity.type != "ORG":
            return False
        if marker == "media" or entity.sector == "MED":
            return True
        names = {entity.name, *entity.aliases}
        return any(normalize(n) in self.media for n in names)

    def is_title(self, forms: tuple[str, ...]) -> bool:
        return any(len(p.words) == 1 for p in self.titles.heads(forms))


def _object_pronoun(word: str) -> bool:
    """A verb with an object pronoun ("تتهمها"، "استقبله"): a stem of four letters or more
    keeps "نبه"، "اتجه" out."""
    return any(word.endswith(s) and len(word) - len(s) >= 4 for s in ("هما", "هم", "ها", "ه"))


def coordinated(view: SentenceView, left: Party, right: Party, sides: SideWords | None) -> bool:
    """ "الرباط وباريس"، "فلان، والأمير فلان"، "فلان مرفوقا بفلان ووزير الداخلية فلان": "و"
    joins ``right`` (see joined) to a phrase after ``left``."""
    return joined(view, left.last, right, "و", sides)


def joined(
    view: SentenceView, after: int, right: Party, prefix: str, sides: SideWords | None
) -> bool:
    """``prefix`` ("و", "ب") stands on ``right``'s first word, or alone or glued on a title
    at most TITLE_WORDS words before it ("ووزير الداخلية الفرنسي فلان"، "بخادم الحرمين
    الملك فلان"), after word ``after``, with no clause mark between. A word that only
    begins with the letter is none ("وزير"، "ويلبور"، "والألمنيوم من فلان")."""
    for k in range(right.first, max(after, right.first - TITLE_WORDS - 1), -1):
        text = view.tokens[k].text
        if k < right.first and text in CLAUSE_MARKS:
            return False
        word = normalize(text)
        whole_title = sides is not None and sides.is_title((word,))
        if whole_title or (k == right.first and word in _first_words(right.entity)):
            continue
        if word == prefix:
            nxt = k + 1
            if nxt == right.first or (sides is not None and sides.is_title(view.forms[nxt])):
                return True
        elif word.startswith(prefix) and word[len(prefix) :] in view.forms[k]:
            rest = tuple(f for f in view.forms[k] if f != word)
            if k == right.first or (sides is not None and sides.is_title(rest)):
                return True
    return False


def _first_words(entity: Entity) -> set[str]:
    return {normalize(n).split()[0] for n in (entity.name, *entity.aliases) if n.strip()}


def appositions(view: SentenceView, actor: Party, after: list[Party], sides: SideWords) -> set[int]:
    """First words of the organisations after ``actor`` that an office noun names as its
    office ("فلانة رئيسة اتحاد المصارف"، "فلان عضو مجلس الشورى وفلان"), and the parties "و"
    joins to them."""
    out: set[int] = set()
    anchor = actor
    for p in after:
        if p.first <= actor.last:
            continue
        gap = range(anchor.last + 1, p.first)
        office = (
            p.entity.type == "ORG"
            and p.marker is None
            and 0 < len(gap) <= APPOSITION_GAP
            and sides.is_title(view.forms[gap[0]])
        )
        if not (office or (out and coordinated(view, anchor, p, sides))):
            break
        out.add(p.first)
        anchor = p
    return out


#: Singular possessive pronouns on a verbal noun ("لقائه"، "زيارتها"). A dual or plural one
#: may hold both sides of a joint event (the seed's "استعرضا، خلال لقائهما"), so none counts.
_POSSESSIVE = ("ها", "ه")


def possessive(word: str, pattern: str) -> bool:
    """A verbal noun with a possessive pronoun, read from the raw (not normalised) word and
    the trigger pattern it matched: the stem before the pronoun ends in ت where the pattern
    ends in ة ("زيارته" of زياره+، "تهنئته"), ends in ء/ئ ("لقائه"), or has a long vowel
    before its last letter (فعال، افتعال، تفعيل: "استقباله"، "تأييدها"، "اتهامه"). A verb
    with an object pronoun has none of these ("يهددهم"، "ترفضه"، "رفضها"، "اتهمته").
    A word with a proclitic ("ولقائه") is read from its first letter, so only suffixes
    count and a glued و/ل/ب stays in the stem."""
    head = pattern.rstrip("*+")
    for suffix in _POSSESSIVE:
        stem = word[: -len(suffix)]
        # Not a verb: an imperfect ("يزوره") or a three-letter past ("زاره"، "دعاه").
        if word.endswith(suffix) and len(stem) >= 4 and not stem.startswith("ي"):
            # ة spelled ت before the pronoun ("زيارته" of زياره+ or زيارت+), not a past
            # verb's ت ("التقيته" of التقيت+: no long vowel before its last root letter).
            ta = head.endswith("ه") or (head.endswith("ت") and stem[-3] in "اوي")
            return (stem[-1] == "ت" and ta) or stem[-1] in "ءئ" or stem[-2] in "اوي"
    return False
