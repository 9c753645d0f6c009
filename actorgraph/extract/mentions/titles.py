"""Titles and their holders: the person after a title, the office they hold, whom the office serves, the
current holder of an office named without a name, and "his counterpart"."""

from __future__ import annotations

from actorgraph.extract import roles
from actorgraph.extract.lookup import Tables
from actorgraph.extract.mentions.base import Hit, Office, person_position
from actorgraph.extract.mentions.state import FinderState

_HOLDERS: dict[int, dict[str, str]] = {}


def _holders(tables: Tables) -> dict[str, str]:
    """Office key → its current holder (the holding with no end date; the latest start when several)."""
    found = _HOLDERS.get(id(tables))
    if found is None:
        current: dict[str, list[tuple[str, str]]] = {}
        for entry in tables.gazetteer.entries.values():
            if entry.type == "Person":
                for holding in entry.holds:
                    if holding.end is None:
                        current.setdefault(holding.position, []).append((holding.start or "", entry.key))
        found = {}
        for office, people in current.items():
            people.sort(reverse=True)
            if len(people) == 1 or people[0][0] > people[1][0]:
                found[office] = people[0][1]
        _HOLDERS[id(tables)] = found
    return found


class TitleMixin(FinderState):
    def title_person(self, i: int, j: int, k: int, end: int, office: Office, pro: str) -> int | None:
        """After a title (ending at j) and its owner (ending at k): the person's name."""
        start_name = k
        while start_name < end and self.rules.courtesy(self.me, start_name):
            start_name += 1  # Sheikh, Prince (the lexicon's honorifics): a courtesy, not an office
        if start_name < end and self.cover[start_name] < 0:
            stacked = self.rules.stacked_title(self.me, i, start_name, end, office, pro)
            if stacked is not None:
                return stacked
        found = self._holder_name(start_name, end)
        adjacent = found is not None and all(self.toks[t].punct for t in range(k, found[0]))  # "X's leader, NAME"
        other = found is not None and not self._may_hold(found[2], office, adjacent)
        if other:
            found, start_name = None, k  # "the Libyan prime minister Field Marshal Haftar": received by him
        if found is not None:
            start_name = found[0]
        person_key = found[2] if found is not None else ""
        n_end = found[1] if found is not None else start_name
        if not person_key:
            n_end = start_name if other else self.rules.unknown_name(self.me, start_name, end)
            if n_end == start_name:
                # "the Ukrainian president": an office named without a name is its holder only when the text
                # names that person too; who holds it is not otherwise in the text (the article may be old).
                holder = self.current_holder(office.role, office.owner)
                if not holder or start_name <= i or not self.named_in_text(holder):
                    return None
                person_key = self.ent.ensure_gaz(holder).key
            else:
                person_key = self.rules.new_person(self.me, start_name, n_end)
        if not self.free(i, n_end):
            return None
        return self._add_holder(i, n_end, start_name, person_key, office, pro)

    def _holder_name(self, start: int, end: int) -> tuple[int, int, str] | None:
        """A known person's name at ``start``, or after a short qualifier ("the Syrian president in the
        transitional period Ahmed al-Sharaa"): (where the name starts, where it ends, the person's key)."""
        found = self.name_at(start, end)
        if found is not None and found[2] and self.rules.coord(self.me, start, found[2]):
            return None  # "the prime minister and Haftar" (wa-Haftar): a new conjunct, not the holder
        if found is None:
            for q in range(start, min(end, start + 5)):
                if q > start and (self.is_stop(q) or self.cover[q] >= 0):
                    break
                if self.rules.qualifier_stop(self.me, q, start):
                    break
                if q == start:
                    continue
                if self.t.triggers.match(self.keys, q) or self.t.triggers.match(self.keys, q - 1):
                    break  # "the British foreign secretary met Wang Yi": a verb, then the other party
                found = self.name_at(q, end)
                if found is not None:
                    if self.gaz_type(found) == "Person":
                        start = q
                    break
        if found is None or self.gaz_type(found) != "Person":
            return None
        return start, found[0], self.ent.ensure_gaz(found[1].key).key

    def _may_hold(self, person_key: str, office: Office, adjacent: bool) -> bool:
        """Can this known person be the holder a title names? Not when their country is not the office's (the
        US secretary of state, then a Saudi prince); nor, when a rank or other words stand between the title and
        the name, when the gazetteer gives the office another holder now and this person other offices, never
        this one (the Libyan prime minister, then Field Marshal Haftar). A name right after its title is trusted:
        old news names the holders of its day."""
        entry = self.ent.gaz(person_key)
        if entry is None:
            return True
        owner = self.ent.gaz(office.owner) if office.owner else None
        if owner is not None and owner.country and entry.country and owner.country != entry.country:
            return False
        if person_position(self.ent, person_key, office.role, office.owner if office.owner.startswith("gaz:") else ""):
            return True
        holder = self.current_holder(office.role, office.owner) if not adjacent else ""
        return not (holder and holder != person_key and entry.holds)

    def _add_holder(self, i: int, n_end: int, name_start: int, person_key: str, office: Office, pro: str) -> int:
        title, role, label, owner = office.title, office.role, office.label, office.owner
        office_key = person_position(self.ent, person_key, role, owner if owner.startswith("gaz:") else "")
        if office_key:
            position = self.ent.ensure_gaz(office_key)
            entry = self.ent.gaz(office_key)
            if not owner and entry is not None:
                owner_key = entry.organization or (
                    self.t.gazetteer.country_by_iso3.get(entry.country, "") if entry.country else ""
                )
                if owner_key:
                    self.ent.ensure_gaz(owner_key)
                    owner = owner_key
        elif title.label != "-":  # a rank (Gen., العقيد) names no office
            position = self.ent.position(role, label, owner)
        else:
            position = None
        # "Ambassador NAME": an ambassador of no state named is a diplomat's rank, no office we can state
        rank = role == "ambassador" and not owner and not office_key
        # al-amir NAME: a title that is also a courtesy word, of no one named and no office the person holds
        rank = rank or (not owner and not office_key and self.rules.courtesy(self.me, i))
        hit = Hit(
            i,
            n_end,
            person_key,
            "Person",
            "title",
            coord=self.coord(i, pro),
            position="" if position is None or rank else position.key,
            affiliation=self.serves(owner),
            title_end=name_start,
        )
        self.add(hit)
        return n_end

    def office_of(self, person_key: str, role: str, label: str, owner: str) -> str:
        """The key of the office a person holds with this role: their gazetteer office, else a new one."""
        office_key = person_position(self.ent, person_key, role)
        return (self.ent.ensure_gaz(office_key) if office_key else self.ent.position(role, label, owner)).key

    def named_in_text(self, key: str) -> bool:
        """Whether the document names this gazetteer person: their family name (the last word of a label)."""
        entry = self.ent.gaz(key)
        labels = [entry.label_en, entry.label_ar, *entry.aliases_en, *entry.aliases_ar] if entry else []
        return any(label.split()[-1] in self.ent.text for label in labels if label.split())

    def current_holder(self, role: str, owner: str) -> str:
        """The one person the gazetteer has holding this office of this owner now (no end date)."""
        if not roles.one_holder(role) or not owner:
            return ""
        entry = self.ent.gaz(owner)
        if entry is None:
            return ""
        office = self.t.gazetteer.position(role, entry.country if entry.type == "State" else entry.key)
        return _holders(self.t).get(office.key, "") if office is not None else ""

    def serves(self, owner: str) -> str:
        """Whom an office holder serves: a ministry's or national army's official serves the state."""
        entry = self.ent.gaz(owner) if owner else None
        if entry is not None and entry.type in ("GovernmentBody", "MilitaryOrganization") and entry.country:
            state = self.t.gazetteer.country_by_iso3.get(entry.country)
            if state:
                self.ent.ensure_gaz(state)
                return state
        entity = self.ent.table.get(owner) if owner else None
        if entity is not None and entity.type in ("GovernmentBody", "MilitaryOrganization") and entity.country:
            state = self.t.gazetteer.country_by_iso3.get(entity.country)
            if state:
                self.ent.ensure_gaz(state)
                return state
        return owner

    def counterpart_role(self, i: int) -> tuple[str, str]:
        """ "his Iranian counterpart": the office of the last titled person in the sentence."""
        sent = self.toks[i].sent
        for hit in reversed(self.hits):
            if self.toks[hit.start].sent != sent:
                break
            if hit.kind == "title" and hit.position:
                office = self.ent.table.get(hit.position)
                entry = self.ent.gaz(hit.position)
                if entry is not None and entry.role:
                    label = office.label_en if office else entry.role
                    return entry.role, roles.generic_label(entry.role, label)
                if office is not None and " of " in office.label_en:
                    label = office.label_en.rsplit(" of ", 1)[0]
                    return "x_" + label.lower().replace(" ", "_"), label
        return "", ""
