"""English titles: a state adjective or possessive, a title and a name ("X's acting premier, NAME,"), a
posting ("Ambassador to X NAME"), "his prime minister, NAME", "X's NAME" for a known person."""

from __future__ import annotations

from typing import TYPE_CHECKING

from actorgraph.extract.mentions.base import Hit, Office
from actorgraph.ontology.lexicon import Title

if TYPE_CHECKING:
    from actorgraph.extract.mentions.finder import MentionFinder

Match = tuple[int, Title, str]


def title_at(f: MentionFinder, i: int, end: int) -> int | None:
    start = _owner(f, i, end)
    if start is None:
        return None
    owner, k, demonym = start
    while owner and k < end and f.toks[k].text.lower() in f.words("acting"):
        k += 1  # an acting or interim premier: still the office
    matches: list[Match] = [m for m in f.t.titles.match(f.keys, k) if m[0] <= end]
    portfolio: list[str] = []
    if not matches and owner:
        done = _person_without_office(f, i, k, end, owner, demonym)
        if done:
            return done
    if not matches:
        found = _portfolio(f, k, end, owner)
        if found is None:
            return None
        k, matches, portfolio = found
    office = _office(f, i, matches[0], end, portfolio)
    if office is None:
        return None
    label, role, j = office
    if owner:
        f.ent.ensure_gaz(owner)
    label, role, j = _posting(f, j, end, label, role)
    owner, j = (owner, j) if owner else _owner_after(f, j, end)
    if owner and j + 2 < end and f.toks[j].text == ",":
        # "X's premier, NAME,": the name in apposition, closed by a comma
        apposed = f.name_at(j + 1, end)
        n_end = apposed[0] if apposed is not None else f.rules.unknown_name(f, j + 1, end)
        if n_end - (j + 1) >= 2 and (n_end >= end or f.toks[n_end].text in f.commas | {"."}):
            j += 1
    return f.title_person(i, k, j, end, Office(matches[0][1], role, label, owner), "")


def _owner(f: MentionFinder, i: int, end: int) -> tuple[str, int, bool] | None:
    """The state or organisation before the title ("Japanese", "NATO's", "his"): (its key, where the title
    may start, whether it was a state adjective); ("", i, False) when none; None when this is no title."""
    found = f.name_at(i, end)
    word = f.toks[i].text.lower()
    if found is None and word in f.words("possessive pronouns") and i + 1 < end:
        # "sent his prime minister, NAME,": the office of the state of the person named last
        owner = f.possessor_state(word in f.words("feminine pronouns"))
        if not owner or not f.t.titles.match(f.keys, i + 1):
            return None
        return owner, i + 1, False
    if found is None:
        return "", i, False
    n_end, payload, _, payloads = found
    if f.gaz_type(found) in ("", "Person"):
        return None
    k = n_end
    if k < end and f.toks[k].text in f.words("possessive markers:cased"):
        k += 1
    return payload.key, k, any(p.kind == "adj" for p in payloads)


def _person_without_office(f: MentionFinder, i: int, k: int, end: int, owner: str, demonym: bool) -> int | None:
    """A state named before a known person with no office between: a description or a possessive."""
    if demonym and i < k < end and f.toks[k].text[:1].islower():
        done = _described_person(f, i, k, end, owner)
        if done:
            return done
    if k > i and f.toks[k - 1].text in f.words("possessive markers:cased"):
        return _state_person(f, i, k, end, owner)
    return None


def _described_person(f: MentionFinder, i: int, k: int, end: int, owner: str) -> int | None:
    """A demonym, a lower-case description (opposition leader) and a known name: not an office of the state."""
    stops = f.words("descriptor stops")
    m = k
    while m < end and m < k + 4 and f.toks[m].text.isalpha() and f.toks[m].text[:1].islower():
        if f.toks[m].text in stops:
            m = k  # a demonym, "side and", a name: a clause, not a description of the name
            break
        m += 1
    person = f.name_at(m, end) if m > k else None
    if person is None or f.gaz_type(person) != "Person" or not f.free(i, person[0]):
        return None
    f.ent.ensure_gaz(owner)
    f.ent.ensure_gaz(person[1].key)
    f.add(Hit(i, person[0], person[1].key, "Person", "title", affiliation=owner, title_end=m))
    return person[0]


