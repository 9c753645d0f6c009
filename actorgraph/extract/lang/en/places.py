"""English places named with a place noun: "the <demonym> city of NAME", "the <demonym> port city of NAME",
"the city of NAME", "the <demonym> capital NAME"."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from actorgraph.extract.mentions.finder import MentionFinder

MAX_PLACE_WORDS = 5


def place_at(f: MentionFinder, i: int, end: int) -> int | None:
    if not any(f.city_flags[i : min(end, i + 5)]):
        return None  # cheap test first: a place noun within the next four tokens
    state = ""
    if f.toks[i].cap:
        found = f.name_at(i, end)
        adj = next((p for p in found[3] if p.kind == "adj"), None) if found is not None else None
        if found is None or adj is None:
            return None
        state, k = adj.key, found[0]
        # "the Israeli port city of", "the Russian border town of": descriptive words before the noun.
        head_end = None
        for m in range(k, min(end, k + 3)):
            if f.toks[m].cap or not f.toks[m].text.isalpha():
                break
            head_end = f.city_head(m, end) or head_end
        if head_end is None:
            return None
        k = head_end
    else:
        # "the city of NAME": no country named.
        if i == 0 or f.toks[i - 1].text.lower() != "the":
            return None
        head_end = f.city_head(i, end)
        if head_end is None or head_end >= end or f.toks[head_end].text.lower() != "of":
            return None
        k = head_end
    if k < end and f.toks[k].text.lower() == "of" or (k < end and f.toks[k].text == "," and state):
        k += 1
    elif not state or f.toks[k - 1].text.lower() not in f.words("capital nouns"):
        return None  # "the <demonym> capital NAME" needs no "of"; "the Ukrainian city" alone names nothing
    n_end = _place_name(f, k, end)
    if n_end == k:
        return None
    return f.add_place(i, k, n_end, state)


def _place_name(f: MentionFinder, k: int, end: int) -> int:
    not_names, particles = f.words("not names:cased"), f.words("name particles")
    m = k
    while m < end and m - k < MAX_PLACE_WORDS:
        tok = f.toks[m]
        if tok.cap and tok.text.isalpha() and tok.text not in not_names:
            m += 1
        elif m > k and tok.text in ("-", "‑") and m + 1 < end and f.toks[m + 1].text[:1].isalpha():
            m += 1  # "Sharm el-Sheikh"
        elif m > k and tok.text.lower() in particles and m + 1 < end:
            m += 1
        else:
            break
    while m > k and not f.toks[m - 1].cap:
        m -= 1  # never end on a particle or a hyphen
    return m


def place_label(f: MentionFinder, surface: str) -> tuple[str, str]:
    return surface, ""
