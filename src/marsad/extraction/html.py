"""HTML page -> Article: the main text without chrome, and the metadata around it.

How the body is found, for templates never seen before: the page becomes a flat list of
text blocks (``blocks.walk_blocks``, chrome subtrees by tag/class left out); each block is
scored for "paragraph-ness" (words, sentence punctuation, link density, being inside an
articleBody/content container or the JSON-LD articleBody, coming after the headline);
the body is the contiguous run of blocks with the highest total score (a maximum-sum
subarray, so a short crosshead or an ad slot between paragraphs does not cut the body),
extended by further paragraphs in the same container; inside it, link-heavy teasers,
chrome phrases and date lines are dropped and short bold/heading lines become crossheads.
"""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import urlsplit

from lxml import etree

from ..document import Article, Dateline, RawPage
from ..errors import ExtractionError
from ..settings import Settings
from .blocks import Block, HtmlRules, Walk, class_words, fold, text_of, walk_blocks
from .dateline import DatelineParser
from .dates import find_dates, parse_date
from .decode import decode_html
from .language import detect_language
from .metadata import PageMeta, read_page_meta, split_authors

RULES = HtmlRules.load()
DATELINES = DatelineParser.load()

#: Score constants, tuned by hand on the example pages in tests/extraction/pages and the
#: four dev pages (shared/data/extraction/dev) together; see ``_score``.
MIN_WORDS = 10  # blocks shorter than this count against the body run
PUNCT_BONUS = 3  # per sentence/clause mark, up to PUNCT_CAP marks
PUNCT_CAP = 4
CONTENT_BONUS = 10  # inside itemprop=articleBody or a content-classed container
LD_BODY_BONUS = 15  # the block's text is in the JSON-LD articleBody
BEFORE_TITLE_FACTOR = 0.3  # bodies follow their headline
CROSSHEAD_MAX_WORDS = 15
TITLE_MAX_WORDS = 40  # longer "headlines" are markup errors (Arabic headlines: 5-20 words)
_PUNCT = re.compile(r"[.،,؛;:!?؟»]+")  # a run ("...", "؟!") counts once
_SENTENCE_END = (".", "!", "?", "؟", "…", "»", '"', ")", ".»")


def extract_html(page: RawPage, settings: Settings) -> Article:
    """The Article in an HTML page; ExtractionError when there is none (binary, empty)."""
    where = page.origin or page.url or "input"
    content = page.content[: settings.max_page_bytes]
    if not content.strip():
        raise ExtractionError(f"{where}: the page is empty")
    text = decode_html(content, page.headers)
    if _looks_binary(text):
        raise ExtractionError(f"{where}: not an HTML page (binary content)")
    root = _parse(text, where)
    calendar = "solar_hijri" if (root.get("lang") or "").lower().startswith("fa") else None
    meta = read_page_meta(root, page.url, home_words=RULES.home_words, calendar=calendar)
    title, title_el = _choose_title(root, meta)
    protected = _protected(root, title_el)
    walk = walk_blocks(root, RULES, title_el=title_el, protected=protected)
    body = _body(walk, meta)
    if sum(len(b.text) for b in body) < 200:
        # Class rules may have removed the article itself (an unusual template): try without.
        retry = walk_blocks(root, RULES, title_el=title_el, protected=protected, drop_classes=False)
        retry_body = _body(retry, meta)
        if sum(len(b.text) for b in retry_body) > sum(len(b.text) for b in body):
            walk, body = retry, retry_body
    body = _ld_body_blocks(root, meta, body)
    if not body and not title:
        raise ExtractionError(f"{where}: no article text found (not a news article page?)")
    return _assemble(root, walk, body, meta, title, title_el, calendar, page)


def _ld_body_blocks(root: etree._Element, meta: PageMeta, body: list[Block]) -> list[Block]:
    """Paragraphs of the JSON-LD articleBody, for pages whose HTML carries no body (the
    text is rendered by script) while their structured data does."""
    text = meta.article_body or ""
    if len(text) < 400 or len(text) < 2 * sum(len(b.text) for b in body):
        return body
    paras = [_norm(line) for line in text.splitlines() if line.strip()]
    return [
        Block(
            index=-1,
            text=p,
            tag="p",
            owner=root,
            chars=len(p),
            link_chars=0,
            bold_chars=0,
            heading=False,
            content=True,
            title=False,
            score=1.0,
        )
        for p in paras
    ]


