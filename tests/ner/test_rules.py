"""Post-rules around the taggers: a lone title (or its dual/plural) is not a person."""

from __future__ import annotations

from marsad.ner.rules import drop_titles


def test_lone_titles_and_their_duals_are_not_people() -> None:
    words = ["وفي", "الختام", "أعرب", "الوزيران", "عن", "ارتياحهما", "وقال", "الرئيس", "والوزراء"]
    labels = ["O", "O", "O", "B-PERS", "O", "O", "O", "B-PERS", "B-PERS"]
    assert drop_titles(words, labels) == ["O"] * 9


def test_names_and_titled_names_stay() -> None:
    words = ["التقى", "الوزير", "سليم", "الحداد", "نظيرته", "نادية"]
    labels = ["O", "B-PERS", "I-PERS", "I-PERS", "O", "B-PERS"]
    assert drop_titles(words, labels) == labels  # a span with a name, and a lone given name
    assert drop_titles(["الحداد"], ["B-PERS"]) == ["B-PERS"]
    assert drop_titles(["الوزيران"], ["B-ORG"]) == ["B-ORG"]  # only persons are checked
