"""An ``as_of`` time answers one position forever: while a write that began before it is still being
recorded, the time is refused (425) rather than answered with a position a later commit contradicts."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta

from newsledger.domain.extractor import Extractor
from support import capitals_extractor
from test_errors_and_limits import is_problem


def slow_extractor(started: threading.Event, release: threading.Event) -> Extractor:
    """A real extractor that takes as long as the test wants: it runs between an article's event being
    made and the write being committed, as a slow extraction of a long article does."""

    def extract(article):
        started.set()
        release.wait(4)
        return []

    return Extractor(name="slow", version="1", kinds=("slow",), extract=extract)


def test_a_time_during_a_slow_write_is_refused_until_the_write_lands_and_then_answers_one_position_forever(
        tmp_path, make_api):
    started, release = threading.Event(), threading.Event()
    api = make_api(f"sqlite:///{tmp_path}/ledger.sqlite", extractors=[capitals_extractor(), slow_extractor(
        started, release)])
    release.set()
    first = api.post_article(text="Kyiv said on Monday.", url="https://example.org/1").json()
    release.clear()
    started.clear()
    receipt: dict = {}
    writer = threading.Thread(target=lambda: receipt.update(
        api.post_article(text="Izium said on Tuesday.", url="https://example.org/2").json()))
    writer.start()
    try:
        assert started.wait(4)  # the article's extraction runs; nothing is committed
        during = datetime.now(UTC)
        time.sleep(1.2)  # past the margin for writes elsewhere: only this process's own write is unsettled
        for instant in (during, during + timedelta(microseconds=1), during - timedelta(microseconds=1)):
            refused = api.client.get("/events", params={"limit": 1, "as_of": instant.isoformat()})
            body = is_problem(refused, 425, "not-settled")
            assert refused.headers["Retry-After"] == "1" and body["errors"][0]["field"] == "as_of"
    finally:
        release.set()
        writer.join()
    # events are stamped as they are committed: at the instant, the ledger held the first article alone
    assert receipt["position"] > first["position"]
    answers = [api.client.get("/events", params={"limit": 1, "as_of": t.isoformat()}).json()["position"]
               for t in (during, during + timedelta(microseconds=1), during, during - timedelta(microseconds=1))]
    assert answers == [first["position"]] * 4  # once and for all


def test_a_time_less_than_a_second_ago_is_refused_unless_the_log_already_holds_a_later_event(make_api):
    api = make_api()
    api.post_article(text="Kyiv said on Monday.", url="https://example.org/1")
    just_now = datetime.now(UTC)
    refused = api.client.get("/assertions", params={"as_of": just_now.isoformat()})
    is_problem(refused, 425, "not-settled")
    assert 1 <= int(refused.headers["Retry-After"]) <= 2
    later = api.post_article(text="Izium said on Tuesday.", url="https://example.org/2").json()
    answered = api.client.get("/assertions", params={"as_of": just_now.isoformat(), "min_position": later["position"]})
    assert answered.status_code == 200 and answered.json()["position"] < later["position"]


def test_events_are_stamped_when_committed_so_times_rise_with_positions_and_follow_the_extraction(
        tmp_path, make_api):
    started, release = threading.Event(), threading.Event()
    api = make_api(f"sqlite:///{tmp_path}/ledger.sqlite", extractors=[slow_extractor(started, release)])
    receipt: dict = {}
    writer = threading.Thread(target=lambda: receipt.update(
        api.post_article(text="Izium said on Tuesday.", url="https://example.org/2").json()))
    writer.start()
    assert started.wait(4)
    while_extracting = datetime.now(UTC)
    release.set()
    writer.join()
    events = api.client.get("/events", params={"min_position": receipt["position"]}).json()["items"]
    times = [datetime.fromisoformat(e["time"]) for e in events]
    assert len(times) == 2  # the article's event and its run
    assert times == sorted(times) and len(set(times)) == len(times)
    assert times[0] > while_extracting  # the article's event carries its commit's time, not its making's
