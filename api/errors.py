"""RFC 9457 problem details for every error, with stable ``type`` URIs.

Domain errors know nothing of HTTP; this module maps them (and Litestar's own exceptions) at the
edge. Litestar's ProblemDetailsPlugin is not used: it swaps ``title`` and ``detail`` and leaves
non-HTTP exceptions as plain JSON. Anything unexpected becomes a logged 500 ``internal`` problem.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

import msgspec
from litestar import Request, Response
from litestar.exceptions import (
    HTTPException,
    NotAuthorizedException,
    NotFoundException,
    PermissionDeniedException,
    ValidationException,
)
from litestar.openapi.datastructures import ResponseSpec
from newsledger.domain.errors import ArticleNotFound, ArticleRetracted, InvalidSubmission, VersionNotFound
from newsledger.domain.ledger import ConflictingWrite
from newsledger.domain.submission import ArticleTooLarge

log = logging.getLogger(__name__)

BASE = "https://newsledger.dev/problems/"
MEDIA_TYPE = "application/problem+json"

# status -> (type slug, title) for errors that carry no more specific type
GENERIC = {
    400: ("bad-request", "Bad request"),
    401: ("unauthorized", "Missing or unknown API key"),
    403: ("forbidden", "The API key's scope does not allow this"),
    404: ("not-found", "Not found"),
    405: ("method-not-allowed", "Method not allowed"),
    409: ("conflict", "Conflicting write"),
    413: ("body-too-large", "Request body too large"),
    415: ("unsupported-media-type", "Unsupported media type"),
    422: ("invalid-input", "Invalid input"),
    429: ("rate-limited", "Too many requests"),
    500: ("internal", "Internal error"),
    503: ("not-caught-up", "The read models have not reached the requested position"),
}


class FieldError(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """One invalid input: where it is and what is wrong with it."""

    field: str | None = None
    source: str | None = None  # body | query | path | header
    message: str


class Problem(msgspec.Struct, kw_only=True, omit_defaults=True):
    """An RFC 9457 problem details object."""

    type: str
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    errors: list[FieldError] | None = None


class ProblemException(HTTPException):
    """Raise from a handler to answer a specific problem."""

    def __init__(self, status: int, slug: str, title: str, detail: str | None = None, *,
                 errors: list[FieldError] | None = None, headers: dict[str, str] | None = None) -> None:
        super().__init__(detail=detail or title, status_code=status, headers=headers)
        self.slug = slug
        self.title = title
        self.problem_detail = detail
        self.errors = errors


def problem_response(request: Request | None, status: int, slug: str, title: str, detail: str | None = None,
                     errors: list[FieldError] | None = None, headers: dict[str, str] | None = None) -> Response:
    body = Problem(type=BASE + slug, title=title, status=status, detail=detail,
                   instance=str(request.url.path) if request is not None else None, errors=errors)
    return Response(content=msgspec.json.encode(body), status_code=status, media_type=MEDIA_TYPE,
                    headers=headers or {})


def _field_errors(extra: Any) -> list[FieldError]:
    out = []
    for item in extra if isinstance(extra, list) else [extra] if extra else []:
        if isinstance(item, dict):
            message = str(item.get("message", "invalid"))
            key = item.get("key")
            # msgspec names an unknown or a missing field only in its message
            marker = next((m for m in ("unknown field `", "missing required field `") if m in message), None)
            if marker is not None:
                key = message.split(marker, 1)[1].split("`", 1)[0]
            elif " at `$." in message:  # a nested field: "Expected `int`, got `str` - at `$.items[0].x`"
                key = message.rsplit(" at `$.", 1)[1].rstrip("`")
            out.append(FieldError(field=key, source=item.get("source"), message=message))
        else:
            out.append(FieldError(message=str(item)))
    return out


def on_problem(request: Request, exc: ProblemException) -> Response:
    return problem_response(request, exc.status_code, exc.slug, exc.title, exc.problem_detail, exc.errors,
                            exc.headers)


def _header_name(request: Request, field: str) -> str:
    """The header a handler parameter reads (``last_event_id`` -> ``Last-Event-ID``): the client sent that."""
    try:
        param = request.route_handler.parsed_fn_signature.parameters[field]
        return getattr(param.kwarg_definition, "header", None) or field
    except (AttributeError, KeyError):
        return field


def on_validation(request: Request, exc: ValidationException) -> Response:
    errors = [FieldError(field=_header_name(request, e.field), source=e.source, message=e.message)
              if e.source == "header" and e.field else e for e in _field_errors(exc.extra)]
    named = ", ".join(e.field for e in errors if e.field)
    if errors and all(e.field == "cursor" for e in errors):  # a plugin listing's cursor: the same problem as ours
        return problem_response(request, 400, "invalid-cursor", "Invalid cursor", errors[0].message, errors)
    detail = f"invalid {named}" if named else (exc.detail or "invalid input")
    return problem_response(request, 400, "validation", "Invalid request", detail, errors or None)


def allow_header(methods: Iterable[str]) -> str:
    """An ``allow`` header naming ``methods``, and HEAD wherever GET is (app.LedgerApp answers it)."""
    allowed = {m for m in methods if m}
    if "GET" in allowed:
        allowed.add("HEAD")
    return ", ".join(sorted(allowed))


def on_http(request: Request, exc: HTTPException) -> Response:
    status = exc.status_code
    slug, title = GENERIC.get(status, ("bad-request" if status < 500 else "internal", "Error"))
    detail = exc.detail if exc.detail and exc.detail != title else None
    headers = exc.headers
    if status == 413:
        detail = "the request body is larger than this server accepts"
    if status == 405:  # Litestar's detail only repeats the title; say what the path does allow
        headers = dict(exc.headers or {})
        headers["allow"] = allow_header(m.strip() for m in headers.pop("allow", headers.pop("Allow", "")).split(","))
        detail = f"{request.method} is not allowed on {request.url.path}; allowed: {headers['allow']}"
    return problem_response(request, status, slug, title, detail, None, headers)


def on_not_found(request: Request, exc: NotFoundException) -> Response:
    return problem_response(request, 404, "not-found", "Not found", exc.detail if exc.detail != "Not Found" else
                            f"nothing at {request.url.path}")


def on_domain(request: Request, exc: Exception) -> Response:
    if isinstance(exc, ArticleNotFound | VersionNotFound):
        return problem_response(request, 404, "article-not-found", "Article not found", str(exc))
    if isinstance(exc, ArticleRetracted):
        return problem_response(request, 409, "article-retracted", "Article retracted", str(exc))
    if isinstance(exc, ConflictingWrite):
        return problem_response(request, 409, "conflicting-write", "Conflicting write", str(exc))
    if isinstance(exc, ArticleTooLarge):
        errors = [FieldError(field=exc.field, source="body", message=str(exc))]
        return problem_response(request, 413, "article-too-large", "Article too large", str(exc), errors)
    if isinstance(exc, InvalidSubmission):
        errors = [FieldError(field=exc.field, source="body", message=str(exc))]
        return problem_response(request, 422, "invalid-article", "Invalid article", str(exc), errors)
    return on_exception(request, exc)


def on_exception(request: Request, exc: Exception) -> Response:
    log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return problem_response(request, 500, "internal", "Internal error", "the error was logged")


def exception_handlers() -> dict[type[Exception] | int, Any]:
    from newsledger.domain.errors import LedgerError

    return {
        ProblemException: on_problem,
        ValidationException: on_validation,
        NotFoundException: on_not_found,
        NotAuthorizedException: on_http,
        PermissionDeniedException: on_http,
        HTTPException: on_http,
        LedgerError: on_domain,
        Exception: on_exception,
    }


DESCRIPTIONS = {
    400: "Invalid request: the problem's `errors` name each field at fault",
    401: "Missing or unknown API key",
    403: "The API key's scope does not allow this",
    404: "No such resource (or not as of the requested position)",
    409: "Conflicting write",
    413: "Request body too large, or an article over the size limit (NEWSLEDGER_MAX_BODY_BYTES)",
    415: "The body's media type is not one this operation reads (JSON)",
    422: "Invalid input (e.g. an article with neither text nor html, a position beyond the log head)",
    425: "An as_of time not settled yet (under a second ago, or before a write still being recorded); "
         "see Retry-After",
    429: "Rate limit exceeded; see Retry-After",
    503: "The read models did not reach min_position in time",
}


def problems(*statuses: int) -> dict[int, ResponseSpec]:
    """OpenAPI responses declaring problem+json for these statuses (plus 400, 429 and 500 always)."""
    codes = sorted({*statuses, 400, 429, 500})
    return {
        code: ResponseSpec(data_container=Problem, media_type=MEDIA_TYPE, generate_examples=False,
                           description=DESCRIPTIONS.get(code, "Internal error (logged)"))
        for code in codes
    }


def read_problems(*statuses: int) -> dict[int, ResponseSpec]:
    """problems() for a read: closed reads (401, 403), a bad read position (422), an as_of not settled yet
    (425), projections behind (503)."""
    return problems(401, 403, 422, 425, 503, *statuses)
