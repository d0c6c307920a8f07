"""Article routes: submit, list, read as of a position, history, assertions, retraction."""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Any

import anyio
import msgspec
from litestar import Request, Response, get, post
from litestar.datastructures import State
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import OpenAPIMediaType, OpenAPIType, Operation, Reference, RequestBody, Schema
from litestar.params import Parameter
from litestar.serialization import decode_json
from newsledger.api import cursors
from newsledger.api.auth import SECURITY
from newsledger.api.bootstrap import Services
from newsledger.api.errors import FieldError, ProblemException, problems, read_problems
from newsledger.api.inputs import BOM, records_from_bytes, sniff
from newsledger.api.reading import check_names, run_read
from newsledger.api.schemas import (
    ArticleIn,
    ArticleOut,
    ArticlesPage,
    ArticleSummary,
    AssertionOut,
    AssertionsPage,
    BatchItem,
    BatchOut,
    History,
    Receipt,
    RetractionIn,
    RetractionOut,
    Run,
)
from newsledger.domain.article import canonical_id
from newsledger.domain.ingest import ingest
from newsledger.domain.projections.articles import get_article, list_articles, versions
from newsledger.domain.projections.assertions import WIRE_FIELDS, query_wires
from newsledger.domain.projections.db import ViewDB
from newsledger.domain.projections.runs import runs_of
from newsledger.domain.submission import ArticleTooLarge, Submission

MAX_BATCH = 1000
Limit = Annotated[int, Parameter(ge=1, le=500, description="Page size (1 to 500).")]
Cursor = Annotated[str | None, Parameter(max_length=200, description="The `next_cursor` of the previous page.")]
Filter = Annotated[str | None, Parameter(max_length=500)]


def summary(row: dict[str, Any]) -> ArticleSummary:
    return ArticleSummary(
        id=row["article_id"], version=int(row["version"]), url=row["url"], outlet=row["outlet"], title=row["title"],
        published_at=row["published_at"], received_at=row["received_at"], category=row["category"],
        external_id=row["external_id"], retracted=row["retracted"], first_position=int(row["first_position"]),
        valid_from=int(row["valid_from"]), at=row["at"],
    )


def assertions_page(wires: list[tuple[int, bytes]], limit: int, position: int) -> AssertionsPage:
    """A page from ``(seq, wire JSON)`` rows: each item is served as the view stored it.

    ``items`` is one ``msgspec.Raw`` (the encoder copies it as it is): the JSON array of the rows'
    stored ``AssertionOut`` JSON (the view's ``WIRE_FIELDS`` are checked against it below).
    """
    more = len(wires) == limit
    items = msgspec.Raw(b"[" + b",".join([bytes(w) for _, w in wires]) + b"]")
    return AssertionsPage(items=items, position=position,  # type: ignore[arg-type]
                          next_cursor=cursors.encode(wires[-1][0], position, "assertions") if more else None)


if tuple(AssertionOut.__struct_fields__) != WIRE_FIELDS:  # the stored wire form would no longer match
    raise ImportError(f"AssertionOut fields {AssertionOut.__struct_fields__} differ from the view's {WIRE_FIELDS}")


def _write(outcome: Any) -> Response[Receipt]:
    # mapped to its problem by api/errors.py: 409 refused; 413 too large, else 422, invalid
    if outcome.refused is not None:
        raise outcome.refused
    if outcome.invalid is not None:
        raise outcome.invalid
    r = outcome.receipt
    return Response(Receipt(id=r.id, version=r.version, outcome=r.outcome, position=r.position,
                            retracted=r.retracted), status_code=200 if r.outcome == "unchanged" else 201)


def _submission(data: ArticleIn) -> Submission:
    return Submission(**msgspec.structs.asdict(data))


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


def _is_json(media: str) -> bool:
    return media == "application/json" or (media.startswith("application/") and media.endswith("+json"))


class JsonBodyRequest(Request):
    """A request whose JSON body may open with a UTF-8 byte order mark (some editors and exports write one)."""

    async def json(self) -> Any:
        body = (await self.body()).removeprefix(BOM)
        return decode_json(body or b"null", type_decoders=self.route_handler.resolve_type_decoders())


def _json_object_body(send: str, field: str, missing: str) -> Any:
    """A ``before_request`` hook refusing, before Litestar reads it, a body that is not JSON (415) or is
    empty (400: what to ``send``, and the required ``field`` it lacks), where Litestar would answer a
    bare KeyError."""

    async def check(request: Request) -> None:
        media = _media_type(request)
        if media and not _is_json(media):  # no Content-Type at all: read as JSON
            raise ProblemException(415, "unsupported-media-type", "Unsupported media type",
                                   f"the body is {media}; send one JSON object (application/json)")
        if not (await request.body()).removeprefix(BOM).strip():
            raise ProblemException(400, "empty-body", "Empty request body", f"the body is empty; send {send}",
                                   errors=[FieldError(field=field, source="body", message=f"missing: {missing}")])

    return check


