"""Stores written by another Oxigraph version: say which, and never convert one without being asked.

Opened read-write, pyoxigraph silently converts a store of an older storage version in place, after which
the version that wrote it cannot read it (0.4: "too recent version"; 0.3: "corrupt"). Opened read-only, it
refuses with a message about upgrading read-only instances, which reads like corruption. So a store is
probed read-only first, and the RocksDB version recorded in its OPTIONS file names the release that wrote
it. Measured: pyoxigraph 0.3.22 writes RocksDB 8.8.1, 0.4.11 writes 10.3.0, 0.5.13 writes 11.0.4.
"""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox

_SERIES_BY_ROCKSDB_MAJOR = {8: "0.3", 10: "0.4", 11: "0.5"}
_OLDER = "not possible to upgrade read-only"
_NEWER = "too recent version"
_ROCKSDB = re.compile(r"^\s*rocksdb_version=(\d+)\.(\d+)\.(\d+)", re.M)


def written_by(path: Path) -> str:
    """``RocksDB 10.3.0, as pyoxigraph 0.4 writes`` from the newest OPTIONS file, or ``""``."""
    options = sorted(path.glob("OPTIONS-*"), key=lambda p: int(p.name.split("-", 1)[1] or 0)
                     if p.name.split("-", 1)[1].isdigit() else -1)  # fmt: skip
    if not options:
        return ""
    try:
        m = _ROCKSDB.search(options[-1].read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return ""
    if not m:
        return ""
    series = _SERIES_BY_ROCKSDB_MAJOR.get(int(m.group(1)))
    return f"RocksDB {'.'.join(m.groups())}" + (f", as pyoxigraph {series} writes" if series else "")


def version_message(path: Path, oxigraph_error: str) -> str | None:
    """A one-line message when ``oxigraph_error`` (from opening ``path``) means another version wrote it."""
    which = written_by(path)
    this = f"this is pyoxigraph {ox.__version__}"
    if _OLDER in oxigraph_error:
        return (f"store {path} was written by an older Oxigraph ({which or 'an older storage version'}; {this}): "
                "`actorgraph ingest --upgrade` converts it in place (the older version cannot read it after)")
    if _NEWER in oxigraph_error:
        return (f"store {path} was written by a newer Oxigraph ({which or 'a newer storage version'}; {this}): "
                "read it with a newer actorgraph")  # fmt: skip
    return None


def needs_upgrade(path: Path) -> str | None:
    """The version message when the store at ``path`` must be converted before this pyoxigraph may write it
    (a read-only probe, which changes nothing); None when it can be opened as it is."""
    try:
        probe = ox.Store.read_only(str(path))
    except (OSError, RuntimeError) as err:
        message = " ".join(str(err).split())
        return version_message(path, message) if _OLDER in message else None
    del probe
    return None
