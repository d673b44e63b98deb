"""Stories in the SQLite store: rebuild from stored articles; related articles per article."""

from __future__ import annotations

from pathlib import Path

from marsad.document import Article
from marsad.store import open_store
from marsad.store.stories import largest_stories, related_articles, story_of
from marsad.stories.rebuild import rebuild_stories

PARAS = [
    "افتتحت البلدية حديقة عامة جديدة على ضفة النهر تضم ممرات للمشاة وملاعب للأطفال.",
    "وقال رئيس البلدية إن الحديقة تمتد على مساحة عشرة هكتارات وزرعت فيها ألف شجرة.",
    "وتفتح الحديقة أبوابها يوميا من السادسة صباحا حتى منتصف الليل طوال أيام الأسبوع.",
]
OTHER = [
    "ارتفعت أسعار الخضار في الأسواق المحلية خلال الأسبوع الماضي بسبب موجة الحر الشديدة.",
    "وأرجع التجار الارتفاع إلى تراجع الإنتاج في المزارع وزيادة تكاليف النقل والتخزين.",
]


def test_rebuild_groups_copies_and_lists_related(tmp_path: Path) -> None:
    items = [
        Article(title="حديقة جديدة", paragraphs=PARAS, site="one.example", url="https://one/1"),
        Article(
            title="عاجل: افتتاح حديقة",
            paragraphs=PARAS[:2],
            site="two.example",
            url="https://two/9",
        ),
        Article(title="حديقة جديدة", paragraphs=PARAS, site="three.example", url="https://3/5"),
        Article(title="الأسعار", paragraphs=OTHER, site="one.example", url="https://one/2"),
    ]
    with open_store(tmp_path / "m.db") as store:
        with store.transaction():
            ids = [store.save_article(a).article_id for a in items]
        assert rebuild_stories(store) == (4, 2)
        related = related_articles(store.db, ids[0])
        assert [r["id"] for r in related] == [ids[1], ids[2]] or {r["id"] for r in related} == {
            ids[1],
            ids[2],
        }
        assert {r["site"] for r in related} == {"two.example", "three.example"}
        assert [r["exact"] for r in related if r["id"] == ids[2]] == [True]
        assert related_articles(store.db, ids[3]) == []
        story = story_of(store.db, ids[1])
        assert story is not None and story["size"] == 3 and story["sites"] == 3
        (top,) = largest_stories(store.db)
        assert top["size"] == 3 and top["first_article_id"] == ids[0]
        # Rebuilding again gives the same stories (stable ids), not duplicates.
        assert rebuild_stories(store) == (4, 2)
        assert story_of(store.db, ids[1]) == story
