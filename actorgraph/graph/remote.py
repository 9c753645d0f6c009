"""A store on any SPARQL 1.1 server (``--store http://...``), which is not trusted: every answer is
checked, each request has one deadline, redirects are not followed."""

from __future__ import annotations

import contextlib
import http.client
import json
import re
import socket
import threading
import urllib.parse
from collections.abc import Iterator, Sequence
from typing import Any, BinaryIO

from rdflib import BNode, Graph, URIRef
from rdflib import Literal as RLiteral
from rdflib.term import Node

from actorgraph.graph.rdf import Quad
from actorgraph.graph.store import PREFIXES, GraphStore, QueryResult, QuerySyntaxError, StoreError

# One deadline for a whole request to a SPARQL server (connect, send, read): a server that drips its answer
# a byte at a time would otherwise hold a run forever.
DEFAULT_HTTP_TIMEOUT = 120.0
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _one_line(err: object) -> str:
    return " ".join(str(err).split())


class SparqlHttpStore(GraphStore):
    """A remote store over the SPARQL 1.1 Protocol.

    ``url`` is the dataset's base: queries go to ``url/query`` and updates to ``url/update`` (Oxigraph and
    Fuseki both use these), unless it already ends in ``/query`` or ``/sparql``. Queries ask for the union
    of named graphs as default graph (Oxigraph's ``union-default-graph`` parameter); for other servers,
    configure that on the server (Fuseki: ``tdb:unionDefaultGraph true``).

    The server is not trusted: every answer is checked (status, content type, well-formed JSON or
    N-Triples/Turtle, the keys SPARQL results must have) and each request has one deadline for all of it,
    however slowly the server sends. A redirect is never followed (it could point anywhere): the error
    names where it pointed.
    """

    def __init__(self, url: str, *, timeout: float = DEFAULT_HTTP_TIMEOUT) -> None:
        self.description = url
        base = url.rstrip("/")
        if base.endswith(("/query", "/sparql")):
            self.query_url, self.update_url = base, base.rsplit("/", 1)[0] + "/update"
        else:
            self.query_url, self.update_url = base + "/query", base + "/update"
        self.timeout = timeout

    def post(self, url: str, body: bytes | BinaryIO, headers: dict[str, str], *,
             timeout: float | None = None) -> tuple[str, bytes]:  # fmt: skip
        """POST ``body`` to ``url``; the content type and body of a 2xx answer. One deadline (``timeout``,
        default ``self.timeout``) covers connecting, sending and reading; errors are one line naming the
        server."""
        deadline = self.timeout if timeout is None else timeout
        try:
            status, ctype, location, data = _http_post(url, body, headers, deadline)
        except TimeoutError:
            raise StoreError(f"SPARQL server {self.description} did not answer within {deadline:g} s") from None
        except (OSError, http.client.HTTPException, ValueError) as err:
            reason = _one_line(err) or type(err).__name__
            raise StoreError(f"cannot reach SPARQL server {self.description}: {reason}") from None
        if 300 <= status < 400:
            raise StoreError(f"SPARQL server {self.description} redirected to {location or '(nowhere)'}: "
                             "redirects are not followed; give that URL as --store if you trust it")  # fmt: skip
        if not 200 <= status < 300:
            detail = _one_line(data.decode("utf-8", "replace"))[:300]
            if status == 400:
                raise QuerySyntaxError(f"SPARQL server {self.description} rejected the request: {detail}")
            raise StoreError(f"SPARQL server {self.description} answered HTTP {status}: {detail}")
        return ctype, data

    def _post(self, url: str, body: str, content_type: str, accept: str) -> tuple[str, bytes]:
        return self.post(url, body.encode("utf-8"), {"Content-Type": content_type, "Accept": accept})

    @staticmethod
    def _with_prefixes(sparql: str) -> str:
        declared = {m.lower() for m in re.findall(r"PREFIX\s+(\w*):", sparql, re.I)}
        head = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items() if p not in declared)
        return head + sparql

    def query(self, sparql: str) -> QueryResult:
        url = self.query_url + ("&" if "?" in self.query_url else "?") + "union-default-graph"
        ctype, body = self._post(
            url,
            self._with_prefixes(sparql),
            "application/sparql-query",
            "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8",
        )
        try:
            return _parse_answer(ctype, body)
        except _BadAnswer as err:
            raise StoreError(f"SPARQL server {self.description} sent a bad answer: {err}") from None

    def update(self, sparql: str) -> None:
        self._post(self.update_url, self._with_prefixes(sparql), "application/sparql-update", "*/*")

    def put_graph(self, graph: str, quads: Sequence[Quad]) -> None:
        lines = " .\n".join(f"{s.n3()} {p.n3()} {o.n3()}" for s, p, o, _ in quads)
        # One request: servers apply an update request atomically.
        self.update(f"DROP SILENT GRAPH <{graph}> ;\nINSERT DATA {{ GRAPH <{graph}> {{\n{lines} .\n}} }}")

    def quads(self) -> Iterator[Quad]:
        res = self.query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        yield from res.rows  # type: ignore[misc]


