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

from actorgraph.graph.index import ENTITIES_GRAPH, FACTS_GRAPH
from actorgraph.graph.resolve import normalize_name
from actorgraph.graph.store import PREFIXES, GraphStore, QueryResult
from actorgraph.ontology.namespace import AG_IRI, RELATIONS, SYMMETRIC_RELATIONS
from actorgraph.ontology.vocabulary import vocabulary

# What counts as an actor, the one definition `stats`, `actors`, `analyze` and the graph page use: an entity
# of one of these classes that is the subject or object of at least one relation statement, whatever the
# statement's modality. Positions, places, laws, treaties, documents and events take part in statements
# too, but are not actors; an entity named in no statement is not counted. Most specific class first.
ACTOR_CLASSES: tuple[str, ...] = tuple(c for c in vocabulary().specific_first if c in vocabulary().actor_types)
ENTITY_CLASSES: tuple[str, ...] = tuple(c for c in vocabulary().specific_first if c in vocabulary().entity_types)
_ENTITIES, _FACTS = ENTITIES_GRAPH.n3(), FACTS_GRAPH.n3()


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
    types = " ".join(f"(ag:{c} {i})" for i, c in enumerate(ACTOR_CLASSES))
    # Each entity is described once (the entities graph); whether a statement names it is a look-up in the
    # documents' graphs (only statements have rdf:subject and rdf:object): 0.9 s at 10M quads, where the
    # distinct ends of every statement took 1.4 s. Classes come back as numbers, not IRIs.
    rows = store.select_values(
        f"SELECT ?e ?i WHERE {{ GRAPH {_ENTITIES} {{ VALUES (?t ?i) {{ {types} }} ?e a ?t }} "
        "FILTER EXISTS { GRAPH ?g { ?st rdf:subject|rdf:object ?e } } }"
    )
    found: dict[str, str] = {}
    for iri, i in rows:  # the most specific class first in ACTOR_CLASSES
        if iri not in found or int(i) < ACTOR_CLASSES.index(found[iri]):
            found[iri] = ACTOR_CLASSES[int(i)]
    return found


def list_actors(store: GraphStore, search: str = "", *, all_entities: bool = False) -> list[ActorRow]:
    """Actors (``ACTOR_CLASSES``: named in at least one statement), or every entity with ``all_entities``, with
    labels, codes and how many statements name them; ``search`` matches any label, in either language,
    ignoring case, accents and Arabic spelling variants.

    Types, labels and codes come from the entities graph (one description per entity). ``statements`` is the
    number of relation statements, of any modality, whose subject or object the entity is (a statement
    once): counted in one pass over the statements' two ends, without joining them to anything else.
    """
    classes = ENTITY_CLASSES if all_entities else ACTOR_CLASSES
    needle = normalize_name(search)
    out = []
    for row in _entity_rows(store, classes):
        names = [row.label_en, row.label_ar, *row.alt_labels, row.iri.rsplit("/", 1)[-1]]
        if needle and not any(needle in normalize_name(n) for n in names):
            continue
        out.append(row)
    counts = _statement_counts(store, [r.iri for r in out] if needle else None)
    for row in out:
        row.statements = counts.get(row.iri, 0)
    if not all_entities:  # an actor is named in at least one statement (ACTOR_CLASSES)
        out = [row for row in out if row.statements]
    return sorted(out, key=lambda a: (-a.statements, a.label_en or a.label_ar))


# The properties of a description `actors` shows, each with a number the store gives back instead of the IRI.
_DESCRIPTION = ("skos:prefLabel", "skos:altLabel", "ag:countryCode", "ag:cameoCode")


