"""Where the graph lives: a store chosen by a string.

- a directory path (or ``"oxigraph"`` with a path): embedded Oxigraph on disk, readable afterwards by
  ``oxigraph serve --location DIR``;
- ``"memory"``: an in-memory Oxigraph, for quick runs and tests;
- ``"http://..."``: any SPARQL 1.1 server (Query and Update protocols), e.g. ``oxigraph serve`` or Fuseki.

All of them speak the same small interface (:class:`GraphStore`), and :func:`ingest` makes loading
documents incremental and idempotent: a document whose content hash the store already holds is skipped,
a changed document (same location, new hash) has its named graph replaced.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import re
import urllib.parse
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Literal

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, URIRef
from rdflib import Literal as RLiteral
from rdflib.namespace import OWL, RDF, RDFS, XSD
from rdflib.term import Node

from actorgraph.extract.records import Extraction
from actorgraph.graph.guard import uses_service
from actorgraph.graph.index import (
    ENTITIES_GRAPH,
    INTERNAL_GRAPHS,
    KEYS_GRAPH,
    described,
    label_dedupe_update,
    label_refresh_update,
    layout_quads,
    removal_update,
)
from actorgraph.graph.layout import layout_problem
from actorgraph.graph.rdf import BIND_PREFIXES, Quad, document_iri, extractions_to_quads, values_blocks
from actorgraph.graph.resolve import KnownEntity, lookup_keys
from actorgraph.graph.versions import needs_upgrade, version_message

PREFIXES: dict[str, str] = {
    **{k: str(v) for k, v in BIND_PREFIXES.items()},
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
}
_UPDATE = re.compile(
    r"^\s*(?:(?:PREFIX\s+\S*:\s*<[^>]*>|BASE\s+<[^>]*>|#[^\n]*(?:\n|$))\s*)*"
    r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.I,
)
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_KNOWN_PROPS = "skos:prefLabel skos:altLabel ag:countryCode ag:romanized"  # what resolution reads of an entity



class _IllTypedLiteralNoise(logging.Filter):
    """rdflib logs a full traceback for each ill-typed literal it builds ("Failed to convert Literal
    lexical form": a date 2025-99-99 in a store written before input dates were checked). The literal
    keeps its text and is marked ill-typed, so the traceback tells a user nothing: it is dropped."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("Failed to convert Literal lexical form")


logging.getLogger("rdflib.term").addFilter(_IllTypedLiteralNoise())


class StoreError(Exception):
    """The store cannot be opened or used: the message is one line a user can act on."""


class QuerySyntaxError(StoreError):
    """Bad SPARQL; the message says where."""


def is_update(sparql: str) -> bool:
    return bool(_UPDATE.match(sparql))


@dataclass(slots=True)
class QueryResult:
    """A SPARQL result with rdflib terms, whatever the backend."""

    kind: Literal["select", "ask", "graph"]
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Node | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None

    def dicts(self) -> list[dict[str, Node | None]]:
        return [dict(zip(self.variables, row, strict=True)) for row in self.rows]


@dataclass(slots=True)
class IngestReport:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)  # also duplicates of a document already held
    quads: int = 0  # written into the documents' own graphs

    @property
    def changed(self) -> bool:
        return bool(self.added or self.replaced)


# --- term conversion --------------------------------------------------------------------------------


def to_ox(term: Node) -> Any:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, RLiteral):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"cannot store {term!r}")


def from_ox(term: Any) -> Node | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return RLiteral(term.value, lang=term.language)
        dt = term.datatype.value
        return RLiteral(term.value, datatype=None if dt == _XSD_STRING else URIRef(dt))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise TypeError(f"unsupported term {term!r}")


def _ox_quads(quads: Iterable[Quad]) -> Iterator[ox.Quad]:
    for s, p, o, g in quads:
        yield ox.Quad(to_ox(s), to_ox(p), to_ox(o), to_ox(g))


# --- the interface ----------------------------------------------------------------------------------


