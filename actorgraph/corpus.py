"""The main job: a folder of articles in, a validated knowledge graph (store + HTML view + summary) out."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from rdflib import Graph, URIRef

from actorgraph.graph.store import GraphStore, IngestReport, ingest, open_store
from actorgraph.ontology.namespace import RELATIONS

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm"})
SHAPES = "shapes.ttl"


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
    quads: int = 0

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
            f"quads in store: {self.quads}",
        ]
        return out


@dataclass(slots=True)
class BuildSummary:
    store: str
    stats: Stats
    ingest: IngestReport
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    violations: list[Violation] | None = None  # None: not validated
    html: Path | None = None
    notes: list[str] = field(default_factory=list)

    def text(self, max_violations: int = 10) -> str:
        ing = self.ingest
        out = [
            f"store: {self.store}",
            f"ingested: {len(ing.added)} new, {len(ing.replaced)} replaced, {len(ing.unchanged)} unchanged"
            + (f", {len(self.failed)} failed" if self.failed else ""),
            *(f"  skipped {path}: {reason}" for path, reason in self.failed),
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


def collect(paths: Iterable[Path | str]) -> list[Path]:
    """Files given, plus article files (.txt .md .html) found under directories, in a stable order."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES)
        else:
            out.append(p)
    return list(dict.fromkeys(out))


def stats(store: GraphStore) -> Stats:
    """Counts over the whole store (what `build` prints and `actorgraph stats` shows)."""
    st = Stats(quads=store.count())
    for r in store.select(
        "SELECT ?lang (COUNT(?d) AS ?n) (SUM(?sc) AS ?s) WHERE { ?d a ag:SourceDocument ; ag:language ?lang "
        "OPTIONAL { ?d ag:sentenceCount ?sc } } GROUP BY ?lang"
    ):
        st.languages[str(r["lang"])] = int(r["n"].toPython())  # type: ignore[union-attr]
        st.sentences += int(r["s"].toPython()) if r["s"] is not None else 0
    st.documents = sum(st.languages.values())
    # Most specific type per entity would need ordering; an entity is counted under each of its types.
    for r in store.select(
        """SELECT ?type (COUNT(DISTINCT ?e) AS ?n) WHERE {
             ?e a ?type . VALUES ?type { ag:Person ag:State ag:Organization ag:GovernmentBody
               ag:MilitaryOrganization ag:InternationalOrganization ag:ArmedGroup } } GROUP BY ?type"""
    ):
        st.actors_by_type[str(r["type"]).rsplit("#", 1)[-1]] = int(r["n"].toPython())  # type: ignore[union-attr]
    relations = " ".join(f"ag:{r}" for r in RELATIONS)
    for r in store.select(
        f"SELECT ?p (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?p {{ {relations} }} "
        "?s ?p ?o } } GROUP BY ?p"
    ):
        st.triples_by_relation[str(r["p"]).rsplit("#", 1)[-1]] = int(r["n"].toPython())  # type: ignore[union-attr]
    for r in store.select(
        "SELECT ?m (COUNT(?st) AS ?n) WHERE { ?st a ag:RelationStatement ; ag:modality ?m } GROUP BY ?m"
    ):
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


def build(
    paths: Sequence[Path | str],
    out_dir: Path | str,
    store: str = "oxigraph",
    html: bool = True,
    *,
    validate_shacl: bool = True,
    lang: str | None = None,
) -> BuildSummary:
    """Extract every article under ``paths``, ingest into the store, validate, render; return the summary.

    ``store`` is "oxigraph" (``out_dir/store`` on disk), "memory" (also written to ``out_dir/graph.trig``)
    or the URL of a SPARQL 1.1 server. Unreadable articles are skipped and reported.
    """
    from actorgraph.extract import extract_path

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    failed: list[tuple[str, str]] = []
    extractions = []
    files = collect(paths)
    for f in files:
        try:
            extractions.append(extract_path(f, lang=lang))
        except Exception as err:  # noqa: BLE001 - one bad article must not stop the corpus
            failed.append((str(f), " ".join(str(err).split()) or type(err).__name__))
    spec = str(out / "store") if store == "oxigraph" else store
    with open_store(spec) as gs:
        report = ingest(gs, extractions)
        summary = BuildSummary(gs.description, stats(gs), report, failed)
        if not files:
            summary.notes.append("note: no .txt, .md or .html files found")
        graph = gs.union_graph() if (validate_shacl or html) else None
        if validate_shacl and graph is not None:
            summary.violations = validate(graph)
        if store == "memory":
            (out / "graph.trig").write_bytes(gs.serialize("trig"))
            summary.notes.append(f"graph written to {out / 'graph.trig'}")
    if html and graph is not None:
        try:
            from actorgraph.graph.render import render_html
        except ImportError:
            summary.notes.append("note: graph view skipped (actorgraph.graph.render not available)")
        else:
            summary.html = render_html(graph, out / "graph.html")
    return summary
