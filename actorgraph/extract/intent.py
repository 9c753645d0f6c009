"""A promised or planned act is coded as the intent to do it (``lexicon/plover_intent.tsv``).

"Germany will send aid to Ukraine" keeps its relation (``providedAidTo``, modality future) and is a
PLOVER AGREE; "X will strike Y" is a THREATEN. Only the PLOVER type changes: the triple stays a future
claim, never a fact.
"""

from __future__ import annotations

import csv
from functools import lru_cache

from actorgraph.extract.records import Extraction
from actorgraph.ontology import LEXICON_DIR


@lru_cache(maxsize=1)
def intent_types() -> dict[str, str]:
    lines = [x for x in (LEXICON_DIR / "plover_intent.tsv").read_text(encoding="utf-8").splitlines()
             if x.strip() and not x.startswith("#")]  # fmt: skip
    return {row["type"]: row["intent"] for row in csv.DictReader(lines, delimiter="\t")}


def code_intents(extraction: Extraction) -> None:
    table = intent_types()
    for rel in extraction.relations:
        if rel.modality == "future" and rel.plover in table:
            rel.plover = table[rel.plover]