class GraphStore(ABC):
    """What the rest of actorgraph needs from a store. Queries see the union of named graphs."""

    description: str = ""

    @abstractmethod
    def query(self, sparql: str) -> QueryResult: ...

    @abstractmethod
    def update(self, sparql: str) -> None: ...

    @abstractmethod
    def put_graph(self, graph: str, quads: Sequence[Quad]) -> None:
        """Replace the named graph ``graph`` with ``quads``."""

    @abstractmethod
    def quads(self) -> Iterator[Quad]:
        """Every quad of every named graph."""

    def put_document(self, graph: str, quads: Sequence[Quad]) -> None:
        """Write document graph ``graph`` and what it adds to the shared graphs (``quads`` holds both),
        replacing an older version of the document, in ONE SPARQL Update request: one transaction on Oxigraph
        and on servers that apply a request atomically, so a run killed here leaves the old document or the
        new, with the facts and entities each supports (``graph.index``)."""
        ops = []
        if self.has_graph(graph):
            ops += [*removal_update([graph]), f"DROP SILENT GRAPH {URIRef(graph).n3()}"]
        ops += label_refresh_update(quads)
        ops.append(f"INSERT DATA {{\n{self._data([*quads, *layout_quads()])}\n}}")
        ops += label_dedupe_update(described(quads))
        self.update(" ;\n".join(ops))

    def has_graph(self, graph: str) -> bool:
        return bool(self.query(f"ASK {{ GRAPH {URIRef(graph).n3()} {{ ?s ?p ?o }} }}").boolean)

    def remove_documents(self, graphs: Sequence[str]) -> list[str]:
        """Remove the documents ``graphs`` (IRIs) the store holds, with the facts and entities only they
        supported, in one update request; the IRIs removed."""
        held = sorted(self.documents(graphs))
        if held:
            drops = [f"DROP SILENT GRAPH {URIRef(g).n3()}" for g in held]
            self.update(" ;\n".join([*removal_update(held), *drops]))
        return held

    def _data(self, quads: Sequence[Quad]) -> str:
        """``quads`` as the body of INSERT DATA, terms written by rdflib's n3() (escaped)."""
        return "\n".join(f"GRAPH {g.n3()} {{ {s.n3()} {p.n3()} {o.n3()} }}" for s, p, o, g in quads)

    def close(self) -> None:  # noqa: B027 - optional for stores without resources
        pass

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # Shared helpers built on query(): every backend gets them.

    def select(self, sparql: str) -> list[dict[str, Node | None]]:
        return self.query(sparql).dicts()

    def select_values(self, sparql: str) -> list[tuple[str, ...]]:
        """Rows of a SELECT as plain strings (an IRI, a literal's text, "" when unbound): for big results
        whose term kinds the caller knows, without building an rdflib term per value."""
        result = self.query(sparql)
        return [tuple("" if t is None else str(t) for t in row) for row in result.rows]

    def has_index(self) -> bool:
        """Whether the store keeps the actor-network index (``graph.index``); older stores do not."""
        return bool(self.select_values(f"SELECT ?e WHERE {{ GRAPH {ENTITIES_GRAPH.n3()} {{ ?e ?q ?v }} }} LIMIT 1"))

    def count(self) -> int:
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(rows[0]["n"].toPython()) if rows else 0  # type: ignore[union-attr]

    def documents(self, iris: Iterable[str] | None = None) -> dict[str, str]:
        """Document IRI → content sha256 of every ingested source document (of ``iris`` only, when given:
        point lookups, for ingesting a few documents into a big store)."""
        if iris is None:
            rows = self.select_values("SELECT ?d ?sha WHERE { GRAPH ?d { ?d a ag:SourceDocument ; ag:sha256 ?sha } }")
            return {d: sha for d, sha in rows}
        held: dict[str, str] = {}
        for values in values_blocks(iris):
            query = f"SELECT ?d ?sha WHERE {{ VALUES ?d {{ {values} }} GRAPH ?d {{ ?d ag:sha256 ?sha }} }}"
            rows = self.select_values(query)
            held.update((d, sha) for d, sha in rows)
        return held

    def layout_problem(self) -> str:
        """A one-line message when the store holds documents in an older layout, else ""."""
        return layout_problem(self)

    def entities_in_use(self, iris: list[str]) -> set[str]:
        """Those of ``iris`` that name an entity of the store (resolution asks before minting an IRI)."""
        used: set[str] = set()
        for values in values_blocks(iris):
            ent = ENTITIES_GRAPH.n3()
            rows = self.select_values(
                f"SELECT ?e WHERE {{ VALUES ?e {{ {values} }} FILTER EXISTS {{ GRAPH {ent} {{ ?e ?p ?v }} }} }}"
            )
            used.update(r[0] for r in rows)
        return used

    def known_entities(self, keys: Iterable[str] | None = None) -> list[KnownEntity]:
        """Entities already in the store, for resolving the entities of new documents against them: all of
        them, or (``keys``) those filed under one of the resolution keys (``graph.resolve.lookup_keys``),
        found by point lookups in the keys graph."""
        ent = ENTITIES_GRAPH.n3()
        if keys is None:
            selections = [f"GRAPH {ent} {{ ?e a ?type }}"]
        else:
            literals = sorted({RLiteral(k).n3() for k in keys})
            selections = [
                f"{{ SELECT DISTINCT ?e WHERE {{ VALUES ?k {{ {' '.join(literals[i : i + 1000])} }} "
                f"GRAPH {KEYS_GRAPH.n3()} {{ ?e ag:nameKey ?k }} }} }} GRAPH {ent} {{ ?e a ?type }}"
                for i in range(0, len(literals), 1000)
            ]
        found: dict[str, KnownEntity] = {}
        for where in selections:
            rows = self.select_values(
                f"""SELECT ?e ?type ?p ?v (LANG(?v) AS ?lang) WHERE {{ {where}
                    OPTIONAL {{ GRAPH {ent} {{ ?e ?p ?v }} VALUES ?p {{ {_KNOWN_PROPS} }} }}
                }}"""
            )
            for e, t, p, v, lang in rows:
                k = found.setdefault(e, KnownEntity(iri=e, type=t.rsplit("#", 1)[-1]))
                if p.endswith("prefLabel"):
                    if lang.lower().startswith("ar"):
                        k.label_ar = min(k.label_ar, v) if k.label_ar else v
                    else:
                        k.label_en = min(k.label_en, v) if k.label_en else v
                elif p.endswith("altLabel") and v not in k.labels:
                    k.labels.append(v)
                elif p.endswith("countryCode"):
                    k.country = min(k.country, v) if k.country else v
                elif p.endswith("romanized"):
                    k.romanized = v == "true"
        for k in found.values():
            k.labels.sort()
        return [found[e] for e in sorted(found)]

    def union_graph(self) -> Graph:
        """All named graphs merged into one rdflib Graph (for SHACL, rendering, small exports), without the
        store's own bookkeeping (resolution keys, layout version)."""
        g = Graph()
        for prefix, ns in PREFIXES.items():
            g.bind(prefix, ns)
        for s, p, o, graph in self.quads():
            if graph not in INTERNAL_GRAPHS:
                g.add((s, p, o))
        return g

    def dataset(self) -> Dataset:
        ds = Dataset()
        for prefix, ns in PREFIXES.items():
            ds.bind(prefix, ns)
        ds.addN(self.quads())  # type: ignore[arg-type]  # rdflib accepts a graph IRI as the context
        return ds

    def write_to(self, fmt: str, out: BinaryIO) -> None:
        """:meth:`serialize` into a binary file; stores that can write as they read do not hold it all."""
        out.write(self.serialize(fmt))

    def serialize(self, fmt: str) -> bytes:
        """ttl (union), trig, nq, jsonld (named graphs)."""
        if fmt == "ttl":
            return self.union_graph().serialize(format="turtle", encoding="utf-8")
        rdflib_fmt = {"trig": "trig", "nq": "nquads", "jsonld": "json-ld"}[fmt]
        return self.dataset().serialize(format=rdflib_fmt, encoding="utf-8")


