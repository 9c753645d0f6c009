"""The RDF graph projected to networkx, and analyses of it as plain functions ``f(G, ...)``.

``to_networkx`` reads the relation statements (``ag:RelationStatement``), not the plain triples:
every occurrence of a relation has a statement, while plain triples exist only for asserted ones,
so the statements are the complete record and carry the evidence.

The projection is a ``MultiDiGraph``:

- a node per entity taking part in at least one statement, keyed by IRI string, with ``type``
  (most specific ``ag:`` class local name), ``types``, ``label`` (English, else Arabic, else the
  IRI's local name), ``label_en``, ``label_ar``, ``alt_labels``, ``country`` (ISO3), ``cameo``,
  ``sector``;
- an edge per (subject, relation, object, modality), keyed ``"relation|modality"``, with
  ``relation``, ``modality``, ``plover`` (most frequent PLOVER type), ``plover_types``, ``count``,
  ``dates``, ``first_date``, ``last_date``, ``symmetric`` and ``evidence``: one dict per
  statement (``statement``, ``sentence``, ``lang``, ``document`` with its ``title``, ``location``
  and ``published`` date, ``date`` of the event, ``plover``, ``rule``, ``confidence``,
  ``sentence_index``, ``char_start``, ``char_end``).

Symmetric relations (``met``, ``agreedWith``...) are stored once per pair, from the smaller IRI
to the larger, so "A met B" and "B met A" add up on one edge.

Filters return a new graph whose edges keep only the matching evidence; nodes left without any
edge are dropped. Analyses never modify their input.
"""

from __future__ import annotations

import unicodedata
import warnings
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import networkx as nx
from rdflib import RDF, SKOS, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS

from actorgraph.graph.index import ENTITIES_GRAPH, FACTS_GRAPH
from actorgraph.graph.query import EgoNetwork, actor_class
from actorgraph.graph.rdf import values_blocks
from actorgraph.graph.store import GraphStore
from actorgraph.ontology.namespace import AG, AG_IRI, SYMMETRIC_RELATIONS
from actorgraph.ontology.vocabulary import vocabulary

Evidence = dict[str, Any]

# The most specific type wins when an entity has several (a Summit is also a Meeting and an Event).
TYPE_ORDER: tuple[str, ...] = vocabulary().specific_first  # read from the ontology's rdfs:subClassOf
_TYPE_RANK = {name: rank for rank, name in enumerate(TYPE_ORDER)}

# PLOVER's quad classes (PLOVER codebook, "QuadClass").
QUAD_CLASSES: dict[str, tuple[str, ...]] = {
    "verbal_cooperation": ("AGREE", "CONSULT", "SUPPORT", "CONCEDE"),
    "material_cooperation": ("COOPERATE", "AID", "RETREAT"),
    "verbal_conflict": ("REQUEST", "ACCUSE", "REJECT", "THREATEN"),
    "material_conflict": ("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"),
}
PLOVER_QUAD: dict[str, str] = {p: quad for quad, types in QUAD_CLASSES.items() for p in types}

PROV = Namespace("http://www.w3.org/ns/prov#")
# Statement property → evidence key; read a property at a time (see to_networkx).
_STATEMENT_FIELDS: dict[str, URIRef] = {
    "subject": RDF.subject,
    "predicate": RDF.predicate,
    "object": RDF.object,
    "modality": AG.modality,
    "plover": AG.ploverType,
    "rule": AG.rule,
    "confidence": AG.confidence,
    "sentence": AG.sentenceText,
    "sentence_index": AG.sentenceIndex,
    "char_start": AG.charStart,
    "char_end": AG.charEnd,
    "date": AG.eventDate,
    "document": PROV.wasDerivedFrom,
}
# Document property → key: what evidence says of its source (dcterms:date is the article's date).
_DOCUMENT_FIELDS: dict[str, URIRef] = {
    "lang": AG.language,
    "title": DCTERMS.title,
    "location": PROV.atLocation,
    "published": DCTERMS.date,
}
_DOCUMENT_KEYS = {str(prop): name for name, prop in _DOCUMENT_FIELDS.items()}
Documents = dict[Any, dict[str, str | None]]
_ENTITY_FIELDS: dict[str, URIRef] = {
    "types": RDF.type,
    "pref": SKOS.prefLabel,
    "alt_labels": SKOS.altLabel,
    "country": AG.countryCode,
    "cameo": AG.cameoCode,
    "sector": AG.sectorCode,
}


# --------------------------------------------------------------------------- projection


