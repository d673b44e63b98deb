"""Which blocks of a page are its body: scoring, the best run, its container, refinement.

Each block gets a "paragraph-ness" score (words, sentence punctuation, link density, being
inside an articleBody/content container or the JSON-LD articleBody, coming after the
headline). The body is the contiguous run of blocks with the highest total score (a
maximum-sum subarray, so a crosshead or an ad slot between paragraphs does not cut it),
fitted to the element that holds most of its text and grown over further paragraphs
there; inside it, teaser boxes, link lines, chrome phrases and date lines are dropped and
short heading-like lines between paragraphs become crossheads.
"""

from __future__ import annotations

import re

from lxml import etree

from .blocks import Block, HtmlRules, Walk, fold
from .dates import find_dates
from .metadata import PageMeta

#: Score constants, tuned by hand on the example pages in tests/extraction/pages and the
#: four dev pages (shared/data/extraction/dev) together; see ``_score``.
MIN_WORDS = 10  # blocks shorter than this count against the body run
PUNCT_BONUS = 3  # per sentence/clause mark, up to PUNCT_CAP marks
PUNCT_CAP = 4
CONTENT_BONUS = 10  # inside itemprop=articleBody or a content-classed container
LD_BODY_BONUS = 15  # the block's text is in the JSON-LD articleBody
BEFORE_TITLE_FACTOR = 0.3  # bodies follow their headline
NEAR_TITLE_BLOCKS = 8  # ... and start right after it: blocks this close get NEAR_TITLE_BONUS
NEAR_TITLE_BONUS = 8
#: Words counted per block at most, so one long footer blurb or comment cannot outweigh
#: a body of several ordinary paragraphs (tests/extraction/pages/short_body_long_footer).
WORDS_CAP = 35
CROSSHEAD_MAX_WORDS = 15
CAPTION_MAX_WORDS = 25  # image captions in the dev gold are 5-15 words
SENTENCE_MIN_WORDS = 4  # a shorter line ending in "." is a label or a credit, not a sentence
_PUNCT = re.compile(r"[.،,؛;:!?؟»]+")  # a run ("...", "؟!") counts once
_SENTENCE_END = (".", "!", "?", "؟", "…", "»", '"', ")", ".»")


def _score(block: Block, walk: Walk, ld_body: str | None, rules: HtmlRules) -> float:
    """How much a block looks like article body (positive) or chrome (negative)."""
    if block.title:
        return 0.0
    words = len(block.text.split())
    if rules.is_chrome_text(block.text):
        return -20.0
    density = block.link_density
    if density > 0.5:
        return -float(min(30, max(5, words)))
    score = float(min(words, WORDS_CAP) - MIN_WORDS)
    score += PUNCT_BONUS * min(PUNCT_CAP, len(_PUNCT.findall(block.text)))
    if block.content:
        score += CONTENT_BONUS
    if ld_body and words >= 5 and fold(block.text)[:60] in ld_body:
        score += LD_BODY_BONUS
    if block.heading:
        score -= 5
    score *= 1 - density
    title = walk.title_index
    if title is not None and score > 0:
        if block.index < title:
            score *= BEFORE_TITLE_FACTOR
        elif block.index - title <= NEAR_TITLE_BLOCKS:
            score += NEAR_TITLE_BONUS
    return score


def select_body(walk: Walk, meta: PageMeta, rules: HtmlRules) -> list[Block]:
    """The body blocks in reading order (crossheads flagged), or [] when there is none."""
    blocks = walk.blocks
    ld_body = (
        fold(meta.article_body) if meta.article_body and len(meta.article_body) > 200 else None
    )
    for block in blocks:
        block.score = _score(block, walk, ld_body, rules)
    run = _best_run(blocks)
    if run is None:
        return []
    container = _container(blocks[run[0] : run[1] + 1])
    start, end = _extend(blocks, *run, walk.title_index, container)
    span = _segments_of_one_body(blocks[start : end + 1])
    return _refine(_drop_teaser_boxes(span, container), meta)


