"""Plural anaphora: "the two sides discussed", "both ministers agreed" name the pair told before.

A phrase of the language's ``anaphora:pair`` set right before or after a symmetric verb (met, agreed,
negotiated, cooperate), as its subject, stands for the last pair related symmetrically in this sentence or
the one before, or else the last two actors of one type named there; a phrase of ``anaphora:pair-states``
("the two countries") stands for two states. The relation carries the frames' own modality and a
rule of its own (``anaphora.*``).
"""

from __future__ import annotations

from collections.abc import Sequence

from actorgraph.extract.incidents import DocumentView, Mood, Placed, placed_mentions, trigger_rule
from actorgraph.extract.lang import profile
from actorgraph.extract.lookup import Tables
from actorgraph.extract.records import ACTOR_TYPES, Relation
from actorgraph.ontology.lexicon import TriggerRule
from actorgraph.ontology.namespace import SYMMETRIC_RELATIONS

WINDOW = 2  # tokens between the phrase and its verb: the phrase is the verb's subject
CONFIDENCE = 0.6


def _phrase_at(words: Sequence[str], k: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """The end of a pair phrase starting at token k, or k when there is none (phrases longest first)."""
    for phrase in phrases:
        if phrase[0] == words[k] and tuple(words[k : k + len(phrase)]) == phrase:
            return k + len(phrase)
    return k


def _by_length(phrases: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted(phrases, key=len, reverse=True))


def _sym_verb(
    tables: Tables, keys: Sequence[dict[str, str]], lo: int, hi: int
) -> tuple[int, int, TriggerRule, str] | None:
    for k in range(lo, hi):
        for end, payload, pro in tables.triggers.match(keys, k):
            rule = trigger_rule(payload)
            if end <= hi and rule.pos == "verb" and rule.relation in SYMMETRIC_RELATIONS:
                return (k, end, rule, pro)
    return None


def _antecedent(
    relations: Sequence[Relation], sentence: int, placed: Sequence[Placed], k: int, types: frozenset[str]
) -> tuple[str, str] | None:
    """The last symmetric pair of these types related in this sentence or the one before, else the last two
    actors of one of these types named there before the phrase."""
    kinds = {p.entity.key: p.entity.type for p in placed}
    for rel in reversed(relations):
        recent = sentence - 1 <= rel.sentence <= sentence and rel.relation in SYMMETRIC_RELATIONS
        if recent and kinds.get(rel.subject) in types and kinds.get(rel.object) in types:
            return rel.subject, rel.object
    actors = [p.entity for p in placed if p.last < k and p.entity.type in types]
    for i in range(len(actors) - 1, 0, -1):
        for j in range(i - 1, -1, -1):
            if actors[j].type == actors[i].type and actors[j].key != actors[i].key:
                return actors[j].key, actors[i].key
    return None


def add_plural_anaphora(lang: str, tables: Tables, doc: DocumentView, relations: list[Relation], mood: Mood) -> None:
    """Append the relations of pair phrases ("the two sides") next to a symmetric trigger."""
    classes = [(_by_length(profile(lang).phrases("anaphora:pair-states")), frozenset({"State"})),
               (_by_length(profile(lang).phrases("anaphora:pair")), ACTOR_TYPES)]  # fmt: skip
    first_words = {phrase[0] for phrases, _types in classes for phrase in phrases}
    keys = [t[0] for t in doc.tokens]
    words = [t[1] for t in doc.tokens]
    spans = [t[2] for t in doc.tokens]
    starts = [s[0] for s in spans]
    previous: list[Placed] = []
    for (lo, hi), sentence in zip(doc.bounds, doc.sentences, strict=True):
        placed = placed_mentions(list(doc.table.values()), starts, lo, hi, sentence.index)
        for k in range(lo, hi):
            if words[k] not in first_words:
                continue
            found = [(_phrase_at(words, k, phrases), types) for phrases, types in classes]
            end, types = max(found, key=lambda f: f[0])
            if end == k or sentence.is_heading:
                continue
            trig = _sym_verb(tables, keys, max(lo, k - WINDOW), min(hi, end + WINDOW))
            pair = _antecedent(relations, sentence.index, [*previous, *placed], k, types)
            if trig is None or pair is None:
                continue
            t_start, t_end, rule, pro = trig
            relation = rule.relation_for(doc.table[pair[1]].type)
            if any(r.sentence == sentence.index and r.relation == relation for r in relations):
                continue  # the frames related the pair here already
            modality = mood(t_start, t_end, rule, pro, lo, hi)
            relations.append(Relation(pair[0], relation, pair[1], sentence.index, spans[t_start][0],
                                      spans[t_end - 1][1], f"anaphora.{relation}", modality,  # type: ignore[arg-type]
                                      rule.plover, CONFIDENCE))  # fmt: skip
        previous = placed
