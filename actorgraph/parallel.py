"""Extraction of a planned corpus (``sources.plan``) on one machine: in this process or a process pool.

The spaCy pipelines are pure Python rule components: threads would serialise on the GIL, so parallelism
is one process per core. Each process builds its pipelines once (``make_nlp`` is cached per process);
with the ``fork`` start method the parent builds them first and the workers inherit them copy-on-write,
which saves each worker the ~4 s of building them and the memory of a private copy.

Results come back in the order of the chunks whatever the number of workers, so entity resolution,
which mints IRIs in order of first appearance, gives the same graph with 1 worker or 16.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field

from actorgraph.extract.records import Extraction
from actorgraph.sources import Chunk, Failure, Notice, read_chunk


@dataclass(slots=True)
class ChunkResult:
    """What one chunk gave: its extractions (in input order), the inputs skipped, and its size."""

    extractions: list[Extraction] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # inputs read with a repair (a bad date dropped, ...)
    size: int = 0  # inputs consumed (documents and bad lines), for progress

    @property
    def sentences(self) -> int:
        return sum(len(ex.sentences) for ex in self.extractions)


def extract_chunk(chunk: Chunk, lang: str | None = None, model: str | None = None) -> ChunkResult:
    """Read and extract every document of ``chunk``; a failing document becomes a :class:`Failure`.

    ``model``: the English spaCy model for ``extract_document`` ("none": rules only; None: the default).
    """
    from actorgraph.extract import extract_document

    result = ChunkResult(size=chunk.size)
    for item in read_chunk(chunk, lang):
        if isinstance(item, Failure):
            result.failed.append(item)
            continue
        if isinstance(item, Notice):
            result.warnings.append(item.message)
            continue
        try:
            result.extractions.append(extract_document(item, model))
        except Exception as err:  # noqa: BLE001 - one article the extractor trips on must not stop the rest
            where = item.source or f"document {item.id}"
            result.failed.append(Failure(where, f"{type(err).__name__}: {' '.join(str(err).split())}"))
    return result


def resolve_workers(workers: int) -> int:
    """``0`` means one per available core."""
    if workers < 0:
        raise ValueError("workers must be 0 (one per core) or more")
    if workers == 0:
        try:
            return max(1, len(os.sched_getaffinity(0)))
        except AttributeError:  # not on Linux
            return os.cpu_count() or 1
    return workers


def warm_up(langs: Iterable[str] = ("ar", "en"), model: str | None = None) -> None:
    """Build the extraction pipelines (and the gazetteer tables they hold) in this process now."""
    from actorgraph.extract import extract_text

    samples = {"ar": "التقى الوزير بالرئيس.", "en": "The minister met the president."}
    for lang in langs:
        extract_text(samples[lang], lang=lang, model=model)


def _init_worker(langs: tuple[str, ...], model: str | None, build: bool, parent: int = 0) -> None:
    if parent:
        _die_with_parent(parent)
    if build:  # not forked from a parent that built them already
        warm_up(langs, model)


def _die_with_parent(parent: int) -> None:
    """Linux: have the kernel SIGKILL this worker when the process that started it dies, so a killed
    ingest leaves no workers behind (they would otherwise wait on their task queue for ever)."""
    if sys.platform != "linux":
        return
    import ctypes
    import signal

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # no prctl here: workers end when their queue closes, as before
        return
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def _context() -> multiprocessing.context.BaseContext:
    # fork lets workers inherit the parent's built pipelines; elsewhere (macOS, Windows) spawn is the
    # only safe choice and each worker builds its own in the initializer.
    if sys.platform == "linux":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def extract_chunks(
    chunks: Iterable[Chunk],
    *,
    workers: int = 1,
    lang: str | None = None,
    model: str | None = None,
    on_result: Callable[[ChunkResult], None] | None = None,
) -> Iterator[ChunkResult]:
    """Extract chunk by chunk with ``workers`` processes (1: in this process), yielding in chunk order."""
    n = resolve_workers(workers)
    if n == 1:
        for chunk in chunks:
            result = extract_chunk(chunk, lang, model)
            if on_result:
                on_result(result)
            yield result
        return
    ctx = _context()
    langs: tuple[str, ...] = (lang,) if lang else ("ar", "en")
    forked = ctx.get_start_method() == "fork"
    if forked:
        warm_up(langs, model)
    # A bounded window of chunks in flight: memory stays flat on any corpus size, and a few queued per
    # worker keep every worker busy while results are collected in order.
    window = 3 * n
    pool = ProcessPoolExecutor(max_workers=n, mp_context=ctx, initializer=_init_worker,
                               initargs=(langs, model, not forked, os.getpid()))  # fmt: skip
    pending: deque[Future[ChunkResult]] = deque()
    try:
        it = iter(chunks)
        for chunk in it:
            pending.append(pool.submit(extract_chunk, chunk, lang, model))
            if len(pending) >= window:
                break
        while pending:
            result = pending.popleft().result()
            nxt = next(it, None)
            if nxt is not None:
                pending.append(pool.submit(extract_chunk, nxt, lang, model))
            if on_result:
                on_result(result)
            yield result
    finally:
        # Also when the caller stops early or fails: do not leave queued chunks running.
        pool.shutdown(wait=True, cancel_futures=True)
