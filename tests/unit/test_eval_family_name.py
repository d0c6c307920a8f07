"""The evaluation's reading of a gold speaker mention (bench.eval_quotes.family_name): the family name a
predicted speaker must contain, or None when the mention names no one (a pronoun, a description)."""

import pytest

from bench.eval_quotes import family_name


@pytest.mark.parametrize(("mention", "family"), [
    ("Jane Roe", "Roe"),
    ("Rep. Jane Roe (D-N.Y.), the assistant leader", "Roe"),
    ("the company's chief executive, Jane Roe,", "Roe"),
    ("Gov. Jane Roe of Ohio", "Roe"),
    # a title that takes "of" before the name goes with the name after it
    ("Secretary of State Jane Q. Roe", "Roe"),
    ("former secretary of state Jane Roe, who spoke first", "Roe"),
    ("Speaker of the House Rep. Jane Roe (R-WI)", "Roe"),
    ("Former Acme chief of staff Jane Roe, who died in 2003,", "Roe"),
    ("master of ceremonies Jane Roe-Doe, an engineer", "Roe-Doe"),
    # the person a description is close to, or advises, is not the speaker
    ("a longtime adviser to Jane Roe", None),
    ("the former top aide to President Jane Roe", None),
    ("Aides to Jane Roe", "Roe"),  # a capital opening the sentence: read as before, the name it ends with
    # a quantifier opening the mention is no name when one follows
    ("One of the authors of that report, Jane Roe,", "Roe"),
    ("Some", "Some"),
    # no one named: a pronoun, a description, an office held by someone unnamed
    ("he", None),
    ("the Florida senator", None),
    ("the president of the Acme Workers Union", None),
    ("an email from the president of the Acme federation obtained by The Daily Planet", None),
    ("chairman of the Acme Party", None),
])
def test_family_name(mention, family):
    assert family_name(mention) == family
