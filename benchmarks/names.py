"""Arabic personal names → the English spelling news uses: our transliterator against arabic-name-romanizer.

    python -m benchmarks.names            # the table; --show N prints N names with every method's answer

The names: every gazetteer person with an Arabic and an English label, and every person of the hand-made
gold entity files (tests/gold, tests/heldout/gold: names from real Arabic news, honorifics stripped), each
with all its accepted English labels. Extraction matches gazetteer names before any transliteration, so
each is spelled here as if unknown: the gazetteer spellings given to the romanizer as its user dictionary
are held out five-fold (a name never sees its own person's spellings).

Scores: exact (one of the accepted labels, as written), lenient (the same consonant skeleton: case, hyphens,
al-/el-, vowels and doubled letters aside) and the mean character error rate against the closest label.
Groups: by the person's country (Arab League or other; "gold only" has none) and by what answers in the
package (its index has the whole name, has every word, or its model spells some word).
"""

from __future__ import annotations

import argparse
import hashlib
import re
import statistics
import sys
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from actorgraph.extract.lang import profile
from actorgraph.extract.lang.ar.normalize import normalize
from actorgraph.extract.lang.ar.romanize import _models, gazetteer_spellings, romanizer, spell_with
from actorgraph.extract.lang.ar.translit import transliterate
from actorgraph.ontology.gazetteer import load_gazetteer
from actorgraph.ontology.lexicon import titles

ROOT = Path(__file__).resolve().parent.parent
GOLD_FILES = sorted((ROOT / "tests" / "heldout" / "gold").glob("ar_*.entities.tsv")) + [
    ROOT / "tests" / "gold" / "ar_seed.entities.tsv"
]
# The 22 Arab League states: their citizens' names are what arabic-name-romanizer learnt from.
_ARAB_LEAGUE = "DZA BHR COM DJI EGY IRQ JOR KWT LBN LBY MRT MAR OMN PSE QAT SAU SOM SDN SYR TUN ARE YEM"
ARAB_LEAGUE = frozenset(_ARAB_LEAGUE.split())
FOLDS = 5
OURS = "ours (letter by letter)"
ALONE = "arabic-name-romanizer, no gazetteer words"
SHIPPED = "romanize_name: romanizer + gazetteer words (held out)"


@dataclass
class Case:
    arabic: str
    accepted: set[str]
    group: str  # "Arab League" | "other" (by the gazetteer's country) | "gold only"


def _strip_honorifics(surface: str) -> str:
    ar = profile("ar")
    drop = ar.words("honorifics") | ar.words("rank qualifiers")
    drop |= {normalize(t.form) for t in titles() if t.lang == "ar" and " " not in t.form}
    words = surface.split()
    while words and normalize(words[0]) in drop:
        words = words[1:]
    return " ".join(words)


def cases() -> list[Case]:
    """The evaluation list, keyed by the normalised Arabic name (a name in both sources merges its labels)."""
    found: dict[str, Case] = {}
    for e in load_gazetteer().entries.values():
        if e.type == "Person" and e.label_ar and e.label_en:
            group = "Arab League" if e.country in ARAB_LEAGUE else "other"
            case = found.setdefault(normalize(e.label_ar), Case(e.label_ar, set(), group))
            case.accepted.update([e.label_en, *e.aliases_en])
    for path in GOLD_FILES:
        for line in path.read_text(encoding="utf-8").splitlines() if path.exists() else []:
            cols = line.split("\t")
            if line.startswith("#") or len(cols) < 4 or cols[1] != "Person":
                continue
            forms = [f for f in (_strip_honorifics(s) for s in cols[3].split("|")) if f]
            if not forms:
                continue
            name = max(forms, key=lambda f: len(f.split()))  # the fullest form the text gives
            case = found.setdefault(normalize(name), Case(name, set(), "gold only"))
            case.accepted.update(cols[2].split("|"))
    return [found[k] for k in sorted(found)]


def _letters(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().replace("'", "").replace("’", "")
    return " ".join(re.sub(r"[^a-z]+", " ", text).split())


def skeleton(text: str) -> str:
    """The consonants of a Latin name: 'Abdel Fattah el-Sisi' and 'Abdelfattah al-Sissi' share one."""
    words = [w for w in _letters(text).split() if w not in ("al", "el")]
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouy]", "", "".join(words)))


