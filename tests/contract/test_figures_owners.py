"""A figure groups numbers about the same thing: one owner, one counted thing, one period for a price.

Given small articles from different outlets ingested with the real numbers and locations extractors,
when the figures view groups their quantities, then one company's sales are not compared with
another's, medals are not compared with gold medals, and a price on one day does not contradict
the price on another; the same company's sales and the same day's price still can disagree.
"""

from __future__ import annotations

from support import holding


def test_sales_of_two_companies_are_two_figures(figures_of):
    figures = figures_of({
        "a": "Media results in New York\n\nTimeWarner said fourth quarter sales rose 2% to $11.1bn in New York.",
        "b": "Steel merger in Chicago\n\nA combination of Mittal Steel and ISG would have annual sales of $32bn, "
             "analysts in Chicago said.",
    })
    timewarner, steel = holding(figures, "$11.1bn"), holding(figures, "$32bn")
    assert timewarner["id"] != steel["id"] and not timewarner["disagreement"]
    assert timewarner["subject"] == "revenue of timewarner"


def test_the_same_company_s_sales_can_still_disagree(figures_of):
    figures = figures_of({
        "a": "Media results in New York\n\nTimeWarner said fourth quarter sales rose 2% to $11.1bn in New York.",
        "b": "TimeWarner in New York\n\nTimeWarner said fourth quarter sales reached $13.5bn, its office in "
             "New York said.",
    })
    assert holding(figures, "$11.1bn")["disagreement"]


def test_medals_and_gold_medals_of_different_athletes_are_different_figures(figures_of):
    figures = figures_of({
        "a": "Doping case in California\n\nJones, who won five medals at the 2000 Olympics, denies using drugs "
             "in California.",
        "b": "Awards in New York\n\nThe awards in New York honour Owens, who won four gold medals at the Games.",
        "c": "Lawsuit in California\n\nJones won three gold medals and two bronzes in Sydney in 2000, a court "
             "in California heard.",
    })
    medals, owens, jones = (holding(figures, t) for t in ("five medals", "four gold medals", "three gold medals"))
    assert len({medals["id"], owens["id"], jones["id"]}) == 3
    assert not [f for f in figures if f["disagreement"]]


def test_an_oil_price_on_different_days_is_not_a_disagreement(figures_of):
    figures = figures_of({
        "a": "Oil in Texas\n\nCrude oil prices surged back above the $47 a barrel mark in Texas on Thursday.",
        "b": "Oil record in Texas\n\nUS crude prices have soared to fresh four-month highs above $53 in Texas.",
    })
    assert not [f for f in figures if f["disagreement"]]


def test_an_oil_price_of_one_named_month_can_disagree(figures_of):
    figures = figures_of({
        "a": "Oil in Texas\n\nThe oil price averaged $47 a barrel in Texas in March 2005.",
        "b": "Oil in Texas\n\nThe oil price averaged $58 a barrel in Texas in March 2005.",
    })
    assert holding(figures, "$47")["disagreement"]