@contextmanager
def _union_view(graph: Graph) -> Iterator[Graph]:
    """Query a Dataset as the union of its named graphs (one per document), then restore it."""
    with warnings.catch_warnings():
        # rdflib 7.x warns about its own use of Dataset.default_context on every triple pattern.
        warnings.filterwarnings("ignore", "Dataset.default_context is deprecated", DeprecationWarning)
        if isinstance(graph, Dataset) and not graph.default_union:
            graph.default_union = True
            try:
                yield graph
            finally:
                graph.default_union = False
        else:
            yield graph


def _local_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _py(value: Any) -> Any:
    return value.toPython() if isinstance(value, Literal) else value


def _iso_date(value: Any) -> str | None:
    if value is None:
        return None
    py = _py(value)
    return py.isoformat() if isinstance(py, date) else str(py)


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """Project the RDF graph (all documents' named graphs together) to a graph of actors."""
    # One scan per property rather than a SPARQL query with a dozen OPTIONALs: rdflib evaluates
    # those statement by statement, 20x slower on a few thousand statements.
    with _union_view(graph) as g:
        statements = set(g.subjects(RDF.type, AG.RelationStatement))
        fields = {name: _values(g, prop, statements) for name, prop in _STATEMENT_FIELDS.items()}
        documents = _documents((d, str(prop), v) for prop in _DOCUMENT_FIELDS.values()
                               for d, v in g.subject_objects(prop))  # fmt: skip
        participants = set(fields["subject"].values()) | set(fields["object"].values())
        attrs = {name: _values(g, prop, participants, many=True) for name, prop in _ENTITY_FIELDS.items()}
    return _assemble(statements, fields, documents, participants, attrs)


def _documents(rows: Iterable[tuple[Any, ...]]) -> Documents:
    """``document → {lang, title, location, published}`` from (document, property IRI, value) rows."""
    found: Documents = {}
    for doc, prop, value in rows:
        name = _DOCUMENT_KEYS.get(str(prop))
        if name is not None:
            found.setdefault(URIRef(str(doc)), {})[name] = _iso_date(value) if name == "published" else str(value)
    return found


def store_network(
    store: GraphStore, *, around: str | None = None, radius: int = 1, modalities: Collection[str] | None = None
) -> nx.MultiDiGraph:
    """:func:`to_networkx` of the whole store, read with one SPARQL query per property instead of copying
    every quad into an rdflib Graph first (that copy was most of the time: 16 s of 19 for 300,000 quads).

    With ``around`` (an entity IRI), only the actors within ``radius`` links of it are read, walking the
    statements of ``modalities`` (None: all) either way, with every statement among them: what
    ``ego_network(filter_modality(G, modalities), around, radius)`` keeps of the whole projection ``G`` is
    the same cut of this one, and reading it costs what the neighbourhood holds, not what the store holds.
    """
    if around is not None:
        return _store_neighbourhood(store, around, radius, modalities)
    statements = {r[0] for r in store.query("SELECT ?st WHERE { ?st a ag:RelationStatement }").rows}
    fields = {name: _picked(store, prop, statements) for name, prop in _STATEMENT_FIELDS.items()}
    documents = _documents(store.query("SELECT ?d ?p ?v WHERE { ?d a ag:SourceDocument ; ?p ?v }").rows)
    participants = set(fields["subject"].values()) | set(fields["object"].values())
    attrs = {name: _picked(store, prop, participants, many=True) for name, prop in _ENTITY_FIELDS.items()}
    return _assemble(statements, fields, documents, participants, attrs)


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def _term(value: str, lang: str, datatype: str) -> Any:
    """The rdflib term of a ``select_values`` cell read with its LANG and DATATYPE (none: an IRI)."""
    if lang:
        return Literal(value, lang=lang)
    if not datatype:
        return URIRef(value)
    return Literal(value, datatype=None if datatype in (_XSD_STRING, _LANG_STRING) else URIRef(datatype))


