"""Fixtures of the reliability suite."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability.helpers import SEED_AR, SEED_EN, invoke


@pytest.fixture
def seeded_store(tmp_path: Path) -> Path:
    """A store holding the two seed articles (Arabic and English), built by the CLI."""
    path = tmp_path / "store"
    result = invoke("ingest", str(SEED_AR), str(SEED_EN), "--store", str(path), "--no-bulk")
    assert result.exit_code == 0 and result.stdout.startswith("2 new"), result.output
    return path
