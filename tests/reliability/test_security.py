"""Hostile articles and hostile queries: article text stays data in the HTML page and in SPARQL, `query`
changes nothing without --allow-update, and what we start listens on the loopback interface only."""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pyoxigraph as ox
import pytest

from actorgraph.graph.store import ingest, open_store
from tests.oxigraph_server import OXIGRAPH, oxigraph_server
from tests.reliability.helpers import (
    ROOT,
    assert_cli_error,
    invoke,
    meeting,
    snapshot,
)

# --- a hostile article, built and rendered -----------------------------------------------------------

SCRIPT = "<script>alert('xss')</script>"
IMG = '<img src=x onerror="alert(1)">'
LINK = '<a href="javascript:alert(2)" onclick="alert(3)">details</a>'
CLOSER = "</script><!-- <script>alert(4)</script> \u2028"
HOSTILE_TXT = (
    f"Japanese Defense Minister Gen Nakatani met US Defense Secretary Pete Hegseth in Singapore {SCRIPT} on Saturday.\n"
    f"Japanese Defense Minister Gen Nakatani met Pete Hegseth again {IMG} and {LINK} in Tokyo.\n"
    f"Japanese Defense Minister Gen Nakatani met Pete Hegseth in Manila {CLOSER} on Sunday.\n"
)
# In a page, markup is markup (stripped) but escaped markup is article text: "&lt;script&gt;" reads "<script>".
HOSTILE_HTML = (
    "<html><head><title>&lt;script&gt;alert('title')&lt;/script&gt;</title><script>alert('page')</script></head>"
    "<body><p>Japanese Defense Minister Gen Nakatani met US Defense Secretary Pete Hegseth in Jakarta "
    "&lt;img src=x onerror=alert(5)&gt; on Monday.</p><p onmouseover=\"alert(6)\">"
    "<a href=\"javascript:alert(7)\">Pete Hegseth</a> met Gen Nakatani in Seoul.</p></body></html>"
)
# Labels the extractor would never make from a sentence, put in the store directly.
HOSTILE_LABELS = (
    "<script>alert(\"label\")</script>",
    '"><img src=x onerror=alert(8)>',
    "javascript:alert(9)",
)
TEMPLATE_TAGS = {
    "html", "head", "meta", "title", "style", "script", "body", "header", "h1", "p", "label", "input", "output",
    "select", "option", "span", "main", "nav", "section", "h2", "div", "aside", "pre", "button",
}  # fmt: skip


