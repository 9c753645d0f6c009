"""Exports of the store: RDF serialisations, GraphML for network tools, PLOVER event records."""

from __future__ import annotations

import io
import json
from importlib import resources
from typing import Any, BinaryIO

from actorgraph.graph.rdf import values_blocks
from actorgraph.graph.store import GraphStore

FORMATS = ("ttl", "trig", "nq", "jsonld", "graphml", "plover", "csv", "parquet")
DATED_FORMATS = ("plover", "csv", "parquet")  # the formats --since/--until apply to (one record per event)

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


def export(store: GraphStore, fmt: str, since: str | None = None, until: str | None = None) -> bytes:
    """The whole store in ``fmt`` (ttl, trig, nq, jsonld, graphml, plover, csv, parquet), as bytes; the
    event formats (plover, csv, parquet) keep the events dated within ``since``/``until`` (ISO dates)."""
    buf = io.BytesIO()
    export_to(store, fmt, buf, since=since, until=until)
    return buf.getvalue()


def export_to(store: GraphStore, fmt: str, out: BinaryIO, since: str | None = None, until: str | None = None) -> None:
    """:func:`export` written into a binary file as it is made (trig and nq straight from the store)."""
    if (since or until) and fmt not in DATED_FORMATS:
        raise ValueError(f"--since/--until apply to the event formats ({', '.join(DATED_FORMATS)}), not {fmt}")
    if fmt == "graphml":
        graphml(store, out)
    elif fmt == "plover":
        for event in plover_events(store, since=since, until=until):
            out.write((json.dumps(event, ensure_ascii=False) + "\n").encode("utf-8"))
    elif fmt in ("csv", "parquet"):
        from actorgraph.graph.tables import export_events

        export_events(store, fmt, out, since=since, until=until)
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


# Statement properties a PLOVER record needs (all of them: a statement missing one is left out) and may use.
_REQUIRED = {"plover": "ag:ploverType", "s": "rdf:subject", "p": "rdf:predicate", "o": "rdf:object",
             "modality": "ag:modality", "conf": "ag:confidence", "text": "ag:sentenceText", "idx": "ag:sentenceIndex",
             "cs": "ag:charStart", "ce": "ag:charEnd", "doc": "prov:wasDerivedFrom"}  # fmt: skip
_OPTIONAL = {"date": "ag:eventDate", "precision": "ag:datePrecision", "basis": "ag:dateBasis", "place": "ag:eventPlace",
             "scode": "ag:subjectCode", "ssector": "ag:subjectSector", "ocode": "ag:objectCode",
             "osector": "ag:objectSector", "stext": "ag:subjectText", "otext": "ag:objectText"}  # fmt: skip
_DOCUMENT = {"loc": "prov:atLocation", "lang": "ag:language", "docdate": "dcterms:date"}


def _property_values(store: GraphStore, prop: str) -> dict[str, str]:
    """subject → value (as text) of one property over the whole store; the smallest when there are two."""
    found: dict[str, str] = {}
    for s, v in store.select_values(f"SELECT DISTINCT ?s ?v WHERE {{ ?s {prop} ?v }}"):
        if s not in found or v < found[s]:
            found[s] = v
    return found


def _statement_rows(store: GraphStore) -> list[dict[str, Any]]:
    """One row per statement with a PLOVER type and every required property, in document, sentence and
    span order. Read one property at a time over the whole store: the single join with OPTIONALs this
    replaces took 34 s for 40,000 statements at 1M quads."""
    columns = {name: _property_values(store, prop) for name, prop in {**_REQUIRED, **_OPTIONAL}.items()}
    documents = {name: _property_values(store, prop) for name, prop in _DOCUMENT.items()}
    rows = []
    for st in columns["plover"]:
        if all(st in columns[name] for name in _REQUIRED):
            row: dict[str, Any] = {name: values.get(st) for name, values in columns.items()}
            row["st"] = st
            row["idx"], row["cs"], row["ce"] = int(row["idx"]), int(row["cs"]), int(row["ce"])
            row.update({name: values.get(row["doc"]) for name, values in documents.items()})
            rows.append(row)
    return sorted(rows, key=lambda r: (r["doc"], r["idx"], r["cs"], r["st"]))


def _event_date(row: dict[str, Any]) -> tuple[str | None, str | None, str | None]:
    """(date, precision, basis) of a statement: its own event date, else its document's date."""
    if row["date"] is not None:
        return row["date"], row["precision"] or _precision(row["date"]), row["basis"] or "sentence"
    if row["docdate"] is not None:
        return row["docdate"], _precision(row["docdate"]), "document"
    return None, None, None


def _precision(value: str) -> str:
    return "day" if len(value) >= 10 else "month" if len(value) >= 7 else "year"


def in_period(
    date: str | None, since: str | None = None, until: str | None = None, precision: str | None = None
) -> bool:
    """Whether an event dated ``date`` (ISO; ``precision`` day, month or year says how much of it is known)
    falls within [since, until]. A month or a year counts when any of it is within; an undated event is kept
    only when there is no bound."""
    if since is None and until is None:
        return True
    if not date:
        return False
    known = {"year": 4, "month": 7}.get(precision or "", len(date[:10]))
    start = date[:known]
    end = start + "-99-99"[len(start) - 4 :]  # the last possible day of that month or year, as text
    return (since is None or end >= since) and (until is None or start <= until)


