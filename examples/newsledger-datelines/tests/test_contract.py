"""The example plugin runs newsledger's contract test-kit against itself."""

from newsledger.plugins.testing import ExtractorContract
from newsledger_datelines import build


class TestDatelinesContract(ExtractorContract):
    extractor = build()
    samples = ExtractorContract.samples + ("WASHINGTON – Officials confirmed the retreat.",)


def test_finds_the_dateline():
    from newsledger.domain.text import ArticleText

    article = ArticleText(id="00000000-0000-4000-8000-000000000001", version=1,
                          body="WASHINGTON – Ukrainian forces have advanced.")
    (found,) = build().extract(article)
    assert found.text == "WASHINGTON" and found.data["place"] == "Washington"
