"""The seed article in both languages: the triples the gold set requires, by their labels."""

from pathlib import Path

import pytest

from actorgraph.extract import extract_path

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def triples(path: Path) -> set[tuple[str, str, str, str]]:
    x = extract_path(path)
    return {(x.entities[r.subject].label, r.relation, x.entities[r.object].label, r.modality) for r in x.relations}


@pytest.mark.parametrize("name", ["000_18620a851a5501f3.txt", "000_18620a851a5501f3.en.txt"])
def test_seed_core_triples(name: str) -> None:
    got = triples(SEEDS / name)
    for triple in [
        ("Gen Nakatani", "agreedWith", "Pete Hegseth", "asserted"),
        ("Gen Nakatani", "met", "Pete Hegseth", "asserted"),
        ("Gen Nakatani", "affiliatedWith", "Japan", "asserted"),
        ("Donald Trump", "holdsPosition", "President of the United States", "asserted"),
        ("Japan", "passed", "Active Cyber Defense law", "asserted"),
        ("Gen Nakatani", "attended", "Shangri-La Dialogue", "asserted"),
        ("Gen Nakatani", "expressedConcernAbout", "China", "asserted"),
    ]:
        assert triple in got, triple


@pytest.mark.parametrize("name", ["000_18620a851a5501f3.txt", "000_18620a851a5501f3.en.txt"])
def test_seed_hedged_request_is_not_a_fact(name: str) -> None:
    got = triples(SEEDS / name)
    assert ("Pete Hegseth", "requested", "Japan", "asserted") not in got
    assert ("Pete Hegseth", "requested", "Japan", "hedged") in got


def test_boilerplate_gives_nothing() -> None:
    x = extract_path(SEEDS / "000_18620a851a5501f3.txt")
    assert all("عاجل" not in s.text and "تم نسخ الرابط" not in s.text for s in x.sentences)
    text = x.document.text
    for r in x.relations:
        assert 0 <= r.start < r.end <= len(text)
