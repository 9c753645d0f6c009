"""Sections of RESULTS.md that a run with ``--only PART`` does not measure are kept from the file as it was,
each marked with the date of the run that measured it, with its rows of the targets table.

Parts: ``issue18`` (the store for a live feed, ``benchmarks/live.py``) and ``other`` (extraction, ingest of
extraction results, render, entity resolution). Sections of neither part (figures of a store layout the code
no longer writes) are dropped.
"""

from __future__ import annotations

import re

PARTS = ("issue18", "other")
_HEADINGS = {"issue18": ("Issue 18",),
             "other": ("Extraction", "Ingest of extraction results", "HTML render", "Entity resolution")}  # fmt: skip
_TARGETS = {"issue18": ("≤", "one-article", "a feed", "`actors`", "`stats`", "every shipped", "one-off"),
            "other": ("extraction", "entity resolution")}  # fmt: skip
_DATE = re.compile(r" on (\d{4}-\d{2}-\d{2} \d{2}:\d{2} [A-Z]+)")
_MARK = "_Measured on "


def part_of(text: str, table: dict[str, tuple[str, ...]]) -> str | None:
    return next((part for part, starts in table.items() if text.startswith(starts)), None)


def carried(old: str, measured: set[str]) -> tuple[list[str], list[str]]:
    """From the previous RESULTS.md: the target rows and the section lines of the parts not ``measured``."""
    found = _DATE.search(old)
    date = found.group(1) if found else "an earlier run"
    rows: list[str] = []
    sections: list[str] = []
    current: str | None = None  # the heading of the section being read
    keep = False
    mark_at = -1  # where the kept section's date line is
    for line in old.splitlines():
        if line.startswith("## "):
            current = line[3:]
            part = part_of(current, _HEADINGS)
            keep = part is not None and part not in measured
            if keep:
                sections += [line, "", f"{_MARK}{date}, by a run that did not measure this part again._"]
                mark_at = len(sections) - 1
            continue
        if current == "Targets" and line.startswith("| ") and not line.startswith(("| target |", "|---")):
            cells = [c.strip() for c in line.strip("|").split(" | ")]
            part = part_of(cells[0], _TARGETS)
            if len(cells) == 3 and part is not None and part not in measured:
                value = cells[1] if "(measured " in cells[1] else f"{cells[1]} (measured {date})"
                rows.append(f"| {cells[0]} | {value} | {cells[2]} |")
        elif keep and line.startswith(_MARK):
            sections[mark_at] = line  # carried before: the date of the run that measured it
        elif keep and not line.startswith("Only "):
            sections.append(line)
    return rows, sections
