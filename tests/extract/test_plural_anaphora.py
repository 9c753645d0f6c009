"""Plural anaphora: "the two ministers agreed", وبحث الجانبان name the pair told just before."""

from __future__ import annotations

from actorgraph.extract import extract_text


def _anaphora(text: str, lang: str) -> list[tuple[str, str, str, str]]:
    x = extract_text(text, lang=lang, model="none")
    return [
        (x.entities[r.subject].label_en, r.relation, x.entities[r.object].label_en, r.modality)
        for r in x.relations
        if r.rule.startswith("anaphora.")
    ]


def test_the_two_ministers_are_the_pair_that_met() -> None:
    text = ("Japanese Defense Minister Gen Nakatani received his Australian counterpart Richard Marles in Tokyo on "
            "Monday. The two ministers agreed to deepen defence cooperation.")  # fmt: skip
    assert _anaphora(text, "en") == [("Gen Nakatani", "agreedWith", "Richard Marles", "asserted")]


def test_the_two_sides_in_arabic_and_their_mood() -> None:
    text = "اتفقت السعودية وإيران على استئناف العلاقات الدبلوماسية. وبحث الجانبان سبل تعزيز التعاون."
    assert _anaphora(text, "ar") == [("Saudi Arabia", "negotiatedWith", "Iran", "asserted")]
    hedged = "Trump met Xi Jinping in Busan. It is unclear whether the two leaders will meet again."
    assert all(m != "asserted" for *_x, m in _anaphora(hedged, "en"))


def test_the_two_countries_need_two_states() -> None:
    text = "Emmanuel Macron met Olaf Scholz in Paris. The two countries agreed to cooperate on defence."
    assert not any(s == "Emmanuel Macron" for s, *_x in _anaphora(text, "en"))


def test_no_pair_no_relation() -> None:
    assert _anaphora("The two sides agreed to meet again next week.", "en") == []