def _entity_rows(store: GraphStore, classes: tuple[str, ...] | None) -> list[ActorRow]:
    """Each entity of ``classes`` (None: of any entity class) in the entities graph, with its type (the most
    specific it has), labels and codes, and ``statements`` 0. Types and properties are read apart, in two
    threads, as numbers where the store would otherwise read a type's or a property's IRI back for every row
    (most of the time at 10M quads)."""
    ordered = classes or ENTITY_CLASSES
    types = " ".join(f"(ag:{c} {i})" for i, c in enumerate(ordered))
    props = " ".join(f"({p} {k})" for k, p in enumerate(_DESCRIPTION))
    queries = (
        f"SELECT ?e ?i WHERE {{ GRAPH {_ENTITIES} {{ VALUES (?t ?i) {{ {types} }} ?e a ?t }} }}",
        f"SELECT ?e ?k ?v (LANG(?v) AS ?lang) WHERE {{ GRAPH {_ENTITIES} {{ VALUES (?p ?k) {{ {props} }} "
        "?e ?p ?v } }",
    )
    with ThreadPoolExecutor(max_workers=2) as pool:
        typed, described = pool.map(store.select_values, queries)
    found: dict[str, ActorRow] = {}
    for e, i in typed:  # the most specific class first in ``ordered``
        row = found.get(e)
        if row is None:
            found[e] = ActorRow(e, ordered[int(i)], "", "", "", "", 0)
        elif int(i) < ordered.index(row.type):
            row.type = ordered[int(i)]
    alts: dict[str, set[str]] = {}
    for e, k, v, lang in described:
        row = found.get(e)
        if row is None:
            continue
        if k == "0":  # one per language; min() keeps the choice stable should a store hold two
            if lang.lower().startswith("ar"):
                row.label_ar = min(row.label_ar, v) if row.label_ar else v
            else:
                row.label_en = min(row.label_en, v) if row.label_en else v
        elif k == "1":
            alts.setdefault(e, set()).add(v)
        elif k == "2":
            row.country = min(row.country, v) if row.country else v
        elif k == "3":
            row.cameo = min(row.cameo, v) if row.cameo else v
    for e, names in alts.items():
        found[e].alt_labels = sorted(n for n in names if n)
    return list(found.values())


_COUNT_BOUND_MAX = 2000  # past this many entities, one count over every statement's ends is quicker


