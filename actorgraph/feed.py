"""Feed mode (``actorgraph watch``): ingest each article as it lands in a folder, one document at a time.

How files are noticed: watchfiles (MIT; by pydantic's author, the file watcher behind uvicorn's
``--reload``; Rust's ``notify`` crate in wheels on PyPI for Linux, macOS and Windows, and anyio, MIT).
It reads the kernel's notifications (inotify), so a quiet folder costs nothing and a new file is seen at
once however many thousand files the folder already holds, where a polling loop would stat every file
of the folder at each turn. On network shares (NFS, SMB), where the kernel sends no notifications,
``poll`` (``watch --poll SECONDS``) makes watchfiles compare the folder every SECONDS instead. The
watcher stops on a file name that is not UTF-8; it is started again, with a scan, which names that file
once. A watched folder moved away and made anew is watched anew; one that is gone ends the feed
(:class:`FeedError`).

What counts as arrived. A notification says a file changed, not that its writer is done. An article
file is read once its size and modification time have not changed for ``settle`` seconds (a file whose
modification time is already that old is read at once: one renamed into place, or there at start-up).
A JSONL file is read a line at a time as it grows: each line that ends with a newline is complete; a
last line without one is read once the file has settled and the line is valid JSON. Writers that can
should write under another name (``.tmp``, which is not watched) and rename: the rename is atomic.

Each document is read, compared with the store by its content hash (a point look-up of its own graph:
an unchanged file is never extracted again, so a restarted watcher changes nothing), extracted with
pipelines built once per process, and written by ``store.ingest`` in its own transaction. A stop
request (Ctrl-C, SIGTERM, or the ``stop`` event) is honoured between documents: a document is either
written whole or left for the next run. A file that cannot be read or extracted is one
:class:`Outcome` with a reason, and the feed goes on; it is tried again when it changes. A deleted
file's statements stay in the store (a feed's folder is often emptied by rotation).
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import BinaryIO

from actorgraph.extract.records import Document
from actorgraph.graph.rdf import document_iri
from actorgraph.graph.store import GraphStore, ingest
from actorgraph.sources import (
    ARTICLE_SUFFIXES,
    JSONL_SUFFIXES,
    Failure,
    FileChunk,
    JsonlChunk,
    Notice,
    collect,
    read_chunk,
)

SETTLE_SECONDS = 1.0  # unchanged size and mtime for this long: the writer is done
TICK_SECONDS = 0.5  # how often pending files are looked at again when nothing else happens
RESTARTS = 3  # the watcher's error given up on after this many restarts with no change handled between
# A store open for writing keeps every write-ahead log until it is opened again (RocksDB: about 0.5 MB per
# real article, measured 2026-12-05; 1,440 articles held 716 MB of logs in a store of 116 MB), so a feed
# that runs for days closes and reopens an on-disk store every CYCLE_DOCS documents written (0.3 s).
CYCLE_DOCS = 200
ONCE_MAX_WAIT = 30.0  # --once: a file still being written after this long is left for the next run
_WANTED = ARTICLE_SUFFIXES | JSONL_SUFFIXES
_TAIL = 256  # bytes kept from before a JSONL file's read position, to tell an append from a rewrite


class FeedError(Exception):
    """The feed cannot go on (a watched folder is gone): one line."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one document: ``status`` is added, replaced, unchanged or failed."""

    where: str  # a path, or path:LINE for a JSONL record
    status: str
    statements: int = 0
    reason: str = ""

    def line(self) -> str:
        if self.status == "failed":
            return f"skipped {self.where}: {self.reason}"
        if self.status == "unchanged":
            return f"unchanged {self.where}"
        return f"{self.status} {self.where}: {self.statements} statement{'s' * (self.statements != 1)}"


@dataclass(slots=True)
class _Pending:
    key: tuple[int, int, int]  # inode, size, mtime_ns at the last look
    since: float  # monotonic time the key was first seen
    initial: bool  # found by the start-up scan
    first: float = 0.0  # monotonic time the file was first seen changing


@dataclass(slots=True)
class _JsonlPosition:
    inode: int
    offset: int  # bytes read so far, always at a line end
    line: int  # the number of the next line
    tail: bytes  # the last bytes before offset


def held_sha256(store: GraphStore, iri: str) -> str:
    """The content hash the store holds for document ``iri`` ("" when it holds none): one point look-up."""
    return store.documents([iri]).get(iri, "")


