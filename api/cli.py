"""The ``newsledger`` command line. Every command builds its services from Settings.from_env()."""

from __future__ import annotations

import json
import signal
import sys
from collections import Counter, deque
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from itertools import islice
from typing import Any

import click
import msgspec
from newsledger.api.bootstrap import Services
from newsledger.api.inputs import Record, read_inputs
from newsledger.api.settings import Settings, SettingsError
from newsledger.api.store_access import STORE_ERRORS, StoreUnavailable, check_store, open_services, store_failure
from newsledger.domain.errors import LedgerError
from newsledger.domain.ingest import detach_worker, ingest_batches
from newsledger.domain.reextraction import reextract_stale
from newsledger.domain.submission import Submission
from newsledger.plugins.manager import PluginError
from pluggy import PluginValidationError

BATCH = 50


def _chunks(records: Iterator[Record], size: int) -> Iterator[list[Record]]:
    while chunk := list(islice(records, size)):
        yield chunk


class _OneLineErrors(click.Group):
    """Every command builds plugins and a store from the settings; a plugin that fails to load (a misspelled
    hook, a duplicate name, an unknown name in NEWSLEDGER_LOAD_PLUGINS), settings this installation cannot
    serve or a store it cannot open or write end the command with one line, ``Error: ...``, and exit status
    1, not a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (PluginError, PluginValidationError, SettingsError, LedgerError, StoreUnavailable) as exc:
            raise click.ClickException("; ".join(str(exc).splitlines())) from None
        except STORE_ERRORS as exc:  # met after start-up (a full disk, a lost connection)
            raise click.ClickException(store_failure(Settings.from_env(), exc)) from None


@click.group(cls=_OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """newsledger: an auditable, event-sourced ledger of what the news says."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON line per input record.")
@click.option("--no-project", is_flag=True,
              help="Leave the read models behind (serve or 'newsledger project' brings them up to date).")
def ingest(paths: tuple[str, ...], as_json: bool, no_project: bool) -> None:
    """Ingest files or folders (.txt .html .json .jsonl/.ndjson), or - for standard input.

    On the embedded default the read models are then brought up to date, so status and reads answer
    for what was just ingested (in the scaled profile that is the projector process's job)."""
    services = open_services()
    counts: Counter[str] = Counter()
    failures: list[str] = []
    stopped: BaseException | None = None  # a store error or an interruption, after what was recorded
    projected = None
    progress = None
    if not as_json and sys.stderr.isatty():
        from tqdm import tqdm

        progress = tqdm(unit=" articles", file=sys.stderr, mininterval=0.5, leave=False)
    try:
        interrupts = _Interrupts()
        with interrupts.installed():
            try:
                _record(services, paths, as_json, counts, failures, progress, interrupts)
            except (*STORE_ERRORS, KeyboardInterrupt) as exc:
                stopped = exc
            if progress is not None:
                progress.close()
                progress = None
            recorded = stopped is None
            if recorded and services.settings.inline_extraction and not no_project:
                try:
                    services.projector.catch_up()
                    projected = services.projector.position()
                except (*STORE_ERRORS, KeyboardInterrupt) as exc:
                    stopped = exc
            head, behind = _head(services) if stopped is not None else (None, False)
    finally:
        if progress is not None:
            progress.close()
        services.close()
    summary = (f"{counts['new']} new, {counts['revised']} revised, {counts['unchanged']} unchanged, "
               f"{counts['failed']} failed")
    if not as_json:
        for line in failures:
            click.echo(f"error: {line}", err=True)
        if projected is not None:
            click.echo(f"read models up to date at log position {projected}")
        if stopped is None:
            click.echo(summary)
    if stopped is not None:
        raise _Stopped(services.settings, stopped, summary, recorded, head, behind)
    if counts["failed"]:
        sys.exit(1)


def _head(services: Services) -> tuple[int | None, bool]:
    """The log head, and whether the read models are behind it."""
    try:
        head = services.ledger.head()
        return head, services.projector.position() < head
    except STORE_ERRORS:
        return None, True


