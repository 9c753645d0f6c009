"""Incidents: events of a few PLOVER types kept even when a party is not named (``lexicon/incident_roles.tsv``).

News reports many attacks, protests and arrests without an agent ("18 people were killed in a bombing in
Baghdad") or without a target ("thousands demonstrated in Cairo"). Event-data users count those events,
so they are kept: in a sentence with a trigger of such a type where the relation frames found no relation
of that type, the named actors around the trigger take the roles the word order and the trigger's argument
markers give, and a party that is not named is an unidentified one of the country where it happened. Such
statements carry a rule of their own (``incident.*``) and a lower confidence, so they can be told apart.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from actorgraph.extract.core.vocab import vocab
from actorgraph.extract.lang import profile
from actorgraph.extract.lookup import Tables
from actorgraph.extract.records import ACTOR_TYPES, Entity, Relation, Sentence
from actorgraph.extract.stand_ins import EntityMaker, Party, read_parties, stand_in
from actorgraph.ontology.lexicon import TriggerRule

CONFIDENCE = 0.5
WINDOW = 8  # tokens either side of the trigger where its named parties are looked for
OCCASION = 8  # tokens around an act noun where a verb says it befell someone or had an outcome
BACKGROUND = 5  # tokens before the trigger where a word may tell it as background (in a kidnapping case)
PLACE_TYPES = frozenset({"State", "City"})


def incident_parties() -> dict[tuple[str, ...], Party]:
    """(PLOVER type, role) → the party standing in for an unnamed one."""
    return read_parties("incident_roles.tsv", "plover", "role")


@dataclass(frozen=True, slots=True)
class Placed:
    """A mention by token position."""

    first: int  # token index
    last: int
    entity: Entity


def placed_mentions(entities: Sequence[Entity], starts: Sequence[int], lo: int, hi: int, sentence: int) -> list[Placed]:
    from bisect import bisect_left, bisect_right

    out = []
    for e in entities:
        for m in e.mentions:
            if m.sentence == sentence:
                first = bisect_left(starts, m.start)
                last = max(first, bisect_right(starts, m.end - 1) - 1)
                if lo <= first < hi:
                    out.append(Placed(first, last, e))
    return sorted(out, key=lambda p: p.first)


def _roles(
    rule: TriggerRule, k: int, end: int, actors: list[Placed], words: Sequence[str], lang: str, object_after: bool
) -> tuple[Entity | None, Entity | None]:
    """The named agent and patient: an actor right after one of the row's argument markers is the patient;
    the agent stands where the language puts a subject (``incident:agent-before`` / ``incident:agent-after``).
    With ``object_after`` (a verbal noun, or a verb whose unnamed doers stand before it) the actor right after
    is the patient: khatf arba'at amirikiyyin, "the kidnapping of four Americans"; musallahun khatafu
    musawwiran faransiyyan, "gunmen kidnapped a French photographer"."""
    p = profile(lang)
    preps = {p.normalize(w) for w in rule.preps}
    places = p.words("rel locative")
    # A state named after "in" is where it happened, not a party ("killed three in southern Serbia").
    # Nor is the country of the sources who tell it ("according to Iraqi security sources").
    not_parties = places | p.words("incident:sources")
    actors = [a for a in actors if not not_parties.intersection(words[max(0, a.first - 2) : a.first])]
    patient = next((a for a in actors if a.first >= end and a.first - 1 >= 0 and words[a.first - 1] in preps), None)
    # The one who reports it is not its agent ("the spokesman said two civilians were wounded").
    if k > 0 and words[k - 1] in p.words("incident:relative"):
        actors = [a for a in actors if a.first > k]  # "the attack that targeted X": the agent is the noun before
    speech = p.words("incident:speech")
    before = [a for a in actors if a.last < k and k - a.last <= WINDOW and not speech & set(words[a.last + 1 : k])]
    after = [a for a in actors if a.first >= end and a.first - end <= WINDOW and a is not patient]
    agent: Placed | None = None
    if object_after and after and after[0].first - end <= 2:
        patient = patient or after[0]
        after = []
    if p.words("word-order:agent-sides:cased") & {"after"} and after:
        agent = after[0]
    elif before:
        agent = before[-1]
    # Without a parse, a name after the verb may modify its object ("shot down a U.S. drone"): only a name
    # after one of the row's argument markers is taken as the patient.
    return (agent.entity if agent else None, patient.entity if patient else None)


def _country(placed: Sequence[Placed]) -> str:
    """Where it happened: the first place or state named in the sentence, else the first actor's country."""
    for p in placed:
        if p.entity.type in PLACE_TYPES and p.entity.country:
            return p.entity.country
    return next((p.entity.country for p in placed if p.entity.country), "")


