"""The store under stress: an ingest killed half-way, a store another process holds, a corrupt store.

The promise: a killed ingest leaves a store that opens and answers queries, in which each document's
named graph is either its old version or its new one (a document being added: absent or complete); a
locked or corrupt store is one ``Error:`` line and a non-zero exit, and nothing the store held is lost.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from actorgraph.extract import extract_path
from actorgraph.extract.records import Extraction
from actorgraph.graph.store import OxigraphStore, ingest, open_store
from tests.reliability.helpers import (
    ARTICLE_AR,
    ARTICLE_EN,
    INDEX_GRAPHS,
    SEED_AR,
    Snapshot,
    actorgraph_command,
    assert_cli_error,
    assert_process_error,
    documents_of,
    index_is_consistent,
    invoke,
    run,
    snapshot,
)

SEED_TEXT = SEED_AR.read_text("utf-8")


def write_corpus(folder: Path, indices: range | list[int], version: int) -> None:
    """Arabic articles (the seed plus a sentence of their own); version 2 changes every one of them."""
    folder.mkdir(exist_ok=True)
    for i in indices:
        extra = f"\nوقال المتحدث إن الاجتماع رقم {i} كان مثمرا."
        if version == 2:
            extra += " والتقى وزير الخارجية الأمريكي ماركو روبيو نظيره الصيني وانغ يي في بكين."
        (folder / f"a{i:03d}.txt").write_text(SEED_TEXT + extra + "\n", "utf-8")


def load(corpus: Path, store: Path) -> None:
    """What ``actorgraph ingest CORPUS --store STORE --lang ar`` does (the default path), in this process."""
    from actorgraph.corpus import load_corpus

    with open_store(store) as db:
        load_corpus([corpus], db, lang="ar")


def classify(old: Snapshot, new: Snapshot, got: Snapshot) -> dict[str, list[str]]:
    """Each document graph of ``got``: its ``old`` version, its ``new`` one, or ``neither``; the actor-network
    index counts as ``neither`` when it does not say what the document graphs of ``got`` say."""
    out: dict[str, list[str]] = {"old": [], "new": [], "neither": []}
    if not index_is_consistent(got):
        out["neither"] += sorted(INDEX_GRAPHS)
    old, new, got = documents_of(old), documents_of(new), documents_of(got)
    for g in sorted(set(old) | set(new) | set(got)):
        have = got.get(g)
        if have == new.get(g):
            out["new"].append(g)
        elif have == old.get(g):  # for a document being added, "old" is: absent
            out["old"].append(g)
        else:
            out["neither"].append(g)
    return out


# --- an ingest killed with SIGKILL -------------------------------------------------------------------


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Snapshot, Snapshot]:
    """A corpus of 40 articles ingested (the old store), then the 40 changed and 14 added between them."""
    base = tmp_path_factory.mktemp("versions")
    corpus = base / "corpus"
    write_corpus(corpus, range(0, 80, 2), version=1)
    old_store = base / "old"
    load(corpus, old_store)
    write_corpus(corpus, range(0, 80, 2), version=2)
    write_corpus(corpus, range(1, 28, 2), version=1)  # added, interleaved with the changed ones
    new_store = base / "new"
    shutil.copytree(old_store, new_store)
    load(corpus, new_store)
    old, new = snapshot(old_store), snapshot(new_store)
    assert len(documents_of(old)) == 40 and len(documents_of(new)) == 54
    assert index_is_consistent(old) and index_is_consistent(new)
    assert sum(new[g] != old.get(g) for g in documents_of(new)) == 54  # every graph changes
    return corpus, old_store, old, new


def _wal_bytes(store: Path) -> int:
    """Bytes in the store's write-ahead logs: they grow with every committed transaction."""
    total = 0
    for p in store.glob("*.log"):
        with contextlib.suppress(FileNotFoundError):  # RocksDB removed an old log meanwhile
            total += p.stat().st_size
    return total


