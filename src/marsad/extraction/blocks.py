"""An HTML page as a flat list of text blocks in reading order, chrome subtrees left out.

One pass over the DOM (lxml ``iterwalk``, no recursion, so deep pages cannot overflow).
A block is the text between block-level boundaries (``<p>``, ``<div>``, ``<li>``,
headings, ``<br>``); each records its tag, how much of it is link text and bold text,
and whether it sits in a heading, a content container or the title. Captions are
collected apart. The rules (tags and class words that mark chrome) are data:
``data/html_chrome.json``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from importlib import resources

from lxml import etree

BLOCK_TAGS = frozenset(
    (
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "table",
        "tr",
        "td",
        "th",
        "tbody",
        "thead",
        "pre",
        "figure",
        "figcaption",
        "address",
        "center",
        "form",
        "fieldset",
        "hgroup",
        "details",
        "summary",
        "caption",
        "body",
        "html",
    )
)
HEADINGS = frozenset(("h2", "h3", "h4", "h5", "h6"))
BOLD = frozenset(("b", "strong"))
_SPLIT = re.compile(r"[\s_\-]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_CHROME_ROLES = frozenset(("navigation", "complementary", "banner", "contentinfo", "search"))
_FOLD = str.maketrans({**{c: "ا" for c in "أإآٱ"}, "ى": "ي", "ی": "ي", "ک": "ك", "ة": "ه"})
_MARKS = re.compile("[\u064b-\u065f\u0670\u0640\u200c\u200f\u200e]")


def text_of(el: etree._Element) -> str:
    """All text under ``el`` (lxml.etree elements have no text_content())."""
    return "".join(t for t in el.itertext() if isinstance(t, str))


def fold(text: str) -> str:
    """Matching form of a phrase: hamza/alef, ya, kaf, ta marbuta folded; harakat gone."""
    return " ".join(_MARKS.sub("", text).translate(_FOLD).lower().split())


@dataclass(frozen=True, slots=True)
class HtmlRules:
    """The heuristics of HTML extraction, loaded from ``data/html_chrome.json``."""

    drop_tags: frozenset[str]
    chrome_words: frozenset[str]
    chrome_prefixes: tuple[str, ...]
    content_words: frozenset[str]
    caption_words: frozenset[str]
    dek_words: frozenset[str]
    kicker_words: frozenset[str]
    byline_words: frozenset[str]
    home_words: frozenset[str]
    chrome_starts: tuple[str, ...]
    chrome_short_starts: tuple[str, ...]
    chrome_exact: frozenset[str]
    chrome_short_max_words: int
    chrome_contains: tuple[str, ...]
    chrome_contains_max_words: int
    policy_markers: tuple[str, ...]
    policy_topics: tuple[str, ...]

    @classmethod
    def load(cls) -> HtmlRules:
        path = resources.files("marsad.extraction.data").joinpath("html_chrome.json")
        data = json.loads(path.read_text("utf-8"))

        def words(key: str) -> frozenset[str]:
            return frozenset(w.lower() for w in data[key])

        return cls(
            drop_tags=words("drop_tags"),
            chrome_words=words("chrome_class_words"),
            chrome_prefixes=tuple(data["chrome_class_prefixes"]),
            content_words=words("content_class_words"),
            caption_words=words("caption_class_words"),
            dek_words=words("dek_class_words"),
            kicker_words=words("kicker_class_words"),
            byline_words=words("byline_class_words"),
            home_words=words("home_words"),
            chrome_starts=tuple(fold(p) for p in data["chrome_starts"]),
            chrome_short_starts=tuple(fold(p) for p in data["chrome_short_starts"]),
            chrome_exact=frozenset(_bare(fold(p)) for p in data["chrome_exact"]),
            chrome_short_max_words=int(data["chrome_short_max_words"]),
            chrome_contains=tuple(fold(p) for p in data["chrome_contains"]),
            chrome_contains_max_words=int(data["chrome_contains_max_words"]),
            policy_markers=tuple(fold(p) for p in data["policy_markers"]),
            policy_topics=tuple(fold(p) for p in data["policy_topics"]),
        )

    def is_chrome_text(self, text: str) -> bool:
        """A line of page chrome by its wording: "اقرأ أيضا: …", a comment policy, a promo."""
        folded = fold(text)
        if folded.startswith(self.chrome_starts) or _bare(folded) in self.chrome_exact:
            return True
        words = len(folded.split())
        if words <= self.chrome_short_max_words and folded.startswith(self.chrome_short_starts):
            return True
        if words > self.chrome_contains_max_words:
            return False
        if any(p in folded for p in self.chrome_contains):
            return True
        return any(p in folded for p in self.policy_markers) and any(
            t in folded for t in self.policy_topics
        )


def _bare(text: str) -> str:
    """Letters and spaces only: "(انتهى)" -> "انتهى"."""
    return " ".join(_NON_LETTERS.sub(" ", text).split())


_NON_LETTERS = re.compile(r"[^\w\s]|_")


def class_words(el: etree._Element) -> set[str]:
    """The words of an element's class and id: whole names and their -/_ parts, lowercased."""
    raw = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    names = raw.split()
    return set(names) | {w for name in names for w in _SPLIT.split(name) if w}


