"""Parquet rows round-trip the Article JSON, analysis included (no Spark needed)."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from marsad.document import Article, Dateline, Entity, Event, Mention, Phrase
from marsad.scale.partition import plan_splits, run_in_process
from marsad.scale.tables import (
    ARTICLE_COLUMNS,
    SCHEMAS,
    article_from_rows,
    article_rows,
    document_dict,
    split_ddl,
)
from marsad.settings import Settings
from marsad.stories import StoryParams


def _article() -> Article:
    title = "وزير الخارجية يزور الرباط"
    para = "وصل وزير الخارجية إلى الرباط أمس في زيارة رسمية تستمر يومين."
    return Article(
        title=title,
        paragraphs=[para],
        dateline=Dateline(source="وكالة", place="الرباط"),
        published=datetime(2024, 5, 1, 9, 0, tzinfo=timezone(timedelta(hours=3))),
        fetched=datetime(2024, 5, 1, 10, 0, tzinfo=UTC),
        site="one.example",
        url="https://one.example/1",
        origin="crawl.warc.gz@0",
        authors=["كاتب"],
        mentions=[
            Mention(len(title) + 2 + 24, len(title) + 2 + 30, "LOC", 0.9, None, "MAR", "iso:MAR")
        ],
        entities=[Entity("iso:MAR", "المغرب", "LOC", {"الرباط": 1}, "MAR", None, None, 2538475)],
        events=[
            Event(
                "CONSULT",
                None,
                ["diplomatic"],
                None,
                None,
                "iso:MAR",
                "2024-05-01",
                len(title) + 2,
                len(title) + 2 + len(para),
                [],
                "زيارة",
                0.8,
                actor_phrase=Phrase(len(title) + 2 + 4, len(title) + 2 + 17, "GOV"),
            )
        ],
        stages=["ner", "events"],
    )


def test_article_rows_round_trip_the_article_json() -> None:
    art = _article()
    tables: dict[str, list[dict]] = {}
    for table, row in article_rows(art):
        names = [c.split(" ")[0] for c in split_ddl(SCHEMAS[table])]
        assert len(names) == len(row)
        tables.setdefault(table, []).append(dict(zip(names, row, strict=True)))
    (row,) = tables["articles"]
    row["dateline"] = dict(zip(("source", "place"), row["dateline"], strict=True))
    children = [
        [{k: v for k, v in r.items() if k != "origin"} for r in tables.get(t, [])]
        for t in ("mentions", "entities", "events")
    ]
    phrase = ("start", "end", "text", "sector")  # a struct reads back as a dict
    for ev in children[2]:
        for key in ("actor_phrase", "recipient_phrase"):
            if ev[key] is not None:
                ev[key] = dict(zip(phrase, ev[key], strict=True))
    back = article_from_rows(row, *children)
    assert back.to_dict() == art.to_dict()
    assert back.events[0].actor_phrase == Phrase(
        len(art.title or "") + 6, len(art.title or "") + 19, "GOV"
    )


def test_articles_schema_lists_every_column() -> None:
    names = [c.split(" ")[0] for c in split_ddl(SCHEMAS["articles"])]
    assert tuple(names) == ARTICLE_COLUMNS


def test_run_in_process_yields_one_document_per_page(small_warc: Path) -> None:
    docs = [document_dict(r) for r in run_in_process([small_warc], Settings(), StoryParams())]
    ok = [d for d in docs if d["failure_reason"] is None]
    failed = [d for d in docs if d["failure_reason"] is not None]
    assert (len(ok), len(failed)) == (18, 1)
    assert all(len(d["hashvalues"]) == StoryParams().num_perm and d["shingles"] for d in ok)
    assert failed[0]["title"] is None and failed[0]["origin"].endswith(tuple("0123456789"))


def test_document_row_nests_the_child_rows() -> None:
    from marsad.scale.tables import DOCUMENT_COLUMNS, document_row
    from marsad.stories import fingerprint

    art = _article()
    d = document_dict(document_row(art, fingerprint(art, StoryParams()), ["b0:1"]))
    assert set(DOCUMENT_COLUMNS) <= set(d)
    assert d["mentions"][0][:3] == (art.mentions[0].start, art.mentions[0].end, "LOC")
    assert d["entities"][0][0] == "iso:MAR" and d["events"][0][0] == "CONSULT"
    assert d["bands"] == ["b0:1"]


def test_plan_splits_keeps_whole_files_when_there_are_enough(small_warc: Path) -> None:
    (split,) = plan_splits([small_warc], 1)
    assert (split.start, split.stop) == (0, None)


def test_plan_splits_cuts_one_warc_into_ranges(small_warc: Path) -> None:
    splits = plan_splits([small_warc], 4, min_records=2)
    assert len(splits) >= 4
    assert splits[0].start == 0 and splits[-1].stop is None
    assert all(a.stop == b.start for a, b in itertools.pairwise(splits))


def test_plan_splits_does_not_cut_small_warcs_below_min_records(small_warc: Path) -> None:
    assert len(plan_splits([small_warc], 4, min_records=200)) == 1
    assert len(plan_splits([small_warc], 4, min_records=9)) == 2


def test_submit_file_runs_as_a_plain_script() -> None:
    import subprocess
    import sys

    import marsad.scale.submit as submit

    done = subprocess.run(
        [sys.executable, submit.__file__, "--help"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0 and "--input" in done.stdout and "--output" in done.stdout


def test_split_ddl_keeps_commas_inside_angle_brackets() -> None:
    ddl = "id bigint, tags array<string>, ev array<struct<type:string,score:double>>, t string"
    assert split_ddl(ddl) == [
        "id bigint",
        "tags array<string>",
        "ev array<struct<type:string,score:double>>",
        "t string",
    ]
