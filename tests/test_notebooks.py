"""The notebooks run from top to bottom in a fresh kernel, so they cannot rot."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


@cache
def executed(name: str) -> nbformat.NotebookNode:
    """The notebook after running every cell; a cell that raises fails the test (CellExecutionError)."""
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
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
    text = outputs(executed("exploring_the_actor_graph.ipynb"))
    assert "2 documents" in text  # the seed story in Arabic and in English
    assert "<table" in text  # pandas frames from SPARQL and networkx
    assert "Japan" in text and "اليابان" in text
    assert "balance" in text and "betweenness" in text
    assert "<iframe srcdoc=" in text and "vis-network" in text  # the page, inline
