"""How Arabic gazetteer and lexicon entries become match keys (``LexiconRules`` for ``lookup.build_tables``)."""

from __future__ import annotations

from actorgraph.extract.lang.ar.keys import ar_keys, inflect_ar, nisba_forms
from actorgraph.extract.lang.ar.normalize import normalize, strip_article
from actorgraph.extract.lookup import LexiconRules
from actorgraph.ontology.gazetteer import GazEntry
from actorgraph.ontology.lexicon import TriggerRule, glossary_ar_en


def _name_variants(keys: tuple[str, ...], entry: GazEntry) -> list[tuple[str, ...]]:
    """A name without its article; but a one-word person name's "ال" may be part of a foreign name
    (ألباريس is not باريس, Paris)."""
    one_word_person = entry.type == "Person" and len(keys) == 1
    if keys[0].startswith("ال") and len(keys[0]) > 3 and not one_word_person:
        return [(strip_article(keys[0]), *keys[1:])]
    return []


def _trigger_heads(word: str, rule: TriggerRule) -> list[str]:
    first = word.strip("[]")
    if rule.pos == "verb" and rule.frame != "eval":
        return [normalize(f) for f in inflect_ar(first)]
    return [normalize(first)]


RULES = LexiconRules(
    token_keys=ar_keys,
    label_key=normalize,
    labels=lambda entry: [entry.label_ar, *entry.aliases_ar],
    adjectives=lambda entry: [f for n in entry.nisba_ar for f in nisba_forms(n)],
    capitals=lambda entry: list(entry.capitals_ar),
    name_variants=_name_variants,
    trigger_heads=_trigger_heads,
    glossary=lambda: {normalize(k): v for k, v in glossary_ar_en().items()},
    listed_forms_first=True,  # أضرب "went on strike" as written, not the 1st person of يضرب "strikes"
)