class Page(HTMLParser):
    """The start tags of a page with their attributes, and the text of each script element."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._script: dict[str, str | None] | None = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._script = dict(attrs)
            self.scripts.append((self._script, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self.scripts[-1] = (self.scripts[-1][0], self.scripts[-1][1] + data)

    def data(self) -> dict:  # type: ignore[type-arg]
        (text,) = [t for a, t in self.scripts if a.get("type") == "application/json"]
        return json.loads(text)  # type: ignore[no-any-return]


def assert_inert(path: Path) -> dict:  # type: ignore[type-arg]
    """The page is the template's elements only, with no handler or script URL from any article; the
    article text is all inside the JSON data, escaped so that it cannot end the element. Returns the data."""
    raw = path.read_text("utf-8")
    page = Page(raw)
    assert {tag for tag, _ in page.tags} <= TEMPLATE_TAGS
    assert len(page.scripts) == 4  # error catcher, data, vis-network, page: nothing injected
    for tag, attrs in page.tags:
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        assert not any("javascript:" in (v or "").lower() for v in attrs.values()), (tag, attrs)
        assert not {"src", "href", "action", "formaction", "srcset"} & set(attrs), (tag, attrs)
    for needle in ("<script>alert", "<img", "<a href", "onerror=\"alert", "<!-- <script>", "\u2028"):
        assert needle not in raw, needle
    (csp,) = [a["content"] for t, a in page.tags if a.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "script-src 'sha256-" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    return page.data()


def test_hostile_articles_are_built_and_rendered_inert(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "hostile.txt").write_text(HOSTILE_TXT, "utf-8")
    (folder / "hostile.html").write_text(HOSTILE_HTML, "utf-8")
    out = tmp_path / "out"
    result = invoke("build", str(folder), "--out", str(out), "--no-validate")
    assert result.exit_code == 0 and "2 new" in result.stdout, result.output
    data = assert_inert(out / "graph.html")
    sentences = {ev["sentence"] for e in data["edges"] for ev in e["evidence"]}
    # The hostile text is there, as data, verbatim: escaped, not dropped.
    for fragment in (SCRIPT, IMG, LINK, "<img src=x onerror=alert(5)>"):
        assert any(fragment in s for s in sentences), fragment
    assert any("</script><!-- <script>alert(4)</script>" in s for s in sentences)
    assert "alert('page')" not in json.dumps(data)  # a page's own scripts are not article text


def test_hostile_labels_are_rendered_inert(tmp_path: Path) -> None:
    store = tmp_path / "store"
    with open_store(store) as db:
        ingest(db, [meeting(HOSTILE_LABELS[0], HOSTILE_LABELS[1], f"{HOSTILE_LABELS[0]} met {HOSTILE_LABELS[1]} "
                            f"at {HOSTILE_LABELS[2]}.", source="/corpus/hostile-labels.txt")])  # fmt: skip
    page = tmp_path / "graph.html"
    assert invoke("render", "--store", str(store), "--out", str(page)).exit_code == 0
    data = assert_inert(page)
    assert {n["label"] for n in data["nodes"]} == {HOSTILE_LABELS[0], HOSTILE_LABELS[1]}
    # The ego view puts a label in the page's note (HTML text, not JSON): escaped there too.
    ego = tmp_path / "ego.html"
    assert invoke("render", "--store", str(store), "--out", str(ego), "--ego", HOSTILE_LABELS[0]).exit_code == 0
    assert_inert(ego)
    assert "&lt;script&gt;alert(&quot;label&quot;)&lt;/script&gt;" in ego.read_text("utf-8")


def test_the_page_script_never_turns_data_into_markup() -> None:
    """What makes the JSON data safe to show: the page's own script builds text nodes only."""
    js = (ROOT / "actorgraph" / "graph" / "assets" / "graph_page.js").read_text("utf-8")
    code = re.sub(r"^\s*//.*$", "", js, flags=re.M)
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function",
                 "setTimeout(\"", "href", ".src"):  # fmt: skip
        assert sink not in code, sink


# --- query is read-only unless --allow-update --------------------------------------------------------

UPDATES = [
    "INSERT DATA { GRAPH <urn:x:g> { <urn:x:a> <urn:x:b> <urn:x:c> } }",
    "DELETE WHERE { GRAPH ?g { ?s ?p ?o } }",
    "DROP ALL",
    "drop silent all",
    "CLEAR DEFAULT",
    "CLEAR NAMED",
    "CREATE GRAPH <urn:x:new>",
    "LOAD <file:///etc/hostname> INTO GRAPH <urn:x:g>",
    "COPY DEFAULT TO <urn:x:g>",
    "MOVE DEFAULT TO <urn:x:g>",
    "ADD DEFAULT TO <urn:x:g>",
    "WITH <urn:x:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "# a comment\nPREFIX x: <urn:x:>\nBASE <urn:y:>\n  DELETE { GRAPH ?g { ?s ?p ?o } }\n"
    "WHERE { GRAPH ?g { ?s ?p ?o } }",
]
# Updates the update detector does not see: the store is open read-only and the query parser refuses them.
DISGUISED = [
    "\ufeffDROP ALL",  # a byte order mark in front
    "SELECT * WHERE { ?s ?p ?o } ; DROP ALL",
    "ASK {} DROP ALL",
    "SELECT * WHERE { ?s ?p ?o }\n}; DROP ALL; #",
]


def test_query_refuses_updates_without_allow_update(tmp_path: Path, seeded_store: Path) -> None:
    before = snapshot(seeded_store)
    store = str(seeded_store)
    for update in UPDATES:
        assert_cli_error(invoke("query", update, "--store", store), "--allow-update")
        rq = tmp_path / "update.rq"
        rq.write_text(update, "utf-8")
        assert_cli_error(invoke("query", "-f", str(rq), "--store", store), "--allow-update")
        assert_cli_error(invoke("query", "-", "--store", store, input=update), "--allow-update")
    for update in DISGUISED:
        assert_cli_error(invoke("query", update, "--store", store), "SPARQL")
    assert snapshot(seeded_store) == before


