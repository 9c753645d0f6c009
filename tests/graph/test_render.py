"""The HTML page, read as HTML: offline, hostile text stays data, ego and max_nodes views.

What the browser makes of it is tested in test_render_browser.py.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from actor_graph_examples import (
    ATTRIBUTE_LABEL,
    HOSTILE_SENTENCE,
    JAVASCRIPT_LABEL,
    SCRIPT_LABEL,
    hub_and_spokes,
    tokyo_washington,
)

from actorgraph.graph.network import ActorNotFound, to_networkx
from actorgraph.graph.render import (
    CORE_ABOVE,
    CORE_SIZE,
    TYPE_STYLES,
    html_document,
    iframe_srcdoc,
    render_html,
    script_json,
)

TEMPLATE_TAGS = {
    "html", "head", "meta", "title", "style", "script", "body", "header", "h1", "p", "label", "input",
    "output", "select", "option", "span", "main", "nav", "section", "h2", "div", "aside", "pre", "button",
}  # fmt: skip
URL_ATTRIBUTES = {"src", "href", "action", "formaction", "data", "poster", "srcset", "background"}


class Page(HTMLParser):
    """Every start tag with its attributes, and the text of every script element."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._in_script: dict[str, str | None] | None = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)
            self.scripts.append((self._in_script, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = None

    def handle_data(self, data: str) -> None:
        if self._in_script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def graph_data(self) -> dict:
        (text,) = [t for a, t in self.scripts if a.get("type") == "application/json"]
        return json.loads(text)


@pytest.fixture(scope="module")
def page_path(tmp_path_factory) -> Path:
    return render_html(tokyo_washington(), tmp_path_factory.mktemp("render") / "graph.html")


@pytest.fixture(scope="module")
def page(page_path) -> Page:
    return Page(page_path.read_text(encoding="utf-8"))


def test_no_resource_from_the_network(page, page_path):
    for tag, attrs in page.tags:
        for name, value in attrs.items():
            assert name not in URL_ATTRIBUTES, f"<{tag} {name}={value!r}>"
    # Scripts are inline; the policy forbids fetching anything, and allows only our scripts.
    (csp,) = [a["content"] for t, a in page.tags if a.get("http-equiv") == "Content-Security-Policy"]
    assert csp.startswith("default-src 'none'; script-src 'sha256-")
    assert "unsafe-inline" not in csp.split("script-src", 1)[1].split(";", 1)[0]
    assert "connect-src 'none'" in csp
    assert not re.search(r"<(?:script|link|img|iframe)[^>]+(?:src|href)\s*=\s*[\"']?(?:https?:)?//",
                         page_path.read_text(encoding="utf-8"), re.I)  # fmt: skip


def test_only_the_template_makes_elements(page):
    # Hostile labels and sentences did not add a single element (no <img>, no extra <script>).
    assert {tag for tag, _ in page.tags} <= TEMPLATE_TAGS
    assert len(page.scripts) == 4  # error catcher, data, vis-network, page
    assert not [a for t, a in page.tags if any(name.startswith("on") for name in a)]


def test_hostile_text_round_trips_as_data(page, page_path):
    data = page.graph_data()
    labels = {n["label"] for n in data["nodes"]}
    assert {SCRIPT_LABEL, JAVASCRIPT_LABEL} <= labels
    assert [ATTRIBUTE_LABEL] in [n["alt_labels"] for n in data["nodes"]]
    sentences = [ev["sentence"] for e in data["edges"] for ev in e["evidence"]]
    assert HOSTILE_SENTENCE in sentences
    raw = page_path.read_text(encoding="utf-8")
    assert SCRIPT_LABEL not in raw and "<!--" not in raw and "\u2028" not in raw


def test_script_json_escapes_what_could_end_a_script():
    hostile = {"a": "</script><!--<script>\u2028\u2029&"}
    text = script_json(hostile)
    assert not re.search(r"[<>&\u2028\u2029]", text)
    assert json.loads(text) == hostile


def test_nodes_edges_and_styles(page):
    data = page.graph_data()
    by_label = {n["label"]: n for n in data["nodes"]}
    assert by_label["Japan"]["label_ar"] == "اليابان"
    assert by_label["Japan"]["type"] == "State" and by_label["Japan"]["degree"] == 3
    assert set(data["styles"]) == set(TYPE_STYLES)
    met = next(e for e in data["edges"] if e["relation"] == "met")
    assert (met["count"], met["symmetric"], met["quad"]) == (2, True, "cooperation")
    accused = next(e for e in data["edges"] if e["relation"] == "accused")
    assert accused["quad"] == "conflict" and accused["symmetric"] is False
    assert data["nodes"][accused["from"]]["label"] == "United States"


def test_bidi_controls_and_long_names_are_tamed():
    from actor_graph_examples import GraphWriter
    from rdflib import URIRef

    w = GraphWriter()
    a = w.entity(URIRef("https://w3id.org/actorgraph/id/x"), "Person", "\u202eevil\u202c " + "x" * 5000)
    b = w.entity(URIRef("https://w3id.org/actorgraph/id/y"), "State", "Y")
    w.statement("d", "en", a, "met", b, plover="CONSULT", sentence="\u2067isolated " + "y" * 5000)
    data = Page(html_document(to_networkx(w.ds))).graph_data()
    label = next(n["label"] for n in data["nodes"] if n["iri"].endswith("/x"))
    assert label.startswith("evil x") and len(label) == 600
    sentence = data["edges"][0]["evidence"][0]["sentence"]
    assert "\u2067" not in sentence and len(sentence) == 600


def test_ego_view(tmp_path):
    out = render_html(tokyo_washington(), tmp_path / "ego.html", ego="China", depth=1)
    data = Page(out.read_text(encoding="utf-8")).graph_data()
    assert {n["label"] for n in data["nodes"]} == {"China", "United States"}
    two_path = render_html(tokyo_washington(), tmp_path / "ego2.html", ego="الصين", depth=2)
    two = Page(two_path.read_text(encoding="utf-8")).graph_data()
    assert {n["label"] for n in two["nodes"]} == {"China", "United States", "Japan"}
    with pytest.raises(ActorNotFound):
        render_html(tokyo_washington(), tmp_path / "x.html", ego="Atlantis")


def test_max_nodes_keeps_the_best_connected(tmp_path):
    out = render_html(hub_and_spokes(30, chain=4), tmp_path / "big.html", max_nodes=5)
    text = out.read_text(encoding="utf-8")
    data = Page(text).graph_data()
    assert len(data["nodes"]) == 5
    assert "Hub" in {n["label"] for n in data["nodes"]}
    assert "The 5 best-connected of 35 entities." in text
    # The ego stays even when it is not among the best connected.
    ego = Page(render_html(hub_and_spokes(30, chain=4), tmp_path / "e.html", ego="City 3", depth=9,
                           max_nodes=3).read_text()).graph_data()  # fmt: skip
    assert "City 3" in {n["label"] for n in ego["nodes"]} and len(ego["nodes"]) == 3


def test_large_graph_page_is_built_in_linear_time():
    import time

    import networkx as nx

    # 20,000 actors and edges in the projection's shape, copied from a real one-edge projection.
    one = to_networkx(hub_and_spokes(1))
    node_attrs = next(iter(one.nodes.values()))
    ((_, _, edge_attrs),) = one.edges(data=True)
    n = 20_000
    G = nx.MultiDiGraph()
    G.add_nodes_from((f"n{i}", dict(node_attrs, label=f"Actor {i}")) for i in range(n))
    G.add_edges_from((f"n{i}", f"n{(i * 7 + 1) % n}", "visited|asserted", edge_attrs) for i in range(n))
    start = time.perf_counter()
    data = Page(html_document(G)).graph_data()
    elapsed = time.perf_counter() - start
    assert len(data["nodes"]) == 20_000 and len(data["edges"]) == 20_000
    assert elapsed < 10, f"{elapsed:.1f}s for 20,000 actors: pyvis's add_node/add_edge would take minutes"


def test_empty_graph(tmp_path):
    from rdflib import Graph

    data = Page(render_html(Graph(), tmp_path / "empty.html").read_text()).graph_data()
    assert data["nodes"] == [] and data["edges"] == []


def test_iframe_srcdoc_quotes_the_whole_page(page_path):
    frame = iframe_srcdoc(page_path.read_text(encoding="utf-8"))
    parsed = Page(frame)
    assert [t for t, _ in parsed.tags] == ["iframe"]
    assert parsed.tags[0][1]["srcdoc"] == page_path.read_text(encoding="utf-8")


def test_evidence_names_its_source_by_title_or_file_name():
    from actorgraph.graph.render import source_name

    doc = "https://w3id.org/actorgraph/id/doc-8bf484d51ef3bc0f"
    assert source_name({"title": "Tokyo and Washington", "location": "/news/a.txt", "document": doc}) == (
        "Tokyo and Washington"
    )
    assert source_name({"title": "", "location": "/news/2025/a.en.txt", "document": doc}) == "a.en.txt"
    assert source_name({"location": "https://example.org/news/1", "document": doc}) == "https://example.org/news/1"
    assert source_name({"document": doc}) == doc  # text given inline: the IRI is all there is


def test_page_data_for_filters_labels_and_the_core(page):
    data = page.graph_data()
    assert sorted(n["rank"] for n in data["nodes"]) == list(range(len(data["nodes"])))
    assert data["core"] is None  # a small graph opens whole
    dated = {e["relation"]: e["dates"] for e in data["edges"]}
    assert dated["sanctioned"] == ["2025-04-10"]
    assert {n["label"]: n["actor"] for n in data["nodes"]}["Shangri-La Dialogue"] is False
    big = Page(html_document(to_networkx(hub_and_spokes(400, chain=20)))).graph_data()
    assert len(big["nodes"]) > CORE_ABOVE and len(big["core"]) == CORE_SIZE
    assert big["nodes"][big["core"][0]]["label"] == "Hub"  # the best connected first
