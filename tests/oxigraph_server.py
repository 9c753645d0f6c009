"""A real Oxigraph SPARQL server (PyPI package ``oxigraph``) on the loopback interface, for tests."""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

OXIGRAPH = shutil.which("oxigraph") or str(Path(__file__).resolve().parents[1] / ".venv" / "bin" / "oxigraph")
needs_oxigraph = pytest.mark.skipif(not Path(OXIGRAPH).exists(), reason="the oxigraph server is not installed")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def oxigraph_server(*args: str) -> Iterator[str]:
    """``oxigraph serve ARGS`` on 127.0.0.1 and a free port; yields its base URL once it answers, and
    stops it afterwards. Without ``--location`` it serves an in-memory store."""
    port = free_port()
    proc = subprocess.Popen([OXIGRAPH, "serve", "--bind", f"127.0.0.1:{port}", *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("oxigraph serve did not start")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)
