"""One definition of an actor (graph.query.ACTOR_CLASSES): `stats`, `actors`, `analyze` and the page count
the same actors of the same store, the seed articles built by the real pipeline."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from actorgraph.cli import main

ROOT = Path(__file__).resolve().parents[2]


def invoke(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def seed_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seed-actors")
    invoke("build", str(ROOT / "seeds"), "--out", str(out), "--model", "none", "--no-validate")
    return out


def test_stats_actors_analyze_and_the_page_count_the_same_actors(seed_out: Path) -> None:
    store = str(seed_out / "store")
    stats = int(re.search(r"^actors: (\d+)$", invoke("stats", "--store", store), re.M)[1])  # type: ignore[index]
    listed = json.loads(invoke("actors", "--store", store, "--format", "json"))
    analyzed = int(re.match(r"(\d+) actors", invoke("analyze", "--store", store))[1])  # type: ignore[index]
    page = seed_out / "page.html"
    invoke("render", "--store", store, "--out", str(page))
    data = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page.read_text("utf-8"), re.S)
    assert data is not None
    drawn = [n for n in json.loads(data[1])["nodes"] if n["actor"]]
    assert stats == len(listed) == analyzed == len(drawn)
    # The seed story: Nakatani, Hegseth, Japan, the United States, China, the Pentagon (named only in a
    # hedged claim, still an actor), ...; states mentioned in no statement are not actors.
    names = {row["label_en"] for row in listed}
    assert {"Gen Nakatani", "Pete Hegseth", "Japan", "United States", "China", "Pentagon"} <= names
    every = json.loads(invoke("actors", "--all", "--store", store, "--format", "json"))
    unnamed = {row["label_en"] for row in every if row["type"] == "State" and not row["statements"]}
    assert unnamed and not unnamed & names  # Singapore and North Korea, today
    assert {n["label"] for n in drawn} == names
    # Positions, laws and summits take part in statements and are drawn, but are not actors.
    assert any(n["type"] == "Position" and not n["actor"] for n in json.loads(data[1])["nodes"])
