"""Ordinary Arabic words that are no part of a person's name: after a title, وجهات أخرى "and other
parties", والتي تلعب "which plays", وإدارته "and his administration" are not a person.

A word is ordinary when one of its readings is a function word (والتي = و + التي, نفسه = نفس + ه), a verb
of the lexicon's "verbs" set in any of its third-person inflections (تلعب, سيقول, تنتخبه), a word of the
"common nouns" set (رئيس نقابة, وجهات), or a word the glossary translates carrying a clitic (وإدارته =
و + إدارة + ه). A word of a known person's Arabic name is never ordinary (فيصل is not ف + يصل), and an
enclitic pronoun is read only where the word is written with it (حمادة is not حماد + ه)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from actorgraph.extract.lang import profile
from actorgraph.extract.lang.ar.keys import inflect_ar
from actorgraph.extract.lang.ar.normalize import analyses, normalize, strip_article
from actorgraph.extract.lookup import Tables

if TYPE_CHECKING:
    from actorgraph.extract.mentions.finder import MentionFinder

_AR = profile("ar")
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")


@lru_cache(maxsize=1)
def verb_forms() -> frozenset[str]:
    """The third-person inflections of the lexicon's verbs (past or present lemma, masculine singular): not
    the first person (نجد, اجد), which names share (Najd, Wajid)."""
    forms: set[str] = set()
    for verb in _AR.words("verbs"):
        present = verb.startswith("ي")
        forms.update(form for form in inflect_ar(verb) if not (present and form[:1] in ("ا", "ن")))
    return frozenset(forms)


_PERSON_WORDS: dict[int, frozenset[str]] = {}


def person_words(tables: Tables) -> frozenset[str]:
    """Every word of a known person's Arabic name or alias, normalised."""
    found = _PERSON_WORDS.get(id(tables))
    if found is None:
        words: set[str] = set()
        for entry in tables.gazetteer.entries.values():
            if entry.type == "Person":
                for label in (entry.label_ar, *entry.aliases_ar):
                    words.update(normalize(w) for w in label.split())
        found = _PERSON_WORDS[id(tables)] = frozenset(words)
    return found


def _glossed(tables: Tables, stem: str) -> bool:
    return stem in tables.glossary or ("ال" + stem) in tables.glossary or strip_article(stem) in tables.glossary


def _common(stem: str) -> bool:
    return stem in _AR.words("common nouns") or strip_article(stem) in _AR.words("common nouns")


def ordinary_reading(tables: Tables, text: str, known: bool = True) -> str:
    """Why a word written ``text`` is an ordinary word ("function", "verb", "common", "glossed"), or "" (it may
    be a name). ``known=False`` reads a word of a known person's name like any other."""
    norm = normalize(text)
    if known and norm in person_words(tables):
        return ""
    raw = _DIACRITICS.sub("", text)
    stop, verbs = _AR.words("name stop"), verb_forms()
    noun_pro, verb_pro = _AR.words("name proclitics"), _AR.words("verb proclitics")
    pronouns = _AR.words("possessive enclitics")
    for pro, stem, enc in analyses(norm):
        if enc and (enc not in pronouns or not raw.endswith(enc)):
            continue  # حمادة, مصطفى, الحريري: a ta marbuta, an alef maqsura or a nisba, no pronoun
        if stem in verbs and (not pro or pro in verb_pro):
            return "verb"
        if pro and pro not in noun_pro:
            continue
        if (pro[:1] in ("و", "ف") or enc and not pro) and stem in stop:  # not ب + اول: باول is Powell
            return "function"
        if _common(stem):
            return "common"
        if (pro or enc) and len(strip_article(stem)) >= 3 and _glossed(tables, stem):
            return "glossed"
    return ""


def ordinary(f: MentionFinder, m: int) -> bool:
    """Is the token at m an ordinary word, no part of an unknown person's name?"""
    return bool(ordinary_reading(f.t, f.toks[m].text))