def _statement_counts(store: GraphStore, iris: list[str] | None = None) -> dict[str, int]:
    """How many relation statements name each entity (as subject or object, a statement once); for the
    given ``iris`` only, when there are few enough to look up by their own statements. Only statement nodes
    have ``rdf:subject`` and ``rdf:object`` in the store, so no join with their type is needed (joining it
    made `actors` take 16.5 s at 10M quads)."""
    if iris is not None and len(iris) <= _COUNT_BOUND_MAX:
        if not iris:
            return {}
        # One VALUES of (entity, end) pairs: two VALUES side by side made Oxigraph read every statement's
        # ends and join them after (2 s at 10M quads for a search matching 13 actors, 0.05 s so).
        pairs = " ".join(f"({URIRef(i).n3()} {end})" for i in iris for end in ("rdf:subject", "rdf:object"))
        query = (f"SELECT ?e (COUNT(DISTINCT ?st) AS ?n) WHERE {{ VALUES (?e ?end) {{ {pairs} }} ?st ?end ?e }} "
                 "GROUP BY ?e")  # fmt: skip
    else:
        query = ("SELECT ?e (COUNT(DISTINCT ?st) AS ?n) WHERE { VALUES ?end { rdf:subject rdf:object } "
                 "?st ?end ?e } GROUP BY ?e")  # fmt: skip
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
    # Every entity's labels, each once (the entities graph describes an entity once).
    rows = [(r.iri, label) for r in _entity_rows(store, None)
            for label in (r.label_en, r.label_ar, *r.alt_labels) if label]  # fmt: skip
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
    (met, agreedWith ...) stated both ways is one link, its ends in IRI order.

    With a ``limit``, each hop keeps only the ``limit`` actors with the most facts linking them to the actors
    kept one hop closer (``weights``), and the walk goes on from those alone; when some are left out,
    ``edges`` are the links that bring each kept actor in (to the actors kept one hop closer; links between
    two actors of one hop are left out), and ``total`` still counts every actor within ``depth`` links."""

    actor: str
    depth: int
    distance: dict[str, int]  # actor IRI → links from ``actor`` (0 for the actor)
    edges: list[tuple[str, str, str]]  # (subject IRI, relation name, object IRI), each once
    labels: dict[str, str]  # actor IRI → English label, else Arabic, else ""
    total: int | None = None  # actors within ``depth`` links, the actor not counted (None: all in distance)
    limit: int = 0  # at most this many actors kept at each hop (0: no limit)
    weights: dict[str, int] = field(default_factory=dict)  # actor → facts linking it to the kept hop before

    @property
    def within(self) -> int:
        """How many actors are within ``depth`` links, the actor not counted, kept or not."""
        return len(self.distance) - 1 if self.total is None else self.total


def find_actor_iri(store: GraphStore, name: str) -> str:
    """One entity for ``name``: an IRI or prefixed name, else an exact preferred label in the entities graph,
    else the best match of :func:`find_entities`. Raises NotFound."""
    if name.startswith(("http://", "https://")) or (":" in name and name.split(":", 1)[0] in PREFIXES):
        return find_entities(store, name)[0]
    for lang in ("en", "ar"):
        literal = Literal(name, lang=lang).n3()
        rows = store.select_values(f"SELECT ?e WHERE {{ GRAPH {_ENTITIES} {{ ?e skos:prefLabel {literal} }} }}")
        if rows:
            return sorted(r[0] for r in rows)[0]
    found = find_entities(store, name)
    if not found:
        raise NotFound(f"no entity named {name!r} in the store")
    return found[0]


def ego_network(store: GraphStore, actor: str, depth: int = 2, *, labels: bool = True, limit: int = 0) -> EgoNetwork:
    """The ego network of ``actor`` (an IRI) from the facts graph (each asserted fact once); no document
    graph is read. Raises NotFound for an unknown actor.

    ``limit`` > 0 bounds it (see :class:`EgoNetwork`): at each hop the ``limit`` actors with the most facts
    linking them to the actors kept at the hop before, ties in the store's order (the same for the same
    data), and the links from each kept actor to those kept at the hop before. An actor's weight is that
    number of facts: triples of the facts graph, each relation and direction once however many sentences
    state it ("A met B" and "B met A" are two facts but one link). ``total`` counts every actor within
    ``depth`` links in the store, without reading them. The cost follows what is kept, not the
    neighbourhood: at 10M quads a 2-hop walk from a hub reaches every actor of the store."""
    if depth < 1:
        raise ValueError("depth must be at least 1")
    if limit < 0:
        raise ValueError("limit must be at least 0")
    iri = _valid_iri(actor)
    if not store.select_values(f"SELECT ?q WHERE {{ GRAPH {_ENTITIES} {{ <{iri}> ?q ?v }} }} LIMIT 1"):
        raise NotFound(f"no entity <{iri}> in the store")
    if limit:
        distance, weights, pairs = _top_walk(store, iri, depth, limit)
        total: int | None = _count_within(store, iri, depth)
        if total == len(distance) - 1:  # nothing left out: the links between actors of one hop too, as _walk
            same_hop = sorted(n for n in distance if distance[n] < depth)
            pairs += [(a, b) for i, a in enumerate(same_hop) for b in same_hop[i:] if distance[a] == distance[b]]
        edges = _links_between(store, pairs)
    else:
        distance, edges, weights = _walk(store, iri, depth)
        total = None
    names = _index_labels(store, set(distance)) if labels else {}
    return EgoNetwork(iri, depth, distance, edges, names, total, limit, weights)


def _link(a: str, p: str, b: str) -> tuple[str, str, str]:
    """(subject, relation name, object) of a fact; "A met B" and "B met A" are one link, as to_networkx
    writes it."""
    rel = p[len(AG_IRI) :] if p.startswith(AG_IRI) else p
    return (b, rel, a) if rel in SYMMETRIC_RELATIONS and b < a else (a, rel, b)


def _walk(store: GraphStore, iri: str, depth: int) -> tuple[dict[str, int], list[tuple[str, str, str]], dict[str, int]]:
    """Every actor within ``depth`` links, every link of those fewer than ``depth`` away, and each actor's
    weight (see :func:`ego_network`): one pair of queries per hop."""
    distance = {iri: 0}
    edges: dict[tuple[str, str, str], None] = {}
    facts: set[tuple[str, str, str]] = set()
    frontier = [iri]
    for hop in range(1, depth + 1):
        values = " ".join(f"<{n}>" for n in frontier)
        # Links out and links in, at once: reading the terms of each row is most of the time, and Oxigraph
        # lets go of the GIL while it does.
        with ThreadPoolExecutor(max_workers=2) as pool:
            rows = [row for found in pool.map(store.select_values, (
                f"SELECT ?a ?p ?b WHERE {{ VALUES ?a {{ {values} }} GRAPH {_FACTS} {{ ?a ?p ?b }} }}",
                f"SELECT ?a ?p ?b WHERE {{ VALUES ?b {{ {values} }} GRAPH {_FACTS} {{ ?a ?p ?b }} }}",
            )) for row in found]  # fmt: skip
        frontier = []
        for a, p, b in rows:
            edges[_link(a, p, b)] = None
            facts.add((a, p, b))
            for n in (a, b):
                if n not in distance:
                    distance[n] = hop
                    frontier.append(n)
        if not frontier:
            break
    weights: dict[str, int] = {}
    for a, _, b in facts:
        for near, far in ((a, b), (b, a)):
            if distance[far] == distance[near] + 1:
                weights[far] = weights.get(far, 0) + 1
    return distance, list(edges), weights


# Any fact, either way (a negated property set no predicate is left out of), and zero or one of them.
_STEP = "(!(rdf:nil|^rdf:nil))"


def _within(iri: str, links: int, var: str) -> str:
    """A sub-select of ``var``: every entity at most ``links`` facts from ``iri`` (``iri`` too), each once.
    Each level is made distinct before the next step, so a walk does not multiply through a hub."""
    inner = f"VALUES ?x0 {{ <{iri}> }}"
    for i in range(1, links + 1):
        out = var if i == links else f"?x{i}"
        inner = f"SELECT DISTINCT {out} WHERE {{ {{ {inner} }} GRAPH {_FACTS} {{ ?x{i - 1} {_STEP}? {out} }} }}"
    return inner


def _count_within(store: GraphStore, iri: str, depth: int) -> int:
    """How many entities are within ``depth`` links of ``iri``, itself not counted: counted by the store,
    no term read back (reading terms back is what costs at 10M quads)."""
    rows = store.select_values(f"SELECT (COUNT(*) AS ?n) WHERE {{ {{ {_within(iri, depth, '?c')} }} "
                               f"FILTER(?c != <{iri}>) }}")  # fmt: skip
    return int(rows[0][0]) if rows else 0


def _top_walk(
    store: GraphStore, iri: str, depth: int, limit: int
) -> tuple[dict[str, int], dict[str, int], list[tuple[str, str]]]:
    """The breadth-first walk that keeps, at each hop, the ``limit`` actors with the most facts linking them
    to the actors kept at the hop before (not nearer to ``iri`` by another way), and goes on from those; with
    each kept actor's weight and the pairs (actor kept at the hop before, kept actor) that facts link."""
    distance, weights = {iri: 0}, {}
    pairs: list[tuple[str, str]] = []
    frontier = [iri]
    for hop in range(1, depth + 1):
        # Which of the frontier each candidate is linked to comes back as numbers, no IRI read back: the sum
        # of their bits while they fit in one integer (a third of the time of the list of their numbers).
        bits = len(frontier) <= 62
        values = " ".join(f"(<{n}> {1 << i if bits else i})" for i, n in enumerate(frontier))
        linked_to = "SUM(DISTINCT ?i)" if bits else "GROUP_CONCAT(DISTINCT STR(?i))"
        # MINUS takes out the nearer ones as one set: a FILTER NOT EXISTS per candidate took seconds.
        nearer = f"FILTER(?c != <{iri}>)" if hop == 1 else f"MINUS {{ {_within(iri, hop - 1, '?c')} }}"
        # Ordered by weight alone: ordering by IRI too reads every candidate's IRI back (0.6 s from a hub).
        rows = store.select_values(f"""SELECT ?c (COUNT(*) AS ?w) ({linked_to} AS ?from) WHERE {{
          VALUES (?b ?i) {{ {values} }} GRAPH {_FACTS} {{ {{ ?b ?p ?c }} UNION {{ ?c ?p ?b }} }} {nearer}
        }} GROUP BY ?c ORDER BY DESC(?w) LIMIT {int(limit)}""")  # fmt: skip
        kept = []
        for c, w, linked in rows:
            distance[c], weights[c] = hop, int(w)
            found = [i for i in range(len(frontier)) if int(linked) >> i & 1] if bits else map(int, linked.split())
            pairs += [(frontier[i], c) for i in found]
            kept.append(c)
        frontier = kept
        if not frontier:
            break
    return distance, weights, pairs


