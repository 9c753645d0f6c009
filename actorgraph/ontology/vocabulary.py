"""The vocabularies the code uses, read once from the ontology (``actorgraph.ttl``) instead of written out again.

- relations: the object properties of the extraction contract: an actor (or anything) acts on an entity of the
  top classes Actor, Document, Event or a class declared disjoint with Actor (inverses and the gazetteer's links
  aside), in the order the file defines them;
- symmetric relations: those that are also ``owl:SymmetricProperty``;
- entity types: those classes with their subclasses (``rdfs:subClassOf``) and the classes relations reach,
  grouped under Actor, Document and Event.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rdflib import OWL, RDF, RDFS, SKOS, BNode, Graph, URIRef
from rdflib.collection import Collection

from actorgraph.ontology import ONTOLOGY_DIR

ONTOLOGY = ONTOLOGY_DIR / "actorgraph.ttl"


@dataclass(frozen=True)
class Vocabulary:
    relations: tuple[str, ...]
    symmetric: frozenset[str]
    actor_types: frozenset[str]
    """Subclasses of ag:Actor (not Actor itself: every actor has a more specific class)."""
    document_types: frozenset[str]
    event_types: frozenset[str]
    other_types: frozenset[str]
    """Entity classes outside the three groups (Position, City)."""
    plover: dict[str, str]
    """Relation → its PLOVER event type (skos:closeMatch/exactMatch into PLOVER), where it has one."""
    places: frozenset[str]
    """What something can be located in (the range of ag:locatedIn): State, City."""
    specific_first: tuple[str, ...]
    """Every entity class and Actor, each before the classes above it (Summit, Meeting, Event): the order in which
    an entity with several classes takes the most specific one."""

    @property
    def entity_types(self) -> frozenset[str]:
        return self.actor_types | self.document_types | self.event_types | self.other_types


class _Reader:
    """Local names of the ontology's own (``ag:``) terms."""

    def __init__(self, g: Graph) -> None:
        self.g = g
        self.iri = str(dict(g.namespaces())["ag"])

    def local(self, node: object) -> str:
        text = str(node)
        return text[len(self.iri) :] if isinstance(node, URIRef) and text.startswith(self.iri) else ""

    def classes(self, node: object) -> set[str]:
        """The ag classes a domain or range names: a class, or the members of an owl:unionOf."""
        if isinstance(node, BNode):
            union = self.g.value(node, OWL.unionOf)
            members: list[object] = list(Collection(self.g, union)) if union is not None else []
            return {self.local(m) for m in members if self.local(m)}
        return {self.local(node)} - {""}

    def below(self, top: str) -> set[str]:
        """``top`` and every class below it (transitively)."""
        found, todo = {top}, [top]
        while todo:
            for child in self.g.subjects(RDFS.subClassOf, URIRef(self.iri + todo.pop())):
                name = self.local(child)
                if name and name not in found:
                    found.add(name)
                    todo.append(name)
        return found

    def post_order(self, top: str, order: dict[str, int]) -> list[str]:
        """The classes below ``top`` and then ``top``: each class after its subclasses, siblings in file order."""
        children = sorted(
            (self.local(c) for c in self.g.subjects(RDFS.subClassOf, URIRef(self.iri + top)) if self.local(c)),
            key=lambda name: order.get(f"ag:{name}", len(order)),
        )
        return [name for child in children for name in self.post_order(child, order)] + [top]

    def plover(self, prop: object) -> str:
        base = str(dict(self.g.namespaces()).get("plover", ""))
        for match in (*self.g.objects(prop, SKOS.closeMatch), *self.g.objects(prop, SKOS.exactMatch)):  # type: ignore[arg-type]
            if base and str(match).startswith(base):
                return str(match)[len(base) :]
        return ""

    def ends(self, prop: object, side: URIRef) -> set[str]:
        return set().union(*(self.classes(c) for c in self.g.objects(prop, side)))  # type: ignore[arg-type]


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    g = Graph()
    g.parse(ONTOLOGY, format="turtle")
    r = _Reader(g)
    actors, documents, events = r.below("Actor"), r.below("Document"), r.below("Event")
    apart = {r.local(c) for c in g.objects(URIRef(r.iri + "Actor"), OWL.disjointWith)} - documents - events
    grouped = actors | documents | events | set().union(*(r.below(c) for c in apart if c))
    relations: list[URIRef] = []
    entity = set(grouped)
    for p in g.subjects(RDF.type, OWL.ObjectProperty):
        ranges = r.ends(p, RDFS.range)
        acts_on = bool(ranges & grouped) or (p, RDFS.range, OWL.Thing) in g
        if r.local(p) and g.value(p, OWL.inverseOf) is None and r.ends(p, RDFS.domain) <= actors and acts_on:
            relations.append(p)  # type: ignore[arg-type]
            entity |= ranges
    lines = ONTOLOGY.read_text(encoding="utf-8").splitlines()
    order: dict[str, int] = {}
    for i, line in enumerate(lines):  # where each term is first defined
        if line.strip():
            order.setdefault(line.split()[0], i)
    relations.sort(key=lambda p: order.get(f"ag:{r.local(p)}", len(order)))
    tops = sorted(entity - actors - documents - events | {"Document", "Event"}, key=lambda c: order.get(f"ag:{c}", 0))
    ranked = [c for top in ["Actor", *tops] for c in r.post_order(top, order)]
    specific = [c for c in ranked if c != "Actor"] + ["Actor"]
    return Vocabulary(
        relations=tuple(r.local(p) for p in relations),
        symmetric=frozenset(r.local(p) for p in relations if (p, RDF.type, OWL.SymmetricProperty) in g),
        actor_types=frozenset(actors - {"Actor"}),
        document_types=frozenset(documents),
        event_types=frozenset(events),
        other_types=frozenset(entity - actors - documents - events),
        plover={r.local(p): kind for p in relations if (kind := r.plover(p))},
        places=frozenset(r.ends(URIRef(r.iri + "locatedIn"), RDFS.range)),
        specific_first=tuple(dict.fromkeys(specific)),
    )
