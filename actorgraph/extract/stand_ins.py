"""Stand-in parties: an event kept although the text names one of its parties stands that party in by a row of
data ("Unidentified armed group", "Unidentified counterpart"), labelled with the country where it happened.

Both the incident frame (``lexicon/incident_roles.tsv``) and the parse frame's unnamed recipients
(``lexicon/unnamed_recipients_en.tsv``) read their rows here. A stand-in is marked (``Entity.stand_in``): it is
in the store and the event exports, but no triple between named parties (``extract.formats.named_relations``).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from actorgraph.extract.lookup import Tables
from actorgraph.extract.records import Entity
from actorgraph.ontology import LEXICON_DIR

__all__ = ["EntityMaker", "Party", "read_parties", "stand_in"]


@dataclass(frozen=True, slots=True)
class Party:
    type: str
    label_en: str
    label_ar: str
    sector: str


class EntityMaker(Protocol):
    """What a stand-in needs of the document's entity table: a new entity made or found by its label."""

    def ensure_new(
        self, type_: str, label_en: str, label_ar: str = "", country: str = "", sector: str = ""
    ) -> Entity: ...


@lru_cache(maxsize=4)
def read_parties(file_name: str, *key_columns: str) -> dict[tuple[str, ...], Party]:
    """The rows of a stand-in table under ``LEXICON_DIR``, keyed by ``key_columns``."""
    text = (LEXICON_DIR / file_name).read_text(encoding="utf-8")
    lines = [x for x in text.splitlines() if x.strip() and not x.startswith("#")]
    return {tuple(r[c] for c in key_columns): Party(r["type"], r["label_en"], r["label_ar"], r["sector"])
            for r in csv.DictReader(lines, delimiter="\t")}  # fmt: skip


def stand_in(entities: EntityMaker, tables: Tables, party: Party, country: str) -> Entity:
    """The document's entity standing in for ``party`` where ``country`` (ISO3, or "") is."""
    state = tables.gazetteer.country(country) if country else None
    label_en = f"{party.label_en} ({state.label_en})" if state is not None else party.label_en
    label_ar = f"{party.label_ar} ({state.label_ar})" if state is not None else party.label_ar
    entity = entities.ensure_new(party.type, label_en, label_ar, country=country, sector=party.sector)
    entity.stand_in = True
    return entity
