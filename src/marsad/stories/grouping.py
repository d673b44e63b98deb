"""Group copies into stories: exact duplicates by content hash, near-duplicates by MinHash LSH.

Two articles are in one story when a chain of verified copy pairs joins them. A pair is a
candidate when it shares an LSH band (or its content hash); it is a copy when its shingle
sets pass ``is_copy``. In process the candidates come from datasketch's MinHashLSH; the
Spark job buckets the same ``band_keys``; both then call ``is_copy`` and ``components``,
so both give the same stories.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from .fingerprint import Fingerprint, StoryParams, new_minhash


@dataclass(slots=True)
class Stories:
    """key -> story id, and for each story its member keys (sorted)."""

    story_of: dict[str, str] = field(default_factory=dict)
    members: dict[str, list[str]] = field(default_factory=dict)
    #: Verified copy pairs (a, b) with a < b and their similarity (overlap coefficient).
    edges: dict[tuple[str, str], float] = field(default_factory=dict)

    def related(self, key: str) -> list[str]:
        """The other copies of ``key``'s story (empty when it has none)."""
        story = self.story_of.get(key)
        return [k for k in self.members.get(story or "", []) if k != key]


def lsh_ranges(params: StoryParams) -> list[tuple[int, int]]:
    """The (start, end) slices of the signature that datasketch's LSH bands use."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=params.lsh_threshold, num_perm=params.num_perm)
    return [(int(a), int(b)) for a, b in lsh.hashranges]


def band_keys(fp: Fingerprint, ranges: Sequence[tuple[int, int]]) -> list[str]:
    """Bucket keys: one per LSH band, plus the content hash (exact copies always meet)."""
    keys = [f"h:{fp.content_hash}"]
    if fp.hashvalues:
        for i, (start, end) in enumerate(ranges):
            band = ",".join(str(v) for v in fp.hashvalues[start:end])
            keys.append(f"b{i}:{band}")
    return keys


def is_copy(a: Fingerprint, b: Fingerprint, params: StoryParams) -> float | None:
    """Similarity (overlap of the smaller shingle set) when a and b are copies, else None."""
    if a.content_hash == b.content_hash:
        return 1.0
    if not a.shingles or not b.shingles:
        return None
    inter = len(a.shingles & b.shingles)
    if inter < params.min_shared:
        return None
    overlap = inter / min(len(a.shingles), len(b.shingles))
    jaccard = inter / (len(a.shingles) + len(b.shingles) - inter)
    if overlap >= params.min_overlap and jaccard >= params.min_jaccard:
        return round(overlap, 4)
    return None


def story_id(keys: Iterable[str]) -> str:
    """A stable id: the same members give the same id in every run and on every machine."""
    return "s" + hashlib.sha1(min(keys).encode("utf-8")).hexdigest()[:16]


def components(keys: Iterable[str], edges: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """Connected components (union-find) -> story id -> sorted member keys."""
    parent: dict[str, str] = {k: k for k in keys}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for k in parent:
        groups.setdefault(find(k), []).append(k)
    return {story_id(m): sorted(m) for m in groups.values()}


def candidate_pairs(fps: Sequence[Fingerprint], params: StoryParams) -> Iterator[tuple[int, int]]:
    """Index pairs (i < j) that share an LSH band or a content hash (datasketch MinHashLSH)."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=params.lsh_threshold, num_perm=params.num_perm)
    by_hash: dict[str, list[int]] = {}
    for j, fp in enumerate(fps):
        found: set[int] = set(by_hash.get(fp.content_hash, []))
        if fp.hashvalues:
            mh = new_minhash(params, fp.hashvalues)
            found.update(lsh.query(mh))
            lsh.insert(j, mh, check_duplication=False)
        by_hash.setdefault(fp.content_hash, []).append(j)
        for i in sorted(found):
            yield i, j


def group_stories(fps: Sequence[Fingerprint], params: StoryParams) -> Stories:
    """Stories of a batch of fingerprints (keys must be unique)."""
    edges: dict[tuple[str, str], float] = {}
    for i, j in candidate_pairs(fps, params):
        sim = is_copy(fps[i], fps[j], params)
        if sim is not None:
            a, b = sorted((fps[i].key, fps[j].key))
            edges[(a, b)] = sim
    return build_stories([fp.key for fp in fps], edges)


def build_stories(keys: Iterable[str], edges: dict[tuple[str, str], float]) -> Stories:
    members = components(keys, edges)
    story_of = {k: sid for sid, ks in members.items() for k in ks}
    return Stories(story_of=story_of, members=members, edges=edges)
