"""The ledger's promises, on the in-memory store, a SQLite file and PostgreSQL alike."""

from __future__ import annotations

import time

from newsledger.domain.assertions import make_assertion
from newsledger.domain.extractor import Extractor
from newsledger.domain.ingest import ingest
from newsledger.domain.projections.articles import get_article
from newsledger.domain.projections.assertions import query_assertions
from newsledger.domain.submission import Submission
from support import capitals_extractor

STORY = "Kyiv said on Monday that troops had advanced.\n\nThe Mayor of Izium welcomed them."
CHANGED = "Kyiv said on Tuesday that troops had advanced further.\n\nThe Mayor of Izium welcomed them."
URL = "https://example.org/news/1"


def test_identical_content_submitted_again_records_nothing(database_url, make_services):
    s = make_services(database_url, extractors=[capitals_extractor()])
    first = ingest(s.ledger, [Submission(text=STORY, url=URL)])[0].receipt
    head = s.ledger.head()
    again = ingest(s.ledger, [Submission(text=STORY, url=URL + "?utm_source=x")])[0].receipt
    assert (again.id, again.version, again.outcome) == (first.id, 1, "unchanged")
    assert s.ledger.head() == head


def test_the_same_input_read_otherwise_by_a_newer_cleaner_records_nothing(database_url, make_services):
    from newsledger.domain.article import content_hash
    from newsledger.domain.submission import prepare

    s = make_services(database_url)
    html = "<h1>Izium retaken</h1><h2>Troops advance</h2><p>Ukrainian troops retook Izium on Saturday.</p>"
    first = s.ledger.record(prepare(Submission(html=html, url=URL)))
    # a cleaner upgrade reads another title and body from the very same page
    upgraded = prepare(Submission(html=html, url=URL))
    upgraded["title"], upgraded["body"] = "Izium retaken | Example News", "Izium retaken\n\nUkrainian troops."
    upgraded["content_hash"] = content_hash(upgraded["title"], upgraded["body"])
    again = s.ledger.record(upgraded)
    assert (again.id, again.version, again.outcome) == (first.id, 1, "unchanged")
    # the same page with spaces changed is the same input too; a title the client gives is not
    assert s.ledger.record(prepare(Submission(html=html.replace("</h1>", "</h1>\n  "), url=URL))).outcome == (
        "unchanged")
    retitled = s.ledger.record(prepare(Submission(html=html, url=URL, title="Izium is Ukrainian again")))
    assert (retitled.version, retitled.outcome) == (2, "revised")


def test_revised_article_keeps_its_first_version_readable(database_url, make_services):
    s = make_services(database_url, extractors=[capitals_extractor()])
    first = ingest(s.ledger, [Submission(text=STORY, url=URL)])[0].receipt
    second = ingest(s.ledger, [Submission(text=CHANGED, url=URL)])[0].receipt
    assert (second.id, second.version, second.outcome) == (first.id, 2, "revised")
    article = s.ledger.article(first.id)
    assert "Monday" in article.get_version(1)["body"]
    assert "Tuesday" in article.get_version(2)["body"]
    assert article.get_version(1)["raw"] == STORY


def test_one_batch_may_hold_an_article_and_its_revision(database_url, make_services):
    s = make_services(database_url, extractors=[capitals_extractor()])
    out = ingest(s.ledger, [Submission(text=STORY, url=URL), Submission(text=STORY, url=URL),
                            Submission(text=CHANGED, url=URL), Submission(text=STORY, url=URL + "/other")])
    assert [o.receipt.outcome for o in out] == ["new", "unchanged", "revised", "new"]
    first, *_, other = (o.receipt for o in out)
    log = [(n.topic.rsplit(".", 1)[-1], n.originator_id) for n in s.ledger.log(limit=100)]
    # in input order, each version followed by its own extraction run
    assert [t for t, _ in log] == ["Ingested", "Completed", "Revised", "Completed", "Ingested", "Completed"]
    article = s.ledger.article(first.id)
    assert [v["version"] for v in article.versions] == [1, 2] and "Tuesday" in article.current["body"]
    assert s.ledger.article(other.id).version_number == 1


