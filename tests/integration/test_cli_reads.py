"""The command line's reads refuse what the HTTP API refuses, with a one-line error and a non-zero exit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import EXAMPLE_SEEDS, command_line


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    run = command_line(tmp_path, monkeypatch, plugins="numbers")
    run("ingest", str(EXAMPLE_SEEDS))  # 5 articles, 5 extraction runs: the log head is 10
    return run


def refused(cli, *args: str) -> str:
    """The one line a refused command prints (exit status 1, nothing on standard output)."""
    result = cli(*args, code=1)
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("Error: ")
    return line


def test_export_as_of_a_position_past_the_log_head_is_refused(cli):
    head = max(json.loads(x)["position"] for x in cli("log", "--json", "--limit", "500").output.splitlines())
    assert "beyond the log head (10)" in refused(cli, "export", "assertions", "--position", "999999")
    assert "beyond the log head" in refused(cli, "export", "assertions", "--position", str(head + 1))
    assert cli("export", "assertions", "--position", str(head)).output == cli("export", "assertions").output


def test_export_as_of_a_negative_position_is_refused_naming_it(cli):
    line = refused(cli, "export", "assertions", "--position", "-3")
    assert "position" in line and "-3" in line


def test_export_of_an_unknown_article_is_refused(cli):
    assert "no article nope" in refused(cli, "export", "assertions", "--article", "nope")
    some = json.loads(cli("export", "assertions").output.splitlines()[0])["article_id"]
    rows = [json.loads(x) for x in cli("export", "assertions", "--article", some).output.splitlines()]
    assert rows and {r["article_id"] for r in rows} == {some}
    assert f"no article {some} as of position 0" in refused(cli, "export", "assertions", "--article", some,
                                                            "--position", "0")


def test_log_refuses_a_limit_below_one_and_a_negative_after(cli):
    assert "--limit must be 1 or more (got -1)" in refused(cli, "log", "--limit", "-1")
    assert "--limit must be 1 or more (got 0)" in refused(cli, "log", "--limit", "0")
    line = refused(cli, "log", "--after", "-5")
    assert "--after" in line and "-5" in line
    assert len(cli("log", "--limit", "1").output.splitlines()) == 1
    assert "beyond the log head" in refused(cli, "log", "--after", "999999")  # as GET /events refuses it


def test_export_of_a_kind_no_extractor_asserts_is_refused(cli):
    assert "no extractor asserts kind 'numbers'" in refused(cli, "export", "assertions", "--kind", "numbers")
    assert cli("export", "assertions", "--kind", "number").output


def test_export_as_of_a_time_answers_as_the_position_then(cli):
    log = [json.loads(x) for x in cli("log", "--json", "--limit", "500").output.splitlines()]
    third = log[3]  # the second article's Ingested event: only the first article's runs came before it
    then = cli("export", "assertions", "--position", str(third["position"] - 1)).output
    assert cli("export", "assertions", "--as-of", third["time"].replace("+00:00", "Z")).output in (
        then, cli("export", "assertions", "--position", str(third["position"])).output)
    assert cli("export", "assertions", "--as-of", "2000-01-01T00:00:00Z").output == ""
    assert "not both" in refused(cli, "export", "assertions", "--position", "3", "--as-of", "2000-01-01T00:00:00Z")
    assert "date alone" in refused(cli, "export", "assertions", "--as-of", "2026-11-22")


def test_export_as_csv_has_a_header_and_one_row_per_assertion_with_data_as_json(cli):
    import csv
    import io

    lines = [json.loads(x) for x in cli("export", "assertions").output.splitlines()]
    rows = list(csv.DictReader(io.StringIO(cli("export", "assertions", "--format", "csv").output)))
    assert [r["id"] for r in rows] == [a["id"] for a in lines]
    assert json.loads(rows[0]["data"]) == lines[0]["data"] and int(rows[0]["start"]) == lines[0]["start"]


def test_export_filters_by_extractor_and_outlet(cli):
    assert cli("export", "assertions", "--extractor", "numbers").output == cli("export", "assertions").output
    assert cli("export", "assertions", "--outlet", "no such outlet").output == ""


def test_export_of_an_extractor_no_one_loaded_or_ran_is_refused(cli):
    assert "no extractor 'nope'" in refused(cli, "export", "assertions", "--extractor", "nope")


def test_export_finds_an_article_by_its_id_in_capitals_as_the_api_does(cli):
    some = json.loads(cli("export", "assertions").output.splitlines()[0])["article_id"]
    assert cli("export", "assertions", "--article", some.upper()).output == cli(
        "export", "assertions", "--article", some).output != ""