class _Stopped(click.ClickException):
    """An ingest stopped by the store (a full disk) or by Ctrl-C / kill, in one line: what was recorded
    before it stopped (each batch is one transaction, so nothing is half-written) and what is behind."""

    def __init__(self, settings: Settings, why: BaseException, summary: str, recorded: bool,
                 head: int | None, behind: bool) -> None:
        interrupted = isinstance(why, KeyboardInterrupt)
        cause = "interrupted" if interrupted else store_failure(settings, why)
        if recorded:
            done = f"every input was recorded ({summary}; log head {head})"
        else:
            done = (f"recorded before it stopped: {summary} (log head {head}), each batch whole or not at all; "
                    "the same ingest again records the rest")
        hint = ""
        if behind and settings.inline_extraction:
            hint = ("; the read models are behind: `newsledger project` (or the next ingest, export or serve) "
                    "brings them up to date")
            if not interrupted:
                hint += " once the store can be written"
        super().__init__(f"{cause}: {done}{hint}")
        self.exit_code = 130 if interrupted else 1


class _Interrupts:
    """Ctrl-C or ``kill`` (SIGTERM) stops an ingest between two batches, so that what it says it recorded is
    what the log holds; a second one stops it at once."""

    def __init__(self) -> None:
        self.deferring = False
        self.pending = False

    def _handle(self, signum: int, frame: object) -> None:
        if self.deferring and not self.pending:
            self.pending = True
            return
        raise KeyboardInterrupt

    @contextmanager
    def installed(self) -> Iterator[None]:
        try:
            previous = {sig: signal.signal(sig, self._handle) for sig in (signal.SIGINT, signal.SIGTERM)}
        except ValueError:  # not the main thread (an embedding caller): leave signals alone
            yield
            return
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    @contextmanager
    def deferred(self) -> Iterator[None]:
        """A batch is recorded and counted whole; an interruption meanwhile stops the ingest after it."""
        self.deferring = True
        try:
            yield
        finally:
            self.deferring = False
        if self.pending:
            raise KeyboardInterrupt


def _preparing_worker() -> None:
    """The preparing process leaves Ctrl-C to the ingest, which stops between batches (and it dies with it)."""
    detach_worker()
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _record(services: Services, paths: tuple[str, ...], as_json: bool, counts: Counter[str], failures: list[str],
            progress: Any, interrupts: _Interrupts) -> None:
    """Record the inputs batch by batch, counting each record's outcome as its batch is committed."""
    records = read_inputs(list(paths), services.settings.max_body_bytes)
    chunks: deque[list[Record]] = deque()

    def batches() -> Iterator[list[Submission]]:
        for chunk in _chunks(records, BATCH):
            chunks.append(chunk)
            yield [r.submission for r in chunk if r.submission is not None]

    # The next batch is cleaned in a second process while this one is stored (input order kept).
    with ProcessPoolExecutor(1, initializer=_preparing_worker) as pool:
        results = ingest_batches(services.ledger, batches(), max_bytes=services.settings.max_body_bytes,
                                 executor=pool)
        while True:
            with interrupts.deferred():
                outcomes_list = next(results, None)
                if outcomes_list is None:
                    break
                done = _count(chunks.popleft(), outcomes_list, as_json, counts, failures)
            if progress is not None:
                progress.update(done)


def _count(chunk: list[Record], outcomes_list: list[Any], as_json: bool, counts: Counter[str],
           failures: list[str]) -> int:
    """Count (and, with --json, print) each record of a recorded batch; the number of records."""
    outcomes = iter(outcomes_list)
    for rec in chunk:
        outcome = next(outcomes) if rec.submission is not None else None
        error = rec.error if outcome is None else outcome.error
        receipt = outcome.receipt if outcome is not None else None
        kind = receipt.outcome if receipt is not None else "failed"
        counts[kind] += 1
        if error:
            failures.append(f"{rec.source}: {error}")
        if as_json:
            click.echo(json.dumps({
                "source": rec.source,
                "id": receipt.id if receipt else None,
                "version": receipt.version if receipt else None,
                "position": receipt.position if receipt else None,
                "outcome": kind,
                "error": error,
            }))
    return len(chunk)


def _event_type(topic: str) -> str:
    return topic.rsplit(":", 1)[-1]


def _about(event_type: str, event: Any) -> dict[str, Any]:
    """What ``newsledger log`` adds to an event's row: the article version it records (Article events), or
    the extractor, its version and the article version it read (Extraction events)."""
    if event_type.startswith("Extraction."):
        return {"extractor": event.extractor, "extractor_version": event.extractor_version,
                "article_id": event.article_id, "article_version": event.article_version}
    if event_type.startswith("Article."):
        # Ingested and Revised each record one content version; Retracted withdraws the last one.
        content = event.originator_version - (1 if event_type == "Article.Retracted" else 0)
        return {"article_version": content}
    return {}


