"""The extractor contract: a pure, deterministic function from an article version to assertions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from newsledger.domain.assertions import Assertion
from newsledger.domain.text import ArticleText


@dataclass(frozen=True)
class Extractor:
    """A named, versioned extractor. Bump ``version`` whenever its output can change."""

    name: str
    version: str
    extract: Callable[[ArticleText], Sequence[Assertion]]
    kinds: tuple[str, ...] = ()
    description: str = ""
    plugin: str = field(default="", compare=False)
    # One-off set-up (loading a gazetteer, compiling tables), run once before the first article and
    # outside the per-article time budget, so a cold cache never turns into a failed extraction.
    prepare: Callable[[], object] | None = field(default=None, compare=False)
