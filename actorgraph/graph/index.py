"""The actor-network index: two derived named graphs that answer network questions without reading documents.

Document graphs are the record: each repeats the type and labels of every entity it mentions and holds a
plain ``?s ag:met ?o`` triple per asserted relation occurrence, so the union of a big store repeats a hub's
label once per article and an edge once per sentence. Network questions (who is within two links of X,
how many actors of each type) only need each edge and each entity once. Two graphs hold exactly that:

- ``NETWORK_GRAPH``: every distinct asserted relation triple once, however many documents assert it;
- ``ENTITIES_GRAPH``: per entity its type, its preferred label in each language and its country and CAMEO
  codes, as the latest ingest of a document mentioning it resolved them.

They are kept in the same SPARQL Update request as the document graph they derive from (see
``GraphStore.put_document``), so after a crash they match the documents. The bulk path writes them into its
shards (:func:`index_quads`). ``actorgraph reindex`` rebuilds both from the documents (:func:`rebuild`), for
stores written by an older version or changed by hand.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rdflib import RDF, SKOS, URIRef
from rdflib.namespace import PROV

from actorgraph.graph.rdf import Quad, values_blocks
from actorgraph.ontology.namespace import AG, AGR, RELATIONS

__all__ = [
    "DERIVED_GRAPHS",
    "ENTITIES_GRAPH",
    "NETWORK_GRAPH",
    "entity_refresh_update",
    "index_quads",
    "rebuild_update",
    "removal_update",
]

NETWORK_GRAPH = AGR["graph/actor-network"]
ENTITIES_GRAPH = AGR["graph/entities"]
DERIVED_GRAPHS = (NETWORK_GRAPH, ENTITIES_GRAPH)

RELATION_IRIS = frozenset(AG[r] for r in RELATIONS)
ENTITY_PROPERTIES = (RDF.type, SKOS.prefLabel, AG.countryCode, AG.cameoCode)
_NOT_ENTITY_TYPES = frozenset({AG.RelationStatement, AG.SourceDocument, PROV.Entity})

_RELS = ", ".join(p.n3() for p in sorted(RELATION_IRIS))
_PROPS = " ".join(p.n3() for p in ENTITY_PROPERTIES)
_NOT_TYPES = ", ".join(t.n3() for t in sorted(_NOT_ENTITY_TYPES))
_DERIVED = ", ".join(g.n3() for g in DERIVED_GRAPHS)
_NETWORK, _ENTITIES = NETWORK_GRAPH.n3(), ENTITIES_GRAPH.n3()


def entities_of(quads: Iterable[Quad]) -> set[URIRef]:
    """The entities a document graph describes: subjects typed with one of our entity classes."""
    return {
        q[0]
        for q in quads
        if q[1] == RDF.type and isinstance(q[2], URIRef) and q[2] not in _NOT_ENTITY_TYPES and q[0] != q[3]
    }


def index_quads(quads: Sequence[Quad], entities: set[URIRef] | None = None) -> list[Quad]:
    """The derived quads one document graph contributes to ``NETWORK_GRAPH`` and ``ENTITIES_GRAPH``
    (``entities``: its :func:`entities_of`, when the caller has them already)."""
    entities = entities_of(quads) if entities is None else entities
    out: list[Quad] = []
    for s, p, o, _ in quads:
        if p in RELATION_IRIS and isinstance(o, URIRef):
            out.append((s, p, o, NETWORK_GRAPH))
        elif s in entities and p in ENTITY_PROPERTIES:
            out.append((s, p, o, ENTITIES_GRAPH))
    return out


def removal_update(graphs: Iterable[str]) -> list[str]:
    """Update operations to run before ``graphs`` are dropped or replaced: the network edges that no other
    document graph asserts and the entity entries that no other document graph mentions go."""
    listed = sorted(set(graphs))
    if not listed:
        return []
    excluded = ", ".join([*(URIRef(g).n3() for g in listed), _DERIVED])
    ops = []
    for values in values_blocks(listed):
        ops.append(f"""DELETE {{ GRAPH {_NETWORK} {{ ?s ?p ?o }} }} WHERE {{
  VALUES ?g {{ {values} }}
  GRAPH ?g {{ ?s ?p ?o FILTER(?p IN ({_RELS})) }}
  FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} FILTER(?h NOT IN ({excluded})) }}
}}""")
        ops.append(f"""DELETE {{ GRAPH {_ENTITIES} {{ ?e ?q ?v }} }} WHERE {{
  VALUES ?g {{ {values} }}
  GRAPH ?g {{ ?e a ?t FILTER(?t NOT IN ({_NOT_TYPES})) }}
  FILTER NOT EXISTS {{ GRAPH ?h {{ ?e a ?t2 }} FILTER(?h NOT IN ({excluded})) }}
  GRAPH {_ENTITIES} {{ ?e ?q ?v }}
}}""")
    return ops


def entity_refresh_update(entities: Iterable[str]) -> list[str]:
    """Update operations that clear the entity entries about to be written again (new labels replace old)."""
    return [
        f"DELETE {{ GRAPH {_ENTITIES} {{ ?e ?q ?v }} }} WHERE {{ VALUES ?e {{ {values} }} "
        f"GRAPH {_ENTITIES} {{ ?e ?q ?v }} }}"
        for values in values_blocks(entities)
    ]


def rebuild_update() -> str:
    """One SPARQL Update request that rebuilds both derived graphs from every document graph."""
    return f"""DROP SILENT GRAPH {_NETWORK} ;
DROP SILENT GRAPH {_ENTITIES} ;
INSERT {{ GRAPH {_NETWORK} {{ ?s ?p ?o }} }} WHERE {{
  SELECT DISTINCT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o FILTER(?p IN ({_RELS}) && isIRI(?o)) }} }}
}} ;
INSERT {{ GRAPH {_ENTITIES} {{ ?e ?q ?v }} }} WHERE {{
  SELECT DISTINCT ?e ?q ?v WHERE {{
    GRAPH ?g {{ ?e a ?t FILTER(?t NOT IN ({_NOT_TYPES}) && isIRI(?t)) }}
    FILTER(?g != ?e && ?g NOT IN ({_DERIVED}))
    VALUES ?q {{ {_PROPS} }}
    GRAPH ?g {{ ?e ?q ?v }}
  }}
}}"""
