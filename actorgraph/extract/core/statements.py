"""The statement frame: who "we" is. A first-person verb (nadinu, nurahhibu, "we condemn", "I welcome") has for subject
the actor that issues the statement, never a referent coreference would pick.

The issuer is the nearest speaker in reach, looked for in this order:
  1. this sentence, before the trigger: the speaker of a verb of saying ("the ministry said in a statement: 'We
     condemn'", wa-qalat al-kharijiyya fi bayaniha: "nadinu");
  2. this sentence, after the quotation the trigger stands in ('"We condemn it," the ministry said');
  3. the sentences before it in the same paragraph (at most ``REACH``), the last verb of saying there;
  4. the document's statement heading ("Statement by the Ministry of Foreign Affairs of Japan", bayan sadir
     'an wizarat al-kharijiyya).
The nearest verb of saying decides: when its speaker is no actor we know ("a source said"), there is no issuer,
and a speaker that is a statement ("the statement added", wa-adafa al-bayan) stands for the issuer a sentence before
names with a statement noun ("issued a statement", fi bayan li-l-kharijiyya). No issuer found: no relation.
Words: the language's ``rel statement verbs``, ``rel statement nouns``, ``rel statement headings`` and
``rel first person subjects`` sets; the language's grammar says which verb forms are first person
(``Grammar.first_person``).
"""

from __future__ import annotations

from actorgraph.extract.core.arguments import Arguments
from actorgraph.extract.core.context import Found, TriggerHit
from actorgraph.extract.lang import profile, read_wordsets
from actorgraph.extract.mentions import Hit
from actorgraph.extract.records import ACTOR_TYPES

REACH = 3  # earlier sentences of the paragraph where the speaker may have been introduced
HEADING_SENTENCES = 2  # a statement heading is among the document's first sentences
SPEAKER_GAP = 3  # words (beyond adverbs and articles) between a verb of saying and a speaker after it

Speaker = list[str] | None  # the speaker's keys; [] when the verb of saying has a speaker we do not know


