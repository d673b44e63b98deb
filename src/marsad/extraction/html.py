"""HTML page -> Article: the main text without chrome, and the metadata around it.

Decode (``decode``), parse with lxml, read what the page says about itself (``metadata``:
JSON-LD, OpenGraph, microdata), pick the headline, flatten the page into text blocks with
chrome subtrees left out (``blocks``), choose the body among them (``body``), then gather
what surrounds it: kicker and dek beside the headline, captions, byline, the dateline off
the first paragraph (``dateline``), and a visible date when the metadata gives none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlsplit

from lxml import etree

from ..document import Article, Dateline, RawPage
from ..errors import ExtractionError
from ..settings import Settings
from .blocks import Block, HtmlRules, Walk, class_words, fold, text_of, walk_blocks
from .body import image_caption, select_body
from .dateline import DatelineParser
from .dates import find_dates, parse_date
from .decode import decode_html
from .language import detect_language
from .metadata import PageMeta, plausible_update, read_page_meta, split_authors

RULES = HtmlRules.load()
DATELINES = DatelineParser.load()

_BINARY_CHARS = re.compile("[\x00-\x08\x0e-\x1f\ufffd]")
#: A body shorter than this (one short sentence) may mean the class rules removed the
#: article itself: walk again without them and keep that result when it is over three
#: times longer. Higher values
#: let a genuine two-line brief be replaced by comments or a sidebar.
RETRY_BELOW_CHARS = 100
TITLE_MAX_WORDS = 40  # longer "headlines" are markup errors (Arabic headlines: 5-20 words)


@dataclass(frozen=True, slots=True)
class _When:
    """How to read dates on this page: a bare year's calendar, and the day relative days
    ("اليوم", "أمس") count from (Settings.reference_date, else the fetch date; else none)."""

    calendar: str | None
    reference: date | None


def extract_html(page: RawPage, settings: Settings) -> Article:
    """The Article in an HTML page; ExtractionError when there is none (binary, empty)."""
    where = page.origin or page.url or "input"
    content = page.content[: settings.max_page_bytes]
    if not content or content.isspace():
        raise ExtractionError(f"{where}: the page is empty")
    text = decode_html(content, page.headers)
    if _looks_binary(text):
        raise ExtractionError(f"{where}: not an HTML page (binary content)")
    root = _parse(text, where)
    calendar = "solar_hijri" if (root.get("lang") or "").lower().startswith("fa") else None
    meta = read_page_meta(
        root, page.url, home_words=RULES.home_words, calendar=calendar, places=DATELINES.places
    )
    title, title_el = _choose_title(root, meta)
    protected = _protected(root, title_el)
    walk = walk_blocks(root, RULES, title_el=title_el, protected=protected)
    body = select_body(walk, meta, RULES)
    if sum(len(b.text) for b in body) < RETRY_BELOW_CHARS:
        # Class rules may have removed the article itself (an unusual template): try without.
        retry = walk_blocks(root, RULES, title_el=title_el, protected=protected, drop_classes=False)
        retry_body = select_body(retry, meta, RULES)
        if sum(len(b.text) for b in retry_body) > 3 * sum(len(b.text) for b in body):
            walk, body = retry, retry_body
    body = _ld_body_blocks(root, meta, body)
    if not body and not title:
        raise ExtractionError(f"{where}: no article text found (not a news article page?)")
    fetched = page.fetched.date() if page.fetched else None
    when = _When(calendar=calendar, reference=settings.reference_date or fetched)
    return _assemble(root, walk, body, meta, title, title_el, when, page)


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
    """Over 5% control or replacement characters: no HTML page looks like that."""
    sample = text[:20_000]
    return len(_BINARY_CHARS.findall(sample)) > 0.05 * len(sample)


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


def _assemble(
    root: etree._Element,
    walk: Walk,
    body: list[Block],
    meta: PageMeta,
    title: str | None,
    title_el: etree._Element | None,
    when: _When,
    page: RawPage,
) -> Article:
    paragraphs = [b.text for b in body]
    dek = _beside_title(title_el, RULES.dek_words, following=True) or _lede(walk, body)
    if dek and paragraphs and fold(paragraphs[0]) == fold(dek):
        paragraphs.pop(0)
    dateline, paragraphs = _split_dateline(paragraphs, [_credit_line(walk, body), meta.byline])
    language = detect_language(" ".join(paragraphs[:6]) or title or "") or _lang(meta.lang)
    byline = meta.byline or _byline_line(walk, body) or _visible_byline(root, title_el)
    published = (
        meta.published or _visible_date(walk, body, when) or _dated_element(root, title_el, when)
    )
    return Article(
        title=title,
        kicker=_beside_title(title_el, RULES.kicker_words, following=False),
        dek=dek,
        paragraphs=paragraphs,
        captions=_captions(walk, body, title),
        subheadings=[b.text for b in body if b.crosshead],
        byline=byline,
        authors=list(meta.authors) or (split_authors(byline, DATELINES.places) if byline else []),
        dateline=dateline,
        published=published,
        updated=meta.updated
        or plausible_update(published, _visible_update(walk, body, when.calendar)),
        section=meta.section,
        site=meta.site or _host(page.url),
        language=language,
        url=meta.url or page.url,
        origin=page.origin,
        fetched=page.fetched,
    )


def _credit_line(walk: Walk, body: list[Block]) -> str | None:
    """A credit alone on the line before the body ("بيروت - الشرق اليوم"), which the body
    rules leave out as too short to be a paragraph."""
    if not body or body[0].index < 1:
        return None
    before = walk.blocks[body[0].index - 1]
    if before.title or len(before.text.split()) > 8:
        return None
    return before.text if _credit(before.text)[0] is not None else None


def _credit(text: str) -> tuple[Dateline | None, str]:
    """A line that is only a credit ("(أبوظبي - البيان)", "بيروت - الشرق اليوم"): the
    dateline parser wants a dash or colon after a source that ends a paragraph head."""
    for candidate in (text, text + " -"):
        dateline, rest = DATELINES.split(candidate)
        if (dateline.place or dateline.source) and not rest.strip():
            return dateline, text
    return None, text


def _split_dateline(paragraphs: list[str], credits: list[str | None]) -> tuple[Dateline, list[str]]:
    """Dateline off the first paragraph; else from a credit line ("(أبوظبي - البيان)")."""
    if paragraphs:
        dateline, rest = DATELINES.split(paragraphs[0])
        if dateline.source or dateline.place:
            return dateline, ([rest.strip()] if rest.strip() else []) + paragraphs[1:]
    for credit in credits:
        found = _credit(credit)[0] if credit else None
        if found is not None:
            return found, paragraphs
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
            # An unmarked <h2> after the headline is a dek only when it reads like one
            # (a sentence-long standfirst, not "الأكثر قراءة" heading a sidebar list).
            heading = following and sib.tag in ("h2", "h3") and len(text.split()) >= 5
            if text and (marked or heading) and _standalone_text(sib, text):
                return text
            if len(text.split()) > 80:
                break
    return None


def _lede(walk: Walk, body: list[Block]) -> str | None:
    """A standfirst set apart between the headline and the body: a paragraph-like block
    the body's container left outside (unmarked, so not found beside the headline)."""
    if walk.title_index is None or not body or body[0].index < 0:
        return None
    for block in walk.blocks[walk.title_index + 1 : body[0].index]:
        words = len(block.text.split())
        sentence = block.text.endswith((".", "؟", "!")) or words >= 15
        if block.score > 0 and words >= 8 and sentence and not image_caption(block):
            return block.text
    return None


