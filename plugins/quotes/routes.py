"""GET /speakers, /speakers/{name}, /quotes/clusters and /quotes/clusters/{id}."""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from litestar import Controller, get
from litestar.exceptions import NotFoundException
from litestar.params import Parameter
from newsledger.domain.projections.db import ViewDB
from newsledger.plugins import paging
from newsledger.plugins.paging import Cursor, Limit, Text
from newsledger.plugins.quotes.clusters import quotes_at
from newsledger.plugins.quotes.grouping import canonical_names, clusters, fold, names_match, speakers


class Quote(msgspec.Struct, kw_only=True):
    """One quote in one article version, as the quotes extractor read it."""

    assertion_id: str
    article_id: str
    article_version: int
    outlet: str | None
    title: str | None
    text: str
    speaker: str | None
    speaker_surface: str | None
    partial: bool
    start: int
    end: int


class WordDiff(msgspec.Struct, kw_only=True):
    """One difference from the cluster's first wording: ``replace``, ``insert`` or ``delete``."""

    op: str
    reference: str
    variant: str


class ClusterQuote(Quote, kw_only=True):
    diff: list[WordDiff]


class SpeakerSummary(msgspec.Struct, kw_only=True):
    """A speaker: canonical name (the most used spelling), every spelling, how often quoted, by whom."""

    name: str
    spellings: list[str]
    quotes: int
    articles: int
    outlets: list[str]
    surface_forms: list[str]


class SpeakersPage(msgspec.Struct, kw_only=True):
    items: list[SpeakerSummary]
    next_cursor: str | None
    position: int


class Speaker(SpeakerSummary, kw_only=True):
    position: int
    items: list[Quote]


class ClusterSummary(msgspec.Struct, kw_only=True):
    """One quote as two or more articles render it; ``id`` is its first rendering's assertion id."""

    id: str
    text: str
    speakers: list[str]
    articles: int
    outlets: list[str]
    quotes: int


class ClustersPage(msgspec.Struct, kw_only=True):
    items: list[ClusterSummary]
    next_cursor: str | None
    position: int


class Cluster(ClusterSummary, kw_only=True):
    position: int
    items: list[ClusterQuote]


def _quote(q: dict[str, Any]) -> dict[str, Any]:
    return dict(assertion_id=q["assertion_id"], article_id=q["article_id"], article_version=q["article_version"],
                outlet=q["outlet"], title=q["title"], text=q["text"], speaker=q["speaker"],
                speaker_surface=q["speaker_surface"], partial=bool(q["partial"]), start=q["start_offset"],
                end=q["end_offset"])


def _speaker(s: dict[str, Any]) -> dict[str, Any]:
    return dict(name=s["name"], spellings=s["spellings"], quotes=len(s["quotes"]), articles=s["articles"],
                outlets=s["outlets"], surface_forms=s["surface_forms"])


def _cluster(c: dict[str, Any]) -> dict[str, Any]:
    return dict(id=c["id"], text=c["text"], speakers=c["speakers"], articles=c["articles"], outlets=c["outlets"],
                quotes=len(c["quotes"]))


def _speaker_key(s: dict[str, Any]) -> list[Any]:
    return [-len(s["quotes"]), s["name"]]


def _cluster_key(c: dict[str, Any]) -> list[Any]:
    return [-c["articles"], c["first_seq"]]


