"""The stage with the shipped model, on sentences written for these tests."""

import pytest

from marsad.document import Article, Dateline
from marsad.factory import build_stage
from marsad.settings import Settings


@pytest.fixture(scope="module")
def stage():
    return build_stage("ner", Settings())


def _found(article: Article) -> set[tuple[str, str]]:
    return {(article.text[m.start : m.end], m.type) for m in article.mentions}


def test_ner_stage_finds_people_places_with_offsets(stage):
    art = Article(
        title="زيارة رسمية",
        paragraphs=["قال وزير الخارجية الفرنسي جان لوك ماريو في باريس إن العلاقات مع مصر جيدة."],
    )
    stage(art)
    found = _found(art)
    assert ("باريس", "LOC") in found
    assert ("مصر", "LOC") in found
    person = next(m for m in art.mentions if m.type == "PER")
    assert (person.role, person.country) == ("وزير الخارجية", "FRA")
    assert all(0.0 < m.score <= 1.0 for m in art.mentions)


def test_ner_stage_leaves_conjunction_and_preposition_outside(stage):
    art = Article(paragraphs=["سافر الوفد إلى لندن وباريس ثم عاد بالطائرة إلى القاهرة."])
    stage(art)
    texts = {art.text[m.start : m.end] for m in art.mentions}
    assert "باريس" in texts
    assert "وباريس" not in texts


def test_ner_stage_is_idempotent_and_declares_fields(stage):
    art = Article(paragraphs=["زار رئيس الوزراء الأردني عمان أمس."], dateline=Dateline())
    first = [(m.start, m.end, m.type) for m in stage(art).mentions]
    second = [(m.start, m.end, m.type) for m in stage(art).mentions]
    assert first == second
    assert stage.name == "ner" and "mentions" in stage.assigns


def test_ner_stage_empty_article(stage):
    assert stage(Article()).mentions == []


def test_import_marsad_loads_no_model():
    import subprocess
    import sys

    code = "import marsad, sys; print(any(m.startswith('pycrfsuite') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
