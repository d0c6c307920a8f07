"""Unit tests of the locations extractor's disambiguation rules, from a user-acceptance run on BBC News.

Each sentence is (or paraphrases) one the tester found resolved wrongly; ``GB`` is the BBC's home
country, as ``outlets.home_country`` gives it.
"""

from __future__ import annotations

from newsledger.plugins.locations import gazetteer
from newsledger.plugins.locations.extractor import locate


def _found(text: str, home: str | None = "GB") -> dict[str, list]:
    out: dict[str, list] = {}
    for m, p, _ in locate(text, home):
        out.setdefault(text[m.start : m.end], []).append(p)
    return out


def _ids(text: str, home: str | None = "GB") -> dict[str, int | None]:
    return {k: v[0].geonames_id for k, v in _found(text, home).items()}


def test_a_surname_after_a_given_name_and_a_middle_initial_is_no_place():
    found = _found("Since President George W Bush came to office, the Bush administration has cut taxes.")
    assert "Bush" not in found


def test_a_given_name_before_a_surname_is_no_place_even_when_a_country_is_so_called():
    found = _found("Maurice Greene won the 100m in Athens, ahead of rivals from Jamaica.")
    assert "Maurice" not in found and "Athens" in found


def test_a_given_name_before_a_title_is_no_place():
    found = _found("Second favourite is a biography of Mary Queen of Scots, by John Guy.")
    assert "Mary" not in found


def test_a_given_name_known_only_as_another_spelling_of_a_town_is_no_place():
    found = _found("The film is directed by the man who calls himself Salam Pax, the Baghdad blogger.")
    assert "Salam" not in found and "Baghdad" in found


def test_a_given_name_before_an_initial_is_no_place():
    text = (
        "The US telethon raised money for tsunami victims in Asia. Norah Jones, Diana Ross, Stevie Wonder, "
        "Maroon 5, Mary J Blige and Eric Clapton will give musical performances on the show."
    )
    assert "Mary" not in _found(text)


def test_a_name_after_an_initial_in_a_team_list_is_no_place():
    found = _found(
        "Italy and the US: L Orquera, A Troncon; A Lo Cicero, F Ongaro, M Castrogiovanni, S Dellape, "
        "M Bortolami (capt)."
    )
    assert "Cicero" not in found


def test_an_acronym_is_not_read_through_a_lower_case_spelling_of_a_region():
    assert "UKA" not in _found('"We have found the right person," said UKA chief executive David Moorcroft.')


def test_eu_in_capitals_is_the_union_not_the_french_town():
    found = _found("France and Germany said Turkey entering the EU would take years. EU rules apply in Paris.")
    assert {p.name for p in found["EU"]} == {"European Union"}


def test_the_middle_east_is_the_region_with_its_geonames_id():
    found = _found("Central banks from Asia and the Middle East are buying euros, a trader in Maryland said.")
    assert found["Middle East"][0].geonames_id == 6269133


def test_a_lower_case_common_word_is_never_a_place():
    text = "The US firm is at the centre of the scandal and will open a training centre in India."
    assert "centre" not in _found(text)


def test_a_name_joined_by_a_hyphen_to_a_company_word_is_no_place():
    found = _found("Anheuser-Busch and T-Mobile USA reported profits; the Israel-Gaza talks resumed.")
    assert "Busch" not in found and "Mobile" not in found
    assert "Israel" in found


def test_a_party_letter_before_a_hyphen_keeps_the_home_town():
    found = _found("Rep. Wendell Gilliard, D-Charleston, tried to restore the funding in South Carolina.", None)
    assert "Charleston" in found


def test_a_common_word_before_an_acronym_is_a_product_name():
    assert "Mobile" not in _found("It was voted the greatest gadget of all time by US magazine Mobile PC.")


def test_a_city_after_title_of_the_is_a_work_title():
    found = _found("Harry Potter and Order of the Phoenix was Amazon's largest pre-ordered item in the US.")
    assert "Phoenix" not in found


def test_korea_alone_is_south_korea():
    assert _ids("Sales grew in markets like Korea and Thailand.")["Korea"] == 1835841


def test_a_bare_new_york_is_the_city_and_new_york_state_the_state():
    ids = _ids("In late trading in New York, the dollar rose. New York State Comptroller Alan Hevesi spoke.")
    assert ids["New York"] == 5128581
    assert ids["New York State"] == 5128638


def test_new_york_as_a_qualifier_or_with_a_governor_is_the_state():
    ids = _ids("He works at St. Barnabas Hospital in Bronx, New York.", None)
    assert ids["New York"] == 5128638
    assert _ids("Former New York Gov. Mario Cuomo died.", None)["New York"] == 5128638


def test_a_bare_city_name_is_the_city_not_the_district_of_that_name():
    ids = _ids("Mr Blunkett was schooled in Sheffield. The plant in Birmingham will close, and one in Chennai opens.")
    assert ids["Sheffield"] == 2638077
    assert ids["Birmingham"] == 2655603
    assert ids["Chennai"] == 1264527


def test_a_small_district_abroad_does_not_beat_a_town_of_that_name():
    assert _ids("She joined Diaghilev in Monte Carlo when she was 14.")["Monte Carlo"] == 2992741


def test_a_big_city_beats_a_namesake_a_hundred_times_smaller_at_home():
    text = "Jones, whose father was Welsh, was born in Melbourne where her parents worked in the theatre."
    assert _ids(text)["Melbourne"] == 2158177


def test_a_qualified_small_namesake_keeps_its_qualifier():
    assert _ids("He grew up in Melbourne, Derbyshire.")["Melbourne"] != 2158177


def test_a_small_town_abroad_that_nothing_else_points_to_is_dropped_for_the_outlet():
    found = _found("The runway could not be paid for unless cash from Heathrow and Gatwick was used, London said.")
    assert "Heathrow" not in found
    assert "Heathrow" in _found("Flights from Heathrow, Florida to Orlando resumed, Florida officials said.", None)


def test_a_misspelt_country_is_resolved_without_other_context():
    assert _ids("It employs 50,000 staff in Kazahkstan alone.")["Kazahkstan"] == 1522867


def test_a_country_is_placed_at_its_capital_not_the_mean_of_its_towns():
    gaz = gazetteer.load()
    us = next(p for p in gaz.candidates("united states") if p.feature == "country")
    assert abs(us.lat - 38.895) < 0.1 and abs(us.lon + 77.036) < 0.1  # Washington


def test_the_compiled_gazetteer_records_which_names_are_acronyms():
    gaz = gazetteer.load()
    assert gaz.acronyms.get("eu") and "uka" not in gaz.acronyms
