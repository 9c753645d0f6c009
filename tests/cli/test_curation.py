"""Curation as data: merge, rename, alias and split are kept in curation.ttl beside the store, applied at
once and at every ingest, and survive a build from scratch."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from actorgraph.cli import main
from actorgraph.graph.curation import CurationError, read_fixes

ARTICLES = {
    "a.txt": "Japanese Prime Minister Shinzu Abi met Senator Lloyd Kaplowitz in Washington on Monday.\n",
    "b.txt": "Senator Lou Kaplo visited Japan last year.\n",
    "c.txt": "Senator Sam Kettering criticized Iran over the missile tests.\n",
    "d.txt": "Senator Samuel Kettering praised Japan for its aid.\n",
}


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def actors(store: str) -> dict[str, str]:
    """English label → IRI."""
    rows = invoke("actors", "--store", store, "--format", "csv").output.splitlines()[1:]
    return {row.split(",")[2]: row.split(",")[0] for row in rows}


def pairs(store: str) -> set[tuple[str, str, str]]:
    rows = invoke("export", "--store", store, "--format", "csv").output.splitlines()
    header = rows[0].split(",")
    cells = [dict(zip(header, r.split(","), strict=False)) for r in rows[1:]]
    return {(c["actor"], c["relation"], c["recipient"]) for c in cells}


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path]:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert invoke("build", str(corpus), "--out", str(out), "--model", "none", "--no-html").exit_code == 0
    return corpus, out


def test_fixes_apply_now_and_survive_a_build_from_scratch(built: tuple[Path, Path]) -> None:
    corpus, out = built
    store = str(out / "store")
    before = actors(store)
    assert {"Shinzu Abi", "Lloyd Kaplowitz", "Lou Kaplo"} <= set(before)
    for args in (("rename", "Shinzu Abi", "Shinzo Abe"), ("merge", "Lloyd Kaplowitz", "Lou Kaplo"),
                 ("alias", "Shinzo Abe", "Abe Shinzo")):  # fmt: skip
        result = invoke("curate", *args, "--store", store)
        assert result.exit_code == 0, result.output
        assert "kept in" in result.output
    assert [f.kind for f in read_fixes(out / "curation.ttl")] == ["rename", "merge", "alias"]

    def check() -> None:
        now = actors(store)
        assert "Shinzo Abe" in now and "Shinzu Abi" not in now
        assert "Lou Kaplo" not in now and now["Lloyd Kaplowitz"] == before["Lloyd Kaplowitz"]
        assert ("Lloyd Kaplowitz", "visited", "Japan") in pairs(store)
        assert ("Shinzo Abe", "met", "Lloyd Kaplowitz") in pairs(store)
        found = invoke("actors", "--store", store, "Abe Shinzo").output
        assert "Shinzo Abe" in found
        again = invoke("build", str(corpus), "--out", str(out), "--model", "none", "--no-html").output
        assert "SHACL: conforms" in again
        assert "curation:" not in again  # nothing new for the fixes: no rewrite, no index rebuild

    check()
    shutil.rmtree(out / "store")  # from scratch: the store is gone, curation.ttl beside it stays
    result = invoke("build", str(corpus), "--out", str(out), "--model", "none", "--no-html")
    assert "curation: 3 fixes" in result.output
    check()


def test_a_fix_is_applied_to_articles_ingested_later(built: tuple[Path, Path], tmp_path: Path) -> None:
    _, out = built
    store = str(out / "store")
    assert invoke("curate", "rename", "Shinzu Abi", "Shinzo Abe", "--store", store).exit_code == 0
    more = tmp_path / "more.txt"
    more.write_text("Japanese Prime Minister Shinzu Abi visited Iran on Tuesday.\n", encoding="utf-8")
    assert invoke("ingest", str(more), "--store", store, "--model", "none").exit_code == 0
    assert ("Shinzo Abe", "visited", "Iran") in pairs(store)
    assert "Shinzu Abi" not in actors(store)


def test_split_gives_the_articles_naming_the_other_actor_their_own(built: tuple[Path, Path]) -> None:
    _, out = built
    store = str(out / "store")
    merged = actors(store)
    assert "Samuel Kettering" in merged and "Sam Kettering" not in merged  # the resolver took them for one
    assert invoke("curate", "split", "Samuel Kettering", "Sam Kettering", "--store", store).exit_code == 0
    now = actors(store)
    assert {"Samuel Kettering", "Sam Kettering"} <= set(now)
    assert now["Samuel Kettering"] == merged["Samuel Kettering"]
    assert {("Sam Kettering", "criticized", "Iran"), ("Samuel Kettering", "supported", "Japan")} <= pairs(store)
    assert invoke("curate", "list", "--store", store).output.startswith("1. split")


def test_bad_requests_are_one_line_errors(built: tuple[Path, Path]) -> None:
    _, out = built
    store = str(out / "store")
    for args, needle in ((("merge", "Nobody Atall", "Lou Kaplo"), "no entity named"),
                         (("split", "Lou Kaplo", "Louis"), "is never named"),
                         (("rename", "Lou Kaplo", "X"), "a store in memory")):  # fmt: skip
        extra = ("--store", "memory") if needle == "a store in memory" else ("--store", store)
        result = invoke("curate", *args, *extra)
        assert result.exit_code != 0 and needle in result.output and "Traceback" not in result.output
    (out / "curation.ttl").write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(CurationError):
        read_fixes(out / "curation.ttl")
    result = invoke("curate", "list", "--store", store)
    assert result.exit_code != 0 and "not a curation file" in result.output
