"""Nouns that stand for a state named before: "his country", "her government", "the Kingdom" (Arabic
biladuhu, hukumatuha, al-mamlaka). The language finds
the noun (``MentionRules.country_anaphor_at``); the state is that of the last person named."""

from __future__ import annotations

from actorgraph.extract.mentions.base import Hit
from actorgraph.extract.mentions.state import FinderState


class AnaphorMixin(FinderState):
    def person_state(self, hit: Hit) -> str:
        """The state a person's mention stands for: the state they serve, else their country."""
        state = hit.affiliation if hit.affiliation.startswith("gaz:country-") else ""
        entity = self.ent.table.get(hit.key)
        if not state and entity is not None and entity.country:
            state = self.t.gazetteer.country_by_iso3.get(entity.country, "")
        return state

    def possessor_state(self, female: bool) -> str:
        """The state of the last person named of the pronoun's gender (his/her, or a possessive suffix), or ""."""
        for hit in reversed(self.hits):
            if hit.type != "Person":
                continue
            gaz = self.ent.gaz(hit.key)
            if gaz is not None and gaz.gender == ("male" if female else "female"):
                continue  # حكومتها "her government" is not the man named last
            return self.person_state(hit)
        return ""

    def add_country_anaphor(self, start: int, end: int, female: bool) -> int | None:
        """The noun at start..end stands for the state of the last person named: add it as that state."""
        state = self.possessor_state(female)
        if not state:
            return None
        self.ent.ensure_gaz(state)
        self.add(Hit(start, end, state, "State", "anaphor", coord=self.coord(start, "")))
        return end
