"""A BiLSTM-CRF entity recogniser: trained with torch (train.py, network.py), run with
onnxruntime and numpy only (model.py, decode.py). Nothing is loaded at import.

- ``encode.py``: words -> the network's input arrays (vocabulary, letters, lexicon flags).
- ``decode.py``: Viterbi and forward-backward marginals over the CRF transitions (numpy).
- ``model.py``: ``NeuralNerModel``, the same interface as ``marsad.ner.model.NerModel``.
"""
