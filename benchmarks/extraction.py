"""Extraction speed on one core: sentences per second for Arabic and English (rule path).

Input: the dev-set sentences and the seed article, repeated until about N sentences, extracted as
documents of ~20 sentences each (as news articles come). Run: python -m benchmarks.extraction [N]
"""

from __future__ import annotations

import csv
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpus(lang: str) -> list[str]:
    name = "ar_dev.tsv" if lang == "ar" else "en_dev.tsv"
    with (ROOT / "tests" / "extract" / "data" / name).open(encoding="utf-8") as handle:
        sentences = [row["text"] for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)]
    seed = ROOT / "seeds" / ("000_18620a851a5501f3.txt" if lang == "ar" else "000_18620a851a5501f3.en.txt")
    sentences += [line for line in seed.read_text(encoding="utf-8").splitlines() if len(line.split()) > 6]
    return sentences


def run(lang: str, target: int, model: str | None = "none") -> tuple[int, float]:
    from actorgraph.extract import extract_text

    base = corpus(lang)
    extract_text(" ".join(base[:5]), lang=lang, model=model)  # warm-up: tables and models load once
    docs, count = [], 0
    while count < target:
        chunk = base[:20] if count % 2 == 0 else base[20:40]
        base = base[20:] + base[:20]
        docs.append("\n".join(chunk))
        count += len(chunk)
    start = time.perf_counter()
    sentences = 0
    for text in docs:
        sentences += len(extract_text(text, lang=lang, model=model).sentences)
    return sentences, time.perf_counter() - start


def main() -> None:
    target = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    print(
        f"# extraction, one process; {platform.processor() or platform.machine()}, Python {platform.python_version()}"
    )
    from actorgraph.extract.pipeline import default_model_name, load_model

    runs = [("ar", "none"), ("en", "none")]
    model = default_model_name()
    if model and load_model(model) is not None:
        runs.append(("en", model))
    for lang, name in runs:
        sentences, seconds = run(lang, target if name == "none" else max(500, target // 5), name)
        path = "rules" if name == "none" else f"model {name}"
        print(f"{lang} ({path}): {sentences} sentences in {seconds:.2f} s = {sentences / seconds:,.0f} sentences/s")


if __name__ == "__main__":
    main()
