"""Which layout a store is in, and moving a store of the older layout to the current one.

Layout 1 (before 2026-12) repeated each entity's type, labels and codes in every document graph that named
it, and each asserted triple in every document graph that stated it, with two derived index graphs beside
them. Layout 2 (``graph.index``) states each fact and each entity once; layout 3 adds each document's
``ag:statementCount``. A store of an older layout is refused with a one-line message until
``actorgraph migrate`` has moved it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import pyoxigraph as ox
from rdflib import RDF, XSD, Literal, URIRef
from rdflib.namespace import PROV, SKOS

from actorgraph.graph.index import (
    ENTITIES_GRAPH,
    FACTS_GRAPH,
    KEYS_GRAPH,
    LAYOUT_VERSION,
    META_GRAPH,
    OLD_NETWORK_GRAPH,
    RELATION_IRIS,
    SHARED_GRAPHS,
    STORE_NODE,
    Quad,
    layout_quads,
    statement_count_update,
)
from actorgraph.graph.resolve import name_keys
from actorgraph.ontology.namespace import AG

if TYPE_CHECKING:
    from actorgraph.graph.store import GraphStore

__all__ = ["layout_problem", "migrate", "migrate_directory", "migrate_update"]

_DOC_TYPES = "ag:RelationStatement, ag:SourceDocument, prov:Entity"
_RELS = ", ".join(p.n3() for p in sorted(RELATION_IRIS))
_PROPS = "rdf:type skos:prefLabel skos:altLabel ag:countryCode ag:sectorCode ag:cameoCode"
_NOT_DOCS = ", ".join(g.n3() for g in (*SHARED_GRAPHS, OLD_NETWORK_GRAPH))


def layout_version(store: GraphStore) -> int | None:
    """The layout the store says it is in; None when it holds no marker."""
    rows = store.select_values(
        f"SELECT ?v WHERE {{ GRAPH {META_GRAPH.n3()} {{ {STORE_NODE.n3()} ag:layoutVersion ?v }} }}"
    )
    return max(int(r[0]) for r in rows) if rows else None


def layout_problem(store: GraphStore) -> str:
    """A one-line message when the store holds documents written in an older layout, else ""."""
    version = layout_version(store)
    if version == LAYOUT_VERSION:
        return ""
    if version is not None and version > LAYOUT_VERSION:
        return (f"store {store.description} was written in store layout {version} by a newer actorgraph "
                f"(this one reads layout {LAYOUT_VERSION}): upgrade actorgraph")  # fmt: skip
    if not store.query("ASK { GRAPH ?d { ?d a ag:SourceDocument } }").boolean:
        return ""  # empty: the first write marks it
    if version is not None:
        return (f"store {store.description} is in store layout {version} (this actorgraph writes layout "
                f"{LAYOUT_VERSION}): run `actorgraph migrate --store {store.description}` once")  # fmt: skip
    return (f"store {store.description} is in the older layout (entities repeated in every document): "
            f"run `actorgraph migrate --store {store.description}` once")  # fmt: skip


def migrate_update(keys: list[Quad]) -> str:
    """One SPARQL Update request that moves a layout-1 store to the current layout (``keys``: the
    resolution keys of its entities, computed from their names)."""
    doc = "GRAPH ?g { ?g a ag:SourceDocument }"
    entity = f"?e a ?t FILTER(isIRI(?t) && ?t NOT IN ({_DOC_TYPES}))"
    quads = "\n".join(f"GRAPH {g.n3()} {{ {s.n3()} {p.n3()} {o.n3()} }}" for s, p, o, g in [*keys, *layout_quads()])
    return f""" INSERT {{ GRAPH {FACTS_GRAPH.n3()} {{ ?s ?p ?o }} }} WHERE {{
  {doc} GRAPH ?g {{ ?s ?p ?o FILTER(?p IN ({_RELS}) && isIRI(?o)) }}
}} ;
INSERT {{ GRAPH {ENTITIES_GRAPH.n3()} {{ ?e ?q ?v }} }} WHERE {{
  {doc} GRAPH ?g {{ {entity} }} FILTER(?e != ?g)
  VALUES ?q {{ {_PROPS} }} GRAPH ?g {{ ?e ?q ?v }}
  FILTER(?q != skos:prefLabel || NOT EXISTS {{ GRAPH {OLD_ENTITIES} {{ ?e skos:prefLabel ?old }} }})
}} ;
INSERT {{ GRAPH ?g {{ ?g ag:mentions ?e }} }} WHERE {{
  {doc} GRAPH ?g {{ {entity} }} FILTER(?e != ?g)
  FILTER NOT EXISTS {{ GRAPH ?g {{ ?st rdf:subject|rdf:object|ag:eventPlace ?e }} }}
}} ;
DELETE {{ GRAPH ?g {{ ?e ?q ?v }} }} WHERE {{
  {doc} GRAPH ?g {{ {entity} }} FILTER(?e != ?g) VALUES ?q {{ {_PROPS} }} GRAPH ?g {{ ?e ?q ?v }}
}} ;
DELETE {{ GRAPH ?g {{ ?s ?p ?o }} }} WHERE {{
  {doc} GRAPH ?g {{ ?s ?p ?o FILTER(?p IN ({_RELS}) && isIRI(?o)) }}
}} ;
DROP SILENT GRAPH {OLD_NETWORK_GRAPH.n3()} ;
INSERT DATA {{
{quads}
}}"""


# Layout 1 kept the latest preferred labels in its own entities graph, the same IRI as layout 2's.
OLD_ENTITIES = ENTITIES_GRAPH.n3()


def _old_names(store: GraphStore) -> dict[tuple[str, str], list[str]]:
    """(entity, type) → every name of it in the documents and the old entities graph."""
    rows = store.select_values(
        f"""SELECT DISTINCT ?e ?t ?l WHERE {{
          GRAPH ?g {{ ?e a ?t FILTER(isIRI(?t) && ?t NOT IN ({_DOC_TYPES})) }}
          FILTER(?g NOT IN ({_NOT_DOCS}) && ?g != ?e)
          GRAPH ?g {{ ?e skos:prefLabel|skos:altLabel ?l }}
        }}"""
    )
    names: dict[tuple[str, str], list[str]] = {}
    for e, t, label in rows:
        names.setdefault((e, t.rsplit("#", 1)[-1]), []).append(label)
    return names


def migrate(store: GraphStore) -> int:
    """Move a layout-1 store to the current layout in one update request; the number of entities whose
    descriptions were gathered (0 when the store was current already, or of layout 2)."""
    version = layout_version(store)
    if version == LAYOUT_VERSION:
        return 0
    if version is not None:  # layout 2: the documents' statement counts
        store.update(" ;\n".join(statement_count_update()))
        return 0
    names = _old_names(store)
    keys: list[Quad] = [
        (URIRef(e), AG.nameKey, Literal(k), KEYS_GRAPH)
        for (e, t), labels in sorted(names.items())
        for k in sorted(name_keys(t, labels))
    ]
    store.update(" ;\n".join([migrate_update(keys), *statement_count_update()]))
    return len({e for e, _ in names})


_ENTITY_PROPS = frozenset(
    str(p) for p in (RDF.type, SKOS.prefLabel, SKOS.altLabel, AG.countryCode, AG.sectorCode, AG.cameoCode)
)
_REFERS = frozenset(str(p) for p in (RDF.subject, RDF.object, AG.eventPlace))
_NOT_ENTITY = frozenset(str(t) for t in (AG.RelationStatement, AG.SourceDocument, PROV.Entity))
_RELATION_STRS = frozenset(str(p) for p in RELATION_IRIS)


def migrate_directory(path: Path) -> tuple[int, int, int]:
    """Move an on-disk layout-1 store to the current layout by one streaming pass and Oxigraph's bulk loader
    (minutes at 10M quads, where the SPARQL Update of :func:`migrate` takes much longer): the new store is
    built beside it and takes its place, and the old one is kept as ``DIR.layout1`` until the user removes
    it. A layout-2 store is moved in place. Returns (entities, quads before, quads after); (0, n, n) when the
    store was current already."""
    from actorgraph.graph.store import OxigraphStore, StoreError

    old = OxigraphStore(path, read_only=True)
    try:
        before = old.count()
        version = layout_version(old)
    finally:
        old.close()
    if version == LAYOUT_VERSION:
        return 0, before, before
    if version is not None:  # layout 2: one update in place (seconds at 10M quads)
        store = OxigraphStore(path)
        try:
            migrate(store)
            return 0, before, store.count()
        finally:
            store.close()
    old = OxigraphStore(path, read_only=True)
    try:
        work = path.with_name(path.name + ".migrating")
        kept = path.with_name(path.name + ".layout1")
        for other in (work, kept):
            if other.exists():
                raise StoreError(f"{other} is in the way: move it or remove it, then migrate again")
        work.mkdir()
        dump = work / "migrated.nq"
        with dump.open("wb") as out:
            entities = _write_layout2(old._store, out)  # noqa: SLF001 - a pass over Oxigraph's own quads
    finally:
        old.close()
    store_dir = work / "store"
    new = OxigraphStore(store_dir)
    try:
        new.bulk_load([dump], lenient=True)  # written by pyoxigraph just now: valid
        after = new.count()
    finally:
        new.close()
    path.rename(kept)
    store_dir.rename(path)
    dump.unlink()
    work.rmdir()
    return entities, before, after


class _Layout2Writer:
    """One pass over a layout-1 store's document graphs, handing out their quads in layout 2."""

    def __init__(self, db: ox.Store) -> None:
        self.db = db
        self.ent, self.facts, self.keys = (ox.NamedNode(str(g)) for g in (ENTITIES_GRAPH, FACTS_GRAPH, KEYS_GRAPH))
        self.described: dict[Any, list[ox.Quad]] = {}  # entity → its description quads (entities graph)
        self.names: dict[tuple[str, str], set[str]] = {}  # (entity, type) → every name, for its keys
        self.seen_facts: set[tuple[Any, Any, Any]] = set()
        # The preferred labels layout 1's index held: the latest resolution's.
        self.preferred: dict[tuple[Any, str], ox.Literal] = {
            (q.subject, q.object.language or ""): q.object
            for q in db.quads_for_pattern(None, ox.NamedNode(str(SKOS.prefLabel)), None, self.ent)
            if isinstance(q.object, ox.Literal)
        }

    def stream(self) -> Iterator[ox.Quad]:
        skip = {ox.NamedNode(str(OLD_NETWORK_GRAPH)), self.facts, self.ent}
        for g in self.db.named_graphs():
            if isinstance(g, ox.NamedNode) and g not in skip:
                yield from self.document(g, list(self.db.quads_for_pattern(None, None, None, g)))
        for e, quads in self.described.items():
            yield from _description(e, quads, self.preferred)
        for (e, kind), labels in sorted(self.names.items()):
            for k in sorted(name_keys(kind, labels)):
                yield ox.Quad(ox.NamedNode(e), ox.NamedNode(str(AG.nameKey)), ox.Literal(k), self.keys)
        yield ox.Quad(ox.NamedNode(str(STORE_NODE)), ox.NamedNode(str(AG.layoutVersion)),
                      ox.Literal(str(LAYOUT_VERSION), datatype=ox.NamedNode(str(XSD.integer))),
                      ox.NamedNode(str(META_GRAPH)))  # fmt: skip

    def document(self, g: ox.NamedNode, quads: list[ox.Quad]) -> Iterator[ox.Quad]:
        kinds = {q.subject: str(q.object.value) for q in quads if str(q.predicate.value) == str(RDF.type)
                 and q.subject != g and isinstance(q.object, ox.NamedNode) and q.object.value not in _NOT_ENTITY}
        referred = {q.object for q in quads if q.predicate.value in _REFERS}
        for q in quads:
            p = q.predicate.value
            if q.subject in kinds and p in _ENTITY_PROPS:
                self.describe(q, kinds[q.subject].rsplit("#", 1)[-1])
            elif p in _RELATION_STRS and isinstance(q.object, ox.NamedNode):
                fact = (q.subject, q.predicate, q.object)
                if fact not in self.seen_facts:
                    self.seen_facts.add(fact)
                    yield ox.Quad(q.subject, q.predicate, q.object, self.facts)
            else:
                yield q
        for e in sorted(set(kinds) - referred, key=str):
            yield ox.Quad(g, ox.NamedNode(str(AG.mentions)), e, g)  # type: ignore[arg-type]
        statement = ox.NamedNode(str(AG.RelationStatement))
        n = sum(1 for q in quads if q.predicate.value == str(RDF.type) and q.object == statement)
        yield ox.Quad(g, ox.NamedNode(str(AG.statementCount)), ox.Literal(str(n), datatype=_INTEGER), g)

    def describe(self, q: ox.Quad, kind: str) -> None:
        self.described.setdefault(q.subject, []).append(ox.Quad(q.subject, q.predicate, q.object, self.ent))
        if q.predicate.value in _NAMES and isinstance(q.object, ox.Literal) and isinstance(q.subject, ox.NamedNode):
            self.names.setdefault((q.subject.value, kind), set()).add(q.object.value)


