"""The verbal frame (core/verbal.py): agent, trigger, patient; the passive; the subject a verb carries; the
trigger row's exceptions."""

from __future__ import annotations

import pytest

from actorgraph.ontology.lexicon import _exceptions, triggers
from tests.extract.frames.handmade import run

CASES = [
    ("en", "[Trump:Person] met [Putin:Person] .", {("Trump", "met", "Putin")}),
    ("ar", "التقى [ماكرون:Person] [بترامب:Person] .", {("ماكرون", "met", "بترامب")}),  # verb first, partner after ب
    ("en", "[Iran:State] was sanctioned by the [United States:State] .", {("United States", "sanctioned", "Iran")}),
    # the subject a verb carries: a pronoun, a relative pronoun's antecedent, the clause before
    ("en", "[Trump:Person] arrived . He met [Putin:Person] .", {("Trump", "met", "Putin")}),
    ("en", "[Karin Keller-Sutter:Person] , who met [Scott Bessent:Person] , spoke .",
     {("Karin Keller-Sutter", "met", "Scott Bessent")}),
    ("en", "[Trump:Person] visited [Japan:State] and met [Sanae Takaichi:Person] .",
     {("Trump", "visited", "Japan"), ("Trump", "met", "Sanae Takaichi")}),
    # exceptions of the trigger rows: "warned of" is no threat, a phone call is no meeting
    ("en", "[Iran:State] warned of an attack on [Israel:State] .", set()),
    ("en", "[Iran:State] warned [Israel:State] .", {("Iran", "threatened", "Israel")}),
    ("en", "[Trump:Person] met [Putin:Person] by phone .", set()),
    ("ar", "بحث [ماكرون:Person] هاتفيا مع [ترامب:Person] .", set()),
    # "X and Y welcomed the deal": a direct object, they did not meet
    ("en", "[Egypt:State] and [Jordan:State] welcomed the deal .", set()),
    # a dropped subject: a coordinated verb takes the subject of the clause before; agreement decides
    ("ar", "زار [ماكرون:Person] [مصر:State] ، والتقى [السيسي:Person] .",
     {("ماكرون", "visited", "مصر"), ("ماكرون", "met", "السيسي")}),
    ("ar", "التقى [ماكرون:Person] [السيسي:Person] ، واتهم [روسيا:State] بالتصعيد .",
     {("ماكرون", "met", "السيسي"), ("ماكرون", "accused", "روسيا")}),  # اتهم is masculine: Russia is the object
    ("ar", "اتهمت [روسيا:State] [أوكرانيا:State] .", {("روسيا", "accused", "أوكرانيا")}),  # verb first
    # a word with two rows (استقبل: received = met and hosted) takes both
    ("ar", "استقبل [السيسي:Person] [ماكرون:Person] .", {("السيسي", "met", "ماكرون"), ("السيسي", "hosted", "ماكرون")}),
    # a gapped trigger whose inner noun is a document: the verb acts on it by its own row (adopt: passed)
    ("en", "The [EU:InternationalOrganization] adopted a [16th package of sanctions:Document] against [Russia:State] .",
     {("EU", "passed", "16th package of sanctions"), ("EU", "sanctioned", "Russia")}),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "spec", "expected"), CASES)
def test_verbal(lang: str, spec: str, expected: set[tuple[str, str, str]]) -> None:
    assert {(s, r, o) for s, r, o, _m in run(lang, spec)} == expected


def test_exceptions_are_trigger_columns() -> None:
    warn = next(r for r in triggers("en") if r.relation == "threatened" and "warn" in r.forms)
    assert ("followed-by", "of") in warn.exceptions
    meetings = [r for r in triggers("ar") if r.relation == "met" and r.frame == "sym"]
    assert meetings and all(("clause-has", "rel phone") in r.exceptions for r in meetings)
    with pytest.raises(ValueError, match="trigger exception"):
        _exceptions("preceded-by:the")


def test_a_language_without_a_grammar_module_gets_the_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    from actorgraph.extract.core import context
    from actorgraph.extract.core.grammar import Grammar

    def missing(self: object, name: str) -> object:
        raise ModuleNotFoundError(name=f"actorgraph.extract.lang.en.{name}")

    context.grammar_class.cache_clear()
    monkeypatch.setattr("actorgraph.extract.lang.Profile.part", missing)
    try:
        assert context.grammar_class("en") is Grammar
        # the defaults still read an SVO sentence
        assert {(s, r, o) for s, r, o, _m in run("en", "[Trump:Person] met [Putin:Person] .")} == {
            ("Trump", "met", "Putin")
        }
    finally:
        monkeypatch.undo()
        context.grammar_class.cache_clear()
