"""The benchmark's synthetic N-Quads are in the store's shape, index included (benchmarks/synthetic.py)."""

from __future__ import annotations

import pyoxigraph as ox

from actorgraph.graph.index import DERIVED_GRAPHS, rebuild_update
from actorgraph.graph.store import PREFIXES
from benchmarks.synthetic import TripleWriter


def derived(store: ox.Store) -> set[ox.Quad]:
    return {q for g in DERIVED_GRAPHS for q in store.quads_for_pattern(None, None, None, ox.NamedNode(str(g)))}


def test_the_synthetic_index_is_what_a_rebuild_from_its_documents_gives() -> None:
    lines = list(TripleWriter(seed=3, extra_entities=500).quads(20_000))
    assert 19_000 < len(lines) < 21_500
    store = ox.Store()
    store.bulk_load(input="\n".join(lines).encode(), format=ox.RdfFormat.N_QUADS)
    written = derived(store)
    assert len(written) > 1_000
    store.update(rebuild_update(), prefixes=PREFIXES)
    assert derived(store) == written
