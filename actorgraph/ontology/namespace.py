"""Our vocabulary as closed namespaces: a misspelt term raises instead of minting a new IRI."""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace

from actorgraph.ontology.vocabulary import vocabulary

AG_IRI = "https://w3id.org/actorgraph/ontology#"
AGR_IRI = "https://w3id.org/actorgraph/id/"  # entities (actors, documents, statements)

AGR = Namespace(AGR_IRI)


class AG(DefinedNamespace):
    """The actorgraph ontology (``ontology/actorgraph.ttl``)."""

    _NS = Namespace(AG_IRI)
    _fail = True

    # Classes
    Actor: URIRef
    Person: URIRef
    State: URIRef
    Organization: URIRef
    GovernmentBody: URIRef
    MilitaryOrganization: URIRef
    InternationalOrganization: URIRef
    ArmedGroup: URIRef
    Document: URIRef
    Law: URIRef
    Treaty: URIRef
    Strategy: URIRef
    Event: URIRef
    Meeting: URIRef
    Summit: URIRef
    Position: URIRef
    City: URIRef
    PositionHolding: URIRef
    RelationStatement: URIRef  # one occurrence of a relation in one sentence (subclass of rdf:Statement)
    SourceDocument: URIRef  # a news article we read (subclass of prov:Entity)

    # Relations of the extraction contract (object properties)
    met: URIRef
    agreedWith: URIRef
    cooperatesWith: URIRef
    negotiatedWith: URIRef
    spokeWith: URIRef
    visited: URIRef
    attended: URIRef
    hosted: URIRef
    signed: URIRef
    passed: URIRef
    issued: URIRef
    criticized: URIRef
    accused: URIRef
    threatened: URIRef
    sanctioned: URIRef
    attacked: URIRef
    protested: URIRef
    supported: URIRef
    opposed: URIRef
    requested: URIRef
    calledFor: URIRef
    expressedConcernAbout: URIRef
    demanded: URIRef
    providedAidTo: URIRef
    promised: URIRef
    concededTo: URIRef
    released: URIRef
    easedSanctionsOn: URIRef
    withdrewFrom: URIRef
    ceasefireWith: URIRef
    deployedTo: URIRef
    mobilizedAgainst: URIRef
    coerced: URIRef
    arrested: URIRef
    expelled: URIRef
    holdsPosition: URIRef
    affiliatedWith: URIRef
    memberOf: URIRef
    partOf: URIRef
    locatedIn: URIRef
    # Inverses declared in the ontology (not extracted; for reasoners and queries)
    hasMember: URIRef
    hasPart: URIRef

    # Gazetteer and actor attributes
    countryCode: URIRef  # ISO 3166-1 alpha-3
    iso2: URIRef
    sectorCode: URIRef  # CAMEO sector, e.g. GOV, MIL
    cameoCode: URIRef  # full CAMEO actor code, e.g. JPNGOVMIL
    roleKey: URIRef
    gender: URIRef
    nisba: URIRef  # Arabic relative adjective of a country (ياباني)
    demonym: URIRef
    capital: URIRef
    holds: URIRef
    position: URIRef
    organization: URIRef
    startDate: URIRef
    endDate: URIRef

    # Provenance of relation statements
    modality: URIRef  # "asserted" | "negated" | "hedged" | "future"
    rule: URIRef
    confidence: URIRef
    ploverType: URIRef
    sentenceText: URIRef
    sentenceIndex: URIRef
    charStart: URIRef
    charEnd: URIRef
    eventDate: URIRef
    datePrecision: URIRef  # day | month | year: how much of ag:eventDate is known
    dateBasis: URIRef  # sentence | relative | document: where the event date was read
    eventPlace: URIRef  # where the event happened (a place or state)
    subjectCode: URIRef  # CAMEO code of the statement subject as the event actor (RUSGOV)
    subjectSector: URIRef
    objectCode: URIRef
    objectSector: URIRef
    subjectText: URIRef  # the words naming the statement subject in its sentence ("Syrian government")
    objectText: URIRef
    language: URIRef
    sha256: URIRef
    sourceDocument: URIRef
    sentenceCount: URIRef  # sentences the extractor found in a source document
    statementCount: URIRef  # relation statements read from a source document
    mentions: URIRef  # a source document names an entity none of its statements relates
    nameKey: URIRef  # an entity-resolution lookup key of an entity (graph.resolve.name_keys)
    layoutVersion: URIRef  # the store layout a store was written in (graph.index)
    romanized: URIRef  # an entity's English label is our romanisation of an Arabic name


# The relation vocabulary and its symmetric relations, read once from the ontology (ontology/vocabulary.py).
RELATIONS: tuple[str, ...] = vocabulary().relations
SYMMETRIC_RELATIONS: frozenset[str] = vocabulary().symmetric
