"""The state relation finding works on: a document's tokens and mentions, and the relations found so far.

Frames read the tokens through a few language-neutral predicates (a word, a reading of a word in a word set, a
mention at a token) and write relations through ``emit``. What one language does differently sits behind
``self.g``, the language's grammar (``lang/<lang>/relations.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, cast

from actorgraph.extract.core.vocab import Vocab, trait, vocab
from actorgraph.extract.lang import profile
from actorgraph.extract.lookup import Tables
from actorgraph.extract.mentions import Entities, Hit, Tok
from actorgraph.extract.records import ACTOR_TYPES, DOCUMENT_TYPES, EVENT_TYPES, Modality, Relation
from actorgraph.ontology.lexicon import TriggerRule
from actorgraph.ontology.vocabulary import vocabulary

if TYPE_CHECKING:
    from actorgraph.extract.core.grammar import Grammar
    from actorgraph.extract.relations import RelationFinder

# The object types a trigger row's ``types`` column names, from the ontology: "place" is what something can be
# located in; "any" is every entity but an office.
TYPE_CLASSES = {
    "actor": ACTOR_TYPES,
    "doc": DOCUMENT_TYPES,
    "event": EVENT_TYPES,
    "place": vocabulary().places,
    "any": ACTOR_TYPES | DOCUMENT_TYPES | EVENT_TYPES | vocabulary().places,
}


@lru_cache(maxsize=8)
def grammar_class(lang: str) -> type[Grammar]:
    """The language's grammar (``lang/<lang>/relations.py``), or the defaults when the language has none."""
    from actorgraph.extract.core.grammar import Grammar

    try:
        module = profile(lang).part("relations")
    except ModuleNotFoundError as err:
        if err.name != f"actorgraph.extract.lang.{lang}.relations":
            raise
        return Grammar
    found: type[Grammar] = module.Grammar
    return found


@dataclass(slots=True)
class TriggerHit:
    start: int
    end: int
    rule: TriggerRule
    pro: str


@dataclass(slots=True)
class Found:
    """Where a frame stands: the sentence's token range, its index and its resolved date."""

    lo: int
    hi: int
    sent: int
    date: str | None


