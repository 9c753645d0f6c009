"""`ego` from the facts graph: the walk bounded by --limit keeps the strongest actors at each hop, answers as the
whole walk does when nothing is left out, and counts every actor within reach."""

from __future__ import annotations

import random

import pytest
from rdflib import RDF, SKOS, Literal, URIRef

from actorgraph.graph.index import ENTITIES_GRAPH, FACTS_GRAPH
from actorgraph.graph.query import EgoNetwork, ego_network
from actorgraph.graph.store import GraphStore, open_store
from actorgraph.ontology.namespace import AG, AGR, RELATIONS

RELS = ["met", "accused", "visited", "agreedWith", "sanctioned"]
assert set(RELS) <= set(RELATIONS)


def random_store(seed: int, n: int = 40, facts: int = 90) -> tuple[GraphStore, list[URIRef]]:
    """``n`` actors, a few hubs among them, and ``facts`` random facts (self-loops and both directions too)."""
    rng = random.Random(seed)
    actors = [AGR[f"actor-{seed}-{i}"] for i in range(n)]
    entities = [(a, RDF.type, AG.Person, ENTITIES_GRAPH) for a in actors]
    entities += [(a, SKOS.prefLabel, Literal(f"Actor {i}", lang="en"), ENTITIES_GRAPH) for i, a in enumerate(actors)]
    weights = [1.0 / (i + 1) for i in range(n)]  # Zipf-like: the first few are hubs
    found = set()
    for _ in range(facts):
        s, o = rng.choices(actors, weights)[0], rng.choice(actors)
        found.add((s, AG[rng.choice(RELS)], o, FACTS_GRAPH))
    store = open_store("memory")
    store.put_graph(str(ENTITIES_GRAPH), entities)
    store.put_graph(str(FACTS_GRAPH), sorted(found))
    return store, actors


def adjacency(store: GraphStore) -> tuple[dict[str, set[str]], list[tuple[str, str, str]]]:
    facts = [tuple(r) for r in store.select_values(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{FACTS_GRAPH}> {{ ?s ?p ?o }} }}")]
    adj: dict[str, set[str]] = {}
    for s, _, o in facts:
        adj.setdefault(s, set()).add(o)
        adj.setdefault(o, set()).add(s)
    return adj, facts  # type: ignore[return-value]


def true_distances(adj: dict[str, set[str]], start: str) -> dict[str, int]:
    dist, frontier = {start: 0}, [start]
    while frontier:
        nxt = []
        for node in frontier:
            for other in adj.get(node, ()):
                if other not in dist:
                    dist[other] = dist[node] + 1
                    nxt.append(other)
        frontier = nxt
    return dist


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_limit_that_leaves_nothing_out_answers_as_the_whole_walk(seed: int) -> None:
    store, actors = random_store(seed)
    for actor in actors[:15]:
        for depth in (1, 2, 3):
            whole = ego_network(store, str(actor), depth)
            bounded = ego_network(store, str(actor), depth, limit=1000)
            assert bounded.distance == whole.distance
            assert sorted(bounded.edges) == sorted(whole.edges)
            assert bounded.weights == whole.weights
            assert bounded.labels == whole.labels
            assert bounded.total == whole.within == len(whole.distance) - 1


@pytest.mark.parametrize("seed", [4, 5, 6])
def test_each_hop_keeps_the_actors_with_the_most_facts_to_the_hop_before(seed: int) -> None:
    store, actors = random_store(seed, n=60, facts=200)
    adj, facts = adjacency(store)
    for actor in actors[:20]:
        true = true_distances(adj, str(actor))
        for depth, limit in ((1, 3), (2, 2), (2, 5), (3, 2)):
            found = ego_network(store, str(actor), depth, limit=limit)
            check_bounded(found, true, facts, depth, limit)


def check_bounded(found: EgoNetwork, true: dict[str, int], facts: list[tuple[str, str, str]], depth: int,
                  limit: int) -> None:  # fmt: skip
    # Every actor counted, every kept one at its true distance, at most `limit` a hop.
    assert found.total == sum(1 for d in true.values() if 0 < d <= depth)
    assert all(true[n] == d for n, d in found.distance.items())
    for hop in range(1, depth + 1):
        kept = {n for n, d in found.distance.items() if d == hop}
        before = {n for n, d in found.distance.items() if d == hop - 1}
        assert len(kept) <= limit
        # A candidate's weight: facts (triples, each direction) linking it to the actors kept at the hop before.
        weight: dict[str, int] = {}
        for s, _, o in facts:
            for near, far in ((s, o), (o, s)):
                if near in before and true.get(far) == hop:
                    weight[far] = weight.get(far, 0) + 1
        assert {n: found.weights[n] for n in kept} == {n: weight[n] for n in kept}
        left_out = set(weight) - kept
        if left_out:  # only when the hop is full, and none left out outweighs one kept
            assert len(kept) == limit
            assert max(weight[n] for n in left_out) <= min(weight[n] for n in kept)
        if not kept:
            break
    # The links: every fact between kept actors one hop apart (and, when none is left out, between two of one
    # hop but the last, as the whole walk lists them), a symmetric one once.
    distance = found.distance
    complete = found.total == len(distance) - 1
    expected = set()
    for s, p, o in facts:
        near = abs(distance.get(s, -9) - distance.get(o, -9))
        if s in distance and o in distance and (near == 1 or complete and near == 0 and distance[s] < depth):
            rel = p.rsplit("#", 1)[-1]
            expected.add((o, rel, s) if rel in {"met", "agreedWith"} and o < s else (s, rel, o))
    assert set(found.edges) == expected and len(found.edges) == len(expected)


def test_an_actor_with_no_facts_and_an_unknown_one() -> None:
    store, actors = random_store(7, n=5, facts=0)
    alone = ego_network(store, str(actors[0]), 2, limit=10)
    assert (alone.distance, alone.edges, alone.total, alone.weights) == ({str(actors[0]): 0}, [], 0, {})
    from actorgraph.graph.query import NotFound

    with pytest.raises(NotFound):
        ego_network(store, "https://example.org/nobody", 2, limit=10)
    with pytest.raises(ValueError):
        ego_network(store, str(actors[0]), 2, limit=-1)


def test_a_frontier_wider_than_one_integer_of_bits() -> None:
    # 80 actors one link from the hub, each linked to its own actor two links away (and a few to the next):
    # the hop after a frontier of 80 names their links by number, not by bits.
    hub = AGR["hub"]
    spokes = [AGR[f"spoke-{i}"] for i in range(80)]
    rims = [AGR[f"rim-{i}"] for i in range(80)]
    everyone = [hub, *spokes, *rims]
    entities = [(a, RDF.type, AG.Person, ENTITIES_GRAPH) for a in everyone]
    facts = [(hub, AG.met, s, FACTS_GRAPH) for s in spokes]
    facts += [(s, AG.accused, r, FACTS_GRAPH) for s, r in zip(spokes, rims, strict=True)]
    facts += [(spokes[i + 1], AG.visited, rims[i], FACTS_GRAPH) for i in range(0, 80, 7)]
    store = open_store("memory")
    store.put_graph(str(ENTITIES_GRAPH), entities)
    store.put_graph(str(FACTS_GRAPH), facts)
    whole = ego_network(store, str(hub), 2)
    bounded = ego_network(store, str(hub), 2, limit=100)
    assert len(bounded.distance) == 161 and bounded.distance == whole.distance
    assert bounded.weights == whole.weights and sorted(bounded.edges) == sorted(whole.edges)
    assert sum(1 for w in bounded.weights.values() if w == 2) == len(range(0, 80, 7))
