"""`marsad eval events` on a tiny GSR-format folder written here (own sentences)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.cli import build_app
from marsad.document import Article, Event
from marsad.evaluation.events import evaluate

ROWS = [
    ("p1", "yes", "تظاهر مئات الطلاب أمس أمام مبنى الوزارة."),
    ("p2", "yes", "اعتصم العمال في المصنع للمطالبة بأجورهم."),
    ("p3", "easy no", "ارتفعت أسعار الخضار في الأسواق هذا الأسبوع."),
    ("p4", "difficult no", "تحدث الكاتب عن تاريخ الاحتجاجات في كتابه الجديد."),
    ("p5", "ambiguous", "خرج الناس إلى الشوارع بعد المباراة."),
]


def _write_gsr(folder: Path) -> None:
    with (folder / "protest_gsr.csv").open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["", "accept", "event_type", "id", "label", "reject", "text", "total"])
        for i, (rid, label, text) in enumerate(ROWS):
            out.writerow([i, 3, "PROTEST", rid, label, 0, text, 3])
    spans = [
        {
            "_id": "s1",
            "text": "تظاهر العمال ضد الإدارة.",
            "event_type": "PROTEST",
            "source_gold": "العمال",
            "target_gold": "الإدارة",
            "verb_gold": "تظاهر",
        }
    ]
    (folder / "protest_spans.json").write_text(json.dumps(spans, ensure_ascii=False), "utf-8")


def keyword_coder(article: Article) -> Article:
    """A stand-in coder: PROTEST when the sentence starts with a protest verb."""
    if article.text.startswith(("تظاهر", "اعتصم", "تحدث")):
        article.events = [Event(type="PROTEST", evidence_end=len(article.text))]
    return article


def test_sentence_scores_count_yes_and_no_and_keep_ambiguous_apart(tmp_path: Path) -> None:
    _write_gsr(tmp_path)
    score = evaluate(tmp_path, keyword_coder)["PROTEST"]
    assert (score.sentences.tp, score.sentences.fp, score.sentences.fn) == (2, 1, 0)
    assert (score.ambiguous, score.ambiguous_yes) == (1, 0)
    out = score.to_json()
    assert out["precision"] == pytest.approx(2 / 3, abs=1e-3) and out["recall"] == 1.0
    assert out["source_span"]["f1"] == 0.0  # the stand-in names no actor


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(build_app(), ["eval", "events", "--gsr", str(tmp_path / "no")])
    assert result.exit_code != 0
    assert "--gsr" in result.output


def test_cli_json_has_precision_recall_f1_per_type(tmp_path: Path) -> None:
    _write_gsr(tmp_path)
    result = CliRunner().invoke(build_app(), ["eval", "events", "--gsr", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"PROTEST"}
    assert {"precision", "recall", "f1"} <= set(data["PROTEST"])
    # The shipped coder finds the two plain protests.
    assert data["PROTEST"]["recall"] == 1.0
