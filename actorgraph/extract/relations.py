"""Relation finding for one document: the triggers of each sentence, each taken through its frame.

The frames live in ``extract/core/`` (one module each, layered: coordination, modality, titles, arguments,
nominal, verbal); ``RelationFinder`` only finds the triggers of a sentence and hands each to its frame in order,
so that a noun trigger under a verb ("agreed to strengthen cooperation") yields to the verb.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from actorgraph.extract.core.context import TYPE_CLASSES, Found, TriggerHit
from actorgraph.extract.core.verbal import Verbal
from actorgraph.extract.core.vocab import trait
from actorgraph.extract.records import ACTOR_TYPES, EVENT_TYPES
from actorgraph.ontology.lexicon import TriggerRule

__all__ = ["RelationFinder", "TriggerHit"]


@dataclass(slots=True)
class Infinitives:
    """A sentence's verb before "to" + verb, where its infinitive starts, and where triggers gave relations."""

    control: TriggerHit | None = None
    complement: int = -1
    related: set[int] = field(default_factory=set)


class RelationFinder(Verbal):
    def triggers(self, start: int, end: int) -> list[TriggerHit]:
        out: list[TriggerHit] = []
        k = start
        while k < end:
            covered = self.hit_at(k)
            # an event named by its head (a joint news conference) may still be a meeting noun (news conference)
            event = covered is not None and covered.kind == "head" and covered.type in EVENT_TYPES
            if covered is not None and covered.kind != "anaphor" and not event:
                k += 1
                continue
            matches = [m for m in self.t.triggers.match(self.keys, k, self.gap_stop) if m[0] <= end]
            if event:
                matches = [m for m in matches if m[1].pos == "noun"]
            if matches and self.g.article_reading(k):
                matches = [m for m in matches if m[1].pos not in ("verb", "part")]  # الضربة is no ضرب+ه
            if not matches:
                k += 1
                continue
            m_end, rule, _pro = matches[0]
            # A word may carry two relations (استقبل: received = met and hosted): every rule of the longest match.
            seen: list[TriggerRule] = []
            for end_, rule_, pro_ in matches:
                if end_ == m_end and rule_ not in seen:
                    seen.append(rule_)
                    out.append(TriggerHit(k, m_end, rule_, pro_))
            k = m_end if rule.frame != "eval" else k + 1
        return out

    def run_sentence(self, lo: int, hi: int, sent_index: int, allow: bool, date: str | None) -> None:
        self.title_relations(lo, hi, sent_index)
        if allow:
            self.relate_sentence(Found(lo, hi, sent_index, date))
        self.update_salience(lo, hi)

    def relate_sentence(self, at: Found) -> None:
        lo, hi = at.lo, at.hi
        trigger_hits = self.triggers(lo, hi)
        self.adjective_nominals(at)
        verbs: list[tuple[TriggerHit, int, int]] = []  # verb triggers with their clauses
        chain = Infinitives()
        for trig in trigger_hits:
            before = len(self.relations)
            c_lo, c_hi = self.clause_start(trig.start, lo), self.clause_end(trig.end, hi)
            if trig.rule.pos == "nom":
                self.nominal(trig, at)
                continue
            governing = next((v for v, a, b in verbs if a <= trig.start < b), None)
            if trig.rule.pos == "noun" and governing is not None:
                self.governed_noun(trig, governing, at)
                continue
            if trig.rule.pos == "verb" and self.negated_verbal_noun(trig, trigger_hits, c_hi):
                continue  # رفض (…) التوقيع "refused to sign": the verbal noun is the relation, the verb its negation
            if trig.rule.pos in ("verb", "part"):
                verbs.append((trig, c_lo, c_hi))
            self.relate(trig, at)
            self.infinitive(trig, before, at, chain)

    def adjective_nominals(self, at: Found) -> None:
        """ "ghara Isra'iliyya 'ala al-Doha": an act noun the mention finder read with its nisba as one mention."""
        lo, hi = at.lo, at.hi
        for hit in self.hits_by_sent.get(self.toks[lo].sent, ()) if lo < hi else ():
            if hit.kind == "adj" and lo <= hit.start < hi and hit.end - hit.start >= 2:
                for end, rule, pro in self.t.triggers.match(self.keys, hit.start):
                    if rule.pos == "nom" and end < hit.end:
                        self.nominal(TriggerHit(hit.start, end, rule, pro), at)
                        break

    def infinitive(self, trig: TriggerHit, before: int, at: Found, chain: Infinitives) -> None:
        """After a trigger was related: the infinitive of a verb before it ("agreed to lend") gets that verb's
        mood, and lends it its objects when it had none; a verb before "to" waits for its infinitive."""
        control = chain.control
        if control is not None and trig.start == chain.complement:
            if control.start not in chain.related:
                self.complement_objects(control, trig, before, at)
            self.governed_mood(control, before, at)
        if len(self.relations) > before:
            chain.related.add(trig.start)
        opens = self.infinitive_after(trig, at.hi) if trig.rule.pos == "verb" else at.hi
        if trig.start != chain.complement and opens < at.hi:
            chain.control, chain.complement = trig, opens + 1

    def governed_mood(self, control: TriggerHit, first: int, at: Found) -> None:
        """ "threatened today to impose sanctions", "did not agree to lend": the act of an infinitive is not a fact;
        it takes its governing verb's mood, or the future when that verb is asserted."""
        mood = self.modality(control, at.lo, at.hi)
        for rel in self.relations[first:]:
            # "refused to meet": a negation cue of its own (the governing trigger's word) outweighs the intent
            if rel.rule.startswith(self.lang) and not rel.rule.endswith(".complement") and rel.modality != "negated":
                rel.modality = "future" if mood == "asserted" else mood  # type: ignore[assignment]

    def infinitive_after(self, trig: TriggerHit, hi: int) -> int:
        """Where "to" opens the verb's infinitive ("threatened today to impose"); hi when none does."""
        k = trig.end
        while k < hi and self.word(k) not in self.v.purpose and self.skippable(k):
            k += 1
        return k if k < hi and self.word(k) in self.v.purpose else hi

    def complement_objects(self, governing: TriggerHit, complement: TriggerHit, first: int, at: Found) -> None:
        """ "Iran agreed to release the sailors", "threatened to cut supplies to Ukraine": a verb with no object of
        its own acts on the objects of the trigger verb of its infinitive, with the same subject; not a refusal
        ("refused to sanction Russia" opposes no Russia: word set ``rel no complement objects:cased``)."""
        if governing.rule.frame not in ("act", "sym") or self.excepted(governing, at.hi):
            return
        if governing.rule.relation in self.v.sets("no complement objects:cased"):
            return
        modality = self.modality(governing, at.lo, at.hi)
        rule_id = f"{self.lang}.{governing.rule.relation}.complement"
        for rel in [r for r in self.relations[first:] if r.sentence == at.sent and r.rule.startswith(self.lang)]:
            if any(self.type_of(rel.object) in TYPE_CLASSES.get(c, ()) for c in governing.rule.types):
                self.emit(rel.subject, governing.rule, rel.object, governing, at, modality, rule_id)

    def governed_noun(self, trig: TriggerHit, governing: TriggerHit, at: Found) -> None:
        """ "agreed to strengthen cooperation": the verb carries the relation; but "hosts talks between A and B"
        still pairs A and B, with the hosting verb's modality."""
        if trig.rule.frame != "sym":
            return
        modality = self.modality(trig, at.lo, at.hi)
        if modality == "asserted":
            modality = self.modality(governing, at.lo, at.hi)
        rule_id = f"{self.lang}.{trig.rule.relation}.noun"
        paired = self.between(trig, at, modality, rule_id)
        if paired and governing.rule.relation in trait("hosts"):
            self.hosted_talks(governing, trig, at, modality)

    def negated_verbal_noun(self, trig: TriggerHit, trigger_hits: list[TriggerHit], c_hi: int) -> bool:
        nouns = any(
            t.rule.pos == "noun" and trig.end <= t.start <= trig.end + 6 and t.start < c_hi for t in trigger_hits
        )
        return nouns and any(mod == "negated" for _e, (mod, _s), _p in self.t.cues.match(self.keys, trig.start))

    def update_salience(self, lo: int, hi: int) -> None:
        for hit in self.hits_by_sent.get(self.toks[lo].sent, []) if lo < hi else ():
            if lo <= hit.start < hi and self.type_of(hit.key) in ACTOR_TYPES and hit.kind != "adj":
                self.remember([hit.key])
