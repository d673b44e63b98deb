"""Mined organisation names (marsad.ner.orgs) and their optional neural-encoder flags."""

from __future__ import annotations

import dataclasses
import json

import numpy as np

from marsad.arabic import normalize
from marsad.ner.lexicons import load_lexicons
from marsad.ner.neural.encode import FLAGS, ORG_FLAGS, Encoder, extra_flags, pad
from marsad.ner.neural.model import Tables
from marsad.ner.orgs import MIN_PHRASE, mine, write

# Sentences written for these tests (no corpus text).
_CLUBS = "فاز نادي السد على نادي الوكرة في الدوحة، وقال مدرب فريق السد إن حزب الليكود لا يهمه."
_OTHER = "وقالت شركة في المدينة إن السد الترابي على النهر يحتاج إلى صيانة عاجلة."


def test_mine_keeps_frequent_head_phrases_and_club_names():
    names = mine([_CLUBS] * MIN_PHRASE)
    assert names[normalize("نادي السد")] == "ORG"
    assert normalize("حزب الليكود") in names
    assert normalize("السد") in names and normalize("الوكرة") in names
    # a function word after the head is no name
    assert not any(k.startswith(normalize("شركة")) for k in names)


def test_mine_drops_rare_phrases_and_words_mostly_seen_elsewhere():
    rare = mine([_CLUBS] * (MIN_PHRASE - 1))
    # no phrase reaches MIN_PHRASE; السد still follows a head 18 times (نادي and فريق)
    assert rare == {normalize("السد"): "ORG"}
    names = mine([_CLUBS] * MIN_PHRASE + [_OTHER] * 300)
    assert normalize("نادي السد") in names
    # السد now mostly means a dam: no longer a lone ORG name
    assert normalize("السد") not in names and normalize("الوكرة") in names


def test_write_is_a_sorted_name_tab_org_list(tmp_path):
    out = tmp_path / "org_names.tsv"
    assert write({"ب": "ORG", "ا ب": "ORG"}, out) == 2
    head, *rows = out.read_text(encoding="utf-8").splitlines()
    assert head.startswith("# ") and rows == ["ا ب\tORG", "ب\tORG"]


def _lexicons():
    orgs = {normalize("السد"): "ORG", normalize("حزب الليكود"): "ORG"}
    return dataclasses.replace(load_lexicons(), orgs=orgs)


def test_encoder_marks_mined_names_only_when_the_model_uses_the_flags():
    lex = _lexicons()
    words = ["فاز", "السد", "وحزب", "الليكود", "أمس"]
    extra = extra_flags(lex)
    assert extra == ORG_FLAGS
    (sent,) = Encoder(lex, {}, {}, extra).document([words])
    names = (*FLAGS, *extra)
    on = [{names[j] for j in np.flatnonzero(row)} for row in sent.flags]
    assert "g:ORGM" in on[1] and "pB:ORGM" in on[2] and "pI:ORGM" in on[3]
    assert not any("ORGM" in f for f in on[0] | on[4])
    (old,) = Encoder(lex, {}, {}).document([words])
    assert old.flags.shape == (5, len(FLAGS)) and sent.flags.shape == (5, len(names))
    assert np.array_equal(old.flags, sent.flags[:, : len(FLAGS)])
    assert pad([sent])["flags"].shape == (1, 5, len(names))


def test_tables_record_extra_flags_and_old_tables_have_none():
    t = Tables(("O",), {"كلمة": 2}, {"ك": 2}, np.zeros((1, 1)), np.zeros(1), np.zeros(1))
    old = json.loads(json.dumps(t.to_json()))
    assert "extra_flags" not in old and Tables.from_json(old).extra_flags == ()
    new = dataclasses.replace(t, extra_flags=ORG_FLAGS).to_json()
    assert Tables.from_json(new).extra_flags == ORG_FLAGS
