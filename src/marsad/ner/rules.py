"""Small rules around the CRF, kept as data and named functions.

``drop_demonyms``: a nationality adjective on its own is not an entity (ANERcorp: O).
``drop_titles``: nor is a title on its own ("الوزيران", "الرئيس"): it names no one person.
``drop_not_people``: nor a person span holding a platform name ("على تويتر") or a set phrase
that starts like a name ("حسن الجوار"): both were top "persons" of 3,000 SaudiNewsNet articles.
``trim_frames``: "على لسان خامنئي" (in Khamenei's words): the tagger ran the person span over
"لسان", and the linker made "سان خامنئي" of it (a top-50 person of that run).
``trim_demonym_tail``: "ارسنال الانكليزي" is the club Arsenal: a definite nationality adjective
after an indefinite word (a bare name) is left out of an organisation or place span.
``trim_demonym_head``: "للبرازيلي فريد" is Fred; the adjective before a name is not part of it.
``quoted_places``: a place name in quotes is a newspaper, channel or firm named after it
(« الشرق الأوسط », "واشنطن بوست"): an organisation.
``split_conjoined``: "مانشستر يونايتد وليون" is two clubs: a span is cut before a word that is
و + a gazetteer name (ANERcorp train: 198 LOC and 6 ORG such words start their own span, 13
and 2 continue one).
``drop_not_people`` also drops a community noun ("المسلمين"); ``drop_lone_words`` a lone
function word ("قال لي": to me) unless the text names a person with it ("هاربر لي");
``drop_kin_words`` a kinship noun with a possessive ("والدي": my father, not و + a name).
``propagate_names``: a one-word place tagged somewhere in a text is a place wherever the
same word (or it with و ف ب ك ل before it: "بالرباط") stands untagged in that text; so is a
one-word organisation or other name the text tags with one type only, and a person's word
that also ends a longer name there (a surname).

``trim_hal``: a participle in the accusative right after a name ("... لفتيت مرفوقا بالوزير",
"... قال مؤكدا") is a circumstantial adverb (hal), not part of the name; the CRF sometimes
runs a PER span over it. ``institution_spans``: ANERcorp leaves ministries untagged
("وزارة O الخارجية O"), but a reader expects "وزارة الداخلية المغربية" as an organisation;
the stage adds such spans itself (``marsad eval ner`` scores the CRF alone).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..arabic import Token, normalize, proclitic_stems
from .lexicons import Lexicons
from .role_lexicon import TITLES

#: Heads of government bodies whose full name is head + ال-complements (+ demonym).
INSTITUTION_HEADS = frozenset({"وزاره"})  # dual "وزارتي الداخلية" names no one body
_DETACHABLE = "وفبلك"
_HEAD_ENDINGS = tuple(sorted(INSTITUTION_HEADS))


def clean_labels(words: list[str], labels: list[str], lex: Lexicons) -> list[str]:
    """The sentence-level rules both taggers apply to their BIO labels, in order."""
    labels = trim_hal(words, labels, lex.gazetteer)
    labels = drop_demonyms(words, labels, lex.demonyms)
    labels = drop_titles(words, labels)
    labels = trim_frames(words, labels)
    labels = split_conjoined(words, labels, lex.gazetteer)
    labels = trim_demonym_tail(words, labels, lex.demonyms)
    labels = trim_demonym_head(words, labels, lex.demonyms)
    labels = quoted_places(words, labels)
    return drop_not_people(words, labels)


def clean_document(
    sentences: list[list[str]],
    tagged: list[tuple[list[str], list[float]]],
    norm: Callable[[str], str] = normalize,
) -> list[tuple[list[str], list[float]]]:
    """The text-level rules both taggers apply after clean_labels, in order; ``norm`` is the
    tagger's cached matching form of a word."""
    tagged = drop_lone_words(sentences, propagate_names(sentences, tagged, norm), norm)
    return drop_kin_words(sentences, tagged, norm)


def trim_hal(words: list[str], labels: list[str], gazetteer: dict[str, str]) -> list[str]:
    """Relabel O a trailing I-PERS token that looks like a hal participle (م...ا)."""
    out = list(labels)
    for i, label in enumerate(labels):
        last = i + 1 == len(labels) or not labels[i + 1].startswith("I-")
        if label == "I-PERS" and last:
            norm = normalize(words[i])
            if len(norm) >= 5 and norm[0] == "م" and norm[-1] == "ا" and norm not in gazetteer:
                out[i] = "O"
    return out


