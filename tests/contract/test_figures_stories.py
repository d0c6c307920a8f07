"""Two sources disagree only about the same quantity of the same story, and a figure's subject is made of words.

Given small articles ingested with the real numbers and locations extractors, when the figures view
groups their quantities, then the profits of two unrelated companies in one country are two figures
and no disagreement, an article that gives both values of a change ('from £20m to £15m') does not
contradict another that gives them too, and subjects are whole words: no stems ('manag'), no
pronoun or article taken for an owner ('price of i', 'price of the').
"""

from __future__ import annotations

import re

from support import holding


def test_the_profits_of_two_unrelated_stories_in_one_country_are_not_a_disagreement(figures_of):
    figures = figures_of({
        "film": "Warner Bros results in Hollywood\n\nThe film division's profits rose to $284m, helped by "
                "Harry Potter, Warner Bros said in Los Angeles.",
        "pharma": "Merck results in New Jersey\n\nThe quarterly profits fell to $1.1bn after Merck withdrew Vioxx, "
                  "the drug maker said in Whitehouse Station.",
    })
    film, pharma = holding(figures, "$284m"), holding(figures, "$1.1bn")
    assert film["subject"] == pharma["subject"] == "profit" and film["scope"] == pharma["scope"] == "US"
    assert film["id"] != pharma["id"]
    assert not [f for f in figures if f["disagreement"]]


def test_two_reports_of_one_story_still_disagree(figures_of):
    figures = figures_of({
        "wire": "Merck results in New Jersey\n\nThe quarterly profits fell to $1.1bn after Merck withdrew Vioxx, "
                "the drug maker said in Whitehouse Station.",
        "paper": "Vioxx hits Merck in New Jersey\n\nThe quarterly profits fell to $1.5bn after the Vioxx recall, "
                 "Merck said in Whitehouse Station.",
    })
    assert holding(figures, "$1.1bn")["disagreement"]


def test_articles_that_both_give_both_values_of_a_change_do_not_disagree(figures_of):
    sentence = ("The report from the Electoral Commission in London suggests cutting national spending limits "
                "from £20m to £15m for Labour and the Conservatives.")
    figures = figures_of({"a": "Election spending\n\n" + sentence, "b": "Spending limits cut\n\n" + sentence})
    assert holding(figures, "£20m")["values"] and not [f for f in figures if f["disagreement"]]


def words_of(figure: dict) -> set[str]:
    return {w for w in figure["subject"].split() if w != "of"}


def test_a_subject_is_made_of_whole_words_not_stems(figures_of):
    figures = figures_of({
        "a": "Site checks in London\n\nBy contrast Netcraft's four monitoring stations in the US managed to view "
             "the site with no problems, Netcraft said.",
        "b": "Supercomputer in California\n\nIBM test results show that Blue Gene/L has managed speeds of "
             "70.72 teraflops in California.",
    })
    stations = holding(figures, "four monitoring stations")
    assert "managed" in words_of(stations) and "manag" not in words_of(stations)
    assert not re.search(r"\bof l\b", holding(figures, "70.72 teraflops")["subject"])


def test_a_pronoun_or_an_article_opening_a_quote_owns_no_figure(figures_of):
    figures = figures_of({
        "a": "Oil in Libya\n\nLibya's oil minister told Reuters in Tripoli. \"I do not think we need to cut unless "
             "the prices are falling below $35 a barrel,\" he added.",
        "b": "Oil outlook in London\n\nCurrently above $40 a barrel, he said in London: \"The price of oil will be "
             "well supported above $30 a barrel for the medium term.\"",
    })
    assert holding(figures, "$35")["subject"] == "price"
    assert holding(figures, "$30")["subject"] == "price"
