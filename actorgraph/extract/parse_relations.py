"""The English parse frame's relations added to what the rules found (``actorgraph_parse_relations``).

The rules stay in charge of what they found: a pair the rules already related in a sentence keeps the
rules' relation and mood, and the parse adds the pairs and triggers the rules missed. Headings and section
labels state no relation here.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from spacy.tokens import Doc

from actorgraph.extract.core.context import TYPE_CLASSES
from actorgraph.extract.lang import profile
from actorgraph.extract.lang.en.parse import MentionSpan, ParsedRelation, parse_relations
from actorgraph.extract.mentions.base import Entities
from actorgraph.extract.records import Entity, Relation, Sentence
from actorgraph.extract.stand_ins import Party, read_parties, stand_in

__all__ = ["TYPE_CLASSES", "UNNAMED_RULE", "add_parse_relations", "mention_spans"]

CONFIDENCE = 0.7  # below the rules' 0.8: a parse error reaches further than a lexicon pattern
UNNAMED_RULE = ".unnamed"  # the rule id's suffix of an act with an unnamed recipient
UNNAMED_CONFIDENCE = 0.5  # an act with an unnamed recipient, as the incident frame's
PLACES = frozenset({"State", "City"})


def unnamed_recipients() -> dict[tuple[str, ...], Party]:
    """(PLOVER type,) → the unnamed party that stands for an act's recipient no actor names."""
    return read_parties("unnamed_recipients_en.tsv", "plover")


def mention_spans(entities: Sequence[Entity], text: str = "") -> list[MentionSpan]:
    """The entities' mentions, less the patrons of a group ("Iran-backed militias": the rules relate Iran to
    the militias, and Iran is no party to what they do)."""
    return [
        MentionSpan(m.start, m.end, e.key, e.type) for e in entities for m in e.mentions if not _patron(text, m.end)
    ]


def _patron(text: str, end: int) -> bool:
    if not text.startswith("-", end):
        return False
    word = text[end + 1 : end + 12].split(" ", 1)[0].lower()
    return word in profile("en").words("patron modifiers")


def _within(sentence: Sentence, start: int, end: int) -> bool:
    return sentence.start <= start and end <= sentence.end


def add_parse_relations(
    parsed: Doc, table: Entities, sentences: Sequence[Sentence], relations: list[Relation]
) -> None:
    """Append the parse's relations that the rules did not find (same sentence, same pair, same relation), then
    the acts with no named recipient whose type the sentence has no event of (``unnamed_recipients_en.tsv``)."""
    entities = table.table
    starts = [s.start for s in sentences]
    known = {(r.subject, r.relation, r.object, r.sentence) for r in relations}
    known |= {(r.object, r.relation, r.subject, r.sentence) for r in relations}
    unnamed: list[tuple[ParsedRelation, int]] = []
    for found in parse_relations(parsed, mention_spans(list(entities.values()), parsed.text), TYPE_CLASSES):
        index = bisect_right(starts, found.trigger_start) - 1
        # The trained parser's sentences are not ours (a heading line may run into the next sentence).
        if index < 0 or sentences[index].is_heading or not _within(sentences[index], found.span_start, found.span_end):
            continue
        if not found.object:
            unnamed.append((found, index))
            continue
        relation = found.rule.relation_for(entities[found.object].type)
        key = (found.subject, relation, found.object, index)
        if key in known:
            continue
        known.add(key)
        known.add((found.object, relation, found.subject, index))
        relations.append(
            Relation(found.subject, relation, found.object, index, found.trigger_start, found.trigger_end,
                     f"en.parse.{relation}", found.modality, found.rule.plover, CONFIDENCE)  # type: ignore[arg-type]
        )  # fmt: skip
    _add_unnamed(unnamed, table, sentences, relations)


def _add_unnamed(
    unnamed: list[tuple[ParsedRelation, int]], table: Entities, sentences: Sequence[Sentence], relations: list[Relation]
) -> None:
    """One act a type and sentence with an unnamed recipient, where the sentence has no event of that type."""
    parties = unnamed_recipients()
    done = {(r.sentence, r.plover) for r in relations if r.plover}
    for found, index in unnamed:
        party = parties.get((found.rule.plover,))
        if party is None or (index, found.rule.plover) in done:
            continue
        done.add((index, found.rule.plover))
        entity = stand_in(table, table.tables, party, _where(table, sentences[index], found.subject))
        relation = found.rule.relation_for(entity.type)
        rel = Relation(found.subject, relation, entity.key, index, found.trigger_start, found.trigger_end,
                       f"en.parse.{relation}{UNNAMED_RULE}", found.modality, found.rule.plover, UNNAMED_CONFIDENCE)  # type: ignore[arg-type]  # fmt: skip
        rel.object_text = found.object_text  # what the act was done to, as written: its event record's text
        relations.append(rel)


def _where(table: Entities, sentence: Sentence, subject: str) -> str:
    """Where the act happened: the first state or city the sentence names besides the actor, else the actor's
    country."""
    named = [
        (m.start, e.country)
        for e in table.table.values()
        if e.key != subject and e.type in PLACES and e.country
        for m in e.mentions
        if sentence.start <= m.start < sentence.end
    ]
    if named:
        return min(named)[1]
    actor = table.table.get(subject)
    return actor.country if actor is not None else ""
