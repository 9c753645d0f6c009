"""The README's example query on the store `build` makes of the seeds: each pair once, as a first query
should give (issue 18: it gave each pair three times when every document repeated its facts)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from click.testing import CliRunner

from actorgraph.cli import main

ROOT = Path(__file__).resolve().parents[2]


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def rows(store: str, sparql: str) -> list[tuple[str, ...]]:
    result = invoke("query", sparql, "--store", store, "--format", "csv")
    assert result.exit_code == 0, result.output
    return [tuple(r) for r in csv.reader(io.StringIO(result.output))][1:]


def test_the_readme_example_query_gives_each_pair_once_on_the_seeds(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.search(r"\$A query '(SELECT \?a \?b WHERE \{ \?a ag:met \?b \})' --store", readme)
    assert example, "the README's example query moved: update this test"
    out = tmp_path / "out"
    built = invoke("build", str(ROOT / "seeds"), "--out", str(out), "--no-html", "--no-validate")
    assert built.exit_code == 0, built.output
    store = str(out / "store")

    pairs = rows(store, example.group(1))
    assert len(pairs) == len(set(pairs))
    # Exactly the pairs of the asserted meetings the articles state (the seed's meeting is in both languages).
    stated = rows(store, "SELECT DISTINCT ?a ?b WHERE { ?st rdf:predicate ag:met ; ag:modality 'asserted' ; "
                         "rdf:subject ?a ; rdf:object ?b }")  # fmt: skip
    assert set(pairs) == set(stated) and stated
    documents = rows(store, "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?st rdf:predicate ag:met } }")
    assert int(documents[0][0]) == 2  # both articles state a meeting, and the pair is still given once

    # Joining labels repeats nothing either: one English label per entity.
    labelled = rows(store, "SELECT ?la ?lb WHERE { ?a ag:met ?b . ?a skos:prefLabel ?la . ?b skos:prefLabel ?lb "
                           'FILTER(LANG(?la) = "en" && LANG(?lb) = "en") }')  # fmt: skip
    assert len(labelled) == len(pairs)
    assert ("Gen Nakatani", "Pete Hegseth") in labelled or ("Pete Hegseth", "Gen Nakatani") in labelled
