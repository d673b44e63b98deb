"""Second-stage (stacked) features from first-pass labels, on hand-made sentences."""

from marsad.ner.stacking import spans, stacked_features


def test_spans_reads_bio_and_stray_inside_tags():
    assert spans(["B-ORG", "I-ORG", "O", "I-PERS", "B-LOC", "B-LOC"]) == [
        (0, 2, "ORG"),
        (3, 4, "PERS"),
        (4, 5, "LOC"),
        (5, 6, "LOC"),
    ]


def test_a_name_tagged_once_is_marked_where_the_first_pass_missed_it():
    keys = [["قال", "البنك", "التجاري", "امس"], ["ان", "البنك", "التجاري", "ربح"]]
    first = [["O", "B-ORG", "I-ORG", "O"], ["O", "O", "O", "O"]]
    feats = stacked_features(keys, first)
    missed = feats[1]
    assert "ds=B-ORG" in missed[1] and "ds=I-ORG" in missed[2]
    assert "dk=ORG" in missed[1] and "s1=O" in missed[1]
    assert not any(f.startswith(("ds=", "dk=")) for f in missed[0] + missed[3])


def test_a_mention_does_not_count_as_its_own_evidence():
    feats = stacked_features([["زار", "سمير"]], [["O", "B-PERS"]])[0]
    assert "s1=B-PERS" in feats[1] and "s1-=O" in feats[1] and "s1+=EOS" in feats[1]
    assert not any(f.startswith("dk=") for f in feats[1])
    assert "s1-=BOS" in feats[0] and "s1+=B-PERS" in feats[0]
