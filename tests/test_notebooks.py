"""The notebooks run from top to bottom in a fresh kernel, so they cannot rot; the exploring notebook reads
whatever store its first cell names."""

from __future__ import annotations

import importlib.util
import warnings
from functools import cache
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
EXPLORING = "exploring_the_actor_graph.ipynb"


@cache
def executed(name: str, parameters: str | None = None) -> nbformat.NotebookNode:
    """The notebook after running every cell (``parameters``: the first code cell's new source); a cell that
    raises fails the test (CellExecutionError)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", nbformat.warnings.MissingIDFieldWarning)  # every cell has an id
        nb = nbformat.read(NOTEBOOKS / name, as_version=4)
        nbformat.validate(nb)
    if parameters is not None:
        first = next(cell for cell in nb.cells if cell.cell_type == "code")
        assert "parameters" in first.metadata.get("tags", [])
        first.source = parameters
    # "python3" is the interpreter running the tests (the project's venv), as ipykernel registers it.
    run_in = {"metadata": {"path": str(NOTEBOOKS)}}
    NotebookClient(nb, timeout=300, kernel_name="python3", resources=run_in).execute()
    return nb


def outputs(nb: nbformat.NotebookNode) -> str:
    """Everything the cells printed or displayed, as text (HTML included)."""
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            parts.append(out.get("text", ""))
            for mime in ("text/plain", "text/html"):
                parts.append(out.get("data", {}).get(mime, ""))
    return "\n".join(parts)


@pytest.mark.parametrize("name", sorted(p.name for p in NOTEBOOKS.glob("*.ipynb")))
def test_notebook_runs(name: str) -> None:
    cells = executed(name).cells
    assert not [out for cell in cells for out in cell.get("outputs", []) if out.get("output_type") == "error"]


def test_exploring_the_actor_graph_shows_what_it_promises() -> None:
    text = outputs(executed(EXPLORING))
    assert "store: seeds" in text and "documents: 2 (ar 1, en 1)" in text  # the seed story in both languages
    assert "<table" in text  # pandas frames from SPARQL and networkx
    assert "Japan" in text and "اليابان" in text
    assert "balance" in text and "betweenness" in text
    assert "<iframe srcdoc=" in text and "vis-network" in text  # the page, inline


def test_exploring_opens_the_store_its_first_cell_names(tmp_path: Path) -> None:
    """Only the first cell changes: the notebook reads an Oxigraph store on disk (another story), with no
    actor named, and every cell runs on it."""
    spec = importlib.util.spec_from_file_location("examples", ROOT / "tests" / "graph" / "actor_graph_examples.py")
    assert spec and spec.loader
    examples = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(examples)
    from actorgraph.graph.store import open_store

    path = tmp_path / "out" / "store"
    path.parent.mkdir()
    with open_store(path) as store:
        for graph in examples.tokyo_washington().graphs():
            quads = [(s, p, o, graph.identifier) for s, p, o in graph]
            if quads:
                store.put_document(str(graph.identifier), quads)
    nb = executed(EXPLORING, f"STORE = {str(tmp_path / 'out')!r}\nACTOR = None\nOTHER = None")
    assert not [out for cell in nb.cells for out in cell.get("outputs", []) if out.get("output_type") == "error"]
    text = outputs(nb)
    assert f"store: {tmp_path / 'out'}" in text
    assert "documents: 4 (ar 1, en 3)" in text  # that store's articles, not the seeds'
    assert "Shigeru Ishiba" not in text and "Pete Hegseth" in text
    assert "<iframe srcdoc=" in text
