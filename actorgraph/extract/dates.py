"""Dates news text gives (28 July 2017 and its Arabic forms, on October 28, on Saturday, yesterday, in May,
in 2022), found with their spans and resolved against the document's date.

The words are data: ``lexicon/wordsets_<lang>_dates.tsv`` (months, weekdays, days relative to the
document, the words that make a bare month or year a date), read through the language profile.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser

from actorgraph.extract.lang import profile, read_wordsets

_TOKEN = re.compile(r"\d{4}-\d{2}-\d{2}|\w+\.?", re.UNICODE)
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_YEAR = re.compile(r"(1[89]\d\d|20\d\d)")
MONTHS = range(1, 13)
WEEKDAYS = range(7)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression in a text: ``value`` is ISO (day, year-month or year) once resolved."""

    start: int
    end: int
    value: str
    precision: str  # day | month | year
    relative: bool  # read against the document's date (a weekday, yesterday, a day or month without year)


@dataclass(frozen=True, slots=True)
class _Tok:
    text: str
    start: int
    end: int
    forms: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Words:
    lang: str
    months: dict[tuple[str, ...], int]
    weekdays: dict[str, int]
    days_ago: dict[str, int]
    year_markers: frozenset[str]
    month_markers: frozenset[str]
    by_first: dict[str, tuple[tuple[tuple[str, ...], int], ...]] = field(default_factory=dict)
    """first word of a month name → (name, month), longest first: a token is tried only against these"""
    month_words: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        first: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for phrase, month in sorted(self.months.items(), key=lambda pm: -len(pm[0])):
            first.setdefault(phrase[0], []).append((phrase, month))
        object.__setattr__(self, "by_first", {w: tuple(v) for w, v in first.items()})  # frozen: set once here
        object.__setattr__(self, "month_words", frozenset(w for phrase in self.months for w in phrase))


@lru_cache(maxsize=8)
def _words(lang: str) -> _Words:
    p = profile(lang)
    sets = read_wordsets(lang)
    months = {phrase: m for m in MONTHS for phrase in p.phrases(f"date_month_{m}")}
    weekdays = {w: d for d in WEEKDAYS for w in p.words(f"date_weekday_{d}")}
    ago = {w: int(name.rsplit("_", 1)[1]) for name in sets if name.startswith("date_days_ago_") for w in p.words(name)}
    return _Words(lang, months, weekdays, ago, p.words("date_year_marker"), p.words("date_month_marker"))


def _forms(lang: str, word: str) -> frozenset[str]:
    """A word as the profile compares it, and through its match keys (Arabic: every clitic reading, "in July",
    "and Saturday")."""
    from actorgraph.extract.lookup import lexicon_rules

    forms = {profile(lang).normalize(word.rstrip(".")), profile(lang).normalize(word)}
    return frozenset(forms | set(lexicon_rules(lang).token_keys(word)))


def _tokens(lang: str, text: str) -> list[_Tok]:
    return [_Tok(m.group(0), m.start(), m.end(), _forms(lang, m.group(0))) for m in _TOKEN.finditer(text)]


def _cased_ok(word: str) -> bool:
    """A month name in a cased script is capitalised ("May", not the verb "may")."""
    return word[:1].upper() == word[:1]


def _number(tok: _Tok | None, low: int, high: int) -> int | None:
    if tok is None:
        return None
    digits = tok.text.rstrip(".,")
    if not digits.isdigit():
        return None
    value = int(digits)
    return value if low <= value <= high else None


def _month_at(words: _Words, toks: list[_Tok], i: int) -> tuple[int, int] | None:
    """(month, tokens used) when a month name starts at ``i``."""
    candidates = [pm for form in toks[i].forms for pm in words.by_first.get(form, ())]
    for phrase, month in sorted(candidates, key=lambda pm: -len(pm[0])):
        span = toks[i : i + len(phrase)]
        matched = len(span) == len(phrase) and all(w in t.forms for w, t in zip(phrase, span, strict=True))
        if matched and _cased_ok(toks[i].text):
            return month, len(phrase)
    return None


def _end(lang: str, tok: _Tok, known: object) -> int:
    """Where a date word ends: with its period when the period is part of it ("Oct."), else before it."""
    if tok.text.endswith(".") and profile(lang).normalize(tok.text) not in known:  # type: ignore[operator]
        return tok.end - 1
    return tok.end


def _at(toks: list[_Tok], i: int) -> _Tok | None:
    return toks[i] if 0 <= i < len(toks) else None


def _absolute(words: _Words, toks: list[_Tok], i: int) -> tuple[DateMention, int] | None:
    """A date written with a month name or in ISO at token ``i``, with the index after it."""
    tok = toks[i]
    iso = _ISO.fullmatch(tok.text)
    if iso:
        return DateMention(tok.start, tok.end, tok.text, "day", False), i + 1
    found = _month_at(words, toks, i)
    if found is None:
        return None
    month, used = found
    after = i + used
    day_before = _number(_at(toks, i - 1), 1, 31)
    day_after = _number(_at(toks, after), 1, 31) if day_before is None else None
    if day_after is not None:
        after += 1
    year = _number(_at(toks, after), 1800, 2099)
    if year is None and after + 1 < len(toks) and _month_at(words, toks, after):
        # "28 July/Tammuz 2017" (Arabic gives both month names): a second month name between.
        year = _number(_at(toks, after + 1), 1800, 2099)
        after = after + 1 if year is not None else after
    start = toks[i - 1].start if day_before is not None else tok.start
    last = toks[after] if year is not None else toks[after - 1]
    end = _end(words.lang, last, words.month_words)  # "2017." ends a sentence; "Oct." not
    day = day_before or day_after
    if year is not None:
        after += 1
    if day is None and year is None:
        marker = _at(toks, i - 1)
        if marker is None or not (marker.forms & words.month_markers):
            return None
    parts = (f"{year:04d}" if year else "????", f"{month:02d}", f"{day:02d}" if day else "")
    value = "-".join(part for part in parts if part)
    return DateMention(start, end, value, "day" if day else "month", year is None), after