# Relation → a bit, so the store sums a pair's relations into one number instead of reading each back.
_BITS = {f"{AG_IRI}{r}": 1 << i for i, r in enumerate(RELATIONS)}
_BIT_VALUES = " ".join(f"(<{p}> {bit})" for p, bit in _BITS.items())


def _links_between(store: GraphStore, pairs: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """The facts between the actors of each pair, either way: a point look-up each, where reading every fact
    of a hub among them and keeping those to the others read tens of thousands."""
    ordered = sorted({(a, b) for x, y in pairs for a, b in ((x, y), (y, x))})
    edges: dict[tuple[str, str, str], None] = {}
    relations = {bit: p for p, bit in _BITS.items()}
    for k in range(0, len(ordered), 2000):
        block = " ".join(f"(<{a}> <{b}> {i})" for i, (a, b) in enumerate(ordered[k : k + 2000], k))
        rows = store.select_values(f"""SELECT ?k (SUM(?bit) AS ?mask) WHERE {{
          {{ SELECT ?k ?p WHERE {{ VALUES (?a ?b ?k) {{ {block} }} GRAPH {_FACTS} {{ ?a ?p ?b }} }} }}
          VALUES (?p ?bit) {{ {_BIT_VALUES} }}
        }} GROUP BY ?k""")  # fmt: skip
        for key, mask in rows:
            a, b = ordered[int(key)]
            bits = int(mask)
            for bit, p in relations.items():
                if bits & bit:
                    edges[_link(a, p, b)] = None
    return sorted(edges)


def _index_labels(store: GraphStore, iris: set[str]) -> dict[str, str]:
    """English label of each IRI from the entities graph, else Arabic."""
    out: dict[str, str] = {}
    if not iris:
        return out
    ordered = sorted(iris)
    halves = [ordered[: len(ordered) // 2], ordered[len(ordered) // 2 :]]  # two threads, as in _walk
    queries = [
        f"SELECT ?e ?l (LANG(?l) AS ?lang) WHERE {{ VALUES ?e {{ {' '.join(f'<{i}>' for i in half)} }} "
        f"GRAPH {_ENTITIES} {{ ?e skos:prefLabel ?l }} }}"
        for half in halves
        if half
    ]
    with ThreadPoolExecutor(max_workers=2) as pool:
        rows = [row for found in pool.map(store.select_values, queries) for row in found]
    for e, label, _ in sorted(rows, key=lambda r: r[2] != "en"):  # English first
        out.setdefault(e, label)
    return out
