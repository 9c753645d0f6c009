"""Turn bytes from a file into a clean ``Document``: decode, strip HTML, mask boilerplate, detect language.

Boilerplate lines are replaced by spaces of the same length rather than removed, so that character offsets
in the document text are offsets in the decoded article.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

from actorgraph.extract.records import Document

MAX_BYTES = 64 * 1024 * 1024
SUPPORTED = ("ar", "en")


class ExtractionError(ValueError):
    """Input we cannot read: the message is meant for the user, one line."""


_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
_LETTER = re.compile(r"[^\W\d_]")
# Bidi controls and other invisible format characters that hostile or sloppy text carries.
_CONTROL = re.compile("[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069\u200e\u200f\ufeff]")
_EN_STOP = frozenset(["the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "as", "was", "by", "at", "said", "from", "his", "her", "it"])
_ISO_DATE = re.compile(r"\b(20\d\d|19\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b")


def decode(data: bytes, source: str = "") -> str:
    """Bytes → text: UTF-8 (with or without BOM), UTF-16 with BOM, else a detected legacy encoding."""
    name = source or "input"
    if not data.strip():
        raise ExtractionError(f"{name}: the file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _decode_legacy(data, name)
    if text.count("\x00") > max(8, len(text) // 100):
        raise ExtractionError(f"{name}: this looks like a binary file, not text")
    return text


def _decode_legacy(data: bytes, name: str) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["cp1256", "iso8859_6", "cp1252", "latin_1"]).best()
    if best is None:
        raise ExtractionError(f"{name}: cannot decode the text (not UTF-8 and no known encoding fits)")
    text = str(best)
    bad = sum(1 for c in text if unicodedata.category(c) in ("Cc", "Co", "Cn") and c not in "\n\r\t")
    if bad > max(8, len(text) // 50):
        raise ExtractionError(f"{name}: this looks like a binary file, not text")
    return text


class _TextExtractor(HTMLParser):
    _SKIP = {"script", "style", "noscript", "template", "svg", "head", "nav", "footer", "aside", "form"}
    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
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
        return "ar"
    if latin >= 0.5 * letters:
        words = re.findall(r"[a-z']+", sample.lower())
        if len(words) < 12 or sum(w in _EN_STOP for w in words) / len(words) >= 0.08:
            return "en"
        raise ExtractionError("the text is in a Latin-script language other than English: only Arabic and English are supported")
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
    for line, bare in zip(lines, stripped):
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
    text: str, *, lang: str | None = None, source: str = "", date: str | None = None, raw: bytes | None = None
) -> Document:
    title = ""
    if looks_like_html(text):
        text, title = html_to_text(text)
    text = clean_text(text)
    if not text.strip():
        raise ExtractionError(f"{source or 'input'}: the text is empty")
    if lang is None:
        lang = detect_language(text)
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
        date=date or find_date(text),
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
    return make_document(text, lang=lang, source=name, date=date, raw=data)
