"""Findings 9 and 10 of issue 19 (walking the corpus): deep folders, file names that are not UTF-8,
FIFOs, devices and sockets, unreadable folders, and worker processes that must die with their parent."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import stat
import subprocess
import time
from pathlib import Path

import pytest

from tests.reliability.helpers import ARTICLE_AR, ARTICLE_EN, SEED_EN, actorgraph_command, assert_process_error, run


def test_a_folder_1200_deep_is_walked(tmp_path: Path) -> None:
    deep = tmp_path / "corpus"
    deep.mkdir()
    fd = os.open(deep, os.O_RDONLY)
    try:
        for _ in range(1200):  # one level at a time: os.makedirs itself recurses too deep
            os.mkdir("d", dir_fd=fd)
            inner = os.open("d", os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
        out = os.open("bottom.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
        os.write(out, ARTICLE_EN.encode())
        os.close(out)
    finally:
        os.close(fd)
    (deep / "top.txt").write_text(ARTICLE_AR, encoding="utf-8")
    try:
        proc = run("ingest", str(deep), "--store", str(tmp_path / "store"))
    finally:  # pytest's own clean-up (shutil.rmtree) recurses and would fail on this tree
        subprocess.run(["find", str(deep / "d"), "-depth", "-delete"], check=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr
    assert proc.stdout.startswith("2 new"), proc.stdout


def test_a_file_name_that_is_not_utf8_is_skipped_alone(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    bad = os.path.join(os.fsencode(corpus), b"caf\xe9-\xff.txt")
    with open(bad, "wb") as handle:
        handle.write(ARTICLE_EN.encode())
    (corpus / "good.txt").write_text(ARTICLE_AR, encoding="utf-8")
    (corpus / "other.txt").write_text(ARTICLE_EN.replace("Singapore", "Tokyo"), encoding="utf-8")
    proc = run("ingest", str(corpus), "--store", str(tmp_path / "store"))
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stdout.startswith("2 new"), proc.stdout  # the rest of the folder went in
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "not valid UTF-8" in lines[0] and "caf" in lines[0], proc.stderr


def test_a_non_utf8_path_given_as_is_is_skipped_with_one_line(tmp_path: Path) -> None:
    bad = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")
    with open(bad, "wb") as handle:
        handle.write(ARTICLE_EN.encode())
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE_AR, encoding="utf-8")
    proc = subprocess.run([*actorgraph_command(), "ingest", os.fsdecode(bad), str(good), "--store",
                           str(tmp_path / "store")], capture_output=True, timeout=120)  # fmt: skip
    out, err = proc.stdout.decode(), proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 0 and out.startswith("1 new"), (out, err)
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "not valid UTF-8" in lines[0], err


def _specials(folder: Path) -> list[Path]:
    fifo = folder / "pipe.txt"
    os.mkfifo(fifo)
    sock_path = folder / "sock.txt"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(sock_path))
    out = [fifo, sock_path]
    if os.geteuid() == 0:
        device = folder / "zero.txt"
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 5))  # like /dev/zero: endless if read
        out.append(device)
    return out


def test_fifos_devices_and_sockets_are_skipped_with_a_message(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    specials = _specials(corpus)
    (corpus / "good.txt").write_text(ARTICLE_EN, encoding="utf-8")
    proc = run("ingest", str(corpus), "--store", str(tmp_path / "store"), timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("1 new"), proc.stdout
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == len(specials), proc.stderr
    for path in specials:
        assert any(str(path) in line and "not a file" in line for line in lines), (path, lines)


def test_extract_of_a_fifo_is_an_error_not_a_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    assert_process_error(run("extract", str(fifo), timeout=60), "FIFO")


def test_an_unreadable_folder_is_reported(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "locked").mkdir(parents=True)
    (corpus / "locked" / "a.txt").write_text(ARTICLE_AR, encoding="utf-8")
    (corpus / "b.txt").write_text(ARTICLE_EN, encoding="utf-8")
    os.chmod(corpus / "locked", 0)
    command = [*actorgraph_command(), "ingest", str(corpus), "--store", str(tmp_path / "store")]
    if os.geteuid() == 0:  # root reads every folder: run without the capabilities that let it
        if not shutil.which("setpriv"):
            pytest.skip("root, and no setpriv to drop the capability to read any folder")
        command = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--", *command]
    try:
        proc = subprocess.run(command, capture_output=True, text=True, timeout=180)
    finally:
        os.chmod(corpus / "locked", 0o755)
    assert proc.returncode == 0 and proc.stdout.startswith("1 new"), (proc.stdout, proc.stderr)
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "locked" in lines[0] and "folder not read" in lines[0], proc.stderr


def _children(pid: int) -> set[int]:
    out: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        out |= {int(c) for c in (task / "children").read_text().split()}
    return out


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0] not in "ZX"
    except (FileNotFoundError, IndexError):
        return False


def test_worker_processes_die_with_their_parent(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = SEED_EN.read_text(encoding="utf-8")
    for i in range(300):
        (corpus / f"{i:03d}.txt").write_text(text.replace("Singapore", f"Singapore {i}"), encoding="utf-8")
    proc = subprocess.Popen([*actorgraph_command(), "ingest", str(corpus), "--store", str(tmp_path / "store"),
                             "-j", "2", "--model", "none"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)  # fmt: skip
    try:
        workers: set[int] = set()
        deadline = time.monotonic() + 120
        while len(workers) < 2 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.2)
            workers = _children(proc.pid)
        assert len(workers) >= 2, "the workers did not start"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        deadline = time.monotonic() + 10
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(_alive(w) for w in workers), "workers outlived their parent"
    finally:
        for pid in _children(proc.pid) if _alive(proc.pid) else set():
            os.kill(pid, signal.SIGKILL)
