"""The core read models every deployment has; plugins add their own through a hook."""

from __future__ import annotations

from newsledger.domain.projections.articles import ArticlesView
from newsledger.domain.projections.assertions import AssertionsView
from newsledger.domain.projections.base import Projection
from newsledger.domain.projections.log_index import LogIndex
from newsledger.domain.projections.runs import RunsView


def core_projections() -> list[Projection]:
    return [LogIndex(), ArticlesView(), AssertionsView(), RunsView()]
