"""Extraction → RDF quads: a named graph per source document with a statement node per relation occurrence,
and the facts and entities it supports in the shared graphs (``graph.index`` describes the layout;
docs/provenance.md explains it with queries):

- the document ``agr:doc-<hash>`` is an ``ag:SourceDocument`` and a ``prov:Entity``; its IRI hashes its
  location (path or URL), so a changed article keeps its IRI and its named graph is replaced;
- each relation occurrence is an ``ag:RelationStatement`` (an ``rdf:Statement``) with its evidence, in the
  document's graph;
- the plain triple ``?s ag:met ?o`` goes in the facts graph, only when the statement's modality is
  ``asserted``;
- each entity's type, labels and codes go in the entities graph, and its resolution keys in the keys graph;
  a document links an entity it names but relates to nothing with ``ag:mentions``.
"""

from __future__ import annotations

import hashlib
import re
import warnings
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from pathlib import Path

from rdflib import RDF, XSD, Dataset, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from actorgraph.extract.records import ACTOR_TYPES, Document, Entity, Extraction, Relation
from actorgraph.graph.index import ENTITIES_GRAPH, FACTS_GRAPH, KEYS_GRAPH, Quad
from actorgraph.graph.resolve import KnownEntity, Resolution, name_keys, resolve_entities
from actorgraph.ontology.namespace import AG, AGR, AGR_IRI, RELATIONS

__all__ = [
    "KnownEntity",
    "Quad",
    "Resolution",
    "document_iri",
    "extraction_to_dataset",
    "extractions_to_quads",
    "resolve_entities",
    "statement_iri",
    "values_blocks",
]


def values_blocks(iris: Iterable[object], size: int = 1000) -> list[str]:
    """The distinct IRIs, sorted, as SPARQL ``VALUES`` bodies of at most ``size`` each, written by rdflib
    (which refuses an invalid IRI rather than write it)."""
    ordered = sorted({str(i) for i in iris})
    return [" ".join(URIRef(i).n3() for i in ordered[k : k + size]) for k in range(0, len(ordered), size)]
_RELATIONS = frozenset(RELATIONS)
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
BIND_PREFIXES: dict[str, Namespace | str] = {
    "ag": str(AG._NS),
    "agr": AGR_IRI,
    "skos": str(SKOS),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
}


def _is_url(source: str) -> bool:
    return bool(re.match(r"^[a-z][a-z0-9+.-]*://", source, re.I))


def document_location(doc: Document) -> str:
    """Where the document came from: its URL, else its absolute path, else "" (text given inline)."""
    if not doc.source or doc.source == "-":
        return ""
    if _is_url(doc.source):
        return doc.source
    return str(Path(doc.source).expanduser().resolve())


def document_iri(doc: Document) -> URIRef:
    """``agr:doc-<first 16 hex of sha256(location)>``, or of the content when there is no location."""
    ident = document_location(doc) or "sha256:" + doc.sha256
    return AGR["doc-" + hashlib.sha256(ident.encode("utf-8")).hexdigest()[:16]]


def statement_iri(doc: URIRef, rel: Relation) -> URIRef:
    fields = (str(doc), rel.subject, rel.relation, rel.object, rel.sentence, rel.start, rel.end, rel.rule)
    digest = hashlib.sha256("\x1f".join(map(str, fields)).encode("utf-8")).hexdigest()[:16]
    return AGR["stmt-" + digest]


def date_literal(value: str | None) -> Literal | None:
    """ISO date (or year-month, or year) as the matching XSD literal; None when unparseable."""
    m = _DATE.match(value or "")
    if not m:
        return None
    year, month, day = m.groups()
    if day:
        return Literal(f"{year}-{month}-{day}", datatype=XSD.date)
    if month:
        return Literal(f"{year}-{month}", datatype=XSD.gYearMonth)
    return Literal(year, datatype=XSD.gYear)


def event_date(value: str | None) -> tuple[Literal, str] | None:
    """An ISO date, year-month or year as an ``xsd:date`` (a month or year: its first day) and its
    precision (day, month, year); None when unparseable."""
    m = _DATE.match(value or "")
    if not m:
        return None
    year, month, day = m.groups()
    precision = "day" if day else "month" if month else "year"
    try:
        import datetime as dt

        iso = dt.date(int(year), int(month or 1), int(day or 1)).isoformat()
    except ValueError:
        return None
    return Literal(iso, datatype=XSD.date), precision


