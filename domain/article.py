"""The Article aggregate: every version of one article, as immutable events."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event
from eventsourcing.utils import get_topic
from newsledger.domain.errors import ArticleRetracted, VersionNotFound
from newsledger.domain.text import ArticleText

# Content ids live in their own namespace so that they can never collide with URL ids.
CONTENT_NAMESPACE = uuid5(NAMESPACE_URL, "urn:newsledger:content")


def content_hash(title: str | None, body: str) -> str:
    """What makes two submissions 'the same content': the title and the cleaned body.

    The cleaner already folds spaces and blank lines (its body is canonical), so the hash is taken
    as it is; line and paragraph breaks are content.
    """
    return hashlib.sha256(f"{_folded(title or '')}\n{body}".encode()).hexdigest()


def _folded(text: str) -> str:
    """``text`` with its runs of spaces and line breaks folded to one space, and none at either end."""
    return " ".join(text.split())


def same_input(version: dict[str, Any], raw_format: str, raw: str, given_title: str | None) -> bool:
    """The submission repeats the input ``version`` was cleaned from: the same format, the same raw text
    or HTML (spaces folded) and no other title given. A cleaner upgrade changes the body it makes of
    an input; re-submitting that input is still not a new version of the article."""
    if version["raw_format"] != raw_format or _folded(version["raw"]) != _folded(raw):
        return False
    return given_title is None or _folded(given_title) == _folded(version["title"] or "")


def article_id_for(url: str | None, content_hash: str) -> UUID:
    """uuid5 of the canonical URL when there is one, else of the normalised content (its hash)."""
    if url:
        return uuid5(NAMESPACE_URL, url)
    return uuid5(CONTENT_NAMESPACE, content_hash)


def canonical_id(article_id: str) -> str:
    """An article id as the ledger writes it (lowercase, hyphenated): a UUID's hex digits are case-insensitive;
    anything else is returned as it is (no article has it)."""
    try:
        return str(UUID(article_id))
    except ValueError:
        return article_id


class Article(Aggregate):
    """A news article. Each Ingested or Revised event is one content version, numbered from 1."""

    @staticmethod
    def create_id(url: str | None, content_hash: str, **_: Any) -> UUID:
        return article_id_for(url, content_hash)

    @classmethod
    def first_version(cls, article_id: UUID, fields: dict[str, Any]) -> Article.Ingested:
        """The ``Ingested`` event of a new article, without building the aggregate around it.

        The same event ``Article(**fields)`` records (the aggregate is its replay); a bulk ingest of
        new articles needs only the event, and building each aggregate is most of its cost.
        ``article_id``: ``article_id_for`` of the fields, already worked out by the caller.
        """
        recorded = {k: v for k, v in fields.items() if k != "given_title"}  # a note of the submission's
        return cls.Ingested(  # type: ignore[call-arg]
            originator_id=article_id,
            originator_version=cls.INITIAL_VERSION, timestamp=cls.Ingested.create_timestamp(),
            originator_topic=_TOPIC, **recorded,
        )

    @event("Ingested")
    def __init__(
        self,
        *,
        url: str | None,
        outlet: str | None,
        title: str | None,
        published_at: str | None,
        received_at: datetime,
        raw: str,
        raw_format: str,
        body: str,
        content_hash: str,
        alignment: list[list[int]],
        external_id: str | None = None,
        category: str | None = None,
    ) -> None:
        self.url = url
        self.retracted_reason: str | None = None
        self.versions: list[dict[str, Any]] = []
        self._add_version(locals())

    @event("Revised")
    def revise(
        self,
        *,
        outlet: str | None,
        title: str | None,
        published_at: str | None,
        received_at: datetime,
        raw: str,
        raw_format: str,
        body: str,
        content_hash: str,
        alignment: list[list[int]],
        external_id: str | None = None,
        category: str | None = None,
    ) -> None:
        """Same URL, different content: a new version; older versions stay readable."""
        self._add_version(locals())

    def _add_version(self, fields: dict[str, Any]) -> None:
        version = {k: v for k, v in fields.items() if k not in ("self", "__class__", "url")}
        version["version"] = len(self.versions) + 1
        self.versions.append(version)

    @event("Retracted")
    def retract(self, *, reason: str) -> None:
        """The outlet withdrew the article; its versions stay readable for audit."""
        self.retracted_reason = reason

    # Rules checked before an event is triggered, so a refused command records nothing.
    def revise_if_changed(self, given_title: str | None = None, **fields: Any) -> bool:
        """Record ``fields`` as a new version unless they are the current one: the same content, or the
        same input (``same_input``; ``given_title``: the title the client gave, None when the cleaner's).

        A retracted article refuses a new version, but repeating its current one is no revision: it
        records nothing, as for any article (a re-run ingest of the same files must not fail)."""
        if fields["content_hash"] == self.current["content_hash"] or same_input(
                self.current, fields["raw_format"], fields["raw"], given_title):
            return False
        if self.retracted_reason is not None:
            raise ArticleRetracted(str(self.id))
        self.revise(**fields)
        return True

    @property
    def current(self) -> dict[str, Any]:
        return self.versions[-1]

    @property
    def version_number(self) -> int:
        return len(self.versions)

    def get_version(self, number: int | None = None) -> dict[str, Any]:
        if number is None:
            return self.current
        if not 1 <= number <= len(self.versions):
            raise VersionNotFound(str(self.id), number)
        return self.versions[number - 1]

    def text(self, number: int | None = None) -> ArticleText:
        """The version an extractor reads."""
        v = self.get_version(number)
        return ArticleText(
            id=str(self.id),
            version=v["version"],
            body=v["body"],
            title=v["title"],
            outlet=v["outlet"],
            url=self.url,
            published_at=v["published_at"],
        )


_TOPIC = get_topic(Article)
