"""Match keys of Arabic tokens and the inflections of trigger verbs and nisba adjectives."""

from __future__ import annotations

from functools import lru_cache

from actorgraph.extract.lang import profile
from actorgraph.extract.lang.ar.normalize import analyses, normalize, strip_article

_MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640"  # tashkeel and tatweel


@lru_cache(maxsize=300_000)
def ar_keys(text: str) -> dict[str, str]:
    """Match keys of an Arabic token → the proclitics split off to reach it (plainest reading first)."""
    keys: dict[str, str] = {}
    # A word written with the ta marbuta (المالية "financial") ends with no pronoun, though normalised
    # it ends like one (الماليه): no reading of it is المالي + ه "his Mali".
    ta_marbuta = text.rstrip(_MARKS).endswith("ة")
    for pro, stem, enc in analyses(normalize(text)):
        if ta_marbuta and enc == "ه":
            continue
        # "|a" marks a reading through the accusative tanween alef (قانونًا): fine for common nouns,
        # wrong for names (ماليًا "financially" is not مالي "Mali").
        mark = pro + "|a" if enc == "ا" else pro
        keys.setdefault(stem, mark)
        keys.setdefault(strip_article(stem), mark)
    return keys


def inflect_ar(stem: str) -> list[str]:
    """Past (اتفق) or present (يتفق) 3rd person masculine singular → its common news inflections."""
    s = normalize(stem)
    if len(s) >= 3 and s[0] == "ي":  # present tense
        base = s[1:]
        forms = [s, "ت" + base, "ن" + base, "ا" + base]
        for prefix in ("ي", "ت"):
            forms += [prefix + base + "ان", prefix + base + "ون", prefix + base + "ين", prefix + base + "وا"]
        return forms
    forms = [s, s + "ت", s + "ا", s + "تا", s + "وا", s + "ن", s + "تم", s + "نا"]
    if s.endswith(("ي", "ا")):  # defective: التقى → التقت التقوا; دعا → دعت دعوا
        forms += [s[:-1] + "ت", s[:-1] + "وا", s[:-1] + "تا"]
        if len(s) >= 4:
            forms.append(s[:-1] + "ا")  # before an object pronoun: التقاه, استدعاه
    return forms


def nisba_forms(nisba: str) -> list[str]:
    """ياباني → ياباني يابانية يابانيون يابانيين يابانيان يابانيتان (each word of a two-word nisba)."""
    words = normalize(nisba).split()
    endings = sorted(e[1:] for e in profile("ar").words("nisba endings"))
    return [" ".join(w + e for w in words) for e in endings]
