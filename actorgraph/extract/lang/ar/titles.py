"""Arabic titles: وزير الخارجية السعودي فيصل بن فرحان, ولي العهد رئيس مجلس الوزراء الأمير محمد بن سلمان
(two offices, one person), a name then its office between commas (an office in apposition)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from actorgraph.extract.lang import profile
from actorgraph.extract.lang.ar.gloss import gloss_ar
from actorgraph.extract.lang.ar.normalize import analyses, normalize, proclitic_splits, strip_article
from actorgraph.extract.lang.ar.romanize import romanize_name
from actorgraph.extract.mentions.base import Hit, Office, compose_label, person_position
from actorgraph.ontology.gazetteer import GazEntry
from actorgraph.ontology.lexicon import Title

if TYPE_CHECKING:
    from actorgraph.extract.mentions.finder import MentionFinder

_AR = profile("ar")
_BODY_TYPES = frozenset({"GovernmentBody", "Organization", "InternationalOrganization"})


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


def title_at(f: MentionFinder, i: int, end: int) -> int | None:
    matches = f.t.titles.match(f.keys, i)
    if not matches:
        return None
    j, title, pro = matches[0]
    if j > end:
        return None
    if dual_title_ar(f.toks[i].text, title):
        return None  # a dual title (two ministers, his two counterparts): two office holders, not one person
    last_word = normalize(title.form.split()[-1])
    plain = {stem for (_p, stem, enc) in analyses(normalize(f.toks[j - 1].text)) if not enc}
    possessed = last_word not in plain and strip_article(last_word) not in {strip_article(x) for x in plain}
    if possessed and title.role != "counterpart":  # نظيره "his counterpart" is always possessed
        return None  # a possessed title (their foreign minister) names an office, not a person who follows
    label, role = title.label, title.role
    if role == "counterpart":
        role, label = f.counterpart_role(i)
        if not role:
            return None
    if role == "minister":  # وزير + portfolio: وزير الزراعة
        if j < end and not f.is_stop(j) and normalize(f.toks[j].text).startswith("ال"):
            word = f.toks[j].text
            if f.name_at(j, end) is None:
                label = f"Minister of {gloss_ar(f.t, word)}"
                role = "minister_of_" + label.split(" of ", 1)[1].lower().replace(" ", "_")
                j += 1
        else:
            return None
    owner, k = _owner(f, j, end, role)
    return f.title_person(i, j, k, end, Office(title, role, label, owner), pro)


def _owner(f: MentionFinder, j: int, end: int, role: str) -> tuple[str, int]:
    """Whose office: a nisba (الياباني), or a country/organisation in idafa or after ل (للأمم المتحدة)."""
    owner = ""
    k = j
    if role == "spokesperson" and k < end:
        nested = f.t.titles.match(f.keys, k)
        if nested and nested[0][0] < end:
            k = nested[0][0]  # the spokesperson of an office: whose spokesperson, not a second office
    found = f.name_at(k, end)
    if found is not None:
        n_end, payload, _, _ = found
        entry = f.ent.gaz(payload.key)
        if entry is not None and entry.type != "Person":
            owner = payload.key
            f.ent.ensure_gaz(owner)
            k = n_end
    elif (named := _named_body(f, k, end)) is not None:
        owner, k = named  # رئيس حكومة الوفاق الوطني فايز السراج: the body named in the title
    elif k + 1 < end and f.gaz_type(f.name_at(k + 1, end)) == "Person":
        body = _body_anaphor(f, k)  # the head of 'the council' + a known name: the council named before
        if body:
            owner, k = body, k + 1
    return owner, k


def _named_body(f: MentionFinder, k: int, end: int) -> tuple[str, int] | None:
    """A body the gazetteer does not know, named inside a title before its holder's name: a head noun in
    construct (حكومة, هيئة; at k, or ending the title just before k) and its definite modifiers, then a
    person's name. (The body's key, where it ends), else None."""
    for h in (k - 1, k):
        found = f.t.heads.match(f.keys, h) if h >= 0 else []
        if not found or found[0][0] != (k if h < k else found[0][0]):
            continue
        h_end, head, pro = found[0]
        if head.type not in _BODY_TYPES or pro or normalize(f.toks[h].text).startswith("ال"):
            continue
        mods: list[int] = []
        m = h_end
        while m < end and len(mods) < 3 and f.cover[m] < 0 and not f.is_stop(m) and f.name_at(m, end) is None:
            definite = any(s.startswith("ال") and p in ("", "و") for s, p in f.toks[m].keys.items())
            if not definite or (not mods and not normalize(f.toks[m].text).startswith("ال")):
                break  # definite modifiers, the later ones perhaps coordinated (هيئة التشريع والاستشارات)
            if normalize(f.toks[m].text) in f.words("name stop"):
                break
            mods.append(m)
            m += 1
        if not mods or m >= end:
            continue
        if f.gaz_type(f.name_at(m, end)) != "Person" and f.rules.unknown_name(f, m, end) == m:
            continue  # no holder named after it: رئيس هيئة الأركان is an office, not a body we name here
        label = compose_label(head, [gloss_ar(f.t, f.toks[x].text) for x in mods])
        surface = " ".join([head.form, *(f.toks[x].text for x in mods)])
        return f.ent.ensure_new(head.type, label, surface).key, m
    return None


def _body_anaphor(f: MentionFinder, k: int) -> str:
    """A definite body noun with no name (المجلس, اللجنة) standing for the last body of that kind named in
    the document (its full name, first word alike): its key, else ""."""
    stems = {strip_article(key) for key, pro in f.toks[k].keys.items() if key.startswith("ال") and not pro}
    if not stems:
        return ""
    for hit in reversed(f.hits):
        if hit.type not in _BODY_TYPES:
            continue
        label = f.ent.table[hit.key].label_ar if hit.key in f.ent.table else ""
        first = normalize(label).split()[0] if label else ""
        if first and strip_article(first) in stems:
            return hit.key
    return ""


def stacked_title(f: MentionFinder, i: int, k: int, end: int, office: Office, pro: str) -> int | None:
    """A crown prince who is also prime minister, two titles before one name: two offices, one person."""
    if not f.t.titles.match(f.keys, k):
        return None
    before = len(f.hits)
    stop = title_at(f, k, end)
    if stop is None or len(f.hits) == before:
        return None
    hit = f.hits[-1]
    hit.extra.append((f.office_of(hit.key, office.role, office.label, office.owner), f.serves(office.owner)))
    for t in range(i, hit.start):
        f.cover[t] = len(f.hits) - 1
    hit.start = i
    hit.coord = f.coord(i, pro)  # the outer title carries the conjunction
    return stop


def apposition_after(f: MentionFinder, i: int, n_end: int, end: int, person_key: str, pro: str) -> int | None:
    """ستيفان دوجاريك، المتحدث باسم الأمين العام،: a known person, then their office between commas."""
    k = n_end + 1
    if k >= end or f.toks[n_end].text not in f.commas:
        return None
    matches = f.t.titles.match(f.keys, k)
    if not matches or matches[0][2] != "":
        return None
    j, title, _ = matches[0]
    if j >= end or title.role in ("minister", "counterpart", "official"):
        return None
    if title.role == "spokesperson":
        nested = f.t.titles.match(f.keys, j)
        if nested and nested[0][0] < end:
            j = nested[0][0]
    owner = ""
    found = f.name_at(j, end)
    if found is not None and (entry := f.ent.gaz(found[1].key)) is not None and entry.type != "Person":
        owner, j = found[1].key, found[0]
    if j < end and f.toks[j].text not in f.commas | {"."} and not f.toks[j].punct:
        return None  # the apposition must close: "X، رئيس الوزراء، قال" (not "X، رئيس الوزراء Y")
    if not f.free(i, j):
        return None
    if owner:
        f.ent.ensure_gaz(owner)
    f.ent.ensure_gaz(person_key)
    office_key = person_position(f.ent, person_key, title.role)
    office = f.ent.ensure_gaz(office_key) if office_key else f.ent.position(title.role, title.label, owner)
    hit = Hit(i, j, person_key, "Person", "title", coord=f.coord(i, pro), position=office.key)
    hit.affiliation, hit.title_end = f.serves(owner), j
    if not hit.affiliation and office_key and (entry := f.ent.gaz(office_key)) is not None:
        hit.affiliation = entry.organization or f.t.gazetteer.country_by_iso3.get(entry.country, "")
        if hit.affiliation:
            f.ent.ensure_gaz(hit.affiliation)
    f.add(hit)
    return j


def courtesy(f: MentionFinder, k: int) -> bool:
    """الأمير, الشيخ (also after و), or an adjective that does not change the office (an independent or
    veteran MP); never السابق: a former office is not held."""
    honorifics, qualifiers = f.words("honorifics"), f.words("qualifiers")
    keys = f.toks[k].keys.items()
    if k > 0 and normalize(f.toks[k].text) in f.words("rank qualifiers"):
        return not honorifics.isdisjoint(f.toks[k - 1].keys)  # الفريق أول, اللواء الركن: one rank
    return any(key in honorifics and pro in ("", "و") for key, pro in keys) or any(
        key in qualifiers and pro == "" for key, pro in keys
    )


def qualifier_stop(f: MentionFinder, q: int, start: int) -> bool:
    """وفدا أمريكيا برئاسة X: an object and the one heading it, no qualifier of the title."""
    word = normalize(f.toks[q].text)
    accusative = word.endswith("ا") and not word.startswith("ال")
    return word in f.words("headed by") or accusative


def new_person(f: MentionFinder, start: int, end: int) -> str:
    """A new person: spelled as English-language news spells the name, with the Arabic as written; the last
    word names them later."""
    surface = f.surface(start, end)
    person = f.ent.ensure_new("Person", romanize_name(surface), surface)
    stop = f.words("name stop")
    for key in f.toks[end - 1].keys:
        if len(key) >= 3 and key not in stop:
            f.aliases.setdefault(key, person.key)
    return person.key


def person_alias(f: MentionFinder, entry: GazEntry) -> str:
    """A known person's family name (last word of the Arabic name) names them later in the document."""
    words = [normalize(w) for w in entry.label_ar.split()]
    if len(words) < 2:
        return ""
    last = words[-1]
    if len(strip_article(last)) >= 4 and last not in f.words("name stop") and last not in f.t.glossary:
        return last
    return ""
