"""Incidents: attacks, protests and arrests kept when a party is not named, with the frames' own modality."""

from __future__ import annotations

from actorgraph.extract import extract_text


def _incidents(text: str, lang: str = "en") -> list[tuple[str, str, str, str, str]]:
    x = extract_text(text, lang=lang, model="none")
    return [
        (x.entities[r.subject].label_en, r.relation, x.entities[r.object].label_en, r.modality, r.plover)
        for r in x.relations
        if r.rule.startswith("incident.")
    ]


def test_a_protest_without_a_target_is_against_the_government_where_it_happened() -> None:
    assert _incidents("Thousands of people demonstrated in Cairo on Friday.") == [
        ("Protesters (Egypt)", "protested", "Government (Egypt)", "asserted", "PROTEST")
    ]


def test_an_attack_with_no_named_party_is_an_unidentified_group_on_unidentified_victims() -> None:
    found = _incidents("Gunmen attacked a bus in Baghdad on Monday.")
    assert found == [
        ("Unidentified armed group (Iraq)", "attacked", "Unidentified victims (Iraq)", "asserted", "ASSAULT")
    ]


def test_a_named_agent_stays_and_a_place_is_not_a_party() -> None:
    found = _incidents("Serb forces killed three men in a village in southern Serbia on Friday.")
    assert [o for _s, _r, o, _m, _p in found] == ["Unidentified victims (Serbia)"]  # Serbia is the place
    assert not any(s.startswith("Unidentified") for s, *_x in found)  # the named agent stays


def test_purpose_and_capability_are_not_events() -> None:
    assert _incidents("Japan plans to acquire capabilities to strike enemy bases in China.") == []


def test_the_frames_mood_governs_an_incident() -> None:
    found = _incidents("Officials said police may have attacked protesters in Cairo.")
    assert found and all(m == "hedged" for *_x, m, _p in found)


def test_no_incident_where_the_frames_coded_the_sentence() -> None:
    x = extract_text("Russia attacked Ukraine in Kyiv on Monday.", lang="en", model="none")
    assert [r.rule for r in x.relations if r.plover == "ASSAULT"] and not any(
        r.rule.startswith("incident.") for r in x.relations
    )


def test_arabic_incident_after_an_occasion_word() -> None:
    found = _incidents("قتل 18 شخصا في انفجار في بغداد امس.", lang="ar")
    assert any(p == "ASSAULT" and "(Iraq)" in s for s, _r, _o, _m, p in found), found


def _types(text: str, lang: str = "ar") -> set[str]:
    return {r.plover for r in extract_text(text, lang=lang, model="none").relations if r.plover}


def test_arabic_attack_in_words_is_criticism_not_assault() -> None:
    # hajama ... qa'ilan: a speech participle in the clause makes the attack one of words
    assert "ASSAULT" not in _types("وهاجم وزير الخارجية الإيراني عباس عراقجي الولايات المتحدة قائلا إن سياستها فاشلة.")
    assert "ASSAULT" not in _types("وقد شكر عبد القادر محاميه، ولكنه هاجم السلطات المصرية على التعامل معه.")


def test_arabic_background_is_no_new_incident() -> None:
    assert _incidents("ومثل أمس أمام المحكمة في القاهرة ثلاثة متهمين في قضية خطف رجل أعمال.", "ar") == []  # a case
    assert _incidents("وفور الإعلان عن قتل الرهينة في العراق أمس، بدأت المفاوضات.", "ar") == []  # a verbal noun
    assert _incidents("وقتل 16 ألف شخص في الهند في كارثة تسونامي.", "ar") == []  # a disaster
    assert _incidents("هل قتل مسلحون الرهائن في بغداد أمس؟", "ar") == []  # a question


def test_arabic_subjected_to_an_attack_befell_the_one_named_before() -> None:
    found = _incidents("وتعرضت دورية للجيش العراقي أمس لهجوم بعبوة ناسفة في الموصل.", "ar")
    assert found == [("Unidentified armed group (Iraq)", "attacked", "Iraq", "asserted", "ASSAULT")], found


def test_arabic_unnamed_gunmen_after_that_are_a_report() -> None:
    # an (that) before the subject is no subjunctive; the gunmen make the incident news though nobody is named
    found = _incidents("وأفادت الشرطة أن مسلحين مجهولين خطفوا مهندسا في بغداد.", "ar")
    assert found == [
        ("Unidentified armed group (Iraq)", "attacked", "Unidentified victims (Iraq)", "asserted", "ASSAULT")
    ], found


def test_arabic_incident_naming_nobody_needs_a_time_or_toll() -> None:
    assert _incidents("وكثر خطف رجال الأعمال في العراق.", "ar") == []  # a trend, with no when or toll
    assert _incidents("وكثر خطف رجال الأعمال في العراق أمس.", "ar")  # yesterday: news
    assert _incidents("وخطف رجال أعمال في العراق.", "ar") == []
    assert _incidents("وخطف رجال أعمال في العراق أمس.", "ar")


def test_arabic_a_wish_an_intention_or_an_alleged_involvement_is_no_incident() -> None:
    assert "ASSAULT" not in _types("واعتقلت الشرطة رجلين أرادوا خطف سائح في القاهرة أمس.")  # a wish (the arrest stays)
    assert _incidents("وقالت الشرطة إن المسلحين يعتزمون خطف مهندس في بغداد أمس.", "ar") == []  # an intention
    assert _incidents("وقال إن الرجل كان متورطا في خطف مهندس في بغداد أمس.", "ar") == []  # an involvement
    assert _incidents("وقالوا إن خلية في بغداد كانت وراء خطف مهندس أمس.", "ar") == []  # responsibility


