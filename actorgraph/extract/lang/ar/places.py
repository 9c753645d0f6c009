"""Arabic places named with a place noun: madinat X + a nisba, bi-madinat X Y."""

from __future__ import annotations

from typing import TYPE_CHECKING

from actorgraph.extract.lang.ar.gloss import gloss_ar
from actorgraph.extract.lang.ar.normalize import analyses, normalize
from actorgraph.extract.lang.ar.translit import transliterate

if TYPE_CHECKING:
    from actorgraph.extract.mentions.finder import MentionFinder


def place_at(f: MentionFinder, i: int, end: int) -> int | None:
    j = f.city_head(i, end)
    if j is None or j != i + 1:
        return None
    head = normalize(f.toks[i].text)
    # Only the bare construct form heads a name (madinat X, bi-madinat X); المدينة is "the city".
    if not any(not stem.startswith("ال") and "ال" not in pro and not enc for pro, stem, enc in analyses(head)):
        return None
    m = _place_name_end(f, j, end)
    if m == j:
        return None
    state = ""
    found = f.name_at(m, end)
    adj = next((p for p in found[3] if p.kind == "adj"), None) if found is not None else None
    if found is not None and adj is not None:
        state, n_end = adj.key, found[0]
    else:
        n_end = m
    return f.add_place(i, j, m, state, n_end)


def _place_name_end(f: MentionFinder, j: int, end: int) -> int:
    """The name after the place noun: one word, or two after a first word of place names (خان يونس)."""
    stop, parts = f.words("name stop"), f.words("toponym parts")
    m = j
    while m < end and m - j < 3:
        tok = f.toks[m]
        norm = normalize(tok.text)
        if tok.punct or not tok.text.isalpha() or norm in stop or f.cover[m] >= 0:
            break
        named = f.name_at(m, end)
        if m == j and named is not None and f.gaz_type(named) == "City":
            return named[0]  # a city of the gazetteer (مدينة حلب)
        if named is not None or f.t.titles.match(f.keys, m) or f.t.triggers.match(f.keys, m):
            break
        if m == j and not norm.startswith("ال") and norm.endswith("يه"):
            break  # مدينة ساحلية "a coastal city": an adjective, not a name
        if m > j and normalize(f.toks[m - 1].text) not in parts:
            break  # a second word only after خان, بنت, دير, ... (the lexicon's toponym parts)
        m += 1
    return m


def place_label(f: MentionFinder, surface: str) -> tuple[str, str]:
    """A one-word place name is glossed when the glossary knows it, else transliterated."""
    words = surface.split()
    label_en = " ".join(gloss_ar(f.t, w) for w in words) if len(words) == 1 else transliterate(surface)
    return label_en[:1].upper() + label_en[1:], surface