@post("/articles", operation_id="createArticle", sync_to_thread=True, status_code=201, opt={"scope": "write"},
      security=SECURITY, tags=["articles"], request_class=JsonBodyRequest,
      before_request=_json_object_body("one JSON object with `text` or `html`", "text", "`text` or `html`"),
      responses={200: ResponseSpec(Receipt, description="Identical content: nothing recorded; the log position "
                                   "as of which the article reads as this version"),
                 **problems(401, 403, 409, 413, 415, 422)})
def create_article(data: ArticleIn, services: Services) -> Response[Receipt]:
    """Record one article (`text` or `html`): 201 with its id, version and log position, 200 when unchanged.

    The same URL with different content records a new version; a retracted article cannot be revised (409),
    but identical content to it is no revision: 200 `unchanged`, with the retraction's reason in `retracted`.
    An article over the size limit is refused with 413; a body that is not JSON with 415.
    """
    outcome = ingest(services.ledger, [_submission(data)], max_bytes=services.settings.max_body_bytes)[0]
    return _write(outcome)


class BatchOperation(Operation):
    """Declares the batch body, which the handler reads itself (a JSON array or JSON lines)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.request_body = RequestBody(required=True, description="A JSON array of articles, or one per line.",
                                        content={
            "application/json": OpenAPIMediaType(schema=Schema(
                type=OpenAPIType.ARRAY, items=Reference("#/components/schemas/ArticleIn"), max_items=MAX_BATCH)),
            "application/x-ndjson": OpenAPIMediaType(schema=Schema(
                type=OpenAPIType.STRING, description="One ArticleIn JSON object per line")),
        })


def _batch(services: Services, data: bytes, kind: str) -> BatchOut:
    if not data.removeprefix(BOM).strip():
        raise ProblemException(400, "empty-body", "Empty request body",
                               "the body is empty; send a JSON array of articles, or one per line")
    records = list(records_from_bytes(data, kind, "body", services.settings.max_body_bytes))
    if kind == "json" and records and records[0].malformed:  # the whole body, not one item, is wrong
        raise ProblemException(400, "malformed-json", "Malformed JSON", f"the body is {records[0].error}")
    if len(records) > MAX_BATCH:
        raise ProblemException(422, "batch-too-large", "Batch too large",
                               f"{len(records)} articles; send at most {MAX_BATCH} a request")
    good = [r.submission for r in records if r.submission is not None]
    outcomes = iter(ingest(services.ledger, good, max_bytes=services.settings.max_body_bytes)) if good else iter(())
    items, position = [], None
    for n, rec in enumerate(records):
        if rec.submission is None:
            # not an article object at all (malformed, unknown field, wrong type): 400, as POST /articles answers
            items.append(BatchItem(index=n, status=400, outcome="failed", error=rec.error, field=rec.field))
            continue
        o = next(outcomes)
        if o.receipt is None:
            status = 409 if o.refused is not None else 413 if isinstance(o.invalid, ArticleTooLarge) else 422
            items.append(BatchItem(index=n, status=status, outcome="failed", error=o.error, field=o.field))
            continue
        r = o.receipt
        if r.position is not None:
            position = max(position or 0, r.position)
        items.append(BatchItem(index=n, status=200 if r.outcome == "unchanged" else 201, id=r.id, version=r.version,
                               outcome=r.outcome, position=r.position, retracted=r.retracted))
    counts = Counter(i.outcome for i in items)
    return BatchOut(items=items, recorded=counts["new"] + counts["revised"], failed=counts["failed"],
                    new=counts["new"], revised=counts["revised"], unchanged=counts["unchanged"], position=position)


@post("/articles/batch", operation_id="createArticles", status_code=200, opt={"scope": "write"},
      security=SECURITY, tags=["articles"], operation_class=BatchOperation,
      responses=problems(401, 403, 409, 413, 415, 422))
async def create_articles(request: Request, services: Services) -> BatchOut:
    """Record many articles (a JSON array, or JSON lines) in one transaction; one result per item.

    Bad items are refused one by one, in their result, without stopping the others: 400 for an item that
    is not an article object (malformed, an unknown field, a wrong type: what POST /articles answers 400
    to), 422 for an article that cannot be recorded (no text, nothing left after cleaning), 413 for one
    over the size limit. A body that is empty or not JSON at all is refused as a whole (400), one
    of another media type with 415. `recorded` counts the items that recorded a version (`new` +
    `revised`); `new`, `revised`, `unchanged` and `failed` count each outcome.
    """
    data = await request.body()
    media = _media_type(request)
    kind = "json" if _is_json(media) else "jsonl" if media.endswith(("ndjson", "jsonl")) else \
        sniff(data) if not media else None  # no Content-Type at all: look at the body
    if kind not in ("json", "jsonl"):
        raise ProblemException(415, "unsupported-media-type", "Unsupported media type",
                               "send a JSON array (application/json) or JSON lines (application/x-ndjson)")
    return await anyio.to_thread.run_sync(_batch, services, data, kind)


@get("/articles", operation_id="listArticles", tags=["articles"], responses=read_problems())
async def list_all(at: int, state: State, cursor: Cursor = None, limit: Limit = 50,
                   outlet: Filter = None, category: Filter = None) -> Response[ArticlesPage]:
    """Articles as of the read position, in the order they entered the log (cursor pagination).

    `outlet` and `category` match exactly, in any case."""
    return await run_read(state.services, state.read_cache, _articles_page, at, cursor, limit, outlet, category)


def _articles_page(views: ViewDB, services: Services, at: int, cursor: str | None, limit: int,
                   outlet: str | None, category: str | None) -> ArticlesPage:
    after, position = cursors.page_of(cursor, at, services.projector.position, "articles")
    rows = list_articles(views, position, after=after, limit=limit, outlet=outlet, category=category)
    more = len(rows) == limit
    return ArticlesPage(items=[summary(r) for r in rows], position=position,
                        next_cursor=cursors.encode(int(rows[-1]["first_position"]), position, "articles")
                        if more else None)


def _article(views: ViewDB, article_id: str, at: int) -> dict[str, Any]:
    row = get_article(views, article_id, at)
    if row is None:
        raise ProblemException(404, "article-not-found", "Article not found",
                               f"no article {article_id} as of position {at}")
    return row


@get("/articles/{article_id:str}", operation_id="getArticle", tags=["articles"], responses=read_problems(404))
async def get_one(article_id: str, at: int, state: State) -> Response[ArticleOut]:
    """One article as it was at the read position: the version valid then, with its body."""
    return await run_read(state.services, state.read_cache, _one, canonical_id(article_id), at)


def _one(views: ViewDB, services: Services, article_id: str, at: int) -> ArticleOut:
    row = _article(views, article_id, at)
    return ArticleOut(**msgspec.structs.asdict(summary(row)), body=row["body"], position=at)


@get("/articles/{article_id:str}/history", operation_id="getArticleHistory", tags=["articles"],
     responses=read_problems(404))
async def history(article_id: str, at: int, state: State) -> Response[History]:
    """Every version of an article and every extraction run on it, up to the read position."""
    return await run_read(state.services, state.read_cache, _history, canonical_id(article_id), at)


def _history(views: ViewDB, services: Services, article_id: str, at: int) -> History:
    rows = versions(views, article_id, at)
    if not rows:
        raise ProblemException(404, "article-not-found", "Article not found",
                               f"no article {article_id} as of position {at}")
    runs = [Run(position=int(r["position"]), article_version=int(r["article_version"]), extractor=r["extractor"],
                extractor_version=r["extractor_version"], status=r["status"], error=r["error"],
                assertion_count=int(r["assertion_count"]), at=r["at"]) for r in runs_of(views, article_id, at)]
    return History(id=article_id, versions=[summary(r) for r in rows], runs=runs, position=at)


@get("/articles/{article_id:str}/assertions", operation_id="getArticleAssertions", tags=["assertions"],
     responses=read_problems(404))
async def article_assertions(article_id: str, at: int, state: State, kind: Filter = None, extractor: Filter = None,
                             cursor: Cursor = None, limit: Limit = 100) -> Response[AssertionsPage]:
    """The assertions derived from the article version valid at the read position (filters: kind, extractor)."""
    # Services and the read cache come from the app state, not as dependencies: with `at` alone Litestar
    # resolves the one dependency directly instead of spawning a task group per request.
    return await run_read(state.services, state.read_cache, _article_page, canonical_id(article_id), at, kind,
                          extractor, cursor, limit)


def _article_page(views: ViewDB, services: Services, article_id: str, at: int, kind: str | None,
                  extractor: str | None, cursor: str | None, limit: int) -> AssertionsPage:
    after, position = cursors.page_of(cursor, at, services.projector.position, "assertions")
    wires = query_wires(views, position, article_id=article_id, kind=kind, extractor=extractor, after=after,
                        limit=limit)
    if not wires:  # rows valid at a position imply the article was then: look it up only for an empty page
        _article(views, article_id, position)
        check_names(services, views, kind, extractor)  # a typo ("quotes") is a 400, as on GET /assertions
    return assertions_page(wires, limit, position)


@post("/articles/{article_id:str}/retraction", operation_id="retractArticle", sync_to_thread=True,
      status_code=201, opt={"scope": "write"}, security=SECURITY, tags=["articles"], request_class=JsonBodyRequest,
      before_request=_json_object_body('one JSON object {"reason": "..."}', "reason", "`reason`"),
      responses=problems(401, 403, 404, 409, 415))
def retract(article_id: str, data: RetractionIn, services: Services) -> RetractionOut:
    """Record that the outlet withdrew the article (body: `{"reason": "..."}`); its versions stay readable
    as of earlier positions. A second retraction is refused (409: already retracted)."""
    article_id = canonical_id(article_id)
    position = services.ledger.retract(article_id, data.reason)
    return RetractionOut(id=str(services.ledger.article(article_id).id), position=position)


ROUTES = [create_article, create_articles, list_all, get_one, history, article_assertions, retract]
