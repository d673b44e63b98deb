"""`marsad eval ner --conll FILE [--json] [--model PATH]`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from .common import print_json


def register(evaluate: typer.Typer) -> None:
    @evaluate.command("ner")
    def eval_ner(
        conll: Annotated[Path, typer.Option("--conll", help="CoNLL file: 'word TAG' lines.")],
        json_out: Annotated[bool, typer.Option("--json", help="Print JSON (percent).")] = False,
        model: Annotated[
            Path | None, typer.Option("--model", help="crfsuite model (default: shipped).")
        ] = None,
    ) -> None:
        """Entity P/R/F1 (exact span and type, micro), per type, and without MISC."""
        from ..errors import MarsadError
        from ..evaluation.ner import evaluate_conll

        try:
            result = evaluate_conll(conll, model)
        except MarsadError as exc:
            raise SystemExit(f"error: {exc}") from None
        if json_out:
            print_json(result)
        else:
            _print_table(result)


def _print_table(result: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table("type", "precision", "recall", "f1", "support")
    for typ, s in result["per_type"].items():
        table.add_row(
            typ, *(f"{s[k]:.2f}" for k in ("precision", "recall", "f1")), str(s["support"])
        )
    table.add_row("all", *(f"{result[k]:.2f}" for k in ("precision", "recall", "f1")), "")
    three = result["three_types"]
    table.add_row("PER+LOC+ORG", *(f"{three[k]:.2f}" for k in ("precision", "recall", "f1")), "")
    Console().print(table)
