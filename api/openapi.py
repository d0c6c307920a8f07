"""The OpenAPI document, generated from the app with the built-in plugins and an in-memory store."""

from __future__ import annotations

import json

from newsledger.api.settings import Settings
from newsledger.plugins.manager import DEFAULT_PLUGINS, short_name


def document() -> str:
    """The committed openapi/openapi.json: deterministic, whatever is installed or configured."""
    from newsledger.api.app import create_app

    settings = Settings(database_url="memory://", entry_points=False,
                        load_plugins=",".join(short_name(m) for m in DEFAULT_PLUGINS))
    app = create_app(settings)
    try:
        return json.dumps(app.openapi_schema.to_schema(), indent=2, ensure_ascii=False) + "\n"
    finally:
        app.state.services.close()
