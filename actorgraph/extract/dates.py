"""Resolve the dates news sentences give (اليوم السبت, في مايو, on Saturday, in 2022) against the document date."""

from __future__ import annotations

import datetime as dt
import re

from actorgraph.extract.lang.ar.normalize import normalize

_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    normalize("الاثنين"): 0, normalize("الإثنين"): 0, normalize("الثلاثاء"): 1, normalize("الأربعاء"): 2,
    normalize("الخميس"): 3, normalize("الجمعة"): 4, normalize("السبت"): 5, normalize("الأحد"): 6,
}  # fmt: skip
_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    normalize("يناير"): 1, normalize("فبراير"): 2, normalize("مارس"): 3, normalize("أبريل"): 4, normalize("إبريل"): 4,
    normalize("مايو"): 5, normalize("يونيو"): 6, normalize("يوليو"): 7, normalize("أغسطس"): 8,
    normalize("سبتمبر"): 9, normalize("أكتوبر"): 10, normalize("نوفمبر"): 11, normalize("ديسمبر"): 12,
    normalize("كانون الثاني"): 1, normalize("شباط"): 2, normalize("آذار"): 3, normalize("نيسان"): 4,
    normalize("أيار"): 5, normalize("حزيران"): 6, normalize("تموز"): 7, normalize("آب"): 8, normalize("أيلول"): 9,
    normalize("تشرين الأول"): 10, normalize("تشرين الثاني"): 11, normalize("كانون الأول"): 12,
}  # fmt: skip
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")


def resolve(words: list[str], doc_date: str | None) -> str | None:
    """An ISO date (or year-month, or year) for the first date expression among normalised words."""
    anchor = None
    if doc_date:
        try:
            anchor = dt.date.fromisoformat(doc_date[:10])
        except ValueError:
            anchor = None
    for i, word in enumerate(words):
        bare = word[1:] if word.startswith(("ب", "و", "ف")) and word[1:] in _WEEKDAYS | _MONTHS else word
        if bare in _WEEKDAYS and anchor is not None:
            delta = (anchor.weekday() - _WEEKDAYS[bare]) % 7
            return (anchor - dt.timedelta(days=delta)).isoformat()
        if bare in _MONTHS and not (bare == "may" and words[i] != "may"):
            month = _MONTHS[bare]
            year_match = next((m for m in (_YEAR.fullmatch(w) for w in words[i + 1 : i + 3]) if m), None)
            if year_match:
                return f"{year_match.group(0)}-{month:02d}"
            if anchor is not None:
                year = anchor.year if month <= anchor.month else anchor.year - 1
                return f"{year}-{month:02d}"
        match = _YEAR.fullmatch(word)
        if match:
            return match.group(0)
    return None
