"""Text in, ``Extraction`` out: ``extract_text`` and ``extract_path`` (textacy-style functional API)."""

from __future__ import annotations

from pathlib import Path

from actorgraph.extract.read import ExtractionError, make_document, read_document
from actorgraph.extract.records import Document, Entity, Extraction, Mention, Relation, Sentence

__all__ = [
    "Document",
    "Entity",
    "Extraction",
    "ExtractionError",
    "Mention",
    "Relation",
    "Sentence",
    "extract_document",
    "extract_path",
    "extract_text",
]


def extract_document(document: Document, model: str | None = None) -> Extraction:
    """``model``: English spaCy package to add its NER ("none": rules only; None: the installed default)."""
    from actorgraph.extract.annotate import annotate
    from actorgraph.extract.pipeline import extract_document as run

    try:
        return annotate(run(document, model))
    except ValueError as err:  # a configured model that is not installed
        raise ExtractionError(str(err)) from None


def extract_text(
    text: str, lang: str | None = None, source: str = "", date: str | None = None, model: str | None = None
) -> Extraction:
    """Extract actors and relations from article text (language detected when not given)."""
    return extract_document(make_document(text, lang=lang, source=source, date=date), model)


def extract_path(
    path: Path | str, lang: str | None = None, date: str | None = None, model: str | None = None
) -> Extraction:
    """Extract from one article file (UTF-8, UTF-16 or a legacy Arabic encoding; plain text or HTML)."""
    return extract_document(read_document(path, lang=lang, date=date), model)
