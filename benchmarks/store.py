"""One store size in its own process: bulk-load an N-Quads file, time the canonical queries, report peak RSS.

Run by ``benchmarks.suite``:

    python -m benchmarks.store load NQ_FILE STORE_DIR [REPEATS]   # load, query, print one JSON object
    python -m benchmarks.store naive STORE_DIR                    # queries/*.rq as written (may be slow)
    python -m benchmarks.store memory NQ_FILE                     # the same load into an in-memory store

A separate process per size, so that peak RSS (``getrusage``) is that of loading and querying that size.

The queries are written the way the application runs them (graph/query.py): rows by IRI, then the labels
of the IRIs found in one ``VALUES`` query, and with the bound actor inside the pattern that uses it. Two
properties of the data make other forms slow at scale, which ``naive`` measures:

- an entity's type and labels are repeated in every document graph that mentions it, and the union of
  the graphs keeps every copy, so joining labels inside an aggregate multiplies its rows;
- Oxigraph's planner evaluates ``{ A } UNION { B }`` and the triple patterns around it separately and
  joins the results, so a UNION that binds the actor, followed by the statement's properties, reads every
  statement in the store.
"""

from __future__ import annotations

import json
import os
import random
import resource
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from actorgraph.graph.index import NETWORK_GRAPH
from actorgraph.graph.store import PREFIXES, OxigraphStore
from actorgraph.ontology.namespace import RELATIONS

_RELS = " ".join(f"ag:{r}" for r in RELATIONS)
_QUERIES_DIR = Path(__file__).resolve().parents[1] / "queries"

# name → (SPARQL, columns whose IRIs get labels). EGO is the actor's IRI; ACTORS the IRIs its label finds.
QUERIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "who met whom": ("""
SELECT ?a ?b (COUNT(DISTINCT ?st) AS ?sentences) WHERE {
  ?st a ag:RelationStatement ; rdf:predicate ag:met ; ag:modality "asserted" ; rdf:subject ?a ; rdf:object ?b .
} GROUP BY ?a ?b ORDER BY DESC(?sentences) LIMIT 100""", ("a", "b")),
    # Found by its English label (first step, timed with the rest), then every relation both ways.
    "actor profile": ("""
SELECT DISTINCT ?direction ?p ?other ?modality ?sentence WHERE {
  VALUES ?actor { ACTORS }
  VALUES (?role ?other_role ?direction) { (rdf:subject rdf:object "out") (rdf:object rdf:subject "in") }
  ?st ?role ?actor ; ?other_role ?other ; a ag:RelationStatement ; rdf:predicate ?p ;
      ag:modality ?modality ; ag:sentenceText ?sentence .
}""", ("other",)),
    # What `actorgraph stats` runs: asserted links per relation, from the actor-network index.
    "relation counts": (f"""
SELECT ?p (COUNT(*) AS ?n) WHERE {{ GRAPH {NETWORK_GRAPH.n3()} {{ ?s ?p ?o }} VALUES ?p {{ {_RELS} }} }}
GROUP BY ?p""", ()),
    # Every statement about the actor with its evidence: sentence, language, source, confidence, date.
    "statements with evidence": ("""
SELECT ?st ?p ?other ?modality ?confidence ?rule ?sentence ?lang ?source ?date WHERE {
  VALUES (?role ?other_role) { (rdf:subject rdf:object) (rdf:object rdf:subject) }
  ?st ?role EGO ; ?other_role ?other ; a ag:RelationStatement ; rdf:predicate ?p ; ag:modality ?modality ;
      ag:confidence ?confidence ; ag:rule ?rule ; ag:sentenceText ?sentence ; prov:wasDerivedFrom ?doc .
  ?doc ag:language ?lang .
  OPTIONAL { ?doc prov:atLocation ?source }
  OPTIONAL { ?st ag:eventDate ?date }
}""", ("other",)),
}
EGO_QUERIES = ("actor profile", "statements with evidence")
_FIND = """SELECT DISTINCT ?actor WHERE { { ?actor skos:prefLabel LABEL } UNION { ?actor skos:altLabel LABEL } }"""


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def _select(store: ox.Store, sparql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    result = store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True)
    variables = [v.value for v in result.variables]
    return variables, [tuple(solution) for solution in result]  # materialised, as a caller would


def run_query(store: ox.Store, sparql: str, label: tuple[str, ...] = (), name: str = "") -> tuple[float, int]:
    """Seconds to find the actor (when ``name``), run ``sparql``, fetch every row and the labels."""
    start = time.perf_counter()
    if "ACTORS" in sparql:
        _, found = _select(store, _FIND.replace("LABEL", json.dumps(name, ensure_ascii=False) + "@en"))
        sparql = sparql.replace("ACTORS", " ".join(str(row[0]) for row in found))
    variables, rows = _select(store, sparql)
    iris = {row[variables.index(v)] for row in rows for v in label}
    iris = {t for t in iris if isinstance(t, ox.NamedNode)}
    if iris:
        values = " ".join(str(t) for t in iris)
        _select(store, f"SELECT DISTINCT ?e ?l WHERE {{ VALUES ?e {{ {values} }} ?e skos:prefLabel ?l }}")
    return time.perf_counter() - start, len(rows)


