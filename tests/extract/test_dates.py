"""Dates in news text, resolved against the document's date; event dates, precision, basis and places."""

from __future__ import annotations

import pytest

from actorgraph.extract import extract_text
from actorgraph.extract.dates import document_date, find_dates, resolve, resolve_mention


def _resolved(text: str, lang: str, doc_date: str | None, future: bool = False) -> list[tuple[str, str | None]]:
    return [(text[m.start : m.end], resolve_mention(m, doc_date, future)) for m in find_dates(text, lang)]


@pytest.mark.parametrize(
    ("text", "lang", "doc_date", "expected"),
    [
        ("They met on October 28, 2017 in Tokyo.", "en", None, [("October 28, 2017", "2017-10-28")]),
        ("The deal of 28 July 2017 stands.", "en", None, [("28 July 2017", "2017-07-28")]),
        ("Talks resumed in May.", "en", "2020-03-10", [("May", "2019-05")]),
        ("They may meet soon.", "en", "2020-03-10", []),  # the verb, not the month
        ("He sat. The Sun said so.", "en", "2020-03-10", []),  # not Saturday, not Sunday
        ("The ministers met on Saturday.", "en", "2025-06-02", [("Saturday", "2025-05-31")]),
        ("The talks ended yesterday.", "en", "2025-06-02", [("yesterday", "2025-06-01")]),
        ("Sanctions imposed in 2019 outlived the 2022 invasion.", "en", None, [("2019", "2019")]),
        ("وقع الوزيران الاتفاق في 28 يوليو 2017 في طهران", "ar", None, [("28 يوليو 2017", "2017-07-28")]),
        ("واجتمع في 5 تموز/يوليو 2018 مع نظيره", "ar", None, [("5 تموز/يوليو 2018", "2018-07-05")]),
        ("التقى الوزير أمس نظيره", "ar", "2018-06-10", [("أمس", "2018-06-09")]),
        ("واجتمع الوزيران يوم السبت", "ar", "2018-06-10", [("السبت", "2018-06-09")]),
        ("التقى أحد المسؤولين نظيره", "ar", "2018-06-10", []),  # "one of", not Sunday
    ],
)
def test_dates_in_text(text: str, lang: str, doc_date: str | None, expected: list[tuple[str, str]]) -> None:
    assert _resolved(text, lang, doc_date) == expected


def test_a_future_weekday_is_the_next_one() -> None:
    assert _resolved("He will travel on Monday.", "en", "2024-05-08", future=True) == [("Monday", "2024-05-13")]


def test_a_relative_date_without_a_document_date_stays_unresolved() -> None:
    assert _resolved("They met on Saturday.", "en", None) == [("Saturday", None)]


def test_dateline() -> None:
    assert document_date("WASHINGTON, Oct. 28, 2017 (Reuters) - The president said", "en") == "2017-10-28"
    assert document_date("الرياض - 28 يوليو 2017: قال الوزير", "ar") == "2017-07-28"
    assert document_date("The president said on Saturday.", "en") is None
    assert document_date("Published: 28 July 2017\nJapan met China.", "en") == "2017-07-28"
    assert document_date("On 28 July 2017, France criticized Iran.", "en") is None  # the event's date, not the page's


def test_legacy_resolve_of_sentence_words() -> None:
    assert resolve(["في", "28", "يوليو", "2017"], None) == "2017-07-28"


def test_event_date_precision_basis_and_place() -> None:
    ex = extract_text(
        "Japanese Defense Minister Gen Nakatani met Pete Hegseth on the sidelines of the Shangri-La Dialogue in "
        "Singapore on Saturday.\nJapan criticized China in 2019.\nJapan criticized North Korea.",
        lang="en", date="2025-06-02", model="none",
    )  # fmt: skip
    by = {(r.relation, r.object): r for r in ex.relations}
    met = by[("met", "gaz:person-pete-hegseth")]
    assert (met.date, met.date_precision, met.date_basis, met.place) == ("2025-05-31", "day", "relative",
                                                                          "gaz:country-sgp")
    year = by[("criticized", "gaz:country-chn")]
    assert (year.date, year.date_precision, year.date_basis, year.place) == ("2019", "year", "sentence", "")
    plain = by[("criticized", "gaz:country-prk")]
    assert (plain.date, plain.date_precision, plain.date_basis) == ("2025-06-02", "day", "document")


def test_arabic_event_place_through_a_proclitic() -> None:
    ex = extract_text("التقى وزير الخارجية السعودي فيصل بن فرحان بنظيره الإيراني عباس عراقجي بالدوحة أمس.", lang="ar",
                      date="2025-06-02")  # fmt: skip
    (met,) = [r for r in ex.relations if r.relation == "met"]
    assert met.place == "gaz:country-qat" and met.date == "2025-06-01"