def _ignore(*args: object) -> None:
    pass


@dataclass(slots=True)
class Listener:
    """What the feed tells as it goes: each document's :class:`Outcome`, each input read with a repair
    (``warning``), a line of progress (``note``); ``after_change`` is called after a round that added or
    replaced a document (the CLI applies the user's curation there)."""

    outcome: Callable[[Outcome], None] = _ignore
    warning: Callable[[str], None] = _ignore
    note: Callable[[str], None] = _ignore
    after_change: Callable[[], object] = _ignore


class Feed:
    """The watcher's state: files waiting to settle, files done, and JSONL read positions.

    ``reopen``, when set, opens the store again: the feed then closes and reopens it every
    ``cycle_every`` documents written, between documents (see ``CYCLE_DOCS``), and ``self.store`` is
    the store in use."""

    reopen: Callable[[], GraphStore] | None = None
    cycle_every: int = CYCLE_DOCS

    def __init__(
        self,
        roots: Sequence[Path | str],
        store: GraphStore,
        *,
        lang: str | None = None,
        model: str | None = None,
        settle: float = SETTLE_SECONDS,
        stop: threading.Event | None = None,
        listener: Listener | None = None,
    ) -> None:
        self.roots = [Path(r) for r in roots]
        self.store, self.lang, self.model, self.settle = store, lang, model, settle
        self.stop = stop or threading.Event()
        self.tell = listener or Listener()
        self.counts: Counter[str] = Counter()
        self._pending: dict[str, _Pending] = {}
        self._done: dict[str, tuple[int, int, int]] = {}  # article file -> key of the version handled
        self._jsonl: dict[str, _JsonlPosition] = {}
        self._initial_unchanged = 0
        self._written = 0  # documents written since the store was last opened
        self._reported: set[Failure] = set()  # what scans passed over, reported once
        self._warned_tail: dict[str, int] = {}  # JSONL file -> offset of the incomplete last line warned of

    # --- what to look at ------------------------------------------------------------------------------

    def scan(self) -> None:
        """Every article and JSONL file under the roots becomes pending (the start-up scan)."""
        skipped: list[Failure] = []
        for path in collect(self.roots, skipped):
            self._add(str(path), initial=True)
        for failure in skipped:
            if failure not in self._reported:  # a scan after a restart names it again
                self._reported.add(failure)
                self._emit(Outcome(failure.where, "failed", reason=failure.reason))

    def notice(self, changes: Iterable[tuple[int, str]]) -> None:
        """watchfiles' changes: (Change, path). A deleted file is forgotten; a folder that appears (moved
        in whole) is walked, since no notification is sent for the files it brought."""
        from watchfiles import Change

        for change, path in changes:
            if change == Change.deleted and not os.path.lexists(path):  # not one replaced by a rename
                for table in (self._pending, self._done, self._jsonl):
                    table.pop(path, None)
            elif os.path.isdir(path) and not os.path.islink(path):
                for found in collect([path]):
                    self._add(str(found), initial=False)
            elif Path(path).suffix.lower() in _WANTED:
                self._add(path, initial=False)

    def _add(self, path: str, *, initial: bool) -> None:
        key = _key(path)
        if key is None or path in self._pending or self._done.get(path) == key:
            return
        now = time.monotonic()
        self._pending[path] = _Pending(key, now, initial, now)

    @property
    def pending(self) -> int:
        return len(self._pending)

    # --- one round --------------------------------------------------------------------------------------

    def step(self, *, give_up_after: float | None = None) -> None:
        """Handle every pending file that has settled (oldest first), checking for a stop between
        documents. ``give_up_after``: seconds after which a file still changing is reported and dropped."""
        changed = False
        now = time.monotonic()
        for path, entry in self._ready(now):
            if self.stop.is_set():
                break
            settled = now - entry.since >= self.settle or time.time() - entry.key[2] / 1e9 >= self.settle
            if Path(path).suffix.lower() in JSONL_SUFFIXES:
                changed |= self._jsonl_lines(path, entry, settled, final=give_up_after is not None)
            elif settled:
                changed |= self._article(path, entry)
        if give_up_after is not None and not self.stop.is_set():
            for path, entry in list(self._pending.items()):
                if now - entry.first >= give_up_after:
                    del self._pending[path]
                    self._emit(Outcome(path, "failed", reason="still being written: left for the next run"))
        if changed:
            self.tell.after_change()
        if self._initial_unchanged and not any(e.initial for e in self._pending.values()):
            n, self._initial_unchanged = self._initial_unchanged, 0
            self.tell.note(f"{n} document{'s' * (n != 1)} already in the store, unchanged")

    def _ready(self, now: float) -> list[tuple[str, _Pending]]:
        """Pending files to look at now, oldest first: those unchanged since the last look, and JSONL
        files that grew (their complete lines need no settling). Files gone are forgotten."""
        ready: list[tuple[int, str, _Pending]] = []
        for path, entry in list(self._pending.items()):
            key = _key(path)
            if key is None:  # gone before it was read
                del self._pending[path]
            elif key == entry.key or Path(path).suffix.lower() in JSONL_SUFFIXES:
                if key != entry.key:
                    entry.key, entry.since = key, now
                ready.append((key[2], path, entry))
            else:
                entry.key, entry.since = key, now
        return [(path, entry) for _, path, entry in sorted(ready)]

    def _article(self, path: str, entry: _Pending) -> bool:
        changed = False
        for item in read_chunk(FileChunk((path,)), self.lang):
            if isinstance(item, Document):
                changed |= self._document(item, path, entry.initial)
            else:
                self._item(item)
        if not self.stop.is_set():
            del self._pending[path]
            self._done[path] = entry.key
        return changed

    def _jsonl_lines(self, path: str, entry: _Pending, settled: bool, *, final: bool = False) -> bool:
        """The complete lines added since the last read. A last line without a newline is read once the
        file has settled and the line is valid JSON (a record cut short never is: its closing brace is
        missing); ``final`` (--once) reads it anyway, so a broken last line is reported."""
        pos = self._jsonl.get(path)
        try:
            with open(path, "rb") as handle:
                if pos is not None and (pos.inode != entry.key[0] or not _continues(handle, pos)):
                    pos = None  # replaced or rewritten: read again from the start (unchanged records skip)
                pos = pos or _JsonlPosition(entry.key[0], 0, 1, b"")
                handle.seek(pos.offset)
                data = handle.read()
                read_to = pos.offset + len(data)
        except OSError as err:
            del self._pending[path]
            self._emit(Outcome(path, "failed", reason=err.strerror or str(err)))
            return False
        end = data.rfind(b"\n") + 1
        if settled and end < len(data):
            if final or _is_json(data[end:]):
                end = len(data)
            elif self._warned_tail.get(path) != pos.offset + end:
                self._warned_tail[path] = pos.offset + end
                line = pos.line + data.count(b"\n", 0, end)
                self.tell.warning(f"{path}:{line}: the last line has no newline and is not complete JSON: "
                                  "it is read once it is complete")  # fmt: skip
        changed = False
        for raw in _lines(data[:end]):
            if self.stop.is_set():
                break
            chunk = JsonlChunk(path, pos.offset, pos.offset + len(raw), pos.line, 1)
            for item in read_chunk(chunk, self.lang):
                if isinstance(item, Document):
                    changed |= self._document(item, f"{path}:{pos.line}", entry.initial)
                else:
                    self._item(item)
            if self.stop.is_set():
                break
            pos.tail = (pos.tail + raw)[-_TAIL:]
            pos.offset += len(raw)
            pos.line += 1
        self._jsonl[path] = pos
        if pos.offset == read_to and not self.stop.is_set():  # all read: pending again when it grows
            del self._pending[path]
        return changed

    def _item(self, item: Failure | Notice) -> None:
        if isinstance(item, Notice):
            self.tell.warning(item.message)
        else:
            self._emit(Outcome(item.where, "failed", reason=item.reason))

    def _document(self, doc: Document, where: str, initial: bool) -> bool:
        """Extract and ingest one document unless the store holds it already; True when it changed."""
        from actorgraph.extract import extract_document

        if held_sha256(self.store, str(document_iri(doc))) == doc.sha256:
            if initial:
                self._initial_unchanged += 1
                self.counts["unchanged"] += 1
            else:
                self._emit(Outcome(where, "unchanged"))
            return False
        try:
            extraction = extract_document(doc, self.model)
        except Exception as err:  # noqa: BLE001 - one article the extractor trips on must not stop the feed
            self._emit(Outcome(where, "failed", reason=f"{type(err).__name__}: {' '.join(str(err).split())}"))
            return False
        if self.stop.is_set():  # asked to stop while extracting: the store keeps what it had
            return False
        report = ingest(self.store, [extraction])
        status = "added" if report.added else "replaced" if report.replaced else "unchanged"
        self._emit(Outcome(where, status, len(extraction.relations)))
        self._written += report.changed
        if self.reopen is not None and self._written >= self.cycle_every:
            self.store.close()  # flushed, and its write-ahead logs let go
            self.store, self._written = self.reopen(), 0
        return report.changed

    def _emit(self, outcome: Outcome) -> None:
        self.counts[outcome.status] += 1
        self.tell.outcome(outcome)

    # --- the loops ----------------------------------------------------------------------------------------

    def run_once(self, max_wait: float = ONCE_MAX_WAIT) -> None:
        """What is there now, each file once it has settled (up to ``max_wait`` seconds), then return."""
        self.scan()
        while self._pending and not self.stop.is_set():
            self.step(give_up_after=max_wait)
            if self._pending:
                self.stop.wait(min(TICK_SECONDS, self.settle))

    def run(self, *, poll: float | None = None) -> None:
        """Watch until ``stop`` is set: the start-up scan once the watcher is live (so no file slips in
        between), then each change as notified, and pending files again every ``TICK_SECONDS``.

        The watcher fails on a file name that is not UTF-8 (and on a folder it loses); it is then started
        again, with a scan, which reports such a name once and passes over it. An error that comes back
        ``RESTARTS`` times with no change handled in between is raised."""
        from watchfiles._rust_notify import WatchfilesRustInternalError

        failures = 0
        while not self.stop.is_set():
            try:
                for _ in self._watch(poll):
                    failures = 0
            except WatchfilesRustInternalError:
                failures += 1
                if failures > RESTARTS:
                    raise

    def _watch(self, poll: float | None) -> Iterator[None]:
        from watchfiles import watch

        changes = watch(*self.roots, watch_filter=None, debounce=1000, step=50, stop_event=self.stop,
                        rust_timeout=int(TICK_SECONDS * 1000), yield_on_timeout=True, raise_interrupt=False,
                        force_polling=True if poll else None, poll_delay_ms=int((poll or 0.3) * 1000),
                        ignore_permission_denied=True)  # fmt: skip
        roots = self._root_inodes()
        scanned = False
        for batch in changes:
            if not scanned:
                self.scan()
                scanned = True
            if self._root_inodes() != roots:  # a folder moved away and made anew: watch the new one
                return
            self.notice(batch)
            self.step()
            if self.stop.is_set():
                return
            if batch:
                yield None

    def _root_inodes(self) -> list[int]:
        out = []
        for root in self.roots:
            try:
                out.append(root.stat().st_ino)
            except OSError as err:
                raise FeedError(f"the watched folder {root} is gone ({err.strerror or err})") from None
        return out


