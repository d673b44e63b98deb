"""`marsad eval linking`: mention clusters from the linking stage against hand-made gold.

Gold (see tests/linking/gold/README.md): pages whose text marks ``[[surface|TYPE|cluster]]``
(mentions given to linking, as a recogniser would) and ``{{surface|TYPE|cluster}}`` (role-only
references linking must find itself). Scores:

- B-cubed precision/recall/F1 of the clusters within each page (micro over mentions) and over
  the whole collection after every page went through a temporary store (cross-article);
- references: precision/recall of the role-only references found;
- ids: share of mentions whose gold cluster is a canonical id (iso:/gn:/gov:) that got it.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..document import Article, Dateline, Mention
from ..errors import MarsadError

_MARK = re.compile(r"\[\[(.+?)\|([A-Z]+)\|(.+?)\]\]|\{\{(.+?)\|([A-Z]+)\|(.+?)\}\}")
_CANONICAL = ("iso:", "gn:", "gov:")


@dataclass(slots=True)
class GoldPage:
    id: str
    article: Article
    #: (start, end) -> (cluster, given): given mentions go to linking, the others it must find.
    gold: dict[tuple[int, int], tuple[str, bool]] = field(default_factory=dict)


def _unmark(raw: str, offset: int, page: GoldPage) -> str:
    out, last = [], 0
    pos = offset
    for m in _MARK.finditer(raw):
        out.append(raw[last : m.start()])
        pos += m.start() - last
        given = m.group(1) is not None
        surface, kind, cluster = m.group(1, 2, 3) if given else m.group(4, 5, 6)
        page.gold[(pos, pos + len(surface))] = (cluster, given)
        if given:
            page.article.mentions.append(Mention(pos, pos + len(surface), kind))
        out.append(surface)
        pos += len(surface)
        last = m.end()
    out.append(raw[last:])
    return "".join(out)


def read_gold(path: Path) -> list[GoldPage]:
    """Pages of a gold JSONL file, their marks turned into Mentions and gold clusters."""
    pages = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise MarsadError(f"cannot read the linking gold {path}: {exc}") from exc
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            page = GoldPage(rec["id"], Article(origin=f"gold:{rec['id']}"))
            page.article.dateline = Dateline(place=rec.get("dateline"))
            parts, offset = [], 0
            for raw in [rec["title"], *rec["paragraphs"]]:
                parts.append(_unmark(raw, offset, page))
                offset += len(parts[-1]) + 2
        except (ValueError, KeyError, TypeError) as exc:
            raise MarsadError(f"{path}:{n}: not a linking gold page ({exc}); see README") from exc
        page.article.title, page.article.paragraphs = parts[0], parts[1:]
        pages.append(page)
    return pages


def b_cubed(gold: dict[Any, str], pred: dict[Any, str]) -> tuple[float, float, float]:
    """B-cubed P/R/F1 over the items of ``gold`` (items missing from ``pred`` are singletons)."""
    g_members: dict[str, set[Any]] = defaultdict(set)
    p_members: dict[str, set[Any]] = defaultdict(set)
    for item, label in gold.items():
        g_members[label].add(item)
        p_members[pred.get(item) or f"\0{item}"].add(item)
    p_sum = r_sum = 0.0
    for item, label in gold.items():
        g = g_members[label]
        p = p_members[pred.get(item) or f"\0{item}"]
        common = len(g & p)
        p_sum += common / len(p)
        r_sum += common / len(g)
    n = len(gold) or 1
    prec, rec = p_sum / n, r_sum / n
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def evaluate(path: Path) -> dict[str, Any]:
    """Link every gold page (and store it in a temporary store); return the scores."""
    from ..factory import build_stage
    from ..settings import Settings
    from ..store import open_store

    pages = read_gold(path)
    stage = build_stage("linking", Settings())
    local_gold: dict[Any, str] = {}
    local_pred: dict[Any, str] = {}
    coll_gold: dict[Any, str] = {}
    coll_pred: dict[Any, str] = {}
    refs = {"gold": 0, "found": 0, "right": 0}
    ids = {"total": 0, "right": 0}
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "eval.db") as store:
        for page in pages:
            article = stage(page.article)
            local = _predicted(article)
            with store.transaction():
                store.save_article(article)
            stored = _predicted(article)
            for span, (cluster, _given) in page.gold.items():
                key = (page.id, span)
                local_gold[key] = f"{page.id}/{cluster}"
                local_pred[key] = f"{page.id}/{local[span]}" if local.get(span) else ""
                coll_gold[key], coll_pred[key] = cluster, stored.get(span, "")
                if cluster.startswith(_CANONICAL):
                    ids["total"] += 1
                    ids["right"] += stored.get(span) == cluster
            _count_refs(page, article, refs)
    return _scores(local_gold, local_pred, coll_gold, coll_pred, refs, ids, len(pages))


def _predicted(article: Article) -> dict[tuple[int, int], str]:
    return {(m.start, m.end): m.entity_id or "" for m in article.mentions}


def _count_refs(page: GoldPage, article: Article, refs: dict[str, int]) -> None:
    """Role-only references: found (mentions linking added), gold, and right (same entity
    as the given mentions of their gold cluster)."""
    given = {span for span, (_, g) in page.gold.items() if g}
    wanted = {span: c for span, (c, g) in page.gold.items() if not g}
    pred = _predicted(article)
    found = {span: ent for span, ent in pred.items() if span not in given}
    members: dict[str, set[str]] = defaultdict(set)
    for span in given:
        members[page.gold[span][0]].add(pred.get(span, ""))
    refs["gold"] += len(wanted)
    refs["found"] += len(found)
    refs["right"] += sum(1 for span, c in wanted.items() if found.get(span) in members[c])


def _scores(
    local_gold: dict[Any, str],
    local_pred: dict[Any, str],
    coll_gold: dict[Any, str],
    coll_pred: dict[Any, str],
    refs: dict[str, int],
    ids: dict[str, int],
    pages: int,
) -> dict[str, Any]:
    def prf(p: float, r: float, f: float) -> dict[str, float]:
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}

    rp = refs["right"] / refs["found"] if refs["found"] else 0.0
    rr = refs["right"] / refs["gold"] if refs["gold"] else 0.0
    return {
        "pages": pages,
        "mentions": len(local_gold),
        "within_article": prf(*b_cubed(local_gold, local_pred)),
        "cross_article": prf(*b_cubed(coll_gold, coll_pred)),
        "references": prf(rp, rr, 2 * rp * rr / (rp + rr) if rp + rr else 0.0),
        "canonical_ids": {
            "accuracy": round(ids["right"] / ids["total"], 4) if ids["total"] else 0.0,
            "support": ids["total"],
        },
    }
