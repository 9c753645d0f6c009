"""The nominal frame (core/nominal.py): act nouns with an attached agent, talks between parties, gatherings."""

from __future__ import annotations

import pytest

from tests.extract.frames.handmade import run

CASES = [
    ("en", "[Russia:State] 's invasion of [Ukraine:State] continued .", {("Russia", "attacked", "Ukraine")}),
    ("en", "[Israeli:State:adj] strikes on [Qatar:State] continued .", {("Israeli", "attacked", "Qatar")}),
    ("en", "[Macron:Person] 's visit to [Egypt:State] ended .", {("Macron", "visited", "Egypt")}),
    # زيارة X إلى Y, الحرب الروسية على أوكرانيا: the agent follows the noun
    ("ar", "زيارة [ماكرون:Person] إلى [مصر:State] .", {("ماكرون", "visited", "مصر")}),
    ("ar", "الحرب [الروسية:State:adj] على [أوكرانيا:State] مستمرة .", {("الروسية", "attacked", "أوكرانيا")}),
    # "talks between X and Y": the parties pair up; two persons holding talks met
    ("en", "talks between [Rubio:Person] and [Lavrov:Person] ended .", {("Rubio", "met", "Lavrov")}),
    ("en", "talks between [Iran:State] and [Israel:State] ended .", {("Iran", "negotiatedWith", "Israel")}),
    ("ar", "محادثات بين [روبيو:Person] [ولافروف:Person&] .", {("روبيو", "met", "ولافروف")}),
    # indirect talks are no meeting
    ("en", "indirect talks between [Rubio:Person] and [Lavrov:Person] ended .",
     {("Rubio", "negotiatedWith", "Lavrov")}),
    # a hypothetical act has no agent: "any attack"
    ("en", "to prevent any [Russian:State:adjmod] attack on [Ukraine:State] .", set()),
    ("ar", "لمنع أي هجوم [روسي:State:adj] على [أوكرانيا:State] .", set()),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "spec", "expected"), CASES)
def test_nominal(lang: str, spec: str, expected: set[tuple[str, str, str]]) -> None:
    assert {(s, r, o) for s, r, o, _m in run(lang, spec)} == expected


def test_hosted_talks_are_an_event_of_the_parties_states() -> None:
    found = run("en", "[Malaysia:State] hosted talks between [Cambodia:State] and [Thailand:State] .")
    assert ("Cambodia", "negotiatedWith", "Thailand", "asserted") in found
    assert ("Malaysia", "hosted", "Cambodia-Thailand talks", "asserted") in found
