"""Coordination and lists: "X, Y and Z condemned", "A and B, as well as C", kull min X wa-Y; and where clauses end.

A group is a mention and the mentions coordinated with it. Lists are read through the word sets ``rel
conjunctions``, ``rel list commas`` and ``rel additive`` (connectives that add one more actor); how strictly a
comma makes a list is the language's (``Grammar.comma_lists``).
"""

from __future__ import annotations

from actorgraph.extract.core.context import Context
from actorgraph.extract.mentions import Hit
from actorgraph.extract.records import ACTOR_TYPES


class Coordination(Context):
    # -- clauses -------------------------------------------------------------------------------------
    def boundary(self, k: int) -> bool:
        if self.cover[k] >= 0:
            return False  # inside a mention ("Mark Rutte, NATO's secretary general,")
        if self.strong(k):
            if self.comma(k) and 0 < k < len(self.toks) - 1:
                before, after = self.hit_at(k - 1), self.item_after(k)
                if before is not None and after is not None and before.end == k:
                    return False  # a list comma: "Britain, France and Germany", "Qatar, the UAE, and Egypt"
                if before is not None and before.end == k and self.added(before):
                    return False  # the comma closing "…, as well as Egypt, condemned", "، إضافة إلى تركيا،"
            return True
        if not self.reads(k, self.v.boundary):
            return False
        # "A, as well as B": the words of a connective, not a clause opener
        return not any(self.additive_end(j) > k for j in range(max(0, k - 3), k + 1))

    def gap_stop(self, k: int) -> bool:
        """Where a gapped trigger (shanna ... gharatan) may not reach across: a clause boundary, but not the commas
        around a day or date (shannat Isra'il, al-thulatha', gharatan)."""
        if not self.boundary(k):
            return False
        if self.comma(k) and k + 2 < len(self.toks):
            day = any(
                all(self.skippable(m) for m in range(k + 1, c)) and self.comma(c)
                for c in range(k + 2, min(len(self.toks), k + 5))
            )  # "، الثلاثاء،", "، اليوم الثلاثاء،"
            closing = any(
                all(self.skippable(m) for m in range(c + 1, k)) and self.comma(c) for c in range(max(0, k - 4), k - 1)
            )
            return not (day or closing or self.aka(k))
        return True

    def aka(self, k: int) -> bool:
        """Is the comma at k one around a nickname (Daqalo, al-ma'ruf bi-"Hemedti", …; "X, known as Y,")?"""
        if k + 1 < len(self.toks) and self.word(k + 1) in self.v.aka:
            return True
        for m in range(k - 1, max(0, k - 7), -1):
            if self.comma(m):
                return m + 1 < k and self.word(m + 1) in self.v.aka
        return False

    def clause_start(self, k: int, lo: int) -> int:
        m = k - 1
        while m >= lo:
            if self.boundary(m):
                return m + 1
            m -= 1
        return lo

    def clause_end(self, k: int, hi: int) -> int:
        m = k
        while m < hi:
            if self.boundary(m):
                return m
            m += 1
        return hi

    # -- list items ----------------------------------------------------------------------------------
    def additive_end(self, k: int) -> int:
        """Where the next actor starts after an additive connective at k ("…, as well as (the) Egypt", "wa-kadhalika
        al-Kuwayt", ", idafatan ila Turkiya") that follows an actor; k when there is none."""
        if k < 1 or self.hit_at(k - 1) is None or self.cover[k] >= 0:
            return k
        m = k + 1 if self.comma(k) else k
        for phrase in self.v.additive:
            e = m + len(phrase)
            if e < len(self.toks) and tuple(self.word(x) for x in range(m, e)) == phrase:
                if e + 1 < len(self.toks) and self.word(e) in self.v.articles:
                    e += 1
                hit = self.hit_at(e)
                return e if hit is not None and hit.start == e else k
        return k

    def added(self, hit: Hit) -> bool:
        """Was this mention joined by an additive connective ("as well as Egypt")?"""
        return any(self.additive_end(j) == hit.start for j in range(max(0, hit.start - 5), hit.start))

    def comma_listed(self, hit: Hit) -> bool:
        """Does a list comma stand before this mention ("Iran, Russia")? Only then is ", and" an Oxford comma."""
        p = hit.start - 1
        if p > 0 and self.word(p) in self.v.articles:
            p -= 1
        prev = self.hit_at(p - 1) if p > 0 and self.comma(p) else None
        return prev is not None and prev.end == p

    def oxford_and(self, k: int) -> bool:
        """Is the comma at k followed by a conjunction ("Iran, Russia, and China")?"""
        return self.comma(k) and k + 1 < len(self.toks) and self.word(k + 1) in self.v.conjunctions

    def item_after(self, k: int) -> Hit | None:
        """The mention a list separator at k introduces, over an article, an Oxford-comma "and" or "as well
        as" ("Saudi Arabia, the UAE", "Iran, Russia, and China", "Qatar, as well as Egypt")."""
        m = k + 1
        if self.oxford_and(k):
            before = self.hit_at(k - 1) if k > 0 else None
            if before is None or not self.comma_listed(before):
                return None  # "met France, and Germany condemned …": two clauses, not a list
            m += 1
        if self.additive_end(k) > k:
            m = self.additive_end(k)  # "the UAE, as well as Egypt"
        if m + 1 < len(self.toks) and self.word(m) in self.v.articles:
            m += 1
        hit = self.hit_at(m) if m < len(self.toks) else None
        return hit if hit is not None and hit.start == m else None

    # -- groups --------------------------------------------------------------------------------------
    def group_from(self, first: Hit, end: int) -> list[Hit]:
        """A hit and the hits coordinated with it (A wa-B, C and D)."""
        group = [first]
        confirmed = 1  # "A, B" may need a conjunction to close it before it counts as a list (Grammar.comma_lists)
        k = first.end
        while k < end:
            nxt = self.next_item(group, k, end)
            if nxt is None:
                break
            hit, joined = nxt
            group.append(hit)
            confirmed = len(group) if joined else confirmed
            k = hit.end
        return group if self.g.comma_lists else group[:confirmed]

    def next_item(self, group: list[Hit], k: int, end: int) -> tuple[Hit, bool] | None:
        """The next item of a list at k, and whether a conjunction (not a bare comma) joined it."""
        nxt = self.hit_at(k)
        if nxt is not None and nxt is not group[-1] and nxt.start == k and nxt.coord:
            return nxt, True  # وB: the conjunction is on the mention
        m = self.additive_end(k)
        if k < m < end and (added := self.hit_at(m)) is not None:
            return added, True  # "Saudi Arabia and the UAE, as well as Egypt", وكذلك الكويت
        joined = self.word(k) in self.v.conjunctions
        if not joined and not self.comma(k):
            return None
        if not joined and k + 2 < end and self.word(k + 1) in self.v.conjunctions and len(group) > 1:
            k, joined = k + 1, True  # the Oxford comma: "Iran, Russia, and China"
        if k + 2 < end and self.word(k + 1) in self.v.articles:
            k += 1
        after = self.hit_at(k + 1) if k + 1 < end else None
        if after is None or after.start != k + 1:
            return None
        return (after, True) if joined else (after, False) if after.kind != "adjmod" else None

    def group_ending_before(self, k: int, lo: int, gap: int = 0) -> list[Hit]:
        """The coordinated group whose last hit ends before token k, with at most ``gap`` other words
        between (adverbs and auxiliaries are free)."""
        last = self.last_hit_before(k, lo, gap)
        if last is None:
            return []
        first = last
        while (prev := self.previous_item(first, lo)) is not None:
            first = prev
        group = self.group_from(first, k)
        if last not in group and not self.g.comma_lists:
            # A comma list with no conjunction is only a list when it runs right up to the verb with three
            # or more actors of one type (headline style "Egypt, Jordan, Turkey condemn …"); else the nearest actor.
            chain = [first]
            while chain[-1] is not last and (nxt := self.item_after(chain[-1].end)) is not None:
                chain.append(nxt)
            same = all(self.type_of(h.key) == self.type_of(last.key) and h.kind == "name" for h in chain)
            return chain if chain[-1] is last and len(chain) >= 3 and same else [last]
        return [h for h in group if h.end <= k]

    def last_hit_before(self, k: int, lo: int, gap: int) -> Hit | None:
        m = k - 1
        budget = gap
        while m >= lo:
            hit = self.hit_at(m)
            if hit is not None:
                return hit
            if not self.skippable(m):
                # "X agreed (today) to lend …": a verb right before the infinitive shares its subject; another
                # trigger does not ("Pyongyang's deployment of troops to fight")
                if budget <= 0 or (self.t.triggers.match(self.keys, m) and not self.governs(m, k)):
                    return None
                budget -= 1
            m -= 1
        return None

    def governs(self, m: int, k: int) -> bool:
        """Is the trigger verb at m followed by "to" and the infinitive at k, with only skippable words between?"""
        if m + 1 >= k or self.word(k - 1) not in self.v.purpose:
            return False
        verb = any(rule.pos == "verb" for _e, rule, _p in self.t.triggers.match(self.keys, m))
        return verb and all(self.skippable(j) for j in range(m + 1, k - 1))

    def previous_item(self, first: Hit, lo: int) -> Hit | None:
        """The list item before this one (walking back to a group's first conjunct), or None."""
        p = first.start - 1
        if first.coord:
            if p > lo and self.word(p) in self.v.articles:
                p -= 1
            if p >= lo and (self.word(p) in self.v.conjunctions or self.comma(p)):
                p -= 1
                if p > lo and self.word(p + 1) in self.v.conjunctions and self.comma(p):
                    listed = self.hit_at(p - 1)
                    if listed is None or not self.comma_listed(listed):
                        return None  # "met France, and Germany": a clause comma
                    p -= 1  # "Iran, Russia, and China"
            prev = self.hit_at(p) if p >= lo else None
            return prev if prev is not None and prev.end == p + 1 else None
        starts = range(max(lo + 1, first.start - 5), first.start)
        joined = next((j for j in starts if self.additive_end(j) == first.start), None)
        if joined is not None and (prev := self.hit_at(joined - 1)) is not None:
            return prev  # "… and the UAE, as well as Egypt"
        if p >= lo and self.comma(p):
            prev = self.hit_at(p - 1) if p - 1 >= lo else None
            if prev is not None and prev.end == p and self.type_of(prev.key) in ACTOR_TYPES:
                return prev
        return None

    def last_group(self, sent: int) -> list[str]:
        if self.group_memory and self.group_memory[0] >= sent - 1:
            return list(self.group_memory[1])
        return []
