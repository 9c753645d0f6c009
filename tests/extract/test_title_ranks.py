"""Arabic actors named by a rank (المشير, الفريق أول, اللواء, العقيد: a title with no office, MIL sector) and
offices of a body the text names in the title (رئيس حكومة الوفاق الوطني X: the body the office belongs to)."""

from __future__ import annotations

import pytest

from actorgraph.extract import extract_text
from actorgraph.extract.codes import text_sector
from actorgraph.extract.records import Extraction
from actorgraph.ontology.lexicon import titles


def _people(x: Extraction) -> dict[str, str]:
    return {e.label_ar: e.key for e in x.entities.values() if e.type == "Person"}


def _triples(x: Extraction) -> set[tuple[str, str, str]]:
    label = {k: e.label_en for k, e in x.entities.items()}
    return {(label[r.subject], r.relation, label[r.object]) for r in x.relations}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وقال العقيد سالم بوكر إن الهجوم صُدّ.", "سالم بوكر"),
        ("وأعلن اللواء عادل موسى أن القوات انسحبت من المدينة.", "عادل موسى"),
        ("وأكد العميد الركن حسن داود أن الجيش سيرد.", "حسن داود"),
        ("وقال الفريق أول ركن ياسر مامادو إن المفاوضات فشلت.", "ياسر مامادو"),
    ],
)
def test_a_rank_names_an_unknown_officer_of_the_military_sector(text: str, name: str) -> None:
    x = extract_text(text, lang="ar", model="none")
    assert name in _people(x), _people(x)
    assert not any(r.relation == "holdsPosition" for r in x.relations)  # a rank is no office


def test_every_rank_gives_the_military_sector() -> None:
    """Each rank title of titles.tsv holds a word of lexicon/actor_codes.tsv that gives MIL."""
    ranks = [t.form for t in titles() if t.lang == "ar" and t.role == "military_rank"]
    assert len(ranks) >= 10
    wrong = {form: text_sector("ar", form) for form in ranks if text_sector("ar", form) != "MIL"}
    # المقدم, الرائد, النقيب are also "the presenter", "the pioneer", "the head of a syndicate": no sector
    assert set(wrong) == {"المقدم", "الرائد", "النقيب"}, wrong


def test_a_rank_then_ordinary_words_is_no_person() -> None:
    """الفريق is also "the team", اللواء "the brigade": followed by a verb or a common noun, no person."""
    for text in ("وقال الفريق يراهن على الفوز.", "وتقدم اللواء نحو المدينة.", "وأكد الفريق الأممي أن الوضع خطير."):
        assert _people(extract_text(text, lang="ar", model="none")) == {}, text


def test_a_rank_after_an_office_is_one_person_with_the_office() -> None:
    x = extract_text("وقال قائد الجيش الكيني الفريق أول ويليام كاماو إن القوات جاهزة.", lang="ar", model="none")
    assert list(_people(x)) == ["ويليام كاماو"]
    assert ("William Kamaw", "holdsPosition", "Army Commander of Kenya") in _triples(x)


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("وقال رئيس حكومة الإنقاذ الوطني سالم بوكر إن الانتخابات ستجرى.", "National Salvation Government"),
        ("واستقبل رئيس هيئة الرقابة الإدارية عادل داود وفدا من البنك الدولي.", "Administrative"),
    ],
)
def test_the_office_of_a_body_named_in_the_title_belongs_to_it(text: str, body: str) -> None:
    x = extract_text(text, lang="ar", model="none")
    triples = _triples(x)
    affiliated = [o for s, r, o in triples if r == "affiliatedWith"]
    assert any(body in o for o in affiliated), triples
    held = [o for s, r, o in triples if r == "holdsPosition"]
    assert held and all(body.split()[0] in o for o in held), triples


def test_a_body_head_and_no_name_after_it_is_no_body() -> None:
    """رئيس هيئة الأركان قال: an office, no person and no body named ``Staff Authority``."""
    x = extract_text("وقال رئيس هيئة الأركان إن الجيش مستعد.", lang="ar", model="none")
    assert _people(x) == {} or all(not k.startswith("new:") for k in _people(x).values())