#: Dual and plural endings of a title ("الوزيران", "الوزيرين", "المديرون").
_NUMBER_ENDINGS = ("ان", "ين", "ون", "تان", "تين")


def drop_titles(words: list[str], labels: list[str]) -> list[str]:
    """Relabel O a one-token PERS entity that is a title, or its dual or plural (ANERcorp
    tags titles O; the neural tagger sometimes takes "الوزيران" for a name)."""
    out = list(labels)
    for i, label in enumerate(labels):
        if label != "B-PERS" or (i + 1 < len(labels) and labels[i + 1] == "I-PERS"):
            continue
        norm = normalize(words[i])
        bare = norm[1:] if norm[:1] in _DETACHABLE else norm  # والوزيران
        forms = {norm, bare} | {f.removeprefix("ال") for f in (norm, bare)}
        forms |= {f[: -len(e)] for f in list(forms) for e in _NUMBER_ENDINGS if f.endswith(e)}
        forms |= {"ال" + f for f in list(forms)}
        if forms & TITLES:
            out[i] = "O"
    return out


#: Platform and brand names the tagger took for people in news about them (normalised).
PLATFORMS = frozenset(
    [
        "تويتر",
        "فيسبوك",
        "يوتيوب",
        "انستغرام",
        "انستجرام",
        "انستقرام",
        "واتساب",
        "سناب",
        "سنابشات",
        "تيليغرام",
        "تلغرام",
        "تليجرام",
        "غوغل",
        "جوجل",
    ]
)
#: Set phrases whose first word is also a given name (normalised: ه for ة).
NOT_NAMES = frozenset({"حسن الجوار", "حسن النيه", "حسن الظن", "حسن السير", "حسن التنظيم"})
#: Plural nouns of religious and ethnic communities (normalised, without ال): a group, not
#: a person; "المسلمين" was the 4th most frequent one-word "person" of 3,000 SaudiNewsNet
#: articles (76 mentions, none a name).
GROUPS = frozenset(
    {
        "مسلمين",
        "مسلمون",
        "مسيحيين",
        "مسيحيون",
        "يهود",
        "شيعه",
        "اقباط",
        "دروز",
        "اكراد",
        "ارمن",  # "الأرمن": 49 "person" mentions of one bench_linking run
        "تركمان",
        "ايزيديين",
        "ايزيديون",
        "علويين",
        "علويون",
        "كفار",
        "مشركين",
    }
)


#: Words that frame a quotation before a name ("على لسان X", "بلسان X": in X's words);
#: normalised.
SPEECH_FRAMES = frozenset({"لسان", "بلسان"})


#: Verbs of telling after which "لي" is "to me" ("قال لي عمر": Omar told me), normalised;
#: a span "لي عمر" had made a top-50 "person" of bench_linking out of Omar Sharif's
#: mentions. Elsewhere "لي" can start a name ("لي كه تشيانغ").
TELLING = frozenset(
    {"قال", "قالت", "روي", "روت", "حكي", "حكت", "اكد", "اكدت", "ذكر", "ذكرت", "كشف", "كشفت"}
    | {"اوضح", "اوضحت", "شرح", "شرحت", "اعترف", "اعترفت", "كتب", "كتبت", "همس", "همست"}
)


def trim_frames(words: list[str], labels: list[str]) -> list[str]:
    """Relabel O a speech-frame word that starts a PERS span ("على لسان", "قال لي"); the
    span starts after it."""
    out = list(labels)
    for i, label in enumerate(labels):
        if label == "B-PERS" and (normalize(words[i]) in SPEECH_FRAMES or _told_me(words, i)):
            out[i] = "O"
            if i + 1 < len(labels) and labels[i + 1] == "I-PERS":
                out[i + 1] = "B-PERS"
    return out


def _told_me(words: list[str], i: int) -> bool:
    if i == 0 or normalize(words[i]) != "لي":
        return False
    verb = normalize(words[i - 1])
    return verb in TELLING or (verb[:1] in "وف" and verb[1:] in TELLING)


