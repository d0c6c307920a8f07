"""The ledger and a retracted article: identical content is no revision; different content is refused."""

from __future__ import annotations

import pytest
from newsledger.domain.errors import AlreadyRetracted
from newsledger.domain.ingest import ingest
from newsledger.domain.submission import Submission

STORY = "Kyiv said on Monday that troops had advanced.\n\nThe Mayor of Izium welcomed them."
CHANGED = "Kyiv said on Tuesday that troops had advanced further.\n\nThe Mayor of Izium welcomed them."


def test_ingesting_the_same_files_again_after_a_retraction_fails_none_and_records_nothing(make_services):
    ledger = make_services().ledger
    first = ingest(ledger, [Submission(text=STORY), Submission(text=CHANGED)])  # content ids, as the seeds
    ledger.retract(first[0].receipt.id, "wrong town")
    head = ledger.head()
    again = ingest(ledger, [Submission(text=STORY), Submission(text=CHANGED)])
    assert [(o.error, o.receipt.outcome, o.receipt.retracted) for o in again] == [
        (None, "unchanged", "wrong town"), (None, "unchanged", None)]
    assert ledger.head() == head


def test_a_new_version_of_a_retracted_article_is_refused_and_records_nothing(make_services):
    ledger = make_services().ledger
    url = "https://example.org/a"
    ledger.retract(ingest(ledger, [Submission(text=STORY, url=url)])[0].receipt.id, "wrong town")
    head = ledger.head()
    [outcome] = ingest(ledger, [Submission(text=CHANGED, url=url)])
    assert outcome.receipt is None and "cannot be revised" in outcome.error
    assert ledger.head() == head


def test_a_second_retraction_is_refused_as_already_retracted(make_services):
    ledger = make_services().ledger
    article_id = ingest(ledger, [Submission(text=STORY)])[0].receipt.id
    ledger.retract(article_id, "wrong town")
    with pytest.raises(AlreadyRetracted, match="already retracted"):
        ledger.retract(article_id, "again")


def test_two_processes_retracting_one_article_at_once_record_one_retraction_and_refuse_the_other(
        make_services, tmp_path):
    import threading

    url = f"sqlite:///{tmp_path}/ledger.sqlite"
    first, second = make_services(url).ledger, make_services(url).ledger
    article_id = ingest(first, [Submission(text=STORY)])[0].receipt.id
    both_read = threading.Barrier(2)
    for ledger in (first, second):  # each reads the article before either writes: the race the API met
        read, reads = ledger.article, []

        def article(i, read=read, reads=reads):
            found = read(i)
            if not reads:  # the first read only: a retry reads again alone
                reads.append(i)
                both_read.wait(5)
            return found

        ledger.article = article  # type: ignore[method-assign]
    outcomes: list[str] = []

    def retract(ledger) -> None:
        try:
            ledger.retract(article_id, "race")
            outcomes.append("recorded")
        except AlreadyRetracted:
            outcomes.append("already retracted")

    threads = [threading.Thread(target=retract, args=(ledger,)) for ledger in (first, second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert sorted(outcomes) == ["already retracted", "recorded"]
