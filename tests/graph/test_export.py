"""PLOVER and GraphML exports."""

from __future__ import annotations

import io
import json

import jsonschema
import networkx as nx
import pytest
from conftest import make_ar, make_en

from actorgraph.extract.records import Relation
from actorgraph.graph.export import export, plover_events, plover_schema
from actorgraph.graph.store import GraphStore, ingest, open_store


@pytest.fixture
def store() -> GraphStore:
    s = open_store("memory")
    ingest(s, [make_en(), make_ar()])
    return s


def test_plover_events_validate_against_the_schema(store: GraphStore) -> None:
    lines = export(store, "plover").decode("utf-8").splitlines()
    schema = plover_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    events = [json.loads(line) for line in lines]
    for event in events:
        jsonschema.validate(event, schema)
    # Statements with a PLOVER type: met (en, ar), requested (en, ar), visited (en).
    assert len(events) == 5
    met = [e for e in events if e["relation"] == "met" and e["source"]["language"] == "ar"][0]
    assert met["event_type"] == "CONSULT"
    assert [a["text"] for a in met["actor"]] == ["Gen Nakatani"]
    assert met["actor"][0]["code"] == "JPN" and met["actor"][0]["sector"] == "GOVMIL"
    assert met["recipient"][0]["text_ar"] == "بيت هيجسيث"
    assert met["date"] == "2025-05-31"  # the document's date when the event has none
    visit = [e for e in events if e["relation"] == "visited"][0]
    assert visit["mode"] == "visit" and visit["modality"] == "hedged"


def test_plover_groups_compound_actors() -> None:
    en = make_en()
    # "Nakatani and Hegseth requested Japan ..." twice in one sentence: one event, two actors.
    en.relations.append(Relation("new:Person:gen nakatani", "requested", "gaz:country-jpn", 1, 138, 143,
                                 rule="en.request", modality="negated", plover="REQUEST"))
    s = open_store("memory")
    ingest(s, [en])
    (event,) = [e for e in plover_events(s) if e["relation"] == "requested"]
    assert sorted(a["text"] for a in event["actor"]) == ["Gen Nakatani", "Pete Hegseth"]
    assert [r["code"] for r in event["recipient"]] == ["JPN"]
    assert len(event["statements"]) == 2
    jsonschema.validate(event, plover_schema())


def test_graphml_is_readable_by_networkx(store: GraphStore) -> None:
    G = nx.read_graphml(io.BytesIO(export(store, "graphml")))
    nakatani = "https://w3id.org/actorgraph/id/person-gen-nakatani"
    hegseth = "https://w3id.org/actorgraph/id/person-pete-hegseth"
    assert G.nodes[nakatani]["label_ar"] == "جين ناكاتاني"
    edges = [d for _, _, d in G.edges(data=True) if d["relation"] == "met"]
    assert len(edges) == 1 and edges[0]["count"] == 2
    assert G.has_edge(nakatani, hegseth) or G.has_edge(hegseth, nakatani)


def test_an_event_actor_carries_the_words_that_name_it_in_the_sentence() -> None:
    """Event data records an actor's source text beside its code: "Syrian government" for Syria."""
    from actorgraph.extract import extract_text

    ex = extract_text("The Syrian government condemned Turkey on Monday.", lang="en", model="none")
    (rel,) = [r for r in ex.relations if r.plover]
    assert "Syrian" in rel.subject_text and rel.object_text == "Turkey"
    s = open_store("memory")
    ingest(s, [ex])
    (event,) = plover_events(s)
    jsonschema.validate(event, plover_schema())
    assert event["actor"][0]["text"] == "Syria" and "Syrian" in event["actor"][0]["mention"]
    assert event["recipient"][0]["mention"] == "Turkey"
