"""Language profiles, the way spaCy keeps ``spacy/lang/xx/``: what one language needs, behind one interface.

A profile gives the normaliser, match keys for a token, and word sets read from lexicon files
(``ontology/lexicon/wordsets_<lang>*.tsv``: one word a line with its set name and a note). The core asks
``profile(lang)`` for these and never switches on the language itself. Adding a language is adding a folder
``lang/xx/`` with a ``PROFILE`` and its lexicon files.
"""

from __future__ import annotations

import csv
import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from types import ModuleType

CASED = ":cased"


@lru_cache(maxsize=8)
def read_wordsets(lang: str) -> dict[str, tuple[str, ...]]:
    """Every word set of a language, as written in its lexicon files (set name → words in file order)."""
    sets: dict[str, list[str]] = {}
    folder = resources.files("actorgraph.ontology").joinpath("lexicon")
    names = sorted(
        p.name for p in folder.iterdir() if p.name.startswith(f"wordsets_{lang}") and p.name.endswith(".tsv")
    )
    for name in names:
        text = folder.joinpath(name).read_text(encoding="utf-8")
        lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row.get("set") and row.get("word"):
                sets.setdefault(row["set"].strip(), []).append(row["word"].strip())
    return {key: tuple(words) for key, words in sets.items()}


@dataclass(frozen=True)
class Profile:
    """What the language-neutral core needs to know about one language."""

    lang: str
    normalize: Callable[[str], str]
    """Text → the form words are compared in (Arabic orthography folded; English lower-cased)."""
    hooks: dict[str, Callable[..., object]] = field(default_factory=dict)
    """Named language hooks (pronoun subject, apposition, title, place); absent when the language needs none."""

    def words(self, name: str) -> frozenset[str]:
        """A word set by name, normalised (a set named ``...:cased`` keeps its words as written)."""
        return _words(self.lang, name)

    def phrases(self, name: str) -> tuple[tuple[str, ...], ...]:
        """A set of multi-word entries, each split on spaces and normalised word by word."""
        raw = read_wordsets(self.lang).get(name, ())
        return tuple(tuple(self.normalize(w) for w in entry.split()) for entry in raw)

    def hook(self, name: str) -> Callable[..., object] | None:
        return self.hooks.get(name)

    def has_words(self, name: str) -> bool:
        """Does the language define this word set? (A set a language has no use for is simply absent.)"""
        return name in read_wordsets(self.lang)

    def part(self, name: str) -> ModuleType:
        """A module of the language's folder by name (``lang/<lang>/<name>.py``), e.g. its relation grammar."""
        return importlib.import_module(f"actorgraph.extract.lang.{self.lang}.{name}")


@lru_cache(maxsize=512)
def _words(lang: str, name: str) -> frozenset[str]:
    raw = read_wordsets(lang).get(name)
    if raw is None:
        raise KeyError(f"no word set {name!r} for {lang!r} in ontology/lexicon/wordsets_{lang}*.tsv")
    if name.endswith(CASED):
        return frozenset(raw)
    return frozenset(profile(lang).normalize(w) for w in raw)


@lru_cache(maxsize=8)
def profile(lang: str) -> Profile:
    """The profile of ``lang`` (a folder ``lang/<lang>/`` exporting ``PROFILE``)."""
    try:
        module = importlib.import_module(f"actorgraph.extract.lang.{lang}")
    except ModuleNotFoundError:
        raise ValueError(f"no language profile for {lang!r}") from None
    found: Profile = module.PROFILE
    return found