def _actor(
    actors: dict[str, dict[str, Any]], iri: str, code: str | None, sector: str | None, mention: str | None
) -> dict[str, Any]:
    """The actor record, with the code and sector it had in this event when the statement carries one, and
    the words that name it in the sentence (``mention``)."""
    record = dict(actors[iri])
    if mention:
        record["mention"] = str(mention)
    if code:
        record.update(cameo=code, code=code[:3], country=code[:3], sector=sector or None)
    elif sector and not record.get("sector"):
        record["sector"] = sector
    return record


def plover_events(store: GraphStore, since: str | None = None, until: str | None = None) -> list[dict[str, Any]]:
    """One PLOVER-style record per event: statements with a PLOVER type, grouped per sentence so that
    "A and B criticised C" is one event with a compound actor. ``since``/``until`` (ISO dates) keep the
    events dated within them."""
    rows = [r for r in _statement_rows(store) if in_period(*_event_date(r)[:1], since, until, _event_date(r)[1])]
    places = {r["place"] for r in rows if r["place"]}
    actors = _actor_info(store, {r["s"] for r in rows} | {r["o"] for r in rows} | places)
    # First group subjects sharing (sentence, relation, modality, object), then their objects.
    by_object: dict[tuple[Any, ...], dict[str, Any]] = {}
    for r in rows:
        key = (r["doc"], r["idx"], r["p"], r["modality"], r["o"])
        ev = by_object.setdefault(key, {"row": r, "subjects": [], "statements": [], "codes": {}})
        if r["s"] not in ev["subjects"]:
            ev["subjects"].append(r["s"])
        ev["codes"].setdefault(r["s"], (r["scode"], r["ssector"], r["stext"]))
        ev["codes"].setdefault(r["o"], (r["ocode"], r["osector"], r["otext"]))
        ev["statements"].append(r["st"])
    events: dict[tuple[Any, ...], dict[str, Any]] = {}
    for (doc, idx, p, modality, obj), ev in by_object.items():
        event_key = (doc, idx, p, modality, tuple(sorted(ev["subjects"])))
        merged = events.setdefault(
            event_key, {"row": ev["row"], "subjects": ev["subjects"], "objects": [], "statements": [], "codes": {}}
        )
        merged["objects"].append(obj)
        merged["codes"] = {**ev["codes"], **merged["codes"]}
        merged["statements"] += ev["statements"]
    out = []
    for ev in events.values():
        r = ev["row"]
        relation = r["p"].rsplit("#", 1)[-1]
        date, precision, basis = _event_date(r)
        codes = ev["codes"]
        out.append(
            {
                "id": min(ev["statements"]).rsplit("/", 1)[-1],
                "date": date,
                "date_precision": precision,
                "date_basis": basis,
                "event_type": r["plover"],
                "mode": MODES.get(relation),
                "context": _context(r["text"]),
                "actor": [_actor(actors, s, *codes.get(s, (None, None, None))) for s in ev["subjects"]],
                "recipient": [_actor(actors, o, *codes.get(o, (None, None, None))) for o in ev["objects"]],
                "place": _place(actors, r["place"]),
                "relation": relation,
                "modality": r["modality"],
                "confidence": float(r["conf"]),
                "statements": sorted(ev["statements"]),
                "source": {
                    "document": r["doc"],
                    "location": r["loc"],
                    "language": r["lang"],
                    "sentence": r["text"],
                    "sentence_index": r["idx"],
                    "char_start": r["cs"],
                    "char_end": r["ce"],
                },
            }
        )
    return out


def _place(actors: dict[str, dict[str, Any]], iri: str | None) -> dict[str, Any] | None:
    if not iri or iri not in actors:
        return None
    found = actors[iri]
    return {"text": found["text"], "text_ar": found["text_ar"], "iri": iri, "type": found["type"],
            "country": found["code"]}  # fmt: skip


def _actor_info(store: GraphStore, iris: set[str]) -> dict[str, dict[str, Any]]:
    if not iris:
        return {}
    # Types looked up per actor (a scan would read every statement's type too); labels and codes scanned
    # once each, since only entities have them. DISTINCT: each document graph repeats them.
    from actorgraph.graph.network import TYPE_ORDER

    def rank(t: str) -> tuple[int, str]:  # the most specific type first, as the networkx projection picks it
        local = t.rsplit("#", 1)[-1]
        return (TYPE_ORDER.index(local) if local in TYPE_ORDER else len(TYPE_ORDER), local)

    types: dict[str, str] = {}
    for values in values_blocks(iris):
        for e, t in store.select_values(f"SELECT DISTINCT ?e ?t WHERE {{ VALUES ?e {{ {values} }} ?e a ?t "
                                        "FILTER(STRSTARTS(STR(?t), STR(ag:))) }"):  # fmt: skip
            types[e] = min(types.get(e, t), t, key=rank)
    labels: dict[tuple[str, str], str] = {}
    for e, label, lang in store.select_values(
        "SELECT DISTINCT ?e ?l (LANG(?l) AS ?lang) WHERE { ?e skos:prefLabel ?l }"
    ):
        key = (e, lang.split("-")[0].lower())
        labels[key] = min(labels.get(key, label), label)
    codes = {name: _property_values(store, prop) for name, prop in
             (("country", "ag:countryCode"), ("sector", "ag:sectorCode"), ("code", "ag:cameoCode"))}  # fmt: skip
    rows = [{"e": e, "type": types.get(e), "len": labels.get((e, "en")), "lar": labels.get((e, "ar")),
             **{name: found.get(e) for name, found in codes.items()}} for e in sorted(iris)]  # fmt: skip
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
            "country": code or None,
            "cameo": cameo or (country + sector if country else None) or None,
        }
    return out


def plover_schema() -> dict[str, Any]:
    return json.loads(resources.files("actorgraph.graph").joinpath("plover.schema.json").read_text("utf-8"))