# Entity properties as SPARQL patterns on ?e, one variable each (see entity_property_blocks).
ENTITY_PROPERTY_PATTERNS = {
    "t": "?e a ?t FILTER(STRSTARTS(STR(?t), STR(ag:)))",
    "en": '?e skos:prefLabel ?en FILTER(LANGMATCHES(LANG(?en), "en"))',
    "ar": '?e skos:prefLabel ?ar FILTER(LANGMATCHES(LANG(?ar), "ar"))',
    "alt": "?e skos:altLabel ?alt",
    "cc": "?e ag:countryCode ?cc",
    "sec": "?e ag:sectorCode ?sec",
    "cameo": "?e ag:cameoCode ?cameo",
}


def entity_property_blocks(*names: str) -> str:
    """``OPTIONAL { SELECT DISTINCT ?e ?x WHERE { pattern } }`` for each named property of ?e.

    The union of the document graphs repeats an entity's triples once per document: DISTINCT sub-selects
    keep one copy each, where plain OPTIONALs side by side would multiply the copies (documents^n rows).
    """
    return "\n".join(
        f"OPTIONAL {{ SELECT DISTINCT ?e ?{name} WHERE {{ {ENTITY_PROPERTY_PATTERNS[name]} }} }}" for name in names
    )


# --- Oxigraph (on disk or in memory) ----------------------------------------------------------------