def drop_not_people(words: list[str], labels: list[str]) -> list[str]:
    """Relabel O a PERS span with a platform name in it or that is a set phrase."""
    out = list(labels)
    for i, j in _type_spans(labels, "PERS"):
        norms = [normalize(w) for w in words[i:j]]
        bare = [n[1:] if n[:1] in _DETACHABLE and n[1:] in PLATFORMS else n for n in norms]
        group = j - i == 1 and _group_word(norms[0])
        if group or not PLATFORMS.isdisjoint(bare) or " ".join(norms) in NOT_NAMES:
            out[i:j] = ["O"] * (j - i)
    return out


def _group_word(norm: str) -> bool:
    """A community noun, with proclitics and ال before it or not ("وللمسلمين")."""
    return norm in GROUPS or not GROUPS.isdisjoint(proclitic_stems(norm))


#: One-word "people" that are function words unless the text names someone with them:
#: "لي" (to me; and Lee) after verbs of saying ("قال لي") was tagged PERS, and 40 such
#: mentions joined Harper Lee in the linking benchmark (normalised).
LONE_NOT_NAMES = frozenset({"لي"})


def drop_lone_words(
    sentences: list[list[str]],
    tagged: list[tuple[list[str], list[float]]],
    norm: Callable[[str], str] = normalize,
) -> list[tuple[list[str], list[float]]]:
    """Relabel O a one-word PERS span in LONE_NOT_NAMES unless a longer PERS span of the same
    text holds that word ("هاربر لي" ... "وقالت لي")."""
    named: set[str] = set()
    lone: list[tuple[int, int]] = []
    for s, (words, (labels, _)) in enumerate(zip(sentences, tagged, strict=True)):
        for i, label in enumerate(labels):
            if label not in ("B-PERS", "I-PERS") or norm(words[i]) not in LONE_NOT_NAMES:
                continue
            inside = label == "I-PERS" or (i + 1 < len(labels) and labels[i + 1] == "I-PERS")
            if inside:
                named.add(norm(words[i]))
            else:
                lone.append((s, i))
    drop = [(s, i) for s, i in lone if norm(sentences[s][i]) not in named]
    if not drop:
        return tagged
    out = [(list(labels), list(marg)) for labels, marg in tagged]
    for s, i in drop:
        out[s][0][i] = "O"
    return out


#: Kinship nouns with a possessive suffix ("والدي" my father, "زوجته" his wife), normalised:
#: never a name, but "والدي" reads as و + "الدي" and spread as a person through one memoir
#: (22 "الدي" mentions, a top-50 person of bench_linking). ANERcorp/AQMAR train tag
#: such words O (والده 9 times, والدي 2).
KIN_WORDS = frozenset(
    stem + suffix
    for stem in ("والد", "والدت", "زوج", "زوجت", "ابن", "ابنت", "شقيق", "شقيقت")
    for suffix in ("ي", "ه", "ها", "هم", "هما", "هن", "نا", "ك", "كم")
)


def drop_kin_words(
    sentences: list[list[str]],
    tagged: list[tuple[list[str], list[float]]],
    norm: Callable[[str], str] = normalize,
) -> list[tuple[list[str], list[float]]]:
    """Relabel O a word of a PERS span that is a kinship noun with a possessive (KIN_WORDS);
    a name after it starts its own span ("والدي محمد")."""
    out = []
    for words, (labels, marg) in zip(sentences, tagged, strict=True):
        kin = [
            i for i, lab in enumerate(labels) if lab[2:] == "PERS" and norm(words[i]) in KIN_WORDS
        ]
        if kin:
            labels = list(labels)
            for i in kin:
                labels[i] = "O"
                if i + 1 < len(labels) and labels[i + 1] == "I-PERS":
                    labels[i + 1] = "B-PERS"
        out.append((labels, marg))
    return out


