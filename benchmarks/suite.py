"""The whole benchmark (``make bench``): the store for a live feed (issue 18: sizes per article, one-article
ingest and commands at 1M and 10M quads, a sustained feed), extraction, ingest, render; RESULTS.md.

    python -m benchmarks            # everything: about 40 minutes (the 10M store needs a few GB of disk)
    python -m benchmarks --quick    # a 100k-quad store and smaller corpora: about three minutes

Figures are printed as they come and written to benchmarks/RESULTS.md with the machine and the date.
The load average is recorded too: on a shared machine other work competes for the cores.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import resource
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.carry import PARTS, carried

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
GIB = 1024**3

TARGET_PARSE_SENTENCES_PER_CORE = 100  # spaCy's small English pipeline alone: ~146 here
TARGET_SENTENCES_PER_CORE = 1000


@dataclass
class Report:
    quick: bool
    measured: set[str] = field(default_factory=lambda: {"issue18", "other"})  # parts (benchmarks/carry.py)
    lines: list[str] = field(default_factory=list)
    targets: list[tuple[str, str, str]] = field(default_factory=list)  # (target, measured, verdict)

    def say(self, text: str = "") -> None:
        print(text, flush=True)
        self.lines.append(text)

    def target(self, name: str, measured: str, met: bool | None) -> None:
        verdict = "n/a" if met is None else ("met" if met else "**not met**")
        self.targets.append((name, measured, verdict))


# --- the machine -------------------------------------------------------------------------------------


def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = ""
    try:
        kb = next(int(x.split()[1]) for x in Path("/proc/meminfo").read_text().splitlines() if x.startswith("MemTotal"))
        ram = f"{kb / 1024**2:.1f} GiB"
    except (OSError, StopIteration):
        pass
    import pyoxigraph
    import spacy

    return {
        "cpu": cpu, "nproc": str(os.cpu_count()), "ram": ram, "python": platform.python_version(),
        "spacy": spacy.__version__, "pyoxigraph": pyoxigraph.__version__,
        "os": f"{platform.system()} {platform.release()}",
    }  # fmt: skip


def load_average() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- extraction --------------------------------------------------------------------------------------


def bench_extraction(rep: Report, n: int, work: Path) -> dict[str, Any]:
    from actorgraph.extract import extract_text
    from actorgraph.parallel import extract_chunks, resolve_workers
    from actorgraph.sources import plan
    from benchmarks import extraction as devset
    from benchmarks.synthetic import articles, write_jsonl

    rep.say("## Extraction (rule path: spacy.blank + our components, no trained model)")
    rep.say("")
    rep.say("| corpus | lang | sentences | seconds | sentences/s | per core |")
    rep.say("|---|---|---:|---:|---:|---:|")
    out: dict[str, Any] = {}
    for lang in ("ar", "en"):
        docs = articles(lang, n, seed=1)
        extract_text(docs[0], lang=lang, model="none")  # pipelines built before the clock starts
        start = time.perf_counter()
        sentences = sum(len(extract_text(d, lang=lang, model="none").sentences) for d in docs)
        secs = time.perf_counter() - start
        rate = sentences / secs
        out[f"synthetic|{lang}"] = rate
        rep.say(f"| synthetic news, 20 sentences/article, 1 process | {lang} | {sentences:,} | {secs:.2f} | "
                f"{rate:,.0f} | {rate:,.0f} |")  # fmt: skip
    for lang in ("ar", "en"):
        sentences, secs = devset.run(lang, max(1000, n // 3))  # dev-set sentences: longer, real news text
        rate = sentences / secs
        out[f"devset|{lang}"] = rate
        rep.say(f"| dev sets + seed article (real text), 1 process | {lang} | {sentences:,} | {secs:.2f} | "
                f"{rate:,.0f} | {rate:,.0f} |")  # fmt: skip
    # The English parse path (the default when a trained English model is installed: its NER and parse).
    docs = articles("en", max(500, n // 10), seed=2)
    try:
        extract_text(docs[0], lang="en")
        start = time.perf_counter()
        sentences = sum(len(extract_text(d, lang="en").sentences) for d in docs)
        secs = time.perf_counter() - start
        rep.say(f"| synthetic, English **with the trained model's NER and parse** (default when installed) | en | "
                f"{sentences:,} | {secs:.2f} | {sentences / secs:,.0f} | {sentences / secs:,.0f} |")  # fmt: skip
        sentences, secs = devset.run("en", max(500, n // 10), model=None)  # None: the installed default
        out["parse|en"] = sentences / secs
        rep.say(f"| dev sets + seed article, English **with the trained model's NER and parse** | en | "
                f"{sentences:,} | {secs:.2f} | {sentences / secs:,.0f} | {sentences / secs:,.0f} |")  # fmt: skip
    except Exception as err:  # noqa: BLE001 - the model is optional
        rep.say(f"| English model path | en | - | - | not available: {err} | |")
    # Both languages through the process pool, all cores, as `build --workers 0` runs it.
    corpus = work / "corpus.jsonl"
    write_jsonl(corpus, n, seed=3)
    workers = resolve_workers(0)
    start = time.perf_counter()
    sentences = sum(r.sentences for r in extract_chunks(plan([corpus]), workers=workers, model="none"))
    secs = time.perf_counter() - start
    rate = sentences / secs
    out["pool"] = (rate, workers)
    rep.say(f"| synthetic JSONL, ar+en, process pool (incl. start-up, reading, pickling) | both | {sentences:,} | "
            f"{secs:.2f} | {rate:,.0f} | {rate / workers:,.0f} ({workers} workers) |")  # fmt: skip
    rep.say("")
    for lang in ("ar", "en"):
        best = out[f"synthetic|{lang}"]
        real = out[f"devset|{lang}"]
        rep.target(f"extraction ≥ {TARGET_SENTENCES_PER_CORE:,} sentences/s/core ({lang}, rule path)",
                   f"{best:,.0f} synthetic, {real:,.0f} dev-set text", min(best, real) >= TARGET_SENTENCES_PER_CORE)
    if "parse|en" in out:
        rep.target(f"extraction ≥ {TARGET_PARSE_SENTENCES_PER_CORE} sentences/s/core (en, parse path, dev-set text)",
                   f"{out['parse|en']:,.0f}", out["parse|en"] >= TARGET_PARSE_SENTENCES_PER_CORE)
    return {"corpus": corpus}


# --- ingest of extraction results ---------------------------------------------------------------------


def bench_ingest_path(rep: Report, corpus: Path, articles: int) -> None:
    from actorgraph.graph.bulk import bulk_ingest, light, resolve
    from actorgraph.graph.store import ingest, open_store
    from actorgraph.parallel import extract_chunks
    from actorgraph.sources import plan

    extractions = [ex for r in extract_chunks(plan([corpus]), model="none") for ex in r.extractions]
    # Both languages: the corpus file has the Arabic articles first, then the English ones.
    half = articles // 2
    extractions = extractions[:half] + extractions[-half:]
    rep.say("## Ingest of extraction results (the `build` path after extraction)")
    rep.say("")
    rep.say(f"{len(extractions)} synthetic articles (both languages). Entity resolution runs once over all of "
            "them in both paths.")  # fmt: skip
    rep.say("")
    rep.say("| step | seconds | quads/s |")
    rep.say("|---|---:|---:|")
    start = time.perf_counter()
    resolve([light(ex) for ex in extractions])
    res_s = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        for name, fn, spec in (
            ("per document (`store.ingest`, one transaction per graph), on disk", ingest, Path(tmp) / "a"),
            ("bulk (`graph.bulk`: N-Quads + `bulk_load`), on disk", bulk_ingest, Path(tmp) / "b"),
        ):
            store = open_store(spec)
            start = time.perf_counter()
            report = fn(store, extractions)
            secs = time.perf_counter() - start
            store.close()
            rep.say(f"| {name}: {report.quads:,} quads, resolution included | {secs:.2f} | "
                    f"{report.quads / secs:,.0f} |")  # fmt: skip
    rep.say(f"| of which entity resolution (`resolve_entities`) | {res_s:.2f} | |")
    rep.say("")


# --- render ------------------------------------------------------------------------------------------


def bench_render(rep: Report) -> None:
    from actorgraph.graph.render import render_html
    from actorgraph.graph.store import OxigraphStore, ingest
    from benchmarks.records import ArticleWriter

    rep.say("## HTML render (`graph.render.render_html`: networkx projection + self-contained page)")
    rep.say("")
    rep.say("Synthetic articles (`benchmarks/records.py`) ingested into an in-memory store, the union graph "
            "rendered.")  # fmt: skip
    rep.say("")
    rep.say("| articles | relations | seconds | file size |")
    rep.say("|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for n in (50, 500):
            articles = list(ArticleWriter(seed=n, stream="render", new_actors=n * 4).articles(n))
            store = OxigraphStore(None)
            ingest(store, articles)
            graph = store.union_graph()
            out = Path(tmp) / f"graph-{n}.html"
            start = time.perf_counter()
            render_html(graph, out)
            secs = time.perf_counter() - start
            relations = sum(len(ex.relations) for ex in articles)
            rep.say(f"| {n:,} | {relations:,} | {secs:.2f} | {out.stat().st_size / 1e6:.1f} MB |")
    rep.say("")


NOTES = """## Reading these figures

