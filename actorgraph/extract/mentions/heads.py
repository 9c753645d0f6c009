"""Head nouns (ministry, agreement, summit): what the shared steps of naming an organisation, a document or
an event are. The language reads the modifiers (``MentionRules.head_at``)."""

from __future__ import annotations

from actorgraph.extract.mentions.base import Hit
from actorgraph.extract.mentions.state import FinderState
from actorgraph.extract.records import ACTOR_TYPES, EVENT_TYPES
from actorgraph.ontology.lexicon import Head


class HeadMixin(FinderState):
    def head_at(self, i: int, end: int) -> int | None:
        matches = [m for m in self.t.heads.match(self.keys, i) if m[0] <= end]
        if not matches:
            return None
        j, head, pro = matches[0]
        if head.type == "City":
            return None  # place nouns name a place only in the shapes place_at knows
        return self.rules.head_at(self.me, i, j, end, head, pro)

    def quoted_after(self, j: int, end: int, limit: int = 4) -> tuple[int, int] | None:
        """A quoted phrase starting within ``limit`` tokens after j: (first, last+1) token indexes."""
        quotes = self.p.words("quotes:cased")
        for q in range(j, min(end, j + limit + 1)):
            if self.toks[q].text in quotes:
                for r in range(q + 1, min(end, q + 8)):
                    if self.toks[r].text in quotes:
                        return (q + 1, r) if r > q + 1 else None
                return None
            if self.is_stop(q):
                return None
        return None

    def by_country(self, keys: list[str], country: str) -> str:
        if country:
            for key in keys:
                entry = self.ent.gaz(key)
                if entry is not None and entry.country == country:
                    return key
        return keys[0]

    def demonym(self, iso3: str) -> str:
        entry = self.t.gazetteer.country(iso3)
        if entry is None:
            return ""
        return entry.demonyms_en[0] if entry.demonyms_en else entry.label_en

    def anaphor(self, i: int, m: int, head: Head, pro: str) -> int | None:
        """A definite head with no name (the agreement, the army): the last mention of its kind."""
        wanted = EVENT_TYPES if head.type in EVENT_TYPES else {head.type}
        for hit in reversed(self.hits):
            if hit.type in wanted and head.type in ACTOR_TYPES and not self.rules.same_head(self.me, hit, head):
                continue
            if hit.type in wanted:
                self.add(Hit(i, m, hit.key, hit.type, "anaphor", coord=self.coord(i, pro)))
                return m
        return None
