"""romanize_name: the English spelling of an unknown Arabic name, and the comparison that chose it.

``pytest -s`` prints the comparison table (the same as ``python -m benchmarks.names --no-combined``).
"""

from __future__ import annotations

import importlib.util
import logging
import sys
from collections.abc import Iterator

import pytest

from actorgraph.extract.lang.ar import romanize
from actorgraph.extract.lang.ar.romanize import romanize_name, romanizer, spell_with
from actorgraph.extract.lang.ar.translit import transliterate
from benchmarks import names

needs_package = pytest.mark.skipif(
    importlib.util.find_spec("arabic_name_romanizer") is None, reason="arabic-name-romanizer is not installed"
)


def _clear() -> None:
    for cached in (romanize._models, romanize.romanizer, romanize._default, romanize.romanize_name):
        cached.cache_clear()


@pytest.fixture
def fresh() -> Iterator[None]:
    """Forget the loaded engine before and after (a test that hides the package must not leak)."""
    _clear()
    yield
    _clear()


@needs_package
@pytest.mark.parametrize(
    ("arabic", "english"),
    [
        ("فايز السراج", "Fayez al-Sarraj"),
        ("خليفة حفتر", "Khalifa Haftar"),
        ("محمد حمدان دقلو", "Mohamed Hamdan Dagalo"),
        ("محمد صلاح", "Mohamed Salah"),
        ("إسماعيل هنية", "Ismail Haniyeh"),
        ("حسن نصر الله", "Hassan Nasrallah"),
        ("مقتدى الصدر", "Muqtada al-Sadr"),
        ("عبد الله حمدوك", "Abdullah Hamdok"),
    ],
)
def test_attested_spellings(arabic: str, english: str) -> None:
    assert romanize_name(arabic) == english


@needs_package
def test_no_word_added_to_a_name() -> None:
    """The index knows موسى أبو مرزوق as "Mousa Mohammed Abu Marzook": a name gains no word."""
    plain = romanizer(())
    assert plain is not None
    spelled = plain("موسى أبو مرزوق")
    assert len(spelled.split()) == 3 and spelled.endswith("Marzook")


@needs_package
def test_gazetteer_words_fill_gaps_only() -> None:
    plain = romanizer(())
    assert plain is not None and plain("بيت") == "Bait"  # seen twice in the index: not trusted
    ours = spell_with([("بيت هيغسيث", "Pete Hegseth"), ("محمد فلان", "Muhammad Fulan")])
    assert ours("بيت") == "Pete"
    assert ours("محمد") == "Mohamed"  # attested thousands of times: our one spelling does not override it


@needs_package
def test_the_shipped_gazetteer_spells_unknown_foreign_names() -> None:
    # Neither full name is in the gazetteer; their given names are (Pete Hegseth, John Healey).
    assert romanize_name("بيت بوتيجيج").startswith("Pete ")
    assert romanize_name("جون هوارد") == "John Howard"


@needs_package
def test_no_french_accents() -> None:
    """The index's Maghreb rows spell البشير "Béchir"; English news has no accents on Arabic names."""
    assert romanize_name("عمر البشير").isascii() and romanize_name("السعيد شنقريحة").isascii()


def test_empty_and_latin_input() -> None:
    assert romanize_name("") == ""
    assert romanize_name("Joe") == "Joe"


def test_without_the_package_it_transliterates(fresh: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "arabic_name_romanizer", None)  # import raises ImportError
    assert romanizer(()) is None
    assert romanize_name("ديك تشيني") == transliterate("ديك تشيني") == "Dik Tashini"
    assert spell_with([])("جون") == transliterate("جون")


def test_a_failing_engine_falls_back(
    fresh: None, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(text: str) -> str:
        raise RuntimeError("onnxruntime: bad input")

    monkeypatch.setattr(romanize, "_default", lambda: broken)
    with caplog.at_level(logging.WARNING):
        assert romanize_name("خليفة حفتر") == transliterate("خليفة حفتر")
    assert "transliterating it" in caplog.text


def test_the_evaluation_list() -> None:
    cases = names.cases()
    assert len(cases) >= 300
    assert all(c.accepted for c in cases)
    honorifics = {"الشيخ", "الأمير", "الملك", "اللواء", "الفريق"}
    assert not any(c.arabic.split()[0] in honorifics for c in cases)
    assert any(c.group == "gold only" for c in cases) and any(c.group == "Arab League" for c in cases)


def test_lenient_measures() -> None:
    assert names.skeleton("Abdel Fattah el-Sisi") == names.skeleton("Abdelfattah al-Sissi")
    assert names.skeleton("Dik Tashini") != names.skeleton("Dick Cheney")
    assert names.cer("Khalifa Haftar", "Khalifa Haftar") == 0.0
    assert 0 < names.cer("Khalifa Haftar", "Khalifa Hifter") < 0.2


@needs_package
def test_comparison(capsys: pytest.CaptureFixture[str]) -> None:
    """The figures behind the choice: romanize_name beats letter-by-letter transliteration."""
    table = names.run(combined=False)
    with capsys.disabled():
        print("\n" + capsys.readouterr().out)
    ours, shipped = table[f"{names.OURS} / all"], table[f"{names.SHIPPED} / all"]
    alone = table[f"{names.ALONE} / all"]
    assert ours.n >= 300
    assert shipped.exact >= ours.exact + 0.10  # measured 0.219 against 0.042
    assert shipped.lenient > ours.lenient and shipped.cer < ours.cer
    assert shipped.lenient >= alone.lenient and shipped.exact >= alone.exact