- Every store here is written by the project's own code from extraction results: `benchmarks/records.py`
  makes `Extraction` records with the profile of the real articles (relations per article, the share from
  titles, entities per relation, gazetteer share, modalities, dates and places: `records.PROFILE`, measured
  on tests/heldout/texts and seeds/; each run measures those articles again and prints both), actors drawn
  with Zipf weights; `graph.bulk`
  and `graph.store.ingest` turn them into quads. The figures follow whatever RDF layout the code writes.
- Bytes on disk are the whole store directory as the commands leave it, write-ahead logs included (no
  `Store.optimize()` or compaction by hand). Rows marked "growth" divide what a store grew by the articles fed
  into it, so RocksDB's flushes and logs in that window count; few articles make them noisy.
- Commands are timed as a user runs them, a new process each: start-up (Python, imports, opening the store)
  is in every figure; the `--version` row shows the start-up of Python and the CLI alone.
- The feed's articles/hour is extrapolated from the minutes it ran (the table says how many), not an hour.
- The machine has 2 cores shared with other work: the load average in the header says how busy it was.
"""


# --- main --------------------------------------------------------------------------------------------


def write_results(rep: Report, info: dict[str, str], started: str, load_before: str, seconds: float) -> Path:
    head = [
        "# Benchmark results",
        "",
        f"Written by `make bench` (`python -m benchmarks{' --quick' if rep.quick else ''}`) on {started}, "
        f"in {seconds / 60:.1f} min.",
        "",
        f"Machine: {info['cpu']}, {info['nproc']} cores (nproc), {info['ram']} RAM, {info['os']}; Python "
        f"{info['python']}, spaCy {info['spacy']}, pyoxigraph {info['pyoxigraph']}. Load average before "
        f"the run: {load_before}; after: {load_average()} (other work on the machine competes for the cores).",
        "",
    ]
    path = HERE / "RESULTS.md"
    rows, sections = carried(path.read_text("utf-8"), rep.measured) if path.exists() else ([], [])
    head += [
        "## Targets",
        "",
        "| target | measured | |",
        "|---|---|---|",
        *(f"| {t} | {m} | {v} |" for t, m, v in rep.targets),
        *rows,
        "",
    ]
    lines = list(rep.lines)
    notes = lines.index(NOTES) if NOTES in lines else len(lines)
    path.write_text("\n".join(head + lines[:notes] + sections + ([""] if sections else []) + lines[notes:]) + "\n",
                    encoding="utf-8")  # fmt: skip
    return path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a 100k-quad store, smaller corpora (about three minutes)")
    parser.add_argument("--work", type=Path, help="scratch directory (default: a temporary one)")
    parser.add_argument("--stores", type=Path, help="keep the bulk-built stores here, and reuse them when there "
                        "(copied before anything writes to them; RESULTS.md says which code built them)")
    parser.add_argument("--stale-ok", action="store_true", help="with --stores: use a kept store even when the code "
                        "that writes stores changed since it was built (RESULTS.md lists the commits)")
    parser.add_argument("--only", choices=PARTS, help="only this part (issue18: the store for a live feed; other: "
                        "extraction, ingest, render, resolution); RESULTS.md keeps the other part as it was")
    parser.add_argument("--sizes", type=lambda v: [int(x) for x in v.split(",")],
                        help="store sizes in quads, comma-separated (default: 1000000,10000000; --quick 100000)")
    args = parser.parse_args(argv)
    rep = Report(quick=args.quick, measured={args.only} if args.only else set(PARTS))
    started = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    load_before = load_average()
    info = machine()
    t0 = time.perf_counter()
    print(f"# actorgraph benchmarks ({'quick' if args.quick else 'full'}), {started}", flush=True)
    with tempfile.TemporaryDirectory(prefix="actorgraph-bench-", dir=args.work) as tmp:
        work = Path(tmp)
        from benchmarks import live

        if "issue18" in rep.measured:
            live.run(rep, work, args.quick, args.sizes, args.stores, args.stale_ok)  # issue 18
        if "other" in rep.measured:
            ext = bench_extraction(rep, 1000 if args.quick else 10_000, work)
            bench_ingest_path(rep, ext["corpus"], 20 if args.quick else 200)
            bench_render(rep)
    if "other" in rep.measured:
        rep.say(f"Peak RSS of the benchmark driver itself (extraction, ingest, render): {rss_mib():,.0f} MiB.")
        rep.say("")
        from benchmarks.resolution import bench_resolution

        bench_resolution(rep, args.quick)  # in memory, after the peak RSS above was taken
    rep.say(NOTES)
    path = write_results(rep, info, started, load_before, time.perf_counter() - t0)
    print(f"\nwrote {path}")
