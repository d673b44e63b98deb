"""A small store built from hand-written Arabic articles, with entities, mentions and events,
and the web app over it."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from marsad.document import Article, Entity, Event, Mention
from marsad.settings import Settings
from marsad.store import open_store

XSS = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'


def _mention(
    title: str,
    paragraphs: list[str],
    surface: str,
    etype: str,
    eid: str,
    role: str | None = None,
    *,
    in_body: bool = False,
) -> Mention:
    text = "\n\n".join([title, *paragraphs])
    start = text.index(surface, len(title) if in_body else 0)
    return Mention(start, start + len(surface), etype, role=role, entity_id=eid)


def _articles() -> list[Article]:
    ents = {
        "per:salim": Entity(
            "per:salim",
            "سليم الحداد",
            "PER",
            aliases={"سليم الحداد": 3, "الحداد": 1},
            country="MAR",
            role="وزير الخارجية",
        ),
        "per:nadia": Entity(
            "per:nadia", "نادية الرامي", "PER", aliases={"نادية الرامي": 2}, country="TUN"
        ),
        "loc:rabat": Entity("loc:rabat", "الرباط", "LOC", aliases={"الرباط": 2}, country="MAR"),
    }
    out = []
    t1 = "وزير الخارجية سليم الحداد يلتقي نادية الرامي في الرباط"
    p1 = [
        "التقى وزير الخارجية سليم الحداد صباح الاثنين نظيرته نادية الرامي في الرباط.",
        "وبحث الجانبان التعاون في مجال المياه والطاقة المتجددة.",
    ]
    ev_start = len(t1) + 2
    out.append(
        Article(
            title=t1,
            paragraphs=p1,
            site="alpha",
            section="politics",
            published=datetime(2024, 3, 4, 9, 0),
            url="https://alpha.test/1",
            origin="a1",
            mentions=[
                _mention(t1, p1, "سليم الحداد", "PER", "per:salim", role="وزير الخارجية"),
                _mention(t1, p1, "نادية الرامي", "PER", "per:nadia"),
                _mention(t1, p1, "الرباط", "LOC", "loc:rabat"),
                _mention(t1, p1, "نادية الرامي", "PER", "per:nadia", in_body=True),
            ],
            entities=list(ents.values()),
            events=[
                Event(
                    "CONSULT",
                    actor="per:salim",
                    recipient="per:nadia",
                    location="loc:rabat",
                    date="2024-03-04",
                    evidence_start=ev_start,
                    evidence_end=ev_start + len(p1[0]),
                    trigger="التقى",
                )
            ],
        )
    )
    t2 = "أمطار غزيرة تغلق المدارس في الساحل"
    p2 = ["أغلقت المدارس أبوابها بعد أمطار غزيرة هطلت على مدن الساحل طوال الليل."]
    out.append(
        Article(
            title=t2,
            paragraphs=p2,
            site="beta",
            section="weather",
            published=datetime(2024, 4, 1, 8),
            url="https://beta.test/2",
            origin="b2",
        )
    )
    t3 = "الحداد يعلن خطة جديدة للطاقة"
    p3 = ["أعلن سليم الحداد خطة جديدة للطاقة الشمسية في مؤتمر صحفي بالرباط."]
    out.append(
        Article(
            title=t3,
            paragraphs=p3,
            site="beta",
            section="economy",
            published=datetime(2024, 5, 2, 12),
            url="https://beta.test/3",
            origin="b3",
            mentions=[
                _mention(t3, p3, "سليم الحداد", "PER", "per:salim", role="وزير الخارجية"),
                _mention(t3, p3, "الرباط", "LOC", "loc:rabat"),
            ],
            entities=[ents["per:salim"], ents["loc:rabat"]],
        )
    )
    t4 = "مقال تجريبي يحمل شيفرة <script>alert(1)</script>"
    p4 = [f"نص المقال يحمل حمولة: {XSS} وينتهي هنا بكلمة اختبار."]
    out.append(
        Article(
            title=t4,
            paragraphs=p4,
            site="gamma",
            section="tech",
            published=datetime(2024, 5, 3),
            url="javascript:window.__pwned=4",  # a hostile source link
            origin="g4",
            dek='<b onmouseover="window.__pwned = 3">مقدمة</b>',
        )
    )
    return out


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "web.db"
    with open_store(path) as store, store.transaction():
        for art in _articles():
            store.save_article(art)
    return path


@pytest.fixture(scope="session")
def app(web_db: Path):
    from marsad.web.app import create_app

    return create_app(Settings(db_path=web_db))


@pytest.fixture(scope="session")
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        yield c
