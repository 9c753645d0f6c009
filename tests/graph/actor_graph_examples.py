"""Small named RDF graphs in the shape the graph layer writes (``graph.index``: entities described once in
the entities graph, each asserted fact once in the facts graph, statements in one graph per document).

Shared by the network, render and browser tests. Built by hand so these tests do not depend on
extraction: each statement is an ``ag:RelationStatement`` with its provenance, plus the plain
triple when it is asserted.
"""

from __future__ import annotations

from itertools import count

from rdflib import RDF, SKOS, XSD, Dataset, Literal, Namespace, URIRef

from actorgraph.graph.index import ENTITIES_GRAPH, FACTS_GRAPH
from actorgraph.ontology.namespace import AG, AGR

PROV = Namespace("http://www.w3.org/ns/prov#")

SCRIPT_LABEL = "<script>alert(1)</script>"
ATTRIBUTE_LABEL = '" onmouseover="x'
JAVASCRIPT_LABEL = "javascript:alert(1)"
# Everything that could end a <script> element, open a comment, or break a JS string early.
HOSTILE_SENTENCE = (
    '<script>alert(1)</script> threatened Japan </script><!-- <img src=x onerror="alert(2)"> '
    "javascript:alert(3) \u2028 \u2029 end"
)

JAPAN = AGR["country-jpn"]
USA = AGR["country-usa"]
CHINA = AGR["country-chn"]
NAKATANI = AGR["person-gen-nakatani"]
HEGSETH = AGR["person-pete-hegseth"]
SHANGRI_LA = AGR["summit-shangri-la-dialogue"]
HOSTILE = AGR["org-hostile"]
JS_ACTOR = AGR["group-javascript"]


class GraphWriter:
    """Writes entities and relation statements into a Dataset, one named graph per document."""

    def __init__(self) -> None:
        self.ds = Dataset()
        self._ids = count(1)

    def entity(
        self, iri: URIRef, type_: str, en: str, ar: str = "", *, country: str = "", alt: tuple[str, ...] = ()
    ) -> URIRef:
        g = self.ds.graph(ENTITIES_GRAPH)
        g.add((iri, RDF.type, AG[type_]))
        g.add((iri, SKOS.prefLabel, Literal(en, lang="en")))
        if ar:
            g.add((iri, SKOS.prefLabel, Literal(ar, lang="ar")))
        for label in alt:
            g.add((iri, SKOS.altLabel, Literal(label, lang="en")))
        if country:
            g.add((iri, AG.countryCode, Literal(country)))
        return iri

    def statement(
        self,
        doc: str,
        lang: str,
        s: URIRef,
        relation: str,
        o: URIRef,
        *,
        plover: str = "",
        modality: str = "asserted",
        sentence: str = "",
        date: str | None = None,
    ) -> URIRef:
        doc_iri = AGR[f"doc-{doc}"]
        g = self.ds.graph(doc_iri)
        g.add((doc_iri, RDF.type, AG.SourceDocument))
        g.add((doc_iri, AG.language, Literal(lang)))
        st = AGR[f"statement-{doc}-{next(self._ids)}"]
        g.add((st, RDF.type, AG.RelationStatement))
        g.add((st, RDF.subject, s))
        g.add((st, RDF.predicate, AG[relation]))
        g.add((st, RDF.object, o))
        g.add((st, AG.modality, Literal(modality)))
        if plover:
            g.add((st, AG.ploverType, Literal(plover)))
        g.add((st, AG.rule, Literal(f"test:{relation}")))
        g.add((st, AG.confidence, Literal(0.9)))
        g.add((st, AG.sentenceText, Literal(sentence or f"{s} {relation} {o}", lang=lang)))
        g.add((st, AG.sentenceIndex, Literal(0)))
        g.add((st, AG.charStart, Literal(0)))
        g.add((st, AG.charEnd, Literal(5)))
        if date:
            g.add((st, AG.eventDate, Literal(date, datatype=XSD.date)))
        g.add((st, PROV.wasDerivedFrom, doc_iri))
        if modality == "asserted":
            self.ds.graph(FACTS_GRAPH).add((s, AG[relation], o))
        return st