SAMPLE = 25  # actors drawn at random for the 2-hop ego network's spread


def pick_actors(store: ox.Store) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """The most connected actor, one at the 99th percentile of degree and one at the median, and
    ``SAMPLE`` actors drawn at random (seeded) from all that have a link (untimed)."""
    # Degree: links in the actor-network index (distinct relation and other actor), either direction.
    _, rows = _select(store, f"""
        SELECT ?e (COUNT(*) AS ?d) WHERE {{
          {{ GRAPH {NETWORK_GRAPH.n3()} {{ ?e ?p ?o }} }} UNION {{ GRAPH {NETWORK_GRAPH.n3()} {{ ?o ?p ?e }} }}
        }} GROUP BY ?e ORDER BY DESC(?d) ?e""")  # fmt: skip
    ranked = [(e.value, int(d.value)) for e, d in rows]
    picks = {"hub": ranked[0], "p99": ranked[len(ranked) // 100], "median": ranked[len(ranked) // 2]}
    out = {}
    for who, (iri, degree) in picks.items():
        _, labels = _select(store, f'SELECT ?l WHERE {{ <{iri}> skos:prefLabel ?l FILTER(LANG(?l) = "en") }} LIMIT 1')
        out[who] = {"iri": iri, "degree": degree, "label": labels[0][0].value if labels else ""}
    sample = random.Random(0).sample([iri for iri, _ in ranked], min(SAMPLE, len(ranked)))
    return out, sample


def split_shards(nq: Path, parts: int) -> list[Path]:
    """``nq`` cut at line ends into ``parts`` files, as the bulk path writes one shard per core."""
    size = nq.stat().st_size
    shards: list[Path] = []
    with nq.open("rb") as src:
        for k in range(parts):
            shard = nq.with_name(f"{nq.stem}.shard{k}.nq")
            with shard.open("wb") as out:
                left = size // parts if k < parts - 1 else size
                while left > 0:
                    block = src.read(min(left, 1 << 24))
                    if not block:
                        break
                    out.write(block)
                    left -= len(block)
                out.write(src.readline())  # finish the line the cut fell in
            shards.append(shard)
    return shards


def load_and_query(nq: Path, location: Path, repeats: int) -> dict[str, Any]:
    from actorgraph.graph.store import PARALLEL_LOAD_BYTES

    shards = split_shards(nq, os.cpu_count() or 1)
    threads = (os.cpu_count() or 1) if nq.stat().st_size <= PARALLEL_LOAD_BYTES else 1
    target = OxigraphStore(location)
    start = time.perf_counter()
    target.bulk_load(shards, lenient=True)  # as `ingest --bulk` and the Dask path call it
    target.close()  # flushes
    load_s = time.perf_counter() - start
    for shard in shards:
        shard.unlink()
    wrapped = OxigraphStore(location)
    store: ox.Store = wrapped._store  # noqa: SLF001 - the benchmark times raw queries as well
    quads = len(store)
    rss_after_load = peak_rss_mib()
    actors, sample = pick_actors(store)
    results: dict[str, Any] = {}
    for name, (template, label) in QUERIES.items():
        targets = actors if name in EGO_QUERIES else {"all": None}
        for who, actor in targets.items():
            sparql = template if actor is None else template.replace("EGO", f"<{actor['iri']}>")
            who_name = actor["label"] if actor else ""
            cold, rows = run_query(store, sparql, label, who_name)
            warm = [run_query(store, sparql, label, who_name)[0] for _ in range(repeats)]
            results[f"{name}|{who}"] = {"cold_ms": cold * 1000, "median_ms": statistics.median(warm) * 1000,
                                        "rows": rows}  # fmt: skip
    rss_after_queries = peak_rss_mib()
    return {"quads": quads, "load_s": load_s, "load_threads": threads, "rss_after_load_mib": rss_after_load,
            "peak_rss_mib": rss_after_queries, "actors": actors, "queries": results,
            "ego": ego_networks(wrapped, actors, repeats), "ego_sample": ego_sample(wrapped, sample),
            "peak_rss_with_ego_mib": peak_rss_mib(),
            "ego_session": ego_in_memory(wrapped, actors, sample, repeats),
            "neighbourhood": neighbourhoods(wrapped, actors)}  # fmt: skip


def ego_networks(store: OxigraphStore, actors: dict[str, dict[str, Any]], repeats: int) -> dict[str, Any]:
    """The 2-hop ego network as `actorgraph ego` computes it (graph.query.ego_network on the index): with
    the labels of every actor in it, and the links alone."""
    from actorgraph.graph.query import ego_network

    out: dict[str, Any] = {}
    for who, actor in actors.items():
        for labels in (True, False):
            times = []
            for _ in range(repeats + 1):  # the first run is the cold one
                start = time.perf_counter()
                found = ego_network(store, actor["iri"], 2, labels=labels)
                times.append(time.perf_counter() - start)
            out[f"{who}|{'labels' if labels else 'links'}"] = {
                "cold_ms": times[0] * 1000, "median_ms": statistics.median(times[1:]) * 1000,
                "rows": len(found.edges), "actors": len(found.distance)}  # fmt: skip
    return out


def ego_sample(store: OxigraphStore, sample: list[str]) -> dict[str, Any]:
    """The 2-hop ego network with labels of each sampled actor: one warm-up run, then one timed."""
    from actorgraph.graph.query import ego_network

    times, links = [], []
    for iri in sample:
        ego_network(store, iri, 2)
        start = time.perf_counter()
        found = ego_network(store, iri, 2)
        times.append((time.perf_counter() - start) * 1000)
        links.append(len(found.edges))
    ordered = sorted(times)
    p90 = ordered[int(0.9 * (len(ordered) - 1))]
    return {"actors": len(times), "median_ms": statistics.median(times), "p90_ms": p90, "max_ms": ordered[-1],
            "median_links": statistics.median(links), "max_links": max(links),
            "under_200": sum(t < 200 for t in times)}  # fmt: skip


def ego_in_memory(store: OxigraphStore, actors: dict[str, dict[str, Any]], sample: list[str], repeats: int,
                  ) -> dict[str, Any]:  # fmt: skip
    """An analysis session: the index loaded once as a networkx graph (network.index_network), then the same
    2-hop ego networks walked in memory (network.ego_links), labels included."""
    from actorgraph.graph.network import ego_links, index_network

    before = peak_rss_mib()
    start = time.perf_counter()
    G = index_network(store)
    build_s = time.perf_counter() - start
    out: dict[str, Any] = {"build_s": build_s, "nodes": G.number_of_nodes(), "links": G.number_of_edges(),
                           "rss_before_mib": before, "peak_rss_mib": peak_rss_mib()}  # fmt: skip
    for who, actor in actors.items():
        times = []
        for _ in range(repeats + 1):
            start = time.perf_counter()
            found = ego_links(G, actor["iri"], 2)
            times.append(time.perf_counter() - start)
        out[who] = {"cold_ms": times[0] * 1000, "median_ms": statistics.median(times[1:]) * 1000,
                    "rows": len(found.edges), "actors": len(found.distance)}  # fmt: skip
    sample_ms = []
    for iri in sample:
        start = time.perf_counter()
        ego_links(G, iri, 2)
        sample_ms.append((time.perf_counter() - start) * 1000)
    ordered = sorted(sample_ms)
    out["sample"] = {"actors": len(ordered), "median_ms": statistics.median(ordered),
                     "p90_ms": ordered[int(0.9 * (len(ordered) - 1))], "max_ms": ordered[-1],
                     "under_200": sum(t < 200 for t in ordered)}  # fmt: skip
    out["peak_rss_mib"] = peak_rss_mib()
    return out


def neighbourhoods(store: OxigraphStore, actors: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """What `render --ego ACTOR` and `analyze --ego ACTOR` read: the evidence-complete projection of the
    actors one link from ACTOR and every statement among them (network.store_network(around=...)). One run
    each; not the hub, whose neighbourhood is most of the store."""
    from actorgraph.graph.network import store_network

    out: dict[str, Any] = {}
    for who in ("p99", "median"):
        start = time.perf_counter()
        G = store_network(store, around=actors[who]["iri"], radius=1)
        out[who] = {"s": time.perf_counter() - start, "actors": G.number_of_nodes(),
                    "statements": sum(d["count"] for _, _, d in G.edges(data=True))}  # fmt: skip
    out["peak_rss_mib"] = peak_rss_mib()
    return out


def memory_load(nq: Path) -> dict[str, Any]:
    """The same file into an in-memory store, for comparison with the on-disk load."""
    store = ox.Store()
    start = time.perf_counter()
    store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    return {"load_s": time.perf_counter() - start, "peak_rss_mib": peak_rss_mib()}


def naive(location: Path) -> dict[str, Any]:
    """queries/who_met_whom.rq as shipped (labels joined in the query), once."""
    store = ox.Store.read_only(str(location))
    start = time.perf_counter()
    _, rows = _select(store, (_QUERIES_DIR / "who_met_whom.rq").read_text("utf-8"))
    return {"who_met_whom.rq": {"ms": (time.perf_counter() - start) * 1000, "rows": len(rows)}}


def main() -> None:
    if sys.argv[1] == "naive":
        print(json.dumps(naive(Path(sys.argv[2]))))
        return
    if sys.argv[1] == "memory":
        print(json.dumps(memory_load(Path(sys.argv[2]))))
        return
    repeats = int(sys.argv[4]) if len(sys.argv) > 4 else 5
    print(json.dumps(load_and_query(Path(sys.argv[2]), Path(sys.argv[3]), repeats)))


if __name__ == "__main__":
    main()
