"""Arabic full-text search on SQLite FTS5: analysed index, query parsing, ranked hits.

FTS5 splits words at harakat and folds nothing Arabic, so marsad feeds it text it has
already analysed (``marsad.arabic``: normalise, then light10-stem): ``title``/``body``
hold stems, ``title_exact``/``body_exact`` the unstemmed normalised words so that names
match exactly. Queries get the same analysis. Snippets are cut from the ORIGINAL text
(``snippets.py``), never from the analysed index.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..arabic.stopwords import STOPWORDS
from ..document import Article

#: Word characters of normalised text (normalisation already deleted harakat and tatweel).
WORD = re.compile(r"\w+")

#: Index columns, in table order (see migrations.m007_search_lead).
COLUMNS = ("title", "lead", "body", "title_exact", "body_exact")

#: Which columns a field name searches.
FIELDS = {"title": ("title", "title_exact"), "body": ("lead", "body", "body_exact")}

#: Columns a query of common words only is matched against (see COMMON_DF). Titles only:
#: with the lead too, "رئيس" still scored 20k of 62k articles.
HEADLINE = ("title", "title_exact")

#: A word in at least this many documents is "common": BM25 must score every document that
#: holds it (~3 us each on this machine), so 20k hits cost ~70 ms. Common words are dropped
#: when rarer words remain, or searched in titles only. Chosen for the 50 ms p95
#: search target on the 62k-article store (bench/load_test.py); ANT MRR@10 effect: see
#: bench/bench_search.py output in CHANGELOG.
COMMON_DF = 5000

#: Words of the body copied into ``lead``: news puts the story's gist first. Tuned on ANT
#: known-item search (400 dev titles, body columns only): no lead 0.646 MRR@10, a lead of
#: 50 words at weight 2: 0.677.
LEAD_WORDS = 50

#: bm25 weights in COLUMNS order. lead, body and body_exact were tuned on ANT known-item
#: search (bench/bench_search.py, 800 dev titles): (lead, body, body_exact) = (2, 1, 1)
#: 0.682, (3, 1, 1) 0.684, (4, 1, 1) 0.688, (6, 1, 1) 0.688, (4, 1, 0.5) 0.691 MRR@10.
#: Titles weigh like leads, and title_exact against title as body_exact against body, by
#: judgement (that benchmark cannot see titles: they are its queries).
WEIGHTS = (4.0, 4.0, 1.0, 2.0, 0.5)


class Analyser:
    """Normalise + light-stem words, remembering stems (one instance per index run)."""

    def __init__(self) -> None:
        from ..arabic.normalise import normalize
        from ..arabic.stem import light_stem

        self._normalize = normalize
        self._stem = light_stem
        self._stems: dict[str, str] = {}

    def normalize(self, text: str) -> str:
        return self._normalize(text)

    def words(self, text: str) -> list[str]:
        """Normalised words of ``text``."""
        return WORD.findall(self._normalize(text))

    def stem(self, word: str) -> str:
        """Light stem of one normalised word (never empty)."""
        found = self._stems.get(word)
        if found is None:
            found = self._stem(word) or word
            if len(self._stems) < 500_000:  # bound the memory a huge reindex can use
                self._stems[word] = found
        return found

    def fields(self, text: str) -> tuple[str, str]:
        """(stemmed, exact) index text of ``text``."""
        words = self.words(text)
        return " ".join(self.stem(w) for w in words), " ".join(words)


def _article_fields(article: Article, analyser: Analyser) -> tuple[str, ...]:
    body_parts = [p for p in (article.kicker, article.dek) if p]
    body_parts.extend(article.paragraphs)
    body_parts.extend(article.subheadings)
    body_parts.extend(article.captions)
    title_stem, title_exact = analyser.fields(article.title or "")
    body_stem, body_exact = analyser.fields("\n".join(body_parts))
    lead = " ".join(body_stem.split(" ", LEAD_WORDS)[:LEAD_WORDS])
    return title_stem, lead, body_stem, title_exact, body_exact


def index_article(
    db: sqlite3.Connection, article_id: int, article: Article, analyser: Analyser | None = None
) -> None:
    """Add one stored article to the search index (call in the transaction that saved it)."""
    values = _article_fields(article, analyser or Analyser())
    db.execute(
        "INSERT INTO search_fts (rowid, title, lead, body, title_exact, body_exact) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (article_id, *values),
    )


def reindex(db: sqlite3.Connection, rows: Iterable[tuple[int, Article]]) -> int:
    """Empty the index and fill it from ``rows`` (article id, Article); returns the count.

    Run inside one transaction: readers see the old index until it commits.
    """
    analyser = Analyser()
    db.execute("INSERT INTO search_fts (search_fts) VALUES ('delete-all')")
    count = 0
    for article_id, article in rows:
        values = _article_fields(article, analyser)
        db.execute(
            "INSERT INTO search_fts (rowid, title, lead, body, title_exact, body_exact) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (article_id, *values),
        )
        count += 1
    db.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
    return count


# -- queries ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """A user query: loose words, "quoted phrases" (required), -excluded words."""

    words: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()
    excluded: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.words or self.phrases)


_QUOTED = re.compile(r'"([^"]*)"?')


def parse_query(q: str, analyser: Analyser) -> ParsedQuery:
    """Split ``q`` into normalised words, phrases and exclusions (FTS syntax is not passed
    through: every user character is quoted before it reaches MATCH)."""
    phrases = []
    for match in _QUOTED.finditer(q):
        phrase = tuple(analyser.words(match.group(1)))
        if phrase:
            phrases.append(phrase)
    rest = _QUOTED.sub(" ", q)
    words: list[str] = []
    excluded: list[str] = []
    for chunk in rest.split():
        target = excluded if chunk.startswith("-") and len(chunk) > 1 else words
        target.extend(analyser.words(chunk))
    return ParsedQuery(tuple(words), tuple(phrases), tuple(excluded))


@dataclass(frozen=True, slots=True)
class SearchFilters:
    """Facet filters; None means no filter. Dates are ISO strings compared as text."""

    site: str | None = None
    section: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    entity: str | None = None
    event_type: str | None = None


def _columns(fields: Sequence[str], *, headline: bool = False) -> tuple[str, ...]:
    """Index columns behind ``fields``; ``headline`` keeps only title and lead columns."""
    chosen = {c for f in fields for c in FIELDS[f]}
    if headline:
        chosen &= set(HEADLINE)
    return tuple(c for c in COLUMNS if c in chosen)


def _phrase(words: Sequence[str], analyser: Analyser, columns: Sequence[str]) -> str:
    stem_cols = " ".join(c for c in columns if not c.endswith("_exact"))
    exact_cols = " ".join(c for c in columns if c.endswith("_exact"))
    parts = []
    if stem_cols:
        parts.append(f'{{{stem_cols}}} : "{" ".join(analyser.stem(w) for w in words)}"')
    if exact_cols:
        parts.append(f'{{{exact_cols}}} : "{" ".join(words)}"')
    return "(" + " OR ".join(parts) + ")"


DocFreq = Callable[[str], int]


def doc_freq(db: sqlite3.Connection) -> DocFreq:
    """Documents holding an index term, read from an fts5vocab table on this connection."""
    db.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab "
        "USING fts5vocab(main, search_fts, 'row')"
    )

    def lookup(term: str) -> int:
        row = db.execute("SELECT doc FROM temp.search_vocab WHERE term = ?", (term,)).fetchone()
        return int(row[0]) if row else 0

    return lookup


def match_expression(
    query: ParsedQuery,
    analyser: Analyser,
    *,
    fields: Sequence[str] = ("title", "body"),
    all_words: bool = False,
    df: DocFreq | None = None,
) -> str:
    """The FTS5 MATCH string for ``query`` ('' when nothing is left to search).

    Loose words are OR-ed (ranked by BM25, as Lucene does by default) unless ``all_words``;
    stopwords are dropped when other words remain, and so are common words (``df`` at least
    COMMON_DF) when rarer ones remain. A query of common words only searches titles.
    (Adding adjacent word pairs as phrase boosts was tried: ANT known-item MRR@10
    fell from 0.665 to 0.631, and queries slowed.)
    """
    words = list(dict.fromkeys(w for w in query.words if w not in STOPWORDS))
    words = words or list(dict.fromkeys(query.words))
    columns = _columns(fields)
    if df is not None and words and not all_words:
        rare = [w for w in words if df(analyser.stem(w)) < COMMON_DF]
        if rare:
            words = rare
        elif _columns(fields, headline=True):
            columns = _columns(fields, headline=True)
    parts = [_phrase((w,), analyser, columns) for w in words]
    loose = (" AND " if all_words else " OR ").join(parts)
    full = _columns(fields)
    required = [_phrase(p, analyser, full) for p in query.phrases]
    expr = " AND ".join(([f"({loose})"] if loose else []) + required)
    if expr and query.excluded:
        banned = " OR ".join(_phrase((w,), analyser, full) for w in query.excluded)
        expr = f"({expr}) NOT ({banned})"
    return expr


@dataclass(slots=True)
class SearchPage:
    """One page of ranked hits and, when asked for, facet counts over all hits."""

    total: int
    hits: list[dict[str, Any]]
    facets: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def filter_sql(filters: SearchFilters) -> tuple[str, list[Any]]:
    sql = ["a.is_latest = 1"]
    params: list[Any] = []
    if filters.site:
        sql.append("a.site = ?")
        params.append(filters.site)
    if filters.section:
        sql.append("a.section = ?")
        params.append(filters.section)
    if filters.date_from:
        sql.append("a.published >= ?")
        params.append(filters.date_from)
    if filters.date_to:
        sql.append("a.published < ?")  # date_to is inclusive of its whole day: see below
        params.append(filters.date_to + "\uffff")
    if filters.entity:
        sql.append(
            "EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id AND m.entity_id = ?)"
        )
        params.append(filters.entity)
    if filters.event_type:
        sql.append("EXISTS (SELECT 1 FROM events e WHERE e.article_id = a.id AND e.type = ?)")
        params.append(filters.event_type)
    return " AND ".join(sql), params


def _hits_cte(expr: str, filters: SearchFilters) -> tuple[str, list[Any]]:
    where, params = filter_sql(filters)
    weights = ", ".join(str(w) for w in WEIGHTS)
    sql = (
        f"WITH h AS (SELECT rowid AS id, bm25(search_fts, {weights}) AS score "
        f"FROM search_fts WHERE search_fts MATCH ?), "
        # CROSS JOIN keeps FTS the outer loop: SQLite would otherwise scan articles and
        # probe the index once per row (50 s instead of milliseconds).
        f"hits AS (SELECT a.id, a.title, a.site, a.section, a.published, a.url, h.score "
        f"FROM h CROSS JOIN articles a ON a.id = h.id WHERE {where})"
    )
    return sql, [expr, *params]


def run_search(
    db: sqlite3.Connection, expr: str, filters: SearchFilters, *, limit: int, offset: int
) -> tuple[int, list[dict[str, Any]]]:
    """(total, rows) for an FTS5 MATCH expression, best first."""
    if filters == SearchFilters():
        found = _unfiltered(db, expr, limit=limit, offset=offset)
        if found is not None:
            return found
    cte, params = _hits_cte(expr, filters)
    rows = db.execute(
        f"{cte} SELECT *, COUNT(*) OVER () AS total FROM hits ORDER BY score, id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    if rows:
        return int(rows[0]["total"]), [dict(r) for r in rows]
    if offset:
        total = db.execute(f"{cte} SELECT COUNT(*) FROM hits", params).fetchone()[0]
        return int(total), []
    return 0, []


#: Extra index hits read on the unfiltered path to make up for older article versions
#: still in the index (they are skipped; a page short of hits falls back to the join).
STALE_SLACK = 16


def _unfiltered(
    db: sqlite3.Connection, expr: str, *, limit: int, offset: int
) -> tuple[int, list[dict[str, Any]]] | None:
    """Rank inside FTS5 alone, then read only the page's articles: joining every hit to
    ``articles`` first costs 10x more on common words. None when stale versions ate the page."""
    weights = ", ".join(str(w) for w in WEIGHTS)
    want = limit + offset + STALE_SLACK
    ranked = db.execute(
        f"SELECT rowid, bm25(search_fts, {weights}) FROM search_fts WHERE search_fts MATCH ? "
        f"ORDER BY 2, 1 LIMIT ?",
        (expr, want),
    ).fetchall()
    ids = [r[0] for r in ranked]
    marks = ", ".join("?" * len(ids))
    # is_latest is checked here, not in SQL: "is_latest = 1 AND id IN" makes SQLite walk
    # the (is_latest, published) index over every latest article (8 ms instead of 0.2).
    rows = {
        r["id"]: dict(r)
        for r in db.execute(
            f"SELECT id, title, site, section, published, url, is_latest FROM articles "
            f"WHERE id IN ({marks})",
            ids,
        )
        if r["is_latest"]
    }
    hits = [{**rows[i], "score": score} for i, score in ranked if i in rows]
    for hit in hits:
        del hit["is_latest"]
    if len(hits) < limit + offset and len(ranked) == want:
        return None
    total = db.execute("SELECT COUNT(*) FROM search_fts WHERE search_fts MATCH ?", (expr,))
    count = int(total.fetchone()[0])
    if db.execute("SELECT 1 FROM articles WHERE is_latest = 0 LIMIT 1").fetchone():
        stale = db.execute(
            "SELECT COUNT(*) FROM articles WHERE is_latest = 0 AND id IN "
            "(SELECT rowid FROM search_fts WHERE search_fts MATCH ?)",
            (expr,),
        )
        count -= int(stale.fetchone()[0])
    return count, hits[offset : offset + limit]


#: Facet name -> SQL over the ``hits`` CTE giving (value, label, count) rows.
FACET_SQL = {
    "site": "SELECT site, site, COUNT(*) FROM hits WHERE site IS NOT NULL "
    "GROUP BY site ORDER BY 3 DESC LIMIT 20",
    "section": "SELECT section, section, COUNT(*) FROM hits WHERE section IS NOT NULL "
    "GROUP BY section ORDER BY 3 DESC LIMIT 20",
    "month": "SELECT substr(published, 1, 7), substr(published, 1, 7), COUNT(*) FROM hits "
    "WHERE published IS NOT NULL GROUP BY 1 ORDER BY 1 LIMIT 240",
    "event_type": "SELECT e.type, e.type, COUNT(DISTINCT e.article_id) FROM hits "
    "JOIN events e ON e.article_id = hits.id GROUP BY e.type ORDER BY 3 DESC LIMIT 20",
    "entity": "SELECT m.entity_id, COALESCE(en.name, m.entity_id), COUNT(DISTINCT m.article_id) "
    "FROM hits JOIN mentions m ON m.article_id = hits.id "
    "LEFT JOIN entities en ON en.id = m.entity_id WHERE m.entity_id IS NOT NULL "
    "GROUP BY m.entity_id ORDER BY 3 DESC LIMIT 15",
}


def run_facets(
    db: sqlite3.Connection, expr: str, filters: SearchFilters
) -> dict[str, list[dict[str, Any]]]:
    cte, params = _hits_cte(expr, filters)
    out = {}
    for name, sql in FACET_SQL.items():
        rows = db.execute(f"{cte} {sql}", params).fetchall()
        out[name] = [{"value": r[0], "label": r[1], "count": r[2]} for r in rows]
    return out


def rebuild_index(db: sqlite3.Connection) -> int:
    """Re-analyse every latest article version into a fresh index; returns the count."""
    import json

    rows = db.execute("SELECT id, data FROM articles WHERE is_latest = 1 ORDER BY id")
    return reindex(db, ((r[0], Article.from_dict(json.loads(r[1]))) for r in rows))
