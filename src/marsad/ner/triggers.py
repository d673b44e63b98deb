"""Trigger words: nouns and verbs that announce a name of a given type a few words on.

Normalised spelling (bare alef, ي for ى, ه for ة). A trigger up to three words to the left
is a feature ("وزير الخارجيه الفرنسي جان" -> PER; "شركه فولكس فاغن" -> ORG).
"""

from __future__ import annotations

from .role_lexicon import TITLES

_PER = """
    قال قالت اضاف اضافت اكد اكدت اعلن اعلنت صرح صرحت اوضح اوضحت السيد السيده الدكتور
    دكتور الاستاذ الشيخ النجم اللاعب المدرب الكاتب الشاعر الفنان الفنانه المغني الصحفي
    المتحدث الناطق زوجته زوجها ابن بنت نجل الراحل الرئيسان
    """
_ORG = """
    شركه الشركه شركات مجموعه جامعه الجامعه وزاره الوزاره منظمه المنظمه حزب الحزب مجلس
    المجلس هيئه الهيئه بنك البنك مصرف وكاله الوكاله اتحاد الاتحاد جمعيه الجمعيه مؤسسه
    المؤسسه صحيفه الصحيفه مجله قناه حركه الحركه جبهه الجبهه نادي النادي فريق منتخب
    المنتخب محكمه المحكمه لجنه اللجنه مركز المركز معهد المعهد جيش الجيش
    """
_LOC = """
    مدينه المدينه العاصمه بلده البلده قريه القريه منطقه المنطقه محافظه المحافظه ولايه
    الولايه جزيره الجزيره نهر النهر جبل جبال اقليم الاقليم مقاطعه دوله الدوله بلاد شمال
    جنوب شرق غرب وسط ضواحي قرب عاصمه مطار ميناء
    """

TRIGGERS: dict[str, str] = {}
for _type, _words in (("LOC", _LOC), ("ORG", _ORG), ("PER", _PER)):
    TRIGGERS.update(dict.fromkeys(_words.split(), _type))
TRIGGERS.update(dict.fromkeys(TITLES, "PER"))
