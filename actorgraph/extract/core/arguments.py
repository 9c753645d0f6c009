"""A trigger's arguments: the subject group before it (or after it, in a verb-first language) and the object
group after it, preferring the one its argument marker introduces (the trigger row's ``preps``)."""

from __future__ import annotations

from actorgraph.extract.core.context import TriggerHit
from actorgraph.extract.core.titles import Titles
from actorgraph.extract.core.vocab import trait
from actorgraph.extract.mentions import Hit
from actorgraph.extract.records import ACTOR_TYPES


class Arguments(Titles):
    # -- subjects ------------------------------------------------------------------------------------
    def subject_group(self, trig: TriggerHit, lo: int, hi: int) -> tuple[list[Hit], bool]:
        """(subject hits, is_vso). Empty when the subject must come from coreference."""
        c_lo = self.clause_start(trig.start, lo)
        if trig.rule.pos == "verb":
            p = trig.start - 1
            while p >= lo and self.skippable(p):
                p -= 1
            if p >= lo and (self.word(p) in self.v.conjunctions or self.word(p) in self.v.pronouns):
                return [], False  # "… and meet Trump", "said he supported": not the actor named before
        before = [
            h
            for h in self.group_ending_before(trig.start, c_lo, self.g.subject_gap(trig))
            if self.actor(h) and (h.kind != "patron" or h.end + 1 == trig.start)  # "Rwanda-backed": only backs
        ]
        comma = c_lo - 1
        if not before and trig.rule.pos == "noun" and comma > lo and self.comma(comma):
            actors = [self.hit_at(m) for m in range(c_lo, trig.start)]
            if self.word(c_lo) in self.v.sets("circumstantial") and not any(
                h and self.type_of(h.key) in ACTOR_TYPES for h in actors
            ):
                # "قال زيلينسكي، خلال مؤتمر صحفي مع أردوغان،", "X said, during a news conference with Y,"
                gap = self.g.circumstantial_gap
                before = [
                    h for h in self.group_ending_before(comma, self.clause_start(comma, lo), gap) if self.actor(h)
                ]
                if before:
                    return before, False
        return self.g.subject_around(trig, before, c_lo, lo, hi)

    def main_subject(self, trig: TriggerHit, lo: int) -> list[Hit]:
        """The subject of the sentence's main clause, for a participle clause after a comma (", muntaqidan …"):
        the subject of the last relation already found in the sentence, else its first actor."""
        sent = self.toks[trig.start].sent
        p = trig.start - 1
        while p >= lo and self.skippable(p):
            p -= 1
        if p < lo or (self.g.participle_after_comma and not self.comma(p)):
            return []  # Arabic participles and reasons (احتجاجا على) need no comma; English ones do
        background = trait("background")
        for rel in reversed(self.relations):
            if rel.sentence != sent or rel.relation in background:
                continue
            hit = next((h for h in self.hits if h.key == rel.subject and lo <= h.start < trig.start), None)
            if hit is not None:
                return [hit]
        first = self.first_actor(lo, p)
        return [first] if first is not None else []

    def resolve_pronoun(self, trig: TriggerHit, want: str) -> list[str]:
        """The nearest compatible actor earlier in the same sentence ("qala al-Sharaa innahu bahath", "X said he
        would …"), else the most recent salient subject compatible with the verb's gender (m, f, n, p)."""
        sent = self.toks[trig.start].sent
        earlier = [
            h.key for h in self.hits if h.end <= trig.start and self.toks[h.start].sent == sent and h.kind != "adjmod"
        ]
        for key in [*reversed(earlier), *reversed(self.salient)]:
            t = self.type_of(key)
            entity = self.ent.gaz(key)
            gender = entity.gender if entity else ""
            person = t == "Person"
            fits = {
                "m": person and gender != "female",
                "f": (person and gender == "female") or t in ACTOR_TYPES - {"Person"},
                "she": person and gender != "male",
                "n": t in ACTOR_TYPES - {"Person"},
                "any": t in ACTOR_TYPES,
            }
            if fits.get(want, False):
                return [key]
        return []

    # -- objects -------------------------------------------------------------------------------------
    def objects(self, trig: TriggerHit, after: int, hi: int, exclude: set[str]) -> list[Hit]:
        rule = trig.rule
        limit = self.object_limit(trig, after, hi)
        plain: list[Hit] = []
        k = after
        if after < hi and self.word(after) in self.v.complement_openers:
            return []  # "warned that Washington was ready": the clause's subject is not the verb's object
        refusal = rule.relation in self.v.sets("no complement objects:cased")
        if refusal and after < hi and self.word(after) in self.v.purpose:
            return []  # "refused to sanction Russia": what the infinitive names is not refused
        while k < limit:
            if rule.relation in trait("judges-acts") and k > after and self.word(k) in self.v.relatives:
                agent = self.g.relative_agent(k, hi)
                if agent is not None and not plain and agent.key not in exclude:
                    return [agent]  # "criticised the restrictions that Israel imposes": Israel's act
            if self.comma(k) and k + 1 < hi and self.word(k + 1) in self.v.aka:
                close = next((c for c in range(k + 2, min(hi, k + 8)) if self.comma(c)), k)
                limit = min(hi, limit + close - k + 1)  # a nickname in apposition does not use up the window
            if (k > after and self.object_stop(trig, k, hi)) or self.new_clause_subject(k, hi):
                break
            hit = self.hit_at(k)
            if hit is None:
                if rule.pos != "noun" and self.noun_trigger_at(k):
                    break  # "hosts talks between A and B": the talks are the object, A and B their parties
                k += 1
                continue
            found = self.object_at(trig, hit, after, hi, exclude)
            if found is not None:
                group, final = found
                if final:
                    return group or plain
                plain = plain or group
            k = hit.end
        return plain

    def object_limit(self, trig: TriggerHit, after: int, hi: int) -> int:
        """Where the object search ends: the row's window, or two words on after a hyphened trigger
        ("Rwanda-backed M23 rebels": what is backed is the noun right after)."""
        limit = min(hi, after + trig.rule.window)
        if trig.start > 0 and self.toks[trig.start - 1].text in self.v.hyphen:
            limit = min(limit, after + 2)
        return limit

    def object_at(
        self, trig: TriggerHit, hit: Hit, after: int, hi: int, exclude: set[str]
    ) -> tuple[list[Hit], bool] | None:
        """What the mention at hit gives as objects: None (not an object), (group, True) when the search ends
        there (a marked object, a possessed noun phrase) or (group, False) for an unmarked candidate."""
        rule = trig.rule
        if self.not_an_object(trig, hit, after, hi, exclude):
            return None
        if not self.concrete(rule.relation) and self.g.possessor(hit, after, hi):
            # "supports Egypt's plan", خطة مصر: the owner of the object; what follows is inside it, but
            # "sanctions on Russia's two largest oil companies, Rosneft and Lukoil" names them after a comma
            return self.apposed(hit.end, hi, rule.types, exclude), True
        if self.a_place(trig, hit, after):
            return None
        group = [h for h in self.group_from(hit, hi) if h.key not in exclude and self.eligible(h, rule.types)]
        leader = self.leader_after(group[-1], hi) if group else None
        if leader is not None and leader.key not in exclude:
            group = [leader]  # "talks with a Chinese delegation led by He Lifeng": he is the other side
        if self.marked(hit, after, hi, {self.v.normalize(p) for p in rule.preps}):
            return group, True
        if rule.frame == "sym" and rule.relation not in trait("direct-partner"):
            return None  # "agreed to a deal mediated by Qatar": partners come with "with"/مع
        return group, False

    def leader_after(self, hit: Hit, hi: int) -> Hit | None:
        """The person named after a group by "led by" or "headed by" (word set "rel led by phrases"), or None."""
        for phrase in self.v.led_by:
            k = hit.end + len(phrase)
            if k < hi and self.phrase_at(hit.end, (phrase,)):
                leader = self.hit_at(k)
                if leader is not None and leader.start == k and self.type_of(leader.key) == "Person":
                    return leader
        return None

    def object_stop(self, trig: TriggerHit, k: int, hi: int) -> bool:
        """Does the object search stop at k (a clause boundary, a contrast, "between", the next verb)?"""
        rule = trig.rule
        if rule.window < 20 and self.gap_stop(k) and self.toks[k].text not in self.v.quotes:
            return True
        if self.word(k) in self.v.contrast or self.phrase_at(k, self.v.contrast_phrases):
            return True  # "…، في حين أكد روبيو", "while": another clause, another claim
        if rule.frame == "sym" and rule.pos == "verb" and self.word(k) in self.v.between:
            return True  # "welcomed the agreement between A and B": A and B are the agreement's parties
        if self.hit_at(k) is None and self.word(k) in self.v.conjunctions and k + 1 < hi:
            # "welcomed the move and asked Washington": the next verb has its own object
            return any(r.pos == "verb" for _e, r, _p in self.t.triggers.match(self.keys, k + 1))
        return False

    def new_clause_subject(self, k: int, hi: int) -> bool:
        """A comma and a conjunction, then actors and a verb of ours: ", and Russia and China vetoed" is
        another clause with its own subject, not more objects."""
        if not (self.comma(k) and k + 2 < hi and self.word(k + 1) in self.v.conjunctions):
            return False
        first = self.hit_at(k + 2)
        if first is None or first.start != k + 2:
            return False
        after = self.group_from(first, hi)[-1].end
        return after < hi and any(r.pos == "verb" for _e, r, _p in self.t.triggers.match(self.keys, after))

    def not_an_object(self, trig: TriggerHit, hit: Hit, after: int, hi: int, exclude: set[str]) -> bool:
        rule = trig.rule
        if hit.key in exclude or hit.kind == "patron" or not self.eligible(hit, rule.types):
            return True  # "struck Iran-backed militias": the patron is not struck
        if rule.frame == "sym" and hit.kind == "adjmod":
            return True  # "welcomed Syrian refugees", اللاجئين السوريين: not agentive (as "Syrian officials" is)
        # "welcomed the U.S. move", "received the Chinese proposal": not a partner
        return rule.relation in trait("direct-partner") and self.g.modifier(hit, hi)

    def a_place(self, trig: TriggerHit, hit: Hit, after: int) -> bool:
        """Is this mention where something happened rather than a partner ("met in London", jawla bi-l-Qahira)?"""
        rule = trig.rule
        locative = hit.start - 1 >= after and self.word(hit.start - 1) in self.v.locative
        if locative and not set(rule.types) & {"place", "event"}:
            return True  # "met in London": a place, not a partner
        return rule.frame == "sym" and self.g.clitic_place(hit)  # jawla bi-l-Qahira "in Cairo": a place

    def marked(self, hit: Hit, after: int, hi: int, preps: set[str]) -> bool:
        """Does one of the trigger's argument markers introduce this mention ("with the United States", "ma'a
        kull min")?"""
        prev, skip = hit.start - 1, self.v.indefinites | self.v.sets("premodifiers")
        while prev > after and self.word(prev) in skip:
            prev -= 1  # "with the United States", "with senior Syrian officials"
        by_prep = prev >= after and self.word(prev) in preps
        listed = self.g.list_marker(prev, after, hi, preps)
        if listed is not None:
            by_prep = listed
        return by_prep or self.g.clitic_marker(hit, preps)

    def phrase_at(self, k: int, phrases: tuple[tuple[str, ...], ...]) -> bool:
        return any(tuple(self.words[k : k + len(p)]) == p for p in phrases)

    def noun_trigger_at(self, k: int) -> bool:
        return any(rule.pos == "noun" and rule.frame == "sym" for _e, rule, _p in self.t.triggers.match(self.keys, k))

    def apposed(self, k: int, hi: int, types: tuple[str, ...], exclude: set[str]) -> list[Hit]:
        """The actors a comma apposition names right after a possessed noun phrase starting at k
        ("Russia's two largest oil companies, Rosneft and Lukoil,"); [] when none does."""
        for m in range(k, min(hi, k + 7)):
            if self.hit_at(m) is not None or self.boundary(m) and not self.comma(m):
                return []
            if self.comma(m):
                first = self.hit_at(m + 1) if m + 1 < hi else None
                if first is None or first.start != m + 1:
                    return []
                group = [h for h in self.group_from(first, hi) if h.key not in exclude and self.eligible(h, types)]
                end = group[-1].end if group else m
                closed = end >= hi or self.comma(end) or self.toks[end].text == "."
                return group if closed else []
        return []

    def relative_antecedent(self, trig: TriggerHit, subjects: list[Hit], lo: int) -> list[Hit]:
        """The object of an object relative clause: "the Oslo Accords, which Israel and the PLO signed",
        ittifaqiyyat Oslo allati waqqa'at-ha Isra'il (the verb carries the resumptive pronoun -ha)."""
        c_lo = self.clause_start(min(trig.start, subjects[0].start), lo)
        rel = c_lo - 1
        if rel < lo or self.word(rel) not in self.v.relatives or not self.g.object_relative(trig, subjects, c_lo):
            return []
        p = rel - 1
        if p >= lo and self.comma(p):
            p -= 1
        hit = self.hit_at(p) if p >= lo else None
        if hit is None or hit.end != p + 1 or hit in subjects or not self.eligible(hit, trig.rule.types):
            return []
        return [hit]
