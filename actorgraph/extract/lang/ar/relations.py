"""Arabic grammar for relation finding: clitics (a preposition or a conjunction on a word, an object pronoun on
a verb), verb-first clauses and agreement (اتهم روسيا: a masculine verb, a feminine state: not its subject), the
future prefix and قد, the dual (اتفقا), act nouns with a nisba or genitive agent after them (الحرب الروسية), and
the idafa (خطة مصر). Words come from ``wordsets_ar_relations.tsv``; affixes are grammar and stay here."""

from __future__ import annotations

from actorgraph.extract.core.context import Found, TriggerHit
from actorgraph.extract.core.grammar import Grammar as Base
from actorgraph.extract.core.vocab import trait
from actorgraph.extract.lang import profile
from actorgraph.extract.lang.ar.keys import inflect_ar
from actorgraph.extract.lang.ar.normalize import analyses, normalize, proclitic_splits, strip_article
from actorgraph.extract.lang.ar.titles import dual_title_ar
from actorgraph.extract.mentions import Hit
from actorgraph.extract.records import ACTOR_TYPES, DOCUMENT_TYPES, EVENT_TYPES
from actorgraph.ontology.namespace import SYMMETRIC_RELATIONS

ARTICLE = "ال"
FUTURE = "س"
MAY = "قد"
PRESENT = ("ي", "ت", "ن")  # prefixes of the present tense
TANWEEN = "|a"  # marks a reading through the accusative tanween alef (lookup.ar_keys)
WITH, TO = "ب", "ل"
WE_PRESENT, WE_PAST = "ن", "نا"  # first person plural: ندين (present prefix for ي), رحبنا (past suffix)


