"""Finding 3 of issue 19: two files with the same text; editing one must never lose the other's article."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability.helpers import ARTICLE_AR, ARTICLE_EN, MET_AR, MET_EN, documents_of, run, snapshot

MET = "<https://w3id.org/actorgraph/ontology#met>"
PREDICATE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate>"


def _met_graphs(store: Path) -> int:
    """How many document graphs state that someone met someone."""
    return sum(1 for triples in documents_of(snapshot(store)).values()
               if any(p == PREDICATE and o == MET for _, p, o in triples))  # fmt: skip


@pytest.mark.parametrize("mode", ["--no-bulk", "--bulk"])
def test_editing_one_of_two_identical_files_keeps_the_other(tmp_path: Path, mode: str) -> None:
    corpus, store = tmp_path / "corpus", tmp_path / "store"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE_EN, encoding="utf-8")
    (corpus / "b.txt").write_text(ARTICLE_EN, encoding="utf-8")
    first = run("ingest", str(corpus), "--store", str(store), mode)
    assert first.returncode == 0 and first.stdout.startswith("2 new, 0 replaced, 0 unchanged"), first
    assert _met_graphs(store) == 2

    (corpus / "a.txt").write_text(ARTICLE_AR, encoding="utf-8")
    second = run("ingest", str(corpus), "--store", str(store), mode)
    assert second.returncode == 0 and second.stdout.startswith("0 new, 1 replaced, 1 unchanged"), second
    # b's article is still there, right after the run that called it unchanged, and a's new one too.
    for subject, relation, obj in (MET_EN, MET_AR):
        said = run("explain", subject, relation, obj, "--store", str(store))
        assert said.returncode == 0, said.stderr
    assert "b.txt" in run("explain", *MET_EN, "--store", str(store)).stdout
    assert _met_graphs(store) == 2

    third = run("ingest", str(corpus), "--store", str(store), mode)
    assert third.stdout.startswith("0 new, 0 replaced, 2 unchanged"), third