def _standalone_text(el: etree._Element, text: str) -> bool:
    """Text fit for a kicker or dek: 2-80 words, not chrome, not mostly links."""
    if not 2 <= len(text.split()) <= 80 or RULES.is_chrome_text(text):
        return False
    links = sum(len(_norm(text_of(a))) for a in el.iter("a"))
    return links < 0.5 * len(text)


def _captions(walk: Walk, body: list[Block], title: str | None) -> list[str]:
    """Captions between the headline and the end of the body, once each."""
    if not body:
        return []
    low = walk.title_index if walk.title_index is not None else body[0].index - 3
    high = body[-1].index + 1
    found = list(walk.captions)
    found += [(b.index, b.text) for b in walk.blocks[max(low, 0) : high] if image_caption(b)]
    out: list[str] = []
    for index, text in sorted(found):
        if low <= index <= high and len(text.split()) >= 2 and text != title and text not in out:
            out.append(text)
    return out


def _visible_byline(root: etree._Element, title_el: etree._Element | None) -> str | None:
    """The text of a byline-classed element near the headline (not an author bio box)."""
    scope = title_el.getparent() if title_el is not None else None
    scope = scope.getparent() if scope is not None and scope.getparent() is not None else root
    for el in scope.iter():
        if not isinstance(el.tag, str):
            continue
        words = class_words(el)
        if words & RULES.byline_words and not words & RULES.chrome_words:
            text = _norm(" ".join(el.itertext()))
            if text and len(text.split()) <= 6 and not any(c.isdigit() for c in text):
                return text
    return None


