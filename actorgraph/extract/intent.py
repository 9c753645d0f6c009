"""A promised or planned act is coded as the intent to do it, a refused one as a rejection
(``lexicon/plover_intent.tsv``).

"Germany will send aid to Ukraine" keeps its relation (``providedAidTo``, modality future) and is a
PLOVER AGREE; "X will strike Y" is a THREATEN. Only the PLOVER type changes: the triple stays a future
claim, never a fact. Likewise "Turkey refused to meet Greece" keeps ``met`` negated and is a PLOVER REJECT,
as CAMEO codes a refusal to meet (125); "did not meet" stays no event of its own.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from functools import lru_cache

from actorgraph.extract.lang import profile
from actorgraph.extract.records import Extraction, Relation, Sentence
from actorgraph.ontology import LEXICON_DIR

REFUSAL_REACH = 4  # a refusal cue ends at most this many words before the act: "refused to even meet"
_WORD = re.compile(r"[\w']+")
_IN_WORD = "'-."  # punctuation inside a clause: won't, Jae-in, U.S.


@lru_cache(maxsize=1)
def _rows() -> tuple[dict[str, str], ...]:
    lines = [x for x in (LEXICON_DIR / "plover_intent.tsv").read_text(encoding="utf-8").splitlines()
             if x.strip() and not x.startswith("#")]  # fmt: skip
    return tuple(csv.DictReader(lines, delimiter="\t"))


@lru_cache(maxsize=1)
def intent_types() -> dict[str, str]:
    return {row["type"]: row["intent"] for row in _rows() if row.get("intent")}


@lru_cache(maxsize=1)
def refusal_types() -> dict[str, str]:
    return {row["type"]: row["refusal"] for row in _rows() if row.get("refusal")}


def code_intents(extraction: Extraction) -> None:
    table = intent_types()
    for rel in extraction.relations:
        if rel.modality == "future" and rel.plover in table:
            rel.plover = table[rel.plover]


def code_refusals(extraction: Extraction) -> None:
    """A negated or planned act right after a refusal cue (word set "refusal cues": refused to, will not,
    cancelled) is a rejection: its PLOVER type becomes the refusal type of plover_intent.tsv, and a planned one
    is negated ("cancelled a planned visit")."""
    table = refusal_types()
    lang = extraction.document.lang
    # "cancelled a planned visit": the plan's future yields to the refusal before it
    todo = [r for r in extraction.relations if r.modality in ("negated", "future") and r.plover in table]
    if not todo or not lang or not profile(lang).has_words("refusal cues"):
        return
    cues = profile(lang).phrases("refusal cues")
    sentences = {s.index: s for s in extraction.sentences}
    for rel in todo:
        before = _words_before(extraction.document.text, rel, sentences.get(rel.sentence), lang)
        if any(_occurs(cue, before) for cue in cues):
            rel.plover, rel.modality = table[rel.plover], "negated"


def _words_before(text: str, rel: Relation, sentence: Sentence | None, lang: str) -> list[str]:
    """The last words of the act's clause before its trigger, normalised."""
    start = sentence.start if sentence is not None else max(0, rel.start - 200)
    clause = text[start : rel.start]
    breaks = [i for i, c in enumerate(clause) if unicodedata.category(c)[0] == "P" and c not in _IN_WORD]
    clause = clause[breaks[-1] + 1 :] if breaks else clause
    norm = profile(lang).normalize
    return [norm(w) for w in _WORD.findall(clause)][-REFUSAL_REACH:]


def _occurs(cue: tuple[str, ...], words: list[str]) -> bool:
    n = len(cue)
    return any(tuple(words[i : i + n]) == cue for i in range(len(words) - n + 1))
