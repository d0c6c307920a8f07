"""An answer as of a log position is what was known at that position: later events never change it."""

from __future__ import annotations

from litestar.testing import TestClient
from newsledger.api.app import create_app
from newsledger.domain.projections.assertions import query_assertions
from support import capitals_extractor

STORY = "Kyiv said on Monday that troops had advanced.\n\nThe Mayor of Izium welcomed them."
CHANGED = "Kyiv said on Tuesday that troops had advanced.\n\nThe Mayor of Izium welcomed them."
URL = "https://example.org/news/as-of"


def test_the_same_question_as_of_a_position_gets_the_same_bytes_after_a_later_write_and_in_a_fresh_app(
        tmp_path, make_api, make_services):
    url = f"sqlite:///{tmp_path}/ledger.sqlite"
    api = make_api(url)
    receipt = api.post_article(text=STORY, url=URL).json()
    p1 = receipt["position"]
    questions = ["/assertions", f"/articles/{receipt['id']}/assertions"]
    before = {q: api.client.get(q, params={"position": p1}) for q in questions}
    assert all(r.status_code == 200 and r.json()["items"] for r in before.values())
    assert {a["valid_to"] for r in before.values() for a in r.json()["items"]} == {None}

    p2 = api.post_article(text=CHANGED, url=URL).json()["position"]  # closes every row of version 1
    assert api.client.get("/assertions", params={"min_position": p2}).status_code == 200
    for q in questions:
        assert api.client.get(q, params={"position": p1}).content == before[q].content

    # another process (a second worker, or this one restarted): nothing cached, the rows read as they are now
    fresh = create_app(services=make_services(url, extractors=[capitals_extractor()]))
    with TestClient(fresh) as client:
        for q in questions:
            assert client.get(q, params={"position": p1}).content == before[q].content


def test_rows_queried_as_of_a_position_are_open_as_of_it_even_once_closed_later(make_api):
    api = make_api()
    receipt = api.post_article(text=STORY, url=URL).json()
    p2 = api.post_article(text=CHANGED, url=URL).json()["position"]
    assert api.client.get("/assertions", params={"min_position": p2}).status_code == 200
    rows = query_assertions(api.services.views, receipt["position"], article_id=receipt["id"])
    assert rows and {r["valid_to"] for r in rows} == {None}
    closed = api.services.views.query("SELECT COUNT(*) FROM assertions WHERE valid_to <= ?", (p2,))[0][0]
    assert closed == len(rows)  # the view itself still records where they were closed
