"""Actor codes as event-data users know them, measured on the PLOVER development sentences.

Every exported person or organisation actor whose country is named in its sentence has a code and a
sector, for at least 90% of them. "Whose country is named" is read from the gold record, not from our
extraction: a gold actor with a country code whose text shares a name word with our actor, and whose
country's name, alias or demonym (from the gazetteer) is written in the actor's own phrase as the gold
marks it ("British Defence Secretary Tom King", "Iraq's Al-Qaeda frontman"). Where the country is only
named elsewhere in the sentence ("Opposition groups in Zimbabwe are demanding that President Mugabe ...")
the issue's literal reading, the same floor holds too (a second test).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from actorgraph.extract import extract_text
from actorgraph.graph.export import plover_events
from actorgraph.graph.store import ingest, open_store
from actorgraph.ontology.gazetteer import load_gazetteer

DEV = Path(__file__).resolve().parents[2].parent / "shared" / "dev" / "PLOVER_GSR_CAMEO.dev.json"
ORGANISATIONS = ("Person", "Organization", "GovernmentBody", "MilitaryOrganization", "ArmedGroup")
FLOOR = 0.90


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if len(w) >= 4}


def _names(iso3: str) -> list[str]:
    entry = load_gazetteer().country(iso3)
    if entry is None:
        return []
    return [n for n in (entry.label_en, *entry.aliases_en, *entry.demonyms_en) if n]


def _named(sentence: str, iso3: str) -> bool:
    return any(re.search(rf"\b{re.escape(n)}", sentence) for n in _names(iso3))


@pytest.fixture(scope="module")
def measured() -> tuple[int, int, int, list[str], tuple[int, int]]:
    if not DEV.exists():
        pytest.skip(f"{DEV} is missing (the shared development sets sit beside the checkout)")
    records = [r for r in json.loads(DEV.read_text(encoding="utf-8")) if r.get("text") and r.get("event") != "DOCUMENT"]
    store = open_store("memory")
    by_source: dict[str, dict] = {}
    extractions = []
    for i, record in enumerate(records):
        source = f"/plover-dev/r{i:05d}.txt"
        by_source[source] = record
        extractions.append(extract_text(record["text"], lang="en", source=source))
    ingest(store, extractions)
    # A party the text does not name (an incident's unidentified victims, an act's unidentified counterpart) has
    # no phrase of its own: it is no actor whose country its phrase names, whatever its label says.
    stand_ins = {e.label_en for x in extractions for e in x.entities.values() if e.stand_in}
    counted = coded = agree = 0
    loose = [0, 0]
    misses: list[str] = []
    for event in plover_events(store):
        record = by_source[Path(event["source"]["location"]).as_posix()]
        gold = [g for key in ("source", "target") for g in (record.get(key) or []) if isinstance(g, dict)]
        for actor in event["actor"] + event["recipient"]:
            if actor["type"] not in ORGANISATIONS or actor["text"] in stand_ins:
                continue
            code = str(next((g.get("code") for g in gold if _words(actor["text"]) & _words(g.get("actorText", ""))),
                            "") or "")[:3]
            if not re.fullmatch(r"[A-Z]{3}", code) or not _named(record["text"], code):
                continue
            phrase = next(g["actorText"] for g in gold if _words(actor["text"]) & _words(g.get("actorText", "")))
            has_code = bool(actor["code"] and actor["sector"])
            loose[0] += 1
            loose[1] += has_code
            if not _named(phrase, code):
                continue
            counted += 1
            if has_code:
                coded += 1
                agree += actor["code"] == code
            else:
                misses.append(f"{actor['text']} ({code}): {record['text'][:100]}")
    print(f"\ncountry named anywhere in the sentence: {loose[1]}/{loose[0]} coded with a sector")
    return counted, coded, agree, misses, (loose[0], loose[1])


def test_person_and_organisation_actors_carry_a_code_and_a_sector(
    measured: tuple[int, int, int, list[str], tuple[int, int]],
) -> None:
    counted, coded, agree, misses, _loose = measured
    print(f"\ncountry named in the actor's phrase: {coded}/{counted} coded with a sector, {agree} with the gold "
          f"country; missed: {misses}")
    assert counted >= 10, "too few actors to measure: the matching of gold actors broke"
    assert coded / counted >= FLOOR, misses


def test_the_codes_are_the_gold_countries(measured: tuple[int, int, int, list[str], tuple[int, int]]) -> None:
    counted, coded, agree, _, _loose = measured
    assert agree >= 0.8 * coded


def test_actors_whose_country_is_named_anywhere_in_the_sentence(
    measured: tuple[int, int, int, list[str], tuple[int, int]],
) -> None:
    """The issue's literal reading: the country is named somewhere in the sentence."""
    total, coded = measured[4]
    assert total >= 10 and coded / total >= FLOOR, (coded, total)
