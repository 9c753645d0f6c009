"""Findings 2 and 7 of issue 19: no network from a local query (SERVICE, redirects), and a misbehaving
SPARQL server gives a one-line error naming it, never a traceback or a hang."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from actorgraph.graph.remote import SparqlHttpStore
from actorgraph.graph.store import StoreError
from tests.reliability.helpers import SEED_EN, assert_cli_error, assert_process_error, invoke, run
from tests.reliability.hostile_server import Answer, http_server

JSON = {"Content-Type": "application/sparql-results+json"}
SERVICE_QUERIES = (
    "SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ SERVICE SILENT <{url}/sparql> {{ ?s ?p ?o }} }}",
    "select * where {{ ?a ?b ?c .service silent <{url}/x> {{ ?s ?p ?o }} }}",
)


@pytest.mark.parametrize("template", SERVICE_QUERIES, ids=["service", "silent", "lowercase"])
def test_service_on_a_local_store_is_refused_and_calls_nobody(seeded_store: Path, template: str) -> None:
    with http_server(Answer(200, b'{"head":{"vars":[]},"results":{"bindings":[]}}', JSON)) as listener:
        proc = run("query", template.format(url=listener.url), "--store", str(seeded_store))
        assert_process_error(proc, "--allow-service")
        assert listener.requests == []


def test_service_words_inside_strings_iris_and_names_are_not_service(seeded_store: Path) -> None:
    query = ('SELECT ?service WHERE { ?service <http://x/SERVICE> "SERVICE <http://169.254.169.254/> {}" } '
             "# SERVICE <http://169.254.169.254/>")  # fmt: skip
    result = invoke("query", query, "--store", str(seeded_store), "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "service"


def test_a_redirect_to_another_host_is_not_followed() -> None:
    with http_server(Answer(200, b'{"head":{"vars":[]},"results":{"bindings":[]}}', JSON), "127.0.0.2") as elsewhere:
        moved = Answer(302, b"", {"Location": f"{elsewhere.url}/query"})
        with http_server(moved) as server:
            for command in (["stats"], ["query", "ASK {}"], ["ingest", str(SEED_EN)]):
                result = invoke(*command, "--store", server.url)
                line = assert_cli_error(result, "redirect")
                assert server.url in line and elsewhere.url in line
            assert server.requests and elsewhere.requests == []


# --- a misbehaving SPARQL server ---------------------------------------------------------------------

ROW = b'{"head":{"vars":["n"]},"results":{"bindings":[{"n":%s}]}}'
BAD_ANSWERS = {
    "not UTF-8": Answer(200, ROW % b'{"type":"literal","value":"\xff\xfe"}', JSON),
    "invalid JSON": Answer(200, b'{"head": {"vars": ["n"]}, "results": {"bindings": [', JSON),
    "binding without value": Answer(200, ROW % b'{"type":"literal"}', JSON),
    "value not a string": Answer(200, ROW % b'{"type":"uri","value":7}', JSON),
    "head is null": Answer(200, b'{"head": null}', JSON),
    "JSON not an object": Answer(200, b"[1, 2]", JSON),
    "HTML with 200": Answer(200, b"<html><body>Welcome to nginx</body></html>", {"Content-Type": "text/html"}),
    "no content type": Answer(200, b"hello", {}),
    "bad N-Triples": Answer(200, b"<a> <b> oops .\n", {"Content-Type": "application/n-triples"}),
    "HTTP 500": Answer(500, b"<h1>Internal error</h1>", {"Content-Type": "text/html"}),
}  # fmt: skip
COMMANDS = {
    "stats": ["stats"],
    "actors": ["actors"],
    "export": ["export", "--format", "nq"],
    "render": ["render", "--out", "{tmp}/g.html"],
    "ingest": ["ingest", str(SEED_EN)],
    "construct": ["query", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"],
}


@pytest.mark.parametrize("answer", list(BAD_ANSWERS), ids=list(BAD_ANSWERS))
@pytest.mark.parametrize("command", list(COMMANDS), ids=list(COMMANDS))
def test_a_misbehaving_server_is_a_one_line_error_naming_it(tmp_path: Path, answer: str, command: str) -> None:
    with http_server(BAD_ANSWERS[answer]) as server:
        args = [a.replace("{tmp}", str(tmp_path)) for a in COMMANDS[command]]
        result = invoke(*args, "--store", server.url)
        line = assert_cli_error(result)
        assert server.url in line, line
        assert not (tmp_path / "g.html").exists()


def test_a_server_that_drips_its_answer_meets_one_deadline() -> None:
    body = b'{"head":{"vars":["n"]},"results":{"bindings":[]}}'
    with http_server(Answer(200, body, JSON, drip_seconds=0.3)) as server:
        store = SparqlHttpStore(server.url, timeout=2)
        start = time.monotonic()
        with pytest.raises(StoreError, match=r"did not answer within 2 s") as err:
            store.query("SELECT ?n WHERE { ?s ?p ?n }")
        assert time.monotonic() - start < 5  # one deadline, where a per-read timeout would wait 15 s
        assert server.url in str(err.value)


def test_a_url_that_cannot_be_a_server_is_a_one_line_error() -> None:
    for url in ("http://[::1", "http://127.0.0.1:notaport/", "http://"):
        assert_process_error(run("stats", "--store", url), "not a valid server URL")
