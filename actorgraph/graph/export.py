"""Exports of the store: RDF serialisations, GraphML for network tools, PLOVER event records."""

from __future__ import annotations

import io
import json
from importlib import resources
from typing import Any, BinaryIO

from actorgraph.graph.store import GraphStore, entity_property_blocks

FORMATS = ("ttl", "trig", "nq", "jsonld", "graphml", "plover")

# PLOVER modes we can read off the relation alone (PLOVER refines CONSULT and ACCUSE this way).
MODES: dict[str, str] = {
    "visited": "visit",
    "hosted": "visit",
    "attended": "multilateral",
    "criticized": "disapprove",
    "expressedConcernAbout": "disapprove",
    "accused": "allege",
}
# PLOVER contexts from words of the evidence sentence (English and normalised Arabic stems).
CONTEXT_WORDS: dict[str, tuple[str, ...]] = {
    "cyber": ("cyber", "سيبران", "الكتروني"),
    "military": ("military", "defense", "defence", "forces", "army", "عسكري", "الدفاع", "قوات", "جيش"),
    "diplomatic": ("talks", "summit", "diplomat", "dialogue", "محادثات", "قمه", "حوار", "دبلوماسي"),
    "legislative": ("law", "parliament", "bill", "قانون", "برلمان"),
    "economic": ("economic", "trade", "tariff", "اقتصاد", "تجار", "رسوم"),
    "cbrn": ("nuclear", "chemical", "نووي", "كيميائي"),
    "terrorism": ("terror", "ارهاب"),
    "intelligence": ("intelligence", "استخبار"),
}


def export(store: GraphStore, fmt: str) -> bytes:
    """The whole store in ``fmt`` (ttl, trig, nq, jsonld, graphml, plover), as bytes."""
    buf = io.BytesIO()
    export_to(store, fmt, buf)
    return buf.getvalue()


def export_to(store: GraphStore, fmt: str, out: BinaryIO) -> None:
    """:func:`export` written into a binary file as it is made (trig and nq straight from the store)."""
    if fmt == "graphml":
        graphml(store, out)
    elif fmt == "plover":
        for event in plover_events(store):
            out.write((json.dumps(event, ensure_ascii=False) + "\n").encode("utf-8"))
    else:
        store.write_to(fmt, out)


def graphml(store: GraphStore, out: BinaryIO) -> None:
    """The actor network (actorgraph.graph.network) with list attributes joined by "|" for GraphML."""
    import networkx as nx

    from actorgraph.graph.network import store_network

    G = store_network(store)
    flat = nx.MultiDiGraph()
    for n, attrs in G.nodes(data=True):
        flat.add_node(n, **_scalars(attrs))
    for s, o, k, attrs in G.edges(keys=True, data=True):
        flat.add_edge(s, o, key=k, **_scalars(attrs))
    nx.write_graphml(flat, out, encoding="utf-8")