def test_query_applies_updates_with_allow_update(seeded_store: Path) -> None:
    store = str(seeded_store)
    before = snapshot(seeded_store)
    result = invoke("query", "--allow-update", UPDATES[0], "--store", store)
    assert result.exit_code == 0 and "update applied" in result.stdout
    after = snapshot(seeded_store)
    assert after == {**before, "<urn:x:g>": frozenset({("<urn:x:a>", "<urn:x:b>", "<urn:x:c>")})}


def test_query_refuses_updates_for_a_sparql_server_too() -> None:
    # Refused before any request is made: the URL does not even have to answer.
    assert_cli_error(invoke("query", "DROP ALL", "--store", "http://127.0.0.1:9/sparql"), "--allow-update")


# --- no SPARQL built by pasting article text ---------------------------------------------------------

KEYWORDS = re.compile(
    r"\b(SELECT|INSERT|DELETE|ASK|CONSTRUCT|DESCRIBE|WHERE|VALUES|GRAPH|DROP|CLEAR|PREFIX|FILTER|LOAD)\b"
)

# Every f-string that builds SPARQL, and why what it interpolates cannot be article text or break out of
# its place. A new one fails the test until it is reviewed and added here.
REVIEWED: dict[tuple[str, str], dict[str, str]] = {
    ("actorgraph/graph/query.py", "_entity_rows"): {
        "_ENTITIES": "constant graph IRI, written by rdflib", "types": "ontology class names and ints",
        "props": "the constant prefixed names of _DESCRIPTION and ints",
    },
    ("actorgraph/graph/query.py", "find_entities"): {"literals": "the user's text as rdflib Literal.n3() (escaped)"},
    ("actorgraph/graph/query.py", "_statement_counts"): {
        "pairs": "IRIs read from the store, written by rdflib n3(), and constant properties",
        "URIRef(i).n3()": "IRIs read from the store, written by rdflib n3()", "end": "one of two constants",
    },
    ("actorgraph/graph/network.py", "_store_neighbourhood"): {
        "values": "IRIs (read from the store, or the caller's, which rdflib n3() refuses when invalid)",
        "listed": "the modality names as rdflib Literal.n3() (escaped)", "keep": "a constant pattern and listed",
    },
    ("actorgraph/graph/network.py", "_picked_among"): {
        "values": "IRIs read from the store, written by rdflib n3()", "prop.n3()": "constant property IRIs",
    },
    ("actorgraph/graph/network.py", "index_network"): {
        "FACTS_GRAPH.n3()": "constant graph IRI, written by rdflib",
        "ENTITIES_GRAPH.n3()": "constant graph IRI, written by rdflib",
    },
    ("actorgraph/graph/query.py", "explain"): {
        "values_s": "IRIs read from the store, or given and checked by _valid_iri",
        "values_o": "the same", "s": "the same", "o": "the same",
        "AG_IRI": "constant", "rel": "checked against RELATIONS", "pattern": "constant",
    },
    ("actorgraph/graph/query.py", "_labels"): {"values": "IRIs read from the store", "i": "the same"},
    ("actorgraph/graph/export.py", "_actor_info"): {"values": "IRIs read from the store, written by rdflib n3()"},
    ("actorgraph/graph/export.py", "_property_values"): {"prop": "prefixed names from the module's constants"},
    ("actorgraph/graph/store.py", "entity_property_blocks"): {
        "name": "keys of ENTITY_PROPERTY_PATTERNS (a KeyError otherwise)",
        "ENTITY_PROPERTY_PATTERNS[name]": "constant patterns",
    },
    ("actorgraph/graph/store.py", "OxigraphStore.put_graph"): {
        "g": "pyoxigraph NamedNode, serialised by pyoxigraph", "self._data(quads)": "_quad_block, below",
    },
    ("actorgraph/graph/store.py", "_quad_block"): {
        "q.graph_name": "pyoxigraph term (N-Triples)", "q.subject": "pyoxigraph term (N-Triples)",
        "q.predicate": "pyoxigraph term (N-Triples)", "q.object": "pyoxigraph term (N-Triples, escaped literal)",
    },
    ("actorgraph/graph/remote.py", "SparqlHttpStore.put_graph"): {
        "graph": "a document IRI we minted (agr:doc-<hex>)", "lines": "rdflib n3() of each term (escaped)",
    },
    ("actorgraph/graph/remote.py", "SparqlHttpStore._with_prefixes"): {"p": "PREFIXES", "iri": "PREFIXES"},
    ("actorgraph/graph/bulk.py", "load"): {
        "marker": "layout_quads: constants written by rdflib n3()",
        "g.n3()": "rdflib n3()", "s.n3()": "rdflib n3()", "p.n3()": "rdflib n3()", "o.n3()": "rdflib n3()",
    },
    ("actorgraph/graph/bulk.py", "_load_shards"): {
        "g": "document IRIs we minted", "body": "built from n3() of rdflib terms",
        "g.n3()": "rdflib n3()", "s.n3()": "rdflib n3()", "p.n3()": "rdflib n3()", "o.n3()": "rdflib n3()",
    },
    ("actorgraph/graph/store.py", "GraphStore._data"): {
        "g.n3()": "rdflib n3()", "s.n3()": "rdflib n3()", "p.n3()": "rdflib n3()", "o.n3()": "rdflib n3()",
    },
    # The store layout (graph/index.py, graph/layout.py) and the store's own lookups: graph and property
    # IRIs are constants written by rdflib n3(); IRIs and keys are rdflib URIRef/Literal n3() (escaped).
    ("actorgraph/graph/index.py", "removal_update"): {
        "_FACTS": "constant (n3)", "_ASSERTED": "constant Literal (n3)", "graph": "one of two constants (n3)",
        "values": "rdflib n3() of each IRI", "excluded": "rdflib n3() of each graph IRI and constants",
    },
    ("actorgraph/graph/index.py", "label_refresh_update"): {
        "_ENTITIES": "constant (n3)", "rows": "rdflib URIRef/Literal n3() of entity IRIs and language tags",
        "values": "_iri_blocks: rdflib n3() of each IRI",
    },
    ("actorgraph/graph/index.py", "label_dedupe_update"): {
        "_ENTITIES": "constant (n3)", "values": "_iri_blocks: rdflib n3() of each IRI",
    },
    ("actorgraph/graph/index.py", "pref_label_clear_update"): {
        "_ENTITIES": "constant (n3)", "values": "_iri_blocks: rdflib n3() of each IRI",
    },
    ("actorgraph/graph/index.py", "rebuild_update"): {
        "_FACTS": "constant (n3)", "_ASSERTED": "constant Literal (n3)", "_RELS": "constants (n3)",
        "statement": "a pattern of the constants above", "values": "_iri_blocks: rdflib n3() of each IRI",
    },
    ("actorgraph/graph/index.py", "statement_count_update"): {
        "docs": "a constant pattern", "META_GRAPH.n3()": "constant", "STORE_NODE.n3()": "constant",
        "LAYOUT_VERSION": "an int constant",
    },
    ("actorgraph/graph/layout.py", "layout_version"): {"META_GRAPH.n3()": "constant", "STORE_NODE.n3()": "constant"},
    ("actorgraph/graph/layout.py", "_old_names"): {"_DOC_TYPES": "constant", "_NOT_DOCS": "constants (n3)"},
    ("actorgraph/graph/layout.py", "migrate_update"): {
        "_DOC_TYPES": "constant", "g.n3()": "rdflib n3()", "s.n3()": "rdflib n3()", "p.n3()": "rdflib n3()",
        "o.n3()": "rdflib Literal n3() (escaped)", "ENTITIES_GRAPH.n3()": "constant", "FACTS_GRAPH.n3()": "constant",
        "OLD_ENTITIES": "constant", "OLD_NETWORK_GRAPH.n3()": "constant", "_PROPS": "constants",
        "_RELS": "constants (n3)", "doc": "a constant pattern", "entity": "a constant pattern",
        "quads": "rdflib n3() of each term",
    },
    ("actorgraph/graph/store.py", "GraphStore.put_document"): {
        "self._data([*quads, *layout_quads()])": "GraphStore._data / OxigraphStore._data, below",
        "URIRef(graph).n3()": "rdflib n3() (refuses an invalid IRI)",
    },
    ("actorgraph/graph/store.py", "GraphStore.has_index"): {"ENTITIES_GRAPH.n3()": "constant (n3)"},
    ("actorgraph/graph/store.py", "GraphStore.remove_documents"): {
        "URIRef(g).n3()": "IRIs the store gave back (documents()), written by rdflib n3()",
    },
    ("actorgraph/graph/store.py", "GraphStore.has_graph"): {
        "URIRef(graph).n3()": "rdflib n3() (refuses an invalid IRI)",
    },
    ("actorgraph/graph/store.py", "GraphStore.documents"): {"values": "values_blocks: rdflib n3() of each IRI"},
    ("actorgraph/graph/store.py", "GraphStore.entities_in_use"): {
        "ent": "constant (n3)", "values": "values_blocks: rdflib n3() of each IRI",
    },
    ("actorgraph/graph/store.py", "GraphStore.known_entities"): {
        "ent": "constant (n3)", "KEYS_GRAPH.n3()": "constant", "_KNOWN_PROPS": "constant prefixed names",
        "' '.join(literals[i:i + 1000])": "rdflib Literal n3() of each key (escaped)",
        "where": "one of the two patterns built above",
    },
    ("actorgraph/cli.py", "reindex"): {"FACTS_GRAPH.n3()": "constant (n3)"},
    ("actorgraph/graph/query.py", "find_actor_iri"): {
        "_ENTITIES": "constant (n3)", "literal": "rdflib Literal(...).n3() (escaped)",
    },
    ("actorgraph/graph/query.py", "ego_network"): {
        "_ENTITIES": "constant (n3)", "iri": "checked by _valid_iri (pyoxigraph NamedNode)",
    },
    ("actorgraph/graph/query.py", "_walk"): {
        "_FACTS": "constant (n3)", "n": "IRIs read from the store, or checked by _valid_iri",
        "values": "built from those",
    },
    ("actorgraph/graph/query.py", "_within"): {
        "iri": "checked by _valid_iri", "out": "a variable name of ours", "inner": "built here from the same",
        "_FACTS": "constant (n3)", "i - 1": "an int", "_STEP": "a constant path",
    },
    ("actorgraph/graph/query.py", "_count_within"): {
        "_within(iri, depth, '?c')": "_within, above", "iri": "checked by _valid_iri",
    },
    ("actorgraph/graph/query.py", "_top_walk"): {
        "iri": "checked by _valid_iri", "n": "IRIs read from the store, or that one", "values": "built from those",
        "_FACTS": "constant (n3)", "nearer": "a constant pattern with iri, or _within", "int(limit)": "an int",
        "i": "an int", "1 << i if bits else i": "an int", "linked_to": "one of two constant aggregates",
    },
    ("actorgraph/graph/query.py", ""): {"p": "relation IRIs of the ontology (constants)", "bit": "an int"},
    ("actorgraph/graph/query.py", "_links_between"): {
        "a": "IRIs read from the store, or checked by _valid_iri", "b": "the same", "i": "an int",
        "block": "built from those", "_FACTS": "constant (n3)",
        "_BIT_VALUES": "relation IRIs of the ontology and ints",
    },
    ("actorgraph/graph/query.py", "_index_labels"): {
        "_ENTITIES": "constant (n3)", "' '.join((f'<{i}>' for i in half))": "IRIs read from the store",
        "i": "the same",
    },
    ("actorgraph/corpus.py", "stats"): {"relations": "ontology relation names (constants)", "net": "constant (n3)"},
    ("actorgraph/graph/query.py", "store_actors"): {
        "types": "ontology class names and ints", "_ENTITIES": "constant graph IRI, written by rdflib",
    },
    ("actorgraph/graph/network.py", "_picked"): {"prop.n3()": "a property of _STATEMENT_FIELDS/_ENTITY_FIELDS (n3)"},
    # Curation: every term is an rdflib n3() (URIRef refuses an invalid IRI, Literal escapes the user's name);
    # the patterns between are this module's constants.
    ("actorgraph/graph/curation.py", "_rewrite"): {
        "delete": "a pattern of _in/fix_update/_split_update (n3 terms)", "insert": "the same", "where": "the same",
    },
    ("actorgraph/graph/curation.py", "_in"): {"pattern": "a pattern of fix_update/_split_update (n3 terms)"},
    ("actorgraph/graph/curation.py", "fix_update"): {
        "e": "_iri: rdflib URIRef(...).n3()", "name": "rdflib Literal(...).n3() (escaped)",
        "_in(f'{e} a ?t')": "_in of n3 terms", "_in(f'{e} skos:prefLabel {name}')": "_in of n3 terms",
        "_SINGLE": "constant prefixed names", "d": "_iri: rdflib URIRef(...).n3()", "single": "a constant pattern",
        "_in(f'{d} ?p ?o')": "_in of n3 terms", "_in(f'{e} ?p ?other')": "_in of n3 terms",
    },
    ("actorgraph/graph/curation.py", "_split_update"): {
        "e": "_iri: rdflib URIRef(...).n3()", "Literal(fix.value).n3()": "rdflib Literal n3() (escaped)",
        "n": "_iri: rdflib URIRef(...).n3()", "ent": "constant graph IRI (n3)", "label": "rdflib Literal n3()",
        "folded": "rdflib Literal n3() (escaped)", "Literal(lang).n3()": "rdflib Literal n3()",
        "naming": "a pattern of the n3 terms above", "used": "a pattern of the n3 terms above",
    },
    ("actorgraph/graph/curation.py", "names_of"): {"_iri(iri)": "rdflib URIRef(...).n3()"},
    ("actorgraph/graph/curation.py", "pending_query"): {
        "e": "_iri: rdflib URIRef(...).n3()", "Literal(fix.value).n3()": "rdflib Literal n3() (escaped)",
        "_in(named)": "_in of n3 terms", "_in(f'{d} ?p ?o')": "_in of n3 terms", "_in(f'?s ?p {d}')": "the same",
        "_in(f'{e} a ?t')": "the same", "_in(f'{e} skos:prefLabel {name}')": "the same",
        "_in(f'{e} skos:altLabel {name}')": "the same", "typed": "_in of n3 terms and a constant",
    },
    ("actorgraph/graph/curation.py", "_pref_to_alt"): {
        "e": "_iri: rdflib URIRef(...).n3()", "Literal(lang).n3()": "rdflib Literal n3() (escaped)",
    },
}  # fmt: skip


