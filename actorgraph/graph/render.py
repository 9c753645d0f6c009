"""One self-contained, offline HTML page of the actor network (vis-network, as pyvis ships it).

We do not go through pyvis's ``Network``: its template pulls Bootstrap from a CDN, its
``add_node``/``add_edge`` are quadratic, and its tooltips are HTML strings. We take the
vis-network build pyvis ships and inline it with our own page (``assets/``), so the file works
with the network off and the graph data stays data:

- the data is JSON inside ``<script type="application/json">`` with ``<``, ``>``, ``&``, U+2028
  and U+2029 escaped, so no article text can close the element or open a comment;
- the page builds every label, tooltip and detail with ``textContent`` (never ``innerHTML``);
- a Content-Security-Policy allows only our own scripts (by hash) and no network at all, so
  even a mistake in the above could not run injected script or fetch anything.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from importlib import resources
from pathlib import Path, PurePath
from typing import Any

import networkx as nx
from rdflib import Graph

from actorgraph.graph.network import (
    PLOVER_QUAD,
    actor_nodes,
    best_connected,
    ego_network,
    find_actor,
    to_networkx,
    top_degree,
)
from actorgraph.graph.query import actor_class

VIS_NETWORK = ("pyvis", "lib/vis-9.1.2/vis-network.min.js")
MAX_EVIDENCE = 20  # sentences kept per edge; the count says how many there were
MAX_TEXT = 600  # characters kept of one sentence or label
# Above this many nodes the page opens on the CORE_SIZE best-connected ones (the rest a click away), so a
# first view is readable; everything is laid out together, so showing the rest moves nothing.
CORE_ABOVE = 300
CORE_SIZE = 150

# Shape (vis-network) and legend symbol per type; the shape families group actors, documents
# and events, the colours tell types apart. Colour-blind-safe Tableau 10 palette.
TYPE_STYLES: dict[str, dict[str, str]] = {
    "Person": {"shape": "dot", "symbol": "\u25cf", "color": "#4e79a7"},
    "State": {"shape": "star", "symbol": "\u2605", "color": "#e15759"},
    "GovernmentBody": {"shape": "square", "symbol": "\u25a0", "color": "#f28e2b"},
    "MilitaryOrganization": {"shape": "triangle", "symbol": "\u25b2", "color": "#76b7b2"},
    "InternationalOrganization": {"shape": "hexagon", "symbol": "\u2b22", "color": "#59a14f"},
    "ArmedGroup": {"shape": "triangleDown", "symbol": "\u25bc", "color": "#b07aa1"},
    "Organization": {"shape": "square", "symbol": "\u25a0", "color": "#edc948"},
    "City": {"shape": "dot", "symbol": "\u25cf", "color": "#9c755f"},
    "Document": {"shape": "diamond", "symbol": "\u25c6", "color": "#bab0ac"},
    "Law": {"shape": "diamond", "symbol": "\u25c6", "color": "#ff9da7"},
    "Treaty": {"shape": "diamond", "symbol": "\u25c6", "color": "#d37295"},
    "Strategy": {"shape": "diamond", "symbol": "\u25c6", "color": "#a0cbe8"},
    "Event": {"shape": "hexagon", "symbol": "\u2b22", "color": "#8cd17d"},
    "Meeting": {"shape": "hexagon", "symbol": "\u2b22", "color": "#b6992d"},
    "Summit": {"shape": "hexagon", "symbol": "\u2b22", "color": "#499894"},
    "Position": {"shape": "dot", "symbol": "\u25cf", "color": "#d4a6c8"},
    "Actor": {"shape": "dot", "symbol": "\u25cf", "color": "#79706e"},
}

# Bidi embeddings, overrides and isolates: inside a label they could reorder what follows it.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# What must not appear raw inside a <script> element: "</script", "<!--", and the two line
# separators older JavaScript parsers treat as newlines.
_JSON_ESCAPES = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")


def render_html(
    graph: Graph | nx.MultiDiGraph,
    out: Path,
    *,
    ego: str | None = None,
    depth: int = 1,
    max_nodes: int | None = None,
) -> Path:
    """Write the actor network of ``graph`` (RDF, or its projection by ``network.to_networkx`` or
    ``network.store_network``) as one offline HTML page and return its path.

    ``ego`` (an IRI or label) with ``depth`` keeps the actors within ``depth`` links of it;
    ``max_nodes`` keeps the best-connected actors (the ego always among them). Raises
    ``ActorNotFound`` when ``ego`` matches no actor or several.
    """
    G = graph if isinstance(graph, nx.MultiDiGraph) else to_networkx(graph)
    total = G.number_of_nodes()
    notes = []
    center = None
    if ego is not None:
        center = find_actor(G, ego)
        G = ego_network(G, center, radius=depth)
        notes.append(f"Actors within {depth} link{'s' if depth != 1 else ''} of {G.nodes[center]['label']}.")
    if max_nodes is not None and G.number_of_nodes() > max_nodes:
        shown_of = G.number_of_nodes()
        G = top_degree(G, max_nodes, keep=[center] if center else [])
        notes.append(f"The {G.number_of_nodes()} best-connected of {shown_of} entities.")
    if not notes:
        actors = len(actor_nodes(G))
        notes.append(f"{actors} actors and {total - actors} other entities.")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(html_document(G, note=" ".join(notes)).encode("utf-8", errors="replace"))
    return out


def html_document(G: nx.MultiDiGraph, *, title: str = "actorgraph: actor network", note: str = "") -> str:
    """The page for a networkx projection (from ``to_networkx`` or a filter), as a string.

    Useful in notebooks: ``IPython.display.HTML(iframe_srcdoc(html_document(G)))``.
    """
    assets = resources.files("actorgraph.graph.assets")
    vis_js = (resources.files(VIS_NETWORK[0]) / VIS_NETWORK[1]).read_text(encoding="utf-8")
    errors_js = (assets / "graph_errors.js").read_text(encoding="utf-8")
    app_js = (assets / "graph_page.js").read_text(encoding="utf-8")
    for name, js in (("vis-network", vis_js), ("errors", errors_js), ("page", app_js)):
        if re.search(r"</script|<!--", js, re.IGNORECASE):  # would end or confuse the element
            raise ValueError(f"the {name} script cannot be inlined: it contains </script or <!--")
    scripts = " ".join(f"'sha256-{_sha256(js)}'" for js in (errors_js, vis_js, app_js))
    csp = (
        f"default-src 'none'; script-src {scripts}; style-src 'unsafe-inline'; img-src data:; "
        "font-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'"
    )
    values = {
        "csp": csp,
        "title": html.escape(_display(title)),
        "note": html.escape(_display(note)),
        "css": (assets / "graph_page.css").read_text(encoding="utf-8"),
        "errors_js": errors_js,
        "data": script_json(graph_data(G)),
        "vis_js": vis_js,
        "app_js": app_js,
    }
    template = (assets / "graph_page.html").read_text(encoding="utf-8")
    # One pass, so nothing inserted (scripts, data) is ever scanned for placeholders itself.
    return _PLACEHOLDER.sub(lambda m: values[m[1]], template)


def iframe_srcdoc(document: str, *, height: int = 650) -> str:
    """An ``<iframe srcdoc>`` holding the page, to show it inline in Jupyter."""
    return (
        f'<iframe srcdoc="{html.escape(document, quote=True)}" style="width:100%;height:{height}px;'
        'border:1px solid #ddd" sandbox="allow-scripts"></iframe>'
    )


def graph_data(G: nx.MultiDiGraph) -> dict[str, Any]:
    """What the page draws: plain JSON-ready lists, built directly (linear in the graph's size)."""
    index = {node: i for i, node in enumerate(G)}
    simple = nx.Graph(G.to_undirected(as_view=True))
    ranked = best_connected(G)
    rank = {node: i for i, node in enumerate(ranked)}
    nodes = []
    for node, attrs in G.nodes(data=True):
        nodes.append(
            {
                "id": index[node],
                "iri": _display(node),
                "type": attrs["type"] if attrs["type"] in TYPE_STYLES else "Actor",
                "actor": actor_class(attrs["types"]) is not None,  # what the page counts as an actor
                "label": _display(attrs["label"]),
                "label_en": _display(attrs["label_en"]),
                "label_ar": _display(attrs["label_ar"]),
                "alt_labels": [_display(a) for a in attrs["alt_labels"][:20]],
                "country": _display(attrs["country"]),
                "cameo": _display(attrs["cameo"]),
                "degree": simple.degree(node) - (1 if simple.has_edge(node, node) else 0),
                "rank": rank[node],  # 0: the best connected (labelled first, in the core first)
            }
        )
    edges = []
    for i, (s, o, attrs) in enumerate(G.edges(data=True)):
        quad = PLOVER_QUAD.get(attrs["plover"], "")
        edges.append(
            {
                "id": i,
                "from": index[s],
                "to": index[o],
                "relation": _display(attrs["relation"]),
                "modality": _display(attrs["modality"]),
                "plover": _display(attrs["plover"]),
                "quad": quad.rsplit("_", 1)[-1] if quad else "other",
                "symmetric": attrs["symmetric"],
                "count": attrs["count"],
                "first_date": attrs["first_date"],
                "last_date": attrs["last_date"],
                "dates": attrs["dates"],  # the events' dates, for the page's date range
                "evidence": [
                    {
                        "sentence": _display(ev["sentence"]),
                        "lang": _display(ev["lang"]),
                        "date": ev["date"],
                        "source": _display(source_name(ev)),
                        "published": ev.get("published"),
                    }
                    for ev in attrs["evidence"][:MAX_EVIDENCE]
                ],
            }
        )
    core = [index[node] for node in ranked[:CORE_SIZE]] if len(nodes) > CORE_ABOVE else None
    return {"nodes": nodes, "edges": edges, "styles": TYPE_STYLES, "core": core}


def source_name(evidence: dict[str, Any]) -> str:
    """How a person knows an article: its title, else its file name, else its URL, else the document's IRI."""
    location = evidence.get("location") or ""
    if evidence.get("title"):
        return str(evidence["title"])
    if location and not re.match(r"^[a-z][a-z0-9+.-]*://", location, re.I):
        return PurePath(location).name
    return location or str(evidence.get("document") or "")



def script_json(value: Any) -> str:
    """JSON that can sit inside a ``<script>`` element whatever strings it holds."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.translate(_JSON_ESCAPES)


def _display(text: str) -> str:
    text = _BIDI_CONTROLS.sub("", str(text))
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "\u2026"


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
