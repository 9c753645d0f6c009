"""Read a dev set (id, text, expected triples, note) and compare an Extraction with it.

Labels are compared the way ../shared/eval/score.py does: case and punctuation aside, as an order-free
set of words ('Japanese Minister of Defence' = 'Defense Minister of Japan'), or as a close spelling of a
multi-word name. An expected label written in Arabic is compared with the entity's Arabic label.
"""

from __future__ import annotations

import csv
import difflib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from actorgraph.extract.formats import named_relations
from actorgraph.extract.lang.ar.normalize import is_arabic, normalize
from actorgraph.extract.records import Entity, Extraction
from actorgraph.ontology.namespace import SYMMETRIC_RELATIONS

DATA = Path(__file__).parent / "data"
STOP = {"of", "the", "for", "and", "s"}
SYNONYMS = {
    "defence": "defense", "us": "united states", "usa": "united states", "american": "united states",
    "japanese": "japan", "chinese": "china", "russian": "russia", "british": "united kingdom",
    "uk": "united kingdom", "french": "france", "german": "germany", "indian": "india", "saudi": "saudi arabia",
    "ukrainian": "ukraine", "iranian": "iran", "israeli": "israel", "egyptian": "egypt", "turkish": "turkey",
    "australian": "australia", "secretary": "minister", "foreign": "foreign", "affairs": "",
}  # fmt: skip


@dataclass(frozen=True)
class Expected:
    subject: str
    relation: str
    object: str
    modality: str


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    expected: tuple[Expected, ...]
    note: str


def load(name: str) -> list[Case]:
    cases = []
    with (DATA / name).open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            expected = []
            if row["expected"].strip() not in ("-", ""):
                for part in row["expected"].split(";;"):
                    s, r, o, m = (x.strip() for x in part.split("|"))
                    expected.append(Expected(s, r, o, m))
            cases.append(Case(row["id"], row["text"], tuple(expected), row.get("note", "")))
    return cases


def norm_label(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold().replace("’", "'")
    text = re.sub(r"[^\w\s]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def signature(label: str) -> frozenset[str]:
    text = re.sub(r"\bu s\b", "us", norm_label(label))
    words: set[str] = set()
    for word in text.split():
        if word not in STOP:
            words.update(SYNONYMS.get(word, word).split())
    return frozenset(words)


def label_matches(expected: str, entity: Entity) -> bool:
    if is_arabic(expected):
        want = normalize(re.sub(r"\s+", " ", expected.strip()))
        return any(normalize(x) == want for x in [entity.label_ar, *entity.aliases] if x)
    for label in [entity.label_en, *entity.aliases]:
        if not label or is_arabic(label):
            continue
        if norm_label(label) == norm_label(expected) or signature(label) == signature(expected):
            return True
        a, b = norm_label(label), norm_label(expected)
        if len(a.split()) >= 2 and len(b.split()) >= 2 and difflib.SequenceMatcher(None, a, b).ratio() >= 0.85:
            return True
    return False


@dataclass
class Comparison:
    found: list[Expected]
    missed: list[Expected]
    extra: list[tuple[str, str, str, str]]  # asserted triples not expected
    wrong_modality: list[Expected]


def compare(case: Case, extraction: Extraction) -> Comparison:
    ents = extraction.entities
    # The triples, as `extract --format tsv` prints them: an event with a party the text does not name is
    # no triple between named entities, which is all the dev sets annotate.
    named = named_relations(extraction)
    produced = [(ents[r.subject], r.relation, ents[r.object], r.modality) for r in named]

    def same(exp: Expected, subj: Entity, rel: str, obj: Entity) -> bool:
        if rel.lower() != exp.relation.lower():
            return False
        if label_matches(exp.subject, subj) and label_matches(exp.object, obj):
            return True
        return rel in SYMMETRIC_RELATIONS and label_matches(exp.subject, obj) and label_matches(exp.object, subj)

    found, missed, wrong = [], [], []
    for exp in case.expected:
        matches = [p for p in produced if same(exp, p[0], p[1], p[2])]
        if exp.modality == "asserted":
            if any(p[3] == "asserted" for p in matches):
                found.append(exp)
            elif matches:
                wrong.append(exp)
            else:
                missed.append(exp)
        else:
            # A non-asserted claim must never come out as asserted; finding it with the right modality counts.
            if any(p[3] == "asserted" for p in matches):
                wrong.append(exp)
            elif any(p[3] == exp.modality for p in matches):
                found.append(exp)
            else:
                missed.append(exp)
    extra = []
    for subj, rel, obj, modality in produced:
        if modality != "asserted":
            continue
        if not any(same(exp, subj, rel, obj) for exp in case.expected):
            extra.append((subj.label, rel, obj.label, modality))
    return Comparison(found, missed, extra, wrong)