@dataclass(slots=True)
class Block:
    """A run of text between block boundaries, with what is known about its container."""

    index: int
    text: str
    tag: str
    owner: etree._Element
    chars: int
    link_chars: int
    bold_chars: int
    heading: bool
    content: bool
    title: bool
    score: float = 0.0
    crosshead: bool = False
    #: The block follows an <img> in the same block element: a caption when it is short.
    after_img: bool = False

    @property
    def link_density(self) -> float:
        return self.link_chars / self.chars if self.chars else 0.0


@dataclass(slots=True)
class Walk:
    """Blocks of a page, captions (block index, text), and the index of the title block."""

    blocks: list[Block] = field(default_factory=list)
    captions: list[tuple[int, str]] = field(default_factory=list)
    title_index: int | None = None


@dataclass(slots=True)
class _State:
    parts: list[str] = field(default_factory=list)
    chars: int = 0
    link_chars: int = 0
    bold_chars: int = 0
    link: int = 0
    bold: int = 0
    heading: int = 0
    content: int = 0
    title: int = 0
    img: bool = False
    owners: list[etree._Element] = field(default_factory=list)


def walk_blocks(
    root: etree._Element,
    rules: HtmlRules,
    *,
    title_el: etree._Element | None,
    protected: set[etree._Element],
    drop_classes: bool = True,
) -> Walk:
    """Blocks of ``root`` in document order; chrome subtrees skipped (tails kept)."""
    out, st = Walk(), _State(owners=[root])
    walker = etree.iterwalk(root, events=("start", "end"))
    skipped: set[etree._Element] = set()
    for event, el in walker:
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if not tag or _drop(el, tag, rules, protected, drop_classes):
                skipped.add(el)
                walker.skip_subtree()
                continue
            if _caption(el, tag, rules, out, st, el in protected):
                skipped.add(el)
                walker.skip_subtree()
                continue
            _enter(el, tag, rules, out, st, title_el)
            _add(st, el.text)
        else:
            if el in skipped:
                skipped.discard(el)
            else:
                _leave(el, tag, rules, out, st, title_el)
            _add(st, el.tail)
    _flush(out, st)
    return out


def _drop(
    el: etree._Element, tag: str, rules: HtmlRules, protected: set[etree._Element], classes: bool
) -> bool:
    if el in protected:
        return False
    if tag in rules.drop_tags:
        return True
    if el.get("hidden") is not None or _HIDDEN_STYLE.search(el.get("style") or ""):
        return True
    if (el.get("role") or "").lower() in _CHROME_ROLES:
        return True
    if not classes or tag in ("html", "body", "article", "main"):
        return False
    words = class_words(el)
    if not words or words & rules.content_words or el.get("itemprop") == "articleBody":
        return False
    if words & rules.chrome_words:
        return True
    return any(w.startswith(rules.chrome_prefixes) for w in words)


