"""A store the command line cannot open, write or fill, settings it cannot read, and an interrupted ingest:
each ends the command with one line, ``Error: ...``, and a non-zero exit, never a traceback."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support import EXAMPLE_SEEDS, command_line, free_port

NEWSLEDGER = [sys.executable, "-m", "newsledger.api.cli"]
EVERY_STORE_COMMAND = [
    ("ingest", str(EXAMPLE_SEEDS)), ("status",), ("log",), ("project",), ("export", "assertions"),
    ("keys", "add", "ci", "--scope", "read"), ("keys", "list"), ("demo-key",),
]


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    return command_line(tmp_path, monkeypatch, plugins="")


def one_line(result) -> str:
    """The single line a refused command prints on standard error."""
    [line] = result.stderr.splitlines()
    assert line.startswith("Error: ") and "Traceback" not in result.stderr
    return line


def run(*args: str, cwd: Path, timeout: float = 120, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([*NEWSLEDGER, *args], cwd=cwd, capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "NEWSLEDGER_LOAD_PLUGINS": "", **env})


@pytest.fixture
def mount(tmp_path: Path):
    """``mount(*options, target)``: mount and unmount afterwards; a clean skip where mounting is not allowed."""
    mounted: list[Path] = []

    def do(*args: str) -> None:
        target = Path(args[-1])
        done = subprocess.run(["mount", *args], capture_output=True, text=True)
        if done.returncode != 0:
            pytest.skip(f"mount is not permitted here: {done.stderr.strip()}")
        mounted.append(target)

    yield do
    for target in reversed(mounted):
        subprocess.run(["umount", "-l", str(target)], check=False)


def test_a_store_under_a_regular_file_is_one_line_for_every_command(cli, tmp_path, monkeypatch):
    (tmp_path / "plain").write_text("not a folder")
    monkeypatch.setenv("NEWSLEDGER_DATABASE_URL", "sqlite:///plain/ledger.sqlite")
    for command in EVERY_STORE_COMMAND:
        line = one_line(cli(*command, code=1))
        assert line == "Error: cannot open the store plain/ledger.sqlite: plain is not a directory", command


def test_a_read_only_store_is_one_line_for_every_command_and_serve_refuses_to_start(tmp_path, mount):
    store = tmp_path / "store"
    store.mkdir()
    assert run("ingest", str(EXAMPLE_SEEDS), cwd=store).returncode == 0
    mount("--bind", str(store), str(store))
    mount("-o", "remount,ro,bind", str(store))
    for command in [*EVERY_STORE_COMMAND, ("serve", "--port", str(free_port()))]:
        done = run(*command, cwd=store, timeout=60)  # a serve that started would time out here
        assert done.returncode == 1, command
        assert one_line(done) == ("Error: cannot write the store data/newsledger.sqlite: Read-only file system "
                                  "(its folder data)"), command


def test_serve_refuses_to_start_on_a_store_it_cannot_open(tmp_path):
    (tmp_path / "plain").write_text("not a folder")
    done = run("serve", "--port", str(free_port()), cwd=tmp_path, timeout=60,
               NEWSLEDGER_DATABASE_URL="sqlite:///plain/ledger.sqlite")
    assert done.returncode == 1
    assert one_line(done) == "Error: cannot open the store plain/ledger.sqlite: plain is not a directory"


def test_with_create_tables_off_a_new_store_says_to_run_init_db_and_creates_nothing(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLEDGER_CREATE_TABLES", "n")
    for command in (("status",), ("ingest", str(EXAMPLE_SEEDS)), ("log",), ("project",)):
        line = one_line(cli(*command, code=1))
        assert "no event log yet" in line and "run `newsledger init-db` first" in line, command
    assert not (tmp_path / "data" / "newsledger.sqlite").exists()
    cli("init-db")
    assert cli("ingest", str(EXAMPLE_SEEDS)).output.strip().endswith("5 new, 0 revised, 0 unchanged, 0 failed")


def test_malformed_api_keys_are_one_line_for_every_command(cli, monkeypatch):
    monkeypatch.setenv("NEWSLEDGER_API_KEYS", "garbage")
    for command in (("keys", "list"), ("keys", "add", "ci", "--scope", "read"), ("demo-key",), ("status",)):
        assert one_line(cli(*command, code=1)) == (
            "Error: NEWSLEDGER_API_KEYS: expected name:scope:sha256hex, got 'garbage'"), command


@pytest.mark.parametrize("setting", ["RATE_LIMIT_PER_MINUTE=abc", "EXTRACTION_BUDGET=x", "MAX_BODY_BYTES=1e3x",
                                     "READ_CACHE_MB=-1", "PROJECTOR_INTERVAL=soon", "ROLE=worker",
                                     "OPEN_READS=maybe"])
def test_a_setting_that_cannot_be_read_is_one_line_for_commands_and_serve(cli, tmp_path, monkeypatch, setting):
    name, value = setting.split("=")
    monkeypatch.setenv(f"NEWSLEDGER_{name}", value)
    for command in (("status",), ("ingest", str(EXAMPLE_SEEDS)), ("keys", "list")):
        assert one_line(cli(*command, code=1)).startswith(f"Error: NEWSLEDGER_{name} must be "), command
    served = run("serve", "--port", str(free_port()), cwd=tmp_path, timeout=60, **{f"NEWSLEDGER_{name}": value})
    assert served.returncode == 1 and one_line(served).startswith(f"Error: NEWSLEDGER_{name} must be ")


def test_a_role_in_capitals_is_the_embedded_role_and_runs_the_extractors(cli, monkeypatch):
    monkeypatch.setenv("NEWSLEDGER_LOAD_PLUGINS", "numbers")
    monkeypatch.setenv("NEWSLEDGER_ROLE", "ALL")
    cli("ingest", str(EXAMPLE_SEEDS))
    types = [json.loads(x)["type"] for x in cli("log", "--json").output.splitlines()]
    assert types.count("Extraction.Completed") == 5


def test_an_ingest_into_a_full_disk_says_what_was_recorded_and_stops_non_zero(tmp_path, mount):
    store = tmp_path / "small"
    store.mkdir()
    mount("-t", "tmpfs", "-o", "size=1m", "tmpfs", str(store))
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"url": f"https://example.org/{i}", "text": f"Story {i}\n\n" + "words " * 800})
                            + "\n" for i in range(1000)))
    done = run("ingest", str(feed), cwd=store)
    assert done.returncode == 1
    line = one_line(done)
    assert line.startswith("Error: the store data/newsledger.sqlite is full (database or disk is full): "
                           "recorded before it stopped: ")
    new = int(line.split("recorded before it stopped: ")[1].split(" new")[0])
    assert 0 < new < 1000 and f"{new} new, 0 revised, 0 unchanged, 0 failed (log head {new})" in line
    events = sqlite3.connect(store / "data" / "newsledger.sqlite").execute("SELECT count(*) FROM stored_events")
    assert events.fetchone()[0] == new  # whole batches only: what it says it recorded is what is there


def _ingest_until_a_batch_is_recorded(tmp_path: Path, records: int = 30_000) -> subprocess.Popen:
    """An ingest of a long feed that has recorded its first batches (and is far from done)."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"url": f"https://example.org/{i}", "text": f"Story {i}\n\n{i} came."})
                            + "\n" for i in range(records)))
    ingest = subprocess.Popen([*NEWSLEDGER, "ingest", str(feed)], cwd=tmp_path, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, start_new_session=True,
                              env={**os.environ, "NEWSLEDGER_LOAD_PLUGINS": ""},
                              preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    events = tmp_path / "data" / "newsledger.sqlite"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and ingest.poll() is None:
        try:
            if sqlite3.connect(events).execute("SELECT count(*) FROM stored_events").fetchone()[0]:
                return ingest
        except sqlite3.Error:
            pass
        time.sleep(0.05)
    ingest.kill()
    pytest.fail("the ingest recorded nothing in 60 s")


@pytest.mark.parametrize("stop", ["ctrl-c", "kill"])
def test_an_interrupted_ingest_says_what_it_recorded_and_that_project_brings_the_read_models_up(tmp_path, stop):
    ingest = _ingest_until_a_batch_is_recorded(tmp_path)
    if stop == "ctrl-c":
        os.killpg(ingest.pid, signal.SIGINT)  # the terminal signals the whole foreground group
    else:
        ingest.terminate()
    _, err = ingest.communicate(timeout=60)
    assert ingest.returncode == 130
    [line] = err.splitlines()
    assert line.startswith("Error: interrupted: recorded before it stopped: ")
    new = int(line.split("recorded before it stopped: ")[1].split(" new")[0])
    assert 0 < new < 30_000 and new % 50 == 0  # whole batches
    assert f"{new} new, 0 revised, 0 unchanged, 0 failed (log head {new})" in line
    assert line.endswith("the read models are behind: `newsledger project` (or the next ingest, export or serve) "
                         "brings them up to date")
    assert json.loads(run("status", "--json", cwd=tmp_path).stdout)["status"] == "lagging"
    assert run("project", cwd=tmp_path).returncode == 0
    assert json.loads(run("status", "--json", cwd=tmp_path).stdout)["status"] == "ok"


def test_log_after_a_position_past_the_log_head_is_refused_as_get_events_refuses_it(cli):
    cli("ingest", str(EXAMPLE_SEEDS))
    assert one_line(cli("log", "--after", "999", code=1)) == (
        "Error: --after 999 is beyond the log head (5): resume after a position the log has reached "
        "(the last id or position you received)")
    assert cli("log", "--after", "5").output == ""  # at the head: an empty page


def test_export_refusals_name_the_position_option(cli):
    cli("ingest", str(EXAMPLE_SEEDS))
    assert one_line(cli("export", "assertions", "--position", "-3", code=1)).startswith(
        "Error: --position must be a log position from 0 to ")
    assert one_line(cli("export", "assertions", "--position", "6", code=1)) == (
        "Error: --position 6 is beyond the log head (5)")
