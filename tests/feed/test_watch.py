"""``actorgraph watch``: real files in a temporary folder, a real on-disk Oxigraph store, a real watcher.

The live tests run the command in its own process, write files while it runs, stop it with SIGTERM and
read the store afterwards. No test asserts how fast anything is (that is the benchmarks' business):
waits are for a line of output, bounded by a generous deadline.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from actorgraph.cli import main
from actorgraph.extract import extract_path
from actorgraph.feed import Feed, FeedError, Listener, Outcome, held_sha256
from actorgraph.graph.rdf import document_iri
from actorgraph.graph.store import GraphStore, ingest, open_store
from actorgraph.ontology.namespace import AG
from tests.oxigraph_server import needs_oxigraph, oxigraph_server

ARTICLES = {  # one sentence each whose relation the rule path finds
    "nakatani.txt": "Japanese Defense Minister Gen Nakatani met US Defense Secretary Pete Hegseth in Singapore.\n",
    "egypt.txt": "Egypt accused Turkey of interference in Libya on Sunday.\n",
    "iran.md": "Iran condemned Israel on Monday.\n",
}
RECORDS = [
    {"text": "Qatar met Iran in Doha on Tuesday.", "url": "https://news.example/1"},
    {"text": "Saudi Arabia criticized Iran on Wednesday.", "url": "https://news.example/2"},
]
BINARY = bytes(range(256)) * 8
DEADLINE = 120.0  # seconds: generous, only so that a broken watcher fails the test instead of hanging it


def write_corpus(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")


def quads(store: Path) -> set[str]:
    db = ox.Store.read_only(str(store))
    try:
        return {str(q) for q in db}
    finally:
        del db


def statements_per_document(store: Path) -> dict[str, int]:
    db = ox.Store.read_only(str(store))
    try:
        rows = db.query(
            f"SELECT ?d (COUNT(DISTINCT ?st) AS ?n) WHERE {{ GRAPH ?d {{ ?d a <{AG.SourceDocument}> "
            f"OPTIONAL {{ ?st a <{AG.RelationStatement}> }} }} }} GROUP BY ?d"
        )
        return {r["d"].value: int(r["n"].value) for r in rows}  # type: ignore[union-attr, index]
    finally:
        del db


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


# --- --once ------------------------------------------------------------------------------------------


def test_once_ingests_the_folder_and_a_restart_changes_nothing(tmp_path: Path) -> None:
    feed, store = tmp_path / "feed", tmp_path / "store"
    write_corpus(feed)
    (feed / "broken.txt").write_bytes(BINARY)
    (feed / "empty.html").write_bytes(b"")
    first = invoke("watch", str(feed), "--store", str(store), "--once", "--model", "none")
    assert first.exit_code == 0, first.output
    added = [line for line in first.stdout.splitlines() if line.startswith("added ")]
    assert len(added) == len(ARTICLES) + len(RECORDS), first.stdout
    assert any(line.startswith(f"added {feed / 'feed.jsonl'}:2: ") for line in added)
    assert all(line.endswith(("statement", "statements")) for line in added)
    errors = first.stderr.splitlines()  # one line per bad file, naming it
    assert len(errors) == 2, first.stderr
    assert any(e.startswith(f"skipped {feed / 'broken.txt'}: ") for e in errors)
    assert any(e.startswith(f"skipped {feed / 'empty.html'}: ") for e in errors)
    assert "5 new, 0 replaced, 0 unchanged, 2 failed" in first.stdout
    before = quads(store)
    assert len(statements_per_document(store)) == 5

    again = invoke("watch", str(feed), "--store", str(store), "--once", "--model", "none")
    assert again.exit_code == 0
    assert "5 documents already in the store, unchanged" in again.stdout
    assert "0 new, 0 replaced, 5 unchanged, 2 failed" in again.stdout
    assert quads(store) == before


def test_once_replaces_a_changed_file_and_quiet_prints_nothing(tmp_path: Path) -> None:
    feed, store = tmp_path / "feed", tmp_path / "store"
    write_corpus(feed)
    assert invoke("watch", str(feed), "--store", str(store), "--once", "--model", "none", "--quiet").stdout == ""
    (feed / "egypt.txt").write_text("Egypt accused Turkey of interference in Libya on Sunday. "
                                    "Egypt met Greece on Monday.\n", encoding="utf-8")  # fmt: skip
    result = invoke("watch", str(feed), "--store", str(store), "--once", "--model", "none")
    assert f"replaced {feed / 'egypt.txt'}: 2 statements" in result.stdout.splitlines()
    assert "4 documents already in the store, unchanged" in result.stdout  # one line for them, not four
    assert "0 new, 1 replaced, 4 unchanged, 0 failed" in result.stdout
    assert len(statements_per_document(store)) == 5


def test_once_with_nothing_readable_fails(tmp_path: Path) -> None:
    feed = tmp_path / "feed"
    feed.mkdir()
    (feed / "broken.txt").write_bytes(BINARY)
    result = invoke("watch", str(feed), "--store", str(tmp_path / "store"), "--once", "--model", "none")
    assert result.exit_code == 1 and "no article could be read (1 skipped)" in result.stderr


@needs_oxigraph
def test_once_into_a_sparql_server(tmp_path: Path) -> None:
    """The feed on a store behind SPARQL (a real Oxigraph server on loopback): the same documents, and
    a second run finds them all unchanged through the server."""
    feed = tmp_path / "feed"
    write_corpus(feed)
    with oxigraph_server() as url:
        first = invoke("watch", str(feed), "--store", url, "--once", "--model", "none")
        assert first.exit_code == 0 and "5 new, 0 replaced, 0 unchanged, 0 failed" in first.stdout
        again = invoke("watch", str(feed), "--store", url, "--once", "--model", "none")
        assert "0 new, 0 replaced, 5 unchanged, 0 failed" in again.stdout
        with open_store(url) as store:
            assert len(store.documents()) == 5


def test_a_model_that_is_not_installed_is_one_line(tmp_path: Path) -> None:
    feed = tmp_path / "feed"
    write_corpus(feed)
    result = invoke("watch", str(feed), "--store", str(tmp_path / "store"), "--once", "--model", "no_such_model")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.splitlines() == ["Error: the spaCy model 'no_such_model' is not installed "
                                          "(pip install it, or use --model none)"]  # fmt: skip


def test_a_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = invoke("watch", str(tmp_path / "nowhere"), "--store", str(tmp_path / "store"), "--once")
    assert result.exit_code == 2 and "does not exist" in result.stderr


# --- the feed, in this process ----------------------------------------------------------------------


def test_jsonl_is_read_line_by_line_as_it_grows(tmp_path: Path) -> None:
    from watchfiles import Change

    feed_dir, jsonl = tmp_path / "feed", tmp_path / "feed" / "live.jsonl"
    feed_dir.mkdir()
    outcomes: list[Outcome] = []
    warnings: list[str] = []
    with open_store(tmp_path / "store") as store:
        feed = Feed([feed_dir], store, model="none", settle=0,
                    listener=Listener(outcome=outcomes.append, warning=warnings.append))  # fmt: skip
        jsonl.write_text(json.dumps(RECORDS[0]) + "\n", encoding="utf-8")
        feed.scan()
        feed.step()
        assert [(o.where, o.status) for o in outcomes] == [(f"{jsonl}:1", "added")]
        with jsonl.open("a", encoding="utf-8") as out:  # a whole line and half of the next
            out.write(json.dumps(RECORDS[1]) + "\n" + '{"text": "Oman hosted talks')
        feed.notice([(Change.modified, str(jsonl))])
        feed.step()
        assert [(o.where, o.status) for o in outcomes[1:]] == [(f"{jsonl}:2", "added")]
        assert len(warnings) == 1 and warnings[0].startswith(f"{jsonl}:3: the last line has no newline")
        assert feed.pending == 1  # the half line waits
        with jsonl.open("a", encoding="utf-8") as out:
            out.write(' between Iran and Saudi Arabia.", "url": "https://news.example/3"}\n')
        feed.notice([(Change.modified, str(jsonl))])
        feed.step()
        assert [(o.where, o.status) for o in outcomes[2:]] == [(f"{jsonl}:3", "added")]
        assert feed.pending == 0 and len(warnings) == 1
        # Rewritten in place (not an append): read from the start again, the records held are unchanged.
        jsonl.write_text(json.dumps(RECORDS[1]) + "\n" + json.dumps(RECORDS[0]) + "\n", encoding="utf-8")
        feed.notice([(Change.modified, str(jsonl))])
        feed.step()
        assert [o.status for o in outcomes[3:]] == ["unchanged", "unchanged"]
        assert feed.counts["added"] == 3


def test_once_leaves_a_file_still_being_written_for_the_next_run(tmp_path: Path) -> None:
    """A file that keeps changing never settles: --once reports it after ``max_wait`` and returns."""
    feed_dir = tmp_path / "feed"
    write_corpus(feed_dir)
    for path in feed_dir.iterdir():  # there since an hour: settled
        os.utime(path, (time.time() - 3600, time.time() - 3600))
    growing = feed_dir / "growing.txt"
    done = threading.Event()

    def write_on() -> None:
        with growing.open("w", encoding="utf-8") as out:
            while not done.is_set():
                out.write("Iran condemned Israel. ")
                out.flush()
                done.wait(0.05)

    writer = threading.Thread(target=write_on, daemon=True)
    writer.start()
    outcomes: list[Outcome] = []
    try:
        with open_store(tmp_path / "store") as store:
            feed = Feed([feed_dir], store, model="none", settle=5, listener=Listener(outcome=outcomes.append))
            feed.run_once(max_wait=1)
    finally:
        done.set()
        writer.join(DEADLINE)
    assert [(o.where, o.reason) for o in outcomes if o.status == "failed"] == [
        (str(growing), "still being written: left for the next run")
    ]
    assert feed.counts["added"] == 5 and feed.pending == 0


def test_a_long_feed_reopens_the_store_to_let_go_of_its_logs(tmp_path: Path) -> None:
    """RocksDB keeps an open store's write-ahead logs until it is opened again: with ``reopen`` the feed
    closes and reopens it every ``cycle_every`` documents written, so its logs stay small."""
    feed_dir = tmp_path / "feed"
    write_corpus(feed_dir)
    for i in range(4):
        (feed_dir / f"more{i}.txt").write_text(f"Egypt met Turkey in Cairo on day {i}.\n", encoding="utf-8")

    def log_bytes(location: Path) -> int:
        return sum(f.stat().st_size for f in location.glob("*.log"))

    sizes = {}
    for every in (2, 1000):
        location = tmp_path / f"store-{every}"
        opened: list[GraphStore] = []

        def reopen(location: Path = location, opened: list[GraphStore] = opened) -> GraphStore:
            opened.append(open_store(location))
            return opened[-1]

        first = open_store(location)
        feed = Feed([feed_dir], first, model="none")
        feed.reopen, feed.cycle_every = reopen, every
        feed.run_once()
        assert feed.counts["added"] == 9
        assert len(feed.store.documents()) == 9
        sizes[every] = log_bytes(location)
        assert len(opened) == (4 if every == 2 else 0) and feed.store is (opened[-1] if opened else first)
        feed.store.close()
        first.close()
    assert 0 < sizes[2] < sizes[1000] / 2, sizes


def test_a_stop_request_ends_between_documents(tmp_path: Path) -> None:
    """Stopped after the first document: the store holds it whole and nothing of the others; the next
    run adds the others and leaves the first as it is."""
    feed_dir, store_dir = tmp_path / "feed", tmp_path / "store"
    write_corpus(feed_dir)
    stop = threading.Event()
    outcomes: list[Outcome] = []

    def first_then_stop(outcome: Outcome) -> None:
        outcomes.append(outcome)
        stop.set()

    with open_store(store_dir) as store:
        Feed([feed_dir], store, model="none", stop=stop, listener=Listener(outcome=first_then_stop)).run_once()
    assert len(outcomes) == 1 and outcomes[0].status == "added"
    held = statements_per_document(store_dir)
    assert len(held) == 1 and list(held.values()) == [outcomes[0].statements]
    with open_store(store_dir) as store:
        rest = Feed([feed_dir], store, model="none")
        rest.run_once()
    assert rest.counts == {"added": 4, "unchanged": 1}
    assert len(statements_per_document(store_dir)) == 5


class Threaded:
    """``Feed.run`` in a thread: its outcomes as they come, the error it ended with, stopped at exit."""

    def __init__(self, folder: Path, store: GraphStore) -> None:
        self.outcomes: list[Outcome] = []
        self.error: BaseException | None = None
        self._new = threading.Condition()
        self.feed = Feed([folder], store, model="none", settle=0.2, listener=Listener(outcome=self._record))
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _record(self, outcome: Outcome) -> None:
        with self._new:
            self.outcomes.append(outcome)
            self._new.notify_all()

    def _run(self) -> None:
        try:
            self.feed.run()
        except BaseException as err:  # noqa: BLE001 - handed to the test
            self.error = err

    def wait_for(self, where: Path | str) -> Outcome:
        with self._new:
            assert self._new.wait_for(lambda: any(o.where == str(where) for o in self.outcomes), DEADLINE)
            return next(o for o in self.outcomes if o.where == str(where))

    def __enter__(self) -> Threaded:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.feed.stop.set()
        self.thread.join(DEADLINE)
        assert not self.thread.is_alive()


def test_the_watcher_in_a_thread_picks_up_a_new_file(tmp_path: Path) -> None:
    feed_dir, store_dir = tmp_path / "feed", tmp_path / "store"
    feed_dir.mkdir()
    (feed_dir / "egypt.txt").write_text(ARTICLES["egypt.txt"], encoding="utf-8")
    with open_store(store_dir) as store, Threaded(feed_dir, store) as run:
        run.wait_for(feed_dir / "egypt.txt")  # found by the scan, which runs once the watcher is live
        tmp = feed_dir / "iran.md.tmp"  # not watched: written, then renamed into place
        tmp.write_text(ARTICLES["iran.md"], encoding="utf-8")
        tmp.rename(feed_dir / "iran.md")
        assert run.wait_for(feed_dir / "iran.md").status == "added"
    assert run.error is None
    assert [o.status for o in run.outcomes] == ["added", "added"]
    assert len(statements_per_document(store_dir)) == 2


def test_a_file_name_that_is_not_utf8_is_reported_once_and_the_watch_goes_on(tmp_path: Path) -> None:
    """watchfiles fails on such a name; the feed starts it again and its scan names the file once."""
    feed_dir, store_dir = tmp_path / "feed", tmp_path / "store"
    feed_dir.mkdir()
    (feed_dir / "egypt.txt").write_text(ARTICLES["egypt.txt"], encoding="utf-8")
    with open_store(store_dir) as store, Threaded(feed_dir, store) as run:
        run.wait_for(feed_dir / "egypt.txt")
        with open(os.path.join(os.fsencode(feed_dir), b"bad\xff.txt"), "wb") as out:
            out.write(b"Iran met Qatar.\n")
        (feed_dir / "iran.md").write_text(ARTICLES["iran.md"], encoding="utf-8")
        assert run.wait_for(feed_dir / "iran.md").status == "added"
        (feed_dir / "nakatani.txt").write_text(ARTICLES["nakatani.txt"], encoding="utf-8")
        assert run.wait_for(feed_dir / "nakatani.txt").status == "added"
    assert run.error is None
    failed = [o for o in run.outcomes if o.status == "failed"]
    assert len(failed) == 1 and failed[0].reason == "the file name is not valid UTF-8: rename the file", failed
    assert len(statements_per_document(store_dir)) == 3


def test_a_folder_made_anew_is_watched_and_one_that_is_gone_ends_the_watch(tmp_path: Path) -> None:
    feed_dir, store_dir = tmp_path / "feed", tmp_path / "store"
    feed_dir.mkdir()
    (feed_dir / "egypt.txt").write_text(ARTICLES["egypt.txt"], encoding="utf-8")
    with open_store(store_dir) as store, Threaded(feed_dir, store) as run:
        run.wait_for(feed_dir / "egypt.txt")
        feed_dir.rename(tmp_path / "yesterday")  # rotated away: the watch follows the new folder of that name
        feed_dir.mkdir()
        (feed_dir / "iran.md").write_text(ARTICLES["iran.md"], encoding="utf-8")
        assert run.wait_for(feed_dir / "iran.md").status == "added"
        shutil.rmtree(feed_dir)
        run.thread.join(DEADLINE)
    assert isinstance(run.error, FeedError) and str(run.error).startswith(f"the watched folder {feed_dir} is gone")


# --- the command, in its own process ------------------------------------------------------------------


def actorgraph_command() -> list[str]:
    script = Path(sys.executable).with_name("actorgraph")
    return [str(script)] if script.exists() else [sys.executable, "-c", "from actorgraph.cli import main; main()"]


class Watcher:
    """``actorgraph watch`` in a child process, its stdout read line by line in a thread."""

    def __init__(self, *args: str) -> None:
        self.proc = subprocess.Popen([*actorgraph_command(), "watch", *args], stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True, encoding="utf-8")  # fmt: skip
        self.lines: list[str] = []
        self._new = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            with self._new:
                self.lines.append(line.rstrip("\n"))
                self._new.notify_all()

    def wait_for(self, prefix: str) -> str:
        """The first stdout line that starts with ``prefix`` (waiting for it, up to the deadline)."""
        end = time.monotonic() + DEADLINE
        with self._new:
            while True:
                found = [line for line in self.lines if line.startswith(prefix)]
                if found:
                    return found[0]
                left = end - time.monotonic()
                if left <= 0 or self.proc.poll() is not None:
                    raise AssertionError(f"no line {prefix!r}; got {self.lines}")
                self._new.wait(min(left, 0.5))

    def stop(self) -> tuple[int, str]:
        self.proc.send_signal(signal.SIGTERM)
        try:
            code = self.proc.wait(DEADLINE)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
        assert self.proc.stderr is not None
        return code, self.proc.stderr.read()


@pytest.fixture
def watcher(tmp_path: Path) -> Iterator[Watcher]:
    started: list[Watcher] = []

    def start(*args: str) -> Watcher:
        w = Watcher(*args)
        started.append(w)
        return w

    yield start  # type: ignore[misc]
    for w in started:
        if w.proc.poll() is None:
            w.proc.kill()
            w.proc.wait()


def test_watch_ingests_files_as_they_arrive_and_stops_on_sigterm(tmp_path: Path, watcher) -> None:  # type: ignore[no-untyped-def]
    feed, store = tmp_path / "feed", tmp_path / "store"
    feed.mkdir()
    w = watcher(str(feed), "--store", str(store), "--model", "none", "--settle", "2")
    w.wait_for("watching ")
    # Written slowly with the file kept open: read only once complete (one 'added', no 'replaced').
    slow = feed / "slow.txt"
    with slow.open("w", encoding="utf-8") as out:
        out.write("Japanese Defense Minister Gen Nakatani met ")
        out.flush()
        time.sleep(0.3)
        out.write("US Defense Secretary Pete Hegseth in Singapore.\n")
    (feed / "broken.txt").write_bytes(BINARY)
    sub = feed / "desk"  # a folder made after start-up is watched too
    sub.mkdir()
    (sub / "egypt.txt").write_text(ARTICLES["egypt.txt"], encoding="utf-8")
    with (feed / "wire.jsonl").open("w", encoding="utf-8") as out:
        out.write(json.dumps(RECORDS[0]) + "\n")
    whole = extract_path(slow, model="none")
    assert w.wait_for(f"added {slow}: ") == f"added {slow}: {len(whole.relations)} statements"
    w.wait_for(f"added {sub / 'egypt.txt'}: ")
    w.wait_for(f"added {feed / 'wire.jsonl'}:1: ")
    code, stderr = w.stop()
    assert code == 0, stderr
    assert stderr.splitlines() == [f"skipped {feed / 'broken.txt'}: this looks like a binary file, not text"]
    assert not [line for line in w.lines if line.startswith("replaced ")]
    assert w.lines[-1] == "3 new, 0 replaced, 0 unchanged, 1 failed"
    held = statements_per_document(store)
    assert len(held) == 3
    with open_store(store, read_only=True) as read:
        assert held_sha256(read, str(document_iri(whole.document))) == whole.document.sha256  # the whole text

    # A restart changes nothing: everything is found unchanged, the store is the same quad for quad.
    before = quads(store)
    again = watcher(str(feed), "--store", str(store), "--model", "none")
    again.wait_for("3 documents already in the store, unchanged")
    code, stderr = again.stop()
    assert code == 0 and again.lines[-1] == "0 new, 0 replaced, 3 unchanged, 1 failed"
    assert quads(store) == before


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_a_signal_in_a_backlog_leaves_each_document_whole(tmp_path: Path, watcher, signum: int) -> None:  # type: ignore[no-untyped-def]
    """A signal while many files wait: SIGTERM stops the watcher after the document in hand, SIGKILL at
    once (the store's transactions keep each document old or new). Every document in the store has all
    its statements (as ingesting it alone gives), and the next run adds the rest."""
    feed, store = tmp_path / "feed", tmp_path / "store"
    feed.mkdir()
    texts = [f"{a} met {b} in Geneva on day {i}.\n" for i, (a, b) in enumerate(
        [("Egypt", "Turkey"), ("Iran", "Qatar"), ("Japan", "China"), ("France", "Germany")] * 75)]  # fmt: skip
    for i, text in enumerate(texts):
        (feed / f"{i:03}.txt").write_text(text, encoding="utf-8")
    w = watcher(str(feed), "--store", str(store), "--model", "none")
    w.wait_for("added ")
    if signum == signal.SIGTERM:
        code, stderr = w.stop()
        assert code == 0, stderr
        assert w.lines[-2] == "stopping after the current document"
    else:
        w.proc.kill()
        assert w.proc.wait(DEADLINE) == -signal.SIGKILL
    held = statements_per_document(store)
    assert 1 <= len(held) < len(texts)
    with open_store("memory") as alone:
        for path in sorted(feed.iterdir()):
            ex = extract_path(path, model="none")
            iri = str(document_iri(ex.document))
            if iri in held:
                ingest(alone, [ex])
                n = alone.select_values(
                    f"SELECT (COUNT(?s) AS ?n) WHERE {{ GRAPH <{iri}> {{ ?s a ag:RelationStatement }} }}"
                )
                assert held[iri] == int(n[0][0]) >= 1
    rest = invoke("watch", str(feed), "--store", str(store), "--once", "--model", "none", "--quiet")
    assert rest.exit_code == 0
    assert len(statements_per_document(store)) == len(texts)


def test_sigint_stops_the_same_way(tmp_path: Path, watcher) -> None:  # type: ignore[no-untyped-def]
    feed = tmp_path / "feed"
    write_corpus(feed)
    w = watcher(str(feed), "--store", str(tmp_path / "store"), "--model", "none")
    w.wait_for("added ")
    w.proc.send_signal(signal.SIGINT)
    assert w.proc.wait(DEADLINE) == 0
    assert "stopping after the current document" in w.lines
    assert os.path.isdir(tmp_path / "store")
