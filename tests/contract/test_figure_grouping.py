"""A figure groups only numbers that count the same thing: the same noun and the same event.

Given small articles from different outlets ingested with the real numbers and locations extractors,
when the figures view groups their quantities, then deaths are compared with deaths (not with the
people affected or evacuated), a cost with costs (not with a revenue), games won with games won,
and numbers orders of magnitude apart are not reported as one disagreement.
"""

from __future__ import annotations

from support import holding

FLOODS = {
    "wire": "Pakistan floods: death toll passes 1,100\n\n"
            "Floods in Pakistan have killed 1,100 people since mid-June, officials in Islamabad said on Monday. "
            "More than 33 million people have been affected by the monsoon rains across the country. "
            "In Sindh province, 500,000 people were evacuated from their villages.",
    "daily": "Pakistan floods worsen\n\n"
             "The floods have now killed 1,300 people in Pakistan, the disaster authority in Islamabad said. "
             "About 33 million people were affected and 12,500 people were injured. "
             "Aid groups said 6.4 million people were displaced in Sindh and Balochistan.",
    "radio": "Pakistan counts the cost of the floods\n\n"
             "Some 33 million people in Pakistan are affected by the floods, which killed 1,290 people, according to "
             "the government in Islamabad. Officials in Sindh said 2 million people were evacuated.",
}


def texts(figure: dict) -> set[str]:
    return {v["text"] for v in figure["values"]}


def test_deaths_are_compared_with_deaths_and_not_with_the_people_affected(figures_of):
    figures = figures_of(FLOODS)
    deaths = holding(figures, "1,100 people")
    # the wire's headline 'death toll passes 1,100' is a death count too
    assert texts(deaths) == {"1,100", "1,100 people", "1,300 people", "1,290 people"}
    assert deaths["scope"] == "PK" and deaths["articles"] == 3 and deaths["disagreement"]
    assert deaths["subject"] == "killed"


def test_the_people_affected_agree_and_are_not_a_disagreement(figures_of):
    figures = figures_of(FLOODS)
    affected = holding(figures, "33 million people")
    assert affected["subject"] == "affected" and affected["articles"] == 3
    assert not affected["disagreement"]


def test_evacuated_injured_and_displaced_are_three_different_figures(figures_of):
    figures = figures_of(FLOODS)
    evacuated = holding(figures, "500,000 people")
    assert texts(evacuated) == {"500,000 people", "2 million people"} and evacuated["subject"] == "evacuated"
    assert holding(figures, "12,500 people")["subject"] == "injured"
    assert holding(figures, "6.4 million people")["subject"] == "displaced"


def test_a_cost_is_compared_with_costs_and_not_with_a_revenue(figures_of):
    figures = figures_of({
        "paper": "New bridge opens in Glasgow\n\nThe bridge over the Clyde in Glasgow cost £250m to build, "
                 "the council said. The toll company expects revenue of £12m a year.",
        "site": "Glasgow bridge opens late\n\nThe Clyde crossing in Glasgow, which cost £310m, opened on Friday "
                "after two years of delays in Scotland.",
    })
    cost = holding(figures, "£250m")
    assert texts(cost) == {"£250m", "£310m"} and cost["subject"] == "cost" and cost["disagreement"]


def test_games_counted_for_different_reasons_are_not_one_figure(figures_of):
    figures = figures_of({
        "sport-a": "Chelsea stay top in London\n\nChelsea have won nine games in a row in the Premiership.",
        "sport-b": "Arsenal in London derby\n\nArsenal are unbeaten in 15 league games before the derby in London.",
    })
    games = [f for f in figures if {"nine games", "15 league games"} <= texts(f)]
    assert games == []
    assert not [f for f in figures if f["disagreement"]]


def test_numbers_orders_of_magnitude_apart_are_not_one_disagreement(figures_of):
    figures = figures_of({
        "local": "Crash on the M6 in England\n\nTwo people were killed in a crash on the M6 near Birmingham, "
                 "police in England said.",
        "health": "Flu season in England\n\nFlu killed 12,000 people in England last winter, "
                  "health officials in London said.",
    })
    assert not [f for f in figures if f["disagreement"]]


def test_the_retaken_territory_is_still_found_by_its_noun(figures_of):
    figures = figures_of(subject="territory", articles={
        "a": "Ukraine advance\n\nUkrainian troops in Kharkiv recaptured 6,000 square kilometres of territory.",
        "b": "Kharkiv offensive\n\nUkraine's army in Kharkiv has liberated around 2,000 square kilometres "
             "of territory.",
    })
    [territory] = figures
    assert territory["disagreement"] and territory["subject"].startswith("territory")
    assert texts(territory) == {"6,000 square kilometres", "2,000 square kilometres"}


def test_a_value_a_hundred_times_the_others_is_not_marked_as_disagreeing(figures_of):
    figures = figures_of({**FLOODS, "blog": "Pakistan floods\n\nThe floods in Sindh killed 110,000 people, "
                                           "a blog in Islamabad claimed."})
    deaths = holding(figures, "1,100 people")
    assert deaths["disagreement"] and "110,000 people" in texts(deaths)
    flagged = {v["text"] for v in deaths["values"] if v["assertion_id"] in deaths["disagreeing"]}
    assert flagged == {"1,100", "1,100 people", "1,300 people", "1,290 people"}


def test_the_clearest_disagreement_is_listed_first():
    from newsledger.plugins.numbers.routes import _sort_key

    def fig(fid: str, disagreement: bool, articles: int, spread: float) -> dict:
        return {"id": fid, "disagreement": disagreement, "articles": articles, "spread": spread}

    figures = [fig("agreed", False, 40, 1.0), fig("many-stories", True, 12, 17.5),
               fig("two-reports", True, 2, 1.3), fig("three-reports", True, 3, 3.0)]
    assert [f["id"] for f in sorted(figures, key=_sort_key)] == [
        "two-reports", "three-reports", "many-stories", "agreed"]


def test_a_death_count_without_a_noun_is_one_figure_with_the_people_killed(figures_of):
    figures = figures_of({
        "agency": "Landslides in Nepal\n\nLandslides in Nepal have left 1,100 killed and 2 million affected, "
                  "the government in Kathmandu said.",
        "paper": "Nepal landslides\n\nThe landslides have killed 1,300 people in Nepal, officials in Kathmandu said.",
    })
    deaths = holding(figures, "1,300 people")
    assert texts(deaths) == {"1,100", "1,300 people"}
    assert deaths["subject"] == "killed" and deaths["scope"] == "NP" and deaths["disagreement"]