def _about_text(row: dict[str, Any]) -> str:
    if "extractor" in row:
        return f"{row['extractor']} {row['extractor_version']} on article version {row['article_version']}"
    if "article_version" in row:
        return f"article version {row['article_version']}"
    return f"stream version {row['version']}"


def _by_api_rules(check: Callable[..., Any], *args: Any) -> Any:
    """``check(*args)``, a read rule of the HTTP API (api/reading.py); its refusal as a one-line error."""
    from newsledger.api.errors import ProblemException

    try:
        return check(*args)
    except ProblemException as exc:
        raise click.ClickException(exc.problem_detail or exc.title) from None


@main.command()
@click.option("--after", type=int, default=0, show_default=True, help="Start after this log position.")
@click.option("--limit", type=int, default=100, show_default=True)
@click.option("--json", "as_json", is_flag=True)
def log(after: int, limit: int, as_json: bool) -> None:
    """The event log: position, time, type, stream id, version; what each event is about (the article
    version; for extraction runs, the extractor and its version)."""
    from newsledger.api.reading import check_position, check_reached

    _by_api_rules(check_position, "--after", after)  # GET /events' rules: a log position, a page of 1 or more
    if limit < 1:
        raise click.ClickException(f"--limit must be 1 or more (got {limit})")
    services = open_services()
    try:
        _by_api_rules(check_reached, "--after", after, services.ledger.head())  # not past the log head
        for n in services.ledger.log(after, limit):
            event = services.ledger.mapper.to_domain_event(n)
            row_type = _event_type(n.topic)
            row = {
                "position": n.id,
                "time": event.timestamp.isoformat(),
                "type": row_type,
                "stream_id": str(n.originator_id),
                "version": n.originator_version,  # the event's place in its stream, not a content version
                **_about(row_type, event),
            }
            if as_json:
                click.echo(json.dumps(row))
            else:
                click.echo(f"{row['position']:>8}  {row['time']}  {row_type:<22} {row['stream_id']}"
                           f"  {_about_text(row)}")
    finally:
        services.close()


@main.command()
@click.argument("article_id")
@click.option("--version", "number", type=int, default=None, help="Show this version (default: current).")
@click.option("--json", "as_json", is_flag=True)
def show(article_id: str, number: int | None, as_json: bool) -> None:
    """An article as it is, or as it was at --version N."""
    services = open_services()
    try:
        article = services.ledger.article(article_id)
        v = article.get_version(number)
    except LedgerError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        services.close()
    if as_json:
        click.echo(json.dumps({
            "id": str(article.id), "version": v["version"], "versions": article.version_number,
            "url": article.url, "outlet": v["outlet"], "title": v["title"],
            "published_at": v["published_at"], "retracted": article.retracted_reason,
            "body": v["body"], "raw": v["raw"], "raw_format": v["raw_format"],
        }, ensure_ascii=False))
        return
    click.echo(f"{article.id}  version {v['version']} of {article.version_number}"
               + (f"  (retracted: {article.retracted_reason})" if article.retracted_reason else ""))
    for key in ("url", "outlet", "title", "published_at"):
        if v.get(key) if key != "url" else article.url:
            click.echo(f"{key}: {v[key] if key != 'url' else article.url}")
    click.echo("")
    click.echo(v["body"])


@main.command()
@click.option("--json", "as_json", is_flag=True)
def plugins(as_json: bool) -> None:
    """Loaded plugins, each with its extractors (versions, kinds), projections and routes."""
    services = open_services()
    try:
        rows = [
            {"plugin": e.plugin, "extractor": e.name, "version": e.version, "kinds": list(e.kinds)}
            for e in services.ledger.extractors.values()
        ]
        loaded = services.plugins.describe()
        errors = services.plugins.errors
    finally:
        services.close()
    if as_json:
        click.echo(json.dumps({"extractors": rows, "plugins": loaded, "errors": errors}))
        return
    for p in loaded:
        click.echo(p["plugin"])
        for e in p["extractors"]:
            click.echo(f"  extractor   {e['name']:<16} {e['version']:<10} kinds: {', '.join(e['kinds'])}")
        for v in p["projections"]:
            click.echo(f"  projection  {v['name']:<16} {v['version']}")
        for path in p["routes"]:
            click.echo(f"  route       {path}")
    if not loaded:
        click.echo("no plugins loaded (NEWSLEDGER_LOAD_PLUGINS is empty)", err=True)
    for name, why in errors.items():
        click.echo(f"{name:<16} not loaded: {why}", err=True)