def _state_person(f: MentionFinder, i: int, k: int, end: int, owner: str) -> int | None:
    """ "X's NAME": a known person introduced by their state, no office named."""
    person = f.name_at(k, end)
    owner_entry = f.ent.gaz(owner)
    state = owner_entry is not None and owner_entry.type == "State"
    if not state or person is None or f.gaz_type(person) != "Person" or not f.free(i, person[0]):
        return None
    f.ent.ensure_gaz(owner)
    f.ent.ensure_gaz(person[1].key)
    f.add(Hit(i, person[0], person[1].key, "Person", "title", affiliation=owner, title_end=k))
    return person[0]


def _portfolio(f: MentionFinder, k: int, end: int, owner: str) -> tuple[int, list[Match], list[str]] | None:
    """Capitalised portfolio words before a generic title ("Tourism Minister"); "X's Defence Ministry
    spokesperson": an office of that ministry of the owner. (title start, matches, portfolio)."""
    portfolio: list[str] = []
    ministry = f.words("ministry nouns")
    p = k
    while p < end and p < k + 3 and f.toks[p].cap and f.name_at(p, end) is None:
        portfolio.append(f.toks[p].text)
        p += 1
        if p >= end:
            break
        matches = [m for m in f.t.titles.match(f.keys, p) if m[0] <= end and m[1].role == "minister"]
        if matches:
            return p, matches, portfolio
        if len(portfolio) >= 2 and portfolio[-1].lower() in ministry:
            matches = [m for m in f.t.titles.match(f.keys, p) if m[0] <= end and owner]
            if matches:
                return p, matches, portfolio
    return None


def _office(f: MentionFinder, i: int, match: Match, end: int, portfolio: list[str]) -> tuple[str, str, int] | None:
    """The office's label and role key, and where the title ends."""
    j, title, _ = match
    label, role = title.label, title.role
    if portfolio and portfolio[-1].lower() in f.words("ministry nouns"):
        ministry = " ".join(portfolio[:-1])
        label = f"{title.label} of the Ministry of {ministry}"
        role = f"{title.role}_ministry_of_" + "_".join(w.lower() for w in portfolio[:-1])
    elif portfolio:
        label = f"Minister of {' '.join(portfolio)}"
        role = "minister_of_" + "_".join(w.lower() for w in portfolio)
    if role == "counterpart":
        role, label = f.counterpart_role(i)
        if not role:
            return None
    if role == "minister" and j < end and f.toks[j].text.lower() == "of":
        words: list[str] = []
        m = j + 1
        while m < end and len(words) < 3 and f.toks[m].cap and f.name_at(m, end) is None:
            words.append(f.toks[m].text)
            m += 1
        if words:
            label = "Minister of " + " ".join(words)
            role = "minister_of_" + "_".join(w.lower() for w in words)
            j = m
    return label, role, j


def _owner_after(f: MentionFinder, j: int, end: int) -> tuple[str, int]:
    """ "Minister of Foreign Affairs of Jordan NAME": the state or organisation named right after a title ("of
    Jordan", "of the United States") owns the office; (its key, where it ends), or ("", j) when none follows."""
    if j + 1 >= end or f.toks[j].text.lower() not in f.words("of prepositions"):
        return "", j
    m = j + 1
    if m + 1 < end and f.toks[m].text.lower() in f.words("articles"):
        m += 1
    found = f.name_at(m, end)
    if found is None or f.gaz_type(found) in ("", "Person"):
        return "", j
    f.ent.ensure_gaz(found[1].key)
    return found[1].key, found[0]


def _posting(f: MentionFinder, j: int, end: int, label: str, role: str) -> tuple[str, str, int]:
    """ "Ambassador to X NAME": the posting is part of the office."""
    posted_roles = f.words("posted roles")
    if j + 1 < end and f.toks[j].text.lower() in f.words("posting prepositions") and role in posted_roles:
        posting = f.name_at(j + 1, end)
        posted = f.ent.gaz(posting[1].key) if posting is not None else None
        if posting is not None and posted is not None and posted.type != "Person":
            return f"{label} to {posted.label_en}", f"{role}_to_{posted.key.split(':', 1)[1]}", posting[0]
    return label, role, j
