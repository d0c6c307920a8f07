"""Unit tests of the locations extractor: misspellings, regions, false positives, the contract."""

from __future__ import annotations

import pytest
from newsledger.domain.assertions import validate_assertion
from newsledger.domain.text import ArticleText
from newsledger.plugins.locations.extractor import NAME, VERSION, build

EXTRACTOR = build()


def _extract(body: str) -> list:
    article = ArticleText(id="a1", version=1, body=body)
    return [validate_assertion(a, article, NAME, VERSION) for a in EXTRACTOR.extract(article)]


def _by_text(body: str) -> dict[str, dict]:
    return {a.text: a.data for a in _extract(body)}


def test_build_declares_the_contract():
    assert EXTRACTOR.name == "locations"
    assert EXTRACTOR.kinds == ("location",)
    assert EXTRACTOR.version.count(".") == 2


def test_misspelled_town_resolves_to_one_geonames_id():
    body = (
        "Ukrainian troops advanced in the Kharkiv region of Ukraine. They entered Izyum on Saturday, "
        "then moved from Izium towards Kupiansk. Soldiers near Izioum said supply lines to Izyium "
        "were cut."
    )
    found = _by_text(body)
    ids = {found[name]["geonames_id"] for name in ("Izyum", "Izium", "Izioum", "Izyium")}
    assert len(ids) == 1 and ids.pop() is not None


def test_region_suffix_selects_admin_region():
    found = _by_text("Shelling continued in the Kharkiv region and in Donetsk province, Ukraine said.")
    assert found["Kharkiv region"]["feature"] == "region"
    assert found["Kharkiv region"]["geonames_id"] == 706482  # Kharkiv Oblast, not the city
    assert found["Donetsk province"]["feature"] == "region"


def test_bare_city_name_prefers_the_city():
    found = _by_text("Explosions were heard in Kharkiv overnight, officials in Ukraine said.")
    assert found["Kharkiv"]["feature"] == "city"


def test_transliteration_and_typo_in_ukrainian_context():
    found = _by_text(
        "Ukraine's forces recaptured the city of Volchansk in Ukraine. A ceremony was held at the small "
        "city of Banakliia, in the Kharkiv region."
    )
    assert found["Volchansk"]["geonames_id"] == 689304  # Vovchansk
    assert found["Banakliia"]["geonames_id"] == 712926  # Balakliia


def test_lowercase_major_city_is_found():
    assert "kyiv" in _by_text("the road to kyiv was reopened")


@pytest.mark.parametrize(
    "body, absent",
    [
        ("National security spokesman John Kirby told reporters on Monday.", "Kirby"),
        ("Jordan Peterson gave a lecture in Toronto.", "Jordan"),
        ("Nice to see you again, she said.", "Nice"),
        ("Split the bill, he said.", "Split"),
        ("Of all the reasons, this one matters.", "Of"),
        ("Ukrainian officials met Russian envoys.", "Ukrainian"),
        ("The New York Times reported the story first.", "New York"),
    ],
)
def test_common_false_positives_are_dropped(body, absent):
    assert absent not in _by_text(body)


def test_countries_and_abbreviations_resolve():
    found = _by_text("The U.S. and the UK sent aid to Ukraine, while Russia objected.")
    assert found["U.S."]["country"] == "US"
    assert found["UK"]["country"] == "GB"
    assert found["Ukraine"]["feature"] == "country"
    assert found["Russia"]["geonames_id"] == 2017370


def test_capital_as_actor_is_metonymy():
    found = _by_text("The town, which Moscow captured in February, lies near the border with Ukraine.")
    assert found["Moscow"]["metonymy"] is True
    found = _by_text("Moscow celebrated the 875th anniversary of its founding in Russia.")
    assert found["Moscow"]["metonymy"] is False


def test_spans_index_the_body_with_non_ascii_text():
    body = "Réunion officials met in Zürich and São Paulo — then flew to Kyiv."
    found = _extract(body)
    assert {a.text for a in found} >= {"Zürich", "São Paulo", "Kyiv"}
    for a in found:
        assert body[a.start : a.end] == a.text


def test_extract_is_deterministic():
    body = "Fighting near Izyum in the Kharkiv region of Ukraine continued."
    assert _extract(body) == _extract(body)


def test_street_and_building_names_take_the_city_they_are_in():
    found = _by_text(
        "Police closed Royal Street in New Orleans on Friday. Mass was held at the Manila Cathedral "
        "in the Philippines."
    )
    assert found["Royal Street"]["feature"] == "other"
    assert found["Royal Street"]["country"] == "US"
    assert found["Manila Cathedral"]["country"] == "PH"
    assert "Manila" not in found  # the city name inside the building's name is not a second place


def test_us_county_resolves_to_the_admin2_area():
    found = _by_text("Home prices rose again in Orange County, California, officials said.")
    assert found["Orange County"]["geonames_id"] == 5379524
    assert found["Orange County"]["feature"] == "region"


