"""The assertion wire format every client and every plugin shares (DESIGN.md, Assertions).

The envelope is fixed and validated by the core; ``data`` is kind-specific. The three built-in
kinds have typed ``data`` structs here so that clients and the OpenAPI document can rely on them;
third-party kinds keep ``data`` opaque.
"""

from __future__ import annotations

import hashlib
from typing import Any, Literal

import msgspec
from newsledger.domain.text import ArticleText


class Assertion(msgspec.Struct, frozen=True, kw_only=True):
    """One thing an article says, found by one extractor version in one article version."""

    id: str
    kind: str
    start: int
    end: int
    text: str
    data: dict[str, Any]
    extractor: str
    extractor_version: str
    article_id: str
    article_version: int


class NumberData(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """``data`` of a ``number`` assertion."""

    value: float
    unit: str | None = None
    si_value: float | None = None
    si_unit: str | None = None
    counted: str | None = None
    modifier: str | None = None
    approximate: bool = False
    attributed_to: str | None = None


class QuoteData(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """``data`` of a ``quote`` assertion: ``text`` is the words between the quote marks."""

    speaker: str | None = None
    speaker_surface: str | None = None
    partial: bool = False


Feature = Literal["city", "region", "country", "continent", "other"]


class LocationData(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """``data`` of a ``location`` assertion, resolved against GeoNames."""

    name: str
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    feature: Feature = "other"
    metonymy: bool = False


BUILTIN_DATA: dict[str, type[msgspec.Struct]] = {
    "number": NumberData,
    "quote": QuoteData,
    "location": LocationData,
}


class InvalidAssertion(ValueError):
    """An extractor handed over something that is not a valid assertion for the article."""


def assertion_id(article_id: str, extractor: str, kind: str, start: int, end: int) -> str:
    """Stable id: the same extractor finding the same span of the same article gets the same id."""
    key = f"{article_id}\x1f{extractor}\x1f{kind}\x1f{start}\x1f{end}"
    return hashlib.blake2b(key.encode(), digest_size=12).hexdigest()


def make_assertion(
    article: ArticleText,
    *,
    extractor: str,
    extractor_version: str,
    kind: str,
    start: int,
    end: int,
    data: dict[str, Any],
) -> Assertion:
    """Build an assertion for ``article.body[start:end]``, filling the envelope."""
    return Assertion(
        id=assertion_id(article.id, extractor, kind, start, end),
        kind=kind,
        start=start,
        end=end,
        text=article.body[start:end],
        data=data,
        extractor=extractor,
        extractor_version=extractor_version,
        article_id=article.id,
        article_version=article.version,
    )


def validate_assertion(item: object, article: ArticleText, extractor: str, version: str) -> Assertion:
    """Check one extractor result against the envelope rules; raise InvalidAssertion if it fails."""
    if not isinstance(item, Assertion):
        raise InvalidAssertion(f"expected an Assertion, got {type(item).__name__}")
    if item.extractor != extractor or item.extractor_version != version:
        raise InvalidAssertion(f"assertion credited to {item.extractor} {item.extractor_version}")
    if item.article_id != article.id or item.article_version != article.version:
        raise InvalidAssertion("assertion belongs to another article version")
    if not (isinstance(item.start, int) and isinstance(item.end, int)):
        raise InvalidAssertion("start and end must be integers")
    if not 0 <= item.start < item.end <= len(article.body):
        raise InvalidAssertion(f"span {item.start}:{item.end} outside the body")
    if article.body[item.start : item.end] != item.text:
        raise InvalidAssertion(f"body[{item.start}:{item.end}] != text {item.text!r}")
    if not item.kind or not isinstance(item.data, dict):
        raise InvalidAssertion("kind must be non-empty and data a mapping")
    if item.id != assertion_id(article.id, extractor, item.kind, item.start, item.end):
        raise InvalidAssertion("assertion id is not the stable id of its span")
    schema = BUILTIN_DATA.get(item.kind)
    if schema is not None:
        try:
            msgspec.convert(item.data, schema)
        except msgspec.ValidationError as exc:
            raise InvalidAssertion(f"{item.kind} data: {exc}") from None
    try:
        msgspec.json.encode(item)
    except (TypeError, msgspec.EncodeError) as exc:
        raise InvalidAssertion(f"not encodable: {exc}") from None
    return item
