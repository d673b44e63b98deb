"""marsad.evaluation.extraction and `marsad eval extraction`."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.cli import build_app
from marsad.evaluation.extraction import (
    evaluate,
    leaks,
    score_page,
    summarize,
    token_prf,
    tokens,
)

PAGES = Path(__file__).parents[1] / "extraction" / "pages"


def test_tokens_drop_diacritics_tatweel_and_punctuation() -> None:
    assert tokens("قالَ الوزيـــر: «نعم»، ثم غادر.") == ["قال", "الوزير", "نعم", "ثم", "غادر"]


def test_token_prf_bag_of_tokens() -> None:
    assert token_prf("أ ب ج", "أ ب ج") == (1.0, 1.0, 1.0)
    p, r, f1 = token_prf("أ ب", "أ ب ج د")
    assert (p, r) == (1.0, 0.5) and f1 == pytest.approx(2 / 3)
    assert token_prf("", "أ") == (0.0, 0.0, 0.0)


def test_leaks_counts_each_string_once() -> None:
    out = "نص المقال\nاقرأ أيضا: خبر آخر\nاقرأ أيضا: خبر ثالث"
    assert leaks(out, ["اقرأ أيضا", "الأكثر قراءة"]) == ["اقرأ أيضا"]


def test_score_page_date_and_title() -> None:
    gold = {
        "page_id": "x",
        "title": "عنوان  الخبر",
        "published_date": "2020-06-03",
        "body_paragraphs": ["أ ب ج"],
        "must_exclude": ["شارك"],
    }
    s = score_page(
        gold,
        body="أ ب ج",
        title="عنوان الخبر",
        published=datetime(2020, 6, 3, 3, 1),
        output="أ ب ج شارك",
    )
    assert s.title_ok and s.date_ok and s.f1 == 1.0 and s.leaks == ["شارك"]
    undated = score_page(
        {**gold, "published_date": None}, body="", title=None, published=None, output=""
    )
    assert undated.date_ok is None and not undated.title_ok


def _gold_dir(tmp_path: Path) -> Path:
    """A one-page gold set built from a test page (gold written by hand for it)."""
    (tmp_path / "pages").mkdir()
    (tmp_path / "gold").mkdir()
    shutil.copy(PAGES / "bare_divs.html", tmp_path / "pages" / "bare.html")
    gold = {
        "page_id": "bare",
        "page_file": "pages/bare.html",
        "url": None,
        "title": "افتتاح معرض الكتاب في دورته الجديدة",
        "published_date": "2020-10-05",
        "body_paragraphs": [
            "افتتح معرض الكتاب أبوابه أمام الزوار صباح اليوم بمشاركة أكثر من ثلاثمئة دار نشر "
            "من عشرين بلداً، في دورة تحمل شعار القراءة للجميع وتستمر عشرة أيام.",
            "ويتضمن البرنامج الثقافي المرافق للمعرض ندوات فكرية وأمسيات شعرية وورشاً للأطفال، "
            "إضافة إلى حفلات توقيع لعدد من الإصدارات الجديدة في الرواية والشعر والدراسات.",
        ],
        "must_exclude": ["سياسة الخصوصية", "مهرجان المسرح"],
    }
    (tmp_path / "gold" / "bare.json").write_text(json.dumps(gold, ensure_ascii=False), "utf-8")
    return tmp_path


def test_evaluate_scores_a_gold_dir(tmp_path: Path) -> None:
    scores = evaluate(_gold_dir(tmp_path))
    assert len(scores) == 1
    s = scores[0]
    # The page has a third paragraph the gold leaves out: recall 1, precision below 1.
    assert s.recall == 1.0 and 0.5 < s.precision < 1.0
    assert s.title_ok and s.date_ok and s.leaks == [] and s.error is None
    mean = summarize(scores)
    assert mean["pages"] == 1 and mean["title_accuracy"] == 1.0 and mean["leaks"] == 0


def test_cli_eval_extraction_json(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        build_app(), ["eval", "extraction", "--gold", str(_gold_dir(tmp_path)), "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["mean"]["pages"] == 1 and data["pages"][0]["page_id"] == "bare"


def test_cli_eval_extraction_table_and_bad_dir(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        build_app(), ["eval", "extraction", "--gold", str(_gold_dir(tmp_path))]
    )
    assert result.exit_code == 0 and "mean" in result.output
    empty = tmp_path / "empty"
    empty.mkdir()
    bad = CliRunner().invoke(build_app(), ["eval", "extraction", "--gold", str(empty)])
    assert bad.exit_code != 0


def test_evaluate_dev_set(shared: Path) -> None:
    mean = summarize(evaluate(shared / "data/extraction/dev"))
    assert mean["f1"] >= 0.95 and mean["title_accuracy"] == 1.0 and mean["leaks"] == 0


def test_evaluate_on_the_written_test_pages_floor() -> None:
    # tests/extraction/pages/gold: hand-made gold for the nine pages written for the tests.
    # Floor 0.95 (measured 1.00 when written): a regression gate, not a claim about new sites.
    mean = summarize(evaluate(PAGES))
    assert mean["pages"] == 9 and mean["f1"] >= 0.95 and mean["leaks"] == 0
    assert mean["title_accuracy"] == 1.0 and mean["date_accuracy"] == 1.0