def _patron(view: SentenceView, placed: Placed, lang: str) -> bool:
    """A group's patron ("Iran-backed", backed by Iran), whose country is not where anything happened."""
    words, k, m = view.words, placed.first, placed.last + 1
    if m + 1 < view.hi and words[m] == "-" and words[m + 1] in _set(lang, "patron modifiers"):
        return True
    backed = k - 2 >= view.lo and words[k - 1] in _set(lang, "patron prepositions")
    return backed and words[k - 2] in _set(lang, "patron participles")


def _party(entities: EntityMaker, tables: Tables, plover: str, role: str, country: str, lang: str) -> Entity | None:
    party = incident_parties().get((plover, role))
    return stand_in(entities, tables, party, country) if party is not None else None


Mood = Callable[[int, int, TriggerRule, str, int, int], str]
"""(trigger start, trigger end, its row, its proclitic, sentence start, sentence end) → modality: the relation
frames' own reading of cues, clauses and verb mood, so an incident is never more certain than a relation."""


@dataclass
class SentenceView:
    """One sentence as the incident frame reads it."""

    sentence: Sentence
    lo: int
    hi: int
    keys: Sequence[dict[str, str]]  # the document's tokens: match keys, normalised words, character spans
    words: Sequence[str]
    spans: Sequence[tuple[int, int]]
    placed: list[Placed]
    found_types: set[str]
    mood: Mood


def _set(lang: str, name: str) -> frozenset[str]:
    """A word set of the incident frame; a language without it has none."""
    p = profile(lang)
    return p.words(name) if p.has_words(name) else frozenset()


def _reads(keys: dict[str, str], word: str, words: frozenset[str]) -> bool:
    """Is the token one of ``words``, as written or through its proclitics (wa-hajamat, wa-allati)?"""
    return word in words or not words.isdisjoint(keys)


def _any_before(view: SentenceView, k: int, window: int, words: frozenset[str]) -> bool:
    """Does a word of ``words`` stand in the ``window`` tokens before ``k``, in the sentence?"""
    return any(_reads(view.keys[m], view.words[m], words) for m in range(max(view.lo, k - window), k))


def _reported(rule: TriggerRule, view: SentenceView, k: int, end: int, pro: str, lang: str) -> bool:
    """A trigger that reports an event: not told as background (a trial, a case, an investigation, a
    possibility: ``incident:background`` in the few words before), not a purpose or a capability
    ("capabilities to strike", an Arabic verbal noun with the purpose proclitic), and an act noun only where
    it names the occasion ("killed in an attack", "was subjected to an attack") or has an outcome ("the
    explosion left two dead")."""
    p, words = profile(lang), view.words
    if _noun_reading(rule, pro, lang) and _any_before(view, k, OCCASION, _set(lang, "incident:occasion-verbs")):
        return True  # the one it befell is the subject: "a patrol was subjected to an attack", "survived"
    if _any_before(view, k, BACKGROUND, _set(lang, "incident:background")):
        return False
    before = set(words[max(0, k - 2) : k])
    irrealis = _any_before(view, k, 2, p.words("incident:irrealis"))  # behind a conjunction too: wa-kay
    if irrealis or set(pro) & p.words("incident:irrealis-proclitics:cased"):
        return False
    if k > view.lo and words[k - 1] in _set(lang, "incident:irrealis-next"):
        return False  # "or" before it, a state in the background ("were demonstrating")
    subjunctive = tuple(_set(lang, "incident:subjunctive-prefixes:cased"))
    if k > view.lo and words[k - 1] in _set(lang, "incident:subjunctive") and words[k].startswith(subjunctive):
        return False  # a present verb right after its particle: "to attack", no event
    if _refers_back(rule, view, k, pro, lang) or _long_ago(view, lang):
        return False
    outcome = _any_after(view, end, OCCASION, _set(lang, "incident:outcome-verbs"))
    governed = _governed(view, k, pro, lang)
    if rule.pos == "verb" and not governed and not set(words[max(0, k - 3) : k]) & p.words("incident:noun-markers"):
        return True  # a verb form after an article is a noun ("an arrest warrant", "a possible attack")
    occasion = before & p.words("incident:occasion-preps") or set(pro) & p.words("incident:occasion-proclitics:cased")
    return bool(outcome or occasion or _any_before(view, k, OCCASION, _set(lang, "incident:noun-reporters")))


