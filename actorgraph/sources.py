"""Corpus input: folders of article files and JSONL files, cut into chunks that any worker can read.

A corpus is planned on the caller's side into :class:`FileChunk` (a few article files) and
:class:`JsonlChunk` (a byte range of a JSONL file, cut at line ends) records. A chunk is small and
picklable and names its input by path and offsets, so a process pool or a Dask worker reads the text
itself: no article text travels through the scheduler, and a 10 GB JSONL file is never held in memory.

JSONL has one article a line: ``{"text": ..., "title": ..., "url": ..., "date": ..., "lang": ...}``; only
``text`` is required. A line that is not a JSON object with a non-empty ``text`` is reported as
``file.jsonl:LINE: reason`` and skipped; it does not stop the corpus.
"""

from __future__ import annotations

import json
import os
import re
import stat
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from actorgraph.extract.read import ExtractionError, InputWarning, checked_date, make_document, read_document
from actorgraph.extract.records import Document

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
# A chunk is the unit of work handed to a worker: big enough that scheduling costs nothing next to
# extraction (~1 ms per sentence), small enough that workers stay evenly loaded and progress moves.
CHUNK_BYTES = 256 * 1024
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)


@dataclass(frozen=True, slots=True)
class FileChunk:
    """Article files (.txt .md .html), each one document."""

    paths: tuple[str, ...]

    @property
    def size(self) -> int:
        return len(self.paths)


@dataclass(frozen=True, slots=True)
class JsonlChunk:
    """Lines ``first_line`` .. ``first_line + lines - 1`` (1-based) of a JSONL file: bytes [start, end)."""

    path: str
    start: int
    end: int
    first_line: int
    lines: int

    @property
    def size(self) -> int:
        return self.lines


