"""Merging trained emitters into one graph, quantizing it, and the cached letter features."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from marsad.ner.neural.encode import MAX_CHARS
from marsad.ner.neural.model import DEFAULT_NEURAL_MODEL, NeuralNerModel, Tables, tables_path

onnx = pytest.importorskip("onnx")  # a dev dependency; CI installs it
ort = pytest.importorskip("onnxruntime")

LABELS = ("O", "B-PERS", "I-PERS")
INPUTS = ("words", "stems", "flags", "rev")
FEATURES = 2


def _member(path: Path, table: np.ndarray, seed: int, trans_shift: float) -> None:
    """A stand-in member with the real one's inputs, outputs and shared table: letters are
    the sum of a word's letter ids times this member's vector; emissions are the word
    vectors times this member's matrix plus the sum of the letter features."""
    from onnx import TensorProto, helper, numpy_helper

    from marsad.ner.neural.ensemble import SHARED_TABLE
    from marsad.ner.neural.model import letters_path

    rng = np.random.default_rng(seed)
    weight = rng.normal(size=(table.shape[1], len(LABELS))).astype(np.float32)
    vector = rng.normal(size=(1, FEATURES)).astype(np.float32)
    axis = numpy_helper.from_array(np.array([-1], dtype=np.int64), "axis")
    letters = helper.make_graph(
        [
            helper.make_node("Cast", ["chars"], ["charsf"], to=TensorProto.FLOAT),
            helper.make_node("ReduceSum", ["charsf", "axis"], ["total"], keepdims=1),
            helper.make_node("Mul", ["total", "vector"], ["letters"]),
        ],
        "letters",
        [helper.make_tensor_value_info("chars", TensorProto.INT64, ["n", "l"])],
        [helper.make_tensor_value_info("letters", TensorProto.FLOAT, ["n", FEATURES])],
        [numpy_helper.from_array(vector, "vector"), axis],
    )
    _save_graph(letters, letters_path(path))
    ints = {n: helper.make_tensor_value_info(n, TensorProto.INT64, ["b", "t"]) for n in INPUTS}
    ints["letters"] = helper.make_tensor_value_info(
        "letters", TensorProto.FLOAT, ["b", "t", FEATURES]
    )
    ints["flags"] = helper.make_tensor_value_info("flags", TensorProto.FLOAT, ["b", "t", 2])
    body = helper.make_graph(
        [
            helper.make_node("Gather", [SHARED_TABLE, "words"], ["vec16"]),
            helper.make_node("Cast", ["vec16"], ["vec"], to=TensorProto.FLOAT),
            helper.make_node("MatMul", ["vec", "weight"], ["scores"]),
            helper.make_node("ReduceSum", ["letters", "axis"], ["lettersum"], keepdims=1),
            helper.make_node("Add", ["scores", "lettersum"], ["emissions"]),
        ],
        "member",
        list(ints.values()),
        [helper.make_tensor_value_info("emissions", TensorProto.FLOAT, ["b", "t", len(LABELS)])],
        [
            numpy_helper.from_array(table, SHARED_TABLE),
            numpy_helper.from_array(weight, "weight"),
            axis,
        ],
    )
    _save_graph(body, path)
    k = len(LABELS)
    trans = np.full((k, k), trans_shift)
    tables = Tables(LABELS, {"كلمة": 2}, {"ك": 2}, trans, np.zeros(k), np.zeros(k))
    tables_path(path).write_text(json.dumps(tables.to_json(), ensure_ascii=False), "utf-8")


def _save_graph(graph, path: Path) -> None:
    from onnx import helper

    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.save(model, str(path))


def _run(path: Path, feed: dict[str, np.ndarray]) -> np.ndarray:
    return ort.InferenceSession(str(path), providers=["CPUExecutionProvider"]).run(None, feed)[0]


def _feed(letters: np.ndarray) -> dict[str, np.ndarray]:
    words = np.array([[2, 3, 1], [4, 0, 0]], dtype=np.int64)
    return {
        "words": words,
        "stems": words,
        "letters": letters,
        "flags": np.zeros((2, 3, 2), dtype=np.float32),
        "rev": np.zeros((2, 3), dtype=np.int64),
    }


