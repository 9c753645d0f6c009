"""The store layout (graph/index.py): each fact and entity once, what a document alone supports goes with it;
and the ego-network query that reads the facts graph (graph/query.py)."""

from __future__ import annotations

import pytest
from rdflib import RDF, SKOS, Literal, URIRef

from actorgraph.graph.index import ENTITIES_GRAPH, FACTS_GRAPH, NETWORK_GRAPH, rebuild_update
from actorgraph.graph.query import NotFound, ego_network, find_actor_iri
from actorgraph.graph.rdf import Quad
from actorgraph.graph.store import GraphStore, open_store
from actorgraph.ontology.namespace import AG, AGR

# A small named example: a chain with a hub.  hub ─met─ a ─visited─ b ─met─ c,  hub ─sanctioned─ d
HUB, A, B, C, D = (AGR[f"person-{n}"] for n in ("hub", "a", "b", "c", "d"))
NAMES = {HUB: "Hub", A: "Alpha", B: "Bravo", C: "Charlie", D: "Delta"}


def document(name: str, edges: list[tuple[URIRef, str, URIRef]], *, hedged: bool = False,
             label: dict[URIRef, str] | None = None) -> tuple[str, list[Quad]]:  # fmt: skip
    """A document in our layout: its graph with a statement node per edge, the plain triple of each asserted
    edge in the facts graph, and the type and label of each entity in the entities graph."""
    g = AGR[f"doc-{name}"]
    quads: list[Quad] = [(g, RDF.type, AG.SourceDocument, g), (g, AG.sha256, Literal(name), g)]
    for k, (s, rel, o) in enumerate(edges):
        st = AGR[f"stmt-{name}-{k}"]
        modality = Literal("hedged" if hedged else "asserted")
        quads += [(st, RDF.type, AG.RelationStatement, g), (st, RDF.subject, s, g), (st, RDF.predicate, AG[rel], g),
                  (st, RDF.object, o, g), (st, AG.modality, modality, g)]  # fmt: skip
        if not hedged:
            quads.append((s, AG[rel], o, FACTS_GRAPH))
        for e in (s, o):
            quads += [(e, RDF.type, AG.Person, ENTITIES_GRAPH),
                      (e, SKOS.prefLabel, Literal((label or {}).get(e, NAMES[e]), lang="en"),
                       ENTITIES_GRAPH)]  # fmt: skip
    return str(g), list(dict.fromkeys(quads))


def graph(store: GraphStore, g: URIRef) -> set[tuple[str, str, str]]:
    rows = store.select(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}")
    return {(str(r["s"]), str(r["p"]), str(r["o"])) for r in rows}


def edges(store: GraphStore) -> set[tuple[str, str, str]]:
    return {(s, p.rsplit("#", 1)[-1], o) for s, p, o in graph(store, NETWORK_GRAPH)}


@pytest.fixture
def store() -> GraphStore:
    s = open_store("memory")
    s.put_document(*document("one", [(HUB, "met", A), (A, "visited", B)]))
    s.put_document(*document("two", [(B, "met", C), (HUB, "sanctioned", D), (HUB, "met", A)]))
    s.put_document(*document("three", [(C, "met", D)], hedged=True))  # hedged: never an edge
    return s


def test_the_network_graph_holds_each_asserted_edge_once(store: GraphStore) -> None:
    assert edges(store) == {(str(HUB), "met", str(A)), (str(A), "visited", str(B)), (str(B), "met", str(C)),
                            (str(HUB), "sanctioned", str(D))}  # fmt: skip
    labels = {(s, o) for s, p, o in graph(store, ENTITIES_GRAPH) if p == str(SKOS.prefLabel)}
    assert labels == {(str(e), n) for e, n in NAMES.items()}  # one label per entity, not one per document


def test_replacing_a_document_drops_only_the_edges_no_other_document_asserts(store: GraphStore) -> None:
    store.put_document(*document("two", [(HUB, "met", A)]))  # B met C and HUB sanctioned D are gone
    assert edges(store) == {(str(HUB), "met", str(A)), (str(A), "visited", str(B))}
    store.put_document(*document("one", [(A, "visited", B)]))  # HUB met A: still said by "two"
    assert edges(store) == {(str(HUB), "met", str(A)), (str(A), "visited", str(B))}
    # Entities no document mentions any more leave the entities graph; D is still in "three" (hedged).
    entities = {s for s, _, _ in graph(store, ENTITIES_GRAPH)}
    assert entities == {str(HUB), str(A), str(B), str(C), str(D)}
    store.put_document(*document("three", [(A, "met", B)], hedged=True))
    assert {s for s, _, _ in graph(store, ENTITIES_GRAPH)} == {str(HUB), str(A), str(B)}


def test_the_latest_document_gives_the_label(store: GraphStore) -> None:
    store.put_document(*document("four", [(HUB, "met", B)], label={HUB: "The Hub"}))
    labels = {o for s, p, o in graph(store, ENTITIES_GRAPH) if s == str(HUB) and p == str(SKOS.prefLabel)}
    assert labels == {"The Hub"}