_BYLINE_LINE = re.compile(
    r"(?:^|[|·•،]\s*)((?:كتب|كتبت|بقلم|إعداد|اعداد|تقرير|تحرير|by)\s*[:：]?\s+[^|·•،]+)", re.I
)


def _byline_line(walk: Walk, body: list[Block]) -> str | None:
    """A "كتب: فلان" line (or part of a line) between the headline and the body."""
    if not body or body[0].index < 0:
        return None
    low = walk.title_index if walk.title_index is not None else max(0, body[0].index - 5)
    for block in walk.blocks[low : body[0].index]:
        match = _BYLINE_LINE.search(block.text)
        if match:
            rest = block.text[match.start(1) :]
            dates = find_dates(rest)
            text = rest[: dates[0].start] if dates else rest
            text = re.split(r"[|·•،]", text)[0].strip(" ،,|-–")
            if 2 <= len(text.split()) <= 8:
                return text
    return None


def _visible_date(walk: Walk, body: list[Block], when: _When) -> datetime | None:
    """A date shown near the headline (or just after the body) when no metadata gives one."""
    if not body:
        return None
    first, last = body[0].index, body[-1].index
    low = walk.title_index if walk.title_index is not None else max(0, first - 8)
    region = walk.blocks[low:first] + walk.blocks[last + 1 : last + 9]
    for block in region:
        found = find_dates(block.text, calendar=when.calendar, reference=when.reference)
        label = _UPDATED.search(block.text)
        if label:  # the date right after "آخر تحديث:" is not the publication date
            after = [m for m in found if m.start >= label.end()]
            found = [m for m in found if not after or m is not after[0]]
        if found:
            return found[0].value
    return None


_UPDATED = re.compile(r"(?:آخر تحديث|اخر تحديث|تم التحديث|تحديث|updated|به‌روزرسانی)\s*[:：]?", re.I)


def _visible_update(walk: Walk, body: list[Block], calendar: str | None) -> datetime | None:
    """The date after an "آخر تحديث:" label between the headline and the body."""
    if not body or body[0].index < 0:
        return None
    low = walk.title_index if walk.title_index is not None else max(0, body[0].index - 8)
    for block in walk.blocks[low : body[0].index]:
        match = _UPDATED.search(block.text)
        if match:
            return parse_date(block.text[match.end() :], calendar=calendar)
    return None


def _dated_element(
    root: etree._Element, title_el: etree._Element | None, when: _When
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
    for el in candidates[:20]:
        value = parse_date(_norm(text_of(el)), calendar=when.calendar, reference=when.reference)
        if value is not None:
            return value
    return None


def _lang(value: str | None) -> str | None:
    return value.split("-")[0].lower() if value else None


def _host(url: str | None) -> str | None:
    host = urlsplit(url or "").hostname
    return host.removeprefix("www.") if host else None
