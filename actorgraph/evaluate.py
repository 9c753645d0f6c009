"""Score the tool on the user's own annotations (``actorgraph evaluate``).

Two kinds of gold:
- a folder of triples in the documented TSV format (``NAME.triples.tsv``: kind, subject, relation, object;
  kind 1 required, 0 optional, -1 must not be asserted; optional ``NAME.entities.tsv``: canonical name,
  type, accepted labels separated by ``|``), scored by precision and recall of asserted triples;
- a file of PLOVER-style event records (JSON list or JSON lines, each with ``text``, ``event`` or
  ``event_type``, and ``source``/``target`` actor codes), each sentence built as one article through the
  same path as ``build`` and ``export --format plover``; scored by detection (an event of the gold type),
  dyad (actor and recipient country codes as in the gold) and events per sentence.
"""

from __future__ import annotations

import difflib
import json
import re
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from actorgraph.ontology import LEXICON_DIR

# Old PLOVER names read as today's (the PLOVER gold standard still uses them).
OLD_PLOVER_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT",
                    "YIELD": "CONCEDE"}  # fmt: skip
STOP = frozenset({"of", "the", "for", "and", "s"})


def _synonyms() -> dict[str, str]:
    """Label words that name the same thing ('defence' = 'defense', 'japanese' = 'japan'): lexicon data."""
    path = LEXICON_DIR / "label_synonyms.tsv"
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    return {row[0]: row[1] for row in rows if len(row) >= 2 and not row[0].startswith("#")}


SYNONYMS = _synonyms()