def _document_quads(doc: Document, g: URIRef, n_sentences: int, n_statements: int) -> list[Quad]:
    out: list[Quad] = [
        (g, RDF.type, AG.SourceDocument, g),
        (g, RDF.type, PROV.Entity, g),
        (g, AG.language, Literal(doc.lang), g),
        (g, AG.sha256, Literal(doc.sha256), g),
        (g, AG.sentenceCount, Literal(n_sentences), g),
        # Stored, not counted at query time: counting every document's statements took 0.7 s at 10M quads.
        (g, AG.statementCount, Literal(n_statements), g),
    ]
    location = document_location(doc)
    if location:
        out.append((g, PROV.atLocation, Literal(location), g))
    if doc.title:
        out.append((g, DCTERMS.title, Literal(doc.title, lang=doc.lang or None), g))
    date = date_literal(doc.date)
    if date is not None:
        out.append((g, DCTERMS.date, date, g))
    return out


def _entity_quads(ex: Extraction, d: int, res: Resolution, g: URIRef) -> list[Quad]:
    """The description of each entity the document names, in the entities graph (``g``: the document,
    which gets an ``ag:mentions`` link for an entity none of its statements refers to), and its keys."""
    out: list[Quad] = []
    related = {k for r in ex.relations for k in (r.subject, r.object, r.place)}
    for e in ex.entities.values():
        s = URIRef(res.iri(d, e.key))
        if e.key not in related:
            out.append((g, AG.mentions, s, g))
        names = [n for n in (e.label_en, e.label_ar, *e.aliases) if n]
        out += [(s, AG.nameKey, Literal(k), KEYS_GRAPH) for k in sorted(name_keys(e.type, names))]
        out += _description(e, s, res)
    return out


def _description(e: Entity, s: URIRef, res: Resolution) -> list[Quad]:
    g = ENTITIES_GRAPH
    out: list[Quad] = [(s, RDF.type, AG[e.type], g)]
    pref_en, pref_ar = res.label_en.get(str(s), ""), res.label_ar.get(str(s), "")
    # One prefLabel per language (the cluster's, see graph.index.label_refresh_update); this record's own
    # names are alternative labels.
    if pref_en:
        out.append((s, SKOS.prefLabel, Literal(pref_en, lang="en"), g))
        if str(s) in res.romanized:  # a spelling read in English text replaces it (graph.resolve)
            out.append((s, AG.romanized, Literal(True), g))
    if pref_ar:
        out.append((s, SKOS.prefLabel, Literal(pref_ar, lang="ar"), g))
    for name in (e.label_en, e.label_ar, *e.aliases):
        if name and name not in (pref_en, pref_ar):
            lang = "ar" if any("\u0600" <= c <= "\u06ff" for c in name) else "en"
            out.append((s, SKOS.altLabel, Literal(name, lang=lang), g))
    if e.country:
        out.append((s, AG.countryCode, Literal(e.country), g))
    if e.sector:
        out.append((s, AG.sectorCode, Literal(e.sector), g))
    cameo = e.cameo or (e.country + e.sector if e.country else "")  # a sector alone is no CAMEO code
    if cameo and e.type in ACTOR_TYPES:
        out.append((s, AG.cameoCode, Literal(cameo), g))
    return out


