"""Process pool and bulk path: the same graph whatever the number of workers or the way quads go in."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from actorgraph.cli import main
from actorgraph.corpus import load_corpus
from actorgraph.graph.bulk import bulk_ingest, light, load, plan_documents, resolve, write_shard
from actorgraph.graph.rdf import document_iri
from actorgraph.graph.store import StoreError, ingest, open_store
from actorgraph.parallel import extract_chunks
from actorgraph.sources import plan
from tests.scale.conftest import quads

RULES = "none"  # the English rule path: these tests are about plumbing, not about the trained model


@pytest.fixture(scope="module")
def extractions(tmp_path_factory: pytest.TempPathFactory) -> list:  # type: ignore[type-arg]
    from tests.scale.conftest import AR_HTML, EN_MD, EN_TXT, JSONL_RECORDS, ROOT

    root = tmp_path_factory.mktemp("corpus")
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        shutil.copy(seed, root / seed.name)
    (root / "a.md").write_text(EN_MD, encoding="utf-8")
    (root / "b.html").write_text(AR_HTML, encoding="utf-8")
    (root / "c.txt").write_text(EN_TXT, encoding="utf-8")
    (root / "d.jsonl").write_text("\n".join(JSONL_RECORDS), encoding="utf-8")
    return [ex for r in extract_chunks(plan([root]), model=RULES) for ex in r.extractions]


def test_workers_give_the_same_graph(corpus: Path) -> None:
    one, two = open_store("memory"), open_store("memory")
    r1 = load_corpus([corpus], one, workers=1, model=RULES)
    r2 = load_corpus([corpus], two, workers=2, model=RULES)
    assert r2.workers == 2 and r1.documents == r2.documents == 8
    assert [(f.where, f.reason) for f in r1.failed] == [(f.where, f.reason) for f in r2.failed]
    assert len(r1.failed) == 3 and r1.sentences == r2.sentences
    assert quads(one) == quads(two) and len(quads(one)) > 1000


def test_bulk_path_equals_per_document_ingest(extractions: list) -> None:  # type: ignore[type-arg]
    normal, bulk = open_store("memory"), open_store("memory")
    a, b = ingest(normal, extractions), bulk_ingest(bulk, extractions)
    assert (a.added, a.replaced, a.unchanged, a.quads) == (b.added, b.replaced, b.unchanged, b.quads)
    assert quads(normal) == quads(bulk)
    # Incremental: again → all unchanged; one changed article → its graph replaced, in both paths alike.
    assert len(bulk_ingest(bulk, extractions).unchanged) == len(extractions)
    changed = extractions[0]
    changed.document.raw_sha256 = "0" * 64
    changed.relations = changed.relations[:1]
    a, b = ingest(normal, [changed]), bulk_ingest(bulk, [changed])
    assert a.replaced == b.replaced == [str(document_iri(changed.document))]
    assert quads(normal) == quads(bulk)


def test_on_disk_store_through_the_cli(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["build", str(corpus), "--out", str(out), "--workers", "2", "--no-html", "--no-validate",
            "--no-progress", "--bulk"]  # fmt: skip
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "documents: 8 (ar 3, en 5)" in result.output
    assert "skipped " + str(corpus / "corpus.jsonl") + ":2: not valid JSON" in result.output
    assert "on 2 workers" in result.output and "(bulk)" in result.output
    again = CliRunner().invoke(main, args, catch_exceptions=False)
    assert "0 new, 0 replaced, 8 unchanged" in again.output
    ingest_result = CliRunner().invoke(
        main, ["ingest", str(corpus / "corpus.jsonl"), "--store", str(out / "store"), "--no-bulk"],
        catch_exceptions=False)  # fmt: skip
    assert ingest_result.stdout.startswith("0 new, 0 replaced, 3 unchanged")
    assert f"skipped {corpus / 'corpus.jsonl'}:5: no text" in ingest_result.stderr


def test_a_failed_bulk_load_is_never_taken_as_done(extractions: list, tmp_path: Path) -> None:  # type: ignore[type-arg]
    """bulk_load is not atomic: documents count as held only after every shard is in."""
    store = open_store(tmp_path / "store")
    docs = [(str(document_iri(ex.document)), ex.document.sha256) for ex in extractions]
    _, keep = plan_documents({}, docs)
    res = resolve([light(extractions[i]) for i in keep])
    good, bad = tmp_path / "good.nq", tmp_path / "bad.nq"
    _, commit = write_shard([extractions[i] for i in keep], res, good)
    bad.write_bytes(good.read_bytes()[:-200] + b"<broken")  # cut in the middle of a quad
    with pytest.raises(StoreError):
        load(store, [good, bad], [d for d, _ in docs], commit)
    assert store.count() > 0 and store.documents() == {}  # partly loaded, but nothing marked as held
    report = bulk_ingest(store, extractions)
    assert len(report.added) == len(keep)
    reference = open_store("memory")
    ingest(reference, extractions)
    assert quads(store) == quads(reference)
    store.close()


def test_spawned_workers_build_their_own_pipelines(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where fork is not available (macOS, Windows) workers start fresh and build their pipelines."""
    import multiprocessing

    import actorgraph.parallel as parallel

    monkeypatch.setattr(parallel, "_context", lambda: multiprocessing.get_context("spawn"))
    chunks = plan([corpus / "corpus.jsonl"], chunk_bytes=1)
    spawned = [ex.to_dict() for r in extract_chunks(chunks, workers=2, lang="en", model=RULES) for ex in r.extractions]
    inline = [ex.to_dict() for r in extract_chunks(chunks, workers=1, lang="en", model=RULES) for ex in r.extractions]
    assert spawned == inline and len(spawned) == 3
