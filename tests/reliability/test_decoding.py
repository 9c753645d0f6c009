"""Finding 11 of issue 19: silently wrong decoding. A few bad bytes in UTF-8 are repaired with a warning,
not read as cp1256; a legacy code page is taken only when its reading is Arabic or Western text; UTF-16
without a byte order mark is read."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability.helpers import (
    ARTICLE_AR,
    ARTICLE_EN,
    MET_AR,
    MET_EN,
    SEED_AR,
    assert_process_error,
    run,
    tsv_triples,
)

CHINESE = "中华人民共和国外交部长王毅今天在北京会见了美国国务卿鲁比奥，双方就中美关系交换了意见。\n" * 3
KOREAN = "한국 외교부 장관은 오늘 서울에서 미국 국무장관과 회담했다.\n" * 3
RUSSIAN = "Министр иностранных дел России встретился сегодня в Москве с госсекретарем США.\n" * 3


def _extract(tmp_path: Path, data: bytes, name: str = "article.txt") -> tuple[int, str, str]:
    path = tmp_path / name
    path.write_bytes(data)
    proc = run("extract", str(path), "--model", "none")
    return proc.returncode, proc.stdout, proc.stderr


def test_one_invalid_byte_in_utf8_arabic_is_repaired_with_a_warning(tmp_path: Path) -> None:
    raw = ARTICLE_AR.encode("utf-8")
    cut = raw.index("الثلاثاء".encode())  # a stray byte before the last word (which it spoils)
    damaged = raw[:cut] + b"\xff" + raw[cut:]
    code, out, err = _extract(tmp_path, damaged)
    assert code == 0, err
    assert MET_AR in tsv_triples(out), out  # read as UTF-8: the relation is found
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines == [f"warning: {tmp_path / 'article.txt'}: 1 invalid UTF-8 byte sequence replaced by \ufffd"]


def test_a_few_invalid_bytes_in_a_long_utf8_article_are_repaired(tmp_path: Path) -> None:
    raw = SEED_AR.read_bytes()
    ends = [i for i, b in enumerate(raw) if b == 0x0A]
    damaged = raw
    for at in sorted((ends[len(ends) // 4], ends[len(ends) // 2], ends[3 * len(ends) // 4]), reverse=True):
        damaged = damaged[:at] + b"\xfe" + damaged[at:]  # a stray byte at the end of three lines
    code, out, err = _extract(tmp_path, damaged)
    assert code == 0 and "3 invalid UTF-8 byte sequences replaced" in err, err
    assert len(tsv_triples(out)) >= 10


@pytest.mark.parametrize(("text", "codec"), [(CHINESE, "gb18030"), (CHINESE, "big5"), (KOREAN, "euc-kr"),
                                             (RUSSIAN, "koi8_r"), (RUSSIAN, "cp1251")])  # fmt: skip
def test_text_of_another_script_in_a_legacy_encoding_is_refused(tmp_path: Path, text: str, codec: str) -> None:
    code, out, err = _extract(tmp_path, text.encode(codec, "ignore"))
    assert_process_error_parts(code, out, err, "cannot decode")


def assert_process_error_parts(code: int, out: str, err: str, needle: str) -> None:
    import subprocess

    assert_process_error(subprocess.CompletedProcess([], code, out, err), needle)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(("text", "triple"), [(ARTICLE_AR, MET_AR), (ARTICLE_EN, MET_EN)], ids=["ar", "en"])
def test_utf16_without_a_byte_order_mark_is_read(tmp_path: Path, codec: str, text: str,
                                                 triple: tuple[str, str, str]) -> None:  # fmt: skip
    code, out, err = _extract(tmp_path, text.encode(codec))
    assert code == 0, err
    assert triple in tsv_triples(out)
    assert err.strip() == ""


@pytest.mark.parametrize("codec", ["cp1256", "iso8859_6"])
def test_legacy_arabic_is_still_read(tmp_path: Path, codec: str) -> None:
    code, out, err = _extract(tmp_path, ARTICLE_AR.encode(codec))
    assert code == 0 and MET_AR in tsv_triples(out), err


def test_utf8_mostly_broken_is_not_repaired_into_noise(tmp_path: Path) -> None:
    # Arabic in cp1256 is no UTF-8 with "a few" bad bytes: it must be read as cp1256, not as U+FFFD.
    code, out, err = _extract(tmp_path, SEED_AR.read_text(encoding="utf-8").encode("cp1256"))
    assert code == 0 and "\ufffd" not in out and "warning" not in err, err
    assert len(tsv_triples(out)) >= 10
