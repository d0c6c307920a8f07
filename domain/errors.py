"""Domain errors. They know nothing of HTTP; api/errors.py maps them to problem+json."""

from __future__ import annotations


class LedgerError(Exception):
    """Base of every error the ledger raises on purpose."""


class ArticleNotFound(LedgerError):
    def __init__(self, article_id: str) -> None:
        super().__init__(f"no article {article_id}")
        self.article_id = article_id


class VersionNotFound(LedgerError):
    def __init__(self, article_id: str, version: int) -> None:
        super().__init__(f"article {article_id} has no version {version}")
        self.article_id = article_id
        self.version = version


class ArticleRetracted(LedgerError):
    def __init__(self, article_id: str) -> None:
        super().__init__(f"article {article_id} was retracted; it cannot be revised")
        self.article_id = article_id


class AlreadyRetracted(ArticleRetracted):
    """A second retraction of one article: refused, the first one stands."""

    def __init__(self, article_id: str, reason: str) -> None:
        LedgerError.__init__(self, f"article {article_id} is already retracted (reason: {reason!r}); "
                                   "a retraction is recorded once")
        self.article_id = article_id
        self.reason = reason


class InvalidSubmission(LedgerError):
    """Bad input: empty, undecodable, too large, malformed or with unknown fields."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field
