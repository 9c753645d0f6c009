"""The mention finder: titles with names, places, gazetteer names, head-noun phrases, then document aliases.

Language-neutral: what a language does differently comes from its ``MentionRules`` (``lang/<lang>/mentions.py``)
and its word sets; the mechanisms shared by all languages are the mixins (titles, places, heads, appositions,
anaphora)."""

from __future__ import annotations

from actorgraph.extract.lookup import NameHit
from actorgraph.extract.mentions.anaphora import AnaphorMixin
from actorgraph.extract.mentions.appositions import AppositionMixin
from actorgraph.extract.mentions.base import Hit
from actorgraph.extract.mentions.heads import HeadMixin
from actorgraph.extract.mentions.places import PlaceMixin
from actorgraph.extract.mentions.titles import TitleMixin
from actorgraph.ontology.gazetteer import GazEntry

_MODEL_TYPES = {"PERSON": "Person", "ORG": "Organization", "GPE": "City", "FAC": "City"}  # spaCy NER labels


class MentionFinder(TitleMixin, PlaceMixin, HeadMixin, AppositionMixin, AnaphorMixin):
    def run_sentence(self, start: int, end: int) -> None:
        rules = self.rules
        i = start
        while i < end:
            if self.cover[i] >= 0 or self.toks[i].punct:
                i += 1
                continue
            nxt = (
                rules.title_at(self, i, end)
                or rules.place_at(self, i, end)
                or self.gazetteer_at(i, end)
                or self.head_at(i, end)
                or rules.group_of_place_at(self, i, end)
                or rules.apposition_at(self, i, end)
                or rules.country_anaphor_at(self, i)
            )
            i = nxt if nxt else i + 1
        self.appositions(start, end)
        self.part_appositions(start, end)

    def run_aliases(self, start: int, end: int) -> None:
        """Second pass: surnames of people introduced earlier in the document (Nakatani → Gen Nakatani;
        in Arabic also "son of Farhan" → Faisal bin Farhan)."""
        son_of = self.words("son of")
        for i in range(start, end):
            if self.cover[i] >= 0:
                continue
            link = None  # the proclitics of "son of" before a family name
            if son_of and i + 1 < end and self.cover[i + 1] < 0:
                link = next((p for k, p in self.keys[i].items() if k in son_of), None)
            for key, pro in self.keys[i if link is None else i + 1].items():
                person = self.aliases.get(key)
                if person and (link is None or pro == ""):
                    first, stop = (pro, i + 1) if link is None else (link, i + 2)
                    self.add(Hit(i, stop, person, "Person", "alias", coord=self.coord(i, first)))
                    break

    def add_external(self, start_char: int, end_char: int, label: str) -> None:
        """A named entity found by a trained model (English model path): kept only where rules found nothing."""
        type_ = _MODEL_TYPES.get(label)
        if type_ is None:
            return
        span = [t.i for t in self.toks if t.start >= start_char and t.end <= end_char]
        if not span:
            return
        i, j = span[0], span[-1] + 1
        determiners, possessive = self.words("determiners"), self.words("possessive markers:cased")
        while i < j and self.toks[i].text.lower() in determiners:
            i += 1
        while j > i and (self.toks[j - 1].text in possessive or self.toks[j - 1].punct):
            j -= 1
        if i >= j or not self.free(i, j) or not self.toks[i].cap or self.no_actor.intersection(range(i, j)):
            return
        owner = self._owner_state(i) if type_ != "Person" else ""
        entity = self.ent.ensure_new(type_, self.surface(i, j), country=owner)
        if type_ == "Person" and j - i >= 2:
            self.aliases.setdefault(self.toks[j - 1].text.lower(), entity.key)
        self.add(Hit(i, j, entity.key, type_, "model", coord=self.coord(i, "")))

    def _owner_state(self, i: int) -> str:
        """The country of a state named with a possessive right before token i ("the Ivory Coast's Supreme
        Court" is that state's court), else ""."""
        if i < 2 or self.toks[i - 1].text not in self.words("possessive markers:cased") or self.cover[i - 2] < 0:
            return ""
        entry = self.ent.gaz(self.hits[self.cover[i - 2]].key)
        return entry.country if entry is not None and entry.type == "State" else ""

    def _inside_longer_name(self, n_end: int, end: int, entry: GazEntry) -> bool:
        """A city's name before another capitalised word begins a longer name ("The New York Times", "Munich
        Regional Court"), which the city's own mention would cut."""
        if entry.type != "City" or n_end >= end or not self.rules.cased:
            return False
        nxt = self.toks[n_end]
        return nxt.cap and nxt.text.isalpha() and nxt.sent == self.toks[n_end - 1].sent

    def _dateline(self, i: int, n_end: int, end: int) -> bool:
        """A place opening its sentence and followed, within a few capitalised words, numbers, commas and
        brackets (a country, a date, an agency), by a dateline mark (word set "dateline marks:cased")."""
        if i > 0 and self.toks[i - 1].sent == self.toks[i].sent:
            return False
        marks, colons = self.words("dateline marks:cased"), self.words("dateline colons:cased")
        if not self.rules.cased:  # no capitals to tell a dateline: the mark right after the place (بيروت ـ)
            return n_end < end and self.toks[n_end].text in marks and self._spaced(n_end)
        capitals = self.toks[i].text.isupper() and len(self.toks[i].text) > 1
        for k in range(n_end, min(end, n_end + 8)):
            tok = self.toks[k]
            if tok.text in marks:
                return self._spaced(k)  # "BERLIN --", not "Iran-backed"
            if tok.text in colons:  # "KABUL (Pajhwok) :", "BERLIN:" but not "Russia: we will respond"
                return capitals or self.toks[k - 1].text == ")"
            if tok.text.isalpha() and not tok.cap:
                return False
        return False

    def _spaced(self, k: int) -> bool:
        """Is token k set off by a space from the word before it?"""
        return k > 0 and self.toks[k].start > self.toks[k - 1].end

    def _noun_of_before(self, i: int, nouns: frozenset[str]) -> bool:
        """A noun of the set and "of" right before token i, neither taken by another mention."""
        if i < 2 or self.cover[i - 2] >= 0 or self.toks[i - 1].text.lower() not in self.words("of prepositions"):
            return False
        return not nouns.isdisjoint(self.keys[i - 2])

    def gazetteer_at(self, i: int, end: int) -> int | None:
        found = self.name_at(i, end)
        if found is None:
            return None
        n_end, payload, pro, payloads = found
        if not self.free(i, n_end):
            return None
        entry = self.ent.gaz(payload.key)
        if entry is None or self._someone_elses_surname(i, n_end, entry) or self._inside_longer_name(n_end, end, entry):
            return None
        self.ent.ensure_gaz(payload.key)
        alternatives = [p.key for p in payloads[1:] if p.key != payload.key]
        for alt in alternatives:
            self.ent.ensure_gaz(alt)
        if entry.type == "Person":
            done = self._government_of(i, n_end, end, entry, pro) or self.rules.apposition_after(
                self, i, n_end, end, payload.key, pro
            )  # "NAME, X's secretary general," / "the NAME administration"
            if done:
                return done
        group = self.rules.group_at(self, i, n_end, end, entry)
        if group is not None:
            return group
        n_end, kind = self.rules.adjective_kind(self, i, n_end, end, payload.kind, payloads)
        if kind and entry.type in ("State", "City") and self._dateline(i, n_end, end):
            kind = ""  # "KABUL (Pajhwok) :", "BERLIN --", "بيروت ـ": where the report was filed, no party to it
        if not kind:
            self.no_actor.update(range(i, n_end))  # nor may a trained model's entity make them one
            return n_end  # the words name no actor here ("ethnic Albanians" are not Albania's people)
        hit = Hit(i, n_end, payload.key, entry.type, kind, coord=self.coord(i, pro), alternatives=alternatives)
        self.add(hit)
        return n_end

    def _someone_elses_surname(self, i: int, n_end: int, entry: GazEntry) -> bool:
        """A known person's one-word alias after a capitalised word that no rule took: "Odin Sanchez" is not
        Pedro Sánchez (a title before the surname was read by the title rules first)."""
        if entry.type != "Person" or n_end - i != 1 or i == 0 or self.cover[i - 1] >= 0:
            return False
        before = self.toks[i - 1]
        given = before.cap and before.text.isalpha() and before.text not in self.words("not names:cased")
        return given and before.sent == self.toks[i].sent

    def _government_of(self, i: int, n_end: int, end: int, entry: GazEntry, pro: str) -> int | None:
        """ "the NAME administration", idarat NAME: the government of the person's country."""
        state = self.t.gazetteer.country_by_iso3.get(entry.country, "") if entry.country else ""
        nouns = self.words("government nouns")
        if not state or not nouns:
            return None
        if self.rules.head_initial:
            if i > 0 and self.cover[i - 1] < 0 and not nouns.isdisjoint(self.keys[i - 1]):
                self.ent.ensure_gaz(state)
                self.add(Hit(i - 1, n_end, state, "State", "name", coord=self.coord(i - 1, "")))
                return n_end
        elif n_end < end and not nouns.isdisjoint(self.keys[n_end]):
            self.ent.ensure_gaz(state)
            self.add(Hit(i, n_end + 1, state, "State", "name", coord=self.coord(i, pro)))
            return n_end + 1
        elif self._noun_of_before(i, nouns):  # "the administration of Joe Biden"
            self.ent.ensure_gaz(state)
            self.add(Hit(i - 2, n_end, state, "State", "name", coord=self.coord(i - 2, "")))
            return n_end
        return None

    def shares_adjective(self, k: int, end: int, nouns: frozenset[str]) -> bool:
        """'Ukrainian and Russian delegations': a state adjective coordinated with one that heads one of
        ``nouns``."""
        if k + 2 >= end or self.toks[k].text.lower() not in self.words("adjective coordinators"):
            return False
        found = self.name_at(k + 1, end)
        if found is None or not any(p.kind == "adj" for p in found[3]):
            return False
        m = found[0]
        return m < end and self.toks[m].text.lower() in nouns or self.shares_adjective(m, end, nouns)

    def adjective_reading(self, payloads: list[NameHit]) -> NameHit | None:
        return next((p for p in payloads if p.kind == "adj"), None)
