"""Builds the plugin manager and collects what plugins register, one plugin at a time.

pluggy aborts a whole hook call when one implementation raises, and stops loading entry points at
the first that fails to import; both are done here plugin by plugin so one bad plugin is reported
and skipped instead of taking the service down.
"""

from __future__ import annotations

import importlib
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Any

import pluggy
from newsledger.domain.extractor import Extractor
from newsledger.plugins import hookspecs

log = logging.getLogger(__name__)

GROUP = "newsledger"
DEFAULT_PLUGINS: tuple[str, ...] = (
    "newsledger.plugins.numbers",
    "newsledger.plugins.quotes",
    "newsledger.plugins.locations",
)


class PluginError(Exception):
    """A plugin registered something invalid, or two plugins registered the same name."""


class UnknownPlugins(PluginError):
    """NEWSLEDGER_LOAD_PLUGINS names a plugin that is neither built in nor installed."""

    def __init__(self, unknown: set[str], available: list[str]) -> None:
        self.unknown, self.available = sorted(unknown), available
        super().__init__(
            f"NEWSLEDGER_LOAD_PLUGINS names unknown plugin(s): {', '.join(self.unknown)}; "
            f"available: {', '.join(available) or 'none'}"
        )


@dataclass
class Plugins:
    """The plugin manager with what its plugins registered."""

    manager: pluggy.PluginManager
    errors: dict[str, str] = field(default_factory=dict)  # plugin name -> why it was skipped
    # plugin name -> hook name -> what it registered through that hook (filled as the hooks are called)
    registered: dict[str, dict[str, list[Any]]] = field(default_factory=dict)
    collected: set[str] = field(default_factory=set)  # the hooks called so far

    def names(self) -> list[str]:
        """The loaded plugins, in load order."""
        return [name for name, plugin in self.manager.list_name_plugin() if plugin is not None]

    def _collect(self, hook_name: str, check: Callable[[str, Any], str]) -> list[Any]:
        hook = getattr(self.manager.hook, hook_name)
        seen: dict[str, str] = {}
        items: list[Any] = []
        for by_hook in self.registered.values():
            by_hook.pop(hook_name, None)  # collected afresh
        self.collected.add(hook_name)
        for impl in reversed(hook.get_hookimpls()):  # pluggy lists last-registered first
            plugin_name = impl.plugin_name

            def register(item: Any, _plugin: str = plugin_name) -> None:
                key = check(_plugin, item)
                if key in seen:
                    raise PluginError(f"{hook_name}: {key!r} registered by {seen[key]} and by {_plugin}")
                seen[key] = _plugin
                items.append(item)
                self.registered.setdefault(_plugin, {}).setdefault(hook_name, []).append(item)

            try:
                impl.function(register=register)
            except PluginError:
                raise
            except Exception as exc:  # one broken plugin must not take the others down
                self.errors[plugin_name] = f"{hook_name} raised {type(exc).__name__}: {exc}"
                log.exception("plugin %s failed in %s", plugin_name, hook_name)
        return items

    def extractors(self) -> list[Extractor]:
        def check(plugin: str, item: Any) -> str:
            if not isinstance(item, Extractor):
                raise PluginError(f"{plugin} registered {type(item).__name__}, not an Extractor")
            if not item.name or not item.version or not callable(item.extract):
                raise PluginError(f"{plugin} registered an extractor without name, version or extract")
            object.__setattr__(item, "plugin", plugin)
            return item.name

        return self._collect("register_extractors", check)

    def projections(self) -> list[Any]:
        def check(plugin: str, item: Any) -> str:
            name = getattr(item, "name", None)
            if not name:
                raise PluginError(f"{plugin} registered a projection without a name")
            return name

        return self._collect("register_projections", check)

    def routes(self) -> list[Any]:
        return self._collect("register_routes", lambda plugin, item: f"{plugin}:{id(item)}")

    def describe(self) -> list[dict[str, Any]]:
        """Each loaded plugin with what it registered (``newsledger plugins``): extractors with their
        versions and kinds, projections with their versions, route paths. Calls the hooks not yet called."""
        for hook, collect in (("register_extractors", self.extractors),
                              ("register_projections", self.projections), ("register_routes", self.routes)):
            if hook not in self.collected:
                collect()
        rows = []
        for name in self.names():
            got = self.registered.get(name, {})
            rows.append({
                "plugin": name,
                "extractors": [{"name": e.name, "version": e.version, "kinds": list(e.kinds)}
                               for e in got.get("register_extractors", [])],
                "projections": [{"name": p.name, "version": getattr(p, "version", None)}
                                for p in got.get("register_projections", [])],
                "routes": sorted({path for r in got.get("register_routes", []) for path in route_paths(r)}),
            })
        return rows


def route_paths(route: Any) -> list[str]:
    """The paths a registered Litestar handler or Controller class serves (read from its attributes)."""
    if isinstance(getattr(route, "paths", None), set | frozenset | list | tuple):  # a route handler
        return sorted(route.paths)
    base = getattr(route, "path", "") or ""
    paths = []
    for attr in vars(route).values():  # a Controller class: its handlers' paths under its own
        for sub in getattr(attr, "paths", None) or ():
            paths.append("/" + "/".join(part.strip("/") for part in (base, sub) if part.strip("/")))
    return sorted(set(paths)) or [base]


def wanted(load: str | None) -> set[str] | None:
    """NEWSLEDGER_LOAD_PLUGINS: comma-separated plugin names; unset loads all, empty loads none."""
    if load is None:
        return None
    return {n.strip() for n in load.split(",") if n.strip()}


def short_name(module: str) -> str:
    return module.rsplit(".", 1)[-1]


def build_plugins(load: str | None = None, *, entry_points_enabled: bool = True) -> Plugins:
    """A fresh plugin manager: the built-ins, then installed plugins from the entry-point group."""
    if load is None:
        load = os.environ.get("NEWSLEDGER_LOAD_PLUGINS")
    only = wanted(load)
    installed = list(entry_points(group=GROUP)) if entry_points_enabled else []
    if only is not None:
        available = [short_name(m) for m in DEFAULT_PLUGINS] + [ep.name for ep in installed]
        if unknown := only - set(available):  # a typo must not start a process that records nothing
            raise UnknownPlugins(unknown, available)
    pm = pluggy.PluginManager(GROUP)
    pm.add_hookspecs(hookspecs)
    plugins = Plugins(pm)
    for module_name in DEFAULT_PLUGINS:
        name = short_name(module_name)
        if only is None or name in only:
            pm.register(importlib.import_module(module_name), name=name)
    if entry_points_enabled:
        for ep in installed:
            if only is not None and ep.name not in only:
                continue
            if pm.has_plugin(ep.name):
                plugins.errors[ep.name] = "a plugin of that name is already loaded"
                continue
            try:
                pm.register(ep.load(), name=ep.name)
            except Exception as exc:
                plugins.errors[ep.name] = f"failed to load: {type(exc).__name__}: {exc}"
                log.exception("plugin %s failed to load", ep.name)
    pm.check_pending()  # a misspelled hook fails loudly
    return plugins
