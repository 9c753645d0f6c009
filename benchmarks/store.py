"""One store size: build it from synthetic articles with the project's own code, then time what users run.

Run by ``benchmarks.suite``, each step in its own process (peak RSS is that step's; the store is closed
between steps, as between two commands):

    python -m benchmarks.store build STORE_DIR QUADS [SEED]   # bulk-load synthetic articles until QUADS
    python -m benchmarks.store ego STORE_DIR [ACTORS]         # one-off 2-hop ego networks, actors at random

The store is built by ``graph.bulk.bulk_ingest`` (what ``ingest --bulk`` runs) from
``benchmarks.records.ArticleWriter`` articles, a few thousand at a time, so it holds whatever layout the
code writes; nothing here writes RDF by hand. The commands (``actors``, ``stats``, ``query -f`` each
shipped query, ``ego``) are timed as a user runs them: a new ``actorgraph`` process each
(:func:`time_command`).
"""

from __future__ import annotations

import inspect
import json
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ROOT / "queries"
ACTORGRAPH = str(Path(sys.executable).with_name("actorgraph"))
SAMPLE = 25  # actors drawn at random for ego
EGO_LIMIT = 50
SLOW_S = 10.0  # a command slower than this is run once


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def disk_bytes(path: Path) -> int:
    """Bytes of every file under ``path`` (the store directory as it is left: logs included)."""
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def wal_bytes(path: Path) -> int:
    """Bytes of RocksDB's write-ahead logs (``NNNNNN.log``) under ``path``: written on every commit,
    dropped only once their data is flushed to sorted tables."""
    return sum(f.stat().st_size for f in path.glob("[0-9]*.log") if f.is_file())


def percentile(values: list[float], q: float) -> float:
    """The nearest-rank percentile (q in 0..100) of ``values``."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


def spread(ms: list[float]) -> dict[str, float]:
    return {"n": len(ms), "p50_ms": statistics.median(ms), "p90_ms": percentile(ms, 90),
            "p99_ms": percentile(ms, 99), "max_ms": max(ms)}  # fmt: skip


# --- building --------------------------------------------------------------------------------------------


def build(location: Path, quads: int, seed: int = 0, chunk: int = 4000) -> dict[str, Any]:
    """Bulk-load synthetic articles into a new store at ``location`` until it holds ``quads`` quads."""
    from actorgraph.graph.bulk import bulk_ingest
    from actorgraph.graph.store import open_store
    from benchmarks.records import ArticleWriter

    writer = ArticleWriter(seed=seed)
    store = open_store(location)
    start = time.perf_counter()
    generate_s, articles, held, batch = 0.0, 0, 0, max(10, min(500, quads // 400))
    relations = 0
    while held < quads * 0.995:
        t = time.perf_counter()
        batch_articles = list(writer.articles(batch))
        generate_s += time.perf_counter() - t
        relations += sum(len(ex.relations) for ex in batch_articles)
        bulk_ingest(store, batch_articles, workdir=location.parent)
        articles += batch
        held = store.count()
        per_article = held / articles
        batch = max(100, min(chunk, round((quads - held) / per_article)))
        print(f"  {held:,} quads, {articles:,} articles, {time.perf_counter() - start:.0f} s", file=sys.stderr,
              flush=True)  # fmt: skip
    graphs = graph_sizes(store)
    store.close()
    seconds = time.perf_counter() - start
    size = disk_bytes(location)
    return {"quads": held, "articles": articles, "relations": relations, "build_s": seconds,
            "generate_s": generate_s, "bytes": size, "wal_bytes": wal_bytes(location), "graphs": graphs,
            "quads_per_article": held / articles,
            "bytes_per_article": size / articles, "peak_rss_mib": peak_rss_mib()}  # fmt: skip


def graph_sizes(store: Any) -> dict[str, int]:
    """Quads in each of the store's own named graphs (``graph.index``'s ``*_GRAPH`` constants, whatever
    they are), the rest counted as documents' graphs."""
    from actorgraph.graph import index

    out: dict[str, int] = {}
    for name in sorted(dir(index)):
        iri = getattr(index, name)
        if name.endswith("_GRAPH") and not name.startswith("OLD") and str(iri) not in map(str, out):
            rows = store.select_values(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {iri.n3()} {{ ?s ?p ?o }} }}")
            out[str(iri)] = int(rows[0][0]) if rows else 0
    named = {k: v for k, v in out.items() if v}
    named["documents"] = store.count() - sum(named.values())
    return named


# --- commands as a user runs them ----------------------------------------------------------------------------


