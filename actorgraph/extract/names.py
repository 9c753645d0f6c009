"""Names as labels: honorifics are never part of a name, and a surname alone is the person named in full.

- "Honorable Marco Rubio", "H.E. Jane Doe", Arabic ma'ali, sumuw ...: the honorific
  (``lexicon/wordsets_<lang>_honorifics.tsv``, set ``honorific``) is taken off the labels of the people the
  document found; two entities of the document whose names are then the same are one.
- "Lloyd Austin ... Austin said": an entity named by one word that is the last word of exactly one person's
  name in the same document is that person (a trained model may have typed it an organisation).

Runs on a finished ``Extraction``, before the codes and the graph, so what the graph resolves across
documents are the cleaned names.
"""

from __future__ import annotations

from actorgraph.extract.lang import profile, read_wordsets
from actorgraph.extract.records import Entity, Extraction

SURNAME_TYPES = ("Person", "Organization")


def _honorifics(lang: str) -> tuple[tuple[str, ...], ...]:
    if "honorific" not in read_wordsets(lang):
        return ()
    return tuple(sorted(profile(lang).phrases("honorific"), key=len, reverse=True))


def strip_honorifics(name: str, lang: str) -> str:
    """``name`` without the honorifics it starts with ("Honorable Marco Rubio" → "Marco Rubio")."""
    words = name.split()
    phrases = _honorifics(lang)
    changed = True
    while changed and len(words) > 1:
        changed = False
        for phrase in phrases:
            n = len(phrase)
            if n < len(words) and tuple(profile(lang).normalize(w) for w in words[:n]) == phrase:
                words, changed = words[n:], True
                break
    return " ".join(words)


def _script(name: str) -> str:
    return "en" if name.isascii() else "ar"


def _clean(entity: Entity) -> None:
    entity.label_en = strip_honorifics(entity.label_en, "en") if entity.label_en else ""
    entity.label_ar = strip_honorifics(entity.label_ar, "ar") if entity.label_ar else ""
    aliases = [strip_honorifics(a, _script(a)) for a in entity.aliases]
    entity.aliases = [a for a in dict.fromkeys(aliases) if a and a not in (entity.label_en, entity.label_ar)]


def merge_into(ex: Extraction, drop: str, keep: str) -> None:
    """Entity ``drop`` of the document is entity ``keep``: mentions, names and relations move over."""
    gone, kept = ex.entities.pop(drop), ex.entities[keep]
    kept.mentions.extend(gone.mentions)
    kept.mentions.sort(key=lambda m: m.start)
    for name in (gone.label_en, gone.label_ar, *gone.aliases):
        if name and name not in (kept.label_en, kept.label_ar, *kept.aliases):
            kept.aliases.append(name)
    for rel in ex.relations:
        rel.subject = keep if rel.subject == drop else rel.subject
        rel.object = keep if rel.object == drop else rel.object
    ex.relations[:] = [r for r in ex.relations if r.subject != r.object]


def clean_names(ex: Extraction) -> None:
    """Honorifics off the names of the people found (not of gazetteer entries, whose names are curated),
    and entities of one type left with one name merged."""
    for entity in ex.entities.values():
        if entity.type == "Person" and not entity.key.startswith("gaz:"):
            _clean(entity)
    seen: dict[tuple[str, str], str] = {}
    for key in sorted(ex.entities, key=lambda k: (not k.startswith("gaz:"), k)):
        entity = ex.entities[key]
        name = (entity.type, (entity.label_en or entity.label_ar).casefold())
        if name[1] and name in seen and entity.type == "Person":
            merge_into(ex, key, seen[name])
        else:
            seen.setdefault(name, key)


def _surnames(person: Entity) -> set[str]:
    return {n.split()[-1].casefold() for n in (person.label_en, person.label_ar, *person.aliases) if n.strip()}


def join_surnames(ex: Extraction) -> None:
    """A one-word name that is the surname of exactly one person named in full in the document is that person."""
    people = [e for e in ex.entities.values() if e.type == "Person"]
    for key, entity in list(ex.entities.items()):
        name = entity.label_en or entity.label_ar
        if entity.type not in SURNAME_TYPES or key.startswith("gaz:") or not name or len(name.split()) != 1:
            continue
        if entity.type != "Person" and entity.country:
            continue  # an organisation of a known state is not a bare surname
        full = [p for p in people if p.key != key and len(p.label.split()) > 1 and name.casefold() in _surnames(p)]
        if len(full) == 1:
            merge_into(ex, key, full[0].key)
