"""CAMEO codes of the actors of each event: country (or IGO) and sector, as event-data users know them.

A body's code comes from what it is: its gazetteer code, else its owner's country and the sector its type
or its head word gives (``lexicon/actor_codes.tsv``: ministry → GOV, army → MIL, police → COP ...). A
person's code comes from the office held at the event's date (the gazetteer's dated holdings, else the
``holdsPosition`` links of the same document, the same sentence first) and from ``affiliatedWith``: the
country of the office or of the state named with the person, the sector of the office (its gazetteer
sector, else its head word), else of the body the person belongs to ("a Hamas spokesman" → PSE REB).

Entity-level codes of bodies go on the ``Entity`` (they do not change); a person's code is written per
event on the ``Relation`` (``subject_code``/``subject_sector``, ``object_code``/``object_sector``), since the
same person may hold another office in another article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from actorgraph.extract.lang import profile
from actorgraph.extract.lookup import lexicon_rules
from actorgraph.extract.records import ACTOR_TYPES, Entity, Extraction, Relation
from actorgraph.ontology.codes import code_rules
from actorgraph.ontology.gazetteer import GazEntry, Gazetteer, load_gazetteer

_WORD = re.compile(r"\w+(?:-\w+)*")
_GAP = re.compile(r"\w+(?:[-.]\w+)*|'s?")
MAX_TITLE_WORDS = 5
Code = tuple[str, str]  # (CAMEO prefix: ISO3 or an IGO code such as IGOUNO, sector)


def _tokens(lang: str, label: str) -> list[set[str]]:
    """Each word of a label as the set of forms it may be compared in (Arabic: every clitic reading)."""
    norm, keys = profile(lang).normalize, lexicon_rules(lang).token_keys
    return [{norm(word), *keys(word), *norm(word).split("-")} for word in _WORD.findall(label)]


@lru_cache(maxsize=8)
def _lexicon(lang: str) -> dict[str, tuple[tuple[int, tuple[str, ...], str], ...]]:
    """First word → (rank in the file, words, sector) of the rows that start with it."""
    by_first: dict[str, list[tuple[int, tuple[str, ...], str]]] = {}
    for rank, (key, code) in enumerate(code_rules().words.get(lang, ())):
        words = tuple(profile(lang).normalize(w) for w in key.split())
        by_first.setdefault(words[0], []).append((rank, words, code))
    return {first: tuple(rows) for first, rows in by_first.items()}


def text_sector(lang: str, text: str) -> str:
    """The sector of the first row of the lexicon whose word(s) ``text`` holds (specific sectors are listed
    first: "police forces" is COP, not MIL), or ""."""
    toks = _tokens(lang, text)
    rules = _lexicon(lang)
    best: tuple[int, str] | None = None
    for i, forms in enumerate(toks):
        for form in forms:
            for rank, words, code in rules.get(form, ()):
                if (best is None or rank < best[0]) and all(
                    i + k < len(toks) and w in toks[i + k] for k, w in enumerate(words)
                ):
                    best = (rank, code)
    return best[1] if best else ""


def word_sector(entity: Entity | GazEntry) -> str:
    """The sector an English or Arabic label gives (see :func:`text_sector`), or ""."""
    for lang, label in (("en", entity.label_en), ("ar", entity.label_ar)):
        if label:
            found = text_sector(lang, label)
            if found:
                return found
    return ""


@lru_cache(maxsize=8)
def _title_vocabulary(lang: str) -> frozenset[str]:
    rules = code_rules()
    return rules.modifiers.get(lang, frozenset()) | {w for key, _ in rules.words.get(lang, ()) for w in key.split()}


def _title_words(lang: str, text: str) -> bool:
    """Whether ``text`` holds only title words and modifiers ("leader", "Foreign Minister", "'s")."""
    allowed = _title_vocabulary(lang)
    words = _tokens(lang, text)  # every reading: العقيد is عقيد with its article
    return 0 < len(words) <= MAX_TITLE_WORDS and all(forms & allowed for forms in words)


def title_sectors(ex: Extraction) -> dict[tuple[str, int], str]:
    """(person key, sentence) → the sector of the title words written just before the person's name
    ("President Mugabe", "opposition leader Maulana Fazl-ur Rehman")."""
    lang, text = ex.document.lang, ex.document.text
    out: dict[tuple[str, int], str] = {}
    for person in (e for e in ex.entities.values() if e.type == "Person"):
        for m in person.mentions:
            words = _GAP.findall(text[max(0, m.start - 80) : m.start])
            title: list[str] = []
            while words and _title_words(lang, words[-1]) and len(title) < MAX_TITLE_WORDS:
                title.insert(0, words.pop())
            for word in _GAP.findall(m.text):  # a mention may begin with its title ("President Laurent Gbago")
                if not _title_words(lang, word):
                    break
                title.append(word)
            sector = text_sector(lang, " ".join(title))
            if sector:
                out.setdefault((person.key, m.sentence), sector)
    return out


def titled_states(ex: Extraction) -> dict[tuple[str, int], Code]:
    """(person key, sentence) → (country, sector) where a state is named before a person with only title
    words, and perhaps the body the person serves, between ("South African leader F.W. de Klerk", "Taiwan's
    Vice Foreign Minister X", "Iraq's Al-Qaeda frontman X": the body's sector when the title gives none)."""
    lang, text = ex.document.lang, ex.document.text
    states = [(m, e) for e in ex.entities.values() if e.type == "State" and e.country for m in e.mentions]
    bodies = [(m, e) for e in ex.entities.values() if e.type in ACTOR_TYPES and e.type not in ("State", "Person")
              for m in e.mentions]  # fmt: skip
    out: dict[tuple[str, int], Code] = {}
    for person in (e for e in ex.entities.values() if e.type == "Person"):
        for m in person.mentions:
            before = [(s, e) for s, e in states if s.sentence == m.sentence and s.end <= m.start]
            if not before:
                continue
            state_mention, state = max(before, key=lambda pair: pair[0].end)
            inside = [(b, e) for b, e in bodies if state_mention.end <= b.start and b.end <= m.start]
            gap = text[state_mention.end : m.start]
            for b, _ in inside:  # the body's name is not a title word
                gap = gap.replace(b.text, " ")
            if not _title_words(lang, gap):
                continue
            head = text[max(0, state_mention.start - 40) : state_mention.start]
            sector = text_sector(lang, gap) or text_sector(lang, " ".join(head.split()[-3:]))
            sector = sector or next((body_code(e)[1] for _, e in inside), "")
            out.setdefault((person.key, m.sentence), (state.country, sector))
    return out


def body_code(entity: Entity | GazEntry) -> Code:
    """(prefix, sector) of a state, organisation or office from its own data, type and head word."""
    rules = code_rules()
    cameo = entity.cameo or _parent_code(entity.key)
    international = rules.international.get(entity.type, "")
    if entity.type == "State":
        return entity.country or cameo[:3], ""
    if entity.country and cameo.startswith(entity.country):
        prefix, sector = entity.country, cameo[len(entity.country) :]
    elif cameo:
        prefix, sector = cameo, ""
    else:
        prefix, sector = entity.country or international, ""
    if not sector and entity.sector and entity.sector not in rules.international.values():
        sector = entity.sector
    if not sector:
        sector = word_sector(entity) or rules.type_sector.get(entity.type, "")
    if international and prefix.startswith(international) and entity.type == "InternationalOrganization":
        sector = ""  # an IGO's own code says what it is (IGOUNO): no sector of its own
    return prefix, sector


@lru_cache(maxsize=1)
def _gazetteer() -> Gazetteer:
    return load_gazetteer()


def _parent_code(key: str) -> str:
    """The CAMEO code of the body a gazetteer body is part of (a UN organ: IGOUNO), or ""."""
    entries = _gazetteer().entries
    seen = {key}
    entry = entries.get(key)
    while entry is not None and entry.part_of and entry.part_of not in seen:
        seen.add(entry.part_of)
        entry = entries.get(entry.part_of)
        if entry is not None and entry.cameo:
            return entry.cameo
    return ""


def _held_at(entry: GazEntry, date: str | None) -> list[str]:
    """Gazetteer offices of a person held on ``date`` (all of them when the date is unknown)."""
    day = (date or "")[:10]
    return [h.position for h in entry.holds if not day or ((h.start or "") <= day and (not h.end or day < h.end))]


class Coder:
    """Codes for the actors of one extraction."""

    def __init__(self, ex: Extraction) -> None:
        self.ex = ex
        self.gaz = _gazetteer()
        self.links: dict[tuple[str, str], list[Relation]] = {}
        for rel in ex.relations:
            if rel.relation in ("holdsPosition", "affiliatedWith"):
                self.links.setdefault((rel.subject, rel.relation), []).append(rel)
        self.titled = titled_states(ex)
        self.titles = title_sectors(ex)
        self.named: dict[int, set[str]] = {}  # sentence → countries of the states named in it
        for e in ex.entities.values():
            if e.type == "State" and e.country:
                for m in e.mentions:
                    self.named.setdefault(m.sentence, set()).add(e.country)
        self.claimed: dict[int, set[str]] = {}  # sentence → countries already standing for someone named in it
        for (_, sentence), (prefix, _) in self.titled.items():
            self.claimed.setdefault(sentence, set()).add(prefix)
        for rel in ex.relations:
            if rel.relation in ("holdsPosition", "affiliatedWith"):
                found = self.entity(rel.object)
                if found is not None and found.country:
                    self.claimed.setdefault(rel.sentence, set()).add(found.country)

    def mention_sector(self, key: str, rel: Relation) -> str:
        """The sector a state's own mention in the event's sentence gives ("Chinese troops", "Iraqi police
        forces": the finder reads them as the state), the mention nearest the trigger; "" for a bare name."""
        entity = self.ex.entities.get(key)
        mentions = [m for m in entity.mentions if m.sentence == rel.sentence] if entity is not None else []
        if not mentions:
            return ""
        nearest = min(mentions, key=lambda m: abs(m.start - rel.start))
        return text_sector(self.ex.document.lang, nearest.text)

    def sentence_country(self, rel: Relation) -> str:
        """The one state named in the event's sentence that is neither an argument of the event nor the
        country of someone else named there, nor the place where it happened: the country of an actor whose
        own is not given ("Ousted president Aristide ... Haiti's"); "" when there is none or more than one."""
        # The event's own arguments and its place ("met X in Washington") are not anyone's country.
        arguments = {e.country for e in map(self.entity, (rel.subject, rel.object, rel.place)) if e and e.country}
        named = self.named.get(rel.sentence, set())
        left = named - self.claimed.get(rel.sentence, set()) - arguments
        if not left and len(named) == 1:
            return next(iter(named))  # the only country the sentence names ("Rebels in the Ivory Coast dismissed
            # an appeal from President Laurent Gbagbo"): a domestic event of that country
        return next(iter(left)) if len(left) == 1 else ""

    def entity(self, key: str) -> Entity | GazEntry | None:
        return self.ex.entities.get(key) or self.gaz.entries.get(key)

    def _linked(self, key: str, relation: str, sentence: int) -> list[str]:
        found = self.links.get((key, relation), [])
        return [r.object for r in sorted(found, key=lambda r: (r.sentence != sentence, abs(r.sentence - sentence)))]

    def _offices(self, key: str, sentence: int, date: str | None) -> Iterable[Entity | GazEntry]:
        entry = self.gaz.entries.get(key)
        keys = (_held_at(entry, date) if entry is not None else []) + self._linked(key, "holdsPosition", sentence)
        for office in keys:
            found = self.entity(office)
            if found is not None:
                yield found

    def _office_code(self, office: Entity | GazEntry) -> Code:
        prefix, sector = body_code(office)
        owner_key = getattr(office, "organization", "") or ""
        if not owner_key and office.key in self.gaz.entries:
            owner_key = self.gaz.entries[office.key].organization
        owner = self.entity(owner_key) if owner_key else None
        if not prefix and owner is not None:
            prefix = body_code(owner)[0]
        return prefix, sector

    def person(self, key: str, sentence: int, date: str | None) -> Code:
        entity = self.entity(key)
        prefix, sector = "", ""
        for office in self._offices(key, sentence, date):
            p, s = self._office_code(office)
            prefix, sector = prefix or p, sector or s
            if prefix and sector:
                break
        for other in self._linked(key, "affiliatedWith", sentence):
            body = self.entity(other)
            if body is None or body.type not in ACTOR_TYPES:
                continue
            p, s = body_code(body)
            prefix = prefix or p
            if body.type != "State":
                sector = sector or s
        named_prefix, named_sector = self.titled.get((key, sentence), ("", ""))
        prefix, sector = prefix or named_prefix, sector or named_sector or self.titles.get((key, sentence), "")
        if entity is not None:
            prefix = prefix or entity.country
            sector = sector or word_sector(entity)
        return prefix, sector

    def code(self, key: str, sentence: int, date: str | None) -> Code:
        entity = self.entity(key)
        if entity is None or entity.type not in ACTOR_TYPES:
            return "", ""
        if entity.type == "Person":
            return self.person(key, sentence, date)
        return body_code(entity)


def assign_codes(ex: Extraction) -> None:
    """Fill the sector and CAMEO code of bodies, and each event's actor codes (see the module)."""
    for entity in ex.entities.values():
        if entity.type in ACTOR_TYPES and entity.type not in ("Person", "State"):
            prefix, sector = body_code(entity)
            entity.sector = entity.sector or sector
            entity.cameo = entity.cameo or (prefix + sector if prefix else "")
    coder = Coder(ex)
    for rel in ex.relations:
        date = rel.date or ex.document.date
        for side in ("subject", "object"):
            key = getattr(rel, side)
            prefix, sector = coder.code(key, rel.sentence, date)
            found = coder.entity(key)
            if not prefix and found is not None and found.type == "Person":  # a body's country is its own
                prefix = coder.sentence_country(rel)
            if found is not None and found.type == "State" and not sector:
                sector = coder.mention_sector(key, rel)
            code, sector = _joined((prefix, sector))
            setattr(rel, f"{side}_code", code)
            setattr(rel, f"{side}_sector", sector)


def _joined(code: Code) -> tuple[str, str]:
    prefix, sector = code
    return (prefix + sector if prefix else ""), sector
