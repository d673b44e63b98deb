"""`marsad eval extraction --gold DIR [--json] [--scraped]`: extraction scores per page."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from .common import print_json

if TYPE_CHECKING:
    from ..evaluation.extraction import PageScore


def register(evaluate: typer.Typer) -> None:
    @evaluate.command("extraction")
    def extraction(
        gold: Annotated[
            Path,
            typer.Option(
                "--gold",
                help="Gold folder (holding gold/, pages/, scraped/), e.g. "
                "../shared/data/extraction/dev.",
            ),
        ],
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON for machines.")] = False,
        scraped: Annotated[
            bool, typer.Option("--scraped", help="Score the scraped/*.txt dumps, not the HTML.")
        ] = False,
    ) -> None:
        """Body P/R/F1 (bag of tokens), exact title, date and boilerplate leaks per page."""
        from ..errors import MarsadError
        from ..evaluation.extraction import evaluate as run
        from ..evaluation.extraction import to_json

        try:
            scores = run(gold, scraped=scraped)
        except MarsadError as exc:
            raise typer.BadParameter(str(exc), param_hint="--gold") from None
        if as_json:
            print_json(to_json(scores))
            return
        Console().print(
            _table(scores, f"extraction ({'scraped text' if scraped else 'HTML'}): {gold}")
        )
        for s in scores:
            for leak in s.leaks:
                Console().print(f"[yellow]leak[/yellow] {s.page_id}: {leak}", highlight=False)


def _table(scores: list[PageScore], title: str) -> Table:
    """Per-page rows and a bold row of means."""
    from ..evaluation.extraction import summarize

    table = Table(title=title)
    for name in ("page", "P", "R", "F1", "title", "date", "leaks", "ms"):
        table.add_column(name, justify="left" if name == "page" else "right")
    for s in scores:
        date = "-" if s.date_ok is None else ("ok" if s.date_ok else "WRONG")
        table.add_row(
            s.page_id,
            f"{s.precision:.3f}",
            f"{s.recall:.3f}",
            f"{s.f1:.3f}",
            "ok" if s.title_ok else "WRONG",
            date,
            str(len(s.leaks)) if not s.error else f"error: {s.error}",
            f"{s.seconds * 1000:.0f}",
        )
    mean = summarize(scores)
    date_acc = mean["date_accuracy"]
    table.add_row(
        "mean",
        f"{mean['precision']:.3f}",
        f"{mean['recall']:.3f}",
        f"{mean['f1']:.3f}",
        f"{mean['title_accuracy']:.0%}",
        "-" if date_acc is None else f"{date_acc:.0%}",
        str(mean["leaks"]),
        "",
        style="bold",
    )
    return table