def _segments_of_one_body(run: list[Block]) -> list[Block]:
    """Cut the run at link lists (two or more link-only lines); keep the main segment
    and those whose paragraphs sit in the same elements as its own, so a list
    of links followed by a site blurb is not read as more body, while an "اقرأ أيضا"
    list between two halves of one body is stepped over."""
    segments: list[list[Block]] = [[]]
    links = 0
    for block in run:
        links = links + 1 if block.link_density > 0.8 else 0
        if links == 2:
            segments.append([])
        segments[-1].append(block)
    if len(segments) == 1:
        return run
    # The body follows its headline: the first segment that is not much weaker than the
    # strongest (half of it, set by hand on the written test pages) is the body.
    weights = [sum(b.score for b in seg if b.score > 0) for seg in segments]
    main = next(seg for seg, w in zip(segments, weights, strict=True) if w >= 0.5 * max(weights))
    homes = [_home(b) for b in main if b.score > 0]
    keep = [
        seg
        for seg in segments
        if seg is main or any(_parallel(_home(b), h) for b in seg if b.score > 0 for h in homes)
    ]
    return [b for seg in keep for b in seg]


def _parallel(a: etree._Element, b: etree._Element) -> bool:
    """The same element, or sibling elements of one kind (a body cut into several
    <div class="paragraph-block"> around an inline box)."""
    if a is b:
        return True
    return (
        a.getparent() is b.getparent()
        and a.tag == b.tag
        and (a.get("class") or "") == (b.get("class") or "")
    )


def _home(block: Block) -> etree._Element:
    """The element a paragraph sits in: a <p>'s parent, or the div holding bare text."""
    if block.tag in ("p", "h2", "h3", "h4", "h5", "h6", "blockquote", "li"):
        parent = block.owner.getparent()
        return parent if parent is not None else block.owner
    return block.owner


def _best_run(blocks: list[Block]) -> tuple[int, int] | None:
    """[start, end] of the contiguous blocks with the highest total score (Kadane)."""
    best, best_sum = None, 0.0
    start, acc = 0, 0.0
    for i, block in enumerate(blocks):
        if acc <= 0:
            start, acc = i, 0.0
        acc += block.score
        if acc > best_sum:
            best, best_sum = (start, i), acc
    return best


def _container(blocks: list[Block]) -> etree._Element | None:
    """The deepest element holding at least 80% of the positive text of the run (at least
    the element a paragraph sits in, so a one-paragraph run still has its siblings)."""
    weight: dict[etree._Element, int] = {}
    total = 0
    for block in blocks:
        if block.score > 0:
            total += block.chars
            home = _home(block)
            for el in (home, *home.iterancestors()):
                weight[el] = weight.get(el, 0) + block.chars
    holders = [el for el, w in weight.items() if w >= 0.8 * total]
    return max(holders, key=lambda el: sum(1 for _ in el.iterancestors())) if holders else None


def _extend(
    blocks: list[Block],
    start: int,
    end: int,
    title_index: int | None,
    container: etree._Element | None,
) -> tuple[int, int]:
    """Fit the run to its container: trim blocks outside it at either end (a related box
    with summaries right after the body), grow over further paragraphs inside it (past
    an inline box that cut the run)."""
    if container is None:
        return start, end

    def inside(block: Block) -> bool:
        return block.owner is container or container in block.owner.iterancestors()

    while start < end and not inside(blocks[start]):
        start += 1
    while end > start and not inside(blocks[end]):
        end -= 1
    j = end + 1
    while j < len(blocks) and inside(blocks[j]):
        if blocks[j].score > 0 or _sentence(blocks[j]):
            end = j
        j += 1
    floor = title_index + 1 if title_index is not None else 0
    j = start - 1
    while j >= floor and inside(blocks[j]):
        if blocks[j].score > 0 or _sentence(blocks[j]):
            start = j
        j -= 1
    return start, end


