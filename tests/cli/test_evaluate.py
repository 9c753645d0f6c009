"""``actorgraph evaluate``: users score the tool on their own triples and event records."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from actorgraph.cli import main

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_the_seed_gold_scores_one() -> None:
    code, out = _run("evaluate", str(ROOT / "gold"), "--model", "none")
    assert code == 0, out
    assert out.splitlines()[-1].startswith("ALL: docs=2 P=1.000 R=1.000")


def test_a_wrong_triple_is_counted_and_listed(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Japan and France signed a cooperation agreement on Monday.\n", encoding="utf-8")
    (tmp_path / "a.triples.tsv").write_text(
        "1\tJapan\tcooperatesWith\tFrance\n1\tJapan\tsanctioned\tFrance\n-1\tFrance\tattacked\tJapan\n",
        encoding="utf-8",
    )
    code, out = _run("evaluate", str(tmp_path), "--model", "none", "-v")
    assert code == 0, out
    assert "missed\tJapan\tsanctioned\tFrance" in out and "extra\t" in out
    assert "fn=" in out and "must-not=0" in out.splitlines()[-1]


def test_event_records_are_scored_by_type_and_dyad(tmp_path: Path) -> None:
    records = [
        {"text": "Japanese Defense Minister Gen Nakatani met U.S. Defense Secretary Pete Hegseth in Singapore.",
         "event": "CONSULT", "source": [{"code": "JPNGOV"}], "target": [{"code": "USAGOV"}]},
        {"text": "The weather was mild in Paris on Sunday.", "event": "ASSAULT", "source": [], "target": []},
    ]  # fmt: skip
    path = tmp_path / "events.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    code, out = _run("evaluate", "--events", str(path), "--model", "none")
    assert code == 0, out
    last = out.splitlines()[-1]
    assert last.startswith("events: sentences=2 detection=0.500"), last
    assert "ASSAULT" in out and "(none)" in out


def test_bad_gold_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "x.triples.tsv").write_text("# text: x.txt\nnot a row\n", encoding="utf-8")
    code, out = _run("evaluate", str(tmp_path))
    assert code == 1 and out.count("\n") == 1 and "kind" in out
    code, out = _run("evaluate", "--events", str(tmp_path / "x.triples.tsv"))
    assert code == 1 and out.count("\n") == 1
    code, out = _run("evaluate")
    assert code == 1 and "either" in out
