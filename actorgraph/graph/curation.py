"""Curation as data: a person's fixes to actors (merge, rename, alias, split), kept as Turtle beside the store
and applied to the store at every ingest, so they survive a rebuild from scratch.

The file is ``curation.ttl`` in the folder that holds the store (``out/curation.ttl`` for ``out/store``).
Each fix is one node of the curation vocabulary (``https://w3id.org/actorgraph/curation#``), applied in the
order of ``cur:order``; the file is written by rdflib one triple a line (valid Turtle), and reads like::

    [] a cur:Merge ;  cur:order 1 ; cur:keep agr:person-lloyd-austin ; cur:drop agr:person-austin .
    [] a cur:Rename ; cur:order 2 ; cur:entity agr:person-shinzu-abi ; skos:prefLabel "Shinzo Abe"@en .
    [] a cur:Alias ;  cur:order 3 ; cur:entity agr:person-shinzo-abe ; skos:altLabel "Abe Shinzo"@en .
    [] a cur:Split ;  cur:order 4 ; cur:entity agr:person-smith ; cur:name "John Smith" .

Applying a fix rewrites the entities graph and the document graphs (SPARQL Update) and then rebuilds the
graph of facts from the documents' statements (``graph.index``). Applying it twice changes nothing, so
running all of them after each ingest re-applies them to the documents just added. A split finds the
documents that name the other actor by the sentences of their statements about the actor.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, SKOS, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from actorgraph.graph.index import ENTITIES_GRAPH
from actorgraph.graph.store import GraphStore, StoreError

CUR = Namespace("https://w3id.org/actorgraph/curation#")
FILE_NAME = "curation.ttl"
KINDS = {"merge": CUR.Merge, "rename": CUR.Rename, "alias": CUR.Alias, "split": CUR.Split}
_HEADER = "# actorgraph curation: fixes to actors, applied at every ingest (actorgraph curate --help).\n"


class CurationError(StoreError):
    """A curation file that cannot be read, or a fix that cannot be applied."""


@dataclass(frozen=True, slots=True)
class Fix:
    kind: str  # merge | rename | alias | split
    entity: str  # the actor fixed (merge: the one kept)
    value: str = ""  # merge: the IRI merged into ``entity``; rename, alias: the name; split: the name split off
    lang: str = ""  # rename, alias: the language of the name

    def describe(self) -> str:
        if self.kind == "merge":
            return f"merge {self.value} into {self.entity}"
        return f"{self.kind} {self.entity} {self.value!r}" + (f"@{self.lang}" if self.lang else "")


def curation_path(store_spec: str | Path) -> Path | None:
    """Where the curation of an on-disk store lives; None for 'memory' or a server's URL."""
    text = str(store_spec)
    if text == "memory" or re.match(r"^[a-z][a-z0-9+.-]*://", text, re.I):
        return None
    return Path(text).expanduser().resolve().parent / FILE_NAME


def name_lang(name: str) -> str:
    return "en" if name.isascii() else "ar"


def read_fixes(path: Path | None) -> list[Fix]:
    """The fixes of a curation file in order (none when there is no file)."""
    if path is None or not path.exists():
        return []
    g = Graph()
    try:
        g.parse(path, format="turtle")
    except Exception as err:  # noqa: BLE001 - rdflib raises many kinds for a malformed file
        raise CurationError(f"{path}: not a curation file: {' '.join(str(err).split())[:200]}") from None
    fixes: list[tuple[int, Fix]] = []
    for kind, cls in KINDS.items():
        for node in g.subjects(RDF.type, cls):
            fixes.append((_int(g.value(node, CUR.order)), _fix(g, node, kind)))
    return [fix for _, fix in sorted(fixes, key=lambda pair: pair[0])]


def _int(value: Node | None) -> int:
    try:
        return int(str(value))
    except ValueError:
        return 0


def _fix(g: Graph, node: Node, kind: str) -> Fix:
    if kind == "merge":
        return Fix(kind, str(g.value(node, CUR.keep)), str(g.value(node, CUR.drop)))
    entity = str(g.value(node, CUR.entity))
    prop = {"rename": SKOS.prefLabel, "alias": SKOS.altLabel, "split": CUR.name}[kind]
    value = g.value(node, prop)
    lang = value.language if isinstance(value, Literal) and value.language else ""
    return Fix(kind, entity, str(value), lang)


