"""Synthetic news text for the benchmarks: sentences and articles in Arabic and English.

Sentences are composed from the gazetteer (people with their current office, states, organisations,
treaties, summits, capitals) and the trigger lexicon (every relation, verb and noun forms, English
inflection, Arabic past and present stems), with the variations news has: subject-verb-object and
verb-subject-object order (Arabic), coordinated subjects, passives (English), titles with nationality
adjectives, dates and places, and modality cues (negation, hedging, future) on about a quarter of them.

The stores of the benchmarks are not written from here: ``benchmarks/records.py`` makes extraction
results, and the project's own code turns them into quads.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from actorgraph.ontology.gazetteer import GazEntry, load_gazetteer
from actorgraph.ontology.lexicon import TriggerRule, triggers

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