def _looks_binary(text: str) -> bool:
    sample = text[:20_000]
    bad = sum(1 for ch in sample if ch < "\x09" or "\x0e" <= ch < "\x20" or ch == "\ufffd")
    return bad > 0.05 * len(sample)


def _parse(text: str, where: str) -> etree._Element:
    parser = etree.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True
    )
    try:
        root = etree.fromstring(text.encode("utf-8", errors="replace"), parser)
    except (etree.ParserError, ValueError) as exc:
        raise ExtractionError(f"{where}: HTML could not be parsed ({exc})") from None
    if root is None:
        raise ExtractionError(f"{where}: the page has no HTML content")
    return root


def _protected(root: etree._Element, title_el: etree._Element | None) -> set[etree._Element]:
    """Elements never dropped as chrome: around the headline and the articleBody."""
    keep: set[etree._Element] = set()
    anchors = [title_el] if title_el is not None else []
    anchors += root.xpath(".//*[@itemprop='articleBody']")[:1]
    for anchor in anchors:
        keep.add(anchor)
        keep.update(anchor.iterancestors())
    return keep


def _norm(text: str) -> str:
    return " ".join(text.split())


def _choose_title(root: etree._Element, meta: PageMeta) -> tuple[str | None, etree._Element | None]:
    """The headline as shown: an <h1> the meta titles confirm, else the one plausible <h1>
    (an SEO og:title may differ from it), else the meta title without the site name."""
    h1s = [(el, _heading_text(el)) for el in root.iter("h1")]
    # An <h1> of more than TITLE_MAX_WORDS words swallowed the page (an unclosed tag).
    h1s = [(el, t) for el, t in h1s if t and len(t.split()) <= TITLE_MAX_WORDS]
    metas = [_norm(t) for t in meta.titles]
    for el, text in h1s:
        if text in metas:
            return text, el
    for el, text in h1s:
        if len(text.split()) >= 3 and any(text in t for t in metas):
            return text, el
    # Three words at least: a one- or two-word <h1> is a logo or a section name.
    plausible = [(el, t) for el, t in h1s if len(t.split()) >= 3 and t != meta.site]
    in_article = [(el, t) for el, t in plausible if _in_article(el)]
    if in_article or plausible:
        el, text = (in_article or plausible)[0]
        return text, el
    if metas:
        title = _strip_site(metas[0], meta.site)
        for el in root.iter("h2", "h3"):
            if _heading_text(el) == title:
                return title, el
        return title, None
    return None, None


def _heading_text(el: etree._Element) -> str:
    """A heading's text; a <br> inside it separates words."""
    parts: list[str] = []
    for node in el.iter():
        if node is not el and node.tag == "br":
            parts.append(" ")
        if node.text and isinstance(node.tag, str) and node.tag not in ("script", "style"):
            parts.append(node.text)
        if node is not el and node.tail:
            parts.append(node.tail)
    return _norm("".join(parts))


def _in_article(el: etree._Element) -> bool:
    return any(a.tag in ("article", "main") for a in el.iterancestors())


def _strip_site(title: str, site: str | None) -> str:
    """ "Headline - Site" (or "Site | Headline") -> "Headline"; a dash inside the headline
    itself ("القاهرة - أ ف ب") stays when the other part is not the site name."""
    for sep in (" | ", " - ", " – ", " — ", " :: ", " « ", " » "):
        if sep not in title:
            continue
        head, tail = (part.strip() for part in title.rsplit(sep, 1))
        first, rest = (part.strip() for part in title.split(sep, 1))
        if site and (tail in site or site in tail):
            return head
        if site and (first in site or site in first):
            return rest
        if not site and len(tail.split()) <= 4 and len(head.split()) >= 3:
            return head
    return title


def _score(block: Block, walk: Walk, ld_body: str | None) -> float:
    """How much a block looks like article body (positive) or chrome (negative)."""
    if block.title:
        return 0.0
    words = len(block.text.split())
    if RULES.is_chrome_text(block.text):
        return -20.0
    density = block.link_density
    if density > 0.5:
        return -float(min(30, max(5, words)))
    score = float(words - MIN_WORDS)
    score += PUNCT_BONUS * min(PUNCT_CAP, len(_PUNCT.findall(block.text)))
    if block.content:
        score += CONTENT_BONUS
    if ld_body and words >= 5 and fold(block.text)[:60] in ld_body:
        score += LD_BODY_BONUS
    if block.heading:
        score -= 5
    score *= 1 - density
    if walk.title_index is not None and block.index < walk.title_index and score > 0:
        score *= BEFORE_TITLE_FACTOR
    return score


