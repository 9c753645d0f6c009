"""Bad input: each file gives a correct result, or one ``Error:`` line and a non-zero exit, never a traceback;
and ingesting it into a store loses nothing the store held."""

from __future__ import annotations

import gzip
import json
import random
import time
import zlib
from pathlib import Path

import pytest

from actorgraph.extract import ExtractionError, extract_text
from actorgraph.extract.read import MAX_BYTES, MAX_CHARS, read_document
from tests.reliability.helpers import (
    ARTICLE_AR,
    ARTICLE_EN,
    MET_AR,
    MET_EN,
    assert_cli_error,
    assert_process_error,
    documents_of,
    index_is_consistent,
    invoke,
    meeting,
    run,
    snapshot,
    tsv_triples,
)

# --- inputs that cannot be read: one line, non-zero exit -------------------------------------------

_rng = random.Random(8)
BINARY = {
    "random.txt": _rng.randbytes(20_000),
    "elf.bin": b"\x7fELF\x02\x01\x01" + bytes(57) + _rng.randbytes(4000),
    "article.txt.gz": gzip.compress(ARTICLE_EN.encode() * 40),
    "image.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + zlib.compress(bytes(range(256)) * 40),
    "doc.pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Filter /FlateDecode >>\nstream\n"
    + zlib.compress(ARTICLE_EN.encode() * 40),
    "all_bytes.txt": bytes(range(256)) * 40,
    "zeros.txt": bytes(5000),
    "nul_ridden.txt": ("Nakatani\x00met\x00Hegseth\x00" * 200).encode(),
    "bad_utf16.txt": b"\xff\xfe" + "Nakatani met".encode("utf-16-le") + b"\x00\xd8A",  # lone surrogate, odd length
}

OTHER_LANGUAGES = {
    "french.txt": "Le président de la République a rencontré le ministre des affaires étrangères à Paris hier "
    "soir pour discuter de la situation au Proche-Orient.",
    "spanish.txt": "El presidente de México se reunió con el secretario de Estado en la capital para hablar de "
    "la crisis en la frontera.",
    "german.txt": "Der Bundeskanzler traf sich am Dienstag mit dem französischen Präsidenten in Berlin, um über "
    "die Lage in der Ukraine zu sprechen.",
    "russian.txt": "Президент России Владимир Путин встретился с министром иностранных дел Китая в Москве.",
    "chinese.txt": "中国外交部长王毅周二在北京会见了美国国务卿，双方就双边关系交换了意见。",
    "hebrew.txt": "ראש הממשלה נפגש עם שר החוץ האמריקאי בירושלים ביום שלישי.",
    "persian.txt": "رئیس جمهور ایران روز سه‌شنبه با وزیر امور خارجه چین در تهران دیدار کرد و گفت که این "
    "دیدار برای دو کشور مهم است.",
    "urdu.txt": "وزیر اعظم نے منگل کو اسلام آباد میں چینی وزیر خارجہ سے ملاقات کی اور کہا کہ یہ ملاقات اہم ہے۔",
}

UNREADABLE: list[tuple[str, bytes, str]] = [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\t\r\n  \n", "empty"),
    ("numbers.txt", "2025 - 17:30 | 3,400 (+2.5%) ... !!!\n١٢٣ ٤٥٦".encode(), "no letters"),
    ("only_html_chrome.html", b"<html><head><script>var a = 1;</script><style>p {}</style></head>"
     b"<body><nav>Home</nav><footer>(c)</footer></body></html>", "empty"),
    *[(name, data, "binary" if name != "bad_utf16.txt" else "UTF-16") for name, data in BINARY.items()],
    *[(name, text.encode(), "only Arabic and English are supported") for name, text in OTHER_LANGUAGES.items()],
]  # fmt: skip


