"""The ingest use case: submissions in, one outcome per submission out, bad ones isolated."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsledger.domain.errors import InvalidSubmission
from newsledger.domain.ledger import Ledger, Receipt
from newsledger.domain.submission import DEFAULT_MAX_BYTES, Submission, prepare


@dataclass(frozen=True)
class Outcome:
    """The result for one submission: a receipt, or why it was refused."""

    receipt: Receipt | None
    error: str | None = None
    field: str | None = None


def ingest(
    ledger: Ledger, submissions: Sequence[Submission], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> list[Outcome]:
    """Validate and clean each submission, then record the good ones in one transaction."""
    outcomes: list[Outcome | None] = []
    prepared, slots = [], []
    for sub in submissions:
        try:
            fields = prepare(sub, max_bytes=max_bytes)
        except InvalidSubmission as exc:
            outcomes.append(Outcome(None, str(exc), exc.field))
            continue
        slots.append(len(outcomes))
        outcomes.append(None)
        prepared.append(fields)
    if prepared:
        for slot, receipt in zip(slots, ledger.record_many(prepared), strict=True):
            outcomes[slot] = Outcome(receipt)
    return [o for o in outcomes if o is not None]
