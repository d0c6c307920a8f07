"""Encoded answers of reads, kept in memory per process and keyed by the log position they answer for.

An answer as of log position P never changes once the read models have passed P: view rows are
only appended or closed at later positions, a row is served as known at P (still open: a ``valid_to``
set later is not shown), and a read never answers for a position the read models have not reached.
So the same question at the same position is answered from the bytes encoded the first time. A
current read (no ``position`` or ``as_of``) resolves to the latest read position first, so a new
event simply makes new keys; old entries age out, least recently used first.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable


class ReadCache:
    """A byte-bounded LRU map from (question, position) to the encoded answer (0 bytes: disabled).

    Used from the event loop only (``reading.run_read``), so it needs no lock.
    """

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._entries: OrderedDict[Hashable, bytes] = OrderedDict()
        self._size = 0
        self.hits = self.misses = 0

    def get(self, key: Hashable) -> bytes | None:
        body = self._entries.get(key)
        if body is None:
            self.misses += 1
            return None
        self._entries.move_to_end(key)
        self.hits += 1
        return body

    def put(self, key: Hashable, body: bytes) -> None:
        if len(body) > self.max_bytes // 8:  # one huge page must not flush everything else
            return
        old = self._entries.pop(key, None)
        if old is not None:
            self._size -= len(old)
        self._entries[key] = body
        self._size += len(body)
        while self._size > self.max_bytes:
            _, evicted = self._entries.popitem(last=False)
            self._size -= len(evicted)

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def size(self) -> int:
        return self._size
