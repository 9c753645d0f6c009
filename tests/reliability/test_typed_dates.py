"""Finding 8 of issue 19: ill-typed dates in the input are a one-line warning each, the date left out;
nothing prints a traceback (also for a store that already holds one), and SHACL passes."""

from __future__ import annotations

import json
from pathlib import Path

from tests.reliability.helpers import ARTICLE_EN, run, snapshot

BAD_DATES = ("0000-00-00", "2025-99-99", "2025-02-30", "yesterday")


def _corpus(tmp_path: Path) -> Path:
    path = tmp_path / "news.jsonl"
    lines = [json.dumps({"text": ARTICLE_EN.replace("Singapore", f"Singapore ({i})"), "date": date,
                         "url": f"https://news.example/{i}"}) for i, date in enumerate(BAD_DATES)]  # fmt: skip
    lines.append(json.dumps({"text": ARTICLE_EN, "date": "2025-05-31", "url": "https://news.example/good"}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _no_traceback(*outputs: str) -> None:
    for out in outputs:
        assert "Traceback" not in out and "Failed to convert" not in out, out[-2000:]


def test_invalid_dates_are_warned_about_and_left_out(tmp_path: Path) -> None:
    store = tmp_path / "store"
    proc = run("ingest", str(_corpus(tmp_path)), "--store", str(store), "--no-bulk")
    _no_traceback(proc.stdout, proc.stderr)
    assert proc.returncode == 0, proc.stderr
    warnings = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(warnings) == len(BAD_DATES), proc.stderr
    for i, (line, date) in enumerate(zip(warnings, BAD_DATES, strict=True)):
        assert line.startswith(f"warning: {tmp_path / 'news.jsonl'}:{i + 1}: ") and repr(date) in line, line
    assert proc.stdout.startswith("5 new") and proc.stdout.rstrip().endswith(f"; {len(BAD_DATES)} warnings")
    objects = {o for triples in snapshot(store).values() for _, _, o in triples}
    assert not any(date in o for o in objects for date in BAD_DATES[:3])
    assert any(o.startswith('"2025-05-31"^^') for o in objects)  # a valid date is kept
    for command in (["query", "SELECT ?d WHERE { ?x ag:publishedOn|ag:date ?d }"], ["export", "--format", "jsonld"],
                    ["stats"]):  # fmt: skip
        later = run(*command, "--store", str(store))
        assert later.returncode == 0, later.stderr
        _no_traceback(later.stdout, later.stderr)


def test_invalid_dates_are_warned_about_on_dask_too(tmp_path: Path) -> None:
    proc = run("ingest", str(_corpus(tmp_path)), "--store", str(tmp_path / "store"), "--dask", "local", "-j", "1",
               "--model", "none", timeout=300)  # fmt: skip
    _no_traceback(proc.stdout, proc.stderr)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert sum(line.startswith("warning: ") for line in proc.stderr.splitlines()) == len(BAD_DATES), proc.stderr
    assert proc.stdout.rstrip().endswith(f"; {len(BAD_DATES)} warnings"), proc.stdout


def test_a_build_with_invalid_dates_says_it_warned_and_conforms(tmp_path: Path) -> None:
    proc = run("build", str(_corpus(tmp_path)), "--out", str(tmp_path / "out"), "--no-html", "--model", "none")
    _no_traceback(proc.stdout, proc.stderr)
    assert proc.returncode == 0, proc.stderr
    assert f", {len(BAD_DATES)} warnings" in proc.stdout
    assert "SHACL: conforms" in proc.stdout


def test_an_ill_typed_date_already_in_a_store_prints_no_traceback(seeded_store: Path) -> None:
    insert = ('INSERT DATA { GRAPH <urn:old> { <urn:old> <http://purl.org/dc/terms/date> '
              '"2025-99-99"^^<http://www.w3.org/2001/XMLSchema#date> } }')  # fmt: skip
    assert run("query", insert, "--allow-update", "--store", str(seeded_store)).returncode == 0
    for command in (["query", "SELECT ?d WHERE { ?s <http://purl.org/dc/terms/date> ?d }"],
                    ["export", "--format", "jsonld"], ["export", "--format", "ttl"]):  # fmt: skip
        proc = run(*command, "--store", str(seeded_store))
        assert proc.returncode == 0, proc.stderr
        _no_traceback(proc.stdout, proc.stderr)
        assert "2025-99-99" in proc.stdout
