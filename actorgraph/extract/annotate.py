"""What an event's sentence says around it: when, where, and who its actors are as codes.

Runs on a finished ``Extraction`` (sentences, entity mentions with spans, relations) and fills what event
records need:

- the document's date from a dateline when the reader found none, else from ``$ACTORGRAPH_DOCUMENT_DATE``
  (the command line's ``--date``);
- each relation's ``date``: the date written in its sentence nearest its trigger (28 July 2017, on
  October 28), or a weekday or yesterday (also in Arabic) read against the document's date (``date_basis`` sentence or
  relative), else the document's date (``date_basis`` document), with ``date_precision`` day, month, year;
- ``place``: a city or state named after a locative word or proclitic (in Singapore, Arabic fi, bi-) in the
  sentence, the one nearest the trigger, when it is not one of the event's own arguments;
- the actors' CAMEO codes (``extract.codes``);
- and first, names without honorifics and bare surnames joined to the full name (``extract.names``).

The words are data (``lexicon/wordsets_<lang>_dates.tsv``, ``wordsets_<lang>_event_places.tsv``).
"""

from __future__ import annotations

import os
from collections.abc import Callable

from actorgraph.extract import dates
from actorgraph.extract.codes import assign_codes
from actorgraph.extract.lang import profile, read_wordsets
from actorgraph.extract.lookup import ar_keys, en_keys
from actorgraph.extract.names import clean_names, join_surnames
from actorgraph.extract.records import Extraction, Mention, Sentence

PLACE_TYPES = ("City", "State")
DATE_ENV = "ACTORGRAPH_DOCUMENT_DATE"  # the date of documents that give none (the CLI's --date)
_KEYS: dict[str, Callable[[str], dict[str, str]]] = {"ar": ar_keys, "en": en_keys}


def annotate(ex: Extraction) -> Extraction:
    clean_names(ex)
    join_surnames(ex)
    if not ex.document.date:
        ex.document.date = dates.document_date(ex.document.text, ex.document.lang) or os.environ.get(DATE_ENV)
    date_events(ex)
    place_events(ex)
    assign_codes(ex)
    party_texts(ex)
    return ex


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])


def date_events(ex: Extraction) -> None:
    """Set each relation's date, precision and basis (see the module)."""
    sentences = {s.index: s for s in ex.sentences}
    found: dict[int, list[dates.DateMention]] = {}
    doc_date = ex.document.date
    for rel in ex.relations:
        sentence = sentences.get(rel.sentence)
        if sentence is not None and rel.sentence not in found:
            found[rel.sentence] = _sentence_dates(sentence, ex.document.lang)
        # Days and months before bare years ("in 2019"); the nearest to the trigger first.
        span = (rel.start, rel.end)
        ranked = sorted(
            found.get(rel.sentence, []), key=lambda m: (m.precision == "year", _distance((m.start, m.end), span))
        )
        for mention in ranked:
            value = dates.resolve_mention(mention, doc_date, future=rel.modality == "future")
            if value:
                rel.date, rel.date_precision = value, mention.precision
                rel.date_basis = "relative" if mention.relative else "sentence"
                break
        else:
            rel.date = doc_date[:10] if doc_date else None
            rel.date_precision = _precision(doc_date) if doc_date else ""
            rel.date_basis = "document" if doc_date else ""


def _precision(value: str) -> str:
    return "day" if len(value) >= 10 else "month" if len(value) >= 7 else "year"


def _sentence_dates(sentence: Sentence, lang: str) -> list[dates.DateMention]:
    shift = sentence.start
    return [
        dates.DateMention(m.start + shift, m.end + shift, m.value, m.precision, m.relative)
        for m in dates.find_dates(sentence.text, lang)
    ]


def _locative(ex: Extraction, mention: Mention) -> bool:
    """Whether a place mention follows a locative word or carries a locative proclitic."""
    lang = ex.document.lang
    sets = read_wordsets(lang)
    prepositions = profile(lang).words("event_place_preposition") if "event_place_preposition" in sets else frozenset()
    proclitics = profile(lang).words("event_place_proclitic") if "event_place_proclitic" in sets else frozenset()
    before = ex.document.text[max(0, mention.start - 30) : mention.start].split()
    if before and profile(lang).normalize(before[-1]) in prepositions:
        return True
    words = mention.text.split()
    keys = _KEYS.get(lang, en_keys)(words[0]) if words else {}
    return any(p in pro for p in proclitics for pro in keys.values())


def party_texts(ex: Extraction) -> None:
    """Each event's parties as the sentence names them ("Syrian government" for Syria): the mention of each in
    the event's sentence nearest its trigger; nothing for a party the sentence does not name."""
    for rel in ex.relations:
        if not rel.plover:
            continue
        rel.subject_text = _nearest_text(ex, rel.subject, rel.sentence, (rel.start, rel.end))
        # an unnamed party keeps the phrase its frame read ("condemned the attack": "the attack")
        rel.object_text = _nearest_text(ex, rel.object, rel.sentence, (rel.start, rel.end)) or rel.object_text


def _nearest_text(ex: Extraction, key: str, sentence: int, trigger: tuple[int, int]) -> str:
    entity = ex.entities.get(key)
    found = [m for m in entity.mentions if m.sentence == sentence] if entity is not None else []
    if not found:
        return ""
    return min(found, key=lambda m: _distance((m.start, m.end), trigger)).text


def place_events(ex: Extraction) -> None:
    """Set each relation's place: the nearest city or state named after a locative word in its sentence."""
    places: dict[int, list[tuple[Mention, str]]] = {}
    for entity in ex.entities.values():
        if entity.type in PLACE_TYPES:
            for m in entity.mentions:
                if _locative(ex, m):
                    places.setdefault(m.sentence, []).append((m, entity.key))
    for rel in ex.relations:
        candidates = [(m, key) for m, key in places.get(rel.sentence, []) if key not in (rel.subject, rel.object)]
        if candidates:
            _, rel.place = min(candidates, key=lambda c: _distance((c[0].start, c[0].end), (rel.start, rel.end)))

