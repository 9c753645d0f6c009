"""Running one long call (a SPARQL query) so that a deadline or Ctrl-C ends the wait for it.

Oxigraph evaluates a query in Rust without looking at Python's signals, so a cross join can run for
minutes with Ctrl-C ignored. The call runs in a worker thread (with a large stack: the query parser is
recursive) and the main thread waits, interruptibly, up to the deadline. Rust code cannot be stopped from
outside, so the caller ends the process after a :class:`Stopped` (``actorgraph query`` prints one line and
exits); a read-only store is untouched, and an update that is cut off is a transaction never committed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")
WORKER_STACK_BYTES = 512 * 1024 * 1024  # virtual: only the pages used are ever backed by memory


class Stopped(Exception):
    """The call was given up: past its deadline, or interrupted (Ctrl-C). It may still be running."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class _Outcome(Generic[T]):
    def __init__(self) -> None:
        self.value: T | None = None
        self.error: BaseException | None = None


def _without_frames(err: BaseException) -> BaseException:
    """``err`` with no traceback (nor its context's): the frames hold the worker's objects, and Oxigraph's
    result iterators may only be dropped in the thread that made them."""
    seen: set[int] = set()
    link: BaseException | None = err
    while link is not None and id(link) not in seen:
        seen.add(id(link))
        link.__traceback__ = None
        if link.__cause__ is not None:
            link.__cause__.__traceback__ = None
        link = link.__context__
    return err


def call_with_deadline(fn: Callable[[], T], seconds: float | None, what: str = "the query") -> T:
    """``fn()``, or :class:`Stopped` after ``seconds`` (None or 0: no limit) or on KeyboardInterrupt.
    Exceptions of ``fn`` are raised here."""
    outcome: _Outcome[T] = _Outcome()

    def work() -> None:
        try:
            outcome.value = fn()
        except BaseException as err:  # noqa: BLE001 - handed to the waiting thread, which raises it
            outcome.error = _without_frames(err)

    previous = threading.stack_size()
    threading.stack_size(WORKER_STACK_BYTES)
    try:
        worker = threading.Thread(target=work, name="deadline-worker", daemon=True)
        worker.start()
    finally:
        threading.stack_size(previous)
    try:
        worker.join(seconds or None)
    except KeyboardInterrupt:
        raise Stopped(f"{what} was cancelled (Ctrl-C)", 130) from None
    if worker.is_alive():
        raise Stopped(f"{what} ran past {seconds:g} s and was stopped (--timeout SECONDS, 0: no limit)", 1)
    if outcome.error is not None:
        raise outcome.error
    return outcome.value  # type: ignore[return-value]
