"""English for Arabic words of composed names: the glossary, else a transliteration."""

from __future__ import annotations

from actorgraph.extract.lang.ar.keys import ar_keys
from actorgraph.extract.lang.ar.normalize import normalize
from actorgraph.extract.lang.ar.translit import transliterate
from actorgraph.extract.lookup import Tables


def gloss_ar(tables: Tables, word: str) -> str:
    """English for an Arabic modifier word, else a transliteration."""
    keys = [normalize(word)]
    keys += [k for k in ar_keys(word) if k not in keys]
    for key in keys:
        if key in tables.glossary:
            return tables.glossary[key]
        if ("ال" + key) in tables.glossary:
            return tables.glossary["ال" + key]
    return transliterate(word).replace("al-", "")


def glossed(tables: Tables, keys: dict[str, str]) -> bool:
    """Is a word with these keys one the glossary translates (مشتركا → Joint), not a name to transliterate?"""
    return any(key in tables.glossary or ("ال" + key) in tables.glossary for key in keys)
