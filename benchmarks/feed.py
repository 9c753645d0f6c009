"""A live feed: articles ingested one at a time into a big store, and what stores cost per article.

Run by ``benchmarks.suite``, each step in its own process:

    python -m benchmarks.feed latency STORE_DIR N [SEED]      # N new synthetic articles, one ingest each
    python -m benchmarks.feed sustained STORE_DIR SECONDS     # news text files, extracted and ingested one by one
    python -m benchmarks.feed watch STORE_DIR SECONDS         # the same files through `actorgraph watch`
    python -m benchmarks.feed paths WORK_DIR [ARTICLES]        # build and ingest of real and synthetic text

``latency`` times ``graph.store.ingest(store, [one new Extraction])`` on the on-disk store, the articles
drawn by ``benchmarks.records.ArticleWriter`` of the store's seed (the same actors, new documents).
``sustained`` is what a feed costs end to end: each article a file of news text (``benchmarks.synthetic``),
read, extracted and ingested by ``corpus.load_corpus([file], store)``, as ``actorgraph ingest FILE`` does
without starting a process per file. ``paths`` measures quads and bytes on disk per article as ``build``
and ``ingest`` leave a store (no compaction), on the real articles (tests/heldout/texts, seeds/) and on
synthetic news text.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.store import ACTORGRAPH, ROOT, disk_bytes, peak_rss_mib, spread, wal_bytes


def latency(location: Path, n: int, seed: int = 0, budget: float = 240) -> dict[str, Any]:
    """Ingest ``n`` new articles one at a time (one warm-up first, timed apart); fewer (10 at the least)
    when they take more than ``budget`` seconds in all."""
    from actorgraph.graph.store import ingest, open_store
    from benchmarks.records import ArticleWriter

    writer = ArticleWriter(seed=seed, stream="feed")
    store = open_store(location)
    quads_before, bytes_before = store.count(), disk_bytes(location)
    start = time.perf_counter()
    ingest(store, [writer.article()])
    first_ms = (time.perf_counter() - start) * 1000
    times: list[float] = []
    for ex in writer.articles(n):
        start = time.perf_counter()
        report = ingest(store, [ex])
        times.append((time.perf_counter() - start) * 1000)
        assert report.added, "a feed article was not new"
        if len(times) >= 10 and sum(times) > budget * 1000:
            break
    quads_after = store.count()
    store.close()
    added = len(times) + 1
    return {"quads_before": quads_before, "first_ms": first_ms, **spread(times),
            "quads_per_article": (quads_after - quads_before) / added,
            "bytes_per_article": (disk_bytes(location) - bytes_before) / added, "wal_bytes": wal_bytes(location),
            "added": added, "bytes_after": disk_bytes(location),
            "peak_rss_mib": peak_rss_mib()}  # fmt: skip


def sustained(location: Path, seconds: float, seed: int = 0) -> dict[str, Any]:
    """News text files extracted and ingested one at a time for ``seconds`` (after one warm-up file)."""
    from actorgraph.corpus import load_corpus
    from actorgraph.graph.store import open_store
    from benchmarks.synthetic import articles

    folder = location.parent / f"feed-{seed}"
    folder.mkdir(exist_ok=True)
    texts = [(lang, text) for pair in zip(articles("ar", 20 * 400, seed=seed + 11), articles("en", 20 * 400,
             seed=seed + 11), strict=True) for lang, text in zip(("ar", "en"), pair, strict=True)]  # fmt: skip
    store = open_store(location)
    quads_before, bytes_before = store.count(), disk_bytes(location)
    times, extract_s, load_s, done = [], 0.0, 0.0, 0
    start = time.perf_counter()
    for i, (lang, text) in enumerate(texts):
        path = folder / f"{i:05d}.{lang}.txt"
        path.write_text(text, encoding="utf-8")
        t = time.perf_counter()
        result = load_corpus([path], store, lang=lang)
        elapsed = time.perf_counter() - t
        if i == 0:
            start = time.perf_counter()  # the first file builds the pipelines: not counted
            continue
        assert result.report.added, f"{path} was not ingested"
        times.append(elapsed * 1000)
        extract_s += result.extract_seconds
        load_s += result.load_seconds
        done += 1
        if time.perf_counter() - start >= seconds:
            break
    wall = time.perf_counter() - start
    quads_after = store.count()
    store.close()
    shutil.rmtree(folder, ignore_errors=True)
    return {"articles": done, "seconds": wall, "per_hour": done / wall * 3600, "extract_s": extract_s,
            "load_s": load_s, **spread(times), "quads_before": quads_before,
            "quads_per_article": (quads_after - quads_before) / (done + 1),
            "bytes_per_article": (disk_bytes(location) - bytes_before) / (done + 1),
            "added": done + 1, "bytes_after": disk_bytes(location),
            "exhausted": done + 1 == len(texts)}  # fmt: skip


def _news_files(folder: Path, seed: int, n: int = 400) -> int:
    """``n`` news text files of each language in ``folder`` (``benchmarks.synthetic``), alternating."""
    from benchmarks.synthetic import articles

    folder.mkdir(parents=True, exist_ok=True)
    pairs = zip(articles("ar", 20 * n, seed=seed), articles("en", 20 * n, seed=seed), strict=True)
    count = 0
    for i, pair in enumerate(pairs):
        for lang, text in zip(("ar", "en"), pair, strict=True):
            (folder / f"{i:05d}.{lang}.txt").write_text(text, encoding="utf-8")
            count += 1
    return count


def watched(location: Path, seconds: float, seed: int = 0) -> dict[str, Any]:
    """``actorgraph watch FOLDER --store STORE``, the feed command, on a folder of news files written before
    it starts: the time of each document's line, stopped by SIGTERM (after the document in hand) once it
    has run ``seconds`` after its first document."""
    import os
    import signal
    import threading

    folder = location.parent / f"watched-{seed}"
    files = _news_files(folder, seed + 23)
    time.sleep(1.5)  # older than watch's settle time (1 s): read at once
    quads_before, bytes_before = _count(location), disk_bytes(location)
    start = time.perf_counter()
    proc = subprocess.Popen([ACTORGRAPH, "watch", str(folder), "--store", str(location)], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})  # fmt: skip
    times: list[float] = []

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith(("added ", "replaced ")):
                times.append(time.perf_counter())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    while proc.poll() is None and not (times and time.perf_counter() - times[0] >= seconds):
        if time.perf_counter() - start > seconds + 600:
            break  # never started: stopped below
        time.sleep(0.2)
    proc.send_signal(signal.SIGTERM)
    try:
        _, err = proc.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
    reader.join(timeout=10)
    shutil.rmtree(folder, ignore_errors=True)
    if len(times) < 2:
        lines = (err or "").strip().splitlines()
        raise SystemExit(f"actorgraph watch ingested {len(times)} files: {lines[-1] if lines else 'no error'}")
    gaps = [(b - a) * 1000 for a, b in zip(times, times[1:], strict=False)]
    span = times[-1] - times[0]
    done = len(times)
    return {"articles": done, "files": files, "startup_s": times[0] - start, "seconds": span,
            "per_hour": (done - 1) / span * 3600, **spread(gaps), "quads_before": quads_before,
            "quads_per_article": (_count(location) - quads_before) / done,
            "bytes_per_article": (disk_bytes(location) - bytes_before) / done, "added": done,
            "bytes_after": disk_bytes(location)}  # fmt: skip


def _count(location: Path) -> int:
    from actorgraph.graph.store import open_store

    store = open_store(location, read_only=True)
    try:
        return store.count()
    finally:
        store.close()


# --- quads and bytes per article, as build and ingest leave the store ----------------------------------------


def _cli(*args: str) -> float:
    """Seconds ``actorgraph ARGS`` took; its last line of stderr as the error when it fails."""
    start = time.perf_counter()
    proc = subprocess.run([ACTORGRAPH, *args], cwd=ROOT, capture_output=True, text=True)
    if proc.returncode:
        lines = proc.stderr.strip().splitlines()
        raise SystemExit(f"actorgraph {args[0]} failed: {lines[-1] if lines else proc.returncode}")
    return time.perf_counter() - start


def _measure(location: Path, articles: int, seconds: float) -> dict[str, Any]:
    from actorgraph.graph.store import open_store

    store = open_store(location, read_only=True)
    quads = store.count()
    store.close()
    size = disk_bytes(location)
    return {"articles": articles, "quads": quads, "bytes": size, "wal_bytes": wal_bytes(location), "seconds": seconds,
            "quads_per_article": quads / articles, "bytes_per_article": size / articles}  # fmt: skip


def paths(work: Path, synthetic_articles: int) -> dict[str, Any]:
    """``actorgraph build`` and ``actorgraph ingest`` (one file at a time and all at once) on the real
    articles, and ``build`` and ``ingest`` of a JSONL corpus of synthetic news text."""
    from actorgraph.corpus import load_corpus
    from actorgraph.graph.store import open_store
    from benchmarks.records import real_paths
    from benchmarks.synthetic import write_jsonl

    out: dict[str, Any] = {}
    real = work / "real"
    real.mkdir(parents=True, exist_ok=True)
    files = real_paths()
    for f in files:  # one folder, names kept (their language is detected, as for a user's folder)
        shutil.copy(f, real / f"{f.parent.name}-{f.name}")
    n = len(files)
    empty = open_store(work / "empty")
    empty.close()
    out["empty_store_bytes"] = disk_bytes(work / "empty")
    secs = _cli("build", str(real), "--out", str(work / "real-build"), "--no-html", "--no-validate")
    out["real|build"] = _measure(work / "real-build" / "store", n, secs)
    secs = _cli("ingest", str(real), "--store", str(work / "real-ingest"))
    out["real|ingest"] = _measure(work / "real-ingest", n, secs)
    store = open_store(work / "real-feed")
    start = time.perf_counter()
    for f in sorted(real.iterdir()):  # a feed: one article per ingest
        load_corpus([f], store)
    store.close()
    out["real|ingest one at a time"] = _measure(work / "real-feed", n, time.perf_counter() - start)
    corpus = work / "synthetic.jsonl"
    count = write_jsonl(corpus, 20 * synthetic_articles, seed=5)
    out["jsonl_bytes"] = corpus.stat().st_size
    secs = _cli("build", str(corpus), "--out", str(work / "syn-build"), "--no-html", "--no-validate", "-j", "0")
    out["synthetic|build"] = _measure(work / "syn-build" / "store", count, secs)
    secs = _cli("ingest", str(corpus), "--store", str(work / "syn-ingest"), "-j", "0")
    out["synthetic|ingest"] = _measure(work / "syn-ingest", count, secs)
    for name in ("empty", "real-build", "real-ingest", "real-feed", "syn-build", "syn-ingest"):
        shutil.rmtree(work / name, ignore_errors=True)
    return out


def main() -> None:
    what, location = sys.argv[1], Path(sys.argv[2])
    if what == "latency":
        seed = int(sys.argv[4]) if len(sys.argv) > 4 else 0
        print(json.dumps(latency(location, int(sys.argv[3]), seed)))
    elif what == "sustained":
        print(json.dumps(sustained(location, float(sys.argv[3]))))
    elif what == "watch":
        print(json.dumps(watched(location, float(sys.argv[3]))))
    elif what == "paths":
        print(json.dumps(paths(location, int(sys.argv[3]) if len(sys.argv) > 3 else 1000)))
    else:
        raise SystemExit(f"unknown step {what!r}: latency, sustained, watch or paths")


if __name__ == "__main__":
    main()
