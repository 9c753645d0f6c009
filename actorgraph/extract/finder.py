"""The mention finder: titles with names, gazetteer names, head-noun phrases, then document aliases."""

from __future__ import annotations

import re
from functools import lru_cache

from actorgraph.extract import roles
from actorgraph.extract.lang import profile
from actorgraph.extract.lang.ar.normalize import analyses, normalize, proclitic_splits, strip_article
from actorgraph.extract.lang.ar.translit import transliterate
from actorgraph.extract.lookup import NameHit, Tables, ar_keys, en_keys
from actorgraph.extract.mentions import (
    APPOSITION_AR,
    APPOSITION_EN,
    AR_NAME_LINKS,
    AR_STOP,
    EN_DETERMINERS,
    EN_NOT_NAMES,
    EN_PARTICLES,
    GENERIC_MILITARY_AR,
    QUOTES,
    STRONG_PUNCT,
    Entities,
    Hit,
    Tok,
    compose_label,
    gloss_ar,
    person_position,
    title_case,
)
from actorgraph.extract.records import ACTOR_TYPES, DOCUMENT_TYPES, EVENT_TYPES
from actorgraph.ontology.lexicon import Head, Title

ORG_TYPES = ACTOR_TYPES - {"Person", "State"}
_AR, _EN = profile("ar"), profile("en")
AGENTIVE_EN = _EN.words("agentive")
_HONORIFICS_AR = _AR.words("honorifics")
_ORDINAL = re.compile(r"\d+(st|nd|rd|th)")  # ordinals before a head noun: "a 16th package"
_KINGDOM_AR = _AR.words("kingdom nouns")
_QUALIFIERS_AR = _AR.words("qualifiers")
_ACTING_EN = _EN.words("acting")
_HONORIFICS_EN = _EN.words("honorifics:cased")
# With a possessive pronoun these stand for the state of the person named before: بلاده, حكومتها.
_NISBA_ENDINGS = tuple(sorted(_AR.words("nisba endings")))
# Nouns that make an apposition say "a part of": "the EU's border agency", الجناح العسكري لحماس.
_PART_WORDS = _EN.words("part words") | _AR.words("part words")
_SON_OF_AR = _AR.words("son of")
_COUNTRY_NOUNS_AR = _AR.words("country nouns")
_GENERIC_BARE = frozenset(strip_article(w) for w in GENERIC_MILITARY_AR)
# First words of two-word Arabic place names (خان يونس, بنت جبيل, دير الزور, شرم الشيخ).
_TOPONYM_PARTS_AR = _AR.words("toponym parts")
_GOVERNMENT_AR = _AR.words("government nouns")

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


_DESCRIPTOR_STOPS = _EN.words("descriptor stops")
_CITY_WORDS: dict[int, frozenset[str]] = {}


def _city_words(tables: Tables) -> frozenset[str]:
    """First keys of the place nouns (city, مدينة) in the head lexicon, once per table."""
    words = _CITY_WORDS.get(id(tables))
    if words is None:
        words = frozenset(
            key for key, entries in tables.heads.first.items() if any(head.type == "City" for _rest, head in entries)
        )
        _CITY_WORDS[id(tables)] = words
    return words


@lru_cache(maxsize=1)
def _domain_words() -> frozenset[str]:
    """English domain words (the glossary's values, lowercased): "security treaty", "nuclear deal"."""
    from actorgraph.ontology.lexicon import glossary_ar_en

    return frozenset(v.lower() for v in glossary_ar_en().values())


def dual_title_ar(text: str, title: Title) -> bool:
    """Does this token read the title's first word as a dual construct (وزيرا/وزيري, نظيريه) rather than the
    singular (وزير, نظيره)? A dual names two office holders, not one person."""
    word = normalize(title.form.split()[0])
    splits = proclitic_splits(normalize(text))
    if any(strip_article(rest) == strip_article(word) for _p, rest in splits):
        return False
    for _p, rest in splits:
        for enc in ("", *_AR.words("possessive enclitics")):
            stem = rest[: len(rest) - len(enc)]
            if rest.endswith(enc) and (stem == word + "ي" or (stem == word + "ا" and not enc)):
                return True
    return False


