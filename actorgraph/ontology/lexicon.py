"""Load the lexicons (trigger words, titles, head nouns, glossary, modality cues, boilerplate) as records."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from actorgraph.ontology import LEXICON_DIR


def _rows(name: str) -> list[dict[str, str]]:
    path: Path = LEXICON_DIR / name
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(lines, delimiter="\t")]


@dataclass(frozen=True, slots=True)
class TriggerRule:
    lang: str
    relation: str  # default relation; see relation_for
    by_type: tuple[tuple[str, str], ...]  # (object type, relation) overrides
    plover: str
    frame: str  # sym | act | eval | body
    pos: str  # verb | noun | part | nom
    forms: tuple[str, ...]  # patterns as written in the lexicon
    preps: tuple[str, ...]
    window: int
    types: tuple[str, ...]
    exceptions: tuple[tuple[str, str], ...] = ()
    """(kind, value) pairs that cancel the trigger: ``followed-by:of`` (the next word; "warned of"),
    ``clause-has:SET`` (a word of the language's word set SET in the rest of the clause; a phone call)."""

    def relation_for(self, object_type: str) -> str:
        for type_name, relation in self.by_type:
            if type_name == object_type:
                return relation
        return self.relation


@dataclass(frozen=True, slots=True)
class Title:
    lang: str
    form: str
    role: str
    label: str


@dataclass(frozen=True, slots=True)
class Head:
    lang: str
    form: str
    type: str
    english: str
    anaphoric: bool


@dataclass(frozen=True, slots=True)
class Cue:
    lang: str
    modality: str
    form: str
    scope: str


def triggers(lang: str) -> tuple[TriggerRule, ...]:
    """Our trigger rows, then the verbs of the dictionaries in force (``--dictionary``)."""
    from actorgraph.ontology.dictionaries import configured, dictionary_triggers

    return own_triggers(lang) + dictionary_triggers(lang, configured())


@lru_cache(maxsize=4)
def own_triggers(lang: str) -> tuple[TriggerRule, ...]:
    out = []
    for row in _rows(f"triggers_{lang}.tsv"):
        relation, *overrides = row["relation"].split(";")
        by_type = tuple(tuple(o.split("=", 1)) for o in overrides if "=" in o)
        out.append(
            TriggerRule(
                lang=lang,
                relation=relation,
                by_type=by_type,  # type: ignore[arg-type]
                plover=row["plover"],
                frame=row["frame"],
                pos=row["pos"],
                forms=tuple(f.strip() for f in row["forms"].split("|") if f.strip()),
                preps=tuple(p for p in row["preps"].split("|") if p and p != "-"),
                window=int(row["window"] or 6),
                types=tuple(row["types"].split("|")),
                exceptions=_exceptions(row.get("exceptions", "")),
            )
        )
    return tuple(out)


EXCEPTION_KINDS = frozenset({"followed-by", "clause-has"})


def _exceptions(cell: str) -> tuple[tuple[str, str], ...]:
    out = []
    for item in (cell or "").split("|"):
        kind, _, value = item.strip().partition(":")
        if not item.strip() or item.strip() == "-":
            continue
        if kind not in EXCEPTION_KINDS or not value:
            raise ValueError(f"trigger exception {item!r}: expected one of {sorted(EXCEPTION_KINDS)} and ':value'")
        out.append((kind, value))
    return tuple(out)


@lru_cache(maxsize=1)
def relation_traits() -> dict[str, frozenset[str]]:
    """Relation name → what relation finding needs to know of it (relation_traits.tsv), e.g. ``met`` takes a
    direct partner ("received X") and a meeting puts its parties at an event ("on the sidelines of")."""
    return {r["relation"]: frozenset(t for t in r["traits"].split("|") if t) for r in _rows("relation_traits.tsv")}


def relations_with(trait: str) -> frozenset[str]:
    return frozenset(rel for rel, traits in relation_traits().items() if trait in traits)


@lru_cache(maxsize=1)
def titles() -> tuple[Title, ...]:
    return tuple(Title(r["lang"], r["form"], r["role"], r["label"]) for r in _rows("titles.tsv"))


def heads() -> tuple[Head, ...]:
    """Our head nouns, then the agents (nouns with a sector) of the dictionaries in force."""
    from actorgraph.ontology.dictionaries import configured, dictionary_heads

    return own_heads() + dictionary_heads(configured())


@lru_cache(maxsize=1)
def own_heads() -> tuple[Head, ...]:
    return tuple(
        Head(r["lang"], r["form"], r["type"], r["english"], r["anaphoric"] == "yes") for r in _rows("heads.tsv")
    )


@lru_cache(maxsize=1)
def cues() -> tuple[Cue, ...]:
    return tuple(Cue(r["lang"], r["modality"], r["form"], r["scope"]) for r in _rows("cues.tsv"))


@lru_cache(maxsize=1)
def glossary_ar_en() -> dict[str, str]:
    out: dict[str, str] = {}
    for path in sorted(LEXICON_DIR.glob("glossary_ar_en*.tsv")):
        for row in _rows(path.name):
            out.setdefault(row["ar"], row["en"])
    return out


@lru_cache(maxsize=1)
def boilerplate() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for row in _rows("boilerplate.tsv"):
        out.setdefault(row["lang"], set()).add(row["line"])
    return {lang: frozenset(lines) for lang, lines in out.items()}
