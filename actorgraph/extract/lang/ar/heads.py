"""Arabic head-noun phrases: a head and the definite words or nisba that follow it (وزارة الدفاع الروسية,
القوات الصينية, مذكرة تفاهم في مجال الأمن الغذائي, إعلانا مشتركا)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from actorgraph.extract.lang.ar.gloss import gloss_ar, glossed
from actorgraph.extract.lang.ar.keys import ar_keys
from actorgraph.extract.lang.ar.normalize import normalize, strip_article
from actorgraph.extract.mentions.base import Hit, compose_label
from actorgraph.extract.records import ACTOR_TYPES, DOCUMENT_TYPES, EVENT_TYPES
from actorgraph.ontology.lexicon import Head

if TYPE_CHECKING:
    from actorgraph.extract.mentions.finder import MentionFinder


def head_at(f: MentionFinder, i: int, j: int, end: int, head: Head, pro: str) -> int | None:
    mods, country, m = _modifiers(f, i, j, end, head, pro)
    # A generic military/government head with only a nisba is the country itself (القوات الصينية).
    if country and not mods and _generic_head(f, i):
        key = f.t.gazetteer.country_by_iso3.get(country)
        if key:
            f.ent.ensure_gaz(key)
            f.add(Hit(i, m, key, "State", "adj", coord=f.coord(i, pro)))
            return m
    definite_head = normalize(f.toks[i].text).startswith("ال") or "ال" in pro
    if not mods and not country:
        return _bare_head(f, i, j, end, head, pro, definite_head)
    all_glossed = all(gloss_ar(f.t, f.toks[x].text) in f.t.glossary.values() for x in mods)
    if head.anaphoric and definite_head and all_glossed:
        return f.anaphor(i, m, head, pro)
    if not country and _generic_head(f, i):
        # officials in an organisation act for it.
        if j + 1 < end and normalize(f.toks[j].text) in f.words("member prepositions"):
            found = f.name_at(j + 1, end)
            entry = f.ent.gaz(found[1].key) if found is not None else None
            if found is not None and entry is not None and entry.type != "Person":
                f.ent.ensure_gaz(entry.key)
                f.add(Hit(i, found[0], entry.key, entry.type, "name", coord=f.coord(i, pro)))
                return found[0]
        return None  # "الطائرات المسيرة": a generic noun names an actor only with a nisba (القوات الروسية)
    return _named_head(f, i, m, head, pro, mods, country, all_glossed)


def _modifiers(f: MentionFinder, i: int, j: int, end: int, head: Head, pro: str) -> tuple[list[int], str, int]:
    """The words after the head that belong to its name, the country of an agreeing nisba, and the end."""
    mods: list[int] = []
    country = ""
    m = j
    head_definite = normalize(f.toks[i].text).startswith("ال") or "ال" in pro
    while m < end and len(mods) < 4 and not f.is_stop(m) and f.cover[m] < 0:
        tok = f.toks[m]
        definite = any(s.startswith("ال") and p in ("", "ل") for s, p in tok.keys.items())
        found = f.name_at(m, end)
        if found is not None:
            # A nisba agrees with its head: القوات الروسية, مسؤولون أمريكيون.
            n_end, _, _, payloads = found
            adj = next((p for p in payloads if p.kind == "adj"), None)  # إسرائيلية also reads as a name
            if adj is not None and definite == head_definite:
                entry = f.ent.gaz(adj.key)
                country = entry.country if entry else ""
                m = n_end
            break
        # قمة ثلاثية, إعلانا مشتركا: an indefinite head takes indefinite adjectives we can translate
        indefinite = not definite and not head_definite and head.type in DOCUMENT_TYPES | EVENT_TYPES
        bare = all(p.replace("|a", "") == "" for p in tok.keys.values())
        if indefinite and m == j + len(mods) and bare and glossed(f.t, tok.keys):
            mods.append(m)
            m += 1
            continue
        if not definite or normalize(tok.text) in f.words("name stop"):
            break
        mods.append(m)
        m += 1
    return mods, country, m


def _bare_head(f: MentionFinder, i: int, j: int, end: int, head: Head, pro: str, definite_head: bool) -> int | None:
    """A head with no modifier: a quoted name, an anaphor, a document with its topic, or an unnamed one."""
    quoted = f.quoted_after(j, end)
    if quoted is not None and head.type in DOCUMENT_TYPES:
        words = [f.toks[x].text for x in range(*quoted)]
        canonical = [head.form, *[_definite_form(f, x) for x in range(*quoted)]]
        exact = f.t.names.match([ar_keys(w) for w in canonical], 0)
        if exact and exact[0][0] == len(canonical):
            key = exact[0][1].key
            f.ent.ensure_gaz(key)
            f.add(Hit(i, quoted[1] + 1, key, f.ent.table[key].type, "head", coord=f.coord(i, pro)))
            return quoted[1] + 1
        label = compose_label(head, [gloss_ar(f.t, w) for w in words])
        entity = f.ent.ensure_new(head.type, label, " ".join(canonical))
        f.add(Hit(i, quoted[1] + 1, entity.key, head.type, "head", coord=f.coord(i, pro)))
        return quoted[1] + 1
    if head.anaphoric and definite_head:
        return f.anaphor(i, j, head, pro)
    if head.type not in DOCUMENT_TYPES:
        return None
    topic = _topic(f, j, end)
    if topic is not None:
        # a memorandum in the field of X: "Memorandum of Understanding on X"
        t_end, t_label = topic
        surface = " ".join(f.toks[x].text for x in range(i, t_end))
        entity = f.ent.ensure_new(head.type, f"{compose_label(head, [])} on {t_label}", surface)
        f.add(Hit(i, t_end, entity.key, head.type, "head", coord=f.coord(i, pro)))
        return t_end
    # مذكرة تفاهم "memorandum of understanding" names the kind of text in full: no "unnamed"
    full = len(head.english.split()) > 2 and "{}" not in head.english
    label = compose_label(head, []) if full else f"unnamed {compose_label(head, []).lower()}"
    entity = f.ent.ensure_new(head.type, label, " ".join(f.toks[x].text for x in range(i, j)))
    f.add(Hit(i, j, entity.key, head.type, "head", coord=f.coord(i, pro)))  # merged with a named one later
    return j


def _named_head(
    f: MentionFinder, i: int, m: int, head: Head, pro: str, mods: list[int], country: str, generic: bool
) -> int | None:
    """A head with its modifiers: a gazetteer entry when its canonical form is one, else a new entity."""
    # Gazetteer lookup of the canonical form (its strategy for the defence of X → the X defence strategy).
    canonical = [head.form, *[_definite_form(f, x) for x in mods]]
    exact = [e for e in f.t.names.match([ar_keys(w) for w in canonical], 0) if e[0] == len(canonical)]
    if head.type in ACTOR_TYPES and not country and generic and not exact:
        return None  # "the nuclear forces": a description, not an actor we can name
    if exact:
        keys = [p.key for _e, p, _ in exact]
        key = f.by_country(keys, country)
        for k in keys:
            f.ent.ensure_gaz(k)
        alternatives = [k for k in keys if k != key]
        f.add(Hit(i, m, key, f.ent.table[key].type, "head", coord=f.coord(i, pro), alternatives=alternatives))
        return m
    label = compose_label(head, [gloss_ar(f.t, f.toks[x].text) for x in mods])
    if country and head.type in ACTOR_TYPES:
        demonym = f.demonym(country)
        label = f"{demonym} {label}" if demonym else label
    entity = f.ent.ensure_new(head.type, label, " ".join(canonical), country=country)
    f.add(Hit(i, m, entity.key, head.type, "head", coord=f.coord(i, pro)))
    return m


def _topic(f: MentionFinder, j: int, end: int) -> tuple[int, str] | None:
    """A document's topic after its head (in the field of X, on X: the lexicon's topic markers): (end, English) when
    every topic word is one the glossary translates."""
    marker = next((len(p) for p in f.p.phrases("topic markers") if _phrase_at(f, j, end, p)), 0)
    if not marker:
        return None
    m = j + marker
    words: list[int] = []
    while m < end and len(words) < 3 and f.cover[m] < 0 and not f.is_stop(m):
        if not any(s.startswith("ال") for s in f.toks[m].keys) or not glossed(f.t, f.toks[m].keys):
            break
        words.append(m)
        m += 1
    if not words:
        return None
    return m, " ".join(reversed([gloss_ar(f.t, f.toks[x].text) for x in words]))


def _phrase_at(f: MentionFinder, k: int, end: int, phrase: tuple[str, ...]) -> bool:
    return k + len(phrase) <= end and all(normalize(f.toks[k + x].text) == w for x, w in enumerate(phrase))


@lru_cache(maxsize=4)
def _bare(words: frozenset[str]) -> frozenset[str]:
    return frozenset(strip_article(w) for w in words)


def _generic_head(f: MentionFinder, i: int) -> bool:
    generic = _bare(f.words("generic forces"))
    return any(strip_article(k) in generic for k in f.toks[i].keys)


def _definite_form(f: MentionFinder, k: int) -> str:
    """The word as it would stand alone with its article: للدفاع → الدفاع."""
    pros = f.words("definite proclitics")
    for stem, pro in f.toks[k].keys.items():
        if stem.startswith("ال") and (pro == "" or pro in pros):
            return stem
    return normalize(f.toks[k].text)