def _scalars(attrs: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in attrs.items():
        if isinstance(v, bool | int | float | str):
            out[k] = v
        elif isinstance(v, list) and all(isinstance(x, str) for x in v):
            out[k] = "|".join(v)
    return out


def _context(sentence: str) -> list[str]:
    from actorgraph.graph.resolve import normalize_name

    text = normalize_name(sentence)
    return sorted(c for c, words in CONTEXT_WORDS.items() if any(normalize_name(w) in text for w in words))


def plover_events(store: GraphStore) -> list[dict[str, Any]]:
    """One PLOVER-style record per event: statements with a PLOVER type, grouped per sentence so that
    "A and B criticised C" is one event with a compound actor."""
    rows = store.select(
        """SELECT ?st ?s ?p ?o ?plover ?modality ?conf ?text ?idx ?cs ?ce ?date ?doc ?loc ?lang ?docdate
           WHERE {
             ?st a ag:RelationStatement ; ag:ploverType ?plover ; rdf:subject ?s ; rdf:predicate ?p ;
                 rdf:object ?o ; ag:modality ?modality ; ag:confidence ?conf ; ag:sentenceText ?text ;
                 ag:sentenceIndex ?idx ; ag:charStart ?cs ; ag:charEnd ?ce ; prov:wasDerivedFrom ?doc .
             OPTIONAL { ?st ag:eventDate ?date }
             OPTIONAL { ?doc prov:atLocation ?loc }
             OPTIONAL { ?doc ag:language ?lang }
             OPTIONAL { ?doc dcterms:date ?docdate }
           } ORDER BY ?doc ?idx ?cs ?st"""
    )
    actors = _actor_info(store, {str(r["s"]) for r in rows} | {str(r["o"]) for r in rows})
    # First group subjects sharing (sentence, relation, modality, object), then their objects.
    by_object: dict[tuple[Any, ...], dict[str, Any]] = {}
    for r in rows:
        key = (str(r["doc"]), int(r["idx"].toPython()), str(r["p"]), str(r["modality"]), str(r["o"]))  # type: ignore[union-attr]
        ev = by_object.setdefault(key, {"row": r, "subjects": [], "statements": []})
        if str(r["s"]) not in ev["subjects"]:
            ev["subjects"].append(str(r["s"]))
        ev["statements"].append(str(r["st"]))
    events: dict[tuple[Any, ...], dict[str, Any]] = {}
    for (doc, idx, p, modality, obj), ev in by_object.items():
        event_key = (doc, idx, p, modality, tuple(sorted(ev["subjects"])))
        merged = events.setdefault(
            event_key, {"row": ev["row"], "subjects": ev["subjects"], "objects": [], "statements": []}
        )
        merged["objects"].append(obj)
        merged["statements"] += ev["statements"]
    out = []
    for ev in events.values():
        r = ev["row"]
        relation = str(r["p"]).rsplit("#", 1)[-1]
        date = r["date"] if r["date"] is not None else r["docdate"]
        out.append(
            {
                "id": min(ev["statements"]).rsplit("/", 1)[-1],
                "date": str(date) if date is not None else None,
                "event_type": str(r["plover"]),
                "mode": MODES.get(relation),
                "context": _context(str(r["text"])),
                "actor": [actors[s] for s in ev["subjects"]],
                "recipient": [actors[o] for o in ev["objects"]],
                "relation": relation,
                "modality": str(r["modality"]),
                "confidence": float(r["conf"].toPython()),
                "statements": sorted(ev["statements"]),
                "source": {
                    "document": str(r["doc"]),
                    "location": str(r["loc"]) if r["loc"] is not None else None,
                    "language": str(r["lang"]) if r["lang"] is not None else None,
                    "sentence": str(r["text"]),
                    "sentence_index": int(r["idx"].toPython()),
                    "char_start": int(r["cs"].toPython()),
                    "char_end": int(r["ce"].toPython()),
                },
            }
        )
    return out


def _actor_info(store: GraphStore, iris: set[str]) -> dict[str, dict[str, Any]]:
    if not iris:
        return {}
    values = " ".join(f"<{i}>" for i in sorted(iris))
    rows = store.select(
        f"""SELECT ?e (SAMPLE(?t) AS ?type) (SAMPLE(?en) AS ?len) (SAMPLE(?ar) AS ?lar)
                  (SAMPLE(?cc) AS ?country)
                  (SAMPLE(?sec) AS ?sector) (SAMPLE(?cameo) AS ?code) WHERE {{
              VALUES ?e {{ {values} }}
              {entity_property_blocks("t", "en", "ar", "cc", "sec", "cameo")}
            }} GROUP BY ?e"""
    )
    out = {}
    for r in rows:
        cameo = str(r["code"] or "")
        country = str(r["country"] or "")
        # An international actor has no ISO3: its CAMEO code starts with IGO, NGO, MNC ...
        code = country or (cameo[:3] if cameo else None)
        sector = str(r["sector"] or "") or (cameo[3:] if cameo and cameo[:3] != country else "")
        out[str(r["e"])] = {
            "text": str(r["len"] or r["lar"] or str(r["e"]).rsplit("/", 1)[-1]),
            "text_ar": str(r["lar"]) if r["lar"] is not None else None,
            "iri": str(r["e"]),
            "type": str(r["type"]).rsplit("#", 1)[-1] if r["type"] is not None else None,
            "code": code or None,
            "sector": sector or None,
            "cameo": cameo or None,
        }
    return out


def plover_schema() -> dict[str, Any]:
    return json.loads(resources.files("actorgraph.graph").joinpath("plover.schema.json").read_text("utf-8"))