def test_rebuilding_gives_the_same_facts(store: GraphStore) -> None:
    before = graph(store, FACTS_GRAPH)
    store.update(f"DROP GRAPH <{FACTS_GRAPH}>")
    assert graph(store, FACTS_GRAPH) == set()
    store.update(rebuild_update())
    assert graph(store, FACTS_GRAPH) == before


def test_each_fact_and_each_entity_once_in_the_union(store: GraphStore) -> None:
    """HUB met A is said by two documents: one row; each label once however many documents name it."""
    rows = store.select_values("SELECT ?a ?b WHERE { ?a ag:met ?b }")
    assert sorted(rows) == sorted({(str(HUB), str(A)), (str(B), str(C))})
    labels = store.select_values("SELECT ?e ?l WHERE { ?e skos:prefLabel ?l }")
    assert len(labels) == len(set(labels)) == len(NAMES)


def test_ego_network_walks_the_index_hop_by_hop(store: GraphStore) -> None:
    one = ego_network(store, str(A), depth=1)
    assert one.distance == {str(A): 0, str(HUB): 1, str(B): 1}
    assert set(one.edges) == {(str(A), "met", str(HUB)), (str(A), "visited", str(B))}  # met: IRI order
    two = ego_network(store, str(A), depth=2)
    assert two.distance == {str(A): 0, str(HUB): 1, str(B): 1, str(C): 2, str(D): 2}
    assert len(two.edges) == 4 and two.labels[str(D)] == "Delta"
    # A walk that runs out of actors stops: depth 5 from C is the whole component.
    assert set(ego_network(store, str(C), depth=5).distance) == {str(e) for e in NAMES}


def test_ego_network_of_an_isolated_or_unknown_actor(store: GraphStore) -> None:
    store.put_document(*document("five", [(C, "met", D)], hedged=True))
    with pytest.raises(NotFound, match="no entity"):
        ego_network(store, "https://example.org/nobody")
    with pytest.raises(ValueError, match="depth"):
        ego_network(store, str(A), depth=0)


def test_an_actor_is_found_by_label_iri_or_prefixed_name(store: GraphStore) -> None:
    assert find_actor_iri(store, "Bravo") == str(B)
    assert find_actor_iri(store, str(B)) == str(B)
    assert find_actor_iri(store, "agr:person-b") == str(B)
    assert find_actor_iri(store, "brav") == str(B)  # a part of a label, as `actors` and `explain` match
    with pytest.raises(NotFound):
        find_actor_iri(store, "Zulu")


def test_ego_links_in_memory_answer_what_the_store_answers(store: GraphStore) -> None:
    """network.ego_links walks a networkx projection (from the index, or evidence-complete from the
    documents) and gives what query.ego_network reads from the store, for every actor and depth."""
    from actorgraph.graph.network import ego_links, index_network, store_network

    store.put_document(*document("four", [(D, "met", C), (C, "met", D), (C, "visited", C)]))  # both ways, a loop
    from_index, from_documents = index_network(store), store_network(store)
    assert from_index.number_of_edges() == 6 and set(from_index) == {str(e) for e in NAMES}
    assert from_index.nodes[str(HUB)]["label"] == "Hub" and from_index.nodes[str(HUB)]["type"] == "Person"
    for actor in NAMES:
        for depth in (1, 2, 3):
            expected = ego_network(store, str(actor), depth)
            for G in (from_index, from_documents):
                got = ego_links(G, str(actor), depth)
                assert (got.actor, got.depth, got.distance, got.labels) == (
                    expected.actor, expected.depth, expected.distance, expected.labels)  # fmt: skip
                assert sorted(got.edges) == sorted(expected.edges)
    # The hedged C–D link of "three" is in the documents' projection but is not walked.
    assert any(d["modality"] == "hedged" for _, _, d in from_documents.edges(data=True))


def test_index_network_of_an_unknown_actor(store: GraphStore) -> None:
    from actorgraph.graph.network import ActorNotFound, ego_links, index_network

    with pytest.raises(ActorNotFound, match="no actor"):
        ego_links(index_network(store), "https://example.org/nobody")


def test_actor_lists_and_lookups_read_the_entities_graph(en_extraction, ar_extraction) -> None:
    """list_actors and find_entities answer from the entities and facts graphs, and hostile text is text."""
    from actorgraph.graph.query import find_entities, list_actors
    from actorgraph.graph.store import ingest

    store = open_store("memory")
    ingest(store, [en_extraction, ar_extraction])
    queries = ["", "japan", "اليابان", "hegseth", "minister", "zzz"]
    hostile = 'x" } } DROP ALL ; #\\'
    lookups = ["Japan", "بيت هيجسيث", "Nakatani", "defense", "agr:country-jpn", hostile, "nobody at all"]

    def answers() -> tuple[list[object], list[object]]:
        lists = [list_actors(store, q, all_entities=every) for q in queries for every in (False, True)]
        return lists, [find_entities(store, name) for name in lookups]

    lists, found = answers()
    japan = [row for row in lists[2] if row.label_en == "Japan"]  # "japan", actors only
    assert len(japan) == 1 and japan[0].statements > 0 and japan[0].country == "JPN"
    assert any(row.alt_labels for rows in lists for row in rows)  # alternative labels come through too
    assert found[0] and found[1] and found[-2] == found[-1] == []
    assert found[0] == find_entities(store, "JAPAN")  # folded case: the scan after the exact lookup