@pytest.mark.parametrize(("name", "data", "needle"), UNREADABLE, ids=[u[0] for u in UNREADABLE])
def test_unreadable_input_is_a_one_line_error(tmp_path: Path, name: str, data: bytes, needle: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    line = assert_cli_error(invoke("extract", str(path)), needle)
    assert name in line  # the message says which file


def test_unreadable_input_from_stdin_is_a_one_line_error() -> None:
    assert_cli_error(invoke("extract", "-", input=BINARY["random.txt"]), "binary")
    assert_cli_error(invoke("extract", "-", input=OTHER_LANGUAGES["french.txt"]), "Latin-script")


def test_ingesting_unreadable_files_loses_nothing(tmp_path: Path, seeded_store: Path) -> None:
    before = snapshot(seeded_store)
    folder = tmp_path / "bad"
    folder.mkdir()
    names = []
    for name, data, _ in UNREADABLE:
        target = folder / (name if name.endswith((".txt", ".html")) else name + ".txt")  # collected by suffix
        target.write_bytes(data)
        names.append(target.name)
    result = invoke("ingest", str(folder), "--store", str(seeded_store))
    assert "Traceback" not in result.output
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped ")]
    assert sorted(Path(line.split(":", 1)[0].removeprefix("skipped ")).name for line in skipped) == sorted(names)
    assert result.stdout.startswith("0 new, 0 replaced, 0 unchanged")
    assert snapshot(seeded_store) == before


# --- a 50 MB file on one line ----------------------------------------------------------------------


def _one_line(size: int) -> bytes:
    sentence = ARTICLE_EN.strip().encode() + b" "
    return (sentence * (size // len(sentence) + 1))[:size]


def test_50_mb_single_line_is_refused_at_once(tmp_path: Path, seeded_store: Path) -> None:
    """Extraction time grows faster than the text: a 50 MB "article" would take hours. It is refused at
    once, before it is read (a size check), by a real process and by `ingest`."""
    big = tmp_path / "big.txt"
    big.write_bytes(_one_line(50 * 1024 * 1024))
    assert b"\n" not in big.read_bytes()[:1_000_000]
    start = time.monotonic()
    assert_process_error(run("extract", str(big), timeout=60), f"larger than {MAX_BYTES // (1024 * 1024)} MB")
    assert time.monotonic() - start < 30
    before = snapshot(seeded_store)
    result = invoke("ingest", str(big), "--store", str(seeded_store))
    assert "skipped" in result.stderr and "larger than" in result.stderr
    assert snapshot(seeded_store) == before


def test_50_mb_single_line_on_stdin_and_in_jsonl(tmp_path: Path, seeded_store: Path) -> None:
    data = _one_line(50 * 1024 * 1024)
    assert_cli_error(invoke("extract", "-", input=data), "larger than")
    jsonl = tmp_path / "one_record.jsonl"  # one JSON record on one 50 MB line
    jsonl.write_text(json.dumps({"text": data.decode(), "url": "https://example.org/big"}), "utf-8")
    before = snapshot(seeded_store)
    start = time.monotonic()
    result = invoke("ingest", str(jsonl), "--store", str(seeded_store))
    assert time.monotonic() - start < 60
    assert "skipped" in result.stderr and "split it" in result.stderr
    assert snapshot(seeded_store) == before


def test_text_over_the_article_limit_is_refused_after_decoding(tmp_path: Path) -> None:
    """Under the byte limit but more text than an article has (HTML pages are allowed their markup)."""
    path = tmp_path / "long.txt"
    path.write_bytes(_one_line(MAX_CHARS + 10_000))
    assert_cli_error(invoke("extract", str(path)), f"{MAX_CHARS:,}")
    page = tmp_path / "page.html"  # 2 MB of markup around one sentence is fine
    page.write_text("<html><body>" + "<div class='x'></div>" * 100_000 + f"<p>{ARTICLE_EN}</p></body></html>")
    result = invoke("extract", str(page))
    assert result.exit_code == 0 and MET_EN in tsv_triples(result.stdout)


def test_a_long_single_line_under_the_limit_is_extracted(tmp_path: Path) -> None:
    """100,000 characters of Arabic on one line (no line break anywhere): a correct result."""
    seed = ARTICLE_AR.strip() + " "
    path = tmp_path / "line.txt"
    path.write_text((seed * (100_000 // len(seed) + 1))[:100_000].rsplit(" ", 1)[0], "utf-8")
    result = invoke("extract", str(path), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert len(record["sentences"]) > 500  # sentences found without line breaks
    labels = {e["key"]: e["label_en"] for e in record["entities"]}
    met = {(labels[r["subject"]], labels[r["object"]]) for r in record["relations"] if r["relation"] == "met"}
    assert (MET_AR[0], MET_AR[2]) in met


# --- legacy Arabic encodings -------------------------------------------------------------------------

ARABIC_TEXTS = [
    ARTICLE_AR,
    "دمشق",  # one word: charset detection alone reads it in ISO-8859-6 as Windows-1256 (دهشâ)
    "قال الرئيس",  # and this as âان انرئêس
    "أعلنت الحكومة اليوم عن خطة جديدة.\nوقال المتحدث الرسمي إن الخطة تشمل عشرة مشاريع.",
]


@pytest.mark.parametrize("codec", ["cp1256", "iso8859_6", "utf-16", "utf-8-sig"])
@pytest.mark.parametrize("text", ARABIC_TEXTS, ids=["article", "one-word", "two-words", "two-lines"])
def test_arabic_in_legacy_and_unicode_encodings_is_decoded(tmp_path: Path, codec: str, text: str) -> None:
    path = tmp_path / "ar.txt"
    path.write_bytes(text.encode(codec))
    doc = read_document(path)
    assert doc.lang == "ar"
    assert doc.text == text  # exactly the article, in any encoding


@pytest.mark.parametrize("codec", ["cp1256", "iso8859_6"])
def test_legacy_arabic_article_is_extracted(tmp_path: Path, codec: str) -> None:
    path = tmp_path / f"{codec}.txt"
    path.write_bytes(ARTICLE_AR.encode(codec))
    result = invoke("extract", str(path))
    assert result.exit_code == 0 and MET_AR in tsv_triples(result.stdout)


def test_windows_1252_english_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    text = "Japanese Defense Minister Gen Nakatani met US Defense Secretary Pete Hegseth in Singapore \u2013 "
    path.write_bytes((text + "the minister\u2019s caf\u00e9 talk, said officials.").encode("cp1252"))
    doc = read_document(path)
    assert doc.lang == "en" and "minister\u2019s caf\u00e9" in doc.text


# --- HTML pages --------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Tokyo &amp; Washington talk defence</title>
<script>window.track("Pete Hegseth met Xi Jinping");</script>
<style>.byline { content: "Vladimir Putin met Kim Jong Un"; }</style></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Nakatani and Hegseth meet</h1>
<p>Japanese Defense Minister <b>Gen Nakatani</b> met US Defense Secretary <a href="/p/hegseth">Pete Hegseth</a>
in Singapore on Saturday.</p><p>The talks &ndash; held on the sidelines of the &quot;Shangri-La Dialogue&quot; &ndash;
lasted an hour.</p><!-- <p>Donald Trump met Vladimir Putin.</p> --></article>
<aside>Most read: Emmanuel Macron met Olaf Scholz</aside><footer>&copy; 2025 News</footer></body></html>
"""


def test_html_page_is_stripped_to_its_article(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, "utf-8")
    doc = read_document(path)
    assert doc.title == "Tokyo & Washington talk defence"
    assert "<" not in doc.text and "&ndash;" not in doc.text and "&quot;" not in doc.text
    assert "held on the sidelines of the \"Shangri-La Dialogue\" \u2013" in " ".join(doc.text.split())
    for hidden in ("window.track", "Xi Jinping", "Putin", "Macron", "Home", "\u00a9 2025"):
        assert hidden not in doc.text, hidden  # scripts, styles, comments, navigation, asides, footers
    result = invoke("extract", str(path))
    assert result.exit_code == 0
    pairs = {(s, o) for s, r, o in tsv_triples(result.stdout) if r == "met"}
    assert pairs == {("Gen Nakatani", "Pete Hegseth")}


def test_html_fragment_in_an_html_file_is_stripped(tmp_path: Path) -> None:
    path = tmp_path / "fragment.html"  # no <html>, no <body>: the file name says it is HTML
    path.write_text(f"<div><span>{ARTICLE_EN.strip()}</span></div>", "utf-8")
    assert "<" not in read_document(path).text
    assert MET_EN in tsv_triples(invoke("extract", str(path)).stdout)


def test_html_in_windows_1256(tmp_path: Path) -> None:
    path = tmp_path / "ar.html"
    path.write_bytes(f"<html><body><p>{ARTICLE_AR}</p><script>x()</script></body></html>".encode("cp1256"))
    doc = read_document(path)
    assert doc.text.strip() == ARTICLE_AR.strip()


# --- mixed scripts, control characters, long names ---------------------------------------------------


def test_mixed_arabic_and_english(tmp_path: Path) -> None:
    ar_major = tmp_path / "ar_major.txt"
    ar_major.write_text(ARTICLE_AR * 3 + ARTICLE_EN, "utf-8")
    en_major = tmp_path / "en_major.txt"
    en_major.write_text(ARTICLE_EN * 3 + "The banner read \u201c" + ARTICLE_AR.strip() + "\u201d.\n", "utf-8")
    for path, lang, expected in ((ar_major, "ar", MET_AR), (en_major, "en", MET_EN)):
        assert read_document(path).lang == lang
        result = invoke("extract", str(path), "--format", "jsonl")
        assert result.exit_code == 0
        record = json.loads(result.stdout)
        n = len(record["document"]["text"])
        assert all(0 <= r["start"] <= r["end"] <= n for r in record["relations"])
        assert expected in tsv_triples(invoke("extract", str(path)).stdout)


def test_nul_bytes_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes(ARTICLE_EN.replace("Gen ", "Gen\x00 ").replace(" met", "\x00 met").encode() + b"\x00\n")
    doc = read_document(path)
    assert "\x00" not in doc.text
    assert tsv_triples(invoke("extract", str(path)).stdout) == tsv_triples(extract_tsv(ARTICLE_EN))


BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


def test_bidi_controls_are_dropped(tmp_path: Path, seeded_store: Path) -> None:
    hostile = (
        "Japanese Defense Minister \u202eGen Nakatani\u202c met US Defense Secretary \u2067Pete\u2069 "
        "Hegseth\u200f in \u2066Singapore\u2069 on \u061cSaturday.\n"
    )
    path = tmp_path / "bidi.txt"
    path.write_text(hostile, "utf-8")
    doc = read_document(path)
    assert not set(doc.text) & set(BIDI)
    assert tsv_triples(invoke("extract", str(path)).stdout) == tsv_triples(extract_tsv(ARTICLE_EN))
    page = tmp_path / "bidi.html"
    page.write_text(f"<html><head><title>\u202eevil\u202c title</title></head><body><p>{hostile}</p></body></html>")
    doc = read_document(page)
    assert doc.title == "evil title" and not set(doc.text) & set(BIDI)
    before = snapshot(seeded_store)
    assert invoke("ingest", str(path), "--store", str(seeded_store)).stdout.startswith("1 new")
    after = snapshot(seeded_store)
    assert all(after[g] == triples for g, triples in before.items())
    assert not any(set(term) & set(BIDI) for triples in after.values() for t in triples for term in t)


def extract_tsv(text: str) -> str:
    from actorgraph.extract.formats import to_tsv

    return to_tsv(extract_text(text))


LONG_TOKEN = "Abcdefghij" * 1000  # one 10,000-letter word
LONG_NAME = " ".join(["Zebulon"] * 2000)  # a 16,000-character name of 2,000 words
LONG_AR = "ع" * 10_000


def test_extremely_long_names_in_articles(tmp_path: Path) -> None:
    """Articles naming someone with 10,000 characters: a correct result (offsets inside the text, and a
    name that is found is found whole), ingested next to the others."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "token.txt").write_text(f"{ARTICLE_EN}Defense Minister {LONG_TOKEN} met Pete Hegseth in Tokyo.\n")
    (folder / "words.txt").write_text(f"{ARTICLE_EN}Defense Minister {LONG_NAME} met Pete Hegseth in Tokyo.\n")
    (folder / "ar.txt").write_text(f"{ARTICLE_AR}والتقى الرئيس {LONG_AR} بوزير الخارجية الأمريكي ماركو روبيو.\n")
    for path in sorted(folder.iterdir()):
        result = invoke("extract", str(path), "--format", "jsonl")
        assert result.exit_code == 0, result.output
        record = json.loads(result.stdout)
        text = record["document"]["text"]
        for e in record["entities"]:
            assert all(text[m["start"] : m["end"]] == m["text"] for m in e["mentions"])
            assert len(e["label_en"]) < 100 or e["label_en"] in (LONG_TOKEN, LONG_NAME)  # whole, never cut
        assert all(0 <= r["start"] <= r["end"] <= len(text) for r in record["relations"])
        assert {MET_EN, MET_AR} & tsv_triples(invoke("extract", str(path)).stdout)
    store = tmp_path / "store"
    assert invoke("ingest", str(folder), "--store", str(store)).stdout.startswith("3 new")


def test_extremely_long_names_in_the_store_and_the_page(tmp_path: Path) -> None:
    """Labels of 10,000 and 16,000 characters: bounded IRIs, full labels in the store, found by `actors`
    and `explain`, shown truncated in the page."""
    from actorgraph.graph.store import ingest, open_store

    store = tmp_path / "store"
    sentence = f"Defense Minister {LONG_TOKEN} met {LONG_NAME} in Tokyo."
    with open_store(store) as db:
        ingest(db, [meeting(LONG_TOKEN, LONG_NAME, sentence, source="/corpus/long.txt", subject_ar=LONG_AR)])
    graphs = snapshot(store)
    iris = {term for triples in graphs.values() for t in triples for term in t if term.startswith("<")}
    assert max(len(iri) for iri in iris) < 200  # slugs of bounded length, whatever the name
    labels = {t[2] for triples in graphs.values() for t in triples if t[1].endswith("#prefLabel>")}
    assert {f'"{LONG_TOKEN}"@en', f'"{LONG_NAME}"@en', f'"{LONG_AR}"@ar'} <= labels
    listed = json.loads(invoke("actors", "Abcdefghij", "--store", str(store), "--format", "json").stdout)
    assert [a["label_en"] for a in listed] == [LONG_TOKEN]
    explained = invoke("explain", LONG_TOKEN, "met", LONG_NAME, "--store", str(store))
    assert explained.exit_code == 0 and sentence in explained.stdout
    page = tmp_path / "graph.html"
    assert invoke("render", "--store", str(store), "--out", str(page)).exit_code == 0
    html = page.read_text("utf-8")
    assert LONG_TOKEN[:500] in html and LONG_TOKEN not in html and LONG_NAME not in html


def test_lone_surrogates_in_jsonl_do_not_break_a_store(tmp_path: Path, seeded_store: Path) -> None:
    jsonl = tmp_path / "records.jsonl"
    record = json.dumps({"text": ARTICLE_EN.replace("Saturday", "Saturday \ud800"), "url": "https://x.org/1"})
    assert "\\ud800" in record
    jsonl.write_text(record + "\n", "utf-8")
    result = invoke("ingest", str(jsonl), "--store", str(seeded_store))
    assert result.stdout.startswith("1 new"), result.output
    texts = [t[2] for triples in snapshot(seeded_store).values() for t in triples if "sentenceText" in t[1]]
    assert any("Saturday \ufffd" in text for text in texts)


def test_line_endings_and_byte_order_marks(tmp_path: Path) -> None:
    for name, data in {
        "crlf.txt": ARTICLE_EN.replace("\n", "\r\n").encode(),
        "cr.txt": ARTICLE_EN.replace("\n", "\r").encode(),
        "bom8.txt": ARTICLE_EN.encode("utf-8-sig"),
        "utf16le.txt": ARTICLE_EN.encode("utf-16"),
        "utf16be.txt": b"\xfe\xff" + ARTICLE_EN.encode("utf-16-be"),
    }.items():
        path = tmp_path / name
        path.write_bytes(data)
        doc = read_document(path)
        assert doc.text == ARTICLE_EN, name
        assert MET_EN in tsv_triples(invoke("extract", str(path)).stdout), name


def test_extract_text_api_raises_only_extraction_error() -> None:
    for text in ("", "   ", "\x00" * 50, "12 34", OTHER_LANGUAGES["russian.txt"], "a" * (MAX_CHARS + 1)):
        with pytest.raises(ExtractionError):
            extract_text(text)
    with pytest.raises(ExtractionError, match="not supported"):
        extract_text(ARTICLE_EN, lang="fr")


def test_an_article_ending_on_a_dateline_is_extracted(tmp_path: Path, seeded_store: Path) -> None:
    """A dateline at the very end ("Reuters, Tokyo") once crashed the English extractor: now it extracts,
    and a corpus holding it goes in whole without touching what the store had."""
    path = tmp_path / "dateline.txt"
    path.write_text(ARTICLE_EN + "Reuters, Tokyo", "utf-8")
    result = invoke("extract", str(path))
    assert result.exit_code == 0, result.output
    assert MET_EN in tsv_triples(result.stdout)
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE_EN, "utf-8")
    before = snapshot(seeded_store)
    ingested = invoke("ingest", str(path), str(good), "--store", str(seeded_store))
    assert "Traceback" not in ingested.output
    assert ingested.stdout.startswith("2 new"), ingested.output
    after = snapshot(seeded_store)
    # Document graphs untouched; the actor-network index says what all the documents say.
    assert all(after[g] == t for g, t in documents_of(before).items())
    assert index_is_consistent(after)


def test_a_corpus_nothing_of_which_can_be_read_fails(tmp_path: Path, seeded_store: Path) -> None:
    """Each unreadable file is named once with its reason; when none could be read, the exit code says so
    (a script must not take an empty run for a good one), and the store keeps what it had."""
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    records = tmp_path / "records.jsonl"
    records.write_text('{"text": ""}\n', "utf-8")
    before = snapshot(seeded_store)
    for command in (["ingest", "--store", str(seeded_store)], ["build", "--out", str(tmp_path / "out"), "--no-html"]):
        result = invoke(*command, str(empty), str(records))
        assert result.exit_code == 1, result.output
        skipped = sorted(line.strip() for line in result.output.splitlines() if line.strip().startswith("skipped "))
        assert skipped == [f"skipped {empty}: the file is empty",
                           f"skipped {records}:1: no text (the field 'text' is missing or empty)"], skipped  # fmt: skip
        assert result.stderr.splitlines()[-1] == "Error: no article could be read (2 skipped)"
    assert snapshot(seeded_store) == before
