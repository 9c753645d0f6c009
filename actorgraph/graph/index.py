"""The store's layout: each fact and each entity once, each document's statements in its own graph.

- ``FACTS_GRAPH``: every asserted relation as one plain triple (``?s ag:met ?o``), however many documents
  state it, so a query on plain triples returns each pair once;
- ``ENTITIES_GRAPH``: one description per entity: type, preferred label per language, alternative labels,
  country, sector and CAMEO codes;
- ``KEYS_GRAPH``: the entity-resolution lookup keys of each entity (``graph.resolve.name_keys``), so a new
  article finds the stored entities it may merge with by a few point lookups;
- ``META_GRAPH``: the layout version;
- one graph per document: its description and its ``ag:RelationStatement`` nodes with their evidence; an
  entity the document names but relates to nothing is linked by ``ag:mentions``.

A document graph supports the facts its asserted statements state and the entities it refers to. Dropping
or replacing it removes what it alone supported (:func:`removal_update`), in the same SPARQL Update request
as the drop (``GraphStore.put_document``), so after a crash the shared graphs match the documents.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rdflib import Literal, URIRef
from rdflib.namespace import PROV, SKOS

from actorgraph.ontology.namespace import AG, AGR, RELATIONS

__all__ = [
    "DERIVED_GRAPHS",
    "ENTITIES_GRAPH",
    "FACTS_GRAPH",
    "INTERNAL_GRAPHS",
    "KEYS_GRAPH",
    "LAYOUT_VERSION",
    "META_GRAPH",
    "NETWORK_GRAPH",
    "SHARED_GRAPHS",
    "described",
    "label_dedupe_update",
    "label_refresh_update",
    "pref_label_clear_update",
    "layout_quads",
    "rebuild_update",
    "removal_update",
    "statement_count_update",
]

Quad = tuple[URIRef, URIRef, URIRef | Literal, URIRef]

FACTS_GRAPH = AGR["graph/facts"]
NETWORK_GRAPH = FACTS_GRAPH  # the name older code used for the graph of asserted links
ENTITIES_GRAPH = AGR["graph/entities"]
KEYS_GRAPH = AGR["graph/resolution-keys"]
META_GRAPH = AGR["graph/meta"]
STORE_NODE = AGR["store"]
LAYOUT_VERSION = 3  # 2: each fact and entity once; 3: each document's ag:statementCount
DERIVED_GRAPHS = (FACTS_GRAPH, ENTITIES_GRAPH)
SHARED_GRAPHS = (FACTS_GRAPH, ENTITIES_GRAPH, KEYS_GRAPH, META_GRAPH)
INTERNAL_GRAPHS = frozenset({KEYS_GRAPH, META_GRAPH})  # bookkeeping: left out of the union graph and its export
OLD_NETWORK_GRAPH = AGR["graph/actor-network"]  # layout 1's index of links

RELATION_IRIS = frozenset(AG[r] for r in RELATIONS)
_RELS = ", ".join(p.n3() for p in sorted(RELATION_IRIS))
_SHARED = ", ".join(g.n3() for g in SHARED_GRAPHS)
_FACTS, _ENTITIES, _KEYS = FACTS_GRAPH.n3(), ENTITIES_GRAPH.n3(), KEYS_GRAPH.n3()
_ASSERTED = Literal("asserted").n3()


def layout_quads() -> list[Quad]:
    """The quad that marks a store as written in this layout."""
    return [(STORE_NODE, AG.layoutVersion, Literal(LAYOUT_VERSION), META_GRAPH)]


def statement_count_update() -> list[str]:
    """Update operations that (re)write every document's ``ag:statementCount`` from its statements and mark
    the store as of this layout: what moves a layout-2 store to layout 3."""
    docs = "GRAPH ?d { ?d a ag:SourceDocument }"
    return [
        "DELETE { GRAPH ?d { ?d ag:statementCount ?n } } WHERE { GRAPH ?d { ?d ag:statementCount ?n } }",
        f"""INSERT {{ GRAPH ?d {{ ?d ag:statementCount ?n }} }} WHERE {{
  {{ SELECT ?d (COUNT(?st) AS ?n) WHERE {{ GRAPH ?d {{ ?st a ag:RelationStatement }} }} GROUP BY ?d }}
  {docs}
}}""",
        f"""INSERT {{ GRAPH ?d {{ ?d ag:statementCount 0 }} }} WHERE {{
  {docs} FILTER NOT EXISTS {{ GRAPH ?d {{ ?st a ag:RelationStatement }} }}
}}""",
        f"DELETE WHERE {{ GRAPH {META_GRAPH.n3()} {{ {STORE_NODE.n3()} ag:layoutVersion ?v }} }}",
        f"INSERT DATA {{ GRAPH {META_GRAPH.n3()} {{ {STORE_NODE.n3()} ag:layoutVersion {LAYOUT_VERSION} }} }}",
    ]


def removal_update(graphs: Iterable[str]) -> list[str]:
    """Update operations to run before document ``graphs`` are dropped or replaced: the facts no other
    document asserts, and the entities (description and keys) no other document refers to, go."""
    listed = sorted(set(graphs))
    if not listed:
        return []
    ops = []
    for k in range(0, len(listed), 1000):
        block = [URIRef(g).n3() for g in listed[k : k + 1000]]
        values, excluded = " ".join(block), ", ".join([*block, _SHARED])
        ops.append(f"""DELETE {{ GRAPH {_FACTS} {{ ?s ?p ?o }} }} WHERE {{
  VALUES ?g {{ {values} }}
  GRAPH ?g {{ ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; ag:modality {_ASSERTED} }}
  FILTER NOT EXISTS {{
    GRAPH ?h {{ ?other rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; ag:modality {_ASSERTED} }}
    FILTER(?h NOT IN ({excluded}))
  }}
}}""")
        for graph in (_ENTITIES, _KEYS):
            ops.append(f"""DELETE {{ GRAPH {graph} {{ ?e ?q ?v }} }} WHERE {{
  {{ SELECT DISTINCT ?e WHERE {{
    VALUES ?g {{ {values} }}
    GRAPH ?g {{ ?x ?r ?e FILTER(isIRI(?e) && ?e != ?g) }}
    FILTER NOT EXISTS {{ GRAPH ?h {{ ?y ?r2 ?e }} FILTER(?h NOT IN ({excluded})) }}
  }} }}
  GRAPH {graph} {{ ?e ?q ?v }}
}}""")
    return ops


def label_refresh_update(quads: Sequence[Quad]) -> list[str]:
    """Update operations that demote the preferred labels ``quads`` are about to write again to alternative
    labels: an entity has one per language, the one its latest resolution chose, and keeps the names it had
    (a search by an earlier spelling still finds it). Run ``label_dedupe_update`` after the new ones."""
    pairs = sorted(
        {(str(q[0]), q[2].language or "") for q in quads
         if q[3] == ENTITIES_GRAPH and q[1] == SKOS.prefLabel and isinstance(q[2], Literal)}
    )  # fmt: skip
    ops = []
    for k in range(0, len(pairs), 1000):
        rows = " ".join(f"({URIRef(e).n3()} {Literal(lang).n3()})" for e, lang in pairs[k : k + 1000])
        ops.append(
            f"DELETE {{ GRAPH {_ENTITIES} {{ ?e skos:prefLabel ?l }} }} "
            f"INSERT {{ GRAPH {_ENTITIES} {{ ?e skos:altLabel ?l }} }} WHERE {{ VALUES (?e ?lang) {{ {rows} }} "
            f"GRAPH {_ENTITIES} {{ ?e skos:prefLabel ?l }} FILTER(LANG(?l) = ?lang) }}"
        )
    english = [e for e, lang in pairs if lang == "en"]
    ops += [
        f"DELETE {{ GRAPH {_ENTITIES} {{ ?e ag:romanized ?r }} }} WHERE {{ VALUES ?e {{ {values} }} "
        f"GRAPH {_ENTITIES} {{ ?e ag:romanized ?r }} }}"
        for values in _iri_blocks(english)
    ]  # the English label's origin goes with it
    return ops


def described(quads: Sequence[Quad]) -> set[str]:
    """The entities ``quads`` give a preferred label."""
    return {str(q[0]) for q in quads if q[3] == ENTITIES_GRAPH and q[1] == SKOS.prefLabel}


def label_dedupe_update(entities: Iterable[str]) -> list[str]:
    """Update operations that drop an alternative label of ``entities`` equal to a preferred one (a label
    demoted by ``label_refresh_update`` or ``pref_label_clear_update`` and chosen again): SKOS keeps the two
    apart."""
    return [
        f"DELETE {{ GRAPH {_ENTITIES} {{ ?e skos:altLabel ?l }} }} WHERE {{ VALUES ?e {{ {values} }} "
        f"GRAPH {_ENTITIES} {{ ?e skos:prefLabel ?l . ?e skos:altLabel ?l }} }}"
        for values in _iri_blocks(entities)
    ]


def pref_label_clear_update(entities: Iterable[str]) -> list[str]:
    """Update operations that demote the preferred labels of ``entities`` to alternative ones (a bulk load
    writes preferred labels again; ``label_dedupe_update`` after it), as ``label_refresh_update`` does."""
    ops = []
    for values in _iri_blocks(entities):
        ops += [
            f"DELETE {{ GRAPH {_ENTITIES} {{ ?e skos:prefLabel ?l }} }} INSERT {{ GRAPH {_ENTITIES} {{ ?e "
            f"skos:altLabel ?l }} }} WHERE {{ VALUES ?e {{ {values} }} GRAPH {_ENTITIES} {{ ?e skos:prefLabel ?l }} }}",
            f"DELETE {{ GRAPH {_ENTITIES} {{ ?e ag:romanized ?r }} }} WHERE {{ VALUES ?e {{ {values} }} "
            f"GRAPH {_ENTITIES} {{ ?e ag:romanized ?r }} }}",
        ]
    return ops


def _iri_blocks(iris: Iterable[str], size: int = 1000) -> list[str]:
    ordered = sorted({str(i) for i in iris})
    return [" ".join(URIRef(i).n3() for i in ordered[k : k + size]) for k in range(0, len(ordered), size)]


def rebuild_update(entities: Iterable[str] | None = None) -> str:
    """One SPARQL Update request that rebuilds the facts graph from the asserted statements of every
    document graph (after a change by hand), or only the facts about ``entities`` (after a curation fix
    moved statements from one actor to another: the rest of a big store is not read)."""
    statement = f"""GRAPH ?g {{ ?st a ag:RelationStatement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
                    ag:modality {_ASSERTED} }}
    FILTER(?p IN ({_RELS}))"""
    if entities is None:
        return f"""DROP SILENT GRAPH {_FACTS} ;
