"""The benchmark's synthetic articles (benchmarks/records.py) are extraction results the store code takes:
they go through the real RDF building, per document and in bulk alike, and come back out of the store."""

from __future__ import annotations

import statistics
from collections import Counter

from actorgraph.graph.bulk import bulk_ingest
from actorgraph.graph.rdf import extractions_to_quads
from actorgraph.graph.store import OxigraphStore, ingest
from actorgraph.ontology.namespace import AG
from benchmarks.records import PROFILE, ArticleWriter, measure_profile

STATEMENTS = """SELECT ?s ?p ?o WHERE { ?st a ag:RelationStatement ; rdf:subject ?s ; rdf:predicate ?p ;
                                            rdf:object ?o }"""


def test_synthetic_articles_follow_the_profile_of_real_ones() -> None:
    articles = list(ArticleWriter(seed=3, new_actors=300).articles(150))
    got = measure_profile(articles)
    assert abs(statistics.mean(got.relations) - statistics.mean(PROFILE.relations)) < 3
    assert abs(got.title_share - PROFILE.title_share) < 0.08
    assert abs(got.known_share - PROFILE.known_share) < 0.08
    assert abs(got.entities_per_relation - PROFILE.entities_per_relation) < 0.2
    assert got.modalities.get("negated") and got.modalities["asserted"] > 0.8 * sum(got.modalities.values())
    assert {"met", "signed", "visited"} <= set(got.events)
    # Zipf: a few actors in many articles, most in few.
    per_actor = Counter(k for ex in articles for k in ex.entities)
    counts = sorted(per_actor.values(), reverse=True)
    assert counts[0] > 30 and statistics.median(counts) <= 3


def test_two_writers_of_one_seed_write_the_same_articles_and_other_streams_new_ones() -> None:
    a = [ex.to_dict() for ex in ArticleWriter(seed=5, new_actors=200).articles(5)]
    b = [ex.to_dict() for ex in ArticleWriter(seed=5, new_actors=200).articles(5)]
    feed = [ex.document.source for ex in ArticleWriter(seed=5, stream="feed", new_actors=200).articles(5)]
    assert a == b
    assert not set(feed) & {d["document"]["source"] for d in a}


def test_synthetic_articles_round_trip_through_the_store_code() -> None:
    articles = list(ArticleWriter(seed=7, new_actors=300).articles(30))
    graphs = extractions_to_quads(articles)
    assert len(graphs) == 30
    one, bulk = OxigraphStore(None), OxigraphStore(None)
    report = ingest(one, articles)
    assert len(report.added) == 30 and report.quads > 0
    bulk_ingest(bulk, articles)
    assert set(one.quads()) == set(bulk.quads())  # the two paths write the same store
    # Every relation comes back as a statement; gazetteer actors keep their IRIs.
    stored = {(str(s), str(p), str(o)) for s, p, o in one.query(STATEMENTS).rows}
    assert len({(ex.document.source, r.subject, r.relation, r.object, r.sentence, r.start)
                for ex in articles for r in ex.relations}) == len(one.query(
                    "SELECT ?st WHERE { ?st a ag:RelationStatement }").rows)  # fmt: skip
    for ex in articles:
        for r in ex.relations:
            s, o = ex.entities[r.subject], ex.entities[r.object]
            if s.gazetteer_iri and o.gazetteer_iri:
                assert (s.gazetteer_iri, str(AG[r.relation]), o.gazetteer_iri) in stored
    documents = one.documents()
    assert len(documents) == 30
    assert not ingest(one, articles).changed  # the same articles again change nothing
