"""Synthetic extraction results: ``Extraction`` records shaped like what extraction gives on real news.

The benchmarks of the store build their stores from these records with the project's own code
(``graph.store.ingest`` or the bulk path, ``graph.bulk.bulk_ingest``), never from hand-written RDF, so
they measure whatever layout the code writes.

What an article holds is a :class:`Profile`: how many relations (the counts of real articles), the share
that come from titles (``holdsPosition`` with ``affiliatedWith``: "Saudi Foreign Minister Faisal bin
Farhan"), the event relations and modalities in their real proportions, entities per relation, the share
of gazetteer entities, sentences per article, and how often a relation carries a date, a place, a PLOVER
type and actor codes. :data:`PROFILE` is what 24 real articles gave (tests/heldout/texts and seeds/,
2026-12-05); :func:`measure_profile` measures it again on any extractions, and the benchmark generates
from the profile it measures on those texts at run time.

Actors are drawn with Zipf weights (a few hubs, a long tail): gazetteer actors with the states news is
full of first, and unknown people and committees (``new:...`` keys, as extraction mints them) beside them.
"""

from __future__ import annotations

import bisect
import itertools
import random
import re
import statistics
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from actorgraph.extract.records import ACTOR_TYPES, Document, Entity, Extraction, Mention, Relation, Sentence
from actorgraph.ontology.gazetteer import GazEntry, load_gazetteer
from actorgraph.ontology.lexicon import triggers
from actorgraph.ontology.vocabulary import vocabulary
from benchmarks.synthetic import sentences

ROOT = Path(__file__).resolve().parents[1]
REAL_TEXTS = (ROOT / "tests" / "heldout" / "texts", ROOT / "seeds")
TITLE_RELATIONS = ("holdsPosition", "affiliatedWith")


@dataclass(frozen=True)
class Profile:
    """What extraction gives per article (see the module docstring)."""

    relations: tuple[int, ...]  # relations in each real article: one is drawn per synthetic article
    sentences: tuple[int, ...]  # sentences in each real article
    entities_per_relation: float
    title_share: float  # relations that are holdsPosition or affiliatedWith
    known_share: float  # entities from the gazetteer (the rest: new:... keys)
    events: dict[str, int]  # other relations, counted
    modalities: dict[str, int]
    dated: float  # relations with an event date
    placed: float  # relations with an event place
    coded: float  # relations with the subject's CAMEO code

    def summary(self) -> str:
        return (f"{statistics.mean(self.relations):.1f} relations ({self.title_share:.0%} from titles), "
                f"{statistics.mean(self.relations) * self.entities_per_relation:.1f} entities "
                f"({self.known_share:.0%} in the gazetteer), {statistics.mean(self.sentences):.1f} sentences "
                f"per article; {self.dated:.0%} dated, {self.placed:.0%} placed")  # fmt: skip


# Measured with measure_profile on tests/heldout/texts and seeds/ (24 articles, default model), 2026-12-05.
PROFILE = Profile(
    relations=(21, 22, 20, 16, 15, 8, 38, 30, 12, 13, 35, 29, 14, 22, 22, 14, 20, 23, 19, 13, 21, 28, 24, 22),
    sentences=(15, 15, 12, 12, 13, 13, 15, 17, 14, 14, 15, 15, 16, 18, 15, 14, 12, 16, 15, 15, 14, 17, 16, 14),
    entities_per_relation=1.255,
    title_share=0.583,
    known_share=0.828,
    events={"met": 26, "visited": 21, "signed": 17, "attacked": 17, "criticized": 14, "negotiatedWith": 13,
            "hosted": 12, "requested": 11, "attended": 11, "passed": 11, "sanctioned": 10, "accused": 8,
            "agreedWith": 8, "supported": 7, "cooperatesWith": 4, "expressedConcernAbout": 3, "deployedTo": 3,
            "issued": 3, "spokeWith": 2, "opposed": 2, "threatened": 2, "coerced": 1, "ceasefireWith": 1,
            "locatedIn": 1, "expelled": 1},  # fmt: skip
    modalities={"asserted": 465, "future": 18, "hedged": 11, "negated": 7},
    dated=0.046,
    placed=0.150,
    coded=0.990,
)


