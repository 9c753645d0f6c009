"""The main job: a folder of articles in, a validated knowledge graph (store + HTML view + summary) out."""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from rdflib import Graph, URIRef

from actorgraph.graph.index import NETWORK_GRAPH
from actorgraph.graph.query import store_actors
from actorgraph.graph.store import GraphStore, IngestReport, ingest, open_store
from actorgraph.ontology.namespace import RELATIONS
from actorgraph.sources import ARTICLE_SUFFIXES, JSONL_SUFFIXES, Failure, collect, plan

__all__ = ["ARTICLE_SUFFIXES", "JSONL_SUFFIXES", "BuildSummary", "LoadResult", "Stats", "Violation", "build",
           "collect", "load_corpus", "stats", "validate"]  # fmt: skip

SHAPES = "shapes.ttl"
# Input per chunk: small for a process pool on one machine, larger on Dask where each partition costs a
# round trip to the scheduler.
LOCAL_CHUNK_BYTES = 256 * 1024
DASK_CHUNK_BYTES = 2 * 1024 * 1024


@dataclass(slots=True)
class Violation:
    focus: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.focus} {self.path}: {self.message}".replace("  ", " ")


@dataclass(slots=True)
class Stats:
    documents: int = 0
    languages: dict[str, int] = field(default_factory=dict)
    sentences: int = 0
    actors_by_type: dict[str, int] = field(default_factory=dict)
    triples_by_relation: dict[str, int] = field(default_factory=dict)  # plain (asserted) triples
    statements_by_modality: dict[str, int] = field(default_factory=dict)
    quads: int | None = None  # not counted unless asked: counting every quad takes seconds at 10M

    def lines(self) -> list[str]:
        langs = ", ".join(f"{k} {v}" for k, v in sorted(self.languages.items()))
        out = [
            f"documents: {self.documents}" + (f" ({langs})" if langs else ""),
            f"sentences: {self.sentences}",
            f"actors: {sum(self.actors_by_type.values())}",
            *(f"  {k:<26} {v}" for k, v in _by_count(self.actors_by_type)),
            f"triples (asserted): {sum(self.triples_by_relation.values())}",
            *(f"  {k:<26} {v}" for k, v in _by_count(self.triples_by_relation)),
            "statements: "
            + (", ".join(f"{k} {v}" for k, v in _by_count(self.statements_by_modality)) or "0"),
        ]
        if self.quads is not None:
            out.append(f"quads in store: {self.quads}")
        return out


@dataclass(slots=True)
class BuildSummary:
    store: str
    stats: Stats
    ingest: IngestReport
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    warnings: list[str] = field(default_factory=list)
    violations: list[Violation] | None = None  # None: not validated
    html: Path | None = None
    notes: list[str] = field(default_factory=list)

    def text(self, max_violations: int = 10) -> str:
        ing = self.ingest
        out = [
            f"store: {self.store}",
            f"ingested: {len(ing.added)} new, {len(ing.replaced)} replaced, {len(ing.unchanged)} unchanged"
            + (f", {len(self.failed)} failed" if self.failed else "")
            + (f", {len(self.warnings)} warning{'s' if len(self.warnings) != 1 else ''}" if self.warnings else ""),
            *(f"  skipped {path}: {reason}" for path, reason in self.failed),
            *(f"  warning: {message}" for message in self.warnings),
            *self.stats.lines(),
        ]
        if self.violations is not None:
            if self.violations:
                out.append(f"SHACL: {len(self.violations)} violation(s)")
                out += [f"  {v}" for v in self.violations[:max_violations]]
                if len(self.violations) > max_violations:
                    out.append(f"  ... and {len(self.violations) - max_violations} more")
            else:
                out.append("SHACL: conforms")
        if self.html:
            out.append(f"graph view: {self.html}")
        out += self.notes
        return "\n".join(out) + "\n"