# Up to this much N-Quads, shards are bulk-loaded in parallel (about 5M quads in our shape): measured, two
# loaders took 1M quads from 12.2 s to 10.0 s, but raised the peak RSS of a 10M load from 1.8 to 3.3 GiB.
PARALLEL_LOAD_BYTES = 1 << 30


class OxigraphStore(GraphStore):
    def __init__(self, path: Path | None = None, *, read_only: bool = False, upgrade: bool = False) -> None:
        """``upgrade``: convert a store written by an older Oxigraph in place (else that is refused)."""
        self.path = path
        self.description = str(path) if path else "memory"
        self.read_only = read_only
        # SERVICE would make this store call other servers from a local query: refused unless allowed.
        self.allow_service = False
        self._wrote = False  # whether close() has write-ahead logs to let go
        self._store = _open_oxigraph(path, read_only, upgrade)

    def _check_service(self, sparql: str) -> None:
        if not self.allow_service and uses_service(sparql):
            raise StoreError("SERVICE would make this local query call another server: refused "
                             "(add --allow-service to allow it)")  # fmt: skip

    @contextlib.contextmanager
    def _guard(self) -> Iterator[None]:
        """Oxigraph reports a store that breaks in use (a corrupt block is only found when read, a full
        disk when written) as OSError or RuntimeError, also from inside result iterators."""
        try:
            yield
        except (OSError, RuntimeError) as err:
            msg = _one_line(err)
            what = "is corrupt" if "corruption" in msg.lower() else "failed"
            raise StoreError(f"store {self.description} {what}: {msg}") from None

    def bulk_load(self, shards: Sequence[Path | str], threads: int | None = None, *, lenient: bool = False) -> None:
        """Load N-Quads files with Oxigraph's bulk loader, several at once.

        The loader builds index files directly (no transactions) and uses about one core per file, so the
        shards are loaded in parallel threads, as Oxigraph's own ``oxigraph load`` does with several files.
        Each loader buffers its batches in memory, so parallel loaders multiply the peak memory of a big
        load: ``threads`` defaults to one per core up to ``PARALLEL_LOAD_BYTES`` of N-Quads, one above.
        Above it the loader also runs on one core (:func:`_one_core`): it sizes its pool of batch writers
        by the cores it may use, and each holds a batch, so on 10M quads this trades about 1.7x the time for
        two thirds of the memory (benchmarks/RESULTS.md).
        Not atomic: see ``graph.bulk`` for how a half-finished load is found and redone. ``lenient`` skips
        Oxigraph's IRI validation: for files our own writer made (the bulk path's shards), which are valid
        by construction.
        """
        if self.read_only:
            raise StoreError(f"store {self.description} is open read-only")
        if not shards:
            return
        from concurrent.futures import ThreadPoolExecutor

        total = sum(Path(shard).stat().st_size for shard in shards)
        big = total > PARALLEL_LOAD_BYTES

        def load_one(shard: Path | str) -> None:
            try:
                with _one_core() if big else contextlib.nullcontext():
                    self._wrote = True
                    self._store.bulk_load(path=str(shard), format=ox.RdfFormat.N_QUADS, lenient=lenient)
            except (OSError, SyntaxError, ValueError) as err:
                raise StoreError(f"bulk load of {shard} failed: {_one_line(err)}") from None

        if threads is None:
            threads = 1 if big else (os.cpu_count() or 1)
        workers = max(1, min(len(shards), threads))
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="bulk-load") as pool:
            futures = [pool.submit(load_one, shard) for shard in shards]
        error = next((e for e in (f.exception() for f in futures) if e is not None), None)
        try:
            if error is not None:
                raise error
        finally:  # no frame → exception → traceback → frame cycle keeping the store open after an error
            error = futures = None  # type: ignore[assignment]

    def _evaluate(self, sparql: str) -> Any:
        """Oxigraph's lazy result of ``sparql`` over the union of the named graphs; one-line errors."""
        self._check_service(sparql)
        try:
            return self._store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True)
        except SyntaxError as err:
            raise QuerySyntaxError(_syntax_message(sparql, err)) from None
        except (OSError, RuntimeError, ValueError) as err:
            raise StoreError(f"query failed: {_one_line(err)}") from None

    def query(self, sparql: str) -> QueryResult:
        res = self._evaluate(sparql)
        with self._guard():  # results are read lazily: reading them can fail too
            return self._read_result(res)

    def select_values(self, sparql: str) -> list[tuple[str, ...]]:
        # Oxigraph writes the results as SPARQL TSV in Rust and Python splits lines: several times faster
        # than one Python object per term for results of thousands of rows.
        res = self._evaluate(sparql)
        if not isinstance(res, ox.QuerySolutions):
            raise QuerySyntaxError("select_values needs a SELECT query")
        with self._guard():
            data = (res.serialize(format=ox.QueryResultsFormat.TSV) or b"").decode("utf-8")
        lines = data.split("\n")[1:]  # the first line names the variables
        if lines and lines[-1] == "":
            lines.pop()
        return [tuple(_tsv_value(cell) for cell in line.split("\t")) for line in lines]

    def _read_result(self, res: Any) -> QueryResult:
        if isinstance(res, ox.QueryBoolean):
            return QueryResult("ask", boolean=bool(res))
        if isinstance(res, ox.QueryTriples):
            g = Graph()
            for prefix, ns in PREFIXES.items():
                g.bind(prefix, ns)
            for t in res:
                g.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))  # type: ignore[arg-type]
            return QueryResult("graph", graph=g)
        variables = [v.value for v in res.variables]
        # Results repeat terms (labels, types, codes): each is converted once, as rdflib's Literal is slow.
        seen: dict[Any, Node | None] = {}

        def term(value: Any) -> Node | None:
            if value is None:
                return None
            found = seen.get(value)
            if found is None:
                found = seen[value] = from_ox(value)
            return found

        rows = [tuple(term(sol[v]) for v in variables) for sol in res]
        return QueryResult("select", variables, rows)

    def update(self, sparql: str) -> None:
        if self.read_only:
            raise StoreError(f"store {self.description} is open read-only")
        self._check_service(sparql)
        try:
            with self._guard():
                self._wrote = True
                self._store.update(sparql, prefixes=PREFIXES)
        except SyntaxError as err:
            raise QuerySyntaxError(_syntax_message(sparql, err)) from None

    def put_graph(self, graph: str, quads: Sequence[Quad]) -> None:
        if self.read_only:
            raise StoreError(f"store {self.description} is open read-only")
        g = ox.NamedNode(graph)
        with self._guard():
            exists = self._store.contains_named_graph(g)
        if not exists:
            with self._guard():
                self._wrote = True
                self._store.extend(_ox_quads(quads))  # one transaction for the document's graph
            return
        # Replacing: drop and insert in ONE update request, which Oxigraph runs as one transaction, so a
        # run killed here leaves the old graph or the new one (remove_graph then extend could leave
        # neither).
        with self._guard():
            self._wrote = True
            self._store.update(f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{\n{self._data(quads)}\n}}")

    def has_graph(self, graph: str) -> bool:
        with self._guard():
            return bool(self._store.contains_named_graph(ox.NamedNode(graph)))

    def _data(self, quads: Sequence[Quad]) -> str:
        return _quad_block(_ox_quads(quads))

    def quads(self) -> Iterator[Quad]:
        with self._guard():
            for q in self._store.quads_for_pattern(None, None, None, None):
                if isinstance(q.graph_name, ox.DefaultGraph):
                    continue
                yield from_ox(q.subject), from_ox(q.predicate), from_ox(q.object), from_ox(q.graph_name)  # type: ignore[misc]

    def count(self) -> int:
        # len() counts in Rust (2 s at 10M quads, where a Python loop over every quad took 127 s); the
        # default graph, which we never write to, is left out as the SPARQL count leaves it out.
        with self._guard():
            default = sum(1 for _ in self._store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
            return len(self._store) - default

    def serialize(self, fmt: str) -> bytes:
        with self._guard():
            return self._serialize(fmt)

    def write_to(self, fmt: str, out: BinaryIO) -> None:
        formats = {"trig": ox.RdfFormat.TRIG, "nq": ox.RdfFormat.N_QUADS}
        if fmt not in formats:
            super().write_to(fmt, out)
            return
        # Oxigraph writes as it reads: a 10M-quad store is not held in memory twice (bytes, then text).
        try:
            with self._guard():
                self._store.dump(out, format=formats[fmt], prefixes=PREFIXES if fmt == "trig" else None)
        except StoreError as err:
            cause = err.__context__
            if isinstance(cause, OSError) and cause.errno in (errno.ENOSPC, errno.EDQUOT, errno.EPIPE):
                raise OSError(cause.errno, os.strerror(cause.errno)) from None  # the output failed, not the store
            raise

    def _serialize(self, fmt: str) -> bytes:
        # Oxigraph's own serializers are much faster than rdflib's on a large store (findings.md).
        if fmt == "trig":
            return _dumped(self._store.dump(format=ox.RdfFormat.TRIG, prefixes=PREFIXES))
        if fmt == "nq":
            return _dumped(self._store.dump(format=ox.RdfFormat.N_QUADS))
        if fmt == "ttl":
            union = ox.Store()
            internal = {ox.NamedNode(str(g)) for g in INTERNAL_GRAPHS}
            union.extend(
                ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
                for q in self._store
                if not isinstance(q.graph_name, ox.DefaultGraph) and q.graph_name not in internal
            )
            return _dumped(union.dump(format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(), prefixes=PREFIXES))
        return super().serialize(fmt)

    def close(self) -> None:
        if not hasattr(self, "_store"):
            return  # closed already
        try:
            if not self.read_only and self.path is not None:
                with self._guard():
                    self._store.flush()
        finally:
            del self._store
        if self._wrote and self.path is not None:
            # RocksDB deletes write-ahead logs whose data a flush has put in table files only when the store
            # is next opened: opened and closed once here, a store written by build or ingest is left at
            # its size (16 MB -> 5 MB for 24 articles), not three times it until someone opens it.
            with contextlib.suppress(OSError, RuntimeError):
                del_store = ox.Store(str(self.path))
                del del_store


def _quad_block(quads: Iterable[ox.Quad]) -> str:
    """The body of INSERT DATA / DELETE DATA: terms written by Oxigraph's own N-Triples serialiser
    (escaped), never pasted."""
    return "\n".join(f"GRAPH {q.graph_name} {{ {q.subject} {q.predicate} {q.object} }}" for q in quads)


@contextlib.contextmanager
def _one_core() -> Iterator[None]:
    """Run the calling thread, and the threads it starts meanwhile, on one CPU. Oxigraph's bulk loader
    starts one batch writer per CPU it may use (Rust's ``available_parallelism`` reads this thread's
    affinity) and each buffers a batch of quads. Linux only (elsewhere nothing changes); only this thread
    is moved, and it gets its CPUs back after."""
    setaffinity = getattr(os, "sched_setaffinity", None)
    getaffinity = getattr(os, "sched_getaffinity", None)
    if setaffinity is None or getaffinity is None:
        yield
        return
    cpus = getaffinity(0)
    try:
        setaffinity(0, {min(cpus)})
    except OSError:  # not allowed here (some containers): load as usual
        yield
        return
    try:
        yield
    finally:
        setaffinity(0, cpus)


def _open_oxigraph(path: Path | None, read_only: bool, upgrade: bool = False) -> ox.Store:
    if path is None:
        return ox.Store()
    try:
        return _open_oxigraph_at(path, read_only, upgrade)
    except PermissionError as err:  # a folder (or a file in it) this user may not read or write
        where = err.filename or path
        raise StoreError(f"cannot open store {path}: permission denied ({where})") from None


def _open_oxigraph_at(path: Path, read_only: bool, upgrade: bool) -> ox.Store:
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path} is a file, not a store directory")
    if read_only and not (path / "CURRENT").exists():
        raise StoreError(f"no store at {path} (build one with `actorgraph build` or `actorgraph ingest`)")
    if path.is_dir() and not (path / "CURRENT").exists():
        # Oxigraph would create a store among whatever is there (`--store ~/articles` by mistake).
        names = [p.name for p in path.iterdir()]
        if any(n.endswith((".sst", ".log")) or n.startswith(("MANIFEST-", "OPTIONS-")) for n in names):
            raise StoreError(f"store {path} is corrupt: its CURRENT file is missing")
        if names:
            raise StoreError(f"{path} is a folder of other files, not a store: give a new or empty folder")
    if not read_only and not upgrade and (path / "CURRENT").exists():
        older = needs_upgrade(path)  # opened read-write, Oxigraph would convert it without a word
        if older:
            raise StoreError(older)
    try:
        return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except OSError as err:
        msg = str(err)
        if "lock" in msg.lower():
            raise StoreError(
                f"store {path} is locked by another process (an `oxigraph serve` or another actorgraph run)"
            ) from None
        raise StoreError(f"cannot open store {path}: {_one_line(err)}") from None
    except RuntimeError as err:
        other_version = version_message(path, _one_line(err))
        if other_version:
            raise StoreError(other_version) from None
        raise StoreError(f"store {path} is corrupt or not an Oxigraph store: {_one_line(err)}") from None


