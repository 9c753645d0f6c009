"""CAMEO codes of event actors: sectors from head words (specific first), offices held at the event's date,
states named with a person, IGO codes through partOf."""

from __future__ import annotations

import pytest

from actorgraph.extract import extract_text
from actorgraph.extract.codes import body_code, text_sector
from actorgraph.ontology.gazetteer import load_gazetteer


@pytest.mark.parametrize(
    ("lang", "text", "sector"),
    [
        ("en", "Iraqi police forces", "COP"),
        ("en", "rebel leader", "REB"),
        ("en", "opposition leader", "OPP"),
        ("en", "Defense Minister", "GOV"),
        ("en", "army commander", "MIL"),
        ("en", "Supreme Court", "JUD"),
        ("en", "Gen Nakatani", ""),
        ("ar", "قوات الشرطة العراقية", "COP"),
        ("ar", "وزير الخارجية", "GOV"),
        ("ar", "والجيش", "MIL"),  # through its clitics
    ],
)
def test_text_sector(lang: str, text: str, sector: str) -> None:
    assert text_sector(lang, text) == sector


def test_igo_codes_of_un_organs_come_from_the_un() -> None:
    gaz = load_gazetteer()
    assert body_code(gaz.entries["gaz:un-security-council"]) == ("IGOUNO", "")
    assert body_code(gaz.entries["gaz:osce"])[0] == "IGO"


def _codes(text: str, date: str) -> list[tuple[str, str, str, str, str]]:
    ex = extract_text(text, lang="en", date=date, model="none")
    return [(r.relation, r.subject_code, r.subject_sector, r.object_code, r.object_sector) for r in ex.relations
            if r.plover]  # fmt: skip


def test_a_person_is_coded_by_the_office_held_at_the_event_date() -> None:
    assert _codes("Donald Trump criticized China on Saturday.", "2019-05-06") == [
        ("criticized", "USAGOV", "GOV", "CHN", "")]
    held_none = _codes("Donald Trump criticized China on Saturday.", "2022-05-06")
    assert held_none == [("criticized", "USA", "", "CHN", "")]  # his country, no office that day


def test_states_named_as_their_forces_or_government_carry_the_sector() -> None:
    assert _codes("Chinese troops attacked Indian soldiers.", "2020-06-16") == [
        ("attacked", "CHNMIL", "MIL", "INDMIL", "MIL")]
    assert _codes("The Russian government criticized Japan.", "2020-06-16") == [
        ("criticized", "RUSGOV", "GOV", "JPN", "")]


def test_a_state_and_title_before_a_name_code_the_person() -> None:
    """A person the finder links to nothing ("South African leader F.W. de Klerk", found by a model)."""
    from actorgraph.extract.codes import assign_codes
    from actorgraph.extract.records import Document, Entity, Extraction, Mention, Relation

    text = "South African leader F.W. de Klerk met Japan's foreign minister. President Abi spoke."
    ex = Extraction(Document("d", text, "en"))
    ex.entities = {
        "gaz:country-zaf": Entity("gaz:country-zaf", "State", "South Africa", country="ZAF",
                                  mentions=[Mention(0, 13, "South African", 0)]),
        "new:Person:f.w. de klerk": Entity("new:Person:f.w. de klerk", "Person", "F.W. de Klerk",
                                           mentions=[Mention(21, 34, "F.W. de Klerk", 0)]),
        "gaz:country-jpn": Entity("gaz:country-jpn", "State", "Japan", country="JPN",
                                  mentions=[Mention(39, 44, "Japan", 0)]),
        "new:Person:abi": Entity("new:Person:abi", "Person", "Abi", mentions=[Mention(65, 78, "President Abi", 1)]),
    }  # fmt: skip
    ex.relations = [Relation("new:Person:f.w. de klerk", "met", "gaz:country-jpn", 0, 35, 38, rule="t"),
                    Relation("new:Person:abi", "met", "gaz:country-jpn", 1, 79, 84, rule="t")]  # fmt: skip
    assign_codes(ex)
    assert (ex.relations[0].subject_code, ex.relations[0].subject_sector) == ("ZAFGOV", "GOV")
    assert (ex.relations[1].subject_code, ex.relations[1].subject_sector) == ("", "GOV")  # a title, no country