_NAMES = frozenset(str(p) for p in (SKOS.prefLabel, SKOS.altLabel))
_INTEGER = ox.NamedNode(str(XSD.integer))


def _write_layout2(db: ox.Store, out: BinaryIO) -> int:
    """Every quad of a layout-1 store, in layout 2, as N-Quads on ``out``; the number of entities."""
    writer = _Layout2Writer(db)
    ox.serialize(writer.stream(), out, format=ox.RdfFormat.N_QUADS)
    return len(writer.described)


def _description(e: Any, quads: list[ox.Quad], preferred: dict[tuple[Any, str], ox.Literal]) -> Iterator[ox.Quad]:
    """An entity's description once: its preferred label per language the old index's (else the first),
    its other names alternative labels."""
    pref, alt = ox.NamedNode(str(SKOS.prefLabel)), ox.NamedNode(str(SKOS.altLabel))
    chosen: dict[str, ox.Literal] = {}
    for q in quads:
        if q.predicate == pref and isinstance(q.object, ox.Literal):
            chosen.setdefault(q.object.language or "", preferred.get((e, q.object.language or ""), q.object))
    labels = set(chosen.values())
    out = {ox.Quad(e, alt if q.predicate == pref else q.predicate, q.object, q.graph_name) for q in quads
           if not (q.predicate == pref and q.object in labels)}  # fmt: skip
    out |= {ox.Quad(e, pref, label, quads[0].graph_name) for label in labels}
    yield from sorted(out, key=str)
