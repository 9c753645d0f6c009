"""The vocabularies code uses come from the ontology file, read once (ontology/vocabulary.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from actorgraph.extract import records
from actorgraph.ontology import namespace, vocabulary

ONTOLOGY = Path(vocabulary.__file__).parent / "actorgraph.ttl"


def test_the_ontology_gives_types_relations_and_symmetry() -> None:
    v = vocabulary.vocabulary()
    assert {"Person", "State", "ArmedGroup", "GovernmentBody"} <= v.actor_types and "Actor" not in v.actor_types
    assert {"Law", "Treaty"} <= v.document_types and {"Meeting", "Summit"} <= v.event_types
    assert v.other_types == {"Position", "City"}  # not RelationStatement, SourceDocument or PositionHolding
    assert v.places == {"State", "City"}  # the range of locatedIn
    assert v.plover["met"] == "CONSULT" and v.plover["attacked"] == "ASSAULT" and "holdsPosition" not in v.plover
    assert {"met", "agreedWith", "negotiatedWith", "cooperatesWith"} <= v.symmetric <= set(v.relations)
    assert {"holdsPosition", "locatedIn", "partOf", "requested"} <= set(v.relations)
    assert not {"hasMember", "hasPart", "holds", "position", "sourceDocument"} & set(v.relations)  # inverses, links
    assert v.relations[0] == "met"  # in the order the file defines them
    order = v.specific_first
    assert order.index("Summit") < order.index("Meeting") < order.index("Event")
    assert order.index("ArmedGroup") < order.index("Organization") < order.index("Actor")


def test_code_reads_them_from_there() -> None:
    v = vocabulary.vocabulary()
    assert v.actor_types == records.ACTOR_TYPES and v.entity_types == records.ENTITY_TYPES
    assert v.relations == namespace.RELATIONS and v.symmetric == namespace.SYMMETRIC_RELATIONS


def test_a_new_symmetric_relation_in_the_file_is_picked_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = ONTOLOGY.read_text(encoding="utf-8") + (
        "\nag:allianceWith a owl:ObjectProperty, owl:SymmetricProperty ;\n"
        "    rdfs:domain ag:Actor ;\n    rdfs:range ag:Actor .\n"
    )
    copy = tmp_path / "actorgraph.ttl"
    copy.write_text(text, encoding="utf-8")
    monkeypatch.setattr(vocabulary, "ONTOLOGY", copy)
    vocabulary.vocabulary.cache_clear()
    try:
        v = vocabulary.vocabulary()
        assert "allianceWith" in v.symmetric and v.relations[-1] == "allianceWith"
    finally:
        monkeypatch.undo()
        vocabulary.vocabulary.cache_clear()
