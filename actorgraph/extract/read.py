"""Turn bytes from a file into a clean ``Document``: decode, strip HTML, mask boilerplate, detect language.

Boilerplate lines are replaced by spaces of the same length rather than removed, so that character offsets
in the document text are offsets in the decoded article.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import re
import stat
import unicodedata
import warnings
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

from actorgraph.extract.dates import html_date
from actorgraph.extract.decode import DecodeError, decode_bytes
from actorgraph.extract.records import Document
from actorgraph.ontology import LEXICON_DIR

# Limits on one article. Extraction time grows faster than linearly with a document's length, so a file
# that is no article (a 50 MB dump on one line, a whole corpus pasted into one file) gets a clear error
# at once instead of hours of work: MAX_BYTES before anything is read (HTML pages carry markup and
# scripts), MAX_CHARS of text once decoded and stripped (about 50,000 words, far above a long feature).
MAX_BYTES = 16 * 1024 * 1024
MAX_CHARS = 300_000
SUPPORTED = ("ar", "en")


class ExtractionError(ValueError):
    """Input we cannot read: the message is meant for the user, one line."""


class InputWarning(UserWarning):
    """Input read with a repair the user should know of (a date dropped, bytes replaced): one line. Issued
    with :func:`warnings.warn`; corpus runs collect them per document (``sources.read_chunk``)."""


def warn(message: str) -> None:
    warnings.warn(message, InputWarning, stacklevel=2)


_ISO_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?=$|[T ]\d)")


def show_warnings_as_lines() -> None:
    """Print InputWarnings as ``warning: MESSAGE`` on stderr (the CLI), not Python's two-line form."""
    import sys

    default = warnings.showwarning

    def show(message: Warning | str, category: type[Warning], *args: object, **kwargs: object) -> None:
        if issubclass(category, InputWarning):
            sys.stderr.write(f"warning: {message}\n")
        else:
            default(message, category, *args, **kwargs)  # type: ignore[arg-type]

    warnings.showwarning = show


