"""English grammar for relation finding: possessives ("Russia's invasion"), the subject pronoun and what a
verb with no subject before it takes ("X, who met Y", ", accusing Beijing", "… and met Z"), case-sensitive cues
("May" the month is not "may"), "-based", and modifiers ("the U.S. move")."""

from __future__ import annotations

from actorgraph.extract.core.context import Found, TriggerHit
from actorgraph.extract.core.grammar import Grammar as Base
from actorgraph.extract.lang import profile
from actorgraph.extract.mentions import Hit
from actorgraph.extract.records import ACTOR_TYPES, DOCUMENT_TYPES

ORGANISATIONS = ACTOR_TYPES - {"Person", "State"}


class Grammar(Base):
    def cue_ok(self, k: int, pro: str) -> bool:
        # "May" the month is not "may" the hedge: English cues match as written (lower case), or capitalised at
        # the start of a sentence unless the capitalised word is also a name (rel cue homographs).
        tok = self.f.toks[k]
        sentence_initial = k == 0 or self.f.toks[k - 1].sent != tok.sent
        homograph = tok.text in self.f.v.sets("cue homographs:cased")
        return tok.text[:1].islower() or (sentence_initial and not homograph)

    def accused_act(self, trig: TriggerHit, lo: int) -> bool:
        f, p = self.f, trig.start - 1
        return p >= lo and f.word(p) in f.v.sets("accusation markers") and f.word(trig.start).endswith("ing")

    def agentless_passive(self, trig: TriggerHit) -> bool:
        word = self.f.word(trig.start)
        return not word.endswith("ing") and word not in self.f.v.sets("stative participles")

    def adverb(self, k: int) -> bool:
        return self.f.word(k).endswith("ly")

    def possessor(self, hit: Hit, after: int, hi: int) -> bool:
        f = self.f
        if hit.kind == "adjmod":
            return True
        if hit.end >= hi or f.toks[hit.end].text not in f.v.possessive:
            return False
        # "Syria's new government" is Syria acting; "Egypt's reconstruction plan" is not Egypt.
        head = ""
        for m in range(hit.end + 1, min(hi, hit.end + 4)):
            if not f.toks[m].text.isalpha() or f.toks[m].cap or f.word(m) in f.v.function_words:
                break
            head = f.word(m)
        return head not in profile("en").words("agentive")  # the mention finder's set: troops, government

    def modifier(self, hit: Hit, hi: int) -> bool:
        f, k = self.f, hit.end
        if k >= hi or hit.start == 0 or f.word(hit.start - 1) not in f.v.indefinites:
            return False
        tok = f.toks[k]
        return tok.text.isalpha() and tok.text.islower() and tok.text not in f.v.function_words | f.v.skip

    def relative_agent(self, rel: int, hi: int) -> Hit | None:
        f, v = self.f, rel + 1  # "the curbs that Israel imposes": the actor comes first
        if v + 1 >= hi or f.toks[v].punct:
            return None
        hit = f.hit_at(v)
        ok = hit is not None and hit.start == v and f.toks[v + 1].text.isalpha()
        return hit if ok and f.actor(hit) else None

    def object_relative(self, trig: TriggerHit, subjects: list[Hit], c_lo: int) -> bool:
        return subjects[0].start >= c_lo  # "which Israel and the PLO signed": the subjects inside the clause

    def direct_object(self, k: int, hi: int) -> bool:
        f = self.f
        if k >= hi or f.toks[k].punct:
            return False
        if (hit := f.hit_at(k)) is not None:
            return hit.kind == "adjmod"  # "welcomed Syrian refugees"
        return f.word(k) in f.v.object_determiners

    def attached_agent(self, start: int, end: int, lo: int, hi: int) -> Hit | None:
        """ "Russia's full-scale invasion", "Israeli strikes": a possessive or adjective before the noun."""
        f = self.f
        agent: Hit | None = None
        p, skipped = start - 1, 0
        while p >= lo and skipped <= 2:
            hit = f.hit_at(p)
            if hit is not None:
                agent = hit if hit.end == p + 1 else None
                break
            tok = f.toks[p]
            if tok.text in f.v.possessive and p - 1 >= lo:
                hit = f.hit_at(p - 1)
                agent = hit if hit is not None and hit.end == p else None
                break
            if (tok.punct and tok.text not in f.v.hyphen) or tok.cap or f.word(p) in f.v.function_words:
                break
            if f.word(p) in f.v.sets("determiners") or f.t.triggers.match(f.keys, p):
                break
            skipped += tok.text not in f.v.hyphen  # "full-scale" is one modifier
            p -= 1
        if agent is None:
            return None
        q = agent.start - 1
        while q >= lo and f.word(q) in f.v.indefinites:
            q -= 1
        if any(f.word(m) in f.v.hypothetical for m in range(max(lo, q - 2), start)):
            return None  # "to prevent any Russian attack"
        return agent

    def based_in(self, hit: Hit, hi: int) -> str:
        """ "X, a Pakistan-based militant group": the state X is based in, or ""."""
        f = self.f
        if f.type_of(hit.key) not in ORGANISATIONS:
            return ""
        k = hit.end
        if k + 4 < hi and f.comma(k) and f.word(k + 1) in f.v.indefinites:
            place = f.hit_at(k + 2)
            if place is not None and place.start == k + 2 and f.type_of(place.key) == "State":
                m = place.end
                if m + 1 < hi and f.toks[m].text in f.v.hyphen and f.word(m + 1) in f.v.sets("based"):
                    return place.key
        return ""

    def dropped_subject(self, trig: TriggerHit, at: Found, modality: str) -> tuple[list[str], str, str, str] | None:
        """A verb with no subject before it: a pronoun ("he met"), a relative's antecedent ("X, who met"), a
        name in apposition ("Peru's president, Jose Jeri, met"), a participle's main subject (", accusing"),
        the clause before ("… and met")."""
        f, lo = self.f, at.lo
        p = trig.start - 1
        while p >= lo and f.skippable(p):
            p -= 1
        if p < lo:
            return None
        word = f.word(p)
        if word in f.v.pronouns:
            return [], f.v.pronouns[word], "", modality
        if self.statement_before(p) and f.word(trig.start).endswith("ing"):
            return self.issuer(at, p, modality)  # "X issued a statement condemning Y": the issuer's act
        if word in f.v.relative_pronouns and p - 1 >= lo:
            q = p - 1 if f.comma(p - 1) else p
            keys = [h.key for h in f.group_ending_before(q, lo, 0) if f.eligible(h, ("actor",))]
            return (keys, "", "", modality) if keys else None
        if f.comma(p):
            keys = f.apposition_closed(p) or f.relative_closed(p, lo) or self.before_parenthetical(p, lo)
            if not keys and f.word(trig.start).endswith("ing"):
                first = f.first_actor(lo, p)  # ", calling for …": the sentence's main subject, its first actor
                keys = [first.key] if first is not None else []
            return (keys, "", "", modality) if keys else None
        if word in f.v.conjunctions:
            before = f.clause_before_subject(at.sent, modality)
            if before is not None:
                return before[0], "", "", before[1]
            first = next((h for h in f.hits if lo <= h.start < p and f.eligible(h, ("actor",))), None)
            return ([first.key], "", "", modality) if first is not None and first.kind != "adjmod" else None
        return None

    def issuer(self, at: Found, p: int, modality: str) -> tuple[list[str], str, str, str] | None:
        """Who issued the text before p: the subject of the clause before, else the sentence's first actor."""
        f = self.f
        before = f.clause_before_subject(at.sent, modality)
        if before is not None:
            return before[0], "", "", before[1]
        first = f.first_actor(at.lo, p)
        return ([first.key], "", "", modality) if first is not None and first.kind != "adjmod" else None

    def statement_before(self, p: int) -> bool:
        """Is the word at p the end of a statement, a resolution or another text an actor issues?"""
        f = self.f
        hit = f.hit_at(p)
        if hit is not None:
            return hit.end == p + 1 and f.type_of(hit.key) in DOCUMENT_TYPES
        return f.word(p) in f.v.sets("statement nouns")

    def before_parenthetical(self, comma: int, lo: int) -> list[str]:
        """ "Iran, in a statement on Monday, condemned": the subject before a parenthetical phrase whose comma
        closes at ``comma`` (opened by a word of "parenthetical openers")."""
        f = self.f
        q = comma - 1
        while q > lo and comma - q <= 12 and not f.comma(q):
            q -= 1
        if q <= lo or not f.comma(q) or f.word(q + 1) not in f.v.sets("parenthetical openers"):
            return []
        return [h.key for h in f.group_ending_before(q, f.clause_start(q, lo), 0) if f.actor(h)]