Chunk = FileChunk | JsonlChunk


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that was skipped: ``where`` is a path or ``path:line``; ``reason`` is one line."""

    where: str
    reason: str


@dataclass(frozen=True, slots=True)
class Notice:
    """An input read with a repair (``read.InputWarning``): ``message`` is one line naming the input."""

    message: str


def collect(paths: Iterable[Path | str], skipped: list[Failure] | None = None) -> list[Path]:
    """Files given, plus article and JSONL files found under folders (recursively), in a stable order.

    Folders are walked with a stack, not recursion (a tree 1,200 folders deep is fine), and symbolic
    links to folders are not followed (no loops). What cannot be read is passed over with a
    :class:`Failure` appended to ``skipped``: an unreadable folder, a name that is not valid UTF-8 (it
    could not be stored or printed; the rest of its folder goes on), a FIFO, device or socket.
    """
    wanted = ARTICLE_SUFFIXES | JSONL_SUFFIXES
    out: list[Path] = []
    note = skipped.append if skipped is not None else (lambda failure: None)
    for p in map(Path, paths):
        if not _valid_name(str(p)):  # given as is: its documents could not be named in the store
            note(Failure(_printable(p), "the path is not valid UTF-8: rename it"))
        elif p.is_dir():
            out += _walk(p, wanted, note)
        else:
            out.append(p)
    return list(dict.fromkeys(out))


def _walk(root: Path, wanted: frozenset[str], note: Callable[[Failure], None]) -> list[Path]:
    found: list[Path] = []
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as entries:
                listed = sorted(entries, key=lambda e: e.name)
        except OSError as err:
            note(Failure(_printable(folder), f"folder not read: {err.strerror or err}"))
            continue
        subfolders = []
        for entry in listed:
            path = Path(entry.path)
            if not _valid_name(entry.name):
                note(Failure(_printable(path), "the file name is not valid UTF-8: rename the file"))
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    subfolders.append(path)
                    continue
                if Path(entry.name).suffix.lower() not in wanted:
                    continue
                kind = _special_kind(entry.stat().st_mode)
            except OSError as err:
                note(Failure(str(path), err.strerror or str(err)))
                continue
            if kind:
                note(Failure(str(path), f"{kind}, not a file: skipped"))
                continue
            found.append(path)
        stack.extend(reversed(subfolders))  # depth first, in name order
    return sorted(found)


def _valid_name(name: str) -> bool:
    """False for a name with bytes that are not UTF-8 (Python keeps them as lone surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _printable(path: Path | str) -> str:
    return os.fsencode(path).decode("utf-8", "replace")


def _special_kind(mode: int) -> str:
    """'a FIFO', 'a device', 'a socket' for what is no regular file (reading a FIFO blocks forever)."""
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return ""


def is_jsonl(path: Path | str) -> bool:
    return Path(path).suffix.lower() in JSONL_SUFFIXES


def plan(paths: Iterable[Path | str], chunk_bytes: int = CHUNK_BYTES,
         skipped: list[Failure] | None = None) -> list[Chunk]:  # fmt: skip
    """Cut the corpus under ``paths`` into chunks of about ``chunk_bytes`` of input each.

    Article files are grouped by size (at least one file per chunk); JSONL files are cut at line ends,
    counting lines so that workers can name a bad line by its number. What the walk passes over is
    appended to ``skipped`` (see :func:`collect`).
    """
    chunks: list[Chunk] = []
    group: list[str] = []
    group_bytes = 0
    for f in collect(paths, skipped):
        if is_jsonl(f):
            chunks += _jsonl_chunks(f, chunk_bytes)
            continue
        try:
            size = f.stat().st_size
        except OSError:
            size = 0  # reading it will report the problem, with the reader's message
        group.append(str(f))
        group_bytes += size
        if group_bytes >= chunk_bytes:
            chunks.append(FileChunk(tuple(group)))
            group, group_bytes = [], 0
    if group:
        chunks.append(FileChunk(tuple(group)))
    return chunks


def _jsonl_chunks(path: Path, chunk_bytes: int) -> list[JsonlChunk]:
    """One pass over the file line by line (buffered, in C), cutting after ``chunk_bytes`` of lines."""
    out: list[JsonlChunk] = []
    try:
        handle = path.open("rb")
    except OSError:
        # Unreadable: one chunk for the whole file, so that the worker reports the error for it.
        return [JsonlChunk(str(path), 0, -1, 1, 1)]
    with handle:
        start = pos = 0
        first = line = 1
        for raw in handle:
            pos += len(raw)
            line += 1
            if pos - start >= chunk_bytes:
                out.append(JsonlChunk(str(path), start, pos, first, line - first))
                start, first = pos, line
        if pos > start:
            out.append(JsonlChunk(str(path), start, pos, first, line - first))
    return out


def read_chunk(chunk: Chunk, lang: str | None = None) -> Iterator[Document | Failure | Notice]:
    """The documents of one chunk, in order, with a :class:`Failure` in place of each unreadable one and
    a :class:`Notice` before each one read with a warning."""
    if isinstance(chunk, FileChunk):
        for path in chunk.paths:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", InputWarning)
                try:
                    item: Document | Failure = read_document(path, lang=lang)
                except Exception as err:  # noqa: BLE001 - one bad article must not stop the corpus
                    item = Failure(path, _reason(err, path))
            yield from _notices(caught)
            yield item
        return
    yield from _read_jsonl(chunk, lang)


def _notices(caught: list[warnings.WarningMessage]) -> Iterator[Notice]:
    for w in caught:
        if issubclass(w.category, InputWarning):
            yield Notice(" ".join(str(w.message).split()))
        else:  # not ours: shown as it would have been
            warnings.showwarning(w.message, w.category, w.filename, w.lineno)


def _read_jsonl(chunk: JsonlChunk, lang: str | None) -> Iterator[Document | Failure | Notice]:
    try:
        with open(chunk.path, "rb") as handle:
            handle.seek(chunk.start)
            data = handle.read() if chunk.end < 0 else handle.read(chunk.end - chunk.start)
    except OSError as err:
        yield Failure(chunk.path, err.strerror or str(err))
        return
    for offset, raw in enumerate(data.split(b"\n")):
        if not raw.strip():
            continue
        where = f"{chunk.path}:{chunk.first_line + offset}"
        try:
            record = json.loads(raw)
        except (UnicodeDecodeError, ValueError) as err:
            yield Failure(where, f"not valid JSON ({_reason(err)})")
            continue
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", InputWarning)
            try:
                item: Document | Failure = record_document(record, lang=lang, where=where)
            except Exception as err:  # noqa: BLE001 - one bad record must not stop the corpus
                item = Failure(where, _reason(err, where))
        yield from _notices(caught)
        yield item


def record_document(record: Any, *, lang: str | None = None, where: str = "") -> Document:
    """One JSONL record → a Document. The record's ``lang`` wins over ``lang``; detection is last.

    ``url`` (when it is a URL) is the document's location, so the same article re-read later keeps its
    IRI and a changed text replaces its graph. Without a URL the document is identified by its text.
    """
    if not isinstance(record, dict):
        raise ExtractionError(f"a JSON object was expected, not {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ExtractionError("no text (the field 'text' is missing or empty)")
    fields = {k: record.get(k) for k in ("title", "url", "date", "lang")}
    for name, value in fields.items():
        if value is not None and not isinstance(value, str):
            raise ExtractionError(f"the field {name!r} must be a string")
    record_lang = (fields["lang"] or "").strip().lower() or None
    if record_lang == "auto":
        record_lang = None
    url = (fields["url"] or "").strip()
    source = url if _URL.match(url) else ""
    date = checked_date(fields["date"], where)  # named by file and line, not by the record's URL
    doc = make_document(text, lang=record_lang or lang, source=source or where, date=date)
    # make_document takes the location for messages; a record without a URL has no location of its own
    # (its line number changes when lines are added), so the document is keyed by its content.
    doc.source = source
    if fields["title"]:
        doc.title = fields["title"].strip()
    return doc


def _reason(err: BaseException, where: str | Path = "") -> str:
    text = " ".join(str(err).split())
    if where and text.startswith(f"{where}: "):  # the reader names the file already: say it once
        text = text[len(f"{where}: ") :]
    if isinstance(err, ExtractionError | OSError):
        return text or type(err).__name__
    return f"{type(err).__name__}: {text}" if text else type(err).__name__
