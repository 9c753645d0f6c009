"""English head-noun phrases: modifiers before the head (Foreign Agents Act, security treaty, a 16th sanctions
package), "the Ministry of Foreign Affairs", "the Security Council resolution", a quoted name ("the 'Prosperity
Guardian' operation"), "a summit of EU leaders"."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from actorgraph.extract.lang.en.keys import en_keys
from actorgraph.extract.mentions.base import Hit, title_case
from actorgraph.extract.mentions.state import ORG_TYPES
from actorgraph.extract.records import ACTOR_TYPES, DOCUMENT_TYPES, EVENT_TYPES
from actorgraph.ontology.lexicon import Head

if TYPE_CHECKING:
    from actorgraph.extract.mentions.finder import MentionFinder

_ORDINAL = re.compile(r"\d+(st|nd|rd|th)")
MAX_MODIFIERS = 5


@lru_cache(maxsize=1)
def _domain_words() -> frozenset[str]:
    """English domain words (the glossary's values, lowercased): "security treaty", "nuclear deal"."""
    from actorgraph.ontology.lexicon import glossary_ar_en

    return frozenset(v.lower() for v in glossary_ar_en().values())


def head_at(f: MentionFinder, i: int, j: int, end: int, head: Head, pro: str) -> int | None:
    mods = _modifiers(f, i)
    start = mods[0] if mods else i
    article = f.toks[start - 1].text.lower() if start > 0 else ""
    if head.english.lower() in f.words("ministry nouns"):
        done = _ministry_of(f, start, j, end, head)
        if done:
            return done
    if not mods and head.type in DOCUMENT_TYPES and i > 0 and f.cover[i - 1] >= 0:
        done = _body_document(f, i, j, head)
        if done:
            return done
    if not mods:
        return _bare_head(f, i, j, end, head, article)
    words = [f.toks[x].text for x in mods] + [f.toks[x].text for x in range(i, j)]
    all_domain = all(not f.toks[x].cap for x in mods) and not f.toks[i].cap
    if head.type in ACTOR_TYPES and all_domain:
        return None  # "nuclear forces": a description, not an actor we can name
    if head.anaphoric and article == "the" and all_domain:
        return f.anaphor(start, j, head, "")
    key = _gazetteer_or_new(f, words, head, title_case(" ".join(words)))
    f.add(Hit(start, j, key, f.ent.table[key].type, "head"))
    return j


def _modifiers(f: MentionFinder, i: int) -> list[int]:
    """Modifiers before the head: capitalised words (Foreign Agents Act), domain words (security treaty),
    numbers and ordinals."""
    domain = _domain_words()
    determiners, not_names = f.words("determiners"), f.words("not names:cased")
    mods: list[int] = []
    b = i - 1
    while b >= 0 and f.cover[b] < 0 and len(mods) < MAX_MODIFIERS:
        tok = f.toks[b]
        low = tok.text.lower()
        if tok.punct or low in determiners or tok.sent != f.toks[i].sent:
            break
        if (tok.cap and tok.text not in not_names) or low in domain or low.isdigit() or _ORDINAL.fullmatch(low):
            mods.insert(0, b)
            b -= 1
            continue
        break
    return mods


def _ministry_of(f: MentionFinder, start: int, j: int, end: int, head: Head) -> int | None:
    """ "the Ministry of Foreign Affairs": capitalised words (and "and") after "of"."""
    if j + 1 >= end or f.toks[j].text.lower() != "of":
        return None
    k = j + 1
    while k < end and (f.toks[k].cap or f.toks[k].text.lower() == "and"):
        k += 1
    if k == j + 1:
        return None
    words = [f.toks[x].text for x in range(j + 1, k)]
    entity = f.ent.ensure_new(head.type, f"{head.english} of {' '.join(words)}")
    f.add(Hit(start, k, entity.key, head.type, "head"))
    return k


def _body_document(f: MentionFinder, i: int, j: int, head: Head) -> int | None:
    """ "the Security Council resolution": the body's document; the body is not the object."""
    owner = f.hits[f.cover[i - 1]]
    if owner.end != i or owner.kind != "name" or owner.type not in ORG_TYPES:
        return None
    surface = f.ent.text[f.toks[owner.start].start : f.toks[i].end]
    key = f.ent.ensure_new(head.type, surface[:1].upper() + surface[1:]).key
    owner.key, owner.type, owner.kind, owner.end = key, head.type, "head", j
    for t in range(i, j):
        f.cover[t] = f.cover[i - 1]
    f.ent.add_mention(key, f.toks, owner.start, j)
    return j


def _bare_head(f: MentionFinder, i: int, j: int, end: int, head: Head, article: str) -> int | None:
    """A head with no modifier: a quoted name, a gathering named by who met, an anaphor, an unnamed document."""
    quoted = f.quoted_after(j, end)
    if quoted is not None and head.type in DOCUMENT_TYPES:
        label = title_case(" ".join(f.toks[x].text for x in range(*quoted))) + " " + head.english
        key = _gazetteer_or_new(f, label.split(), head, label)
        f.add(Hit(i, quoted[1] + 1, key, head.type, "head"))
        return quoted[1] + 1
    gathering = _of_leaders(f, j, end) if head.type in EVENT_TYPES else None
    if gathering is not None:
        # "a summit of EU leaders", "a meeting of Arab foreign ministers": who met names the event
        words = [f.toks[x].text for x in range(i, gathering)]
        key = f.ent.ensure_new(head.type, words[0][:1].upper() + " ".join(words)[1:]).key
        f.add(Hit(i, gathering, key, head.type, "head"))
        return gathering
    if head.anaphoric and article == "the":
        return f.anaphor(i, j, head, "")
    if head.type in DOCUMENT_TYPES and article in f.words("document determiners"):
        entity = f.ent.ensure_new(head.type, f"unnamed {head.english.lower()}")
        f.add(Hit(i, j, entity.key, head.type, "head"))
        return j
    return None


def _gazetteer_or_new(f: MentionFinder, words: list[str], head: Head, label: str) -> str:
    """The gazetteer entry these words name in full, else a new entity with this label."""
    exact = f.t.names.match([en_keys(w) for w in words], 0)
    if exact and exact[0][0] == len(words):
        key = exact[0][1].key
        f.ent.ensure_gaz(key)
        return key
    return f.ent.ensure_new(head.type, label).key


def _of_leaders(f: MentionFinder, j: int, end: int) -> int | None:
    """ "(summit) of EU leaders", "of NATO foreign ministers": where the phrase ends, or None."""
    if j + 2 >= end or f.toks[j].text.lower() != "of":
        return None
    found = f.name_at(j + 1, end)
    if found is None or f.gaz_type(found) in ("", "Person"):
        return None
    m = found[0]
    leaders = f.words("leader nouns")
    if m + 1 < end and f.toks[m].text.islower() and f.toks[m + 1].text.lower() in leaders:
        m += 1  # one lower-case word before the leader noun: "foreign ministers"
    if m < end and f.toks[m].text.lower() in leaders:
        return m + 1
    return None