def measure_profile(extractions: Sequence[Extraction]) -> Profile:
    """The profile of real extraction results."""
    rels = [r for ex in extractions for r in ex.relations]
    entities = [e for ex in extractions for e in ex.entities.values()]
    n = max(1, len(rels))
    return Profile(
        relations=tuple(len(ex.relations) for ex in extractions),
        sentences=tuple(len(ex.sentences) for ex in extractions),
        entities_per_relation=len(entities) / n,
        title_share=sum(r.relation in TITLE_RELATIONS for r in rels) / n,
        known_share=sum(e.key.startswith("gaz:") for e in entities) / max(1, len(entities)),
        events=dict(Counter(r.relation for r in rels if r.relation not in TITLE_RELATIONS)),
        modalities=dict(Counter(r.modality for r in rels)),
        dated=sum(bool(r.date) for r in rels) / n,
        placed=sum(bool(r.place) for r in rels) / n,
        coded=sum(bool(r.subject_code) for r in rels) / n,
    )


def real_paths() -> list[Path]:
    """The real articles: held-out texts and the seed articles (Arabic ``*.txt``, English ``*.en.txt``)."""
    return sorted(p for folder in REAL_TEXTS for p in folder.glob("*.txt"))


def real_language(path: Path) -> str:
    return "en" if path.name.startswith("en_") or path.name.endswith(".en.txt") else "ar"


def real_extractions(model: str | None = None) -> list[Extraction]:
    """The real articles extracted as ``actorgraph ingest`` extracts them (the default model unless given)."""
    from actorgraph.extract import extract_path

    return [extract_path(p, lang=real_language(p), model=model) for p in real_paths()]


# --- the actors ------------------------------------------------------------------------------------------

_MAJOR = ("usa", "chn", "rus", "isr", "irn", "ukr", "gbr", "fra", "deu", "tur", "sau", "egy", "jpn", "ind", "qat",
          "syr", "lbn", "irq", "pak", "kor")  # fmt: skip
_FIRST = ("Ahmed", "Maria", "Wei", "Olena", "Karim", "John", "Aiko", "Fatima", "Lars", "Rahul", "Nadia", "Omar")
_LAST = ("Haddad", "Kowalski", "Tanaka", "Silva", "Nasser", "Petrov", "Okafor", "Larsen", "Mehta", "Rahman")


def gazetteer_entity(entry: GazEntry) -> Entity:
    """The record extraction makes of a gazetteer entry (``extract.mentions.base.Entities.ensure_gaz``)."""
    return Entity(key=entry.key, type=entry.type, label_en=entry.label_en, label_ar=entry.label_ar,
                  aliases=[*entry.aliases_en, *entry.aliases_ar], country=entry.country, sector=entry.sector,
                  cameo=entry.cameo, gazetteer_iri=entry.iri)  # fmt: skip


@dataclass(frozen=True, slots=True)
class _New:
    """An actor the gazetteer does not know, as extraction mints it (``Entities.ensure_new``)."""

    type: str
    label: str
    country: str
    sector: str = ""

    def entity(self) -> Entity:
        key = f"new:{self.type}:{self.label.lower()}" + (f"|{self.country}" if self.type != "Person" else "")
        return Entity(key=key, type=self.type, label_en=self.label, country=self.country, sector=self.sector)


_NEW_TYPES = frozenset({"Person", "GovernmentBody"})  # the types of the unknown actors below


class _Zipf:
    """Draws from ``items`` with weight 1/(rank+1)^s."""

    def __init__(self, items: Sequence[object], s: float) -> None:
        self.items = list(items)
        self.cum = list(itertools.accumulate(1.0 / (r + 1) ** s for r in range(len(self.items))))

    def draw(self, rng: random.Random) -> object:
        return self.items[min(bisect.bisect_left(self.cum, rng.random() * self.cum[-1]), len(self.items) - 1)]


@lru_cache(maxsize=1)
def _object_types() -> dict[str, tuple[str, ...]]:
    """Relation → the entity types its object may have, from the trigger lexicon (both languages)."""
    out: dict[str, set[str]] = {}
    groups = {"actor": ACTOR_TYPES, "doc": vocabulary().document_types, "event": vocabulary().event_types,
              "place": vocabulary().places}  # fmt: skip
    for rule in (*triggers("en"), *triggers("ar")):
        kinds = set().union(*(groups.get(t, {t}) for t in rule.types)) or set(ACTOR_TYPES)
        out.setdefault(rule.relation, set()).update(kinds)
        for kind, relation in rule.by_type:
            out.setdefault(relation, set()).add(kind)
    return {r: tuple(sorted(k)) for r, k in out.items()}


