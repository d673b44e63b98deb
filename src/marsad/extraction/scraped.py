"""Scraped-text extraction: a page dumped to text, chrome and all, into an Article.

The dump is a sequence of blocks (lines). Each block is classified as title, kicker,
dek, body, subheading, caption or chrome:

1. the body is the run of paragraph-like blocks with the most text, allowing short
   gaps (crossheads, captions, a stray widget) between paragraphs;
2. above it, the title is the headline-like block that repeats the page's first line
   (dumps start with the HTML <title>), else the nearest headline-like block; a
   headline-like block right above the title is the kicker, a sentence right below
   it the dek; dates, bylines, credits and breadcrumbs are read on the way;
3. inside the body, short blocks without final punctuation are crossheads (kept in
   the body and listed as subheadings); longer ones, or ones with a photo credit or
   a caption cue, are captions.
Text is kept as published except NBSP and runs of spaces, which become one space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from ..document import Article, Dateline, RawPage
from ..settings import Settings
from .dateline import DatelineParser
from .language import detect_language
from .lexicon import ChromeLexicon

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000\ufeff]+")
_TERMINAL = tuple('.!?؟:…»"”)')
_COUNTER = re.compile(r"^[\d٠-٩۰-۹.,٫٬%°CcKkMm+\-\s]+$")
#: A photo credit closing a block marks it as a caption: "(رويترز)", "(أرشيفية)".
_CREDIT = re.compile(
    r"\((?:رويترز|أ ?ف ?ب|ا ف ب|أ\.ف\.ب|أ ب|د ب أ|إ ب أ|غيتي|أرشيفية"
    r"|Getty|AFP|Reuters|AP|EPA)[^)]*\)\s*$"
)
_CAPTION_CUES = ("لدى ", "خلال ", "أثناء ", "اثناء ", "تصوير", "الصورة", "صورة ", "أرشيفية", "(")
_BYLINE = re.compile(r"^(?:بقلم|كتب|كتبت|تقرير|إعداد|اعداد)[:\s]")
_SECTION_IN = re.compile(r"^في\s+(\S+(?:\s\S+)?)$")
#: "گروه : یزد » یزد", "الرئيسية > عربي > سياسة": a label, then items joined by » > ›.
_BREADCRUMB = re.compile(r"^(?:[^:»>›]{1,20}:\s*)?([^:»>›]{1,30}(?:\s*[»>›]\s*[^:»>›]{1,30})+)$")

#: Tuned on the seed and the four dev dumps: body paragraphs there have >= 9 words;
#: nav items, headlines and teaser titles end without final punctuation and, with rare
#: exceptions, have fewer than 18 words.
_PARA_MIN_WORDS = 9
_PARA_UNPUNCTUATED_WORDS = 18
#: Most non-paragraph blocks that may sit between two body paragraphs (crosshead +
#: caption + a stray widget line); larger gaps end the body.
_MAX_GAP = 3
#: How many blocks above the headline may hold its date line (the Persian dev page
#: has it 8 blocks up, after the news code and section lines).
_DATE_LOOKBACK = 10
#: Crossheads are short; seen 2-5 words on the dev pages.
_SUBHEAD_MAX_WORDS = 7


@dataclass(slots=True)
class Block:
    index: int
    text: str
    words: int = 0
    chrome: bool = False

    @property
    def terminal(self) -> bool:
        return self.text.endswith(_TERMINAL)


@dataclass(slots=True)
class _Head:
    """What was read above (and around) the body."""

    title: str | None = None
    kicker: str | None = None
    dek: str | None = None
    byline: str | None = None
    section: str | None = None
    published: datetime | None = None
    dateline: Dateline = field(default_factory=Dateline)
    captions: list[str] = field(default_factory=list)


def clean_line(line: str) -> str:
    """NBSP and runs of spaces become one space; nothing else changes."""
    return _SPACES.sub(" ", line).strip()


class ScrapedExtractor:
    """Holds the lexicons; ``extract`` turns one text dump into an Article."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.chrome = ChromeLexicon.load("scraped_chrome.txt")
        self.datelines = DatelineParser.load()

    def blocks(self, text: str) -> list[Block]:
        out: list[Block] = []
        for line in text.splitlines():
            cleaned = clean_line(line)
            if cleaned:
                words = len(cleaned.split())
                out.append(Block(len(out), cleaned, words, self._is_chrome(cleaned, words)))
        return out

    def _is_chrome(self, text: str, words: int) -> bool:
        if _COUNTER.match(text):
            return True
        if self.chrome.matches(text, words):
            return True
        # Single Latin tokens ("Poll", "X", "DAMMAM") are widgets in an Arabic page.
        return words <= 2 and not any("\u0600" <= c <= "\u06ff" for c in text)

    def is_paragraph(self, block: Block) -> bool:
        if block.chrome or block.words < _PARA_MIN_WORDS or _CREDIT.search(block.text):
            return False
        return block.terminal or block.words >= _PARA_UNPUNCTUATED_WORDS

    def body_span(self, blocks: list[Block]) -> tuple[int, int] | None:
        """[first, last] block indexes of the densest run of paragraphs."""
        best: tuple[int, int] | None = None
        best_chars = 0
        start = last = -1
        chars = 0
        for block in blocks:
            if not self.is_paragraph(block):
                continue
            if start >= 0 and block.index - last - 1 <= _MAX_GAP:
                last = block.index
                chars += len(block.text)
            else:
                start = last = block.index
                chars = len(block.text)
            if chars > best_chars:
                best, best_chars = (start, last), chars
        return best

    def extract(
        self, text: str, *, url: str | None = None, reference: date | None = None
    ) -> Article:
        blocks = self.blocks(text)
        span = self.body_span(blocks)
        if span is None:
            return Article(url=url, language=detect_language(text))
        first, last = span
        if first > 0 and _is_page_title(blocks[first].text, blocks[0].text):
            first += 1  # the headline itself opened the run of long blocks
        head = self._read_head(blocks, first, reference)
        paragraphs, subheadings, captions = self._read_body(blocks[first : last + 1])
        self._read_tail(blocks[last + 1 :], head)
        if paragraphs:
            dateline, rest = self.datelines.split(paragraphs[0])
            if dateline.source or dateline.place:
                head.dateline = dateline
                paragraphs[0] = rest
                if not rest:
                    paragraphs.pop(0)
        return Article(
            title=head.title,
            kicker=head.kicker,
            dek=head.dek,
            paragraphs=paragraphs,
            captions=head.captions + captions,
            subheadings=subheadings,
            byline=head.byline,
            dateline=head.dateline,
            published=head.published,
            section=head.section,
            language=detect_language(" ".join(paragraphs)),
            url=url,
        )

    # -- body ------------------------------------------------------------------------

    def _read_body(self, blocks: list[Block]) -> tuple[list[str], list[str], list[str]]:
        paragraphs: list[str] = []
        subheadings: list[str] = []
        captions: list[str] = []
        for block in blocks:
            if self.is_paragraph(block):
                paragraphs.append(block.text)
            elif block.chrome or _looks_like_date(block):
                continue
            elif _is_caption(block):
                captions.append(block.text)
            elif block.words <= _SUBHEAD_MAX_WORDS and not block.terminal:
                paragraphs.append(block.text)
                subheadings.append(block.text)
            else:
                paragraphs.append(block.text)
        return paragraphs, subheadings, captions

    # -- above the body --------------------------------------------------------------

    def _read_head(self, blocks: list[Block], first: int, reference: date | None) -> _Head:
        head = _Head()
        above = blocks[:first]
        page_title = blocks[0].text if blocks and first > 0 else ""
        title_at = self._find_title(above, page_title)
        if title_at is None:
            return head
        for block in above[title_at + 1 :]:
            self._read_meta(block, head, reference)
        if head.published is None:
            # Some templates print the date line just above the headline.
            for block in reversed(above[max(0, title_at - _DATE_LOOKBACK) : title_at]):
                if _looks_like_date(block):
                    head.published = _parse_date(block.text, reference)
                    break
        head.title = above[title_at].text
        head.kicker = self._find_kicker(above, title_at)
        head.section = _breadcrumb_section(above[max(0, title_at - 8) :])
        head.dek = self._find_dek(above[title_at + 1 :], head)
        return head

    def _find_title(self, above: list[Block], page_title: str) -> int | None:
        candidates = [b for b in above if _headline_like(b) and b.index > 0]
        for block in reversed(candidates):
            if _is_page_title(block.text, page_title):
                return block.index
        # Nearest headline above the body, skipping what reads as a byline or credit.
        for block in reversed(candidates[-6:]):
            if block.words >= 4 and not _BYLINE.match(block.text) and " - " not in block.text:
                return block.index
        return None

    def _find_kicker(self, above: list[Block], title_at: int) -> str | None:
        title = above[title_at].text
        i = title_at - 1
        while i >= 0 and above[i].text == title:
            i -= 1
        if i < 0:
            return None
        block = above[i]
        if (
            _headline_like(block)
            and block.words >= 4
            and not _BYLINE.match(block.text)
            and not _BREADCRUMB.match(block.text)
        ):
            return block.text
        return None

    def _find_dek(self, below_title: list[Block], head: _Head) -> str | None:
        for block in below_title:
            if block.chrome:
                return None
            if block.text == head.title or block.text in head.captions:
                continue
            if _looks_like_date(block) or _BYLINE.match(block.text) or " - " in block.text:
                continue
            if block.words >= 8 and not _is_caption(block):
                return block.text
        return None

    def _read_meta(self, block: Block, head: _Head, reference: date | None) -> None:
        """Dates, bylines, credits, breadcrumbs and captions between title and body."""
        if head.published is None and _looks_like_date(block):
            head.published = _parse_date(block.text, reference)
            return
        dateline, rest = self.datelines.split(block.text)
        if (dateline.source or dateline.place) and not rest:
            head.dateline = dateline
            return
        if _BYLINE.match(block.text) and head.byline is None:
            head.byline = block.text
        elif _is_caption(block) and block.text not in head.captions and block.words >= 5:
            head.captions.append(block.text)

    def _read_tail(self, below: list[Block], head: _Head) -> None:
        for block in below:
            match = _SECTION_IN.match(block.text)
            if match and head.section is None and block.words <= 3:
                head.section = match.group(1)


