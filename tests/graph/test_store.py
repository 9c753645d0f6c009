"""Stores: incremental, idempotent ingestion; clear one-line errors; resolution against what is stored."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import EN_TEXT, make_ar, make_en

from actorgraph.graph.index import INTERNAL_GRAPHS
from actorgraph.graph.store import (
    OxigraphStore,
    QuerySyntaxError,
    StoreError,
    ingest,
    is_update,
    open_store,
)

HEGSETH = "https://w3id.org/actorgraph/id/person-pete-hegseth"


@pytest.fixture
def disk(tmp_path: Path):  # type: ignore[no-untyped-def]
    with open_store(tmp_path / "store") as store:
        yield store


def test_ingesting_twice_changes_nothing(disk: OxigraphStore) -> None:
    first = ingest(disk, [make_en(), make_ar()])
    n = disk.count()
    assert len(first.added) == 2 and n > 100
    again = ingest(disk, [make_en(), make_ar()])
    assert again.added == again.replaced == [] and len(again.unchanged) == 2
    assert disk.count() == n


def test_same_text_at_another_path_is_another_document(disk: OxigraphStore) -> None:
    # Identity is location and content: a copy skipped as a duplicate lost its statements when the first
    # file was edited (issue 19, finding 3).
    ingest(disk, [make_en()])
    report = ingest(disk, [make_en(source="/elsewhere/copy.txt")])
    assert len(report.added) == 1 and not report.unchanged
    assert len(disk.documents()) == 2
    again = ingest(disk, [make_en(), make_en(source="/elsewhere/copy.txt")])
    assert len(again.unchanged) == 2 and not again.added


def test_changed_document_replaces_its_graph(disk: OxigraphStore) -> None:
    ingest(disk, [make_en(), make_ar()])
    changed = make_en(text=EN_TEXT.replace("Singapore", "Singapore on Saturday"))
    report = ingest(disk, [changed])
    assert len(report.replaced) == 1
    docs = disk.documents()
    assert len(docs) == 2 and changed.document.sha256 in docs.values()
    rows = disk.select('SELECT ?t WHERE { ?st ag:sentenceText ?t FILTER(CONTAINS(?t, "Singapore")) }')
    assert {str(r["t"]) for r in rows} == {
        "Japanese Defense Minister Gen Nakatani and US Defense Secretary Pete Hegseth met in Singapore on "
        "Saturday."
    }


def test_documents_ingested_separately_still_merge_across_languages(disk: OxigraphStore) -> None:
    ingest(disk, [make_en()])
    ingest(disk, [make_ar()])
    rows = disk.select(
        "SELECT DISTINCT ?p ?l WHERE { ?p a ag:Person ; skos:prefLabel ?l } ORDER BY ?p ?l"
    )
    assert {(str(r["p"]), str(r["l"])) for r in rows if str(r["p"]) == HEGSETH} == {
        (HEGSETH, "Pete Hegseth"), (HEGSETH, "بيت هيجسيث")}  # fmt: skip
    assert len({str(r["p"]) for r in rows}) == 2


def test_store_on_disk_survives_reopening_read_only(tmp_path: Path) -> None:
    with open_store(tmp_path / "s") as store:
        ingest(store, [make_en()])
        n = store.count()
    with open_store(tmp_path / "s", read_only=True) as ro:
        assert ro.count() == n
        with pytest.raises(StoreError, match="read-only"):
            ro.put_graph("http://example.org/g", [])


def test_locked_store_is_a_one_line_error(tmp_path: Path) -> None:
    with open_store(tmp_path / "s"), pytest.raises(StoreError, match="locked") as err:
        open_store(tmp_path / "s")
    assert "\n" not in str(err.value)


def test_corrupt_or_missing_store_is_a_one_line_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "CURRENT").write_text("garbage")
    with pytest.raises(StoreError, match="corrupt") as err:
        open_store(bad)
    assert "\n" not in str(err.value)
    with pytest.raises(StoreError, match="no store at"):
        open_store(tmp_path / "missing", read_only=True)
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError, match="is a file"):
        open_store(tmp_path / "file")


def test_bad_sparql_names_line_and_column() -> None:
    store = open_store("memory")
    with pytest.raises(QuerySyntaxError) as err:
        store.query("SELECT ?x WHERE {\n  ?x ag:met }")
    assert "line 2, column" in str(err.value) and "\n" not in str(err.value)


def test_memory_store_and_predeclared_prefixes() -> None:
    store = open_store("memory")
    ingest(store, [make_en()])
    res = store.query("ASK { agr:person-gen-nakatani ag:met agr:person-pete-hegseth }")
    assert res.kind == "ask" and res.boolean is True


def test_rdf_serialisations_round_trip() -> None:
    from rdflib import Dataset, Graph

    store = open_store("memory")
    ingest(store, [make_en(), make_ar()])
    n = store.count()
    ds = Dataset()
    ds.parse(data=store.serialize("trig"), format="trig")
    assert sum(len(g) for g in ds.graphs()) == n
    nq = Dataset()
    nq.parse(data=store.serialize("nq"), format="nquads")
    assert sum(len(g) for g in nq.graphs()) == n
    union = Graph().parse(data=store.serialize("ttl"), format="turtle")
    internal = sum(1 for q in store.quads() if q[3] in INTERNAL_GRAPHS)  # resolution keys, layout version
    assert len(union) == len(store.union_graph()) == n - internal > 0  # each triple in one graph only
    jsonld = Dataset()
    jsonld.parse(data=store.serialize("jsonld"), format="json-ld")
    assert sum(len(g) for g in jsonld.graphs()) == n


@pytest.mark.parametrize(
    ("sparql", "update"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", False),
        ("# with a comment\nPREFIX ag: <https://w3id.org/actorgraph/ontology#>\nDROP ALL", True),
        ("# delete nothing\nSELECT ?x WHERE { ?x ?p ?o }", False),
        ("insert data { <a:b> <a:c> <a:d> }", True),
    ],
)
def test_is_update(sparql: str, update: bool) -> None:
    assert is_update(sparql) is update


def test_select_values_reads_the_same_text_as_select() -> None:
    from rdflib import Literal, URIRef

    store = open_store("memory")
    g, s, p = URIRef("urn:x:g"), URIRef("urn:x:s"), URIRef("urn:x:p")
    texts = ['tab\there', 'quote " and \\ backslash', "line\nbreak\r", "وزير الدفاع", "emoji 🙂 \u0001", ""]
    quads = [(s, p, Literal(t, lang="en" if k % 2 else None), g) for k, t in enumerate(texts)]
    quads += [(s, p, Literal(42), g), (s, p, Literal(2.5), g), (s, p, URIRef("urn:x:o#frag"), g)]
    store.put_graph(str(g), quads)  # type: ignore[arg-type]
    sparql = "SELECT ?o ?none WHERE { ?s ?p ?o OPTIONAL { ?o ?q ?none } }"
    expected = sorted((str(r["o"]), "") for r in store.select(sparql))
    assert sorted(store.select_values(sparql)) == expected
    assert len(expected) == len(quads)


@pytest.mark.skipif(not hasattr(os, "sched_getaffinity"), reason="CPU affinity is Linux-only")
def test_a_big_bulk_load_runs_its_loader_on_one_core(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from actorgraph.graph import store as store_module

    cpus = os.sched_getaffinity(0)
    with store_module._one_core():
        assert len(os.sched_getaffinity(0)) == 1
        seen: list[set[int]] = []
        t = threading.Thread(target=lambda: seen.append(os.sched_getaffinity(0)))  # started inside: inherits
        t.start()
        t.join()
        assert len(seen[0]) == 1
    assert os.sched_getaffinity(0) == cpus
    # Above PARALLEL_LOAD_BYTES the loader is moved to one core; the data goes in all the same.
    monkeypatch.setattr(store_module, "PARALLEL_LOAD_BYTES", 0)
    entered: list[int] = []
    one_core = store_module._one_core

    def recording():  # type: ignore[no-untyped-def]
        entered.append(1)
        return one_core()

    monkeypatch.setattr(store_module, "_one_core", recording)
    shard = tmp_path / "a.nq"
    shard.write_text("<urn:x:s> <urn:x:p> <urn:x:o> <urn:x:g> .\n", "utf-8")
    with open_store(tmp_path / "store") as db:
        assert isinstance(db, OxigraphStore)
        db.bulk_load([shard])
        assert db.count() == 1
    assert entered == [1] and os.sched_getaffinity(0) == cpus


def test_count_is_the_named_graph_quads_as_sparql_counts_them(disk: OxigraphStore) -> None:
    from actorgraph.graph.store import GraphStore

    ingest(disk, [make_en(), make_ar()])
    disk.update("INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> . <urn:x:a> <urn:x:b> <urn:x:d> }")  # default graph
    named = GraphStore.count(disk)  # the SPARQL count every backend has
    assert disk.count() == named > 100