def test_arabic_irrealis_word_behind_a_conjunction() -> None:
    # wa-kay: a purpose, read through its conjunction as kay alone
    assert _incidents("وأرسلوا الأسلحة أمس وكي يقتل المسلحون الجنود في بغداد.", "ar") == []


def test_arabic_went_on_strike_is_a_protest_not_a_blow() -> None:
    # adraba as written (a protest row) before the 1st person of yadribu (an assault row)
    assert "ASSAULT" not in _types("أضرب عمال الموانئ في مصر أمس احتجاجا على الأجور.")


def test_arabic_attack_told_in_the_present_is_a_habit_without_a_time_or_toll() -> None:
    assert _incidents("وقال إن العصابات تخطف الجنود العراقيين على الطرق.", "ar") == []  # a habit
    assert _incidents("وقال إن العصابات خطفت الجنود العراقيين على الطرق.", "ar")  # the past: a report
    assert _incidents("وقال إن العصابات تخطف الجنود العراقيين على الطرق منذ أمس.", "ar")  # yesterday: news
    assert _incidents("ويتظاهر أنصار حزب الوفد ضد الحكومة المصرية في القاهرة.", "ar")  # a protest goes on


def test_arabic_idioms_of_striking_and_snatching_are_no_attack() -> None:
    assert _incidents("وضربت قوات الأمن حراسة مشددة حول السفارة الأمريكية في بغداد أمس.", "ar") == []  # a guard
    assert _incidents("وضربت الشرطة طوقا أمنيا حول المبنى في بغداد أمس.", "ar") == []  # a cordon
    assert _incidents("وخطف الموت الشاعر المصري أحمد فؤاد في القاهرة أمس.", "ar") == []  # death snatched him


def test_arabic_an_act_told_as_years_old_is_no_news() -> None:
    assert _incidents("وقتل ثلاثة جنود في هجوم انتحاري في بغداد قبل أربعة أعوام.", "ar") == []  # years ago
    assert _incidents("وقتل ثلاثة جنود في هجوم انتحاري في بغداد في أواخر التسعينات.", "ar") == []  # a decade
    assert _incidents("وقتل ثلاثة جنود في هجوم انتحاري في بغداد قبل أربعة أيام.", "ar")  # days ago: news


def test_arabic_an_assassination_named_as_a_noun_is_a_topic() -> None:
    # the attack after it is its means, told as background; surviving an attempt is an occasion
    assert _incidents("وأثار اغتيال الوزير في هجوم انتحاري يوم الخميس أعمال عنف في بغداد.", "ar") == []
    assert _incidents("ونجا الوزير من محاولة اغتيال في هجوم انتحاري في بغداد أمس.", "ar")


def test_arabic_a_bare_conjunct_shares_the_reading_of_the_trigger_before() -> None:
    # li-khatf wa-dhabh: a purpose twice; a conjugated verb after a report stays a report
    assert _incidents("وأرسلت الجماعة رجلين إلى بغداد أمس لخطف وذبح أحد الأطباء.", "ar") == []
    assert _incidents("وخطف مسلحون طبيبا وذبحوه في بغداد أمس.", "ar")


def test_arabic_subject_to_attack_in_the_present_is_a_habit() -> None:
    assert _incidents("وقال إن الجيش العراقي يتعرض لهجمات متكررة في الموصل.", "ar") == []  # is subject to
    assert _incidents("وتعرض الجيش العراقي لهجمات متكررة في الموصل.", "ar")  # was subjected to: a report


def test_arabic_the_actor_after_a_verbal_noun_or_after_unnamed_doers_is_the_patient() -> None:
    found = _incidents("وأعلنت جماعة مسؤوليتها عن خطف اربعة اميركيين في بغداد أمس.", "ar")  # the kidnapping of
    assert [(s, o) for s, _r, o, _m, _p in found] == [("Unidentified armed group (United States)", "United States")]
    found = _incidents("وقالت الشرطة ان مسلحين خطفوا الصحفي الفرنسي في بغداد أمس.", "ar")  # gunmen kidnapped
    assert [o for _s, _r, o, _m, _p in found] == ["France"], found


def test_arabic_a_nationality_with_the_accusative_alef_is_an_actor() -> None:
    # musawwiran faransiyyan "a French photographer": an adjective may end in the tanween alef; a name may not
    found = _incidents("وخطف مسلحون مصورا فرنسيا في الصومال أمس.", "ar")
    assert [o for _s, _r, o, _m, _p in found] == ["France"], found
    x = extract_text("وقدمت الحكومة المصرية دعما ماليا للشركات أمس.", lang="ar", model="none")
    assert "Mali" not in {e.label_en for e in x.entities.values()}  # maliyyan "financially"


def test_arabic_a_condition_hedges_the_act() -> None:
    # idha / law: "Tehran will respond if Israel attacks Iran" asserts no attack (as English "if")
    for text in (
        "وقال الوزير إن طهران سترد بقوة إذا هاجمت إسرائيل إيران.",
        "وقال إن طهران كانت سترد لو هاجمت إسرائيل إيران.",
    ):
        x = extract_text(text, lang="ar", model="none")
        assert [r.modality for r in x.relations if r.plover == "ASSAULT"] == ["hedged"], text
    x = extract_text("وهاجمت إسرائيل إيران أمس.", lang="ar", model="none")
    assert [r.modality for r in x.relations if r.plover == "ASSAULT"] == ["asserted"]