class Grammar(Base):
    light_proclitics = frozenset({"", "و", "ف"})
    comma_lists = True
    circumstantial_gap = 0
    participle_after_comma = False
    agent_after_noun = True

    # -- reading clitics -------------------------------------------------------------------------------
    def words(self, name: str) -> frozenset[str]:
        return self.f.v.sets(name)

    def proclitic(self, hit: Hit) -> str:
        """The proclitics on a mention's first word, from the reading that matched it: لبنان is not ل+ب+نان,
        بريطانيا not ب+ريطانيا; بلبنان is ب+لبنان."""
        f, t = self.f, self.f.t
        keys = f.keys[hit.start]
        readings = [
            pro.replace(TANWEEN, "")
            for key, pro in keys.items()
            if key in t.names.first or key in t.titles.first or key in t.heads.first
        ]
        if readings:
            return min(readings, key=len)
        return keys.get(min(keys, key=len), "").replace(TANWEEN, "") if keys else ""

    def bare(self, hit: Hit) -> bool:
        """Does the mention's first word read without a preposition (رئيس, وزير; not برئيس, للرئيس)?"""
        t = self.f.t
        for key, pro in self.f.keys[hit.start].items():
            if pro.replace(TANWEEN, "") in self.light_proclitics and (
                key in t.names.first or key in t.titles.first or key in t.heads.first
            ):
                return True
        return hit.kind not in ("name", "title", "head")  # aliases, anaphors, places: no judgement

    def prep_object(self, hit: Hit) -> bool:
        """Is this mention the object of a preposition (على الدوحة, في غزة, بالرياض)?"""
        f = self.f
        prepositions = self.words("particles") - self.words("complementizers")
        if hit.start > 0 and f.reads(hit.start - 1, prepositions):
            return True
        return self.proclitic(hit).replace("و", "").replace("ف", "") in (WITH, TO, "ك")

    def prepositional(self, k: int) -> bool:
        return any(p.endswith((WITH, TO)) for p in self.f.keys[k].values())

    def clitic_marker(self, hit: Hit, preps: set[str]) -> bool:
        return self.proclitic(hit)[-1:] in preps

    def clitic_place(self, hit: Hit) -> bool:
        return hit.kind == "capital" and WITH in self.proclitic(hit)

    def stem_of_trigger(self, trig: TriggerHit) -> str:
        first = self.f.t.triggers.first
        return next((k for k, p in self.f.keys[trig.start].items() if p in self.light_proclitics and k in first), "")

    def each_of(self, k: int, hi: int) -> bool:
        """كل من / كلا من "each of", which opens a coordinated list of actors."""
        f = self.f
        if k + 2 >= hi or f.hit_at(k + 2) is None:
            return False
        return f.word(k + 1) in self.words("each link") and any(key in self.words("each") for key in f.keys[k])

    def list_marker(self, prev: int, after: int, hi: int, preps: set[str]) -> bool | None:
        f = self.f
        if not (prev - 1 >= after and self.each_of(prev - 1, hi)):
            return None
        # مع كل من X وY, بكل من X وY: the preposition stands before "each of" or on it
        each = f.keys[prev - 1]
        return (prev - 2 >= after and f.word(prev - 2) in preps) or any(
            key in self.words("each") and pro.replace(TANWEEN, "")[-1:] in preps for key, pro in each.items()
        )

    # -- gender and number -----------------------------------------------------------------------------
    def hit_gender(self, hit: Hit) -> str:
        """'m' or 'f' when the Arabic agreement of this mention is certain, else ''."""
        f = self.f
        t = f.type_of(hit.key)
        if t == "Person":
            entry = f.ent.gaz(hit.key)
            gender = entry.gender if entry is not None else ""
            return {"male": "m", "female": "f"}.get(gender, "")
        if t == "State" and hit.kind in ("name", "capital"):
            # A state or city named without the article is feminine (روسيا, إيران, واشنطن), but for a few.
            word = next((k for k, p in f.keys[hit.start].items() if p in self.light_proclitics), "")
            if word and not word.startswith(ARTICLE) and word not in self.words("masculine names"):
                return "f"
        return ""

    def verb_gender(self, trig: TriggerHit) -> str:
        f = self.f
        keys = f.keys[trig.start]
        stem = self.stem_of_trigger(trig) or next(
            (key for key, pro in keys.items() if pro in self.light_proclitics),
            min(keys, key=len) if keys else normalize(f.toks[trig.start].text),
        )
        if stem in {normalize(form.split()[0]) for form in trig.rule.forms}:
            return "m"  # a listed 3rd person masculine form: توعد, تعاون (Form V/VI pasts start with ت)
        if stem.endswith("ت") or stem.startswith("ت") and len(stem) > 3:
            return "f"
        return "m"

    def agrees(self, trig: TriggerHit, hit: Hit) -> bool:
        """Can this mention be the subject of the verb, by gender? (اتهم روسيا: no; اتهمت روسيا: yes)"""
        gender = self.hit_gender(hit)
        return not gender or gender == self.verb_gender(trig)

    def first_person(self, trig: TriggerHit, lo: int, hi: int) -> bool:
        """A first person plural form of the trigger verb (ندين of يدين, نرحب, ونطالب; رحبنا of رحب, when no
        actor follows to read نا as "us"), or نحن before the verb; never a form the row's pasts also inflect
        to (نقل is a past, not ن + قل)."""
        if super().first_person(trig, lo, hi):
            return True
        stem = self.stem_of_trigger(trig)
        firsts = {normalize(form.split()[0]) for form in trig.rule.forms}
        pasts = {f for f in firsts if not f.startswith(PRESENT[0])}
        if not stem or stem in firsts:
            return False
        if any(stem == WE_PRESENT + f[1:] for f in firsts if f.startswith(PRESENT[0])):
            return not any(stem in inflect_ar(f) for f in pasts)
        if stem.endswith(WE_PAST) and stem[: -len(WE_PAST)] in pasts:
            k = trig.end
            while k < hi and self.f.skippable(k):
                k += 1
            return k >= hi or not self.f.actor(self.f.hit_at(k))  # اتهمنا الرئيس: "the president accused us"
        return False

    def our_state(self, k: int) -> bool:
        """A country noun with the first person suffix: بلادنا, حكومتنا, دولتنا ("our country")."""
        f = self.f
        nouns = profile(f.lang).words("country nouns")
        if f.hit_at(k) is not None:
            return False
        return any(
            enc == WE_PAST and (stem in nouns or strip_article(stem) in nouns)
            for pro, stem, enc in analyses(normalize(f.toks[k].text))
            if pro in self.light_proclitics
        )

    def dual_subject(self, trig: TriggerHit, sent: int) -> list[str]:
        """For a dual verb (اتفقا, بحثا, يبحثان): the two parties of the last two-sided relation, this sentence
        or the one before."""
        f = self.f
        stem = self.stem_of_trigger(trig)
        bases = {normalize(form.split()[0]) for form in trig.rule.forms}
        dual = (stem.endswith("ا") and (stem[:-1] in bases or stem[:-2] in bases)) or (
            stem[:1] in PRESENT[:2] and stem.endswith("ان") and ("ي" + stem[1:-2]) in bases
        )
        opens = trig.pro.startswith(("و", "ف")) or trig.start == 0 or f.toks[trig.start - 1].punct
        if not dual or not opens:
            return []  # "إن الجانبين اتفقا": a noun we do not know is the subject
        symmetric = SYMMETRIC_RELATIONS
        for rel in reversed(f.relations):
            if rel.sentence < sent - 1:
                break
            if rel.relation in symmetric:
                return [rel.subject, rel.object]
        return []

    # -- tense and mood --------------------------------------------------------------------------------
    def future_verb(self, k: int) -> bool:
        """Token k is a future verb: س + present (ستجري, سيعقد), not a noun that starts with س."""
        for pro, stem in proclitic_splits(normalize(self.f.toks[k].text)):
            verb = len(stem) >= 3 and stem[0] in PRESENT[:2] and stem[1] != "ا" and not stem.endswith("ه")
            if pro.lstrip("وف") == FUTURE and verb and stem not in self.f.t.names.first:
                return True
        return False

    def present(self, trig: TriggerHit) -> bool:
        """Is the trigger verb in the present tense (يستضيف, تستضيف; not the past تعاون, توعد)?"""
        stem = self.stem_of_trigger(trig)
        pasts = {normalize(f.split()[0]) for f in trig.rule.forms if not normalize(f).startswith("ي")}
        return len(stem) > 3 and stem[0] in PRESENT and stem not in pasts

    def may_at(self, k: int) -> bool:
        return any(key == MAY and p in self.light_proclitics for key, p in self.f.keys[k].items())

    def verb_mood(self, trig: TriggerHit, lo: int, hi: int | None) -> str:
        f = self.f
        if FUTURE in trig.pro:
            return "future"
        if trig.rule.pos == "noun":
            # وستجري اليابان وأستراليا مناورات مشتركة: the verb carrying the noun is future
            clause = range(f.clause_start(trig.start, lo), trig.start)
            if any(f.cover[k] < 0 and self.future_verb(k) for k in clause):
                return "future"
        # وتستضيف الرياض الشهر المقبل قمة: the present tense with "next month"
        present = trig.rule.pos == "verb" and hi is not None and self.present(trig)
        soon = self.words("future time")
        return "future" if present and any(not soon.isdisjoint(f.keys[k]) for k in range(lo, hi or lo)) else "asserted"

    def word_mood(self, k: int, end: int) -> str:
        f = self.f
        if self.may_at(k) and k + 1 < end and normalize(f.toks[k + 1].text)[:1] in PRESENT:
            return "hedged"
        return "future" if self.future_verb(k) else ""

    def hedged_verb(self, trig: TriggerHit, lo: int) -> bool:
        present = normalize(self.f.toks[trig.start].text)[:1] in PRESENT
        return present and trig.start > lo and self.may_at(trig.start - 1)

    def cue_ok(self, k: int, pro: str) -> bool:
        return pro in self.light_proclitics

    def accused_act(self, trig: TriggerHit, lo: int) -> bool:
        return WITH in trig.pro  # اتهم X بدعم Y

    def joined_present(self, trig: TriggerHit) -> bool:
        return trig.pro.startswith("و") and self.present(trig)

    def article_reading(self, k: int) -> bool:
        """Does the token reach a trigger only by dropping an article (الضربة → ضرب+ه, الدعم → دعم)? A noun
        then, never the verb. (التقى starts with ال as a verb; its key keeps it.)"""
        keys = self.f.keys[k]
        found = [key for key in keys if key in self.f.t.triggers.first]
        return bool(found) and all(not key.startswith(ARTICLE) and (ARTICLE + key) in keys for key in found)

    # -- subjects --------------------------------------------------------------------------------------
    def subject_gap(self, trig: TriggerHit) -> int:
        if trig.pro.replace(TANWEEN, "").endswith(TO):
            return 3  # لفرض, للقاء: purpose infinitive, its subject stands before the governing verb
        return 6 if trig.rule.pos == "noun" else 0

    def subject_around(
        self, trig: TriggerHit, before: list[Hit], c_lo: int, lo: int, hi: int
    ) -> tuple[list[Hit], bool]:
        """SVO when an actor stands right before the verb, else VSO (the subject follows)."""
        f = self.f
        if before and self.prep_object(before[0]):
            # "غارة إسرائيلية على الدوحة تستهدف": Doha is the raid's target; the raid, Israel's, is the subject
            agent = f.act_agent_before(before[0].start, c_lo, hi)
            return ([agent] if agent is not None else []), False
        if before:
            return before, False
        k = trig.start + 1 if trig.end - trig.start > 1 else trig.end
        limit = min(hi, k + 4)
        object_first = False
        while k < limit:
            if self.each_of(k, hi):
                k, limit = k + 2, min(hi, limit + 2)  # أدانت كل من مصر والأردن: "both/each of", the list follows
                continue
            dual = self.dual_title_end(k, hi)
            if dual > k:
                k, limit = dual, min(hi, limit + dual - k)  # اتفق وزيرا خارجية مصر والأردن: the owners act
                continue
            fronted = self.fronted_object_at(trig, k)
            if fronted is not None:
                k, limit = fronted.end, min(hi, fronted.end + 4)  # وشارك في القمة X: the verb's object, then X
                object_first = True
                continue
            hit = f.hit_at(k)
            if hit is not None:
                return self.subject_after_verb(trig, hit, lo, hi, object_first), True
            if not f.skippable(k) or f.boundary(k):
                break
            k += 1
        return [], True

    def fronted_object_at(self, trig: TriggerHit, k: int) -> Hit | None:
        """The mention at k that the verb's row marks with its preposition (في القمة, بالقمة) when it comes before
        the subject (وشارك في القمة الرئيس): the verb's object; else None."""
        f = self.f
        if trig.rule.pos != "verb":
            return None
        preps = {f.v.normalize(p) for p in trig.rule.preps}
        hit = f.hit_at(k + 1) if f.word(k) in preps else f.hit_at(k)
        if hit is None or hit.start not in (k, k + 1) or (hit.start == k and self.bare(hit)):
            return None
        return hit if f.marked(hit, k - 1, hit.end, preps) else None

    def fronted_object_before(self, trig: TriggerHit, subject_start: int) -> bool:
        return any(self.fronted_object_at(trig, k) is not None for k in range(trig.end, subject_start))

    def subject_after_verb(self, trig: TriggerHit, hit: Hit, lo: int, hi: int, object_first: bool = False) -> list[Hit]:
        f = self.f
        if not self.bare(hit):
            return []  # واجتمع برئيس الوزراء: a mention behind a preposition is not the subject
        # after its object (وحضر في المؤتمر X) the mention is the verb's own subject, even after "and"
        if trig.rule.pos == "verb" and not object_first and self.coordinated_verb(trig, lo):
            if not self.agrees(trig, hit):
                return []  # واتهم روسيا "and he accused Russia": a masculine verb, a feminine state
            could_be_object = f.eligible(hit, trig.rule.types)  # وزار الرئيس X مدينة حلب: a person is no place
            if could_be_object and self.only_group_in_clause(hit, hi) and self.clause_subject_before(trig, hit):
                return []  # "زار X ألمانيا، والتقى Y": Y is met; X stays the subject
        if not f.actor(hit):
            return []
        return [h for h in f.group_from(hit, hi) if f.actor(h)]

    def dual_title_end(self, k: int, hi: int) -> int:
        """The end of a dual title with no name (وزيرا خارجية, رئيسي) at k, when owner mentions follow; else k."""
        f = self.f
        if f.cover[k] >= 0:
            return k
        for end, title, _pro in f.t.titles.match(f.keys, k):
            if end < hi and f.hit_at(end) is not None and dual_title_ar(f.toks[k].text, title):
                return end
        return k

    def coordinated_verb(self, trig: TriggerHit, lo: int) -> bool:
        """A verb opening a coordinated clause (، واتهم …; وتوعدها): its subject may be the one before."""
        f = self.f
        if trig.start > lo and f.word(trig.start - 1) in self.words("where") and trig.pro in ("", FUTURE):
            return True  # "…، حيث التقى X": where he met X
        if trig.pro not in ("و", "ف"):
            return False
        return trig.start > lo and f.comma(trig.start - 1)

    def only_group_in_clause(self, hit: Hit, hi: int) -> bool:
        """Is this coordinated group the only actor mention up to the end of its clause?"""
        f = self.f
        k = f.group_from(hit, hi)[-1].end
        while k < hi and not f.boundary(k):
            if f.actor(f.hit_at(k)):
                return False
            k += 1
        return True

    def clause_subject_before(self, trig: TriggerHit, hit: Hit) -> bool:
        """Did an earlier clause of this sentence have a subject (other than this mention)?"""
        f = self.f
        sent = f.toks[trig.start].sent
        if any(r.subject != hit.key for r in f.sentence_relations(sent)):
            return True
        return any(
            h.end <= trig.start and f.toks[h.start].sent == sent and h.key != hit.key and f.actor(h) for h in f.hits
        )

    def genitive_agent(self, trig: TriggerHit, hi: int) -> Hit | None:
        genitive = self.f.hit_at(trig.end) if trig.end < hi else None
        if genitive is not None and genitive.kind == "anaphor" and genitive.type == "State":
            return genitive
        return None

    def subject_after_noun(self, trig: TriggerHit, hi: int) -> list[Hit]:
        f = self.f
        k = self.support_verb_end(trig.end, hi) if trig.rule.pos == "noun" else trig.end
        hit = f.hit_at(k) if k < hi else None
        if hit is not None and f.type_of(hit.key) in ACTOR_TYPES:
            return f.group_from(hit, hi)
        return []

    def support_verb_end(self, k: int, hi: int) -> int:
        """After an act noun, an adjective and a support verb carrying its pronoun (زيارة رسمية يجريها,
        جولة يقوم بها) may stand before the noun's agent: where the agent starts, else k."""
        f = self.f
        m = k
        if m < hi and f.hit_at(m) is None and self.glossed(m):
            m += 1  # رسمية, أولى
        if m < hi and not self.words("support verbs").isdisjoint(f.keys[m]):
            m += 1
            if m < hi and f.word(m) in self.words("support verb preps"):
                m += 1
            return m
        return k

    def glossed(self, k: int) -> bool:
        glossary = self.f.t.glossary
        return any(key in glossary or (ARTICLE + key) in glossary for key in self.f.keys[k])

    def dropped_subject(self, trig: TriggerHit, at: Found, modality: str) -> tuple[list[str], str, str, str] | None:
        """The subject a verb carries (أعرب عن …): a relative's antecedent, the pair a dual names, the subject
        of the clause before (، ووقع معه), else a pronoun of the verb's gender."""
        f, lo = self.f, at.lo
        if not self.pronoun_subject(trig, at.hi):
            return None  # "أبدى مسؤولون قلقهم": the subject is a noun we do not know, not "he"
        prev = f.hit_at(trig.start - 1) if trig.start > lo else None
        if prev is not None and prev.end == trig.start and self.prep_object(prev):
            return None  # "… على الدوحة تستهدف": the subject is the noun before the preposition, not "she"
        if prev is not None and f.type_of(prev.key) in DOCUMENT_TYPES | EVENT_TYPES:
            return None  # مشروع قرار يدين …: "a draft resolution condemning", the document is the subject
        if trig.start > lo and f.word(trig.start - 1) in f.v.relatives and not self.resumptive_after(trig, at.hi):
            # الهجوم الذي استهدف …: the antecedent is the subject; only an actor one gives a relation.
            # (التي التقى خلالها …: "during which he met" has a subject of its own.)
            h = trig.start - 2
            if h - 1 >= lo and f.comma(h):
                h -= 1  # "نور نافع، التي عارضت": the antecedent before the comma
            head = f.hit_at(h) if h >= lo else None
            if head is None or f.type_of(head.key) not in ACTOR_TYPES:
                return None
            return [head.key], "", ".relative", modality
        pair = self.dual_subject(trig, at.sent)
        if pair:
            return pair, "", "", modality  # وبحثا "and the two discussed": the pair just named
        if self.coordinated_verb(trig, lo):
            same = f.sentence_relations(at.sent)
            if same:
                return [same[-1].subject], "", "", modality
        return [], self.verb_gender(trig), "", modality

    def pronoun_subject(self, trig: TriggerHit, hi: int) -> bool:
        """Does the verb carry its subject (VSO with no noun after it)? أعرب عن …, ألقى كلمة, وأصدرت قانونا."""
        f = self.f
        k = trig.start + 1
        while k < hi and f.skippable(k):
            k += 1
        if k >= hi or f.strong(k) or f.hit_at(k) is not None:
            return True
        tok = f.toks[k]
        if any(key in self.words("particles") for key in tok.keys) or any(
            p.replace(TANWEEN, "")[-1:] in (WITH, TO) for p in tok.keys.values() if p
        ):
            return True
        # An indefinite accusative or a gapped trigger's own words (ألقى … كلمة) are objects, not subjects.
        word = normalize(tok.text)
        return k < trig.end or word.endswith("ا") or not word.startswith(ARTICLE)

    def resumptive_after(self, trig: TriggerHit, hi: int) -> bool:
        """A pronoun on a preposition right after the verb (خلالها, فيها, عليه) refers back to the antecedent."""
        for k in range(trig.end, min(hi, trig.end + 3)):
            for _p, stem, enc in analyses(normalize(self.f.toks[k].text)):
                if enc in self.words("resumptive pronouns") and stem in self.words("resumptive hosts"):
                    return True
        return False

    # -- objects ---------------------------------------------------------------------------------------
    def pronoun_object(self, trig: TriggerHit, hi: int, subjects: set[str]) -> list[Hit]:
        """An object pronoun on the verb or its preposition (توعدها, التقاه, بحث معه): the nearest earlier
        actor of that gender, in this sentence or the one before, that is not the subject."""
        f = self.f
        if trig.pro.replace(TANWEEN, "") not in self.light_proclitics:
            return []  # لرفضها "for its refusal": a verbal noun's pronoun is its owner, not its object
        wants = {enc: want for want in ("m", "f", "p") for enc in self.words("object pronoun:" + want)}
        readings = analyses(normalize(f.toks[trig.end - 1].text))
        enc = next((e for _p, stem, e in readings if e in wants and stem in f.t.triggers.first), "")
        preps = {normalize(p) for p in trig.rule.preps}
        if not enc and trig.end < hi and f.hit_at(trig.end) is None:
            after = analyses(normalize(f.toks[trig.end].text))
            enc = next((e for _p, stem, e in after if e in wants and stem in preps), "")
        if not enc:
            return []
        sent = f.toks[trig.start].sent
        for hit in reversed(f.hits):
            if hit.start >= trig.start or f.toks[hit.start].sent < sent - 1:
                continue
            if hit.key not in subjects and f.actor(hit) and self.refers(wants[enc], hit):
                return [hit]
        return []

    def refers(self, want: str, hit: Hit) -> bool:
        """Can an object pronoun wanting m, f or p refer to this mention?"""
        t = self.f.type_of(hit.key)
        gender = self.hit_gender(hit)
        if want == "m":
            return t == "Person" and gender != "f"
        if want == "f":
            return gender == "f" or (t != "Person" and gender != "m")
        return want == "p" and t in ("ArmedGroup", "Organization", "MilitaryOrganization")

    def possessor(self, hit: Hit, after: int, hi: int) -> bool:
        """The idafa: خطة مصر, انضمام أوكرانيا (a construct noun right before the mention)."""
        f = self.f
        if hit.kind == "adjmod":
            return True
        p = hit.start - 1
        if p < after or f.cover[p] >= 0 or f.skippable(p) or f.toks[p].punct:
            return False
        tok = f.toks[p]
        norm = normalize(tok.text)
        if not tok.text.isalpha() or norm.startswith(ARTICLE) or norm.endswith("ا") or norm in self.words("particles"):
            return False  # an article, an accusative adverb (مجددا) or a particle: not a construct noun
        if any(pro.replace(TANWEEN, "") not in self.light_proclitics for pro in tok.keys.values() if pro):
            return False  # بشدة, لأوكرانيا: a preposition, not a construct noun
        return not f.t.triggers.match(f.keys, p)

    def relative_agent(self, rel: int, hi: int) -> Hit | None:
        """القيود التي تفرضها إسرائيل: the relative pronoun, a verb with the resumptive pronoun, then the actor."""
        f, v = self.f, rel + 1
        if v + 1 >= hi or f.toks[v].punct or f.hit_at(v) is not None:
            return None
        readings = analyses(normalize(f.toks[v].text))
        if not any(enc in self.words("resumptive pronouns") and len(stem) >= 3 for _p, stem, enc in readings):
            return None  # an object relative carries the resumptive pronoun: تفرضها
        hit = f.hit_at(v + 1)
        ok = hit is not None and hit.start == v + 1 and self.bare(hit)
        return hit if ok and f.actor(hit) else None

    def object_relative(self, trig: TriggerHit, subjects: list[Hit], c_lo: int) -> bool:
        # الدولة التي هاجمت إيران is a subject relative (the antecedent is the subject): no resumptive pronoun
        readings = analyses(normalize(self.f.toks[trig.start].text))
        first = self.f.t.triggers.first
        return any(enc in self.words("resumptive pronouns") and stem in first for _p, stem, enc in readings)

    def direct_object(self, k: int, hi: int) -> bool:
        f = self.f
        while k < hi and f.skippable(k):
            k += 1  # اليوم, أمس
        if k >= hi or f.toks[k].punct:
            return False
        if (hit := f.hit_at(k)) is not None:
            return hit.kind == "adjmod"  # اللاجئين السوريين
        tok = f.toks[k]
        if any(key in self.words("particles") for key in tok.keys) or any(
            p.replace(TANWEEN, "") for p in tok.keys.values()
        ):
            return False  # في الرياض, بالرئيس: a place or a partner, not a direct object
        return normalize(tok.text).startswith(ARTICLE)

    def guest(self, trig: TriggerHit, after: int, at: Found) -> str:
        """ضيفه / ضيفها "his/her guest" right after the verb: the one who visited in this sentence or the two
        before, or ""."""
        f = self.f
        k = after
        while k < at.hi and f.skippable(k):
            k += 1
        guest = self.words("guest")
        if k >= at.hi or not any(
            stem in guest and enc in ("ه", "ها") for _p, stem, enc in analyses(normalize(f.toks[k].text))
        ):
            return ""
        for rel in reversed(f.relations):
            if rel.sentence < at.sent - 2:
                break
            if rel.relation in trait("visit") and f.type_of(rel.subject) == "Person":
                return rel.subject
        return ""

    # -- act nouns -------------------------------------------------------------------------------------
    def attached_agent(self, start: int, end: int, lo: int, hi: int) -> Hit | None:
        """الحرب الروسية, غارة جوية إسرائيلية, حرب روسيا: a nisba or genitive actor after the noun."""
        f = self.f
        agent: Hit | None = None
        k, skipped = end, 0
        while k < hi and skipped <= 1:
            hit = f.hit_at(k)
            if hit is not None:
                agent = hit if hit.start == k else None
                break
            tok = f.toks[k]
            if tok.punct or not tok.keys or any(p.replace(TANWEEN, "") for p in tok.keys.values()):
                break  # a preposition or a conjunction: the noun's own phrase has ended
            if any(key in self.words("particles") for key in tok.keys):
                break
            skipped += 1
            k += 1
        if agent is None or self.hypothetical_around(start, agent.end, lo, hi):
            return None
        return agent

    def hypothetical_around(self, start: int, end: int, lo: int, hi: int) -> bool:
        around = [*range(max(lo, start - 2), start), *range(end, min(hi, end + 2))]
        return any(not self.f.v.hypothetical.isdisjoint(self.f.keys[m]) for m in around)

    def definite(self, k: int) -> bool:
        return any(s.startswith(ARTICLE) for s in self.f.keys[k])

    def delegation_of(self, person: Hit, lo: int) -> str:
        """The actor whose delegation this person heads (وفد حماس برئاسة X; وفدها برئاسة X after حماس), or ""."""
        f = self.f
        p = person.start - 1
        if p < lo or not any(key in self.words("headed by") and pro in ("", "و") for key, pro in f.keys[p].items()):
            return ""
        delegation = self.words("delegation")
        for m in range(p - 1, max(lo, p - 4) - 1, -1):
            readings = analyses(normalize(f.toks[m].text))
            head = [enc for _p, stem, enc in readings if stem in delegation or stem.removeprefix(ARTICLE) in delegation]
            if head:
                return self.delegation_owner(m, p, head[0], lo)
        return ""

    def delegation_owner(self, m: int, p: int, enc: str, lo: int) -> str:
        f = self.f
        own = f.hit_at(m)
        if own is not None and own.kind == "adj" and own.start == m:
            return own.key  # وفد أمريكي: read with its nisba as the state
        owner = f.hit_at(m + 1) if m + 1 < p else None
        if not enc and owner is not None and owner.start == m + 1:
            return owner.key if f.type_of(owner.key) in ACTOR_TYPES - {"Person"} else ""
        if enc in ("ها", "ه"):
            earlier = [h for h in f.hits if lo <= h.end <= m and f.type_of(h.key) in ACTOR_TYPES - {"Person"}]
            return earlier[-1].key if earlier and earlier[-1].kind != "adjmod" else ""
        return ""