def _store_neighbourhood(
    store: GraphStore, around: str, radius: int, modalities: Collection[str] | None
) -> nx.MultiDiGraph:
    if radius < 0:
        raise ValueError("radius must be at least 0")
    keep = ""
    if modalities is not None:  # a statement with no modality counts as asserted, as _assemble reads it
        listed = ", ".join(Literal(m).n3() for m in sorted(modalities))
        keep = f'OPTIONAL {{ ?st ag:modality ?m }} FILTER(STR(COALESCE(?m, "asserted")) IN ({listed}))'
    reached = {around}
    frontier = set(reached)
    for _ in range(radius):
        found: set[str] = set()
        for values in values_blocks(frontier):
            rows = store.select_values(f"""SELECT DISTINCT ?other WHERE {{
              {{ VALUES ?a {{ {values} }} ?st rdf:subject ?a ; rdf:object ?other ; a ag:RelationStatement . {keep} }}
              UNION
              {{ VALUES ?a {{ {values} }} ?st rdf:object ?a ; rdf:subject ?other ; a ag:RelationStatement . {keep} }}
            }}""")  # fmt: skip
            found.update(other for (other,) in rows)
        frontier = found - reached
        reached |= frontier
        if not frontier:
            break
    # Every statement among the actors reached, whatever its modality (filters come after, as for G), and
    # each statement's properties in one lookup: a lookup per property was most of the time.
    statements: set[str] = set()
    for values in values_blocks(reached):
        rows = store.select_values(f"SELECT ?st ?o WHERE {{ VALUES ?s {{ {values} }} "
                                   "?st rdf:subject ?s ; rdf:object ?o ; a ag:RelationStatement }")  # fmt: skip
        statements.update(st for st, o in rows if o in reached)
    names = {str(prop): name for name, prop in _STATEMENT_FIELDS.items()}
    pairs: dict[str, list[tuple[Any, Any]]] = {name: [] for name in _STATEMENT_FIELDS}
    terms = {st: URIRef(st) for st in statements}
    made: dict[tuple[str, str, str], Any] = {}  # modalities, rules, PLOVER types, ends repeat: one term each
    for values in values_blocks(statements):
        rows = store.select_values(f"SELECT ?st ?p ?v (LANG(?v) AS ?lang) (DATATYPE(?v) AS ?dt) WHERE {{ "
                                   f"VALUES ?st {{ {values} }} ?st ?p ?v }}")  # fmt: skip
        for st, prop, *cell in rows:
            if prop in names:
                key = (cell[0], cell[1], cell[2])
                term = made.get(key)
                if term is None:
                    term = made[key] = _term(*key)
                pairs[names[prop]].append((terms[st], term))
    statement_terms = set(terms.values())
    fields = {name: _collect(found_pairs, statement_terms, many=False) for name, found_pairs in pairs.items()}
    documents = {d for d in fields["document"].values() if d is not None}
    found_documents: Documents = {}
    for values in values_blocks(documents):
        described = store.query(f"SELECT ?d ?p ?v WHERE {{ VALUES ?d {{ {values} }} ?d ?p ?v }}").rows
        found_documents.update(_documents(described))
    participants = set(fields["subject"].values()) | set(fields["object"].values())
    attrs = {name: _picked_among(store, prop, participants, many=True) for name, prop in _ENTITY_FIELDS.items()}
    return _assemble(statement_terms, fields, found_documents, participants, attrs)


def _picked_among(store: GraphStore, prop: URIRef, subjects: set[Any], *, many: bool = False) -> dict[Any, Any]:
    """:func:`_picked` for the given subjects only, looked up by subject."""
    pairs: list[tuple[Any, Any]] = []
    for values in values_blocks(subjects):
        rows = store.query(f"SELECT DISTINCT ?s ?o WHERE {{ VALUES ?s {{ {values} }} ?s {prop.n3()} ?o }}").rows
        pairs.extend((r[0], r[1]) for r in rows)
    return _collect(pairs, subjects, many=many)


def index_network(store: GraphStore) -> nx.MultiDiGraph:
    """The actor network as the facts and entities graphs hold it: a node per entity in a fact, with the
    attributes of :func:`to_networkx` (``type``, ``types``, labels, ``alt_labels``, ``country``, ``cameo``,
    ``sector``), and an edge per distinct asserted link keyed ``"relation|asserted"`` with ``relation``,
    ``modality`` and ``symmetric`` only: no evidence and no counts.

    Reading each fact once, not every statement, makes this the projection to load once for walking a large
    store (:func:`ego_links`, paths, degree): 271,000 links at 10M quads.
    """
    queries = (
        f"SELECT ?s ?p ?o WHERE {{ GRAPH {FACTS_GRAPH.n3()} {{ ?s ?p ?o }} }}",
        f"SELECT ?e ?p ?v (LANG(?v) AS ?lang) WHERE {{ GRAPH {ENTITIES_GRAPH.n3()} {{ ?e ?p ?v }} }}",
    )
    # Two threads: turning stored terms back into text is most of the time, and Oxigraph lets go of the GIL.
    with ThreadPoolExecutor(max_workers=2) as pool:
        links, entity_rows = pool.map(store.select_values, queries)
    edges: dict[tuple[str, str, str], None] = {}
    for s, p, o in links:
        relation = p[len(AG_IRI) :] if p.startswith(AG_IRI) else p
        if relation in SYMMETRIC_RELATIONS and o < s:
            s, o = o, s
        edges[(s, o, relation)] = None
    participants = {n for s, o, _ in edges for n in (s, o)}
    names = {str(prop): name for name, prop in _ENTITY_FIELDS.items()}
    values: dict[str, dict[str, list[Any]]] = {}
    for e, p, v, lang in entity_rows:
        if e in participants and p in names:
            value: Any = Literal(v, lang=lang) if lang else v
            values.setdefault(e, {name: [] for name in _ENTITY_FIELDS}).setdefault(names[p], []).append(value)
    empty: dict[str, list[Any]] = {name: [] for name in _ENTITY_FIELDS}
    G = nx.MultiDiGraph()
    G.add_nodes_from((n, _node_attrs(n, values.get(n, empty))) for n in sorted(participants))
    G.add_edges_from(
        (s, o, f"{relation}|asserted", {"relation": relation, "modality": "asserted",
                                         "symmetric": relation in SYMMETRIC_RELATIONS})
        for s, o, relation in sorted(edges)
    )  # fmt: skip
    return G


