"""The triples (`extract --format tsv`, `actorgraph evaluate`) are relations between parties the text names; an
event whose party only a stand-in fills stays in the extraction, the store and the event exports."""

from __future__ import annotations

from actorgraph.extract import extract_text
from actorgraph.extract.formats import named_relations, to_jsonl, to_tsv


def test_an_event_with_a_stand_in_party_is_no_triple() -> None:
    ex = extract_text("Unidentified gunmen attacked an Iraqi police patrol in Mosul on Sunday, killing three.",
                      lang="en", model="none")  # fmt: skip
    stand_ins = {k for k, e in ex.entities.items() if e.stand_in}
    events = [r for r in ex.relations if r.subject in stand_ins or r.object in stand_ins]
    assert events and all(r.plover == "ASSAULT" for r in events)  # the event is kept...
    assert not [r for r in named_relations(ex) if r in events]  # ...but is no triple
    assert "Unidentified" not in to_tsv(ex)
    assert '"stand_in": true' in to_jsonl(ex)  # the full record says which party stands in


def test_triples_between_named_parties_are_all_kept() -> None:
    ex = extract_text("Japanese Defense Minister Gen Nakatani met US Defense Secretary Pete Hegseth in Singapore.",
                      lang="en", model="none")  # fmt: skip
    assert named_relations(ex) == ex.relations and ex.relations
    assert len(to_tsv(ex).splitlines()) == len(ex.relations)
