"""The hooks through which a language tells the frames what is its own (``lang/<lang>/relations.py`` subclasses
``Grammar``). The defaults are those of a language with no clitics, no verb-first order and no grammatical
gender on verbs; each hook says what it answers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from actorgraph.extract.core.context import Found, TriggerHit
from actorgraph.extract.lang import profile
from actorgraph.extract.mentions import Hit

if TYPE_CHECKING:
    from actorgraph.extract.relations import RelationFinder


class Grammar:
    light_proclitics: frozenset[str] = frozenset({""})
    """Proclitics a word may carry and still read as itself (Arabic wa-, fa-)."""
    comma_lists: bool = False
    """Does a comma alone join a list ("A, B")? Else only a conjunction confirms it ("A, B and C")."""
    circumstantial_gap: int = 1
    """Words allowed between a subject and the comma of a circumstance ("X said, during talks with Y,")."""
    participle_after_comma: bool = True
    """Does a participle clause need a comma before it to take the main subject (", accusing Beijing")?"""
    agent_after_noun: bool = False
    """Does an act noun's attached agent follow it (al-harb al-rusiyya) rather than precede it ("Russia's war")?"""

    def __init__(self, finder: RelationFinder) -> None:
        self.f = finder

    # -- subjects --------------------------------------------------------------------------------------
    def subject_gap(self, trig: TriggerHit) -> int:
        """How many words may stand between a subject and its trigger."""
        return 6

    def subject_around(
        self, trig: TriggerHit, before: list[Hit], c_lo: int, lo: int, hi: int
    ) -> tuple[list[Hit], bool]:
        """The subject group given the one before the trigger: (hits, is it after the trigger)."""
        return before, False

    def fronted_object_before(self, trig: TriggerHit, subject_start: int) -> bool:
        """Does a mention the trigger's row marks stand between a verb and its subject after it?"""
        return False

    def agentless_passive(self, trig: TriggerHit) -> bool:
        """After a passive auxiliary with no agent: is the trigger a participle, so the mention before it is
        what the act befell, not its doer ("was extradited to Venezuela"; not "is attacking", "is concerned")?"""
        return False

    def first_person(self, trig: TriggerHit, lo: int, hi: int) -> bool:
        """Is the trigger verb's subject the first person ("we condemn", "I welcome")? Then it is the issuer of the
        statement (``core/statements.py``). Here: a word of ``rel first person subjects`` before the verb, with
        at most one other word between ("we strongly condemn"; adverbs and auxiliaries are free), not an article
        nor another trigger ("we condemn the attacks": attacks is no verb of ours)."""
        f = self.f
        words, gap = f.v.sets("first person subjects"), 1
        p = trig.start - 1
        while p >= lo and f.hit_at(p) is None and not f.boundary(p):
            if f.reads(p, words):
                return True
            if not f.skippable(p):
                gap -= 1
                if gap < 0 or f.word(p) in f.v.articles or f.t.triggers.match(f.keys, p):
                    return False
            p -= 1
        return False

    def our_state(self, k: int) -> bool:
        """Is token k a country noun the first person owns ("our country", "our government": a word of ``rel first
        person possessives`` before a word of ``country nouns``)? It stands for the issuer's state."""
        f = self.f
        return (
            k > 0
            and f.hit_at(k) is None
            and f.word(k) in profile(f.lang).words("country nouns")
            and f.word(k - 1) in f.v.sets("first person possessives")
        )

    def genitive_agent(self, trig: TriggerHit, hi: int) -> Hit | None:
        """An agent the trigger carries as its genitive (da'm biladihi), or None."""
        return None

    def subject_after_noun(self, trig: TriggerHit, hi: int) -> list[Hit]:
        """The subject group right after a noun trigger (isdar al-Yaban qanunan), or []."""
        return []

    def dropped_subject(self, trig: TriggerHit, at: Found, modality: str) -> tuple[list[str], str, str, str] | None:
        """A verb with no subject mention: (subject keys, the referent coreference should find: m, f, she, n, p
        or "" when the keys are known, a rule id suffix, modality); None when it has no subject we can know."""
        return None

    def bare(self, hit: Hit) -> bool:
        """Does the mention read without a preposition on it (a subject or a direct object)?"""
        return True

    # -- objects ---------------------------------------------------------------------------------------
    def possessor(self, hit: Hit, after: int, hi: int) -> bool:
        """Is this mention the owner of a noun ("Egypt's plan", khittat Misr) rather than a noun phrase of its own?"""
        return hit.kind == "adjmod"

    def modifier(self, hit: Hit, hi: int) -> bool:
        """Does the mention modify the noun after it ("the U.S. move")?"""
        return False

    def clitic_place(self, hit: Hit) -> bool:
        """Is the mention a place by a preposition on it (bi-l-Qahira "in Cairo")?"""
        return False

    def list_marker(self, prev: int, after: int, hi: int, preps: set[str]) -> bool | None:
        """Whether an argument marker stands before a list opener at prev (ma'a kull min); None when there is none."""
        return None

    def clitic_marker(self, hit: Hit, preps: set[str]) -> bool:
        """Is one of the markers a proclitic on the mention (bi-Macron)?"""
        return False

    def prepositional(self, k: int) -> bool:
        """Does token k carry a preposition as a proclitic?"""
        return False

    def relative_agent(self, rel: int, hi: int) -> Hit | None:
        """The actor doing what an object relative clause at rel describes ("the curbs that Israel imposes")."""
        return None

    def object_relative(self, trig: TriggerHit, subjects: list[Hit], c_lo: int) -> bool:
        """Is the relative clause opening at c_lo an object relative of this trigger (not a subject relative)?"""
        return True

    def pronoun_object(self, trig: TriggerHit, hi: int, subjects: set[str]) -> list[Hit]:
        """The actor an object pronoun on the trigger (or its preposition) refers to, or []."""
        return []

    def direct_object(self, k: int, hi: int) -> bool:
        """Does a non-actor direct object follow at k ("A and B welcomed the deal")?"""
        return False

    def guest(self, trig: TriggerHit, after: int, at: Found) -> str:
        """ "received his guest": the visitor named before, or ""."""
        return ""

    # -- act nouns -------------------------------------------------------------------------------------
    def attached_agent(self, start: int, end: int, lo: int, hi: int) -> Hit | None:
        """The actor attached to the act noun at [start, end), or None (hypothetical or none)."""
        return None

    def hypothetical_around(self, start: int, end: int, lo: int, hi: int) -> bool:
        """Do words around an act noun read with its agent make it hypothetical (ayy hujum)?"""
        return False

    def definite(self, k: int) -> bool:
        """Is the noun at k definite by its own form (an article on it)?"""
        return False

    # -- modality --------------------------------------------------------------------------------------
    def verb_mood(self, trig: TriggerHit, lo: int, hi: int | None) -> str:
        """The modality the trigger's own form gives when no cue does (a future prefix)."""
        return "asserted"

    def word_mood(self, k: int, end: int) -> str:
        """The mood a verb at k (before end) gives what is said of a noun before it, or ""."""
        return ""

    def hedged_verb(self, trig: TriggerHit, lo: int) -> bool:
        """Does a particle before the verb hedge it (qad + present)?"""
        return False

    def cue_ok(self, k: int, pro: str) -> bool:
        """Is the cue matched at k (through proclitic pro) a cue here?"""
        return True

    def accused_act(self, trig: TriggerHit, lo: int) -> bool:
        """Is the trigger worded as the content of an accusation ("of backing", bi-da'm)?"""
        return False

    def joined_present(self, trig: TriggerHit) -> bool:
        """Is the trigger a present verb joined to the verb before (wa-yazur), sharing its mood?"""
        return False

    # -- tokens ----------------------------------------------------------------------------------------
    def adverb(self, k: int) -> bool:
        """Is token k an adverb (the passive may have one before its participle)?"""
        return False

    def article_reading(self, k: int) -> bool:
        """Does token k reach a trigger only by dropping an article (then it is a noun, not a verb)?"""
        return False

    def delegation_of(self, person: Hit, lo: int) -> str:
        """The actor whose delegation this person heads, or ""."""
        return ""

    def based_in(self, hit: Hit, hi: int) -> str:
        """The state an organisation is said to be based in ("a Pakistan-based group"), or ""."""
        return ""