def _start_ingest(corpus: Path, store: Path, *extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [*actorgraph_command(), "ingest", str(corpus), "--store", str(store), "--lang", "ar", *extra],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _wait_for_first_commit(proc: subprocess.Popen[bytes], store: Path, timeout: float = 120) -> None:
    """Until the write-ahead log grows: opening the store starts a new, empty one; the first document
    written makes it grow."""
    low = _wal_bytes(store)
    deadline = time.monotonic() + timeout
    while proc.poll() is None and time.monotonic() < deadline:
        size = _wal_bytes(store)
        if size > low:
            return
        low = min(low, size)
        time.sleep(0.002)
    raise AssertionError("the ingest ended or stalled before writing anything")


def test_sigkill_mid_ingest_leaves_each_graph_old_or_new(
    tmp_path: Path, versions: tuple[Path, Path, Snapshot, Snapshot]
) -> None:
    """`actorgraph ingest` (one transaction per document) killed while it writes: every document graph
    is its old or its new version; the store opens, answers, and a second run completes it."""
    corpus, old_store, old, new = versions
    delay = 0.3
    for attempt in range(4):
        victim = tmp_path / f"victim{attempt}"
        shutil.copytree(old_store, victim)
        proc = _start_ingest(corpus, victim, "--no-bulk")
        try:
            _wait_for_first_commit(proc, victim)
            time.sleep(delay)
            proc.send_signal(signal.SIGKILL)
        finally:
            proc.kill()
            proc.wait()
        states = classify(old, new, snapshot(victim))
        assert states["neither"] == [], f"half-written graphs after SIGKILL: {states['neither'][:3]}"
        if proc.returncode == -signal.SIGKILL and states["old"] and states["new"]:
            break  # killed half-way through, as intended
        delay /= 3  # finished (or nearly) before the kill: strike earlier
    else:
        pytest.fail(f"could not kill the ingest half-way: {len(states['old'])} old, {len(states['new'])} new")
    store = str(victim)
    # The store opens and answers, through every read command.
    stats = invoke("stats", "--store", store)
    assert stats.exit_code == 0 and f"documents: {40 + len([g for g in states['new'] if g not in old])}" in stats.stdout
    count = invoke("query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--store", store,
                   "--format", "csv")  # fmt: skip
    assert int(count.stdout.split()[-1]) == sum(len(t) for t in snapshot(victim).values())
    assert "Marco Rubio" in invoke("actors", "Rubio", "--store", store).stdout
    assert len(invoke("export", "--format", "plover", "--store", store).stdout.splitlines()) >= 40
    assert invoke("explain", "Nakatani", "met", "Hegseth", "--store", store).exit_code == 0
    # A second run finishes the job: the store is exactly what an uninterrupted run gives.
    result = invoke("ingest", str(corpus), "--store", store, "--lang", "ar", "--no-bulk")
    assert result.exit_code == 0
    assert f"{len(states['new'])} unchanged" in result.stdout
    assert snapshot(victim) == new


def test_sigkill_before_any_write_changes_nothing(
    tmp_path: Path, versions: tuple[Path, Path, Snapshot, Snapshot]
) -> None:
    corpus, old_store, old, _ = versions
    victim = tmp_path / "victim"
    shutil.copytree(old_store, victim)
    proc = _start_ingest(corpus, victim, "--no-bulk")
    try:
        time.sleep(1.0)  # the store is open (and locked) while the articles are being extracted
        assert proc.poll() is None and _wal_bytes(victim) == 0, "writing already"
    finally:
        proc.kill()
        proc.wait()
    assert snapshot(victim) == old
    assert invoke("stats", "--store", str(victim)).stdout.startswith("documents: 40")


# --- an interruption at every write, deterministically ----------------------------------------------

WRITES = frozenset({"add", "remove", "extend", "bulk_extend", "update", "remove_graph", "clear", "clear_graph",
                    "add_graph", "bulk_load", "load"})  # fmt: skip


class Killed(BaseException):
    """The process dies here (a BaseException, so that no ``except Exception`` handles it)."""


class DiesAtWrite:
    """An Oxigraph store that dies at its ``n``-th write call (0-based), before doing it."""

    def __init__(self, db: ox.Store, n: int) -> None:
        self._db, self._left, self.writes = db, n, 0

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._db, name)
        if name not in WRITES:
            return attr

        def write(*args: Any, **kwargs: Any) -> Any:
            if self._left == 0:
                raise Killed(name)
            self._left -= 1
            self.writes += 1
            return attr(*args, **kwargs)

        return write

    def __iter__(self) -> Iterator[ox.Quad]:
        return iter(self._db)