class MentionFinder:
    def __init__(self, tables: Tables, toks: list[Tok], entities: Entities) -> None:
        self.t = tables
        self.lang = tables.lang
        self.toks = toks
        self.keys = [tok.keys for tok in toks]
        self.ent = entities
        self.cover: list[int] = [-1] * len(toks)
        self.hits: list[Hit] = []
        self.aliases: dict[str, str] = {}  # doc-local single-word key → person key
        self.last_of_type: dict[str, str] = {}
        self.city_words = _city_words(tables)
        self.city_flags = [not self.city_words.isdisjoint(keys) for keys in self.keys]  # place nouns, once

    # -- helpers ---------------------------------------------------------------------------------
    def free(self, start: int, end: int) -> bool:
        return all(self.cover[k] < 0 for k in range(start, end))

    def add(self, hit: Hit) -> Hit:
        idx = len(self.hits)
        self.hits.append(hit)
        for k in range(hit.start, hit.end):
            self.cover[k] = idx
        self.ent.add_mention(hit.key, self.toks, hit.start, hit.end)
        entity = self.ent.table.get(hit.key)
        if entity is not None:
            self.last_of_type[entity.type] = hit.key
            if entity.type == "Person" and hit.kind in ("name", "title") and hit.key.startswith("gaz:"):
                self._person_aliases(hit.key)
        return hit

    def name_at(self, i: int, end_limit: int) -> tuple[int, NameHit, str, list[NameHit]] | None:
        """Longest gazetteer match at token i (case-checked in English)."""
        if i >= end_limit:
            return None
        matches = [m for m in self.t.names.match(self.keys, i) if m[0] <= end_limit and "|a" not in m[2]]
        if not matches:
            return None
        if self.lang == "en" and not (self.toks[i].cap or self.toks[i].text[:1].isdigit()):
            return None
        best_end = matches[0][0]
        best = [m for m in matches if m[0] == best_end]
        # Prefer a full name over an adjective reading of the same words.
        best.sort(key=lambda m: {"name": 0, "capital": 1, "adj": 2}[m[1].kind])
        payloads = []
        for _, payload, _ in best:
            if payload not in payloads:
                payloads.append(payload)
        return best_end, best[0][1], best[0][2], payloads

    def is_stop(self, k: int) -> bool:
        tok = self.toks[k]
        return tok.punct or tok.text in STRONG_PUNCT

    def coord(self, i: int, pro: str) -> bool:
        if self.lang == "ar":
            return pro.startswith("و") or (i > 0 and self.toks[i - 1].text in ("و", "،"))
        if i > 1 and self.toks[i - 1].text.lower() == "the":
            i -= 1  # "Israel and the PLO"
        return i > 0 and self.toks[i - 1].text.lower() in _EN.words("coordinators")

    # -- the passes ------------------------------------------------------------------------------
    def run_sentence(self, start: int, end: int) -> None:
        i = start
        while i < end:
            if self.cover[i] >= 0 or self.toks[i].punct:
                i += 1
                continue
            nxt = (
                self.title_at(i, end)
                or self.place_at(i, end)
                or self.gazetteer_at(i, end)
                or self.head_at(i, end)
                or self.apposition_at(i, end)
                or self.country_anaphor_at(i)
            )
            i = nxt if nxt else i + 1
        self.appositions(start, end)
        self.part_appositions(start, end)

    def run_aliases(self, start: int, end: int) -> None:
        """Second pass: surnames of people introduced earlier in the document (ناكاتاني → جين ناكاتاني,
        ابن فرحان → فيصل بن فرحان)."""
        for i in range(start, end):
            if self.cover[i] >= 0:
                continue
            link = None  # the proclitics of ابن/بن before a family name
            if self.lang == "ar" and i + 1 < end and self.cover[i + 1] < 0:
                link = next((p for k, p in self.keys[i].items() if k in _SON_OF_AR), None)
            for key, pro in self.keys[i if link is None else i + 1].items():
                person = self.aliases.get(key)
                if person and (link is None or pro == ""):
                    first, stop = (pro, i + 1) if link is None else (link, i + 2)
                    self.add(Hit(i, stop, person, "Person", "alias", coord=self.coord(i, first)))
                    break

    def _person_aliases(self, key: str) -> None:
        """A known person's family name (last word of the Arabic name) names them later in the document."""
        entry = self.ent.gaz(key)
        if entry is None or self.lang != "ar" or not entry.label_ar:
            return
        words = [normalize(w) for w in entry.label_ar.split()]
        if len(words) < 2:
            return
        last = words[-1]
        if len(strip_article(last)) >= 4 and last not in AR_STOP and last not in self.t.glossary:
            self.aliases.setdefault(last, key)

    def add_external(self, start_char: int, end_char: int, label: str) -> None:
        """A named entity found by a trained model (English model path): kept only where rules found nothing."""
        kinds = {"PERSON": "Person", "ORG": "Organization", "GPE": "City", "FAC": "City"}
        type_ = kinds.get(label)
        if type_ is None:
            return
        span = [t.i for t in self.toks if t.start >= start_char and t.end <= end_char]
        if not span:
            return
        i, j = span[0], span[-1] + 1
        while i < j and self.toks[i].text.lower() in EN_DETERMINERS:
            i += 1
        while j > i and (self.toks[j - 1].text in ("'s", "’s") or self.toks[j - 1].punct):
            j -= 1
        if i >= j or not self.free(i, j) or not self.toks[i].cap:
            return
        surface = self.ent.text[self.toks[i].start : self.toks[j - 1].end]
        entity = self.ent.ensure_new(type_, surface)
        if type_ == "Person" and j - i >= 2:
            self.aliases.setdefault(self.toks[j - 1].text.lower(), entity.key)
        self.add(Hit(i, j, entity.key, type_, "model", coord=self.coord(i, "")))

    # -- titles ----------------------------------------------------------------------------------
    def title_at(self, i: int, end: int) -> int | None:
        if self.lang == "ar":
            return self._title_ar(i, end)
        return self._title_en(i, end)

    def _title_ar(self, i: int, end: int) -> int | None:
        matches = self.t.titles.match(self.keys, i)
        if not matches:
            return None
        j, title, pro = matches[0]
        if j > end:
            return None
        if dual_title_ar(self.toks[i].text, title):
            return None  # وزيرا خارجية مصر والأردن, نظيريه: two office holders, not one person; the owners stand
        last_word = normalize(title.form.split()[-1])
        plain = {stem for (p_, stem, enc) in analyses(normalize(self.toks[j - 1].text)) if not enc}
        possessed = last_word not in plain and strip_article(last_word) not in {strip_article(x) for x in plain}
        if possessed and title.role != "counterpart":  # نظيره "his counterpart" is always possessed
            return None  # "وزيرا خارجيتهما": a possessed title names an office, not a person who follows
        label, role = title.label, title.role
        if role == "counterpart":
            role, label = self._counterpart_role(i)
            if not role:
                return None
        if role == "minister":  # وزير + portfolio: وزير الزراعة
            if j < end and not self.is_stop(j) and normalize(self.toks[j].text).startswith("ال"):
                word = self.toks[j].text
                if self.name_at(j, end) is None:
                    label = f"Minister of {gloss_ar(self.t, word)}"
                    role = "minister_of_" + label.split(" of ", 1)[1].lower().replace(" ", "_")
                    j += 1
            else:
                return None
        owner = ""
        k = j
        if role == "spokesperson" and k < end:
            nested = self.t.titles.match(self.keys, k)
            if nested and nested[0][0] < end:
                k = nested[0][0]  # المتحدث باسم الأمين العام للأمم المتحدة: whose spokesperson, not a second office
        # A nisba (الياباني), or a country/organisation in idafa or after ل (للأمم المتحدة).
        found = self.name_at(k, end)
        if found is not None:
            n_end, payload, _, _ = found
            entry = self.ent.gaz(payload.key)
            if entry is not None and entry.type != "Person":
                owner = payload.key
                self.ent.ensure_gaz(owner)
                k = n_end
        elif role == "president" and k + 1 < end and self._known_person_at(k + 1, end):
            body = self._body_anaphor(k)  # رئيس المجلس محمود المشهداني: the council named before
            if body:
                owner, k = body, k + 1
        return self._title_person(i, j, k, end, title, role, label, owner, pro)

    def _known_person_at(self, k: int, end: int) -> bool:
        found = self.name_at(k, end)
        entry = self.ent.gaz(found[1].key) if found is not None else None
        return entry is not None and entry.type == "Person"

    def _body_anaphor(self, k: int) -> str:
        """A definite body noun with no name (المجلس, اللجنة) standing for the last body of that kind named in
        the document (مجلس النواب العراقي): its key, else ""."""
        stems = {strip_article(key) for key, pro in self.toks[k].keys.items() if key.startswith("ال") and not pro}
        if not stems:
            return ""
        for hit in reversed(self.hits):
            if hit.type not in ("GovernmentBody", "Organization", "InternationalOrganization"):
                continue
            label = self.ent.table[hit.key].label_ar if hit.key in self.ent.table else ""
            first = normalize(label).split()[0] if label else ""
            if first and strip_article(first) in stems:
                return hit.key
        return ""

    def _title_en(self, i: int, end: int) -> int | None:
        owner = ""
        k = i
        found = self.name_at(i, end)
        if found is None and self.toks[i].text.lower() in ("his", "her") and i + 1 < end:
            # "sent his prime minister, Judith Suminwa,": the office of the state of the person named last
            owner = self._possessor_state(self.toks[i].text.lower() == "her")
            if not owner or not self.t.titles.match(self.keys, i + 1):
                return None
            k = i + 1
        if found is not None:
            n_end, payload, _, _ = found
            entry = self.ent.gaz(payload.key)
            if entry is None or entry.type == "Person":
                return None
            k = n_end
            if k < end and self.toks[k].text in ("'s", "’s"):
                k += 1
            owner = payload.key
        while owner and k < end and self.toks[k].text.lower() in _ACTING_EN:
            k += 1  # "Thailand's acting premier": still the office
        matches = [m for m in self.t.titles.match(self.keys, k) if m[0] <= end]
        portfolio: list[str] = []
        if not matches and owner and i < k < end and self.toks[k].text[:1].islower():
            # "Venezuelan opposition leader María Corina Machado": a description, not an office of the state.
            m = k
            while m < end and m < k + 4 and self.toks[m].text.isalpha() and self.toks[m].text[:1].islower():
                if self.toks[m].text in _DESCRIPTOR_STOPS:
                    m = k  # "the Chinese side and Bessent": a clause, not a description of Bessent
                    break
                m += 1
            person = self.name_at(m, end) if m > k else None
            entry = self.ent.gaz(person[1].key) if person is not None else None
            demonym = found is not None and any(p.kind == "adj" for p in found[3])
            known = person is not None and entry is not None and entry.type == "Person"
            if demonym and known and person and entry and self.free(i, person[0]):
                self.ent.ensure_gaz(owner)
                self.ent.ensure_gaz(entry.key)
                self.add(Hit(i, person[0], entry.key, "Person", "title", affiliation=owner, title_end=m))
                return person[0]
        if not matches and owner and k > i and self.toks[k - 1].text in ("'s", "’s"):
            # "Egypt's Abdel Fattah el-Sisi": a known person introduced by their state, no office named.
            person = self.name_at(k, end)
            entry = self.ent.gaz(person[1].key) if person is not None else None
            owner_entry = self.ent.gaz(owner)
            state = owner_entry is not None and owner_entry.type == "State"
            if state and person and entry is not None and entry.type == "Person" and self.free(i, person[0]):
                self.ent.ensure_gaz(owner)
                self.ent.ensure_gaz(entry.key)
                self.add(Hit(i, person[0], entry.key, "Person", "title", affiliation=owner, title_end=k))
                return person[0]
        if not matches:
            # "National Security Minister": capitalised portfolio words before a generic title.
            p = k
            while p < end and p < k + 3 and self.toks[p].cap and self.name_at(p, end) is None:
                portfolio.append(self.toks[p].text)
                p += 1
                if p >= end:
                    break
                matches = [m for m in self.t.titles.match(self.keys, p) if m[0] <= end and m[1].role == "minister"]
                if matches:
                    k = p
                    break
                if len(portfolio) >= 2 and portfolio[-1].lower() == "ministry":
                    # "Cambodia's Defence Ministry spokeswoman": an office of that ministry of the owner
                    matches = [m for m in self.t.titles.match(self.keys, p) if m[0] <= end and owner]
                    if matches:
                        k = p
                        break
            if not matches:
                return None
        j, title, _ = matches[0]
        label, role = title.label, title.role
        if portfolio and portfolio[-1].lower() == "ministry":
            ministry = " ".join(portfolio[:-1])
            label = f"{title.label} of the Ministry of {ministry}"
            role = f"{title.role}_ministry_of_" + "_".join(w.lower() for w in portfolio[:-1])
        elif portfolio:
            label = f"Minister of {' '.join(portfolio)}"
            role = "minister_of_" + "_".join(w.lower() for w in portfolio)
        if role == "counterpart":
            role, label = self._counterpart_role(i)
            if not role:
                return None
        if role == "minister" and j < end and self.toks[j].text.lower() == "of":
            words: list[str] = []
            m = j + 1
            while m < end and self.toks[m].cap and len(words) < 3:
                words.append(self.toks[m].text)
                m += 1
            if words:
                label = "Minister of " + " ".join(words)
                role = "minister_of_" + "_".join(w.lower() for w in words)
                j = m
        if owner:
            self.ent.ensure_gaz(owner)
        if j + 1 < end and self.toks[j].text.lower() in ("to", "for") and role in ("ambassador", "special_envoy"):
            # "U.S. Ambassador to Turkey Tom Barrack": the posting is part of the office.
            posting = self.name_at(j + 1, end)
            posted = self.ent.gaz(posting[1].key) if posting is not None else None
            if posting is not None and posted is not None and posted.type != "Person":
                label = f"{label} to {posted.label_en}"
                role = f"{role}_to_{posted.key.split(':', 1)[1]}"
                j = posting[0]
        if owner and j + 2 < end and self.toks[j].text == ",":
            # "Thailand's acting premier, Phumtham Wechayachai,": the name in apposition, closed by a comma
            apposed = self.name_at(j + 1, end)
            n_end = apposed[0] if apposed is not None else self._unknown_name(j + 1, end)
            if n_end - (j + 1) >= 2 and (n_end >= end or self.toks[n_end].text in (",", ".")):
                j += 1
        return self._title_person(i, k, j, end, title, role, label, owner, "", title_start=k)

    def _title_person(
        self,
        i: int,
        j: int,
        k: int,
        end: int,
        title: Title,
        role: str,
        label: str,
        owner: str,
        pro: str,
        title_start: int | None = None,
    ) -> int | None:
        """After a title (ending at j) and its owner (ending at k): the person's name."""
        start_name = k
        while start_name < end and (self._honorific(start_name) or self._qualifier_ar(start_name)):
            start_name += 1  # الأمير فيصل بن فرحان, Sheikh Tamim: a courtesy, not an office; النائبة المستقلة
        if self.lang == "ar" and start_name < end and self.cover[start_name] < 0:
            stacked = self._stacked_title(i, start_name, end, role, label, owner, pro)
            if stacked is not None:
                return stacked
        person_key = ""
        n_end = start_name
        found = self.name_at(start_name, end)
        if found is None:
            # "الرئيس السوري في المرحلة الانتقالية أحمد الشرع": a short qualifier before a known name.
            for q in range(start_name, min(end, start_name + 5)):
                word = normalize(self.toks[q].text)
                if q > start_name and (self.is_stop(q) or self.cover[q] >= 0):
                    break
                accusative = word.endswith("ا") and not word.startswith("ال")
                if self.lang == "ar" and (word == normalize("برئاسة") or accusative):
                    break  # وفدا أمريكيا برئاسة X: an object and the one heading it, no qualifier of the title
                if q == start_name:
                    continue
                if self.t.triggers.match(self.keys, q) or self.t.triggers.match(self.keys, q - 1):
                    break  # "the British foreign secretary met Wang Yi": a verb, then the other party
                found = self.name_at(q, end)
                if found is not None:
                    entry = self.ent.gaz(found[1].key)
                    if entry is not None and entry.type == "Person":
                        start_name = q
                        break
                    found = None
                    break
        if found is not None:
            n_end, payload, _, _ = found
            entry = self.ent.gaz(payload.key)
            if entry is not None and entry.type == "Person":
                person_key = self.ent.ensure_gaz(payload.key).key
        holder = ""
        if not person_key:
            n_end = self._unknown_name(start_name, end)
            if n_end == start_name:
                # "the Ukrainian president", الرئيس الأوكراني: an office named without a name is its holder.
                holder = self._current_holder(role, owner)
                if not holder or start_name <= i:
                    return None
                person_key = self.ent.ensure_gaz(holder).key
        if not person_key:
            surface = self.ent.text[self.toks[start_name].start : self.toks[n_end - 1].end]
            if self.lang == "ar":
                person = self.ent.ensure_new("Person", transliterate(surface), surface)
            else:
                person = self.ent.ensure_new("Person", surface)
            person_key = person.key
            last = self.toks[n_end - 1]
            for key in last.keys if self.lang == "ar" else {last.text.lower(): ""}:
                if len(key) >= 3 and key not in AR_STOP:
                    self.aliases.setdefault(key, person_key)
            full = self.ent.table[person_key]
            if self.lang == "en":
                self.aliases.setdefault(full.label_en.split()[-1].lower(), person_key)
        if not self.free(i, n_end):
            return None
        office_key = person_position(self.ent, person_key, role, owner if owner.startswith("gaz:") else "")
        if office_key:
            office = self.ent.ensure_gaz(office_key)
            entry = self.ent.gaz(office_key)
            if not owner and entry is not None:
                owner_key = entry.organization or (
                    self.t.gazetteer.country_by_iso3.get(entry.country, "") if entry.country else ""
                )
                if owner_key:
                    self.ent.ensure_gaz(owner_key)
                    owner = owner_key
        else:
            office = self.ent.position(role, label, owner)
        # السفير محمد الشناوي: an ambassador of no state named is a diplomat's rank, no office we can state
        rank = role == "ambassador" and not owner and not office_key
        hit = Hit(
            i,
            n_end,
            person_key,
            "Person",
            "title",
            coord=self.coord(i, pro),
            position="" if title.label == "-" or rank else office.key,
            affiliation=self._serves(owner),
            title_end=start_name,
        )
        self.add(hit)
        return n_end

    def _current_holder(self, role: str, owner: str) -> str:
        """The one person the gazetteer has holding this office of this owner now (no end date)."""
        if not roles.one_holder(role) or not owner:
            return ""
        entry = self.ent.gaz(owner)
        if entry is None:
            return ""
        office = self.t.gazetteer.position(role, entry.country if entry.type == "State" else entry.key)
        return _holders(self.t).get(office.key, "") if office is not None else ""

    def _apposition_en(self, i: int, n_end: int, end: int, person_key: str, pro: str) -> int | None:
        """ "Mark Rutte, NATO's secretary general," / "Antonio Guterres, the United Nations secretary-general,"."""
        k = n_end
        if k >= end or self.toks[k].text != ",":
            return None
        k += 1
        if k < end and self.toks[k].text.lower() in ("the", "a", "an"):
            k += 1
        owner = ""
        found = self.name_at(k, end) if k < end else None
        if found is not None:
            o_end, payload, _, _ = found
            entry = self.ent.gaz(payload.key)
            if entry is None or entry.type == "Person":
                return None
            owner, k = payload.key, o_end
            if k < end and self.toks[k].text in ("'s", "’s"):
                k += 1
        matches = [m for m in self.t.titles.match(self.keys, k) if m[0] <= end]
        if not matches:
            return None
        j, title, _ = matches[0]
        if title.role == "counterpart" or (j < end and self.toks[j].cap and self.toks[j].text not in EN_NOT_NAMES):
            return None  # "…, European Commission President Ursula von der Leyen": a title before its name
        if not owner and j + 1 < end and self.toks[j].text.lower() in ("of", "for", "to"):
            q = j + 2 if self.toks[j + 1].text.lower() == "the" else j + 1  # "of the International Criminal Court"
            found = self.name_at(q, end)
            if found is not None and (entry := self.ent.gaz(found[1].key)) is not None and entry.type != "Person":
                owner, j = found[1].key, found[0]
        label = title.label
        if (
            j < end
            and self.toks[j].text.lower() in ("for", "to", "on")
            and title.role not in ("foreign_minister", "defense_minister")
        ):
            c = j + 1
            while c < end and c < j + 6 and self.toks[c].text not in (",", ".") and self.cover[c] < 0:
                c += 1
            if c < end and self.toks[c].text == "," and c > j + 1:
                label = f"{title.label} {self.ent.text[self.toks[j].start : self.toks[c - 1].end]}"
                label = label[:1].upper() + label[1:]
                j = c
        if owner:
            self.ent.ensure_gaz(owner)
        stop = j + 1 if j < end and self.toks[j].text == "," else j
        if not self.free(i, stop):
            return None
        self.ent.ensure_gaz(person_key) if person_key.startswith("gaz:") else None
        office_key = person_position(self.ent, person_key, title.role)
        office = self.ent.ensure_gaz(office_key) if office_key else self.ent.position(title.role, label, owner)
        self.add(
            Hit(
                i,
                stop,
                person_key,
                "Person",
                "title",
                coord=self.coord(i, pro),
                position=office.key,
                affiliation=self._serves(owner),
                title_end=stop,
            )
        )
        return stop

    def _apposition_ar(self, i: int, n_end: int, end: int, person_key: str, pro: str) -> int | None:
        """ستيفان دوجاريك، المتحدث باسم الأمين العام،: a known person, then their office between commas."""
        k = n_end + 1
        if k >= end or self.toks[n_end].text not in ("،", ","):
            return None
        matches = self.t.titles.match(self.keys, k)
        if not matches or matches[0][2] not in ("",):
            return None
        j, title, _ = matches[0]
        if j >= end or title.role in ("minister", "counterpart", "official"):
            return None
        if title.role == "spokesperson":
            nested = self.t.titles.match(self.keys, j)
            if nested and nested[0][0] < end:
                j = nested[0][0]
        owner = ""
        found = self.name_at(j, end)
        if found is not None and (entry := self.ent.gaz(found[1].key)) is not None and entry.type != "Person":
            owner, j = found[1].key, found[0]
        if j < end and self.toks[j].text not in ("،", ",", ".") and not self.toks[j].punct:
            return None  # the apposition must close: "X، رئيس الوزراء، قال" (not "X، رئيس الوزراء Y")
        if not self.free(i, j):
            return None
        if owner:
            self.ent.ensure_gaz(owner)
        self.ent.ensure_gaz(person_key)
        office_key = person_position(self.ent, person_key, title.role)
        office = self.ent.ensure_gaz(office_key) if office_key else self.ent.position(title.role, title.label, owner)
        hit = Hit(i, j, person_key, "Person", "title", coord=self.coord(i, pro), position=office.key)
        hit.affiliation, hit.title_end = self._serves(owner), j
        if not hit.affiliation and office_key and (entry := self.ent.gaz(office_key)) is not None:
            hit.affiliation = entry.organization or self.t.gazetteer.country_by_iso3.get(entry.country, "")
            if hit.affiliation:
                self.ent.ensure_gaz(hit.affiliation)
        self.add(hit)
        return j

    def apposition_at(self, i: int, end: int) -> int | None:
        """An unknown English name followed by an apposition title."""
        if self.lang != "en" or not self.toks[i].cap or self.toks[i].text in EN_NOT_NAMES:
            return None
        n_end = self._unknown_name(i, end)
        if n_end - i < 2 or n_end >= end or self.toks[n_end].text != ",":
            return None  # one capitalised word before a comma is as often "Separately," as a name
        surface = self.ent.text[self.toks[i].start : self.toks[n_end - 1].end]
        probe = self._apposition_probe(n_end, end)
        if not probe:
            return None
        person = self.ent.ensure_new("Person", surface)
        self.aliases.setdefault(surface.split()[-1].lower(), person.key)
        return self._apposition_en(i, n_end, end, person.key, "")

    def _apposition_probe(self, k: int, end: int) -> bool:
        k += 1
        if k < end and self.toks[k].text.lower() in ("the", "a", "an"):
            k += 1
        found = self.name_at(k, end) if k < end else None
        if found is not None:
            k = found[0]
            if k < end and self.toks[k].text in ("'s", "’s"):
                k += 1
        return bool(self.t.titles.match(self.keys, k))

    def _serves(self, owner: str) -> str:
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

    def _counterpart_role(self, i: int) -> tuple[str, str]:
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

    def _name_start_ar(self, m: int, end: int) -> bool:
        """Can an unknown Arabic name start here? Not on a preposition phrase (للشؤون), a definite
        common word (المرحلة), a place or actor we know (دمشق), or a word of our lexicons (مجلس)."""
        tok = self.toks[m]
        norm = normalize(tok.text)
        if norm.startswith("ال") or norm.startswith("لل"):
            return False
        if any(p and p.replace("|a", "")[-1:] in ("ل", "ب", "ك") and k.startswith("ال") for k, p in tok.keys.items()):
            return False  # بالرياض, للشؤون: a preposition with a definite noun
        if self.name_at(m, end) is not None:
            return False
        keys = self.keys
        if self.t.heads.match(keys, m) or self.t.triggers.match(keys, m) or self.t.cues.match(keys, m):
            return False
        return norm not in self.t.glossary and ("ال" + norm) not in self.t.glossary

    def country_anaphor_at(self, i: int) -> int | None:
        """بلاده "his country", حكومتها "her government": the state of the last person named before it."""
        tok = self.toks[i]
        noun_pro = _AR.words("noun proclitics")
        if self.lang == "ar" and any(k in _KINGDOM_AR and (p == "" or p in noun_pro) for k, p in tok.keys.items()):
            return self._kingdom_at(i)
        if self.lang == "ar":
            readings = analyses(normalize(tok.text))
            encs = {enc for _p, stem, enc in readings if stem in _COUNTRY_NOUNS_AR and enc in ("ه", "ها")}
            if not encs:
                return None
            female = encs == {"ها"}
        elif not (
            tok.text.lower() in ("country", "government") and i > 0 and self.toks[i - 1].text.lower() in ("his", "her")
        ):
            return None
        else:
            female = self.toks[i - 1].text.lower() == "her"
        for hit in reversed(self.hits):
            if hit.type != "Person":
                continue
            gaz = self.ent.gaz(hit.key)
            if gaz is not None and gaz.gender == ("male" if female else "female"):
                continue  # حكومتها "her government" is not the man named last
            entity = self.ent.table.get(hit.key)
            state = hit.affiliation if hit.affiliation.startswith("gaz:country-") else ""
            if not state and entity is not None and entity.country:
                state = self.t.gazetteer.country_by_iso3.get(entity.country, "")
            if state:
                self.ent.ensure_gaz(state)
                start = i - 1 if self.lang == "en" else i
                self.add(Hit(start, i + 1, state, "State", "anaphor", coord=self.coord(start, "")))
                return i + 1
            return None
        return None

    def _possessor_state(self, female: bool) -> str:
        """The state of the last person named (for "his"/"her" before an office), or ""."""
        for hit in reversed(self.hits):
            if hit.type != "Person":
                continue
            gaz = self.ent.gaz(hit.key)
            if gaz is not None and gaz.gender == ("male" if female else "female"):
                continue
            state = hit.affiliation if hit.affiliation.startswith("gaz:country-") else ""
            entity = self.ent.table.get(hit.key)
            if not state and entity is not None and entity.country:
                state = self.t.gazetteer.country_by_iso3.get(entity.country, "")
            return state
        return ""

    def _kingdom_at(self, i: int) -> int | None:
        """المملكة "the Kingdom": the last kingdom named, or the kingdom of the last person named
        (ولي العهد السعودي … تضامن المملكة)."""
        if i + 1 < len(self.toks) and self.name_at(i, i + 3) is not None:
            return None  # المملكة العربية السعودية, المملكة المتحدة: a name, not an anaphor
        for hit in reversed(self.hits):
            state = hit.key if hit.type == "State" else ""
            if hit.type == "Person":
                entity = self.ent.table.get(hit.key)
                state = hit.affiliation if hit.affiliation.startswith("gaz:country-") else ""
                if not state and entity is not None and entity.country:
                    state = self.t.gazetteer.country_by_iso3.get(entity.country, "")
            entry = self.ent.gaz(state) if state else None
            if entry is None:
                continue
            if self.toks[hit.start].sent < self.toks[i].sent - 1:
                return None
            if any(normalize(a).startswith(tuple(_KINGDOM_AR)) for a in [entry.label_ar, *entry.aliases_ar]):
                self.ent.ensure_gaz(state)
                self.add(Hit(i, i + 1, state, "State", "anaphor", coord=self.coord(i, "")))
                return i + 1
        return None

    def _qualifier_ar(self, k: int) -> bool:
        """An adjective between an Arabic title and the name that does not change the office (النائبة المستقلة
        نور نافع). Never السابق: a former office is not held."""
        return self.lang == "ar" and any(key in _QUALIFIERS_AR and pro == "" for key, pro in self.toks[k].keys.items())

    def _honorific(self, k: int) -> bool:
        tok = self.toks[k]
        if self.lang == "ar":
            return any(key in _HONORIFICS_AR and pro in ("", "و") for key, pro in tok.keys.items())
        return tok.text in _HONORIFICS_EN

    def _stacked_title(self, i: int, k: int, end: int, role: str, label: str, owner: str, pro: str = "") -> int | None:
        """ولي العهد السعودي رئيس مجلس الوزراء الأمير محمد بن سلمان: two offices, one person."""
        if not self.t.titles.match(self.keys, k):
            return None
        before = len(self.hits)
        stop = self._title_ar(k, end)
        if stop is None or len(self.hits) == before:
            return None
        hit = self.hits[-1]
        office_key = person_position(self.ent, hit.key, role)
        office = self.ent.ensure_gaz(office_key) if office_key else self.ent.position(role, label, owner)
        hit.extra.append((office.key, self._serves(owner)))
        for t in range(i, hit.start):
            self.cover[t] = len(self.hits) - 1
        hit.start = i
        hit.coord = self.coord(i, pro)  # "والعاهل الأردني الملك عبد الله": the outer title carries the و
        return stop

    def _unknown_name(self, k: int, end: int) -> int:
        """End of an unknown person's name starting at token k (k when there is none)."""
        m = k
        if self.lang == "ar":
            words = 0
            while m < end and words < 4:
                tok = self.toks[m]
                norm = normalize(tok.text)
                if tok.punct or norm in AR_STOP or not tok.text.isalpha() or self.cover[m] >= 0:
                    break
                if words == 0 and not self._name_start_ar(m, end):
                    break
                if words == 0 and norm in AR_NAME_LINKS and norm not in (normalize("عبد"), normalize("أبو"), "ابو"):
                    break  # a name does not start with بن
                prev = normalize(self.toks[m - 1].text)
                if words == 2 and prev not in AR_NAME_LINKS and (prev.startswith("ال") or not norm.startswith("ال")):
                    break  # a third word only as a family name: "محمد شياع السوداني", not "بيسكوف وجود"
                if (
                    words
                    and norm[:1] == "و"
                    and any(strip_article(x) in AR_STOP or x in self.t.name_words for x in tok.keys if x != norm)
                ):
                    break  # a new conjunct (ووزير …)
                if (
                    self.t.titles.match(self.keys, m)
                    or self.t.triggers.match(self.keys, m)
                    or self.t.cues.match(self.keys, m)
                ):
                    break
                if words and self.name_at(m, end) is not None:
                    break
                words += 1
                m += 1
                if words >= 3 and normalize(self.toks[m - 1].text) not in AR_NAME_LINKS:
                    break
            return m
        while m < end:
            tok = self.toks[m]
            if (
                m == k
                and tok.text in ("He", "An", "Li")
                and m + 1 < end
                and self.toks[m + 1].cap
                and self.toks[m + 1].text not in EN_NOT_NAMES
            ):
                m += 1  # "Vice Premier He Lifeng"
                continue
            if (
                tok.cap
                and tok.text not in EN_NOT_NAMES
                and tok.text.isalpha()
                or (m > k and tok.text.lower() in EN_PARTICLES and m + 1 < end and self.toks[m + 1].cap)
                or (m > k and tok.text == "-" and m + 1 < end and self.toks[m + 1].cap)
            ):
                m += 1
            else:
                break
            if m - k >= 5:
                break
        return m

    # -- gazetteer names ---------------------------------------------------------------------------
    def gazetteer_at(self, i: int, end: int) -> int | None:
        found = self.name_at(i, end)
        if found is None:
            return None
        n_end, payload, pro, payloads = found
        if not self.free(i, n_end):
            return None
        entry = self.ent.gaz(payload.key)
        if entry is None:
            return None
        # English titles may follow a country adjective: handled by title_at. A person's name may be
        # followed by an apposition title ("Mark Rutte, NATO's secretary general").
        self.ent.ensure_gaz(payload.key)
        alternatives = [p.key for p in payloads[1:] if p.key != payload.key]
        for alt in alternatives:
            self.ent.ensure_gaz(alt)
        kind = payload.kind
        if entry.type == "Person" and entry.country:
            # "the Trump administration", إدارة ترامب: the government of the person's country.
            state = self.t.gazetteer.country_by_iso3.get(entry.country, "")
            if (
                self.lang == "en"
                and n_end < end
                and self.toks[n_end].text.lower() in ("administration", "government")
                and state
            ):
                self.ent.ensure_gaz(state)
                self.add(Hit(i, n_end + 1, state, "State", "name", coord=self.coord(i, pro)))
                return n_end + 1
            if (
                self.lang == "ar"
                and i > 0
                and self.cover[i - 1] < 0
                and state
                and any(k in _GOVERNMENT_AR for k in self.keys[i - 1])
            ):
                self.ent.ensure_gaz(state)
                self.add(Hit(i - 1, n_end, state, "State", "name", coord=self.coord(i - 1, "")))
                return n_end
        if self.lang == "en" and entry.type == "Person":
            done = self._apposition_en(i, n_end, end, payload.key, pro)
            if done:
                return done
        if self.lang == "ar" and entry.type == "Person":
            done = self._apposition_ar(i, n_end, end, payload.key, pro)
            if done:
                return done
        if self.lang == "en" and kind == "adj":
            # "Russian forces" acts for Russia; "a Japanese lawmaker's visit" does not.
            if n_end < end and self.toks[n_end].text.lower() in AGENTIVE_EN:
                n_end += 1
            elif not self._shares_agentive_en(n_end, end):
                kind = "adjmod"
        if self.lang == "ar" and entry.type == "State" and self._nisba_modifier_ar(i, n_end, payloads):
            kind = "adjmod"  # الخطة المصرية "the Egyptian plan": Egypt is not an actor of the sentence
        hit = Hit(i, n_end, payload.key, entry.type, kind, coord=self.coord(i, pro), alternatives=alternatives)
        self.add(hit)
        return n_end

    def _nisba_modifier_ar(self, i: int, n_end: int, payloads: list[NameHit]) -> bool:
        """A nisba right after a common noun it describes (الخطة المصرية, مستوطنين إسرائيليين)."""
        if not any(p.kind == "adj" for p in payloads) or i == 0 or self.cover[i - 1] >= 0:
            return False
        word = normalize(self.toks[n_end - 1].text)
        if not word.endswith(_NISBA_ENDINGS):
            return False
        stems = {x for _p, stem, enc in analyses(word) if not enc for x in (stem, strip_article(stem))}
        if any(not rest and hit.kind == "name" for st in stems for rest, hit in self.t.names.first.get(st, ())):
            return False  # السعودية is also the country's own name
        prev = self.toks[i - 1]
        if prev.punct or not prev.text.isalpha() or normalize(prev.text) in AR_STOP:
            return False
        return not (self.t.triggers.match(self.keys, i - 1) or self.t.cues.match(self.keys, i - 1))

    # -- places: "the Ukrainian city of Kharkiv", مدينة خاركيف الأوكرانية ----------------------------------
    def _city_head(self, k: int, end: int) -> int | None:
        """End of a place noun (city, town, مدينة, ...) at token k, else None."""
        if k >= end or not self.city_flags[k]:
            return None
        for m_end, head, _pro in self.t.heads.match(self.keys, k):
            if head.type == "City" and m_end <= end:
                return m_end
        return None

    def place_at(self, i: int, end: int) -> int | None:
        if self.lang == "ar":
            return self._place_ar(i, end)
        # Cheap test first: a place noun within the next four tokens.
        if not any(self.city_flags[i : min(end, i + 5)]):
            return None
        return self._place_en(i, end)

    def _place_en(self, i: int, end: int) -> int | None:
        state = ""
        k = i
        if self.toks[i].cap:
            found = self.name_at(i, end)
            adj = next((p for p in found[3] if p.kind == "adj"), None) if found is not None else None
            if found is None or adj is None:
                return None
            state, k = adj.key, found[0]
            # "the Israeli port city of", "the Russian border town of": descriptive words before the noun.
            head_end = None
            for m in range(k, min(end, k + 3)):
                if self.toks[m].cap or not self.toks[m].text.isalpha():
                    break
                head_end = self._city_head(m, end) or head_end
            if head_end is None:
                return None
            k = head_end
        else:
            # "the city of El Obeid": no country named.
            if i == 0 or self.toks[i - 1].text.lower() != "the":
                return None
            head_end = self._city_head(i, end)
            if head_end is None or head_end >= end or self.toks[head_end].text.lower() != "of":
                return None
            k = head_end
        if k < end and self.toks[k].text.lower() == "of" or (k < end and self.toks[k].text == "," and state):
            k += 1
        elif not state or self.toks[k - 1].text.lower() != "capital":
            return None  # "the Qatari capital Doha" needs no "of"; "the Ukrainian city" alone names nothing
        n_end = self._place_name_en(k, end)
        if n_end == k:
            return None
        return self._add_place(i, k, n_end, state)

    def _place_name_en(self, k: int, end: int) -> int:
        m = k
        while m < end and m - k < 5:
            tok = self.toks[m]
            if tok.cap and tok.text.isalpha() and tok.text not in EN_NOT_NAMES:
                m += 1
            elif m > k and tok.text in ("-", "‑") and m + 1 < end and self.toks[m + 1].text[:1].isalpha():
                m += 1  # "Sharm el-Sheikh"
            elif m > k and tok.text.lower() in EN_PARTICLES and m + 1 < end:
                m += 1
            else:
                break
        while m > k and not self.toks[m - 1].cap:
            m -= 1  # never end on a particle or a hyphen
        return m

    def _place_ar(self, i: int, end: int) -> int | None:
        j = self._city_head(i, end)
        if j is None or j != i + 1:
            return None
        head = normalize(self.toks[i].text)
        # Only the bare construct form heads a name (مدينة حلب, بمدينة حلب); المدينة is "the city".
        if not any(not stem.startswith("ال") and "ال" not in pro and not enc for pro, stem, enc in analyses(head)):
            return None
        m = j
        while m < end and m - j < 3:
            tok = self.toks[m]
            norm = normalize(tok.text)
            if tok.punct or not tok.text.isalpha() or norm in AR_STOP or self.cover[m] >= 0:
                break
            if self.name_at(m, end) is not None or self.t.titles.match(self.keys, m) or self.t.triggers.match(
                self.keys, m
            ):
                break
            if m == j and not norm.startswith("ال") and norm.endswith("يه"):
                break  # مدينة ساحلية "a coastal city": an adjective, not a name
            if m > j and normalize(self.toks[m - 1].text) not in _TOPONYM_PARTS_AR:
                break  # a second word only after خان, بنت, دير, ... (خان يونس, بنت جبيل)
            m += 1
        if m == j:
            return None
        state = ""
        found = self.name_at(m, end)
        adj = next((p for p in found[3] if p.kind == "adj"), None) if found is not None else None
        if found is not None and adj is not None:
            state, n_end = adj.key, found[0]
        else:
            n_end = m
        return self._add_place(i, j, m, state, n_end)

    def _add_place(self, i: int, k: int, n_end: int, state: str, hit_end: int | None = None) -> int | None:
        """A City named by tokens k..n_end, located in ``state`` when one is named; the hit spans i..hit_end."""
        hit_end = n_end if hit_end is None else hit_end
        if not self.free(i, hit_end):
            return None
        surface = self.ent.text[self.toks[k].start : self.toks[n_end - 1].end]
        entry = self.ent.gaz(state) if state else None
        country = entry.country if entry is not None else ""
        if self.lang == "ar":
            words = surface.split()
            label_en = " ".join(gloss_ar(self.t, w) for w in words) if len(words) == 1 else transliterate(surface)
            label_en = label_en[:1].upper() + label_en[1:]
            city = self.ent.ensure_new("City", label_en, surface, country=country)
        else:
            city = self.ent.ensure_new("City", surface, country=country)
        if state:
            self.ent.ensure_gaz(state)
        self.add(Hit(i, hit_end, city.key, "City", "place", coord=self.coord(i, ""), affiliation=state))
        return hit_end

    def _shares_agentive_en(self, k: int, end: int) -> bool:
        """'Ukrainian and Russian delegations': a demonym coordinated with one that heads an agentive noun."""
        if k + 2 >= end or self.toks[k].text.lower() not in ("and", ","):
            return False
        found = self.name_at(k + 1, end)
        if found is None or not any(p.kind == "adj" for p in found[3]):
            return False
        m = found[0]
        return m < end and self.toks[m].text.lower() in AGENTIVE_EN or self._shares_agentive_en(m, end)

    # -- head nouns: organisations, documents, events -------------------------------------------------
    def head_at(self, i: int, end: int) -> int | None:
        matches = [m for m in self.t.heads.match(self.keys, i) if m[0] <= end]
        if not matches:
            return None
        j, head, pro = matches[0]
        if head.type == "City":
            return None  # place nouns name a place only in the shapes place_at knows
        if self.lang == "ar":
            return self._head_ar(i, j, end, head, pro)
        return self._head_en(i, j, end, head)

    def _quoted_after(self, j: int, end: int, limit: int = 4) -> tuple[int, int] | None:
        """A quoted phrase starting within ``limit`` tokens after j: (first, last+1) token indexes."""
        for q in range(j, min(end, j + limit + 1)):
            if self.toks[q].text in QUOTES:
                for r in range(q + 1, min(end, q + 8)):
                    if self.toks[r].text in QUOTES:
                        return (q + 1, r) if r > q + 1 else None
                return None
            if self.is_stop(q):
                return None
        return None

    def _head_ar(self, i: int, j: int, end: int, head: Head, pro: str) -> int | None:
        mods: list[int] = []
        country = ""
        m = j
        while m < end and len(mods) < 4 and not self.is_stop(m) and self.cover[m] < 0:
            tok = self.toks[m]
            readings = [(p, s) for s, p in tok.keys.items()]
            definite = any(s.startswith("ال") and p in ("", "ل") for p, s in readings)
            head_definite = normalize(self.toks[i].text).startswith("ال") or "ال" in pro
            found = self.name_at(m, end)
            if found is not None:
                # A nisba agrees with its head: القوات الروسية, مسؤولون أمريكيون.
                n_end, _, _, payloads = found
                adj = next((p for p in payloads if p.kind == "adj"), None)  # إسرائيلية also reads as a name
                if adj is not None and definite == head_definite:
                    entry = self.ent.gaz(adj.key)
                    country = entry.country if entry else ""
                    m = n_end
                break
            # قمة ثلاثية, إعلانا مشتركا: an indefinite head takes indefinite adjectives we can translate
            indefinite = not definite and not head_definite and head.type in DOCUMENT_TYPES | EVENT_TYPES
            bare = all(p.replace("|a", "") == "" for p in tok.keys.values())
            if indefinite and m == j + len(mods) and bare and self._glossed(m):
                mods.append(m)
                m += 1
                continue
            if not definite or normalize(tok.text) in AR_STOP:
                break
            mods.append(m)
            m += 1
        surface_ar = " ".join(self.toks[x].text for x in range(i, m))
        # A generic military/government head with only a nisba is the country itself (القوات الصينية).
        if country and not mods and self._generic_head(i):
            key = self.t.gazetteer.country_by_iso3.get(country)
            if key:
                self.ent.ensure_gaz(key)
                self.add(Hit(i, m, key, "State", "adj", coord=self.coord(i, pro)))
                return m
        definite_head = normalize(self.toks[i].text).startswith("ال") or "ال" in pro
        if not mods and not country:
            quoted = self._quoted_after(j, end)
            if quoted is not None and head.type in DOCUMENT_TYPES:
                words = [self.toks[x].text for x in range(*quoted)]
                canonical = [head.form, *[self._definite_form(x) for x in range(*quoted)]]
                exact = self.t.names.match([ar_keys(w) for w in canonical], 0)
                if exact and exact[0][0] == len(canonical):
                    key = exact[0][1].key
                    self.ent.ensure_gaz(key)
                    self.add(Hit(i, quoted[1] + 1, key, self.ent.table[key].type, "head", coord=self.coord(i, pro)))
                    return quoted[1] + 1
                label = compose_label(head, [gloss_ar(self.t, w) for w in words])
                entity = self.ent.ensure_new(head.type, label, " ".join(canonical))
                self.add(Hit(i, quoted[1] + 1, entity.key, head.type, "head", coord=self.coord(i, pro)))
                return quoted[1] + 1
            if head.anaphoric and definite_head:
                return self._anaphor(i, j, head, pro)
            topic = self._topic_ar(j, end) if head.type in DOCUMENT_TYPES else None
            if topic is not None:
                # مذكرة تفاهم في مجال الأمن الغذائي: "Memorandum of Understanding on Food Security"
                t_end, t_label = topic
                surface = " ".join(self.toks[x].text for x in range(i, t_end))
                entity = self.ent.ensure_new(head.type, f"{compose_label(head, [])} on {t_label}", surface)
                self.add(Hit(i, t_end, entity.key, head.type, "head", coord=self.coord(i, pro)))
                return t_end
            if head.type in DOCUMENT_TYPES:
                # مذكرة تفاهم "memorandum of understanding" names the kind of text in full: no "unnamed"
                full = len(head.english.split()) > 2 and "{}" not in head.english
                label = compose_label(head, []) if full else f"unnamed {compose_label(head, []).lower()}"
                entity = self.ent.ensure_new(head.type, label, surface_ar)
                entity.key = entity.key  # unnamed: merged with a named one later when possible
                self.add(Hit(i, j, entity.key, head.type, "head", coord=self.coord(i, pro)))
                return j
            return None
        if (
            head.anaphoric
            and definite_head
            and all(gloss_ar(self.t, self.toks[x].text) in self.t.glossary.values() for x in mods)
        ):
            return self._anaphor(i, m, head, pro)
        if not country and self._generic_head(i):
            # "مسؤولون في الاتحاد الأوروبي": officials of an organisation act for it.
            if j + 1 < end and normalize(self.toks[j].text) in (normalize("في"), normalize("من")):
                found = self.name_at(j + 1, end)
                entry = self.ent.gaz(found[1].key) if found is not None else None
                if found is not None and entry is not None and entry.type not in ("Person",):
                    self.ent.ensure_gaz(entry.key)
                    self.add(Hit(i, found[0], entry.key, entry.type, "name", coord=self.coord(i, pro)))
                    return found[0]
            return None  # "الطائرات المسيرة": a generic noun names an actor only with a nisba (القوات الروسية)
        generic = all(gloss_ar(self.t, self.toks[x].text) in self.t.glossary.values() for x in mods)
        # Gazetteer lookup of the canonical form (استراتيجيتها للدفاع الوطني → استراتيجية الدفاع الوطني).
        canonical = [head.form, *[self._definite_form(x) for x in mods]]
        exact = [m for m in self.t.names.match([ar_keys(w) for w in canonical], 0) if m[0] == len(canonical)]
        if head.type in ACTOR_TYPES and not country and generic and not exact:
            return None  # "the nuclear forces": a description, not an actor we can name
        if exact:
            keys = [p.key for _e, p, _ in exact]
            key = self._by_country(keys, country)
            for k in keys:
                self.ent.ensure_gaz(k)
            self.add(
                Hit(
                    i,
                    m,
                    key,
                    self.ent.table[key].type,
                    "head",
                    coord=self.coord(i, pro),
                    alternatives=[k for k in keys if k != key],
                )
            )
            return m
        label = compose_label(head, [gloss_ar(self.t, self.toks[x].text) for x in mods])
        if country and head.type in ACTOR_TYPES:
            demonym = self._demonym(country)
            label = f"{demonym} {label}" if demonym else label
        entity = self.ent.ensure_new(head.type, label, " ".join(canonical), country=country)
        self.add(Hit(i, m, entity.key, head.type, "head", coord=self.coord(i, pro)))
        return m

    def _topic_ar(self, j: int, end: int) -> tuple[int, str] | None:
        """A document's topic after its head (في مجال الأمن الغذائي, بشأن التجارة الحرة): (end, English) when
        every topic word is one the glossary translates."""
        m = j
        if m + 1 < end and normalize(self.toks[m].text) == normalize("في") and self._word_is(m + 1, "مجال"):
            m += 2
        elif m < end and (self._word_is(m, "بشأن") or self._word_is(m, "حول")):
            m += 1
        else:
            return None
        words: list[int] = []
        while m < end and len(words) < 3 and self.cover[m] < 0 and not self.is_stop(m):
            if not any(s.startswith("ال") for s in self.toks[m].keys) or not self._glossed(m):
                break
            words.append(m)
            m += 1
        if not words:
            return None
        return m, " ".join(reversed([gloss_ar(self.t, self.toks[x].text) for x in words]))

    def _word_is(self, k: int, word: str) -> bool:
        return normalize(self.toks[k].text) == normalize(word)

    def _glossed(self, k: int) -> bool:
        """Is the word at k one the glossary translates (مشتركا → Joint), not a name we would transliterate?"""
        return any(key in self.t.glossary or ("ال" + key) in self.t.glossary for key in self.toks[k].keys)

    def _generic_head(self, i: int) -> bool:
        return any(strip_article(k) in _GENERIC_BARE for k in self.toks[i].keys)

    def _definite_form(self, k: int) -> str:
        """The word as it would stand alone with its article: للدفاع → الدفاع."""
        for stem, pro in self.toks[k].keys.items():
            if stem.startswith("ال") and (pro == "" or pro in _AR.words("definite proclitics")):
                return stem
        return normalize(self.toks[k].text)

    def _by_country(self, keys: list[str], country: str) -> str:
        if country:
            for key in keys:
                entry = self.ent.gaz(key)
                if entry is not None and entry.country == country:
                    return key
        return keys[0]

    def _demonym(self, iso3: str) -> str:
        entry = self.t.gazetteer.country(iso3)
        if entry is None:
            return ""
        return entry.demonyms_en[0] if entry.demonyms_en else entry.label_en

    def _anaphor(self, i: int, m: int, head: Head, pro: str) -> int | None:
        wanted = EVENT_TYPES if head.type in EVENT_TYPES else {head.type}
        for hit in reversed(self.hits):
            if hit.type in wanted and head.type in ACTOR_TYPES and self.lang == "ar":
                # الجيش: the last army named (الجيش السوداني), not any military body (قوات الدعم السريع)
                first = {strip_article(key) for key in self.toks[hit.start].keys}  # as it was written
                if strip_article(normalize(head.form)) not in first:
                    continue
            if hit.type in wanted:
                self.add(Hit(i, m, hit.key, hit.type, "anaphor", coord=self.coord(i, pro)))
                return m
        return None

    def _head_en(self, i: int, j: int, end: int, head: Head) -> int | None:
        # Modifiers before the head: capitalised words (Foreign Agents Act) or domain words (security treaty).
        domain = _domain_words()
        mods: list[int] = []
        b = i - 1
        while b >= 0 and self.cover[b] < 0 and len(mods) < 5:
            tok = self.toks[b]
            low = tok.text.lower()
            if tok.punct or low in EN_DETERMINERS or tok.sent != self.toks[i].sent:
                break
            if (tok.cap and tok.text not in EN_NOT_NAMES) or low in domain or low.isdigit() or _ORDINAL.fullmatch(low):
                mods.insert(0, b)
                b -= 1
                continue
            break
        capitalised_head = self.toks[i].cap
        start = mods[0] if mods else i
        article = self.toks[start - 1].text.lower() if start > 0 else ""
        m = j
        if head.english in ("Ministry",) and m + 1 < end and self.toks[m].text.lower() == "of":
            k = m + 1
            while k < end and (self.toks[k].cap or self.toks[k].text.lower() == "and"):
                k += 1
            if k > m + 1:
                words = [self.toks[x].text for x in range(m + 1, k)]
                m = k
                entity = self.ent.ensure_new(head.type, f"Ministry of {' '.join(words)}")
                self.add(Hit(start, m, entity.key, head.type, "head"))
                return m
        if not mods and head.type in DOCUMENT_TYPES and i > 0 and self.cover[i - 1] >= 0:
            owner = self.hits[self.cover[i - 1]]
            if owner.end == i and owner.kind == "name" and owner.type in ORG_TYPES:
                # "the Security Council resolution": the body's document; the body is not the object.
                surface = self.ent.text[self.toks[owner.start].start : self.toks[i].end]
                key = self.ent.ensure_new(head.type, surface[:1].upper() + surface[1:]).key
                owner.key, owner.type, owner.kind, owner.end = key, head.type, "head", j
                for t in range(i, j):
                    self.cover[t] = self.cover[i - 1]
                self.ent.add_mention(key, self.toks, owner.start, j)
                return j
        if not mods:
            quoted = self._quoted_after(j, end)
            if quoted is not None and head.type in DOCUMENT_TYPES:
                words = [self.toks[x].text for x in range(*quoted)]
                label = title_case(" ".join(words)) + " " + head.english
                exact = self.t.names.match([en_keys(w) for w in label.split()], 0)
                if exact and exact[0][0] == len(label.split()):
                    key = exact[0][1].key
                    self.ent.ensure_gaz(key)
                else:
                    key = self.ent.ensure_new(head.type, label).key
                self.add(Hit(i, quoted[1] + 1, key, head.type, "head"))
                return quoted[1] + 1
            gathering = self._of_leaders_en(j, end) if head.type in EVENT_TYPES else None
            if gathering is not None:
                # "a summit of EU leaders", "a meeting of Arab foreign ministers": who met names the event
                words = [self.toks[x].text for x in range(i, gathering)]
                key = self.ent.ensure_new(head.type, words[0][:1].upper() + " ".join(words)[1:]).key
                self.add(Hit(i, gathering, key, head.type, "head"))
                return gathering
            if head.anaphoric and article == "the":
                return self._anaphor(i, j, head, "")
            if head.type in DOCUMENT_TYPES and article in _EN.words("document determiners"):
                entity = self.ent.ensure_new(head.type, f"unnamed {head.english.lower()}")
                self.add(Hit(i, j, entity.key, head.type, "head"))
                return j
            return None
        words = [self.toks[x].text for x in mods] + [self.toks[x].text for x in range(i, j)]
        all_domain = all(not self.toks[x].cap for x in mods) and not capitalised_head
        if head.type in ACTOR_TYPES and all_domain:
            return None  # "nuclear forces": a description, not an actor we can name
        if head.anaphoric and article == "the" and all_domain:
            return self._anaphor(start, j, head, "")
        label = title_case(" ".join(words))
        exact = self.t.names.match([en_keys(w) for w in words], 0)
        if exact and exact[0][0] == len(words):
            key = exact[0][1].key
            self.ent.ensure_gaz(key)
        else:
            key = self.ent.ensure_new(head.type, label).key
        self.add(Hit(start, j, key, self.ent.table[key].type, "head"))
        return j

    def _of_leaders_en(self, j: int, end: int) -> int | None:
        """ "(summit) of EU leaders", "of NATO foreign ministers": where the phrase ends, or None."""
        if j + 2 >= end or self.toks[j].text.lower() != "of":
            return None
        found = self.name_at(j + 1, end)
        if found is None:
            return None
        entry = self.ent.gaz(found[1].key)
        if entry is None or entry.type == "Person":
            return None
        m = found[0]
        if m < end and self.toks[m].text.lower() == "foreign":
            m += 1
        if m < end and self.toks[m].text.lower() in ("leaders", "ministers", "heads"):
            return m + 1
        return None

    # -- "Frontex, the EU's border agency," / كتائب القسام، الجناح العسكري لحركة حماس، -------------------------
    def part_appositions(self, start: int, end: int) -> None:
        """An organisation followed by an apposition naming it a part (arm, wing, agency) of another actor:
        the organisation's mention takes in the apposition and records the whole it belongs to."""
        for hit in [h for h in self.hits if start <= h.start < end]:
            if hit.type not in ORG_TYPES or hit.kind not in ("name", "head") or hit.affiliation:
                continue
            k = hit.end
            if k >= end or self.toks[k].text not in (",", "،"):
                continue
            close = next((m for m in range(k + 1, min(end, k + 12)) if self.toks[m].text in (",", "،", ".")), None)
            if close is None or close == k + 1:
                continue
            span = range(k + 1, close)
            if not any(not _PART_WORDS.isdisjoint(self.keys[m]) for m in span):
                continue
            owners = [self.hits[self.cover[m]] for m in span if self.cover[m] >= 0]
            owner = next((o for o in owners if o.type in ACTOR_TYPES - {"Person"} and o.key != hit.key), None)
            if owner is None or any(o.type == "Person" for o in owners):
                continue
            hit.affiliation = owner.key
            owner.kind = "adjmod"  # a modifier inside the apposition, not an actor of the sentence
            stop = close + 1 if self.toks[close].text in (",", "،") else close  # the closing comma belongs to it
            idx = self.cover[hit.start]
            for m in range(hit.end, stop):
                self.cover[m] = idx
            hit.end = stop

    # -- appositions: "a summit known as the Shangri-La Dialogue" -----------------------------------------
    def appositions(self, start: int, end: int) -> None:
        words = APPOSITION_AR if self.lang == "ar" else APPOSITION_EN
        sent_hits = [h for h in self.hits if start <= h.start < end]
        for a, b in zip(sent_hits, sent_hits[1:], strict=False):
            if a.kind != "head" or b.kind not in ("name",) or a.type not in EVENT_TYPES | ORG_TYPES:
                continue
            between = [
                normalize(self.toks[k].text) if self.lang == "ar" else self.toks[k].text.lower()
                for k in range(a.end, b.start)
            ]
            if len(between) <= 5 and any(w in words for w in between):
                old = a.key
                a.key = b.key
                a.type = b.type
                entity = self.ent.table.get(old)
                if entity is not None and not any(h.key == old for h in self.hits):
                    del self.ent.table[old]
