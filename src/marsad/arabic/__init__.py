"""Pure Arabic text functions: no I/O, no models.

- ``normalize(text)`` / ``normalize_with_offsets(text)`` / ``original_span``: matching form
  with a map back to the original (normalise.py).
- ``strip_diacritics`` (diacritics.py), ``to_ascii_digits`` (numerals.py).
- ``sentence_spans`` / ``split_sentences`` (sentences.py).
- ``tokenize``, ``split_clitics``, ``clitic_tokens``, ``proclitic_stems`` (tokenise.py).
- ``light_stem`` and ``analyze_for_search(text) -> list[str]``: the analyser the full-text
  index uses for documents and queries (stem.py).
"""

from .diacritics import has_diacritics, strip_diacritics
from .normalise import normalize, normalize_with_offsets, original_span
from .numerals import is_number, parse_number, to_arabic_indic_digits, to_ascii_digits
from .sentences import sentence_spans, split_sentences
from .stem import analyze_for_search, light_stem
from .tokenise import Clitics, Token, clitic_tokens, proclitic_stems, split_clitics, tokenize

__all__ = [
    "Clitics",
    "Token",
    "analyze_for_search",
    "clitic_tokens",
    "has_diacritics",
    "is_number",
    "light_stem",
    "normalize",
    "normalize_with_offsets",
    "original_span",
    "parse_number",
    "proclitic_stems",
    "sentence_spans",
    "split_clitics",
    "split_sentences",
    "strip_diacritics",
    "to_arabic_indic_digits",
    "to_ascii_digits",
    "tokenize",
]
