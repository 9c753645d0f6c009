"""Codes that hold for a period (a user's dictionary: ``[AFGGOV 20011222-20041207]``) set by the date."""

from __future__ import annotations

from actorgraph.extract.records import Extraction
from actorgraph.ontology.gazetteer import load_gazetteer


def code_on(dated: list[tuple[str, str | None, str | None]], date: str | None) -> str:
    """The code in force on ``date``; with no date, the open-ended one; else the first given."""
    for code, start, end in dated:
        if date is None and end is None:
            return code
        if date is not None and (start is None or start <= date) and (end is None or date <= end):
            return code
    return dated[0][0] if dated else ""


def apply_dated_codes(extraction: Extraction) -> None:
    """Each entity with dated codes takes the one in force on the document's date."""
    entries = load_gazetteer().entries
    for entity in extraction.entities.values():
        entry = entries.get(entity.key)
        if entry is None or not entry.dated_codes:
            continue
        code = code_on(entry.dated_codes, extraction.document.date)
        entity.cameo = code
        if code[:3].isalpha():
            entity.country, entity.sector = code[:3], code[3:6]
