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
from actorgraph.extract.lang.en.parse import MentionSpan, parse_relations
from actorgraph.extract.records import Entity, Relation, Sentence

__all__ = ["TYPE_CLASSES", "add_parse_relations", "mention_spans"]

CONFIDENCE = 0.7  # below the rules' 0.8: a parse error reaches further than a lexicon pattern


def mention_spans(entities: Sequence[Entity]) -> list[MentionSpan]:
    return [MentionSpan(m.start, m.end, e.key, e.type) for e in entities for m in e.mentions]


def _within(sentence: Sentence, start: int, end: int) -> bool:
    return sentence.start <= start and end <= sentence.end


def add_parse_relations(
    parsed: Doc, entities: dict[str, Entity], sentences: Sequence[Sentence], relations: list[Relation]
) -> None:
    """Append the parse's relations that the rules did not find (same sentence, same pair, same relation)."""
    starts = [s.start for s in sentences]
    known = {(r.subject, r.relation, r.object, r.sentence) for r in relations}
    known |= {(r.object, r.relation, r.subject, r.sentence) for r in relations}
    for found in parse_relations(parsed, mention_spans(list(entities.values())), TYPE_CLASSES):
        index = bisect_right(starts, found.trigger_start) - 1
        # The trained parser's sentences are not ours (a heading line may run into the next sentence).
        if index < 0 or sentences[index].is_heading or not _within(sentences[index], found.span_start, found.span_end):
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
