"""Build a WARC of news pages from the SaudiNewsNet records, wrapped as HTML.

    python scripts/make_warc.py --count 1000 --out tmp/warc/saudinewsnet-1000.warc.gz

Each record becomes a page in one of a few invented page templates (navigation, share
bar, related links, footer: the chrome the extractor must strip), with its date in a
<meta> tag. A share of the pages (--copies) are syndicated copies of earlier ones on other
sites, so stories have members. The corpus is read from ../shared/data at run time; the
WARC is written under tmp/ (git-ignored) and never committed.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from marsad.document import RawPage
from marsad.sources.warc import write_warc

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared/data/corpora/saudinewsnet/dataset"

#: Page chrome of invented sites (our own words): nav items, a share line, a footer.
TEMPLATES = [
    ("الرئيسية|محليات|اقتصاد|رياضة", "شارك الخبر على", "جميع الحقوق محفوظة"),
    ("أخبار|تقارير|مقالات|فيديو", "تابعونا على مواقع التواصل", "سياسة الخصوصية | اتصل بنا"),
    ("العالم|الخليج|ثقافة|منوعات", "أرسل لصديق | اطبع", "حقوق النشر محفوظة للموقع"),
]
SITES = ["akhbar-one.example", "sada.example", "nabd.example", "wire.example"]


def records(limit: int) -> Iterator[dict[str, str]]:
    n = 0
    for path in sorted(CORPUS.glob("*.zip")):
        with zipfile.ZipFile(path) as zf:
            for name in zf.namelist():
                for rec in json.loads(zf.read(name)):
                    if rec.get("title") and len(rec.get("content") or "") > 200:
                        yield rec
                        n += 1
                        if n >= limit:
                            return


def render(rec: dict[str, str], template: tuple[str, str, str], related: list[str]) -> str:
    nav, share, footer = template
    e = html.escape
    paras = "".join(f"<p>{e(p.strip())}</p>" for p in rec["content"].split("\n") if p.strip())
    links = "".join(f"<li><a href='/n/{i}'>{e(t)}</a></li>" for i, t in enumerate(related))
    menu = "".join(f"<li><a href='/s/{i}'>{e(x)}</a></li>" for i, x in enumerate(nav.split("|")))
    date = (rec.get("date_extracted") or "").replace(" ", "T")
    return (
        "<!DOCTYPE html><html lang='ar' dir='rtl'><head><meta charset='utf-8'>"
        f"<title>{e(rec['title'])}</title>"
        f"<meta property='article:published_time' content='{e(date)}'></head><body>"
        f"<header><nav><ul>{menu}</ul></nav></header><main><article>"
        f"<h1>{e(rec['title'])}</h1><div class='share'>{e(share)}</div>"
        f"<div class='article-body'>{paras}</div></article>"
        f"<aside><h3>أخبار ذات صلة</h3><ul>{links}</ul></aside></main>"
        f"<footer>{e(footer)}</footer></body></html>"
    )


def pages(count: int, copies: float, seed: int) -> Iterator[RawPage]:
    rng = random.Random(seed)
    originals = list(records(count))
    titles = [r["title"] for r in originals]
    when = datetime(2015, 8, 1, tzinfo=UTC)
    for i, rec in enumerate(originals):
        base = rec
        if i > 10 and rng.random() < copies:  # a copy of an earlier article, edited
            base = dict(rng.choice(originals[:i]))
            base["title"] = "عاجل: " + base["title"]
            base["content"] = "\n".join(base["content"].split("\n")[:-1]) or base["content"]
        site = rng.choice(SITES)
        body = render(base, rng.choice(TEMPLATES), rng.sample(titles, 3))
        headers = {"content-type": "text/html; charset=utf-8"}
        yield RawPage(body.encode(), url=f"https://{site}/news/{i}", fetched=when, headers=headers)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--copies", type=float, default=0.1, help="share of syndicated copies")
    ap.add_argument("--seed", type=int, default=6)
    ap.add_argument("--out", type=Path, default=REPO / "tmp/warc/saudinewsnet-1000.warc.gz")
    args = ap.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    n = write_warc(args.out, pages(args.count, args.copies, args.seed))
    print(f"{n} records -> {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
