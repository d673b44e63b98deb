"""Arabic function words for search (normalised spelling: ى->ي, ة->ه, bare alef).

A hand-written list of prepositions, conjunctions, pronouns, particles and auxiliaries,
in the spirit of Lucene's Arabic stopword list; content words are never on it.
"""

from __future__ import annotations

_WORDS = """
    في من علي الي عن مع عند لدي حتي منذ بين حول خلال ضد نحو دون عبر فوق تحت امام خلف
    و او ام ثم بل لكن لكن اذا اذ ان انه انها انهم لان كي لكي حيث كما بينما لو لولا الا غير
    سوي قد لقد لم لن لا ما ماذا لماذا كيف اين متي هل كل بعض اي ايضا فقط جدا كان كانت
    يكون تكون كانوا ليس ليست هو هي هم هما هن انا نحن انت انتم انتما هذا هذه هذان هاتان
    هؤلاء ذلك تلك اولئك الذي التي الذين اللذان اللتان اللواتي اللاتي هناك هنا ثمه عليه
    عليها عليهم فيه فيها فيهم منه منها منهم له لها لهم به بها بهم اليه اليها عنه عنها
    وقد وفي ومن وعلي والي وان وهو وهي ولا وما وكان وكانت فان فقد فهو فهي ولم ولن
    """
STOPWORDS = frozenset(_WORDS.split())
