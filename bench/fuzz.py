"""A bounded fuzz run of the cleaner and every built-in extractor; prints runs and crashes.

Each input (bytes from the fuzzer) becomes raw text, HTML or bytes decoded with errors="replace";
it is cleaned, and every extractor runs on the cleaned body and on the raw text itself. A crash is
any exception other than the cleaner's EmptyArticle, an assertion that fails ``validate_assertion``,
or output that differs between two runs on the same input. Crashes are recorded (not fatal) so that
one run reports them all.

With atheris installed (``.venv/bin/pip install atheris``) the run is coverage-guided (libFuzzer,
newsledger modules instrumented, the repo's example seeds as the starting corpus); otherwise a
random generator assembles inputs from news-like fragments for the same time budget.

    .venv/bin/python bench/fuzz.py --seconds 60
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "examples" / "seeds"
MAX_SAMPLES = 20


class Target:
    """The code under test and the crash record."""

    def __init__(self, crash_file: Path | None = None) -> None:
        from newsledger.domain.cleaning import EmptyArticle, clean
        from newsledger.plugins.manager import build_plugins

        self.clean, self.empty = clean, EmptyArticle
        self.extractors = build_plugins(None, entry_points_enabled=False).extractors()
        self.crash_file = crash_file
        self.runs = 0
        self.crashes: list[dict[str, str]] = []
        self.kinds: dict[str, int] = {}

    def one(self, raw: str, raw_format: str) -> None:
        self.runs += 1
        try:
            self._check(raw, raw_format)
        except Exception as exc:  # noqa: BLE001 - every failure is a finding, recorded and counted
            where = traceback.extract_tb(exc.__traceback__)[-1]
            key = f"{type(exc).__name__} at {Path(where.filename).name}:{where.lineno}"
            self.kinds[key] = self.kinds.get(key, 0) + 1
            if self.kinds[key] == 1 and len(self.crashes) < MAX_SAMPLES:
                self.crashes.append({"kind": key, "error": str(exc)[:300], "format": raw_format, "input": raw[:500]})
                if self.crash_file is not None:
                    self.crash_file.write_text(json.dumps({"crashes": self.crashes, "kinds": self.kinds}))

    def _check(self, raw: str, raw_format: str) -> None:
        from newsledger.domain.assertions import validate_assertion
        from newsledger.domain.text import ArticleText

        bodies = [raw] if raw.strip() else []
        try:
            cleaned = self.clean(raw, raw_format)
            if cleaned != self.clean(raw, raw_format):
                raise AssertionError("the cleaner is not deterministic")
            bodies.append(cleaned.body)
        except self.empty:
            pass
        for body in bodies:
            article = ArticleText(id="6c3e5f6a-1d2b-5c4d-8e9f-0a1b2c3d4e5f", version=1, body=body, title=None,
                                  outlet=None, url=None, published_at=None)
            for e in self.extractors:
                found = e.extract(article)
                for item in found:
                    validate_assertion(item, article, e.name, e.version)
                if e.extract(article) != found:
                    raise AssertionError(f"{e.name} is not deterministic")


def decode(data: bytes) -> tuple[str, str]:
    """Fuzzer bytes -> (raw, format): the first byte picks text or HTML, the rest is decoded as UTF-8
    with errors="replace" (arbitrary bytes, as a feed with a broken encoding delivers them)."""
    if not data:
        return "", "text"
    raw = data[1:].decode("utf-8", errors="replace")
    return raw, ("html" if data[0] % 2 else "text")


# -- coverage-guided (atheris) ----------------------------------------------------------------------

def child(seconds: int, crash_file: Path, corpus_dir: Path) -> None:
    import atheris

    with atheris.instrument_imports(include=["newsledger"]):
        target = Target(crash_file)
        for e in target.extractors:  # warm lazy tables (gazetteer) before the clock matters
            from newsledger.domain.text import ArticleText

            e.extract(ArticleText(id="x", version=1, body="Warm up in Kyiv.", title=None, outlet=None, url=None,
                                  published_at=None))

    def test_one_input(data: bytes) -> None:
        target.one(*decode(data))

    atheris.Setup([sys.argv[0], f"-max_total_time={seconds}", "-max_len=4096", "-rss_limit_mb=4096",
                   "-print_final_stats=1", str(corpus_dir)], test_one_input)
    atheris.Fuzz()


def run_atheris(seconds: int) -> tuple[int, dict[str, int], list[dict[str, str]]]:
    with tempfile.TemporaryDirectory(prefix="newsledger-fuzz-") as tmp:
        corpus_dir = Path(tmp) / "corpus"
        corpus_dir.mkdir()
        for i, path in enumerate(sorted(SEEDS.glob("*.txt"))):  # the repo's own example seeds
            data = path.read_bytes()[:4000]
            (corpus_dir / f"seed{i}-text").write_bytes(b"\x00" + data)
            (corpus_dir / f"seed{i}-html").write_bytes(b"\x01<html><body><p>" + data + b"</p></body></html>")
        crash_file = Path(tmp) / "crashes.json"
        proc = subprocess.run([sys.executable, __file__, "--child", str(seconds), "--crash-file", str(crash_file),
                               "--corpus-dir", str(corpus_dir)], capture_output=True, text=True,
                              timeout=seconds + 300, check=False)
        found = re.findall(r"Done (\d+) runs", proc.stderr) or re.findall(r"stat::number_of_executed_units: (\d+)",
                                                                           proc.stderr)
        if not found:
            print(proc.stderr[-3000:], file=sys.stderr)
            raise SystemExit(f"the fuzzer exited with {proc.returncode} before finishing")
        record = json.loads(crash_file.read_text()) if crash_file.exists() else {"crashes": [], "kinds": {}}
        cov = re.findall(r"cov: (\d+)", proc.stderr)
        if cov:
            print(f"coverage: {cov[-1]} edges in newsledger code")
        return int(found[-1]), record["kinds"], record["crashes"]


# -- fallback: random assembly from fragments -----------------------------------------------------

FRAGMENTS = ("Kyiv", "Izium", "London", "Mr", "President", "said", "told", "according to", "6,000", "£600m",
             "76%", "three", "hundreds of", "more than", "km²", "square kilometres", "troops", "“", "”", "\"",
             "'", "«", "»", ":", ",", ".", " ", " ", "\n", "\n\n", "\t", "&amp;", "&laquo ;", "&#8220;", "<p>",
             "</p>", "<br>", "<script>x</script>", "Related articles", "Studies2500km²", "日本", "\x00", "\ufeff")


def run_random(seconds: int) -> tuple[int, dict[str, int], list[dict[str, str]]]:
    rng = random.Random(0)
    target = Target()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        parts = [rng.choice(FRAGMENTS) if rng.random() < 0.8 else os.urandom(rng.randint(1, 6)).decode(
            "utf-8", errors="replace") for _ in range(rng.randint(0, 200))]
        target.one("".join(parts), rng.choice(("text", "html")))
    return target.runs, target.kinds, target.crashes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--engine", choices=("auto", "atheris", "random"), default="auto")
    parser.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--crash-file", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--corpus-dir", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.child, args.crash_file, args.corpus_dir)
        return
    engine = args.engine
    if engine == "auto":
        try:
            import atheris  # noqa: F401
            engine = "atheris"
        except ImportError:
            engine = "random"
    started = time.monotonic()
    runs, kinds, samples = (run_atheris if engine == "atheris" else run_random)(args.seconds)
    elapsed = time.monotonic() - started
    print(f"fuzz ({engine}, {args.seconds}s budget): {runs} runs in {elapsed:.0f}s, "
          f"{sum(kinds.values())} crashes of {len(kinds)} kinds")
    for kind, n in sorted(kinds.items(), key=lambda kv: -kv[1]):
        print(f"  {n:>6}  {kind}")
    for s in samples:
        print(f"  e.g. {s['kind']}: {s['error']!r} on {s['format']} {s['input'][:120]!r}")
    sys.exit(1 if kinds else 0)


if __name__ == "__main__":
    main()
