"""The composition root shared by the CLI and the HTTP app: settings in, wired services out."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsledger.api.settings import Settings
from newsledger.domain.ledger import Ledger
from newsledger.domain.projections.core import core_projections
from newsledger.domain.projections.db import ViewDB
from newsledger.domain.projections.projector import Projector
from newsledger.domain.store import store_env
from newsledger.plugins.manager import Plugins, build_plugins


@dataclass
class Services:
    settings: Settings
    plugins: Plugins
    ledger: Ledger
    views: ViewDB
    projector: Projector
    routes: list = field(default_factory=list)

    def close(self) -> None:
        self.ledger.runner.close()
        self.ledger.close()
        self.views.close()


def bootstrap(settings: Settings, *, plugins: Plugins | None = None, setup_views: bool = True) -> Services:
    """Build the plugin manager, the ledger and the projector for these settings (nothing at import)."""
    plugins = plugins or build_plugins(settings.load_plugins, entry_points_enabled=settings.entry_points)
    ledger = Ledger(
        store_env(settings.database_url, create_table=settings.create_tables),
        extractors=plugins.extractors(),
        inline_extraction=settings.inline_extraction,
        extraction_budget=settings.extraction_budget,
    )
    views = ViewDB("memory://" if settings.database_url.startswith("memory:") else settings.views_url())
    projector = Projector(ledger, views, [*core_projections(), *plugins.projections()])
    if setup_views and settings.create_tables:
        projector.setup()
    return Services(settings=settings, plugins=plugins, ledger=ledger, views=views, projector=projector,
                    routes=plugins.routes())
