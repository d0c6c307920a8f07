"""Plugin loading as an operator meets it on the command line: what is loaded, and one-line errors."""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
from pathlib import Path

import pytest
from support import EXAMPLE_SEEDS, command_line

BADHOOK = '''
from newsledger.plugins import hookimpl

@hookimpl
def register_extractor(register):  # misspelled: the hook is register_extractors
    pass
'''
DUPLICATE = '''
from newsledger.plugins import hookimpl
from newsledger.plugins.quotes.extractor import build

@hookimpl
def register_extractors(register):  # a second extractor named "quotes"
    register(build())
'''
VIEW_ONLY = '''
from newsledger.domain.projections import Projection
from newsledger.plugins import hookimpl

class Seen(Projection):
    name, version, topics, tables = "seen", 4, ("Article.Ingested",), ("seen",)

    def create(self, tx):
        tx.execute("CREATE TABLE IF NOT EXISTS seen (position BIGINT)")

    def apply(self, tx, event, position):
        tx.execute("INSERT INTO seen (position) VALUES (?)", (position,))

@hookimpl
def register_projections(register):
    register(Seen())
'''


def installed_plugin(site: Path, name: str, source: str) -> Path:
    """A module ``name`` and a distribution whose entry point in the group ``newsledger`` names it, as pip
    leaves them in site-packages (put ``site`` on the path to install it)."""
    site.mkdir(exist_ok=True)
    (site / f"{name}.py").write_text(source)
    dist = site / f"{name}-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text(f"[newsledger]\n{name} = {name}\n")
    return site


