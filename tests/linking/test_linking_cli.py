"""`marsad entities` and `marsad entity` on a store filled with hand-made articles."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

from marsad.cli import build_app
from marsad.document import Article
from marsad.linking.stage import LinkingStage
from marsad.store import open_store

Mark = Callable[..., Article]


def _fill(db: Path, linker: LinkingStage, mark: Mark) -> None:
    pages = [
        mark("لقاء", "التقى [[ناصر بوريطة|PER]] في [[الرباط|LOC]] نظيره [[جوسيب بوريل|PER]]."),
        mark("تصريح", "قال [[بوريطة|PER]] إن [[المغرب|LOC]] يرحب بالمبادرة."),
    ]
    with open_store(db) as store, store.transaction():
        for n, art in enumerate(pages):
            art.origin = f"page{n}"
            store.save_article(linker(art))


def test_entities_lists_people_most_mentioned_first(
    tmp_path: Path, linker: LinkingStage, mark: Mark
) -> None:
    db = tmp_path / "m.db"
    _fill(db, linker, mark)
    run = CliRunner().invoke
    out = run(build_app(), ["entities", "--type", "PER", "--db", str(db), "--json"])
    assert out.exit_code == 0, out.output
    rows = [json.loads(line) for line in out.output.splitlines()]
    assert [(r["id"], r["mention_count"]) for r in rows] == [
        ("per:ناصر بوريطه", 2),
        ("per:جوسيب بوريل", 1),
    ]
    assert rows[0]["aliases"] == {"ناصر بوريطة": 1, "بوريطة": 1}
    found = run(build_app(), ["entities", "--q", "بوريطه", "--db", str(db), "--json"])
    assert [json.loads(x)["id"] for x in found.output.splitlines()] == ["per:ناصر بوريطه"]


def test_entity_shows_aliases_and_articles(
    tmp_path: Path, linker: LinkingStage, mark: Mark
) -> None:
    db = tmp_path / "m.db"
    _fill(db, linker, mark)
    out = CliRunner().invoke(build_app(), ["entity", "iso:MAR", "--db", str(db)])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert (data["name"], data["type"], data["mention_count"]) == ("المغرب", "LOC", 1)
    missing = CliRunner().invoke(build_app(), ["entity", "per:nobody", "--db", str(db)])
    assert missing.exit_code == 1
