"""Knowledge is data: extraction code holds mechanisms, lexicon files hold words.

Walks the AST of every module under ``actorgraph/extract/`` and fails on
- an Arabic-script string literal outside ``extract/lang/ar/``;
- a set, list or tuple display of more than three string literals anywhere in ``extract/``;
- a module longer than 600 lines or a function longer than 80 lines.

``LEGACY`` lists the modules still being moved to data; each entry is a debt, and the list only shrinks.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

EXTRACT = Path(__file__).resolve().parents[2] / "actorgraph" / "extract"
ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
MAX_STRINGS = 3
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 80

LEGACY: set[str] = set()


def _modules() -> list[Path]:
    return sorted(p for p in EXTRACT.rglob("*.py") if p.relative_to(EXTRACT).as_posix() not in LEGACY)


def _string_constants(node: ast.AST) -> int:
    elts = getattr(node, "elts", [])
    return sum(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in elts)


def _targets(node: ast.Assign) -> list[str]:
    return [t.id for t in node.targets if isinstance(t, ast.Name)]


def violations(path: Path) -> list[str]:
    rel = path.relative_to(EXTRACT).as_posix()
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    found: list[str] = []
    if source.count("\n") > MAX_MODULE_LINES:
        found.append(f"{rel}: {source.count(chr(10))} lines (max {MAX_MODULE_LINES})")
    in_ar = rel.startswith("lang/ar/")
    # Names exported (__all__) and type arguments (Literal[...]) are not word lists.
    exempt = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Assign) and _targets(n) == ["__all__"]}
    exempt |= {id(n.slice) for n in ast.walk(tree) if isinstance(n, ast.Subscript)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and not in_ar and ARABIC.search(node.value):
            found.append(f"{rel}:{node.lineno}: Arabic literal outside lang/ar/")
        if (
            isinstance(node, (ast.Set, ast.List, ast.Tuple))
            and id(node) not in exempt
            and _string_constants(node) > MAX_STRINGS
        ):
            found.append(f"{rel}:{node.lineno}: a word list of {_string_constants(node)} strings")
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > MAX_FUNCTION_LINES:
                found.append(f"{rel}:{node.lineno}: {node.name} is {length} lines (max {MAX_FUNCTION_LINES})")
    return found


@pytest.mark.parametrize("path", _modules(), ids=lambda p: p.relative_to(EXTRACT).as_posix())
def test_module_holds_no_word_lists(path: Path) -> None:
    assert violations(path) == []


def test_the_check_catches_a_word_list(tmp_path: Path) -> None:
    bad = EXTRACT / "_probe_for_test.py"
    try:
        bad.write_text('WORDS = {"said", "told", "added", "noted"}\nAR = "قال"\n', encoding="utf-8")
        found = violations(bad)
    finally:
        bad.unlink()
    assert any("word list of 4" in f for f in found) and any("Arabic literal" in f for f in found)


def test_legacy_entries_exist() -> None:
    """A legacy entry whose module is gone (or clean) must be dropped from the list."""
    for rel in LEGACY:
        path = EXTRACT / rel
        assert path.exists(), f"{rel} no longer exists: drop it from LEGACY"
        assert violations(path), f"{rel} is clean now: drop it from LEGACY"