def _edits(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def cer(output: str, gold: str) -> float:
    a, b = _letters(output), _letters(gold)
    return _edits(a, b) / max(1, len(b))


@dataclass
class Score:
    n: int
    exact: float
    lenient: float
    cer: float


def score(outputs: dict[str, str], among: list[Case]) -> Score:
    exact = sum(outputs[c.arabic] in c.accepted for c in among)
    lenient = sum(skeleton(outputs[c.arabic]) in {skeleton(a) for a in c.accepted} for c in among)
    errors = [min(cer(outputs[c.arabic], a) for a in c.accepted) for c in among]
    n = max(1, len(among))
    return Score(len(among), exact / n, lenient / n, sum(errors) / n)


def _fold(case: Case) -> int:
    return int(hashlib.sha1(normalize(case.arabic).encode()).hexdigest(), 16) % FOLDS


def held_out(names: list[Case]) -> dict[str, str]:
    """romanize_name's mechanism, each name spelled with its own person's gazetteer spellings held out."""
    spellings = gazetteer_spellings()
    out: dict[str, str] = {}
    for k in range(FOLDS):
        fold = [c for c in names if _fold(c) == k]
        held = set().union(*(c.accepted for c in fold)) | {normalize(c.arabic) for c in fold}
        spell = spell_with((ar, en) for ar, en in spellings if en not in held and normalize(ar) not in held)
        out.update((c.arabic, spell(c.arabic)) for c in fold)
    return out


def combinations() -> dict[str, Callable[[str], str]]:
    """Ways of combining the package with our transliterator, for comparison (empty without the package)."""
    try:
        from arabic_name_romanizer import Transliterator
    except ImportError:
        return {}
    engine = Transliterator()

    def best(text: str):  # noqa: ANN202 - the package's Candidate
        return engine.transliterate(text, top_k=2)[0]

    def index_first(text: str) -> str:
        c = best(text)
        return str(c.text) if c.source == "dictionary" else transliterate(text)

    def per_unit(text: str) -> str:
        c = best(text)
        if not c.units:
            return str(c.text) if c.source == "dictionary" else transliterate(text)
        return " ".join(u.latin if u.source == "dictionary" else transliterate(u.arabic) for u in c.units)

    return {"romanizer's index, else ours": index_first, "per unit: attested, else ours": per_unit}


def answered_by(names: list[Case]) -> dict[str, str]:
    """What answers each name in the package: its index whole, its index word by word, or its model."""
    from arabic_name_romanizer import Transliterator

    engine, out = Transliterator(), {}
    for c in names:
        best = engine.transliterate(c.arabic, top_k=2)[0]
        whole = best.source == "dictionary" and not best.units
        out[c.arabic] = "index: whole" if whole else "index: words" if best.source == "dictionary" else "model"
    return out


def run(show: int = 0, combined: bool = True) -> dict[str, Score]:
    names = cases()
    timings: dict[str, tuple[float, float]] = {}

    def timed(label: str, spell: Callable[[str], str]) -> dict[str, str]:
        out, costs = {}, []
        for c in names:
            t = time.process_time()
            out[c.arabic] = spell(c.arabic)
            costs.append(time.process_time() - t)
        timings[label] = (statistics.mean(costs) * 1000, statistics.quantiles(costs, n=10)[-1] * 1000)
        return out

    loaded = _models.cache_info().currsize > 0
    t0 = time.perf_counter()
    plain = romanizer(())
    load_s = time.perf_counter() - t0
    results = {OURS: timed(OURS, transliterate)}
    if plain is not None:
        results[ALONE] = timed(ALONE, plain)
        for label, spell in (combinations() if combined else {}).items():
            results[label] = timed(label, spell)
        results[SHIPPED] = held_out(names)
    groups = ["all", "Arab League", "other", "gold only"]
    answered = answered_by(names) if plain is not None else {}
    groups += sorted(set(answered.values()))
    table: dict[str, Score] = {}
    print(f"{len(names)} names ({', '.join(f'{g}: {sum(c.group == g for c in names)}' for g in groups[1:4])})")
    if plain is None:
        print("arabic-name-romanizer is not installed: only our transliterator is measured")
    else:
        print(f"romanizer load (index + two ONNX models, one thread): {load_s:.2f} s" + " (already loaded)" * loaded)
    print(f"{'method':60} {'group':12} {'n':>4} {'exact':>6} {'lenient':>7} {'CER':>6}")
    for label, outputs in results.items():
        for group in groups:
            among = [c for c in names if group in ("all", c.group, answered.get(c.arabic))]
            s = score(outputs, among)
            table[f"{label} / {group}"] = s
            print(f"{label:60} {group:12} {s.n:4d} {s.exact:6.3f} {s.lenient:7.3f} {s.cer:6.3f}")
    for label, (mean_ms, p90_ms) in timings.items():
        print(f"CPU per name, uncached: {label}: mean {mean_ms:.2f} ms, p90 {p90_ms:.2f} ms")
    for c in names[:: max(1, len(names) // show)] if show else []:
        answers = " | ".join(results[m][c.arabic] for m in results)
        print(f"{c.arabic} | {sorted(c.accepted)[0]} || {answers}")
    return table


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="print this many names with every answer")
    parser.add_argument("--no-combined", action="store_true", help="skip the slow combinations with ours")
    args = parser.parse_args(argv)
    run(args.show, combined=not args.no_combined)


if __name__ == "__main__":
    main(sys.argv[1:])
