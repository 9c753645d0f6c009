"""Entity resolution at 10k, 100k and 1M documents that name a few shared actors (part of ``make bench``).

    python -m benchmarks.resolution                 # 10k, 100k, 1M documents
    python -m benchmarks.resolution 2000 4000 8000  # other sizes

Each document is a hand-built extraction (no NLP: only ``resolve_entities`` is timed) naming three of a
few shared people in the spellings news uses (full English name, Arabic, a misspelling, the bare
surname), one gazetteer state, and one person of its own. Every merge path is exercised: equal names,
equal and near-equal skeletons across scripts, bare surnames, gazetteer ids. Resolution was quadratic in
the documents that share an actor (2,000 documents 4.7 s, 16,000 285 s); it should now grow about
linearly, which the per-document time and the ratio between sizes show.
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

from actorgraph.extract.records import Document, Entity, Extraction
from actorgraph.graph.resolve import resolve_entities

SIZES = (10_000, 100_000, 1_000_000)
# (English, Arabic, misspelt, surname): the few actors every document draws from.
SHARED = (
    ("Pete Hegseth", "بيت هيجسيث", "Pete Hegsith", "Hegseth"),
    ("Gen Nakatani", "جين ناكاتاني", "Gen Nakatany", "Nakatani"),
    ("Marco Rubio", "ماركو روبيو", "Marco Rubyo", "Rubio"),
    ("Wang Yi", "وانغ يي", "Wang Yi", "Wang"),
    ("Shigeru Ishiba", "شيغيرو إيشيبا", "Shigeru Ishibah", "Ishiba"),
)
# Consonants of distinct skeleton classes (resolve._LATIN_SKELETON), so made-up names do not sound alike.
_CONSONANTS = "btjhkdrzsflmn"
_FIRST_NAMES = ("Ali", "Maria", "Kenji", "Olena", "Tariq", "Ingrid")


def _unique_name(n: int) -> str:
    """A made-up name of its own for document ``n``: a surname no other document's surname sounds like
    (each consonant differs from the one before it, so the skeleton keeps them all)."""
    first = _FIRST_NAMES[n % len(_FIRST_NAMES)]
    letters, prev = [], 0
    for _ in range(7):
        n, r = divmod(n, len(_CONSONANTS) - 1)
        prev = (prev + 1 + r) % len(_CONSONANTS)
        letters.append(_CONSONANTS[prev] + "a")
    return f"{first} {''.join(letters).capitalize()}"


def corpus(n: int) -> list[Extraction]:
    """``n`` extractions, each naming three shared people (in rotating spellings), Japan, and its own person."""
    out = []
    for d in range(n):
        lang = "ar" if d % 3 == 0 else "en"
        doc = Document(id=f"d{d}", text=".", lang=lang, source=f"bench/{d}.txt")
        ents: dict[str, Entity] = {"gaz:country-jpn": Entity("gaz:country-jpn", "State", "Japan", "اليابان",
                                                             country="JPN")}  # fmt: skip
        for k in range(3):
            en, ar, misspelt, surname = SHARED[(d + k) % len(SHARED)]
            form = (d // len(SHARED) + k) % 4
            label_en, label_ar = ((en, ""), ("", ar), (misspelt, ""), (surname, ""))[form]
            if lang == "ar" and form != 1:
                label_ar = ar
            key = f"new:Person:{(label_en or label_ar).lower()}"
            ents[key] = Entity(key, "Person", label_en, label_ar)
        own = _unique_name(d)
        ents[f"new:Person:{own.lower()}"] = Entity(f"new:Person:{own.lower()}", "Person", own)
        out.append(Extraction(doc, [], ents, []))
    return out


def time_resolution(sizes: Sequence[int] = SIZES, say: Callable[[str], None] = print) -> list[tuple[int, float]]:
    """Seconds ``resolve_entities`` takes for each size; prints a line per size as it goes."""
    results: list[tuple[int, float]] = []
    for n in sizes:
        extractions = corpus(n)
        gc.collect()
        start = time.perf_counter()
        res = resolve_entities(extractions)
        seconds = time.perf_counter() - start
        shared = {res.iri(d, k) for d in range(min(n, 50)) for k in extractions[d].entities if "Person" in k}
        shared_iris = len(shared & {res.iri(d, k) for d in range(n - 50, n) for k in extractions[d].entities})
        say(f"| {n:,} | {seconds:.2f} s | {seconds / n * 1e6:.1f} µs | {len(res.label_en):,} | {shared_iris} |")
        results.append((n, seconds))
        del extractions, res
    return results


def scaling_verdict(results: Sequence[tuple[int, float]]) -> tuple[str, bool]:
    """The growth exponent between the smallest and largest size (1 = linear, 2 = quadratic)."""
    import math

    (n0, t0), (n1, t1) = results[0], results[-1]
    exponent = math.log(t1 / t0) / math.log(n1 / n0) if t0 > 0 and n1 > n0 else float("nan")
    return f"{n0:,} → {n1:,} documents: time x{t1 / t0:.1f} for x{n1 / n0:.0f} documents (exponent {exponent:.2f})", (
        exponent <= 1.25
    )


HEADER = (
    "| documents | resolve_entities | per document | entities (IRIs) | shared actors found in first and last 50 |",
    "|---:|---:|---:|---:|---:|",
)


def bench_resolution(rep: Any, quick: bool) -> None:
    """The ``make bench`` section: a table of sizes and a near-linear target (``rep``: suite.Report)."""
    sizes = SIZES[:2] if quick else SIZES
    rep.say("## Entity resolution")
    rep.say("")
    rep.say("`resolve_entities` over documents naming three of five shared people (English, Arabic, misspelt, "
            "bare surname), one gazetteer state and one person of their own (`benchmarks/resolution.py`).")
    rep.say("")
    for line in HEADER:
        rep.say(line)
    results = time_resolution(sizes, rep.say)
    verdict, near_linear = scaling_verdict(results)
    rep.say("")
    rep.say(verdict)
    rep.say("")
    rep.target("entity resolution near-linear in documents (growth exponent <= 1.25)", verdict, near_linear)


def main(argv: Sequence[str] | None = None) -> None:
    sizes = [int(a) for a in (argv if argv is not None else sys.argv[1:])] or list(SIZES)
    for line in HEADER:
        print(line)
    results = time_resolution(sizes)
    print(scaling_verdict(results)[0])


if __name__ == "__main__":
    main()
