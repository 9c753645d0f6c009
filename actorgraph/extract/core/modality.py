"""Reported speech and the scope of modality: hedged, negated and future claims are never stated as asserted.

A cue of the lexicon (``cues.tsv``: "may", "denied", qad, nafa) governs the trigger after it in its clause; a
relative clause is its own claim; attribution to unnamed sources ("according to sources") covers the sentence.
The language's grammar adds the mood verbs carry (a future prefix, a present tense with "next month").
"""

from __future__ import annotations

from actorgraph.extract.core.context import TriggerHit
from actorgraph.extract.core.coordination import Coordination
from actorgraph.extract.core.vocab import trait


class Modality(Coordination):
    def modality(self, trig: TriggerHit, lo: int, hi: int | None = None) -> str:
        cued = self.cued_modality(trig, lo, hi)
        if cued != "asserted":
            return cued  # "لم يتضح ما إذا كان ترامب سيزور": the hedge outranks the future prefix
        return self.g.verb_mood(trig, lo, hi)

    def span_modality(self, a: int, b: int) -> str:
        """The modality a verb between tokens a and b gives what it says of a noun before it: a verb's own
        mood (may + present, a future verb) or a cue of the lexicon; "asserted" when there is none."""
        for m in range(a, b):
            mood = self.g.word_mood(m, b)
            if mood:
                return mood
            for c_end, (modality, _scope), pro in self.t.cues.match(self.keys, m):
                if c_end <= b and self.g.cue_ok(m, pro):
                    return str(modality)
        return "asserted"

    def cued_modality(self, trig: TriggerHit, lo: int, hi: int | None) -> str:
        if self.g.hedged_verb(trig, lo):
            return "hedged"  # قد + present tense: "may"
        best = self.nearest_cue(trig, lo)
        if best and best[1] == "future" and self.hedge_before(best[0], lo):
            return "hedged"  # "unclear whether Kim will attend": the hedge before the future outranks it
        if best:
            return best[1]
        # Attribution to unnamed sources anywhere in the sentence: "According to sources, …" or
        # "…, according to sources familiar": it qualifies the whole claim, across commas.
        for m in [*range(lo, trig.start), *range(trig.end, hi if hi is not None else trig.end)]:
            for _end, (modality, scope), pro in self.t.cues.match(self.keys, m):
                if scope == "both" and self.g.cue_ok(m, pro):
                    return str(modality)
        return "asserted"

    def nearest_cue(self, trig: TriggerHit, lo: int) -> tuple[int, str] | None:
        """The closest cue before the trigger in its clause: (where, modality)."""
        m = trig.start - 1
        floor = max(lo, trig.start - 10)
        while m >= floor:
            if self.strong(m) and self.toks[m].text not in self.v.quotes:
                break
            if self.word(m) in self.v.relative_openers:
                break  # "may revive the accord that Ankara and Damascus signed": the relative clause is its own claim
            for c_end, (modality, _scope), pro in self.t.cues.match(self.keys, m):
                if c_end <= trig.start + 1 and self.g.cue_ok(m, pro):
                    return m, str(modality)
            m -= 1
        return None

    def hedge_before(self, at: int, lo: int) -> bool:
        for k in range(max(lo, at - 10), at):
            if self.strong(k):
                continue
            for c_end, (modality, _scope), pro in self.t.cues.match(self.keys, k):
                if modality == "hedged" and c_end <= at and self.g.cue_ok(k, pro):
                    return True
        return False

    def accusation_content(self, trig: TriggerHit, lo: int) -> bool:
        """Is this trigger the act someone is accused of (of/for + gerund; bi- + verbal noun after ittaham)?"""
        if not self.g.accused_act(trig, lo):
            return False
        sent, start = self.toks[trig.start].sent, self.toks[trig.start].start
        accusing = trait("accusation")
        return any(r.relation in accusing and r.sentence == sent and r.start < start for r in self.relations)