def _picked(store: GraphStore, prop: URIRef, subjects: set[Any], *, many: bool = False) -> dict[Any, Any]:
    """:func:`_values` from a store (each entity is described once, each statement in one document graph)."""
    rows = store.query(f"SELECT ?s ?o WHERE {{ ?s {prop.n3()} ?o }}").rows
    return _collect(((r[0], r[1]) for r in rows), subjects, many=many)


def _assemble(
    statements: set[Any],
    fields: dict[str, dict[Any, Any]],
    documents: Documents,
    participants: set[Any],
    attrs: dict[str, dict[Any, Any]],
) -> nx.MultiDiGraph:
    terms = {str(term): term for term in participants}
    G = nx.MultiDiGraph()
    grouped: dict[tuple[str, str, str, str], list[Evidence]] = {}
    for st in statements:
        value = {name: found.get(st) for name, found in fields.items()}
        if value["subject"] is None or value["predicate"] is None or value["object"] is None:
            continue  # a statement missing an end is not a link between actors
        s, o, p = str(value["subject"]), str(value["object"]), str(value["predicate"])
        relation = p[len(AG_IRI) :] if p.startswith(AG_IRI) else p
        if relation in SYMMETRIC_RELATIONS and o < s:
            s, o = o, s
        text, doc = value["sentence"], value["document"]
        source = documents.get(doc, {}) if doc is not None else {}
        evidence: Evidence = {
            "statement": str(st),
            "sentence": str(text) if text is not None else "",
            # The article's language; a sentence literal's tag when the document has none.
            "lang": source.get("lang") or (text.language if isinstance(text, Literal) else None) or "",
            "document": str(doc) if doc is not None else "",
            "title": source.get("title", ""),
            "location": source.get("location", ""),  # the file's path or the URL, as ingested
            "published": source.get("published"),  # the article's date (``date``: the event's)
            "date": _iso_date(value["date"]),
            "plover": str(value["plover"]) if value["plover"] is not None else "",
            "rule": str(value["rule"]) if value["rule"] is not None else "",
            "confidence": float(_py(value["confidence"])) if value["confidence"] is not None else None,
            "sentence_index": _py(value["sentence_index"]),
            "char_start": _py(value["char_start"]),
            "char_end": _py(value["char_end"]),
        }
        modality = str(value["modality"]) if value["modality"] is not None else "asserted"
        grouped.setdefault((s, relation, o, modality), []).append(evidence)

    for (s, relation, o, modality), statements_of_edge in sorted(grouped.items()):
        for node in (s, o):
            if node not in G:
                term = terms[node]
                values = {name: found.get(term, []) for name, found in attrs.items()}
                G.add_node(node, **_node_attrs(node, values))
        G.add_edge(s, o, key=f"{relation}|{modality}", **_edge_attrs(relation, modality, statements_of_edge))
    return G


def _values(g: Graph, prop: URIRef, subjects: set[Any], *, many: bool = False) -> dict[Any, Any]:
    """``subject → value`` (or ``→ [values]``) of one property, for the given subjects only."""
    return _collect(g.subject_objects(prop), subjects, many=many)


def _collect(pairs: Iterable[tuple[Any, Any]], subjects: set[Any], *, many: bool) -> dict[Any, Any]:
    found: dict[Any, Any] = {}
    for s, o in pairs:
        if s in subjects:
            if many:
                found.setdefault(s, []).append(o)
            elif s not in found or str(o) < str(found[s]):  # the smallest: stable when there are two
                found[s] = o
    return found


def _default_node(iri: str) -> dict[str, Any]:
    return {
        "iri": iri,
        "type": "Actor",
        "types": [],
        "label": _local_name(iri),
        "label_en": "",
        "label_ar": "",
        "alt_labels": [],
        "country": "",
        "cameo": "",
        "sector": "",
    }