class Statements(Arguments):
    _spans: dict[int, tuple[int, int]] | None = None  # sentence → its token range, built on first use

    def issuers(self, trig: TriggerHit, at: Found) -> list[str]:
        """The keys of the actor(s) issuing the statement a first-person trigger stands in; [] when none in reach."""
        said = self.speaker_before(trig.start, at.lo)
        if said is None:
            said = self.speaker_after_quote(trig.end, at.hi)
        if said is None:  # "according to a statement by the ministry", fi bayan li-l-kharijiyya: «...»
            said = self.issuer_in(at.sent, trig.start)
        sent = at.sent
        while said is None and sent > 0 and at.sent - sent < REACH and self.same_paragraph(sent - 1, sent):
            sent -= 1
            lo, hi = self.sentence_span(sent)
            said = self.speaker_before(hi, lo)
            if said is None:
                said = self.issuer_in(sent)  # "The ministry issued a statement on Sunday. 'We condemn ...'"
        if said is None:
            said = self.heading_issuers()
        return said or []

    def our_state_subject(self, trig: TriggerHit, at: Found) -> bool:
        """Is the verb's subject "our country" (``Grammar.our_state``), right before it (an adverb between: "our
        country strongly condemns") or, where subjects may follow their verb, right after it?"""
        p = trig.start - 1
        while p >= at.lo and self.skippable(p):
            p -= 1
        adverb = p > at.lo and self.hit_at(p) is None and not self.boundary(p) and self.word(p) not in self.v.articles
        if adverb and not self.g.our_state(p) and not self.t.triggers.match(self.keys, p):
            p -= 1
        k = trig.end
        while k < at.hi and self.skippable(k):
            k += 1
        before = p >= at.lo and self.g.our_state(p)
        return before or ("after" in self.agent_sides() and k < at.hi and self.g.our_state(k))

    def states_of(self, keys: list[str]) -> list[str]:
        """The states the issuers act for: a state itself, a person's or a body's state."""
        states: list[str] = []
        for key in keys:
            entity = self.ent.table.get(key)
            if entity is not None and entity.type == "State":
                state = key
            elif entity is not None and entity.type == "Person":
                state = self.state_of(key)
            else:
                iso3 = entity.country if entity is not None else ""
                state = self.t.gazetteer.country_by_iso3.get(iso3, "") if iso3 else ""
                if state:
                    self.ent.ensure_gaz(state)
            if state and state not in states:
                states.append(state)
        return states

    # -- verbs of saying -------------------------------------------------------------------------------
    def speaker_before(self, k: int, lo: int) -> Speaker:
        """The speaker of the last verb of saying before token k (not before lo) that names one; None when there is
        no such verb (a verb that carries its subject, wa-adafat, "he added", is the speaker before it again)."""
        verbs = self.v.sets("statement verbs")
        for p in range(k - 1, lo - 1, -1):
            if self.hit_at(p) is None and self.reads(p, verbs):
                said = self.speaker_of(p, lo, k)
                if said is not None:
                    return said
        return None

    def speaker_after_quote(self, k: int, hi: int) -> Speaker:
        """'"We condemn it," the ministry said': the speaker of a verb of saying right after the quotation that
        the trigger stands in."""
        close = next((m for m in range(k, hi) if self.toks[m].text in self.v.quotes), -1)
        if close < 0:
            return None
        verbs = self.v.sets("statement verbs")
        for p in range(close + 1, min(hi, close + 2 + SPEAKER_GAP + 2)):
            if self.hit_at(p) is None and self.reads(p, verbs):
                return self.speaker_of(p, close + 1, hi)
        return None

    def speaker_of(self, p: int, lo: int, hi: int) -> Speaker:
        """Who says it at p: the actor group before the verb of saying or right after it, in the order the language
        puts subjects; a statement as speaker ("the statement added") stands for its issuer; None when the verb
        carries its subject (the speaker told before goes on); [] for a speaker we do not know."""
        for side in self.agent_sides():
            if side == "before":
                group = [h for h in self.group_ending_before(p, self.clause_start(p, lo), 2) if self.actor(h)]
            else:
                group = self.actor_group_after(p + 1, hi)
            if group:
                return [h.key for h in group]
        if self.statement_noun_near(p, lo, hi):
            return self.statement_issuer(self.toks[p].sent) or []
        return self.head_speaker(p, lo, hi) or (None if self.carried_subject(p, lo, hi) else [])

    def carried_subject(self, p: int, lo: int, hi: int) -> bool:
        """Does the verb of saying at p name no speaker of its own: a subject pronoun before it ("he added", "we
        said"), or, where subjects follow their verb, punctuation or a complementizer right after it (wa-adafat:
        «...»)?"""
        q = p - 1
        while q >= lo and self.skippable(q):
            q -= 1
        if q >= lo and (self.word(q) in self.v.pronouns or self.reads(q, self.v.sets("first person subjects"))):
            return True  # "he added", "we said": the speaker told before
        k = p + 1
        while k < hi and self.skippable(k):
            k += 1
        openers = self.v.complement_openers | self.v.sets("complementizers")
        after = "after" in self.agent_sides()
        return after and (
            k >= hi or self.toks[k].punct or self.word(k) in openers or self.toks[k].text in self.v.quotes
        )

    def head_speaker(self, p: int, lo: int, hi: int) -> list[str]:
        """ "The ministry said", wa-qalat al-wizara: a definite head noun of an actor type (heads.tsv) as the speaker
        is the one actor of that type the document named before; [] when it named none or several."""
        for k in (p - 1 if side == "before" else p + 1 for side in self.agent_sides()):
            if not lo <= k < hi or self.hit_at(k) is not None:
                continue
            definite = self.g.definite(k) or (k > lo and self.word(k - 1) in self.v.definite_determiners)
            types = {head.type for _e, head, _p in self.t.heads.match(self.keys, k)} & ACTOR_TYPES
            if definite and types:
                named = {h.key for h in self.hits if h.end <= k and h.type in types and h.kind != "adjmod"}
                return sorted(named) if len(named) == 1 else []
        return []

    def agent_sides(self) -> tuple[str, ...]:
        """Where the language puts a subject: before the verb, after it, in the order it prefers."""
        return read_wordsets(self.lang).get("word-order:agent-sides:cased", ("before", "after"))

    def actor_group_after(self, k: int, hi: int) -> list[Hit]:
        gap = SPEAKER_GAP
        while k < hi and self.hit_at(k) is None and gap >= 0:
            if self.boundary(k):
                return []
            if not (self.skippable(k) or self.word(k) in self.v.articles):
                gap -= 1
            k += 1
        hit = self.hit_at(k) if k < hi else None
        if hit is None or not self.actor(hit) or gap < SPEAKER_GAP - 1:
            return []  # "said a source close to the ministry": a speaker of its own, not the actor named later
        return [h for h in self.group_from(hit, hi) if self.actor(h)]

    def statement_noun_near(self, p: int, lo: int, hi: int) -> bool:
        """Is a statement the subject of the verb of saying at p (wa-adafa al-bayan, "the statement added")?"""
        nouns = self.v.sets("statement nouns")
        return any(self.reads(m, nouns) for m in (p - 1, p + 1, p + 2) if lo <= m < hi and self.hit_at(m) is None)

    def statement_issuer(self, sent: int) -> Speaker:
        """The issuer of the statement named last, in this sentence or the ``REACH`` before; None when none is."""
        for s in range(sent, max(-1, sent - REACH - 1), -1):
            found = self.issuer_in(s)
            if found:
                return found
        return None

    def issuer_in(self, sent: int, until: int = -1) -> Speaker:
        """The issuer of the last statement noun of a sentence (before token ``until`` when given) that names one:
        the actor right after it (fi bayan li-wizarat al-kharijiyya), else the subject before it ("the ministry
        issued a statement"); None when none is. Before ``until``, the words up to it must be quoted: a colon or a
        quotation mark between the statement and ``until``."""
        nouns = self.v.sets("statement nouns")
        lo, hi = self.sentence_span(sent)
        hi = until if until >= 0 else hi
        quoting = [m for m in range(lo, hi) if self.toks[m].text in self.v.quotes or self.toks[m].text == ":"]
        for m in range(hi - 1, lo - 1, -1):
            if self.hit_at(m) is not None or not self.reads(m, nouns):
                continue
            if until >= 0 and not any(q > m for q in quoting):
                continue
            after = self.actor_group_after(m + 1, hi)
            if after:
                return [h.key for h in after]
            first = self.first_actor(self.clause_start(m, lo), m)  # the subject of "issued", asdarat
            if first is not None:
                return [h.key for h in self.group_from(first, m) if self.actor(h)]
        return None

    # -- the document's own statement --------------------------------------------------------------------
    def heading_issuers(self) -> Speaker:
        """The actors a statement heading names ("Statement by the Ministry of Foreign Affairs of Japan", bayan
        sadir 'an wizarat al-kharijiyya): a phrase of ``statement headings`` opening one of the first sentences."""
        phrases = sorted(profile(self.lang).phrases("rel statement headings"), key=len, reverse=True)
        for s in range(min(HEADING_SENTENCES, self.sentence_count())):
            lo, hi = self.sentence_span(s)
            for phrase in phrases:
                if self.phrase_read(lo, phrase):
                    group = self.actor_group_after(lo + len(phrase), hi)
                    if group:
                        return [h.key for h in group]
        return None

    def phrase_read(self, k: int, phrase: tuple[str, ...]) -> bool:
        light = self.g.light_proclitics
        return all(
            k + i < len(self.toks) and (self.word(k + i) == w or self.keys[k + i].get(w, "x") in light)
            for i, w in enumerate(phrase)
        )

    # -- sentences and paragraphs ------------------------------------------------------------------------
    def sentence_span(self, sent: int) -> tuple[int, int]:
        if self._spans is None:
            spans: dict[int, tuple[int, int]] = {}
            for tok in self.toks:
                if tok.sent >= 0:
                    lo, _hi = spans.get(tok.sent, (tok.i, tok.i))
                    spans[tok.sent] = (lo, tok.i + 1)
            self._spans = spans
        return self._spans.get(sent, (0, 0))

    def sentence_count(self) -> int:
        return max((tok.sent for tok in self.toks), default=-1) + 1

    def same_paragraph(self, a: int, b: int) -> bool:
        """Are sentences a and b (a before b) in one paragraph (no line break between them)?"""
        a_lo, a_hi = self.sentence_span(a)
        b_lo, _b_hi = self.sentence_span(b)
        if a_hi <= a_lo or a_hi > b_lo:
            return False
        return "\n" not in self.ent.text[self.toks[a_hi - 1].end : self.toks[b_lo].start]
