"""Corpus input: folders are searched recursively, JSONL is cut at line ends with line numbers kept,
and bad records are reported by file and line instead of stopping the run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from actorgraph.extract.read import ExtractionError
from actorgraph.sources import Failure, FileChunk, JsonlChunk, collect, plan, read_chunk, record_document


def test_collect_recurses_and_filters(corpus: Path) -> None:
    names = [p.relative_to(corpus).as_posix() for p in collect([corpus])]
    assert names == sorted(names)
    assert "nested/deeper/riyadh.html" in names and "nested/geneva.md" in names and "corpus.jsonl" in names
    assert not any(n.endswith(".pdf") for n in names)


def test_plan_groups_files_and_cuts_jsonl(corpus: Path) -> None:
    chunks = plan([corpus], chunk_bytes=1)  # one file a chunk, one JSONL line a chunk
    files = [c for c in chunks if isinstance(c, FileChunk)]
    lines = [c for c in chunks if isinstance(c, JsonlChunk)]
    assert all(c.size == 1 for c in files) and len(files) == 5
    assert [c.first_line for c in lines] == [1, 2, 3, 4, 5, 6, 7]
    assert sum(c.size for c in plan([corpus])) == 5 + 7  # the default groups them; nothing is lost


def test_bad_lines_are_reported_by_line(corpus: Path) -> None:
    for chunk_bytes in (1, 1 << 20):  # line numbers survive any cutting
        items = [i for c in plan([corpus / "corpus.jsonl"], chunk_bytes) for i in read_chunk(c)]
        failures = {f.where.rsplit(":", 1)[1]: f.reason for f in items if isinstance(f, Failure)}
        assert set(failures) == {"2", "5", "6"}, failures
        assert failures["2"].startswith("not valid JSON")
        assert "text" in failures["5"] and "object" in failures["6"]
        docs = [i for i in items if not isinstance(i, Failure)]
        assert [d.lang for d in docs] == ["en", "ar", "en"]


def test_jsonl_without_final_newline(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": "Japan met China."}) + "\n" + json.dumps({"text": "Iran met Iraq."}))
    docs = [i for c in plan([path], chunk_bytes=1) for i in read_chunk(c)]
    assert [d.text for d in docs] == ["Japan met China.", "Iran met Iraq."]  # type: ignore[union-attr]


def test_record_fields() -> None:
    doc = record_document({"text": "Japan met China in Beijing.", "title": " Talks ", "url": "https://x.org/1",
                           "date": "2025-05-31", "lang": "en"})  # fmt: skip
    assert (doc.title, doc.source, doc.date, doc.lang) == ("Talks", "https://x.org/1", "2025-05-31", "en")
    # Not a URL: no location (the document is then identified by its text, not by a line number).
    assert record_document({"text": "Japan met China.", "url": "page 3"}).source == ""
    assert record_document({"text": "التقى الوزير بالرئيس."}, lang="en").lang == "en"  # the run's --lang
    assert record_document({"text": "Japan met China.", "lang": "auto"}).lang == "en"
    for bad in ({"text": "x", "lang": "fr"}, {"text": "Japan", "date": 2025}, {"title": "no text"}, "text"):
        with pytest.raises(ExtractionError):
            record_document(bad)
