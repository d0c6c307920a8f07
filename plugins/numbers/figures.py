"""The figures view: every quantity of every article, keyed by dimension and subject, as of a position.

Rows are append-only with ``valid_from``/``valid_to`` log positions: a new extraction run closes the
article's rows from that extractor, a revision or retraction closes all of the article's rows. The
view keeps its own copies of what it needs (the article's outlet and latest body, to read the words
around a quantity; the article's main country, from its location assertions, as the event scope; the
article's story: the names it writes and the places it resolves, to tell whether two articles report
one story).
Grouping into figures and flagging disagreements happens at read time from the rows valid at the
position, so an as-of read is exact.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from typing import Any

from newsledger.domain.projections.assertion_rows import SEQ_SCALE, ArticleCopy, AssertionRowsView, insert_rows
from newsledger.domain.projections.base import Tx, as_of
from newsledger.domain.projections.db import ViewDB
from newsledger.plugins.numbers.entities import keyed, period, story_names, time_series
from newsledger.plugins.numbers.subjects import dimension, subject

COLUMNS = ("seq", "assertion_id", "article_id", "article_version", "outlet", "extractor", "text", "start_offset",
           "end_offset", "value", "unit", "si_value", "si_unit", "counted", "modifier", "approximate",
           "attributed_to", "dimension", "subject", "base_value", "period", "valid_from", "valid_to")


class FiguresView(AssertionRowsView):
    name = "figures"
    version = 5  # 3: subjects carry the event counted ('killed', 'affected', 'cost'); 4: and the entity that owns
    #              money, shares and things counted ('revenue of timewarner'), the qualifier of what is counted
    #              ('gold medal win'), and prices and rates the period their sentence names; 5: each article's
    #              story (its names and places), subjects of whole words ('moved', not 'mov')
    row_tables = ("figure_values", "figure_scopes", "figure_stories")
    articles_table = "figure_articles"
    keep_body = True  # the words around a quantity name its subject

    def create_rows(self, tx: Tx) -> None:
        tx.execute(
            "CREATE TABLE IF NOT EXISTS figure_values (seq BIGINT PRIMARY KEY, assertion_id TEXT NOT NULL, "
            "article_id TEXT NOT NULL, article_version BIGINT NOT NULL, outlet TEXT, extractor TEXT NOT NULL, "
            "text TEXT NOT NULL, start_offset BIGINT NOT NULL, end_offset BIGINT NOT NULL, "
            "value DOUBLE PRECISION NOT NULL, unit TEXT, si_value DOUBLE PRECISION, si_unit TEXT, counted TEXT, "
            "modifier TEXT, approximate BIGINT NOT NULL, attributed_to TEXT, dimension TEXT NOT NULL, "
            "subject TEXT NOT NULL, base_value DOUBLE PRECISION NOT NULL, period TEXT, "
            "valid_from BIGINT NOT NULL, valid_to BIGINT)"
        )
        tx.execute("CREATE INDEX IF NOT EXISTS figure_values_key ON figure_values (dimension, subject, valid_from)")
        tx.execute("CREATE INDEX IF NOT EXISTS figure_values_open ON figure_values (article_id, extractor, valid_to)")
        tx.execute("CREATE INDEX IF NOT EXISTS figure_values_from ON figure_values (valid_from)")
        tx.execute(
            "CREATE TABLE IF NOT EXISTS figure_scopes (article_id TEXT NOT NULL, extractor TEXT NOT NULL, "
            "country TEXT, valid_from BIGINT NOT NULL, valid_to BIGINT)"
        )
        tx.execute("CREATE INDEX IF NOT EXISTS figure_scopes_article ON figure_scopes (article_id, valid_from)")
        tx.execute(
            "CREATE TABLE IF NOT EXISTS figure_stories (article_id TEXT NOT NULL, extractor TEXT NOT NULL, "
            "names TEXT NOT NULL, valid_from BIGINT NOT NULL, valid_to BIGINT)"
        )
        tx.execute("CREATE INDEX IF NOT EXISTS figure_stories_open ON figure_stories (article_id, extractor, valid_to)")
        tx.execute("CREATE INDEX IF NOT EXISTS figure_stories_from ON figure_stories (valid_from)")

    def insert(self, tx: Tx, event: Any, position: int, article: ArticleCopy) -> None:
        numbers = [a for a in event.assertions if a["kind"] == "number"]
        countries = [a["data"].get("country") for a in event.assertions if a["kind"] == "location"]
        outlet = article["outlet"]
        body = article["body"] if article["version"] == event.article_version else None
        if any(countries):
            main = Counter(c for c in countries if c).most_common()
            top = min(c for c, n in main if n == main[0][1])  # ties: alphabetical, deterministic
            tx.execute("INSERT INTO figure_scopes (article_id, extractor, country, valid_from, valid_to) "
                       "VALUES (?, ?, ?, ?, NULL)", (event.article_id, event.extractor, top, position))
        # the story's names: the places a location run resolves (one id across spellings), the names the body
        # writes for the run that reads numbers in it
        places = [a for a in event.assertions if a["kind"] == "location" and a["data"].get("geonames_id")]
        # a country says where, which the scope already tells, not which story: 'US' and 'UK' are in most
        # articles of a national outlet; its words ('-us', '-sri', '-lanka') are struck from the story's names
        names = sorted({f"geo:{a['data']['geonames_id']}" for a in places if a["data"].get("feature") != "country"}
                       | {f"-{w}" for a in places if a["data"].get("feature") == "country"
                          for w in story_names(a["text"].title() if a["text"].isupper() else a["text"])})
        if numbers and body:
            names += story_names(body)
        if names:
            tx.execute("INSERT INTO figure_stories (article_id, extractor, names, valid_from, valid_to) "
                       "VALUES (?, ?, ?, ?, NULL)", (event.article_id, event.extractor, " ".join(names), position))
        rows = []
        for rank, a in enumerate(numbers):
            d = a["data"]
            dim = dimension(d.get("unit"), d.get("si_unit"))
            if dim is None or not isinstance(d.get("value"), int | float):
                continue
            base = d["si_value"] if d.get("si_value") is not None else d["value"] * dim[1]
            subj = subject(body, a["start"], a["end"], d.get("counted"), dim[0])
            subj = keyed(subj, dim[0].split(":", 1)[0], body, a["start"])
            rows.append((
                position * SEQ_SCALE + rank, a["id"], a["article_id"], a["article_version"], outlet, a["extractor"],
                a["text"], a["start"], a["end"], float(d["value"]), d.get("unit"), d.get("si_value"),
                d.get("si_unit"), d.get("counted"), d.get("modifier"), int(bool(d.get("approximate"))),
                d.get("attributed_to"), dim[0], subj, float(base),
                period(body, a["start"], a["end"]) if time_series(subj) else None, position, None,
            ))
        insert_rows(tx, "figure_values", COLUMNS, rows)


def figure_id(dim: str, subj: str, scope: str | None, story: str = "") -> str:
    """Stable id of a figure: the same dimension, subject, scope and story (its first article) give the same id."""
    return hashlib.blake2b(f"{dim}\x1f{subj}\x1f{scope or ''}\x1f{story}".encode(), digest_size=8).hexdigest()


def stories_at(db: ViewDB, position: int) -> dict[str, dict[str, float]]:
    """Each article's story at ``position``: its names, each weighted by how rare it is among the articles.

    A name most articles write ('US', 'London') says little about which story an article tells; one
    few articles write ('Kharkiv', 'Borussia') says much (smoothed inverse document frequency).
    """
    names: dict[str, set[str]] = {}
    for article_id, text in db.query(f"SELECT article_id, names FROM figure_stories WHERE {as_of()}",
                                      (position, position)):
        names.setdefault(article_id, set()).update(text.split())
    for found in names.values():
        struck = {n for n in found if n.startswith("-")}
        found -= struck | {n[1:] for n in struck}
    df = Counter(n for found in names.values() for n in found)
    weight = {n: math.log((len(names) + 1) / (k + 1)) + 1.0 for n, k in df.items()}
    return {article_id: {n: weight[n] for n in found} for article_id, found in names.items()}


def values_at(db: ViewDB, position: int, *, dimension: str | None = None, unit: str | None = None,
              subject: str | None = None) -> list[dict[str, Any]]:
    """Quantities valid at ``position`` with their article's scope (main country) at that position."""
    where, params = [as_of("v")], [position, position]
    for column, value in (("dimension", dimension), ("unit", unit)):
        if value is not None:
            where.append(f"v.{column} = ?")
            params.append(value)
    if subject is not None:  # a subject, or its noun: 'territory' finds 'territory taken'
        where.append("(v.subject = ? OR substr(v.subject, 1, ?) = ?)")
        params += [subject, len(subject) + 1, subject + " "]
    rows = db.query(
        f"SELECT {', '.join('v.' + c for c in COLUMNS)}, s.country FROM figure_values v "
        f"LEFT JOIN figure_scopes s ON s.article_id = v.article_id AND {as_of('s')} "
        f"WHERE {' AND '.join(where)} ORDER BY v.seq",
        (position, position, *params),
    )
    stories = stories_at(db, position)
    out: dict[int, dict[str, Any]] = {}
    for r in rows:  # an article may have scopes from several extractors: the first one wins
        out.setdefault(r[0], {**dict(zip(COLUMNS, r[:-1], strict=True)), "scope": r[-1],
                              "story": stories.get(r[2], {})})
    return list(out.values())
