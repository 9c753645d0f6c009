"""Titles and appositions: what a mention says of its actor as background (always asserted).

"Japanese Defense Minister Gen Nakatani" holds a position and is affiliated with Japan; "the Ukrainian city of
Kharkiv" is located in Ukraine; "Hamas's delegation headed by X" (wafd Hamas bi-ri'asat X) affiliates X; "X, a
Pakistan-based group" is located in Pakistan; "Finland, a NATO member" is a member of NATO (frame ``member``).
"""

from __future__ import annotations

from actorgraph.extract.core.context import Found, TriggerHit
from actorgraph.extract.core.modality import Modality
from actorgraph.extract.mentions import Hit
from actorgraph.extract.records import ACTOR_TYPES

ORGANISATIONS = ACTOR_TYPES - {"Person", "State"}


class Titles(Modality):
    def title_relations(self, lo: int, hi: int, sent: int) -> None:
        done: set[tuple[str, str, str]] = set()
        for hit in self.hits_by_sent.get(sent, ()):
            if not lo <= hit.start < hi:
                continue
            if hit.kind in ("name", "head") and hit.affiliation:
                self.background(hit, "partOf", hit.affiliation, sent, f"{self.lang}.apposition")
            elif hit.kind == "place" and hit.affiliation:
                # "the Ukrainian city of Kharkiv": where the place is, stated as background.
                self.background(hit, "locatedIn", hit.affiliation, sent, f"{self.lang}.place")
            elif hit.type == "Person" and (org := self.g.delegation_of(hit, lo)):
                # وفد حماس برئاسة خليل الحية: the head of an actor's delegation is with that actor
                self.background(hit, "affiliatedWith", org, sent, f"{self.lang}.delegation")
            elif base := self.g.based_in(hit, hi):
                # "Lashkar-e-Taiba, a Pakistan-based militant group": where the group is
                self.background(hit, "locatedIn", base, sent, f"{self.lang}.based")
            elif hit.kind == "title":
                self.title(hit, sent, done)

    def title(self, hit: Hit, sent: int, done: set[tuple[str, str, str]]) -> None:
        end = max(hit.start, hit.title_end - 1) + 1
        for position, affiliation in [(hit.position, hit.affiliation), *hit.extra]:
            for relation, target in (("holdsPosition", position), ("affiliatedWith", affiliation)):
                if target and (hit.key, relation, target) not in done:
                    done.add((hit.key, relation, target))
                    self.background(hit, relation, target, sent, f"{self.lang}.title", end)

    def apposition_closed(self, comma: int) -> list[str]:
        """ "Peru's interim president, Jose Jeri, met": the titled person whose name in apposition this comma
        closes."""
        hit = self.hit_at(comma - 1) if comma > 0 else None
        if hit is None or hit.kind != "title" or hit.end != comma:
            return []
        return [hit.key] if any(self.comma(m) for m in range(hit.start, hit.end)) else []

    def relative_closed(self, comma: int, lo: int) -> list[str]:
        """ "X, who …, VERB": the actors a relative clause closed by this comma was about; [] when the comma
        closes something else."""
        r = comma - 1
        while r > lo and not self.strong(r):
            if self.word(r) in self.v.relative_pronouns and self.comma(r - 1):
                return [h.key for h in self.group_ending_before(r - 1, lo, 0) if self.actor(h)]
            r -= 1
        return []

    # -- membership: "Finland, a NATO member", "became NATO's 32nd member", عضو في الناتو ---------------------
    def membership(self, trig: TriggerHit, at: Found, modality: str, rule_id: str) -> None:
        lo, hi = at.lo, at.hi
        org = self.member_org(trig, lo, hi)
        if org is None or self.type_of(org.key) not in ORGANISATIONS:
            return
        m = min(trig.start, org.start) - 1
        while m >= lo and (self.hit_at(m) is None or self.hit_at(m) is org):
            m -= 1
        member = self.hit_at(m) if m >= lo else None
        if member is None or self.type_of(member.key) not in ACTOR_TYPES:
            return
        for h in self.group_ending_before(member.end, lo, 0) or [member]:
            self.emit_plain(h.key, "memberOf", org.key, trig.rule.plover, trig, at, modality, rule_id)

    def member_org(self, trig: TriggerHit, lo: int, hi: int) -> Hit | None:
        k = trig.end
        if k < hi and self.word(k) in self.v.member_preps:
            k += 1
        while k < hi and k < trig.end + 3 and self.hit_at(k) is None and self.word(k) in self.v.indefinites:
            k += 1
        if k < hi and (hit := self.hit_at(k)) is not None and hit.start == k:
            return hit
        for m in range(trig.end, min(hi, trig.end + 5)):
            if self.hit_at(m) is not None:
                if self.g.prepositional(m) or self.word(m - 1) in self.v.sets("member prep before"):
                    return self.hit_at(m)  # عضو دائم في مجلس الأمن
                break
        m = trig.start - 1
        while m >= lo and m >= trig.start - 4 and self.hit_at(m) is None and not self.strong(m):
            m -= 1  # "NATO's 32nd member"
        return self.hit_at(m) if m >= lo else None
