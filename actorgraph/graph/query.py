"""Questions users ask the store: result formatting, actor search and the evidence behind a triple."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from actorgraph.graph.index import ENTITIES_GRAPH, NETWORK_GRAPH
from actorgraph.graph.resolve import normalize_name
from actorgraph.graph.store import PREFIXES, GraphStore, QueryResult, entity_property_blocks
from actorgraph.ontology.namespace import AG_IRI, RELATIONS, SYMMETRIC_RELATIONS
from actorgraph.ontology.vocabulary import vocabulary

# What counts as an actor, the one definition `stats`, `actors`, `analyze` and the graph page use: an entity
# of one of these classes that is the subject or object of at least one relation statement, whatever the
# statement's modality. Positions, places, laws, treaties, documents and events take part in statements
# too, but are not actors; an entity named in no statement is not counted. Most specific class first.
ACTOR_CLASSES: tuple[str, ...] = tuple(c for c in vocabulary().specific_first if c in vocabulary().actor_types)
ENTITY_CLASSES: tuple[str, ...] = tuple(c for c in vocabulary().specific_first if c in vocabulary().entity_types)


class NotFound(LookupError):
    """A label, IRI or relation the store does not know (the message says which)."""


def short(term: Node | None) -> str:
    """A term as a person reads it: prefixed name for IRIs, the text for literals."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        for prefix, ns in PREFIXES.items():
            if str(term).startswith(ns) and len(str(term)) > len(ns):
                return f"{prefix}:{str(term)[len(ns):]}"
        return str(term)
    return str(term)


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype is not None:
        out["datatype"] = str(term.datatype)
    return out


def format_result(result: QueryResult, fmt: str) -> str:
    """table, csv, json (SPARQL 1.1 results JSON) or turtle (CONSTRUCT/DESCRIBE only)."""
    if result.kind == "graph":
        assert result.graph is not None
        if fmt == "json":
            return result.graph.serialize(format="json-ld", indent=2)
        return result.graph.serialize(format="turtle")
    if fmt == "turtle":
        raise ValueError("--format turtle needs a CONSTRUCT or DESCRIBE query")
    if result.kind == "ask":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": result.boolean}) + "\n"
        return ("true" if result.boolean else "false") + "\n"
    if fmt == "json":
        bindings = [
            {v: _json_term(t) for v, t in zip(result.variables, row, strict=True) if t is not None}
            for row in result.rows
        ]
        data = {"head": {"vars": result.variables}, "results": {"bindings": bindings}}
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(result.variables)
        writer.writerows([[str(t) if t is not None else "" for t in row] for row in result.rows])
        return buf.getvalue()
    return table(result.variables, [[short(t) for t in row] for row in result.rows])


