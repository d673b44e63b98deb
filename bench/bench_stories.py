"""Near-duplicate grouping: precision and recall on syndicated copies built from SaudiNewsNet.

    python bench/bench_stories.py [--split dev|test] [--bases 300] [--distractors 1500] [--html]

The set is built at run time from ../shared/data/corpora/saudinewsnet (never stored in the
repository). Each base article is kept as published and copied 1-4 times onto invented
sites: other chrome (each site adds its own lines, or, with --html, its own page template
that the real extractor must strip), an edited headline, trailing or middle paragraphs cut,
a paragraph added, words edited, spelling and digit variants. Distractors are other
articles, each alone. The pool is first cleaned of the corpus's own copies (wire stories
printed by several papers) with a test independent of the one measured: articles sharing
three word 8-grams. Days 1-9 are the dev split (used to tune StoryParams), days 10-18 test.
Scores are pairwise: a pair is positive when both articles are in one true story.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
import zipfile
from collections.abc import Iterator
from itertools import combinations
from pathlib import Path

from marsad.document import Article, RawPage
from marsad.stories import StoryParams, fingerprint, group_stories

CORPUS = Path(__file__).resolve().parents[1].parent / "shared/data/corpora/saudinewsnet/dataset"

#: Invented sites and the chrome lines each one leaks into its articles (our own text).
SITES: dict[str, list[str]] = {
    "wire-one.example": ["تابعونا على حساباتنا في مواقع التواصل الاجتماعي", "اقرأ أيضا"],
    "akhbar-alyawm.example": ["جميع الحقوق محفوظة لصحيفة أخبار اليوم", "شارك هذا الخبر"],
    "almarsad-news.example": ["للاشتراك في النشرة البريدية اضغط هنا", "الأكثر قراءة"],
    "sada-alkhaleej.example": ["حمّل تطبيقنا على هاتفك", "أخبار ذات صلة"],
    "nabd-alwatan.example": ["مصدر الصورة: أرشيف الموقع", "تعليقات القراء تعبر عن آرائهم"],
    "alraed.example": ["اضغط هنا لمتابعة آخر الأخبار العاجلة", "إعلان"],
}
HEADLINE_PREFIXES = ["عاجل: ", "بالصور: ", "شاهد: ", "تقرير: "]
ADDED_PARAGRAPHS = [
    "وكانت مصادر مطلعة قد تحدثت في وقت سابق عن هذا الأمر دون أن تقدم تفاصيل إضافية.",
    "ويأتي ذلك في سياق تطورات متلاحقة تشهدها المنطقة خلال الأسابيع الأخيرة.",
    "ولم يتسن لنا الحصول على تعليق فوري من الجهات المعنية حتى ساعة نشر الخبر.",
]
_SPELLING = str.maketrans({"أ": "ا", "إ": "ا", "ة": "ه", "ى": "ي"})
_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def load_pool(split: str) -> list[dict[str, str]]:
    days = sorted(CORPUS.glob("*.zip"))
    chosen = days[:9] if split == "dev" else days[9:]
    pool = []
    for path in chosen:
        with zipfile.ZipFile(path) as zf:
            for name in zf.namelist():
                for rec in json.loads(zf.read(name)):
                    paras = [p.strip() for p in (rec.get("content") or "").split("\n")]
                    paras = [p for p in paras if len(p) > 20]
                    if len(paras) >= 2 and sum(map(len, paras)) >= 300 and rec.get("title"):
                        pool.append({"title": rec["title"], "paras": paras, "site": rec["source"]})
    return pool


def drop_corpus_copies(pool: list[dict], rng: random.Random) -> list[dict]:
    """Keep articles sharing fewer than three word 8-grams with any article kept before."""
    rng.shuffle(pool)
    seen: set[str] = set()
    kept = []
    for rec in pool:
        words = re.findall(r"\w+", " ".join(rec["paras"]))
        grams = {" ".join(words[i : i + 8]) for i in range(len(words) - 7)}
        if len(grams & seen) < 3:
            kept.append(rec)
            seen |= grams
    return kept


def edit_headline(title: str, paras: list[str], rng: random.Random) -> str:
    words = title.split()
    choice = rng.random()
    if choice < 0.3:
        return rng.choice(HEADLINE_PREFIXES) + title
    if choice < 0.55 and len(words) > 4:
        return " ".join(words[: max(3, len(words) - 2)])
    if choice < 0.8:
        return " ".join(paras[0].split()[:9])  # the lead sentence as headline
    return title.translate(_SPELLING)


def edit_paragraphs(paras: list[str], rng: random.Random) -> list[str]:
    out = list(paras)
    if len(out) >= 3 and rng.random() < 0.5:  # trim the tail: up to a third
        out = out[: len(out) - rng.randint(1, max(1, len(out) // 3))]
    if len(out) >= 4 and rng.random() < 0.3:  # drop one middle paragraph
        del out[rng.randrange(1, len(out) - 1)]
    if rng.random() < 0.4:
        out.insert(rng.randint(1, len(out)), rng.choice(ADDED_PARAGRAPHS))
    if rng.random() < 0.5:  # edit words in one paragraph: drop about one in ten
        i = rng.randrange(len(out))
        out[i] = " ".join(w for w in out[i].split() if rng.random() > 0.1)
    if rng.random() < 0.3:
        out = [p.translate(_SPELLING).translate(_DIGITS) for p in out]
    return out


def copies(base: dict, n: int, rng: random.Random) -> Iterator[tuple[str, str, list[str]]]:
    for site in rng.sample(sorted(SITES), n):
        paras = edit_paragraphs(base["paras"], rng)
        if rng.random() < 0.5:
            paras = paras + rng.sample(SITES[site], rng.randint(1, 2))
        yield site, edit_headline(base["title"], base["paras"], rng), paras


def build(split: str, bases: int, distractors: int, seed: int) -> list[tuple[str, Article]]:
    """[(true story label, article)]."""
    rng = random.Random(seed)
    pool = drop_corpus_copies(load_pool(split), rng)
    if len(pool) < bases + distractors:
        sys.exit(f"pool has {len(pool)} articles; ask for fewer")
    items = []
    for b, base in enumerate(pool[:bases]):
        items.append((f"t{b}", _article(base["site"], base["title"], base["paras"], f"{b}.0")))
        for c, (site, title, paras) in enumerate(copies(base, rng.randint(1, 4), rng), 1):
            items.append((f"t{b}", _article(site, title, paras, f"{b}.{c}")))
    for d, rec in enumerate(pool[bases : bases + distractors]):
        items.append((f"d{d}", _article(rec["site"], rec["title"], rec["paras"], f"d{d}")))
    rng.shuffle(items)
    return items


def _article(site: str, title: str, paras: list[str], ident: str) -> Article:
    return Article(
        title=title,
        paragraphs=paras,
        site=site,
        origin=f"syn:{ident}",
        url=f"https://{site}/{ident}",
    )


def via_html(items: list[tuple[str, Article]]) -> list[tuple[str, Article]]:
    """Render each copy in its site's page template and extract it again (real chrome)."""
    from marsad.factory import load_pipeline

    pipeline = load_pipeline(stages=())
    out = []
    for label, art in items:
        chrome = SITES.get(art.site or "", ["الرئيسية", "اتصل بنا"])
        nav = "".join(f"<li><a href='/s{i}'>{c}</a></li>" for i, c in enumerate(chrome))
        body = "".join(f"<p>{p}</p>" for p in art.paragraphs)
        html = (
            f"<html lang='ar' dir='rtl'><head><title>{art.title} | {art.site}</title></head>"
            f"<body><header><nav><ul>{nav}</ul></nav></header><main><article>"
            f"<h1>{art.title}</h1>{body}</article></main><aside><h3>{chrome[-1]}</h3>"
            f"<ul>{nav}</ul></aside><footer>{chrome[0]}</footer></body></html>"
        )
        page = RawPage(
            html.encode(),
            url=art.url,
            origin=art.origin,
            kind="html",
            headers={"content-type": "text/html; charset=utf-8"},
        )
        result = pipeline.safe_call(page)
        if isinstance(result, Article):
            result.site = art.site
            out.append((label, result))
        else:
            print(f"extraction failed: {result.origin}: {result.reason}", file=sys.stderr)
    return out


