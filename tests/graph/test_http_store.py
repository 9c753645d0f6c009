"""The store over HTTP, against a real `oxigraph serve` (PyPI package `oxigraph`) started by the test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import make_ar, make_en

from actorgraph.graph.store import QuerySyntaxError, StoreError, ingest, open_store
from tests.oxigraph_server import free_port, needs_oxigraph, oxigraph_server

pytestmark = needs_oxigraph


@pytest.fixture
def server() -> Iterator[str]:
    with oxigraph_server() as url:
        yield url


def test_ingest_and_query_over_http(server: str) -> None:
    store = open_store(server)
    first = ingest(store, [make_en(), make_ar()])
    n = store.count()
    assert len(first.added) == 2 and n > 100
    assert ingest(store, [make_en()]).unchanged  # idempotent over HTTP too
    assert store.count() == n
    rows = store.select("SELECT DISTINCT ?l WHERE { agr:person-pete-hegseth skos:prefLabel ?l }")
    assert {str(r["l"]) for r in rows} == {"Pete Hegseth", "بيت هيجسيث"}
    with pytest.raises(QuerySyntaxError):
        store.query("SELECT ?x WHERE { ?x }")


def test_oxigraph_server_reads_a_store_we_built(tmp_path: Path) -> None:
    with open_store(tmp_path / "store") as store:
        ingest(store, [make_en(), make_ar()])
        n = store.count()
    with oxigraph_server("--location", str(tmp_path / "store")) as url:
        remote = open_store(url)
        assert remote.count() == n
        assert remote.query("ASK { agr:person-gen-nakatani ag:met agr:person-pete-hegseth }").boolean


def test_unreachable_server_is_a_one_line_error() -> None:
    with pytest.raises(StoreError, match="cannot reach") as err:
        open_store(f"http://127.0.0.1:{free_port()}").count()
    assert "\n" not in str(err.value)
