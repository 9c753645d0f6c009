from hypothesis import given
from hypothesis import strategies as st

from actorgraph.extract.lang.ar.normalize import analyses, normalize
from actorgraph.extract.lookup import ar_keys, inflect_ar, inflect_en


def test_orthography_is_unified() -> None:
    assert normalize("أَصْدَرَتْ") == normalize("اصدرت")
    assert normalize("إيران") == "ايران"
    assert normalize("مصطفى") == "مصطفي"
    assert normalize("الحكومة") == "الحكومه"
    assert normalize("قانونًا") == "قانونا"
    assert normalize("اســـتراتيجية") == normalize("استراتيجية")


def test_proclitics_are_split() -> None:
    assert ar_keys("ووزير")["وزير"] == "و"
    assert ar_keys("وهيجسيث")["هيجسيث"] == "و"
    assert ar_keys("للحكومة")["الحكومه"] == "ل"  # ل + ال fused into لل
    assert ar_keys("بمراقبة")["مراقبه"] == "ب"
    assert "الولايات" in ar_keys("والولايات")
    assert "تتعاونان" in ar_keys("ستتعاونان")


def test_enclitics_are_split() -> None:
    stems = {stem for _, stem, _ in analyses(normalize("محادثاتهما"))}
    assert "محادثات" in stems
    stems = {stem for _, stem, _ in analyses(normalize("حكومتيهما"))}
    assert "حكومه" in stems
    stems = {stem for _, stem, _ in analyses(normalize("استراتيجيتها"))}
    assert "استراتيجيه" in stems


def test_inflections() -> None:
    assert {"اتفقا", "اتفقت", "اتفقوا"} <= set(inflect_ar("اتفق"))
    assert {"التقت", "التقيا", "التقوا"} <= set(inflect_ar("التقى"))
    assert {"تتفق", "يتفقان"} <= set(inflect_ar("يتفق"))
    assert {"agrees", "agreed", "agreeing"} <= set(inflect_en("agree"))
    assert {"met", "meets", "meeting"} <= set(inflect_en("meet"))
    assert {"criticized", "criticizes"} <= set(inflect_en("criticize"))


@given(st.text(max_size=60))
def test_normalize_never_fails(text: str) -> None:
    out = normalize(text)
    assert isinstance(out, str)
    readings = analyses(out)
    assert readings[0] == ("", out, "")  # the unsplit reading always comes first
    for pro, stem, enc in readings:
        # a split loses nothing, except ت that becomes ه and the alef restored in لل = ل + ال
        assert pro + stem + enc == out or stem.endswith("ه") or stem.startswith("ال") or enc
