"""Near-duplicate grouping: copies with other chrome, headlines and paragraphs are one story."""

from __future__ import annotations

import pytest

from marsad.document import Article
from marsad.stories import StoryParams, band_keys, components, fingerprint, group_stories, is_copy
from marsad.stories.grouping import candidate_pairs, lsh_ranges, story_id

PARAS = [
    "أعلنت وزارة الصحة صباح اليوم افتتاح مستشفى جديد في شمال المدينة بسعة مئتي سرير.",
    "وقال المتحدث باسم الوزارة إن المستشفى سيخدم أكثر من مئة ألف نسمة في الأحياء المجاورة.",
    "وأضاف أن العمل في المشروع استمر ثلاث سنوات بتكلفة بلغت خمسين مليون دينار.",
    "ومن المنتظر أن يستقبل المستشفى أول المرضى مطلع الشهر المقبل بعد استكمال التجهيزات.",
]
OTHER = [
    "فاز المنتخب الوطني على ضيفه بهدفين نظيفين في المباراة الودية التي أقيمت مساء أمس.",
    "وسجل المهاجم الشاب الهدفين في الشوط الثاني وسط حضور جماهيري كبير في الملعب.",
    "ويستعد المنتخب للمشاركة في البطولة الإقليمية التي تنطلق في الخريف المقبل.",
]
P = StoryParams()


def art(origin: str, title: str, paras: list[str], site: str = "a.example") -> Article:
    return Article(
        title=title, paragraphs=paras, origin=origin, site=site, url=f"https://{site}/{origin}"
    )


def test_is_copy_accepts_trimmed_copy_with_new_headline_and_chrome() -> None:
    original = fingerprint(art("o", "افتتاح مستشفى جديد", PARAS), P)
    copy = fingerprint(
        art("c", "عاجل: الصحة تفتتح مستشفى", [*PARAS[:3], "تابعونا على مواقع التواصل"]), P
    )
    assert is_copy(original, copy, P) is not None


def test_is_copy_rejects_a_different_story() -> None:
    a = fingerprint(art("a", "مستشفى", PARAS), P)
    b = fingerprint(art("b", "مباراة", OTHER), P)
    assert is_copy(a, b, P) is None


def test_normaliser_makes_spelling_variants_match() -> None:
    folded = [p.replace("أ", "ا").replace("ة", "ه").replace("ى", "ي") for p in PARAS]
    a = fingerprint(art("a", "x", PARAS), P)
    b = fingerprint(art("b", "x", folded), P)
    assert a.shingles == b.shingles


def test_exact_duplicates_are_one_story_even_when_short() -> None:
    fps = [fingerprint(art(o, "خبر", ["قصير"], site=s), P) for o, s in (("1", "a"), ("2", "b"))]
    stories = group_stories(fps, P)
    assert stories.story_of[fps[0].key] == stories.story_of[fps[1].key]


def test_group_stories_keeps_every_copy_with_its_site() -> None:
    items = [
        art("o", "افتتاح مستشفى جديد", PARAS, site="one.example"),
        art("c1", "الصحة تفتتح مستشفى", PARAS[:3], site="two.example"),
        art("c2", "مستشفى بمئتي سرير", [*PARAS, "اقرأ أيضا"], site="three.example"),
        art("x", "فوز المنتخب", OTHER, site="one.example"),
    ]
    fps = [fingerprint(a, P) for a in items]
    stories = group_stories(fps, P)
    keys = [fp.key for fp in fps]
    assert len(stories.members) == 2
    assert sorted(stories.related(keys[0])) == sorted(keys[1:3])
    assert stories.related(keys[3]) == []
    assert {fp.site for fp in fps if stories.story_of[fp.key] == stories.story_of[keys[0]]} == {
        "one.example",
        "two.example",
        "three.example",
    }


def test_band_keys_find_the_same_candidates_as_datasketch_lsh() -> None:
    texts = [PARAS, PARAS[:2], PARAS[1:], OTHER, OTHER[:2], [*OTHER, PARAS[0]]]
    fps = [fingerprint(art(str(i), "t", t), P) for i, t in enumerate(texts)]
    ranges = lsh_ranges(P)
    buckets: dict[str, list[int]] = {}
    for i, fp in enumerate(fps):
        for key in band_keys(fp, ranges):
            buckets.setdefault(key, []).append(i)
    by_bands = {(a, b) for ids in buckets.values() for a in ids for b in ids if a < b}
    assert set(candidate_pairs(fps, P)) == by_bands


def test_fingerprint_is_deterministic_across_runs() -> None:
    a = fingerprint(art("a", "t", PARAS), P)
    b = fingerprint(art("a", "t", PARAS), P)
    assert a == b and len(a.hashvalues) == P.num_perm


def test_fingerprint_row_round_trip() -> None:
    fp = fingerprint(art("a", "t", PARAS), P)
    assert type(fp).from_row(fp.to_row()) == fp


@pytest.mark.parametrize(
    "edges,expected", [([], 3), ([("a", "b")], 2), ([("a", "b"), ("b", "c")], 1)]
)
def test_components_and_stable_ids(edges: list[tuple[str, str]], expected: int) -> None:
    groups = components(["c", "a", "b"], edges)
    assert len(groups) == expected
    assert story_id(["b", "a"]) == story_id(["a", "b"])
    assert all(sid == story_id(members) for sid, members in groups.items())


def test_one_shared_boilerplate_sentence_is_not_a_copy() -> None:
    boiler = "ولم يتسن الحصول على تعليق فوري من الجهات المعنية حتى ساعة نشر هذا الخبر."
    a = fingerprint(art("a", "مستشفى", [*PARAS, boiler]), P)
    b = fingerprint(art("b", "قصير", [boiler]), P)
    assert len(a.shingles & b.shingles) == len(b.shingles)  # b is contained in a...
    assert is_copy(a, b, P) is None  # ...but one sentence is too little to call it a copy