def _long_ago(view: SentenceView, lang: str) -> bool:
    """Does the sentence tell its act as years old: a decade (``incident:long-ago``: the nineties) or "ago" with a
    count of years (``incident:ago`` then ``incident:years`` within three words: qabla arba'at a'wam)?"""
    ago, years = _set(lang, "incident:ago"), _set(lang, "incident:years")
    for m in range(view.lo, view.hi):
        if _reads(view.keys[m], view.words[m], _set(lang, "incident:long-ago")):
            return True
        if _reads(view.keys[m], view.words[m], ago) and any(
            _reads(view.keys[j], view.words[j], years) for j in range(m + 1, min(view.hi, m + 4))
        ):
            return True
    return False


def _noun_reading(rule: TriggerRule, pro: str, lang: str) -> bool:
    """Is the trigger read as a noun: a noun row, or a verb form behind a preposition proclitic (li-l-khatf)?"""
    proclitics = profile(lang).words("incident:irrealis-proclitics:cased") | _set(
        lang, "incident:noun-proclitics:cased"
    )
    return rule.pos != "verb" or bool(set(pro) & proclitics)


def _refers_back(rule: TriggerRule, view: SentenceView, k: int, pro: str, lang: str) -> bool:
    """An event told before: a definite act noun ("the attack", "the strikes"; a verb form after a determiner
    is a noun), a verb in a relative clause on one ("the attack that targeted X"), or a relative clause
    that describes its noun by a past act ("who was kidnapped in Milan", "who had been recently arrested")."""
    p, words, keys = profile(lang), view.words, view.keys
    r = k - 1
    auxiliaries = _set(lang, "incident:relative-auxiliaries")
    while r > view.lo and r > k - 4 and words[r] in auxiliaries:
        r -= 1  # "who had been recently arrested": the relative pronoun before the auxiliaries
    if rule.pos == "verb" and r >= view.lo and _reads(keys[r], words[r], _set(lang, "incident:relative-background")):
        return True
    head = k - 2 if k >= 2 and _reads(keys[k - 1], words[k - 1], p.words("incident:relative")) else k
    return _definite(words, keys, head, p.words("incident:definite"), tuple(p.words("incident:definite-prefixes")))


def _governed(view: SentenceView, k: int, pro: str, lang: str) -> bool:
    """A verb form governed by a preposition ("ba'da darb", "'an qatl") or one of its proclitics (bi-qatl) is a
    verbal noun that, like an act noun, reports an event only as the occasion of another; not after a light
    verb (qama ... bi-qatl, "did the killing"), where it is the act done."""
    governed = k > view.lo and view.words[k - 1] in _set(lang, "incident:noun-governors")
    governed = governed or bool(set(pro) & _set(lang, "incident:noun-proclitics:cased"))
    return governed and not _any_before(view, k, BACKGROUND, _set(lang, "incident:noun-reporters"))


def _any_after(view: SentenceView, end: int, window: int, words: frozenset[str]) -> bool:
    """Does a word of ``words`` stand in the ``window`` tokens from ``end``, in the sentence?"""
    return any(_reads(view.keys[m], view.words[m], words) for m in range(end, min(view.hi, end + window)))


def _definite(
    words: Sequence[str], keys: Sequence[dict[str, str]], k: int, determiners: frozenset[str], prefixes: tuple[str, ...]
) -> bool:
    """A determiner before, or the article on the word itself, behind a conjunction too (wa-al-khatf)."""
    if set(words[max(0, k - 2) : k]) & determiners or words[k].startswith(prefixes):
        return True
    return any(key.startswith(prefixes) and words[k].endswith(key) for key in keys[k] if key != words[k])