def _node_attrs(iri: str, values: dict[str, list[Any]]) -> dict[str, Any]:
    attrs = _default_node(iri)
    types = {str(t)[len(AG_IRI) :] for t in values["types"] if str(t).startswith(AG_IRI)}
    attrs["types"] = sorted(types, key=lambda t: (_TYPE_RANK.get(t, len(TYPE_ORDER)), t))
    attrs["type"] = attrs["types"][0] if attrs["types"] else "Actor"
    labels: dict[str, list[str]] = {}
    for label in values["pref"]:
        lang = label.language if isinstance(label, Literal) and label.language else ""
        labels.setdefault(lang.split("-")[0].lower(), []).append(str(label))
    # min() makes the choice stable when a store holds two labels in one language.
    attrs["label_en"] = min(labels.get("en", []) or labels.get("", []), default="")
    attrs["label_ar"] = min(labels.get("ar", []), default="")
    attrs["label"] = attrs["label_en"] or attrs["label_ar"] or _local_name(iri)
    attrs["alt_labels"] = sorted({str(v) for v in values["alt_labels"]})
    for name in ("country", "cameo", "sector"):
        attrs[name] = min((str(v) for v in values[name]), default="")
    return attrs


def _edge_attrs(relation: str, modality: str, evidence: list[Evidence]) -> dict[str, Any]:
    evidence = sorted(evidence, key=lambda ev: (ev["date"] or "", ev["document"], ev["statement"]))
    dates = sorted({ev["date"] for ev in evidence if ev["date"]})
    plovers = Counter(ev["plover"] for ev in evidence if ev["plover"])
    return {
        "relation": relation,
        "modality": modality,
        "plover": min(plovers, key=lambda p: (-plovers[p], p)) if plovers else "",
        "plover_types": sorted(plovers),
        "count": len(evidence),
        "dates": dates,
        "first_date": dates[0] if dates else None,
        "last_date": dates[-1] if dates else None,
        "symmetric": relation in SYMMETRIC_RELATIONS,
        "evidence": evidence,
    }


# --------------------------------------------------------------------------- filters


def filter_evidence(G: nx.MultiDiGraph, keep: Callable[[str, str, Evidence], bool]) -> nx.MultiDiGraph:
    """A copy of ``G`` keeping the evidence for which ``keep(relation, modality, evidence)`` is true.

    Edge counts and dates are recomputed; edges and nodes left empty are dropped.
    """
    H = nx.MultiDiGraph()
    H.graph.update(G.graph)
    for s, o, key, data in G.edges(keys=True, data=True):
        kept = [ev for ev in data["evidence"] if keep(data["relation"], data["modality"], ev)]
        if kept:
            H.add_node(s, **G.nodes[s])
            H.add_node(o, **G.nodes[o])
            H.add_edge(s, o, key=key, **_edge_attrs(data["relation"], data["modality"], kept))
    return H


def filter_relations(G: nx.MultiDiGraph, relations: Collection[str]) -> nx.MultiDiGraph:
    """Only the given relations (``met``, ``accused``...)."""
    wanted = set(relations)
    return filter_evidence(G, lambda relation, _m, _ev: relation in wanted)


def filter_modality(G: nx.MultiDiGraph, modalities: Collection[str] = ("asserted",)) -> nx.MultiDiGraph:
    """Only statements with the given modalities; by default what the articles assert as fact."""
    wanted = set(modalities)
    return filter_evidence(G, lambda _r, modality, _ev: modality in wanted)


def filter_language(G: nx.MultiDiGraph, languages: Collection[str]) -> nx.MultiDiGraph:
    """Only statements read in articles of the given languages (``ar``, ``en``)."""
    wanted = set(languages)
    return filter_evidence(G, lambda _r, _m, ev: ev["lang"] in wanted)


def filter_dates(
    G: nx.MultiDiGraph,
    start: date | str | None = None,
    end: date | str | None = None,
    *,
    keep_undated: bool = False,
) -> nx.MultiDiGraph:
    """Only statements whose event date lies in ``[start, end]`` (both inclusive, either open)."""
    lo = start.isoformat() if isinstance(start, date) else start
    hi = end.isoformat() if isinstance(end, date) else end

    def keep(_r: str, _m: str, ev: Evidence) -> bool:
        when = ev["date"]
        if not when:
            return keep_undated
        # ISO dates compare correctly as strings; a bare year or month compares as its start.
        return (lo is None or when >= lo) and (hi is None or when[: len(hi)] <= hi)

    return filter_evidence(G, keep)


def filter_types(G: nx.MultiDiGraph, types: Collection[str]) -> nx.MultiDiGraph:
    """The subgraph induced by the nodes of the given types (``Person``, ``State``...)."""
    wanted = set(types)
    return G.subgraph(n for n, t in G.nodes(data="type") if t in wanted).copy()


# --------------------------------------------------------------------------- finding actors


def _fold(text: str) -> str:
    # Case, compatibility forms and Arabic diacritics/tatweel do not distinguish two names.
    text = unicodedata.normalize("NFKC", text).casefold().replace("\u0640", "")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


class ActorNotFound(LookupError):
    """No actor, or more than one, matches what the user typed."""


