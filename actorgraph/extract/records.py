"""The data model that flows out of extraction: plain dataclasses, no spaCy, no RDF.

Offsets are character offsets into ``Document.text`` (the cleaned text that was analysed).
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal, get_args

from actorgraph.ontology.vocabulary import vocabulary

Modality = Literal["asserted", "negated", "hedged", "future"]
MODALITIES: tuple[str, ...] = get_args(Modality)

# Entity types are the ontology's class local names (ag:Person, ag:State, ...), read once from actorgraph.ttl.
ACTOR_TYPES = vocabulary().actor_types
DOCUMENT_TYPES = vocabulary().document_types
EVENT_TYPES = vocabulary().event_types
OTHER_TYPES = vocabulary().other_types
ENTITY_TYPES = vocabulary().entity_types


@dataclass(slots=True)
class Document:
    """A source article after decoding and cleaning."""

    id: str
    text: str
    lang: str
    source: str = ""
    title: str = ""
    date: str | None = None  # ISO date of publication when known
    raw_sha256: str = ""

    @property
    def sha256(self) -> str:
        return self.raw_sha256 or hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    is_heading: bool = False


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    sentence: int


@dataclass(slots=True)
class Entity:
    """An actor, document, event or position found in one document.

    ``key`` is the gazetteer id (``gaz:...``) for known entities, else a document-local key
    (``new:Person:...``); graph building turns it into an IRI and merges across documents.
    """

    key: str
    type: str
    label_en: str
    label_ar: str = ""
    aliases: list[str] = field(default_factory=list)
    country: str = ""  # ISO 3166-1 alpha-3 the entity belongs to, when known
    sector: str = ""  # CAMEO sector code(s), e.g. GOV, MIL, GOVMIL
    cameo: str = ""  # full CAMEO actor code, e.g. JPNGOVMIL
    gazetteer_iri: str = ""
    mentions: list[Mention] = field(default_factory=list)
    stand_in: bool = False  # stands for a party the text does not name (an incident's unidentified attackers)

    @property
    def label(self) -> str:
        return self.label_en or self.label_ar

    @property
    def cameo_code(self) -> str:
        return self.cameo or (self.country + self.sector if self.country else self.sector)


@dataclass(slots=True)
class Relation:
    subject: str  # Entity.key
    relation: str  # ontology property local name, e.g. "met"
    object: str  # Entity.key
    sentence: int
    start: int  # evidence span: the trigger (or title) in Document.text
    end: int
    rule: str
    modality: Modality = "asserted"
    plover: str = ""  # PLOVER event type, e.g. CONSULT
    confidence: float = 0.8
    date: str | None = None  # ISO date of the event when it could be resolved
    date_precision: str = ""  # day | month | year
    date_basis: str = ""  # sentence (a date in it) | relative (a weekday, yesterday) | document (its date)
    place: str = ""  # Entity.key of the place where the event happened
    subject_code: str = ""  # CAMEO code of the subject as the event's actor (JPNGOV, IGOUNO), see extract.codes
    subject_sector: str = ""
    object_code: str = ""
    object_sector: str = ""
    subject_text: str = ""  # the words naming the subject in the sentence (as event data's "source text")
    object_text: str = ""


@dataclass(slots=True)
class Extraction:
    document: Document
    sentences: list[Sentence] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)

    def entity(self, key: str) -> Entity:
        return self.entities[key]

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": {**asdict(self.document), "sha256": self.document.sha256},
            "sentences": [asdict(s) for s in self.sentences],
            "entities": [asdict(e) for e in self.entities.values()],
            "relations": [asdict(r) for r in self.relations],
        }
