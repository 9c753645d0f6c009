"""Which layout a store is in, and moving a store of the older layout to the current one.

Layout 1 (before 2026-12) repeated each entity's type, labels and codes in every document graph that named
it, and each asserted triple in every document graph that stated it, with two derived index graphs beside
them. Layout 2 (``graph.index``) states each fact and each entity once. A store of layout 1 is refused with
a one-line message until ``actorgraph migrate`` has moved it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import Literal, URIRef

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
)
from actorgraph.graph.resolve import name_keys
from actorgraph.ontology.namespace import AG

if TYPE_CHECKING:
    from actorgraph.graph.store import GraphStore

__all__ = ["layout_problem", "migrate", "migrate_update"]

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
    descriptions were gathered (0 when the store was current already)."""
    if layout_version(store) == LAYOUT_VERSION:
        return 0
    names = _old_names(store)
    keys: list[Quad] = [
        (URIRef(e), AG.nameKey, Literal(k), KEYS_GRAPH)
        for (e, t), labels in sorted(names.items())
        for k in sorted(name_keys(t, labels))
    ]
    store.update(migrate_update(keys))
    return len({e for e, _ in names})
