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