def _http_post(url: str, body: bytes | BinaryIO, headers: dict[str, str],
               deadline: float) -> tuple[int, str, str, bytes]:  # fmt: skip
    """(status, content type, Location, body) of one POST, within ``deadline`` seconds in all: a timer
    shuts the socket down when it passes, which ends a read the server drips a byte at a time (a socket
    timeout alone applies per read). Raises TimeoutError when the deadline passed."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not an http(s) URL: {url}")
    conn_type = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    conn = conn_type(parts.hostname, parts.port, timeout=deadline)
    expired = threading.Event()
    opened: list[socket.socket] = []  # the connection drops its socket once the response owns it

    def expire() -> None:
        expired.set()
        for sock in opened:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    timer = threading.Timer(deadline, expire)
    timer.daemon = True
    timer.start()
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        conn.connect()
        opened.append(conn.sock)
        if expired.is_set():
            raise TimeoutError
        conn.request("POST", path, body=body, headers=headers)
        resp = conn.getresponse()
        data = resp.read()
    except (OSError, http.client.HTTPException):
        if expired.is_set():
            raise TimeoutError from None
        raise
    finally:
        timer.cancel()
        conn.close()
    if expired.is_set():  # shut down as the last bytes came: the body may be cut short
        raise TimeoutError
    return resp.status, resp.getheader("Content-Type") or "", resp.getheader("Location") or "", data


class _BadAnswer(Exception):
    """A server's answer that is not what the SPARQL protocol promises."""


_RESULT_TYPES = ("application/sparql-results+json", "application/json")
_GRAPH_TYPES = {"application/n-triples": "nt", "text/plain": "nt", "text/turtle": "turtle"}


def _parse_answer(content_type: str, body: bytes) -> QueryResult:
    """A SPARQL JSON result or an N-Triples/Turtle graph, checked; _BadAnswer says what was wrong."""
    mime = content_type.split(";", 1)[0].strip().lower()
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as err:
        raise _BadAnswer(f"not UTF-8 (byte {err.start})") from None
    if mime in _RESULT_TYPES:
        try:
            data = json.loads(text)
        except ValueError as err:
            raise _BadAnswer(f"invalid JSON ({_one_line(err)})") from None
        return _json_result(data)
    if mime in _GRAPH_TYPES:
        g = Graph()
        try:
            g.parse(data=text, format=_GRAPH_TYPES[mime])
        except Exception as err:  # noqa: BLE001 - rdflib's parsers raise many types for bad input
            raise _BadAnswer(f"invalid {mime} ({_one_line(err)[:200]})") from None
        return QueryResult("graph", graph=g)
    raise _BadAnswer(f"content type {mime or '(none)'!r}, not SPARQL results or RDF")


def _json_result(data: Any) -> QueryResult:
    if not isinstance(data, dict):
        raise _BadAnswer("the JSON is not an object")
    if "boolean" in data:
        if not isinstance(data["boolean"], bool):
            raise _BadAnswer("'boolean' is not true or false")
        return QueryResult("ask", boolean=data["boolean"])
    head, results = data.get("head"), data.get("results")
    variables = head.get("vars", []) if isinstance(head, dict) else None
    if not isinstance(variables, list) or not all(isinstance(v, str) for v in variables):
        raise _BadAnswer("no 'head' with a list of 'vars'")
    bindings = results.get("bindings") if isinstance(results, dict) else None
    if not isinstance(bindings, list) or not all(isinstance(b, dict) for b in bindings):
        raise _BadAnswer("no 'results' with a list of 'bindings'")
    rows = [tuple(_from_json(b.get(v)) for v in variables) for b in bindings]
    return QueryResult("select", variables, rows)


def _from_json(b: Any) -> Node | None:
    if b is None:
        return None
    if not isinstance(b, dict) or not isinstance(b.get("value"), str) or b.get("type") not in _JSON_TERMS:
        raise _BadAnswer(f"a binding is not a term with a 'type' and a string 'value': {str(b)[:80]}")
    if b["type"] == "uri":
        return URIRef(b["value"])
    if b["type"] == "bnode":
        return BNode(b["value"])
    dt, lang = b.get("datatype"), b.get("xml:lang")
    if not isinstance(dt, str | None) or not isinstance(lang, str | None):
        raise _BadAnswer(f"a literal's datatype or language is not a string: {str(b)[:80]}")
    datatype = URIRef(dt) if dt and dt != _XSD_STRING else None
    return RLiteral(b["value"], lang=lang, datatype=datatype)


_JSON_TERMS = ("uri", "bnode", "literal", "typed-literal")
