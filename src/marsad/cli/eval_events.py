"""`marsad eval events --gsr DIR [--json]`: PLOVER event scores on the Arabic event GSR."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from .common import print_json


def register(evaluate: typer.Typer) -> None:
    @evaluate.command("events")
    def events(
        gsr: Annotated[
            Path,
            typer.Option(
                "--gsr",
                help="Folder with protest_gsr.csv / assault_gsr.csv (and *_spans.json), e.g. "
                "../shared/data/events/arabic_event_gsr.",
            ),
        ],
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON for machines.")] = False,
        fold: Annotated[
            int | None,
            typer.Option(
                "--fold",
                help="Score only rows with int(sha256(id), 16) % 5 == FOLD, the folds of "
                "python -m marsad.events.train (its cross-validation gives held-out estimates).",
            ),
        ] = None,
    ) -> None:
        """Sentence-level P/R/F1 per event type ('ambiguous' rows apart) and actor/recipient
        span F1, running the registered stages up to "events" on each sentence."""
        from ..errors import MarsadError
        from ..evaluation.events import check_folder, pipeline_coder
        from ..evaluation.events import evaluate as run
        from .common import err_console

        def warn(reason: str) -> None:
            err_console().print(f"events stage alone (no actors, span F1 = 0): {reason}")

        try:
            check_folder(gsr)
            scores = run(gsr, pipeline_coder(on_fallback=warn), fold=fold)
        except MarsadError as exc:
            raise typer.BadParameter(str(exc), param_hint="--gsr") from None
        if as_json:
            print_json({typ: s.to_json() for typ, s in scores.items()})
            return
        Console().print(_table(gsr, scores))


def _table(gsr: Path, scores: dict[str, Any]) -> Table:
    table = Table(title=f"events: {gsr}")
    for name in (
        "type",
        "P",
        "R",
        "F1",
        "yes rows",
        "ambiguous coded yes",
        "source F1",
        "target F1",
    ):
        table.add_column(name, justify="left" if name == "type" else "right")
    for typ, s in scores.items():
        j = s.to_json()
        table.add_row(
            typ,
            f"{j['precision']:.3f}",
            f"{j['recall']:.3f}",
            f"{j['f1']:.3f}",
            str(j["support"]),
            f"{s.ambiguous_yes}/{s.ambiguous}",
            f"{j['source_span']['f1']:.3f}",
            f"{j['target_span']['f1']:.3f}",
        )
    return table
