"""Given quotes from several articles, when the cross-source views group them, then one person's
spellings fold together and only the same words from the same mouth make one quote."""

from __future__ import annotations

from newsledger.plugins.quotes.grouping import canonical_names, clusters, speakers


def quote(seq: int, article: str, text: str, speaker: str | None) -> dict:
    return {"seq": seq, "assertion_id": f"a{seq}", "article_id": article, "outlet": f"outlet-{article}",
            "text": text, "speaker": speaker, "speaker_surface": speaker}


def test_a_one_word_name_joins_the_one_person_it_spells():
    found = speakers([quote(1, "x", "We will win.", "Volodymyr Zelensky"),
                      quote(2, "y", "We will prevail.", "Zelenskyy")])
    assert len(found) == 1
    assert sorted(found[0]["spellings"]) == ["Volodymyr Zelensky", "Zelenskyy"]


def test_a_one_word_name_shared_by_two_people_stays_apart():
    found = speakers([quote(1, "x", "One.", "Hillary Clinton"), quote(2, "y", "Two.", "Bill Clinton"),
                      quote(3, "z", "Three.", "Clinton")])
    assert len(found) == 3


def test_a_scare_quote_from_different_speakers_is_not_one_quote():
    quotes = [quote(1, "x", "significant", "Alan Greenspan"), quote(2, "y", "significant", "Lib Dems"),
              quote(3, "z", "delighted", None), quote(4, "w", "delighted", "AFP")]
    assert clusters(quotes, canonical_names(speakers(quotes))) == []


def test_a_short_quote_from_one_speaker_across_outlets_is_one_quote():
    quotes = [quote(1, "x", "total disaster", "Donald Trump"), quote(2, "y", "total disaster", "Trump")]
    names = {"Trump": "Donald Trump", "Donald Trump": "Donald Trump"}
    assert [c["articles"] for c in clusters(quotes, names)] == [2]


def test_a_long_quote_joins_across_outlets_whoever_they_credit():
    # one outlet misattributing a quote is what a fact-checker wants to see side by side
    text = "We have regained control over more than six thousand square kilometres of our land"
    quotes = [quote(1, "x", text, "Volodymyr Zelensky"), quote(2, "y", text, "Hanna Maliar")]
    assert [c["speakers"] for c in clusters(quotes, {})] == [["Volodymyr Zelensky", "Hanna Maliar"]]


def test_a_description_in_lower_case_is_nobody_in_particular():
    found = speakers([quote(1, "x", "We will appeal.", "spokesman"), quote(2, "y", "No comment.", "spokesman"),
                      quote(3, "z", "We disagree.", "Russian officials")])
    assert [s["name"] for s in found] == ["Russian officials"]
