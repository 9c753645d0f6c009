from pathlib import Path

from click.testing import CliRunner

from actorgraph.cli import main

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_18620a851a5501f3.txt"


def test_help_lists_commands() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    assert "extract" in result.output


def test_extract_tsv_contract() -> None:
    result = CliRunner().invoke(main, ["extract", str(SEED), "--format", "tsv"])
    assert result.exit_code == 0, result.output
    rows = [line.split("\t") for line in result.output.splitlines()]
    assert rows and all(len(r) >= 5 for r in rows)
    assert all(r[4] in ("asserted", "negated", "hedged", "future") for r in rows)
    assert ["Gen Nakatani", "met", "Pete Hegseth"] in [r[:3] for r in rows]


def test_extract_jsonl_has_entities_and_evidence() -> None:
    import json

    result = CliRunner().invoke(main, ["extract", str(SEED), "--format", "jsonl"])
    record = json.loads(result.output)
    assert {"document", "sentences", "entities", "relations"} <= set(record)
    nakatani = next(e for e in record["entities"] if e["label_en"] == "Gen Nakatani")
    assert nakatani["label_ar"] == "جين ناكاتاني" and nakatani["type"] == "Person"
    assert all(r["rule"] and r["modality"] for r in record["relations"])


def test_extract_user_errors_are_one_line(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "blob.bin"
    binary.write_bytes(bytes(range(256)) * 40)
    french = tmp_path / "fr.txt"
    french.write_text(
        "Le président de la République a rencontré le ministre des affaires étrangères à Paris hier soir "
        "pour discuter de la situation."
    )
    for path in (empty, binary, french, tmp_path / "missing.txt"):
        result = CliRunner().invoke(main, ["extract", str(path)])
        assert result.exit_code != 0
        assert "Traceback" not in result.output
        assert result.output.strip().startswith("Error:") and len(result.output.strip().splitlines()) == 1


def test_windows_1256_arabic_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "cp1256.txt"
    path.write_bytes("التقى وزير الخارجية الأمريكي ماركو روبيو نظيره الصيني وانغ يي في بكين.".encode("cp1256"))
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    assert "Marco Rubio" in result.output
