"""Coordination and lists (core/coordination.py) on hand-made sentences."""

from __future__ import annotations

import pytest

from tests.extract.frames.handmade import build, run

CASES = [
    # "X, Y and Z condemned": every conjunct is a subject
    ("en", "[Egypt:State] , [Jordan:State] and [Turkey:State] condemned [Israel:State] .",
     {("Egypt", "criticized", "Israel"), ("Jordan", "criticized", "Israel"), ("Turkey", "criticized", "Israel")}),
    # a headline list with no conjunction: three names of one type right before the verb
    ("en", "[Egypt:State] , [Jordan:State] , [Turkey:State] condemn [Israel:State]",
     {("Egypt", "criticized", "Israel"), ("Jordan", "criticized", "Israel"), ("Turkey", "criticized", "Israel")}),
    # an additive connective adds one more
    ("en", "[Qatar:State] , as well as [Egypt:State] , condemned [Israel:State] .",
     {("Qatar", "criticized", "Israel"), ("Egypt", "criticized", "Israel")}),
    # a clause comma is no list comma: France did not condemn Spain
    ("en", "[France:State] met [Germany:State] , and [Italy:State] condemned [Spain:State] .",
     {("France", "met", "Germany"), ("Italy", "criticized", "Spain")}),
    # كل من X وY: "each of" opens the list of a verb-first clause
    ("ar", "أدانت كل من [مصر:State] [والأردن:State&] بشدة [إسرائيل:State] .",
     {("مصر", "criticized", "إسرائيل"), ("والأردن", "criticized", "إسرائيل")}),
    # coordinated subjects of a symmetric verb pair up
    ("en", "[Egypt:State] and [Jordan:State] agreed .", {("Egypt", "agreedWith", "Jordan")}),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "spec", "expected"), CASES)
def test_lists(lang: str, spec: str, expected: set[tuple[str, str, str]]) -> None:
    assert {(s, r, o) for s, r, o, _m in run(lang, spec)} == expected


def test_group_and_clause_boundaries() -> None:
    f = build("en", "[Iran:State] , [Russia:State] , and [China:State] met , while [India:State] waited")
    iran = f.hit_at(0)
    assert iran is not None
    assert [f.ent.table[h.key].label_en for h in f.group_from(iran, len(f.toks))] == ["Iran", "Russia", "China"]
    comma = next(k for k, t in enumerate(f.toks) if t.text == "," and k > 5)
    assert f.boundary(comma)  # ", while": a clause ends here
    assert not f.boundary(1)  # the list comma after Iran
    assert f.clause_start(len(f.toks) - 1, 0) == comma + 2  # after ", while"