# --- opening and ingesting --------------------------------------------------------------------------


def open_store(spec: str | Path, *, read_only: bool = False, upgrade: bool = False) -> GraphStore:
    """``"memory"``, ``"http(s)://..."`` or a directory (created unless ``read_only``; a store written by
    an older Oxigraph is converted only with ``upgrade``)."""
    text = str(spec)
    if text == "memory":
        return OxigraphStore(None)
    if re.match(r"^https?://", text):
        try:
            parts = urllib.parse.urlsplit(text)
            parts.port  # noqa: B018 - raises ValueError for a port that is not a number
        except ValueError as err:
            raise StoreError(f"not a valid server URL: {text} ({_one_line(err)})") from None
        if not parts.hostname:
            raise StoreError(f"not a valid server URL: {text} (no host)")
        from actorgraph.graph.remote import SparqlHttpStore  # it builds on this module

        return SparqlHttpStore(text)
    store = OxigraphStore(Path(text), read_only=read_only, upgrade=upgrade)
    if upgrade and not read_only and store.layout_problem():  # what an older actorgraph wrote, moved too
        from actorgraph.graph.layout import migrate

        migrate(store)
    return store


def plan_documents(held: dict[str, str], docs: Iterable[tuple[str, str]]) -> tuple[IngestReport, list[int]]:
    """``held`` (IRI → sha256 in the store) and ``(iri, sha256)`` per document → report and indices to load.

    Shared by ``store.ingest``, the bulk and the Dask paths: an IRI held with the same sha256 → unchanged;
    the same IRI twice → once; a held IRI with a new sha256 → replaced; else added. The same text at two
    locations is two IRIs, two documents: were the second skipped as a copy of the first, editing the
    first would lose the second's statements.
    """
    report = IngestReport()
    seen: set[str] = set()
    keep: list[int] = []
    for i, (iri, sha) in enumerate(docs):
        if held.get(iri) == sha or iri in seen:
            report.unchanged.append(iri)
            continue
        seen.add(iri)
        (report.replaced if iri in held else report.added).append(iri)
        keep.append(i)
    return report, keep


