"""make bench --only PART keeps the other part of RESULTS.md as it was, dated (benchmarks/carry.py)."""

from __future__ import annotations

from benchmarks.carry import carried

OLD = """# Benchmark results

Written by `make bench` (`python -m benchmarks`) on 2026-11-26 07:25 UTC, in 12.4 min.

## Targets

| target | measured | |
|---|---|---|
| extraction ≥ 1,000 sentences/s/core (ar, rule path) | 1,282 synthetic | met |
| 2-hop ego network on 10M < 200 ms (median actor) | 627 ms | **not met** |
| one-article ingest into a 10M-quad store: p50 < 0.5 s | 0.3 s | met |

## Extraction (rule path)

| corpus | lang |
|---|---|
| synthetic | ar |

## Bulk load and queries by store size

| quads | N-Quads |

## Issue 18: the store for a live feed

figures
"""


def test_the_part_not_measured_is_kept_dated_and_the_old_layouts_sections_dropped() -> None:
    rows, sections = carried(OLD, {"issue18"})
    assert rows == ["| extraction ≥ 1,000 sentences/s/core (ar, rule path) | 1,282 synthetic "
                    "(measured 2026-11-26 07:25 UTC) | met |"]  # fmt: skip
    assert sections[0] == "## Extraction (rule path)"
    assert "_Measured on 2026-11-26 07:25 UTC" in sections[2]
    assert "| synthetic | ar |" in sections
    assert not any("Bulk load" in line or "Issue 18" in line or line == "figures" for line in sections)


def test_a_section_carried_twice_keeps_the_date_it_was_measured() -> None:
    rows, sections = carried(OLD, {"issue18"})
    again = OLD.replace("2026-11-26 07:25 UTC", "2026-12-05 11:50 UTC").replace(
        OLD[OLD.index("## Targets") :], "## Targets\n\n| target | measured | |\n|---|---|---|\n" + "\n".join(rows)
        + "\n\n" + "\n".join(sections) + "\n")  # fmt: skip
    rows2, sections2 = carried(again, {"issue18"})
    assert rows2 == rows
    assert [s for s in sections2 if s.startswith("_Measured")] == [s for s in sections if s.startswith("_Measured")]
    other_rows, _ = carried(OLD, {"other"})
    assert other_rows == ["| one-article ingest into a 10M-quad store: p50 < 0.5 s | 0.3 s "
                          "(measured 2026-11-26 07:25 UTC) | met |"]  # fmt: skip