def test_state_abbreviation_after_a_town():
    found = _by_text("The house at 8024 Turtle Creek Cir., Gainesville, Va. is for sale.")
    assert found["Va."]["name"] == "Virginia"
    assert "Ill." not in _by_text("He fell Ill. Then he recovered.")


def test_authored_names_that_are_words_or_adjective_like():
    found = _by_text("The EU said storms in the Atlantic were stronger. The Berlin-based firm agreed.")
    assert {"EU", "Atlantic", "Berlin"} <= set(found)


@pytest.mark.parametrize(
    "body, absent, present",
    [
        ("The drivers were Colin Turkington and Andrew Jordan, both champions.", "Jordan", None),
        ("The cashiers were John Smith and Nancy Levan, who work in Chicago.", "Nancy", "Chicago"),
        ("Photos by Meredith Desmond and her team.", "Meredith", None),
        ("Fighting went on in Jordan and Syria, officials said.", None, "Jordan"),
        ("She flew from Paris Texas to see her family.", None, "Texas"),
    ],
)
def test_first_names_of_the_name_list_make_persons(body, absent, present):
    found = _by_text(body)
    assert absent is None or absent not in found
    assert present is None or present in found


@pytest.mark.parametrize(
    "body, absent",
    [
        ("Sponsors included Johnson & Johnson and Nestle.", "Johnson"),
        ("Exports to CIS countries fell by 4 percent.", "CIS"),
        ("Migrants hang up their washing on the fences.", "hang"),
        ("The Igbo group said it would resist the move.", "Igbo"),
    ],
)
def test_companies_acronyms_and_name_fragments_are_not_places(body, absent):
    assert absent not in _by_text(body)


def test_places_joined_by_an_ampersand_stay_places():
    assert "Trinidad" in _by_text("Flights to Trinidad & Tobago resumed on Monday.")


def test_name_inside_a_lowercase_longer_name_is_found():
    found = _by_text("The offensive in eastern Ghouta went on; trade with North Africa grew.")
    assert found["Ghouta"]["country"] == "SY" and "North Africa" in found


def _extract_from(body: str, outlet: str | None = None) -> dict[str, dict]:
    article = ArticleText(id="a1", version=1, body=body, outlet=outlet)
    return {a.text: a.data for a in (validate_assertion(a, article, NAME, VERSION) for a in EXTRACTOR.extract(article))}


def test_a_surname_read_once_as_a_person_stays_a_person_later_in_the_article():
    found = _extract(
        "“We see change,” the coordinator told reporters at the White House National Security Council "
        "John Kirby.\n\n“We will support them,” Kirby continued. That said, Kirby also issued a caution "
        "about the United States."
    )
    assert not [a for a in found if a.text == "Kirby"]


def test_the_white_house_is_the_building_in_washington_standing_for_the_administration():
    said = _by_text("The White House said on Monday it would send more aid to the United States' allies.")
    assert said["White House"]["geonames_id"] == 4140704  # the building, not White House, Tennessee
    assert said["White House"]["country"] == "US" and said["White House"]["metonymy"] is True
    outside = _by_text("Protesters gathered outside the White House in Washington on Sunday.")
    assert outside["White House"]["geonames_id"] == 4140704 and outside["White House"]["metonymy"] is False
    town = _by_text("Floods hit homes in White House, Tennessee, near Nashville.")
    assert town["White House"]["geonames_id"] == 4667282


def test_a_company_name_is_not_a_place_by_an_old_town_name_or_a_near_spelling():
    assert "Google" not in _by_text("Shares in Google rose in New York on Friday.")
    assert "Google" not in _extract_from("Ads in Google rose in London and Leeds.", outlet="BBC News")  # not Goole


def test_the_outlets_country_decides_between_towns_of_one_name():
    assert _extract_from("Newcastle beat Chelsea 2-0.", outlet="BBC News")["Newcastle"]["geonames_id"] == 2641673
    assert _by_text("Newcastle and Sunderland fans met in England.")["Newcastle"]["country"] == "GB"
    assert _by_text("Newcastle, in New South Wales, flooded.")["Newcastle"]["country"] == "AU"


@pytest.mark.parametrize("body", ["Troops left Izium.", "The mayor of Izium said the town was free."])
def test_a_town_whose_name_means_nothing_else_is_found_without_context(body):
    assert _by_text(body)["Izium"]["geonames_id"] == 707292


def test_famous_surnames_that_name_one_small_town_are_not_places_without_context():
    assert "Obama" not in _by_text("Obama spoke on Tuesday.")


@pytest.mark.parametrize(
    "body", ["Missiles hit Kherson on Tuesday.", "Russian forces shelled Kherson overnight, officials said."]
)
def test_a_city_whose_only_other_reading_is_its_own_region_stands_without_context(body):
    assert _by_text(body)["Kherson"]["geonames_id"] == 706448  # the city, not Kherson Oblast


