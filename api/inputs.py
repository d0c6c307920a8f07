"""Reading ingest input from files, folders and standard input into submissions.

Each record yields either a Submission or a one-line error naming the file (and line, for JSON
lines); a bad record never stops the rest of the batch.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import msgspec
from newsledger.domain.submission import Submission

SUFFIXES = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".json": "json",
            ".jsonl": "jsonl", ".ndjson": "jsonl"}


BOM = b"\xef\xbb\xbf"  # a UTF-8 byte order mark, which some editors and exports write first


@dataclass(frozen=True)
class Record:
    source: str  # "path" or "path:line"
    submission: Submission | None
    error: str | None = None
    field: str | None = None  # the field at fault, where one is
    malformed: bool = False  # the input (or, for JSON lines, the line) is not JSON at all


def _decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{source}: not UTF-8 (undecodable byte at offset {exc.start})") from None


def _json_error(exc: msgspec.ValidationError) -> tuple[str, str | None]:
    """The message of a record that does not fit a Submission, and the field it names."""
    text = str(exc)
    if "Object contains unknown field" in text:  # "Object contains unknown field `colour`"
        text = text.replace("Object contains unknown field", "unknown field")
        return text, text.split("`")[1] if text.count("`") >= 2 else None
    if " - at `$." in text:  # "Expected `str | null`, got `int` - at `$.text`"
        return text, text.rsplit(" - at `$.", 1)[1].rstrip("`")
    return text, None


def records_from_bytes(data: bytes, kind: str, source: str, max_bytes: int) -> Iterator[Record]:
    """Records of one input of a known kind (text, html, json, jsonl)."""
    if kind in ("text", "html"):
        if len(data) > max_bytes:
            yield Record(source, None, f"{len(data)} bytes, over the limit of {max_bytes}")
            return
        try:
            text = _decode(data, source)
        except ValueError as exc:
            yield Record(source, None, str(exc).split(": ", 1)[1])
            return
        yield Record(source, Submission(text=text) if kind == "text" else Submission(html=text))
        return
    data = data.removeprefix(BOM)
    if kind == "json":
        try:
            value = msgspec.json.decode(data)
        except msgspec.DecodeError as exc:
            yield Record(source, None, f"malformed JSON: {exc}", malformed=True)
            return
        items = value if isinstance(value, list) else [value]
        for n, item in enumerate(items, 1):
            where = f"{source}[{n}]" if isinstance(value, list) else source
            yield _record(item, where)
        return
    for n, line in enumerate(data.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            item = msgspec.json.decode(_decode(line, where))
        except msgspec.DecodeError as exc:  # a ValueError too: catch it first
            yield Record(where, None, f"malformed JSON: {exc}", malformed=True)
            continue
        except ValueError as exc:
            yield Record(where, None, str(exc).split(": ", 1)[-1])
            continue
        yield _record(item, where)


def _record(item: object, where: str) -> Record:
    if not isinstance(item, dict):
        return Record(where, None, "a record must be a JSON object")
    try:
        return Record(where, msgspec.convert(item, Submission))
    except msgspec.ValidationError as exc:
        message, field = _json_error(exc)
        return Record(where, None, message, field)


def sniff(data: bytes) -> str:
    """Kind of standard input: JSON lines, JSON, HTML or plain text."""
    data = data.removeprefix(BOM)
    head = data.lstrip()[:200].lower()
    if head.startswith(b"{") and b"\n{" in data.strip():
        return "jsonl"
    if head.startswith((b"{", b"[")):
        return "json"
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in data[:4096].lower():
        return "html"
    return "text"


def read_inputs(paths: list[str], max_bytes: int) -> Iterator[Record]:
    """Every record of every path (files, folders recursively in name order, or - for stdin)."""
    for given in paths:
        if given == "-":
            data = sys.stdin.buffer.read()
            yield from records_from_bytes(data, sniff(data), "<stdin>", max_bytes)
            continue
        path = Path(given)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        elif path.is_file():
            files = [path]
        else:
            yield Record(given, None, "no such file or folder")
            continue
        for file in files:
            kind = SUFFIXES.get(file.suffix.lower())
            if kind is None:
                yield Record(str(file), None, f"unknown file type {file.suffix!r} (use .txt, .html, .json, .jsonl)")
                continue
            try:
                data = file.read_bytes()
            except OSError as exc:
                yield Record(str(file), None, f"cannot read: {exc.strerror}")
                continue
            yield from records_from_bytes(data, kind, str(file), max_bytes)
