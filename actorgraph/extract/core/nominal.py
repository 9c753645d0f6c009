"""The nominal frame: an act noun with its agent attached and its target after a marker ("Russia's invasion of
Ukraine", "Israeli strikes on Doha", al-harb al-rusiyya 'ala Ukraniya, ziyarat X ila Y), talks between parties ("talks
between X and Y", muhadathat bayna X wa-Y), and a gathering that brought parties together (jama'athu bi-Macron).

Where the agent stands (before the noun as a possessive or an adjective, after it as a nisba or a genitive) is
the language's (``Grammar.attached_agent``); a hypothetical act ("any attack", ayy hujum) has none.
"""

from __future__ import annotations

from actorgraph.extract.core.arguments import Arguments
from actorgraph.extract.core.context import Found, TriggerHit
from actorgraph.extract.core.vocab import trait
from actorgraph.extract.mentions import Hit
from actorgraph.extract.records import ACTOR_TYPES, EVENT_TYPES


class Nominal(Arguments):
    def nominal_agent(self, start: int, end: int, lo: int, hi: int) -> Hit | None:
        """The actor attached to an act noun at [start, end), or None (none, or the act is hypothetical)."""
        own = self.hit_at(start)
        if own is not None and own.kind == "adj" and own.start == start and own.end > end:
            # غارات إسرائيلية read as one mention: the head noun with its nisba
            agent = None if self.g.hypothetical_around(start, own.end, lo, hi) else own
        else:
            agent = self.g.attached_agent(start, end, lo, hi)
        if agent is None or self.type_of(agent.key) not in ACTOR_TYPES:
            return None
        return agent

    def nominal_targets(self, trig: TriggerHit, after: int, hi: int) -> list[Hit]:
        """The target of an act noun: the first eligible actor after one of its prepositions ('ala aradi Qatar,
        "on the Ukrainian city of Odesa")."""
        preps = {self.v.normalize(p) for p in trig.rule.preps}
        limit = min(hi, after + trig.rule.window)
        for k in range(after, limit):
            if k > after and self.boundary(k):
                return []
            if self.hit_at(k) is None and self.word(k) in preps:
                for m in range(k + 1, min(hi, k + 4)):
                    hit = self.hit_at(m)
                    if hit is not None:
                        if hit.start != m or not self.eligible(hit, trig.rule.types):
                            return []
                        return [h for h in self.group_from(hit, hi) if self.eligible(h, trig.rule.types)]
                    if self.toks[m].punct:
                        return []
                return []
        return []

    def nominal(self, trig: TriggerHit, at: Found) -> None:
        agent = self.nominal_agent(trig.start, trig.end, at.lo, at.hi)
        rule_id = f"{self.lang}.{trig.rule.relation}.nom"
        agents = [agent] if agent is not None else self.light_verb_subjects(trig, at)
        if agent is None and agents:
            rule_id += ".light"
        if not agents:
            return
        after = agents[0].end if self.g.agent_after_noun or agents[0].start == trig.start else trig.end
        modality = self.modality(trig, at.lo, at.hi)
        for obj in self.nominal_targets(trig, after, at.hi):
            for a in agents:
                self.emit(a.key, trig.rule, obj.key, trig, at, modality, rule_id)

    def light_verb_subjects(self, trig: TriggerHit, at: Found) -> list[Hit]:
        """ "X ordered an investigation against Y", "launched strikes on Y": an act noun that is the object of a
        light verb (word set "light verbs") has that verb's subject as its agent."""
        light, p = self.v.sets("light verbs"), trig.start - 1
        while p >= at.lo and p >= trig.start - 4 and self.word(p) not in light:
            if self.hit_at(p) is not None or self.toks[p].punct or self.t.triggers.match(self.keys, p):
                return []
            p -= 1
        if p < at.lo or self.word(p) not in light:
            return []
        before = self.group_ending_before(p, self.clause_start(p, at.lo), self.g.subject_gap(trig))
        return [h for h in before if self.actor(h) and h.kind != "adjmod"]

    def act_agent_before(self, k: int, lo: int, hi: int) -> Hit | None:
        """The attached agent of the act noun whose target phrase ends at k (gharah isra'iliyya 'ala al-Dawha)."""
        for m in range(k - 1, max(lo, k - 5) - 1, -1):
            for end, rule, _pro in self.t.triggers.match(self.keys, m):
                if rule.pos == "nom" and end <= k:
                    return self.nominal_agent(m, end, lo, hi)
        return None

    def attacker(self, after: int, lo: int, hi: int) -> str | None:
        """ "condemned the attack (on Qatar)", idanat al-hujum: the one who acted. The act noun's own agent
        (the Israeli strike, Israel's attack) when it has one, else, for a definite noun with none, the
        last actor found doing that act in the document; "" when it is not known; None when no act noun follows."""
        k = after
        while k < min(hi, after + 2) and self.word(k) in self.v.act_determiners:
            k += 1
        p = k
        while p < min(hi, k + 3) and (hit := self.hit_at(p)) is not None:
            p = hit.end  # "the Israeli strike", "Israel's attack"
            if p < hi and self.toks[p].text in self.v.possessive:
                p += 1
        if p >= hi:
            return None
        found = [m for m in self.t.triggers.match(self.keys, p) if m[1].pos == "nom"]
        if not found:
            return None
        end, act, _pro = found[0]
        agent = self.nominal_agent(p, end, lo, hi)
        if agent is not None:
            return agent.key
        definite = self.word(after) in self.v.definite_determiners or self.g.definite(p)
        if not definite or p != k or (end < hi and self.hit_at(end) is not None):
            return ""
        for rel in reversed(self.relations):
            if rel.relation == act.relation and rel.modality == "asserted":
                return rel.subject
        return ""

    # -- talks between parties -----------------------------------------------------------------------
    def between(self, trig: TriggerHit, at: Found, modality: str, rule_id: str) -> bool:
        """ "talks between A and B", muhadathat bayna A wa-B: the parties pair up."""
        hi = at.hi
        k = trig.end
        while k < hi and k < trig.end + 4 and self.word(k) not in self.v.between:
            if self.hit_at(k) is not None or self.strong(k):
                return False
            k += 1
        if k >= hi or self.word(k) not in self.v.between or k + 1 >= hi:
            return False
        if modality == "asserted":  # محادثات قد تعقد بين A و B, "talks to be held between": the verb's mood
            modality = self.span_modality(trig.end, k)
        first = self.hit_at(k + 1)
        if first is None and k + 2 < hi and self.word(k + 1) in self.v.articles:
            first = self.hit_at(k + 2)
        if first is None:
            return False
        parties = [h.key for h in self.group_from(first, hi) if self.type_of(h.key) in ACTOR_TYPES]
        # "talks between Rubio and Lavrov": two people holding talks met, unless the talks were indirect.
        meeting = (
            trig.rule.relation in trait("talks-meet")
            and all(self.type_of(key) == "Person" for key in parties)
            and not any(self.word(m) in self.v.indirect for m in range(max(0, trig.start - 2), min(hi, trig.end + 3)))
        )
        for a_i, a in enumerate(parties):
            for b in parties[a_i + 1 :]:
                if meeting:
                    self.emit_plain(a, "met", b, self.plover("met"), trig, at, modality, rule_id + ".between")
                else:
                    self.emit(a, trig.rule, b, trig, at, modality, rule_id + ".between")
        return len(parties) >= 2

    def hosting_verb_before(self, trig: TriggerHit, lo: int) -> TriggerHit | None:
        """ "istadafat al-Sa'udiyya, al-thulatha', muhadathat": a hosting verb earlier in the noun's clause (day
        commas aside)."""
        for m in range(trig.start - 1, max(lo, trig.start - 9) - 1, -1):
            if self.gap_stop(m):
                return None
            for end, rule, pro in self.t.triggers.match(self.keys, m):
                if rule.relation in trait("hosts") and rule.pos == "verb":
                    return TriggerHit(m, end, rule, pro)
        return None

    def hosted_talks(self, verb: TriggerHit, noun: TriggerHit, at: Found, modality: str) -> None:
        """ "Malaysia hosted talks between Cambodia and Thailand", "istadafat al-Sa'udiyya muhadathat bayna …": the
        talks are an event named by the parties' states ("Cambodia-Thailand talks"), hosted by the verb's subject."""
        lo, hi = at.lo, at.hi
        pair = [r for r in self.relations if r.sentence == at.sent and r.rule.endswith(".between")]
        if not pair:
            return
        a, b = (self.state_of(k) or k for k in (pair[-1].subject, pair[-1].object))
        if a == b or self.type_of(a) != "State" or self.type_of(b) != "State":
            return
        hosts, _vso = self.subject_group(verb, lo, hi)
        keys = [h.key for h in hosts]
        if not keys and verb.start - 1 > lo and self.word(verb.start - 1) in self.v.relative_pronouns:
            q = verb.start - 2 if self.comma(verb.start - 2) else verb.start - 1
            keys = [h.key for h in self.group_ending_before(q, lo, 0) if self.type_of(h.key) in ACTOR_TYPES]
        if not keys:
            return
        names = [self.ent.table[a].label_en, self.ent.table[b].label_en]
        event = self.ent.ensure_new("Meeting", f"{names[0]}-{names[1]} talks")
        for key in keys:
            if key not in (a, b):
                self.emit_plain(
                    key, verb.rule.relation, event.key, verb.rule.plover, noun, at, modality, "hosted.talks"
                )

    # -- a gathering: لقاء جمع الرئيس X بنظيره Y -------------------------------------------------------
    def gather(self, trig: TriggerHit, at: Found, modality: str, rule_id: str) -> None:
        """The meeting "brought together" one party (the verb's object or its pronoun) with the others (after the
        row's marker, bi-); they met, and attended the event that is the verb's subject."""
        lo, hi = at.lo, at.hi
        preps = {self.v.normalize(p) for p in trig.rule.preps}
        first = self.g.pronoun_object(trig, hi, set())
        k = trig.end
        if not first and k < hi and (hit := self.hit_at(k)) is not None and hit.start == k and self.g.bare(hit):
            first = self.group_from(hit, hi)
            k = first[-1].end
        others: list[Hit] = []
        for m in range(k, min(hi, k + 3)):
            hit = self.hit_at(m)
            if hit is not None and hit.start == m and self.g.clitic_marker(hit, preps):
                others = self.group_from(hit, hi)
                break
        parties = [h.key for h in [*first, *others] if self.type_of(h.key) in ACTOR_TYPES]
        if len(parties) < 2:
            return
        for a_i, a in enumerate(parties):
            for b in parties[a_i + 1 :]:
                self.emit_plain(a, "met", b, trig.rule.plover, trig, at, modality, rule_id)
        before = self.hit_at(trig.start - 1) if trig.start > lo else None
        if before is not None and self.type_of(before.key) in EVENT_TYPES:
            for key in parties:
                self.emit_plain(key, "attended", before.key, trig.rule.plover, trig, at, modality, rule_id)
