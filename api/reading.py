"""The read position: one dependency, ``at``, that every read route (and every plugin route) takes.

``position`` or ``as_of`` (RFC 3339, resolved through the log index) picks a past position; neither
means the position the projections have reached. ``min_position`` waits, bounded, until the
projections have caught up with a write the client made (read-your-writes without polling).
A position the log has not reached yet is refused: its answer could still change.
"""

from __future__ import annotations

import math
import re
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from datetime import UTC, datetime
from typing import Annotated

import anyio
import msgspec
from litestar import MediaType, Request, Response
from litestar.di import Provide
from litestar.exceptions import ValidationException
from litestar.params import Parameter
from newsledger.api import cursors
from newsledger.api.bootstrap import Services
from newsledger.api.errors import FieldError, ProblemException
from newsledger.api.read_cache import ReadCache
from newsledger.domain.projections.assertions import recorded
from newsledger.domain.projections.db import ViewDB
from newsledger.domain.projections.log_index import position_at, recorded_by
from newsledger.plugins import paging

MAX_WAIT = 10.0  # seconds a read may wait for the projections
MAX_POSITION = 10**15
#: seconds a write in another process is taken to commit its events within of stamping them (this
#: process knows its own writes in flight: see ``quiet_since``)
SETTLE_MARGIN = 1.0

#: a log position as a request gives it. Litestar documents these bounds but does not enforce them on
#: an optional parameter (``LogPosition | None``): ``check_position`` does, for every such parameter.
LogPosition = Annotated[int, Parameter(ge=0, le=MAX_POSITION)]
Position = Annotated[LogPosition | None, Parameter(
    query="position", description="Answer as of this log position (default: the latest).")]
#: taken as text and parsed by ``parse_as_of``, so that a mistyped time gets a message saying what to write
AsOf = Annotated[str | None, Parameter(
    query="as_of", schema_extra={"oneOf": [{"type": "string", "format": "date-time"}, {"type": "null"}]},
    description="Answer as of this time (RFC 3339 with a time and an offset, e.g. `2026-11-22T09:02:28Z`), "
    "resolved to the last log position recorded at or before it. Not with `position`. In a URL write `%2B` "
    "for the `+` of an offset (a bare `+` in a query string reads as a space). A date alone is refused: "
    "say which instant, e.g. `2026-11-22T23:59:59.999999Z` for what was known by the end of that day (UTC).")]
MinPosition = Annotated[LogPosition | None, Parameter(
    query="min_position", description="Wait (up to 10 s) until the read models reach this "
    "position, e.g. the position a write answered; 503 if they do not.")]


def check_position(field: str, value: int | None, source: str = "query") -> None:
    """Refuse a log position outside 0..MAX_POSITION: a 400 ``validation`` problem naming ``field``."""
    if value is not None and not 0 <= value <= MAX_POSITION:
        message = f"{field} must be a log position from 0 to {MAX_POSITION} (got {value})"
        raise _invalid(field, message, 400, "validation", source)


# A time whose offset sign a query string turned into a space: "...T09:02:28.5 02:00".
_SPACED_OFFSET = re.compile(r"^(\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) (\d{2}:?\d{2})$")
_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_as_of(value: str | None) -> datetime | None:
    """``as_of`` as an aware datetime, or a 400 ``validation`` problem saying what to write instead.

    A date alone is refused rather than read as one instant of that day: "as of 22 November" may mean
    its start or its end, in some time zone, and an audit answer must not rest on a guess.
    """
    if value is None:
        return None
    try:
        parsed = msgspec.convert(value, datetime)
    except msgspec.ValidationError:
        parsed = None
    if parsed is not None and parsed.tzinfo is not None:
        try:
            parsed.astimezone(UTC)
        except OverflowError:  # 0001-01-01T00:00:00+00:01 is in year 0 in UTC: no datetime holds it
            message = (f"as_of {value!r} falls outside years 1 to 9999 in UTC; the log begins after "
                       "0001-01-01T00:00:00Z, which reads as position 0")
            raise _invalid("as_of", message, 400, "validation") from None
        return parsed
    if parsed is not None:
        message = (f"as_of needs a UTC offset (RFC 3339), e.g. {value}Z for UTC (got {value!r})")
    elif spaced := _SPACED_OFFSET.match(value):
        message = (f"as_of {value!r} has a space where its offset sign should be: a '+' in a query string "
                   f"reads as a space, so write %2B for '+' (as_of={spaced[1]}%2B{spaced[2]}) or give the time "
                   "in UTC with Z")
    elif _DATE_ONLY.match(value):
        message = (f"as_of needs a time and an offset, not a date alone (got {value!r}): for what was known by the "
                   f"end of that day in UTC write {value}T23:59:59.999999Z, for its start {value}T00:00:00Z")
    else:
        message = f"as_of must be an RFC 3339 time with an offset, e.g. 2026-11-22T09:02:28Z (got {value!r})"
    raise _invalid("as_of", message, 400, "validation")