def add_fix(path: Path, fix: Fix) -> None:
    """Append a fix to the curation file (created when missing), written by rdflib."""
    order = len(read_fixes(path)) + 1
    g = Graph()
    node = URIRef(f"{CUR}fix-{order}")  # an IRI while built, a blank node in the file
    g.add((node, RDF.type, KINDS[fix.kind]))
    g.add((node, CUR.order, Literal(order)))
    if fix.kind == "merge":
        g.add((node, CUR.keep, URIRef(fix.entity)))
        g.add((node, CUR.drop, URIRef(fix.value)))
    else:
        g.add((node, CUR.entity, URIRef(fix.entity)))
        prop = {"rename": SKOS.prefLabel, "alias": SKOS.altLabel, "split": CUR.name}[fix.kind]
        g.add((node, prop, Literal(fix.value, lang=fix.lang or None) if fix.kind != "split" else Literal(fix.value)))
    lines = [" ".join(term.n3() if term != node else f"_:fix{order}" for term in triple) + " ." for triple in g]
    body = "\n".join(sorted(lines, key=lambda line: (" a " not in line and "#type>" not in line, line)))
    head = "" if path.exists() else _HEADER
    with path.open("a", encoding="utf-8") as out:
        out.write(f"{head}\n{body}\n")
    read_fixes(path)  # what was written reads back


def _iri(text: str) -> str:
    return URIRef(text).n3()


def _rewrite(delete: str, insert: str, where: str) -> str:
    """One DELETE/INSERT over every named graph ``?g``."""
    return f"DELETE {{ GRAPH ?g {{ {delete} }} }} INSERT {{ GRAPH ?g {{ {insert} }} }} WHERE {{ {where} }}"


_SINGLE = "rdf:type ag:countryCode ag:sectorCode ag:cameoCode ag:romanized"  # at most one per entity


def _in(pattern: str) -> str:
    return f"GRAPH ?g {{ {pattern} }}"


def _pref_to_alt(e: str, lang: str) -> str:
    """The preferred labels of ``e`` in ``lang`` become alternative ones."""
    return _rewrite(f"{e} skos:prefLabel ?l", f"{e} skos:altLabel ?l",
                    _in(f"{e} skos:prefLabel ?l FILTER(LANGMATCHES(LANG(?l), {Literal(lang).n3()}))"))  # fmt: skip


def fix_update(fix: Fix) -> str:
    """The SPARQL Update that applies one fix to every document graph."""
    e = _iri(fix.entity)
    if fix.kind == "merge":
        d = _iri(fix.value)
        # What an entity has one of (a type, codes) the kept one keeps; the dropped one's fills a gap only.
        single = f"VALUES ?p {{ {_SINGLE} }}"
        return " ;\n".join([
            _rewrite(f"{d} skos:prefLabel ?l", f"{e} skos:altLabel ?l", _in(f"{d} skos:prefLabel ?l")),
            f"DELETE {{ GRAPH ?g {{ {d} ?p ?o }} }} WHERE {{ {single} {_in(f'{d} ?p ?o')} "
            f"FILTER EXISTS {{ {_in(f'{e} ?p ?other')} }} }}",
            _rewrite(f"{d} ?p ?o", f"{e} ?p ?o", _in(f"{d} ?p ?o")),
            _rewrite(f"?s ?p {d}", f"?s ?p {e}", _in(f"?s ?p {d}")),
        ])  # fmt: skip
    lang = fix.lang or name_lang(fix.value)
    name = Literal(fix.value, lang=lang).n3()
    if fix.kind == "rename":
        return " ;\n".join([
            _pref_to_alt(e, lang),
            _rewrite(f"{e} skos:altLabel {name}", f"{e} skos:prefLabel {name}", _in(f"{e} a ?t")),
        ])  # fmt: skip
    if fix.kind == "alias":
        return (f"INSERT {{ GRAPH ?g {{ {e} skos:altLabel {name} }} }} WHERE {{ {_in(f'{e} a ?t')} "
                f"FILTER NOT EXISTS {{ {_in(f'{e} skos:prefLabel {name}')} }} }}")  # fmt: skip
    return _split_update(fix)


def split_iri(fix: Fix) -> str:
    slug = re.sub(r"\W+", "-", fix.value.casefold()).strip("-") or hashlib.sha256(fix.value.encode()).hexdigest()[:8]
    return f"{fix.entity}-{slug}"


