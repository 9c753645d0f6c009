"""Flat exports for pandas, Excel and Gephi users: one row per event (CSV, Parquet) and one per actor.

An event row is the PLOVER record of ``graph.export`` flattened: the date with its precision and basis,
the actor and the recipient with their CAMEO country, sector and code (a compound actor, "Hungary and
Romania agreed", has its parts joined by ``|``), the PLOVER type, relation, modality, the place with its
country, and where it was read (document, sentence). Parquet needs pyarrow (``pip install pyarrow``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any, BinaryIO

from actorgraph.graph.store import GraphStore

JOIN = "|"
EVENT_COLUMNS = (
    "id", "date", "date_precision", "date_basis", "event_type", "mode", "context", "relation", "modality",
    "confidence", "actor", "actor_text", "actor_country", "actor_sector", "actor_code", "actor_type", "actor_iri",
    "recipient", "recipient_text", "recipient_country", "recipient_sector", "recipient_code", "recipient_type",
    "recipient_iri",
    "place", "place_country", "place_iri", "language", "document", "location", "sentence_index", "sentence",
)  # fmt: skip
ACTOR_COLUMNS = ("iri", "type", "label_en", "label_ar", "country", "cameo", "statements", "alt_labels")


class MissingDependency(RuntimeError):
    """An optional package a format needs is not installed."""


def _joined(parties: Sequence[dict[str, Any]], key: str) -> str:
    return JOIN.join(str(p.get(key) or "") for p in parties)


def event_rows(events: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """PLOVER records (``export.plover_events``) as flat rows with the columns of ``EVENT_COLUMNS``."""
    rows = []
    for ev in events:
        row: dict[str, Any] = {k: ev.get(k) for k in ("id", "date", "date_precision", "date_basis", "event_type",
                                                      "mode", "relation", "modality", "confidence")}  # fmt: skip
        row["context"] = JOIN.join(ev.get("context") or [])
        for side in ("actor", "recipient"):
            parties = ev.get(side) or []
            row[side] = _joined(parties, "text")
            row[f"{side}_text"] = _joined(parties, "mention")  # the words naming it in the sentence
            row[f"{side}_country"] = _joined(parties, "country")
            row[f"{side}_sector"] = _joined(parties, "sector")
            row[f"{side}_code"] = _joined(parties, "cameo")
            row[f"{side}_type"] = _joined(parties, "type")
            row[f"{side}_iri"] = _joined(parties, "iri")
        place = ev.get("place") or {}
        row.update(place=place.get("text", ""), place_country=place.get("country") or "",
                   place_iri=place.get("iri", ""))  # fmt: skip
        source = ev.get("source") or {}
        row.update(language=source.get("language"), document=source.get("document"), location=source.get("location"),
                   sentence_index=source.get("sentence_index"), sentence=source.get("sentence"))  # fmt: skip
        rows.append(row)
    return rows


def write_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str], out: BinaryIO) -> None:
    """UTF-8 CSV with a header row."""
    text = io.TextIOWrapper(out, encoding="utf-8", newline="")
    writer = csv.DictWriter(text, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if row.get(k) is None else row.get(k) for k in columns})
    text.flush()
    text.detach()


def write_parquet(rows: Sequence[dict[str, Any]], columns: Sequence[str], out: BinaryIO) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingDependency("--format parquet needs pyarrow: pip install pyarrow (or use --format csv)") from None
    table = pa.Table.from_pylist([{k: r.get(k) for k in columns} for r in rows], schema=_schema(pa, columns))
    pq.write_table(table, out)


def _schema(pa: Any, columns: Sequence[str]) -> Any:
    numbers = {"confidence": pa.float64(), "sentence_index": pa.int64(), "statements": pa.int64()}
    return pa.schema([(c, numbers.get(c, pa.string())) for c in columns])


def export_events(
    store: GraphStore, fmt: str, out: BinaryIO, since: str | None = None, until: str | None = None
) -> None:
    """Events of the store, one row each, as ``csv`` or ``parquet``."""
    from actorgraph.graph.export import plover_events

    rows = event_rows(plover_events(store, since=since, until=until))
    if fmt == "parquet":
        write_parquet(rows, EVENT_COLUMNS, out)
    else:
        write_csv(rows, EVENT_COLUMNS, out)


def actor_rows(actors: Iterable[Any]) -> list[dict[str, Any]]:
    """``query.ActorRow`` records as flat rows (alternative labels joined by ``|``)."""
    return [{"iri": a.iri, "type": a.type, "label_en": a.label_en, "label_ar": a.label_ar, "country": a.country,
             "cameo": a.cameo, "statements": a.statements, "alt_labels": JOIN.join(a.alt_labels)}
            for a in actors]  # fmt: skip
