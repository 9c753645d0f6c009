"""The statement frame (extract/core/statements.py): a first-person verb (ندين, نرحب, "we condemn") has the issuer of
the statement for subject: a speaker introduced before or after the quotation, the issuer of a statement named just
before, the author a statement heading names; with no issuer in reach, no relation."""

from __future__ import annotations

import pytest

from actorgraph.extract import extract_text
from tests.extract.frames.handmade import build

Triple = tuple[str, str, str, str]


def _triples(text: str, lang: str) -> list[Triple]:
    x = extract_text(text, lang=lang, model="none")
    return [
        (x.entities[r.subject].label_en, r.relation, x.entities[r.object].label_en, r.modality)
        for r in x.relations
        if r.plover
    ]


def _issued(text: str, lang: str) -> list[Triple]:
    x = extract_text(text, lang=lang, model="none")
    return [
        (x.entities[r.subject].label_en, r.relation, x.entities[r.object].label_en, r.modality)
        for r in x.relations
        if ".issuer" in r.rule
    ]


# -- English ---------------------------------------------------------------------------------------------------
def test_we_is_the_speaker_before_the_quotation() -> None:
    text = ('The Saudi foreign ministry said in a statement: "We strongly condemn the Israeli attack on Qatar '
            'and we urge the Security Council to act."')  # fmt: skip
    found = _triples(text, "en")
    assert ("Saudi Foreign Ministry", "criticized", "Israel", "asserted") in found
    assert ("Saudi Foreign Ministry", "requested", "UN Security Council", "asserted") in found
    assert not any(s == "Qatar" and r == "requested" for s, r, _o, _m in found)  # not the last actor named


def test_we_is_the_speaker_after_the_quotation() -> None:
    text = '"We condemn the Israeli attack on Qatar," the Saudi foreign ministry said on Tuesday.'
    assert _issued(text, "en") == [("Saudi Foreign Ministry", "criticized", "Israel", "asserted")]


def test_the_statement_heading_names_the_issuer() -> None:
    text = ("Statement by the Ministry of Foreign Affairs of Japan\n"
            "Japan welcomes the ceasefire. We support Ukraine and will stand with its people.")  # fmt: skip
    assert _issued(text, "en") == [("Japanese Foreign Ministry", "supported", "Ukraine", "asserted")]


def test_a_quote_by_another_actor_inside_the_statement_is_its_speakers() -> None:
    text = ("Statement by the Ministry of Foreign Affairs of Japan\n"
            'Russia said on Monday: "We support Iran." Japan regrets this.')  # fmt: skip
    assert _issued(text, "en") == [("Russia", "supported", "Iran", "asserted")]


def test_the_issuer_of_a_statement_named_in_the_sentence_before() -> None:
    text = 'Iran issued a statement on Sunday. "We strongly condemn the Israeli attack on Qatar."'
    assert _issued(text, "en") == [("Iran", "criticized", "Israel", "asserted")]


def test_negation_and_future_still_apply() -> None:
    assert _issued('Iran said: "We did not attack Israel."', "en") == [("Iran", "attacked", "Israel", "negated")]
    assert _issued('Germany said: "We will support Ukraine."', "en") == [("Germany", "supported", "Ukraine", "future")]


@pytest.mark.parametrize(
    "text",
    [
        "We support Ukraine.",  # no speaker at all
        'Iran attacked Israel. "We condemn the attack on Qatar," a source said.',  # a speaker we do not know
        'Iran said on Sunday that it was ready.\n"We support Ukraine."',  # the speaker is in another paragraph
    ],
)
def test_no_issuer_in_reach_no_relation(text: str) -> None:
    assert _issued(text, "en") == []
    assert not any(r == "supported" or (r == "criticized" and o == "Israel") for _s, r, o, _m in _triples(text, "en"))


# -- Arabic ----------------------------------------------------------------------------------------------------
def test_arabic_speaker_before_the_quotation() -> None:
    text = "وقال وزير الخارجية السعودي فيصل بن فرحان: «ندين الهجوم الإسرائيلي على قطر، ونرحب بقرار مجلس الأمن»."
    found = _issued(text, "ar")
    assert ("Faisal bin Farhan Al Saud", "criticized", "Israel", "asserted") in found


def test_arabic_the_statement_as_speaker_stands_for_its_issuer() -> None:
    text = "وأصدرت وزارة الخارجية القطرية بيانا. وأضاف البيان: «نطالب مجلس الأمن بالتحرك»."
    assert _issued(text, "ar") == [("Qatari Foreign Ministry", "requested", "UN Security Council", "asserted")]


def test_arabic_statement_heading() -> None:
    text = "بيان صادر عن وزارة الخارجية المصرية\nندين الهجوم الإسرائيلي على لبنان."
    assert _issued(text, "ar") == [("Egyptian Foreign Ministry", "criticized", "Israel", "asserted")]


def test_arabic_quote_by_another_actor_inside_the_statement() -> None:
    text = "بيان صادر عن وزارة الخارجية المصرية\nوقالت روسيا: «ندعم إيران» في هذه الحرب."
    assert _issued(text, "ar") == [("Russia", "supported", "Iran", "asserted")]


def test_arabic_negation_still_applies() -> None:
    text = "وقالت إيران في بيان: «لم نهاجم إسرائيل» الليلة الماضية."
    assert _issued(text, "ar") == [("Iran", "attacked", "Israel", "negated")]


