"""Store layout 2 (graph/index.py, graph/layout.py): each fact and entity once; a layout-1 store is refused with
a one-line message and moved by `actorgraph migrate` to what a fresh ingest writes."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from conftest import make_ar, make_en
from rdflib import RDF, Literal, URIRef

from actorgraph.cli import main
from actorgraph.extract.records import Document, Extraction
from actorgraph.graph.index import (
    ENTITIES_GRAPH,
    FACTS_GRAPH,
    KEYS_GRAPH,
    LAYOUT_VERSION,
    META_GRAPH,
    OLD_NETWORK_GRAPH,
    STORE_NODE,
)
from actorgraph.graph.layout import layout_version
from actorgraph.graph.rdf import Quad
from actorgraph.graph.store import GraphStore, StoreError, ingest, open_store
from actorgraph.ontology.namespace import AG

Triples = set[tuple[str, str, str]]


def graph_triples(store: GraphStore, graph: URIRef) -> Triples:
    rows = store.select_values(f"SELECT ?s ?p ?o WHERE {{ GRAPH {graph.n3()} {{ ?s ?p ?o }} }}")
    return {(s, p, o) for s, p, o in rows}


def layout_one(quads: list[Quad]) -> list[Quad]:
    """The same content as layout 1 wrote it: each document graph repeats the description of every entity it
    names and the plain triple of each asserted statement; the links are indexed in the old network graph;
    no keys, no marker."""
    description = [q for q in quads if q[3] == ENTITIES_GRAPH]
    facts = {(q[0], q[1], q[2]) for q in quads if q[3] == FACTS_GRAPH}
    out: list[Quad] = []
    for q in quads:
        s, p, o, g = q
        if g in (ENTITIES_GRAPH, FACTS_GRAPH, KEYS_GRAPH, META_GRAPH) or p == AG.statementCount:
            continue
        if p == AG.mentions:
            out += [(d[0], d[1], d[2], g) for d in description if d[0] == o]
            continue
        out.append(q)
        if p in (RDF.subject, RDF.object):
            out += [(d[0], d[1], d[2], g) for d in description if d[0] == o]
        if p == RDF.predicate:
            subj = next(x[2] for x in quads if x[0] == s and x[1] == RDF.subject)
            obj = next(x[2] for x in quads if x[0] == s and x[1] == RDF.object)
            if (subj, o, obj) in facts:
                out += [(subj, o, obj, g), (subj, o, obj, OLD_NETWORK_GRAPH)]  # type: ignore[list-item]
    return list(dict.fromkeys(out))


def test_a_layout_one_store_is_refused_then_migrated_to_what_an_ingest_writes(tmp_path: Path) -> None:
    fresh = open_store("memory")
    ingest(fresh, [make_en(), make_ar()])
    new_quads = list(fresh.quads())
    old_path = tmp_path / "old"
    old = open_store(old_path)
    old.update(f"INSERT DATA {{ {old._data(layout_one(new_quads))} }}")  # noqa: SLF001 - writing a fixture
    assert layout_version(old) is None and "actorgraph migrate" in old.layout_problem()
    try:
        ingest(old, [make_en()])
        raise AssertionError("ingest into a layout-1 store must be refused")
    except StoreError as err:
        assert "migrate" in str(err) and "\n" not in str(err)
    old.close()

    runner = CliRunner()
    refused = runner.invoke(main, ["query", "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "--store", str(old_path)])
    assert refused.exit_code != 0 and "actorgraph migrate" in refused.output
    done = runner.invoke(main, ["migrate", "--store", str(old_path)])
    assert done.exit_code == 0, done.output
    assert "migrated" in done.output
    again = runner.invoke(main, ["migrate", "--store", str(old_path)])
    assert "current layout already" in again.output

    assert (tmp_path / "old.layout1").is_dir()  # the old store is kept beside it
    migrated = open_store(old_path, read_only=True)
    assert layout_version(migrated) == LAYOUT_VERSION and migrated.layout_problem() == ""
    for g in (FACTS_GRAPH, ENTITIES_GRAPH, KEYS_GRAPH):
        assert graph_triples(migrated, g) == graph_triples(fresh, g), g
    assert sorted(migrated.quads()) == sorted(fresh.quads())
    assert graph_triples(migrated, OLD_NETWORK_GRAPH) == set()
    migrated.close()

    # In memory (as on a server): one SPARQL Update request, to the same result.
    memory = open_store("memory")
    memory.update(f"INSERT DATA {{ {memory._data(layout_one(new_quads))} }}")  # noqa: SLF001 - a fixture
    from actorgraph.graph.layout import migrate

    assert migrate(memory) > 0 and memory.layout_problem() == ""
    assert sorted(memory.quads()) == sorted(fresh.quads())


def layout_two(quads: list[Quad]) -> list[Quad]:
    """The same content as layout 2 wrote it: no statement counts, marked as layout 2."""
    out = [q for q in quads if q[1] not in (AG.statementCount, AG.layoutVersion)]
    return [*out, (STORE_NODE, AG.layoutVersion, Literal(2), META_GRAPH)]


def test_a_layout_two_store_gets_its_statement_counts_in_place(tmp_path: Path) -> None:
    fresh = open_store("memory")
    ingest(fresh, [make_en(), make_ar()])
    counts = dict(fresh.select_values("SELECT ?d ?n WHERE { GRAPH ?d { ?d ag:statementCount ?n } }"))
    assert sorted(int(n) for n in counts.values()) == [2, 6]  # as tests/graph/test_queries counts them
    path = tmp_path / "two"
    two = open_store(path)
    two.update(f"INSERT DATA {{ {two._data(layout_two(list(fresh.quads())))} }}")  # noqa: SLF001 - a fixture
    assert "layout 2" in two.layout_problem() and "actorgraph migrate" in two.layout_problem()
    two.close()

    done = CliRunner().invoke(main, ["migrate", "--store", str(path)])
    assert done.exit_code == 0 and "statement counts added" in done.output, done.output
    migrated = open_store(path, read_only=True)
    assert layout_version(migrated) == LAYOUT_VERSION and migrated.layout_problem() == ""
    assert sorted(migrated.quads()) == sorted(fresh.quads())
    assert not (tmp_path / "two.layout1").exists()  # moved in place
    migrated.close()


def test_removing_a_document_takes_only_what_it_alone_supported() -> None:
    """The English and the Arabic article both say Nakatani met Hegseth; only the English one names Japan's
    passing of a law. Replacing the English one by an empty article keeps the meeting and drops the law."""
    en, ar = make_en(), make_ar()
    store = open_store("memory")
    ingest(store, [en, ar])
    facts = graph_triples(store, FACTS_GRAPH)
    passed = {t for t in facts if t[1] == str(AG.passed)}
    met = {t for t in facts if t[1] == str(AG.met)}
    assert passed and met
    laws = {o for _, _, o in passed}
    d = en.document
    emptied = Extraction(Document(id=d.id, text="Nothing happened today.", lang="en", source=d.source), [], {}, [])
    ingest(store, [emptied])
    after = graph_triples(store, FACTS_GRAPH)
    assert met <= after and not passed & after
    entities = {s for s, _, _ in graph_triples(store, ENTITIES_GRAPH)}
    assert not laws & entities  # the law no document names any more is gone, keys and all
    assert not laws & {s for s, _, _ in graph_triples(store, KEYS_GRAPH)}
    rows = store.select_values("SELECT ?a ?b WHERE { ?a ag:met ?b }")
    assert len(rows) == len(set(rows)) == len(met)  # each pair once, whatever the documents


def test_the_readme_query_returns_each_pair_once_on_the_seeds(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    seeds = sorted((root / "seeds").glob("*.txt"))
    store = tmp_path / "store"
    built = CliRunner().invoke(main, ["ingest", *map(str, seeds), "--store", str(store), "--model", "none"])
    assert built.exit_code == 0, built.output
    s = open_store(store, read_only=True)
    rows = s.select_values("SELECT ?a ?b WHERE { ?a ag:met ?b }")
    assert rows and len(rows) == len(set(rows))
    labels = s.select_values('SELECT ?e ?l WHERE { ?e skos:prefLabel ?l FILTER(LANG(?l) = "en") }')
    assert len(labels) == len(set(labels)) == len({e for e, _ in labels})
    s.close()


def test_remove_takes_an_article_out_by_its_path_and_keeps_what_others_support(tmp_path: Path) -> None:
    """Two articles say Nakatani met Hegseth; one also says Japan passed a law. Removing that one by its path
    keeps the meeting (the other says it) and takes the law with it; an unknown path is a one-line error."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    both = "Japanese Defense Minister Gen Nakatani met US Defense Secretary Pete Hegseth in Singapore.\n"
    (corpus / "a.txt").write_text(both + "Japan passed the Active Cyber Defense Law on Friday.\n", encoding="utf-8")
    (corpus / "b.txt").write_text(both, encoding="utf-8")
    store = str(tmp_path / "store")
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(corpus), "--store", store, "--model", "none"]).exit_code == 0
    s = open_store(store, read_only=True)
    facts = graph_triples(s, FACTS_GRAPH)
    s.close()
    assert any(p == str(AG.met) for _, p, _ in facts) and any(p == str(AG.passed) for _, p, _ in facts)

    done = runner.invoke(main, ["remove", str(corpus / "a.txt"), "--store", store])
    assert done.exit_code == 0 and done.output.startswith("1 removed"), done.output
    s = open_store(store, read_only=True)
    after = graph_triples(s, FACTS_GRAPH)
    assert {t for t in facts if t[1] == str(AG.met)} <= after
    assert not any(p == str(AG.passed) for _, p, _ in after)
    assert len(s.documents()) == 1
    s.close()
    missing = runner.invoke(main, ["remove", str(corpus / "a.txt"), "--store", store])
    assert missing.exit_code != 0 and "not in the store" in missing.output and "Traceback" not in missing.output