def check_reached(field: str, value: int, head: int, source: str = "query") -> None:
    """Refuse a position to resume after that the log has not reached: a 422 ``invalid-position`` naming
    ``field``. Resuming there would skip, unseen, every event recorded up to it once they exist."""
    if value > head:
        raise _invalid(field, f"{field} {value} is beyond the log head ({head}): resume after a position the "
                       "log has reached (the last id or position you received)", source=source)


def check_read(position: int | None, min_position: int | None) -> None:
    """The range checks of the read position parameters (the log head is checked by ``resolve_at``)."""
    check_position("position", position)
    check_position("min_position", min_position)


def unknown_name(services: Services, views: ViewDB, field: str, value: str) -> str | None:
    """Why the ``kind`` or ``extractor`` filter ``value`` names nothing (no loaded extractor has it and no run
    ever recorded it), or None: an empty answer for a typo ("quotes") is an error, not an empty ledger."""
    extractors = services.plugins.extractors()
    if field == "kind":
        loaded = sorted({k for ex in extractors for k in ex.kinds})
        if value in loaded or recorded(views, "kind", value):
            return None
        return f"no extractor asserts kind {value!r}; the loaded extractors assert: {', '.join(loaded) or 'nothing'}"
    loaded = sorted(ex.name for ex in extractors)
    if value in loaded or recorded(views, "extractor", value):
        return None
    return f"no extractor {value!r} is loaded or ever ran; loaded: {', '.join(loaded) or 'none'}"


def check_names(services: Services, views: ViewDB, kind: str | None, extractor: str | None) -> None:
    """A 400 naming the ``kind`` or ``extractor`` filter that names nothing (``unknown_name``)."""
    for field, value in (("kind", kind), ("extractor", extractor)):
        message = unknown_name(services, views, field, value) if value is not None else None
        if message is not None:
            raise ProblemException(400, "validation", f"Unknown {'assertion kind' if field == 'kind' else field}",
                                   message, errors=[FieldError(field=field, source="query", message=message)])


def _invalid(field: str, message: str, status: int = 422, slug: str = "invalid-position",
             source: str = "query") -> ProblemException:
    return ProblemException(status, slug, "Invalid read position", message,
                            errors=[FieldError(field=field, source=source, message=message)])


def quiet_since(services: Services) -> float:
    """A wall time (epoch seconds) before which no event still to be committed is stamped, as far as this
    process knows: now, or when the oldest write still in flight here began (a write stamps its events
    just before its transaction, which may wait for the store's write lock)."""
    now = time.time()
    since = services.ledger.writing_since()
    return now if since is None else min(now, since)


