"""The records the mention finder works on: tokens (``Tok``), mentions found (``Hit``) and the document's
entity table (``Entities``), with the helpers that name offices and compose English labels."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from actorgraph.extract import roles
from actorgraph.extract.lang import profile
from actorgraph.extract.lang.ar.translit import transliterate
from actorgraph.extract.lookup import Tables
from actorgraph.extract.records import Entity, Mention
from actorgraph.ontology.gazetteer import GazEntry
from actorgraph.ontology.lexicon import Head, Title

# Labels of new entities are composed in English whatever the document's language.
_EN = profile("en")


def takes_the(label: str) -> bool:
    """Does an English country label take "the" after "of" (the United States, the Netherlands)?"""
    return any(label == p or label.startswith(p + " ") for p in _EN.words("the countries:cased"))


@dataclass(slots=True)
class Tok:
    i: int
    start: int
    end: int
    text: str
    keys: dict[str, str]
    sent: int
    cap: bool = False
    punct: bool = False
    space: bool = False


@dataclass(slots=True)
class Office:
    """A title as read so far: its lexicon entry, the role key and English label of the office (a portfolio or
    posting may have refined them), and the owner's key ("" when none is named)."""

    title: Title
    role: str
    label: str
    owner: str = ""


@dataclass(slots=True)
class Hit:
    start: int  # token index
    end: int  # exclusive
    key: str  # entity key
    type: str
    kind: str  # name | adj | capital | title | head | alias | anaphor
    coord: bool = False  # the first token carries a conjunction (و…)
    position: str = ""  # title hits: key of the office
    affiliation: str = ""  # title hits: key of the country or organisation
    title_end: int = -1  # title hits: token index where the title part ends
    alternatives: list[str] = field(default_factory=list)  # ambiguous gazetteer names
    extra: list[tuple[str, str]] = field(default_factory=list)  # further (office, affiliation) of stacked titles


class Entities:
    """The document's entity table: gazetteer entries and new actors, each with its mentions."""

    def __init__(self, tables: Tables, lang: str, text: str) -> None:
        self.tables = tables
        self.lang = lang
        self.text = text
        self.table: dict[str, Entity] = {}

    def gaz(self, key: str) -> GazEntry | None:
        return self.tables.gazetteer.entries.get(key)

    def ensure_gaz(self, key: str) -> Entity:
        entity = self.table.get(key)
        if entity is None:
            entry = self.tables.gazetteer.entries[key]
            entity = Entity(
                key=key,
                type=entry.type,
                label_en=entry.label_en or transliterate(entry.label_ar),  # the gazetteer's Arabic label, romanised
                label_ar=entry.label_ar,
                aliases=[*entry.aliases_en, *entry.aliases_ar],
                country=entry.country,
                sector=entry.sector,
                cameo=entry.cameo,
                gazetteer_iri=entry.iri,
            )
            self.table[key] = entity
        return entity

    def ensure_new(self, type_: str, label_en: str, label_ar: str = "", country: str = "", sector: str = "") -> Entity:
        name = re.sub(r"\s+", " ", (label_en or label_ar).strip().lower())
        key = f"new:{type_}:{name}" + (f"|{country}" if country and type_ not in ("Person",) else "")
        entity = self.table.get(key)
        if entity is None:
            entity = Entity(key=key, type=type_, label_en=label_en, label_ar=label_ar, country=country, sector=sector)
            self.table[key] = entity
        else:
            if label_ar and not entity.label_ar:
                entity.label_ar = label_ar
            if country and not entity.country:
                entity.country = country
        return entity

    def add_mention(self, key: str, toks: list[Tok], start: int, end: int) -> None:
        if end <= start:
            return
        a, b = toks[start].start, toks[end - 1].end
        entity = self.table.get(key)
        if entity is not None:
            entity.mentions.append(Mention(a, b, self.text[a:b], toks[start].sent))

    def country_label(self, iso3: str) -> str:
        entry = self.tables.gazetteer.country(iso3)
        return entry.label_en if entry else iso3

    def position(self, role: str, label: str, owner_key: str, start: str | None = None) -> Entity:
        """The office ``role`` of a country or organisation (gazetteer entry when there is one)."""
        owner = self.gaz(owner_key) if owner_key.startswith("gaz:") else None
        owner_code = ""
        if owner is not None:
            owner_code = owner.country if owner.type == "State" else owner.key
        entry = self.tables.gazetteer.position(role, owner_code) if owner_code else None
        if entry is not None:
            return self.ensure_gaz(entry.key)
        owner_entity = self.table.get(owner_key) if owner_key else None
        if owner_entity is None:
            return self.ensure_new("Position", label)
        owner_label = owner_entity.label_en
        if owner_entity.type == "State" and takes_the(owner_label):
            owner_label = "the " + owner_label
        label_ar = ""
        return self.ensure_new(
            "Position", f"{label} of {owner_label}", label_ar, country=owner_entity.country, sector="GOV"
        )


def person_position(entities: Entities, person_key: str, role: str, owner: str = "") -> str:
    """The gazetteer office a known person holds (or held) with this role, if any; with an organisation as
    owner, the office they hold in it whatever its role (ra'is al-majlis: the Speaker of that council)."""
    entry = entities.gaz(person_key)
    if entry is None:
        return ""
    for holding in entry.holds:
        office = entities.gaz(holding.position)
        if office is not None and (office.role == role or roles.family(office.role) == roles.family(role)):
            return holding.position
        if office is not None and owner and office.organization == owner:
            return holding.position
    return ""


def compose_label(head: Head, modifiers: list[str]) -> str:
    """English name from a head and its (already English) modifiers, Arabic order reversed."""
    mods = [m for m in modifiers if m]
    if "{}" in head.english:  # a template: "Amendment to the {} Law"
        return " ".join(head.english.replace("{}", " ".join(reversed(mods))).split())
    if not mods:
        return head.english
    if head.english in _EN.words("of heads:cased"):
        return f"{head.english} of {' '.join(reversed(mods))}"
    return f"{' '.join(reversed(mods))} {head.english}"


def title_case(text: str) -> str:
    small = _EN.words("title case small")
    words = text.split()
    return " ".join(w if (i and w.lower() in small) else w[:1].upper() + w[1:] for i, w in enumerate(words))
