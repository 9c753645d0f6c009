"""How English gazetteer and lexicon entries become match keys (``LexiconRules`` for ``lookup.build_tables``)."""

from __future__ import annotations

import re

from actorgraph.extract.lang.en.keys import en_keys, fold, inflect_en
from actorgraph.extract.lookup import LexiconRules
from actorgraph.ontology.gazetteer import GazEntry
from actorgraph.ontology.lexicon import TriggerRule


def _label_key(word: str) -> str:
    return fold(word).replace("’", "'")


def _adjectives(entry: GazEntry) -> list[str]:
    """A state's demonyms, and their plurals where regular ("Palestinian" → "Palestinians", "Israeli" →
    "Israelis"; not "Chinese", "British"): the plural names the state's people (``names.adjective_kind``)."""
    plurals = [d + "s" for d in entry.demonyms_en if not re.search(r"(ese|ish|ss|ch|ic|men|z|mar|ine)$", d)]
    return [*entry.demonyms_en, *plurals]


def _trigger_heads(word: str, rule: TriggerRule) -> list[str]:
    """``[word]`` is taken as written; a bare word is a verb lemma, inflected."""
    forms = [word.strip("[]")] if word.startswith("[") else inflect_en(word)
    return [f.lower() for f in forms]


RULES = LexiconRules(
    token_keys=en_keys,
    label_key=_label_key,
    labels=lambda entry: [entry.label_en, *entry.aliases_en],
    adjectives=_adjectives,
    capitals=lambda entry: list(entry.capitals_en),
    name_variants=lambda keys, entry: [],
    trigger_heads=_trigger_heads,
    glossary=dict,
)
