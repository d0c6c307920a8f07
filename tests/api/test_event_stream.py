"""GET /events/stream: headers at once, a documented idle close, and no resuming past the log head."""

from __future__ import annotations

import time

import httpx
from test_errors_and_limits import is_problem
from test_generated_client_live import live_server  # noqa: F401  (a fixture)


def test_the_stream_sends_its_headers_at_once_when_no_event_follows(live_server):  # noqa: F811
    base, _key = live_server
    started = time.monotonic()
    with httpx.stream("GET", f"{base}/events/stream", params={"idle": 5}, timeout=30) as stream:
        waited = time.monotonic() - started
        assert stream.status_code == 200 and stream.headers["content-type"].startswith("text/event-stream")
        first = next(stream.iter_lines())
    assert waited < 2.5, f"the headers took {waited:.1f} s"
    assert first.startswith(": ") and "closes after 5 s without events" in first


def test_a_last_event_id_beyond_the_log_head_is_refused_naming_it(api):
    head = api.services.ledger.head()
    body = is_problem(api.client.get("/events/stream", params={"idle": 0}, headers={"Last-Event-ID": "999"}), 422,
                      "invalid-position")
    assert [(e["field"], e["source"]) for e in body["errors"]] == [("Last-Event-ID", "header")]
    assert f"beyond the log head ({head})" in body["detail"]


def test_an_after_beyond_the_log_head_is_refused_by_the_stream_and_by_the_page_alike(api):
    for path, params in (("/events/stream", {"after": 999, "idle": 0}), ("/events", {"after": 999})):
        body = is_problem(api.client.get(path, params=params), 422, "invalid-position")
        assert [(e["field"], e["source"]) for e in body["errors"]] == [("after", "query")], path


def test_resuming_at_the_log_head_is_accepted_and_opens_the_stream(api):
    api.post_article(text="Kyiv said so.", url="https://example.org/k")
    head = api.services.ledger.head()
    stream = api.client.get("/events/stream", params={"idle": 0}, headers={"Last-Event-ID": str(head)})
    assert stream.status_code == 200 and stream.text.startswith(f": newsledger events after position {head};")
    assert not [line for line in stream.text.splitlines() if line.startswith("id:")]
    assert api.client.get("/events", params={"after": head}).json()["items"] == []


def test_a_last_event_id_that_is_not_a_number_is_a_400_naming_the_header_the_client_sent(api):
    body = is_problem(api.client.get("/events/stream", params={"idle": 0}, headers={"Last-Event-ID": "abc"}), 400,
                      "validation")
    assert [(e["field"], e["source"]) for e in body["errors"]] == [("Last-Event-ID", "header")]
    assert "Last-Event-ID" in body["detail"]
