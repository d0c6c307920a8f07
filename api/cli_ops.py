"""Commands of the scaled deployment: init-db, worker, project --follow, status."""

from __future__ import annotations

import json
import signal
import threading

import click
import msgspec
from newsledger.api.settings import Settings
from newsledger.api.store_access import open_services
from newsledger.domain.status import status as ledger_status
from newsledger.domain.worker import ExtractionWorker


def _stop_on_signals() -> threading.Event:
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    return stop


@click.command("init-db")
def init_db() -> None:
    """Create the event store's and the read models' tables, once, before other processes start."""
    settings = msgspec.structs.replace(Settings.from_env(), create_tables=True)
    services = open_services(settings)
    services.close()
    click.echo(f"tables ready in {settings.database_url.split('@')[-1]}")


@click.command()
@click.option("--shard", default="0/1", show_default=True, help="This worker's share of articles: I/N.")
@click.option("--interval", type=float, default=0.2, show_default=True, help="Poll interval when idle (s).")
@click.option("--once", is_flag=True, help="Catch up with the log and exit.")
def worker(shard: str, interval: float, once: bool) -> None:
    """Follow the log and run the extractors on new article versions and on stale ones."""
    try:
        index, total = (int(x) for x in shard.split("/"))
    except ValueError:
        raise click.BadParameter("expected I/N, e.g. 0/2", param_hint="--shard") from None
    services = open_services()
    try:
        try:
            w = ExtractionWorker(services.ledger, services.views, shard=index, shards=total)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--shard") from None
        w.catch_up_stale()
        if once:
            while w.run_once():
                pass
            click.echo(f"{w.name} at position {w.position()}")
            return
        click.echo(f"{w.name} following the log", err=True)
        w.run_forever(_stop_on_signals(), interval)
    finally:
        services.close()


@click.command()
@click.option("--rebuild", "rebuild", default=None, help="Rebuild this projection from the log first.")
@click.option("--follow", is_flag=True, help="Keep following the log (one active runner; others stand by).")
@click.option("--interval", type=float, default=0.2, show_default=True)
def project(rebuild: str | None, follow: bool, interval: float) -> None:
    """Catch the projections up with the log (rebuilding one, or any whose version changed)."""
    services = open_services()
    try:
        if rebuild is not None:
            try:
                services.projector.rebuild(rebuild)
            except KeyError:
                names = ", ".join(services.projector.projections)
                raise click.ClickException(f"no projection {rebuild!r}; there are: {names}") from None
        if not follow:
            n = services.projector.catch_up()
            click.echo(f"{n} events applied; projections at position {services.projector.position()}")
            return
        stop = _stop_on_signals()
        def standing_by() -> None:
            click.echo("projector on standby: the lease is taken by another projector; waiting for it", err=True)

        with services.views.exclusive("projector", stop, on_wait=standing_by) as held:
            if held:
                click.echo("projector holds the lease; following the log", err=True)
                services.projector.run_forever(stop, interval)
    finally:
        services.close()


@click.command()
@click.option("--json", "as_json", is_flag=True)
def status(as_json: bool) -> None:
    """The log head and each projection's and worker's position and lag."""
    services = open_services()
    try:
        report = ledger_status(services.ledger.head(), services.projector.positions(), services.views,
                               inline_extraction=services.settings.inline_extraction)
    finally:
        services.close()
    if as_json:
        click.echo(json.dumps(report))
        return
    click.echo(f"log head {report['head']}: {report['status']}")
    for kind in ("projections", "workers"):
        for e in report[kind]:
            click.echo(f"  {kind[:-1]:<11} {e['name']:<24} position {e['position']:>8}  lag {e['lag']}")


COMMANDS = (init_db, worker, project, status)
