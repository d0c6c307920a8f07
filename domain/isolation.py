"""Running one extractor on one article version without letting it hurt anything else.

An extractor that raises, runs past its time budget or returns invalid assertions yields a
failure reason instead of assertions; the caller records it as ``Extraction.Failed``.
"""

from __future__ import annotations

import concurrent.futures
import threading

import msgspec
from newsledger.domain.assertions import Assertion, InvalidAssertion, validate_assertion
from newsledger.domain.extractor import Extractor
from newsledger.domain.text import ArticleText


class ExtractorRunner:
    """Runs extractors with a per-article time budget, one worker thread per extractor.

    A hung extractor cannot be killed from Python; its thread is abandoned (daemon) and a fresh
    worker takes over, so later articles are not stuck behind it.
    """

    def __init__(self, budget_seconds: float = 5.0) -> None:
        self.budget = budget_seconds
        self._pools: dict[str, concurrent.futures.ThreadPoolExecutor] = {}
        self._lock = threading.Lock()
        self._prepared: set[str] = set()

    def _pool(self, name: str) -> concurrent.futures.ThreadPoolExecutor:
        with self._lock:
            pool = self._pools.get(name)
            if pool is None:
                pool = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix=f"extract-{name}")
                self._pools[name] = pool
            return pool

    def _abandon(self, name: str) -> None:
        with self._lock:
            pool = self._pools.pop(name, None)
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)

    def run(self, extractor: Extractor, article: ArticleText) -> tuple[list[Assertion] | None, str | None]:
        """(assertions, None) on success, (None, reason) on failure."""
        if extractor.name not in self._prepared:
            try:
                if extractor.prepare is not None:
                    extractor.prepare()
            except Exception as exc:  # a broken set-up fails every run, visibly
                return None, f"prepare raised {type(exc).__name__}: {exc}"[:2000]
            self._prepared.add(extractor.name)
        future = self._pool(extractor.name).submit(extractor.extract, article)
        try:
            result = future.result(timeout=self.budget)
        except concurrent.futures.TimeoutError:
            self._abandon(extractor.name)
            return None, f"timed out after {self.budget:g}s"
        except Exception as exc:  # an extractor's bug must never escape
            return None, f"raised {type(exc).__name__}: {exc}"[:2000]
        try:
            items = list(result)
            checked = [validate_assertion(i, article, extractor.name, extractor.version) for i in items]
        except (InvalidAssertion, TypeError) as exc:
            return None, f"invalid output: {exc}"[:2000]
        ids = [a.id for a in checked]
        if len(set(ids)) != len(ids):
            return None, "invalid output: the same assertion twice"
        return sorted(checked, key=lambda a: (a.start, a.end, a.kind)), None

    def close(self) -> None:
        with self._lock:
            pools, self._pools = list(self._pools.values()), {}
        for pool in pools:
            pool.shutdown(wait=False, cancel_futures=True)


def assertion_records(assertions: list[Assertion]) -> list[dict]:
    """Assertions as plain records for the event (msgspec builtins, JSON-safe)."""
    return msgspec.to_builtins(assertions)
