"""Places named with a place noun: "the Ukrainian city of Kharkiv", "madinat Kharkiv al-Ukraniya". The language
finds the shape (``MentionRules.place_at``); these are the shared steps."""

from __future__ import annotations

from actorgraph.extract.mentions.base import Hit
from actorgraph.extract.mentions.state import FinderState


class PlaceMixin(FinderState):
    def city_head(self, k: int, end: int) -> int | None:
        """End of a place noun (city, town, madina, ...) at token k, else None."""
        if k >= end or not self.city_flags[k]:
            return None
        for m_end, head, _pro in self.t.heads.match(self.keys, k):
            if head.type == "City" and m_end <= end:
                return m_end
        return None

    def add_place(self, i: int, k: int, n_end: int, state: str, hit_end: int | None = None) -> int | None:
        """A City named by tokens k..n_end, located in ``state`` when one is named; the hit spans i..hit_end."""
        hit_end = n_end if hit_end is None else hit_end
        if not self.free(i, hit_end):
            return None
        entry = self.ent.gaz(state) if state else None
        country = entry.country if entry is not None else ""
        known = self.name_at(k, n_end + 1)
        if known is not None and known[0] == n_end and self.gaz_type(known) == "City":
            key = self.ent.ensure_gaz(known[1].key).key  # a city of the gazetteer, named with its state
        else:
            label_en, label_native = self.rules.place_label(self.me, self.surface(k, n_end))
            key = self.ent.ensure_new("City", label_en, label_native, country=country).key
        if state:
            self.ent.ensure_gaz(state)
        self.add(Hit(i, hit_end, key, "City", "place", coord=self.coord(i, ""), affiliation=state))
        return hit_end
