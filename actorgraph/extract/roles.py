"""Office roles as data (``ontology/lexicon/roles.tsv``): their family, whether one person holds them at a
time, and the English name of the office with no owner."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from actorgraph.ontology import LEXICON_DIR


@dataclass(frozen=True, slots=True)
class Role:
    key: str
    family: str
    one_holder: bool
    label: str


@lru_cache(maxsize=1)
def roles() -> dict[str, Role]:
    text = (LEXICON_DIR / "roles.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    out: dict[str, Role] = {}
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        key = row["role"].strip()
        family = (row.get("family") or "").strip() or key
        out[key] = Role(key, family, (row.get("one_holder") or "").strip() == "yes", (row.get("label") or "").strip())
    return out


def family(role: str) -> str:
    """The family of a role (president, king, emir → head_of_state); a role outside the table is its own."""
    found = roles().get(role)
    return found.family if found is not None else role


def one_holder(role: str) -> bool:
    found = roles().get(role)
    return found is not None and found.one_holder


def generic_label(role: str, fallback: str) -> str:
    found = roles().get(role)
    return found.label if found is not None and found.label else fallback