def _sentence(block: Block) -> bool:
    """A short paragraph that is still a sentence ("ولم يعلق الجيش على الحادث."): the
    body's last or first line is often one; the run's scores alone would leave it out."""
    return (
        len(block.text.split()) >= SENTENCE_MIN_WORDS
        and block.text.endswith(_SENTENCE_END)
        and block.link_density < 0.3
        and block.score > -20
        and not block.title
    )


#: A box inside the body is a teaser box ("شاهد أيضا": linked headlines with summaries)
#: when this share of its text is links and one of its lines is all link (tuned on the
#: test pages: teaser boxes 0.3-0.6, paragraphs with inline links under 0.15).
TEASER_BOX_LINK_SHARE = 0.25


def _drop_teaser_boxes(run: list[Block], container: etree._Element | None) -> list[Block]:
    """Leave out boxes of linked headlines with summary text inside the body container."""
    if container is None:
        return run
    groups: dict[etree._Element, list[Block]] = {}
    for block in run:
        top = _child_of(block.owner, container)
        if top is not None:
            groups.setdefault(top, []).append(block)
    drop: set[int] = set()
    for members in groups.values():
        chars = sum(b.chars for b in members)
        links = sum(b.link_chars for b in members)
        pure_link = any(b.link_density > 0.8 for b in members)
        if len(members) >= 2 and pure_link and links >= TEASER_BOX_LINK_SHARE * chars:
            drop.update(id(b) for b in members)
    return [b for b in run if id(b) not in drop]


def _child_of(el: etree._Element, container: etree._Element) -> etree._Element | None:
    """The ancestor-or-self of ``el`` that is a child of ``container`` (None: el is it)."""
    node = el
    while node is not None and node is not container:
        parent = node.getparent()
        if parent is container:
            return node
        node = parent
    return None


def _refine(run: list[Block], meta: PageMeta) -> list[Block]:
    """Drop teasers, chrome lines, date lines and bylines inside the run; flag crossheads."""
    kept: list[Block] = []
    seen: set[str] = set()
    for k, block in enumerate(run):
        text = block.text
        if block.title or block.score <= -20 or block.link_density > 0.5:
            continue
        if text in seen and len(text.split()) >= 5:
            continue  # a second copy of the story (a hidden mobile or ajax copy)
        seen.add(text)
        if text == meta.byline or _date_line(text) or image_caption(block):
            continue
        if block.tag == "li" and kept:
            # A bulleted point inside the body ("أبرز ما جاء في البيان:"): body, no crosshead.
            if block.link_density < 0.3 and len(text.split()) >= 3:
                kept.append(block)
        elif _crosshead(block):
            # A crosshead sits between paragraphs; a short line before the body or at its
            # end is a byline, a credit or a label instead.
            if kept and any(b.score > 0 and not _crosshead(b) for b in run[k + 1 : k + 4]):
                block.crosshead = True
                kept.append(block)
        elif block.score > 0 or _sentence(block):
            kept.append(block)
    return kept


def image_caption(block: Block) -> bool:
    """A short line right after an image in the same paragraph element: its caption."""
    return (
        block.after_img
        and len(block.text.split()) <= CAPTION_MAX_WORDS
        and not block.text.endswith((".", "!", "؟", "?"))
    )


def _crosshead(block: Block) -> bool:
    words = block.text.split()
    if not 1 <= len(words) <= CROSSHEAD_MAX_WORDS or block.text.endswith((":", "：", "،", ",")):
        return False
    if not any(ch.isalpha() for ch in block.text):
        return False
    if block.text.endswith((".", "!", "…")):
        return False  # a sentence, even when bold (a lede in <strong>), is no crosshead
    bold = block.bold_chars >= 0.8 * block.chars
    return block.heading or bold or not block.text.endswith(_SENTENCE_END)


def _date_line(text: str) -> bool:
    """A line that is mostly a date ("03 يونيو 2020", "الثلاثاء ١ / ١٢ / ٢٠٢٠ - 02:00")."""
    if len(text.split()) > 12:
        return False
    found = find_dates(text)
    return sum(m.end - m.start for m in found) >= 0.5 * len(text)