def _relation_quads(ex: Extraction, d: int, res: Resolution, g: URIRef) -> list[Quad]:
    out: list[Quad] = []
    lang = ex.document.lang or None
    sentences = {s.index: s for s in ex.sentences}
    for rel in ex.relations:
        if rel.relation not in _RELATIONS or rel.subject not in ex.entities or rel.object not in ex.entities:
            bad = f"{rel.subject} {rel.relation} {rel.object}"
            warnings.warn(f"skipping malformed relation {bad}", stacklevel=2)
            continue
        s, p, o = URIRef(res.iri(d, rel.subject)), AG[rel.relation], URIRef(res.iri(d, rel.object))
        if rel.modality == "asserted":
            out.append((s, p, o, FACTS_GRAPH))
        st = statement_iri(g, rel)
        sentence = sentences.get(rel.sentence)
        text = sentence.text if sentence else ex.document.text[rel.start : rel.end]
        out += [
            (st, RDF.type, AG.RelationStatement, g),
            (st, RDF.subject, s, g),
            (st, RDF.predicate, p, g),
            (st, RDF.object, o, g),
            (st, AG.modality, Literal(rel.modality), g),
            (st, AG.rule, Literal(rel.rule), g),
            (st, AG.confidence, Literal(Decimal(str(round(rel.confidence, 4))), datatype=XSD.decimal), g),
            (st, AG.sentenceText, Literal(text.strip(), lang=lang), g),
            (st, AG.sentenceIndex, Literal(rel.sentence), g),
            (st, AG.charStart, Literal(rel.start), g),
            (st, AG.charEnd, Literal(rel.end), g),
            (st, PROV.wasDerivedFrom, g, g),
        ]
        if rel.plover:
            out.append((st, AG.ploverType, Literal(rel.plover), g))
        out += _event_quads(ex, rel, st, res, d, g)
    return out


def _event_quads(ex: Extraction, rel: Relation, st: URIRef, res: Resolution, d: int, g: URIRef) -> list[Quad]:
    """When and where the event happened and its actors' codes (extract.context fills them)."""
    out: list[Quad] = []
    date = event_date(rel.date)
    if date is not None:
        out.append((st, AG.eventDate, date[0], g))
        out.append((st, AG.datePrecision, Literal(rel.date_precision or date[1]), g))
        if rel.date_basis:
            out.append((st, AG.dateBasis, Literal(rel.date_basis), g))
    if rel.place and rel.place in ex.entities:
        out.append((st, AG.eventPlace, URIRef(res.iri(d, rel.place)), g))
    if not rel.plover:  # the codes say what the actors were in an event: a title or membership is none
        return out
    for prop, value in ((AG.subjectCode, rel.subject_code), (AG.subjectSector, rel.subject_sector),
                        (AG.objectCode, rel.object_code), (AG.objectSector, rel.object_sector)):  # fmt: skip
        if value:
            out.append((st, prop, Literal(value), g))
    for prop, value in ((AG.subjectText, rel.subject_text), (AG.objectText, rel.object_text)):
        if value:
            out.append((st, prop, Literal(value, lang=ex.document.lang or None), g))
    return out


def extractions_to_quads(
    extractions: Sequence[Extraction],
    known: Iterable[KnownEntity] = (),
    taken: Callable[[list[str]], set[str]] | None = None,
) -> dict[URIRef, list[Quad]]:
    """Per document graph, its quads and those it adds to the shared graphs (facts, entities, keys), entities
    resolved across all ``extractions`` and ``known`` (``taken``: see ``resolve_entities``)."""
    res = resolve_entities(extractions, known, base=AGR_IRI, taken=taken)
    graphs: dict[URIRef, list[Quad]] = {}
    for d, ex in enumerate(extractions):
        g, quads = document_graph(ex, d, res)
        graphs[g] = quads
    return graphs


def document_graph(ex: Extraction, d: int, res: Resolution) -> tuple[URIRef, list[Quad]]:
    """The named graph of document ``d`` (``ex``) and what it adds to the shared graphs, given a resolution."""
    g = document_iri(ex.document)
    relations = list(dict.fromkeys(_relation_quads(ex, d, res, g)))
    statements = sum(1 for _, p, o, _ in relations if p == RDF.type and o == AG.RelationStatement)
    quads = _document_quads(ex.document, g, len(ex.sentences), statements)
    quads += _entity_quads(ex, d, res, g)
    quads += relations
    return g, list(dict.fromkeys(quads))  # same triple twice (two aliases alike) once


def extraction_to_dataset(
    extraction: Extraction | Sequence[Extraction], known: Iterable[KnownEntity] = ()
) -> Dataset:
    """The extraction(s) as an rdflib Dataset, one named graph per document, union as default graph."""
    extractions = [extraction] if isinstance(extraction, Extraction) else list(extraction)
    ds = Dataset(default_union=True)
    for prefix, ns in BIND_PREFIXES.items():
        ds.bind(prefix, ns)
    for quads in extractions_to_quads(extractions, known).values():
        ds.addN(quads)  # type: ignore[arg-type]  # rdflib accepts a graph IRI as the context
    return ds
