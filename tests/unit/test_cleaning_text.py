"""Plain-text cleaning: entities, quotes, title block, boilerplate lines, glued tokens."""

from __future__ import annotations

import pytest
from newsledger.domain.cleaning import Cleaned, EmptyArticle, clean

PROSE = (
    "Officials said on Tuesday that the bridge over the river would reopen next month after repairs "
    "costing more than two million pounds."
)


def story(out: Cleaned) -> str:
    """The body after the headline: the body opens with the headline (it is content too)."""
    if out.title and out.body.startswith(out.title + "\n\n"):
        return out.body[len(out.title) + 2 :]
    return out.body


def body(raw: str) -> str:
    return story(clean(raw, "text"))


def test_broken_laquo_entity_is_repaired():
    assert body(f"Headline here\n\nHe called it &laquo ;a disgrace&raquo ; yesterday. {PROSE}") == (
        f"He called it «a disgrace» yesterday. {PROSE}"
    )


def test_double_escaped_and_numeric_entities_are_repaired():
    out = body(f"Headline\n\nShe said &amp;quot;no&amp;quot; &#8220;twice&#x201D; &amp; left. {PROSE}")
    assert out.startswith('She said "no" “twice” & left.')


def test_ampersands_that_are_not_entities_stay():
    assert "AT&T and R&D, Q&A" in body(f"AT&T and R&D, Q&A were discussed at length. {PROSE}")


def test_curly_quotes_survive_cleaning():
    raw = f"Title\n\n“We will win,” he said. ‘Soon’, she added, «maybe». {PROSE}"
    assert "“We will win,” he said. ‘Soon’, she added, «maybe»." in body(raw)


def test_windows_and_old_mac_newlines_are_normalised():
    out = clean(f"Headline\r\n\r\n{PROSE}\r\n\r\nSecond paragraph ends here.\rThird line.", "text")
    assert "\r" not in out.body
    assert story(out) == f"{PROSE}\n\nSecond paragraph ends here.\nThird line."


def test_paragraphs_are_separated_by_one_blank_line():
    out = body(f"Headline\n\n\n\n{PROSE}\n\n\n\n   \n\nAnother paragraph of the story.  \n")
    assert out == f"{PROSE}\n\nAnother paragraph of the story."


def test_title_is_the_headline_and_opens_the_body_once():
    out = clean(f"Bridge to reopen next month\n\n{PROSE}", "text")
    assert out.title == "Bridge to reopen next month"
    assert out.body == f"Bridge to reopen next month\n\n{PROSE}"


def test_text_starting_with_prose_has_no_title_and_keeps_its_first_paragraph():
    out = clean(f"{PROSE}\n\nAnother paragraph.", "text")
    assert out.title is None
    assert out.body.startswith(PROSE)


def test_short_first_sentence_after_the_headline_is_kept_as_the_lead():
    out = clean(f"Striker back in training\n\nHe should be out for months.\n\n{PROSE}", "text")
    assert out.title == "Striker back in training"
    assert story(out) == f"He should be out for months.\n\n{PROSE}"


def test_masthead_and_tagline_before_a_repeated_headline_stay_out_of_the_body():
    raw = f"Town Daily\n\nNews you can use.\n\nBridge to reopen\n\nBridge to reopen\n\n{PROSE}"
    out = clean(raw, "text")
    assert out.title == "Bridge to reopen"
    assert story(out) == PROSE


def test_hard_wrapped_prose_is_not_taken_for_a_title():
    raw = (
        "The council said on Tuesday that the bridge over the river would reopen\n"
        "Thanksgiving week, after repairs costing two million pounds.\n"
        "Traffic has doubled in the old town since the closure, officials said."
    )
    out = clean(raw, "text")
    assert out.title is None
    assert out.body == raw


def test_repeated_headline_and_its_variants_are_dropped_and_the_subheadline_kept():
    raw = (
        "Council says “bridge will reopen” in May\n\n"
        "Council says “bridge will reopen” in May\n\n"
        "Council said &laquo ;bridge reopens» in May\n\n"
        "Repairs cost two million pounds\n\n"
        f"{PROSE}"
    )
    out = clean(raw, "text")
    assert out.title == "Council says “bridge will reopen” in May"
    assert story(out) == f"Repairs cost two million pounds\n\n{PROSE}"  # the subheadline is content


