"""A promised act is coded as the intent to do it, a refused one as a rejection; the claim keeps its modality."""

from __future__ import annotations

from actorgraph.extract.intent import code_intents, code_refusals
from actorgraph.extract.records import Document, Extraction, Relation, Sentence


def _rel(plover: str, modality: str) -> Relation:
    return Relation("a", "x", "b", 0, 0, 1, "test", modality, plover)  # type: ignore[arg-type]


def test_future_acts_become_intents_and_facts_stay() -> None:
    x = Extraction(Document("d", "text", "en"))
    x.relations = [_rel("AID", "future"), _rel("ASSAULT", "future"), _rel("AID", "asserted"), _rel("ACCUSE", "future")]
    code_intents(x)
    assert [r.plover for r in x.relations] == ["AGREE", "THREATEN", "AID", "ACCUSE"]
    assert [r.modality for r in x.relations] == ["future", "future", "asserted", "future"]


def _act(text: str, trigger: str, plover: str, modality: str = "negated", lang: str = "en") -> Extraction:
    start = text.index(trigger)
    x = Extraction(Document("d", text, lang), sentences=[Sentence(0, 0, len(text), text)])
    x.relations = [Relation("a", "x", "b", 0, start, start + len(trigger), "test", modality, plover)]  # type: ignore[arg-type]
    return x


def test_a_refused_act_is_a_rejection_and_stays_negated() -> None:
    cases = [
        ("Turkey refused to meet Greece.", "meet", "CONSULT", "REJECT"),
        ("Israel will not release the prisoners.", "release", "CONCEDE", "REJECT"),
        ("Mexico's president cancelled a planned visit to Washington.", "visit", "CONSULT", "REJECT"),
        ("Turkey did not meet Greece.", "meet", "CONSULT", "CONSULT"),  # no refusal, no event of its own
        ("Russia refused to attack Ukraine.", "attack", "ASSAULT", "ASSAULT"),  # no rejection to refuse force
        ("Iran refused the offer, and did not meet Oman.", "meet", "CONSULT", "CONSULT"),  # another clause
    ]
    for text, trigger, plover, expected in cases:
        x = _act(text, trigger, plover)
        code_refusals(x)
        assert (x.relations[0].plover, x.relations[0].modality) == (expected, "negated"), text


def test_only_negated_acts_are_refusals() -> None:
    x = _act("Turkey refused to meet Greece.", "meet", "CONSULT", modality="hedged")  # only negated or planned
    code_refusals(x)
    assert x.relations[0].plover == "CONSULT"


def test_a_cancelled_plan_is_a_rejection_and_negated() -> None:
    x = _act("The prime minister cancelled a planned visit to Washington.", "visit", "CONSULT", modality="future")
    code_refusals(x)
    assert (x.relations[0].plover, x.relations[0].modality) == ("REJECT", "negated")
    x = _act("The prime minister planned a visit to Washington.", "visit", "AGREE", modality="future")
    code_refusals(x)
    assert (x.relations[0].plover, x.relations[0].modality) == ("AGREE", "future")
