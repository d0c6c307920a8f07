"""Helpers shared by the tests (a plain module: several folders have a conftest.py of their own)."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
EXAMPLE_SEEDS = REPO / "examples" / "seeds"
BBC = SHARED / "corpus" / "bbc-news-2225" / "articles.jsonl"


def corpus(path: Path) -> Path:
    """A shared corpus file or folder, or a clean skip where ../shared is absent."""
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path


# -- real extractors for tests (fakes subclass nothing: they are real Extractor instances) ----------

def _words(article, kind: str, name: str, version: str, pattern: str):
    import re

    from newsledger.domain.assertions import make_assertion

    return [
        make_assertion(article, extractor=name, extractor_version=version, kind=kind, start=m.start(),
                       end=m.end(), data={"word": m.group()})
        for m in re.finditer(pattern, article.body)
    ]


def capitals_extractor(version: str = "1"):
    """Finds capitalised words: deterministic, valid, and cheap."""
    from newsledger.domain.extractor import Extractor

    return Extractor(name="capitals", version=version, kinds=("capital",),
                     extract=lambda a: _words(a, "capital", "capitals", version, r"\b[A-Z][a-z]+\b"))


def free_port() -> int:
    """A loopback port nothing listens on (for a server a test starts)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def command_line(tmp_path: Path, monkeypatch, plugins: str):
    """``run(*args, input=None, code=0)``: the command line in ``tmp_path`` on its SQLite default, with
    ``plugins`` loaded; it checks the exit status and returns click's result."""
    from click.testing import CliRunner
    from newsledger.api.cli import main

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSLEDGER_DATABASE_URL", raising=False)
    monkeypatch.setenv("NEWSLEDGER_LOAD_PLUGINS", plugins)
    runner = CliRunner()

    def run(*args: str, input: str | None = None, code: int = 0):
        result = runner.invoke(main, list(args), input=input, catch_exceptions=False)
        assert result.exit_code == code, result.output
        return result

    return run


def holding(figures: list[dict], text: str) -> dict:
    """The one figure with a value written ``text``."""
    [found] = [f for f in figures if any(v["text"] == text for v in f["values"])]
    return found
