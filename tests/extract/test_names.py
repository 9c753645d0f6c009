"""Honorifics are never part of a name; a surname alone is the person named in full in the document."""

from __future__ import annotations

import pytest

from actorgraph.extract.names import clean_names, join_surnames, strip_honorifics
from actorgraph.extract.records import Document, Entity, Extraction, Mention, Relation


@pytest.mark.parametrize(
    ("name", "lang", "expected"),
    [
        ("Honorable Marco Rubio", "en", "Marco Rubio"),
        ("The Honourable Jane Doe", "en", "Jane Doe"),
        ("H.E. Mr. Abdullah Saleh", "en", "Abdullah Saleh"),
        ("His Royal Highness Prince Faisal", "en", "Prince Faisal"),
        ("Mr.", "en", "Mr."),  # nothing left would be no name: kept
        ("Marco Rubio", "en", "Marco Rubio"),
        ("معالي خالد الفلاني", "ar", "خالد الفلاني"),
        ("صاحب السمو الملكي الأمير فيصل", "ar", "الأمير فيصل"),
        ("سمو الأمير فيصل", "ar", "الأمير فيصل"),
    ],
)
def test_strip_honorifics(name: str, lang: str, expected: str) -> None:
    assert strip_honorifics(name, lang) == expected


def _extraction(*entities: Entity, relations: tuple[Relation, ...] = ()) -> Extraction:
    ex = Extraction(Document("d", "text", "en"))
    ex.entities = {e.key: e for e in entities}
    ex.relations = list(relations)
    return ex


def test_an_honorific_name_and_the_plain_one_are_one_person() -> None:
    honorable = Entity("new:Person:honorable marco rubio", "Person", "Honorable Marco Rubio",
                       mentions=[Mention(0, 21, "Honorable Marco Rubio", 0)])  # fmt: skip
    known = Entity("gaz:person-marco-rubio", "Person", "Marco Rubio", mentions=[Mention(40, 51, "Marco Rubio", 1)])
    japan = Entity("gaz:country-jpn", "State", "Japan")
    rel = Relation(honorable.key, "visited", japan.key, 0, 22, 29, rule="test")
    ex = _extraction(honorable, known, japan, relations=(rel,))
    clean_names(ex)
    assert set(ex.entities) == {known.key, japan.key}
    assert ex.relations[0].subject == known.key
    assert [m.start for m in ex.entities[known.key].mentions] == [0, 40]


def test_an_unknown_person_loses_the_honorific_and_keeps_a_name() -> None:
    person = Entity("new:Person:h.e. jane doeman", "Person", "H.E. Jane Doeman", aliases=["Honorable Jane Doeman"])
    ex = _extraction(person)
    clean_names(ex)
    assert ex.entities[person.key].label_en == "Jane Doeman" and ex.entities[person.key].aliases == []


def test_a_surname_alone_joins_the_full_name() -> None:
    full = Entity("new:Person:lloyd kaplowitz", "Person", "Lloyd Kaplowitz")
    bare = Entity("new:Organization:kaplowitz", "Organization", "Kaplowitz")  # a model typed it an organisation
    iran = Entity("gaz:country-irn", "State", "Iran")
    ex = _extraction(full, bare, iran, relations=(Relation(bare.key, "criticized", iran.key, 1, 0, 5, rule="t"),))
    join_surnames(ex)
    assert set(ex.entities) == {full.key, iran.key}
    assert ex.relations[0].subject == full.key and "Kaplowitz" in ex.entities[full.key].aliases


def test_a_surname_two_people_share_stays_apart() -> None:
    a = Entity("new:Person:lloyd kaplowitz", "Person", "Lloyd Kaplowitz")
    b = Entity("new:Person:ruth kaplowitz", "Person", "Ruth Kaplowitz")
    bare = Entity("new:Person:kaplowitz", "Person", "Kaplowitz")
    ex = _extraction(a, b, bare)
    join_surnames(ex)
    assert set(ex.entities) == {a.key, b.key, bare.key}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Odin Sanchez met Emmanuel Macron in Paris on Monday.", False),  # another person with that surname
        ("On Monday Sanchez met Emmanuel Macron in Paris.", True),  # a known surname alone is the person
        ("Spanish Prime Minister Pedro Sanchez met Emmanuel Macron in Paris.", True),
    ],
)
def test_a_known_surname_after_another_given_name_is_someone_else(text: str, expected: bool) -> None:
    from actorgraph.extract import extract_text

    labels = {e.label_en for e in extract_text(text, lang="en", model="none").entities.values()}
    assert ("Pedro Sánchez" in labels) is expected, labels


def test_a_city_name_that_begins_a_longer_name_is_not_cut_out_of_it() -> None:
    from actorgraph.extract import extract_text

    def cities(text: str) -> set[str]:
        return {e.label_en for e in extract_text(text, lang="en", model="none").entities.values() if e.type == "City"}

    assert "New York" not in cities("The New York Times criticized the Turkish government on Monday.")
    assert "Mosul" in cities("Gunmen attacked a police station in Mosul on Monday.")