# --- the articles ------------------------------------------------------------------------------------------


@dataclass
class ArticleWriter:
    """Synthetic extraction results, one article at a time (deterministic for a seed and a stream).

    ``seed`` fixes the actors (so two writers of one seed share them); ``stream`` the articles: a feed
    of new articles into a store built with stream 0 uses another stream, and its documents are new."""

    seed: int = 0
    stream: str = "archive"
    profile: Profile = PROFILE
    new_actors: int = 20_000
    zipf: float = 0.9
    count: int = field(default=0, init=False)

    def __post_init__(self) -> None:
        rng = random.Random(f"actors-{self.seed}")
        entries = load_gazetteer().entries
        known = [e for e in entries.values() if e.type in ACTOR_TYPES and (e.label_en or e.label_ar)]
        rng.shuffle(known)
        major = {f"gaz:country-{c}": i for i, c in enumerate(_MAJOR)}
        known.sort(key=lambda e: (major.get(e.key, len(major)), e.type not in ("State", "Person")))
        self.known = _Zipf(known, self.zipf)
        by_type: dict[str, list[GazEntry]] = {}
        for e in entries.values():
            if e.label_en or e.label_ar:
                by_type.setdefault(e.type, []).append(e)
        self.by_type = by_type
        self.positions = [e for e in by_type.get("Position", []) if e.country]
        self.office = {e.key: next((h.position for h in e.holds if h.end is None and h.position in entries), "")
                       for e in known if e.type == "Person"}  # fmt: skip
        countries = sorted({e.country for e in entries.values() if e.country})
        new: list[_New] = []
        for i in range(self.new_actors):
            country = rng.choice(countries)
            if i % 3:
                new.append(_New("Person", f"{rng.choice(_FIRST)} {rng.choice(_LAST)} {i}", country))
            else:
                new.append(_New("GovernmentBody", f"Committee on {rng.choice(_LAST)} Affairs {i}", country, "GOV"))
        self.new = _Zipf(new, self.zipf)
        self.rng = random.Random(f"articles-{self.seed}-{self.stream}")
        self.pool = {lang: sentences(lang, 400, self.seed) for lang in ("ar", "en")}
        p = self.profile
        self.events = list(p.events)
        self.event_weights = [p.events[r] for r in self.events]
        self.modality_list = list(p.modalities)
        self.modality_weights = [p.modalities[m] for m in self.modality_list]

    # One article -------------------------------------------------------------------------------------

    def article(self) -> Extraction:
        rng, p = self.rng, self.profile
        self.count += 1
        n = self.count
        lang = "ar" if n % 2 else "en"
        texts = [rng.choice(self.pool[lang]) for _ in range(rng.choice(p.sentences))]
        sents, offset = [], 0
        for i, text in enumerate(texts):
            sents.append(Sentence(i, offset, offset + len(text), text))
            offset += len(text) + 1
        date = f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}"
        doc = Document(id=f"{self.stream}-{self.seed}-{n}", text="\n".join(texts), lang=lang,
                       source=f"https://example.org/{self.stream}/{self.seed}/{n}", title=f"synthetic {lang} {n}",
                       date=date)  # fmt: skip
        ex = Extraction(doc, sents)
        wanted = rng.choice(p.relations)
        self.cast = max(2, round(wanted * p.entities_per_relation))  # entities the article names
        # A title gives two relations: drawn with this chance, they are title_share of the relations.
        title_draw = p.title_share / (2 - p.title_share)
        while len(ex.relations) < wanted:
            sentence = rng.choice(sents)
            if rng.random() < title_draw:
                self._title(ex, sentence, lang)
            else:
                self._event(ex, sentence, lang)
        for _ in range(10 * self.cast):
            if len(ex.entities) >= self.cast:
                break
            self._mention(ex, self._actor(ex), rng.choice(sents))  # named, in no relation
        return ex

    def articles(self, n: int) -> Iterator[Extraction]:
        for _ in range(n):
            yield self.article()

    def _actor(self, ex: Extraction, types: tuple[str, ...] = ()) -> Entity:
        """An actor of ``types`` (any actor when empty): one the article named already, as news names the
        same actors again, the more often the closer the article is to its cast; else a new one, from the
        gazetteer or not so that the article keeps the profile's share of gazetteer entities."""
        rng = self.rng
        if rng.random() < len(ex.entities) / self.cast:
            named = [e for e in ex.entities.values() if e.type in (types or ACTOR_TYPES)]
            if named:
                return rng.choice(named)
        known = sum(k.startswith("gaz:") for k in ex.entities)
        if (types and not set(types) & _NEW_TYPES) or known < self.profile.known_share * (len(ex.entities) + 1):
            for _ in range(50):
                entry = self.known.draw(rng)
                assert isinstance(entry, GazEntry)
                if not types or entry.type in types:
                    return gazetteer_entity(entry)
            pool = [e for t in types for e in self.by_type.get(t, [])]
            if pool:
                return gazetteer_entity(rng.choice(pool))
        while True:
            new = self.new.draw(rng)
            assert isinstance(new, _New)
            if not types or new.type in types:
                return new.entity()

    def _mention(self, ex: Extraction, entity: Entity, sentence: Sentence) -> Entity:
        held = ex.entities.setdefault(entity.key, entity)
        held.mentions.append(Mention(sentence.start, min(sentence.end, sentence.start + 12), sentence.text[:12],
                                     sentence.index))  # fmt: skip
        return held

    def _relation(self, ex: Extraction, subj: Entity, relation: str, obj: Entity, sentence: Sentence,
                  rule: str, **extra: object) -> None:  # fmt: skip
        rng, p = self.rng, self.profile
        subj, obj = self._mention(ex, subj, sentence), self._mention(ex, obj, sentence)
        start = sentence.start + rng.randrange(max(1, len(sentence.text) - 8))
        if rng.random() < p.dated:
            extra.update(date=ex.document.date, date_precision="day", date_basis="document")
        if rng.random() < p.placed:
            places = tuple(sorted(vocabulary().places))
            extra["place"] = self._mention(ex, self._actor(ex, places), sentence).key
        code = subj.cameo_code if rng.random() < p.coded else ""
        ex.relations.append(Relation(subj.key, relation, obj.key, sentence.index, start, start + 8, rule,
                                     subject_code=code, subject_sector=subj.sector if code else "",
                                     object_code=obj.cameo_code if code and obj.type in ACTOR_TYPES else "",
                                     **extra))  # type: ignore[arg-type]  # fmt: skip

    def _title(self, ex: Extraction, sentence: Sentence, lang: str) -> None:
        """'Japanese Defense Minister Gen Nakatani': holdsPosition and affiliatedWith, with the office's
        holder when the gazetteer knows one, else an unknown person."""
        rng = self.rng
        person = self._actor(ex, ("Person",))
        office = self.office.get(person.key, "") if person.key.startswith("gaz:") else ""
        entries = load_gazetteer().entries
        position = entries[office] if office else rng.choice(self.positions)
        place = position.organization or f"gaz:country-{position.country.lower()}"
        if place not in entries:
            return
        rule, confidence = f"{lang}.title", 0.9
        self._relation(ex, person, "holdsPosition", gazetteer_entity(position), sentence, rule, confidence=confidence)
        self._relation(ex, person, "affiliatedWith", gazetteer_entity(entries[place]), sentence, rule,
                       confidence=confidence)  # fmt: skip

    def _event(self, ex: Extraction, sentence: Sentence, lang: str) -> None:
        rng = self.rng
        relation = rng.choices(self.events, self.event_weights)[0]
        subj = self._actor(ex)
        obj = self._actor(ex, _object_types().get(relation, tuple(sorted(ACTOR_TYPES))))
        if obj.key == subj.key:
            return
        modality = rng.choices(self.modality_list, self.modality_weights)[0]
        verb = re.sub(r"(?<!^)([A-Z])", r"_\1", relation).lower()
        self._relation(ex, subj, relation, obj, sentence, f"{lang}.{verb}.verb", modality=modality,
                       plover=vocabulary().plover.get(relation, ""))  # fmt: skip
