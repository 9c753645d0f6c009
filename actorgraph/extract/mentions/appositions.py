"""Appositions between two mentions: "a summit known as the Shangri-La Dialogue" (one event, named), and
"Frontex, the EU's border agency," / "the Qassam Brigades, the military wing of Hamas," (a part of another actor)."""

from __future__ import annotations

from actorgraph.extract.mentions.state import ORG_TYPES, FinderState
from actorgraph.extract.records import ACTOR_TYPES, EVENT_TYPES


class AppositionMixin(FinderState):
    def part_appositions(self, start: int, end: int) -> None:
        """An organisation followed by an apposition naming it a part (arm, wing, agency) of another actor:
        the organisation's mention takes in the apposition and records the whole it belongs to."""
        part_words = self.words("part words")
        closers = self.commas | {"."}
        for hit in [h for h in self.hits if start <= h.start < end]:
            if hit.type not in ORG_TYPES or hit.kind not in ("name", "head") or hit.affiliation:
                continue
            k = hit.end
            if k >= end or self.toks[k].text not in self.commas:
                continue
            close = next((m for m in range(k + 1, min(end, k + 12)) if self.toks[m].text in closers), None)
            if close is None or close == k + 1:
                continue
            span = range(k + 1, close)
            if not any(not part_words.isdisjoint(self.keys[m]) for m in span):
                continue
            owners = [self.hits[self.cover[m]] for m in span if self.cover[m] >= 0]
            owner = next((o for o in owners if o.type in ACTOR_TYPES - {"Person"} and o.key != hit.key), None)
            if owner is None or any(o.type == "Person" for o in owners):
                continue
            hit.affiliation = owner.key
            owner.kind = "adjmod"  # a modifier inside the apposition, not an actor of the sentence
            stop = close + 1 if self.toks[close].text in self.commas else close  # the closing comma belongs to it
            idx = self.cover[hit.start]
            for m in range(hit.end, stop):
                self.cover[m] = idx
            hit.end = stop

    def appositions(self, start: int, end: int) -> None:
        """A head phrase, a cue (known as, al-ma'rufa bi-ism) and a name: the head phrase is that name."""
        cues = self.words("apposition cues")
        sent_hits = [h for h in self.hits if start <= h.start < end]
        for a, b in zip(sent_hits, sent_hits[1:], strict=False):
            if a.kind != "head" or b.kind not in ("name",) or a.type not in EVENT_TYPES | ORG_TYPES:
                continue
            between = [self.norm(k) for k in range(a.end, b.start)]
            if len(between) <= 5 and any(w in cues for w in between):
                old = a.key
                a.key = b.key
                a.type = b.type
                entity = self.ent.table.get(old)
                if entity is not None and not any(h.key == old for h in self.hits):
                    del self.ent.table[old]