def test_each_line_of_a_batch_answers_its_own_version_and_position(database_url, make_services):
    s = make_services(database_url, extractors=[capitals_extractor()])
    out = [o.receipt for o in ingest(s.ledger, [Submission(text=STORY, url=URL), Submission(text=CHANGED, url=URL),
                                                Submission(text=STORY, url=URL)])]
    assert [(r.outcome, r.version) for r in out] == [("new", 1), ("revised", 2), ("revised", 3)]
    assert out[0].position < out[1].position < out[2].position == s.ledger.head()
    s.projector.catch_up()
    for r in out:  # as of its own position, the article reads as that line's version
        assert get_article(s.views, r.id, r.position)["version"] == r.version


def test_every_version_recorded_in_one_batch_gets_its_extraction_runs(database_url, make_services):
    s = make_services(database_url, extractors=[capitals_extractor()])
    out = [o.receipt for o in ingest(s.ledger, [Submission(text=STORY, url=URL), Submission(text=CHANGED, url=URL),
                                                Submission(text=STORY, url=URL)])]
    runs = s.ledger.runs(out[0].id, "capitals")
    assert [(r.article_version, r.originator_version) for r in runs] == [(1, 1), (2, 2), (3, 3)]
    times = [s.ledger.mapper.to_domain_event(n).timestamp for n in s.ledger.log(limit=100)]
    assert times == sorted(times)  # each version, then its runs: an as_of time resolves to a position
    s.projector.catch_up()
    as_of_v2 = {a["text"] for a in query_assertions(s.views, out[1].position, article_id=out[1].id)}
    assert "Tuesday" in as_of_v2 and "Monday" not in as_of_v2


def test_an_unchanged_submission_answers_with_a_log_position(database_url, make_services):
    s = make_services(database_url, extractors=[capitals_extractor()])
    first = ingest(s.ledger, [Submission(text=STORY, url=URL)])[0].receipt
    ingest(s.ledger, [Submission(text="Another story from Odesa today.")])
    again = ingest(s.ledger, [Submission(text=STORY, url=URL)])[0].receipt
    assert (again.outcome, again.version, again.position) == ("unchanged", 1, s.ledger.head())
    twice = [o.receipt for o in ingest(s.ledger, [Submission(text=CHANGED, url=URL)] * 2)]
    assert [(r.outcome, r.version) for r in twice] == [("revised", 2), ("unchanged", 2)]
    assert twice[0].position == twice[1].position > first.position


def test_a_new_articles_first_event_alone_replays_to_the_article(database_url, make_services):
    from newsledger.domain.article import Article
    from newsledger.domain.submission import prepare

    s = make_services(database_url)
    fields = prepare(Submission(text=STORY, url=URL, outlet="Example"))
    built = Article(**{k: v for k, v in fields.items() if k != "given_title"})
    recorded = ingest(s.ledger, [Submission(text=STORY, url=URL, outlet="Example")])[0].receipt
    replayed = s.ledger.article(recorded.id)
    assert replayed.id == built.id and replayed.url == built.url
    assert {k: v for k, v in replayed.current.items() if k != "received_at"} == {
        k: v for k, v in built.current.items() if k != "received_at"}


def test_reads_as_of_a_position_before_a_revision_show_the_first_version_and_its_assertions(
    database_url, make_services
):
    s = make_services(database_url, extractors=[capitals_extractor()])
    first = ingest(s.ledger, [Submission(text=STORY, url=URL)])[0].receipt
    before = s.ledger.head()
    ingest(s.ledger, [Submission(text=CHANGED, url=URL)])
    s.projector.catch_up()
    then = get_article(s.views, first.id, before)
    now = get_article(s.views, first.id, s.projector.position())
    assert then["version"] == 1 and "Monday" in then["body"]
    assert now["version"] == 2 and "Tuesday" in now["body"]
    words_then = {a["text"] for a in query_assertions(s.views, before, article_id=first.id)}
    words_now = {a["text"] for a in query_assertions(s.views, s.projector.position(), article_id=first.id)}
    assert "Monday" in words_then and "Monday" not in words_now
    assert "Tuesday" in words_now


