"""`analyze` and `render` end to end through click, on an Oxigraph store on disk."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from actorgraph.cli import main
from actorgraph.graph.store import open_store

ROOT = Path(__file__).resolve().parents[2]
_EXAMPLES = ROOT / "tests" / "graph" / "actor_graph_examples.py"
_spec = importlib.util.spec_from_file_location("actor_graph_examples", _EXAMPLES)
assert _spec and _spec.loader
examples = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(examples)


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("explore") / "store"
    ds = examples.tokyo_washington()
    with open_store(path) as store:
        for graph in ds.graphs():
            quads = [(s, p, o, graph.identifier) for s, p, o in graph]
            if quads:
                store.put_document(str(graph.identifier), quads)
    return str(path)


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_analyze_prints_rankings_communities_and_balances(store_dir: str) -> None:
    result = invoke("analyze", "--store", store_dir, "--top", "3")
    assert result.exit_code == 0, result.output
    out = result.output
    # Asserted statements only by default: 7 relations (no hedged request, no future cooperation) among the
    # 7 actors and the summit; every actor of the store is in an asserted statement.
    assert out.startswith("7 actors, 1 other entities, 7 relations, 8 statements")
    centrality = out.split("Centrality (top 3)")[1].split("Communities")[0]
    assert len([line for line in centrality.splitlines() if re.match(r"\s+\d\s", line)]) == 3
    assert "betweenness" in centrality and "pagerank" in centrality
    assert "Communities (3, largest first)" in out
    balances = out.split("Cooperation and conflict")[1]
    assert re.search(r"Gen Nakatani\s+Pete Hegseth\s+3\s+0\s+0\s+0\s+\+1\.00", balances)
    assert re.search(r"China\s+United States\s+0\s+0\s+1\s+1\s+-1\.00", balances)


def test_analyze_around_one_actor_with_every_modality(store_dir: str) -> None:
    result = invoke("analyze", "--store", store_dir, "--ego", "اليابان", "--modality", "asserted",
                    "--modality", "hedged", "--modality", "future")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.output.startswith("4 actors, 0 other entities, 3 relations")  # Japan, Hegseth, the US, the group


def test_render_writes_an_offline_page(store_dir: str, tmp_path: Path) -> None:
    out = tmp_path / "view" / "graph.html"
    result = invoke("render", "--store", store_dir, "--out", str(out), "--ego", "Japan", "--depth", "2",
                    "--max-nodes", "4")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"wrote {out}"
    text = out.read_text(encoding="utf-8")
    embedded = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', text, re.S)
    assert embedded is not None
    data = json.loads(embedded[1])
    labels = {n["label"] for n in data["nodes"]}
    assert len(labels) == 4 and "Japan" in labels
    assert not re.search(r"<(?:script|link)[^>]+(?:src|href)=", text)


@pytest.mark.parametrize(
    "args, needle",
    [
        (["analyze", "--ego", "Atlantis"], "no actor matches 'Atlantis'"),
        (["render", "--ego", "a"], "matches several actors"),
    ],
)
def test_unknown_or_ambiguous_actor_is_a_one_line_error(store_dir: str, args: list[str], needle: str) -> None:
    result = invoke(*args, "--store", store_dir)
    assert result.exit_code == 1 and "Traceback" not in result.output
    (line,) = result.output.strip().splitlines()
    assert line.startswith("Error: ") and needle in line


def test_missing_store_is_a_one_line_error(tmp_path: Path) -> None:
    for command in ("analyze", "render"):
        result = invoke(command, "--store", str(tmp_path / "nowhere"))
        assert result.exit_code == 1
        assert result.output.startswith("Error: no store at") and len(result.output.strip().splitlines()) == 1


# --- ego and reindex: the actor-network index ----------------------------------------------------------


def test_ego_lists_the_asserted_links_within_depth(store_dir: str) -> None:
    result = invoke("ego", "اليابان", "--store", store_dir)  # Arabic label, depth 2 by default
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Japan: 2 actors within 2 links, 2 links"  # hedged and future statements are no links
    assert re.search(r"threatened\s+Japan\s+1$", result.output, re.M)
    assert re.search(r"javascript:.*attacked\s+<script>.*\s2$", result.output, re.M)
    one = invoke("ego", "Gen Nakatani", "--store", store_dir, "--depth", "1", "--format", "json")
    found = json.loads(one.output)
    assert found["labels"][found["actor"]] == "Gen Nakatani"
    assert sorted(found["labels"][e] for e, d in found["distance"].items() if d == 1) == [
        "Pete Hegseth", "Shangri-La Dialogue"]  # fmt: skip
    assert len(found["edges"]) == 3  # met (both articles, one link), agreedWith, attended
    tsv = invoke("ego", "Gen Nakatani", "--store", store_dir, "--format", "tsv", "--depth", "1").output.splitlines()
    assert tsv[0].split("\t") == ["subject", "relation", "object", "subject_label", "object_label"]
    assert len(tsv) == 4


def test_ego_limit_keeps_the_strongest_at_each_hop_and_counts_them_all(store_dir: str) -> None:
    # Nakatani: Hegseth (he met Nakatani, Nakatani met and agreed with him: 3 facts, 2 links) and the Shangri-La
    # Dialogue (attended: 1) one link away, no one two links away. --limit 1 keeps Hegseth and says there were 2.
    out = invoke("ego", "Gen Nakatani", "--store", store_dir, "--limit", "1").output.splitlines()
    assert out[0].startswith("Gen Nakatani: 2 actors within 2 links; 1 shown, at each hop the 1 with the most facts")
    assert out[0].endswith("; 2 links bring them in") and "(2 rows)" in out
    assert not any("Shangri-La" in line for line in out)
    found = json.loads(invoke("ego", "Gen Nakatani", "--store", store_dir, "--limit", "1", "--format", "json").output)
    assert (found["total"], found["limit"], list(found["weights"].values())) == (2, 1, [3])
    everyone = invoke("ego", "Gen Nakatani", "--store", store_dir, "--limit", "0").output.splitlines()
    assert everyone[0] == "Gen Nakatani: 2 actors within 2 links, 3 links"


def test_ego_of_an_unknown_actor_is_a_clear_error(store_dir: str) -> None:
    result = invoke("ego", "Nobody At All", "--store", store_dir)
    assert result.exit_code == 1 and "no entity named 'Nobody At All'" in result.output
    assert "Traceback" not in result.output


def test_reindex_rebuilds_what_ingest_kept(tmp_path: Path, store_dir: str) -> None:
    import shutil

    copy = tmp_path / "store"
    shutil.copytree(store_dir, copy)
    before = invoke("ego", "Japan", "--store", str(copy), "--format", "json").output
    with open_store(copy) as store:
        store.update("DROP GRAPH <https://w3id.org/actorgraph/id/graph/facts>")
    stale = invoke("ego", "Japan", "--store", str(copy))
    assert stale.exit_code == 0 and stale.output.startswith("Japan: 0 actors within 2 links, 0 links")
    result = invoke("reindex", "--store", str(copy))
    assert result.exit_code == 0 and "rebuilt: 8 facts" in result.output
    assert invoke("ego", "Japan", "--store", str(copy), "--format", "json").output == before
