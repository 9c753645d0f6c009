"""Flat exports and time filters: a user answers "events between 2017 and 2019, by country pair" with one
``export --format csv --since 2017-01-01 --until 2019-12-31`` read by pandas, on dated articles whose dates
come from JSONL, HTML metadata and the text."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from actorgraph.cli import main

ARTICLES = {
    # JSONL dates; "on Saturday" is read against 2018-03-12, a Monday.
    "articles.jsonl": "\n".join(json.dumps(r) for r in [
        {"text": "Japan criticized China on Saturday over its ships near the islands.", "date": "2018-03-12",
         "url": "https://news.example/2018/japan-china", "lang": "en"},
        {"text": "Germany criticized Russia over the attack.", "date": "2016-05-02",
         "url": "https://news.example/2016/germany-russia", "lang": "en"},
    ]) + "\n",
    # HTML metadata; "yesterday" is the day before.
    "page.html": '<html><head><title>Tehran</title><meta property="article:published_time" '
                 'content="2019-06-01T08:00:00Z"></head><body><p>Iran accused the United States yesterday of '
                 "economic terrorism.</p></body></html>\n",
    "dated.txt": "On 28 July 2017, France criticized Iran over its missile tests.\n",  # a date in the text
    "undated.txt": "Egypt criticized Israel over the raid.\n",  # no date at all: outside any period
    "late.txt": "On 5 January 2021, Turkey criticized Greece over the islands.\n",
}  # fmt: skip


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = tmp_path_factory.mktemp("dated")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    result = invoke("build", str(corpus), "--out", str(root / "out"), "--model", "none", "--no-html")
    assert result.exit_code == 0, result.output
    assert "SHACL: conforms" in result.output
    return str(root / "out" / "store")


def test_events_between_2017_and_2019_by_country_pair(store: str, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    result = invoke("export", "--store", store, "--format", "csv", "--since", "2017-01-01", "--until", "2019-12-31",
                    "--out", str(out))  # fmt: skip
    assert result.exit_code == 0, result.output
    df = pd.read_csv(out)
    pairs = df.groupby(["actor_country", "recipient_country"]).size().to_dict()
    assert pairs == {("FRA", "IRN"): 1, ("IRN", "USA"): 1, ("JPN", "CHN"): 1}
    by_actor = df.set_index("actor_country")
    assert by_actor.loc["FRA", "date"] == "2017-07-28" and by_actor.loc["FRA", "date_basis"] == "sentence"
    assert by_actor.loc["JPN", "date"] == "2018-03-10" and by_actor.loc["JPN", "date_basis"] == "relative"
    assert by_actor.loc["IRN", "date"] == "2019-05-31" and by_actor.loc["IRN", "date_precision"] == "day"
    assert set(df["event_type"]) == {"ACCUSE"}
    assert df["sentence"].str.len().min() > 10 and df["document"].notna().all()


def test_without_bounds_every_event_is_exported_with_its_date_or_none(store: str) -> None:
    result = invoke("export", "--store", store, "--format", "csv")
    rows = result.output.splitlines()
    assert rows[0].startswith("id,date,date_precision,date_basis,event_type")
    assert len(rows) == 1 + 6
    plover = [json.loads(line) for line in invoke("export", "--store", store, "--format", "plover",
                                                    "--since", "2021").output.splitlines()]  # fmt: skip
    assert [(e["date"], e["actor"][0]["country"]) for e in plover] == [("2021-01-05", "TUR")]


def test_exported_files_get_the_users_umask(store: str, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        out = tmp_path / "events.jsonl"
        assert invoke("export", "--store", store, "--format", "plover", "--out", str(out)).exit_code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


def test_parquet_where_pyarrow_is_installed(store: str, tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    out = tmp_path / "events.parquet"
    result = invoke("export", "--store", store, "--format", "parquet", "--since", "2017", "--until", "2019",
                    "--out", str(out))  # fmt: skip
    assert result.exit_code == 0, result.output
    df = pd.read_parquet(out)
    assert sorted(df["actor_country"]) == ["FRA", "IRN", "JPN"]
    assert df["confidence"].dtype == "float64"


def test_actors_as_csv_and_json(store: str) -> None:
    from io import StringIO

    df = pd.read_csv(StringIO(invoke("actors", "--store", store, "--format", "csv").output))
    assert {"Japan", "Iran", "United States"} <= set(df["label_en"])
    assert df.set_index("label_en").loc["Japan", "country"] == "JPN"
    listed = json.loads(invoke("actors", "--store", store, "--format", "json").output)
    assert {a["label_en"] for a in listed} == set(df["label_en"])


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("--format", "trig", "--since", "2017-01-01"), "--since/--until apply to the event formats"),
        (("--format", "csv", "--since", "28/07/2017"), "is not a date"),
        (("--format", "parquet",), "add --out FILE"),
    ],
)
def test_bad_requests_are_one_line_errors(store: str, args: tuple[str, ...], needle: str) -> None:
    result = invoke("export", "--store", store, *args)
    assert result.exit_code != 0 and needle in result.output and "Traceback" not in result.output


def test_time_filters_on_stats_ego_analyze_and_render(store: str, tmp_path: Path) -> None:
    stats = invoke("stats", "--store", store, "--since", "2017", "--until", "2019").output.splitlines()
    assert stats[0] == "events dated 2017-01-01 to 2019-12-31"
    assert "documents: 3 (en 3)" in stats and "actors: 5" in stats and "statements: asserted 3" in stats
    assert "documents: 6 (en 6)" in invoke("stats", "--store", store).output
    ego = invoke("ego", "Iran", "--store", store, "--since", "2019-01-01", "--format", "tsv").output.splitlines()
    assert [line.split("\t")[3:] for line in ego[1:]] == [["Iran", "United States"]]
    assert len(invoke("ego", "Iran", "--store", store, "--format", "tsv").output.splitlines()) == 3
    assert invoke("ego", "Egypt", "--store", store, "--until", "2019", "--format", "tsv").output.splitlines()[1:] == []
    analysis = invoke("analyze", "--store", store, "--since", "2017", "--until", "2019").output
    assert analysis.startswith("5 actors") and "Turkey" not in analysis and "Germany" not in analysis
    page = tmp_path / "page.html"
    assert invoke("render", "--store", store, "--since", "2021", "--out", str(page)).exit_code == 0
    text = page.read_text(encoding="utf-8")
    assert "Turkey" in text and "Greece" in text and "Iran" not in text


def test_date_option_dates_articles_that_give_none(tmp_path: Path) -> None:
    article = tmp_path / "undated.txt"
    article.write_text("Japan criticized China on Saturday.\n", encoding="utf-8")

    def dates(*extra: str) -> tuple[str | None, list[tuple[str | None, str]]]:
        record = json.loads(invoke("extract", str(article), "--format", "jsonl", "--model", "none", *extra).output)
        return record["document"]["date"], [(r["date"], r["date_basis"]) for r in record["relations"]]

    assert dates("--date", "2024-05-08") == ("2024-05-08", [("2024-05-04", "relative")])
    assert dates() == (None, [(None, "")])  # the option does not outlive its command
    result = invoke("build", str(article), "--out", str(tmp_path / "out"), "--model", "none", "--no-html",
                    "--date", "2024-05-08")  # fmt: skip
    assert result.exit_code == 0, result.output
    csv_rows = invoke("export", "--store", str(tmp_path / "out" / "store"), "--format", "csv").output.splitlines()
    assert csv_rows[1].split(",")[1:4] == ["2024-05-04", "day", "relative"]
    assert "is not a date" in invoke("extract", str(article), "--date", "2024-13-08").output


def test_graphml_edges_carry_the_event_dates(store: str, tmp_path: Path) -> None:
    import networkx as nx

    out = tmp_path / "graph.graphml"
    assert invoke("export", "--store", store, "--format", "graphml", "--out", str(out)).exit_code == 0
    G = nx.read_graphml(out)
    dates = {d.get("dates") for _s, _o, d in G.edges(data=True)}
    assert {"2017-07-28", "2018-03-10", "2019-05-31", "2016-05-02", "2021-01-05"} <= dates
