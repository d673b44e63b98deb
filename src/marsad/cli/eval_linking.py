"""`marsad eval linking --gold FILE [--json]`: entity clusters against hand-made gold."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from .common import print_json


def register(evaluate: typer.Typer) -> None:
    @evaluate.command("linking")
    def linking(
        gold: Annotated[
            Path,
            typer.Option("--gold", help="Gold pages (JSONL), e.g. tests/linking/gold/pages.jsonl."),
        ],
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON for machines.")] = False,
    ) -> None:
        """B-cubed P/R/F1 of mention clusters (within and across articles), role-only
        references found, and canonical ids (iso:/gn:/gov:) right."""
        from ..errors import MarsadError
        from ..evaluation.linking import evaluate as run

        try:
            scores = run(gold)
        except MarsadError as exc:
            raise typer.BadParameter(str(exc), param_hint="--gold") from None
        if as_json:
            print_json(scores)
            return
        table = Table(
            title=f"linking: {gold} ({scores['pages']} pages, {scores['mentions']} mentions)"
        )
        for col in ("score", "precision", "recall", "F1"):
            table.add_column(col, justify="left" if col == "score" else "right")
        for name in ("within_article", "cross_article", "references"):
            s = scores[name]
            table.add_row(name, f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}")
        ids = scores["canonical_ids"]
        table.add_row(f"canonical ids ({ids['support']})", "", "", f"acc {ids['accuracy']:.3f}")
        Console().print(table)
