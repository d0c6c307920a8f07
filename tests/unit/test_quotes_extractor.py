"""Given a short article, when the quotes extractor runs, then quotes and speakers are as written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from newsledger.domain.assertions import validate_assertion
from newsledger.domain.text import ArticleText
from newsledger.plugins.quotes.extractor import build

EXTRACTOR = build()
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seeds"
BBC = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "bbc-news-2225" / "articles.jsonl"


def run(body: str) -> list:
    article = ArticleText(id="a1", version=1, body=body)
    out = list(EXTRACTOR.extract(article))
    for a in out:
        validate_assertion(a, article, EXTRACTOR.name, EXTRACTOR.version)
    return out


def quotes(body: str) -> list[tuple[str, str | None, str | None, bool]]:
    return [(a.text, a.data["speaker"], a.data["speaker_surface"], a.data["partial"]) for a in run(body)]


def test_extractor_contract():
    assert EXTRACTOR.name == "quotes"
    assert EXTRACTOR.kinds == ("quote",)
    assert EXTRACTOR.version.count(".") == 2


def test_span_excludes_the_marks_and_keeps_inner_punctuation():
    body = "“We will win,” said Pentagon spokesman Patrick Ryder."
    [(text, speaker, surface, partial)] = quotes(body)
    assert text == "We will win,"
    assert speaker == "Patrick Ryder"
    assert surface == "Pentagon spokesman Patrick Ryder"
    assert partial is False


def test_split_quote_halves_share_the_speaker():
    body = "Oleksii Reznikov spoke on Sunday.\n\n“It will be like an avalanche,” he said, “and it will fall.”"
    got = quotes(body)
    assert [q[0] for q in got] == ["It will be like an avalanche,", "and it will fall."]
    assert {q[1] for q in got} == {"Oleksii Reznikov"}


def test_pronoun_resolves_to_last_named_person():
    body = (
        "President Volodymyr Zelenskyy said his troops advanced. Later, John Kirby spoke.\n\n"
        "“The advance continues,” he said."
    )
    [(_, speaker, surface, _)] = quotes(body)
    assert (speaker, surface) == ("John Kirby", "he")


def test_pronoun_prefers_the_subject_over_an_object():
    body = "Paul Ryan said the onus is on Donald Trump.\n\n“We must unify,” he said."
    assert quotes(body)[0][1] == "Paul Ryan"


def test_surname_resolves_to_the_full_name_introduced_earlier():
    body = "Patrick Ryder briefed reporters.\n\n“They left supplies,” Ryder said."
    assert quotes(body)[0][1:3] == ("Patrick Ryder", "Ryder")


def test_name_variants_are_unified_to_the_first_full_spelling():
    body = (
        "President Volodymyr Zelenskyy spoke on Saturday.\n\n"
        "“We are advancing,” Zelensky said.\n\n“Nothing will stop us,” Mr Zelenskiy added."
    )
    assert {q[1] for q in quotes(body)} == {"Volodymyr Zelenskyy"}


def test_the_president_resolves_to_the_person_with_that_title():
    body = "Russian President Vladimir Putin met Olaf Scholz.\n\n“This is not over,” the president said."
    assert quotes(body)[0][1] == "Vladimir Putin"


def test_according_to_and_tweeted_patterns():
    body = (
        "“Prices will fall,” according to Janet Yellen.\n\n"
        "“Big win tonight!” Donald Trump tweeted."
    )
    assert [q[1] for q in quotes(body)] == ["Janet Yellen", "Donald Trump"]


def test_speaker_named_before_the_quote_with_a_colon():
    body = "Defence minister Oleksii Reznikov told reporters: “The Russians have no fuel.”"
    assert quotes(body)[0][:2] == ("The Russians have no fuel.", "Oleksii Reznikov")


def test_garbled_attribution_takes_the_name_after_the_title():
    body = "“A change in dynamics,” the coordinator told reporters at the Council John Kirby."
    assert quotes(body)[0][1] == "John Kirby"


def test_fragment_inside_a_sentence_is_partial():
    body = "Mr Igor Konashenkov said troops would “regroup” in the Donetsk province."
    [(text, speaker, _, partial)] = quotes(body)
    assert (text, speaker, partial) == ("regroup", "Igor Konashenkov", True)


def test_unattributed_scare_quote_is_not_reported():
    assert quotes("The so-called “undercard” debate was dull.") == []


def test_paragraph_opening_quote_continues_into_the_next_paragraph():
    body = (
        "Mayor Anne Hidalgo spoke at length.\n\n"
        "“The city is ready. We have prepared for years.\n\n"
        "“Nothing will be left to chance,” she said."
    )
    got = quotes(body)
    assert [q[0] for q in got] == [
        "The city is ready. We have prepared for years.",
        "Nothing will be left to chance,",
    ]
    assert {q[1] for q in got} == {"Anne Hidalgo"}


def test_stand_alone_quote_paragraph_continues_the_previous_speaker():
    body = (
        "“I am sure this is not the last city,” Colonel General Oleksandr Syrskyi said.\n\n"
        "“Ahead of us is Kupiansk.”"
    )
    assert [q[1] for q in quotes(body)] == ["Oleksandr Syrskyi", "Oleksandr Syrskyi"]


def test_quote_opening_a_paragraph_attributed_from_the_sentence_after():
    body = "Angela Merkel met the press.\n\n“We can do this.” Merkel said it twice on Monday."
    assert quotes(body)[0][1] == "Angela Merkel"


def test_closing_mark_without_opening_mark():
    body = "“We see them leaving,” John Kirby said. They left supplies.”"
    got = quotes(body)
    assert [q[0] for q in got] == ["We see them leaving,", "They left supplies."]
    assert got[1][1] == "John Kirby"


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("John Kirby said «nothing changed» today.", "nothing changed"),
        ("John Kirby said „all is well“ today.", "all is well"),
        ('"We will see," said John Kirby.', "We will see,"),
        ("'We will see,' said John Kirby.", "We will see,"),
        ("US marked &laquo ;changing dynamics» said John Kirby.", "changing dynamics"),
        ("''We will see,'' said John Kirby.", "We will see,"),
    ],
)
def test_every_common_quote_mark_pairs(body: str, text: str):
    assert text in [a.text for a in run(body)]


def test_apostrophes_are_not_quote_marks():
    assert quotes("Ukraine’s troops don’t stop, and the soldiers' families wait.") == []


def test_fragment_repeating_an_attributed_quote_takes_its_speaker():
    body = (
        "Russian retreat 'like an avalanche'\n\n"
        "Defence minister Oleksii Reznikov spoke.\n\n“It will be like an avalanche,” he said."
    )
    got = quotes(body)
    assert got[0][:2] == ("like an avalanche", "Oleksii Reznikov")


def test_deterministic_and_valid_on_the_seeds():
    if not SEEDS.exists():
        pytest.skip("seed corpus absent")
    for path in sorted(SEEDS.glob("*.txt")):
        body = path.read_text(encoding="utf-8")
        first, second = run(body), run(body)
        assert first == second


def test_valid_assertions_on_bbc_sample():
    if not BBC.exists():
        pytest.skip("BBC corpus absent")
    with BBC.open(encoding="utf-8") as fh:
        for _, line in zip(range(200), fh, strict=False):
            run(json.loads(line)["text"])


def test_a_nested_single_quote_closing_with_the_double_one():
    body = ("''I would use the word 'old-school,''' said Gregory W. Slayton, a supporter. "
            "''Humility is something I love.''")
    got = quotes(body)
    assert [q[0] for q in got] == ["I would use the word 'old-school,", "Humility is something I love."]
    assert {q[1] for q in got} == {"Gregory W. Slayton"}


def test_a_quote_left_open_before_the_next_opening_mark_ends_its_sentence_and_goes_on_in_the_next():
    # paragraphs run together in one line: the first quote's closing mark went with the line break
    body = ('Shadow chancellor Oliver Letwin said: "I can\'t find a single forecaster who agrees. '
            '"In order to deal with that he will have to raise taxes." Mr Letwin left.')
    assert [(t, s) for t, s, _, _ in quotes(body)] == [
        ("I can't find a single forecaster who agrees.", "Oliver Letwin"),
        ("In order to deal with that he will have to raise taxes.", "Oliver Letwin"),
    ]


def test_a_stray_opening_mark_inside_a_sentence_is_still_dropped():
    body = 'He called it "a plan and "a promise" in one speech, Smith said.'
    assert not [t for t, _, _, _ in quotes(body) if t.startswith("a plan")]


def test_a_two_word_term_is_not_credited_to_whoever_used_it_in_a_full_quote():
    body = ('"We will keep to the golden rule," Chancellor Gordon Brown said.\n\n'
            'It is not clear whether he met his "golden rule" this year.')
    assert [(t, s) for t, s, _, _ in quotes(body)] == [("We will keep to the golden rule,", "Gordon Brown")]


def test_a_fragment_credited_by_its_wording_has_no_surface_from_another_attribution():
    body = ('The United States noted a "change in dynamics" in the war in Ukraine\n\n'
            '"I think you are witnessing a change in dynamics," said the coordinator John Kirby.')
    fragment, full = quotes(body)
    assert (fragment[1], fragment[2]) == ("John Kirby", None) and full[1] == "John Kirby"
