"""The `marsad` command: arguments -> Settings -> Pipeline. No logic of its own."""

from __future__ import annotations

import importlib

import typer

#: Modules that add commands; each has ``register(app: typer.Typer) -> None``.
COMMAND_MODULES = (
    ".articles",
    ".evaluate",
    ".entities",
    ".events",
    ".scale",
    ".serve",
)


def build_app() -> typer.Typer:
    app = typer.Typer(
        name="marsad",
        help="Monitor Arabic news: clean articles, entities and PLOVER events from raw pages.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
    )
    for name in COMMAND_MODULES:
        importlib.import_module(name, package=__package__).register(app)
    return app


def main() -> None:
    build_app()()