def sparql_fstrings() -> Iterator[tuple[str, int, str, list[str]]]:
    """(file, line, function, interpolated expressions) of every f-string in actorgraph/ that looks like
    SPARQL: a SPARQL keyword in its text, or an IRI pasted between < and >."""
    for path in sorted((ROOT / "actorgraph").rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        for node in ast.walk(tree):
            where = str(path.relative_to(ROOT)), node.lineno if hasattr(node, "lineno") else 0
            call = node.func if isinstance(node, ast.Call) else None
            if isinstance(call, ast.Attribute) and call.attr == "format" and _sparql_constant(call.value):
                yield *where, _owner(node, parents), ["str.format(...)"]
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod) and _sparql_constant(node.left):
                yield *where, _owner(node, parents), ["% formatting"]
            if not isinstance(node, ast.JoinedStr):
                continue
            parts = node.values
            text = "".join(p.value for p in parts if isinstance(p, ast.Constant) and isinstance(p.value, str))
            pasted_iri = any(
                isinstance(a, ast.Constant) and str(a.value).endswith("<") and isinstance(b, ast.FormattedValue)
                for a, b in zip(parts, parts[1:], strict=False)
            )
            exprs = [ast.unparse(p.value) for p in parts if isinstance(p, ast.FormattedValue)]
            if exprs and (KEYWORDS.search(text) or pasted_iri):
                yield *where, _owner(node, parents), exprs


