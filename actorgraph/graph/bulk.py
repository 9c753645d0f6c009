"""The bulk path: extraction results written as N-Quads files and loaded with Oxigraph's bulk loader.

``store.ingest`` adds each document's named graph in its own transaction; that is right for a few
articles and slow for a corpus. Here the same quads (same RDF building, same entity resolution, so the
same store content) are streamed to N-Quads shards and loaded with ``Store.bulk_load``, which builds the
index files directly instead of going through transactions.

Incremental and idempotent like ``ingest``: a document whose sha256 the store holds is skipped, one
whose IRI the store holds with another sha256 has its graph replaced, and the same text twice in one
batch goes in once.

``bulk_load`` is not atomic: if it stops half-way, part of the data is in. So the quad that makes a
document count as held (``?doc ag:sha256 ?sha``, what ``GraphStore.documents`` reads) is left out of the
shards and added in one transaction after every shard is loaded. A run that dies before that leaves
documents without their sha256; the next run sees them as new, drops whatever part of their graph got
in, and loads them again. Nothing half-loaded is ever skipped as "unchanged".

The work is split so that it can be spread: :func:`plan_documents` (which documents to load) and
:func:`resolve` (entity IRIs across all of them) need only light records and run in one place;
:func:`write_shard` (quads of some documents) runs wherever those documents are, e.g. on Dask workers.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.term import Node

from actorgraph.extract.records import Document, Entity, Extraction

# extractions_to_quads does resolution and building in one call; the bulk path needs them apart (resolution
# over the whole corpus in one place, rdf.document_graph where the documents are).
# tests/scale checks that the result is identical to store.ingest's.
from actorgraph.graph.index import label_dedupe_update, layout_quads, pref_label_clear_update, removal_update
from actorgraph.graph.rdf import Quad, document_graph, document_iri
from actorgraph.graph.remote import SparqlHttpStore
from actorgraph.graph.resolve import KnownEntity, Resolution, resolve_entities
from actorgraph.graph.store import (
    GraphStore,
    IngestReport,
    OxigraphStore,
    StoreError,
    plan_documents,
    to_ox,
)
from actorgraph.ontology.namespace import AG, AGR_IRI

NQUADS_TYPE = "application/n-quads"
_DROP_BATCH = 500  # DROP SILENT GRAPH operations per SPARQL Update request
_TERM_CACHE = 200_000


# --- which documents, and their entities -----------------------------------------------------------


def light(ex: Extraction) -> Extraction:
    """What entity resolution reads of an extraction: document language and id, entity names. No text."""
    d = ex.document
    doc = Document(id=d.id, text="", lang=d.lang, source=d.source, title="", date=None, raw_sha256=d.sha256)
    entities = {
        k: Entity(e.key, e.type, e.label_en, e.label_ar, list(e.aliases), e.country, e.sector, e.cameo,
                  e.gazetteer_iri)
        for k, e in ex.entities.items()
    }  # fmt: skip
    return Extraction(doc, [], entities, [])


def resolve(extractions: Sequence[Extraction], known: Iterable[KnownEntity] = ()) -> Resolution:
    """Entity IRIs across all ``extractions`` (light ones suffice) and the store's ``known`` entities."""
    return resolve_entities(extractions, known, base=AGR_IRI)


def last_of_each_graph(graphs: Sequence[str]) -> list[int]:
    """Positions to write when two documents of one batch share an IRI (one location, two texts):
    the later one, as ``store.ingest`` does (its graph replaces the earlier one's)."""
    last = {g: i for i, g in enumerate(graphs)}
    return [i for i, g in enumerate(graphs) if last[g] == i]


def batch_entities(res: Resolution) -> set[str]:
    """Every entity IRI the documents of ``res`` use."""
    return {iri for doc in res.iris for iri in doc.values()}


def slice_resolution(res: Resolution, indices: Sequence[int]) -> Resolution:
    """The part of ``res`` that documents ``indices`` need, renumbered 0..len(indices)-1."""
    iris = [res.iris[i] for i in indices]
    used = {iri for doc in iris for iri in doc.values()}
    return Resolution(
        iris,
        {k: v for k, v in res.label_en.items() if k in used},
        {k: v for k, v in res.label_ar.items() if k in used},
        res.romanized & used,
    )


# --- quads and shards ------------------------------------------------------------------------------


def document_quads(ex: Extraction, d: int, res: Resolution) -> tuple[URIRef, list[Quad]]:
    """The named graph of one document and what it adds to the shared graphs, exactly as
    ``extractions_to_quads`` builds them."""
    return document_graph(ex, d, res)


def is_commit_quad(quad: Quad) -> bool:
    """The quad that marks a document as held (see the module docstring): loaded last, transactionally."""
    return quad[1] == AG.sha256 and quad[0] == quad[3]