def propagate_names(
    sentences: list[list[str]],
    tagged: list[tuple[list[str], list[float]]],
    norm: Callable[[str], str] = normalize,
) -> list[tuple[list[str], list[float]]]:
    """Tag the untagged words of a text that are a one-word entity tagged elsewhere in it
    (with a proclitic or without); their marginal is set to 0.5 (a rule, not the model).

    A place spreads as before; an organisation or other name spreads when the text tags its
    word with that one type, and a person's word when it also ends a longer name in the text
    (a surname: "الشريف" after "عمر الشريف"). Carved dev / AQMAR dev PER/LOC/ORG / dev2 (the
    first tenth of ANERcorp train, held out from a model trained on the rest): places only
    78.64 / 70.41 / -; every type 80.00 / 76.50 / 82.62 (two-seed model); persons only by
    surname 80.17 / 73.12 / 82.88, the same news-domain scores as no person spreading and
    without its junk: spreading every lone person word had made "الأرمن" (the Armenians)
    and "الدي" (a misspelt relative pronoun) top-50 people of bench_linking. ``norm`` gives
    a word's matching form; the taggers pass their cached one (normalising every word here
    again was 4% of the whole pipeline's time).
    """
    types: dict[str, set[str]] = {}
    surnames: set[str] = set()
    for words, (labels, _) in zip(sentences, tagged, strict=True):
        for i, label in enumerate(labels):
            alone = i + 1 == len(labels) or not labels[i + 1].startswith("I-")
            if label.startswith("B-") and alone:
                types.setdefault(norm(words[i]), set()).add(label[2:])
            elif label == "I-PERS" and alone:
                surnames.add(norm(words[i]))
    if not types:
        return tagged
    spread = {
        k: "LOC" if "LOC" in v else next(iter(v))
        for k, v in types.items()
        if len(k) >= 3 and ("LOC" in v or len(v) == 1)
    }
    spread = {k: t for k, t in spread.items() if t != "PERS" or k in surnames}
    out = []
    for words, (labels, marg) in zip(sentences, tagged, strict=True):
        labels, marg = list(labels), list(marg)
        for i, label in enumerate(labels):
            if label != "O":
                continue
            typ = _spread_type(norm(words[i]), spread)
            if typ and typ != "LOC" and i + 1 < len(labels) and labels[i + 1][:2] == "I-":
                continue  # the word starts someone else's name
            if typ:
                labels[i] = "B-" + typ
                if marg:
                    marg[i] = 0.5
        out.append((labels, marg))
    return out


def _spread_type(form: str, spread: dict[str, str]) -> str:
    """The type ``spread`` gives ``form``, or it behind one proclitic, or a place behind
    two ("وبالرباط")."""
    typ = spread.get(form)
    if typ or form[:1] not in _DETACHABLE:
        return typ or ""
    typ = spread.get(form[1:])
    if typ:
        return typ
    return "LOC" if form[1:2] in _DETACHABLE and spread.get(form[2:]) == "LOC" else ""


#: Types whose spans split_conjoined and trim_demonym_tail cut. People are left alone: the
#: conjunction cut cost one correct person span on carved dev and one on AQMAR dev ("...
#: وليد" names run on with و); a trailing demonym is often a family name ("المصري").
CONJOINED_TYPES = frozenset({"ORG", "LOC"})


def split_conjoined(words: list[str], labels: list[str], gazetteer: dict[str, str]) -> list[str]:
    """Start a new span at an inside token that is و + a gazetteer name ("وليون", "وموناكو")
    and not itself one; carved dev 78.40 -> 78.64 (ORG 71.0 -> 71.9)."""
    out = list(labels)
    for i, label in enumerate(labels):
        if not label.startswith("I-") or label[2:] not in CONJOINED_TYPES:
            continue
        norm = normalize(words[i])
        if len(norm) > 3 and norm[0] == "و" and norm[1:] in gazetteer and norm not in gazetteer:
            out[i] = "B-" + label[2:]
    return out


def trim_demonym_tail(words: list[str], labels: list[str], demonyms: dict[str, str]) -> list[str]:
    """Relabel O the last token of an ORG/LOC span when it is a definite demonym after an
    indefinite word ("بنفيكا البرتغالي", "غرناطة الاسبانية"). ANERcorp + AQMAR train leave
    it out 69 times and include it 4; "منظمة التحرير الفلسطينية" (definite word before it)
    keeps it. People are left alone ("ابو حمزة المصري": 6 in, 18 out). Carved dev 78.96 ->
    79.07, AQMAR dev unchanged."""
    out = list(labels)
    for i in range(1, len(labels)):
        label = labels[i]
        last = i + 1 == len(labels) or not labels[i + 1].startswith("I-")
        if not (last and label[:2] == "I-" and label[2:] in CONJOINED_TYPES):
            continue
        norm = normalize(words[i])
        if norm in demonyms and _definite(norm) and not _definite(normalize(words[i - 1])):
            out[i] = "O"
    return out


