"""Scale-out on a Dask LocalCluster, and the bulk path into a real SPARQL server (`oxigraph serve`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from actorgraph.corpus import load_corpus
from actorgraph.graph.store import open_store
from tests.oxigraph_server import OXIGRAPH, oxigraph_server
from tests.scale.conftest import quads

RULES = "none"


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    distributed = pytest.importorskip("distributed")
    # Threads in this process: starts in well under a second, and the pipelines are built once for both.
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None,
                                  silence_logs=40) as cluster, distributed.Client(cluster) as c:  # fmt: skip
        yield c


def test_dask_gives_the_same_graph(client: object, corpus: Path, tmp_path: Path) -> None:
    local, dask = open_store("memory"), open_store("memory")
    load_corpus([corpus], local, model=RULES)
    shards = tmp_path / "shards"
    run = load_corpus([corpus], dask, dask=client, model=RULES, work_dir=shards)
    assert run.mode == "dask" and run.workers == 2 and run.documents == 8 and len(run.report.added) == 8
    assert sorted(f.where.rsplit(":", 1)[1] for f in run.failed) == ["2", "5", "6"]
    assert quads(local) == quads(dask)
    assert not shards.exists()  # shards are removed once loaded
    again = load_corpus([corpus], dask, dask=client, model=RULES, work_dir=shards)
    assert len(again.report.unchanged) == 8 and not again.report.added and quads(local) == quads(dask)


def test_dask_on_disk_store_with_progress(client: object, corpus: Path, tmp_path: Path) -> None:
    from actorgraph import cluster
    from actorgraph.sources import plan

    store = open_store(tmp_path / "store")
    seen: list[int] = []
    chunks = plan([corpus], chunk_bytes=1)
    run = cluster.run(chunks, store, client, tmp_path / "shards", model=RULES, on_chunk=seen.append,
                      keep_shards=True)  # fmt: skip
    assert sum(seen) == sum(c.size for c in chunks) == 12  # progress counts every input once
    # 12 partitions (one input each): the 8 with a document wrote a shard, the 4 bad or blank lines did not.
    assert run.shards == 8 and len(list((tmp_path / "shards").glob("shard-*.nq"))) == 8
    assert len(store.documents()) == 8
    store.close()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    if not Path(OXIGRAPH).exists():
        pytest.skip("the oxigraph server is not installed")
    with oxigraph_server("--location", str(tmp_path / "server")) as url:
        yield url


def test_bulk_into_a_sparql_server(server: str, corpus: Path) -> None:
    """N-Quads POSTed through the Graph Store Protocol give what per-document SPARQL Update gives."""
    remote, reference = open_store(server), open_store("memory")
    run = load_corpus([corpus], remote, bulk=True, model=RULES)
    load_corpus([corpus], reference, bulk=False, model=RULES)
    assert run.mode == "bulk" and len(run.report.added) == 8
    assert quads(remote) == quads(reference)
    assert len(load_corpus([corpus], remote, bulk=True, model=RULES).report.unchanged) == 8


def test_per_document_ingest_into_a_sparql_server_keeps_the_index(server: str, corpus: Path) -> None:
    """Over HTTP each document and its index changes go in one SPARQL Update request; `ego` reads the index
    through the SPARQL protocol as it does from Oxigraph on disk."""
    from collections import Counter

    from actorgraph.graph.index import NETWORK_GRAPH
    from actorgraph.graph.query import ego_network

    remote, reference = open_store(server), open_store("memory")
    load_corpus([corpus], remote, model=RULES)
    load_corpus([corpus], reference, model=RULES)
    assert quads(remote) == quads(reference)
    links = [q for q in quads(reference) if q[3] == NETWORK_GRAPH]
    assert len(links) > 5
    degree = Counter(str(e) for s, _, o, _ in links for e in (s, o))
    actor = min(degree, key=lambda e: (-degree[e], e))  # the best-linked actor
    here, there = ego_network(reference, actor), ego_network(remote, actor)
    assert (there.distance, set(there.edges), there.labels) == (here.distance, set(here.edges), here.labels)
    assert len(here.distance) > 2