def table(header: list[str], rows: list[list[str]], max_width: int = 80) -> str:
    cells = [[c if len(c) <= max_width else c[: max_width - 1] + "…" for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


# --- actors -----------------------------------------------------------------------------------------


@dataclass(slots=True)
class ActorRow:
    iri: str
    type: str
    label_en: str
    label_ar: str
    country: str
    cameo: str
    statements: int
    alt_labels: list[str] = field(default_factory=list)


def actor_class(types: Iterable[str]) -> str | None:
    """The actor class (most specific first) among an entity's ``types`` (local names), None if it is not one.

    With "named in a relation statement", this is what an actor is (see ``ACTOR_CLASSES``)."""
    present = set(types)
    return next((c for c in ACTOR_CLASSES if c in present), None)


def store_actors(store: GraphStore) -> dict[str, str]:
    """Every actor in the store (IRI → actor class), by the definition of ``ACTOR_CLASSES``: an entity of an
    actor class that is the subject or object of at least one relation statement."""
    classes = " ".join(f"ag:{c}" for c in ACTOR_CLASSES)
    # Types from the index's entities graph when there is one (each entity once), else from the documents.
    typed = f"GRAPH {ENTITIES_GRAPH.n3()} {{ ?e a ?t }}" if store.has_index() else "?e a ?t"
    rows = store.select_values(f"SELECT DISTINCT ?e ?t WHERE {{ VALUES ?t {{ {classes} }} {typed} }}")
    # Who is named in a statement: one scan of the statements' ends (only statements have rdf:subject and
    # rdf:object here). A FILTER EXISTS per entity took 200 s on 1M quads; this, 0.2 s.
    named = {e for (e,) in store.select_values(
        "SELECT DISTINCT ?e WHERE { { ?st rdf:subject ?e } UNION { ?st rdf:object ?e } }")}  # fmt: skip
    types: dict[str, list[str]] = {}
    for iri, type_iri in rows:
        if iri in named:
            types.setdefault(iri, []).append(type_iri.rsplit("#", 1)[-1])
    return {iri: found for iri, names in types.items() if (found := actor_class(names)) is not None}


def list_actors(store: GraphStore, search: str = "", *, all_entities: bool = False) -> list[ActorRow]:
    """Actors (``ACTOR_CLASSES``: named in at least one statement), or every entity with ``all_entities``, with
    labels, codes and how many statements name them; ``search`` matches
    any label, in either language, ignoring case, accents and Arabic spelling variants.

    With the actor-network index, types, labels and codes come from its entities graph (one entry per
    entity, as the latest ingest resolved it) and statements are counted for the matches only: at 10M quads
    a search took 4.3 s instead of 31 s.
    """
    classes = " ".join(f"ag:{c}" for c in (ENTITY_CLASSES if all_entities else ACTOR_CLASSES))
    if store.has_index():
        entities = _indexed_entities(store, classes)
    else:
        entities = store.select_values(
            f"""SELECT ?e (SAMPLE(?t) AS ?type) (SAMPLE(?en) AS ?len) (SAMPLE(?ar) AS ?lar)
                      (SAMPLE(?cc) AS ?country) (SAMPLE(?cameo) AS ?code)
                      (GROUP_CONCAT(DISTINCT STR(?alt); SEPARATOR="\\u001f") AS ?alts)
               WHERE {{
                 {{ SELECT DISTINCT ?e ?t WHERE {{ VALUES ?t {{ {classes} }} ?e a ?t }} }}
                 {entity_property_blocks("en", "ar", "alt", "cc", "cameo")}
               }} GROUP BY ?e"""
        )
    needle = normalize_name(search)
    out = []
    for iri, type_, en, ar, country, cameo, alt_text in entities:
        alts = sorted({a for a in alt_text.split("\x1f") if a})
        row = ActorRow(iri, type_.rsplit("#", 1)[-1], en, ar, country, cameo, 0, alts)
        names = [row.label_en, row.label_ar, *alts, row.iri.rsplit("/", 1)[-1]]
        if needle and not any(needle in normalize_name(n) for n in names):
            continue
        out.append(row)
    counts = _statement_counts(store, [r.iri for r in out] if needle else None)
    for row in out:
        row.statements = counts.get(row.iri, 0)
    if not all_entities:  # an actor is named in at least one statement (ACTOR_CLASSES)
        out = [row for row in out if row.statements]
    return sorted(out, key=lambda a: (-a.statements, a.label_en or a.label_ar))


def _indexed_entities(store: GraphStore, classes: str | None) -> list[tuple[str, ...]]:
    """(IRI, type, English label, Arabic label, country, CAMEO code, alternative labels joined by U+001F) of
    each entity of ``classes`` (None: any) in the index. Alternative labels are not indexed: one DISTINCT
    read of them."""
    typed = f"VALUES ?t {{ {classes} }} ?e a ?t" if classes is not None else "?e a ?t"
    rows = store.select_values(
        f"""SELECT ?e (SAMPLE(?t) AS ?type) (SAMPLE(?en) AS ?len) (SAMPLE(?ar) AS ?lar)
                  (SAMPLE(?cc) AS ?country) (SAMPLE(?cameo) AS ?code)
           WHERE {{ GRAPH {ENTITIES_GRAPH.n3()} {{
             {typed}
             OPTIONAL {{ ?e skos:prefLabel ?en FILTER(LANGMATCHES(LANG(?en), "en")) }}
             OPTIONAL {{ ?e skos:prefLabel ?ar FILTER(LANGMATCHES(LANG(?ar), "ar")) }}
             OPTIONAL {{ ?e ag:countryCode ?cc }}
             OPTIONAL {{ ?e ag:cameoCode ?cameo }}
           }} }} GROUP BY ?e"""
    )
    alts = {e: joined for e, joined in store.select_values(
        'SELECT ?e (GROUP_CONCAT(DISTINCT STR(?alt); SEPARATOR="\\u001f") AS ?alts) '
        "WHERE { ?e skos:altLabel ?alt } GROUP BY ?e")}  # fmt: skip
    return [(*row, alts.get(row[0], "")) for row in rows]


_COUNT_BOUND_MAX = 2000  # past this many entities, one count over every statement is quicker


def _statement_counts(store: GraphStore, iris: list[str] | None = None) -> dict[str, int]:
    """How many relation statements name each entity (as subject or object, a statement once); for the
    given ``iris`` only, when there are few enough to look up by their own statements."""
    if iris is not None and len(iris) <= _COUNT_BOUND_MAX:
        if not iris:
            return {}
        values = " ".join(URIRef(i).n3() for i in iris)
        query = (f"SELECT ?e (COUNT(DISTINCT ?st) AS ?n) WHERE {{ "
                 f"{{ VALUES ?e {{ {values} }} ?st rdf:subject ?e . ?st a ag:RelationStatement }} UNION "
                 f"{{ VALUES ?e {{ {values} }} ?st rdf:object ?e . ?st a ag:RelationStatement }} "
                 "} GROUP BY ?e")  # fmt: skip
    else:
        query = ("SELECT ?e (COUNT(DISTINCT ?st) AS ?n) WHERE { ?st a ag:RelationStatement . "
                 "{ ?st rdf:subject ?e } UNION { ?st rdf:object ?e } } GROUP BY ?e")  # fmt: skip
    return {e: int(n) for e, n in store.select_values(query)}


# --- explain ----------------------------------------------------------------------------------------


@dataclass(slots=True)
class Evidence:
    statement: str
    subject: str
    relation: str
    object: str
    modality: str
    sentence: str
    language: str
    document: str
    location: str
    rule: str
    confidence: float
    sentence_index: int
    date: str = ""


def find_entities(store: GraphStore, name: str) -> list[str]:
    """IRIs of entities whose IRI, prefixed name or any label matches ``name``: a label exactly as given,
    else labels equal once case, accents and Arabic spelling are folded, else labels containing it."""
    if name.startswith(("http://", "https://")):
        return [_valid_iri(name)]
    if ":" in name and name.split(":", 1)[0] in PREFIXES:
        prefix, local = name.split(":", 1)
        return [_valid_iri(PREFIXES[prefix] + local)]
    # A label given exactly, in either language or none: a lookup by value, however large the store.
    literals = " ".join(Literal(name, lang=lang).n3() if lang else Literal(name).n3() for lang in ("en", "ar", ""))
    found = store.select_values(f"SELECT DISTINCT ?e WHERE {{ VALUES ?l {{ {literals} }} "
                                "?e skos:prefLabel|skos:altLabel ?l }")  # fmt: skip
    if found:
        return sorted(e for (e,) in found)
    if store.has_index():
        # The index's labels and the alternative labels, each once: not every document's copy of each.
        rows = [(e, label) for e, _, en, ar, _, _, alts in _indexed_entities(store, None)
                for label in (en, ar, *alts.split("\x1f")) if label]  # fmt: skip
    else:
        rows = [(e, label) for e, label in store.select_values(
            "SELECT DISTINCT ?e ?l WHERE { ?e skos:prefLabel|skos:altLabel ?l }")]  # fmt: skip
    needle = normalize_name(name)
    exact = {e for e, label in rows if normalize_name(label) == needle}
    if exact:
        return sorted(exact)
    return sorted({e for e, label in rows if needle and needle in normalize_name(label)})


def _valid_iri(iri: str) -> str:
    """``iri`` if it is one (it is written into SPARQL as ``<iri>``: no ``>``, space or quote can pass)."""
    import pyoxigraph

    try:
        return pyoxigraph.NamedNode(iri).value
    except ValueError:
        raise NotFound(f"{iri!r} is not a valid IRI") from None


def relation_name(text: str) -> str:
    folded = text.replace("ag:", "").replace("_", "").replace("-", "").lower()
    for r in RELATIONS:
        if r.lower() == folded:
            return r
    raise NotFound(f"unknown relation {text!r} (one of: {', '.join(RELATIONS)})")


def explain(store: GraphStore, subject: str, relation: str, obj: str) -> list[Evidence]:
    """Every statement behind ``subject relation object``, labels matched in either language. For
    symmetric relations (met, agreedWith ...) statements in either direction count."""
    rel = relation_name(relation)
    subjects, objects = find_entities(store, subject), find_entities(store, obj)
    if not subjects:
        raise NotFound(f"no entity named {subject!r} in the store")
    if not objects:
        raise NotFound(f"no entity named {obj!r} in the store")
    values_s = " ".join(f"<{s}>" for s in subjects)
    values_o = " ".join(f"<{o}>" for o in objects)
    pattern = "{ ?st rdf:subject ?a ; rdf:object ?b } UNION { ?st rdf:subject ?b ; rdf:object ?a }" if (
        rel in SYMMETRIC_RELATIONS
    ) else "?st rdf:subject ?a ; rdf:object ?b ."
    rows = store.select(
        f"""SELECT ?st ?s ?o ?modality ?text ?doc ?loc ?rule ?conf ?idx ?date WHERE {{
              VALUES ?a {{ {values_s} }} VALUES ?b {{ {values_o} }}
              ?st a ag:RelationStatement ; rdf:predicate <{AG_IRI}{rel}> .
              {pattern}
              ?st rdf:subject ?s ; rdf:object ?o ; ag:modality ?modality ; ag:sentenceText ?text ;
                  prov:wasDerivedFrom ?doc ; ag:rule ?rule ; ag:confidence ?conf ; ag:sentenceIndex ?idx .
              OPTIONAL {{ ?doc prov:atLocation ?loc }}
              OPTIONAL {{ ?st ag:eventDate ?date }}
            }} ORDER BY ?doc ?idx"""
    )
    labels = _labels(store, {str(r["s"]) for r in rows} | {str(r["o"]) for r in rows})
    out = []
    for r in rows:
        text = r["text"]
        out.append(
            Evidence(
                statement=str(r["st"]), subject=labels.get(str(r["s"]), str(r["s"])), relation=rel,
                object=labels.get(str(r["o"]), str(r["o"])), modality=str(r["modality"]),
                sentence=str(text), language=getattr(text, "language", "") or "",
                document=str(r["doc"]), location=str(r["loc"] or ""), rule=str(r["rule"]),
                confidence=float(r["conf"].toPython()),  # type: ignore[union-attr]
                sentence_index=int(r["idx"].toPython()),  # type: ignore[union-attr]
                date=str(r["date"] or ""),
            )  # fmt: skip
        )
    return out


def _labels(store: GraphStore, iris: set[str]) -> dict[str, str]:
    if not iris:
        return {}
    values = " ".join(f"<{i}>" for i in iris)
    rows = store.select(
        f"SELECT ?e ?l WHERE {{ VALUES ?e {{ {values} }} ?e skos:prefLabel ?l }} ORDER BY DESC(LANG(?l))"
    )
    out: dict[str, str] = {}
    for r in rows:  # English first (ORDER BY DESC lang puts "en" before "ar")
        out.setdefault(str(r["e"]), str(r["l"]))
    return out


# --- ego network ------------------------------------------------------------------------------------


@dataclass(slots=True)
class EgoNetwork:
    """The actors within ``depth`` links of ``actor`` and the asserted links a breadth-first walk meets:
    every link of the actor and of each actor fewer than ``depth`` links away. A symmetric relation
    (met, agreedWith ...) stated both ways is one link, its ends in IRI order."""

    actor: str
    depth: int
    distance: dict[str, int]  # actor IRI → links from ``actor`` (0 for the actor)
    edges: list[tuple[str, str, str]]  # (subject IRI, relation name, object IRI), each once
    labels: dict[str, str]  # actor IRI → English label, else Arabic, else ""


def find_actor_iri(store: GraphStore, name: str) -> str:
    """One entity for ``name``: an IRI or prefixed name, else an exact label in the actor-network index,
    else the best match of :func:`find_entities`. Raises NotFound."""
    if name.startswith(("http://", "https://")) or (":" in name and name.split(":", 1)[0] in PREFIXES):
        return find_entities(store, name)[0]
    for lang in ("en", "ar"):
        literal, ent = Literal(name, lang=lang).n3(), ENTITIES_GRAPH.n3()
        rows = store.select_values(f"SELECT ?e WHERE {{ GRAPH {ent} {{ ?e skos:prefLabel {literal} }} }}")
        if rows:
            return sorted(r[0] for r in rows)[0]
    found = find_entities(store, name)
    if not found:
        raise NotFound(f"no entity named {name!r} in the store")
    return found[0]


def ego_network(store: GraphStore, actor: str, depth: int = 2, *, labels: bool = True) -> EgoNetwork:
    """The ego network of ``actor`` (an IRI) from the actor-network index: one pair of queries per hop, and
    no document graph is read. Raises NotFound for an unknown actor, or a store with no index (``reindex``)."""
    if depth < 1:
        raise ValueError("depth must be at least 1")
    iri = _valid_iri(actor)
    net, ent = NETWORK_GRAPH.n3(), ENTITIES_GRAPH.n3()
    if not store.select_values(f"SELECT ?q WHERE {{ GRAPH {ent} {{ <{iri}> ?q ?v }} }} LIMIT 1"):
        documents = store.select_values("SELECT ?d WHERE { ?d a ag:SourceDocument } LIMIT 1")
        if documents and not store.has_index():
            raise NotFound("this store has no actor-network index (written by an older version): "
                           "run `actorgraph reindex`")
        raise NotFound(f"no entity <{iri}> in the store")
    distance = {iri: 0}
    edges: dict[tuple[str, str, str], None] = {}
    frontier = [iri]
    for hop in range(1, depth + 1):
        values = " ".join(f"<{n}>" for n in frontier)
        # Links out and links in, at once: reading the terms of each row is most of the time, and Oxigraph
        # lets go of the GIL while it does.
        with ThreadPoolExecutor(max_workers=2) as pool:
            rows = [row for found in pool.map(store.select_values, (
                f"SELECT ?a ?p ?b WHERE {{ VALUES ?a {{ {values} }} GRAPH {net} {{ ?a ?p ?b }} }}",
                f"SELECT ?a ?p ?b WHERE {{ VALUES ?b {{ {values} }} GRAPH {net} {{ ?a ?p ?b }} }}",
            )) for row in found]  # fmt: skip
        frontier = []
        for a, p, b in rows:
            rel = p[len(AG_IRI) :] if p.startswith(AG_IRI) else p
            # "A met B" and "B met A" are one link, written as to_networkx writes it.
            edges[(b, rel, a) if rel in SYMMETRIC_RELATIONS and b < a else (a, rel, b)] = None
            for n in (a, b):
                if n not in distance:
                    distance[n] = hop
                    frontier.append(n)
        if not frontier:
            break
    names = _index_labels(store, set(distance)) if labels else {}
    return EgoNetwork(iri, depth, distance, list(edges), names)


def _index_labels(store: GraphStore, iris: set[str]) -> dict[str, str]:
    """English label of each IRI from the entities graph, else Arabic."""
    out: dict[str, str] = {}
    if not iris:
        return out
    ordered = sorted(iris)
    halves = [ordered[: len(ordered) // 2], ordered[len(ordered) // 2 :]]  # two threads, as in ego_network
    queries = [
        f"SELECT ?e ?l (LANG(?l) AS ?lang) WHERE {{ VALUES ?e {{ {' '.join(f'<{i}>' for i in half)} }} "
        f"GRAPH {ENTITIES_GRAPH.n3()} {{ ?e skos:prefLabel ?l }} }}"
        for half in halves
        if half
    ]
    with ThreadPoolExecutor(max_workers=2) as pool:
        rows = [row for found in pool.map(store.select_values, queries) for row in found]
    for e, label, _ in sorted(rows, key=lambda r: r[2] != "en"):  # English first
        out.setdefault(e, label)
    return out