def _excepted(rule: TriggerRule, view: SentenceView, end: int, lang: str) -> bool:
    """The trigger row's exceptions, read as the relation frames read them (``core/verbal.py``): the next
    word, or a word of a set in the rest of the clause ("hajama ... qa'ilan", attacked ... saying, is criticism)."""
    v = vocab(lang)
    for kind, value in rule.exceptions:
        if kind == "followed-by" and end < view.hi and view.words[end] == v.normalize(value):
            return True
        if kind == "clause-has":
            words = v.sets(value.removeprefix("rel "))
            for m in range(end, min(view.hi, end + 10)):
                if view.words[m] in v.strong:
                    break
                if _reads(view.keys[m], view.words[m], words):
                    return True
    return False


def trigger_rule(payload: TriggerRule | tuple[TriggerRule, bool]) -> TriggerRule:
    return payload[0] if isinstance(payload, tuple) else payload


def incidents_in(view: SentenceView, tables: Tables, entities: EntityMaker, lang: str) -> list[Relation]:
    """Relations for the incident triggers of one sentence whose type the frames did not find there."""
    out: list[Relation] = []
    actors = [p for p in view.placed if p.entity.type in ACTOR_TYPES]
    covered = {t for p in view.placed for t in range(p.first, p.last + 1)}
    k = view.lo
    unreported = -1  # the end of the last trigger that reported nothing
    while k < view.hi:
        matches = [] if k in covered else [m for m in tables.triggers.match(view.keys, k) if m[0] <= view.hi]
        rules = [(m[0], trigger_rule(m[1]), m[2]) for m in matches]
        rules = [r for r in rules if (r[1].plover, "agent") in incident_parties()]
        if not rules:
            k += 1
            continue
        end, rule, pro = rules[0]
        trig = Trigger(k, end, rule, pro)
        if rule.plover in view.found_types:
            pass
        elif (
            not _excepted(rule, view, end, lang)
            and not _conjunct_of_unreported(view, trig, unreported, lang)
            and _reported(rule, view, k, end, pro, lang)
        ):
            rel = _incident(view, tables, entities, lang, trig, actors)
            if rel is not None:
                out.append(rel)
                view.found_types.add(rule.plover)
        else:
            unreported = end
        k = end
    return out


def _conjunct_of_unreported(view: SentenceView, trig: Trigger, unreported: int, lang: str) -> bool:
    """A bare form joined by a conjunction proclitic (``incident:conjunction-proclitics``) to a trigger that
    reported nothing, at most two words before, shares its reading: li-khatf wa-dhabh ("to kidnap and slaughter")
    is a purpose twice, not a slaughter."""
    conj = _set(lang, "incident:conjunction-proclitics:cased")
    if unreported < 0 or not 0 <= trig.start - unreported <= 2 or not conj & set(trig.pro):
        return False
    listed = {profile(lang).normalize(f.split()[0]) for f in trig.rule.forms}
    return any(key in listed for key, pro in view.keys[trig.start].items() if pro == trig.pro)


@dataclass(frozen=True)
class Trigger:
    start: int  # token indexes
    end: int
    rule: TriggerRule
    pro: str  # the proclitic the first token was read through


def _newsworthy(view: SentenceView, plover: str, country: str, lang: str) -> bool:
    """Is an incident that names nobody news of its own? When the sentence tells when it happened or what it
    cost (``incident:news-markers``: yesterday, a weekday, killed, wounded) or who took part though unnamed
    (``incident:news-markers:TYPE``: gunmen for an attack, thousands for a protest), wherever it happened; a
    language without those words asks for the country where it happened."""
    markers = _set(lang, "incident:news-markers")
    if not markers:
        return bool(country)
    markers |= _set(lang, f"incident:news-markers:{plover}")
    return _any_after(view, view.lo, view.hi - view.lo, markers)


def _object_after(view: SentenceView, trig: Trigger, lang: str) -> bool:
    """Does an actor right after the trigger stand as its object: the trigger is a verb form read as a verbal
    noun (behind a preposition or its proclitic), or its unnamed doers (``incident:news-markers:TYPE``, gunmen)
    stand as its subject right before it or right after it (khatafa musallahun musawwiran faransiyyan)?"""
    k, rule = trig.start, trig.rule
    if rule.pos != "verb":
        return False
    governed = k > view.lo and view.words[k - 1] in _set(lang, "incident:noun-governors")
    if governed or _noun_reading(rule, trig.pro, lang):
        return True
    doers = _set(lang, f"incident:news-markers:{rule.plover}")
    around = [*range(max(view.lo, k - 2), k), *range(trig.end, min(view.hi, trig.end + 1))]
    return any(_reads(view.keys[m], view.words[m], doers) for m in around)