def _sparql_constant(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and bool(KEYWORDS.search(node.value))


def _owner(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> str:
    """``Class.function`` that contains ``node``."""
    names = []
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.append(node.name)
    return ".".join(reversed(names))


def test_sparql_is_never_built_from_unreviewed_interpolation() -> None:
    found = list(sparql_fstrings())
    assert len(found) >= 8  # the scan sees the ones we know of
    unreviewed = [
        f"{file}:{line} ({func}) interpolates {expr!r}"
        for file, line, func, exprs in found
        for expr in exprs
        if expr not in REVIEWED.get((file, func), {})
    ]
    assert not unreviewed, (
        "SPARQL built by interpolation: bind the values, or write terms with pyoxigraph / rdflib n3(), "
        "then list the place in REVIEWED with the reason it is safe:\n" + "\n".join(unreviewed)
    )


SPARQL_LABELS = (
    'Robert"); DROP ALL; #',
    "O'Brien } } ; DELETE WHERE { ?s ?p ?o } #",
    'Tri"""ple \\" back\\slash <urn:x> .',
    "Line\nbreak\r\tand {braces} and \\u0022 escapes",
)


def test_labels_with_sparql_syntax_stay_data(seeded_store: Path) -> None:
    """Labels and sentences full of SPARQL syntax: stored verbatim (also through the replacing path, an
    INSERT DATA), found by `actors` and `explain`, and no search changes the store."""
    sentence = f"{SPARQL_LABELS[0]} met {SPARQL_LABELS[1]} and {SPARQL_LABELS[2]} said {SPARQL_LABELS[3]}."
    store = str(seeded_store)
    with open_store(seeded_store) as db:
        ingest(db, [meeting(SPARQL_LABELS[0], SPARQL_LABELS[1], sentence, source="/corpus/sparql.txt")])
    with open_store(seeded_store) as db:  # the same document, changed: its graph is replaced
        changed = meeting(SPARQL_LABELS[2], SPARQL_LABELS[3], sentence + " Again.", source="/corpus/sparql.txt")
        assert len(ingest(db, [changed]).replaced) == 1
    before = snapshot(seeded_store)
    objects = {t[2] for triples in before.values() for t in triples}
    for text in (*SPARQL_LABELS[2:], sentence + " Again."):  # verbatim: quotes, braces, backslashes, breaks
        assert str(ox.Literal(text, language="en")) in objects, text
    assert not {str(ox.Literal(text, language="en")) for text in SPARQL_LABELS[:2]} & objects  # replaced
    listed = json.loads(invoke("actors", 'Tri"""ple \\"', "--store", store, "--format", "json").stdout)
    assert [a["label_en"] for a in listed] == [SPARQL_LABELS[2]]
    listed = json.loads(invoke("actors", "{braces}", "--store", store, "--format", "json").stdout)
    assert [a["label_en"] for a in listed] == [SPARQL_LABELS[3]]
    explained = invoke("explain", SPARQL_LABELS[2], "met", SPARQL_LABELS[3], "--store", store)
    assert explained.exit_code == 0 and "Again." in explained.stdout
    assert_cli_error(invoke("explain", SPARQL_LABELS[0], "met", "Pete Hegseth", "--store", store), "no entity")
    assert snapshot(seeded_store) == before


@pytest.mark.parametrize("iri", ["http://x> . ?s ?p ?o } #", "https://a/b c", "agr:person-pete-hegseth> ; DROP",
                                 'ag:x"y', "http://a/{b}"])  # fmt: skip
def test_malformed_iris_in_explain_are_one_line_errors(seeded_store: Path, iri: str) -> None:
    before = snapshot(seeded_store)
    assert_cli_error(invoke("explain", iri, "met", "Pete Hegseth", "--store", str(seeded_store)), "not a valid IRI")
    assert_cli_error(invoke("explain", "Gen Nakatani", "met", iri, "--store", str(seeded_store)), "not a valid IRI")
    assert snapshot(seeded_store) == before




@pytest.mark.skipif(not Path(OXIGRAPH).exists(), reason="the oxigraph server is not installed")
def test_labels_with_sparql_syntax_over_a_sparql_server(tmp_path: Path) -> None:
    """The same through the SPARQL 1.1 protocol, where replacing a graph is one DROP + INSERT DATA request."""
    with oxigraph_server("--location", str(tmp_path / "db")) as url:
        sentence = " ".join(SPARQL_LABELS) + " met."
        store = open_store(url)
        ingest(store, [meeting(SPARQL_LABELS[0], SPARQL_LABELS[1], sentence, source="/corpus/sparql.txt")])
        changed = meeting(SPARQL_LABELS[2], SPARQL_LABELS[3], sentence + " Again.", source="/corpus/sparql.txt")
        assert len(ingest(store, [changed]).replaced) == 1
        labels = {str(r["l"]) for r in store.select("SELECT ?l WHERE { ?e skos:prefLabel ?l }")}
        assert set(SPARQL_LABELS[2:]) <= labels and not set(SPARQL_LABELS[:2]) & labels
        texts = {str(r["t"]) for r in store.select("SELECT ?t WHERE { ?s ag:sentenceText ?t }")}
        assert texts == {sentence + " Again."}


# --- servers listen on the loopback interface ------------------------------------------------------

LOOPBACK = ("127.0.0.1", "::1", "localhost")


def test_no_server_is_told_to_listen_beyond_this_machine() -> None:
    """Source, tests, docs and notebooks: no wildcard address, and every `oxigraph serve` bound to the
    loopback interface (its default, localhost, when --bind is not given)."""
    files = [p for p in ROOT.glob("**/*") if p.is_file() and p.suffix in (".py", ".md", ".ipynb", ".toml", ".sh")
             and not {".venv", ".git", "node_modules"} & set(p.relative_to(ROOT).parts)]  # fmt: skip
    files.append(ROOT / "Makefile")
    assert len(files) > 40
    this = Path(__file__).resolve()
    for path in files:
        text = path.read_text("utf-8", errors="replace")
        if path.resolve() != this:
            assert "0.0.0.0" not in text and "[::]" not in text, path
            assert not re.search(r"\.bind\(\(\s*['\"]['\"]", text), path  # socket.bind(("", port))
            assert not re.search(r"(?:host|ip)\s*=\s*['\"](?:0\.0\.0\.0|::|\*)?['\"]", text), path
        for m in re.finditer(r"oxigraph\S*\"?,?\s*\"?serve\b[^\n]*", text):
            bind = re.search(r"--bind[\"',\s=]+f?[\"']?([^:\"'\s]+)", m.group(0))
            assert bind is None or bind.group(1) in LOOPBACK, (path, m.group(0))
    if Path(OXIGRAPH).exists():
        help_text = subprocess.run([OXIGRAPH, "serve", "--help"], capture_output=True, text=True).stdout
        assert re.search(r"--bind.*?\[default: localhost:\d+\]", help_text, re.S), help_text


def _listening(pids: set[int]) -> set[tuple[int, str, int]]:
    import psutil

    out = set()
    for pid in pids:
        try:
            conns = psutil.Process(pid).net_connections(kind="inet")
        except psutil.NoSuchProcess:
            continue
        out |= {(pid, c.laddr.ip, c.laddr.port) for c in conns if c.status == psutil.CONN_LISTEN}
    return out


def test_local_dask_cluster_listens_on_loopback_only() -> None:
    """`--dask local` starts a scheduler (with its HTTP server) and workers: all on 127.0.0.1."""
    pytest.importorskip("distributed")
    psutil = pytest.importorskip("psutil")
    from actorgraph.cluster import connect

    me = psutil.Process(os.getpid())
    before = _listening({me.pid})
    with connect("local", 1) as client:
        assert client.scheduler.address.startswith("tcp://127.0.0.1:")
        assert all(w.startswith("tcp://127.0.0.1:") for w in client.scheduler_info()["workers"])
        tree = {me.pid, *(p.pid for p in me.children(recursive=True))}
        sockets = _listening(tree) - before
    assert len(sockets) >= 3  # scheduler, its HTTP server, a worker
    assert all(ip == "127.0.0.1" for _, ip, _ in sockets), sockets