def trim_demonym_head(words: list[str], labels: list[str], demonyms: dict[str, str]) -> list[str]:
    """Relabel O the first token of a PERS/ORG span of two or more when it is a definite
    demonym ("البرازيلي فريد"): ANERcorp + AQMAR train never start such a span with one and
    leave one out right before 288. A bare one can be a name ("كيني ميلر"). Carved dev
    79.07 -> 79.18, AQMAR dev unchanged."""
    out = list(labels)
    for i in range(len(labels) - 1):
        label = labels[i]
        if label[:2] != "B-" or label[2:] not in HEAD_TYPES or labels[i + 1] != "I-" + label[2:]:
            continue
        if _definite_form(normalize(words[i])) in demonyms:
            out[i], out[i + 1] = "O", label
    return out


#: Types whose spans trim_demonym_head cuts (places: "الكورية الشمالية" is one).
HEAD_TYPES = frozenset({"PERS", "ORG"})


OPEN_QUOTES = frozenset({"«", '"', "“"})
CLOSE_QUOTES = frozenset({"»", '"', "”"})


def quoted_places(words: list[str], labels: list[str]) -> list[str]:
    """Relabel ORG a LOC span that is the whole of a quotation. In ANERcorp train, of the
    quoted spans holding a gazetteer place, 26 are ORG, 9 MISC, 7 PERS and 5 LOC (4 of
    them « الشرق الاوسط », which carved dev tags ORG). Carved dev 79.18 -> 79.61."""
    out = list(labels)
    for i, j in _type_spans(labels, "LOC"):
        if i > 0 and j < len(words) and words[i - 1] in OPEN_QUOTES and words[j] in CLOSE_QUOTES:
            out[i:j] = ["B-ORG"] + ["I-ORG"] * (j - i - 1)
    return out


def _type_spans(labels: list[str], typ: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each span that starts with B-``typ``."""
    i = 0
    while i < len(labels):
        if labels[i] != "B-" + typ:
            i += 1
            continue
        j = i + 1
        while j < len(labels) and labels[j] == "I-" + typ:
            j += 1
        yield i, j
        i = j


def _definite(norm: str) -> bool:
    """Has the article ال, after one proclitic or as لل ("والفرنسي", "للمغرب")."""
    return bool(_definite_form(norm))


def _definite_form(norm: str) -> str:
    """The word from its article on ("للبرازيلي" -> "البرازيلي", "والفرنسي" -> "الفرنسي"),
    or "" when it has none."""
    if norm.startswith("ال"):
        return norm
    if norm.startswith("لل"):
        return "ا" + norm[1:]
    return norm[1:] if norm[:1] in _DETACHABLE and norm[1:3] == "ال" else ""


def drop_demonyms(words: list[str], labels: list[str], demonyms: dict[str, str]) -> list[str]:
    """Relabel O a one-token entity that is a demonym ("الفرنسيين"): ANERcorp tags them O."""
    out = list(labels)
    for i, label in enumerate(labels):
        if not label.startswith("B-"):
            continue  # most tokens: no need to normalise them
        alone = i + 1 == len(labels) or not labels[i + 1].startswith("I-")
        norm = normalize(words[i])
        bare = norm[1:] if norm[:1] in _DETACHABLE else norm  # والفرنسيين
        if alone and (norm in demonyms or bare in demonyms):
            out[i] = "O"
    return out


def institution_spans(
    tokens: list[Token], lex: Lexicons, bare: Callable[[str], tuple[str, int]]
) -> list[tuple[int, int]]:
    """Character spans of "وزارة الداخلية [المغربية]"-style names in one sentence.

    ``bare(word)`` gives the normalised word without و/ب/ل… proclitics (a suffix of
    ``normalize(word)``) and how many characters were peeled (the stage passes its
    clitic splitter).
    """
    spans = []
    for i, tok in enumerate(tokens):
        # ``bare`` only peels letters off the front, so a head must end the normalised
        # word: the test skips the clitic split for nearly every token
        if not normalize(tok.text).endswith(_HEAD_ENDINGS):
            continue
        head, cut = bare(tok.text)
        if head not in INSTITUTION_HEADS:
            continue
        end = i
        for j in range(i + 1, min(len(tokens), i + 6)):
            word = normalize(tokens[j].text)
            if word in lex.demonyms:
                end = j
                break
            if not word.startswith(("ال", "وال")):
                break
            end = j
        if end > i:
            spans.append((tok.start + cut, tokens[end].end))
    return spans
