"""Dictionaries users already keep (``--dictionary``): CSV actors and PETRARCH actor, agent and verb files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from actorgraph.extract.dated_codes import code_on
from actorgraph.ontology.dictionaries import (
    Dictionaries,
    DictionaryError,
    configured,
    plover_for,
    read_dictionary,
)

UPSTREAM = Path(__file__).resolve().parents[2].parent / "shared" / "upstream"
CLI = [sys.executable, "-m", "actorgraph.cli"]


def _read(tmp_path: Path, name: str, text: str) -> Dictionaries:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    out = Dictionaries()
    read_dictionary(path, out)
    return out


def test_csv_actors_with_periods(tmp_path: Path) -> None:
    d = _read(tmp_path, "a.csv", "name,aliases,type,country,sector,valid_from,valid_to\n"
              "Zora Malik,Z. Malik|Malik,Person,KEN,GOV,2010-01-01,2014-12-31\n"
              "Zora Malik,,Person,KEN,OPP,2015-01-01,\n"
              "Northern Shield,,ArmedGroup,SOM,REB,,\n")  # fmt: skip
    malik, shield = d.actors
    assert malik.aliases == ["Z. Malik", "Malik"] and malik.type == "Person"
    assert [c.code for c in malik.codes] == ["KENGOV", "KENOPP"]
    assert malik.code_on("2012-05-01") == "KENGOV" and malik.code_on("2020-01-01") == "KENOPP"
    assert shield.type == "ArmedGroup" and shield.code_on(None) == "SOMREB"


def test_petrarch_actors_aliases_and_dated_codes(tmp_path: Path) -> None:
    text = ("# comment\nFREEDONIA_  [FRD]\n+FREEDONIAN_\n+CAPITAL_CITY_ # note\n"
            "RUFUS_T_FIREFLY_  # leader\n+PRESIDENT_FIREFLY\n\t[FRDGOV 330101-351231]\n\t[FRDELI >360101]\n")
    d = _read(tmp_path, "x.actors.txt", text)
    country, person = d.actors
    assert country.name == "FREEDONIA" and country.type == "State"
    assert country.aliases == ["FREEDONIAN", "CAPITAL CITY"]
    assert person.type == "Person" and person.aliases == ["PRESIDENT FIREFLY"]
    assert person.code_on("1934-06-01") == "FRDGOV" and person.code_on("1940-01-01") == "FRDELI"


def test_petrarch_agents_expand_macros(tmp_path: Path) -> None:
    d = _read(tmp_path, "agents.txt", "!PERSON! = MAN, WOMAN\nPOLICE!PERSON! [~COP]\nREBEL [~REB]\n")
    assert {(a.noun, a.sector) for a in d.agents} == {("POLICEMAN", "COP"), ("POLICEWOMAN", "COP"), ("REBEL", "REB")}
    assert {a.type for a in d.agents if a.sector == "REB"} == {"ArmedGroup"}


def test_petrarch_verbs_become_plover_triggers(tmp_path: Path) -> None:
    d = _read(tmp_path, "verbs.txt", "---  BLAME   [112]  ---\nACCUSE [112]\nFAULT\nCHARGE [173]\n"
              "- * (OF {RIGHTS ABUSES}) [1122] # ACCUSE\n---  SAY   [010]  ---\nSAY\n"
              "---  RAID   [---]  ---\n- * CAMP [190] # RAID\n")  # fmt: skip
    got = {(v.form, v.plover, v.relation) for v in d.verbs}
    assert ("accuse", "ACCUSE", "accused") in got and ("fault", "ACCUSE", "accused") in got
    assert ("raid ... camp", "ASSAULT", "attacked") in got
    assert not any(v.form == "say" for v in d.verbs)
    assert d.skipped["verb pattern with more than plain words"] == 1
    assert plover_for("0332") == ("AGREE", "agreedWith") and plover_for("042") == ("CONSULT", "visited")


def test_an_unknown_format_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError, match="not a CSV of actors"):
        _read(tmp_path, "x.txt", "just some words\n")


def test_dated_codes_follow_the_document_date() -> None:
    dated = [("AFGGOVBUS", "2002-06-02", "2004-12-14"), ("AFGELI", None, None)]
    assert code_on(dated, "2003-01-01") == "AFGGOVBUS"
    assert code_on(dated, "2010-01-01") == "AFGELI" and code_on(dated, None) == "AFGELI"


def test_configured_reads_environment_then_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ACTORGRAPH_DICTIONARIES", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    (tmp_path / "actorgraph").mkdir()
    (tmp_path / "actorgraph" / "config.toml").write_text('dictionaries = ["/data/a.csv"]\n', encoding="utf-8")
    assert configured() == (Path("/data/a.csv"),)
    monkeypatch.setenv("ACTORGRAPH_DICTIONARIES", os.pathsep.join(["/x/b.txt", "/x/c.txt"]))
    assert configured() == (Path("/x/b.txt"), Path("/x/c.txt"))


def _extract(path: Path, *extra: str) -> dict:  # type: ignore[type-arg]
    env = {k: v for k, v in os.environ.items() if k != "ACTORGRAPH_DICTIONARIES"}
    done = subprocess.run([*CLI, "extract", str(path), "--format", "jsonl", "--model", "none", *extra],
                          capture_output=True, text=True, env=env, check=True)  # fmt: skip
    return json.loads(done.stdout)


def test_a_csv_dictionary_adds_an_actor_and_its_code(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Zora Malik met Kenyan President William Ruto in Nairobi on Monday.\n", encoding="utf-8")
    csv_file = tmp_path / "actors.csv"
    csv_file.write_text("name,aliases,type,country,sector,valid_from,valid_to\nZora Malik,,Person,KEN,OPP,,\n",
                        encoding="utf-8")  # fmt: skip
    without = _extract(article)
    with_dict = _extract(article, "--dictionary", str(csv_file))
    malik = [e for e in with_dict["entities"] if e["label_en"] == "Zora Malik"]
    assert malik and malik[0]["cameo"] == "KENOPP" and malik[0]["key"].startswith("gaz:dict-")
    assert not any(e["key"].startswith("gaz:dict-") for e in without["entities"])
    assert any(r["relation"] == "met" and r["subject"] == malik[0]["key"] for r in with_dict["relations"])


@pytest.mark.skipif(not UPSTREAM.exists(), reason="../shared/upstream (the field's dictionaries) is not here")
@pytest.mark.parametrize(
    ("name", "kind", "at_least"),
    [
        ("petrarch2/Phoenix.Countries.actors.txt", "actors", 15_000),
        ("petrarch2/Phoenix.International.actors.txt", "actors", 5_000),
        ("petrarch2/Phoenix.MilNonState.actors.txt", "actors", 800),
        ("petrarch2/Phoenix.agents.txt", "agents", 2_000),
        ("petrarch2/CAMEO.2.0.txt", "verbs", 2_000),
        ("universalpetrarch-arabic/actor_dict_ar_v4.txt", "actors", 5_000),
        ("universalpetrarch-arabic/agents.all.ar_v3.txt", "agents", 1_500),
        ("universalpetrarch-arabic/CAMEO.ar.0.5.txt", "verbs", 1_000),
    ],
)
def test_the_fields_dictionaries_import(name: str, kind: str, at_least: int) -> None:
    out = Dictionaries()
    read_dictionary(UPSTREAM / name, out)
    assert len(getattr(out, kind)) >= at_least, (len(getattr(out, kind)), out.skipped)


def test_the_cameo_roots_agree_with_the_published_cameo_plover_table() -> None:
    """Each CAMEO code our importer maps has the PLOVER type of the field's 2021 table (signing a formal
    agreement, 057, is SUPPORT; expressing intent, 03, is AGREE)."""
    import csv
    import re

    table = UPSTREAM / "CAMEO2PLOVER-2021.txt"
    if not table.exists():
        pytest.skip(f"{table} is missing (the shared upstream files sit beside the checkout)")
    published = {}
    for line in table.read_text(encoding="utf-8").splitlines():
        found = re.match(r"^(\d+):\s*([A-Z]+)", line)
        if found:
            published.setdefault(found.group(1), found.group(2))
    ours_path = Path(__file__).resolve().parents[2] / "actorgraph" / "ontology" / "lexicon" / "cameo_roots.tsv"
    rows = [r for r in csv.reader(ours_path.read_text(encoding="utf-8").splitlines(), delimiter="\t")
            if r and not r[0].startswith("#") and r[0] != "cameo"]  # fmt: skip
    compared = [(r[0], r[1], published[r[0]]) for r in rows if r[1] and r[0] in published]
    assert len(compared) >= 15, "too few codes compared: the table's format changed"
    assert [c for c in compared if c[1] != c[2]] == []
