"""Mentions of actors, offices, documents and events in tokenised text (``MentionFinder``), and the records
they are made of. Language-neutral: each language's hooks live in ``lang/<lang>/mentions.py``."""

from __future__ import annotations

from actorgraph.extract.lang import profile
from actorgraph.extract.mentions.base import Entities, Hit, Tok, compose_label, person_position, title_case

__all__ = [
    "EN_DETERMINERS",
    "STRONG_PUNCT",
    "Entities",
    "Hit",
    "Tok",
    "compose_label",
    "person_position",
    "title_case",
]

# Kept for the relation finder, which reads them by these names.
EN_DETERMINERS = profile("en").words("determiners")
STRONG_PUNCT = profile("ar").words("strong punctuation:cased") | profile("en").words("strong punctuation:cased")
