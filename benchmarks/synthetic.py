"""Synthetic data for the benchmarks: news-like sentences, and triples in our RDF shape.

Sentences are composed from the gazetteer (people with their current office, states, organisations,
treaties, summits, capitals) and the trigger lexicon (every relation, verb and noun forms, English
inflection, Arabic past and present stems), with the variations news has: subject-verb-object and
verb-subject-object order (Arabic), coordinated subjects, passives (English), titles with nationality
adjectives, dates and places, and modality cues (negation, hedging, future) on about a quarter of them.

The triples for the large sizes (1M, 10M) are written directly as N-Quads in the shape
``actorgraph.graph.rdf`` builds (one named graph per document, a statement node per relation with its
evidence, plain triples for asserted ones, labels and codes of entities in every graph that mentions
them), with actors drawn from a skewed distribution so that a few are hubs, as in real news.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from actorgraph.graph.index import ENTITIES_GRAPH, NETWORK_GRAPH
from actorgraph.ontology.gazetteer import GazEntry, load_gazetteer
from actorgraph.ontology.lexicon import TriggerRule, triggers
from actorgraph.ontology.namespace import AG_IRI, AGR_IRI

ACTOR_TYPES = ("Person", "State", "Organization", "GovernmentBody", "MilitaryOrganization",
               "InternationalOrganization", "ArmedGroup")  # fmt: skip
OBJECT_TYPES = {
    "actor": ACTOR_TYPES,
    "doc": ("Treaty", "Law", "Document", "Strategy"),
    "event": ("Summit", "Event"),
    "place": ("State",),
}

# --- English -----------------------------------------------------------------------------------------

_IRREGULAR = {"meet": "met", "strike": "struck", "give": "gave", "take": "took", "slam": "slammed",
              "ban": "banned", "shell": "shelled", "hold": "held"}  # fmt: skip
_GAP_FILLERS = {"reach": "a new", "impose": "fresh", "give": "a", "deliver": "a", "launch": "new",
                "express": "deep", "voice": "strong", "raise": "serious", "call": ""}  # fmt: skip
_NEEDS_PREP = {"protest", "demonstrate", "participate", "part", "concerned"}
_EN_DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday", "on Sunday",
            "last week", "earlier this month", "on 12 March", "in June 2024", ""]  # fmt: skip
_EN_REASONS = ["over the border dispute", "amid rising tensions", "after months of talks", "", "", ""]


def _past(verb: str) -> str:
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ied"
    return verb + "ed"


@dataclass(frozen=True, slots=True)
class _Verb:
    past: str  # "imposed fresh sanctions" (the gap filled)
    base: str  # "impose fresh sanctions"
    prep: str  # preposition before the object ("" for a direct object)


def _en_verbs(rule: TriggerRule) -> list[_Verb]:
    out = []
    prep = rule.preps[0] if rule.preps else ""
    for form in rule.forms:
        if form.startswith("["):
            continue  # explicit surface forms ([met], [unfair]) stand beside their lemma
        words = form.split()
        if "..." in words:
            head, rest = words[0], [w for w in words[1:] if w != "..."]
            filler = _GAP_FILLERS.get(head, "a")
            past = " ".join(x for x in (_past(head), filler, *rest) if x)
            base = " ".join(x for x in (head, filler, *rest) if x)
            # "called for", "imposed sanctions on": the object follows the last word or the preposition.
            object_prep = "" if rest and rest[-1] in ("for", "on") else prep
            out.append(_Verb(past, base, object_prep))
        else:
            head = words[0]
            tail = " ".join(words[1:])
            past = " ".join(x for x in (_past(head), tail) if x)
            base = form
            needs = rule.frame == "sym" or head in _NEEDS_PREP or (tail and tail in _NEEDS_PREP)
            out.append(_Verb(past, base, prep if needs else ""))
    return out


# --- Arabic ------------------------------------------------------------------------------------------

# The lexicon stores normalised forms (no hamza, ه for ة, ي for ى); news writes them in full.
_AR_SPELLING = {"اصدر": "أصدر", "يصدر": "يصدر", "اقر": "أقر", "ايد": "أيد", "ادان": "أدان", "اغار": "أغار",
                "القي": "ألقى", "كلمه": "كلمة", "زياره": "زيارة", "شراكه": "شراكة", "اصدار": "إصدار",
                "علي": "على", "الي": "إلى", "داعيا": "داعيا", "هجوما": "هجوما", "دعا": "دعا"}  # fmt: skip
_AR_DAYS = ["يوم الاثنين", "يوم الثلاثاء", "يوم الأربعاء", "يوم الخميس", "اليوم السبت", "الأسبوع الماضي",
            "مطلع الشهر الجاري", ""]  # fmt: skip
_AR_REASONS = ["وسط تصاعد التوتر", "بعد أشهر من المحادثات", "", ""]


def _ar(word: str) -> str:
    return " ".join(_AR_SPELLING.get(w, w) for w in word.split())


@dataclass(frozen=True, slots=True)
class _ArVerb:
    past: str
    present: str
    gap: tuple[str, str] | None  # (before, after) when the form has a gap for the VSO subject
    prep: str


def _ar_verbs(rule: TriggerRule) -> list[_ArVerb]:
    forms = [f for f in rule.forms if rule.pos == "verb"]
    prep = _ar(rule.preps[0]) if rule.preps else ""
    pasts = [f for f in forms if not f.startswith("ي")]
    presents = [f for f in forms if f.startswith("ي")]
    out = []
    for i, past in enumerate(pasts):
        present = presents[i] if i < len(presents) else (presents[0] if presents else past)
        gap = None
        if "..." in past:
            before, after = (part.strip() for part in past.split("...", 1))
            gap = (_ar(before), _ar(after.split("|")[0]))
            past = f"{before} {after}"
        if "..." in present:
            present = present.replace("...", "").replace("  ", " ")
        out.append(_ArVerb(_ar(past), _ar(present), gap, prep))
    return out


# --- the actors --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Actor:
    key: str
    type: str
    en: str  # as a sentence would name it (with a title when it has one)
    ar: str
    iri: str
    country: str = ""


@lru_cache(maxsize=1)
def _actors() -> dict[str, list[Actor]]:
    gaz = load_gazetteer()
    out: dict[str, list[Actor]] = {}
    for e in gaz.entries.values():
        if e.type == "Position" or not e.label_en or not e.label_ar:
            continue
        en, ar = _titled(e, gaz.entries) if e.type == "Person" else (e.label_en, e.label_ar)
        if e.type in ("State",) and e.key.startswith("gaz:country-") and not (e.demonyms_en or e.capitals_en):
            continue  # territories news rarely names (CLDR has them all); keep the ones with more data
        if e.type in ("Treaty", "Law", "Document", "Strategy", "Summit", "Event") and not en.startswith("the "):
            en = "the " + en
        out.setdefault(e.type, []).append(Actor(e.key, e.type, en, ar, e.iri, e.country))
    return out


def _titled(person: GazEntry, entries: dict[str, GazEntry]) -> tuple[str, str]:
    """'Japanese Defense Minister Gen Nakatani' / 'وزير الدفاع الياباني جين ناكاتاني' when in office."""
    current = [h for h in person.holds if h.end is None]
    if not current:
        return person.label_en, person.label_ar
    office = entries.get(current[0].position)
    if office is None:
        return person.label_en, person.label_ar
    en_title = next((a for a in office.aliases_en if a.split()[0][:1].isupper() and " of " not in a), "")
    en = f"{en_title} {person.label_en}" if en_title else person.label_en
    ar = f"{office.label_ar} {person.label_ar}" if office.label_ar else person.label_ar
    return en, ar


def _pick(rng: random.Random, types: tuple[str, ...]) -> Actor:
    pool = _actors()
    available = [t for t in types if pool.get(t)]
    # News is about people and states first: weight them up.
    weights = [5 if t in ("Person", "State") else 1 for t in available]
    kind = rng.choices(available, weights)[0]
    return rng.choice(pool[kind])


@lru_cache(maxsize=1)
def _states_with_capitals() -> list[GazEntry]:
    entries = load_gazetteer().entries
    return [s for s in (entries.get(a.key) for a in _actors()["State"]) if s and s.capitals_en]


def _capital(rng: random.Random, lang: str) -> str:
    s = rng.choice(_states_with_capitals())
    return s.capitals_en[0] if lang == "en" else s.capitals_ar[0] if s.capitals_ar else s.label_ar


# --- sentences ---------------------------------------------------------------------------------------


def _types_of(rule: TriggerRule) -> tuple[str, ...]:
    out: list[str] = []
    for t in rule.types:
        out += OBJECT_TYPES.get(t, ())
    return tuple(dict.fromkeys(out)) or ACTOR_TYPES


V = TypeVar("V", "_Verb", "_ArVerb")  # a verb form of either language


def _event(
    rng: random.Random, lang: str, verbs_of: Callable[[TriggerRule], list[V]]
) -> tuple[TriggerRule, V, Actor, Actor]:
    """A verb trigger with one of its forms, an actor subject and a different object of the types it takes."""
    while True:
        rule = rng.choice([r for r in triggers(lang) if r.pos == "verb" and r.frame in ("sym", "act")])
        verbs = verbs_of(rule)
        if verbs:
            break
    verb = rng.choice(verbs)
    subj = _pick(rng, ACTOR_TYPES)
    obj = _pick(rng, _types_of(rule))
    while obj.key == subj.key:
        obj = _pick(rng, _types_of(rule))
    return rule, verb, subj, obj


def sentence_en(rng: random.Random) -> str:
    rule, verb, subj, obj = _event(rng, "en", _en_verbs)
    tail = " ".join(x for x in (rng.choice(_EN_REASONS), rng.choice(_EN_DAYS)) if x)
    where = f" in {_capital(rng, 'en')}" if rng.random() < 0.3 else ""
    o = f"{verb.prep} {obj.en}".strip()
    roll = rng.random()
    if roll < 0.08:
        text = f"{subj.en} did not {verb.base} {o}"
    elif roll < 0.12:
        text = f"{subj.en} refused to {verb.base} {o}"
    elif roll < 0.18:
        text = f"{subj.en} reportedly {verb.past} {o}"
    elif roll < 0.22:
        text = f"According to officials, {subj.en} {verb.past} {o}"
    elif roll < 0.27:
        text = f"{subj.en} will {verb.base} {o}"
    elif roll < 0.30:
        text = f"{subj.en} plans to {verb.base} {o}"
    elif rule.frame == "sym" and roll < 0.45:
        text = f"{subj.en} and {obj.en} {verb.past}"  # coordinated subjects of a symmetric verb
    elif rule.frame == "act" and not verb.prep and " " not in verb.past and roll < 0.40:
        text = f"{obj.en} was {verb.past} by {subj.en}"  # passive
    else:
        text = f"{subj.en} {verb.past} {o}"
    text = f"{text}{where} {tail}".strip()
    return text[0].upper() + text[1:] + "."


def sentence_ar(rng: random.Random) -> str:
    rule, verb, subj, obj = _event(rng, "ar", _ar_verbs)
    prep = verb.prep
    o = f"{prep}{obj.ar}" if prep in ("ب", "ل") else f"{prep} {obj.ar}".strip()
    tail = " ".join(x for x in (rng.choice(_AR_REASONS), rng.choice(_AR_DAYS)) if x)
    where = f" في {_capital(rng, 'ar')}" if rng.random() < 0.3 else ""
    if verb.gap is not None and len(subj.ar.split()) <= 5:
        vso = f"{verb.gap[0]} {subj.ar} {verb.gap[1]} {o}"  # the subject inside the verb phrase
    else:
        vso = f"{verb.past} {subj.ar} {o}"
    roll = rng.random()
    if roll < 0.10:
        text = f"لم {verb.present} {subj.ar} {o}" if verb.gap is None else f"{subj.ar} لم {verb.present} {o}"
    elif roll < 0.18:
        text = f"وفقا لمصادر، {vso}"
    elif roll < 0.26:
        text = f"من المقرر أن {verb.present} {subj.ar} {o}" if verb.gap is None else \
            f"{subj.ar} سوف {verb.present} {o}"
    elif roll < 0.65:
        text = vso  # verb-subject-object, the usual news order
    else:
        text = f"{subj.ar} {verb.past} {o}"  # subject-verb-object
    return f"{text}{where} {tail}".strip() + "."


def sentences(lang: str, n: int, seed: int = 0) -> list[str]:
    rng = random.Random(f"{lang}-{seed}")
    make = sentence_ar if lang == "ar" else sentence_en
    return [make(rng) for _ in range(n)]


def articles(lang: str, n_sentences: int, per_article: int = 20, seed: int = 0) -> list[str]:
    """Articles of ``per_article`` sentences (one a line, as news paragraphs), ``n_sentences`` in all."""
    pool = sentences(lang, n_sentences, seed)
    return ["\n".join(pool[i : i + per_article]) for i in range(0, len(pool), per_article)]


def write_jsonl(path: Path, n_sentences: int, langs: tuple[str, ...] = ("ar", "en"), seed: int = 0) -> int:
    """A JSONL corpus of both languages: returns the number of articles written."""
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for lang in langs:
            for i, text in enumerate(articles(lang, n_sentences // len(langs), seed=seed)):
                record = {"text": text, "title": f"synthetic {lang} {i}", "url": f"https://example.org/{lang}/{i}",
                          "date": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}", "lang": lang}  # fmt: skip
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                count += 1
    return count


# --- triples in our RDF shape ------------------------------------------------------------------------

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_PROV = "http://www.w3.org/ns/prov#"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_DCT = "http://purl.org/dc/terms/"
_NETWORK = NETWORK_GRAPH.n3()
_ENTITIES = ENTITIES_GRAPH.n3()


def _lit(text: str, lang: str = "") -> str:
    body = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{body}"@{lang}' if lang else f'"{body}"'


def _typed(value: object, dtype: str) -> str:
    return f'"{value}"^^<{_XSD}{dtype}>'


@dataclass(slots=True)
class _Entity:
    iri: str
    type: str
    en: str
    ar: str
    country: str
    alts: tuple[str, ...]
    synthetic: bool = False


def _universe(n_extra: int, rng: random.Random) -> list[_Entity]:
    """Gazetteer actors plus ``n_extra`` unknown people and organisations, as extraction mints them."""
    gaz = load_gazetteer()
    out = [
        _Entity(e.iri, e.type, e.label_en, e.label_ar, e.country, tuple(e.aliases_en[:2] + e.aliases_ar[:1]))
        for e in gaz.entries.values()
        if e.type != "Position" and e.label_en
    ]
    first = ["Ahmed", "Maria", "Wei", "Olena", "Karim", "John", "Aiko", "Fatima", "Lars", "Rahul", "Nadia", "Omar"]
    last = ["Haddad", "Kowalski", "Tanaka", "Silva", "Nasser", "Petrov", "Okafor", "Larsen", "Mehta", "Rahman"]
    countries = sorted({e.country for e in gaz.entries.values() if e.country})
    for i in range(n_extra):
        country = rng.choice(countries)
        if i % 3:
            name = f"{rng.choice(first)} {rng.choice(last)} {i}"
            iri = f"{AGR_IRI}person-{name.lower().replace(' ', '-')}"
            out.append(_Entity(iri, "Person", name, "", country, (name.split()[1],), True))
        else:
            name = f"Committee on {rng.choice(last)} Affairs {i}"
            iri = f"{AGR_IRI}governmentbody-{country.lower()}-{name.lower().replace(' ', '-')}"
            out.append(_Entity(iri, "GovernmentBody", name, "", country, (), True))
    return out


_MAJOR = ("usa", "chn", "rus", "isr", "irn", "ukr", "gbr", "fra", "deu", "tur", "sau", "egy", "jpn", "ind", "qat",
          "syr", "lbn", "irq", "pak", "kor")  # fmt: skip
RELATIONS = ("met", "agreedWith", "negotiatedWith", "cooperatesWith", "visited", "attended", "hosted",
             "signed", "criticized", "accused", "threatened", "sanctioned", "attacked", "supported",
             "opposed", "requested", "calledFor", "expressedConcernAbout")  # fmt: skip
MODALITIES = ("asserted",) * 7 + ("negated", "hedged", "future")


class TripleWriter:
    """Documents in our RDF shape, as N-Quads lines; actors drawn with Zipf-like weights (hubs exist)."""

    def __init__(self, seed: int = 0, extra_entities: int = 20_000, zipf: float = 0.9) -> None:
        self.rng = random.Random(seed)
        self.entities = _universe(extra_entities, self.rng)
        self.rng.shuffle(self.entities)
        # The states news is full of first, then gazetteer states and leaders, then the rest: the hubs are
        # the usual ones, the long tail is people nobody has heard of.
        major = {f"{AGR_IRI}country-{c}": i for i, c in enumerate(_MAJOR)}
        self.entities.sort(key=lambda e: (major.get(e.iri, len(major)), e.synthetic, e.type not in ("State", "Person")))
        n = len(self.entities)
        self.weights = [1.0 / (rank + 1) ** zipf for rank in range(n)]
        self.cum = list(_accumulate(self.weights))
        self.sentences = {"en": sentences("en", 400, seed), "ar": sentences("ar", 400, seed)}
        self.docs = 0
        # The actor-network index (graph/index.py) the bulk path writes beside the documents: each
        # asserted edge and each entity entry once.
        self.index: set[str] = set()

    def entity(self) -> _Entity:
        r = self.rng.random() * self.cum[-1]
        lo, hi = 0, len(self.cum) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if self.cum[mid] < r:
                lo = mid + 1
            else:
                hi = mid
        return self.entities[lo]

    def document(self, statements: int = 20) -> list[str]:
        """The N-Quads lines of one document graph with ``statements`` relation statements."""
        pairs = []
        for _ in range(statements):
            a, b = self.entity(), self.entity()
            while b.iri == a.iri:
                b = self.entity()
            pairs.append((a, b))
        return self.document_between(pairs)

    def document_between(self, pairs: list[tuple[_Entity, _Entity]]) -> list[str]:
        """One document graph with a relation statement between each pair of entities."""
        rng = self.rng
        statements = len(pairs)
        self.docs += 1
        lang = "ar" if self.docs % 2 else "en"
        digest = hashlib.sha256(f"doc{self.docs}".encode()).hexdigest()
        g = f"<{AGR_IRI}doc-{digest[:16]}>"
        out = [
            f"{g} <{_RDF}type> <{AG_IRI}SourceDocument> {g} .",
            f"{g} <{_RDF}type> <{_PROV}Entity> {g} .",
            f"{g} <{AG_IRI}language> {_lit(lang)} {g} .",
            f"{g} <{AG_IRI}sha256> {_lit(digest)} {g} .",
            f"{g} <{AG_IRI}sentenceCount> {_typed(statements + 5, 'integer')} {g} .",
            f"{g} <{_PROV}atLocation> {_lit(f'https://example.org/news/{self.docs}')} {g} .",
            f"{g} <{_DCT}date> {_typed(f'2025-{1 + self.docs % 12:02d}-{1 + self.docs % 28:02d}', 'date')} {g} .",
        ]
        seen: dict[str, _Entity] = {}
        for i, (a, b) in enumerate(pairs):
            seen[a.iri], seen[b.iri] = a, b
            rel = rng.choice(RELATIONS)
            modality = rng.choice(MODALITIES)
            s, p, o = f"<{a.iri}>", f"<{AG_IRI}{rel}>", f"<{b.iri}>"
            st = f"<{AGR_IRI}stmt-{hashlib.sha256(f'{g}{i}'.encode()).hexdigest()[:16]}>"
            if modality == "asserted":
                out.append(f"{s} {p} {o} {g} .")
                self.index.add(f"{s} {p} {o} {_NETWORK} .")
            start = rng.randrange(0, 2000)
            out += [
                f"{st} <{_RDF}type> <{AG_IRI}RelationStatement> {g} .",
                f"{st} <{_RDF}subject> {s} {g} .",
                f"{st} <{_RDF}predicate> {p} {g} .",
                f"{st} <{_RDF}object> {o} {g} .",
                f"{st} <{AG_IRI}modality> {_lit(modality)} {g} .",
                f"{st} <{AG_IRI}rule> {_lit(f'{lang}.{rel}.verb')} {g} .",
                f"{st} <{AG_IRI}confidence> {_typed(0.8, 'decimal')} {g} .",
                f"{st} <{AG_IRI}sentenceText> {_lit(rng.choice(self.sentences[lang]), lang)} {g} .",
                f"{st} <{AG_IRI}sentenceIndex> {_typed(i, 'integer')} {g} .",
                f"{st} <{AG_IRI}charStart> {_typed(start, 'integer')} {g} .",
                f"{st} <{AG_IRI}charEnd> {_typed(start + 6, 'integer')} {g} .",
                f"{st} <{_PROV}wasDerivedFrom> {g} {g} .",
                f"{st} <{AG_IRI}ploverType> {_lit('CONSULT')} {g} .",
            ]
        for e in seen.values():
            s = f"<{e.iri}>"
            out.append(f"{s} <{_RDF}type> <{AG_IRI}{e.type}> {g} .")
            out.append(f"{s} <{_SKOS}prefLabel> {_lit(e.en, 'en')} {g} .")
            if e.ar:
                out.append(f"{s} <{_SKOS}prefLabel> {_lit(e.ar, 'ar')} {g} .")
            for alt in e.alts:
                lang_alt = "ar" if any("\u0600" <= c <= "\u06ff" for c in alt) else "en"
                out.append(f"{s} <{_SKOS}altLabel> {_lit(alt, lang_alt)} {g} .")
            if e.country:
                out.append(f"{s} <{AG_IRI}countryCode> {_lit(e.country)} {g} .")
            self.index.add(f"{s} <{_RDF}type> <{AG_IRI}{e.type}> {_ENTITIES} .")
            self.index.add(f"{s} <{_SKOS}prefLabel> {_lit(e.en, 'en')} {_ENTITIES} .")
            if e.ar:
                self.index.add(f"{s} <{_SKOS}prefLabel> {_lit(e.ar, 'ar')} {_ENTITIES} .")
            if e.country:
                self.index.add(f"{s} <{AG_IRI}countryCode> {_lit(e.country)} {_ENTITIES} .")
        return out

    def quads(self, n: int) -> Iterator[str]:
        """About ``n`` quads (whole documents, then the index of what they say), as lines."""
        written = 0
        while written + len(self.index) < n:
            lines = self.document()
            written += len(lines)
            yield from lines
        yield from sorted(self.index)


def _accumulate(values: list[float]) -> Iterator[float]:
    total = 0.0
    for v in values:
        total += v
        yield total


def write_nquads(path: Path, n: int, seed: int = 0) -> int:
    """About ``n`` quads of synthetic documents to ``path``; returns the number of lines written."""
    writer = TripleWriter(seed)
    count = 0
    with path.open("w", encoding="utf-8") as out:
        batch: list[str] = []
        for line in writer.quads(n):
            batch.append(line)
            if len(batch) >= 100_000:
                out.write("\n".join(batch) + "\n")
                count += len(batch)
                batch = []
        if batch:
            out.write("\n".join(batch) + "\n")
            count += len(batch)
    return count