def find_dates(text: str, lang: str) -> list[DateMention]:
    """Date expressions of a text in order; relative ones hold ``????`` (year unknown), ``W<d>`` (a
    weekday, Monday 0) or ``D<n>`` (n days before the document date) until :func:`resolve_mention`."""
    return list(_find_dates(text, lang))


@lru_cache(maxsize=4096)
def _find_dates(text: str, lang: str) -> tuple[DateMention, ...]:
    """Cached: a sentence is read for dates by the relation frames and again for its events' dates."""
    return tuple(_scan_dates(text, lang))


def _scan_dates(text: str, lang: str) -> list[DateMention]:
    words = _words(lang)
    toks = _tokens(lang, text)
    out: list[DateMention] = []
    i = 0
    while i < len(toks):
        found = _absolute(words, toks, i)
        if found is not None:
            out.append(found[0])
            i = found[1]
            continue
        tok = toks[i]
        weekday = next((words.weekdays[f] for f in tok.forms if f in words.weekdays and _cased_ok(tok.text)), None)
        ago = next((words.days_ago[f] for f in tok.forms if f in words.days_ago), None)
        if weekday is not None:
            out.append(DateMention(tok.start, _end(lang, tok, words.weekdays), f"W{weekday}", "day", True))
        elif ago is not None:
            out.append(DateMention(tok.start, _end(lang, tok, words.days_ago), f"D{ago}", "day", True))
        elif _YEAR.fullmatch(tok.text.rstrip(".")) and i > 0 and toks[i - 1].forms & words.year_markers:
            out.append(DateMention(tok.start, tok.start + 4, tok.text[:4], "year", False))
        i += 1
    return out


def _anchor(doc_date: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((doc_date or "")[:10])
    except ValueError:
        return None


def resolve_mention(mention: DateMention, doc_date: str | None, future: bool = False) -> str | None:
    """The ISO value of a date mention, relative ones read against ``doc_date`` (a weekday: the last one
    on or before it, or the next one after it for a future event); None when it cannot be resolved."""
    value = mention.value
    anchor = _anchor(doc_date)
    if value[0] in "WD":
        if anchor is None:
            return None
        if value[0] == "D":
            return (anchor - dt.timedelta(days=int(value[1:]))).isoformat()
        weekday = int(value[1:])
        if future:
            return (anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7)).isoformat()
        return (anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)).isoformat()
    if value.startswith("????"):
        if anchor is None:
            return None
        month = int(value[5:7])
        day = int(value[8:10]) if len(value) >= 10 else 1
        year = anchor.year
        try:
            later = dt.date(year, month, day) > anchor + dt.timedelta(days=7)
        except ValueError:
            return None
        if later and not future:
            year -= 1
        return f"{year:04d}{value[4:]}"
    return value


_DATELINE_END = re.compile(r"\s*(?:$|\n|[-\u2013\u2014:(|])")


def document_date(text: str, lang: str, head: int = 400) -> str | None:
    """A dateline: a date with a day and a year in the first ``head`` characters that ends its line or is
    followed by a dash, colon, bar or parenthesis ("WASHINGTON, Oct. 28, 2017 (Reuters) -", "Published: 28
    July 2017"), not one inside a sentence ("On 28 July 2017, France ...": that is the event's)."""
    for mention in find_dates(text[:head], lang):
        if mention.precision == "day" and not mention.relative and _DATELINE_END.match(text, mention.end):
            try:
                return dt.date.fromisoformat(mention.value).isoformat()
            except ValueError:
                continue
    return None


def resolve(words: list[str], doc_date: str | None) -> str | None:
    """The first date among a sentence's words (normalised), resolved against the document's date."""
    text = " ".join(words)
    lang = "ar" if any(unicodedata.name(c, "").startswith("ARABIC") for c in text) else "en"
    for mention in find_dates(text, lang):
        value = resolve_mention(mention, doc_date)
        if value:
            return value
    return None


_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"(\d{4}-\d{2}-\d{2})')


class _PageDates(HTMLParser):
    """Publication dates a page declares: <meta property="article:published_time">, <time datetime>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: list[str] = []
        self.times: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k.lower(): v or "" for k, v in attrs}
        if tag == "meta":
            name = (found.get("property") or found.get("name") or found.get("itemprop") or "").lower()
            if name in read_wordsets("en").get("date_html_meta", ()) and found.get("content"):
                self.meta.append(found["content"])
        elif tag == "time" and found.get("datetime"):
            self.times.append(found["datetime"])


def html_date(page: str) -> str | None:
    """The publication date an HTML page declares (metadata, JSON-LD datePublished, the first <time>)."""
    parser = _PageDates()
    with contextlib.suppress(AssertionError, ValueError):  # malformed markup: what was read so far stands
        parser.feed(page[:200_000])
    jsonld = _JSONLD_DATE.search(page[:200_000])
    for value in (*parser.meta, *(m.group(1) for m in [jsonld] if m), *parser.times):
        iso = _ISO.match(value.strip())
        if iso:
            try:
                return dt.date(*map(int, iso.groups())).isoformat()
            except ValueError:
                continue
    return None
