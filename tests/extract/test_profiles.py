"""Language profiles: word sets come from lexicon files, normalised the way each language compares words."""

from __future__ import annotations

import pytest

from actorgraph.extract.lang import CASED, profile, read_wordsets


def test_each_language_has_a_profile() -> None:
    assert profile("ar").lang == "ar" and profile("en").lang == "en"
    with pytest.raises(ValueError, match="no language profile"):
        profile("xx")


def test_arabic_words_are_normalised_on_load() -> None:
    ar = profile("ar")
    assert ar.normalize("إلى") == ar.normalize("الى")
    for name in read_wordsets("ar"):
        if name.endswith(CASED):  # kept as written: labels such as PLOVER types, not Arabic words
            continue
        assert all(w == ar.normalize(w) for w in ar.words(name)), name


def test_an_unknown_set_is_an_error() -> None:
    with pytest.raises(KeyError, match="no word set"):
        profile("en").words("no such set")