def score(items: list[tuple[str, Article]], params: StoryParams) -> dict[str, float]:
    t0 = time.perf_counter()
    fps = [fingerprint(a, params) for _, a in items]
    stories = group_stories(fps, params)
    seconds = time.perf_counter() - t0
    truth = {a.origin: label for label, a in items}
    true_pairs = _pairs(_groups(truth))
    pred_pairs = _pairs(stories.members.values())
    tp = len(true_pairs & pred_pairs)
    precision = tp / len(pred_pairs) if pred_pairs else 1.0
    recall = tp / len(true_pairs) if true_pairs else 1.0
    return {
        "articles": len(items),
        "true_pairs": len(true_pairs),
        "predicted_pairs": len(pred_pairs),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "seconds": round(seconds, 2),
    }


def _groups(label_of: dict[str, str]) -> list[list[str]]:
    groups: dict[str, list[str]] = {}
    for key, label in label_of.items():
        groups.setdefault(label, []).append(key)
    return list(groups.values())


def _pairs(groups) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {tuple(sorted(p)) for g in groups for p in combinations(g, 2)}  # type: ignore[misc]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=("dev", "test"), default="dev")
    ap.add_argument("--bases", type=int, default=300)
    ap.add_argument("--distractors", type=int, default=1500)
    ap.add_argument("--seed", type=int, default=6)
    ap.add_argument("--html", action="store_true", help="render and re-extract every copy")
    ap.add_argument("--shingle-words", type=int, default=StoryParams().shingle_words)
    ap.add_argument("--min-overlap", type=float, default=StoryParams().min_overlap)
    ap.add_argument("--min-jaccard", type=float, default=StoryParams().min_jaccard)
    ap.add_argument("--lsh-threshold", type=float, default=StoryParams().lsh_threshold)
    ap.add_argument("--min-shared", type=int, default=StoryParams().min_shared)
    args = ap.parse_args()
    params = StoryParams(
        shingle_words=args.shingle_words,
        min_overlap=args.min_overlap,
        min_jaccard=args.min_jaccard,
        lsh_threshold=args.lsh_threshold,
        min_shared=args.min_shared,
    )
    items = build(args.split, args.bases, args.distractors, args.seed)
    if args.html:
        items = via_html(items)
    result = {"split": args.split, "html": args.html, **score(items, params)}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