def time_command(args: list[str], timeout: float = 600) -> dict[str, Any]:
    """Wall time of one ``actorgraph`` process (start-up included), its exit status and lines of output."""
    start = time.perf_counter()
    try:
        proc = subprocess.run([ACTORGRAPH, *args], capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return {"s": None, "ok": False, "lines": 0, "error": f"stopped after {timeout:.0f} s"}
    seconds = time.perf_counter() - start
    error = proc.stderr.strip().splitlines()[-1] if proc.returncode and proc.stderr.strip() else ""
    return {"s": seconds, "ok": proc.returncode == 0, "lines": proc.stdout.count("\n"), "error": error}


def shipped_queries() -> list[Path]:
    return sorted(QUERIES.glob("*.rq"))


def commands(location: Path, runs: int = 2) -> dict[str, Any]:
    """``actorgraph --version`` (start-up alone), ``actors``, ``stats`` and ``query -f`` each shipped query,
    ``runs`` times each (the first after the store was written: its files are in the page cache)."""
    store = ["--store", str(location)]
    todo = {"--version": ["--version"], "actors": ["actors", *store], "stats": ["stats", *store]}
    for q in shipped_queries():
        todo[f"query -f queries/{q.name}"] = ["query", "-f", str(q), *store]
    out: dict[str, Any] = {}
    for name, args in todo.items():
        results = [time_command(args)]
        if results[0]["s"] is not None and results[0]["s"] < SLOW_S:  # a slow one once: its figure is clear
            results += [time_command(args) for _ in range(runs - 1)]
        times = [r["s"] for r in results if r["s"] is not None]
        out[name] = {"best_s": min(times) if times else None, "runs_s": [r["s"] for r in results],
                     "ok": all(r["ok"] for r in results), "lines": results[-1]["lines"],
                     "error": next((r["error"] for r in results if r["error"]), "")}  # fmt: skip
        shown = "-" if not times else f"{min(times):.2f} s"
        print(f"  {name}: {shown}", file=sys.stderr, flush=True)
    return out


# --- ego --------------------------------------------------------------------------------------------------


def draw_actors(store: Any, k: int = SAMPLE, seed: int = 0) -> list[str]:
    """``k`` actors drawn at random (seeded) among those with an asserted link (in the graph of facts)."""
    from actorgraph.graph import index

    facts = getattr(index, "FACTS_GRAPH", None) or index.NETWORK_GRAPH
    rows = store.select_values(f"SELECT DISTINCT ?a WHERE {{ GRAPH {facts.n3()} {{ ?a ?p ?b }} }}")
    actors = sorted(r[0] for r in rows)
    return random.Random(seed).sample(actors, min(k, len(actors)))


def ego_limit_supported() -> bool:
    """Whether ``graph.query.ego_network`` takes a ``limit`` (top-k neighbours, the total counted)."""
    from actorgraph.graph.query import ego_network

    return "limit" in inspect.signature(ego_network).parameters


def ego(location: Path, k: int = SAMPLE) -> dict[str, Any]:
    """One-off 2-hop ego networks of ``k`` random actors: in this process, each actor's first call (what
    ``actorgraph ego ACTOR --depth 2 --limit 50`` does once the store is open), and as a command."""
    from actorgraph.graph.query import ego_network, find_actor_iri
    from actorgraph.graph.store import open_store

    limited = ego_limit_supported()
    store = open_store(location, read_only=True)
    sample = draw_actors(store, k)
    calls, links = [], []
    for iri in sample:
        start = time.perf_counter()
        found = find_actor_iri(store, iri)
        net = ego_network(store, found, 2, limit=EGO_LIMIT) if limited else ego_network(store, found, 2)  # type: ignore[call-arg]
        calls.append((time.perf_counter() - start) * 1000)
        links.append(len(net.edges))
    store.close()
    cli = []
    for iri in sample:
        r = time_command(["ego", iri, "--depth", "2", "--limit", str(EGO_LIMIT), "--store", str(location)])
        if r["s"] is not None and r["ok"]:
            cli.append(r["s"] * 1000)
    return {"limit": limited, "actors": len(sample), "call": spread(calls),
            "links_median": statistics.median(links), "links_max": max(links),
            "command": spread(cli) if cli else None, "peak_rss_mib": peak_rss_mib()}  # fmt: skip


def main() -> None:
    what, location = sys.argv[1], Path(sys.argv[2])
    if what == "build":
        seed = int(sys.argv[4]) if len(sys.argv) > 4 else 0
        print(json.dumps(build(location, int(sys.argv[3]), seed)))
    elif what == "ego":
        print(json.dumps(ego(location, int(sys.argv[3]) if len(sys.argv) > 3 else SAMPLE)))
    elif what == "commands":
        print(json.dumps(commands(location)))
    else:
        raise SystemExit(f"unknown step {what!r}: build, ego or commands")


if __name__ == "__main__":
    main()
