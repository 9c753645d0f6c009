"""Relations from a trained English pipeline's dependency parse, the way parse-based event coders work.

For a verb that is a trigger (``triggers_en.tsv``, pos ``verb``), the agent is its subject (or the "by"
phrase of a passive), the patient its object (or a passive subject, or the object of one of the row's
prepositions), each widened to its conjuncts ("Egypt, Jordan and Turkey condemned"). A verb joined to
another, or governed by one ("agreed to strengthen"), takes that verb's subject when it has none. Each
argument token is tied to a mention that covers it, or to one in its modifiers (the name under a title, a
state's adjective, an apposition). The mood comes from the cue words (``cues.tsv``) on the verb and on the
verbs that govern it, the nearest first ("did not say whether X had asked": hedged).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from actorgraph.extract.core.vocab import trait
from actorgraph.extract.lang import profile
from actorgraph.ontology import lexicon
from actorgraph.ontology.lexicon import TriggerRule

MAX_CHAIN = 6  # governing verbs read for mood and for an inherited subject


@dataclass(frozen=True, slots=True)
class MentionSpan:
    start: int  # character offsets in the parsed text
    end: int
    key: str
    type: str


@dataclass(frozen=True, slots=True)
class ParsedRelation:
    subject: str
    rule: TriggerRule
    object: str
    trigger_start: int
    trigger_end: int
    modality: str
    span_start: int  # the first and last character of trigger and arguments together
    span_end: int
    object_text: str = ""  # an unnamed recipient's phrase as written ("the terrorist attack")


def _deps(name: str) -> frozenset[str]:
    return profile("en").words(f"dep-{name}:cased")


@lru_cache(maxsize=1)
def verb_rules() -> dict[str, tuple[tuple[TriggerRule, tuple[str, ...], bool], ...]]:
    """Lemma (or exact form) → the verb rows it starts, with the words the rest of the form needs and whether
    they follow the verb right away (a form without "...": "call on")."""
    index: dict[str, list[tuple[TriggerRule, tuple[str, ...], bool]]] = {}
    for rule in lexicon.triggers("en"):
        if rule.pos != "verb" or rule.frame not in ("sym", "act"):
            continue
        for form in rule.forms:
            words = [w for w in form.split() if w != "..."]
            head = words[0].strip("[]").lower()
            rest = tuple(w.strip("[]").lower() for w in words[1:])
            index.setdefault(head, []).append((rule, rest, "..." not in form.split()))
    return {k: tuple(v) for k, v in index.items()}


@lru_cache(maxsize=1)
def _cues() -> tuple[tuple[tuple[str, ...], str], ...]:
    return tuple((tuple(c.form.lower().split()), c.modality) for c in lexicon.cues() if c.lang == "en")


def _governors(verb: Token, contrast_stops: bool = False) -> list[Token]:
    """The verbs governing this one, nearest first; with ``contrast_stops``, not across a contrast ("did not
    meet X but met Y", "did not attend, instead travelling to Munich": the second act is a claim of its own)."""
    chain: list[Token] = []
    tok = verb
    while tok.dep_ in _deps("governor") and tok.head is not tok and len(chain) < MAX_CHAIN:
        if contrast_stops and _contrasted(tok):
            break
        tok = tok.head
        chain.append(tok)
    return chain


def _contrasted(tok: Token) -> bool:
    """Is the verb set against its head by a word of "scope breaks" (but, instead) before it?"""
    breaks = profile("en").words("scope breaks")
    own = any(c.lower_ in breaks for c in tok.children if c.i < tok.i)
    return own or any(c.lower_ in breaks for c in tok.head.children if tok.head.i < c.i < tok.i)


def modality_of(verb: Token) -> str:
    """The mood of the nearest cue on the verb or on the verbs governing it (not across a contrast)."""
    for tok in [verb, *_governors(verb, contrast_stops=True)]:
        # a trigger is never its own cue ("refused the offer", "declined to resign" are refusals, not denied)
        own = [tok] if tok is not verb else []
        words = sorted([*own, *(c for c in tok.children if c.dep_ in _deps("mood"))], key=lambda t: t.i)
        # An auxiliary "to" joins the governor's word ("plans to"), so read the governed verb's own too.
        text = [t.lower_ for t in words] + [c.lower_ for c in verb.children if c.dep_ in _deps("mood")]
        best: tuple[int, str] | None = None
        for form, mood in _cues():
            for i in range(len(text) - len(form) + 1):
                if tuple(text[i : i + len(form)]) == form and (best is None or i >= best[0]):
                    best = (i, mood)
        if best is not None:
            return best[1]
    return "asserted"


def _with_conjuncts(tokens: Sequence[Token]) -> list[Token]:
    out: list[Token] = []
    for tok in tokens:
        for t in (tok, *tok.conjuncts):
            if t not in out:
                out.append(t)
    return out


def _agents(verb: Token) -> tuple[list[Token], bool]:
    """The verb's subject, else a governing verb's; a pronoun that points back to the governing verb's subject
    is read through it ("Israel says it has opened an investigation": Israel; word set "dep-back-pronouns").
    True with them when they are a governing verb's object, who is asked to do the act ("urged Iran to release
    the sailors", "called on the Houthis to release": object control)."""
    below = verb
    for tok in [verb, *_governors(verb)]:
        if tok is not verb and (below.dep_ in _deps("infinitive") or _asked_to(below, tok)):
            controller = [c for c in tok.children if c.dep_ in _deps("object")]
            controller += [p for c in tok.children if c.dep_ in _deps("prep") and c.lower_ in _deps("control-preps")
                           for p in c.children if p.dep_ in _deps("pobj")]  # fmt: skip
            if controller:
                return _with_conjuncts(controller), True
        found = [c for c in tok.children if c.dep_ in _deps("subject")]
        found += [p for c in tok.children if c.dep_ in _deps("agent") for p in c.children if p.dep_ in _deps("pobj")]
        if found and all(t.lower_ in _deps("back-pronouns") for t in found) and tok.dep_ in _deps("complement"):
            below = tok
            continue
        if found:
            return _with_conjuncts(found), False
        below = tok
    return [], False


def _asked_to(below: Token, tok: Token) -> bool:
    """Is ``below`` an infinitive the parser hung as an adverbial clause ("pressed China on Tuesday to sanction")
    under a verb that asks its object to act (a trigger of a relation with the ``directive`` trait)?"""
    if below.dep_ not in _deps("adverbial-clause") or not any(c.lower_ == "to" for c in below.children):
        return False
    rows = verb_rules().get(tok.lemma_.lower(), ()) + verb_rules().get(tok.lower_, ())
    return any(rule.relation in trait("directive") for rule, _rest, _next in rows)


def _objects(verb: Token, preps: tuple[str, ...], complement: bool, direct: bool = True) -> list[Token]:
    """``direct``: a direct object is an argument (not for a partner who comes with "with": "discussed Syria")."""
    found = [c for c in verb.children if (direct and c.dep_ in _deps("object")) or c.dep_ in _deps("passive-subject")]
    for prep in (c for c in verb.children if c.dep_ in _deps("prep") and c.lower_ in preps):
        found += [p for p in prep.children if p.dep_ in _deps("pobj")]
    if not found and complement:
        # "demanded that Hamas renounce ..." (a row whose form says "that"): the complement clause's subject.
        for clause in (c for c in verb.children if c.dep_ in _deps("complement")):
            found += [c for c in clause.children if c.dep_ in _deps("subject")]
    return _with_conjuncts(found)


def _complement_objects(verb: Token, preps: tuple[str, ...]) -> list[Token]:
    """ "agreed to open its borders to Somali refugees", "threatened to cut supplies to Ukraine": a verb with no
    object of its own acts on the object of its infinitive complement."""
    markers = tuple(set(preps) | _deps("complement-preps"))
    return [t for c in verb.children if c.dep_ in _deps("infinitive") for t in _objects(c, markers, False)]


class MentionIndex:
    """Which mention a token stands for: one covering it, else one among its modifiers."""

    def __init__(self, mentions: Sequence[MentionSpan]) -> None:
        self.mentions = sorted(mentions, key=lambda m: (m.start, -m.end))

    def covering(self, tok: Token) -> MentionSpan | None:
        for m in self.mentions:
            if m.start <= tok.idx < m.end:
                return m
        return None

    def of(self, tok: Token, named_head: bool = False, owner: bool = False) -> MentionSpan | None:
        """``named_head``: read modifiers only under a name ("Defense Secretary Pete Hegseth"), not under a
        common noun ("Ukraine's membership", "the Chinese proposal" are no actors), unless ``owner``: a
        concrete object stands for its owner ("cut supplies to Ukrainian forces")."""
        found = self.covering(tok)
        if found is not None:
            return found
        # "Taliban fighters", "Boko Haram gunmen", "a U.S. military airstrike": who they fight or strike for
        group = tok.lemma_.lower() in _deps("group-heads")
        modifiers = not named_head or owner or group or tok.pos_ in _deps("name-pos")
        for child in sorted(tok.children, key=lambda c: -c.i):  # the nearest modifier before the head first
            if modifiers and child.dep_ in _deps("modifier"):
                found = self.of(child)
                if found is not None:
                    return found
        members = not named_head or tok.lemma_.lower() in _deps("member-heads")
        preps = [c for c in tok.children if members and c.dep_ in _deps("prep") and c.lower_ in _deps("member-preps")]
        for prep in preps:
            # "leaders of the opposition coalition", "members of Hamas": the body they belong to
            for obj in (p for p in prep.children if p.dep_ in _deps("pobj")):
                found = self.of(obj)
                if found is not None:
                    return found
        return None


def _concrete(relation: str) -> bool:
    """An owner names the object's actor: the ``concrete-object`` trait and English's ``rel owner objects``."""
    return relation in trait("concrete-object") or relation in profile("en").words("rel owner objects:cased")


def _form_fits(verb: Token, rest: tuple[str, ...], adjacent: bool) -> bool:
    if not rest:
        return True
    if adjacent:
        # "call on X": the words right after the verb ("called Salman on Saturday" is no call on anyone)
        after = verb.doc[verb.i + 1 : verb.i + 1 + len(rest)]
        if len(after) != len(rest):
            return False
        return all(w in (t.lower_, t.lemma_.lower()) for w, t in zip(rest, after, strict=True))
    # "call on", "impose ... sanctions": the rest of the form hangs on the verb itself (or on its object)
    near = [*verb.children, *(g for c in verb.children for g in c.children)]
    words = {t.lemma_.lower() for t in near} | {t.lower_ for t in near}
    return all(w in words for w in rest)


def _excepted(verb: Token, rule: TriggerRule) -> bool:
    """The row's exceptions: ``followed-by:WORD`` ("warned of"), ``clause-has:SET`` (a phone call)."""
    for kind, value in rule.exceptions:
        if kind == "followed-by" and verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].lower_ == value:
            return True
        if kind == "clause-has" and any(t.lower_ in profile("en").words(value) for t in verb.sent):
            return True
    return False


