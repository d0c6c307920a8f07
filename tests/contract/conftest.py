"""Fixtures of the figures contract tests: small articles through the real numbers and locations extractors."""

from __future__ import annotations

import pytest
from newsledger.domain.submission import Submission, prepare
from newsledger.plugins.manager import build_plugins
from newsledger.plugins.numbers.disagreements import group
from newsledger.plugins.numbers.figures import values_at


@pytest.fixture
def figures_of(make_services):
    """``figures({outlet: text}, subject=None)``: record each article (one outlet each), catch up, and group
    the figures (of one subject, if given)."""
    plugins = build_plugins("numbers,locations", entry_points_enabled=False)
    # a generous budget: the first location run may build the gazetteer on a busy machine
    services = make_services(plugins=plugins, extraction_budget=300.0)

    def figures(articles: dict[str, str], subject: str | None = None) -> list[dict]:
        for outlet, text in articles.items():
            services.ledger.record(prepare(Submission(text=text, outlet=outlet, url=f"https://example.org/{outlet}")))
        services.projector.catch_up()
        return group(values_at(services.views, services.projector.position(), subject=subject))

    return figures