def test_the_outlets_country_weighs_as_much_as_another_country_the_article_names():
    body = (
        "US tycoon Malcolm Glazer raised his offer for Manchester United, a US bank said. MPs at "
        "Westminster asked whether the US owner would keep the club."
    )
    found = _extract_from(body, outlet="BBC News")
    assert found["Manchester"]["country"] == "GB" and found["Westminster"]["geonames_id"] == 2634341
    # A place nearby still decides: this Manchester is in New Hampshire.
    near = _extract_from("Voters in Manchester, near Concord and Boston, backed him.", outlet="BBC News")
    assert near["Manchester"]["geonames_id"] == 5089178


def test_a_name_is_no_evidence_for_its_own_foreign_reading_against_the_outlets_country():
    quote = "“We were behind the ball,” said the Sale player after the match"
    said = _extract_from(f"{quote} in England.", outlet="BBC News")
    assert said["Sale"]["geonames_id"] == 2638678  # Sale, Greater Manchester, not Salé, Morocco
    # Salé the region does not vouch for Salé the town: without support, no place at all.
    assert "Sale" not in _extract_from(f"{quote}.", outlet="BBC News")
    assert "Sale" not in _extract_from("Sale of the firm was agreed; the sale ends soon.", outlet="BBC News")


def test_a_surname_after_a_given_name_opening_a_sentence_is_not_a_place():
    body = "Marvel gave credits to US artists. Jack Kirby, Frank Miller and John Romita drew the heroes."
    assert "Kirby" not in _by_text(body)


def test_a_given_name_that_is_also_a_small_town_still_marks_the_surname_after_it():
    found = _by_text("In Virginia, Hypes said George Washington designed the flag; Ray Payette agreed.")
    assert "Washington" not in found and "Payette" not in found and found["Virginia"]["country"] == "US"


def test_a_place_naming_a_bank_is_no_mention_of_that_place():
    body = "Shares in Bank of America rose and the Bank of England held rates, in America and England."
    found = [(a.start, a.data["name"]) for a in _extract(body)]
    assert found == [(body.rindex("America"), "United States"), (body.rindex("England"), "England")]


def test_a_short_name_before_the_sentences_full_stop_is_found():
    from newsledger.domain.text import ArticleText
    from newsledger.plugins.locations.extractor import build

    extractor = build()
    for body, name in (("Troops were sent by the US.", "United States"), ("He lives in the UK.", "United Kingdom")):
        found = [a.data["name"] for a in extractor.extract(ArticleText(id="a", version=1, body=body))]
        assert found == [name], body


def test_a_street_no_phrase_locates_has_no_coordinates_rather_than_a_city_named_elsewhere():
    body = (
        "Downing Street said the prime minister would not back down. Later, EU officials met in "
        "Brussels to discuss the budget."
    )
    street = _by_text(body)["Downing Street"]
    assert (street["lat"], street["lon"], street["country"], street["geonames_id"]) == (None, None, None, None)


def test_a_facility_takes_the_coordinates_of_the_place_named_in_the_same_phrase():
    found = _by_text("Officials in Brussels said Downing Street in London was silent.")
    assert found["Downing Street"]["country"] == "GB"
    found = _by_text("Protesters from Rome filled Trafalgar Square, London, on Sunday.")
    assert found["Trafalgar Square"]["country"] == "GB"


def test_a_facility_name_does_not_run_across_a_sentence_end():
    found = _by_text("Shares fell in New York on Thursday. Market analysts were cautious.")
    assert not any("Thursday" in text for text in found)


def test_a_given_name_before_a_surname_like_head_is_a_person():
    found = _by_text("The actors Nathan Lane and Thomas Haden Church were nominated in Los Angeles.")
    assert "Nathan Lane" not in found and "Thomas Haden Church" not in found


def test_a_book_title_shaped_like_a_place_is_not_a_place():
    body = (
        "Andrea Levy has seen her book Small Island win the award in London.\n\n"
        "Small Island, Levy's fourth novel, is set in post-war England."
    )
    assert "Small Island" not in _by_text(body)


def test_a_name_shared_by_a_country_and_a_bigger_us_state_follows_a_us_story():
    body = (
        "A US woman is suing Hewlett Packard over its printer cartridges. The unnamed woman from "
        "Georgia says a chip inside the cartridge tells the printer it is empty."
    )
    assert _by_text(body)["Georgia"]["geonames_id"] == 4197000  # the US state


def test_a_television_channel_named_after_a_country_is_not_the_country():
    body = "The defence minister told the television channel Ukraina that Russian troops lacked fuel."
    assert "Ukraina" not in _by_text(body)


def test_a_peoples_republic_named_after_a_city_is_the_region_it_claims():
    body = "The leader of the separatists of the Donetsk People's Republic spoke in Moscow."
    assert _by_text(body)["Donetsk"]["feature"] == "region"