def ingest(store: GraphStore, extractions: Sequence[Extraction]) -> IngestReport:
    """Add documents to the store: unchanged ones are skipped, changed ones replace their graph.

    A document is its location and its content (``rdf.document_iri``): two files with the same text are
    two documents, so editing one never takes the other's statements with it. Only a text without a
    location (a JSONL record without a URL) is identified by its content alone."""
    docs = [(str(document_iri(ex.document)), ex.document.sha256) for ex in extractions]
    problem = store.layout_problem()
    if problem:
        raise StoreError(problem)
    report, keep = plan_documents(store.documents(iri for iri, _ in docs), docs)
    todo = [extractions[i] for i in keep]
    if not todo:
        return report
    # Only the stored entities these documents may merge with are read: point lookups by resolution key.
    keys = {k for ex in todo for e in ex.entities.values()
            for k in lookup_keys(e.type, [n for n in (e.label_en, e.label_ar, *e.aliases) if n])}  # fmt: skip
    known = store.known_entities(keys) if keys else []
    for graph, quads in extractions_to_quads(todo, known, taken=store.entities_in_use).items():
        store.put_document(str(graph), quads)
        report.quads += sum(1 for q in quads if q[3] == graph)  # the document's own (facts and entities are shared)
    return report


_TSV_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_TSV_CHARS = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f"}


