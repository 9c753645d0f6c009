"""Entity resolution across documents and languages."""

from __future__ import annotations

import pytest
from conftest import make_ar, make_en

from actorgraph.extract.records import Document, Entity, Extraction
from actorgraph.graph.resolve import KnownEntity, normalize_name, resolve_entities, skeleton

BASE = "https://w3id.org/actorgraph/id/"


@pytest.mark.parametrize(
    ("latin", "arabic"),
    [
        ("Pete Hegseth", "بيت هيجسيث"),
        ("Pete Hegseth", "بيت هيغسيث"),
        ("Gen Nakatani", "جين ناكاتاني"),
        ("Shigeru Ishiba", "شيغيرو إيشيبا"),
        ("Donald Trump", "دونالد ترامب"),
        ("Mohammed bin Salman", "محمد بن سلمان"),
        ("Fatima", "فاطمة"),
    ],
)
def test_skeletons_agree_across_scripts(latin: str, arabic: str) -> None:
    assert skeleton(latin) == skeleton(arabic)


def test_skeletons_keep_different_names_apart() -> None:
    assert skeleton("Pete Hegseth") != skeleton("Gen Nakatani")
    assert skeleton("Donald Trump") != skeleton("Donald Tusk")


def test_normalize_name_folds_case_accents_and_arabic_spelling() -> None:
    assert normalize_name("  Recep Tayyip Erdoğan ") == "recep tayyip erdogan"
    assert normalize_name("إيشيبا") == normalize_name("ايشيبا")
    assert normalize_name("Shangri-La") == "shangri la"


def test_arabic_and_english_records_of_one_person_get_one_iri() -> None:
    en, ar = make_en(), make_ar()
    res = resolve_entities([en, ar])
    assert res.iri(0, "new:Person:pete hegseth") == res.iri(1, "new:Person:byt hyjsyth")
    assert res.iri(0, "new:Person:gen nakatani") == res.iri(1, "new:Person:jyn nakatany")
    iri = res.iri(0, "new:Person:pete hegseth")
    assert iri == BASE + "person-pete-hegseth"  # the English text names it
    assert res.label_en[iri] == "Pete Hegseth"
    assert res.label_ar[iri] == "بيت هيجسيث"
    assert res.iri(0, "new:Person:pete hegseth") != res.iri(0, "new:Person:gen nakatani")
    assert res.iri(0, "gaz:country-jpn") == res.iri(1, "gaz:country-jpn") == BASE + "country-jpn"


def test_order_of_documents_does_not_change_the_iris() -> None:
    a = resolve_entities([make_en(), make_ar()])
    b = resolve_entities([make_ar(), make_en()])
    assert a.iri(0, "new:Person:pete hegseth") == b.iri(1, "new:Person:pete hegseth")


def _one(key: str, type_: str, en: str, ar: str = "", country: str = "", lang: str = "en") -> Extraction:
    doc = Document(id=key, text="x", lang=lang, source=f"/x/{key}-{en}.txt")
    return Extraction(doc, entities={key: Entity(key, type_, en, ar, country=country)})


def test_conflicting_countries_and_types_do_not_merge() -> None:
    res = resolve_entities(
        [
            _one("new:GovernmentBody:mod", "GovernmentBody", "Ministry of Defense", country="JPN"),
            _one("new:GovernmentBody:mod", "GovernmentBody", "Ministry of Defense", country="USA"),
            _one("new:Person:jordan", "Person", "Jordan"),
            _one("new:State:jordan", "State", "Jordan"),
        ]
    )
    assert res.iri(0, "new:GovernmentBody:mod") != res.iri(1, "new:GovernmentBody:mod")
    assert res.iri(0, "new:GovernmentBody:mod").endswith("governmentbody-jpn-ministry-of-defense")
    assert res.iri(2, "new:Person:jordan") != res.iri(3, "new:State:jordan")


def test_gazetteer_ids_never_merge_with_each_other() -> None:
    a = _one("gaz:country-prk", "State", "North Korea")
    b = _one("gaz:country-kor", "State", "North Korea")  # same name, different ids: trust the ids
    res = resolve_entities([a, b])
    assert res.iri(0, "gaz:country-prk") == BASE + "country-prk"
    assert res.iri(1, "gaz:country-kor") == BASE + "country-kor"


def test_one_document_keeps_the_extractors_distinctions() -> None:
    doc = Document(id="d", text="x", lang="en", source="/x/d.txt")
    ex = Extraction(doc, entities={
        "new:Person:a": Entity("new:Person:a", "Person", "Ali Hassan"),
        "new:Person:b": Entity("new:Person:b", "Person", "Ali Hasan"),
    })  # fmt: skip
    res = resolve_entities([ex])
    assert res.iri(0, "new:Person:a") != res.iri(0, "new:Person:b")


def test_bare_surname_joins_the_only_person_of_that_name() -> None:
    res = resolve_entities([_one("new:Person:n", "Person", "Nakatani"), make_en()])
    assert res.iri(0, "new:Person:n") == res.iri(1, "new:Person:gen nakatani")


def test_new_records_resolve_to_entities_already_in_the_store() -> None:
    known = [KnownEntity(BASE + "person-pete-hegseth", "Person", "Pete Hegseth", labels=["Hegseth"],
                         country="USA")]
    res = resolve_entities([make_ar()], known)
    assert res.iri(0, "new:Person:byt hyjsyth") == BASE + "person-pete-hegseth"
    assert res.label_en[BASE + "person-pete-hegseth"] == "Pete Hegseth"


def test_arabic_only_name_gets_a_hashed_ascii_slug() -> None:
    res = resolve_entities([_one("new:Person:x", "Person", "", "سعيد الغامدي", lang="ar")])
    iri = res.iri(0, "new:Person:x")
    assert iri.startswith(BASE + "person-x") and iri.isascii()
