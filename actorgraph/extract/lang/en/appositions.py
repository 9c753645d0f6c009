"""English appositions of office: "NAME, X's secretary general,", "NAME, the X secretary-general,",
"NAME, the UN's special envoy for X," (the brief part of the office)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from actorgraph.extract.mentions.base import Hit, person_position
from actorgraph.ontology.lexicon import Title

if TYPE_CHECKING:
    from actorgraph.extract.mentions.finder import MentionFinder


def apposition_at(f: MentionFinder, i: int, end: int) -> int | None:
    """An unknown name followed by an apposition title."""
    if not f.toks[i].cap or f.toks[i].text in f.words("not names:cased"):
        return None
    n_end = f.rules.unknown_name(f, i, end)
    if n_end - i < 2 or n_end >= end or f.toks[n_end].text != ",":
        return None  # one capitalised word before a comma is as often "Separately," as a name
    if not _title_follows(f, n_end, end):
        return None
    surface = f.surface(i, n_end)
    person = f.ent.ensure_new("Person", surface)
    f.aliases.setdefault(surface.split()[-1].lower(), person.key)
    return apposition_after(f, i, n_end, end, person.key, "")


def _title_follows(f: MentionFinder, k: int, end: int) -> bool:
    k += 1
    if k < end and f.toks[k].text.lower() in f.words("articles"):
        k += 1
    found = f.name_at(k, end) if k < end else None
    if found is not None:
        k = found[0]
        if k < end and f.toks[k].text in f.words("possessive markers:cased"):
            k += 1
    return bool(f.t.titles.match(f.keys, k))


def apposition_after(f: MentionFinder, i: int, n_end: int, end: int, person_key: str, pro: str) -> int | None:
    """A person's name, a comma, then their office (with its owner before or after it)."""
    k = n_end
    if k >= end or f.toks[k].text != ",":
        return None
    k += 1
    if k < end and f.toks[k].text.lower() in f.words("articles"):
        k += 1
    before = _owner_before(f, k, end)
    if before is None:
        return None
    owner, k = before
    matches = [m for m in f.t.titles.match(f.keys, k) if m[0] <= end]
    if not matches:
        return None
    j, title, _ = matches[0]
    if title.role == "counterpart" or (j < end and f.toks[j].cap and f.toks[j].text not in f.words("not names:cased")):
        return None  # "…, European Commission President Ursula von der Leyen": a title before its name
    if not owner and j + 1 < end and f.toks[j].text.lower() in f.words("of prepositions"):
        q = j + 2 if f.toks[j + 1].text.lower() in f.words("articles") else j + 1  # "of the International …"
        found = f.name_at(q, end)
        if found is not None and f.gaz_type(found) not in ("", "Person"):
            owner, j = found[1].key, found[0]
    label, j = _brief(f, j, end, title)
    if owner:
        f.ent.ensure_gaz(owner)
    stop = j + 1 if j < end and f.toks[j].text == "," else j
    if not f.free(i, stop):
        return None
    if person_key.startswith("gaz:"):
        f.ent.ensure_gaz(person_key)
    office_key = person_position(f.ent, person_key, title.role)
    office = f.ent.ensure_gaz(office_key) if office_key else f.ent.position(title.role, label, owner)
    hit = Hit(i, stop, person_key, "Person", "title", coord=f.coord(i, pro), position=office.key)
    hit.affiliation, hit.title_end = f.serves(owner), stop
    f.add(hit)
    return stop


def _owner_before(f: MentionFinder, k: int, end: int) -> tuple[str, int] | None:
    """The owner named before an apposed title ("NATO's"): (its key or "", where the title starts); None when
    a person's name stands there instead."""
    found = f.name_at(k, end) if k < end else None
    if found is None:
        return "", k
    if f.gaz_type(found) in ("", "Person"):
        return None
    k = found[0]
    if k < end and f.toks[k].text in f.words("possessive markers:cased"):
        k += 1
    return found[1].key, k


def _brief(f: MentionFinder, j: int, end: int, title: Title) -> tuple[str, int]:
    """ "special envoy for Syria,": the brief up to the closing comma is part of the office's label."""
    label = title.label
    if j < end and f.toks[j].text.lower() in f.words("brief prepositions"):
        if title.role in f.words("roles without a brief"):
            return label, j
        c = j + 1
        while c < end and c < j + 6 and f.toks[c].text not in (",", ".") and f.cover[c] < 0:
            c += 1
        if c < end and f.toks[c].text == "," and c > j + 1:
            label = f"{title.label} {f.surface(j, c)}"
            return label[:1].upper() + label[1:], c
    return label, j
