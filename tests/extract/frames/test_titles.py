"""Titles and appositions (core/titles.py) on hand-made sentences: background relations, always asserted."""

from __future__ import annotations

import pytest

from tests.extract.frames.handmade import run

CASES = [
    ("en", "[Japanese Defense Minister Gen Nakatani:Person:title=Defense Minister@Japan] spoke .",
     {("Japanese Defense Minister Gen Nakatani", "holdsPosition", "Defense Minister", "asserted"),
      ("Japanese Defense Minister Gen Nakatani", "affiliatedWith", "Japan", "asserted")}),
    ("en", "the [Ukrainian:State:adjmod] city of [Kharkiv:City:place=Ukraine] was hit .",
     {("Kharkiv", "locatedIn", "Ukraine", "asserted")}),
    ("en", "[Lashkar-e-Taiba:ArmedGroup] , a [Pakistan:State] - based group , spoke .",
     {("Lashkar-e-Taiba", "locatedIn", "Pakistan", "asserted")}),
    # membership (frame member): "X, a NATO member"; "became NATO's 32nd member"
    ("en", "[Finland:State] , a [NATO:InternationalOrganization] member , spoke .",
     {("Finland", "memberOf", "NATO", "asserted")}),
    ("en", "[Sweden:State] became [NATO:InternationalOrganization] 's 32nd member .",
     {("Sweden", "memberOf", "NATO", "asserted")}),
    # وفد حماس برئاسة X: the head of an actor's delegation is with that actor
    ("ar", "وصل وفد [حماس:ArmedGroup] برئاسة [خليل الحية:Person] .",
     {("خليل الحية", "affiliatedWith", "حماس", "asserted")}),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "spec", "expected"), CASES)
def test_background(lang: str, spec: str, expected: set[tuple[str, str, str, str]]) -> None:
    assert run(lang, spec) == expected


def test_a_title_in_a_heading_is_still_stated() -> None:
    # titles are background: they hold whatever the sentence's modality
    found = run("en", "[Prime Minister Sanae Takaichi:Person:title=Prime Minister@Japan] may visit [China:State] .")
    assert ("Prime Minister Sanae Takaichi", "holdsPosition", "Prime Minister", "asserted") in found
    assert ("Prime Minister Sanae Takaichi", "visited", "China", "hedged") in found
