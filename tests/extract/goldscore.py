"""Score gold folders in-process with ``actorgraph.evaluate`` (what ``actorgraph evaluate`` runs)."""

from __future__ import annotations

from pathlib import Path

from actorgraph.evaluate import Score, score_triples


def score_folder(gold_dir: Path, prefix: str, model: str | None = "none") -> Score:
    scores = score_triples(gold_dir, f"{prefix}*", model=model)
    total = Score()
    for s in scores.values():
        total.tp, total.fp, total.fn = total.tp + s.tp, total.fp + s.fp, total.fn + s.fn
        total.must_not += s.must_not
    return total
