"""Helpers of the reliability suite: running the CLI, checking one-line errors, store snapshots."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
from click.testing import CliRunner, Result
from rdflib import RDF

from actorgraph.cli import main
from actorgraph.extract.records import Document, Entity, Extraction, Relation, Sentence
from actorgraph.graph.index import ENTITIES_GRAPH, FACTS_GRAPH, SHARED_GRAPHS
from actorgraph.ontology.namespace import AG, RELATIONS

ROOT = Path(__file__).resolve().parents[2]
SEED_AR = ROOT / "seeds" / "000_18620a851a5501f3.txt"
SEED_EN = ROOT / "seeds" / "000_18620a851a5501f3.en.txt"

# Two one-sentence articles whose relation every version of the extractor finds.
ARTICLE_EN = "Japanese Defense Minister Gen Nakatani met US Defense Secretary Pete Hegseth in Singapore on Saturday.\n"
ARTICLE_AR = "التقى وزير الخارجية الأمريكي ماركو روبيو نظيره الصيني وانغ يي في بكين يوم الثلاثاء.\n"
MET_EN = ("Gen Nakatani", "met", "Pete Hegseth")
MET_AR = ("Marco Rubio", "met", "Wang Yi")

_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
Snapshot = dict[str, frozenset[tuple[str, str, str]]]
INDEX_GRAPHS = frozenset(f"<{g}>" for g in SHARED_GRAPHS)  # facts, entities, keys, layout: as snapshot keys
_RELATIONS = frozenset(f"<{AG[r]}>" for r in RELATIONS)
_STATEMENT = {f"<{RDF.subject}>": "s", f"<{RDF.predicate}>": "p", f"<{RDF.object}>": "o", f"<{AG.modality}>": "m"}


def documents_of(snap: Snapshot) -> Snapshot:
    """The document graphs of a snapshot (without the shared graphs of facts and entities)."""
    return {g: t for g, t in snap.items() if g not in INDEX_GRAPHS}


def index_is_consistent(snap: Snapshot) -> bool:
    """The shared graphs say what the documents say: the facts graph holds the triple of each asserted
    statement of a document graph and nothing else, the entities graph describes each entity a document
    graph refers to and no other."""
    docs = documents_of(snap).items()
    fields: dict[str, dict[str, str]] = {}
    referred: set[str] = set()
    for _, ts in docs:
        for s, p, o in ts:
            if p in _STATEMENT:
                fields.setdefault(s, {})[_STATEMENT[p]] = o
            if o.startswith("<") and p != _TYPE:
                referred.add(o)
    links = {(f["s"], f["p"], f["o"]) for f in fields.values() if f.get("m") == '"asserted"'}
    facts, entries = (snap.get(f"<{g}>", frozenset()) for g in (FACTS_GRAPH, ENTITIES_GRAPH))
    described = {s for s, _, _ in entries}
    return set(facts) == links and described <= referred and described >= {o for _, p, o in facts} | {
        s for s, _, _ in facts}


def actorgraph_command() -> list[str]:
    """The installed console script next to this interpreter, else ``python -m actorgraph.cli``."""
    script = Path(sys.executable).with_name("actorgraph")
    return [str(script)] if script.exists() else [sys.executable, "-m", "actorgraph.cli"]


def run(*args: str, timeout: float = 120, input: bytes | None = None, env: dict[str, str] | None = None,
        **kwargs: object) -> subprocess.CompletedProcess[str]:  # fmt: skip
    """``actorgraph ARGS`` in a real process (what a user's shell sees: exit code, stdout, stderr)."""
    proc = subprocess.run(
        [*actorgraph_command(), *args],
        input=input,
        capture_output=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
        **kwargs,  # type: ignore[arg-type]
    )
    return subprocess.CompletedProcess(
        proc.args, proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")
    )


def invoke(*args: str, input: bytes | str | None = None) -> Result:
    """``actorgraph ARGS`` in this process. An exception the CLI does not turn into a message propagates
    (``catch_exceptions=False``), so a would-be traceback fails the test."""
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def assert_one_line_error(exit_code: int, stdout: str, stderr: str, needle: str = "") -> str:
    """A mistake in the input is one ``Error: ...`` line on stderr, a non-zero exit and nothing else."""
    assert exit_code != 0, (stdout, stderr)
    assert "Traceback" not in stdout + stderr
    assert stdout.strip() == "", stdout
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert lines[0].startswith("Error: "), stderr
    assert needle.lower() in lines[0].lower(), (needle, lines[0])
    return lines[0]


def assert_cli_error(result: Result, needle: str = "") -> str:
    return assert_one_line_error(result.exit_code, result.stdout, result.stderr, needle)


def assert_process_error(proc: subprocess.CompletedProcess[str], needle: str = "") -> str:
    return assert_one_line_error(proc.returncode, proc.stdout, proc.stderr, needle)


def tsv_triples(output: str) -> set[tuple[str, str, str]]:
    return {tuple(line.split("\t")[:3]) for line in output.splitlines() if line.count("\t") >= 2}  # type: ignore[misc]


def snapshot(store: Path | str) -> Snapshot:
    """Every named graph of an on-disk store as a set of N-Triples-style (s, p, o) strings."""
    db = ox.Store.read_only(str(store))
    graphs: dict[str, set[tuple[str, str, str]]] = {}
    try:
        for q in db:
            if isinstance(q.graph_name, ox.DefaultGraph):
                continue
            graphs.setdefault(str(q.graph_name), set()).add((str(q.subject), str(q.predicate), str(q.object)))
    finally:
        del db
    return {g: frozenset(t) for g, t in graphs.items()}


def meeting(
    subject: str, obj: str, sentence: str, *, source: str, subject_ar: str = "", lang: str = "en"
) -> Extraction:
    """A hand-built extraction: ``subject met obj`` said by ``sentence`` (no NLP, so any label can be tried)."""
    doc = Document(id=source[-16:], text=sentence, lang=lang, source=source, title=f"{subject} & {obj}")
    ents = {
        "new:Person:a": Entity("new:Person:a", "Person", subject, subject_ar, aliases=[subject[:40]]),
        "new:Person:b": Entity("new:Person:b", "Person", obj, country="USA"),
    }
    start = sentence.find(" met ") + 1 if " met " in sentence else 0
    end = start + 3 if start else len(sentence)
    rels = [Relation("new:Person:a", "met", "new:Person:b", 0, start, end, rule="test.met", plover="CONSULT")]
    return Extraction(doc, [Sentence(0, 0, len(sentence), sentence)], ents, rels)
