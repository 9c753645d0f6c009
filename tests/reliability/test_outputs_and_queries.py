"""Findings 4, 5 and 6 of issue 19 (and the query rows of finding 9): `export --out` replaces only regular
files; hostile queries (deep nesting, long chains, endless joins, Ctrl-C, binary files, a full disk) end
with one line, never a crash or a hang; --allow-service is what lets a local query call out."""

from __future__ import annotations

import os
import signal
import socket
import stat
import subprocess
import time
from pathlib import Path

import pytest

from tests.reliability.helpers import actorgraph_command, assert_one_line_error, assert_process_error, run
from tests.reliability.hostile_server import Answer, http_server

CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def _special_outputs(tmp_path: Path) -> dict[str, Path]:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    folder = tmp_path / "folder"
    folder.mkdir()
    sock_path = tmp_path / "sock"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(sock_path))
    sock.close()  # the node stays
    out = {"fifo": fifo, "folder": folder, "socket": sock_path}
    if os.geteuid() == 0:  # a character device of our own (like /dev/full), never the system's
        device = tmp_path / "full"
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
        out["device"] = device
    return out


def test_export_out_refuses_devices_folders_fifos_and_sockets(tmp_path: Path, seeded_store: Path) -> None:
    for kind, path in _special_outputs(tmp_path).items():
        before = path.lstat()
        proc = run("export", "--store", str(seeded_store), "--format", "nq", "--out", str(path), timeout=60)
        assert_process_error(proc, "not a regular file")
        after = path.lstat()
        assert (stat.S_IFMT(after.st_mode), after.st_ino, after.st_rdev) == (
            stat.S_IFMT(before.st_mode), before.st_ino, before.st_rdev), kind  # fmt: skip
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no partial left


def test_export_out_replaces_a_regular_file_and_writes_a_new_path(tmp_path: Path, seeded_store: Path) -> None:
    old = tmp_path / "old.nq"
    old.write_text("stale\n")
    for target in (old, tmp_path / "new.nq"):
        proc = run("export", "--store", str(seeded_store), "--format", "nq", "--out", str(target), timeout=60)
        assert proc.returncode == 0, proc.stderr
        assert target.read_text().count(" .\n") > 100


DEEP = 10_000
HOSTILE_QUERIES = {
    "nested parentheses": "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * DEEP + "?o" + ")" * DEEP + ") }",
    "nested groups": "SELECT * WHERE " + "{ " * DEEP + "?s ?p ?o" + " }" * DEEP,
    "nested property path": "SELECT * WHERE { ?s " + "(" * DEEP + "ag:met" + ")" * DEEP + " ?o }",
    "path of 10,000 steps": "SELECT * WHERE { ?s " + "/".join(["ag:met"] * DEEP) + " ?o }",
    "10,000 UNIONs": "SELECT * WHERE { " + " UNION ".join(["{ ?s ?p ?o }"] * DEEP) + " }",
    "10,000 &&": "SELECT * WHERE { ?s ?p ?o FILTER(" + " && ".join(["?o = 1"] * DEEP) + ") }",
}


@pytest.mark.parametrize("name", list(HOSTILE_QUERIES))
def test_deeply_nested_or_chained_queries_are_refused_before_parsing(
    tmp_path: Path, seeded_store: Path, name: str
) -> None:
    query = tmp_path / "q.rq"
    query.write_text(HOSTILE_QUERIES[name])
    proc = run("query", "-f", str(query), "--store", str(seeded_store), timeout=60)
    assert proc.returncode == 1, (proc.returncode, proc.stderr[-300:])  # not -11 (SIGSEGV)
    assert_process_error(proc, "the limit is")


def test_a_query_past_its_timeout_is_stopped(seeded_store: Path) -> None:
    start = time.monotonic()
    proc = run("query", CROSS_JOIN, "--store", str(seeded_store), "--timeout", "2", timeout=60)
    assert_process_error(proc, "ran past 2 s")
    assert time.monotonic() - start < 20


def test_ctrl_c_cancels_a_running_query(seeded_store: Path) -> None:
    proc = subprocess.Popen([*actorgraph_command(), "query", CROSS_JOIN, "--store", str(seeded_store),
                             "--timeout", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    time.sleep(5)  # started (imports, store opened), and deep in the join
    assert proc.poll() is None
    sent = time.monotonic()
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=10)
    assert time.monotonic() - sent < 5
    assert proc.returncode == 130
    assert_one_line_error(proc.returncode, out.decode(), err.decode(), "cancelled")


def test_a_binary_query_file_is_a_one_line_error(tmp_path: Path, seeded_store: Path) -> None:
    binary = tmp_path / "q.rq"
    binary.write_bytes(bytes(range(256)) * 4)
    assert_process_error(run("query", "-f", str(binary), "--store", str(seeded_store)), "not UTF-8")


@pytest.mark.parametrize("command", [["query", "SELECT * WHERE { ?s ?p ?o }"], ["stats"], ["actors"],
                                     ["export", "--format", "nq"], ["export", "--format", "jsonld"]],
                         ids=["query", "stats", "actors", "export-nq", "export-jsonld"])  # fmt: skip
def test_output_to_a_full_disk_is_a_one_line_error(seeded_store: Path, command: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        proc = subprocess.run([*actorgraph_command(), *command, "--store", str(seeded_store)], stdout=full,
                              stderr=subprocess.PIPE, timeout=60)  # fmt: skip
    line = assert_one_line_error(proc.returncode, "", proc.stderr.decode(), "No space left on device")
    assert "cannot write the output" in line, line


def test_a_reader_that_stops_ends_the_command_quietly(seeded_store: Path) -> None:
    """`actorgraph export ... | head -c 100`: the closed pipe is no error to report, as for other Unix tools."""
    proc = subprocess.Popen([*actorgraph_command(), "export", "--format", "nq", "--store", str(seeded_store)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.read(100)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert proc.returncode in (0, 1) and "Traceback" not in err and "Error" not in err, (proc.returncode, err)


def test_allow_service_is_what_lets_a_local_query_call_out(seeded_store: Path) -> None:
    empty = b'{"head":{"vars":["s"]},"results":{"bindings":[]}}'
    with http_server(Answer(200, empty, {"Content-Type": "application/sparql-results+json"})) as listener:
        query = f"SELECT * WHERE {{ SERVICE <{listener.url}/sparql> {{ ?s ?p ?o }} }}"
        refused = run("query", query, "--store", str(seeded_store))
        assert_process_error(refused, "--allow-service")
        assert listener.requests == []
        allowed = run("query", query, "--store", str(seeded_store), "--allow-service", "--format", "csv")
        assert allowed.returncode == 0, allowed.stderr
        assert [method for method, _, _ in listener.requests] == ["POST"]