def norm_label(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold().replace("’", "'")
    text = re.sub(r"[^\w\s]", " ", text)
    return re.sub(r"^the ", "", re.sub(r"\s+", " ", text).strip())


def signature(label: str) -> str:
    """An order-free set of content words: 'Japanese Minister of Defence' = 'Defense Minister of Japan'."""
    words: list[str] = []
    for word in re.sub(r"\bu s\b", "us", norm_label(label)).split():
        if word not in STOP:
            words.extend(SYNONYMS.get(word, word).split())
    return " ".join(sorted(set(words)))


def _rows(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


class EvaluationError(ValueError):
    """A gold file that cannot be read; the message is one line."""


class Gold:
    """One annotated document: its triples by kind, and the labels each entity may be given."""

    def __init__(self, triples: Path, entities: Path, symmetric: frozenset[str]) -> None:
        self.symmetric = symmetric
        self.alias: dict[str, str] = {}
        self.sig: dict[str, str] = {}
        for row in _rows(entities) if entities.exists() else []:
            for label in [row[0], *(row[2].split("|") if len(row) > 2 else [])]:
                if label.strip():
                    self.alias.setdefault(norm_label(label), row[0].strip())
                    self.sig.setdefault(signature(label), row[0].strip())
        self.kind: dict[tuple[str, str, str], int] = {}
        for row in _rows(triples):
            if len(row) < 4 or row[0].strip() not in ("1", "0", "-1"):
                raise EvaluationError(f"{triples}: a triple row needs kind (1, 0, -1), subject, relation, object")
            for label in (row[1], row[3]):
                self.alias.setdefault(norm_label(label), label)
                self.sig.setdefault(signature(label), label)
            self.kind[self.key(row[1], row[2], row[3])] = int(row[0])
        self.text = _text_of(triples)

    def canon(self, label: str) -> str:
        found = self.alias.get(norm_label(label)) or self.sig.get(signature(label)) or self._fuzzy(norm_label(label))
        return found or norm_label(label)

    def _fuzzy(self, label: str) -> str | None:
        """A close spelling of a name of two words or more ('Fayiz al-Sarraj' = 'Fayez al-Sarraj')."""
        words = label.split()
        if len(words) < 2:
            return None
        best, best_ratio = None, 0.85
        for alias, canonical in self.alias.items():
            other = alias.split()
            if len(other) < 2 or difflib.SequenceMatcher(None, words[-1], other[-1]).ratio() < 0.75:
                continue
            ratio = difflib.SequenceMatcher(None, label, alias).ratio()
            if ratio >= best_ratio:
                best, best_ratio = canonical, ratio
        return best

    def key(self, s: str, r: str, o: str) -> tuple[str, str, str]:
        s, r, o = self.canon(s), re.sub(r"[\s_\-]", "", r).casefold(), self.canon(o)
        if r in self.symmetric and o < s:
            s, o = o, s
        return (s, r, o)


def _text_of(triples: Path) -> Path:
    """The article: ``# text: PATH`` on the first line (relative to the gold folder), else NAME.txt beside it."""
    first = triples.read_text(encoding="utf-8").splitlines()[:1]
    if first and first[0].startswith("# text:"):
        return (triples.parent / first[0].split(":", 1)[1].strip()).resolve()
    name = triples.name[: -len(".triples.tsv")]
    for candidate in (triples.parent / f"{name}.txt", triples.parent.parent / "texts" / f"{name}.txt"):
        if candidate.exists():
            return candidate
    raise EvaluationError(f"{triples}: no '# text:' line and no {name}.txt beside it")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    must_not: int = 0
    documents: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self, name: str) -> str:
        return (f"{name}: docs={self.documents} P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} "
                f"tp={self.tp} fp={self.fp} fn={self.fn} must-not={self.must_not}")  # fmt: skip


def symmetric_relations() -> frozenset[str]:
    """Relations that hold both ways, from the ontology (owl:SymmetricProperty), folded as keys are."""
    from rdflib import OWL, RDF, Graph

    from actorgraph.ontology import ONTOLOGY_DIR

    graph = Graph().parse(ONTOLOGY_DIR / "actorgraph.ttl", format="turtle")
    return frozenset(str(s).rsplit("#", 1)[-1].casefold() for s in graph.subjects(RDF.type, OWL.SymmetricProperty))


def score_triples(gold_dir: Path, pattern: str = "*", model: str | None = "none") -> dict[str, Score]:
    """Score every ``NAME.triples.tsv`` under ``gold_dir`` whose NAME matches ``pattern``; per language."""
    from actorgraph.extract import extract_path
    from actorgraph.extract.formats import named_relations

    files = sorted(gold_dir.glob(f"{pattern}.triples.tsv"))
    if not files:
        raise EvaluationError(f"{gold_dir}: no *.triples.tsv files")
    symmetric = symmetric_relations()
    scores: dict[str, Score] = {}
    for triples in files:
        gold = Gold(triples, triples.with_name(triples.name.replace(".triples.tsv", ".entities.tsv")), symmetric)
        x = extract_path(gold.text, model=model)
        predicted = {
            gold.key(x.entities[r.subject].label, r.relation, x.entities[r.object].label)
            for r in named_relations(x)  # the triples, as `extract --format tsv` prints them
            if r.modality == "asserted"
        }
        required = {k for k, v in gold.kind.items() if v == 1}
        optional = {k for k, v in gold.kind.items() if v == 0}
        forbidden = {k for k, v in gold.kind.items() if v == -1}
        score = scores.setdefault(x.document.lang, Score())
        score.documents += 1
        score.tp += len(predicted & required)
        score.fn += len(required - predicted)
        score.fp += len(predicted - required - optional)
        score.must_not += len(predicted & forbidden)
        name = triples.name[: -len(".triples.tsv")]
        score.misses += [f"{name}\tmissed\t" + "\t".join(k) for k in sorted(required - predicted)]
        score.extras += [f"{name}\textra\t" + "\t".join(k) for k in sorted(predicted - required - optional)]
    return scores


# Events -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EventRecord:
    text: str
    type: str
    src: frozenset[str]
    tgt: frozenset[str]
    joint: bool  # two or more sources and no target: "X and Y agreed"


def _code(entry: Any) -> str | None:
    if isinstance(entry, dict):
        entry = entry.get("code") or entry.get("cameo")
    raw = entry if isinstance(entry, str) else ""
    code = raw.strip().upper()
    return code[:3] if re.fullmatch(r"[A-Z]{3}\w*", code) and code[:3] not in ("NON", "UNK") else None


def _codes(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value] if value else []
    return [c for c in map(_code, items) if c]


def read_event_records(path: Path) -> list[EventRecord]:
    """PLOVER-style records: a JSON list or JSON lines; records without text or type are skipped."""
    try:
        text = path.read_text(encoding="utf-8")
        lines = [json.loads(x) for x in text.splitlines() if x.strip()] if not text.lstrip().startswith("[") else []
        raw = json.loads(text) if text.lstrip().startswith("[") else lines
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise EvaluationError(f"{path}: not a JSON list or JSON lines of event records ({err})") from None
    records = []
    for r in raw:
        if not isinstance(r, dict):
            continue
        etype = str(r.get("event_type") or r.get("event") or "").upper()
        if not r.get("text") or not etype or etype == "DOCUMENT":
            continue
        src, tgt = _codes(r.get("source")), _codes(r.get("target"))
        n_sources = len(r["source"]) if isinstance(r.get("source"), list) else 1
        records.append(EventRecord(str(r["text"]), OLD_PLOVER_TYPES.get(etype, etype), frozenset(src),
                                   frozenset(tgt), joint=not tgt and n_sources >= 2 and bool(src)))  # fmt: skip
    if not records:
        raise EvaluationError(f"{path}: no event records with text and a type")
    return records


@dataclass
class EventScore:
    sentences: int = 0
    detected: int = 0
    dyad_records: int = 0
    dyad_ok: int = 0
    events: int = 0
    confusion: dict[str, Counter[str]] = field(default_factory=dict)

    def line(self) -> str:
        return (f"events: sentences={self.sentences} detection={self.detected / max(1, self.sentences):.3f} "
                f"dyad={self.dyad_ok / max(1, self.dyad_records):.3f} (of {self.dyad_records}) "
                f"events_per_sentence={self.events / max(1, self.sentences):.2f}")  # fmt: skip


def _event_codes(event: dict[str, Any], key: str) -> set[str]:
    return {c for a in event.get(key) or [] if isinstance(a, dict) for c in [_code(a.get("code") or "")] if c}


def _dyad(rec: EventRecord, events: list[dict[str, Any]]) -> bool:
    for e in events:
        a, b = _event_codes(e, "actor"), _event_codes(e, "recipient")
        if rec.joint and a & rec.src and b & rec.src:
            return True
        if not rec.joint and (not rec.src or rec.src & a) and (not rec.tgt or rec.tgt & b):
            return True
    return False


def events_by_record(records: list[EventRecord], model: str | None = "none") -> Iterator[list[dict[str, Any]]]:
    """The PLOVER events exported for each record's sentence, each built as one article (``build`` path)."""
    from actorgraph.corpus import load_corpus
    from actorgraph.graph.export import plover_events
    from actorgraph.graph.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        names = [f"r{i:05d}.txt" for i in range(len(records))]
        for name, rec in zip(names, records, strict=True):
            (corpus / name).write_text(rec.text + "\n", encoding="utf-8")
        with open_store("memory") as store:
            load_corpus([corpus], store, model=model)
            found: dict[str, list[dict[str, Any]]] = {name: [] for name in names}
            for event in plover_events(store):
                where = re.search(r"r\d{5}\.txt", json.dumps(event.get("source", {}), ensure_ascii=False))
                if where and where.group(0) in found:
                    found[where.group(0)].append(event)
    # A text given twice is stored once: both records get its events.
    by_text: dict[str, list[dict[str, Any]]] = {}
    for name, rec in zip(names, records, strict=True):
        by_text.setdefault(rec.text, []).extend(found[name])
    for rec in records:
        yield by_text[rec.text]


def score_events(records: list[EventRecord], model: str | None = "none") -> EventScore:
    score = EventScore()
    for rec, events in zip(records, events_by_record(records, model), strict=True):
        types = {str(e.get("event_type") or "").upper() for e in events}
        score.sentences += 1
        score.events += len(events)
        score.detected += rec.type in types
        score.confusion.setdefault(rec.type, Counter()).update(types or {"(none)"})
        if rec.src or rec.tgt:
            score.dyad_records += 1
            score.dyad_ok += _dyad(rec, events)
    return score


def iter_lines(scores: dict[str, Score]) -> Iterable[str]:
    total = Score()
    for lang, s in sorted(scores.items()):
        yield s.line(f"lang {lang}")
        for name in ("tp", "fp", "fn", "must_not", "documents"):
            setattr(total, name, getattr(total, name) + getattr(s, name))
    yield total.line("ALL")