def find_actor(G: nx.MultiDiGraph, query: str) -> str:
    """The node for an IRI, an IRI's local name or a label (any language, alternative labels too).

    Exact matches win over substring matches; raises ``ActorNotFound`` when nothing or more than
    one actor matches, with the candidates in the message.
    """
    if query in G:
        return query
    q = _fold(query)
    exact, partial = [], []
    for node, data in G.nodes(data=True):
        names = [_local_name(node), data["label_en"], data["label_ar"], data["label"], *data["alt_labels"]]
        folded = [_fold(name) for name in names if name]
        if q in folded:
            exact.append(node)
        elif any(q in name for name in folded):
            partial.append(node)
    for found in (exact, partial):
        if len(found) == 1:
            return found[0]
        if found:
            labels = ", ".join(sorted(G.nodes[n]["label"] for n in found)[:10])
            raise ActorNotFound(f"{query!r} matches several actors: {labels}")
    raise ActorNotFound(f"no actor matches {query!r}")


def actor_nodes(G: nx.MultiDiGraph) -> list[str]:
    """The nodes of ``G`` that are actors (``query.ACTOR_CLASSES``; a projection's nodes are all named in a
    statement): what `stats`, `actors`, `analyze` and the page count."""
    return [n for n, types in G.nodes(data="types") if actor_class(types or ())]


# --------------------------------------------------------------------------- analyses


def top_degree(G: nx.MultiDiGraph, max_nodes: int, *, keep: Iterable[str] = ()) -> nx.MultiDiGraph:
    """The subgraph of the ``max_nodes`` best-connected actors (and the ``keep`` ones).

    Connected means distinct neighbours, then statements, so one pair mentioned a hundred times
    does not outrank a hub.
    """
    if G.number_of_nodes() <= max_nodes:
        return G.copy()
    chosen = list(dict.fromkeys([*keep, *best_connected(G)]))[: max(max_nodes, 0)]
    return G.subgraph(chosen).copy()


def best_connected(G: nx.MultiDiGraph) -> list[str]:
    """Every node, the best connected first: distinct neighbours, then statements, then label."""
    simple = weighted_graph(G)
    statements = dict(simple.degree(weight="weight"))
    return sorted(simple, key=lambda n: (-simple.degree(n), -statements[n], G.nodes[n]["label"], n))


def weighted_graph(G: nx.MultiDiGraph, *, directed: bool = False) -> nx.Graph:
    """Parallel edges collapsed into one with ``weight`` = number of statements."""
    H: nx.Graph = nx.DiGraph() if directed else nx.Graph()
    H.add_nodes_from(G.nodes(data=True))
    for s, o, count in G.edges(data="count"):
        if s == o:
            continue  # a self-loop says nothing about an actor's place in the network
        if H.has_edge(s, o):
            H[s][o]["weight"] += count
        else:
            H.add_edge(s, o, weight=count)
    return H


CENTRALITY_MEASURES = ("degree", "betweenness", "pagerank", "eigenvector")


def centrality(
    G: nx.MultiDiGraph, measure: str = "degree", *, top: int | None = None
) -> list[tuple[str, float]]:
    """Actors ranked by a centrality measure, highest first (ties by label).

    ``degree`` and ``betweenness`` count links, not mentions (the undirected simple graph);
    ``pagerank`` follows directed links weighted by statements; ``eigenvector`` uses the undirected
    weighted graph.
    """
    if G.number_of_nodes() == 0:
        return []
    if measure == "degree":
        scores = nx.degree_centrality(weighted_graph(G))
    elif measure == "betweenness":
        scores = nx.betweenness_centrality(weighted_graph(G))
    elif measure == "pagerank":
        scores = _pagerank(weighted_graph(G, directed=True))
    elif measure == "eigenvector":
        H = weighted_graph(G)
        if H.number_of_edges() == 0:
            scores = dict.fromkeys(H, 0.0)
        else:
            scores = nx.eigenvector_centrality(H, weight="weight", max_iter=1000, tol=1e-8)
    else:
        known = ", ".join(CENTRALITY_MEASURES)
        raise ValueError(f"unknown centrality measure {measure!r}; use one of {known}")
    ranking = sorted(scores.items(), key=lambda item: (-item[1], G.nodes[item[0]]["label"], item[0]))
    return ranking[:top] if top is not None else ranking


