"""Print an Extraction: the TSV contract the evaluation reads, and the full JSONL record."""

from __future__ import annotations

import json

from actorgraph.extract.records import Extraction


def _clean(text: str) -> str:
    return " ".join(text.split())


def to_tsv(extraction: Extraction) -> str:
    """subject, relation, object, sentence index, modality, rule, PLOVER type, evidence sentence."""
    lines = []
    for rel in extraction.relations:
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
