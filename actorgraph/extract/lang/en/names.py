"""English names: unknown capitalised names (with particles: bin, al, van), state adjectives that act
("Russian forces") or only describe ("a Japanese lawmaker's visit"), and "his country"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from actorgraph.extract.lookup import NameHit
from actorgraph.extract.mentions.base import Hit
from actorgraph.ontology.gazetteer import GazEntry

if TYPE_CHECKING:
    from actorgraph.extract.mentions.finder import MentionFinder

MAX_NAME_WORDS = 5
GROUP_TYPES = ("ArmedGroup", "Organization", "GovernmentBody")  # the types of "group nouns:TYPE" sets


def unknown_name(f: MentionFinder, k: int, end: int) -> int:
    """End of an unknown person's name starting at token k (k when there is none): capitalised words,
    particles and hyphens between them."""
    not_names, particles = f.words("not names:cased"), f.words("name particles")
    m = k
    while m < end:
        tok = f.toks[m]
        nxt_cap = m + 1 < end and f.toks[m + 1].cap
        if (
            tok.cap
            and tok.text not in not_names
            and tok.text.isalpha()
            or (m > k and tok.text.lower() in particles and nxt_cap)
            or (m > k and tok.text == "-" and nxt_cap)
        ):
            m += 1
        elif m > k and _syllable_after_hyphen(f, m, end):
            m += 2  # "Lee Nak-yon", "Kim Jong-un": a given name's second syllable in lower case
        else:
            break
        if sum(1 for t in f.toks[k:m] if t.text != "-") >= MAX_NAME_WORDS:
            break  # hyphens are no words: "Maulana Fazl-ur-Rehman"
    return m


def _syllable_after_hyphen(f: MentionFinder, m: int, end: int) -> bool:
    """A hyphen joined to a name word before it and a short lower-case word after it, which is not a
    word that makes the name a modifier ("Trump-backed", "Putin-era": word set "hyphen modifiers")."""
    if m + 1 >= end or f.toks[m].text != "-" or not f.toks[m - 1].cap:
        return False
    before, after = f.toks[m - 1], f.toks[m + 1]
    joined = before.end == f.toks[m].start and f.toks[m].end == after.start
    word = after.text
    return joined and word.isalpha() and word.islower() and len(word) <= 4 and word not in f.words("hyphen modifiers")


def coord(f: MentionFinder, i: int, pro: str) -> bool:
    if i > 1 and f.toks[i - 1].text.lower() == "the":
        i -= 1  # "Israel and the PLO"
    return i > 0 and f.toks[i - 1].text.lower() in f.words("coordinators")


def country_anaphor_at(f: MentionFinder, i: int) -> int | None:
    """ "his country", "her government": the state of the last person named before it."""
    if i == 0 or f.toks[i].text.lower() not in f.words("country nouns"):
        return None
    pronoun = f.toks[i - 1].text.lower()
    if pronoun not in f.words("possessive pronouns"):
        return None
    return f.add_country_anaphor(i - 1, i + 1, female=pronoun in f.words("feminine pronouns"))


def adjective_kind(
    f: MentionFinder, i: int, n_end: int, end: int, kind: str, payloads: list[NameHit]
) -> tuple[int, str]:
    """ "Russian forces" acts for Russia; "a Japanese lawmaker's visit" does not. A plural demonym names the
    state's people ("the Palestinians rejected", as event coders read it), but not an ethnic group of another
    state ("ethnic Albanians in Serbia": word set "ethnic words" before it), and is then no mention at all (kind "")."""
    if n_end + 1 < end and f.toks[n_end].text == "-" and f.toks[n_end + 1].text.lower() in f.words("patron modifiers"):
        _backed_group(f, i, n_end + 2, end)
        return n_end, "patron"  # "Iran-backed militias": Iran backs them, and is no party to what they do or suffer
    if kind != "adj":
        return n_end, kind
    last = f.toks[n_end - 1].text
    if last[:1].isupper() and last.endswith("s") and not last.endswith("ss"):
        ethnic = i > 0 and f.toks[i - 1].text.lower() in f.words("ethnic words")
        return n_end, "" if ethnic else kind
    agentive = f.words("agentive")
    if n_end < end and f.toks[n_end].text.lower() in agentive:
        return n_end + 1, kind
    if f.shares_adjective(n_end, end, agentive):
        return n_end, kind
    head = _agentive_head(f, n_end, end, agentive)
    return (head, kind) if head else (n_end, "adjmod")


def _agentive_head(f: MentionFinder, k: int, end: int, agentive: frozenset[str]) -> int:
    """ "Israeli intelligence officials", "Russian security forces": up to two lower-case nouns, then an agentive
    head; where the head ends, or 0 when there is none."""
    stops = f.words("descriptor stops")
    for m in range(k, min(end, k + 3)):
        word = f.toks[m].text
        if word.lower() in agentive and m > k:
            return m + 1
        if not (word.isalpha() and word.islower()) or word in stops:
            return 0
    return 0


def courtesy(f: MentionFinder, k: int) -> bool:
    return f.toks[k].text in f.words("honorifics:cased")


def new_person(f: MentionFinder, start: int, end: int) -> str:
    person = f.ent.ensure_new("Person", f.surface(start, end))
    last = f.toks[end - 1].text.lower()
    if len(last) >= 3:
        f.aliases.setdefault(last, person.key)
    f.aliases.setdefault(person.label_en.split()[-1].lower(), person.key)
    return person.key


def person_alias(f: MentionFinder, entry: GazEntry) -> str:
    return ""  # a known English name is matched in full; its surname alone is too often someone else's


def group_at(f: MentionFinder, i: int, n_end: int, end: int, entry: GazEntry) -> int | None:
    """ "Afghan rebels", "Ivory Coast rebels", "Syrian opposition": a group of the state's people, an actor of its
    own (not the state), labelled as written and coded by the state and the noun (word sets "group nouns:TYPE")."""
    if entry.type != "State" or n_end >= end or f.cover[n_end] >= 0:
        return None
    word = f.toks[n_end].text.lower()
    type_ = next((t for t in GROUP_TYPES if word in f.words(f"group nouns:{t}")), "")
    if not type_:
        return None
    surface = f.surface(i, n_end + 1)
    group = f.ent.ensure_new(type_, surface[:1].upper() + surface[1:], country=entry.country)
    f.add(Hit(i, n_end + 1, group.key, type_, "head", coord=f.coord(i, "")))
    return n_end + 1


def group_of_place_at(f: MentionFinder, i: int, end: int) -> int | None:
    """ "protesters in southern Nepal", "workers in Brazil": a group noun (word sets "group nouns:TYPE"), a
    preposition of where they are ("group place prepositions") and a state or city, with direction words
    between ("southern"): a group of that state's people, labelled as written."""
    word, first = f.toks[i].text, i == 0 or f.toks[i - 1].sent != f.toks[i].sent
    word = word.lower() if word.islower() or first else ""  # "Rebels in eastern Congo" starts a sentence
    type_ = next((t for t in GROUP_TYPES if word in f.words(f"group nouns:{t}")), "") if word else ""
    if not type_ or i + 2 >= end or f.toks[i + 1].text.lower() not in f.words("group place prepositions"):
        return None
    m = i + 2
    while m < end and m < i + 4 and f.toks[m].text.lower() in f.words("direction words"):
        m += 1
    found = f.name_at(m, end) if m < end and f.cover[m] < 0 else None
    entry = f.ent.gaz(found[1].key) if found is not None else None
    if found is None or entry is None or entry.type not in ("State", "City") or not entry.country:
        return None
    surface = f.surface(i, found[0])
    group = f.ent.ensure_new(type_, surface[:1].upper() + surface[1:], country=entry.country)
    f.add(Hit(i, found[0], group.key, type_, "head", coord=f.coord(i, "")))
    return found[0]


def _backed_group(f: MentionFinder, i: int, k: int, end: int) -> None:
    """ "Armenian-backed militias": a group noun right after a patron is a group of its own, named as written."""
    word = f.toks[k].text if k < end else ""
    type_ = next((t for t in GROUP_TYPES if word in f.words(f"group nouns:{t}")), "") if word.islower() else ""
    if type_ and f.cover[k] < 0:
        group = f.ent.ensure_new(type_, f.surface(i, k + 1))
        f.add(Hit(k, k + 1, group.key, type_, "head", coord=f.coord(k, "")))