def _pagerank(
    D: nx.DiGraph, alpha: float = 0.85, tol: float = 1e-10, max_iter: int = 1000
) -> dict[str, float]:
    # Power iteration in plain Python: nx.pagerank needs scipy, a large dependency for a
    # graph of a few thousand actors. Dangling actors spread their rank evenly, as in networkx.
    n = D.number_of_nodes()
    rank = dict.fromkeys(D, 1.0 / n)
    out_weight = {v: sum(w for _, _, w in D.out_edges(v, data="weight")) for v in D}
    for _ in range(max_iter):
        dangling = alpha * sum(rank[v] for v in D if out_weight[v] == 0) / n
        new = dict.fromkeys(D, (1.0 - alpha) / n + dangling)
        for u, v, w in D.edges(data="weight"):
            new[v] += alpha * rank[u] * w / out_weight[u]
        if sum(abs(new[v] - rank[v]) for v in D) < n * tol:
            return new
        rank = new
    return rank


def communities(
    G: nx.MultiDiGraph, *, method: str = "louvain", seed: int | None = 0
) -> list[set[str]]:
    """Groups of actors more linked to each other than to the rest, largest first.

    ``louvain`` (seeded, so runs repeat) or ``greedy`` (Clauset-Newman-Moore modularity).
    """
    H = weighted_graph(G)
    if H.number_of_edges() == 0:
        return [{n} for n in sorted(H)]
    if method == "louvain":
        found = nx.community.louvain_communities(H, weight="weight", seed=seed)
    elif method == "greedy":
        found = nx.community.greedy_modularity_communities(H, weight="weight")
    else:
        raise ValueError(f"unknown community method {method!r}; use louvain or greedy")
    return sorted((set(c) for c in found), key=lambda c: (-len(c), min(c)))


def ego_network(G: nx.MultiDiGraph, actor: str, radius: int = 1) -> nx.MultiDiGraph:
    """The actor, everyone within ``radius`` links of it (either direction), and their edges."""
    return nx.ego_graph(G, find_actor(G, actor), radius=radius, undirected=True).copy()


def ego_links(G: nx.MultiDiGraph, actor: str, depth: int = 2) -> EgoNetwork:
    """What :func:`actorgraph.graph.query.ego_network` answers from a store, walked in ``G`` (either
    projection, :func:`index_network` or :func:`store_network`): the actors within ``depth`` links of the
    node ``actor``, and every asserted link of the actor and of each actor fewer than ``depth`` links away.

    Once ``G`` is loaded this is the fast way to ask many ego questions of a large store: the walk reads
    adjacency dicts in memory instead of turning stored terms back into text on every call.
    """
    if depth < 1:
        raise ValueError("depth must be at least 1")
    if actor not in G:
        raise ActorNotFound(f"no actor {actor!r} in the graph")
    distance = {actor: 0}
    edges: dict[tuple[str, str, str], None] = {}
    frontier = [actor]
    # The adjacency dicts themselves (G._succ, G._pred, as networkx's own algorithms read them): the views
    # of G.succ build an object per neighbour, which was most of the time for an actor with a hub nearby.
    succ, pred = G._succ, G._pred
    for hop in range(1, depth + 1):
        reached: list[str] = []
        for node in frontier:
            for adjacency, outgoing in ((succ[node], True), (pred[node], False)):
                for other, keyed in adjacency.items():
                    for data in keyed.values():
                        if data["modality"] == "asserted":
                            rel = data["relation"]
                            edges[(node, rel, other) if outgoing else (other, rel, node)] = None
                            if other not in distance:
                                distance[other] = hop
                                reached.append(other)
        frontier = reached
        if not frontier:
            break
    labels = {n: G.nodes[n]["label_en"] or G.nodes[n]["label_ar"] for n in distance}
    return EgoNetwork(actor, depth, distance, list(edges), labels)


def paths(G: nx.MultiDiGraph, source: str, target: str, *, limit: int = 10) -> list[list[str]]:
    """The shortest chains of relations linking two actors (either direction), at most ``limit``.

    Empty when they are not connected.
    """
    s, t = find_actor(G, source), find_actor(G, target)
    try:
        found = nx.all_shortest_paths(G.to_undirected(as_view=True), s, t)
        result = []
        for path in found:
            result.append(path)
            if len(result) == limit:
                break
        return result
    except nx.NetworkXNoPath:
        return []


def path_relations(G: nx.MultiDiGraph, path: list[str]) -> list[tuple[str, list[str], str]]:
    """Each step of a path with the relations that link it, written as ``relation`` or ``~relation``

    (``~`` marks a relation read against the path's direction: B ``~accused`` A means A accused B).
    """
    steps = []
    for a, b in zip(path, path[1:], strict=False):
        forward = {d["relation"] for d in G.get_edge_data(a, b, default={}).values()}
        backward = {
            d["relation"] if d["symmetric"] else f"~{d['relation']}"
            for d in G.get_edge_data(b, a, default={}).values()
        }
        steps.append((a, sorted(forward | backward, key=lambda r: (r.startswith("~"), r)), b))
    return steps


