"""Finding 1 of issue 19: entity resolution was quadratic in the documents that name one actor."""

from __future__ import annotations

import time

from actorgraph.extract.lang.ar.normalize import normalize
from actorgraph.extract.records import Document, Entity, Extraction
from actorgraph.graph.resolve import normalize_name, resolve_entities
from benchmarks.resolution import SHARED, corpus


def _seconds(n: int) -> tuple[float, int, int]:
    extractions = corpus(n)
    start = time.perf_counter()
    res = resolve_entities(extractions)
    seconds = time.perf_counter() - start
    shared = {res.iri(d, k) for d in range(n) for k in extractions[d].entities if "Person" in k}
    return seconds, len(res.label_en), len(shared)


def test_resolution_grows_about_linearly_with_documents_sharing_actors() -> None:
    # Before: 2,000 documents 4.7 s, 4,000 18 s (x4 for x2). Now x8 the documents should cost about x8;
    # quadratic growth would be x64. The bound leaves room for a busy machine.
    small, ents_small, persons_small = _seconds(4_000)
    big, ents_big, persons_big = _seconds(32_000)
    # Every document's own person is one entity, the five shared people one each, Japan one.
    assert (ents_small, ents_big) == (4_000 + len(SHARED) + 1, 32_000 + len(SHARED) + 1)
    assert (persons_small, persons_big) == (4_000 + len(SHARED), 32_000 + len(SHARED))
    assert big / small < 20, (small, big)
    assert big < 60, big


def _person(doc: int, name: str, lang: str = "ar") -> Extraction:
    key = f"new:Person:{name}"
    document = Document(id=f"d{doc}", text=".", lang=lang, source=f"t/{doc}.txt")
    return Extraction(document, [], {key: Entity(key, "Person", "", name)}, [])


def test_resolution_folds_arabic_spelling_as_the_extractor_does() -> None:
    # Persian/Urdu kaf, gaf and yeh (ک گ ی) are what the extractor's normaliser folds; resolution's own
    # copy did not, so کریمی and كريمي became two people.
    for persian, arabic in (("کریمی", "كريمي"), ("پزشکیان", "بزشكيان"), ("ڤیلا", "فيلا")):
        assert normalize_name(persian) == normalize_name(arabic) == normalize(arabic)
        res = resolve_entities([_person(0, persian), _person(1, arabic)])
        assert res.iri(0, f"new:Person:{persian}") == res.iri(1, f"new:Person:{arabic}")