def tokyo_washington() -> Dataset:
    """The seed story in both languages, a US-China dispute, and a hostile article.

    - Nakatani and Hegseth met (Arabic and English article: one symmetric edge, 2 statements),
      agreed (AGREE) and attended the Shangri-La Dialogue;
    - Hegseth may have asked Japan to pay more (hedged REQUEST);
    - Japan will cooperate with the US (future COOPERATE);
    - the US accused (ACCUSE) and sanctioned (SANCTION) China;
    - a group labelled ``<script>...`` threatened Japan, and one labelled ``javascript:...``
      attacked it.
    """
    w = GraphWriter()
    w.entity(JAPAN, "State", "Japan", "اليابان", country="JPN")
    w.entity(USA, "State", "United States", "الولايات المتحدة", country="USA", alt=("U.S.",))
    w.entity(CHINA, "State", "China", "الصين", country="CHN")
    w.entity(NAKATANI, "Person", "Gen Nakatani", "جين ناكاتاني", country="JPN")
    w.entity(HEGSETH, "Person", "Pete Hegseth", "بيت هيجسيث", country="USA")
    w.entity(SHANGRI_LA, "Summit", "Shangri-La Dialogue", "حوار شانغريلا")
    w.ds.graph(ENTITIES_GRAPH).add((SHANGRI_LA, RDF.type, AG.Event))  # types pile up: Summit wins
    w.entity(HOSTILE, "ArmedGroup", SCRIPT_LABEL, alt=(ATTRIBUTE_LABEL,))
    w.entity(JS_ACTOR, "ArmedGroup", JAVASCRIPT_LABEL)

    ar = "اتفق وزير الدفاع الياباني جين ناكاتاني ووزير الدفاع الأمريكي بيت هيجسيث على تعزيز التعاون"
    w.statement("ar1", "ar", NAKATANI, "met", HEGSETH, plover="CONSULT", sentence=ar, date="2025-05-31")
    w.statement("ar1", "ar", NAKATANI, "agreedWith", HEGSETH, plover="AGREE", sentence=ar, date="2025-05-31")
    w.statement(
        "ar1", "ar", HEGSETH, "requested", JAPAN, plover="REQUEST", modality="hedged",
        sentence="لم يوضح ناكاتاني ما إذا كان هيجسيث قد طلب من اليابان دفع المزيد",
    )
    w.statement(
        "en1", "en", HEGSETH, "met", NAKATANI, plover="CONSULT", date="2025-05-31",
        sentence="Nakatani and Hegseth met on the sidelines of the Shangri-La Dialogue.",
    )
    w.statement(
        "en1", "en", NAKATANI, "attended", SHANGRI_LA, plover="CONSULT", date="2025-05-30",
        sentence="Nakatani and Hegseth met on the sidelines of the Shangri-La Dialogue.",
    )
    w.statement(
        "en1", "en", JAPAN, "cooperatesWith", USA, plover="COOPERATE", modality="future",
        sentence="Their governments would cooperate closely.",
    )
    w.statement(
        "en2", "en", USA, "accused", CHINA, plover="ACCUSE", date="2025-06-01",
        sentence="The United States accused China of cyberattacks.",
    )
    w.statement(
        "en2", "en", USA, "sanctioned", CHINA, plover="SANCTION", date="2025-04-10",
        sentence="Washington sanctioned Chinese firms in April.",
    )
    w.statement("evil", "en", HOSTILE, "threatened", JAPAN, plover="THREATEN", sentence=HOSTILE_SENTENCE)
    w.statement(
        "evil", "en", JS_ACTOR, "attacked", HOSTILE, plover="ASSAULT", date="2025-02-01",
        sentence=f'{JAVASCRIPT_LABEL} attacked "{ATTRIBUTE_LABEL}',
    )
    return w.ds


def hub_and_spokes(spokes: int, *, chain: int = 0) -> Dataset:
    """A hub state met by ``spokes`` people, plus a chain of ``chain`` cities each partOf the next.

    The hub has the highest degree, spokes degree 1: what ``max_nodes`` should keep is obvious.
    """
    w = GraphWriter()
    hub = w.entity(AGR["state-hub"], "State", "Hub", "المركز", country="HUB")
    for i in range(spokes):
        person = w.entity(AGR[f"person-{i}"], "Person", f"Person {i}", f"شخص {i}")
        w.statement(f"d{i}", "en", person, "visited", hub, plover="CONSULT", date=f"2025-01-{1 + i % 28:02d}")
    previous = hub
    for i in range(chain):
        city = w.entity(AGR[f"city-{i}"], "City", f"City {i}")
        w.statement(f"c{i}", "en", city, "partOf", previous)
        previous = city
    return w.ds
