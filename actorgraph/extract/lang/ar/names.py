"""Arabic names: unknown person names (three words at most), nisbas that only describe a noun (الخطة
المصرية), and nouns standing for a state named before (بلاده, حكومتها, المملكة)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from actorgraph.extract.lang.ar.gloss import glossed
from actorgraph.extract.lang.ar.normalize import analyses, normalize, strip_article
from actorgraph.extract.lang.ar.ordinary import ordinary
from actorgraph.extract.lookup import NameHit
from actorgraph.extract.mentions.base import Hit
from actorgraph.ontology.lexicon import Head

if TYPE_CHECKING:
    from actorgraph.extract.mentions.finder import MentionFinder


def unknown_name(f: MentionFinder, k: int, end: int) -> int:
    """End of an unknown person's name starting at token k (k when there is none): up to three words, a
    third only as a family name or after a name link (بن, أبو)."""
    stop, links = f.words("name stop"), f.words("name links")
    m = k
    words = 0
    while m < end and words < 4:
        tok = f.toks[m]
        norm = normalize(tok.text)
        if tok.punct or norm in stop or not tok.text.isalpha() or len(norm) < 2 or f.cover[m] >= 0:
            break  # one letter (ل ـ) is no word of a name
        if ordinary(f, m):
            break  # والتي, تلعب, وجهات, وإدارته: a function word, a verb or a common noun, not a name
        if words == 0 and not (_name_start(f, m, end) and (norm not in links or norm in f.words("name link starts"))):
            break  # a name does not start with بن
        prev = normalize(f.toks[m - 1].text)
        if words == 2 and prev not in links and (prev.startswith("ال") or not norm.startswith("ال")):
            break  # a third word only as a family name, not a name and the next noun
        if words == 2 and prev not in links and is_glossed(f, m):
            break  # a family name is not a common noun the glossary translates (الصحفيين "the journalists")
        if words and norm[:1] == "و" and _conjunct(f, tok.keys, norm, stop):
            break  # a new conjunct (ووزير …)
        if f.t.titles.match(f.keys, m) or f.t.triggers.match(f.keys, m) or f.t.cues.match(f.keys, m):
            break
        if words and f.name_at(m, end) is not None:
            break
        words += 1
        m += 1
        if words >= 3 and normalize(f.toks[m - 1].text) not in links:
            break
    return m


def _conjunct(f: MentionFinder, keys: dict[str, str], norm: str, stop: frozenset[str]) -> bool:
    """Does a word read as و + a function word or a word of a known name?"""
    return any(strip_article(x) in stop or x in f.t.name_words for x in keys if x != norm)


def _name_start(f: MentionFinder, m: int, end: int) -> bool:
    """Can an unknown Arabic name start here? Not on a preposition phrase (للشؤون), a definite
    common word (المرحلة), a place or actor we know (دمشق), or a word of our lexicons (مجلس)."""
    tok = f.toks[m]
    norm = normalize(tok.text)
    if norm.startswith("ال") or norm.startswith("لل"):
        return False
    if any(p and p.replace("|a", "")[-1:] in ("ل", "ب", "ك") and k.startswith("ال") for k, p in tok.keys.items()):
        return False  # بالرياض, للشؤون: a preposition with a definite noun
    if f.name_at(m, end) is not None:
        return False
    keys = f.keys
    if f.t.heads.match(keys, m) or f.t.triggers.match(keys, m) or f.t.cues.match(keys, m):
        return False
    return norm not in f.t.glossary and ("ال" + norm) not in f.t.glossary


def adjective_kind(
    f: MentionFinder, i: int, n_end: int, end: int, kind: str, payloads: list[NameHit]
) -> tuple[int, str]:
    """A nisba after a common noun ("the Egyptian plan") describes it: the state is not an actor. A name after a
    participle of backing (المدعومة من إيران, الموالية لإيران: word sets "patron participles") is the patron of
    the group before it, no party to what that group does or suffers."""
    if _patron(f, i):
        return n_end, "patron"
    entry = f.ent.gaz(payloads[0].key)
    if entry is not None and entry.type == "State" and _nisba_modifier(f, i, n_end, payloads):
        return n_end, "adjmod"
    return n_end, kind


def _nisba_modifier(f: MentionFinder, i: int, n_end: int, payloads: list[NameHit]) -> bool:
    """A nisba right after a common noun it describes (a plan, settlers, a position + a nisba)."""
    if not any(p.kind == "adj" for p in payloads) or i == 0 or f.cover[i - 1] >= 0:
        return False
    word = normalize(f.toks[n_end - 1].text)
    if not word.endswith(tuple(f.words("nisba endings"))):
        return False
    stems = {x for _p, stem, enc in analyses(word) if not enc for x in (stem, strip_article(stem))}
    if any(not rest and hit.kind == "name" for st in stems for rest, hit in f.t.names.first.get(st, ())):
        return False  # السعودية is also the country's own name
    prev = f.toks[i - 1]
    if prev.punct or not prev.text.isalpha() or normalize(prev.text) in f.words("name stop"):
        return False
    return not (f.t.triggers.match(f.keys, i - 1) or f.t.cues.match(f.keys, i - 1))


def country_anaphor_at(f: MentionFinder, i: int) -> int | None:
    """بلاده "his country", حكومتها "her government": the state of the last person named before it."""
    tok = f.toks[i]
    kingdom, noun_pro = f.words("kingdom nouns"), f.words("noun proclitics")
    if any(k in kingdom and (p == "" or p in noun_pro) for k, p in tok.keys.items()):
        return _kingdom_at(f, i)
    nouns = f.words("country nouns")
    encs = {enc for _p, stem, enc in analyses(normalize(tok.text)) if stem in nouns and enc in ("ه", "ها")}
    if not encs:
        return None
    return f.add_country_anaphor(i, i + 1, female=encs == {"ها"})


def _kingdom_at(f: MentionFinder, i: int) -> int | None:
    """المملكة "the Kingdom": the last kingdom named, or the kingdom of the last person named
    (a crown prince named, then the Kingdom's position)."""
    if i + 1 < len(f.toks) and f.name_at(i, i + 3) is not None:
        return None  # المملكة العربية السعودية, المملكة المتحدة: a name, not an anaphor
    kingdom = tuple(f.words("kingdom nouns"))
    for hit in reversed(f.hits):
        state = hit.key if hit.type == "State" else ""
        if hit.type == "Person":
            state = f.person_state(hit)
        entry = f.ent.gaz(state) if state else None
        if entry is None:
            continue
        if f.toks[hit.start].sent < f.toks[i].sent - 1:
            return None
        if any(normalize(a).startswith(kingdom) for a in [entry.label_ar, *entry.aliases_ar]):
            f.ent.ensure_gaz(state)
            f.add(Hit(i, i + 1, state, "State", "anaphor", coord=f.coord(i, "")))
            return i + 1
    return None


def coord(f: MentionFinder, i: int, pro: str) -> bool:
    return pro.startswith("و") or (i > 0 and f.toks[i - 1].text in ("و", "،"))


def same_head(f: MentionFinder, hit: Hit, head: Head) -> bool:
    """الجيش: the last army named (the Xi army), not any military body named before it."""
    first = {strip_article(key) for key in f.toks[hit.start].keys}  # as it was written
    return strip_article(normalize(head.form)) in first


def is_glossed(f: MentionFinder, k: int) -> bool:
    return glossed(f.t, f.toks[k].keys)


def _patron(f: MentionFinder, i: int) -> bool:
    """After "backed by" (a participle and min) or "loyal to" (a participle and the name's li- proclitic)."""
    if i >= 2 and normalize(f.toks[i - 1].text) in f.words("patron prepositions"):
        return normalize(f.toks[i - 2].text) in f.words("patron participles")
    proclitic = any(pro.endswith(tuple(f.words("patron proclitics"))) for pro in f.keys[i].values() if pro)
    return i >= 1 and proclitic and normalize(f.toks[i - 1].text) in f.words("patron participles:li")
