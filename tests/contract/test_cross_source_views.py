"""The built-in plugins' cross-source views on the five seeds, through the real plugins and the projector.

Given the seeds ingested with their real extractors, when the projections catch up, then: Izyum is
one place under four spellings, the retaken territory (6,000 / 2,000 / 2,500 km²) is one
disagreement, one quote appears across three outlets, and a revision changes the views only as of
positions after it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from newsledger.domain.submission import Submission, prepare
from newsledger.plugins.locations.places import get_place, list_places
from newsledger.plugins.manager import build_plugins
from newsledger.plugins.numbers.disagreements import group, vague
from newsledger.plugins.numbers.figures import values_at
from newsledger.plugins.quotes.clusters import quotes_at
from newsledger.plugins.quotes.grouping import canonical_names, clusters, speakers

SEEDS = sorted((Path(__file__).resolve().parents[2] / "examples" / "seeds").glob("*.txt"))
IZYUM = {"izyum", "izium", "izioum", "izyium"}


def ingest(services, path: Path, text: str | None = None) -> int:
    sub = Submission(text=text or path.read_text(encoding="utf-8"), outlet=f"outlet-{path.stem[:3]}",
                     url=f"https://example.org/seeds/{path.stem}")
    receipt = services.ledger.record(prepare(sub))
    services.projector.catch_up()
    return receipt.position


@pytest.fixture
def seeded(make_services):
    plugins = build_plugins("numbers,quotes,locations", entry_points_enabled=False)
    # a generous budget: the first location run builds the gazetteer on a busy 2-core machine
    services = make_services(plugins=plugins, extraction_budget=300.0)
    for path in SEEDS:
        ingest(services, path)
    return services


def izyum(services, position: int) -> dict | None:
    found = [p for p in list_places(services.views, position, name="izyum", limit=10) if p["name"] == "Izyum"]
    return get_place(services.views, position, found[0]["geonames_id"]) if found else None


def test_the_plugins_register_their_views(seeded):
    assert {"figures", "places", "quote_clusters"} <= set(seeded.projector.projections)
    assert len(seeded.routes) == 4


def test_izyum_is_one_place_with_four_spellings_and_every_article(seeded):
    place = izyum(seeded, seeded.projector.position())
    assert place is not None, "the locations extractor did not resolve Izyum"
    spellings = {f["spelling"].casefold() for f in place["surface_forms"]}
    assert spellings >= IZYUM
    assert place["articles"] >= 3 and place["country"] == "UA"
    assert all(a["outlet"] for a in place["articles_list"])
    assert sum(len(a["mentions"]) for a in place["articles_list"]) == place["mentions"]


def test_the_retaken_territory_is_one_disagreement(seeded):
    figures = group(values_at(seeded.views, seeded.projector.position()))
    flagged = [f for f in figures if f["disagreement"] and f["dimension"] == "area"]
    assert len(flagged) == 1
    area = flagged[0]
    firm = sorted(v["si_value"] for v in area["values"] if not vague(v["modifier"]))
    assert firm == [2000.0, 2500.0, 6000.0]
    assert area["subject"] == "territory taken" and area["articles"] == 3
    assert len(area["outlets"]) == 3


def test_no_other_figure_is_flagged_on_the_seeds(seeded):
    figures = group(values_at(seeded.views, seeded.projector.position()))
    assert [f["dimension"] for f in figures if f["disagreement"] and f["articles"] > 1] == ["area"]


def test_one_quote_across_three_outlets_with_its_wording_differences(seeded):
    quotes = quotes_at(seeded.views, seeded.projector.position())
    found = clusters(quotes, canonical_names(speakers(quotes)))
    largest = found[0]
    assert largest["articles"] == 3 and len(largest["outlets"]) == 3
    assert all("achieve the stated" in q["text"] for q in largest["quotes"])
    changes = {(d["reference"], d["variant"]) for ops in largest["diffs"] for d in ops}
    assert ("goals", "objectives") in changes
    assert largest["diffs"][0] == []  # the first wording is the reference


def test_spellings_of_one_speaker_fold_together(seeded):
    found = speakers(quotes_at(seeded.views, seeded.projector.position()))
    zelensky = [s for s in found if any("Zelensk" in n for n in s["spellings"])]
    assert len(zelensky) == 1
    assert len(zelensky[0]["outlets"]) >= 3


def test_a_revision_changes_the_views_only_as_of_later_positions(seeded):
    path = [p for p in SEEDS if "2500km²" in p.read_text(encoding="utf-8")][0]
    before = seeded.projector.position()
    revised = path.read_text(encoding="utf-8").replace("2500km²", "6100km²").replace("Izioum", "Izyum")
    after = ingest(seeded, path, revised)
    assert after > before

    def area_values(position: int) -> set[float]:
        return {v["si_value"] for f in group(values_at(seeded.views, position)) if f["dimension"] == "area"
                for v in f["values"]}

    assert 2500.0 in area_values(before) and 6100.0 not in area_values(before)
    assert 6100.0 in area_values(after) and 2500.0 not in area_values(after)
    spellings_then = {f["spelling"].casefold() for f in izyum(seeded, before)["surface_forms"]}
    spellings_now = {f["spelling"].casefold() for f in izyum(seeded, after)["surface_forms"]}
    assert "izioum" in spellings_then and "izioum" not in spellings_now
    # the quotes of the revised article are re-extracted: same count, later rows
    assert len(quotes_at(seeded.views, before)) == len(quotes_at(seeded.views, after))


def test_a_retraction_closes_the_rows_but_not_the_past(seeded):
    path = SEEDS[0]
    before = seeded.projector.position()
    article_id = seeded.ledger.record(prepare(Submission(text=path.read_text(encoding="utf-8"),
                                                         url=f"https://example.org/seeds/{path.stem}"))).id
    seeded.ledger.retract(article_id, "test")
    seeded.projector.catch_up()
    now = seeded.projector.position()
    assert any(q["article_id"] == article_id for q in quotes_at(seeded.views, before))
    assert not any(q["article_id"] == article_id for q in quotes_at(seeded.views, now))
    assert not [f for f in group(values_at(seeded.views, now)) if f["disagreement"] and f["articles"] > 1
                and any(v["si_value"] == 6000.0 for v in f["values"])]
