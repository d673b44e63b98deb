"""Merging trained emitters into one graph, quantizing it, and the letter trim in pad()."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from marsad.ner.neural.encode import MAX_CHARS, pad
from marsad.ner.neural.model import DEFAULT_NEURAL_MODEL, NeuralNerModel, Tables, tables_path

onnx = pytest.importorskip("onnx")  # a dev dependency; CI installs it
ort = pytest.importorskip("onnxruntime")

LABELS = ("O", "B-PERS", "I-PERS")
INPUTS = ("words", "stems", "chars", "flags", "rev")


def _member(path: Path, table: np.ndarray, seed: int, trans_shift: float) -> None:
    """A stand-in emitter with the members' inputs and shared table: emissions are the word
    vectors times this member's own matrix (plus the letters' sum, so chars matters)."""
    from onnx import TensorProto, helper, numpy_helper

    rng = np.random.default_rng(seed)
    weight = rng.normal(size=(table.shape[1], len(LABELS))).astype(np.float32)
    ints = {n: helper.make_tensor_value_info(n, TensorProto.INT64, ["b", "t"]) for n in INPUTS}
    ints["chars"] = helper.make_tensor_value_info("chars", TensorProto.INT64, ["b", "t", "c"])
    ints["flags"] = helper.make_tensor_value_info("flags", TensorProto.FLOAT, ["b", "t", 2])
    nodes = [
        helper.make_node("Gather", ["words.weight", "words"], ["vec16"]),
        helper.make_node("Cast", ["vec16"], ["vec"], to=TensorProto.FLOAT),
        helper.make_node("MatMul", ["vec", "weight"], ["scores"]),
        helper.make_node("Cast", ["chars"], ["charsf"], to=TensorProto.FLOAT),
        helper.make_node("ReduceSum", ["charsf", "axis"], ["lettersum"], keepdims=1),
        helper.make_node("Add", ["scores", "lettersum"], ["emissions"]),
    ]
    inits = [
        numpy_helper.from_array(table, "words.weight"),
        numpy_helper.from_array(weight, "weight"),
        numpy_helper.from_array(np.array([2], dtype=np.int64), "axis"),
    ]
    out = helper.make_tensor_value_info("emissions", TensorProto.FLOAT, ["b", "t", len(LABELS)])
    graph = helper.make_graph(nodes, "member", list(ints.values()), [out], inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.save(model, str(path))
    k = len(LABELS)
    tables = Tables(
        LABELS, {"كلمة": 2}, {"ك": 2}, np.full((k, k), trans_shift), np.zeros(k), np.zeros(k)
    )
    tables_path(path).write_text(json.dumps(tables.to_json(), ensure_ascii=False), "utf-8")


def _run(path: Path, feed: dict[str, np.ndarray]) -> np.ndarray:
    return ort.InferenceSession(str(path), providers=["CPUExecutionProvider"]).run(None, feed)[0]


def _feed() -> dict[str, np.ndarray]:
    words = np.array([[2, 3, 1], [4, 0, 0]], dtype=np.int64)
    return {
        "words": words,
        "stems": words,
        "chars": np.ones((2, 3, 4), dtype=np.int64),
        "flags": np.zeros((2, 3, 2), dtype=np.float32),
        "rev": np.zeros((2, 3), dtype=np.int64),
    }


def test_merged_graph_emits_the_members_mean_and_averages_their_crf_scores(tmp_path):
    from marsad.ner.neural.ensemble import merge

    table = np.random.default_rng(0).normal(size=(5, 4)).astype(np.float16)
    paths = [tmp_path / f"m{k}.onnx" for k in range(3)]
    for k, p in enumerate(paths):
        _member(p, table, seed=k, trans_shift=float(k))
    merge(paths, tmp_path / "merged.onnx")
    feed = _feed()
    expected = np.mean([_run(p, feed) for p in paths], axis=0)
    got = _run(tmp_path / "merged.onnx", feed)
    assert np.abs(got - expected).max() < 1e-5
    merged_tables = json.loads(tables_path(tmp_path / "merged.onnx").read_text("utf-8"))
    assert np.allclose(merged_tables["trans"], 1.0)  # mean of 0, 1, 2
    # one word table in the merged file, not three
    model = onnx.load(str(tmp_path / "merged.onnx"))
    assert [i.name for i in model.graph.initializer].count("words.weight") == 1
    assert not any(i.name.endswith("/words.weight") for i in model.graph.initializer)


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
    before = _run(path, _feed())
    quantize(path)
    after = _run(path, _feed())
    assert not path.with_suffix(".float.onnx").exists()
    ops = {n.op_type for n in onnx.load(str(path)).graph.node}
    assert "MatMul" not in ops  # replaced by its int8 form
    assert np.abs(after - before).max() < 0.05 * np.abs(before).max()


def test_letters_cut_to_the_longest_word_give_the_same_emissions():
    model = NeuralNerModel(DEFAULT_NEURAL_MODEL)
    encoded = model.encoder.document([["زار", "الوزير", "مدينة", "الرباط", "والمغرب"]])
    arrays = pad(encoded)
    assert arrays["chars"].shape[2] == len("والمغرب") + 2 < MAX_CHARS
    full = dict(arrays)
    full["chars"] = np.zeros((*arrays["chars"].shape[:2], MAX_CHARS), dtype=np.int64)
    full["chars"][:, :, : arrays["chars"].shape[2]] = arrays["chars"]
    assert np.abs(model._emit(arrays) - model._emit(full)).max() < 1e-4
