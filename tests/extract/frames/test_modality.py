"""Reported speech and the scope of modality (core/modality.py) on hand-made sentences."""

from __future__ import annotations

import pytest

from tests.extract.frames.handmade import run

CASES = [
    ("en", "[Iran:State] may attack [Israel:State] .", ("Iran", "attacked", "Israel", "hedged")),
    ("en", "[Iran:State] did not attack [Israel:State] .", ("Iran", "attacked", "Israel", "negated")),
    ("en", "[Iran:State] will attack [Israel:State] .", ("Iran", "attacked", "Israel", "future")),
    ("en", "[Iran:State] attacked [Israel:State] .", ("Iran", "attacked", "Israel", "asserted")),
    # قد + present: hedged; the future prefix س: future
    ("ar", "قد تهاجم [إيران:State] [إسرائيل:State] .", ("إيران", "attacked", "إسرائيل", "hedged")),
    ("ar", "ستهاجم [إيران:State] [إسرائيل:State] .", ("إيران", "attacked", "إسرائيل", "future")),
    # the verb between a noun and its parties gives the talks its mood
    ("en", "talks may be held between [Iran:State] and [Israel:State] .",
     ("Iran", "negotiatedWith", "Israel", "hedged")),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "spec", "expected"), CASES)
def test_modality(lang: str, spec: str, expected: tuple[str, str, str, str]) -> None:
    assert run(lang, spec) == {expected}


def test_reported_speech() -> None:
    # attribution to unnamed sources covers the sentence, before or after the claim
    assert run("en", "According to sources , [Iran:State] attacked [Israel:State] .") == {
        ("Iran", "attacked", "Israel", "hedged")
    }
    assert run("en", "[Iran:State] attacked [Israel:State] , according to sources .") == {
        ("Iran", "attacked", "Israel", "hedged")
    }
    # what someone is accused of is the accuser's claim, not a fact
    assert run("en", "[Iran:State] accused [Israel:State] of attacking [Syria:State] .") == {
        ("Iran", "accused", "Israel", "asserted"),
        ("Israel", "attacked", "Syria", "hedged"),
    }