def _body(walk: Walk, meta: PageMeta) -> list[Block]:
    """The body blocks in reading order (crossheads flagged), or [] when there is none."""
    blocks = walk.blocks
    ld_body = (
        fold(meta.article_body) if meta.article_body and len(meta.article_body) > 200 else None
    )
    for block in blocks:
        block.score = _score(block, walk, ld_body)
    run = _best_run(blocks)
    if run is None:
        return []
    container = _container(blocks[run[0] : run[1] + 1])
    start, end = _extend(blocks, *run, walk.title_index, container)
    span = blocks[start : end + 1]
    return _refine(_drop_teaser_boxes(span, container), meta)


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
    """The deepest element holding at least 80% of the positive text of the run."""
    weight: dict[etree._Element, int] = {}
    total = 0
    for block in blocks:
        if block.score > 0:
            total += block.chars
            for el in (block.owner, *block.owner.iterancestors()):
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
        if blocks[j].score > 0:
            end = j
        j += 1
    floor = title_index + 1 if title_index is not None else 0
    j = start - 1
    while j >= floor and inside(blocks[j]):
        if blocks[j].score > 0:
            start = j
        j -= 1
    return start, end


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
    for k, block in enumerate(run):
        text = block.text
        if block.title or block.score <= -20 or block.link_density > 0.5:
            continue
        if text == meta.byline or _date_line(text):
            continue
        if _crosshead(block):
            # A crosshead sits between paragraphs; a short line before the body or at its
            # end is a byline, a credit or a label instead.
            if kept and any(b.score > 0 and not _crosshead(b) for b in run[k + 1 : k + 4]):
                block.crosshead = True
                kept.append(block)
        elif block.score > 0 or (len(text.split()) >= 4 and text.endswith(_SENTENCE_END)):
            kept.append(block)
    return kept


def _crosshead(block: Block) -> bool:
    words = block.text.split()
    if not 1 <= len(words) <= CROSSHEAD_MAX_WORDS or block.text.endswith((":", "：", "،", ",")):
        return False
    if not any(ch.isalpha() for ch in block.text):
        return False
    bold = block.bold_chars >= 0.8 * block.chars
    return block.heading or bold or not block.text.endswith(_SENTENCE_END)


def _date_line(text: str) -> bool:
    """A line that is mostly a date ("03 يونيو 2020", "الثلاثاء ١ / ١٢ / ٢٠٢٠ - 02:00")."""
    if len(text.split()) > 12:
        return False
    found = find_dates(text)
    return sum(m.end - m.start for m in found) >= 0.5 * len(text)


def _assemble(
    root: etree._Element,
    walk: Walk,
    body: list[Block],
    meta: PageMeta,
    title: str | None,
    title_el: etree._Element | None,
    calendar: str | None,
    page: RawPage,
) -> Article:
    paragraphs = [b.text for b in body]
    dek = _beside_title(title_el, RULES.dek_words, following=True)
    if dek and paragraphs and fold(paragraphs[0]) == fold(dek):
        paragraphs.pop(0)
    dateline, paragraphs = _split_dateline(paragraphs, meta.byline)
    language = detect_language(" ".join(paragraphs[:6]) or title or "") or _lang(meta.lang)
    byline = meta.byline or _visible_byline(root, title_el) or _byline_line(walk, body)
    return Article(
        title=title,
        kicker=_beside_title(title_el, RULES.kicker_words, following=False),
        dek=dek,
        paragraphs=paragraphs,
        captions=_captions(walk, body, title),
        subheadings=[b.text for b in body if b.crosshead],
        byline=byline,
        authors=list(meta.authors) or (split_authors(byline) if byline else []),
        dateline=dateline,
        published=meta.published
        or _visible_date(walk, body, calendar, page)
        or _dated_element(root, title_el, calendar, page),
        updated=meta.updated,
        section=meta.section,
        site=meta.site or _host(page.url),
        language=language,
        url=meta.url or page.url,
        origin=page.origin,
        fetched=page.fetched,
    )


def _split_dateline(paragraphs: list[str], byline: str | None) -> tuple[Dateline, list[str]]:
    """Dateline off the first paragraph; else a credit byline "(أبوظبي - البيان)"."""
    if paragraphs:
        dateline, rest = DATELINES.split(paragraphs[0])
        if dateline.source or dateline.place:
            return dateline, ([rest.strip()] if rest.strip() else []) + paragraphs[1:]
    if byline:
        dateline, rest = DATELINES.split(byline)
        if not rest.strip():
            return dateline, paragraphs
    return Dateline(), paragraphs