def _by_count(counts: dict[str, int]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def stats(store: GraphStore, *, quads: bool = True) -> Stats:
    """Counts over the whole store (what `build` prints and `actorgraph stats` shows); ``quads``: also every
    quad (1.6 s of 2.9 at 10M quads)."""
    st = Stats(quads=store.count() if quads else None)
    # Each property read once and joined (sub-selects): 0.3 s at 10M quads, a look-up per document 2 s.
    for r in store.select(
        "SELECT ?lang (COUNT(?d) AS ?n) (SUM(?sc) AS ?s) WHERE { { SELECT ?d WHERE { ?d a ag:SourceDocument } } "
        "{ SELECT ?d ?lang WHERE { ?d ag:language ?lang } } "
        "OPTIONAL { SELECT ?d ?sc WHERE { ?d ag:sentenceCount ?sc } } } GROUP BY ?lang"
    ):
        st.languages[str(r["lang"])] = int(r["n"].toPython())  # type: ignore[union-attr]
        st.sentences += int(r["s"].toPython()) if r["s"] is not None else 0  # type: ignore[attr-defined]
    st.documents = sum(st.languages.values())
    # Actors and links from the actor-network index when the store has one (each entity and each link
    # once: no DISTINCT over every document's copy); from the documents for a store without it.
    net = NETWORK_GRAPH.n3()
    indexed = store.has_index()
    for actor_type in store_actors(store).values():  # the one definition of an actor (graph.query)
        st.actors_by_type[actor_type] = st.actors_by_type.get(actor_type, 0) + 1
    relations = "VALUES ?p { " + " ".join(f"ag:{r}" for r in RELATIONS) + " }"
    for r in store.select(
        f"SELECT ?p (COUNT(*) AS ?n) WHERE {{ GRAPH {net} {{ ?s ?p ?o }} {relations} }} GROUP BY ?p"
        if indexed
        else f"SELECT ?p (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?p ?o WHERE {{ {relations} ?s ?p ?o }} }} "
        "GROUP BY ?p"
    ):
        st.triples_by_relation[str(r["p"]).rsplit("#", 1)[-1]] = int(r["n"].toPython())  # type: ignore[union-attr]
    # ag:modality has the domain ag:RelationStatement: no join with the types (5.1 s -> 0.3 s at 10M quads).
    for r in store.select("SELECT ?m (COUNT(?st) AS ?n) WHERE { ?st ag:modality ?m } GROUP BY ?m"):
        st.statements_by_modality[str(r["m"])] = int(r["n"].toPython())  # type: ignore[union-attr]
    return st


def shapes_graph() -> Graph:
    g = Graph()
    g.parse(data=resources.files("actorgraph.ontology").joinpath(SHAPES).read_text("utf-8"), format="turtle")
    return g


def validate(graph: Graph) -> list[Violation]:
    """SHACL violations of ``graph`` against ``ontology/shapes.ttl`` (empty when it conforms)."""
    import pyshacl
    from rdflib.namespace import SH

    _conforms, report, _text = pyshacl.validate(graph, shacl_graph=shapes_graph(), advanced=True)
    from actorgraph.graph.query import short

    out = []
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        path = report.value(result, SH.resultPath)
        out.append(
            Violation(
                short(report.value(result, SH.focusNode)),
                short(path) if isinstance(path, URIRef) else "",
                str(report.value(result, SH.resultMessage) or "violation"),
            )
        )
    return sorted(out, key=str)


@dataclass(slots=True)
class LoadResult:
    """One corpus run: what the store decided, what was skipped, and how long it took."""

    report: IngestReport
    failed: list[Failure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # inputs read with a repair, one line each
    inputs: int = 0  # documents and JSONL lines planned
    documents: int = 0  # documents extracted
    sentences: int = 0
    workers: int = 1
    mode: str = "per document"  # how the quads went in: "per document", "bulk", "dask"
    startup_seconds: float = 0.0  # building the extraction pipelines (once per process)
    extract_seconds: float = 0.0
    load_seconds: float = 0.0

    def timing(self) -> str:
        rate = f" ({self.sentences / self.extract_seconds:,.0f} sentences/s)" if self.extract_seconds else ""
        where = f"{self.workers} worker" + ("s" if self.workers != 1 else "")
        startup = f" after {self.startup_seconds:.1f} s start-up" if self.startup_seconds >= 0.05 else ""
        return (
            f"extracted {self.documents} documents, {self.sentences} sentences in "
            f"{self.extract_seconds:.1f} s on {where}{rate}{startup}; "
            f"loaded {self.report.quads} quads in {self.load_seconds:.1f} s ({self.mode})"
        )


@contextlib.contextmanager
def _progress_bar(enabled: bool, total: int, label: str) -> Iterator[Callable[[int], None]]:
    """``update(n)`` for a progress bar on stderr (click's: no extra dependency), or a no-op."""
    if not enabled or total <= 0:
        yield lambda n: None
        return
    import click

    with click.progressbar(length=total, label=label, file=sys.stderr, show_pos=True, show_eta=True) as bar:
        yield bar.update


def load_corpus(
    paths: Sequence[Path | str],
    store: GraphStore,
    *,
    lang: str | None = None,
    workers: int = 1,
    dask: Any = None,
    bulk: bool = False,
    progress: bool = False,
    work_dir: Path | str | None = None,
    model: str | None = None,
) -> LoadResult:
    """Extract the articles under ``paths`` (folders, article files, JSONL) and add them to ``store``.

    ``workers``: extraction processes on this machine (0: one per core). ``dask``: a scheduler address,
    ``"local"`` or a ``distributed.Client``; extraction and N-Quads writing then run on that cluster
    (shards under ``work_dir``). ``bulk``: load through N-Quads and Oxigraph's bulk loader (or the Graph
    Store Protocol of a SPARQL server). It is opt-in because it is not transactional: a killed bulk run can
    leave a document with neither version until the next run repairs it, whereas the default path writes
    each document's graph in one transaction (old or new, never half).
    ``model``: the English spaCy model whose NER adds actors ("none": rules only; None: the default).
    """
    from actorgraph.parallel import extract_chunks, resolve_workers, warm_up

    if dask is not None:
        return _load_on_dask(paths, store, dask=dask, lang=lang, workers=workers, progress=progress,
                             work_dir=work_dir, model=model)  # fmt: skip
    skipped: list[Failure] = []
    chunks = plan(paths, LOCAL_CHUNK_BYTES, skipped)
    result = LoadResult(IngestReport(), skipped, inputs=sum(c.size for c in chunks), workers=resolve_workers(workers))
    extractions = []
    start = time.perf_counter()
    if chunks:
        # Pipelines are built before the clock starts, so the rate is the extraction rate (and, with
        # fork, workers inherit them).
        warm_up((lang,) if lang else ("ar", "en"), model)
        result.startup_seconds = time.perf_counter() - start
    start = time.perf_counter()
    with _progress_bar(progress, result.inputs, "extracting") as update:
        for chunk_result in extract_chunks(chunks, workers=workers, lang=lang, model=model):
            extractions += chunk_result.extractions
            result.failed += chunk_result.failed
            result.warnings += chunk_result.warnings
            result.sentences += chunk_result.sentences
            update(chunk_result.size)
    result.documents = len(extractions)
    result.extract_seconds = time.perf_counter() - start
    start = time.perf_counter()
    if bulk:
        from actorgraph.graph.bulk import bulk_ingest

        result.report, result.mode = bulk_ingest(store, extractions, workdir=work_dir), "bulk"
    else:
        result.report = ingest(store, extractions)
    result.load_seconds = time.perf_counter() - start
    return result


def _load_on_dask(
    paths: Sequence[Path | str],
    store: GraphStore,
    *,
    dask: Any,
    lang: str | None,
    workers: int,
    progress: bool,
    work_dir: Path | str | None,
    model: str | None,
) -> LoadResult:
    import tempfile

    from actorgraph import cluster

    skipped: list[Failure] = []
    chunks = plan(paths, DASK_CHUNK_BYTES, skipped)
    result = LoadResult(IngestReport(), inputs=sum(c.size for c in chunks), mode="dask")
    with contextlib.ExitStack() as stack:
        if work_dir is None:
            work_dir = stack.enter_context(tempfile.TemporaryDirectory(prefix="actorgraph-shards-"))
        client = stack.enter_context(cluster.connect(dask, workers))
        update = stack.enter_context(_progress_bar(progress, result.inputs, "extracting on dask"))
        run = cluster.run(chunks, store, client, Path(work_dir), lang=lang, model=model, on_chunk=update)
    result.extract_seconds, result.load_seconds = run.extract_seconds, run.load_seconds
    result.report, result.failed, result.warnings = run.report, skipped + run.failed, run.warnings
    result.documents, result.sentences, result.workers = run.documents, run.sentences, run.workers
    return result


def build(
    paths: Sequence[Path | str],
    out_dir: Path | str,
    store: str = "oxigraph",
    html: bool = True,
    *,
    validate_shacl: bool = True,
    lang: str | None = None,
    workers: int = 1,
    dask: Any = None,
    bulk: bool = False,
    progress: bool = False,
    model: str | None = None,
    upgrade: bool = False,
) -> BuildSummary:
    """Extract every article under ``paths``, ingest into the store, validate, render; return the summary.

    ``paths`` are folders (searched recursively), article files (.txt .md .html) and JSONL files (one
    article a line). ``store`` is "oxigraph" (``out_dir/store`` on disk), "memory" (also written to
    ``out_dir/graph.trig``) or the URL of a SPARQL 1.1 server. Unreadable articles and bad JSONL lines are
    skipped and reported. ``workers``, ``dask``, ``bulk`` and ``model``: see :func:`load_corpus`.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    spec = str(out / "store") if store == "oxigraph" else store
    with open_store(spec, upgrade=upgrade) as gs:  # upgrade: convert a store of an older Oxigraph
        run = load_corpus(paths, gs, lang=lang, workers=workers, dask=dask, bulk=bulk, progress=progress,
                          work_dir=out / "shards" if dask is not None else None, model=model)  # fmt: skip
        from actorgraph.graph.curation import FILE_NAME, apply_curation

        curated = apply_curation(gs, out / FILE_NAME)  # the user's fixes to actors, kept beside the store
        failed = [(f.where, f.reason) for f in run.failed]
        summary = BuildSummary(gs.description, stats(gs), run.report, failed, run.warnings)
        if not run.inputs:
            summary.notes.append("note: no .txt, .md, .html or .jsonl files found")
        summary.notes.append(run.timing())
        if curated:
            summary.notes.append(f"curation: {curated} fixes from {out / FILE_NAME} applied")
        graph = gs.union_graph() if validate_shacl else None  # SHACL needs the whole graph in rdflib
        if graph is not None:
            summary.violations = validate(graph)
        network = None
        if html:
            from actorgraph.graph.network import store_network, to_networkx

            network = to_networkx(graph) if graph is not None else store_network(gs)
        if store == "memory":
            (out / "graph.trig").write_bytes(gs.serialize("trig"))
            summary.notes.append(f"graph written to {out / 'graph.trig'}")
    if html and network is not None:
        try:
            from actorgraph.graph.render import render_html
        except ImportError:
            summary.notes.append("note: graph view skipped (actorgraph.graph.render not available)")
        else:
            summary.html = render_html(network, out / "graph.html")
    return summary
