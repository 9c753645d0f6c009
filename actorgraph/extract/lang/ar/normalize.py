"""Arabic orthographic normalisation and clitic segmentation.

News Arabic spells the same word many ways (hamza forms, final ya/alef maqsura, ta marbuta, optional
diacritics and tatweel) and glues clitics to words (و+وزير, ل+ال+حكومة, محادثات+هما). Matching works on
the normalised form and on the few segmentations a token allows.
"""

from __future__ import annotations

import re
from functools import lru_cache

from actorgraph.extract.lang import read_wordsets

# Tashkeel (harakat, tanween, shadda, sukun), superscript alef, Quranic marks, tatweel.
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_CHAR_MAP = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ؤ": "ء",
        "ئ": "ء",
        "گ": "ك",
        "ک": "ك",
        "ی": "ي",
        "ڤ": "ف",
        "پ": "ب",
        "چ": "ج",
        "\u200c": None,  # ZWNJ
        "\u200d": None,  # ZWJ
    }
)
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")

# One-letter proclitics, and the enclitic pronouns longest first (ا is the accusative tanween alef: قانونًا →
# قانونا), as the lexicon lists them (sets "proclitics" and "enclitics" of wordsets_ar_mentions.tsv).
PROCLITICS = read_wordsets("ar")["proclitics"]
ENCLITICS = read_wordsets("ar")["enclitics"]


@lru_cache(maxsize=262_144)
def normalize(text: str) -> str:
    """Normalise Arabic spelling; other scripts pass through (casefolded). Cached: the relation finder asks
    for the same tokens many times."""
    return _DIACRITICS.sub("", text).translate(_CHAR_MAP).casefold()


def is_arabic(text: str) -> bool:
    return bool(_ARABIC_LETTER.search(text))


@lru_cache(maxsize=200_000)
def proclitic_splits(norm: str) -> tuple[tuple[str, str], ...]:
    """Possible (proclitics, rest) splits of a normalised token, the unsplit form first.

    Handles up to two proclitic letters (وب, فل, وس ...) and the article fused with ل (للحكومة = ل + الحكومة).
    Stems shorter than two letters are not offered.
    """
    out: list[tuple[str, str]] = [("", norm)]
    for i in range(1, 3):
        prefix, rest = norm[:i], norm[i:]
        if len(rest) < 2 or any(c not in PROCLITICS for c in prefix):
            break
        out.append((prefix, rest))
        if prefix.endswith("ل") and rest.startswith("ل") and len(rest) > 2:
            out.append((prefix, "ا" + rest))  # لل… is ل + ال…
    return tuple(out)


@lru_cache(maxsize=200_000)
def enclitic_splits(stem: str) -> tuple[tuple[str, str], ...]:
    """Possible (stem, enclitic) splits, the unsplit form first.

    A stem that lost an enclitic gets its ta marbuta back (حكومتيهما → حكومتي → حكومه) and dual/plural
    construct endings their base (حكومتي → حكومه, محادثات stays).
    """
    out: list[tuple[str, str]] = [(stem, "")]
    for enc in ENCLITICS:
        if stem.endswith(enc) and len(stem) - len(enc) >= 2:
            base = stem[: -len(enc)]
            out.append((base, enc))
            if base.endswith("ت"):
                out.append((base[:-1] + "ه", enc))
            if base.endswith("تي") and len(base) > 3:  # oblique dual construct: حكومتي(هما)
                out.append((base[:-2] + "ه", enc))
            elif base.endswith("ي") and len(base) > 3:
                out.append((base[:-1], enc))
    return tuple(out)


@lru_cache(maxsize=200_000)
def analyses(norm: str) -> tuple[tuple[str, str, str], ...]:
    """All (proclitics, stem, enclitic) readings of a normalised token, the plainest first."""
    seen: set[tuple[str, str, str]] = set()
    out: list[tuple[str, str, str]] = []
    for pro, rest in proclitic_splits(norm):
        for stem, enc in enclitic_splits(rest):
            item = (pro, stem, enc)
            if item not in seen:
                seen.add(item)
                out.append(item)
    return tuple(out)


def strip_article(stem: str) -> str:
    return stem[2:] if stem.startswith("ال") and len(stem) > 3 else stem
