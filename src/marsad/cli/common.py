"""Helpers the command modules share: settings from options, JSON output, progress."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

T = TypeVar("T")

KINDS = ("html", "text", "record")


def err_console() -> Console:
    return Console(stderr=True)


def print_json(obj: Any, *, pretty: bool = False) -> None:
    text = json.dumps(obj, ensure_ascii=False, indent=2 if pretty else None)
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def check_kind(kind: str | None) -> str | None:
    if kind is not None and kind not in KINDS:
        raise SystemExit(f"--kind must be one of {', '.join(KINDS)}, not {kind!r}")
    return kind


def progress(console: Console, description: str) -> Progress:
    """A progress bar on stderr (stdout stays clean JSON); hidden when stderr is no terminal."""
    return Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=False,
        disable=not console.is_terminal,
    )


def tracked(items: Iterable[T], prog: Progress, task: Any) -> Iterator[T]:
    for item in items:
        yield item
        prog.advance(task)


def resolve_db(db: Path | None) -> Path:
    from ..settings import DEFAULT_DB

    return db or DEFAULT_DB