def checked_date(value: str | None, name: str = "input", *, quiet: bool = False) -> str | None:
    """``value`` when it is an ISO date, year-month or year (a time may follow) that exists; else None
    with an InputWarning. Checked here, at the input, so that no ill-typed xsd:date reaches the store
    (rdflib logs a traceback for each, and SHACL then fails the build)."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    m = _ISO_PREFIX.match(text)
    try:
        if not m:
            raise ValueError("not YYYY-MM-DD")
        year, month, day = m.groups()
        if int(year) < 1:
            raise ValueError("year 0")
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        if not quiet:
            warn(f"{name}: the date {text[:40]!r} is not a valid date (YYYY-MM-DD): it is left out")
        return None
    return text


_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_LETTER = re.compile(r"[^\W\d_]")
# Bidi controls and other invisible format characters that hostile or sloppy text carries.
_CONTROL = re.compile(
    r"[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u061c\u202a-\u202e\u2066-\u2069\u200e\u200f\ufeff]"
)
# Lone surrogates (JSON "\\ud800" decodes to one) cannot be encoded, stored or hashed.
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


@lru_cache(maxsize=1)
def _function_words() -> dict[str, frozenset[str]]:
    """``lexicon/language_detection.tsv``: set name (english, other_latin, arabic, persian_urdu) → words."""
    path = LEXICON_DIR / "language_detection.tsv"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    sets: dict[str, set[str]] = {}
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        sets.setdefault(row["set"], set()).add(row["word"])
    return {name: frozenset(words) for name, words in sets.items()}


@lru_cache(maxsize=1)
def _html_tags() -> dict[str, frozenset[str]]:
    """``lexicon/html_tags.tsv``: role (skip, block) → tags."""
    path = LEXICON_DIR / "html_tags.tsv"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    roles: dict[str, set[str]] = {}
    for row in csv.DictReader(lines, delimiter="\t"):
        roles.setdefault(row["role"], set()).add(row["tag"])
    return {role: frozenset(tags) for role, tags in roles.items()}


_ISO_DATE = re.compile(r"\b(20\d\d|19\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b")


def decode(data: bytes, source: str = "") -> str:
    """Bytes → text (``extract.decode``): UTF-8, UTF-16 with or without BOM, or a legacy Arabic or Western
    code page whose reading passes a check of its script. A repair (invalid UTF-8 bytes replaced) is an
    InputWarning naming the file; what cannot be read is an ExtractionError."""
    name = source or "input"
    if not data.strip():
        raise ExtractionError(f"{name}: the file is empty")
    try:
        return decode_bytes(data, lambda message: warn(f"{name}: {message}"))
    except DecodeError as err:
        raise ExtractionError(f"{name}: {err}") from None


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._SKIP, self._BLOCK = _html_tags()["skip"], _html_tags()["block"]
        self.parts: list[str] = []
        self.skip = 0
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        if tag in self._SKIP and tag != "head":
            self.skip += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in self._SKIP and tag != "head":
            self.skip = max(0, self.skip - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
            return
        if not self.skip:
            self.parts.append(data)


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or ("<p>" in head and "</p>" in head) or "<body" in head


def html_to_text(text: str) -> tuple[str, str]:
    """Visible text of an HTML page, one block a line, and its <title>."""
    parser = _TextExtractor()
    parser.feed(text)
    parser.close()
    body = "".join(parser.parts)
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in body.splitlines()]
    cleaned = "\n".join(line for line in lines if line)
    return cleaned, parser.title.strip()


def clean_text(text: str) -> str:
    """Normalise to NFC, drop control and bidi characters, unify line ends."""
    text = _SURROGATE.sub("\ufffd", text)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _CONTROL.sub("", text)


def detect_language(text: str) -> str:
    """'ar' or 'en' by script and a few function words; raise for anything else."""
    sample = text[:200_000]
    arabic = len(_ARABIC.findall(sample))
    latin = len(_LATIN.findall(sample))
    letters = len(_LETTER.findall(sample))
    if letters == 0:
        raise ExtractionError("no letters in the text: nothing to extract")
    if arabic >= 0.3 * letters:
        # Persian and Urdu are written in the Arabic script too; their function words tell them apart.
        words = _WORD.findall(sample)
        other = sum(w in _function_words()["persian_urdu"] for w in words)
        if other >= 2 and other > sum(w in _function_words()["arabic"] for w in words):
            raise ExtractionError(
                "the text is in Persian, Urdu or another language written in Arabic script: "
                "only Arabic and English are supported"
            )
        return "ar"
    if latin >= 0.5 * letters:
        # English unless another language's function words outnumber English ones, or a text of many
        # different words has hardly any of ours. Headlines and short news sentences have few function
        # words of any kind; a name repeated or 2,000 words long is no reason to refuse an article.
        words = _WORD.findall(sample.lower())
        en_words, other_words = _function_words()["english"], _function_words()["other_latin"]
        english = sum(w in en_words for w in words)
        other = sum(w in other_words for w in words)
        distinct = set(words)
        if (other >= 2 and other > english) or (len(distinct) >= 30 and len(distinct & en_words) < 2):
            raise ExtractionError(
                "the text is in a Latin-script language other than English: only Arabic and English are supported"
            )
        return "en"
    raise ExtractionError("the text is not in Arabic or English: only Arabic and English are supported")


def mask_boilerplate(text: str, lang: str) -> str:
    """Blank out boilerplate lines and captions repeated on their own lines, keeping offsets."""
    from actorgraph.ontology.lexicon import boilerplate

    known = boilerplate().get(lang, frozenset()) | boilerplate().get("en", frozenset())
    lines = text.split("\n")
    stripped = [line.strip() for line in lines]
    counts: dict[str, int] = {}
    for line in stripped:
        if line:
            counts[line] = counts.get(line, 0) + 1
    out = []
    for line, bare in zip(lines, stripped, strict=True):
        words = len(bare.split())
        repeated = counts.get(bare, 0) > 1 and words <= 12
        if bare and (bare in known or bare.rstrip(":：.") in known or repeated):
            out.append(" " * len(line))
        else:
            out.append(line)
    return "\n".join(out)


def find_date(text: str) -> str | None:
    match = _ISO_DATE.search(text[:3000])
    return match.group(0) if match else None


def make_document(
    text: str,
    *,
    lang: str | None = None,
    source: str = "",
    date: str | None = None,
    raw: bytes | None = None,
    html: bool | None = None,
) -> Document:
    """Clean text (or an HTML page: ``html`` None means "detect it") → a Document; ExtractionError when
    there is nothing to read, too much of it, or a language we do not support."""
    name = source or "input"
    if len(text) > MAX_BYTES:  # before the work below, which is linear but not free on 50 MB
        raise ExtractionError(f"{name}: {len(text):,} characters; an article may have {MAX_CHARS:,}: split it")
    title = ""
    if html or (html is None and looks_like_html(text)):
        date = date or html_date(text)  # article:published_time, <time datetime>, JSON-LD datePublished
        text, title = html_to_text(text)
        title = " ".join(clean_text(title).split())
    text = clean_text(text)
    if not text.strip():
        raise ExtractionError(f"{name}: the text is empty")
    if len(text) > MAX_CHARS:
        raise ExtractionError(f"{name}: {len(text):,} characters; an article may have {MAX_CHARS:,}: split it")
    if lang is None:
        try:
            lang = detect_language(text)
        except ExtractionError as err:
            raise ExtractionError(f"{name}: {err}") from None
    elif lang not in SUPPORTED:
        raise ExtractionError(f"language {lang!r} is not supported (use ar or en)")
    body = mask_boilerplate(text, lang)
    digest = hashlib.sha256(raw if raw is not None else text.encode("utf-8")).hexdigest()
    return Document(
        id=digest[:16],
        text=body,
        lang=lang,
        source=source,
        title=title,
        date=checked_date(date, name) or checked_date(find_date(text), name, quiet=True),
        raw_sha256=digest,
    )


def read_document(path: Path | str, *, lang: str | None = None, date: str | None = None) -> Document:
    """Read one article file (``-`` for stdin)."""
    import sys

    name = str(path)
    try:
        if name == "-":
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
        else:
            p = Path(path)
            if p.is_dir():
                raise ExtractionError(f"{name}: is a folder, not a file")
            info = p.stat()
            if not stat.S_ISREG(info.st_mode):  # reading a FIFO with no writer would wait forever
                kind = "a FIFO (named pipe)" if stat.S_ISFIFO(info.st_mode) else "a device or socket"
                raise ExtractionError(f"{name}: is {kind}, not a file (give - to read standard input)")
            if info.st_size > MAX_BYTES:  # without reading it
                raise ExtractionError(f"{name}: larger than {MAX_BYTES // (1024 * 1024)} MB; split it into articles")
            with p.open("rb") as handle:
                data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise ExtractionError(f"{name}: no such file") from None
    except PermissionError:
        raise ExtractionError(f"{name}: permission denied") from None
    except IsADirectoryError:
        raise ExtractionError(f"{name}: is a folder, not a file") from None
    if len(data) > MAX_BYTES:
        raise ExtractionError(f"{name}: larger than {MAX_BYTES // (1024 * 1024)} MB; split it into articles")
    text = decode(data, name)
    html = True if Path(name).suffix.lower() in (".html", ".htm") else None  # also a page without <html>
    return make_document(text, lang=lang, source=name, date=date, raw=data, html=html)
