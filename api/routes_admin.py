"""Extractors, re-extraction (admin) and health."""

from __future__ import annotations

from typing import Any

from litestar import get, post
from litestar.openapi.spec import Operation, RequestBody
from newsledger.api.auth import SECURITY
from newsledger.api.bootstrap import Services
from newsledger.api.errors import ProblemException, problems, read_problems
from newsledger.api.reading import MAX_WAIT
from newsledger.api.schemas import (
    ExtractorOut,
    ExtractorsOut,
    Health,
    ProjectionHealth,
    RecordedVersion,
    RunsIn,
    RunsOut,
)
from newsledger.domain.projections.runs import versions_recorded
from newsledger.domain.reextraction import reextract_stale
from newsledger.domain.status import status as ledger_status


@get("/extractors", operation_id="listExtractors", sync_to_thread=True, tags=["extractors"],
     responses=read_problems())
def list_extractors(at: int, services: Services) -> ExtractorsOut:
    """The extractors this server runs now, and the extractor versions the log records as of the read position.

    `items` (with their plugin, version and kinds) and `plugin_errors` (plugins that failed to load, and
    why) describe this server process as configured now, whatever the read position: they are what a new
    article or a re-extraction would run, not what ran as of `position`. `recorded` answers as of
    `position`: every extractor version with runs in the log up to it (loaded now or not), with how many
    completed and failed and the positions of its first and last run.
    """
    items = [ExtractorOut(name=e.name, version=e.version, plugin=getattr(e, "plugin", None), kinds=list(e.kinds),
                          description=e.description or None)
             for e in services.ledger.extractors.values()]
    recorded = [RecordedVersion(**r) for r in versions_recorded(services.views, at)]
    return ExtractorsOut(items=items, plugin_errors=dict(services.plugins.errors), recorded=recorded, position=at)


class OptionalBodyOperation(Operation):
    """An operation whose request body may be left out: Litestar 2.25 declares every body required, even
    one whose ``data`` is optional (``RunsIn | None = None``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if isinstance(self.request_body, RequestBody):
            self.request_body.required = False


@post("/extractors/{name:str}/runs", operation_id="runExtractor", sync_to_thread=True, status_code=200,
      opt={"scope": "admin"}, security=SECURITY, tags=["extractors"], operation_class=OptionalBodyOperation,
      responses=problems(401, 403, 404, 503))
def run_extractor(name: str, services: Services, data: RunsIn | None = None) -> RunsOut:
    """Re-run one extractor on the current version of every article: `stale` ones (not yet read by this
    extractor version) or `all`. Earlier positions keep answering with the earlier runs.

    `position` is the log position of the last run recorded or, when there was nothing to run, the log
    head the decision was made at (as an unchanged article's write answers): a read with
    `min_position` set to it sees the runs. Every field of the body is optional, and so is the body:
    none at all means `{}` (`which: stale`).
    """
    extractor = services.ledger.extractors.get(name)
    if extractor is None:
        raise ProblemException(404, "extractor-not-found", "Extractor not found", f"no extractor named {name!r}")
    head = services.ledger.head()
    if not services.projector.wait_for(head, MAX_WAIT):
        raise ProblemException(503, "not-caught-up", "Read models are behind",
                               "the read models have not caught up with the log; try again",
                               headers={"Retry-After": "1"})
    done = reextract_stale(services.ledger, services.views, [name], everything=data is not None and data.which == "all")
    return RunsOut(extractor=name, runs=done.runs, articles=done.articles,
                   position=head if done.position is None else done.position)


@get("/health", operation_id="getHealth", sync_to_thread=True, opt={"public": True}, tags=["health"],
     responses=problems())
def health(services: Services) -> Health:
    """Liveness and lag: the log head, and the position and lag of every projection and extraction worker."""
    positions = services.projector.positions()
    report = ledger_status(services.ledger.head(), positions, services.views,
                           inline_extraction=services.settings.inline_extraction)
    return Health(
        status=report["status"], head=report["head"],
        position=min(positions.values()) if positions else report["head"],
        projections=[ProjectionHealth(**e) for e in report["projections"]],
        workers=[ProjectionHealth(**e) for e in report["workers"]],
        role=services.settings.role,
    )


ROUTES = [list_extractors, run_extractor, health]