class SpeakersController(Controller):
    """Who is quoted, under which spellings, by which outlets (quotes plugin)."""

    path = "/speakers"
    tags = ["quotes"]

    @get("/", operation_id="listSpeakers", sync_to_thread=True)
    def list_speakers(self, at: int, views: ViewDB, name: Text = None, outlet: Text = None, cursor: Cursor = None,
                      limit: Limit = 50) -> SpeakersPage:
        """Speakers quoted at the read position, most quoted first.

        Spellings of one name fold into one speaker. `name` matches any spelling from the start of a word (case-
        and accent-insensitive: "zelensk" finds Zelenskyy, "ian" does not find Brian); `outlet` keeps speakers
        that outlet quotes.
        """
        position, after = paging.start(cursor, at, "speakers")
        found = [s for s in speakers(quotes_at(views, position))
                 if (name is None or names_match(name, s["spellings"]))
                 and (outlet is None or outlet in s["outlets"])]
        chosen, next_cursor = paging.page(found, _speaker_key, after, limit, position, "speakers")
        return SpeakersPage(items=[SpeakerSummary(**_speaker(s)) for s in chosen], next_cursor=next_cursor,
                            position=position)

    @get("/{name:str}", operation_id="getSpeaker", sync_to_thread=True)
    def get_speaker(self, name: Annotated[str, Parameter(max_length=200)], at: int, views: ViewDB) -> Speaker:
        """One speaker with every quote at the read position: the one a spelling of the name is, else the only
        one it names from the start of a word ("Zelensky" for Volodymyr Zelenskyy); 404 if none or several."""
        key = fold(name)
        found = speakers(quotes_at(views, at))
        chosen = [s for s in found if key and any(fold(n) == key for n in s["spellings"])]
        if not chosen:
            chosen = [s for s in found if names_match(name, s["spellings"])]
        if len(chosen) == 1:
            (s,) = chosen
            return Speaker(**_speaker(s), position=at, items=[Quote(**_quote(q)) for q in s["quotes"]])
        if chosen:
            raise NotFoundException(f"{len(chosen)} speakers match {name!r} as of position {at}: "
                                    f"{', '.join(s['name'] for s in chosen[:5])}; list them with /speakers?name=")
        raise NotFoundException(f"no quotes by {name!r} as of position {at}")


class QuoteClustersController(Controller):
    """One quote across outlets, with each outlet's wording and the differences (quotes plugin)."""

    path = "/quotes/clusters"
    tags = ["quotes"]

    @get("/", operation_id="listQuoteClusters", sync_to_thread=True)
    def list_clusters(self, at: int, views: ViewDB, speaker: Text = None, outlet: Text = None,
                      cursor: Cursor = None, limit: Limit = 50) -> ClustersPage:
        """Quotes that two or more articles render, most articles first, as of the read position.

        Near-duplicate wordings (trimmed, translated differently, punctuated differently) group into
        one cluster. `speaker` matches any spelling of a speaker of the cluster; `outlet` keeps
        clusters that outlet takes part in.
        """
        position, after = paging.start(cursor, at, "clusters")
        quotes = quotes_at(views, position)
        found = speakers(quotes)
        spellings = {s["name"]: s["spellings"] for s in found}
        wanted = [c for c in clusters(quotes, canonical_names(found))
                  if (speaker is None or any(names_match(speaker, spellings.get(n, [n])) for n in c["speakers"]))
                  and (outlet is None or outlet in c["outlets"])]
        chosen, next_cursor = paging.page(wanted, _cluster_key, after, limit, position, "clusters")
        return ClustersPage(items=[ClusterSummary(**_cluster(c)) for c in chosen], next_cursor=next_cursor,
                            position=position)

    @get("/{cluster_id:str}", operation_id="getQuoteCluster", sync_to_thread=True)
    def get_cluster(self, cluster_id: Annotated[str, Parameter(max_length=64)], at: int, views: ViewDB) -> Cluster:
        """One quote cluster with every rendering and its word differences from the first (404 if none).

        Any member's assertion id finds the cluster, so an id stays usable when clusters merge later.
        """
        quotes = quotes_at(views, at)
        for c in clusters(quotes, canonical_names(speakers(quotes))):
            if any(q["assertion_id"] == cluster_id for q in c["quotes"]):
                items = [ClusterQuote(**_quote(q), diff=[WordDiff(**d) for d in diffs])
                         for q, diffs in zip(c["quotes"], c["diffs"], strict=True)]
                return Cluster(**_cluster(c), position=at, items=items)
        raise NotFoundException(f"no quote cluster {cluster_id} as of position {at}")
