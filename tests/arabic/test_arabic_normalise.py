from hypothesis import given
from hypothesis import strategies as st

from marsad.arabic import normalize, normalize_with_offsets, original_span, strip_diacritics

# Text drawn mostly from the Arabic blocks, with Latin, digits, marks and controls mixed in.
arabic_text = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFF),
        st.sampled_from(list("abcXYZ 019.,\u200c\u200f\u202b\u0640\u0670\n")),
        st.characters(),
    ),
    max_size=60,
)


def test_normalize_folds_spelling_variants():
    assert normalize("أحمد") == normalize("احمد") == normalize("إحمد") == normalize("آحمد")
    assert normalize("مدرسة") == "مدرسه"
    assert normalize("على") == "علي"
    assert normalize("ی ک") == "ي ك"


def test_normalize_drops_marks_and_tatweel():
    assert normalize("وَزِيرُ الداخليـــة") == "وزير الداخليه"
    assert normalize("هٰذا") == "هذا"  # superscript alef U+0670
    assert normalize("قال\u200f باريس\u200c") == "قال باريس"


def test_normalize_digits_and_ligatures():
    assert normalize("عام ٢٠٢٠ و۱۴") == "عام 2020 و14"
    assert normalize("\ufefb") == "لا"  # lam-alef ligature (presentation form)


@given(arabic_text)
def test_normalize_is_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once


@given(arabic_text)
def test_normalize_with_offsets_agrees_with_normalize(text):
    norm, offsets = normalize_with_offsets(text)
    assert norm == normalize(text)
    assert len(offsets) == len(norm) + 1
    assert offsets == sorted(offsets)
    assert all(0 <= o <= len(text) for o in offsets)


@given(arabic_text)
def test_strip_diacritics_never_lengthens(text):
    assert len(strip_diacritics(text)) <= len(text)


def test_original_span_maps_back_over_diacritics():
    text = "قال وزيرُ الخارجيةِ اليوم"
    norm, offsets = normalize_with_offsets(text)
    start = norm.index("الخارجيه")
    a, b = original_span(offsets, start, start + len("الخارجيه"))
    assert text[a:b] == "الخارجيةِ"


def test_strip_diacritics_keeps_letters():
    assert strip_diacritics("مُحَمَّد") == "محمد"
    assert strip_diacritics("مُحَمَّد", keep_shadda=True) == "محمّد"
