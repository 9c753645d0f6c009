"""Finding 12 of issue 19 (and the store row of finding 9): a store written by another Oxigraph version is
named as such, not "corrupt"; ingest converts it only with --upgrade; an unreadable store is one line."""

from __future__ import annotations

import os
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

from tests.reliability.helpers import SEED_AR, actorgraph_command, assert_process_error, run, snapshot

DATA = Path(__file__).with_name("data")
OLD = {"0.3": "oxigraph-0.3.22-store.tar.gz", "0.4": "oxigraph-0.4.11-store.tar.gz"}


def _old_store(tmp_path: Path, series: str) -> Path:
    store = tmp_path / f"store-{series}"
    store.mkdir()
    with tarfile.open(DATA / OLD[series]) as archive:
        archive.extractall(store, filter="data")
    return store


def _files(store: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in store.iterdir()}


@pytest.mark.parametrize("series", list(OLD))
def test_read_commands_say_which_version_wrote_the_store(tmp_path: Path, series: str) -> None:
    store = _old_store(tmp_path, series)
    before = _files(store)
    for command in (["stats"], ["actors"], ["query", "ASK {}"], ["export", "--format", "nq"]):
        line = assert_process_error(run(*command, "--store", str(store)), "older Oxigraph")
        assert f"pyoxigraph {series}" in line and "--upgrade" in line and "corrupt" not in line, line
    assert _files(store) == before  # nothing converted


@pytest.mark.parametrize("series", list(OLD))
def test_ingest_refuses_to_convert_without_upgrade(tmp_path: Path, series: str) -> None:
    store = _old_store(tmp_path, series)
    before = _files(store)
    for command in (["ingest", str(SEED_AR)], ["query", "DROP ALL", "--allow-update"], ["reindex"]):
        assert_process_error(run(*command, "--store", str(store)), f"pyoxigraph {series}")
    assert _files(store) == before


@pytest.mark.parametrize("series", list(OLD))
def test_ingest_with_upgrade_converts_the_store_and_keeps_its_documents(tmp_path: Path, series: str) -> None:
    store = _old_store(tmp_path, series)
    proc = run("ingest", str(SEED_AR), "--store", str(store), "--upgrade", "--model", "none")
    assert proc.returncode == 0 and proc.stdout.startswith("1 new"), proc
    stats = run("stats", "--store", str(store))
    assert stats.returncode == 0 and stats.stdout.startswith("documents: 2 (ar 1, en 1)"), stats
    assert len(snapshot(store)) > 2


def test_an_unreadable_store_is_a_one_line_error(tmp_path: Path, seeded_store: Path) -> None:
    os.chmod(seeded_store, 0)
    drop = []
    if os.geteuid() == 0:  # root reads every folder: run without the capabilities that let it
        if not shutil.which("setpriv"):
            pytest.skip("root, and no setpriv to drop the capability to read any folder")
        drop = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]
    try:
        for command in (["stats"], ["ingest", str(SEED_AR)], ["query", "ASK {}"]):
            proc = subprocess.run([*drop, *actorgraph_command(), *command, "--store", str(seeded_store)],
                                  capture_output=True, text=True, timeout=120)  # fmt: skip
            assert_process_error(proc, "permission denied")
    finally:
        os.chmod(seeded_store, 0o755)