@pytest.fixture(scope="module")
def small_versions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Snapshot, Snapshot, list[Extraction]]:
    """Four articles ingested; then the four changed and two added: their extractions, and both stores."""
    base = tmp_path_factory.mktemp("small")
    corpus = base / "corpus"
    write_corpus(corpus, [0, 2, 4, 6], version=1)
    old_store = base / "old"
    load(corpus, old_store)
    write_corpus(corpus, [0, 2, 4, 6], version=2)
    write_corpus(corpus, [1, 5], version=1)
    extractions = [extract_path(p, lang="ar") for p in sorted(corpus.glob("*.txt"))]
    new_store = base / "new"
    shutil.copytree(old_store, new_store)
    with open_store(new_store) as db:
        ingest(db, extractions)
    return old_store, snapshot(old_store), snapshot(new_store), extractions


def _interrupted(store_dir: Path, n: int, write: Callable[[OxigraphStore], object]) -> bool:
    """Run ``write`` on the store with its ``n``-th write fatal; True when it died."""
    db = open_store(store_dir)
    assert isinstance(db, OxigraphStore)
    dying = DiesAtWrite(db._store, n)
    db._store = dying  # type: ignore[assignment]
    try:
        write(db)
    except Killed:
        return True
    finally:
        db._store = dying._db
        db.close()
    return False


def _each_interruption(tmp_path: Path, old_store: Path, write: Callable[[OxigraphStore], object]) -> Iterator[Path]:
    """A copy of ``old_store`` after ``write`` died at its first write, one after it died at its second,
    ..., and finally one where it did not die."""
    for n in range(1000):
        store = tmp_path / f"s{n}"
        shutil.copytree(old_store, store)
        died = _interrupted(store, n, write)
        yield store
        if not died:
            return
    raise AssertionError("more than 1000 writes")


def test_per_document_ingest_interrupted_at_every_write(
    tmp_path: Path, small_versions: tuple[Path, Snapshot, Snapshot, list[Extraction]]
) -> None:
    old_store, old, new, extractions = small_versions
    points = 0
    for store in _each_interruption(tmp_path, old_store, lambda db: ingest(db, extractions)):
        states = classify(old, new, snapshot(store))
        assert states["neither"] == [], f"interrupted at write {points}: {states}"
        points += 1
    assert points == 7  # six documents, one transaction each, and the run that is not interrupted


@pytest.mark.xfail(
    strict=True,
    reason="by design, documented on --bulk (opt-in): the bulk path drops a changed document's graph, then "
    "bulk-loads the new one without a transaction; interrupted in between, the document has neither version "
    "until the next run repairs it (actorgraph/graph/bulk.py, load). The default path is transactional.",
)
def test_bulk_ingest_interrupted_at_every_write(
    tmp_path: Path, small_versions: tuple[Path, Snapshot, Snapshot, list[Extraction]]
) -> None:
    from actorgraph.graph.bulk import bulk_ingest

    old_store, old, new, extractions = small_versions
    for n, store in enumerate(_each_interruption(tmp_path, old_store, lambda db: bulk_ingest(db, extractions))):
        states = classify(old, new, snapshot(store))
        assert states["neither"] == [], f"interrupted at write {n}: {len(states['neither'])} graphs with neither"


def test_interrupted_bulk_ingest_is_repaired_by_the_next_run(
    tmp_path: Path, small_versions: tuple[Path, Snapshot, Snapshot, list[Extraction]]
) -> None:
    """What the bulk path promises instead: the next run sees the half-loaded documents as new."""
    from actorgraph.graph.bulk import bulk_ingest

    old_store, _, new, extractions = small_versions
    for store in _each_interruption(tmp_path, old_store, lambda db: bulk_ingest(db, extractions)):
        with open_store(store) as db:
            bulk_ingest(db, extractions)
        assert snapshot(store) == new


# --- a store another process holds -------------------------------------------------------------------