@dataclass
class PairBalance:
    """Cooperation and conflict between two actors, counted in statements by PLOVER quad class."""

    a: str
    b: str
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(QUAD_CLASSES, 0))

    @property
    def cooperation(self) -> int:
        return self.counts["verbal_cooperation"] + self.counts["material_cooperation"]

    @property
    def conflict(self) -> int:
        return self.counts["verbal_conflict"] + self.counts["material_conflict"]

    @property
    def total(self) -> int:
        return self.cooperation + self.conflict

    @property
    def balance(self) -> float:
        """From -1 (only conflict) to +1 (only cooperation)."""
        return (self.cooperation - self.conflict) / self.total if self.total else 0.0


def pair_balance(
    G: nx.MultiDiGraph, *, modalities: Collection[str] | None = ("asserted",)
) -> list[PairBalance]:
    """The cooperation/conflict balance of every pair of actors with PLOVER-typed statements.

    Only asserted statements count by default: a denied accusation or a planned meeting is not an
    act of conflict or cooperation. Pass ``modalities=None`` to count everything. Pairs are
    unordered; sorted by number of statements, then by balance.
    """
    pairs: dict[tuple[str, str], PairBalance] = {}
    for s, o, data in G.edges(data=True):
        if s == o or (modalities is not None and data["modality"] not in modalities):
            continue
        a, b = sorted((s, o))
        for ev in data["evidence"]:
            quad = PLOVER_QUAD.get(ev["plover"] or data["plover"])
            if quad is not None:
                pairs.setdefault((a, b), PairBalance(a, b)).counts[quad] += 1
    return sorted(pairs.values(), key=lambda p: (-p.total, p.balance, p.a, p.b))


# --------------------------------------------------------------------------- a summary of it all


@dataclass
class Analysis:
    """Centrality rankings, communities and pair balances of one graph, ready to print."""

    G: nx.MultiDiGraph
    top: int
    rankings: dict[str, list[tuple[str, float]]]
    communities: list[set[str]]
    balances: list[PairBalance]
    actors: int | None = None  # actors before the statements were filtered (None: those of G)

    def label(self, node: str) -> str:
        return self.G.nodes[node]["label"]

    def lines(self) -> list[str]:
        G, top = self.G, self.top
        here = len(actor_nodes(G))
        total = here if self.actors is None else self.actors
        head = f"{total} actors" + (f" ({here} in the statements analysed)" if here != total else "")
        out = [f"{head}, {G.number_of_nodes() - here} other entities, {G.number_of_edges()} relations, "
               f"{sum(c for *_, c in G.edges(data='count'))} statements"]  # fmt: skip
        out += ["", f"Centrality (top {top})"]
        header = ["#", "actor", "type", *CENTRALITY_MEASURES]
        scores = {m: dict(ranking) for m, ranking in self.rankings.items()}
        rows = [
            [str(i), self.label(n), G.nodes[n]["type"], *(f"{scores[m][n]:.3f}" for m in CENTRALITY_MEASURES)]
            for i, (n, _) in enumerate(self.rankings["degree"][:top], 1)
        ]
        out += _columns(header, rows)
        out += ["", f"Communities ({len(self.communities)}, largest first)"]
        for i, members in enumerate(self.communities[:top], 1):
            names = sorted((self.label(n) for n in members), key=str.casefold)
            more = f" (+{len(names) - 8} more)" if len(names) > 8 else ""
            out.append(f"  {i}. {len(names)} actors: {', '.join(names[:8])}{more}")
        out += ["", f"Cooperation and conflict by pair (PLOVER quad classes, top {top} by statements)"]
        header = ["actor", "actor", "verb.coop", "mat.coop", "verb.confl", "mat.confl", "balance"]
        rows = [
            [self.label(p.a), self.label(p.b), *(str(p.counts[q]) for q in QUAD_CLASSES), f"{p.balance:+.2f}"]
            for p in self.balances[:top]
        ]
        out += _columns(header, rows) if rows else ["  no PLOVER-typed statements"]
        return out


def _columns(header: list[str], rows: list[list[str]], max_width: int = 40) -> list[str]:
    cells = [[c if len(c) <= max_width else c[: max_width - 1] + "…" for c in row] for row in [header, *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    return ["  " + "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells]


def analyze(G: nx.MultiDiGraph, *, top: int = 10, seed: int | None = 0, actors: int | None = None) -> Analysis:
    """Every centrality measure, the communities and the pair balances of ``G``.

    Pair balances count every statement in ``G``: filter by modality first to choose. ``actors``: how many
    actors there were before that filter, the number the summary leads with (as `stats` and the page).
    """
    return Analysis(
        G=G,
        top=top,
        rankings={m: centrality(G, m) for m in CENTRALITY_MEASURES},
        communities=communities(G, seed=seed),
        balances=pair_balance(G, modalities=None),
        actors=actors,
    )