#: A <figure> with more text than this is not an image with its caption (a whole story
#: wrapped in <figure> by an odd template): its text is walked as usual.
FIGURE_MAX_CHARS = 400


def _caption(
    el: etree._Element, tag: str, rules: HtmlRules, out: Walk, st: _State, protected: bool
) -> bool:
    """Record a caption (figcaption, caption-classed element, img caption attribute, text
    inside a <figure>); True when the element's subtree is consumed."""
    if tag == "img":
        text = el.get("caption") or el.get("data-caption")
        if text and text.strip():
            out.captions.append((len(out.blocks), " ".join(text.split())))
        _flush(out, st)
        st.img = True
        return False
    if protected:
        return False
    caption = tag == "figcaption" or (
        tag != "figure" and bool(class_words(el) & rules.caption_words)
    )
    if tag == "figure" or caption:
        text = " ".join(text_of(el).split())
        if tag == "figure" and len(text) > FIGURE_MAX_CHARS:
            return False
        _flush(out, st)
        _figure_images(el, out)
        links = sum(len(text_of(a)) for a in el.iter("a"))
        if text and links < 0.5 * len(text) and not rules.is_chrome_text(text):
            # A linked "caption" is a teaser card (image + headline), not a caption.
            out.captions.append((len(out.blocks), text))
        return True
    return False


def _figure_images(el: etree._Element, out: Walk) -> None:
    """Captions held in attributes of images inside a consumed subtree."""
    for img in el.iter("img"):
        text = img.get("caption") or img.get("data-caption")
        if text and text.strip():
            out.captions.append((len(out.blocks), " ".join(text.split())))


def _enter(
    el: etree._Element,
    tag: str,
    rules: HtmlRules,
    out: Walk,
    st: _State,
    title_el: etree._Element | None,
) -> None:
    if tag == "br":
        _flush(out, st)
    elif tag in BLOCK_TAGS:
        _flush(out, st)
        st.owners.append(el)
    if tag == "a":
        st.link += 1
    elif tag in BOLD:
        st.bold += 1
    elif tag in HEADINGS:
        st.heading += 1
    if el is title_el:
        _flush(out, st)
        st.title += 1
    if tag in BLOCK_TAGS and (
        el.get("itemprop") == "articleBody" or class_words(el) & rules.content_words
    ):
        st.content += 1


def _leave(
    el: etree._Element,
    tag: str,
    rules: HtmlRules,
    out: Walk,
    st: _State,
    title_el: etree._Element | None,
) -> None:
    if tag in BLOCK_TAGS:
        _flush(out, st)
        st.img = False  # an image at the end of one block does not mark the next
        if len(st.owners) > 1:
            st.owners.pop()
    if tag == "a":
        st.link -= 1
    elif tag in BOLD:
        st.bold -= 1
    elif tag in HEADINGS:
        st.heading -= 1
    if el is title_el:
        _flush(out, st)
        st.title -= 1
    if tag in BLOCK_TAGS and (
        el.get("itemprop") == "articleBody" or class_words(el) & rules.content_words
    ):
        st.content -= 1


def _add(st: _State, text: str | None) -> None:
    if not text:
        return
    st.parts.append(text)
    n = len(text) - text.count(" ") - text.count("\n") - text.count("\t")
    st.chars += n
    if st.link > 0:
        st.link_chars += n
    if st.bold > 0:
        st.bold_chars += n


def _flush(out: Walk, st: _State) -> None:
    if st.parts:
        text = " ".join("".join(st.parts).split())
        if text:
            if st.title > 0 and out.title_index is None:
                out.title_index = len(out.blocks)
            out.blocks.append(
                Block(
                    index=len(out.blocks),
                    text=text,
                    tag=st.owners[-1].tag,
                    owner=st.owners[-1],
                    chars=max(st.chars, 1),
                    link_chars=st.link_chars,
                    bold_chars=st.bold_chars,
                    heading=st.heading > 0,
                    content=st.content > 0,
                    title=st.title > 0,
                    after_img=st.img,
                )
            )
            st.img = False
    st.parts.clear()
    st.chars = st.link_chars = st.bold_chars = 0