class Context:
    def __init__(self, tables: Tables, toks: list[Tok], entities: Entities, hits: list[Hit], cover: list[int]) -> None:
        self.t = tables
        self.lang = tables.lang
        self.v: Vocab = vocab(self.lang)
        self.toks = toks
        self.keys = [tok.keys for tok in toks]
        self.words = [self.v.normalize(tok.text) for tok in toks]
        self.ent = entities
        self.hits = hits
        self.cover = cover
        self.relations: list[Relation] = []
        self.salient: list[str] = []  # recent subject entity keys, most recent last
        self.group_memory: tuple[int, list[str]] | None = None  # (sentence, keys) of the last plural subject
        self.hits_by_sent: dict[int, list[Hit]] = {}
        for h in hits:  # the mentions are final once relations run: index them once
            self.hits_by_sent.setdefault(toks[h.start].sent, []).append(h)
        self.ambiguous: dict[str, Hit] | None = None
        self.g: Grammar = grammar_class(self.lang)(cast("RelationFinder", self))  # the frames stack on Context

    # -- reading tokens ------------------------------------------------------------------------------
    def word(self, k: int) -> str:
        return self.words[k]

    def reads(self, k: int, words: frozenset[str]) -> bool:
        """Does token k read as one of ``words`` with at most a conjunction on it (wa-, fa-)?"""
        light = self.g.light_proclitics
        return any(key in words and pro in light for key, pro in self.keys[k].items())

    def strong(self, k: int) -> bool:
        return self.toks[k].text in self.v.strong and self.toks[k].text not in self.v.hyphen

    def comma(self, k: int) -> bool:
        return self.toks[k].text in self.v.list_commas

    def hit_at(self, k: int) -> Hit | None:
        idx = self.cover[k]
        return self.hits[idx] if idx >= 0 else None

    def type_of(self, key: str) -> str:
        entity = self.ent.table.get(key)
        return entity.type if entity else ""

    def actor(self, hit: Hit | None) -> bool:
        """An actor mention that names its actor (not a modifier: "Syrian refugees")."""
        return hit is not None and self.type_of(hit.key) in ACTOR_TYPES and hit.kind != "adjmod"

    def concrete(self, relation: str) -> bool:
        """Does an owner name the object's actor ("attacked Ukrainian positions")? The ``concrete-object`` trait
        in every language, and a language's own set ``rel owner objects:cased`` ("rejected a Senegalese peace
        plan" is Senegal's plan rejected, as event coders read it in English)."""
        return relation in trait("concrete-object") or relation in self.v.sets("owner objects:cased")

    def eligible(self, hit: Hit, types: tuple[str, ...]) -> bool:
        t = self.type_of(hit.key)
        return any(t in TYPE_CLASSES.get(cls, ()) for cls in types)

    def skippable(self, m: int) -> bool:
        skip = self.v.skip
        return self.word(m) in skip or any(key in skip for key in self.keys[m])

    def sentence_relations(self, sent: int) -> list[Relation]:
        """The relations a clause of this sentence stated (not titles or appositions)."""
        return [r for r in self.relations if r.sentence == sent and r.rule.count(".") > 1]

    def first_actor(self, lo: int, end: int) -> Hit | None:
        return next((h for h in self.hits if lo <= h.start < end and self.actor(h)), None)

    # -- writing relations ---------------------------------------------------------------------------
    def emit(
        self, subj: str, rule: TriggerRule, obj: str, trig: TriggerHit, at: Found, modality: str, rule_id: str
    ) -> None:
        if subj == obj:
            return
        obj = self.disambiguate(obj, subj)
        relation = rule.relation_for(self.type_of(obj))
        if relation in trait("between-states") and self.type_of(subj) == self.type_of(obj) == "Person":
            # "السيسي وماكرون يرفعان العلاقات إلى شراكة": a partnership of leaders is one of their states
            a, b = self.state_of(subj), self.state_of(obj)
            if a and b and a != b:
                subj, obj = a, b
        self.emit_plain(subj, relation, obj, rule.plover, trig, at, modality, rule_id)

    def emit_plain(
        self, subj: str, relation: str, obj: str, plover: str, trig: TriggerHit, at: Found, modality: str, rule_id: str
    ) -> None:
        if subj == obj:
            return
        a, b = self.toks[trig.start].start, self.toks[trig.end - 1].end
        confidence = 0.7 if ".coref" in rule_id else 0.8
        mood = cast(Modality, modality)
        self.relations.append(Relation(subj, relation, obj, at.sent, a, b, rule_id, mood, plover, confidence, at.date))

    def plover(self, relation: str) -> str:
        """The PLOVER type the ontology maps a relation to ("" when none)."""
        return vocabulary().plover.get(relation, "")

    def background(self, hit: Hit, relation: str, target: str, sent: int, rule_id: str, end: int = -1) -> None:
        """A relation a mention states as background (a title, an apposition), always asserted."""
        a, b = self.toks[hit.start].start, self.toks[(hit.end if end < 0 else end) - 1].end
        confidence = 0.9 if end >= 0 else 0.8
        self.relations.append(Relation(hit.key, relation, target, sent, a, b, rule_id, "asserted", "", confidence))

    def state_of(self, person: str) -> str:
        """The state a known person is of (gazetteer country), as an entity key; "" when unknown."""
        entry = self.ent.gaz(person)
        key = self.t.gazetteer.country_by_iso3.get(entry.country, "") if entry is not None and entry.country else ""
        if not key:  # a person we only know from a title here: "Thai Prime Minister Paetongtarn Shinawatra"
            titled = (h.affiliation for h in self.hits if h.key == person and h.kind == "title")
            key = next((a for a in titled if self.type_of(a) == "State"), "")
        if key:
            self.ent.ensure_gaz(key)
        return key

    def disambiguate(self, obj: str, subj: str) -> str:
        """An ambiguous document name (two countries' National Defense Strategy) takes the subject's country."""
        if self.ambiguous is None:  # mentions with alternative readings, indexed once
            self.ambiguous = {}
            for h in self.hits:
                if h.alternatives:
                    self.ambiguous.setdefault(h.key, h)
        hit = self.ambiguous.get(obj)
        if hit is None:
            return obj
        subject = self.ent.table.get(subj)
        country = subject.country if subject else ""
        for key in [hit.key, *hit.alternatives]:
            entity = self.ent.table.get(key)
            if entity is not None and country and entity.country == country:
                return key
        return obj

    def remember(self, keys: list[str]) -> None:
        """These actors acted last: a pronoun after this refers to them first."""
        for key in keys:
            if key in self.salient:
                self.salient.remove(key)
            self.salient.append(key)