def check_settled(services: Services, as_of: datetime, quiet: float, head: int) -> None:
    """Refuse (425 ``not-settled``) an ``as_of`` time whose answer could still change.

    A time is settled once no write still to come can add an event stamped at or before it: when the
    log (up to ``head``, read after ``quiet``) already holds a position stamped after it (the log index
    never goes back in time: see log_index.py), or when it lies ``SETTLE_MARGIN`` before ``quiet``.
    Answering an unsettled time would give an answer that a write committing later contradicts.
    """
    if as_of.timestamp() < quiet - SETTLE_MARGIN or recorded_by(services.views, head, as_of):
        return
    writing = services.ledger.writing_since() is not None
    wait = 1 if writing else max(1, math.ceil(as_of.timestamp() + SETTLE_MARGIN - time.time()))
    message = (f"as_of {as_of.isoformat()} is not settled yet: "
               + ("a write that began before it is still being recorded" if writing else
                  f"it is less than {SETTLE_MARGIN:g} s ago")
               + ", and an event is stamped just before it is committed, so its answer could still change. "
               "Retry after the Retry-After seconds, or read at a log position")
    raise ProblemException(425, "not-settled", "Time not settled yet", message, headers={"Retry-After": str(wait)},
                           errors=[FieldError(field="as_of", source="query", message=message)])


def resolve_at(services: Services, position: int | None, as_of: datetime | None, min_position: int | None,
               max_wait: float = MAX_WAIT) -> int:
    """The log position a read answers for (blocking, bounded, while projections catch up); ``as_of`` is
    an aware time, as ``parse_as_of`` gives it."""
    projector = services.projector
    check_read(position, min_position)
    if position is not None and as_of is not None:
        raise _invalid("as_of", "give either position or as_of, not both", 400, "validation")
    need = min_position or 0
    head = None
    quiet = 0.0
    if as_of is not None:
        if as_of > datetime.now(UTC):
            raise _invalid("as_of", "as_of is in the future; its answer could still change")
        # Every event recorded up to now must be indexed before a time can be resolved to a position;
        # ``quiet`` is read first, so that every write it does not cover has committed by the head read.
        quiet = quiet_since(services)
        head = services.ledger.head()
        need = max(need, head)
    elif position is not None:
        head = services.ledger.head()
        if position > head:
            raise _invalid("position", f"position {position} is beyond the log head ({head})")
        need = max(need, position)
    if need > projector.position():
        if min_position is not None and min_position > (head if head is not None else services.ledger.head()):
            raise _invalid("min_position", f"min_position {min_position} is beyond the log head")
        if not projector.wait_for(need, max_wait):
            raise ProblemException(503, "not-caught-up", "Read models are behind",
                                   f"the read models did not reach position {need} within {max_wait:g} s",
                                   headers={"Retry-After": "1"})
    if as_of is not None:
        check_settled(services, as_of, quiet, head or 0)
        return position_at(services.views, as_of)
    if position is not None:
        return position
    return projector.read_position()


async def run_read(services: Services, cache: ReadCache, fn: Callable[..., object], *args: Hashable) -> Response:
    """Answer a view read ``fn(views, services, *args)`` as JSON, from ``cache`` when it was asked before.

    ``args`` must hold everything the answer depends on, the read position included (see
    api/read_cache.py for why an answer at a position can be kept). ``fn`` runs inline on SQLite (an
    indexed read takes microseconds, and a hop to a worker thread costs more than the read), in a
    worker thread on PostgreSQL (network round trips). Errors it raises are not kept.
    """
    key = (fn, *args)
    body = cache.get(key)
    if body is None:
        views = services.views
        if views.dialect == "sqlite":
            value = fn(views, services, *args)
        else:
            value = await anyio.to_thread.run_sync(fn, views, services, *args)
        body = msgspec.json.encode(value)
        cache.put(key, body)
    return Response(body, media_type=MediaType.JSON)


class _Head:
    """The log head this process last read, and a settled wall time just before it read it.

    ``read_at`` is ``quiet_since`` as read just before the head: an ``as_of`` at least
    ``SETTLE_MARGIN`` seconds before it is settled (see ``check_settled``), every event stamped at or
    before it lies at or below the remembered head, and its answer is final. Later times take the
    general path, which reads the head again.
    """

    SETTLED = 4096  # how many resolved as_of times to remember

    def __init__(self) -> None:
        self.seen: tuple[int, float] = (0, float("-inf"))  # (head, read_at): one value, read and set together
        # as_of -> position for times settled as above: the answer is final, so a repeated as_of needs
        # no query (nor, across processes, a read lock)
        self.settled: OrderedDict[datetime, int] = OrderedDict()

    def settled_position(self, services: Services, as_of: datetime) -> int:
        position = self.settled.get(as_of)
        if position is None:
            position = self.settled[as_of] = position_at(services.views, as_of)
            if len(self.settled) > self.SETTLED:
                self.settled.popitem(last=False)
        return position

    def refresh(self, services: Services) -> None:
        read_at = quiet_since(services)
        head = services.ledger.head()
        if read_at > self.seen[1]:
            self.seen = (head, read_at)


