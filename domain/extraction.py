"""Extraction streams: one per (article, extractor), recording every run as a fact.

A run is recorded as ``Extraction.Completed`` (with the assertions found) or ``Extraction.Failed``
(with the reason). A new article version or a new extractor version appends a new event; nothing
earlier is ever changed, so what was asserted at any point stays readable.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID, uuid5

from eventsourcing.domain import DomainEvent


def extraction_stream_id(article_id: str | UUID, extractor: str) -> UUID:
    """id = uuid5(article id, extractor name)."""
    return uuid5(UUID(str(article_id)), extractor)


class Extraction:
    """Namespace of the extraction stream's events (the stream needs no behaviour of its own)."""

    class Completed(DomainEvent):
        """An extractor version read an article version and found these assertions."""

        article_id: str
        article_version: int
        extractor: str
        extractor_version: str
        assertions: list[dict[str, Any]]

    class Failed(DomainEvent):
        """An extractor version raised, hung or returned something invalid for an article version."""

        article_id: str
        article_version: int
        extractor: str
        extractor_version: str
        error: str
