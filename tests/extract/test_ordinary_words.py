"""A title followed by ordinary Arabic words is not a person: function words with a clitic (والتي), verbs
(تلعب, سيقول), common nouns (وجهات, رئيس نقابة) and glossary words with a pronoun (وإدارته) end an unknown
name; real names that look like them (وليد, يوسف, حمادة, فيصل) do not."""

from __future__ import annotations

import pytest

from actorgraph.extract import extract_text
from actorgraph.extract.lang.ar.ordinary import ordinary_reading, person_words
from actorgraph.extract.pipeline import tables_for


@pytest.mark.parametrize(
    ("word", "why"),
    [
        ("والتي", "function"),  # و + التي
        ("والذي", "function"),
        ("نفسه", "function"),  # نفس + ه
        ("ولكنه", "function"),
        ("تلعب", "verb"),  # a present prefix on a verb of the lexicon
        ("سيقول", "verb"),  # the future س
        ("تنتخبه", "verb"),  # with an object pronoun
        ("أعلن", "verb"),  # a past lemma
        ("وجهات", "common"),  # و + a common noun
        ("نقابة", "common"),
        ("قوله", "common"),  # قول + ه "his saying"
        ("منافسه", "common"),  # a relational noun with its pronoun: "his rival"
        ("وإدارته", "common"),  # و + إدارة + ه
        ("وجيشه", "glossed"),  # و + جيش + ه, a word the glossary translates
    ],
)
def test_an_ordinary_word_and_why(word: str, why: str) -> None:
    assert ordinary_reading(tables_for("ar"), word) == why


@pytest.mark.parametrize(
    "word",
    [
        "وليد",
        "وصفي",
        "وئام",
        "ووارن",
        "يوسف",
        "يحيى",
        "ياسين",
        "يزيد",
        "تامر",
        "تركي",
        "توفيق",
        "حمادة",
        "مصطفى",
        "فيصل",
        "واجد",
    ],
)
def test_names_shaped_like_clitics_or_verbs_are_names(word: str) -> None:
    """و + a name, ي/ت + letters no verb of the lexicon has, a ta marbuta read as no pronoun."""
    assert ordinary_reading(tables_for("ar"), word) == ""


def test_no_word_of_a_known_name_reads_as_ordinary() -> None:
    """The word sets and the glossary against the gazetteer: no word of a known person's Arabic name is an
    ordinary word, even without the rule that exempts known names (so unknown names spelled alike survive)."""
    tables = tables_for("ar")
    words = person_words(tables)
    assert len(words) > 500
    clashes = {w: why for w in words if (why := ordinary_reading(tables, w, known=False))}
    assert clashes == {}


@pytest.mark.parametrize(
    "text",
    [
        "والتقى السفير الياباني وجهات حكومية أخرى في نيروبي.",
        "وقال رئيس نقابة الصحفيين إن المحادثات ستستأنف.",
        "ورحب السفير الأمريكي والتي تعمل سفارته في القاهرة بالقرار.",
        "وقال وزير الدفاع الكيني سيقول كلمته أمام البرلمان غدا.",
        "واتهم المتحدث باسم الجيش السوداني والذي يتحدث من بورتسودان قوات الدعم السريع بمهاجمة المدنيين.",
        "وأكد الرئيس الكيني وإدارته دعم المحادثات.",
    ],
)
def test_a_title_and_ordinary_words_make_no_person(text: str) -> None:
    x = extract_text(text, lang="ar", model="none")
    assert [e.label_ar for e in x.entities.values() if e.type == "Person" and e.key.startswith("new:")] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("قال وزير الخارجية الكيني وليد كاماو إن المحادثات ستستأنف.", "وليد كاماو"),
        ("والتقى السفير الياباني يوسف تاناكا وزير الخارجية الكيني.", "يوسف تاناكا"),
        ("وقال وزير الدفاع الكيني تامر حمادة إن القوات انسحبت.", "تامر حمادة"),
    ],
)
def test_a_title_and_a_name_shaped_like_them_is_a_person(text: str, name: str) -> None:
    x = extract_text(text, lang="ar", model="none")
    assert name in [e.label_ar for e in x.entities.values() if e.type == "Person"]


def test_a_relative_pronoun_or_a_lone_letter_ends_a_name() -> None:
    x = extract_text("وقال رئيس الحكومة جون موانغي اللذان التقيا أمس إن الخطة جاهزة.", lang="ar", model="none")
    assert [e.label_ar for e in x.entities.values() if e.type == "Person"] == ["جون موانغي"]
    y = extract_text("وقال الأمين العام ل ـ الاتحاد إن الخطة جاهزة.", lang="ar", model="none")
    assert [e for e in y.entities.values() if e.type == "Person" and e.key.startswith("new:")] == []
