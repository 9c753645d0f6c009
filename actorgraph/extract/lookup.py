"""Fast lookup tables for one language, built once from the gazetteer and lexicons.

Everything is matched on *keys*: for Arabic, the normalised stems a token may have once clitics are
split off (with and without the article); for English, the lowercased word. A ``Trie`` maps sequences of
keys to payloads and finds the longest match at a token. What differs by language (the keys of a label
word, adjective forms, trigger inflections) comes from ``lang/<lang>/lexicon.py`` as ``LexiconRules``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from actorgraph.extract.lang.ar.keys import ar_keys, inflect_ar
from actorgraph.extract.lang.en.keys import en_keys, inflect_en
from actorgraph.ontology import lexicon
from actorgraph.ontology.gazetteer import GazEntry, Gazetteer, load_gazetteer
from actorgraph.ontology.lexicon import TriggerRule

__all__ = ["ar_keys", "en_keys", "inflect_ar", "inflect_en", "LexiconRules", "Tables", "Trie", "build_tables"]

GAP = "..."
MAX_GAP = 5


@dataclass(frozen=True)
class LexiconRules:
    """How one language turns gazetteer and lexicon entries into match keys."""

    token_keys: Callable[[str], dict[str, str]]
    """A token's text → its match keys, each with the proclitics split off to reach it (cached)."""
    label_key: Callable[[str], str]
    """A word of a label, trigger or title → its match key."""
    labels: Callable[[GazEntry], list[str]]
    """The entry's name and aliases in this language."""
    adjectives: Callable[[GazEntry], list[str]]
    """A state's adjective forms (demonyms, nisba inflections)."""
    capitals: Callable[[GazEntry], list[str]]
    name_variants: Callable[[tuple[str, ...], GazEntry], list[tuple[str, ...]]]
    """Further key sequences that name the entry (an Arabic name without its article)."""
    trigger_heads: Callable[[str, TriggerRule], list[str]]
    """The keys of a trigger pattern's first word (a verb's inflections)."""
    glossary: Callable[[], dict[str, str]]
    """Word key → English, for words of names composed from a head noun."""
    listed_forms_first: bool = False
    """Does a trigger form as a row writes it outrank another row's inflection that reads the same word?"""


@lru_cache(maxsize=8)
def lexicon_rules(lang: str) -> LexiconRules:
    found: LexiconRules = importlib.import_module(f"actorgraph.extract.lang.{lang}.lexicon").RULES
    return found


def label_keys(lang: str, words: Sequence[str]) -> tuple[str, ...]:
    key = lexicon_rules(lang).label_key
    return tuple(key(w) for w in words)


@dataclass(slots=True)
class Trie:
    """Sequences of keys → payloads. ``...`` in a pattern allows a gap of up to MAX_GAP tokens."""

    first: dict[str, list[tuple[tuple[str, ...], Any]]] = field(default_factory=dict)

    def add(self, keys: Sequence[str], payload: Any) -> None:
        if not keys or keys[0] == GAP:
            return
        entry = (tuple(keys[1:]), payload)
        bucket = self.first.setdefault(keys[0], [])
        if entry not in bucket:
            bucket.append(entry)
            bucket.sort(key=lambda e: -len(e[0]))

    def match(
        self, token_keys: Sequence[dict[str, str]], i: int, stop: Callable[[int], bool] | None = None
    ) -> list[tuple[int, Any, str]]:
        """All matches starting at token i: (end index exclusive, payload, proclitic of the first token)."""
        out: list[tuple[int, Any, str]] = []
        if not 0 <= i < len(token_keys):  # a name that ends the text has no token after it
            return out
        for key, pro in token_keys[i].items():
            for rest, payload in self.first.get(key, ()):
                end = _match_rest(token_keys, i + 1, rest, stop)
                if end is not None:
                    out.append((end, payload, pro))
        out.sort(key=lambda m: -m[0])
        return out