def test_a_spelling_read_in_english_text_replaces_a_stored_romanisation() -> None:
    """The Arabic article comes first: Hegseth is stored as "Bit Hijsith", our romanisation. The English
    article read later spells him "Pete Hegseth": that label replaces the romanisation, and a later Arabic
    article does not bring the romanisation back."""
    store = open_store("memory")
    ingest(store, [make_ar()])

    def english_labels() -> set[str]:
        rows = store.select_values(
            f"SELECT ?l WHERE {{ GRAPH {ENTITIES_GRAPH.n3()} {{ <{hegseth}> skos:prefLabel ?l "
            'FILTER(LANG(?l) = "en") } }'
        )
        return {r[0] for r in rows}

    hegseth = store.select_values('SELECT ?e WHERE { ?e skos:prefLabel "بيت هيجسيث"@ar }')[0][0]
    assert english_labels() == {"Bit Hijsith"}
    assert store.query(f"ASK {{ <{hegseth}> ag:romanized true }}").boolean
    ingest(store, [make_en()])
    assert english_labels() == {"Pete Hegseth"}
    assert not store.query(f"ASK {{ <{hegseth}> ag:romanized ?r }}").boolean
    # The spelling it had stays an alternative label: a search by it still finds him.
    assert store.query(f'ASK {{ <{hegseth}> skos:altLabel "Bit Hijsith"@en }}').boolean
    ingest(store, [make_ar(source="/corpus/ar/another.txt")])
    assert english_labels() == {"Pete Hegseth"}
    # No label is both preferred and alternative (SKOS keeps them apart), however often it is chosen again.
    assert not store.query("ASK { GRAPH ?g { ?e skos:prefLabel ?l . ?e skos:altLabel ?l } }").boolean


