"""Small hand-built extractions (no NLP): the seed's story told once in English and once in Arabic."""

from __future__ import annotations

import pytest

from actorgraph.extract.records import Document, Entity, Extraction, Relation, Sentence

EN_TEXT = (
    "Japanese Defense Minister Gen Nakatani and US Defense Secretary Pete Hegseth met in Singapore. "
    "Nakatani did not say whether Hegseth had asked Japan to pay more. "
    "Japan enacted a law allowing active cyber defense. "
    "Hegseth may visit Tokyo."
)
AR_TEXT = (
    "التقى وزير الدفاع الياباني جين ناكاتاني ووزير الدفاع الأمريكي بيت هيجسيث في سنغافورة. "
    "لم يوضح ناكاتاني ما إذا كان هيجسيث قد طلب من اليابان دفع المزيد."
)


def _sentences(text: str) -> list[Sentence]:
    out, start = [], 0
    for i, part in enumerate(text.split(". ")):
        part = part if part.endswith(".") else part + "."
        out.append(Sentence(i, start, start + len(part), part))
        start += len(part) + 1
    return out


def _span(text: str, word: str) -> tuple[int, int]:
    i = text.index(word)
    return i, i + len(word)


def make_en(source: str = "/corpus/en/nakatani.txt", text: str = EN_TEXT) -> Extraction:
    doc = Document(id="en1", text=text, lang="en", source=source, title="Tokyo and Washington",
                   date="2025-05-31")
    ents = [
        Entity("gaz:country-jpn", "State", "Japan", "اليابان", country="JPN", cameo="JPN"),
        Entity("gaz:country-usa", "State", "United States", "الولايات المتحدة", country="USA", cameo="USA"),
        Entity("new:Person:gen nakatani", "Person", "Gen Nakatani", aliases=["Nakatani"], country="JPN",
               sector="GOVMIL"),
        Entity("new:Person:pete hegseth", "Person", "Pete Hegseth", aliases=["Hegseth"], country="USA",
               sector="GOVMIL"),
        Entity("new:Position:jpn defense minister", "Position", "Minister of Defense of Japan",
               country="JPN"),
        Entity("new:Law:active cyber defense law", "Law", "Active Cyber Defense Law", country="JPN"),
        Entity("new:City:singapore", "City", "Singapore"),
        Entity("new:City:tokyo", "City", "Tokyo", country="JPN"),
    ]  # fmt: skip
    s0, s1, s2, s3 = (0, 1, 2, 3)
    rels = [
        Relation("new:Person:gen nakatani", "met", "new:Person:pete hegseth", s0, *_span(text, "met"),
                 rule="en.met.sym", plover="CONSULT", confidence=0.9, date="2025-05-31"),
        Relation("new:Person:gen nakatani", "holdsPosition", "new:Position:jpn defense minister", s0,
                 *_span(text, "Defense Minister"), rule="en.title"),
        Relation("new:Person:pete hegseth", "requested", "gaz:country-jpn", s1, *_span(text, "asked"),
                 rule="en.request", modality="negated", plover="REQUEST", confidence=0.6),
        Relation("gaz:country-jpn", "passed", "new:Law:active cyber defense law", s2, *_span(text, "enacted"),
                 rule="en.passed"),
        Relation("new:Person:pete hegseth", "visited", "new:City:tokyo", s3, *_span(text, "visit"),
                 rule="en.visit", modality="hedged", plover="CONSULT", confidence=0.5),
        Relation("new:City:tokyo", "locatedIn", "gaz:country-jpn", s3, *_span(text, "Tokyo"),
                 rule="en.capital"),
    ]  # fmt: skip
    return Extraction(doc, _sentences(text), {e.key: e for e in ents}, rels)


def make_ar(source: str = "/corpus/ar/nakatani.txt", text: str = AR_TEXT) -> Extraction:
    doc = Document(id="ar1", text=text, lang="ar", source=source, date="2025-05-31")
    # The Arabic extractor knows no English names for the two ministers: transliterations only.
    ents = [
        Entity("gaz:country-jpn", "State", "Japan", "اليابان", country="JPN", cameo="JPN"),
        Entity("new:Person:jyn nakatany", "Person", "Jin Nakatani", "جين ناكاتاني", aliases=["ناكاتاني"],
               country="JPN", sector="GOVMIL"),
        Entity("new:Person:byt hyjsyth", "Person", "Bit Hijsith", "بيت هيجسيث", aliases=["هيجسيث"],
               country="USA", sector="GOVMIL"),
    ]  # fmt: skip
    rels = [
        Relation("new:Person:jyn nakatany", "met", "new:Person:byt hyjsyth", 0, *_span(text, "التقى"),
                 rule="ar.met.sym", plover="CONSULT", confidence=0.9),
        Relation("new:Person:byt hyjsyth", "requested", "gaz:country-jpn", 1, *_span(text, "طلب"),
                 rule="ar.request", modality="hedged", plover="REQUEST", confidence=0.5),
    ]  # fmt: skip
    return Extraction(doc, _sentences(text), {e.key: e for e in ents}, rels)


@pytest.fixture
def en_extraction() -> Extraction:
    return make_en()


@pytest.fixture
def ar_extraction() -> Extraction:
    return make_ar()