def _breadcrumb_section(blocks: list[Block]) -> str | None:
    """The last breadcrumb near the headline, without its "home" item."""
    for block in reversed(blocks):
        match = _BREADCRUMB.match(block.text)
        if match:
            items = [i.strip() for i in re.split(r"[»>›]", match.group(1)) if i.strip()]
            if items and items[0] in ("الرئيسية", "Home", "خانه"):
                items = items[1:]
            return " > ".join(items) or None
    return None


def _is_page_title(text: str, page_title: str) -> bool:
    """The dump's first line is the HTML <title>: the headline, often plus " - site"."""
    return bool(page_title) and (text == page_title or page_title.startswith(text + " "))


def _headline_like(block: Block) -> bool:
    return (
        not block.chrome
        and 2 <= block.words <= 30
        and not block.text.endswith((".", ":", "،"))
        and not _looks_like_date(block)
    )


def _is_caption(block: Block) -> bool:
    if _CREDIT.search(block.text):
        return True
    if block.terminal or block.words <= _SUBHEAD_MAX_WORDS:
        return False
    return any(cue in block.text for cue in _CAPTION_CUES) or block.words < _PARA_MIN_WORDS * 2


def _looks_like_date(block: Block) -> bool:
    return block.words <= 8 and _parse_date(block.text, None) is not None


def _parse_date(text: str, reference: date | None) -> datetime | None:
    from .dates import parse_date

    return parse_date(text, reference=reference)


def extract_scraped(
    page: RawPage, settings: Settings, extractor: ScrapedExtractor | None = None
) -> Article:
    """RawPage of kind "text" -> Article; ``extractor``: one to reuse across pages (its
    lexicons loaded once), made here when None."""
    from .decode import decode_text

    text = decode_text(page.content[: settings.max_page_bytes])
    extractor = extractor or ScrapedExtractor(settings)
    return extractor.extract(text, url=page.url, reference=settings.reference_date)
