"""Property-based tests on random Unicode: the Arabic normaliser never fails and is stable; the reader and
the extractor fail only with ExtractionError, and every offset they give is inside the document text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from actorgraph.extract import Extraction, ExtractionError, extract_text
from actorgraph.extract.lang.ar.normalize import analyses, normalize
from actorgraph.extract.read import make_document
from actorgraph.extract.records import MODALITIES
from tests.reliability.helpers import ARTICLE_AR, ARTICLE_EN, SEED_AR, SEED_EN

SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ARABIC_LETTERS = "".join(chr(c) for c in range(0x0621, 0x064B))
TASHKEEL = "".join(chr(c) for c in range(0x064B, 0x0653)) + "\u0670\u0640"  # harakat, superscript alef, tatweel
ARABIC_MISC = "،؛؟٪٫٬«»ـ٠١٢٣٤٥٦٧٨٩\u06cc\u06a9\u06af\u067e\u0686\u06a4\u200c\u200d"
PUNCTUATION = ".,;:!?-—–…()[]{}<>/\\|@#$%&*+=~^_`'\"“”‘’„«»‹›"
SPACES = " \n\n\t\r\u00a0\u2028\u2029\u3000"
CONTROLS = "\x00\x07\x1b\x7f\u200b\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"

# Words that make the extractor work: names from the gazetteer, titles, trigger verbs, negation, dates.
VOCABULARY = sorted(
    set(SEED_AR.read_text("utf-8").split())
    | set(SEED_EN.read_text("utf-8").split())
    | set(ARTICLE_AR.split())
    | set(ARTICLE_EN.split())
    | {"not", "did", "may", "will", "لم", "لن", "قد", "سوف", "no", "President", "Minister", "وزير", "الرئيس",
       "Trump", "ترامب", "Putin", "بوتين", "yesterday", "أمس", "Monday", "الاثنين", "2025-05-31"}  # fmt: skip
)

chunk = st.one_of(
    st.sampled_from(VOCABULARY),
    st.text(alphabet=ARABIC_LETTERS + TASHKEEL, min_size=1, max_size=8),
    st.text(alphabet=st.characters(min_codepoint=0x41, max_codepoint=0x7A), min_size=1, max_size=8),
    st.text(alphabet=PUNCTUATION, min_size=1, max_size=3),
    st.text(alphabet=ARABIC_MISC + CONTROLS, min_size=1, max_size=2),
    st.text(min_size=1, max_size=4),  # anything at all: other scripts, combining marks, emoji, private use
)
separator = st.sampled_from([" ", " ", " ", "", "\n", ". ", "، ", "\n\n", " \u2014 ", '"', "\t"])
texts = st.builds(
    lambda parts, last: "".join(a + b for a, b in parts) + last,
    st.lists(st.tuples(chunk, separator), max_size=60),
    st.one_of(st.just(""), chunk),  # often no final punctuation: a text may end on a name
)
mixed_unicode = st.text(
    alphabet=st.one_of(st.sampled_from(ARABIC_LETTERS + TASHKEEL + ARABIC_MISC + PUNCTUATION + SPACES + CONTROLS),
                       st.characters()),
    max_size=200,
)  # fmt: skip


# --- the normaliser ----------------------------------------------------------------------------------


@SETTINGS
@given(st.one_of(texts, mixed_unicode))
@example("أَحْمَدُ إلى آسيا ٱلقمة مستشفى مدرسة مؤتمر رئيس قائد")
@example("İstanbul ß ﷲ ﻻ")  # casefolding that lengthens; presentation forms
def test_normalize_never_fails_and_is_stable(text: str) -> None:
    norm = normalize(text)
    assert isinstance(norm, str)
    assert normalize(norm) == norm  # idempotent: a normalised key normalises to itself
    assert not set(norm) & set("أإآٱىةؤئ" + TASHKEEL + "\u200c\u200d")  # one spelling, no diacritics
    for token in norm.split()[:20]:
        readings = analyses(token)  # clitic segmentation of whatever a token is
        assert readings[0] == ("", token, "")  # the plain reading first
        assert all(stem and len(set(readings)) == len(readings) for _, stem, _ in readings)


# --- the reader and the extractor -------------------------------------------------------------------


def check_offsets(ex: Extraction) -> None:
    text = ex.document.text
    n = len(text)
    sentences = {s.index: s for s in ex.sentences}
    assert len(sentences) == len(ex.sentences)
    for s in ex.sentences:
        assert 0 <= s.start <= s.end <= n and text[s.start : s.end] == s.text
    for entity in ex.entities.values():
        for m in entity.mentions:
            assert 0 <= m.start < m.end <= n, (entity.key, m)
            assert text[m.start : m.end] == m.text, (entity.key, m)
            assert m.sentence in sentences
    for r in ex.relations:
        assert 0 <= r.start <= r.end <= n, r
        assert r.sentence in sentences, r
        s = sentences[r.sentence]
        assert s.start <= r.start and r.end <= s.end, (r, s)  # the evidence sentence holds the trigger
        assert r.subject in ex.entities and r.object in ex.entities, r
        assert r.modality in MODALITIES


def extract_or_refuse(text: str, lang: str | None) -> Extraction | None:
    try:
        ex = extract_text(text, lang=lang)
    except ExtractionError as err:
        assert str(err) and "\n" not in str(err)  # a one-line message
        return None
    check_offsets(ex)
    return ex


# English texts that end on a gazetteer name that is not a person: the title lookup after the name must
# not read past the last token (this crashed once in lookup.Trie.match).
ENDING_ON_A_NAME = [
    "China",
    "Talks with Japan",
    "Japanese Defense Minister Gen Nakatani met US Defense Secretary Pete Hegseth in Singapore",
    "Gen Nakatani met Pete Hegseth in Singapore on Saturday.\nReuters, Tokyo",  # a dateline at the end
]


@pytest.mark.parametrize("text", ENDING_ON_A_NAME)
def test_english_text_ending_on_a_place_or_country_name(text: str) -> None:
    check_offsets(extract_text(text, lang="en"))


@SETTINGS
@given(texts)
@example(ARTICLE_AR + ARTICLE_EN)
@example("التقى\u064e الرئيسُ " * 3 + "\u202e" + ARTICLE_AR)
def test_arabic_extraction_of_random_text(text: str) -> None:
    extract_or_refuse(text, "ar")


@SETTINGS
@given(texts)
@example(ARTICLE_EN.replace(" ", "\u00a0"))
@example("Gen Nakatani met Pete Hegseth" + "\x00" * 3 + " in Singapore. He did not meet \"Japan\".")
def test_english_extraction_of_random_text(text: str) -> None:
    extract_or_refuse(text, "en")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(texts, mixed_unicode))
def test_detected_language_extraction_of_random_text(text: str) -> None:
    extract_or_refuse(text, None)


@SETTINGS
@given(mixed_unicode, st.sampled_from([None, "ar", "en"]))
@example("\ud800 lone surrogate", "en")
def test_reading_random_text_gives_clean_text_or_a_message(text: str, lang: str | None) -> None:
    try:
        doc = make_document(text, lang=lang, source="random.txt")
    except ExtractionError as err:
        assert str(err).startswith("random.txt: ") or "not supported" in str(err)
        return
    assert doc.lang in ("ar", "en") and doc.text.strip()
    assert not set(doc.text) & set(CONTROLS) - {"\u200b"}  # controls and bidi marks are gone
    assert not any("\ud800" <= c <= "\udfff" for c in doc.text)  # and lone surrogates: the text encodes
    doc.text.encode("utf-8")
