"""marsad.extraction.html on pages written for these tests (tests/extraction/pages).

Each page imitates a different template: WordPress (Levant), a table-layout portal with
<br> paragraphs and no <h1> (Gulf), a JSON-LD @graph site with kicker and dek (Maghreb),
bare <div>s with no classes at all, and an English page.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from marsad.document import Article, RawPage
from marsad.errors import ExtractionError
from marsad.evaluation.extraction import article_output
from marsad.extraction.html import extract_html
from marsad.settings import Settings

PAGES = Path(__file__).parent / "pages"


def extract(name: str) -> Article:
    path = PAGES / name
    return extract_html(RawPage(content=path.read_bytes(), origin=str(path)), Settings())


def test_extract_wordpress_body_without_chrome() -> None:
    art = extract("wordpress_levant.html")
    assert art.title == "وزير الطاقة يعلن خطة لإصلاح قطاع الكهرباء خلال عامين"
    assert len(art.paragraphs) == 6
    assert art.paragraphs[0].startswith("أعلن وزير الطاقة، صباح الأحد")
    assert art.paragraphs[-1].startswith("من جهتهم، رأى خبراء")
    assert art.subheadings == ["تمويل من المانحين"]
    assert art.captions == ["محطة لتوليد الكهرباء على الساحل اللبناني (أرشيف)"]
    assert (art.dateline.place, art.dateline.source) == ("بيروت", "أ ف ب")
    assert art.authors == ["رامي الخوري"]
    assert art.published == datetime(2021, 3, 14, 9, 30, tzinfo=timezone(timedelta(hours=2)))
    assert art.updated is None  # the page's "updated" is earlier than publication
    assert art.site == "المرصد اللبناني"
    assert art.url == "https://example-levant.test/2021/03/energy-plan/"


@pytest.mark.parametrize(
    "chrome",
    [
        "اقرأ أيضاً",  # inline teaser
        "أزمة المحروقات تتفاقم",  # its headline
        "مقالات ذات صلة",  # related list
        "الحكومة تستأنف نقاش الموازنة",  # related summary (not a link)
        "لا تعبر عن رأي الموقع",  # comment policy
        "سمعنا هذا الكلام مرات كثيرة",  # a comment
        "لن يتم نشر عنوان بريدك",  # comment form
        "اشترك في النشرة البريدية",  # newsletter
        "الأكثر قراءة",
        "الوسوم",
        "١٢٣",  # share counter
        "جميع الحقوق محفوظة",
        "عاجل",
        "إعلان",
    ],
)
def test_extract_drops_wordpress_chrome(chrome: str) -> None:
    assert chrome not in article_output(extract("wordpress_levant.html"))


def test_extract_table_portal_with_br_paragraphs_and_no_h1() -> None:
    art = extract("table_portal_gulf.html")
    assert art.title == "أمطار غزيرة تغلق طرقاً في المنطقة الشرقية"
    assert art.subheadings == ["تعليق الدراسة"]
    assert len(art.paragraphs) == 5
    assert art.paragraphs[0].startswith("أغلقت السلطات المحلية")
    assert art.dateline.place == "الدمام"
    assert art.published is not None and art.published.date().isoformat() == "2020-11-01"
    assert art.section == "محليات"
    out = article_output(art)
    for chrome in (
        "اقرأ أيضا",
        "الأرصاد تحذر",
        "تعبر عن رأي كتابها",
        "النشرة البريدية",
        "شارك الخبر",
        "57",
        "أخبار ذات صلة",
        "هيئة الطرق",
        "جميع الحقوق",
    ):
        assert chrome not in out


def test_extract_jsonld_graph_kicker_dek_and_update() -> None:
    art = extract("jsonld_maghreb.html")
    assert art.title == "البرلمان يصادق على قانون المالية التكميلي"
    assert art.kicker == "في جلسة عامة مطولة"
    assert art.dek is not None and art.dek.startswith("صادق مجلس النواب بالأغلبية")
    assert art.subheadings == ["انتقادات المعارضة"]
    assert art.paragraphs[0].startswith("صادق مجلس النواب، مساء الاثنين")
    assert art.paragraphs[-1].startswith("«لا يمكن أن نطلب")
    assert art.section == "سياسة"
    assert art.authors == ["سليمة بن علي"]
    tz = timezone(timedelta(hours=1))
    assert art.published == datetime(2021, 1, 12, 10, 5, tzinfo=tz)
    assert art.updated == datetime(2021, 1, 12, 14, 20, tzinfo=tz)
    out = article_output(art)
    for chrome in (
        "تابعونا على تيليغرام",
        "الأكثر قراءة",
        "تمديد حالة الطوارئ",
        "3 تعليقات",
        "تسجيل الدخول",
        "قانون المالية\nالبرلمان",
    ):
        assert chrome not in out


def test_extract_bare_divs_by_text_density() -> None:
    art = extract("bare_divs.html")
    assert art.title == "افتتاح معرض الكتاب في دورته الجديدة"
    assert len(art.paragraphs) == 3
    assert art.published == datetime(2020, 10, 5)
    out = article_output(art)
    assert "مهرجان المسرح" not in out and "سياسة الخصوصية" not in out


def test_extract_english_page_gives_a_result() -> None:
    art = extract("english_news.html")
    assert art.language == "en"
    assert art.title == "City council approves new cycling lanes"
    assert len(art.paragraphs) == 2 and "Bus fares" not in article_output(art)


def test_extract_language_from_text_not_lang_attribute() -> None:
    html = (PAGES / "bare_divs.html").read_text("utf-8").replace("<html>", '<html lang="en-US">')
    art = extract_html(RawPage(content=html.encode()), Settings())
    assert art.language == "ar"


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"   \n",
        bytes(random.Random(7).randrange(256) for _ in range(5000)),
        b"\x00\x01\x02" * 1000,
    ],
)
def test_extract_bad_input_raises_extraction_error(content: bytes) -> None:
    with pytest.raises(ExtractionError):
        extract_html(RawPage(content=content, origin="bad.html"), Settings())


def test_extract_truncated_html_keeps_what_is_there() -> None:
    raw = (PAGES / "wordpress_levant.html").read_bytes()
    cut = raw[: raw.index("ولفت إلى أن".encode()) + 40]
    art = extract_html(RawPage(content=cut), Settings())
    assert art.title == "وزير الطاقة يعلن خطة لإصلاح قطاع الكهرباء خلال عامين"
    assert len(art.paragraphs) >= 3


def test_extract_20mb_page_is_capped_not_fatal() -> None:
    para = "<div class='item'><a href='/x'>رابط</a><p>" + "نص طويل للتجربة " * 30 + "</p></div>\n"
    big = ("<html><body><h1>عنوان الصفحة الكبيرة جدا</h1>" + para * 25_000).encode()
    assert len(big) > 20_000_000
    art = extract_html(RawPage(content=big), Settings())  # cut to max_page_bytes (8 MB)
    assert art.title == "عنوان الصفحة الكبيرة جدا"


def test_extract_logo_h1_and_teaser_box_inside_body() -> None:
    art = extract("logo_h1_teaser_box.html")
    # The first <h1> is the site logo; og:title carries an "عاجل |" prefix and the site.
    assert art.title == "الصحة تطلق حملة تطعيم موسعة ضد الحصبة"
    assert len(art.paragraphs) == 4
    assert (art.dateline.place, art.dateline.source) == ("القاهرة", "رويترز")
    assert art.captions == ["أطفال في أحد مراكز التطعيم بالقاهرة"]
    assert art.authors == ["محمود عبد الرحيم"]
    assert art.published is not None and art.published.date().isoformat() == "2019-10-06"
    out = article_output(art)
    for chrome in (
        "شاهد أيضا",
        "وزير الصحة يتفقد",
        "تفقد الوزير عدداً",
        "تشمل خطة التطوير",
        "أم أحمد",
        "قريتنا",
        "لا تعبر عن رأي الجريدة",
        "أسعار الذهب",
    ):
        assert chrome not in out


def test_extract_falls_back_to_jsonld_article_body() -> None:
    art = extract("js_rendered.html")
    assert art.title == "ارتفاع صادرات التمور إلى مستوى قياسي"
    assert len(art.paragraphs) == 3 and art.paragraphs[0].startswith("سجلت صادرات التمور")
    assert "جار التحميل" not in article_output(art)
    assert art.section == "اقتصاد" and art.authors == ["نورة السالم"]


def test_extract_egyptian_article_body_keeps_ambiguous_openings() -> None:
    art = extract("egypt_article_body.html")
    assert art.dek == "المصنع يضم أحدث خطوط الإنتاج ويوفر فرص عمل جديدة لأبناء المحافظة"
    assert [p.split()[0] for p in art.paragraphs] == ["شارك", "وقال", "إعلان", "وأشار"]
    assert art.captions == ["جانب من حفل افتتاح المصنع بحضور المسؤولين"]
    assert art.authors == ["أحمد فتحي"]
    assert art.published == datetime(2020, 9, 20, 17, 22)
    assert art.section == "اقتصاد وبورصة"
    out = article_output(art)
    for chrome in (
        "اقرأ أيضا",
        "وزير قطاع الأعمال يتفقد",
        "تصوير",
        "تابعوا آخر الأخبار",
        "الكلمات المفتاحية",
        "أخبار متعلقة",
        "البورصة تربح",
        "جميع الحقوق",
    ):
        assert chrome not in out


@pytest.mark.parametrize(
    ("text", "chrome"),
    [
        ("شارك", True),
        ("شارك آلاف المتظاهرين في مسيرة حاشدة وسط العاصمة للمطالبة بالإصلاح", False),
        ("إعلان الحكومة عن خطة جديدة لدعم الشباب في المحافظات الجنوبية", False),
        ("وقال إن التصريحات لا تعبر عن رأي الحكومة الرسمي", False),
        ("التعليقات المنشورة لا تعبر عن رأي الموقع", True),
        ("اقرأ أيضاً: الحكومة تعلن خطة جديدة", True),
        ("تابعوا أخبارنا عبر غوغل نيوز", True),
        ("لمتابعة تنفيذ المشروع شكلت الحكومة لجنة", False),
        ("انتهای پیام/ی", True),
    ],
)
def test_chrome_phrases_need_context(text: str, chrome: bool) -> None:
    from marsad.extraction.html import RULES

    assert RULES.is_chrome_text(text) is chrome


def test_extract_date_from_a_dated_element_left_out_as_chrome() -> None:
    html = (PAGES / "bare_divs.html").read_text("utf-8")
    html = html.replace(
        "<div>نشر بتاريخ: 2020/10/05</div>",
        '<div class="toolbar"><span class="news-date">۲۱ ارديبهشت ۱۳۹۹</span></div>',
    )
    art = extract_html(RawPage(content=html.encode()), Settings())
    assert art.published == datetime(2020, 5, 10)


def test_extract_prefers_the_article_itemprop_date_over_a_related_item() -> None:
    para = "<p>" + "جملة عربية مكتوبة لاختبار تاريخ النشر في الصفحة، " * 6 + "</p>"
    html = (
        "<html><body><div itemscope itemtype='https://schema.org/ItemList'>"
        "<time itemprop='datePublished' datetime='2019-01-01'>1 يناير 2019</time></div>"
        "<div itemscope itemtype='https://schema.org/NewsArticle'><h1>عنوان الخبر المنشور</h1>"
        "<time itemprop='datePublished' datetime='2021-05-06T10:00:00+03:00'>6 مايو</time>"
        f"{para}{para}</div></body></html>"
    )
    art = extract_html(RawPage(content=html.encode()), Settings())
    assert art.published is not None and art.published.date().isoformat() == "2021-05-06"


def test_extract_survives_an_unclosed_h1_and_br_in_headline() -> None:
    para = "<p>" + "جملة عربية مكتوبة لاختبار عنوان غير مغلق في الصفحة، " * 6 + "</p>"
    html = (
        "<html><head><meta property='og:title' content='عنوان من سطرين في الصفحة'></head>"
        "<body><h2>عنوان من سطرين<br>في الصفحة</h2><h1>"
        + "".join(para.replace("جملة", f"جملة {i}") for i in range(5))
        + "</body></html>"
    )
    art = extract_html(RawPage(content=html.encode()), Settings())
    assert art.title == "عنوان من سطرين في الصفحة"
    assert len(art.paragraphs) == 5


def test_extract_keeps_a_short_last_sentence() -> None:
    html = (PAGES / "jsonld_maghreb.html").read_text("utf-8")
    html = html.replace(
        "<p>لمتابعة آخر الأخبار، تابعونا على تيليغرام وفيسبوك.</p>",
        "<p>ولم تعلق الحكومة على ذلك.</p>",
    )
    art = extract_html(RawPage(content=html.encode()), Settings())
    assert art.paragraphs[-1] == "ولم تعلق الحكومة على ذلك."


def test_extract_short_body_beats_a_long_site_blurb_after_a_link_list() -> None:
    art = extract("short_body_long_footer.html")
    assert len(art.paragraphs) == 2 and art.paragraphs[0].startswith("قررت رابطة الأندية")
    assert "موقع رياضي مستقل" not in article_output(art)


def test_extract_credit_line_image_caption_and_inline_byline() -> None:
    para = "<p>" + "وقال المسؤول إن المشروع سيكتمل قبل نهاية العام المقبل، وفق الخطة المعلنة. " * 3
    html = (
        "<html><body><h1>افتتاح جسر جديد فوق النهر في المدينة</h1>"
        "<div class='post-meta'>نشر في 3 حزيران 2024 | كتب: سامر حداد | المشاهدات: 2,418</div>"
        "<div class='post-content'><p>بيروت - الشرق اليوم</p>"
        f"{para}</p><p><img src='/a.jpg'><br><em>الجسر الجديد لحظة افتتاحه</em></p>"
        f"{para.replace('المسؤول', 'المهندس')}</p>"
        "</div><div class='author-box'><h4>سامر حداد</h4><p>صحافي.</p></div></body></html>"
    )
    art = extract_html(RawPage(content=html.encode()), Settings())
    assert (art.dateline.place, art.dateline.source) == ("بيروت", "الشرق اليوم")
    assert len(art.paragraphs) == 2
    assert art.captions == ["الجسر الجديد لحظة افتتاحه"]
    assert art.byline == "كتب: سامر حداد" and art.authors == ["سامر حداد"]
    assert art.published == datetime(2024, 6, 3)


def test_split_authors_knows_places_from_the_dateline_lexicon() -> None:
    from marsad.extraction.html import DATELINES
    from marsad.extraction.metadata import split_authors

    assert split_authors("الرياض - فهد السبيعي", DATELINES.places) == ["فهد السبيعي"]
    assert split_authors("حسام أبو العلا - القاهرة", DATELINES.places) == ["حسام أبو العلا"]
    assert split_authors("(أبوظبي - البيان)", DATELINES.places) == []
    assert split_authors("بقلم: سليمة بن علي") == ["سليمة بن علي"]


def test_extract_bold_lede_tweet_embed_and_end_marker() -> None:
    para = "<p>" + "وأضاف المتحدث أن الفرق الفنية تعمل على إصلاح الأعطال في أسرع وقت ممكن، " * 3
    html = (
        "<html><body><h1>انقطاع الإنترنت عن عدة مناطق لساعات</h1><div class='story'>"
        "<p><strong>أعلنت شركة الاتصالات انقطاع الخدمة صباح اليوم.</strong></p>"
        f"{para}</p><blockquote class='twitter-tweet'><p>تغريدة عن الانقطاع من حساب الشركة "
        "الرسمي مع رابط طويل pic.twitter.com/abc</p>— الشركة (@co) 5 مايو 2021</blockquote>"
        f"{para.replace('المتحدث', 'المدير')}</p><p>(انتهى)</p></div></body></html>"
    )
    art = extract_html(RawPage(content=html.encode()), Settings())
    assert art.paragraphs[0] == "أعلنت شركة الاتصالات انقطاع الخدمة صباح اليوم."
    assert len(art.paragraphs) == 3 and art.subheadings == []
    out = article_output(art)
    assert "تغريدة" not in out and "انتهى" not in out


def test_extract_keeps_bullet_points_inside_the_body() -> None:
    para = "<p>" + "وأوضح البيان أن القرارات تدخل حيز التنفيذ ابتداء من مطلع الشهر المقبل، " * 3
    html = (
        "<html><body><h1>الحكومة تقر حزمة إجراءات اقتصادية جديدة</h1><div class='story'>"
        f"{para}</p><ul><li>خفض الرسوم على المشاريع الصغيرة</li>"
        "<li>تمديد آجال سداد القروض الزراعية</li></ul>"
        f"{para}</p></div><ul class='x'><li><a href='/1'>خبر آخر لا علاقة له بالموضوع هنا</a></li>"
        "<li><a href='/2'>خبر ثان لا علاقة له بالموضوع أيضا</a></li></ul></body></html>"
    )
    art = extract_html(RawPage(content=html.encode()), Settings())
    assert art.paragraphs[1:3] == [
        "خفض الرسوم على المشاريع الصغيرة",
        "تمديد آجال سداد القروض الزراعية",
    ]
    assert art.subheadings == [] and "خبر آخر" not in article_output(art)


def test_extract_visible_update_label() -> None:
    para = "<p>" + "وأضاف المسؤول أن العمل مستمر لإنجاز المشروع في موعده المحدد، حسب الخطة. " * 3
    html = (
        "<html><body><h1>بدء أعمال توسعة الطريق الساحلي الجديد</h1>"
        "<div>آخر تحديث: 5 مايو 2021 - 14:10</div><div>نشر في: 4 مايو 2021 - 09:00</div>"
        f"{para}</p>{para}</p></body></html>"
    )
    art = extract_html(RawPage(content=html.encode()), Settings())
    assert art.published == datetime(2021, 5, 4, 9, 0)
    assert art.updated == datetime(2021, 5, 5, 14, 10)


def test_extract_counts_a_duplicated_story_once() -> None:
    para = "<p>" + "وذكرت الوزارة أن الإجراءات الجديدة تهدف إلى تنظيم حركة السير في المدينة، " * 3
    copy = f"<div class='v'>{para}</p>{para.replace('وذكرت', 'وقالت')}</p></div>"
    html = f"<html><body><h1>تنظيم جديد لحركة السير في المدينة</h1><div>{copy}{copy}</div></body></html>"
    art = extract_html(RawPage(content=html.encode()), Settings())
    assert len(art.paragraphs) == 2


def test_extract_short_brief_is_not_replaced_by_comments() -> None:
    html = (
        "<html><body><h1>إغلاق مؤقت لجسر المشاة وسط المدينة</h1>"
        "<p>أعلنت البلدية إغلاق جسر المشاة وسط المدينة ثلاثة أيام لأعمال الصيانة.</p>"
        "<p>وطلبت من السكان استخدام المعابر البديلة.</p>"
        "<div class='comments'><p>"
        + "تعليق طويل من أحد القراء على الخبر يشرح فيه رأيه، " * 8
        + "</p></div></body></html>"
    )
    art = extract_html(RawPage(content=html.encode()), Settings())
    assert art.paragraphs[0].startswith("أعلنت البلدية") and "تعليق طويل" not in article_output(art)


def test_extract_walks_again_when_class_rules_removed_the_article() -> None:
    paras = "".join(
        f"<p>الفقرة {i} من نص الخبر المنشور داخل حاوية تحمل اسماً مضللاً، وفيها تفاصيل كافية.</p>"
        for i in range(4)
    )
    html = (
        "<html><body><div class='menu'><a href='/'>الرئيسية</a></div>"
        "<h1>خبر داخل حاوية باسم مضلل في القالب</h1>"
        f"<div class='sidebar-wrapper'>{paras}</div></body></html>"
    )
    art = extract_html(RawPage(content=html.encode()), Settings())
    assert len(art.paragraphs) == 4


def test_extract_relative_day_only_with_a_reference_date() -> None:
    para = "<p>" + "وقال شهود إن الحريق اندلع في مخزن قديم قبل أن تتمكن فرق الإطفاء من إخماده، " * 3
    html = (
        "<html><body><h1>حريق في سوق المدينة القديمة دون إصابات</h1>"
        f"<div>اليوم الجمعة</div>{para}</p></body></html>"
    ).encode()
    assert extract_html(RawPage(content=html), Settings()).published is None
    friday = Settings(reference_date=date(2021, 3, 12))
    assert extract_html(RawPage(content=html), friday).published == datetime(2021, 3, 12)


def test_extract_sidebar_heading_after_the_headline_is_no_dek() -> None:
    para = "<p>" + "وذكر التقرير أن نسبة النمو تجاوزت التوقعات في الربع الأخير من العام، " * 3
    html = (
        "<html><body><div class='head'><h1>نمو الاقتصاد يتجاوز التوقعات في الربع الأخير</h1>"
        "</div><h2>الأكثر قراءة</h2><ul><li><a href='/1'>خبر أول في القائمة الجانبية للموقع</a>"
        f"</li></ul><div class='txt'>{para}</p>{para.replace('وذكر', 'وأضاف')}</p></div>"
        "</body></html>"
    )
    art = extract_html(RawPage(content=html.encode()), Settings())
    assert art.dek is None and len(art.paragraphs) == 2


def test_extract_body_split_into_blocks_around_a_link_list() -> None:
    def part(n: int) -> str:
        return "".join(
            f"<p>الفقرة {n}{i} من التقرير الميداني عن موسم الحصاد في السهول الشمالية، بالتفصيل.</p>"
            for i in range(2)
        )

    html = (
        "<html><body><h1>موسم حصاد القمح يبدأ مبكراً هذا العام</h1><div class='article-body'>"
        f"<div class='paragraph-block'>{part(1)}</div>"
        "<div><div><a href='/1'>عنوان خبر مرتبط أول عن الزراعة في البلاد</a></div>"
        "<div><a href='/2'>عنوان خبر مرتبط ثان عن أسعار الحبوب في الأسواق</a></div></div>"
        f"<div class='paragraph-block'>{part(2)}</div></div></body></html>"
    )
    art = extract_html(RawPage(content=html.encode()), Settings())
    assert len(art.paragraphs) == 4 and "خبر مرتبط" not in article_output(art)


def test_extract_unmarked_lede_between_headline_and_body_is_the_dek() -> None:
    paras = "".join(
        f"<p>الفقرة {i} من متن الخبر عن المعرض الدولي للكتاب، مع تفاصيل البرنامج الثقافي.</p>"
        for i in range(4)
    )
    html = (
        "<html><body><div class='top'><h1>افتتاح المعرض الدولي للكتاب بمشاركة واسعة</h1>"
        "<p>يشارك في المعرض هذا العام أكثر من خمسمئة ناشر من ثلاثين دولة عربية وأجنبية.</p></div>"
        f"<div class='main-text'>{paras}</div></body></html>"
    )
    art = extract_html(RawPage(content=html.encode()), Settings())
    assert art.dek is not None and art.dek.startswith("يشارك في المعرض")
    assert len(art.paragraphs) == 4
