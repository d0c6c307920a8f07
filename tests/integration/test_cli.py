"""The command line, as a user runs it: a SQLite file under a working directory."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from support import BBC, EXAMPLE_SEEDS, command_line, corpus


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    return command_line(tmp_path, monkeypatch, plugins="")


def test_ingesting_the_seeds_twice_records_five_articles_once(cli, tmp_path):
    assert cli("ingest", str(EXAMPLE_SEEDS)).output.strip().endswith("5 new, 0 revised, 0 unchanged, 0 failed")
    assert cli("ingest", str(EXAMPLE_SEEDS)).output.strip().endswith("0 new, 0 revised, 5 unchanged, 0 failed")
    events = [json.loads(line) for line in cli("log", "--json").output.splitlines()]
    assert [e["type"] for e in events] == ["Article.Ingested"] * 5
    assert (tmp_path / "data" / "newsledger.sqlite").exists()


def test_an_ingest_on_the_embedded_default_leaves_the_read_models_up_to_date(cli):
    assert "read models up to date at log position 5" in cli("ingest", str(EXAMPLE_SEEDS)).output
    report = json.loads(cli("status", "--json").output)
    assert report["status"] == "ok" and {p["lag"] for p in report["projections"]} == {0}


def test_an_ingest_with_no_project_leaves_the_read_models_to_serve_or_project(cli, tmp_path):
    (tmp_path / "a.txt").write_text("The mayor said 300 people came.")
    assert "read models" not in cli("ingest", "a.txt", "--no-project").output
    assert json.loads(cli("status", "--json").output)["status"] == "lagging"
    cli("project")
    assert json.loads(cli("status", "--json").output)["status"] == "ok"


def test_a_changed_copy_under_the_same_url_becomes_version_two(cli, tmp_path):
    text = next(EXAMPLE_SEEDS.glob("000_*.txt")).read_text()
    (tmp_path / "a.json").write_text(json.dumps({"url": "https://example.org/kirby", "text": text}))
    (tmp_path / "b.json").write_text(json.dumps({"url": "https://example.org/kirby",
                                                 "text": text.replace("three kilometers", "four kilometers")}))
    first = json.loads(cli("ingest", "a.json", "--json").output)
    second = json.loads(cli("ingest", "b.json", "--json").output)
    assert (second["id"], second["version"], second["outcome"]) == (first["id"], 2, "revised")
    original = json.loads(cli("show", first["id"], "--version", "1", "--json").output)
    assert "three kilometers" in original["body"] and original["raw"] == text
    assert "four kilometers" in json.loads(cli("show", first["id"], "--json").output)["body"]
    assert "has no version 3" in cli("show", first["id"], "--version", "3", code=1).output


def test_bad_records_get_one_line_errors_and_the_rest_is_ingested(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLEDGER_MAX_BODY_BYTES", "2000")
    good = "Kyiv celebrates\n\nThe government in Kyiv is celebrating its sudden success on Monday."
    (tmp_path / "feed.jsonl").write_text("\n".join([
        json.dumps({"text": good, "url": "https://example.org/1"}),
        json.dumps({"text": "x", "colour": "red"}),
        json.dumps({"text": "   \n  "}),
        "{not json",
        json.dumps({"text": "word " * 1000}),
        json.dumps(["a list"]),
    ]) + "\n")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 in Kyiv\n\nOpened today.".encode("latin-1"))
    result = cli("ingest", "feed.jsonl", "latin1.txt", code=1)
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert errors == [
        "error: feed.jsonl:2: unknown field `colour`",
        "error: feed.jsonl:3: text is empty",
        "error: feed.jsonl:4: malformed JSON: " + errors[2].split("malformed JSON: ")[1],
        "error: feed.jsonl:5: text is 5000 bytes, over the limit of 2000",
        "error: feed.jsonl:6: a record must be a JSON object",
        "error: latin1.txt: not UTF-8 (undecodable byte at offset 3)",
    ]
    assert result.output.strip().endswith("1 new, 0 revised, 0 unchanged, 6 failed")
    assert [json.loads(x)["type"] for x in cli("log", "--json").output.splitlines()] == ["Article.Ingested"]


def test_json_output_has_one_line_per_input_record(cli, tmp_path):
    (tmp_path / "feed.jsonl").write_text(
        json.dumps({"text": "Odesa port reopens\n\nThe port of Odesa reopened on Tuesday."}) + "\n"
        + json.dumps({"text": ""}) + "\n")
    lines = [json.loads(x) for x in cli("ingest", "feed.jsonl", "--json", code=1).output.splitlines()]
    assert [(x["source"], x["outcome"], x["error"] is None) for x in lines] == [
        ("feed.jsonl:1", "new", True), ("feed.jsonl:2", "failed", False)]
    assert set(lines[0]) == {"source", "id", "version", "position", "outcome", "error"}


def test_each_line_of_a_file_answers_its_own_version_and_every_version_is_extracted(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLEDGER_LOAD_PLUGINS", "numbers")
    (tmp_path / "twov.jsonl").write_text(
        json.dumps({"url": "https://x.test/d1", "text": "Kyiv\n\nTroops retook 6,000 km2 on Monday."}) + "\n"
        + json.dumps({"url": "https://x.test/d1", "text": "Kyiv\n\nTroops retook 2,000 km2 on Monday."}) + "\n")
    lines = [json.loads(x) for x in cli("ingest", "twov.jsonl", "--json").output.splitlines()]
    assert [(x["version"], x["outcome"]) for x in lines] == [(1, "new"), (2, "revised")]
    events = [json.loads(x)["type"] for x in cli("log", "--json").output.splitlines()]
    assert events == ["Article.Ingested", "Extraction.Completed", "Article.Revised", "Extraction.Completed"]
    # each line's position is one where the article reads as that line's version, its runs included
    assert [x["position"] for x in lines] == [2, 4]


def test_re_ingesting_a_file_with_two_versions_of_one_url_records_them_again_as_reverts(cli, tmp_path):
    (tmp_path / "twov.jsonl").write_text(
        json.dumps({"url": "https://x.test/d1", "text": "Kyiv\n\nTroops advanced on Monday."}) + "\n"
        + json.dumps({"url": "https://x.test/d1", "text": "Kyiv\n\nTroops advanced on Tuesday."}) + "\n")
    cli("ingest", "twov.jsonl")
    again = [json.loads(x) for x in cli("ingest", "twov.jsonl", "--json").output.splitlines()]
    assert [(x["version"], x["outcome"]) for x in again] == [(3, "revised"), (4, "revised")]


def test_a_json_file_opening_with_a_byte_order_mark_is_ingested(cli, tmp_path):
    (tmp_path / "bom.json").write_bytes(b"\xef\xbb\xbf" + json.dumps({"text": "Kyiv\n\nTroops advanced."}).encode())
    assert json.loads(cli("ingest", "bom.json", "--json").output)["outcome"] == "new"


def test_an_outlet_and_a_different_source_get_a_one_line_error(cli, tmp_path):
    (tmp_path / "both.json").write_text(json.dumps({"text": "Kyiv\n\nTroops advanced.", "outlet": "Feed Y",
                                                    "source": "Feed Z"}))
    errors = [x for x in cli("ingest", "both.json", code=1).output.splitlines() if x.startswith("error:")]
    assert len(errors) == 1 and errors[0].startswith("error: both.json: 'source' is an alias of 'outlet'")


def test_standard_input_is_ingested(cli):
    out = cli("ingest", "-", "--json", input="Kharkiv news\n\nTroops entered Kharkiv on Sunday.\n").output
    assert json.loads(out)["outcome"] == "new"


def test_log_pages_with_after_and_limit(cli):
    cli("ingest", str(EXAMPLE_SEEDS))
    page = [json.loads(x) for x in cli("log", "--json", "--after", "2", "--limit", "2").output.splitlines()]
    assert [e["position"] for e in page] == [3, 4]
    assert set(page[0]) >= {"position", "time", "type", "stream_id", "version"}  # fields are only ever added


def test_export_writes_assertions_in_the_wire_format(cli, monkeypatch):
    monkeypatch.setenv("NEWSLEDGER_LOAD_PLUGINS", "numbers")
    cli("ingest", str(EXAMPLE_SEEDS))
    rows = [json.loads(x) for x in cli("export", "assertions", "--kind", "number").output.splitlines()]
    assert rows and {r["kind"] for r in rows} == {"number"}
    assert set(rows[0]) == {"id", "kind", "start", "end", "text", "data", "extractor", "extractor_version",
                            "article_id", "article_version"}
    assert any(r["data"]["unit"] == "km2" and r["data"]["value"] == 6000 for r in rows)
    before = cli("export", "assertions", "--position", "1").output.splitlines()
    assert before == []  # position 1 is the first article's Ingested event, before its extraction


def test_plugins_lists_extractors_kinds_and_versions(cli, monkeypatch):
    monkeypatch.setenv("NEWSLEDGER_LOAD_PLUGINS", "numbers,quotes")
    listed = json.loads(cli("plugins", "--json").output)["extractors"]
    assert {(e["plugin"], e["extractor"], tuple(e["kinds"])) for e in listed} == {
        ("numbers", "numbers", ("number",)), ("quotes", "quotes", ("quote",))}


def test_extract_re_runs_only_what_changed_and_all_with_all(cli, monkeypatch):
    monkeypatch.setenv("NEWSLEDGER_LOAD_PLUGINS", "numbers")
    cli("ingest", str(EXAMPLE_SEEDS))
    assert cli("extract").output.startswith("0 extraction runs")
    assert cli("extract", "--all").output.startswith("5 extraction runs recorded on 5 articles")
    assert "unknown extractor" in cli("extract", "--extractor", "nope", code=1).output


@pytest.mark.corpus
def test_the_bbc_corpus_ingests_2127_new_and_98_unchanged(cli):
    out = cli("ingest", str(corpus(BBC))).output.strip()
    assert out.endswith("2127 new, 0 revised, 98 unchanged, 0 failed")


def test_the_console_script_runs_as_a_real_process(tmp_path):
    exe = Path(sys.executable).with_name("newsledger")
    out = subprocess.run([str(exe), "--help"], capture_output=True, text=True, check=True).stdout
    assert "ingest" in out and "export" in out
