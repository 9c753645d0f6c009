"""The graph commands end to end through click: build, ingest, query, export, stats, actors, explain."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from actorgraph.cli import main
from actorgraph.graph.store import ingest, open_store

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("graph_examples", ROOT / "tests" / "graph" / "conftest.py")
assert _spec and _spec.loader
examples = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(examples)


@pytest.fixture
def store_dir(tmp_path: Path) -> str:
    path = tmp_path / "store"
    with open_store(path) as store:
        ingest(store, [examples.make_en(), examples.make_ar()])
    return str(path)


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def one_line_error(result, needle: str) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: ") and needle in lines[0], result.output


def test_query_formats(store_dir: str) -> None:
    q = "SELECT DISTINCT ?b WHERE { agr:person-gen-nakatani ag:met ?b }"  # one triple per document graph
    table = invoke("query", q, "--store", store_dir)
    assert table.exit_code == 0 and "agr:person-pete-hegseth" in table.output and "(1 row)" in table.output
    rows = list(csv.reader(io.StringIO(invoke("query", q, "--store", store_dir, "--format", "csv").output)))
    assert rows == [["b"], ["https://w3id.org/actorgraph/id/person-pete-hegseth"]]
    data = json.loads(invoke("query", q, "--store", store_dir, "--format", "json").output)
    assert data["results"]["bindings"] == [
        {"b": {"type": "uri", "value": "https://w3id.org/actorgraph/id/person-pete-hegseth"}}
    ]
    ttl = invoke("query", "CONSTRUCT { ?a ag:met ?b } WHERE { ?a ag:met ?b }", "--store", store_dir,
                 "--format", "turtle")
    assert ttl.exit_code == 0 and "ag:met agr:person-pete-hegseth" in ttl.output


def test_query_from_file(store_dir: str) -> None:
    result = invoke("query", "-f", str(ROOT / "queries" / "who_met_whom.rq"), "--store", store_dir)
    assert result.exit_code == 0
    assert "Gen Nakatani" in result.output and "Pete Hegseth" in result.output


def test_bad_sparql_is_one_line_with_its_position(store_dir: str) -> None:
    one_line_error(invoke("query", "SELECT ?x WHERE { ?x ag:met }", "--store", store_dir), "line 1, column")


def test_updates_need_allow_update(store_dir: str) -> None:
    one_line_error(invoke("query", "DROP ALL", "--store", store_dir), "--allow-update")
    assert invoke("query", "DROP ALL", "--store", store_dir, "--allow-update").exit_code == 0
    assert "0" in invoke("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--store", store_dir).output


def test_user_mistakes_are_one_line_errors(tmp_path: Path, store_dir: str) -> None:
    one_line_error(invoke("stats", "--store", str(tmp_path / "nope")), "no store at")
    one_line_error(invoke("query", "-f", str(tmp_path / "missing.rq"), "--store", store_dir), "cannot read")
    one_line_error(invoke("query", "--store", store_dir), "give a SPARQL query")
    one_line_error(invoke("ingest", str(tmp_path / "missing.txt"), "--store", store_dir), "no such file")
    one_line_error(invoke("explain", "Nobody", "met", "Pete Hegseth", "--store", store_dir),
                   "no entity named")
    one_line_error(invoke("explain", "Gen Nakatani", "greeted", "Pete Hegseth", "--store", store_dir),
                   "unknown relation")


def test_stats(store_dir: str) -> None:
    out = invoke("stats", "--store", store_dir).output
    assert "documents: 2 (ar 1, en 1)" in out
    assert "sentences: 6" in out
    assert "  Person                     2" in out
    assert "statements: asserted 5, hedged 2, negated 1" in out


def test_actors_search_in_either_language(store_dir: str) -> None:
    out = invoke("actors", "هيجسيث", "--store", store_dir).output
    assert "Pete Hegseth" in out and "(1 row)" in out
    rows = json.loads(invoke("actors", "--store", store_dir, "--format", "json").output)
    # An actor is named in a statement: the United States is only mentioned ("US Defense Secretary").
    assert {r["label_en"] for r in rows} == {"Gen Nakatani", "Pete Hegseth", "Japan"}
    every = json.loads(invoke("actors", "--all", "--store", store_dir, "--format", "json").output)
    assert {"United States", "Singapore"} <= {r["label_en"] for r in every}


def test_explain_prints_the_sentences_in_both_languages(store_dir: str) -> None:
    for subject, obj in (("Gen Nakatani", "Pete Hegseth"), ("ناكاتاني", "بيت هيجسيث"), ("pete hegseth",
                                                                                          "Nakatani")):
        out = invoke("explain", subject, "met", obj, "--store", store_dir).output
        assert "Pete Hegseth met in Singapore." in out, (subject, obj)
        assert "بيت هيجسيث في سنغافورة." in out


def test_export_formats(tmp_path: Path, store_dir: str) -> None:
    out = tmp_path / "events.jsonl"
    assert invoke("export", "--store", store_dir, "--format", "plover", "--out", str(out)).exit_code == 0
    events = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert {e["event_type"] for e in events} == {"CONSULT", "REQUEST"}
    ttl = invoke("export", "--store", store_dir, "--format", "ttl")
    assert ttl.exit_code == 0 and "@prefix ag:" in ttl.output
    for fmt in ("trig", "nq", "jsonld", "graphml"):
        result = invoke("export", "--store", store_dir, "--format", fmt, "--out", str(tmp_path / f"g.{fmt}"))
        assert result.exit_code == 0 and (tmp_path / f"g.{fmt}").stat().st_size > 1000


def test_export_streams_to_stdout_and_a_failed_export_leaves_the_old_file(
    tmp_path: Path, store_dir: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from actorgraph.graph.store import OxigraphStore, StoreError

    nq = invoke("export", "--store", store_dir, "--format", "nq")
    assert nq.exit_code == 0 and nq.stdout.count("\n") > 100
    out = tmp_path / "graph.nq"
    assert invoke("export", "--store", store_dir, "--format", "nq", "--out", str(out)).exit_code == 0
    assert sorted(out.read_text("utf-8").splitlines()) == sorted(nq.stdout.splitlines())
    before = out.read_bytes()

    def breaks(self: OxigraphStore, fmt: str, stream) -> None:  # type: ignore[no-untyped-def]
        stream.write(b"<urn:x:half> ")
        raise StoreError("store failed: corruption found while reading")

    monkeypatch.setattr(OxigraphStore, "write_to", breaks)
    result = invoke("export", "--store", store_dir, "--format", "nq", "--out", str(out))
    assert result.exit_code != 0 and "corruption" in result.output and "Traceback" not in result.output
    assert out.read_bytes() == before and [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    missing = invoke("export", "--store", store_dir, "--format", "nq", "--out", str(tmp_path / "no" / "g.nq"))
    assert missing.exit_code != 0 and "cannot write" in missing.output


def test_ingest_command_is_idempotent(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Japanese Defense Minister Gen Nakatani met Pete Hegseth in Singapore.\n", "utf-8")
    store = str(tmp_path / "store")
    from actorgraph.graph.store import open_store

    def held() -> list[object]:
        with open_store(store, read_only=True) as s:
            return sorted(s.quads())  # type: ignore[type-var]

    first = invoke("ingest", str(article), "--store", store)
    before = held()
    second = invoke("ingest", str(article), "--store", store)
    assert first.output.startswith("1 new") and second.output.startswith("0 new, 0 replaced, 1 unchanged")
    assert "0 quads written" in second.output and held() == before  # the store is as it was


def test_build_the_seed(tmp_path: Path) -> None:
    """The main job on the real seed: store, SHACL, summary, and the evidence in both languages."""
    out = tmp_path / "out"
    result = invoke("build", str(ROOT / "seeds"), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "documents: 2 (ar 1, en 1)" in result.output
    assert "SHACL: conforms" in result.output
    assert (out / "store").is_dir()
    again = invoke("build", str(ROOT / "seeds"), "--out", str(out))
    assert "0 new, 0 replaced, 2 unchanged" in again.output
    assert [ln for ln in again.output.splitlines() if ln.startswith("quads in store")] == [
        ln for ln in result.output.splitlines() if ln.startswith("quads in store")
    ]
    explained = invoke("explain", "Gen Nakatani", "met", "Pete Hegseth", "--store", str(out / "store"))
    assert explained.exit_code == 0
    assert ", en, " in explained.output and ", ar, " in explained.output
    assert "التقى" in explained.output and " met " in explained.output


def test_stats_counts_every_quad_only_when_asked(tmp_path: Path) -> None:
    """Counting every quad reads the whole store (1.6 s at 10M quads): `stats` leaves it to --quads."""
    store = str(tmp_path / "store")
    assert invoke("ingest", str(ROOT / "seeds"), "--store", store, "--model", "none").exit_code == 0
    plain, counted = invoke("stats", "--store", store).output, invoke("stats", "--store", store, "--quads").output
    assert "quads in store" not in plain and plain.startswith("documents: 2")
    from actorgraph.graph.store import open_store

    with open_store(store, read_only=True) as s:
        assert f"quads in store: {s.count()}" in counted