def test_a_re_extraction_is_invisible_as_of_earlier_positions(database_url, make_services):
    s = make_services(database_url, extractors=[capitals_extractor("1")])
    receipt = ingest(s.ledger, [Submission(text=STORY, url=URL)])[0].receipt
    before = s.ledger.head()
    s.ledger.extractors["capitals"] = capitals_extractor("2")
    s.ledger.reextract(receipt.id, ["capitals"])
    s.projector.catch_up()
    old = query_assertions(s.views, before, article_id=receipt.id)
    new = query_assertions(s.views, s.projector.position(), article_id=receipt.id)
    assert {a["extractor_version"] for a in old} == {"1"}
    assert {a["extractor_version"] for a in new} == {"2"}
    assert [r.extractor_version for r in s.ledger.runs(receipt.id, "capitals")] == ["1", "2"]


def test_a_raising_extractor_is_recorded_as_failed_and_the_others_still_run(database_url, make_services):
    def boom(article):
        raise RuntimeError("kaput")

    s = make_services(database_url, extractors=[Extractor("boom", "1", boom), capitals_extractor()])
    receipt = ingest(s.ledger, [Submission(text=STORY, url=URL)])[0].receipt
    failed = s.ledger.runs(receipt.id, "boom")
    assert type(failed[0]).__qualname__ == "Extraction.Failed"
    assert "kaput" in failed[0].error
    assert type(s.ledger.runs(receipt.id, "capitals")[0]).__qualname__ == "Extraction.Completed"


def test_a_hanging_extractor_fails_after_its_budget(database_url, make_services):
    def hang(article):
        time.sleep(3)
        return []

    s = make_services(database_url, extractors=[Extractor("hang", "1", hang)], extraction_budget=0.2)
    started = time.monotonic()
    receipt = ingest(s.ledger, [Submission(text=STORY, url=URL)])[0].receipt
    assert time.monotonic() - started < 2.5
    assert "timed out" in s.ledger.runs(receipt.id, "hang")[0].error


def test_an_assertion_outside_the_body_is_refused(database_url, make_services):
    def bad(article):
        return [make_assertion(article, extractor="bad", extractor_version="1", kind="x", start=0,
                               end=len(article.body) + 5, data={})]

    s = make_services(database_url, extractors=[Extractor("bad", "1", bad)])
    receipt = ingest(s.ledger, [Submission(text=STORY, url=URL)])[0].receipt
    assert "outside the body" in s.ledger.runs(receipt.id, "bad")[0].error


def test_projections_equal_a_rebuild_from_the_log(database_url, make_services):
    s = make_services(database_url, extractors=[capitals_extractor()])
    ingest(s.ledger, [Submission(text=STORY, url=URL), Submission(text="Another story from Odesa today.")])
    ingest(s.ledger, [Submission(text=CHANGED, url=URL)])
    s.projector.catch_up()
    tables = ("articles", "assertions", "extraction_runs", "log_index")
    before = {t: sorted(s.views.query(f"SELECT * FROM {t}")) for t in tables}
    for name in list(s.projector.projections):
        s.projector.rebuild(name)
    s.projector.catch_up()
    after = {t: sorted(s.views.query(f"SELECT * FROM {t}")) for t in tables}
    assert before == after


def test_a_slow_one_off_preparation_does_not_count_against_the_time_budget(database_url, make_services):
    def slow_prepare():
        time.sleep(0.5)

    extractor = Extractor("prepared", "1", lambda a: [], prepare=slow_prepare)
    s = make_services(database_url, extractors=[extractor], extraction_budget=0.2)
    receipt = ingest(s.ledger, [Submission(text=STORY, url=URL)])[0].receipt
    assert type(s.ledger.runs(receipt.id, "prepared")[0]).__qualname__ == "Extraction.Completed"


def test_the_scaled_worker_runs_the_extractors_on_every_version_of_a_batch(database_url, make_services):
    from newsledger.domain.worker import ExtractionWorker

    s = make_services(database_url, extractors=[capitals_extractor()], role="api")
    out = [o.receipt for o in ingest(s.ledger, [Submission(text=STORY, url=URL), Submission(text=CHANGED, url=URL),
                                                Submission(text=STORY, url=URL)])]
    assert [r.version for r in out] == [1, 2, 3] and s.ledger.runs(out[0].id, "capitals") == []
    worker = ExtractionWorker(s.ledger, s.views)
    while worker.run_once():
        pass
    assert sorted(r.article_version for r in s.ledger.runs(out[0].id, "capitals")) == [1, 2, 3]