@contextlib.contextmanager
def held_by_another_process(store: Path) -> Iterator[None]:
    """The store opened for writing (and so locked) by another process while the block runs."""
    holder = subprocess.Popen(
        [sys.executable, "-c", "import pyoxigraph, sys; s = pyoxigraph.Store(sys.argv[1]); "
         "print('ready', flush=True); sys.stdin.read()", str(store)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == b"ready"
        yield
    finally:
        assert holder.stdin is not None
        holder.stdin.close()  # the holder exits and lets go
        holder.wait(timeout=30)


def test_locked_store_is_a_one_line_error(tmp_path: Path, seeded_store: Path) -> None:
    before = snapshot(seeded_store)
    store = str(seeded_store)
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE_EN, "utf-8")
    needle = "locked by another process"
    with held_by_another_process(seeded_store):
        assert_cli_error(invoke("ingest", str(article), "--store", store), needle)
        assert_cli_error(invoke("ingest", str(article), "--store", store, "--bulk"), needle)
        assert_cli_error(invoke("query", "--allow-update", "DROP ALL", "--store", store), needle)
        assert_process_error(run("ingest", str(article), "--store", store, timeout=60), needle)
        # Reading does not need the lock: a correct answer.
        stats = invoke("stats", "--store", store)
        assert stats.exit_code == 0 and stats.stdout.startswith("documents: 2 (ar 1, en 1)")
    assert snapshot(seeded_store) == before
    # Once the other process lets go, the store is there, whole, and takes more.
    assert invoke("ingest", str(article), "--store", store).stdout.startswith("1 new")
    after, before = documents_of(snapshot(seeded_store)), documents_of(before)
    assert len(after) == 3 and all(after[g] == t for g, t in before.items())


def test_build_into_a_locked_store_is_a_one_line_error(tmp_path: Path, seeded_store: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    shutil.move(seeded_store, out / "store")
    with held_by_another_process(out / "store"):
        assert_cli_error(invoke("build", str(SEED_AR), "--out", str(out), "--no-html"), "locked")
    assert invoke("stats", "--store", str(out / "store")).stdout.startswith("documents: 2")


# --- a corrupt store ---------------------------------------------------------------------------------


def _ssts(store: Path) -> list[Path]:
    return sorted(store.glob("*.sst"), key=lambda p: p.stat().st_size)


def _flip_data_blocks(store: Path) -> None:
    """Damage the data blocks of the larger tables, not their index or footer: the store still opens,
    and the damage shows only when a query reads those blocks (a bad disk sector)."""
    for sst in _ssts(store):
        data = bytearray(sst.read_bytes())
        if len(data) < 10_000:
            continue
        for i in range(100, len(data) // 2, 64):
            data[i] ^= 0x5A
        sst.write_bytes(bytes(data))


CORRUPTIONS: dict[str, Callable[[Path], object]] = {
    "CURRENT garbage": lambda s: (s / "CURRENT").write_text("garbage\n"),
    "CURRENT missing": lambda s: (s / "CURRENT").unlink(),
    "MANIFEST garbage": lambda s: [m.write_bytes(random.Random(1).randbytes(300)) for m in s.glob("MANIFEST-*")],
    "tables truncated": lambda s: [os.truncate(t, t.stat().st_size // 2) for t in _ssts(s)],
    "a table missing": lambda s: _ssts(s)[-1].unlink(),
    "tables zeroed": lambda s: [t.write_bytes(bytes(t.stat().st_size)) for t in _ssts(s)],
}


def _fingerprint(store: Path) -> dict[str, str]:
    """The tables that hold the data: a failed command must not change or remove any. (Opening a store
    for writing starts a new manifest and log; that is RocksDB's normal life.)"""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in store.glob("*.sst")}


@pytest.mark.parametrize("corruption", list(CORRUPTIONS))
def test_corrupt_store_is_a_one_line_error(tmp_path: Path, seeded_store: Path, corruption: str) -> None:
    CORRUPTIONS[corruption](seeded_store)
    files = _fingerprint(seeded_store)
    store = str(seeded_store)
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE_EN, "utf-8")
    readers = [("stats",), ("query", "SELECT * WHERE { ?s ?p ?o } LIMIT 5"), ("export", "--format", "nq"),
               ("actors",), ("render", "--out", str(tmp_path / "g.html")), ("explain", "Nakatani", "met", "Hegseth")]
    writers = [("ingest", str(article)), ("ingest", str(article), "--no-bulk"),
               ("query", "--allow-update", "INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }")]
    read_error = "no store at" if corruption == "CURRENT missing" else "corrupt"
    for args in readers:
        assert_cli_error(invoke(*args, "--store", store), read_error)
    for args in writers:
        assert_cli_error(invoke(*args, "--store", store), "corrupt")
    assert _fingerprint(seeded_store) == files  # nothing rewritten, nothing removed
    assert not (tmp_path / "g.html").exists()


def _limited(megabytes: int) -> Callable[[], None]:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (megabytes * 1024 * 1024, megabytes * 1024 * 1024))

    return limit


def run_limited(*args: str, megabytes: int = 6144) -> subprocess.CompletedProcess[str]:
    """``actorgraph ARGS`` in a process with a memory limit: on a damaged store some queries make Oxigraph
    allocate far beyond the store's size (see the xfail below) and must not take this machine's memory."""
    return run(*args, timeout=120, preexec_fn=_limited(megabytes))


@pytest.fixture
def damaged(seeded_store: Path) -> Path:
    _flip_data_blocks(seeded_store)
    return seeded_store


def test_damage_found_while_reading_is_a_one_line_error(tmp_path: Path, damaged: Path) -> None:
    """A store that opens but has damaged blocks: each command stops with one line when it reaches them."""
    files = _fingerprint(damaged)
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE_AR, "utf-8")
    for command in [["stats"], ["query", "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"], ["export", "--format", "nq"],
                    ["render", "--out", str(tmp_path / "g.html")], ["explain", "Nakatani", "met", "Hegseth"],
                    ["analyze"], ["ingest", str(article), "--lang", "ar"], ["actors"], ["actors", "Japan"],
                    ["ego", "Japan"]]:
        proc = run_limited(*command, "--store", str(damaged))
        assert "Error: " in proc.stderr, (command, proc.stderr[-500:])
        assert_process_error(proc, "is corrupt: Corruption: block checksum mismatch")
    assert _fingerprint(damaged) == files


@pytest.mark.xfail(
    strict=False,
    reason="upstream (pyoxigraph 0.5.13): on a damaged block some grouped queries allocate gigabytes before "
    "(or instead of) reporting the read error, and not on every run: `export --format plover` took 22 GB and "
    "115 s here without a limit; under a 1 GB limit they abort or report it. `actors` and `ego`, which now "
    "read the index, report it every time (the test above)",
)
def test_damage_found_by_grouped_queries_is_a_one_line_error(damaged: Path) -> None:
    for command in [["export", "--format", "plover"],
                    ["query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"]]:  # fmt: skip
        assert_process_error(run_limited(*command, "--store", str(damaged), megabytes=1024), "corrupt")


def test_a_folder_of_other_files_is_not_made_a_store(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "notes.txt").write_text("my notes")
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE_EN, "utf-8")
    assert_cli_error(invoke("ingest", str(article), "--store", str(folder)), "not a store")
    assert_cli_error(invoke("stats", "--store", str(folder)), "no store at")
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]  # nothing created among the user's files
    assert_cli_error(invoke("ingest", str(article), "--store", str(folder / "notes.txt")), "is a file")
    empty = tmp_path / "empty"
    empty.mkdir()
    assert invoke("ingest", str(article), "--store", str(empty)).stdout.startswith("1 new")


def test_a_store_of_many_documents_stays_fast(
    tmp_path: Path, versions: tuple[Path, Path, Snapshot, Snapshot]
) -> None:
    """Many documents that mention the same actors: the per-actor queries stay fast (each entity's
    triples repeat once per document in the union of graphs)."""
    _, old_store, _, _ = versions
    start = time.monotonic()  # in real processes, with a time limit: these used to run for hours
    rows = json.loads(run("actors", "--store", str(old_store), "--format", "json", timeout=60).stdout)
    assert {r["label_en"] for r in rows} >= {"Gen Nakatani", "Pete Hegseth", "Japan"}
    events = run("export", "--store", str(old_store), "--format", "plover", timeout=60).stdout.splitlines()
    assert len(events) >= 40
    assert time.monotonic() - start < 30
