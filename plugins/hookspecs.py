"""Hook specifications: what a newsledger plugin may provide.

Every hook receives a ``register`` callback. The core validates what a plugin hands over, refuses
duplicates and credits the plugin, so plugins never write to the store themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pluggy

hookspec = pluggy.HookspecMarker("newsledger")
hookimpl = pluggy.HookimplMarker("newsledger")


@hookspec
def register_extractors(register: Callable[[Any], None]) -> None:
    """Register extractors: call ``register(Extractor(...))`` once for each.

    :param register: takes a :class:`newsledger.domain.extractor.Extractor`; raises
        ``PluginError`` for a duplicate name or a malformed extractor.
    :returns: nothing; every plugin's registrations are combined, in load order.
    """


@hookspec
def register_projections(register: Callable[[Any], None]) -> None:
    """Register read models: call ``register(Projection(...))`` once for each.

    :param register: takes a :class:`newsledger.domain.projections.Projection`; names must be unique.
    :returns: nothing; the projector runs every registered projection over the event log.
    """


@hookspec
def register_routes(register: Callable[[Any], None]) -> None:
    """Register HTTP routes: call ``register(handler_or_controller)`` once for each.

    :param register: takes a Litestar route handler or Controller class, mounted by ``create_app``.
        Handlers may declare these parameters, provided by the app: ``at: int`` (the log position to
        answer for, resolved from the ``position``/``as_of``/``min_position`` query parameters, which
        then appear in the route's OpenAPI), ``views: ViewDB`` (the read-model database) and
        ``services`` (the wired services). Put ``at`` in the response as ``position``. Reads are
        open by default; ``opt={"scope": "write"|"admin"}`` requires an API key. Sync handlers that
        query ``views`` should use ``sync_to_thread=True``.
    :returns: nothing; routes are added to the app in plugin load order.
    """