def _split_update(fix: Fix) -> str:
    """The documents whose statements about the actor name ``fix.value`` in their sentence get an actor of
    their own for it, described like the actor (type and codes) under that name."""
    e, n = _iri(fix.entity), _iri(split_iri(fix))
    ent = ENTITIES_GRAPH.n3()
    lang = fix.lang or name_lang(fix.value)
    label, folded = Literal(fix.value, lang=lang).n3(), Literal(fix.value.casefold()).n3()
    naming = (f"{{ SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?x rdf:subject|rdf:object {e} ; ag:sentenceText ?text "
              f"FILTER(CONTAINS(LCASE(STR(?text)), {folded})) }} }} }}")  # fmt: skip
    used = f"FILTER EXISTS {{ GRAPH ?h {{ ?y ?r {n} }} FILTER(?h != {ent}) }}"
    return " ;\n".join([
        f"DELETE {{ GRAPH ?g {{ ?s ?p {e} }} }} INSERT {{ GRAPH ?g {{ ?s ?p {n} }} }} WHERE {{ {naming} "
        f"GRAPH ?g {{ ?s ?p {e} }} }}",
        f"INSERT {{ GRAPH {ent} {{ {n} ?p ?v }} }} WHERE {{ GRAPH {ent} {{ {e} ?p ?v }} "
        f"VALUES ?p {{ rdf:type ag:countryCode ag:sectorCode ag:cameoCode }} {used} }}",
        f"DELETE {{ GRAPH {ent} {{ {n} skos:prefLabel ?l }} }} WHERE {{ GRAPH {ent} {{ {n} skos:prefLabel ?l }} "
        f"FILTER(LANGMATCHES(LANG(?l), {Literal(lang).n3()})) }}",
        f"INSERT {{ GRAPH {ent} {{ {n} skos:prefLabel {label} }} }} WHERE {{ {used} }}",
        f"DELETE {{ GRAPH {ent} {{ {e} skos:altLabel ?l }} }} WHERE {{ GRAPH {ent} {{ {e} skos:altLabel ?l }} "
        f"FILTER(STR(?l) = {Literal(fix.value).n3()}) }}",
    ])  # fmt: skip


def names_of(store: GraphStore, iri: str) -> set[str]:
    """Every label of an entity in the store, in any language."""
    rows = store.select_values(f"SELECT DISTINCT ?l WHERE {{ {_iri(iri)} skos:prefLabel|skos:altLabel ?l }}")
    return {row[0] for row in rows}


def pending_query(fix: Fix) -> str:
    """A SELECT with a row when ``fix`` would still change a document graph (so an ingest that brought
    nothing it concerns does not rebuild the index)."""
    e = _iri(fix.entity)
    if fix.kind == "merge":
        d = _iri(fix.value)
        return f"SELECT ?g WHERE {{ {{ {_in(f'{d} ?p ?o')} }} UNION {{ {_in(f'?s ?p {d}')} }} }} LIMIT 1"
    lang = fix.lang or name_lang(fix.value)
    name = Literal(fix.value, lang=lang).n3()
    typed = _in(f"{e} a ?t")  # its description (graph.index: the entities graph)
    if fix.kind == "rename":
        return f"SELECT ?g WHERE {{ {typed} FILTER NOT EXISTS {{ {_in(f'{e} skos:prefLabel {name}')} }} }} LIMIT 1"
    if fix.kind == "alias":
        return (f"SELECT ?g WHERE {{ {typed} FILTER NOT EXISTS {{ {_in(f'{e} skos:altLabel {name}')} }} "
                f"FILTER NOT EXISTS {{ {_in(f'{e} skos:prefLabel {name}')} }} }} LIMIT 1")  # fmt: skip
    named = f"{e} skos:prefLabel|skos:altLabel ?l FILTER(STR(?l) = {Literal(fix.value).n3()})"
    return f"SELECT ?g WHERE {{ {_in(named)} }} LIMIT 1"


def apply_fixes(store: GraphStore, fixes: list[Fix]) -> int:
    """Apply, in order, the ``fixes`` that would still change the store, then rebuild the facts about the
    actors whose statements moved; the number of fixes applied."""
    from actorgraph.graph.index import rebuild_update

    applied = 0
    moved: set[str] = set()  # actors whose statements a merge or split moved: their facts are rebuilt
    for fix in fixes:
        if store.select_values(pending_query(fix)):
            store.update(fix_update(fix))
            applied += 1
            if fix.kind in ("merge", "split"):
                moved |= {fix.entity, fix.value if fix.kind == "merge" else split_iri(fix)}
    if moved:
        store.update(rebuild_update(sorted(moved)))
    return applied


def apply_curation(store: GraphStore, path: Path | None) -> int:
    """Apply the curation file at ``path`` (nothing when there is none)."""
    return apply_fixes(store, read_fixes(path))