def test_arabic_no_issuer_no_relation() -> None:
    # the speaker is "the ministry", no actor we know: neither the ministry nor Israel, the last actor named, asks
    text = "أدانت مصر الهجوم الإسرائيلي على قطر. وقالت مصادر: «ونطالب مجلس الأمن بالتحرك»."
    assert not any(r == "requested" for _s, r, _o, _m in _triples(text, "ar"))
    assert not any(r == "requested" for _s, r, _o, _m in _triples("ونطالب مجلس الأمن بالتحرك.", "ar"))


@pytest.mark.parametrize(
    ("spec", "first"),
    [
        ("ندين [إسرائيل:State]", True),  # the present with ن- of a listed يدين
        ("ونرحب ب [قطر:State]", True),  # with the conjunction on it
        ("يدين [إسرائيل:State]", False),  # the third person
        ("رحبنا ب [قطر:State]", True),  # the past with -نا
        ("اتهمنا [إيران:State]", False),  # an actor after it: "Iran accused us"
        ("ناصر [إيران:State]", False),  # a listed past (ناصر), not ن + اصر of يناصر
    ],
)
def test_arabic_first_person_forms_come_from_the_inflection_rule(spec: str, first: bool) -> None:
    f = build("ar", spec)
    trig = f.triggers(0, len(f.toks))[0]
    assert f.g.first_person(trig, 0, len(f.toks)) is first


@pytest.mark.parametrize(
    ("spec", "first"),
    [
        ("we strongly condemn [Israel:State]", True),
        ("We will support [Ukraine:State]", True),
        ("they condemn [Israel:State]", False),
        ("we condemn the attacks by [Russia:State]", False),  # attacks: a noun after the article, not our verb
    ],
)
def test_english_first_person_subjects(spec: str, first: bool) -> None:
    f = build("en", spec)
    trig = f.triggers(0, len(f.toks))[-1]
    assert f.g.first_person(trig, 0, len(f.toks)) is first


def test_a_definite_head_noun_speaker_is_the_one_actor_of_its_kind_named_before() -> None:
    text = 'The Saudi foreign ministry condemned the raid. The ministry said: "We support Qatar."'
    assert _issued(text, "en") == [("Saudi Foreign Ministry", "supported", "Qatar", "asserted")]
    text = "أدانت وزارة الخارجية السعودية الهجوم. وقالت الوزارة في بيان: «ونطالب مجلس الأمن بالتحرك» فورا."
    assert _issued(text, "ar") == [("Saudi Foreign Ministry", "requested", "UN Security Council", "asserted")]


def test_a_head_noun_speaker_with_two_candidates_is_no_issuer() -> None:
    text = ("The Saudi foreign ministry and the Egyptian foreign ministry condemned the raid. "
            'The ministry said: "We support Qatar."')  # fmt: skip
    assert _issued(text, "en") == []


def test_our_country_is_the_issuers_state() -> None:
    text = 'Egyptian Foreign Minister Badr Abdelatty said: "Our government strongly supports Ukraine."'
    assert _issued(text, "en") == [("Egypt", "supported", "Ukraine", "asserted")]
    text = "وقالت وزارة الخارجية المصرية: «إن بلادنا تدعم أوكرانيا» اليوم."
    assert _issued(text, "ar") == [("Egypt", "supported", "Ukraine", "asserted")]
    text = "وقال وزير الخارجية السعودي فيصل بن فرحان: «تدين بلادنا الهجوم الإسرائيلي على قطر» اليوم."
    assert ("Saudi Arabia", "criticized", "Israel", "asserted") in _issued(text, "ar")


def test_our_country_with_no_issuer_is_nobody() -> None:
    assert _issued("Our country supports Ukraine.", "en") == []
    assert not any(r == "supported" for _s, r, _o, _m in _triples("إن بلادنا تدعم أوكرانيا.", "ar"))


def test_a_verb_of_saying_that_carries_its_subject_goes_on_with_the_speaker_before() -> None:
    text = "وقالت وزارة الخارجية السعودية في بيان إنها تدين الهجوم. وأضافت: «ونطالب مجلس الأمن بالتحرك» فورا."
    assert _issued(text, "ar") == [("Saudi Foreign Ministry", "requested", "UN Security Council", "asserted")]
    text = 'Iran said on Sunday that it was ready. It added: "We support Qatar."'
    assert _issued(text, "en") == [("Iran", "supported", "Qatar", "asserted")]
    # not across a paragraph, and a speaker we do not know (qala masdar, "a source said") is nobody
    assert _issued('Iran said on Sunday that it was ready.\nHe added: "We support Qatar."', "en") == []
    assert _issued("أدانت مصر الهجوم. وقال مصدر: «ونطالب مجلس الأمن بالتحرك» فورا.", "ar") == []
    # "we said": the speaker is the one told before, not nobody
    text = 'Germany said on Monday: "We said we would support Ukraine."'
    assert _issued(text, "en") == [("Germany", "supported", "Ukraine", "future")]


def test_a_statement_named_before_the_quotation_in_the_same_sentence() -> None:
    text = 'According to a statement by the Saudi foreign ministry, "We condemn the Israeli attack on Qatar."'
    assert _issued(text, "en") == [("Saudi Foreign Ministry", "criticized", "Israel", "asserted")]
    text = "وفي بيان لوزارة الخارجية المصرية: «ندين الهجوم الإسرائيلي على لبنان» اليوم."
    assert _issued(text, "ar") == [("Egyptian Foreign Ministry", "criticized", "Israel", "asserted")]
    # not a quotation: the report's author does not speak for "we"
    assert _issued("Despite the report by Iran, we support Israel.", "en") == []
