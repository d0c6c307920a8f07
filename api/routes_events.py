"""The audit log over HTTP: a page of events by position, and a resumable Server-Sent Events stream."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import Annotated, Any, Literal

import anyio
import msgspec
from litestar import get
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import Parameter
from litestar.response import ServerSentEvent, ServerSentEventMessage
from newsledger.api.bootstrap import Services
from newsledger.api.errors import problems, read_problems
from newsledger.api.reading import MAX_POSITION, LogPosition, check_position, check_reached
from newsledger.api.routes_articles import Limit
from newsledger.api.schemas import EventOut, EventsPage, StreamMessage

# Large fields an event carries: left out unless include=raw (the article routes serve bodies).
RAW_FIELDS = frozenset({"raw", "body", "alignment"})
ENVELOPE = frozenset({"originator_id", "originator_version", "timestamp", "originator_topic"})

After = Annotated[int, Parameter(ge=0, le=MAX_POSITION, description="Start after this log position.")]
Include = Annotated[Literal["raw"] | None, Parameter(description="`raw`: include raw input, body and alignment.")]


def event_out(ledger: Any, note: Any, include_raw: bool) -> EventOut:
    event = ledger.mapper.to_domain_event(note)
    payload = {k: v for k, v in vars(event).items()
               if k not in ENVELOPE and (include_raw or k not in RAW_FIELDS)}
    return EventOut(position=note.id, time=event.timestamp.isoformat(), type=note.topic.rsplit(":", 1)[-1],
                    stream_id=str(note.originator_id), version=note.originator_version, payload=payload)


@get("/events", operation_id="listEvents", sync_to_thread=True, tags=["events"], responses=read_problems())
def list_events(at: int, services: Services, after: After = 0, limit: Limit = 100,
                include: Include = None) -> EventsPage:
    """The audit log: events after a position, up to the read position, oldest first.

    Each event has its log position, time, type, stream id, stream version and its payload. An `after`
    beyond the log head is refused (422), as in GET /events/stream: polling from it would skip the
    events recorded up to it.
    """
    if after > at:
        check_reached("after", after, services.ledger.head())
    notes = [n for n in services.ledger.log(after, limit) if n.id <= at]
    items = [event_out(services.ledger, n, include == "raw") for n in notes]
    more = len(notes) == limit and notes[-1].id < at
    return EventsPage(items=items, next_after=notes[-1].id if more else None, position=at)


SSE_DOC = ("`text/event-stream`: a comment line (`: ...`) at once, then one message per event, `id:` its log "
           "position, `event:` its type, `data:` the event as JSON (as in GET /events). The stream ends after "
           "`idle` seconds (default 15) without events; reconnect with `Last-Event-ID` to resume.")


@get("/events/stream", operation_id="streamEvents", tags=["events"], media_type="text/event-stream",
     responses={200: ResponseSpec(data_container=StreamMessage, media_type="text/event-stream", description=SSE_DOC,
                                  generate_examples=False), **problems(401, 403, 422)})
async def stream_events(
    services: Services,
    after: After = 0,
    idle: Annotated[float, Parameter(ge=0, le=300, description="Close after this many seconds without events.")]
    = 15.0,
    last_event_id: Annotated[LogPosition | None,
                             Parameter(header="Last-Event-ID", description="Resume after this position.")] = None,
    include: Include = None,
) -> ServerSentEvent:
    """Follow the log as Server-Sent Events, from `after` (or `Last-Event-ID`), until idle for `idle` seconds.

    The response starts at once with a comment line, so the headers arrive before any event. The stream
    closes after `idle` seconds (default 15, at most 300) without a new event: a client that follows the
    log reconnects with `Last-Event-ID` set to the last `id:` it received (browsers' EventSource does so
    by itself). `after` or `Last-Event-ID` beyond the log head is refused (422, as GET /events refuses
    such an `after`): resuming there would skip, unseen, the events recorded up to it.
    """
    check_position("Last-Event-ID", last_event_id, "header")
    field, start, source = (("after", after, "query") if last_event_id is None
                            else ("Last-Event-ID", last_event_id, "header"))
    if start > 0:
        check_reached(field, start, await anyio.to_thread.run_sync(services.ledger.head), source)
    encoder = msgspec.json.Encoder()

    async def messages() -> AsyncIterator[ServerSentEventMessage]:
        cursor, quiet_since = start, time.monotonic()
        while True:
            notes = await anyio.to_thread.run_sync(services.ledger.log, cursor, 200)
            if notes:
                for n in notes:
                    out = event_out(services.ledger, n, include == "raw")
                    yield ServerSentEventMessage(id=n.id, event=out.type, data=encoder.encode(out).decode())
                cursor, quiet_since = notes[-1].id, time.monotonic()
                continue
            remaining = idle - (time.monotonic() - quiet_since)
            if remaining <= 0:
                return
            await anyio.sleep(min(0.2, remaining))

    # Sent before the first event, so a client sees the 200 and its headers at once.
    opened = f"newsledger events after position {start}; closes after {idle:g} s without events"
    return ServerSentEvent(messages(), comment_message=opened)


ROUTES = [list_events, stream_events]
