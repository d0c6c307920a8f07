"""The numbers extractor: given a sentence, when extracted, then the figures and their data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newsledger.domain.assertions import validate_assertion
from newsledger.domain.text import ArticleText
from newsledger.plugins.numbers.disagreements import vague
from newsledger.plugins.numbers.extractor import NAME, VERSION, build, extract

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"


def numbers(text: str) -> list[tuple[str, float, str | None]]:
    art = ArticleText(id="a", version=1, body=text)
    return [(a.text, a.data["value"], a.data["unit"]) for a in extract(art)]


def one(text: str) -> dict:
    art = ArticleText(id="a", version=1, body=text)
    found = extract(art)
    assert len(found) == 1, [a.text for a in found]
    return {"text": found[0].text, **found[0].data}


def test_build_gives_a_named_versioned_number_extractor() -> None:
    ex = build()
    assert (ex.name, ex.version, ex.kinds) == (NAME, VERSION, ("number",))


def test_spelled_distance_is_normalised_to_km() -> None:
    n = one("Volchansk is three kilometers from the border.")
    assert (n["text"], n["value"], n["unit"], n["si_value"], n["si_unit"]) == ("three kilometers", 3, "km", 3, "km")


def test_hedge_is_kept_out_of_the_span_and_reported_as_modifier() -> None:
    n = one("His troops have recaptured more than 6,000 square kilometers of territory.")
    assert n["text"] == "6,000 square kilometers"
    assert (n["value"], n["unit"], n["modifier"], n["approximate"]) == (6000, "km2", "more than", True)


def test_square_miles_convert_to_km2() -> None:
    n = one("They captured 100 square miles.")
    assert n["unit"] == "mi2" and n["si_unit"] == "km2" and n["si_value"] == pytest.approx(258.9988, rel=1e-4)


def test_glued_area_is_read() -> None:
    n = one("Ukraine retook 2500km² this week.")
    assert (n["text"], n["value"], n["unit"]) == ("2500km²", 2500, "km2")


def test_vague_amount_is_valued_at_its_base() -> None:
    n = one("They captured hundreds of square miles of territory.")
    assert (n["text"], n["value"], n["unit"], n["modifier"]) == ("hundreds of square miles", 100, "mi2", "hundreds of")
    m = one("Several thousand Russian soldiers were encircled.")
    assert (m["value"], m["unit"], m["counted"]) == (1000, "troops", "soldiers")


def test_counted_noun_stands_in_for_unit() -> None:
    n = one("Putin increased his army by nearly 140,000 troops.")
    assert (n["text"], n["value"], n["unit"], n["counted"], n["modifier"]) == (
        "140,000 troops", 140000, "troops", "troops", "nearly")
    m = one("Ukraine liberated thirty localities.")
    assert (m["value"], m["unit"], m["counted"]) == (30, "count", "localities")


def test_currencies_with_scales() -> None:
    assert numbers("Profit rose to $1.13bn (£600m), or 5 million euros.") == [
        ("$1.13bn", 1.13e9, "USD"), ("£600m", 6e8, "GBP"), ("5 million euros", 5e6, "EUR")]


def test_percentages_and_decimals() -> None:
    assert numbers("Shares fell 14.87% and rates rose 2.5 per cent.") == [
        ("14.87%", 14.87, "percent"), ("2.5 per cent", 2.5, "percent")]


def test_ordinals_words_and_digits() -> None:
    assert numbers("It was the first day, the 875th anniversary.") == [
        ("first", 1, "ordinal"), ("875th", 875, "ordinal")]


def test_half_of_a_unit_and_half_as_a_share() -> None:
    assert numbers("The war has gone on for more than half a year.") == [("half a year", 0.5, "years")]
    assert numbers("Kupiansk is already half taken.") == [("half", 50, "percent")]


@pytest.mark.parametrize("text", [
    "The invasion began on 24 February.",
    "It happened on 5 May, and again on February 24.",
    "In 2022 the war began; by 2004 it was over.",
    "Call 020 7946 0958 before 10:30 or at 3pm.",
    "He was born in the 1990s.",
    "They won 1-0 on Saturday.",
    "The Radio 4 programme aired.",
])
def test_dates_times_and_labels_are_not_numbers(text: str) -> None:
    assert numbers(text) == []


def test_one_as_a_single_thing_is_not_a_count() -> None:
    assert numbers("We are one people. He was one of the first to go.") == [("first", 1, "ordinal")]


def test_speaker_of_the_sentence_is_attributed() -> None:
    n = one("President Volodymyr Zelenskyy said his troops had recaptured 6,000 square kilometers.")
    assert n["attributed_to"] == "Volodymyr Zelenskyy"
    m = one("According to the Associated Press, 5,600 people have been killed.")
    assert m["attributed_to"] == "Associated Press"


def test_no_speaker_when_the_sentence_names_none() -> None:
    assert one("The counterattack began four days ago.")["attributed_to"] is None


def test_every_assertion_passes_validation_on_the_seeds() -> None:
    seeds = sorted((CORPUS / "seeds").glob("*.txt"))
    if not seeds:
        pytest.skip("seed corpus absent")
    for path in seeds:
        art = ArticleText(id=path.stem, version=1, body=path.read_text(encoding="utf-8"))
        found = extract(art)
        assert found
        for a in found:
            validate_assertion(a, art, NAME, VERSION)


def test_every_assertion_passes_validation_on_bbc_sample() -> None:
    path = CORPUS / "bbc-news-2225" / "articles.jsonl"
    if not path.exists():
        pytest.skip("BBC corpus absent")
    with path.open(encoding="utf-8") as fh:
        docs = [json.loads(line) for _, line in zip(range(200), fh, strict=False)]
    for d in docs:
        art = ArticleText(id=d["id"], version=1, body=d["text"])
        for a in extract(art):
            validate_assertion(a, art, NAME, VERSION)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.-%£$€kmbn²/:ofthreeandhalf\n")), max_size=60))
def test_any_text_gives_valid_assertions(text: str) -> None:
    art = ArticleText(id="h", version=1, body=text)
    for a in extract(art):
        validate_assertion(a, art, NAME, VERSION)


def test_extraction_is_deterministic() -> None:
    art = ArticleText(id="d", version=2, body="About 5,000 people fled 30 km in two days, officials said.")
    assert extract(art) == extract(art)


@pytest.mark.parametrize(("text", "expected"), [
    ("The storm has left 212 killed and 4.5 million affected.", [("212", 212), ("4.5 million", 4.5e6)]),
    ("Over 75 killed as a ferry capsizes.", [("75", 75)]),
    ("At least 18 dead, 64 injured and 9 missing after the blast.", [("18", 18), ("64", 64), ("9", 9)]),
    ("Officials say 8,300 displaced and 410 arrested since Friday.", [("8,300", 8300), ("410", 410)]),
    ("Fourteen were killed and 31 were wounded in the attack.", [("Fourteen", 14), ("31", 31)]),
    ("The death toll climbed to 2,350 on Tuesday.", [("2,350", 2350)]),
    ("The quake's death toll has now risen to more than 740.", [("740", 740)]),
    ("The blast killed 23 and injured 57.", [("23", 23), ("57", 57)]),
])
def test_a_number_followed_or_preceded_by_a_people_event_counts_people(
        text: str, expected: list[tuple[str, float]]) -> None:
    art = ArticleText(id="a", version=1, body=text)
    found = [(a.text, a.data["value"], a.data["unit"], a.data["counted"]) for a in extract(art)]
    assert found == [(t, v, "people", "people") for t, v in expected]


@pytest.mark.parametrize("text", [
    "The club has played 12 games this season.",
    "Prices rose 12 percent last year.",
    "On 14 March, 12 spectators left early.",
    "The toll road cost 95 million to build.",
    "He scored 17 in the first half and was later injured.",
    "In 2019 many were killed.",
    "The striker took his goal tally to 13 this season.",
])
def test_a_bare_number_without_a_people_event_is_not_made_people(text: str) -> None:
    art = ArticleText(id="a", version=1, body=text)
    assert [a.text for a in extract(art) if a.data["counted"] == "people"] == []


def found_people(text: str) -> list[tuple[str, float, str | None, str | None]]:
    art = ArticleText(id="a", version=1, body=text)
    return [(a.text, a.data["value"], a.data["unit"], a.data["modifier"]) for a in extract(art)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Hundreds killed as floods sweep the region.", [("Hundreds", 100, "people", "hundreds")]),
    ("The fighting left hundreds killed and thousands displaced.",
     [("hundreds", 100, "people", "hundreds"), ("thousands", 1000, "people", "thousands")]),
    ("Thousands fled the city overnight.", [("Thousands", 1000, "people", "thousands")]),
    ("Dozens injured in a train crash.", [("Dozens", 12, "people", "dozens")]),
    ("Hundreds more were injured on Sunday.", [("Hundreds", 100, "people", "hundreds")]),
    ("The storm killed dozens and injured hundreds.",
     [("dozens", 12, "people", "dozens"), ("hundreds", 100, "people", "hundreds")]),
    ("Tens of thousands were evacuated from the coast.",
     [("Tens of thousands", 10000, "people", "tens of thousands")]),
    ("Hundreds of thousands have fled.", [("Hundreds of thousands", 100000, "people", "hundreds of thousands")]),
    ("Tens of thousands have already fled.", [("Tens of thousands", 10000, "people", "tens of thousands")]),
])
def test_a_bare_vague_amount_that_counts_people_is_valued_at_its_base(
        text: str, expected: list[tuple[str, float, str, str]]) -> None:
    assert found_people(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Twelve of them were killed in the fighting.", [("Twelve", 12, "people", None)]),
    ("At least 40 of them died.", [("40", 40, "people", "at least")]),
    ("Thousands of them were killed.", [("Thousands", 1000, "people", "thousands of")]),
    ("Tens of thousands of them fled. Hundreds of those were later arrested.",
     [("Tens of thousands", 10000, "people", "tens of thousands of"), ("Hundreds", 100, "people", "hundreds of")]),
])
def test_an_amount_of_them_before_a_people_event_counts_people(
        text: str, expected: list[tuple[str, float, str, str | None]]) -> None:
    assert found_people(text) == expected


def test_an_amount_of_them_without_a_people_event_is_not_a_number() -> None:
    assert found_people("Thousands of them agreed.") == []


def test_a_bare_vague_amount_is_vague_for_the_figures() -> None:
    n = one("Thousands fled the city overnight.")
    assert n["approximate"] is True and vague(n["modifier"])


def test_a_bare_vague_amount_before_more_and_a_plural_noun_counts_that_noun() -> None:
    n = one("Thousands more troops were sent.")
    assert (n["text"], n["value"], n["counted"], n["modifier"]) == (
        "Thousands more troops", 1000, "troops", "thousands")


@pytest.mark.parametrize("text", [
    "Fans came by the thousands.",
    "They arrived in their thousands on Saturday.",
    "Thousands marched in London on Saturday.",
    "Millions watched the final.",
    "There were hundreds at the rally.",
    "He scores goals every week.",
    "Scores were level at half-time.",
    "Hundreds lined streets to watch.",
    "The winning Mega Millions numbers were drawn.",
])
def test_a_bare_vague_amount_that_counts_nothing_is_not_a_number(text: str) -> None:
    assert numbers(text) == []


def test_a_vague_duration_stays_a_duration() -> None:
    assert numbers("Thousands of years ago the river flowed here.") == [("Thousands of years", 1000, "years")]


@pytest.mark.parametrize(("text", "expected"), [
    ("More than 2000 killed in the quake.", [("2000", 2000, "people", "more than")]),
    ("1500 injured as the stadium collapsed.", [("1500", 1500, "people", None)]),
    ("Some 1200 troops crossed the border.", [("1200 troops", 1200, "troops", "some")]),
    ("By then some 1800 had left the town.", [("1800", 1800, None, "some")]),
    ("The quake killed 1300 and injured at least 2000.",
     [("1300", 1300, "people", None), ("2000", 2000, "people", "at least")]),
])
def test_a_four_digit_number_that_counts_is_not_a_year(
        text: str, expected: list[tuple[str, float, str | None, str | None]]) -> None:
    assert found_people(text) == expected


@pytest.mark.parametrize("text", [
    "In 2000 the war began.",
    "Since 1999 the town has grown.",
    "The 2016 election was close.",
    "It happened in 2000 and 2001.",
    "The attack in 2014 killed everyone on board.",
    "The crash of 2009 injured nobody.",
    "The church was built in about 1850.",
    "Prices rose from around 2010 until 2015.",
    "Circa 1900 the village had a mill.",
])
def test_a_year_stays_a_year(text: str) -> None:
    assert numbers(text) == []


def test_a_number_before_a_spelled_name_is_not_multiplied_into_it() -> None:
    assert numbers("England lost their opening two Six Nations games.") == [("two", 2.0, None)]
    assert numbers("They won nine of the last 10 Six Nations titles.") == [("nine", 9.0, None), ("10", 10.0, None)]


def test_two_unit_words_in_a_row_are_not_one_number() -> None:
    assert numbers("Two six-packs were sold.") == []
    assert numbers("Twenty two people died.") == [("Twenty two people", 22.0, "people")]


@pytest.mark.parametrize(("text", "expected"), [
    ("He failed to reach the Olympic 100m and 200m finals.", [("100m", 100.0, "m"), ("200m", 200.0, "m")]),
    ("Douglas set a life-time best of 16.76m in second.", [("16.76m", 16.76, "m"), ("second", 2.0, "ordinal")]),
    ("Kluft took the long jump at 6.63m, while Ceplak won.", [("6.63m", 6.63, "m")]),
    ("She won the 100m, 200m and 400m titles.", [("100m", 100.0, "m"), ("200m", 200.0, "m"), ("400m", 400.0, "m")]),
])
def test_a_glued_m_in_sport_is_metres_also_with_decimals_and_in_a_coordination(
        text: str, expected: list[tuple[str, float, str | None]]) -> None:
    assert numbers(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The £200m deal was signed.", [("£200m", 200e6, "GBP")]),
    ("Sales reached 2.35m in May.", [("2.35m", 2.35e6, None)]),
    ("It sold 2.5m and 3m copies.", [("2.5m", 2.5e6, "count"), ("3m copies", 3e6, "count")]),
    ("The cost rose from £5m to 6m.", [("£5m", 5e6, "GBP"), ("6m", 6e6, None)]),
])
def test_a_glued_m_after_a_currency_or_in_business_stays_a_million(
        text: str, expected: list[tuple[str, float, str | None]]) -> None:
    assert numbers(text) == expected


def test_a_quarter_of_a_million_students_are_a_quarter_million_students() -> None:
    n = one("Initial business plans forecast a quarter of a million students joining within a decade.")
    assert (n["text"], n["value"], n["unit"], n["counted"]) == (
        "a quarter of a million students", 250_000, "people", "students")
    assert numbers("Just over half a million people are at risk.") == [("half a million people", 500_000, "people")]


def test_three_quarters_without_of_are_periods_and_not_a_share() -> None:
    n = one("Profits were lower than in the preceding three quarters.")
    assert (n["text"], n["value"], n["unit"], n["counted"]) == ("three quarters", 3, "count", "quarters")
    assert numbers("Three quarters of voters agreed.") == [("Three quarters", 75.0, "percent")]
    assert numbers("Two-thirds of the land was flooded.") == [("Two-thirds", 66.666667, "percent")]


def test_a_year_coordinated_with_a_year_is_a_year_and_not_a_count() -> None:
    assert numbers("TimeWarner also has to restate 2000 and 2003 results.") == []
    assert numbers("Between 1500 and 2000 people were killed.") == [("2000 people", 2000, "people")]


def test_the_speaker_of_said_is_not_the_owner_of_the_figure_after_it() -> None:
    n = one("However, the company said AOL's underlying profit before exceptional items rose 8%.")
    assert n["attributed_to"] == "the company"
    assert one("Profit rose 8%, said AOL's boss.")["attributed_to"] is None


def test_an_organisation_name_with_for_is_one_name_and_stops_at_glued_digits() -> None:
    n = one("According to the Institute for War Studies2500km² have been taken over.")
    assert (n["text"], n["attributed_to"]) == ("2500km²", "Institute for War Studies")
