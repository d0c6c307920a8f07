"""Unknown or empty query parameters are a 400, not silently ignored.

``GET /articles?category=sport`` used to answer every article when the listing had no such filter, and a typo
(``?limt=5``, ``?outlets=BBC``) answered as if it were not there: wrong data that looks right. Each route's
query parameters are the ones its OpenAPI operation declares (the handler's own and those of the
dependencies it takes, such as ``position``, ``as_of``, ``min_position``), read once per route.
"""

from __future__ import annotations

import re
from functools import cache

from litestar import Litestar, Request
from newsledger.api.errors import FieldError, ProblemException

_CONVERTER = re.compile(r"\{(\w+):\w+\}")  # "/articles/{article_id:str}" -> "/articles/{article_id}"


def reject_unknown_query(request: Request) -> None:
    """Before a request runs: a 400 naming the query parameters its route does not declare."""
    if not request.query_params:
        return
    known = _declared(request.app, request.scope.get("path_template", ""), request.method)
    if known is None:
        return  # a route the document does not describe (the docs pages): nothing to check against
    unknown = sorted(set(request.query_params) - known)
    empty = sorted({name for name, value in request.query_params.multi_items() if name in known and not value.strip()})
    if empty and not unknown:
        # "/places?name=" used to answer every place and "/articles?outlet=" none: neither is what was asked
        plural = "s" if len(empty) > 1 else ""
        message = f"empty query parameter{plural} {', '.join(empty)}: give a value or leave it out"
        raise ProblemException(400, "validation", "Empty query parameter", message,
                               errors=[FieldError(field=n, source="query", message="empty") for n in empty])
    if unknown:
        names = ", ".join(unknown)
        message = f"unknown query parameter{'s' if len(unknown) > 1 else ''} {names}; this route takes " + (
            ", ".join(sorted(known)) or "none")
        raise ProblemException(400, "validation", "Unknown query parameter", message,
                               errors=[FieldError(field=n, source="query", message="not a parameter of this route")
                                       for n in unknown])


@cache
def _declared(app: Litestar, template: str, method: str) -> frozenset[str] | None:
    method = method.lower()
    item = (app.openapi_schema.paths or {}).get(_CONVERTER.sub(r"{\1}", template))
    operation = getattr(item, method, None) if item is not None else None
    if operation is None and method == "head" and item is not None:
        operation = item.get  # HEAD answers with the GET handler
    if operation is None:
        return None
    return frozenset(p.name for p in operation.parameters or () if getattr(p, "param_in", None) == "query")
