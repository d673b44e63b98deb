from marsad.arabic import sentence_spans, split_sentences


def test_split_on_arabic_and_latin_terminators():
    text = "وصل الوزير. هل انتهى الاجتماع؟ نعم! ثم غادر؛ وانتهى"
    assert split_sentences(text) == [
        "وصل الوزير.",
        "هل انتهى الاجتماع؟",
        "نعم!",
        "ثم غادر؛",
        "وانتهى",
    ]


def test_no_split_inside_numbers_dates_and_abbreviations():
    text = "ارتفع المؤشر 3.5 في المئة يوم 12.05.2020 وقال د. أحمد إنه جيد."
    assert split_sentences(text) == [text]


def test_line_breaks_end_sentences_and_spans_index_the_text():
    text = "العنوان هنا\n\nالفقرة الأولى. الثانية"
    spans = sentence_spans(text)
    assert [text[a:b] for a, b in spans] == ["العنوان هنا", "الفقرة الأولى.", "الثانية"]


def test_closing_quote_stays_with_its_sentence():
    assert split_sentences("قال «انتهى.» ثم مضى") == ["قال «انتهى.»", "ثم مضى"]