def _known_at(services: Services, head: _Head, position: int | None, as_of: datetime | None,
              inline: bool) -> int | None:
    """``at`` without a thread hop when memory settles it (None: take the general path).

    ``inline``: the view database is SQLite, where reading the tracking rows (at most every 50 ms)
    and the log index takes microseconds; elsewhere only what is in memory is used.
    """
    reached = services.projector.read_position() if inline else services.projector.known_position()
    if reached is None:
        return None
    known, read_at = head.seen
    if as_of is not None:
        if position is not None or as_of.timestamp() + SETTLE_MARGIN >= read_at:
            return None
        if reached < known:  # not yet indexed up to the head: the general path waits
            return None
        return head.settled_position(services, as_of)  # at most an indexed read (inline on SQLite only)
    if position is None:
        return reached
    return position if position <= known and position <= reached else None


def cursor_position(cursor: str) -> int:
    """The position a cursor of any listing pins its pages to; a 400 ``invalid-cursor`` problem, the same
    on every listing, when it is not one this API returned."""
    try:
        return cursors.decode(cursor)[1]
    except ProblemException:
        pass
    try:
        return paging.decode(cursor)[0]
    except ValidationException:
        cursors.decode("")  # raises the invalid-cursor problem
        raise


def check_cursor(request: Request, at: int, explicit: bool) -> None:
    """A route's ``cursor`` is one of ours, and agrees with an explicit ``position`` or ``as_of``.

    A cursor carries the position its first page answered for; a different explicit one would be
    silently overridden by it, so the two together are a 400 unless they agree.
    """
    cursor = request.query_params.get("cursor")
    if not cursor or "cursor" not in request.route_handler.parsed_fn_signature.parameters:
        return
    pinned = cursor_position(cursor)
    if explicit and at != pinned:
        given = "position" if "position" in request.query_params else "as_of"
        message = (f"the cursor answers as of position {pinned}, but {given} asks for position {at}: "
                   f"leave {given} out to go on paging (or start again without the cursor)")
        raise ProblemException(400, "validation", "Conflicting parameters", message,
                               errors=[FieldError(field=f, source="query", message=message) for f in ("cursor", given)])


def dependencies(services: Services, max_wait: float = MAX_WAIT) -> dict[str, Provide]:
    """``at`` (int), ``views`` (ViewDB) and ``services``: the names route handlers and plugins rely on."""

    inline = services.views.dialect == "sqlite"  # reading SQLite's tracking row takes microseconds
    head = _Head()

    def resolve(position: int | None, as_of: datetime | None, min_position: int | None) -> int:
        if as_of is not None or position is not None:
            head.refresh(services)
        return resolve_at(services, position, as_of, min_position, max_wait)

    async def provide_at(request: Request, position: Position = None, as_of_text: AsOf = None,
                         min_position: MinPosition = None) -> int:
        check_read(position, min_position)
        as_of = parse_as_of(as_of_text)
        at = None
        # The common cases, answered from memory (and on SQLite an indexed read) without a thread hop.
        if min_position is None and (inline or as_of is None):
            at = _known_at(services, head, position, as_of, inline)
        if at is None:
            at = await anyio.to_thread.run_sync(resolve, position, as_of, min_position)
        check_cursor(request, at, position is not None or as_of is not None)
        return at

    def provide_views() -> ViewDB:
        return services.views

    def provide_services() -> Services:
        return services

    return {
        "at": Provide(provide_at),
        "views": Provide(provide_views, sync_to_thread=False, use_cache=True),
        "services": Provide(provide_services, sync_to_thread=False, use_cache=True),
    }