INSERT {{ GRAPH {_FACTS} {{ ?s ?p ?o }} }} WHERE {{ SELECT DISTINCT ?s ?p ?o WHERE {{ {statement} }} }}"""
    ops = []
    for values in _iri_blocks(entities):
        ops.append(f"""DELETE {{ GRAPH {_FACTS} {{ ?s ?p ?o }} }} WHERE {{ VALUES ?e {{ {values} }}
  {{ GRAPH {_FACTS} {{ ?e ?p ?o }} BIND(?e AS ?s) }} UNION {{ GRAPH {_FACTS} {{ ?s ?p ?e }} BIND(?e AS ?o) }} }}""")
        ops.append(f"""INSERT {{ GRAPH {_FACTS} {{ ?s ?p ?o }} }} WHERE {{ SELECT DISTINCT ?s ?p ?o WHERE {{
  VALUES ?e {{ {values} }} GRAPH ?g {{ {{ ?st rdf:subject ?e }} UNION {{ ?st rdf:object ?e }} }} {statement} }} }}""")
    return " ;\n".join(ops) or "CLEAR SILENT GRAPH <urn:actorgraph:nothing>"


# Properties of an entity description (the entities graph).
ENTITY_PROPERTIES = (SKOS.prefLabel, SKOS.altLabel, AG.countryCode, AG.sectorCode, AG.cameoCode)
NOT_ENTITY_TYPES = (AG.RelationStatement, AG.SourceDocument, PROV.Entity)
