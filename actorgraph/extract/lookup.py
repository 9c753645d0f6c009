"""Fast lookup tables for one language, built once from the gazetteer and lexicons.

Everything is matched on *keys*: for Arabic, the normalised stems a token may have once clitics are
split off (with and without the article); for English, the lowercased word. A ``Trie`` maps sequences of
keys to payloads and finds the longest match at a token.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from actorgraph.extract.lang import profile
from actorgraph.extract.lang.ar.normalize import analyses, normalize, strip_article
from actorgraph.ontology import lexicon
from actorgraph.ontology.gazetteer import Gazetteer, load_gazetteer

GAP = "..."
MAX_GAP = 5


@lru_cache(maxsize=300_000)
def ar_keys(text: str) -> dict[str, str]:
    """Match keys of an Arabic token → the proclitics split off to reach it (plainest reading first)."""
    keys: dict[str, str] = {}
    for pro, stem, enc in analyses(normalize(text)):
        # "|a" marks a reading through the accusative tanween alef (قانونًا): fine for common nouns,
        # wrong for names (ماليًا "financially" is not مالي "Mali").
        mark = pro + "|a" if enc == "ا" else pro
        keys.setdefault(stem, mark)
        keys.setdefault(strip_article(stem), mark)
    return keys


def _fold(text: str) -> str:
    """Lowercase without accents: 'Lourenço' and 'Lourenco' are one key."""
    if text.isascii():
        return text.lower()
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=300_000)
def en_keys(text: str) -> dict[str, str]:
    lower = _fold(text).replace("’", "'")
    keys = {lower: ""}
    if lower.endswith(".") and len(lower) > 2 and lower.count(".") == 1:
        keys[lower[:-1]] = ""  # sentence-final "U.S." keeps its dot, "Inc." etc.
    return keys


def label_keys(lang: str, words: Sequence[str]) -> tuple[str, ...]:
    if lang == "ar":
        return tuple(normalize(w) for w in words)
    return tuple(_fold(w).replace("’", "'") for w in words)


@dataclass(slots=True)
class Trie:
    """Sequences of keys → payloads. ``...`` in a pattern allows a gap of up to MAX_GAP tokens."""

    first: dict[str, list[tuple[tuple[str, ...], Any]]] = field(default_factory=dict)

    def add(self, keys: Sequence[str], payload: Any) -> None:
        if not keys or keys[0] == GAP:
            return
        entry = (tuple(keys[1:]), payload)
        bucket = self.first.setdefault(keys[0], [])
        if entry not in bucket:
            bucket.append(entry)
            bucket.sort(key=lambda e: -len(e[0]))

    def match(
        self, token_keys: Sequence[dict[str, str]], i: int, stop: Callable[[int], bool] | None = None
    ) -> list[tuple[int, Any, str]]:
        """All matches starting at token i: (end index exclusive, payload, proclitic of the first token)."""
        out: list[tuple[int, Any, str]] = []
        if not 0 <= i < len(token_keys):  # a name that ends the text has no token after it
            return out
        for key, pro in token_keys[i].items():
            for rest, payload in self.first.get(key, ()):
                end = _match_rest(token_keys, i + 1, rest, stop)
                if end is not None:
                    out.append((end, payload, pro))
        out.sort(key=lambda m: -m[0])
        return out


def _match_rest(
    token_keys: Sequence[dict[str, str]], j: int, rest: Sequence[str], stop: Callable[[int], bool] | None
) -> int | None:
    if not rest:
        return j
    if rest[0] == GAP:
        for skip in range(0, MAX_GAP + 1):
            k = j + skip
            if k >= len(token_keys) or (skip and stop is not None and stop(k - 1)):
                break
            end = _match_rest(token_keys, k, rest[1:], stop)
            if end is not None:
                return end
        return None
    if j < len(token_keys) and rest[0] in token_keys[j]:
        return _match_rest(token_keys, j + 1, rest[1:], stop)
    return None


# --- inflection of trigger verbs -------------------------------------------------------------------

@lru_cache(maxsize=1)
def _en_irregular() -> dict[str, list[str]]:
    """Lemma → its irregular forms (lexicon set "irregular verbs": the lemma, then its forms)."""
    return {entry[0]: list(entry[1:]) for entry in profile("en").phrases("irregular verbs")}


def inflect_en(lemma: str) -> list[str]:
    irregular = _en_irregular()
    forms = [lemma, *(irregular.get(lemma, []))]
    if re.search(r"(s|sh|ch|x|z)$", lemma):
        forms.append(lemma + "es")
    elif re.search(r"[^aeiou]y$", lemma):
        forms.append(lemma[:-1] + "ies")
    else:
        forms.append(lemma + "s")
    if lemma not in irregular or lemma in profile("en").words("regular past"):
        if lemma.endswith("e"):
            forms.append(lemma + "d")
        elif re.search(r"[^aeiou]y$", lemma):
            forms.append(lemma[:-1] + "ied")
        elif re.fullmatch(r"[^aeiou]*[aeiou][bdgklmnprt]", lemma) and len(lemma) <= 4:
            forms.append(lemma + lemma[-1] + "ed")
        else:
            forms.append(lemma + "ed")
    if lemma.endswith("e") and not lemma.endswith("ee"):
        forms.append(lemma[:-1] + "ing")
    elif re.fullmatch(r"[^aeiou]*[aeiou][bdgklmnprt]", lemma) and len(lemma) <= 4:
        forms.append(lemma + lemma[-1] + "ing")
    else:
        forms.append(lemma + "ing")
    return forms


def inflect_ar(stem: str) -> list[str]:
    """Past (اتفق) or present (يتفق) 3rd person masculine singular → its common news inflections."""
    s = normalize(stem)
    if len(s) >= 3 and s[0] == "ي":  # present tense
        base = s[1:]
        forms = [s, "ت" + base, "ن" + base, "ا" + base]
        for prefix in ("ي", "ت"):
            forms += [prefix + base + "ان", prefix + base + "ون", prefix + base + "ين", prefix + base + "وا"]
        return forms
    forms = [s, s + "ت", s + "ا", s + "تا", s + "وا", s + "ن", s + "تم", s + "نا"]
    if s.endswith(("ي", "ا")):  # defective: التقى → التقت التقوا; دعا → دعت دعوا
        forms += [s[:-1] + "ت", s[:-1] + "وا", s[:-1] + "تا"]
        if len(s) >= 4:
            forms.append(s[:-1] + "ا")  # before an object pronoun: التقاه, استدعاه
    return forms


# --- the tables ------------------------------------------------------------------------------------


@dataclass(slots=True)
class NameHit:
    key: str  # gazetteer key
    kind: str  # name | adj | capital


@dataclass(slots=True)
class Tables:
    lang: str
    gazetteer: Gazetteer
    names: Trie
    titles: Trie  # payload: lexicon.Title
    heads: Trie  # payload: lexicon.Head
    triggers: Trie  # payload: (TriggerRule, is_base_form)
    cues: Trie  # payload: (modality, scope)
    glossary: dict[str, str]  # Arabic key → English
    name_words: frozenset[str]  # every key used inside a gazetteer name (guards unknown-name spans)


def _phrases(tokenize: Callable[[str], list[str]], lang: str, labels: Iterable[str]) -> Iterable[tuple[str, ...]]:
    for label in labels:
        if label and label.strip():
            keys = label_keys(lang, tokenize(label))
            if keys:
                yield keys


def nisba_forms(nisba: str) -> list[str]:
    """ياباني → ياباني يابانية يابانيون يابانيين يابانيان يابانيتان (each word of a two-word nisba)."""
    words = normalize(nisba).split()
    endings = sorted(e[1:] for e in profile("ar").words("nisba endings"))
    return [" ".join(w + e for w in words) for e in endings]


@lru_cache(maxsize=4)
def build_tables(lang: str, tokenize: Callable[[str], list[str]]) -> Tables:
    gaz = load_gazetteer()
    names = Trie()
    name_words: set[str] = set()
    for entry in gaz.entries.values():
        if entry.type == "Position":
            continue
        labels = [entry.label_ar, *entry.aliases_ar] if lang == "ar" else [entry.label_en, *entry.aliases_en]
        for keys in _phrases(tokenize, lang, labels):
            names.add(keys, NameHit(entry.key, "name"))
            name_words.update(keys)
            # A name without its article; but a one-word person name's "ال" may be part of a foreign name
            # (ألباريس is not باريس, Paris).
            one_word_person = entry.type == "Person" and len(keys) == 1
            if lang == "ar" and keys[0].startswith("ال") and len(keys[0]) > 3 and not one_word_person:
                names.add((strip_article(keys[0]), *keys[1:]), NameHit(entry.key, "name"))
        if entry.type == "State":
            adjectives = [f for n in entry.nisba_ar for f in nisba_forms(n)] if lang == "ar" else entry.demonyms_en
            for keys in _phrases(tokenize, lang, adjectives):
                names.add(keys, NameHit(entry.key, "adj"))
            capitals = entry.capitals_ar if lang == "ar" else entry.capitals_en
            for keys in _phrases(tokenize, lang, capitals):
                names.add(keys, NameHit(entry.key, "capital"))

    titles = Trie()
    for title in lexicon.titles():
        if title.lang == lang:
            titles.add(label_keys(lang, tokenize(title.form)), title)
    heads = Trie()
    for head in lexicon.heads():
        if head.lang == lang:
            heads.add(label_keys(lang, tokenize(head.form)), head)
    triggers = Trie()
    for rule in lexicon.triggers(lang):
        for form in rule.forms:
            words = form.split()
            explicit = words[0].startswith("[")
            first = words[0].strip("[]")
            rest = (
                label_keys(lang, words[1:])
                if lang == "en"
                else tuple(normalize(w) if w != GAP else w for w in words[1:])
            )
            if lang == "en":
                firsts = [first] if explicit else inflect_en(first)
            elif rule.pos == "verb" and rule.frame != "eval":
                firsts = inflect_ar(first)
            else:
                firsts = [normalize(first)]
            for f in firsts:
                triggers.add((f.lower() if lang == "en" else normalize(f), *rest), rule)
    cues = Trie()
    for cue in lexicon.cues():
        if cue.lang == lang:
            cues.add(label_keys(lang, tokenize(cue.form)), (cue.modality, cue.scope))
    glossary = {normalize(k): v for k, v in lexicon.glossary_ar_en().items()} if lang == "ar" else {}
    return Tables(lang, gaz, names, titles, heads, triggers, cues, glossary, frozenset(name_words))
