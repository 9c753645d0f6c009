"""The finder's state over one document: tokens, coverage, hits found so far; and the primitives every
mechanism uses (is a span free, add a hit, the longest gazetteer name at a token)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, cast

from actorgraph.extract.lang import profile, read_wordsets
from actorgraph.extract.lookup import NameHit, Tables
from actorgraph.extract.mentions.base import Entities, Hit, Tok
from actorgraph.extract.mentions.rules import rules_for
from actorgraph.extract.records import ACTOR_TYPES

if TYPE_CHECKING:
    from actorgraph.extract.mentions.finder import MentionFinder

ORG_TYPES = ACTOR_TYPES - {"Person", "State"}
_KIND_ORDER = {"name": 0, "capital": 1, "adj": 2}  # a full name before an adjective reading of the same words
_CITY_WORDS: dict[int, frozenset[str]] = {}


def _city_words(tables: Tables) -> frozenset[str]:
    """First keys of the place nouns (city, madina) in the head lexicon, once per table."""
    words = _CITY_WORDS.get(id(tables))
    if words is None:
        words = frozenset(
            key for key, entries in tables.heads.first.items() if any(head.type == "City" for _rest, head in entries)
        )
        _CITY_WORDS[id(tables)] = words
    return words


@lru_cache(maxsize=8)
def _features_by_first_word(lang: str) -> dict[str, list[tuple[str, ...]]]:
    """The language's ``geographic features`` phrases, by their first word."""
    index: dict[str, list[tuple[str, ...]]] = {}
    if "geographic features" in read_wordsets(lang):
        for phrase in profile(lang).phrases("geographic features"):
            index.setdefault(phrase[0], []).append(phrase)
    return index


@lru_cache(maxsize=8)
def _word_sets(lang: str) -> dict[str, frozenset[str]]:
    """The word sets of a language the finder has asked for, by name (filled as asked, shared by documents)."""
    return {}


class FinderState:
    def __init__(self, tables: Tables, toks: list[Tok], entities: Entities) -> None:
        self.t = tables
        self.lang = tables.lang
        self.p = profile(tables.lang)
        self.rules = rules_for(tables.lang)
        self.toks = toks
        self.keys = [tok.keys for tok in toks]
        self.ent = entities
        self.cover: list[int] = [-1] * len(toks)
        self.hits: list[Hit] = []
        self.aliases: dict[str, str] = {}  # doc-local single-word key → person key
        self.no_actor: set[int] = set()  # tokens of names that name no actor here ("ethnic Albanians", "Iran-backed")
        self.last_of_type: dict[str, str] = {}
        self.city_words = _city_words(tables)
        self.city_flags = [not self.city_words.isdisjoint(keys) for keys in self.keys]  # place nouns, once
        self.word_sets = _word_sets(tables.lang)
        self.strong_punct = self.p.words("strong punctuation:cased")
        self.commas = self.p.words("commas:cased")
        self.in_feature = self._features()

    def _features(self) -> list[bool]:
        """Per token: is it inside the name of a sea, gulf or ocean named after a state ("Sea of Japan", "Indian
        Ocean")? Those words name no state (word set ``geographic features``)."""
        flags = [False] * len(self.toks)
        by_first = _features_by_first_word(self.lang)
        if not by_first:
            return flags
        for k, keys in enumerate(self.keys):
            for first in keys.keys() & by_first.keys():
                for phrase in by_first[first]:
                    n = len(phrase)
                    if k + n <= len(self.toks) and all(phrase[j] in self.keys[k + j] for j in range(1, n)):
                        flags[k : k + n] = [True] * n
        return flags

    @property
    def me(self) -> MentionFinder:
        """This finder as the full ``MentionFinder`` the language hooks take (every finder is one)."""
        return cast("MentionFinder", self)

    def words(self, name: str) -> frozenset[str]:
        """A word set of the document's language (empty when the language has no such set); a dict lookup."""
        found = self.word_sets.get(name)
        if found is None:
            found = self.p.words(name) if name in read_wordsets(self.lang) else frozenset()
            self.word_sets[name] = found
        return found

    def norm(self, k: int) -> str:
        return self.p.normalize(self.toks[k].text)

    def free(self, start: int, end: int) -> bool:
        return all(self.cover[k] < 0 for k in range(start, end))

    def add(self, hit: Hit) -> Hit:
        idx = len(self.hits)
        self.hits.append(hit)
        for k in range(hit.start, hit.end):
            self.cover[k] = idx
        self.ent.add_mention(hit.key, self.toks, hit.start, hit.end)
        entity = self.ent.table.get(hit.key)
        if entity is not None:
            self.last_of_type[entity.type] = hit.key
            if entity.type == "Person" and hit.kind in ("name", "title") and hit.key.startswith("gaz:"):
                entry = self.ent.gaz(hit.key)
                alias = self.rules.person_alias(self.me, entry) if entry is not None else ""
                if alias:
                    self.aliases.setdefault(alias, hit.key)
        return hit

    def name_at(self, i: int, end_limit: int) -> tuple[int, NameHit, str, list[NameHit]] | None:
        """Longest gazetteer match at token i (a capitalised or numeric first token in a cased script)."""
        if i >= end_limit:
            return None
        # A reading through the accusative tanween alef is a name's only as an adjective (فرنسيًا "a Frenchman")
        matches = [
            m
            for m in self.t.names.match(self.keys, i)
            if m[0] <= end_limit and ("|a" not in m[2] or m[1].kind == "adj")
        ]
        if not matches:
            return None
        if self.rules.cased and not (self.toks[i].cap or self.toks[i].text[:1].isdigit() or self.particle_name(i)):
            return None
        best_end = matches[0][0]
        if any(self.in_feature[i:best_end]):
            return None  # "the Sea of Japan": a sea, not the state
        best = [m for m in matches if m[0] == best_end]
        best.sort(key=lambda m: _KIND_ORDER[m[1].kind])
        payloads = []
        for _, payload, _ in best:
            if payload not in payloads:
                payloads.append(payload)
        return best_end, best[0][1], best[0][2], payloads

    def particle_name(self, i: int) -> bool:
        """Does a lower-case name particle joined by a hyphen to a capitalised word start a name here ("al-Qaeda",
        "al-Shabaab" in mid-sentence)?"""
        return (
            i + 2 < len(self.toks)
            and self.toks[i + 1].text == "-"
            and self.toks[i + 2].cap
            and self.toks[i].text.lower() in self.words("name particles")
        )

    def gaz_type(self, found: tuple[int, NameHit, str, list[NameHit]] | None) -> str:
        """The gazetteer type of a name found by ``name_at`` ("" for none)."""
        entry = self.ent.gaz(found[1].key) if found is not None else None
        return entry.type if entry is not None else ""

    def is_stop(self, k: int) -> bool:
        tok = self.toks[k]
        return tok.punct or tok.text in self.strong_punct

    def coord(self, i: int, pro: str) -> bool:
        return self.rules.coord(self.me, i, pro)

    def surface(self, start: int, end: int) -> str:
        return self.ent.text[self.toks[start].start : self.toks[end - 1].end]
