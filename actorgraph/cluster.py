"""Scale-out on Dask: a dask.bag over corpus chunks; each partition extracts and writes an N-Quads shard.

1. ``bag.map(extract_chunk)`` runs extraction on the workers and keeps the results there (``persist``).
2. Only light records travel to the client (document IRI, sha256, entity names, no text): the client
   decides what to load (skip / replace, as ``store.ingest``) and resolves entities across the corpus,
   which needs every document's entities in one place.
3. Each partition gets its slice of the resolution and writes its shard (``shard-NNNNN.nq``) where it is.
4. The client bulk-loads the shards into the store, then commits the documents' sha256 marks.

Workers read the corpus by path and write shards by path: on a real cluster the corpus and the shard
directory must be on storage that the workers and the client share (NFS, a mounted bucket, ...).
``address`` is a scheduler address (``tcp://host:8786``), ``"local"`` for a LocalCluster of processes on
this machine, or an existing ``distributed.Client``.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from actorgraph.extract.records import Extraction
from actorgraph.graph.bulk import (
    batch_entities,
    last_of_each_graph,
    light,
    load,
    plan_documents,
    resolve,
    slice_resolution,
    write_shard,
)
from actorgraph.graph.rdf import Quad, document_iri
from actorgraph.graph.resolve import Resolution
from actorgraph.graph.store import GraphStore, IngestReport, StoreError
from actorgraph.parallel import ChunkResult, extract_chunk
from actorgraph.sources import Chunk, Failure


class ClusterError(RuntimeError):
    """Dask is missing or the cluster cannot be reached: one line for the user."""


@dataclass(slots=True)
class ClusterRun:
    report: IngestReport
    failed: list[Failure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # inputs read with a repair (a bad date left out, ...)
    documents: int = 0
    sentences: int = 0
    shards: int = 0
    workers: int = 0  # worker processes (or threads) the cluster had
    extract_seconds: float = 0.0  # until every partition is extracted and the client has the summaries
    load_seconds: float = 0.0  # resolution, shard writing on the workers, bulk load on the client


@dataclass(slots=True)
class _Summary:
    """What the client needs of one partition: no article text."""

    docs: list[tuple[str, str]]  # (document IRI, sha256)
    light: list[Extraction]
    failed: list[Failure]
    sentences: int
    warnings: list[str]


def _summarize(result: ChunkResult) -> _Summary:
    docs = [(str(document_iri(ex.document)), ex.document.sha256) for ex in result.extractions]
    return _Summary(docs, [light(ex) for ex in result.extractions], result.failed, result.sentences,
                    result.warnings)  # fmt: skip


def _write_partition(
    part: list[ChunkResult], keep: list[int], res: Resolution, path: str
) -> tuple[int, list[Quad]]:
    """Runs on a worker: the kept documents of one partition → one N-Quads shard."""
    extractions = [ex for result in part for ex in result.extractions]
    with open(path, "wb") as handle:
        return write_shard([extractions[i] for i in keep], res, handle)


@contextlib.contextmanager
def connect(address: Any, workers: int = 0) -> Iterator[Any]:
    """A ``distributed.Client`` for ``address``; a LocalCluster is started (and stopped) for ``"local"``."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ClusterError("Dask is not installed: pip install 'actorgraph[scale]'") from None

    if isinstance(address, Client):
        yield address
        return
    if address == "local":
        # One single-threaded process per worker: extraction holds the GIL, threads would not help.
        with LocalCluster(n_workers=workers or None, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:  # fmt: skip
            yield client
        return
    try:
        client = Client(address, timeout=30)
    except OSError as err:
        detail = " ".join(str(err).split())
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {detail}") from None
    with client:
        yield client


def run(
    chunks: Sequence[Chunk],
    store: GraphStore,
    client: Any,
    shard_dir: Path | str,
    *,
    lang: str | None = None,
    model: str | None = None,
    on_chunk: Callable[[int], None] | None = None,
    keep_shards: bool = False,
) -> ClusterRun:
    """Extract ``chunks`` on the cluster of ``client``, write shards to ``shard_dir``, load into ``store``."""
    import dask
    import dask.bag as db
    from distributed import as_completed, futures_of

    start = time.perf_counter()
    out = ClusterRun(IngestReport(), workers=len(client.scheduler_info().get("workers", {})))
    if not chunks:
        return out
    shard_dir = Path(shard_dir)
    shard_dir.mkdir(parents=True, exist_ok=True)
    # One chunk per partition: chunks are already sized for scheduling.
    bag = db.from_sequence(list(chunks), npartitions=len(chunks))
    # The client is used explicitly (not dask's global default), so a caller's other clients do not matter.
    extracted = client.persist(bag.map(extract_chunk, lang=lang, model=model))
    sizes = {i: c.size for i, c in enumerate(chunks)}
    if on_chunk is not None:
        for future in as_completed(futures_of(extracted)):
            key = future.key
            on_chunk(sizes.get(key[1], 0) if isinstance(key, tuple) else 0)
    summaries: list[_Summary] = client.compute(extracted.map(_summarize)).result()
    out.extract_seconds = time.perf_counter() - start
    start = time.perf_counter()

    # Global decisions on the client: which documents to load, and one entity resolution for all.
    docs: list[tuple[str, str]] = []
    lights: list[Extraction] = []
    owner: list[tuple[int, int]] = []  # (partition, index in partition) of each document
    for p, s in enumerate(summaries):
        out.failed += s.failed
        out.warnings += s.warnings
        out.sentences += s.sentences
        docs += s.docs
        lights += s.light
        owner += [(p, i) for i in range(len(s.docs))]
    out.documents = len(docs)
    problem = store.layout_problem()
    if problem:
        raise StoreError(problem)
    report, keep = plan_documents(store.documents(), docs)
    out.report = report
    if not keep:
        out.load_seconds = time.perf_counter() - start
        return out
    res = resolve([lights[i] for i in keep], store.known_entities())
    # res is numbered over `keep`; of two documents sharing an IRI only the later one is written.
    written = [keep[j] for j in last_of_each_graph([docs[i][0] for i in keep])]
    position = {doc: j for j, doc in enumerate(keep)}
    by_partition: dict[int, list[int]] = {}
    for i in written:
        by_partition.setdefault(owner[i][0], []).append(i)

    parts = extracted.to_delayed()
    tasks, paths = [], []
    for p, members in sorted(by_partition.items()):
        path = shard_dir / f"shard-{p:05d}.nq"
        local = [owner[i][1] for i in members]
        part_res = slice_resolution(res, [position[i] for i in members])
        tasks.append(dask.delayed(_write_partition)(parts[p], local, part_res, str(path)))
        paths.append(path)
    results = client.gather(client.compute(tasks))
    commit = [q for _, c in results for q in c]
    load(store, paths, [docs[i][0] for i in written], commit, batch_entities(res))
    report.quads = sum(n for n, _ in results) + len(commit)
    out.shards = len(paths)
    out.load_seconds = time.perf_counter() - start
    if not keep_shards:
        for path in paths:
            path.unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            shard_dir.rmdir()  # only when empty: never remove what we did not write
    return out

