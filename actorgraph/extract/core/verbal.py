"""The verbal frame: agent – trigger – patient, the passive, and the subject a verb carries (a pronoun, a dropped
subject, the antecedent of a relative clause, the subject of the clause before).

``relate`` takes one trigger through the frame its row names (``sym``: parties pair up; ``act``: subject acts on
object; ``body``: only a body acts; ``eval``: an opinion holder judges; ``member``, ``gather``: see titles and
nominal). The trigger row's ``exceptions`` cancel it ("warned of", a phone call).
"""

from __future__ import annotations

from actorgraph.extract.core.context import Found, TriggerHit
from actorgraph.extract.core.nominal import Nominal
from actorgraph.extract.core.statements import Statements
from actorgraph.extract.core.vocab import trait
from actorgraph.extract.lang import profile
from actorgraph.extract.mentions import Hit
from actorgraph.extract.records import ACTOR_TYPES, DOCUMENT_TYPES, EVENT_TYPES

Subjects = tuple[list[Hit], list[str], bool]  # subject mentions, subject keys, is the subject after the verb


class Verbal(Statements, Nominal):
    def relate(self, trig: TriggerHit, at: Found) -> None:
        rule = trig.rule
        modality = self.modality(trig, at.lo, at.hi)
        if modality == "asserted" and self.accusation_content(trig, at.lo):
            modality = "hedged"  # "accused X of backing Y", اتهم X بدعم Y: the accuser's claim
        if rule.frame == "eval":
            self.evaluation(trig, at, modality)
            return
        rule_id = f"{self.lang}.{rule.relation}.{rule.pos}"
        if modality == "asserted" and self.g.joined_present(trig):
            # سيلتقي المحافظ ويزور مركزا: a present verb joined to a future (or hedged) one shares its modality
            same = self.sentence_relations(at.sent)
            if same and same[-1].modality in ("future", "hedged"):
                modality = same[-1].modality
        if self.excepted(trig, at.hi):
            return  # "warned of a possible attack", بحث هاتفيا مع: the row's exceptions
        if rule.frame == "oblige":
            self.obligation(trig, at, rule_id)
            return
        if rule.frame in ("member", "gather"):
            (self.membership if rule.frame == "member" else self.gather)(trig, at, modality, rule_id)
            return
        if self.passive(trig, at, modality, rule_id):
            return
        if rule.frame == "sym" and rule.pos == "noun" and self.between(trig, at, modality, rule_id):
            host = self.hosting_verb_before(trig, at.lo)
            if host is not None:
                self.hosted_talks(host, trig, at, modality)
            return
        found = self.subjects(trig, at, modality, rule_id)
        if found is not None:
            self.with_subjects(trig, at, *found)

    def excepted(self, trig: TriggerHit, hi: int) -> bool:
        """Does one of the trigger row's exceptions hold here?"""
        for kind, value in trig.rule.exceptions:
            if kind == "followed-by" and trig.end < hi and self.word(trig.end) == self.v.normalize(value):
                return True
            if kind == "clause-has" and self.clause_has(trig.end, hi, self.v.sets(value.removeprefix("rel "))):
                return True
        return False

    def clause_has(self, k: int, hi: int, words: frozenset[str]) -> bool:
        for m in range(k, min(hi, k + 10)):
            if self.boundary(m):
                return False
            if self.word(m) in words or not words.isdisjoint(self.keys[m]):
                return True
        return False

    def evaluation(self, trig: TriggerHit, at: Found, modality: str) -> None:
        """ "X called Spain's position terrible": the opinion holder judges the owner of what is judged (after a
        relative clause naming someone else), else the first actor after the speaker."""
        subj_hits = [h for h in self.hits if at.lo <= h.start < trig.start and self.eligible(h, ("actor",))]
        if not subj_hits:
            return
        subject = subj_hits[0]
        after = self.group_from(subject, at.hi)[-1].end
        objs = [h for h in self.hits if after <= h.start < trig.start and self.eligible(h, trig.rule.types)]
        owners = [h for h in objs if h.end < trig.start and self.toks[h.end].text in self.v.possessive]
        if objs:
            judged = owners[-1] if owners else objs[0]
            self.emit(subject.key, trig.rule, judged.key, trig, at, modality, "eval")

    def obligation(self, trig: TriggerHit, at: Found, rule_id: str) -> None:
        """ "Trump said (on Friday) that North Korea must disarm": the speaker asks it of the one obliged, the
        subject right before the trigger, with the mood of the verb of saying."""
        obliged = [h for h in self.group_ending_before(trig.start, self.clause_start(trig.start, at.lo), 0)]
        obliged = [h for h in obliged if self.actor(h) and h.kind != "adjmod"]
        p, budget = (obliged[0].start - 1 if obliged else at.lo - 1), 2
        skip = self.v.indefinites | self.v.complement_openers
        while p >= at.lo and self.word(p) not in self.v.sets("speech verbs") and self.hit_at(p) is None:
            if not (self.skippable(p) or self.word(p) in skip):
                budget -= 1
            if budget < 0 or self.toks[p].punct:
                return
            p -= 1
        if p < at.lo or self.word(p) not in self.v.sets("speech verbs"):
            return
        speakers = [h for h in self.group_ending_before(p, self.clause_start(p, at.lo), 2) if self.actor(h)]
        mood = self.modality(TriggerHit(p, p + 1, trig.rule, trig.pro), at.lo, at.hi)
        for s in speakers:
            for o in obliged:
                self.emit(s.key, trig.rule, o.key, trig, at, mood, rule_id)

    # -- subjects ------------------------------------------------------------------------------------
    def subjects(self, trig: TriggerHit, at: Found, modality: str, rule_id: str) -> tuple[Subjects, str, str] | None:
        """The trigger's subjects, with the rule id and modality they come with; None when it has none."""
        rule = trig.rule
        if rule.pos == "verb" and self.g.first_person(trig, at.lo, at.hi):
            # ندين, "we condemn": the statement's issuer, or no subject at all (never a referent coreference picks)
            issuers = self.issuers(trig, at)
            return (([], issuers, False), rule_id + ".issuer", modality) if issuers else None
        if rule.pos == "verb" and self.our_state_subject(trig, at):
            # "our country condemns", تدين بلادنا: the issuer's state
            issuers = self.states_of(self.issuers(trig, at))
            return (([], issuers, False), rule_id + ".issuer", modality) if issuers else None
        if rule.pos == "part":
            subjects, vso = self.main_subject(trig, at.lo), False
        else:
            subjects, vso = self.subject_group(trig, at.lo, at.hi)
        genitive = self.g.genitive_agent(trig, at.hi)
        if genitive is not None:
            subjects, vso = [genitive], True  # دعم بلاده لأوكرانيا: the verbal noun's genitive is its agent
        keys = [h.key for h in subjects]
        if keys:
            return (subjects, keys, vso), rule_id, modality
        if rule.pos == "part":
            return None
        if rule.pos == "noun" or self.masdar(trig, at.lo):
            # A noun may take its subject right after it (isdar al-Yaban qanunan) but never from coreference;
            # after "and" and a light verb ("… and held talks with X") it is the clause before's.
            after = self.g.subject_after_noun(trig, at.hi)
            keys = [h.key for h in after if self.eligible(h, ("actor",))]
            if keys:
                return (after, keys, True), rule_id, modality
            joined = self.joined_subject(trig, at, modality)
            return (([], joined[0], False), rule_id + ".joined", joined[1]) if joined else None
        dropped = self.dropped_subject(trig, at, modality)
        if dropped is None:
            return None
        keys, suffix, modality = dropped
        return ([], keys, False), rule_id + suffix, modality

    def joined_subject(self, trig: TriggerHit, at: Found, modality: str) -> tuple[list[str], str] | None:
        """A noun trigger whose clause opens with a conjunction and at most one other word (the light verb of
        "and held talks", "and would hold talks"): the subject of the clause before, else the sentence's first
        actor before the conjunction (with the modality); after a relative pronoun ("X, who held talks"), its
        antecedent; None otherwise."""
        p, budget = trig.start - 1, 1
        while p >= at.lo and self.hit_at(p) is None:
            if self.word(p) in self.v.relative_pronouns and p - 1 >= at.lo:
                # "Trump, who held talks with X": the relative's antecedent holds them
                q = p - 1 if self.comma(p - 1) else p
                keys = [h.key for h in self.group_ending_before(q, at.lo, 0) if self.eligible(h, ("actor",))]
                return (keys, modality) if keys else None
            if self.boundary(p):
                return None
            if self.word(p) in self.v.conjunctions:
                before = self.clause_before_subject(at.sent, modality)
                if before is not None:
                    return before
                first = self.first_actor(at.lo, p)
                return ([first.key], modality) if first is not None and first.kind != "adjmod" else None
            if not self.skippable(p):
                budget -= 1
                if budget < 0:
                    return None
            p -= 1
        return None

    def masdar(self, trig: TriggerHit, lo: int) -> bool:
        """ "akkada da'm", "mu'akkidatan da'maha": after a verb of saying or stance the trigger is a verbal noun,
        not a verb."""
        return trig.start > lo and not self.v.sets("masdar governors").isdisjoint(self.keys[trig.start - 1])

    def dropped_subject(self, trig: TriggerHit, at: Found, modality: str) -> tuple[list[str], str, str] | None:
        """A subject the verb carries: a pronoun, a dropped subject, a relative's antecedent, the subject of
        the clause before (the language finds it; ``want`` asks coreference for a referent of that kind)."""
        found = self.g.dropped_subject(trig, at, modality)
        if found is None:
            return None
        keys, want, suffix, modality = found
        if want == "p":
            # "they": the last group that acted together, in this sentence or the one before.
            keys, want = self.last_group(at.sent), ""
        if want:
            keys = self.resolve_pronoun(trig, want)
            suffix += ".coref"
        return (keys, suffix, modality) if keys else None

    def clause_before_subject(self, sent: int, modality: str) -> tuple[list[str], str] | None:
        """ "… and met X", "wa-waqqa'a ma'ahu": the subject of the clause before in this sentence (after "X, who was
        hosted by Y, …" the passive's patient), with its modality when the verb has none of its own."""
        same = self.sentence_relations(sent)
        if not same:
            return None
        last = same[-1]
        subject = last.object if last.rule.endswith(".passive") else last.subject
        mood = last.modality if modality == "asserted" else modality
        if self.group_memory and self.group_memory[0] == sent and subject in self.group_memory[1]:
            return list(self.group_memory[1]), mood  # "Japan and China held talks and agreed …": both agreed
        return [subject], mood

    # -- objects and what follows from them ---------------------------------------------------------
    def with_subjects(self, trig: TriggerHit, at: Found, found: Subjects, rule_id: str, modality: str) -> None:
        rule = trig.rule
        subjects, keys, vso = found
        after = self.objects_start(trig, subjects, vso)
        keys, asked = self.acting(trig, at, subjects, keys)
        if asked and modality == "asserted":
            modality = "future"  # "urged Russia to withdraw": the withdrawal is asked for, not done
        target = self.attacker(after, at.lo, at.hi) if rule.relation in trait("judges-acts") else None
        if target is not None:
            # "condemned the attack": the attacker is criticised, not its target (none when it is not known)
            for a in keys if target else ():
                self.emit(a, rule, target, trig, at, modality, rule_id + ".attack")
            return
        self.document_in_trigger(trig, at, keys, modality, rule_id)
        objs, guest = self.objects_of(trig, at, subjects, keys, after)
        if guest:
            for a in keys:  # استقبل ضيفه "received his guest": the visitor named before
                self.emit(a, rule, guest, trig, at, modality, rule_id + ".guest")
            return
        if rule.frame == "sym" and not objs:
            self.pair_up(trig, at, keys, after, modality, rule_id)
        if objs and modality == "asserted" and self.word(max(0, objs[0].start - 1)) in self.v.neither:
            modality = "negated"  # "condemned neither Iran nor Russia"
        for a in keys:
            for obj in objs:
                self.emit(a, rule, obj.key, trig, at, modality, rule_id)
        if rule.relation in trait("attends-events") and keys:
            self.sidelines(trig, at, keys, modality, rule_id)
        if modality == "asserted" or rule.pos == "verb":
            self.remember(keys)

    def objects_start(self, trig: TriggerHit, subjects: list[Hit], vso: bool) -> int:
        """Where the object search starts: after the trigger, or after a subject that follows it."""
        if not (vso and subjects) or self.g.fronted_object_before(trig, subjects[0].start):
            return trig.end  # وشارك في القمة X: the object came between the verb and its subject
        # شن إسرائيل، الثلاثاء، غارة على: a gapped trigger's own words come after its VSO subject
        return max(subjects[-1].end, trig.end)

    def pair_up(self, trig: TriggerHit, at: Found, keys: list[str], after: int, modality: str, rule_id: str) -> None:
        """ "X and Y met": they pair up ("X and Y held talks with Z": they are one side; "X and Y welcomed the
        deal": a direct object, they did not meet)."""
        if trig.rule.relation in trait("direct-partner") and self.g.direct_object(after, at.hi):
            return
        for a_i, a in enumerate(keys):
            for b in keys[a_i + 1 :]:
                self.emit(a, trig.rule, b, trig, at, modality, rule_id + ".coord")

    def acting(self, trig: TriggerHit, at: Found, subjects: list[Hit], keys: list[str]) -> tuple[list[str], bool]:
        """The subjects that act, and whether they were asked to (a group of them is remembered for "they")."""
        asked = False
        if trig.start > at.lo and self.word(trig.start - 1) in self.v.purpose and subjects:
            # "travel to Moscow next week to meet Putin": the traveller meets, not the destination; but "urged
            # Russia to withdraw": the one asked is the one who would act.
            earlier = self.sentence_relations(at.sent)
            if earlier and all(any(r.object == k for r in earlier) for k in keys):
                asked = earlier[-1].relation in trait("directive") and earlier[-1].object in keys
                keys = keys if asked else [earlier[-1].subject]
        if trig.rule.frame == "body":  # صوت على: a legislature or council votes a text through; a state only votes
            keys = [k for k in keys if self.type_of(k) not in ("State", "Person")]
        if len(keys) >= 2:
            self.group_memory = (at.sent, list(keys))
        return keys, asked

    def objects_of(
        self, trig: TriggerHit, at: Found, subjects: list[Hit], keys: list[str], after: int
    ) -> tuple[list[Hit], str]:
        """The trigger's objects: after it, a guest named before, a relative's antecedent, an object pronoun;
        (objects, "") or ([], the guest's key)."""
        rule = trig.rule
        objs = self.objects(trig, after, at.hi, set(keys))
        if not objs and trig.end - trig.start > 1 and "actor" in rule.types:
            objs = self.gap_objects(trig, set(keys))
        guest = self.g.guest(trig, after, at) if not objs and rule.relation in trait("receives-guest") else ""
        if guest and guest not in keys:
            return [], guest
        if not objs and rule.frame in ("act", "body") and subjects:
            objs = self.relative_antecedent(trig, subjects, at.lo)
        if not objs and "actor" in rule.types and rule.pos == "verb" and not self.masdar(trig, at.lo):
            objs = self.g.pronoun_object(trig, at.hi, set(keys))
        return objs, ""

    def gap_objects(self, trig: TriggerHit, exclude: set[str]) -> list[Hit]:
        """An actor inside a gapped trigger is its object when none follows ("gave Ukraine aid", "expelled two
        Russian diplomats"): the gap holds what the verb acts on, where the subject comes before the verb (in
        verb-first Arabic the gap holds the subject: "expressed EU officials their concern")."""
        if "after" in profile(self.lang).words("word-order:agent-sides:cased"):
            return []
        inside = [h for h in self.hits if trig.start < h.start and h.end < trig.end and h.key not in exclude]
        return [h for h in inside if self.type_of(h.key) in ACTOR_TYPES][:1]

    def document_in_trigger(self, trig: TriggerHit, at: Found, keys: list[str], modality: str, rule_id: str) -> None:
        """A gapped trigger whose inner noun is a document ("adopted a 16th package of sanctions against"): the
        verb acts on the document too, by its own trigger row (adopt → passed)."""
        inner = self.hit_at(trig.end - 1) if trig.end - trig.start > 1 else None
        if inner is None or inner.start <= trig.start or self.type_of(inner.key) not in DOCUMENT_TYPES:
            return
        for end, rule, _pro in self.t.triggers.match(self.keys, trig.start):
            if end == trig.start + 1 and "doc" in rule.types:
                for a in keys:
                    relation = rule.relation_for(self.type_of(inner.key))
                    self.emit_plain(a, relation, inner.key, rule.plover, trig, at, modality, rule_id + ".package")
                return

    def sidelines(self, trig: TriggerHit, at: Found, keys: list[str], modality: str, rule_id: str) -> None:
        """Meetings on the sidelines of (or at) an event: the participants attended it."""
        for hit in self.hits:
            if not (trig.end <= hit.start < at.hi and self.type_of(hit.key) in EVENT_TYPES):
                continue
            if any(self.boundary(m) for m in range(trig.end, hit.start)):
                return  # "met in Washington, and discussed the war in Gaza": another clause
            near = range(max(trig.end, hit.start - 4), hit.start + 1)
            if any(self.word(m) in self.v.sideline or not self.v.sideline.isdisjoint(self.keys[m]) for m in near):
                for a in keys:
                    plover = self.plover("attended")
                    self.emit_plain(a, "attended", hit.key, plover, trig, at, modality, rule_id + ".sidelines")
                return

    # -- the passive: "Iran was (sharply) sanctioned by the United States" ---------------------------
    def passive(self, trig: TriggerHit, at: Found, modality: str, rule_id: str) -> bool:
        lo, hi = at.lo, at.hi
        p = trig.start - 1
        while p >= lo and self.g.adverb(p) and self.hit_at(p) is None:
            p -= 1
        if p < lo or self.word(p) not in self.v.sets("passive auxiliaries"):
            return False
        by = self.v.sets("passive agent")
        k = trig.end
        while k < hi and k < trig.end + 3 and self.word(k) not in by:
            k += 1
        if k >= hi or self.word(k) not in by:
            return self.g.agentless_passive(trig)  # "X was extradited to Y": X did nothing to Y
        agent = self.by_agent(k + 1, hi)
        if agent is None:
            return False
        agents = [h.key for h in self.group_from(agent, hi) if self.eligible(h, ("actor",))]
        for a in agents:  # with no patient we know, still a passive: never read it as active
            for patient in self.patients(trig, p, lo):
                self.emit(a, trig.rule, patient.key, trig, at, modality, rule_id + ".passive")
        return True

    def by_agent(self, k: int, hi: int) -> Hit | None:
        """The mention after "by": at k, or after an article and up to two lower-case words ("by the outgoing
        administration of Joe Biden")."""
        m = k + 1 if k < hi and self.word(k) in self.v.articles else k
        for q in range(m, min(hi, m + 3)):
            hit = self.hit_at(q)
            if hit is not None:
                return hit if hit.start == q else None
            if not self.toks[q].text.isalpha() or not self.toks[q].text.islower() or q == k and m == k:
                return None
        return None

    def patients(self, trig: TriggerHit, aux: int, lo: int) -> list[Hit]:
        """The passive's patient: the group before the auxiliary, a relative's antecedent ("Trump, who was
        hosted by …"), or the sentence's subject before an apposition ("X, the U.N. rapporteur, was …")."""
        types = trig.rule.types
        concrete = self.concrete(trig.rule.relation)
        patients = [
            h
            for h in self.group_ending_before(aux, self.clause_start(aux, lo), 2)
            if self.eligible(h, types) and (h.kind != "adjmod" or concrete)
        ]  # "two Chinese refiners were sanctioned": not China
        if not patients and aux - 1 >= lo and self.word(aux - 1) in self.v.relative_pronouns:
            q = aux - 2 if aux - 2 >= lo and self.comma(aux - 2) else aux - 1
            return [h for h in self.group_ending_before(q, lo, 0) if self.eligible(h, types)]
        if not patients and aux - 1 >= lo and self.comma(aux - 1):
            first = next((h for h in self.hits if lo <= h.start < aux), None)
            opens = first is not None and (
                first.start == lo or (first.start == lo + 1 and self.word(lo) in self.v.articles)
            )
            if first is not None and opens and self.eligible(first, types):
                return [first]
        return patients
