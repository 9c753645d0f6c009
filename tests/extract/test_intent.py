"""A promised act is coded as the intent to do it; the claim stays future."""

from __future__ import annotations

from actorgraph.extract.intent import code_intents
from actorgraph.extract.records import Document, Extraction, Relation


def _rel(plover: str, modality: str) -> Relation:
    return Relation("a", "x", "b", 0, 0, 1, "test", modality, plover)  # type: ignore[arg-type]


def test_future_acts_become_intents_and_facts_stay() -> None:
    x = Extraction(Document("d", "text", "en"))
    x.relations = [_rel("AID", "future"), _rel("ASSAULT", "future"), _rel("AID", "asserted"), _rel("ACCUSE", "future")]
    code_intents(x)
    assert [r.plover for r in x.relations] == ["AGREE", "THREATEN", "AID", "ACCUSE"]
    assert [r.modality for r in x.relations] == ["future", "future", "asserted", "future"]