def _present(view: SentenceView, trig: Trigger, lang: str) -> bool:
    """Is the trigger a verb in the present tense: its word, read through its proclitic, one of the row's
    present stems (the row's forms that begin with a present prefix, ``incident:subjunctive-prefixes``)
    with that prefix or another (yaqtul: taqtul, yaqtulun)?"""
    prefixes = tuple(_set(lang, "incident:subjunctive-prefixes:cased"))
    if trig.rule.pos != "verb" or not prefixes:
        return False
    normalize = profile(lang).normalize
    presents = [normalize(f.split()[0]) for f in trig.rule.forms]
    bases = [f[1:] for f in presents if f.startswith(prefixes)]
    stems = [key for key, pro in view.keys[trig.start].items() if pro == trig.pro]
    return any(s.startswith(prefixes) and s[1:].startswith(b) for s in stems for b in bases)


def _incident(view: SentenceView, tables: Tables, entities: EntityMaker, lang: str, trig: Trigger,
              actors: list[Placed]) -> Relation | None:  # fmt: skip
    rule, k, end = trig.rule, trig.start, trig.end
    agent, patient = _roles(rule, k, end, actors, view.words, lang, _object_after(view, trig, lang))
    country = _country([p for p in view.placed if not _patron(view, p, lang)])
    if view.words[view.hi - 1] in _set(lang, "incident:question-marks:cased"):
        return None  # a question reports nothing: "could Israel be the one who killed Hariri?"
    if agent is not None and patient is None and _any_before(view, k, OCCASION, _set(lang, "incident:occasion-verbs")):
        agent, patient = None, agent  # "X was subjected to an attack", "X survived": X is who it befell
    habitual = _present(view, trig, lang) and rule.plover in _set(lang, "incident:habitual-present:cased")
    if (habitual or agent is None and patient is None) and not _newsworthy(view, rule.plover, country, lang):
        return None  # nobody named, or an attack told in the present ("they kill on the road"): a habit
    agent = agent or _party(entities, tables, rule.plover, "agent", country, lang)
    patient = patient or _party(entities, tables, rule.plover, "patient", country, lang)
    if agent is None or patient is None or agent.key == patient.key:
        return None
    mood = view.mood(k, end, rule, trig.pro, view.lo, view.hi)
    if mood == "negated":
        return None  # no attack by someone unnamed on someone unnamed: nothing to count
    return Relation(agent.key, rule.relation_for(patient.type), patient.key, view.sentence.index,
                    view.spans[k][0], view.spans[end - 1][1],
                    f"incident.{rule.relation}", mood, rule.plover,  # type: ignore[arg-type]
                    CONFIDENCE)  # fmt: skip


@dataclass(frozen=True)
class DocumentView:
    """The document as the incident frame reads it, from the pipeline's state."""

    tokens: Sequence[tuple[dict[str, str], str, tuple[int, int]]]  # match keys, normalised word, character span
    bounds: Sequence[tuple[int, int]]  # each sentence's token range
    sentences: Sequence[Sentence]
    table: dict[str, Entity]


def add_incidents(
    lang: str, tables: Tables, doc: DocumentView, entities: EntityMaker, relations: list[Relation], mood: Mood
) -> None:
    """Append the document's incidents to ``relations``."""
    tokens, bounds, sentences, table = doc.tokens, doc.bounds, doc.sentences, doc.table
    keys = [t[0] for t in tokens]
    words = [t[1] for t in tokens]
    spans = [t[2] for t in tokens]
    starts = [s[0] for s in spans]
    for (lo, hi), sentence in zip(bounds, sentences, strict=True):
        if sentence.is_heading or hi <= lo:
            continue
        found = {r.plover for r in relations if r.sentence == sentence.index and r.plover}
        if found:
            continue  # the frames coded this sentence's events: an unnamed party would only add noise
        placed = placed_mentions(list(table.values()), starts, lo, hi, sentence.index)
        view = SentenceView(sentence, lo, hi, keys, words, spans, placed, found, mood)
        relations.extend(incidents_in(view, tables, entities, lang))
