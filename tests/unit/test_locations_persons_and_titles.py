"""Unit tests of the locations extractor's person, organisation and title rules (1.4.1), from a
user-acceptance run on BBC News: each sentence is (or paraphrases) one the tester found a false
place in. ``GB`` is the BBC's home country, as ``outlets.home_country`` gives it.
"""

from __future__ import annotations

import pytest
from newsledger.plugins.locations.extractor import locate


def _found(text: str, home: str | None = "GB") -> dict[str, list]:
    out: dict[str, list] = {}
    for m, p, _ in locate(text, home):
        out.setdefault(text[m.start : m.end], []).append(p)
    return out


@pytest.mark.parametrize(
    "text",
    [
        "A documentary about the life and career of singer George Michael will also be shown.",
        "Ex-Labour MP George Galloway has appealed for the release of the hostage in Baghdad.",
        "He spoke of continuing his strong relationship with George Bush and working with him.",
        '"It is hard," said Herbert Hovenkamp, a law professor at George Mason University in Virginia.',
        "Alice Marchak said that he looked like George Raft, an actor famed for playing gangsters.",
        "The two winners return to the New George V stadium in Paris the next day.",
    ],
)
def test_george_before_a_surname_or_a_regnal_number_is_a_person_not_the_south_african_town(text):
    assert "George" not in _found(text)


def test_a_given_name_alone_after_its_person_was_named_is_that_person_not_a_country():
    text = (
        "In the men's 60m, former Olympic 100m champion Maurice Greene could only finish second in Karlsruhe. "
        '"I am happy even if I know that Maurice is a long way from being at his peak," he said.'
    )
    assert "Maurice" not in _found(text)


def test_a_country_named_like_its_people_stays_a_country_after_a_person_of_that_name():
    text = "Jordan Henderson scored twice. Jordan is a small kingdom east of the Dead Sea."
    assert [p.feature for p in _found(text)["Jordan"]] == ["country"]


def test_a_dictionary_word_joined_by_a_slash_to_another_name_is_no_place():
    found = _found("Others helped raise the stakes during the Bush/Kerry contest by highlighting a candidate's record.")
    assert "Bush" not in found and "Kerry" not in found


def test_two_towns_joined_by_a_slash_stay_towns():
    found = _found("The band played to huge crowds at Glastonbury, T in the Park and Reading/Leeds this summer.")
    assert "Reading" in found and "Leeds" in found


def test_a_common_word_town_before_an_organisations_name_is_no_place():
    found = _found("It was the highest ever daily total recorded by the Mobile Data Association (MDA) in Britain.")
    assert "Mobile" not in found


def test_a_common_word_town_with_its_state_is_still_a_place():
    found = _found("The company moved its offices to the city of Mobile, Alabama, last year, to be near the port.")
    assert found["Mobile"][0].country == "US"


def test_a_name_after_a_given_name_and_a_particle_is_a_surname():
    found = _found("Workers shouted insults at Fiat chairman Luca di Montezemolo, following a meeting in Turin.")
    assert "Montezemolo" not in found and "Turin" in found


def test_a_valley_in_a_title_of_questions_and_pronouns_is_no_place():
    found = _found('"Wales is international now. It is not set back in How Green Was My Valley?" she said in Cardiff.')
    assert not any("Valley" in name for name in found) and "Cardiff" in found


def test_every_mention_of_a_misspelt_country_is_found():
    text = "It employs 50,000 staff in Kazahkstan alone. Kazahkstan is its biggest market, and Kazahkstan's oil..."
    assert [p.geonames_id for p in _found(text)["Kazahkstan"]] == [1522867] * 3


def test_a_countrys_people_are_not_a_misspelling_of_the_country():
    assert "Angolan" not in _found("In all, 90% of Angolan families have lost someone in the war.")
