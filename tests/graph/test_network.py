"""The networkx projection and its analyses, on small hand-built graphs (actor_graph_examples)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
from actor_graph_examples import (
    CHINA,
    HEGSETH,
    HOSTILE,
    JAPAN,
    JS_ACTOR,
    NAKATANI,
    SCRIPT_LABEL,
    SHANGRI_LA,
    USA,
    GraphWriter,
    hub_and_spokes,
    tokyo_washington,
)
from rdflib import ConjunctiveGraph, Graph

from actorgraph.graph.network import (
    ActorNotFound,
    centrality,
    communities,
    ego_network,
    filter_dates,
    filter_language,
    filter_modality,
    filter_relations,
    filter_types,
    find_actor,
    pair_balance,
    path_relations,
    paths,
    to_networkx,
    top_degree,
    weighted_graph,
)
from actorgraph.graph.store import GraphStore


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return to_networkx(tokyo_washington())


def key(s, o, relation, modality="asserted"):
    return (str(s), str(o), f"{relation}|{modality}")


# --------------------------------------------------------------------------- projection


def test_nodes_carry_type_labels_and_country(G):
    japan = G.nodes[str(JAPAN)]
    assert japan["type"] == "State"
    assert (japan["label"], japan["label_en"], japan["label_ar"]) == ("Japan", "Japan", "اليابان")
    assert japan["country"] == "JPN"
    assert G.nodes[str(USA)]["alt_labels"] == ["U.S."]
    # Summit and Event: the more specific type is the node's type.
    assert G.nodes[str(SHANGRI_LA)]["type"] == "Summit"
    assert G.nodes[str(SHANGRI_LA)]["types"] == ["Summit", "Event"]


def test_only_participants_of_statements_become_nodes(G):
    assert set(G) == {str(x) for x in (JAPAN, USA, CHINA, NAKATANI, HEGSETH, SHANGRI_LA, HOSTILE, JS_ACTOR)}


def test_symmetric_relation_read_both_ways_in_two_languages_is_one_edge(G):
    # "Nakatani met Hegseth" (Arabic) and "Hegseth met Nakatani" (English).
    a, b = sorted([str(NAKATANI), str(HEGSETH)])
    met = G.edges[a, b, "met|asserted"]
    assert met["count"] == 2
    assert met["symmetric"] is True
    assert met["plover"] == "CONSULT"
    assert met["dates"] == ["2025-05-31"]
    assert sorted(ev["lang"] for ev in met["evidence"]) == ["ar", "en"]
    assert any("هيجسيث" in ev["sentence"] for ev in met["evidence"])
    assert not G.has_edge(b, a)


def test_edge_per_modality_with_its_evidence(G):
    hedged = G.edges[key(HEGSETH, JAPAN, "requested", "hedged")]
    assert hedged["modality"] == "hedged"
    assert hedged["count"] == 1
    assert hedged["first_date"] is None
    (ev,) = hedged["evidence"]
    assert ev["statement"].startswith("https://w3id.org/actorgraph/id/statement-ar1-")
    assert ev["document"] == "https://w3id.org/actorgraph/id/doc-ar1"
    assert ev["lang"] == "ar"
    assert ev["plover"] == "REQUEST"
    assert ev["confidence"] == pytest.approx(0.9)
    assert (ev["sentence_index"], ev["char_start"], ev["char_end"]) == (0, 0, 5)


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated")
def test_reads_a_conjunctive_graph_and_a_plain_graph_alike():
    ds = tokyo_washington()
    cg = ConjunctiveGraph()
    flat = Graph()
    for s, p, o, _g in ds.quads():
        cg.add((s, p, o))
        flat.add((s, p, o))
    reference = to_networkx(ds)
    for other in (to_networkx(cg), to_networkx(flat)):
        assert set(other.edges(keys=True)) == set(reference.edges(keys=True))
    assert ds.default_union is False  # the union view was only for the duration of the query


def test_statement_about_an_entity_without_type_or_label():
    w = GraphWriter()
    w.statement("d", "en", JAPAN, "met", CHINA, plover="CONSULT")
    G = to_networkx(w.ds)
    assert G.nodes[str(CHINA)]["type"] == "Actor"
    assert G.nodes[str(CHINA)]["label"] == "country-chn"


def test_empty_graph():
    G = to_networkx(Graph())
    assert G.number_of_nodes() == 0
    assert centrality(G) == []
    assert pair_balance(G) == []
    assert communities(G) == []


# --------------------------------------------------------------------------- filters


def test_filter_modality_keeps_only_what_is_asserted(G):
    H = filter_modality(G)
    assert {d["modality"] for *_, d in H.edges(data=True)} == {"asserted"}
    assert not H.has_edge(str(HEGSETH), str(JAPAN))
    assert not H.has_edge(str(JAPAN), str(USA))
    assert G.has_edge(str(JAPAN), str(USA)), "filters return a copy"


def test_filter_relations_drops_nodes_left_without_edges(G):
    H = filter_relations(G, {"accused", "sanctioned"})
    assert set(H) == {str(USA), str(CHINA)}
    assert H.nodes[str(USA)]["label_ar"] == "الولايات المتحدة"


def test_filter_language_recounts_shared_edges(G):
    H = filter_language(G, {"en"})
    a, b = sorted([str(NAKATANI), str(HEGSETH)])
    assert H.edges[a, b, "met|asserted"]["count"] == 1
    assert not H.has_edge(a, b, "agreedWith|asserted")  # only in the Arabic article
    assert filter_language(G, {"ar"}).number_of_edges() == 3


def test_filter_dates(G):
    spring = filter_dates(G, "2025-04-01", "2025-05-30")
    assert sorted(d["relation"] for *_, d in spring.edges(data=True)) == ["attended", "sanctioned"]
    # A month as the end bound includes the whole month; undated statements on request.
    june = filter_dates(G, "2025-06", "2025-06", keep_undated=False)
    assert [d["relation"] for *_, d in june.edges(data=True)] == ["accused"]
    with_undated = filter_dates(G, "2025-06-01", None, keep_undated=True)
    assert {"accused", "threatened", "requested", "cooperatesWith"} == {
        d["relation"] for *_, d in with_undated.edges(data=True)
    }


def test_filter_types(G):
    H = filter_types(G, {"State"})
    assert set(H) == {str(JAPAN), str(USA), str(CHINA)}


# --------------------------------------------------------------------------- finding actors


@pytest.mark.parametrize(
    "query, expected",
    [
        ("Japan", JAPAN),
        ("japan", JAPAN),
        ("اليابان", JAPAN),
        ("U.S.", USA),  # alternative label
        ("country-chn", CHINA),  # IRI local name
        (str(CHINA), CHINA),
        ("Hegseth", HEGSETH),  # unique substring
        ("جين ناكاتاني", NAKATANI),
        (SCRIPT_LABEL, HOSTILE),
    ],
)
def test_find_actor(G, query, expected):
    assert find_actor(G, query) == str(expected)


def test_find_actor_ambiguous_or_missing(G):
    with pytest.raises(ActorNotFound, match="several actors"):
        find_actor(G, "a")  # in many labels
    with pytest.raises(ActorNotFound, match="no actor matches 'Atlantis'"):
        find_actor(G, "Atlantis")


# --------------------------------------------------------------------------- analyses


def test_weighted_graph_sums_statements(G):
    H = weighted_graph(G)
    assert H[str(NAKATANI)][str(HEGSETH)]["weight"] == 3  # met twice, agreed once
    assert H[str(USA)][str(CHINA)]["weight"] == 2


def test_centrality_rankings_on_a_hub():
    G = to_networkx(hub_and_spokes(5))
    for measure in ("degree", "betweenness", "pagerank", "eigenvector"):
        ranking = centrality(G, measure)
        assert ranking[0][0].endswith("state-hub"), measure
        assert len(ranking) == 6
    assert centrality(G, "degree", top=2)[0] == ("https://w3id.org/actorgraph/id/state-hub", 1.0)
    assert centrality(G, "betweenness")[1][1] == 0.0
    assert sum(score for _, score in centrality(G, "pagerank")) == pytest.approx(1.0)
    with pytest.raises(ValueError, match="unknown centrality"):
        centrality(G, "closeness-ish")


def test_pagerank_matches_networkx_reference_implementation():
    from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

    G = to_networkx(tokyo_washington())
    ours = dict(centrality(G, "pagerank"))
    reference = _pagerank_python(weighted_graph(G, directed=True), weight="weight", tol=1e-12)
    assert ours == pytest.approx(reference, abs=1e-8)


def test_top_degree_keeps_the_hub_and_what_is_asked_for():
    G = to_networkx(hub_and_spokes(10, chain=3))
    H = top_degree(G, 3)
    assert H.number_of_nodes() == 3
    hub = "https://w3id.org/actorgraph/id/state-hub"
    assert hub in H
    # City 0 and City 1 have two neighbours each, more than any spoke.
    assert {"City 0", "City 1"} == {H.nodes[n]["label"] for n in H if n != hub}
    kept = top_degree(G, 2, keep=["https://w3id.org/actorgraph/id/city-2"])
    assert set(kept) == {"https://w3id.org/actorgraph/id/city-2", hub}
    assert top_degree(G, 100).number_of_nodes() == G.number_of_nodes()


def test_communities_split_the_three_stories(G):
    for method in ("louvain", "greedy"):
        found = communities(G, method=method)
        assert {frozenset(c) for c in found} == {
            frozenset({str(NAKATANI), str(HEGSETH), str(SHANGRI_LA)}),
            frozenset({str(USA), str(CHINA)}),
            frozenset({str(JAPAN), str(HOSTILE), str(JS_ACTOR)}),
        }, method


def test_ego_network(G):
    one = ego_network(G, "Japan")
    assert set(one) == {str(JAPAN), str(USA), str(HEGSETH), str(HOSTILE)}
    two = ego_network(G, "Japan", radius=2)
    assert {str(CHINA), str(NAKATANI), str(JS_ACTOR)} <= set(two)
    assert str(SHANGRI_LA) not in two


def test_paths_and_their_relations(G):
    (path,) = paths(G, "China", "Nakatani")
    assert path == [str(CHINA), str(USA), str(JAPAN), str(HEGSETH), str(NAKATANI)]
    steps = path_relations(G, path)
    assert steps[0] == (str(CHINA), ["~accused", "~sanctioned"], str(USA))
    assert steps[-1][1] == ["agreedWith", "met"]  # symmetric: no direction to mark
    assert paths(filter_modality(G), "China", "Nakatani") == []


def test_pair_balance_counts_asserted_statements_by_quad_class(G):
    by_pair = {frozenset((p.a, p.b)): p for p in pair_balance(G)}
    ministers = by_pair[frozenset((str(NAKATANI), str(HEGSETH)))]
    assert ministers.counts["verbal_cooperation"] == 3  # CONSULT x2, AGREE
    assert (ministers.cooperation, ministers.conflict, ministers.balance) == (3, 0, 1.0)
    rivals = by_pair[frozenset((str(USA), str(CHINA)))]
    assert rivals.counts["verbal_conflict"] == 1 and rivals.counts["material_conflict"] == 1
    assert rivals.balance == -1.0
    # The hedged request and the future cooperation are not acts.
    assert frozenset((str(JAPAN), str(USA))) not in by_pair
    assert frozenset((str(HEGSETH), str(JAPAN))) not in by_pair
    everything = {frozenset((p.a, p.b)): p for p in pair_balance(G, modalities=None)}
    assert everything[frozenset((str(JAPAN), str(USA)))].counts["material_cooperation"] == 1
    assert pair_balance(G)[0] == ministers  # most statements first


def test_mixed_pair_balance():
    w = GraphWriter()
    w.statement("d", "en", JAPAN, "met", CHINA, plover="CONSULT")
    w.statement("d", "en", JAPAN, "met", CHINA, plover="CONSULT")
    w.statement("d", "en", CHINA, "protested", JAPAN, plover="PROTEST")
    w.statement("d", "en", CHINA, "locatedIn", JAPAN)  # no PLOVER type: not counted
    (pair,) = pair_balance(to_networkx(w.ds))
    assert (pair.cooperation, pair.conflict, pair.total) == (2, 1, 3)
    assert pair.balance == pytest.approx(1 / 3)


# --------------------------------------------------------------------------- with the real graph writer


def test_projection_of_what_the_graph_layer_writes(en_extraction, ar_extraction):
    from actorgraph.graph.store import ingest, open_store

    store = open_store("memory")
    ingest(store, [en_extraction, ar_extraction])
    G = to_networkx(store.dataset())
    nakatani = find_actor(G, "Gen Nakatani")
    hegseth = find_actor(G, "بيت هيجسيث")
    assert G.nodes[nakatani]["type"] == "Person"
    assert G.nodes[nakatani]["cameo"] == "JPNGOVMIL"
    # The same meeting read in both articles: one edge, two statements, one per language.
    (met,) = [d for _, _, d in G.edges(data=True) if d["relation"] == "met"]
    assert met["count"] == 2
    assert sorted(ev["lang"] for ev in met["evidence"]) == ["ar", "en"]
    requested = {d["modality"] for _, _, d in G.edges(hegseth, data=True) if d["relation"] == "requested"}
    assert requested == {"hedged", "negated"}
    balance = {frozenset((p.a, p.b)): p for p in pair_balance(G)}
    assert balance[frozenset((nakatani, hegseth))].counts["verbal_cooperation"] == 2
    assert frozenset((hegseth, find_actor(G, "Japan"))) not in balance  # never asserted


def example_stores(tmp_path: Path) -> Iterator[GraphStore]:
    """On-disk stores holding the named example datasets, one document graph each."""
    from actorgraph.graph.store import open_store

    for name, ds in (("tokyo", tokyo_washington()), ("hub", hub_and_spokes(6, chain=3))):
        store = open_store(tmp_path / name)
        for graph in ds.graphs():
            quads = [(s, p, o, graph.identifier) for s, p, o in graph]
            if quads:
                store.put_document(str(graph.identifier), quads)
        yield store


def test_the_store_projection_equals_the_rdflib_one(tmp_path: Path) -> None:
    """network.store_network (one SPARQL query per property) gives what to_networkx of the store's union
    graph gives: same actors, links, attributes and evidence."""
    from actorgraph.graph.network import store_network

    for store in example_stores(tmp_path):
        with store:
            expected, got = to_networkx(store.union_graph()), store_network(store)
        assert got.number_of_edges() == expected.number_of_edges() > 3
        assert nx.utils.graphs_equal(got, expected)


def test_the_store_neighbourhood_cuts_what_the_whole_projection_cuts(tmp_path: Path) -> None:
    """store_network(around=...) reads only an actor's neighbourhood; filtered and cut to the ego network it
    is what the whole projection gives, for every actor, radius and choice of modalities."""
    from actorgraph.graph.network import filter_modality, store_network

    checked = 0
    for store in example_stores(tmp_path):
        with store:
            whole = store_network(store)
            for modalities in (None, ("asserted",), ("hedged", "negated")):
                filtered = whole if modalities is None else filter_modality(whole, modalities)
                for actor in whole:
                    for radius in (1, 2):
                        cut = store_network(store, around=actor, radius=radius, modalities=modalities)
                        if modalities is not None:
                            cut = filter_modality(cut, modalities)
                        if actor not in filtered:
                            assert actor not in cut
                            continue
                        expected = ego_network(filtered, actor, radius)
                        assert nx.utils.graphs_equal(ego_network(cut, actor, radius), expected)
                        checked += 1
    assert checked > 40
