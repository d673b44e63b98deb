"""The marsad CLI: JSON on stdout with the documented fields; every command documented."""

from __future__ import annotations

import json
import re
from pathlib import Path

import typer
from typer.testing import CliRunner

from marsad.cli import build_app

REPO = Path(__file__).resolve().parents[2]
EXAMPLE_TEXT = REPO / "examples" / "pages" / "05-amman-school-year-scraped.txt"
FIELDS = (
    "title",
    "kicker",
    "dek",
    "paragraphs",
    "captions",
    "byline",
    "dateline",
    "published",
    "updated",
    "section",
    "site",
    "language",
    "url",
)


def _commands(app: typer.Typer, prefix: str = "") -> list[str]:
    import typer.main

    click_app = typer.main.get_command(app)
    names: list[str] = []

    def walk(group, path: str) -> None:  # type: ignore[no-untyped-def]
        for name, cmd in getattr(group, "commands", {}).items():
            full = f"{path} {name}".strip()
            if getattr(cmd, "commands", None):
                walk(cmd, full)
            else:
                names.append(full)

    walk(click_app, prefix)
    return names


def test_every_command_is_documented_in_readme() -> None:
    readme = (REPO / "README.md").read_text("utf-8")
    missing = [c for c in _commands(build_app()) if f"marsad {c}" not in readme]
    assert missing == [], f"document these commands in README.md: {missing}"


def test_every_option_is_documented_in_help() -> None:
    import typer.main

    click_app = typer.main.get_command(build_app())

    def walk(group):  # type: ignore[no-untyped-def]
        for cmd in getattr(group, "commands", {}).values():
            if getattr(cmd, "commands", None):
                yield from walk(cmd)
            else:
                yield cmd

    for cmd in walk(click_app):
        assert cmd.help, f"command {cmd.name} has no help text"
        for param in cmd.params:
            if param.param_type_name == "option" and param.name != "help":
                assert getattr(param, "help", None), f"{cmd.name} --{param.name} has no help"


def test_extract_prints_one_json_object_per_file(seed_path: Path) -> None:
    result = CliRunner().invoke(build_app(), ["extract", str(seed_path), str(EXAMPLE_TEXT)])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 2
    first = json.loads(lines[0])
    for field in FIELDS:
        assert field in first
    assert first["dateline"] == {"source": "إيلاف", "place": "الرباط"}
    assert first["published"] is None
    assert json.loads(lines[1])["title"].startswith("الأردن")


def test_extract_reports_bad_file_and_goes_on(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = CliRunner().invoke(build_app(), ["extract", str(empty), str(EXAMPLE_TEXT)])
    assert result.exit_code == 1
    assert len([x for x in result.stdout.splitlines() if x.strip()]) == 1
    assert "empty.txt" in result.stderr


def test_ingest_list_show(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    runner = CliRunner()
    res = runner.invoke(build_app(), ["ingest", str(EXAMPLE_TEXT), "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert re.search(r"1 new articles", res.stderr)
    res = runner.invoke(build_app(), ["list", "--db", str(db), "--json"])
    row = json.loads(res.stdout.splitlines()[0])
    shown = runner.invoke(build_app(), ["show", str(row["id"]), "--db", str(db)])
    assert json.loads(shown.stdout)["title"] == row["title"]
    again = runner.invoke(build_app(), ["ingest", str(EXAMPLE_TEXT), "--db", str(db)])
    assert re.search(r"0 new articles, 0 new versions, 1 unchanged", again.stderr)
    missing = runner.invoke(build_app(), ["show", "999", "--db", str(db)])
    assert missing.exit_code == 1