def test_merged_graphs_give_the_members_letters_side_by_side_and_their_mean(tmp_path):
    from marsad.ner.neural.ensemble import SHARED_TABLE, merge
    from marsad.ner.neural.model import letters_path

    table = np.random.default_rng(0).normal(size=(5, 4)).astype(np.float16)
    paths = [tmp_path / f"m{k}.onnx" for k in range(3)]
    for k, p in enumerate(paths):
        _member(p, table, seed=k, trans_shift=float(k))
    merged = tmp_path / "merged.onnx"
    merge(paths, merged)
    chars = np.array([[3, 4, 0], [5, 0, 0], [2, 2, 2]], dtype=np.int64)
    own = [_run(letters_path(p), {"chars": chars}) for p in paths]
    together = _run(letters_path(merged), {"chars": chars})
    assert np.abs(together - np.concatenate(own, axis=1)).max() < 1e-5
    # each member reads its own slice of the merged letters input
    layout = np.array([[0, 1, 2], [2, 0, 0]])
    expected = np.mean([_run(p, _feed(f[layout])) for p, f in zip(paths, own, strict=True)], axis=0)
    assert np.abs(_run(merged, _feed(together[layout])) - expected).max() < 1e-4
    merged_tables = json.loads(tables_path(merged).read_text("utf-8"))
    assert np.allclose(merged_tables["trans"], 1.0)  # mean of 0, 1, 2
    names = [i.name for i in onnx.load(str(merged)).graph.initializer]
    assert names.count(SHARED_TABLE) == 1  # one word table, not three
    assert not any(n.endswith("/" + SHARED_TABLE) for n in names)


def test_members_with_different_word_tables_are_refused(tmp_path):
    from marsad.ner.neural.ensemble import merge

    rng = np.random.default_rng(1)
    _member(tmp_path / "a.onnx", rng.normal(size=(5, 4)).astype(np.float16), 0, 0.0)
    _member(tmp_path / "b.onnx", rng.normal(size=(5, 4)).astype(np.float16), 1, 0.0)
    with pytest.raises(ValueError, match="word table"):
        merge([tmp_path / "a.onnx", tmp_path / "b.onnx"], tmp_path / "m.onnx")


def test_quantized_graph_stays_close_to_the_float_one(tmp_path):
    from marsad.ner.neural.ensemble import quantize

    table = np.random.default_rng(2).normal(size=(5, 4)).astype(np.float16)
    path = tmp_path / "q.onnx"
    _member(path, table, seed=5, trans_shift=0.0)
    feed = _feed(np.ones((2, 3, FEATURES), dtype=np.float32))
    before = _run(path, feed)
    quantize(path)
    after = _run(path, feed)
    assert not path.with_suffix(".float.onnx").exists()
    ops = {n.op_type for n in onnx.load(str(path)).graph.node}
    assert "MatMul" not in ops  # replaced by its int8 form
    assert np.abs(after - before).max() < 0.05 * np.abs(before).max()


def test_cached_letter_features_are_the_letters_graph_at_any_width():
    model = NeuralNerModel(DEFAULT_NEURAL_MODEL)
    letters = model._letters
    assert letters is not None  # the shipped model has its letters graph
    encoded = model.encoder.document([["زار", "الوزير", "مدينة", "الرباط", "والمغرب"], ["زار"]])
    first = letters.features(encoded, 6)
    assert first.shape == (2, 6, letters.width)
    assert not first[1, 1:].any()  # nothing after a sentence's end
    np.testing.assert_array_equal(first[1, 0], first[0, 0])  # the same word, cached
    again = letters.features(encoded, 6)  # all from the cache now
    np.testing.assert_array_equal(first, again)
    chars = encoded[0].chars  # [5, MAX_CHARS]: no cut
    assert chars.shape[1] == MAX_CHARS
    full = letters._run(np.ascontiguousarray(chars))
    assert np.abs(full - first[0, :5]).max() < 1e-5
