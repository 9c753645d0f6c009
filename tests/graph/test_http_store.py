"""The store over HTTP, against a real `oxigraph serve` (PyPI package `oxigraph`) started by the test."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import make_ar, make_en

from actorgraph.graph.store import QuerySyntaxError, StoreError, ingest, open_store

OXIGRAPH = shutil.which("oxigraph") or str(Path(__file__).resolve().parents[2] / ".venv" / "bin" / "oxigraph")
pytestmark = pytest.mark.skipif(not Path(OXIGRAPH).exists(), reason="the oxigraph server is not installed")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(*args: str) -> Iterator[str]:
    port = _free_port()
    proc = subprocess.Popen([OXIGRAPH, "serve", "--bind", f"127.0.0.1:{port}", *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("oxigraph serve did not start")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture
def server() -> Iterator[str]:
    yield from _serve()


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
    for url in _serve("--location", str(tmp_path / "store")):
        remote = open_store(url)
        assert remote.count() == n
        assert remote.query("ASK { agr:person-gen-nakatani ag:met agr:person-pete-hegseth }").boolean


def test_unreachable_server_is_a_one_line_error() -> None:
    with pytest.raises(StoreError, match="cannot reach") as err:
        open_store(f"http://127.0.0.1:{_free_port()}").count()
    assert "\n" not in str(err.value)
