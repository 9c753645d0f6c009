"""The graph within a period: the statements whose event date lies between two dates (``--since/--until``).

An event's date is the one its statement carries (``ag:eventDate``: a date of its sentence, else the
document's date); a statement with no date at all is outside every period. Built on the networkx
projection (``graph.network``), whose evidence keeps each statement's date.
"""

from __future__ import annotations

from collections import Counter

import networkx as nx

from actorgraph.graph.network import actor_nodes, ego_links, filter_dates, filter_modality, store_network
from actorgraph.graph.query import EgoNetwork
from actorgraph.graph.store import GraphStore


def period_network(
    store: GraphStore, since: str | None, until: str | None, *, around: str | None = None, radius: int = 1
) -> nx.MultiDiGraph:
    """The store's projection (or ``around`` an entity, ``radius`` links out) cut to the dated statements."""
    G = store_network(store, around=around, radius=radius) if around else store_network(store)
    return filter_dates(G, since, until)


def period_ego(store: GraphStore, iri: str, depth: int, since: str | None, until: str | None) -> EgoNetwork:
    """What ``actorgraph ego`` gives, from the asserted statements dated within the period."""
    G = filter_modality(period_network(store, since, until, around=iri, radius=depth), ("asserted",))
    if iri not in G:  # no statement of the actor in the period: the actor alone
        G.add_node(iri, label_en="", label_ar="")
    return ego_links(G, iri, depth)


def period_stats(store: GraphStore, since: str | None, until: str | None) -> list[str]:
    """``actorgraph stats`` over the statements dated within the period: documents they come from, actors
    taking part, asserted triples by relation, statements by modality."""
    G = period_network(store, since, until)
    documents: set[str] = set()
    languages: Counter[str] = Counter()
    by_modality: Counter[str] = Counter()
    triples: Counter[str] = Counter()
    for _s, _o, data in G.edges(data=True):
        for ev in data["evidence"]:
            if ev["document"] not in documents:
                documents.add(ev["document"])
                languages[ev["lang"] or "?"] += 1
            by_modality[data["modality"]] += 1
        if data["modality"] == "asserted":
            triples[data["relation"]] += 1
    actors = Counter(G.nodes[n].get("type") or "?" for n in actor_nodes(G))
    period = f"{since or 'the start'} to {until or 'the end'}"
    langs = ", ".join(f"{k} {v}" for k, v in sorted(languages.items()))
    return [
        f"events dated {period}",
        f"documents: {len(documents)}" + (f" ({langs})" if langs else ""),
        f"actors: {sum(actors.values())}",
        *(f"  {k:<26} {v}" for k, v in actors.most_common()),
        f"triples (asserted): {sum(triples.values())}",
        *(f"  {k:<26} {v}" for k, v in triples.most_common()),
        "statements: " + (", ".join(f"{k} {v}" for k, v in by_modality.most_common()) or "0"),
    ]
