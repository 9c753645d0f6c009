"""How English gazetteer and lexicon entries become match keys (``LexiconRules`` for ``lookup.build_tables``)."""

from __future__ import annotations

from actorgraph.extract.lang.en.keys import en_keys, fold, inflect_en
from actorgraph.extract.lookup import LexiconRules
from actorgraph.ontology.lexicon import TriggerRule


def _label_key(word: str) -> str:
    return fold(word).replace("’", "'")


def _trigger_heads(word: str, rule: TriggerRule) -> list[str]:
    """``[word]`` is taken as written; a bare word is a verb lemma, inflected."""
    forms = [word.strip("[]")] if word.startswith("[") else inflect_en(word)
    return [f.lower() for f in forms]


RULES = LexiconRules(
    token_keys=en_keys,
    label_key=_label_key,
    labels=lambda entry: [entry.label_en, *entry.aliases_en],
    adjectives=lambda entry: list(entry.demonyms_en),
    capitals=lambda entry: list(entry.capitals_en),
    name_variants=lambda keys, entry: [],
    trigger_heads=_trigger_heads,
    glossary=dict,
)