def _unescape(match: re.Match[str]) -> str:
    code = match.group(1) or match.group(2)
    return chr(int(code, 16)) if code else _TSV_CHARS.get(match.group(3), match.group(3))


def _tsv_value(cell: str) -> str:
    """One cell of SPARQL TSV results as a plain string: an IRI without its brackets, a literal's text
    (escapes undone), a number as written, "" when unbound."""
    if cell.startswith("<") and cell.endswith(">"):
        return cell[1:-1]
    if cell.startswith('"'):
        text = cell[1 : cell.rindex('"')]
        return _TSV_ESCAPE.sub(_unescape, text) if "\\" in text else text
    return cell


def _one_line(err: object) -> str:
    return " ".join(str(err).split())


def _syntax_message(sparql: str, err: Exception) -> str:
    """``error at 3:14: expected ...`` → one line that names the line and column and shows the spot."""
    msg = _one_line(err)
    m = re.search(r"(\d+):(\d+)", msg)
    if not m:
        return f"bad SPARQL: {msg}"
    line, col = int(m.group(1)), int(m.group(2))
    lines = sparql.splitlines() or [""]
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    near = text[max(0, col - 21) : col + 20].strip()
    reason = msg.split(": ", 1)[-1] if msg.startswith("error at") else msg
    if len(reason) > 80:  # "expected one of" lists every token the grammar allows: keep the first few
        reason = reason[:77].rsplit(",", 1)[0] + ", ..."
    return f"bad SPARQL at line {line}, column {col}: {reason} (near: {near!r})"


def _dumped(data: bytes | None) -> bytes:
    """``dump`` without an output file returns the bytes (None only when writing to a file)."""
    return data or b""