def _encode_line(obj: object) -> str:
    return msgspec.json.encode(obj).decode()


@main.command()
@click.option("--extractor", "names", multiple=True, help="Only this extractor (repeatable).")
@click.option("--all", "everything", is_flag=True, help="Re-run even where this extractor version already ran.")
def extract(names: tuple[str, ...], everything: bool) -> None:
    """Re-run extractors whose version changed since they last read each article (or all, with --all)."""
    services = open_services()
    try:
        unknown = [n for n in names if n not in services.ledger.extractors]
        if unknown:
            raise click.ClickException(f"unknown extractor(s): {', '.join(unknown)}; see 'newsledger plugins'")
        chosen = [n for n in services.ledger.extractors if not names or n in names]
        services.projector.catch_up()
        done = reextract_stale(services.ledger, services.views, chosen, everything=everything)
        services.projector.catch_up()
        click.echo(f"{done.runs} extraction runs recorded on {done.articles} articles")
    finally:
        services.close()


@main.group()
def export() -> None:
    """Bulk exports in the wire format."""


_EXPORT_FIELDS = ("id", "kind", "start", "end", "text", "data", "extractor", "extractor_version", "article_id",
                  "article_version")


@export.command("assertions")
@click.option("--article", "article_id", default=None, help="Only this article.")
@click.option("--kind", default=None, help="Only this kind (number, quote, location, ...).")
@click.option("--extractor", default=None, help="Only this extractor's assertions.")
@click.option("--outlet", default=None, help="Only articles of this outlet (exact, any case).")
@click.option("--position", type=int, default=None, help="As of this log position (default: the head).")
@click.option("--as-of", "as_of_text", default=None, metavar="TIME",
              help="As of this RFC 3339 time (e.g. 2026-11-22T09:00:00Z), as GET /assertions?as_of= answers.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True,
              help="jsonl: the Assertion wire format, one per line; csv: one row each, `data` as JSON.")
def export_assertions(article_id: str | None, kind: str | None, extractor: str | None, outlet: str | None,
                      position: int | None, as_of_text: str | None, fmt: str) -> None:
    """Assertions as JSON lines (the Assertion wire format) or CSV, as of a position or a time."""
    from newsledger.api.reading import check_names, check_position, parse_as_of, resolve_at
    from newsledger.domain.article import canonical_id
    from newsledger.domain.projections.articles import get_article
    from newsledger.domain.projections.assertions import query_assertions

    _by_api_rules(check_position, "--position", position)  # the option's name, not the HTTP parameter's
    as_of = _by_api_rules(parse_as_of, as_of_text)
    if position is not None and as_of is not None:
        raise click.ClickException("give either --position or --as-of, not both")
    services = open_services()
    try:
        if position is not None and position > (head := services.ledger.head()):
            raise click.ClickException(f"--position {position} is beyond the log head ({head})")
        services.projector.catch_up()
        at = _by_api_rules(resolve_at, services, position, as_of, None, 0.0)  # GET /assertions' rules
        article_id = canonical_id(article_id) if article_id is not None else None  # any case, as over HTTP
        if article_id is not None and get_article(services.views, article_id, at) is None:
            raise click.ClickException(f"no article {article_id} as of position {at}")
        write = _csv_writer(sys.stdout) if fmt == "csv" else (lambda row: sys.stdout.write(_encode_line(row) + "\n"))
        cursor = 0
        while rows := query_assertions(services.views, at, article_id=article_id, kind=kind, extractor=extractor,
                                       outlet=outlet, after=cursor, limit=1000):
            for r in rows:
                write(dict(zip(_EXPORT_FIELDS, (
                    r["id"], r["kind"], r["start_offset"], r["end_offset"], r["text"], r["data"], r["extractor"],
                    r["extractor_version"], r["article_id"], r["article_version"]), strict=True)))
            cursor = rows[-1]["seq"]
        if cursor == 0:  # nothing exported: a kind or extractor naming nothing is a typo, as GET /assertions says
            _by_api_rules(check_names, services, services.views, kind, extractor)
    finally:
        services.close()


