"""Extraction → RDF: named graphs, statement nodes, plain triples only for asserted relations, SHACL."""

from __future__ import annotations

from conftest import make_ar, make_en
from rdflib import RDF, SKOS, XSD, Dataset, Literal, URIRef
from rdflib.namespace import PROV

from actorgraph.corpus import validate
from actorgraph.graph.index import ENTITIES_GRAPH, FACTS_GRAPH, KEYS_GRAPH
from actorgraph.graph.rdf import document_iri, extraction_to_dataset
from actorgraph.ontology.namespace import AG, AGR

NAKATANI, HEGSETH, JAPAN, TOKYO = (AGR["person-gen-nakatani"], AGR["person-pete-hegseth"], AGR["country-jpn"],
                                   AGR["city-jpn-tokyo"])  # fmt: skip


def _union(ds: Dataset):  # type: ignore[no-untyped-def]
    from rdflib import Graph

    g = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def test_one_named_graph_per_document_named_by_the_document() -> None:
    en, ar = make_en(), make_ar()
    ds = extraction_to_dataset([en, ar])
    graphs = {str(c.identifier) for c in ds.graphs() if len(c)}
    shared = {str(FACTS_GRAPH), str(ENTITIES_GRAPH), str(KEYS_GRAPH)}
    assert graphs == {str(document_iri(en.document)), str(document_iri(ar.document))} | shared
    g = ds.graph(document_iri(en.document))
    doc = document_iri(en.document)
    assert (doc, RDF.type, AG.SourceDocument) in g and (doc, RDF.type, PROV.Entity) in g
    assert (doc, AG.sha256, Literal(en.document.sha256)) in g
    assert (doc, AG.language, Literal("en")) in g
    assert (doc, PROV.atLocation, Literal("/corpus/en/nakatani.txt")) in g


def test_document_iri_follows_the_location_not_the_content() -> None:
    from conftest import EN_TEXT

    a = make_en(text=EN_TEXT.replace("Singapore", "Singapore on Saturday"))
    assert document_iri(a.document) == document_iri(make_en().document)
    assert document_iri(make_ar().document) != document_iri(make_en().document)


def test_arabic_and_english_person_become_one_node_with_both_labels() -> None:
    g = _union(extraction_to_dataset([make_en(), make_ar()]))
    assert set(g.subjects(RDF.type, AG.Person)) == {NAKATANI, HEGSETH}
    assert set(g.objects(HEGSETH, SKOS.prefLabel)) == {Literal("Pete Hegseth", lang="en"),
                                                       Literal("بيت هيجسيث", lang="ar")}
    assert Literal("Bit Hijsith", lang="en") in set(g.objects(HEGSETH, SKOS.altLabel))
    # Both documents' "met" statements point at the same two nodes.
    met = [st for st in g.subjects(RDF.predicate, AG.met)]
    assert len(met) == 2
    assert {(g.value(st, RDF.subject), g.value(st, RDF.object)) for st in met} == {(NAKATANI, HEGSETH)}
    assert {g.value(st, AG.sentenceText).language for st in met} == {"en", "ar"}


def test_hedged_and_negated_relations_have_a_statement_but_no_plain_triple() -> None:
    g = _union(extraction_to_dataset(make_en()))
    assert (HEGSETH, AG.visited, TOKYO) not in g
    assert (HEGSETH, AG.requested, JAPAN) not in g
    hedged = [st for st in g.subjects(AG.modality, Literal("hedged"))]
    assert len(hedged) == 1
    st = hedged[0]
    assert (st, RDF.type, AG.RelationStatement) in g
    assert (g.value(st, RDF.subject), g.value(st, RDF.predicate), g.value(st, RDF.object)) == (
        HEGSETH, AG.visited, TOKYO)  # fmt: skip
    assert g.value(st, AG.confidence) == Literal("0.5", datatype=XSD.decimal)
    assert str(g.value(st, AG.sentenceText)) == "Hegseth may visit Tokyo."
    assert (NAKATANI, AG.met, HEGSETH) in g  # asserted: plain triple


def test_statement_carries_its_evidence() -> None:
    en = make_en()
    g = _union(extraction_to_dataset(en))
    (st,) = [s for s in g.subjects(RDF.predicate, AG.met)]
    start, end = int(g.value(st, AG.charStart)), int(g.value(st, AG.charEnd))
    assert en.document.text[start:end] == "met"
    assert g.value(st, AG.rule) == Literal("en.met.sym")
    assert g.value(st, AG.ploverType) == Literal("CONSULT")
    assert g.value(st, AG.eventDate) == Literal("2025-05-31", datatype=XSD.date)
    assert g.value(st, AG.sentenceIndex) == Literal(0)
    assert g.value(st, PROV.wasDerivedFrom) == document_iri(en.document)


def test_each_entity_is_described_once_and_each_fact_stated_once() -> None:
    """Two documents name Hegseth and state that Nakatani met him: one description, one plain triple in
    the shared graphs; each document keeps its own statement."""
    en, ar = make_en(), make_ar()
    ds = extraction_to_dataset([en, ar])
    entities = ds.graph(ENTITIES_GRAPH)
    assert (HEGSETH, RDF.type, AG.Person) in entities
    assert (HEGSETH, SKOS.prefLabel, Literal("Pete Hegseth", lang="en")) in entities
    for ex in (en, ar):
        g = ds.graph(document_iri(ex.document))
        assert (HEGSETH, RDF.type, AG.Person) not in g and (NAKATANI, AG.met, HEGSETH) not in g
        assert any(g.subjects(RDF.object, HEGSETH))  # its statements refer to him
    assert (NAKATANI, AG.met, HEGSETH) in ds.graph(FACTS_GRAPH)
    assert any(ds.graph(KEYS_GRAPH).objects(HEGSETH, AG.nameKey))


def test_the_graph_conforms_to_the_shapes() -> None:
    assert validate(_union(extraction_to_dataset([make_en(), make_ar()]))) == []


def test_shapes_catch_broken_statements() -> None:
    g = _union(extraction_to_dataset(make_en()))
    (st,) = [s for s in g.subjects(RDF.predicate, AG.met)]
    g.set((st, AG.charStart, Literal(9999)))
    g.set((st, AG.modality, Literal("perhaps")))
    g.remove((JAPAN, AG.passed, None))
    (ent,) = [e for e in g.subjects(RDF.type, AG.Law)]
    g.remove((ent, SKOS.prefLabel, None))
    messages = " | ".join(str(v) for v in validate(g))
    assert "ag:charStart" in messages
    assert "ag:modality" in messages
    assert "plain triple" in messages  # an asserted statement without its triple
    assert "preferred label" in messages
    assert isinstance(ent, URIRef)
