"""Incidents: attacks, protests and arrests kept when a party is not named, with the frames' own modality."""

from __future__ import annotations

from actorgraph.extract import extract_text


def _incidents(text: str, lang: str = "en") -> list[tuple[str, str, str, str, str]]:
    x = extract_text(text, lang=lang, model="none")
    return [
        (x.entities[r.subject].label_en, r.relation, x.entities[r.object].label_en, r.modality, r.plover)
        for r in x.relations
        if r.rule.startswith("incident.")
    ]


def test_a_protest_without_a_target_is_against_the_government_where_it_happened() -> None:
    assert _incidents("Thousands of people demonstrated in Cairo on Friday.") == [
        ("Protesters (Egypt)", "protested", "Government (Egypt)", "asserted", "PROTEST")
    ]


def test_an_attack_with_no_named_party_is_an_unidentified_group_on_unidentified_victims() -> None:
    found = _incidents("Gunmen attacked a bus in Baghdad on Monday.")
    assert found == [
        ("Unidentified armed group (Iraq)", "attacked", "Unidentified victims (Iraq)", "asserted", "ASSAULT")
    ]


def test_a_named_agent_stays_and_a_place_is_not_a_party() -> None:
    found = _incidents("Serb forces killed three men in a village in southern Serbia on Friday.")
    assert [o for _s, _r, o, _m, _p in found] == ["Unidentified victims (Serbia)"]  # Serbia is the place
    assert not any(s.startswith("Unidentified") for s, *_x in found)  # the named agent stays


def test_purpose_and_capability_are_not_events() -> None:
    assert _incidents("Japan plans to acquire capabilities to strike enemy bases in China.") == []


def test_the_frames_mood_governs_an_incident() -> None:
    found = _incidents("Officials said police may have attacked protesters in Cairo.")
    assert found and all(m == "hedged" for *_x, m, _p in found)


def test_no_incident_where_the_frames_coded_the_sentence() -> None:
    x = extract_text("Russia attacked Ukraine in Kyiv on Monday.", lang="en", model="none")
    assert [r.rule for r in x.relations if r.plover == "ASSAULT"] and not any(
        r.rule.startswith("incident.") for r in x.relations
    )


def test_arabic_incident_after_an_occasion_word() -> None:
    found = _incidents("قتل 18 شخصا في انفجار في بغداد امس.", lang="ar")
    assert any(p == "ASSAULT" and "(Iraq)" in s for s, _r, _o, _m, p in found), found