def test_the_bulk_path_keeps_a_replaced_label_too(tmp_path: Path) -> None:
    from actorgraph.graph.bulk import bulk_ingest

    store = open_store(tmp_path / "bulk")
    bulk_ingest(store, [make_ar()], workdir=tmp_path)
    bulk_ingest(store, [make_en()], workdir=tmp_path)
    hegseth = store.select_values('SELECT ?e WHERE { ?e skos:prefLabel "Pete Hegseth"@en }')[0][0]
    assert store.query(f'ASK {{ <{hegseth}> skos:altLabel "Bit Hijsith"@en }}').boolean
    assert not store.query("ASK { GRAPH ?g { ?e skos:prefLabel ?l . ?e skos:altLabel ?l } }").boolean
    store.close()


def test_a_merge_keeps_one_code_and_type_per_entity() -> None:
    """Merging an actor coded USA into one coded JPN keeps the kept one's codes and type (one each, as the
    shapes ask); the dropped one's names become alternative labels and its statements move over."""
    from actorgraph.graph.curation import Fix, apply_fixes

    store = open_store("memory")
    ingest(store, [make_en(), make_ar()])
    keep, drop = (store.select_values(f'SELECT ?e WHERE {{ ?e skos:prefLabel "{n}"@en }}')[0][0]
                  for n in ("Gen Nakatani", "Pete Hegseth"))  # fmt: skip
    assert apply_fixes(store, [Fix("merge", keep, drop)]) == 1
    codes = store.select_values(f"SELECT ?p ?v WHERE {{ <{keep}> ?p ?v VALUES ?p {{ ag:countryCode rdf:type }} }}")
    assert sorted(codes) == sorted([(str(AG.countryCode), "JPN"), (str(RDF.type), str(AG.Person))])
    assert not store.select_values(f"SELECT ?p WHERE {{ <{drop}> ?p ?v }}")
    alts = {r[0] for r in store.select_values(f"SELECT ?l WHERE {{ <{keep}> skos:altLabel ?l }}")}
    assert "Pete Hegseth" in alts
