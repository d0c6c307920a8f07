"""The composition root shared by the CLI and the HTTP app: settings in, wired services out."""

from __future__ import annotations

from dataclasses import dataclass

from newsledger.api.settings import Settings
from newsledger.domain.ledger import Ledger
from newsledger.domain.store import store_env
from newsledger.plugins.manager import Plugins, build_plugins


@dataclass
class Services:
    settings: Settings
    plugins: Plugins
    ledger: Ledger

    def close(self) -> None:
        self.ledger.runner.close()
        self.ledger.close()


def bootstrap(settings: Settings, *, plugins: Plugins | None = None) -> Services:
    """Build the plugin manager and the ledger for these settings (nothing happens at import)."""
    plugins = plugins or build_plugins(settings.load_plugins, entry_points_enabled=settings.entry_points)
    ledger = Ledger(
        store_env(settings.database_url, create_table=settings.create_tables),
        extractors=plugins.extractors(),
        inline_extraction=settings.inline_extraction,
        extraction_budget=settings.extraction_budget,
    )
    return Services(settings=settings, plugins=plugins, ledger=ledger)
