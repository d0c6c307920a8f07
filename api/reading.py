"""The read position: one dependency, ``at``, that every read route (and every plugin route) takes.

``position`` or ``as_of`` (RFC 3339, resolved through the log index) picks a past position; neither
means the position the projections have reached. ``min_position`` waits, bounded, until the
projections have caught up with a write the client made (read-your-writes without polling).
A position the log has not reached yet is refused: its answer could still change.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

import anyio
from litestar.di import Provide
from litestar.params import Parameter
from newsledger.api.bootstrap import Services
from newsledger.api.errors import FieldError, ProblemException
from newsledger.domain.projections.db import ViewDB
from newsledger.domain.projections.log_index import position_at

MAX_WAIT = 10.0  # seconds a read may wait for the projections

Position = Annotated[Annotated[int, Parameter(ge=0, le=10**15)] | None, Parameter(
    query="position", description="Answer as of this log position (default: the latest).")]
AsOf = Annotated[datetime | None, Parameter(
    query="as_of", description="Answer as of this time (RFC 3339 with offset), resolved to the last log "
    "position recorded at or before it. Not with `position`.")]
MinPosition = Annotated[Annotated[int, Parameter(ge=0, le=10**15)] | None, Parameter(
    query="min_position", description="Wait (up to 10 s) until the read models reach this "
    "position, e.g. the position a write answered; 503 if they do not.")]


def _invalid(field: str, message: str, status: int = 422, slug: str = "invalid-position") -> ProblemException:
    return ProblemException(status, slug, "Invalid read position", message,
                            errors=[FieldError(field=field, source="query", message=message)])


def resolve_at(services: Services, position: int | None, as_of: datetime | None, min_position: int | None,
               max_wait: float = MAX_WAIT) -> int:
    """The log position a read answers for (blocking, bounded, while projections catch up)."""
    projector = services.projector
    if position is not None and as_of is not None:
        raise _invalid("as_of", "give either position or as_of, not both", 400, "validation")
    need = min_position or 0
    head = None
    if as_of is not None:
        if as_of.tzinfo is None:
            raise _invalid("as_of", "as_of needs a UTC offset (RFC 3339), e.g. 2025-01-31T12:00:00Z", 400,
                           "validation")
        if as_of > datetime.now(UTC):
            raise _invalid("as_of", "as_of is in the future; its answer could still change")
        # Every event recorded up to now must be indexed before a time can be resolved to a position.
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
        return position_at(services.views, as_of)
    if position is not None:
        return position
    return projector.position()


def dependencies(services: Services, max_wait: float = MAX_WAIT) -> dict[str, Provide]:
    """``at`` (int), ``views`` (ViewDB) and ``services``: the names route handlers and plugins rely on."""

    inline = services.views.dialect == "sqlite"  # reading SQLite's tracking row takes microseconds

    async def provide_at(position: Position = None, as_of: AsOf = None, min_position: MinPosition = None) -> int:
        if inline and position is None and as_of is None and min_position is None:
            return services.projector.position()  # the common case, without a hop to a worker thread
        return await anyio.to_thread.run_sync(resolve_at, services, position, as_of, min_position, max_wait)

    def provide_views() -> ViewDB:
        return services.views

    def provide_services() -> Services:
        return services

    return {
        "at": Provide(provide_at),
        "views": Provide(provide_views, sync_to_thread=False, use_cache=True),
        "services": Provide(provide_services, sync_to_thread=False, use_cache=True),
    }