def _beside_title(
    title_el: etree._Element | None, words: frozenset[str], *, following: bool
) -> str | None:
    """A dek (after the headline) or kicker (before it) marked by its class, or an <h2> dek."""
    if title_el is None:
        return None
    for anchor in (title_el, title_el.getparent()):
        if anchor is None:
            continue
        siblings = anchor.itersiblings(preceding=not following)
        for sib, _ in zip(siblings, range(3), strict=False):
            if not isinstance(sib.tag, str):
                continue
            text = _norm(text_of(sib))
            marked = bool(class_words(sib) & words) or any(
                class_words(d) & words for d in sib.iterchildren()
            )
            heading = following and sib.tag in ("h2", "h3")
            if text and (marked or heading) and 2 <= len(text.split()) <= 80:
                return text
            if len(text.split()) > 80:
                break
    return None


def _captions(walk: Walk, body: list[Block], title: str | None) -> list[str]:
    """Captions between the headline and the end of the body, once each."""
    if not body:
        return []
    low = walk.title_index if walk.title_index is not None else body[0].index - 3
    high = body[-1].index + 1
    out: list[str] = []
    for index, text in walk.captions:
        if low <= index <= high and len(text.split()) >= 2 and text != title and text not in out:
            out.append(text)
    return out


def _visible_byline(root: etree._Element, title_el: etree._Element | None) -> str | None:
    scope = title_el.getparent() if title_el is not None else None
    scope = scope.getparent() if scope is not None and scope.getparent() is not None else root
    for el in scope.iter():
        if isinstance(el.tag, str) and class_words(el) & RULES.byline_words:
            text = _norm(text_of(el))
            if text and len(text.split()) <= 8 and not any(c.isdigit() for c in text):
                return text
    return None


_BYLINE_LINE = re.compile(r"^(?:كتب|كتبت|بقلم|إعداد|اعداد|تقرير|تحرير|by)\s*[:：]?\s+\S", re.I)


def _byline_line(walk: Walk, body: list[Block]) -> str | None:
    """A "كتب: فلان" line between the headline and the body (cut before any date)."""
    if not body or body[0].index < 0:
        return None
    low = walk.title_index if walk.title_index is not None else max(0, body[0].index - 5)
    for block in walk.blocks[low : body[0].index]:
        if _BYLINE_LINE.match(block.text):
            dates = find_dates(block.text)
            text = block.text[: dates[0].start] if dates else block.text
            text = text.strip(" ،,|-–")
            if 2 <= len(text.split()) <= 8:
                return text
    return None


def _visible_date(
    walk: Walk, body: list[Block], calendar: str | None, page: RawPage
) -> datetime | None:
    """A date shown near the headline (or just after the body) when no metadata gives one."""
    if not body:
        return None
    first, last = body[0].index, body[-1].index
    low = walk.title_index if walk.title_index is not None else max(0, first - 8)
    region = walk.blocks[low:first] + walk.blocks[last + 1 : last + 9]
    reference = page.fetched.date() if page.fetched else None
    for block in region:
        value = parse_date(block.text, calendar=calendar, reference=reference)
        if value is not None:
            return value
    return None


def _dated_element(
    root: etree._Element, title_el: etree._Element | None, calendar: str | None, page: RawPage
) -> datetime | None:
    """Last resort: an element whose class names a date ("date", "time", "publish"), the
    first after the headline, e.g. in a toolbar the chrome rules left out of the blocks."""
    query = ".//*[contains(@class,'date') or contains(@class,'time') or contains(@class,'publish')]"
    candidates = root.xpath(query)
    if not candidates:
        return None
    if title_el is not None:
        order = {el: i for i, el in enumerate(root.iter())}
        at = order.get(title_el, 0)
        candidates.sort(key=lambda el: (order.get(el, 0) < at, abs(order.get(el, 0) - at)))
    reference = page.fetched.date() if page.fetched else None
    for el in candidates[:20]:
        value = parse_date(_norm(text_of(el)), calendar=calendar, reference=reference)
        if value is not None:
            return value
    return None


def _lang(value: str | None) -> str | None:
    return value.split("-")[0].lower() if value else None


def _host(url: str | None) -> str | None:
    host = urlsplit(url or "").hostname
    return host.removeprefix("www.") if host else None
