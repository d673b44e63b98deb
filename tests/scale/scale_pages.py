"""Pages for the scale tests: a small WARC of our own Arabic pages: three stories, each on several invented sites with
their own chrome and edited headlines, plus pages that are not articles."""

from __future__ import annotations

from marsad.document import RawPage

STORIES = [
    [
        "أعلنت وزارة الصحة صباح اليوم افتتاح مستشفى جديد في شمال المدينة بسعة مئتي سرير.",
        "وقال المتحدث باسم الوزارة إن المستشفى سيخدم أكثر من مئة ألف نسمة في الأحياء المجاورة.",
        "وأضاف أن العمل في المشروع استمر ثلاث سنوات بتكلفة بلغت خمسين مليون دينار.",
        "ومن المنتظر أن يستقبل المستشفى أول المرضى مطلع الشهر المقبل بعد استكمال التجهيزات.",
    ],
    [
        "فاز المنتخب الوطني على ضيفه بهدفين نظيفين في المباراة الودية التي أقيمت مساء أمس.",
        "وسجل المهاجم الشاب الهدفين في الشوط الثاني وسط حضور جماهيري كبير في الملعب.",
        "ويستعد المنتخب للمشاركة في البطولة الإقليمية التي تنطلق في الخريف المقبل.",
    ],
    [
        "ارتفعت أسعار الخضار في الأسواق المحلية خلال الأسبوع الماضي بسبب موجة الحر الشديدة.",
        "وأرجع التجار الارتفاع إلى تراجع الإنتاج في المزارع وزيادة تكاليف النقل والتخزين.",
        "وتوقع خبراء أن تعود الأسعار إلى مستوياتها المعتادة مع بداية موسم الحصاد الجديد.",
    ],
]
TITLES = ["افتتاح مستشفى جديد في الشمال", "فوز المنتخب في مباراة ودية", "ارتفاع أسعار الخضار"]
SITES = {
    "one.example": "تابعونا على مواقع التواصل",
    "two.example": "جميع الحقوق محفوظة",
    "three.example": "حمّل تطبيقنا",
    "four.example": "الأكثر قراءة",
    "five.example": "اشترك في النشرة",
    "six.example": "اتصل بنا",
}


def page_html(title: str, paras: list[str], chrome: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (
        f"<!doctype html><html lang='ar' dir='rtl'><head><meta charset='utf-8'>"
        f"<title>{title}</title></head><body><header><nav><a href='/'>{chrome}</a></nav>"
        f"</header><main><article><h1>{title}</h1>{body}</article></main>"
        f"<footer>{chrome}</footer></body></html>"
    )


def build_pages() -> list[RawPage]:
    pages = []
    for s, paras in enumerate(STORIES):
        for i, (site, chrome) in enumerate(SITES.items()):
            title = TITLES[s] if i % 2 == 0 else f"عاجل: {TITLES[s]}"
            kept = paras if i % 3 else paras[:-1]
            html = page_html(title, kept, chrome)
            pages.append(
                RawPage(
                    html.encode(),
                    url=f"https://{site}/news/{s}-{i}",
                    headers={"content-type": "text/html; charset=utf-8"},
                )
            )
    pages.append(
        RawPage(
            b"<html><body></body></html>",
            url="https://one.example/empty",
            headers={"content-type": "text/html"},
        )
    )
    return pages
