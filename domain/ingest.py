"""The ingest use case: submissions in, one outcome per submission out, bad ones isolated.

Preparing (validating and cleaning) is pure and CPU-bound; recording is I/O-bound and ordered. A
bulk ingest therefore prepares the next batch in another process while the current one is recorded
(``ingest_batches``), which keeps the log in input order and each batch one transaction.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future
from dataclasses import dataclass
from typing import Any

from newsledger.domain.errors import InvalidSubmission, LedgerError
from newsledger.domain.ledger import Ledger, Receipt
from newsledger.domain.submission import DEFAULT_MAX_BYTES, Submission, prepare


@dataclass(frozen=True)
class Outcome:
    """The result for one submission: a receipt, or why it was refused."""

    receipt: Receipt | None
    error: str | None = None
    field: str | None = None
    refused: LedgerError | None = None  # refused by the ledger (not bad input): a retraction, a conflict
    invalid: InvalidSubmission | None = None  # bad input (an ArticleTooLarge among them)


Prepared = dict[str, Any] | InvalidSubmission


def prepare_batch(submissions: Sequence[Submission], max_bytes: int = DEFAULT_MAX_BYTES) -> list[Prepared]:
    """Validate and clean each submission: its article fields, or why it is refused."""
    out: list[Prepared] = []
    for sub in submissions:
        try:
            out.append(prepare(sub, max_bytes=max_bytes))
        except InvalidSubmission as exc:
            out.append(exc)
    return out


def record_batch(ledger: Ledger, prepared: Sequence[Prepared]) -> list[Outcome]:
    """Record the good ones of a prepared batch in one transaction; one outcome per submission.

    If the batch is refused as a whole (a revision of a retracted article, a write conflict), its
    articles are recorded one by one, so only the offending one fails.
    """
    good = [p for p in prepared if not isinstance(p, InvalidSubmission)]
    try:
        results: list[Outcome] = [Outcome(r) for r in ledger.record_many(good)] if good else []
    except LedgerError:
        results = []
        for fields in good:
            try:
                results.append(Outcome(ledger.record(fields)))
            except LedgerError as exc:
                results.append(Outcome(None, str(exc), refused=exc))
    done = iter(results)
    return [Outcome(None, str(p), p.field, invalid=p) if isinstance(p, InvalidSubmission) else next(done)
            for p in prepared]


def ingest(
    ledger: Ledger, submissions: Sequence[Submission], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> list[Outcome]:
    """Validate and clean each submission, then record the good ones in one transaction."""
    return record_batch(ledger, prepare_batch(submissions, max_bytes))


def ingest_batches(
    ledger: Ledger,
    batches: Iterable[Sequence[Submission]],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    executor: Executor | None = None,
    ahead: int = 3,
) -> Iterator[list[Outcome]]:
    """Ingest batch after batch, in order; with an executor, up to ``ahead`` batches are prepared
    while one is recorded (a lookahead of one would leave the preparing process idle whenever a
    batch is recorded faster than the next is cleaned, and the recording one idle the other way)."""
    if executor is None:
        for batch in batches:
            yield ingest(ledger, batch, max_bytes=max_bytes)
        return
    pending: deque[tuple[list[Submission], Future[list[Prepared]]]] = deque()
    for batch in batches:
        batch = list(batch)
        pending.append((batch, executor.submit(_prepare_elsewhere, batch, max_bytes)))
        if len(pending) > ahead:
            yield record_batch(ledger, _with_raw(*pending.popleft()))
    while pending:
        yield record_batch(ledger, _with_raw(*pending.popleft()))


def _prepare_elsewhere(submissions: list[Submission], max_bytes: int) -> list[Prepared]:
    """``prepare_batch`` in a preparing process, answering without the raw inputs the caller holds
    (half of what would travel back between the processes)."""
    prepared = prepare_batch(submissions, max_bytes)
    for p in prepared:
        if not isinstance(p, InvalidSubmission):
            p["raw"] = None  # the key stays in place: the event's fields keep their order
    return prepared


def _with_raw(submissions: list[Submission], future: Future[list[Prepared]]) -> list[Prepared]:
    prepared = future.result()
    for sub, p in zip(submissions, prepared, strict=True):
        if not isinstance(p, InvalidSubmission):
            p["raw"] = sub.text if sub.text is not None else sub.html
    return prepared


def detach_worker() -> None:
    """Initializer of a preparing process: it holds none of the parent's output and dies with it.

    A killed ``newsledger ingest`` must not leave a worker behind that keeps its output pipe open
    (a reader would wait forever) or cleans batches nobody will record.
    """
    import os
    import signal
    import sys

    devnull = os.open(os.devnull, os.O_WRONLY)
    for fd in (1, 2):  # the process's own descriptors, whatever sys.stdout was replaced with
        os.dup2(devnull, fd)
    if sys.platform.startswith("linux"):
        import ctypes

        PR_SET_PDEATHSIG = 1  # noqa: N806 - the name in <sys/prctl.h>
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() == 1:  # the parent died before the signal was armed
            os._exit(0)
