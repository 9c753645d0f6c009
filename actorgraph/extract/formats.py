"""Print an Extraction: the TSV contract the evaluation reads, and the full JSONL record."""

from __future__ import annotations

import json

from actorgraph.extract.records import Extraction, Relation


def _clean(text: str) -> str:
    return " ".join(text.split())


def named_relations(extraction: Extraction) -> list[Relation]:
    """The relations between parties the text names: the triples. An event whose party no word of the text
    names (an incident's unidentified attackers or victims, an act's unnamed counterpart) stands in the
    graph and the event exports with a stand-in party, but is no triple between two named actors."""
    stand_ins = {k for k, e in extraction.entities.items() if e.stand_in}
    return [r for r in extraction.relations if r.subject not in stand_ins and r.object not in stand_ins]


def to_tsv(extraction: Extraction) -> str:
    """subject, relation, object, sentence index, modality, rule, PLOVER type, evidence sentence: one line
    per triple (:func:`named_relations`)."""
    lines = []
    for rel in named_relations(extraction):
        subj = extraction.entities[rel.subject].label
        obj = extraction.entities[rel.object].label
        sentence = extraction.sentences[rel.sentence].text if rel.sentence < len(extraction.sentences) else ""
        lines.append(
            "\t".join(
                _clean(x)
                for x in (
                    subj,
                    rel.relation,
                    obj,
                    str(rel.sentence),
                    rel.modality,
                    rel.rule,
                    rel.plover,
                    sentence,
                )
            )
        )
    return "".join(line + "\n" for line in lines)


def to_jsonl(extraction: Extraction) -> str:
    return json.dumps(extraction.to_dict(), ensure_ascii=False) + "\n"
