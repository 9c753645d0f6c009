"""The word sets relation finding reads, once per language, from the language profile's lexicon files."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from actorgraph.extract.lang import profile, read_wordsets
from actorgraph.ontology.lexicon import relations_with


@dataclass(frozen=True)
class Vocab:
    normalize: Callable[[str], str]
    boundary: frozenset[str]
    skip: frozenset[str]
    locative: frozenset[str]
    contrast: frozenset[str]
    contrast_phrases: tuple[tuple[str, ...], ...]
    led_by: tuple[tuple[str, ...], ...]
    """words between a group and the person at its head ("a delegation led by X")"""
    relatives: frozenset[str]
    relative_openers: frozenset[str]
    relative_pronouns: frozenset[str]
    aka: frozenset[str]
    sideline: frozenset[str]
    between: frozenset[str]
    conjunctions: frozenset[str]
    list_commas: frozenset[str]
    articles: frozenset[str]
    indefinites: frozenset[str]
    object_determiners: frozenset[str]
    act_determiners: frozenset[str]
    definite_determiners: frozenset[str]
    complement_openers: frozenset[str]
    function_words: frozenset[str]
    hypothetical: frozenset[str]
    phone: frozenset[str]
    indirect: frozenset[str]
    possessive: frozenset[str]
    quotes: frozenset[str]
    hyphen: frozenset[str]
    strong: frozenset[str]
    """punctuation that ends a phrase (the mention finder's set)"""
    member_preps: frozenset[str]
    purpose: frozenset[str]
    neither: frozenset[str]
    additive: tuple[tuple[str, ...], ...]
    pronouns: dict[str, str]
    """subject pronoun → the referent it wants (m, she, n, p)"""
    named: dict[str, frozenset[str]]
    """every "rel ..." word set of the language, by name without the prefix"""

    def sets(self, name: str) -> frozenset[str]:
        """A word set by name (without "rel "), empty when the language has none."""
        return self.named.get(name, EMPTY)


EMPTY: frozenset[str] = frozenset()


def _set(lang: str, name: str) -> frozenset[str]:
    p = profile(lang)
    return p.words(name) if p.has_words(name) else frozenset()


@lru_cache(maxsize=8)
def vocab(lang: str) -> Vocab:
    p = profile(lang)

    def s(name: str) -> frozenset[str]:
        return _set(lang, "rel " + name)

    # "rel pronoun:WANT": subject pronouns and the referent each wants (m a man, she a woman, n no person, p a group)
    kinds = [name.removeprefix("rel pronoun:") for name in read_wordsets(lang) if name.startswith("rel pronoun:")]
    pronouns = {w: want for want in kinds for w in s("pronoun:" + want)}
    return Vocab(
        normalize=p.normalize,
        boundary=s("clause openers"),
        skip=s("skippable"),
        locative=s("locative"),
        contrast=s("contrast"),
        contrast_phrases=p.phrases("rel contrast phrases"),
        led_by=p.phrases("rel led by phrases"),
        relatives=s("relatives"),
        relative_openers=s("relative openers"),
        relative_pronouns=s("relative pronouns"),
        aka=s("aka"),
        sideline=s("sideline words"),
        between=s("between"),
        conjunctions=s("conjunctions"),
        list_commas=s("list commas"),
        articles=s("articles"),
        indefinites=s("indefinites"),
        object_determiners=s("object determiners"),
        act_determiners=s("act determiners"),
        definite_determiners=s("definite determiners"),
        complement_openers=s("complement openers"),
        function_words=s("function words"),
        hypothetical=s("hypothetical"),
        phone=s("phone"),
        indirect=s("indirect"),
        possessive=s("possessive markers:cased"),
        quotes=s("quotes:cased"),
        hyphen=s("hyphen:cased"),
        strong=p.words("strong punctuation:cased"),
        member_preps=s("member preps"),
        purpose=s("purpose"),
        neither=s("neither"),
        additive=p.phrases("rel additive"),
        pronouns=pronouns,
        named={name[4:]: _set(lang, name) for name in read_wordsets(lang) if name.startswith("rel ")},
    )


@lru_cache(maxsize=32)
def trait(name: str) -> frozenset[str]:
    """The relations with a trait of ``relation_traits.tsv`` (e.g. ``judges-acts``)."""
    return relations_with(name)
