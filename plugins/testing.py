"""Contract test-kit: what every extractor must do, for outside plugins to run against themselves.

Subclass in your plugin's tests (pytest collects it through your ``Test...`` subclass)::

    from newsledger.plugins.testing import ExtractorContract
    from my_plugin import build

    class TestMyExtractor(ExtractorContract):
        extractor = build()
        samples = ExtractorContract.samples + ("A text your extractor finds things in.",)
"""

from __future__ import annotations

import copy
import socket
from typing import ClassVar

import msgspec
from newsledger.domain.assertions import Assertion, validate_assertion
from newsledger.domain.extractor import Extractor
from newsledger.domain.text import ArticleText

SAMPLES: tuple[str, ...] = (
    "KYIV – Ukrainian forces retook more than 6,000 square kilometres in September, President "
    "Volodymyr Zelenskyy said on Monday.\n\n“The advance of our troops continues,” he said.",
    "The Bank of England held interest rates at 4.75% on Thursday. “We remain vigilant,” the governor "
    "told reporters in London, adding that nearly 2.5 million households would be affected.",
    "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m) for the three months "
    "to December.\n\nIts profits were buoyed by one-off gains.",
    "Rain is expected across Wales and the south-west of England. «It will be a wet weekend», said a "
    "forecaster, with 30mm possible in places.",
    "«Nous avançons», a déclaré le président. „Wir bleiben“, sagte er. 'Maybe,' she said. Ünïcödé ✓ 🙂",
    "no capitals, no digits, no quotes at all, just words running on and on",
)


class ExtractorContract:
    """The extractor contract as pytest tests. Set ``extractor``; extend ``samples`` if you like."""

    extractor: ClassVar[Extractor]
    samples: ClassVar[tuple[str, ...]] = SAMPLES

    def articles(self) -> list[ArticleText]:
        return [
            ArticleText(id=f"00000000-0000-4000-8000-{i:012d}", version=1, body=body, title="A headline",
                        outlet="Example", url=f"https://example.org/{i}")
            for i, body in enumerate(self.samples)
        ]

    def run(self, article: ArticleText) -> list[Assertion]:
        return list(self.extractor.extract(article))

    def test_has_a_stable_name_and_a_version(self) -> None:
        assert isinstance(self.extractor, Extractor)
        assert self.extractor.name and self.extractor.name == self.extractor.name.strip()
        assert self.extractor.version

    def test_is_deterministic(self) -> None:
        for article in self.articles():
            assert self.run(article) == self.run(article)

    def test_every_span_is_inside_the_body_and_equals_its_text(self) -> None:
        for article in self.articles():
            for item in self.run(article):
                validate_assertion(item, article, self.extractor.name, self.extractor.version)

    def test_declares_the_kinds_it_emits(self) -> None:
        if not self.extractor.kinds:
            return
        for article in self.articles():
            assert {a.kind for a in self.run(article)} <= set(self.extractor.kinds)

    def test_an_empty_article_gives_nothing(self) -> None:
        for body in ("", " ", "\n\n"):
            assert self.run(ArticleText(id="00000000-0000-4000-8000-000000000000", version=1, body=body)) == []

    def test_leaves_its_input_untouched(self) -> None:
        for article in self.articles():
            before = copy.deepcopy(article)
            self.run(article)
            assert article == before

    def test_output_encodes_with_msgspec(self) -> None:
        for article in self.articles():
            encoded = msgspec.json.encode(self.run(article))
            assert msgspec.json.decode(encoded, type=list[Assertion]) == self.run(article)

    def test_uses_no_network(self) -> None:
        real = socket.socket

        class NoNetwork(real):  # type: ignore[misc, valid-type]
            def connect(self, *args: object, **kwargs: object) -> None:
                raise AssertionError("an extractor must not use the network")

        socket.socket = NoNetwork  # type: ignore[misc]
        try:
            for article in self.articles():
                self.run(article)
        finally:
            socket.socket = real  # type: ignore[misc]