def _match_rest(
    token_keys: Sequence[dict[str, str]], j: int, rest: Sequence[str], stop: Callable[[int], bool] | None
) -> int | None:
    if not rest:
        return j
    if rest[0] == GAP:
        for skip in range(0, MAX_GAP + 1):
            k = j + skip
            if k >= len(token_keys) or (skip and stop is not None and stop(k - 1)):
                break
            end = _match_rest(token_keys, k, rest[1:], stop)
            if end is not None:
                return end
        return None
    if j < len(token_keys) and rest[0] in token_keys[j]:
        return _match_rest(token_keys, j + 1, rest[1:], stop)
    return None


# --- the tables ------------------------------------------------------------------------------------


@dataclass(slots=True)
class NameHit:
    key: str  # gazetteer key
    kind: str  # name | adj | capital


@dataclass(slots=True)
class Tables:
    lang: str
    gazetteer: Gazetteer
    names: Trie
    titles: Trie  # payload: lexicon.Title
    heads: Trie  # payload: lexicon.Head
    triggers: Trie  # payload: (TriggerRule, is_base_form)
    cues: Trie  # payload: (modality, scope)
    glossary: dict[str, str]  # Arabic key → English
    name_words: frozenset[str]  # every key used inside a gazetteer name (guards unknown-name spans)


def _phrases(tokenize: Callable[[str], list[str]], lang: str, labels: Iterable[str]) -> Iterable[tuple[str, ...]]:
    for label in labels:
        if label and label.strip():
            keys = label_keys(lang, tokenize(label))
            if keys:
                yield keys


@lru_cache(maxsize=4)
def build_tables(lang: str, tokenize: Callable[[str], list[str]]) -> Tables:
    rules = lexicon_rules(lang)
    gaz = load_gazetteer()
    names, name_words = _name_trie(gaz, lang, rules, tokenize)
    titles = Trie()
    for title in lexicon.titles():
        if title.lang == lang:
            titles.add(label_keys(lang, tokenize(title.form)), title)
    heads = Trie()
    for head in lexicon.heads():
        if head.lang == lang:
            heads.add(label_keys(lang, tokenize(head.form)), head)
    triggers = Trie()
    # Where the language says so, a form a row lists as written comes before another row's inflection
    # that reads the same words (Arabic: "went on strike", a protest row, before the 1st person of "strikes").
    inflected: list[tuple[tuple[str, ...], TriggerRule]] = []
    for rule in lexicon.triggers(lang):
        for form in rule.forms:
            words = form.split()
            rest = label_keys(lang, words[1:])
            listed = rules.label_key(words[0].strip("[]"))
            for first in rules.trigger_heads(words[0], rule):
                if first == listed or not rules.listed_forms_first:
                    triggers.add((first, *rest), rule)
                else:
                    inflected.append(((first, *rest), rule))
    for keys, rule in inflected:
        triggers.add(keys, rule)
    cues = Trie()
    for cue in lexicon.cues():
        if cue.lang == lang:
            cues.add(label_keys(lang, tokenize(cue.form)), (cue.modality, cue.scope))
    return Tables(lang, gaz, names, titles, heads, triggers, cues, rules.glossary(), frozenset(name_words))


def _name_trie(
    gaz: Gazetteer, lang: str, rules: LexiconRules, tokenize: Callable[[str], list[str]]
) -> tuple[Trie, set[str]]:
    """Gazetteer names, state adjectives and capitals → ``NameHit``; and every key used inside a name."""
    names = Trie()
    name_words: set[str] = set()
    for entry in gaz.entries.values():
        if entry.type == "Position":
            continue
        for keys in _phrases(tokenize, lang, rules.labels(entry)):
            names.add(keys, NameHit(entry.key, "name"))
            name_words.update(keys)
            for variant in rules.name_variants(keys, entry):
                names.add(variant, NameHit(entry.key, "name"))
        if entry.type == "State":
            for keys in _phrases(tokenize, lang, rules.adjectives(entry)):
                names.add(keys, NameHit(entry.key, "adj"))
            for keys in _phrases(tokenize, lang, rules.capitals(entry)):
                names.add(keys, NameHit(entry.key, "capital"))
    return names, name_words
