"""Match keys of English tokens (lower case, accents folded) and the inflections of trigger verbs."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from actorgraph.extract.lang import profile


def fold(text: str) -> str:
    """Lowercase without accents: 'Lourenço' and 'Lourenco' are one key."""
    if text.isascii():
        return text.lower()
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=300_000)
def en_keys(text: str) -> dict[str, str]:
    lower = fold(text).replace("’", "'")
    keys = {lower: ""}
    if lower.endswith(".") and len(lower) > 2 and lower.count(".") == 1:
        keys[lower[:-1]] = ""  # sentence-final "U.S." keeps its dot, "Inc." etc.
    return keys


@lru_cache(maxsize=1)
def _irregular() -> dict[str, list[str]]:
    """Lemma → its irregular forms (lexicon set "irregular verbs": the lemma, then its forms)."""
    return {entry[0]: list(entry[1:]) for entry in profile("en").phrases("irregular verbs")}


def inflect_en(lemma: str) -> list[str]:
    irregular = _irregular()
    forms = [lemma, *(irregular.get(lemma, []))]
    if re.search(r"(s|sh|ch|x|z)$", lemma):
        forms.append(lemma + "es")
    elif re.search(r"[^aeiou]y$", lemma):
        forms.append(lemma[:-1] + "ies")
    else:
        forms.append(lemma + "s")
    if lemma not in irregular or lemma in profile("en").words("regular past"):
        if lemma.endswith("e"):
            forms.append(lemma + "d")
        elif re.search(r"[^aeiou]y$", lemma):
            forms.append(lemma[:-1] + "ied")
        elif re.fullmatch(r"[^aeiou]*[aeiou][bdgklmnprt]", lemma) and len(lemma) <= 4:
            forms.append(lemma + lemma[-1] + "ed")
        else:
            forms.append(lemma + "ed")
    if lemma.endswith("e") and not lemma.endswith("ee"):
        forms.append(lemma[:-1] + "ing")
    elif re.fullmatch(r"[^aeiou]*[aeiou][bdgklmnprt]", lemma) and len(lemma) <= 4:
        forms.append(lemma + lemma[-1] + "ing")
    else:
        forms.append(lemma + "ing")
    return forms
