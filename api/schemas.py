"""Request and response bodies (msgspec Structs). Request bodies refuse unknown fields.

Every response carries ``position``: the log position the answer is for.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

import msgspec
from litestar._openapi.schema_generation.plugins.struct import StructSchemaPlugin
from newsledger.domain.assertions import Assertion

Text = Annotated[str, msgspec.Meta(max_length=200_000_000)]
Short = Annotated[str, msgspec.Meta(max_length=2048)]


class ArticleIn(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """One article: exactly one of ``text`` or ``html``, with optional metadata (``source`` is an alias of
    ``outlet``: give one, or both with the same value)."""

    text: str | None = None
    html: str | None = None
    url: Short | None = None
    outlet: Short | None = None
    title: Short | None = None
    published_at: Short | None = None  # ISO 8601 date or date-time
    id: Short | None = None  # the feed's own identifier, kept beside the ledger id
    source: Short | None = None  # an alias of outlet; both at once must agree
    category: Short | None = None


class Receipt(msgspec.Struct, kw_only=True):
    """What a write recorded: the article id, its version, what happened and the log position."""

    id: str
    version: int
    outcome: Literal["new", "revised", "unchanged"]
    position: int  # as of this log position the article reads as this version (new/revised: the write's own)
    retracted: Annotated[str | None, msgspec.Meta(description=(
        "The retraction's reason when the article is retracted (identical content to a retracted article is "
        "`unchanged` and records nothing; different content is refused with 409), else null."))] = None


class BatchItem(msgspec.Struct, kw_only=True):
    """The result for one line or element of a batch: a receipt, or why it was refused."""

    index: int
    status: int  # 201 new/revised, 200 unchanged, 422 invalid, 413 over the size limit, 409 refused (a retraction)
    id: str | None = None
    version: int | None = None
    outcome: Literal["new", "revised", "unchanged", "failed"]
    position: int | None = None
    error: str | None = None
    field: str | None = None
    retracted: str | None = None  # the retraction's reason, for an unchanged item whose article is retracted


class BatchOut(msgspec.Struct, kw_only=True):
    """One result per item, and how many items had each outcome."""

    items: list[BatchItem]
    recorded: Annotated[int, msgspec.Meta(description="Items that recorded a version: `new` + `revised`.")]
    failed: Annotated[int, msgspec.Meta(description="Items refused (status 400, 409, 413 or 422).")]
    new: Annotated[int, msgspec.Meta(description="Items recorded as a new article.")] = 0
    revised: Annotated[int, msgspec.Meta(description="Items recorded as a new version of an article.")] = 0
    unchanged: Annotated[int, msgspec.Meta(description="Items identical to their article's current version: "
                                                       "nothing recorded.")] = 0
    position: int | None  # the log position of the batch's last write


class ArticleSummary(msgspec.Struct, kw_only=True):
    id: str
    version: int
    url: str | None
    outlet: str | None
    title: str | None
    published_at: str | None
    received_at: str | None
    category: str | None
    external_id: str | None
    retracted: str | None
    first_position: int  # where the article first appears in the log
    valid_from: int  # where this version starts
    at: str  # when this version (or retraction) was recorded


class ArticleOut(ArticleSummary, kw_only=True):
    body: str
    position: int


class ArticlesPage(msgspec.Struct, kw_only=True):
    items: list[ArticleSummary]
    next_cursor: str | None
    position: int


class Run(msgspec.Struct, kw_only=True):
    """One extraction run recorded in the log."""

    position: int
    article_version: int
    extractor: str
    extractor_version: str
    status: Literal["completed", "failed"]
    error: str | None
    assertion_count: int
    at: str


class History(msgspec.Struct, kw_only=True):
    id: str
    versions: list[ArticleSummary]
    runs: list[Run]
    position: int


class AssertionOut(Assertion, frozen=True, kw_only=True):
    """The assertion wire format, with the log positions of its validity as known at the read position.

    `valid_from`: where the row opened. `valid_to`: always null in an answer as of a position, since every
    row served then is still open as of that position (a later event that closes it does not change an
    answer as of an earlier one); ask as of a later position to see whether the row is still there.
    """

    outlet: str | None
    valid_from: Annotated[int, msgspec.Meta(description="The log position where this row opened.")]
    valid_to: Annotated[int | None, msgspec.Meta(description=(
        "Where this row closed, as known at the read position: always null, since every row an answer as "
        "of a position holds is still open then (a later event that closes it never changes that answer)."))]


class AssertionsPage(msgspec.Struct, kw_only=True):
    items: list[AssertionOut]
    next_cursor: str | None
    position: int


class EventOut(msgspec.Struct, kw_only=True):
    """One event of the audit log."""

    position: int
    time: str
    type: str
    stream_id: str
    version: int
    payload: dict[str, Any]


class EventsPage(msgspec.Struct, kw_only=True):
    items: list[EventOut]
    next_after: int | None  # pass as ``after`` for the next page
    position: int


class StreamMessage(msgspec.Struct, kw_only=True):
    """One Server-Sent Event of GET /events/stream: `data` is an EventOut as JSON."""

    id: str  # the log position: send it back as Last-Event-ID to resume
    event: str  # the event type, e.g. Article.Ingested
    data: str


class ExtractorOut(msgspec.Struct, kw_only=True):
    name: str
    version: str
    plugin: str | None
    kinds: list[str]
    description: str | None


class RecordedVersion(msgspec.Struct, kw_only=True):
    """One extractor version with runs in the log up to the read position."""

    extractor: str
    version: str
    completed: int  # runs recorded as Extraction.Completed up to the read position
    failed: int  # runs recorded as Extraction.Failed up to the read position
    first_position: int
    last_position: int  # the last run up to the read position


class ExtractorsOut(msgspec.Struct, kw_only=True):
    """The extractors this server runs now, and the extractor versions the log records as of `position`."""

    items: Annotated[list[ExtractorOut], msgspec.Meta(description=(
        "The extractors loaded in this server process now, as configured (not as of `position`): what a "
        "new article or a re-extraction would run."))]
    plugin_errors: Annotated[dict[str, str], msgspec.Meta(description=(
        "Plugins that failed to load in this server process now, and why."))]
    recorded: Annotated[list[RecordedVersion], msgspec.Meta(description=(
        "Every extractor version with runs recorded up to `position` (loaded now or not), by extractor "
        "name then first run: what the ledger knew as of `position`."))]
    position: Annotated[int, msgspec.Meta(description="The log position `recorded` answers for.")]


class RunsIn(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """Which articles to re-extract: ``stale`` (no run by the current extractor version) or ``all``."""

    which: Literal["stale", "all"] = "stale"


class RunsOut(msgspec.Struct, kw_only=True):
    extractor: str
    runs: int
    articles: int
    position: Annotated[int, msgspec.Meta(description=(
        "The log position of the last run recorded, or the log head when nothing was recorded: as of it "
        "the runs are in the views."))]


class RetractionIn(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    reason: Annotated[str, msgspec.Meta(min_length=1, max_length=2000)]


class RetractionOut(msgspec.Struct, kw_only=True):
    id: str
    position: int


class ProjectionHealth(msgspec.Struct, kw_only=True):
    """One follower of the log (a projection or an extraction worker): where it is, how far behind."""

    name: str
    position: int
    lag: int


class Health(msgspec.Struct, kw_only=True):
    status: Literal["ok", "lagging"]
    head: int  # the last log position
    position: int  # the position every projection has reached
    projections: list[ProjectionHealth]
    workers: list[ProjectionHealth]  # extraction workers of the scaled profile (none when embedded)
    role: str


class StrictStructSchemaPlugin(StructSchemaPlugin):
    """Adds ``additionalProperties: false`` for Structs that forbid unknown fields (Litestar omits it)."""

    def to_openapi_schema(self, field_definition: Any, schema_creator: Any) -> Any:
        schema = super().to_openapi_schema(field_definition, schema_creator)
        config = getattr(field_definition.type_, "__struct_config__", None)
        if config is not None and config.forbid_unknown_fields:
            target = schema_creator.schema_registry.from_reference(schema).schema if hasattr(schema, "ref") else schema
            target.additional_properties = False
        return schema