def newsledger(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    """The command line in a process of its own, as an operator runs it (stderr is what they read)."""
    return subprocess.run([sys.executable, "-m", "newsledger.api.cli", *args], cwd=tmp_path, capture_output=True,
                          text=True, env={**os.environ, "NEWSLEDGER_DATABASE_URL": "sqlite:///ledger.sqlite", **env})


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    return command_line(tmp_path, monkeypatch, plugins="")


def test_an_unknown_plugin_name_is_a_one_line_error_naming_the_available_ones(cli, monkeypatch):
    monkeypatch.setenv("NEWSLEDGER_ENTRY_POINTS", "n")
    monkeypatch.setenv("NEWSLEDGER_LOAD_PLUGINS", "hashtag,numbrs")
    for command in (["plugins", "--json"], ["ingest", str(EXAMPLE_SEEDS)], ["worker", "--once"]):
        (line,) = cli(*command, code=1).output.splitlines()
        assert line == ("Error: NEWSLEDGER_LOAD_PLUGINS names unknown plugin(s): hashtag, numbrs; "
                        "available: numbers, quotes, locations")
    monkeypatch.setenv("NEWSLEDGER_LOAD_PLUGINS", "numbers")
    assert cli("log").output == ""  # the ingest with a typo recorded nothing


def test_a_misspelled_hook_is_one_line_and_no_traceback(tmp_path):
    site = installed_plugin(tmp_path / "site", "badhook", BADHOOK)
    done = newsledger(tmp_path, "plugins", PYTHONPATH=str(site), NEWSLEDGER_LOAD_PLUGINS="badhook")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    (line,) = done.stderr.splitlines()
    assert line.startswith("Error: unknown hook 'register_extractor' in plugin <module 'badhook'")


def test_two_plugins_registering_one_extractor_name_is_one_line_and_no_traceback(tmp_path):
    site = installed_plugin(tmp_path / "site", "dup", DUPLICATE)
    done = newsledger(tmp_path, "ingest", str(EXAMPLE_SEEDS), PYTHONPATH=str(site),
                      NEWSLEDGER_LOAD_PLUGINS="quotes,dup")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.splitlines() == ["Error: register_extractors: 'quotes' registered by dup and by quotes"]


def test_plugins_lists_each_plugin_with_its_extractors_projections_and_routes(cli, monkeypatch):
    monkeypatch.setenv("NEWSLEDGER_LOAD_PLUGINS", "numbers,locations")
    listed = json.loads(cli("plugins", "--json").output)
    assert listed["plugins"][0]["plugin"] == "numbers"
    (locations,) = [p for p in listed["plugins"] if p["plugin"] == "locations"]
    assert locations["extractors"] == [{"name": "locations", "version": locations["extractors"][0]["version"],
                                        "kinds": ["location"]}]
    assert [v["name"] for v in locations["projections"]] == ["places"]
    assert "/places" in locations["routes"]
    assert {e["extractor"] for e in listed["extractors"]} == {"numbers", "locations"}  # as before, for scripts
    text = cli("plugins").output
    assert "projection  places" in text and "route       /places" in text and "projection  figures" in text


def test_a_plugin_that_registers_only_a_projection_is_listed(cli, tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(installed_plugin(tmp_path / "site", "viewonly", VIEW_ONLY)))
    monkeypatch.setenv("NEWSLEDGER_LOAD_PLUGINS", "viewonly")
    listed = json.loads(cli("plugins", "--json").output)
    assert listed["plugins"] == [{"plugin": "viewonly", "extractors": [], "projections": [{"name": "seen",
                                  "version": 4}], "routes": []}]
    assert listed["extractors"] == []
    assert cli("plugins").output.splitlines() == ["viewonly", "  projection  seen             4"]


def test_log_says_which_extractor_version_read_which_article_version(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLEDGER_LOAD_PLUGINS", "numbers")
    (tmp_path / "twov.jsonl").write_text(
        json.dumps({"url": "https://x.test/d1", "text": "Kyiv\n\nTroops retook 6,000 km2 on Monday."}) + "\n"
        + json.dumps({"url": "https://x.test/d1", "text": "Kyiv\n\nTroops retook 2,000 km2 on Monday."}) + "\n")
    cli("ingest", "twov.jsonl")
    from newsledger.plugins.numbers.extractor import VERSION

    rows = [json.loads(x) for x in cli("log", "--json").output.splitlines()]
    assert [(r["type"], r.get("extractor"), r.get("extractor_version"), r["article_version"]) for r in rows] == [
        ("Article.Ingested", None, None, 1), ("Extraction.Completed", "numbers", VERSION, 1),
        ("Article.Revised", None, None, 2), ("Extraction.Completed", "numbers", VERSION, 2)]
    assert [r["version"] for r in rows] == [1, 1, 2, 2]  # the stream versions, as before
    lines = cli("log").output.splitlines()
    assert lines[1].endswith(f"numbers {VERSION} on article version 1")
    assert lines[2].endswith("article version 2") and " v2" not in lines[2]


def test_a_postgresql_url_without_the_driver_is_one_line_naming_the_extra(tmp_path):
    no_driver = "import sys; sys.modules['psycopg'] = None; from newsledger.api.cli import main; main()"
    for command in ("init-db", "status"):
        done = subprocess.run([sys.executable, "-c", no_driver, command], cwd=tmp_path, capture_output=True,
                              text=True, env={**os.environ, "NEWSLEDGER_DATABASE_URL": "postgresql://u:p@db:5432/x"})
        assert done.returncode == 1 and "Traceback" not in done.stderr
        (line,) = done.stderr.splitlines()
        assert line.startswith("Error: NEWSLEDGER_DATABASE_URL is a PostgreSQL URL but its driver is not installed")
        assert "psycopg" in line and ".[postgres]" in line


def test_a_standby_projector_says_it_is_waiting_for_the_lease(tmp_path):
    from newsledger.domain.projections.db import ViewDB

    views = ViewDB(f"sqlite:///{tmp_path}/ledger.views.sqlite")
    with views.exclusive("projector") as held:  # the active projector
        assert held
        standby = subprocess.Popen(
            [sys.executable, "-m", "newsledger.api.cli", "project", "--follow"], cwd=tmp_path, text=True,
            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
            env={**os.environ, "NEWSLEDGER_DATABASE_URL": f"sqlite:///{tmp_path}/ledger.sqlite",
                 "NEWSLEDGER_LOAD_PLUGINS": ""})
        try:
            said = select.select([standby.stderr], [], [], 30)[0]  # it starts in about a second
            line = standby.stderr.readline() if said else ""
        finally:
            standby.terminate()
            standby.wait(10)
    views.close()
    assert line.strip() == "projector on standby: the lease is taken by another projector; waiting for it"
