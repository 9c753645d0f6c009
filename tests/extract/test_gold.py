"""Gold articles scored as ../shared/eval/score.py scores them: the seed in both languages and fourteen
further articles in two sets written independently of the extractor (tests/heldout). Floors guard against
regressions; the must-not count (a hedged, negated or future claim printed as fact) must stay at zero."""

from pathlib import Path

import pytest

from tests.extract.goldscore import score_folder

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_seed_meets_the_target(lang: str) -> None:
    score = score_folder(ROOT / "gold", f"{lang}_seed")
    assert score.precision >= 0.9 and score.recall >= 0.9, score
    assert score.must_not == 0


# (precision, recall) floors a little below what was measured on 2026-11-26 (rule path).
# *_heldout*: six articles, first measured ar P 0.98 R 0.70, en P 0.96 R 0.70; now ar P 1.00 R 0.79,
# en P 0.97 R 0.75.
# *_fresh*: eight articles written after those rules by someone who never saw the extractor.
# fresh: scored once blind at P .83 R .39 / .87 .55, used for development from 2026-11-26; they are no
# longer a blind measure (now ar P 0.99 R 0.70, en P 1.00 R 0.71). The blind set is tests/heldout/*_blind*
# (kept out of development).
# *_blind*: eight articles written on 2026-11-26 by someone who never saw the extractor, scored once after
# the rules above: ar P 0.61 R 0.37 with one must-not (a hedged "talks that may be held between" printed as
# fact), en P 0.92 R 0.56. Only that must-not was looked at and fixed (a general rule with dev cases);
# then ar P 0.62 R 0.37, must-not 0.
# 2026-12-05: the incident frame (attacks, protests, arrests with an unnamed party, for event data) adds one
# triple the blind English gold does not have (P 0.884 -> 0.871, 61 of 70); the floor follows that trade.
# Later that day an event whose party only a stand-in fills stopped being a triple (extract.formats
# .named_relations): en P 0.887 (63 of 71), so the floor is back at 0.88.
# Names spelled by romanize_name: ar P 0.647 R 0.393.
HELDOUT_FLOORS = {
    ("blind", "ar"): (0.57, 0.33),
    ("blind", "en"): (0.88, 0.52),
    ("heldout", "ar"): (0.95, 0.76),
    ("heldout", "en"): (0.93, 0.72),
    ("fresh", "ar"): (0.94, 0.67),
    ("fresh", "en"): (0.95, 0.68),
}


@pytest.mark.parametrize(("kind", "lang"), sorted(HELDOUT_FLOORS))
def test_heldout_articles(kind: str, lang: str) -> None:
    score = score_folder(ROOT / "heldout" / "gold", f"{lang}_{kind}")
    p_floor, r_floor = HELDOUT_FLOORS[kind, lang]
    assert score.precision >= p_floor and score.recall >= r_floor, score
    assert score.must_not == 0, score
