"""Scoring extraction against the gold of shared/data/extraction/dev (format in its README).

Body: bag-of-tokens precision/recall/F1 (tokens split on whitespace after removing Arabic
diacritics, tatweel and punctuation; the metric of trafilatura's and ScrapingHub's
benchmarks). Title: exact after whitespace normalisation. Date: ``published_date`` equal.
Leaks: each ``must_exclude`` string found anywhere in the extracted output counts once.
"""

from __future__ import annotations

import json
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from ..arabic.diacritics import strip_diacritics
from ..document import Article, RawPage
from ..errors import MarsadError
from ..settings import Settings


@dataclass(slots=True)
class PageScore:
    """One page's scores; ``date_ok`` is None when the gold has no publication date."""

    page_id: str
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    title_ok: bool = False
    date_ok: bool | None = None
    leaks: list[str] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0


def tokens(text: str) -> list[str]:
    """Whitespace tokens after removing diacritics, tatweel and punctuation."""
    text = strip_diacritics(text)
    text = "".join(" " if ch.isspace() else ch for ch in text if not _is_punct(ch))
    return text.split()


def _is_punct(ch: str) -> bool:
    return unicodedata.category(ch).startswith("P")


def token_prf(predicted: str, gold: str) -> tuple[float, float, float]:
    """Bag-of-tokens precision, recall and F1 of ``predicted`` against ``gold``."""
    pred, ref = Counter(tokens(predicted)), Counter(tokens(gold))
    common = sum((pred & ref).values())
    if not pred or not ref:
        return (1.0, 1.0, 1.0) if not pred and not ref else (0.0, 0.0, 0.0)
    p, r = common / sum(pred.values()), common / sum(ref.values())
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def norm_ws(text: str | None) -> str:
    return " ".join((text or "").split())


def leaks(output: str, must_exclude: Iterable[str]) -> list[str]:
    """The ``must_exclude`` strings present in ``output`` (whitespace-normalised)."""
    flat = norm_ws(output)
    return [s for s in must_exclude if norm_ws(s) and norm_ws(s) in flat]


def article_output(article: Article) -> str:
    """Every text field an extractor hands on: where a leak would show."""
    parts = [article.title, article.kicker, article.dek, article.byline]
    parts += article.paragraphs + article.captions
    return "\n".join(p for p in parts if p)


def score_page(
    gold: dict[str, Any],
    *,
    body: str,
    title: str | None,
    published: datetime | None,
    output: str,
) -> PageScore:
    """Scores of one extractor's output on one gold page (used by the benchmark too)."""
    p, r, f1 = token_prf(body, "\n".join(gold.get("body_paragraphs") or []))
    gold_date = gold.get("published_date")
    date_ok = None
    if gold_date:
        date_ok = published is not None and published.date().isoformat() == gold_date
    return PageScore(
        page_id=gold["page_id"],
        precision=p,
        recall=r,
        f1=f1,
        title_ok=norm_ws(title) == norm_ws(gold.get("title")),
        date_ok=date_ok,
        leaks=leaks(output, gold.get("must_exclude") or []),
    )


def load_gold(path: Path) -> list[tuple[dict[str, Any], Path]]:
    """(gold record, dataset root) for each gold/<page_id>.json under ``path``.

    ``path`` is the dataset folder (holding gold/, pages/, scraped/) or its gold/ folder.
    """
    gold_dir = path / "gold" if (path / "gold").is_dir() else path
    files = sorted(gold_dir.glob("*.json"))
    if not files:
        raise MarsadError(f"{path}: no gold/*.json files; pass the dataset folder")
    return [(json.loads(f.read_text("utf-8")), gold_dir.parent) for f in files]


def evaluate(
    path: Path, *, scraped: bool = False, settings: Settings | None = None
) -> list[PageScore]:
    """Score marsad on every gold page under ``path`` (HTML pages, or scraped/ dumps)."""
    from ..extraction import ArticleExtractor

    # The product's own dispatch: kind "html" -> extract_html, "text" -> extract_scraped.
    extract = ArticleExtractor((settings or Settings()).with_(kind=None))
    scores = []
    for gold, root in load_gold(path):
        page_id = gold["page_id"]
        file = root / "scraped" / f"{page_id}.txt" if scraped else root / gold["page_file"]
        page = RawPage(
            content=file.read_bytes(),
            url=gold.get("url"),
            kind="text" if scraped else "html",
            origin=str(file),
        )
        start = time.process_time()
        try:
            article = extract(page)
        except MarsadError as exc:
            scores.append(PageScore(page_id=page_id, error=str(exc)))
            continue
        seconds = time.process_time() - start
        score = score_page(
            gold,
            body="\n".join(article.paragraphs),
            title=article.title,
            published=article.published,
            output=article_output(article),
        )
        score.seconds = seconds
        scores.append(score)
    return scores


def summarize(scores: list[PageScore]) -> dict[str, float | int | None]:
    """Means over pages: P/R/F1, title and date accuracy, total leaks, errors."""
    n = len(scores) or 1
    dated = [s.date_ok for s in scores if s.date_ok is not None]
    return {
        "pages": len(scores),
        "precision": sum(s.precision for s in scores) / n,
        "recall": sum(s.recall for s in scores) / n,
        "f1": sum(s.f1 for s in scores) / n,
        "title_accuracy": sum(s.title_ok for s in scores) / n,
        "date_accuracy": (sum(dated) / len(dated)) if dated else None,
        "leaks": sum(len(s.leaks) for s in scores),
        "errors": sum(1 for s in scores if s.error),
    }


def to_json(scores: list[PageScore]) -> dict[str, Any]:
    return {"pages": [asdict(s) for s in scores], "mean": summarize(scores)}