def _key(path: str) -> tuple[int, int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def _lines(data: bytes) -> Iterator[bytes]:
    """The lines of ``data``, each with its newline (split at b"\\n" only, as ``sources`` counts them)."""
    start = 0
    while start < len(data):
        end = data.find(b"\n", start) + 1 or len(data)
        yield data[start:end]
        start = end


def _is_json(raw: bytes) -> bool:
    import json

    try:
        json.loads(raw)
    except ValueError:  # also UnicodeDecodeError
        return False
    return True


def _continues(handle: BinaryIO, pos: _JsonlPosition) -> bool:
    """Whether the file still holds what was read before its read position (an append, not a rewrite)."""
    start = pos.offset - len(pos.tail)
    handle.seek(start)
    return handle.read(len(pos.tail)) == pos.tail


@contextlib.contextmanager
def stop_on_signals(stop: threading.Event, on_first: Callable[[], None] = lambda: None) -> Iterator[None]:
    """SIGINT and SIGTERM set ``stop`` (the feed ends after the document in hand); a second one ends the
    process at once, as the signal would have. Outside the main thread (tests) nothing is installed."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: FrameType | None) -> None:
        if stop.is_set():
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        stop.set()
        on_first()

    previous = {s: signal.signal(s, handler) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for s, h in previous.items():
            signal.signal(s, h)
