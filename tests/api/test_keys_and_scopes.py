"""Writes and admin routes need a key of the right scope; keys are stored hashed; a key is rate limited."""

from __future__ import annotations

import hashlib
import json

from click.testing import CliRunner
from newsledger.api.cli import main


def test_writes_need_a_write_key_and_reads_are_open(api):
    c = api.client
    assert c.post("/articles", json={"text": "Hello Kyiv"}).status_code == 401
    assert api.post_article("read", text="Hello Kyiv").status_code == 403
    assert c.post("/articles", json={"text": "Hello Kyiv"}, headers={"X-API-Key": api.keys["write"]}).status_code \
        == 201
    assert c.post("/articles", json={"text": "Hello Lviv"}, headers={"Authorization": "Bearer nl_no"}).status_code \
        == 401
    assert c.post("/articles", json={"text": "Hello Lviv"}, headers={"Authorization": "Basic abc"}).status_code == 401
    assert c.get("/articles").status_code == 200


def test_re_extraction_needs_the_admin_scope(api):
    assert api.client.post("/extractors/capitals/runs", json={}, headers=api.headers("write")).status_code == 403
    assert api.client.post("/extractors/capitals/runs", json={}, headers=api.headers("admin")).status_code == 200


def test_reads_can_be_closed_by_setting(make_api):
    api = make_api(open_reads=False)
    assert api.client.get("/articles").status_code == 401
    assert api.client.get("/articles", headers=api.headers("read")).status_code == 200
    assert api.client.get("/health").status_code == 200  # liveness stays public


def test_keys_from_the_environment_are_hashes(make_api):
    key = "nl_deployment-secret"
    api = make_api(api_keys=f"deploy:write:{hashlib.sha256(key.encode()).hexdigest()}")
    assert api.client.post("/articles", json={"text": "Hello Kyiv"}, headers={"X-API-Key": key}).status_code == 201


def test_a_key_over_its_rate_limit_gets_429_with_retry_after(make_api):
    api = make_api(rate_limit_per_minute=3)
    statuses = [api.client.get("/health", headers=api.headers("read")).status_code for _ in range(2)]
    statuses += [api.client.get("/articles", headers=api.headers("read")).status_code for _ in range(4)]
    assert statuses[:2] == [200, 200] and 429 in statuses
    limited = api.client.get("/articles", headers=api.headers("read"))
    assert limited.status_code == 429 and int(limited.headers["retry-after"]) >= 1
    assert api.client.get("/articles", headers=api.headers("write")).status_code == 200  # per key


def test_keys_are_added_listed_and_revoked_from_the_command_line(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLEDGER_DATABASE_URL", f"sqlite:///{tmp_path}/ledger.sqlite")
    runner = CliRunner()
    added = runner.invoke(main, ["keys", "add", "alice", "--scope", "write", "--json"])
    assert added.exit_code == 0, added.output
    shown = json.loads(added.output)
    assert shown["name"] == "alice" and shown["scope"] == "write" and shown["key"].startswith("nl_")
    stored = (tmp_path / "ledger.views.sqlite").read_bytes()
    assert shown["key"].encode() not in stored
    assert hashlib.sha256(shown["key"].encode()).hexdigest().encode() in stored
    assert runner.invoke(main, ["keys", "add", "alice", "--scope", "read"]).exit_code != 0
    listed = runner.invoke(main, ["keys", "list", "--json"])
    assert json.loads(listed.output.splitlines()[0])["name"] == "alice"
    assert runner.invoke(main, ["keys", "revoke", "alice"]).exit_code == 0
    assert runner.invoke(main, ["keys", "revoke", "alice"]).exit_code != 0
    demo = runner.invoke(main, ["demo-key"])
    assert demo.exit_code == 0 and "nl_" in demo.output