def parse_relations(
    parsed: Doc, mentions: Sequence[MentionSpan], type_classes: dict[str, frozenset[str]]
) -> Iterator[ParsedRelation]:
    """Every (agent, trigger, patient) the parse gives between two mentions of the types a row allows."""
    index = MentionIndex(mentions)
    rules = verb_rules()
    for verb in parsed:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        candidates = rules.get(verb.lemma_.lower(), ()) + rules.get(verb.lower_, ())
        for rule, rest, adjacent in candidates:
            if not _form_fits(verb, rest, adjacent) or _excepted(verb, rule):
                continue
            yield from _pairs(verb, rule, rest, index, type_classes)


def _pairs(
    verb: Token, rule: TriggerRule, rest: tuple[str, ...], index: MentionIndex, type_classes: dict[str, frozenset[str]]
) -> Iterator[ParsedRelation]:
    allowed = frozenset().union(*(type_classes.get(t, frozenset()) for t in rule.types))
    # A common noun is no actor by its modifiers ("the Kenyan president", "Ivory Coast rebels" are not the
    # state): only a name under a title is read through them.
    agents, controlled = _agents(verb)
    subjects = [m for t in agents if (m := index.of(t, named_head=True)) is not None]
    subjects = [m for m in subjects if m.type in type_classes["actor"]]
    direct = rule.frame != "sym" or rule.relation in trait("direct-partner")
    patients = _objects(verb, rule.preps, "that" in rest, direct)
    # A concrete object is an actor through its modifiers ("cut supplies to Ukrainian forces"), as in the rules;
    # a partner is not ("welcomed the U.S. move").
    owner = _concrete(rule.relation) and rule.relation not in trait("direct-partner")
    if not patients and rule.relation not in profile("en").words("rel no complement objects:cased"):
        # the complement's object is concrete: its verb acts on it ("agreed to release three British sailors")
        patients, owner = _complement_objects(verb, rule.preps), True
    objects = [m for t in patients if (m := index.of(t, True, owner)) is not None and m.type in allowed]
    has_object = any(c.dep_ in _deps("object") for c in verb.children)
    if rule.frame == "sym" and not objects and not has_object and len(subjects) > 1:
        # "Nakatani and Hegseth met": the parties of a symmetric act pair up.
        objects, subjects = subjects[1:], subjects[:1]
    mood = modality_of(verb)
    if controlled and mood == "asserted":
        mood = "future"  # "urged Iran to release the sailors": asked for, not done
    end = verb.idx + len(verb.text)
    for s in subjects:
        for o in objects:
            if s.key != o.key:
                first, last = min(s.start, o.start, verb.idx), max(s.end, o.end, end)
                yield ParsedRelation(s.key, rule, o.key, verb.idx, end, mood, first, last)
    if subjects and not objects and mood != "negated":
        # "Shevardnadze resigned", "the rebels released 11 prisoners", "Greece rejected the plan": an act whose
        # recipient no actor names; add_parse_relations gives it an unnamed party where its type allows one. Not
        # an act denied, nor one whose actor is only inherited from a governing verb ("sanctioned X over the
        # deployment of troops to fight": London does not fight).
        s = subjects[0]
        phrase = _head_phrase(patients[0]) if patients else ""
        yield ParsedRelation(s.key, rule, "", verb.idx, end, mood, min(s.start, verb.idx), max(s.end, end), phrase)


def _head_phrase(head: Token) -> str:
    """A noun with the words before it that belong to it ("the terrorist attack", "the U.N. report")."""
    return head.doc[head.left_edge.i : head.i + 1].text


def _own_subject(verb: Token) -> bool:
    """Has the verb a subject (or passive agent) of its own, or one shared as a conjunct ("rejected ... and said")?"""
    while verb.dep_ in _deps("conj") and verb.head is not verb:
        verb = verb.head
    return any(c.dep_ in _deps("subject") or c.dep_ in _deps("agent") for c in verb.children)
