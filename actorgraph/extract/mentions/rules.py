"""What the language-neutral mention finder asks of a language: named hooks, one ``MentionRules`` a language.

A language folder ``lang/<lang>/`` exports ``RULES`` from its ``mentions.py``. Each hook takes the finder (its
tokens, tables, hits and entity table) and token indexes; a hook that finds something adds the hit itself and
returns where it ends.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from actorgraph.extract.lookup import NameHit
from actorgraph.ontology.gazetteer import GazEntry
from actorgraph.ontology.lexicon import Head

if TYPE_CHECKING:
    from actorgraph.extract.mentions.base import Hit, Office
    from actorgraph.extract.mentions.finder import MentionFinder


@dataclass(frozen=True)
class MentionRules:
    cased: bool
    """Names are capitalised (a gazetteer name matches only on a capitalised or numeric first token)."""
    head_initial: bool
    """A noun stands before what it governs (Arabic idarat Trump); else after (the Trump administration)."""
    coord: Callable[[MentionFinder, int, str], bool]
    """Does the mention at token i (with these proclitics) start a conjunct?"""
    title_at: Callable[[MentionFinder, int, int], int | None]
    """A title with its owner and holder (foreign minister X, wazir al-kharijiya X)."""
    place_at: Callable[[MentionFinder, int, int], int | None]
    """A place noun with its name (the city of X, madinat X)."""
    head_at: Callable[[MentionFinder, int, int, int, Head, str], int | None]
    """A head noun at i..j with its modifiers: an organisation, document or event."""
    unknown_name: Callable[[MentionFinder, int, int], int]
    """Where an unknown person's name starting at k ends (k when there is none)."""
    apposition_at: Callable[[MentionFinder, int, int], int | None]
    """An unknown name followed by its office between commas."""
    apposition_after: Callable[[MentionFinder, int, int, int, str, str], int | None]
    """A known person (i..n_end) followed by their office between commas."""
    country_anaphor_at: Callable[[MentionFinder, int], int | None]
    """A noun standing for a state named before (his country, biladuhu, al-mamlaka)."""
    adjective_kind: Callable[[MentionFinder, int, int, int, str, list[NameHit]], tuple[int, str]]
    """A state name or adjective: (its end, its kind), "adjmod" when it only describes a noun, "" when the words
    name no actor ("ethnic Albanians")."""
    courtesy: Callable[[MentionFinder, int], bool]
    """A word between a title and a name that leaves the office unchanged (Sheikh, al-amir, al-mustaqilla)."""
    stacked_title: Callable[[MentionFinder, int, int, int, Office, str], int | None]
    """A second title before the name: two offices of one person."""
    qualifier_stop: Callable[[MentionFinder, int, int], bool]
    """Does the word at q end the short qualifier that may stand between a title and a known name?"""
    new_person: Callable[[MentionFinder, int, int], str]
    """A new person named by tokens start..end (with their family name as a document alias): its key."""
    person_alias: Callable[[MentionFinder, GazEntry], str]
    """The key by which a known person's family name names them later in the document, or ""."""
    place_label: Callable[[MentionFinder, str], tuple[str, str]]
    """(English label, native label) of a new place written ``surface``."""
    same_head: Callable[[MentionFinder, Hit, Head], bool]
    """May an anaphoric head (the army, al-jaysh) stand for this earlier hit?"""
    group_at: Callable[[MentionFinder, int, int, int, GazEntry], int | None] = lambda f, i, n_end, end, entry: None
    """A group of a state's people named by the state and a group noun (i..n_end is the state: "Afghan rebels",
    "Ivory Coast rebels"): the group's own actor; a language without the hook has none."""
    group_of_place_at: Callable[[MentionFinder, int, int], int | None] = lambda f, i, end: None
    """A group noun followed by where its people are ("protesters in southern Nepal", "workers in Brazil"): the
    group's own actor, of that place's state; a language without the hook has none."""


@lru_cache(maxsize=8)
def rules_for(lang: str) -> MentionRules:
    try:
        module = importlib.import_module(f"actorgraph.extract.lang.{lang}.mentions")
    except ModuleNotFoundError:
        raise ValueError(f"no mention rules for {lang!r} (lang/{lang}/mentions.py)") from None
    found: MentionRules = module.RULES
    return found