def test_standfirst_repeated_in_the_body_is_kept_only_once():
    stand = "The bridge, closed since the floods of last winter, is the only crossing for ten miles."
    raw = f"Site Name\n\nBridge to reopen\n\nBridge to reopen\n\n{stand}\n\n{PROSE}\n\n{stand}"
    out = clean(raw, "text")
    assert out.title == "Bridge to reopen"
    assert story(out) == f"{PROSE}\n\n{stand}"


@pytest.mark.parametrize(
    "line",
    [
        "Previous articleMayor opens new library",
        "Next article: Storm warning for the coast",
        "Read more: Why the bridge closed",
        "Read also",
        "Leave a Reply",
        "Leave a comment",
        "Your email address will not be published. Required fields are marked *",
        "Sign up for our daily newsletter",
        "Newsletter",
        "Video Player is loading.",
        "Play Video",
        "This is a modal window.",
        "0:00 / 2:15",
        "Share Tweet Email",
        "Facebook Twitter WhatsApp",
        "© 2022 Example Media Ltd. All rights reserved.",
        "This article was originally published on Example News.",
        "This article appeared in Example Weekly and has been published here with permission.",
        "Photo: John Smith/Getty Images",
        "Image credit: Reuters",
        "Advertisement",
        "×",
    ],
)
def test_boilerplate_lines_are_dropped(line):
    out = body(f"Headline\n\n{PROSE}\n\n{line}\n\nThe work starts in March.")
    assert out == f"{PROSE}\n\nThe work starts in March."


def test_related_articles_list_is_dropped_to_its_end():
    raw = (
        f"Headline\n\n{PROSE}\n\nRelated Articles\n\n"
        "Mayor opens library in the old town\nStorm hits the coast: what we know\nA look at the week.\n"
    )
    assert body(raw) == PROSE


def test_prose_mentioning_boilerplate_words_is_kept():
    kept = [
        "Readers can leave a comment on the council website until Friday, officials said.",
        "Subscribers to the scheme will pay less, the minister said, and the next article of the law follows.",
        "Also on display at the show was a two-legged robot.",
    ]
    out = body("Headline\n\n" + "\n\n".join(kept))
    assert out == "\n\n".join(kept)


@pytest.mark.parametrize(
    ("glued", "fixed"),
    [
        ("According to the Institute for War Studies2500km² were retaken.", "Studies 2500km²"),
        ("According to CNNUkrainian forces advanced.", "CNN Ukrainian"),
        ("The deal closed in 2022Ukraine said.", "2022 Ukraine"),
        ("He left after ten years.The club thanked him.", "years. The club"),
    ],
)
def test_glued_tokens_are_split(glued, fixed):
    assert fixed in body(f"Headline\n\n{glued} {PROSE}")


def test_ordinary_mixed_tokens_are_not_split():
    text = "McDonald iPhone TimeWarner JPMorgan COVID-19 km² 3rd G7 MH17 3Com 50Mbps html5 e.g. U.S. St.Louis."
    assert text in body(f"Headline\n\n{text} {PROSE}")


def test_published_date_is_read_from_the_title_block():
    out = clean(f"Bridge to reopen\n\nPublished September 10, 2022\n\n{PROSE}", "text")
    assert out.published_at == "2022-09-10"
    assert story(out) == PROSE


@pytest.mark.parametrize("raw", ["", "   \n\n  ", "Share\n\nTweet\n\nNewsletter", "×"])
def test_nothing_left_raises_empty_article(raw):
    with pytest.raises(EmptyArticle):
        clean(raw, "text")


def test_empty_article_is_a_value_error_and_unknown_format_is_rejected():
    assert issubclass(EmptyArticle, ValueError)
    with pytest.raises(ValueError):
        clean(PROSE, "pdf")


def test_cleaned_is_frozen():
    out = clean(PROSE, "text")
    assert isinstance(out, Cleaned)
    with pytest.raises(AttributeError):
        out.body = "x"  # type: ignore[misc]
