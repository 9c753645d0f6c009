"""The OWL ontology and the AG namespace stay in step, and every relation is fully declared."""

from __future__ import annotations

from importlib import resources

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, Graph, URIRef

from actorgraph.ontology.namespace import AG, AG_IRI, RELATIONS, SYMMETRIC_RELATIONS

DECLARATIONS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)


@pytest.fixture(scope="module")
def onto() -> Graph:
    g = Graph()
    g.parse(data=resources.files("actorgraph.ontology").joinpath("actorgraph.ttl").read_text("utf-8"),
            format="turtle")
    return g


def _declared(onto: Graph) -> set[str]:
    return {
        str(s)[len(AG_IRI):]
        for t in DECLARATIONS
        for s in onto.subjects(RDF.type, t)
        if isinstance(s, URIRef) and str(s).startswith(AG_IRI)
    }


def test_every_ag_term_is_declared_in_the_ontology_and_vice_versa(onto: Graph) -> None:
    terms = set(AG.__annotations__)
    declared = _declared(onto)
    assert terms - declared == set(), "terms of AG missing from actorgraph.ttl"
    assert declared - terms == set(), "terms of actorgraph.ttl missing from AG"


def test_ag_namespace_is_closed() -> None:
    with pytest.raises(AttributeError):
        AG.meets  # noqa: B018 - a misspelt term must raise


@pytest.mark.parametrize("relation", RELATIONS)
def test_relations_are_object_properties_with_domain_range_and_bilingual_labels(
    onto: Graph, relation: str
) -> None:
    p = AG[relation]
    assert (p, RDF.type, OWL.ObjectProperty) in onto
    assert onto.value(p, RDFS.domain) is not None
    assert onto.value(p, RDFS.range) is not None
    langs = {lit.language for lit in onto.objects(p, RDFS.label)}
    assert {"en", "ar"} <= langs
    assert {lit.language for lit in onto.objects(p, RDFS.comment)} >= {"en", "ar"}
    assert ((p, RDF.type, OWL.SymmetricProperty) in onto) == (relation in SYMMETRIC_RELATIONS)


def test_mappings_to_plover_and_wikidata(onto: Graph) -> None:
    assert (AG.met, SKOS.closeMatch, URIRef("https://github.com/openeventdata/PLOVER#CONSULT")) in onto
    assert (AG.holdsPosition, SKOS.exactMatch, URIRef("http://www.wikidata.org/prop/direct/P39")) in onto
    assert (AG.memberOf, SKOS.exactMatch, URIRef("http://www.wikidata.org/prop/direct/P463")) in onto
    assert (AG.partOf, SKOS.exactMatch, URIRef("http://www.wikidata.org/prop/direct/P361")) in onto
    assert (AG.hasPart, OWL.inverseOf, AG.partOf) in onto
    assert (AG.RelationStatement, RDFS.subClassOf, RDF.Statement) in onto
    for cls in ("Person", "State", "Organization"):
        assert (AG[cls], RDFS.subClassOf, AG.Actor) in onto or (
            AG[cls], RDFS.subClassOf, AG.Organization
        ) in onto
    for cls in ("GovernmentBody", "MilitaryOrganization", "InternationalOrganization", "ArmedGroup"):
        assert (AG[cls], RDFS.subClassOf, AG.Organization) in onto
