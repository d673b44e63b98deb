"""`marsad eval ...`: scorers over gold data. Each scorer lives in marsad.evaluation."""

from __future__ import annotations

from collections.abc import Callable

import typer


def register(app: typer.Typer) -> None:
    evaluate = typer.Typer(help="Score marsad against gold data.", no_args_is_help=True)
    app.add_typer(evaluate, name="eval")
    # Each evaluation registers its own subcommand (extraction, ner, events, linking).
    for register_one in _registrars():
        register_one(evaluate)


def _registrars() -> list[Callable[[typer.Typer], None]]:
    import importlib

    names: tuple[str, ...] = (".eval_extraction", ".eval_events", ".eval_linking", ".eval_ner")
    return [importlib.import_module(n, package=__package__).register for n in names]