def _csv_writer(out: Any) -> Callable[[dict[str, Any]], None]:
    """A writer of export rows as CSV (header first; ``data`` as its JSON)."""
    import csv

    writer = csv.writer(out)
    writer.writerow(_EXPORT_FIELDS)

    def write(row: dict[str, Any]) -> None:
        writer.writerow([_encode_line(row[f]) if f == "data" else row[f] for f in _EXPORT_FIELDS])

    return write


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=8000, show_default=True)
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="Worker processes.")
@click.option("--access-log", is_flag=True, help="Log every request.")
@click.option("--role", type=click.Choice(["all", "api"]), default=None,
              help="all: embedded (inline extraction and projector); api: HTTP only (the scaled profile).")
def serve(host: str, port: int, workers: int, access_log: bool, role: str | None) -> None:
    """Serve the HTTP API (docs at /schema) with the settings the other commands read."""
    import os

    from newsledger.api.server import serve as run_server

    if role is not None:
        os.environ["NEWSLEDGER_ROLE"] = role  # read by every worker process's Settings.from_env()

    try:
        run_server(host, port, workers, access_log=access_log)
    except (ValueError, LedgerError) as exc:
        raise click.ClickException(str(exc)) from None


def _key_store():
    from newsledger.api.keys import KeyStore
    from newsledger.domain.projections.db import ViewDB

    settings = Settings.from_env()
    if settings.database_url.startswith("memory:"):
        raise click.ClickException("keys need a persistent database: set NEWSLEDGER_DATABASE_URL")
    check_store(settings, tables=False)  # keys live in the read models' file alone
    store = KeyStore(ViewDB(settings.views_url()), settings.api_keys)
    store.setup()
    return store


@main.group()
def keys() -> None:
    """API keys (read < write < admin). Only their SHA-256 hashes are stored."""


@keys.command("add")
@click.argument("name")
@click.option("--scope", type=click.Choice(["read", "write", "admin"]), required=True)
@click.option("--json", "as_json", is_flag=True, help='Print {"name", "scope", "key"}.')
def keys_add(name: str, scope: str, as_json: bool) -> None:
    """Create a key and print it once."""
    store = _key_store()
    try:
        key = store.add(name, scope)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        store.db.close()
    if as_json:
        click.echo(json.dumps({"name": name, "scope": scope, "key": key}))
    else:
        click.echo(key)
        click.echo(f"key {name!r} ({scope}) created; it is shown only this once", err=True)


@keys.command("list")
@click.option("--json", "as_json", is_flag=True)
def keys_list(as_json: bool) -> None:
    """Key names, scopes and where they come from (never the keys)."""
    store = _key_store()
    try:
        rows = [{"name": k.name, "scope": k.scope, "created_at": k.created_at, "source": k.source}
                for k in store.list()]
    finally:
        store.db.close()
    for r in rows:
        click.echo(json.dumps(r) if as_json else f"{r['name']:<24} {r['scope']:<6} {r['source']:<12} "
                   f"{r['created_at'] or ''}")


@keys.command("revoke")
@click.argument("name")
def keys_revoke(name: str) -> None:
    """Delete a key: requests with it are refused from then on (within a few seconds)."""
    store = _key_store()
    try:
        found = store.revoke(name)
    finally:
        store.db.close()
    if not found:
        raise click.ClickException(f"no key named {name!r}")
    click.echo(f"key {name!r} revoked")


DEMO_ARTICLE = {"text": "Izium retaken\n\nUkrainian troops retook Izium on Saturday, the mayor said."}


@main.command("demo-key")
@click.option("--url", "base_url", default="http://127.0.0.1:8000", show_default=True,
              help="Where the service listens (for the example printed).")
def demo_key(base_url: str) -> None:
    """Create (or replace) the key 'demo' with the admin scope and print it (used by make run)."""
    store = _key_store()
    try:
        key = store.rotate("demo", "admin")
    finally:
        store.db.close()
    click.echo(f"demo API key (admin; also allows writes): {key}")
    click.echo(f"  try: curl -H 'Authorization: Bearer {key}' -H 'Content-Type: application/json' "
               f"-d '{json.dumps(DEMO_ARTICLE)}' {base_url.rstrip('/')}/articles")


@main.command()
def openapi() -> None:
    """Print the OpenAPI document of the app with the built-in plugins (make openapi commits it)."""
    from newsledger.api.openapi import document

    click.echo(document())
def _add_ops_commands() -> None:
    from newsledger.api.cli_ops import COMMANDS

    for command in COMMANDS:
        main.add_command(command)


_add_ops_commands()

if __name__ == "__main__":
    main()
