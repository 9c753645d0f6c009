"""Every example query in queries/ runs on a small hand-built graph and returns the rows it should."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import make_ar, make_en

from actorgraph.graph.store import GraphStore, ingest, open_store

QUERIES = Path(__file__).resolve().parents[2] / "queries"
Rows = list[dict[str, str]]


@pytest.fixture(scope="module")
def store() -> GraphStore:
    s = open_store("memory")
    ingest(s, [make_en(), make_ar()])
    return s


def run(store: GraphStore, name: str) -> Rows:
    text = (QUERIES / f"{name}.rq").read_text(encoding="utf-8")
    return [{k: ("" if v is None else str(v)) for k, v in row.items()} for row in store.select(text)]


def who_met_whom(rows: Rows) -> None:
    assert rows == [{"a_label": "Gen Nakatani", "b_label": "Pete Hegseth", "sentences": "2"}]


def actor_profile(rows: Rows) -> None:
    got = {(r["direction"], r["relation"], r["other_label"], r["modality"]) for r in rows}
    assert ("out", "met", "Pete Hegseth", "asserted") in got
    assert ("out", "holdsPosition", "Minister of Defense of Japan", "asserted") in got
    assert {r["sentence"] for r in rows if r["relation"] == "met"} == {
        "Japanese Defense Minister Gen Nakatani and US Defense Secretary Pete Hegseth met in Singapore.",
        "التقى وزير الدفاع الياباني جين ناكاتاني ووزير الدفاع الأمريكي بيت هيجسيث في سنغافورة.",
    }


def positions_held(rows: Rows) -> None:
    assert rows == [{"person_label": "Gen Nakatani", "position_label": "Minister of Defense of Japan",
                     "country": "JPN"}]


def actors_by_country(rows: Rows) -> None:
    got = {(r["country"], r["type"], r["label_en"], r["label_ar"]) for r in rows}
    assert got == {
        ("JPN", "State", "Japan", "اليابان"),
        ("JPN", "Person", "Gen Nakatani", "جين ناكاتاني"),
        ("USA", "Person", "Pete Hegseth", "بيت هيجسيث"),
        ("USA", "State", "United States", "الولايات المتحدة"),
    }
    assert len(rows) == len(got)


def laws_passed(rows: Rows) -> None:
    assert rows == [{"actor_label": "Japan", "relation": "passed",
                     "document_label": "Active Cyber Defense Law", "doc_type": "Law"}]


def statements_with_evidence(rows: Rows) -> None:
    assert len(rows) == 8
    ar = [r for r in rows if r["lang"] == "ar"]
    assert {(r["subject"], r["relation"], r["object"], r["rule"]) for r in ar} == {
        ("Gen Nakatani", "met", "Pete Hegseth", "ar.met.sym"),
        ("Pete Hegseth", "requested", "Japan", "ar.request"),
    }
    assert all(int(r["start"]) <= int(r["end"]) and r["source"].startswith("/corpus/") for r in rows)


def negated_and_hedged(rows: Rows) -> None:
    got = {(r["modality"], r["subject"], r["relation"], r["object"]) for r in rows}
    assert got == {
        ("negated", "Pete Hegseth", "requested", "Japan"),
        ("hedged", "Pete Hegseth", "visited", "Tokyo"),
        ("hedged", "Pete Hegseth", "requested", "Japan"),
    }


def merged_across_languages(rows: Rows) -> None:
    got = {(r["label_en"], r["label_ar"], r["documents"]) for r in rows}
    assert got == {
        ("Gen Nakatani", "جين ناكاتاني", "2"),
        ("Pete Hegseth", "بيت هيجسيث", "2"),
        ("Japan", "اليابان", "2"),
    }


def relations_by_plover_type(rows: Rows) -> None:
    got = {(r["plover"], r["modality"]): r["statements"] for r in rows}
    assert got == {("CONSULT", "asserted"): "2", ("CONSULT", "hedged"): "1", ("REQUEST", "hedged"): "1",
                   ("REQUEST", "negated"): "1"}


def documents(rows: Rows) -> None:
    got = {(r["location"], r["lang"], r["date"], r["sentences"], r["statements"]) for r in rows}
    assert got == {
        ("/corpus/ar/nakatani.txt", "ar", "2025-05-31", "2", "2"),
        ("/corpus/en/nakatani.txt", "en", "2025-05-31", "4", "6"),
    }


def most_active_actors(rows: Rows) -> None:
    got = {r["label"]: (r["relations"], r["partners"]) for r in rows}
    # Asserted facts on either side (the hedged and negated requests are no facts); the law is no actor.
    assert got == {"Gen Nakatani": ("2", "2"), "Pete Hegseth": ("1", "1"), "Japan": ("2", "2")}


def who_holds_what_in_a_country(rows: Rows) -> None:
    assert rows == [{"person_label": "Gen Nakatani", "position_label": "Minister of Defense of Japan"}]


CHECKS: dict[str, Callable[[Rows], None]] = {
    f.__name__: f
    for f in (who_met_whom, actor_profile, positions_held, actors_by_country, laws_passed,
              statements_with_evidence, negated_and_hedged, merged_across_languages, relations_by_plover_type,
              documents, most_active_actors, who_holds_what_in_a_country)
}  # fmt: skip


def test_every_query_file_has_a_check() -> None:
    files = {p.stem for p in QUERIES.glob("*.rq")}
    assert len(files) >= 10
    assert files == set(CHECKS)


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_query(store: GraphStore, name: str) -> None:
    CHECKS[name](run(store, name))
