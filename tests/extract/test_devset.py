"""The Arabic and English development sets, one test per sentence.

Every case must never print a hedged, negated or future claim as asserted (a hard rule). A case whose
triples we do not all get yet is listed in data/known_gaps.txt and runs as xfail, so progress shows up
as XPASS; the aggregate floors stop a change from quietly making things worse.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from actorgraph.extract import extract_text
from tests.extract.devset import Case, compare, load

GAPS = {
    line.split()[0]
    for line in (Path(__file__).parent / "data" / "known_gaps.txt").read_text().splitlines()
    if line.strip() and not line.startswith("#")
}
SETS = {"ar": load("ar_dev.tsv"), "en": load("en_dev.tsv")}
# Floors measured on 2026-11-26 on the rule path over the enlarged sets (ar P 0.971 R 0.834, en P 0.979 R 0.877;
# after the recall work on unseen news, with more sentences: ar P 0.983 R 0.893, en P 0.988 R 0.915), minus a margin.
FLOORS = {"ar": (0.95, 0.86), "en": (0.96, 0.88)}


def _params() -> list:  # type: ignore[type-arg]
    out = []
    for lang, cases in SETS.items():
        for case in cases:
            marks = (
                [pytest.mark.xfail(reason="known gap, see data/known_gaps.txt", strict=False)]
                if case.id in GAPS
                else []
            )
            out.append(pytest.param(lang, case, id=case.id, marks=marks))
    return out


@pytest.mark.parametrize(("lang", "case"), _params())
def test_case(lang: str, case: Case) -> None:
    comparison = compare(case, extract_text(case.text, lang=lang, model="none"))
    assert not comparison.wrong_modality, f"claim printed with the wrong modality: {comparison.wrong_modality}"
    assert not comparison.missed, f"missed {comparison.missed}"
    assert not comparison.extra, f"extra {comparison.extra}"


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_no_modality_violations_anywhere(lang: str) -> None:
    for case in SETS[lang]:
        comparison = compare(case, extract_text(case.text, lang=lang, model="none"))
        assert not comparison.wrong_modality, (case.id, comparison.wrong_modality)


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_precision_and_recall_floors(lang: str) -> None:
    precision, recall, _ = _score(lang, "none")
    p_floor, r_floor = FLOORS[lang]
    assert precision >= p_floor and recall >= r_floor, (precision, recall)


def _score(lang: str, model: str | None) -> tuple[float, float, int]:
    found = missed = extra = wrong = 0
    for case in SETS[lang]:
        c = compare(case, extract_text(case.text, lang=lang, model=model))
        found, missed, extra = found + len(c.found), missed + len(c.missed), extra + len(c.extra)
        wrong += len(c.wrong_modality)
    return found / max(1, found + extra), found / max(1, found + missed), wrong


def test_english_model_path_is_never_worse() -> None:
    from actorgraph.extract.pipeline import default_model_name, load_model

    name = default_model_name()
    if not name or load_model(name) is None:
        pytest.skip("no trained English spaCy model installed")
    rule_p, rule_r, _ = _score("en", "none")
    model_p, model_r, wrong = _score("en", name)
    assert wrong == 0
    assert model_p >= rule_p - 1e-9 and model_r >= rule_r - 1e-9, ((rule_p, rule_r), (model_p, model_r))


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_dev_set_is_big_enough(lang: str) -> None:
    cases = SETS[lang]
    assert len(cases) >= 60
    relations = {e.relation for c in cases for e in c.expected}
    assert len(relations) >= 20
    assert sum(1 for c in cases if any(e.modality == "negated" for e in c.expected)) >= 8
