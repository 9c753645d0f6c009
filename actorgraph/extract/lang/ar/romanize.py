"""The English spelling of an Arabic personal name the gazetteer does not know (شينزو آبي, فايز السراج).

Unvocalised script does not say which vowels a name has, so a letter-by-letter transliteration reads
"Dik Tashini". English-language news spells a name the way it has been spelled before, so attested
spellings come first: the PyPI package ``arabic-name-romanizer`` (MIT; an index of about 60,000
spellings attested on Wikidata and a 1.7M-parameter character model in ONNX for name units nobody spelled,
all shipped in the wheel, nothing fetched). The gazetteer's people fill its gaps: a word of their names
that the index has not seen often enough (بيت → Pete, not the index's "Bait") is spelled as ours spells it.
``python -m benchmarks.names`` measures this against our letter-by-letter transliterator on a few hundred
names. Without the package, or if it fails on a name, the name goes through ``translit.transliterate``.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

from actorgraph.extract.lang.ar.translit import transliterate

Spellings = tuple[tuple[str, str], ...]
"""(Arabic name, its English spelling) pairs of whole names."""

_LOG = logging.getLogger(__name__)
_CANDIDATES = 3


def gazetteer_spellings() -> Spellings:
    """Every gazetteer person with both labels: (Arabic preferred label, English preferred label)."""
    from actorgraph.ontology.gazetteer import load_gazetteer

    people = (e for e in load_gazetteer().entries.values() if e.type == "Person")
    return tuple(sorted({(e.label_ar, e.label_en) for e in people if e.label_ar and e.label_en}))


@lru_cache(maxsize=1)
def _models() -> tuple[Any, Any] | None:
    """The package's two ONNX models (Arabic and Persian script), loaded once; None when not installed.

    They run on one thread: extraction is measured per core, and parallel runs use one process a core.
    """
    try:
        import arabic_name_romanizer  # noqa: F401 - the package first: its submodules may be cached
        from arabic_name_romanizer.api import default_resources_dir
        from arabic_name_romanizer.inference import OnnxModel
    except ImportError:
        return None
    resources = default_resources_dir()
    return OnnxModel(resources, intra_op_threads=1), OnnxModel(resources / "persian", intra_op_threads=1)


@lru_cache(maxsize=8)
def romanizer(spellings: Spellings = ()) -> Callable[[str], str] | None:
    """The package's transliterator, with the words of ``spellings`` it lacks as its user dictionary."""
    models = _models()
    if models is None:
        return None
    from arabic_name_romanizer import Transliterator, UserDictionary

    engine = Transliterator(model=models[0], persian_model=models[1])
    engine.user = UserDictionary.from_pairs(_unattested_words(engine, spellings))

    def spell(text: str) -> str:
        candidates = engine.transliterate(text, top_k=_CANDIDATES)
        # A whole-name hit can be a longer label of that person (موسى أبو مرزوق → "Mousa Mohammed Abu
        # Marzook"): take the best candidate that adds no word to the text.
        fitting = (c for c in candidates if len(c.text.split()) <= len(text.split()))
        return _plain(str(next(fitting, candidates[0]).text))

    return spell


def _plain(latin: str) -> str:
    """Without accents: Maghreb spellings in the index carry French ones (Béchir, Saïd) English news drops."""
    decomposed = unicodedata.normalize("NFKD", latin)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def _unattested_words(engine: Any, spellings: Spellings) -> list[tuple[str, str]]:
    """Word-for-word spellings (names with as many words on both sides) of the words the package's index
    attests fewer times than it trusts: the gazetteer fills gaps and outvotes single observations
    (بيت → "Bait" seen twice; Pete in ours), but never overrides a well-attested spelling (محمد → Mohamed)."""
    from arabic_name_romanizer.normalize import lookup_key, normalize_arabic

    out: list[tuple[str, str]] = []
    for arabic, latin in spellings:
        if len(arabic.split()) != len(latin.split()):
            continue
        for word, spelled in zip(arabic.split(), latin.split(), strict=True):
            attested = engine.index.lookup_unit(lookup_key(normalize_arabic(word))) if engine.index else []
            if not attested or attested[0].count < engine.trust_threshold:
                out.append((word, spelled))
    return out


def spell_with(spellings: Iterable[tuple[str, str]]) -> Callable[[str], str]:
    """``romanize_name`` with another user dictionary (the benchmark holds each tested name out of it)."""
    engine = romanizer(tuple(sorted(set(spellings))))
    return engine if engine is not None else transliterate


@lru_cache(maxsize=1)
def _default() -> Callable[[str], str] | None:
    return romanizer(gazetteer_spellings())


@lru_cache(maxsize=65536)
def romanize_name(text: str) -> str:
    """The English spelling of an Arabic personal name (attested first, else modelled, else transliterated)."""
    engine = _default()
    if engine is None or not text.strip():
        return transliterate(text)
    try:
        spelled = engine(text)
    except (RuntimeError, ValueError) as err:  # onnxruntime's errors derive from RuntimeError
        _LOG.warning("arabic-name-romanizer failed on %r (%s); transliterating it", text, err)
        return transliterate(text)
    return spelled or transliterate(text)
