"""Bytes of an article → text, or a one-line refusal. Nothing is guessed that was not checked.

1. A byte order mark says UTF-16 or UTF-8.
2. UTF-16 without a mark is taken when one byte of each pair is mostly 0 (Latin) or 6 (Arabic) and the
   decoded text is Arabic or English script.
3. Strict UTF-8. A few invalid bytes in text that is otherwise clearly UTF-8 become U+FFFD with a warning,
   never a switch to a legacy code page (one bad byte used to turn an Arabic article into cp1256 mojibake).
4. A legacy code page only when its reading passes a check of its script: Windows-1256 or ISO-8859-6 must
   read as plausible Arabic (letter frequencies, ``lexicon/letter_frequency_ar.tsv``), Windows-1252 or
   Latin-1 as mostly ASCII letters (Western text). GB18030 Chinese, say, passes neither and is refused.
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Callable
from functools import lru_cache

from actorgraph.ontology import LEXICON_DIR

_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_LETTER = re.compile(r"[^\W\d_]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# What UTF-16 text of our languages consists of: Arabic, ASCII, Latin-1, punctuation, white space.
_PLAUSIBLE = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff\t\n\r\x20-\x7e\u00a0-\u024f"
                        r"\u2000-\u206f\u20ac]")  # fmt: skip
# Control bytes that no text file has (tab, line feed, form feed, carriage return and escape aside).
_BINARY_BYTES = [bytes([b]) for b in range(32) if b not in (9, 10, 12, 13, 27)] + [b"\x7f"]
REPAIRABLE_SHARE = 1 / 20  # invalid UTF-8 sequences per valid non-ASCII character, at most, to repair
_ARABIC_PAGES = ("cp1256", "iso8859_6")
_WESTERN_PAGES = ("cp1252", "latin_1")
_AR_OTHER = math.log(0.001)  # tashkeel, tatweel, Arabic punctuation and digits
_NOT_ARABIC = math.log(0.00001)  # Latin-1 letters, C1 controls: what the wrong code page shows
# Mean log frequency per non-ASCII character a legacy reading needs to count as Arabic. Arabic read in its
# own code page scores about -3.1; Chinese (GB18030), Korean, Japanese or Russian read as Windows-1256
# score -4.7 (KOI8-R) to -10, and ISO-8859-6 Arabic read as Windows-1256 -5.9.
MIN_ARABIC_SCORE = -4.0


class DecodeError(ValueError):
    """The bytes are not text we can read; the message (without the file name) is one line."""


@lru_cache(maxsize=1)
def _arabic_log_frequency() -> dict[str, float]:
    path = LEXICON_DIR / "letter_frequency_ar.tsv"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return {row["letter"]: math.log(float(row["percent"]) / 100) for row in csv.DictReader(lines, delimiter="\t")}


def decode_bytes(data: bytes, warn: Callable[[str], None]) -> str:
    """The text of ``data``; ``warn(message)`` for a repair; DecodeError when it cannot be read."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise DecodeError("starts like UTF-16 but is not valid UTF-16 text") from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _repaired_utf8(data, warn) or _legacy(data)
    if text.count("\x00") > max(8, len(text) // 100):
        raise DecodeError("this looks like a binary file, not text")
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    if len(data) < 4 or len(data) % 2:
        return None
    for codec, high in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        if high.count(0) + high.count(6) < 0.6 * len(high):
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if len(_PLAUSIBLE.findall(text)) >= 0.95 * len(text):
            return text
    return None


def _repaired_utf8(data: bytes, warn: Callable[[str], None]) -> str | None:
    """UTF-8 with a few invalid sequences, each replaced by U+FFFD (with a warning); None when the bytes
    are not mostly UTF-8 (a legacy code page is tried next)."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    good = len(_NON_ASCII.findall(text)) - bad
    if good < 20 or bad > REPAIRABLE_SHARE * good:
        return None
    warn(f"{bad} invalid UTF-8 byte sequence{'s' * (bad != 1)} replaced by \ufffd")
    return text


def _legacy(data: bytes) -> str:
    controls = sum(data.count(b) for b in _BINARY_BYTES)
    if controls > max(8, len(data) // 100):
        raise DecodeError("this looks like a binary file, not text")
    text = _arabic_code_page(data) or _western_code_page(data)
    if text is None:
        raise DecodeError("cannot decode the text: not UTF-8 or UTF-16, and no Arabic or Western code page "
                          "reads it as Arabic or Latin-script text")  # fmt: skip
    return text


def _arabic_code_page(data: bytes) -> str | None:
    """The text read as Windows-1256 or ISO-8859-6, whichever is the more plausible Arabic; None when
    neither reading is mostly Arabic letters of Arabic frequencies (MIN_ARABIC_SCORE). The two put
    Arabic letters at different byte values, so text in one read in the other is still Arabic letters,
    only implausible ones (see the lexicon file)."""
    logp = _arabic_log_frequency()
    best, best_score = None, -math.inf
    sample = data[:100_000]
    for codec in _ARABIC_PAGES:
        try:
            text = sample.decode(codec)  # ISO-8859-6 leaves many bytes undefined: strict decoding rejects
        except UnicodeDecodeError:
            continue
        letters = len(_LETTER.findall(text))
        if not letters or len(_ARABIC.findall(text)) < 0.3 * letters:
            continue
        high = [c for c in text if c >= "\x80"]
        score = sum(logp.get(c, _AR_OTHER if _ARABIC.match(c) else _NOT_ARABIC) for c in high) / max(1, len(high))
        if score >= MIN_ARABIC_SCORE and score > best_score:
            best, best_score = codec, score
    if best is None:
        return None
    try:
        return data.decode(best)
    except UnicodeDecodeError:  # an undefined byte after the sample
        return None


def _western_code_page(data: bytes) -> str | None:
    """Windows-1252 (else Latin-1) when the reading is Western text: nearly all letters ASCII, a few
    accented ones. Text of another script read this way is mostly accented letters and symbols."""
    for codec in _WESTERN_PAGES:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        letters = len(_LETTER.findall(text))
        if letters and len(_ASCII_LETTER.findall(text)) >= 0.85 * letters:
            return text
    return None