def write_shard(
    extractions: Sequence[Extraction], res: Resolution, out: BinaryIO | str | os.PathLike[str]
) -> tuple[int, list[Quad]]:
    """Write the quads of ``extractions`` (document i resolved by ``res.iris[i]``) as N-Quads to ``out``.

    Returns the number of quads written into the documents' own graphs and the commit quads held back (one
    ``ag:sha256`` per document).
    """
    commit: list[Quad] = []
    written = 0
    # Predicates, types, graph and entity IRIs repeat in nearly every quad: converting each once halves
    # the cost of this loop. Bounded, since statement IRIs and sentences do not repeat.
    cache: dict[Node, Any] = {}

    def term(t: Node) -> Any:
        found = cache.get(t)
        if found is None:
            if len(cache) >= _TERM_CACHE:
                cache.clear()
            found = cache[t] = to_ox(t)
        return found

    shared: set[Quad] = set()  # facts, entity descriptions and keys written so far (documents share them)

    def stream() -> Iterator[ox.Quad]:
        nonlocal written
        for d, ex in enumerate(extractions):
            g, quads = document_quads(ex, d, res)
            for q in quads:
                if is_commit_quad(q):
                    commit.append(q)
                    continue
                if q[3] != g:
                    if q in shared:
                        continue
                    shared.add(q)
                else:
                    written += 1  # documents' own quads, as ``store.ingest`` counts them
                yield ox.Quad(term(q[0]), term(q[1]), term(q[2]), term(q[3]))

    ox.serialize(stream(), out, format=ox.RdfFormat.N_QUADS)
    return written, commit


# --- loading ---------------------------------------------------------------------------------------


def load(
    store: GraphStore,
    shards: Sequence[Path | str],
    graphs: Sequence[str],
    commit: Sequence[Quad],
    entities: Iterable[str] = (),
) -> None:
    """Drop ``graphs`` (documents about to be (re)loaded), bulk-load ``shards``, then add ``commit``.

    Before the drop, the shared graphs forget what only the dropped graphs supported, and the preferred
    labels of ``entities`` (the batch's entities, whose labels the shards write again) become alternative
    ones; after the load, an alternative label chosen as preferred again is dropped (as ``store.ingest``)."""
    if isinstance(store, OxigraphStore) and store.read_only:
        raise StoreError(f"store {store.description} is open read-only")
    # The layout mark goes first: a half-finished load is then a store of this layout with documents to redo.
    marker = "\n".join(f"GRAPH {g.n3()} {{ {s.n3()} {p.n3()} {o.n3()} }}" for s, p, o, g in layout_quads())
    entities = list(entities)
    for op in [*removal_update(graphs), *pref_label_clear_update(entities), f"INSERT DATA {{ {marker} }}"]:
        store.update(op)
    _load_shards(store, shards, graphs, commit)
    for op in label_dedupe_update(entities):
        store.update(op)


def _load_shards(
    store: GraphStore, shards: Sequence[Path | str], graphs: Sequence[str], commit: Sequence[Quad]
) -> None:
    """Drop ``graphs``, bulk-load ``shards`` and add ``commit``, with the store's own bulk interface."""
    if isinstance(store, OxigraphStore):
        db: ox.Store = store._store  # noqa: SLF001 - dropping graphs and the commit use Oxigraph's own API
        for g in graphs:
            node = ox.NamedNode(g)
            if db.contains_named_graph(node):
                db.remove_graph(node)
        store.bulk_load(shards, lenient=True)  # our own writer made them: valid by construction
        db.extend(ox.Quad(*(to_ox(t) for t in q)) for q in commit)  # one transaction
        return
    if isinstance(store, SparqlHttpStore):
        for i in range(0, len(graphs), _DROP_BATCH):
            store.update(" ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in graphs[i : i + _DROP_BATCH]))
        for shard in shards:
            _post_nquads(store, Path(shard))
        if commit:
            body = "\n".join(f"GRAPH {g.n3()} {{ {s.n3()} {p.n3()} {o.n3()} }}" for s, p, o, g in commit)
            store.update(f"INSERT DATA {{\n{body}\n}}")
        return
    raise StoreError(f"the bulk path does not support {type(store).__name__}")


def _post_nquads(store: SparqlHttpStore, shard: Path) -> None:
    """SPARQL 1.1 Graph Store Protocol: POST a dataset to the server's ``/store`` endpoint (Oxigraph).
    The deadline grows with the shard (1 MB/s at the least)."""
    url = store.update_url.rsplit("/", 1)[0] + "/store"
    size = shard.stat().st_size
    with shard.open("rb") as body:
        store.post(url, body, {"Content-Type": NQUADS_TYPE, "Content-Length": str(size)},
                   timeout=max(store.timeout, size / 1e6))  # fmt: skip


def bulk_ingest(
    store: GraphStore, extractions: Sequence[Extraction], *, workdir: Path | str | None = None
) -> IngestReport:
    """``store.ingest`` through an N-Quads file and the bulk loader: same decisions, same quads."""
    docs = [(str(document_iri(ex.document)), ex.document.sha256) for ex in extractions]
    problem = store.layout_problem()
    if problem:
        raise StoreError(problem)
    report, keep = plan_documents(store.documents(), docs)
    if not keep:
        return report
    todo = [extractions[i] for i in keep]
    res = resolve(todo, store.known_entities())
    last = last_of_each_graph([docs[i][0] for i in keep])
    # One shard per core: the store loads them in parallel threads.
    n_shards = max(1, min(len(last), os.cpu_count() or 1))
    parts = [last[k::n_shards] for k in range(n_shards)]
    written, commit = 0, list[Quad]()
    with tempfile.TemporaryDirectory(prefix="actorgraph-shards-", dir=workdir) as tmp:
        shards = []
        for k, part in enumerate(parts):
            shard = Path(tmp) / f"shard-{k:03d}.nq"
            with shard.open("wb") as handle:
                n, held = write_shard([todo[j] for j in part], slice_resolution(res, part), handle)
            written, commit = written + n, commit + held
            shards.append(shard)
        load(store, shards, [docs[i][0] for i in keep], commit, batch_entities(res))
    report.quads = written + len(commit)
    return report
