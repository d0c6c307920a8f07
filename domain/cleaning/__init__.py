"""Text cleaning: raw article input (plain text or HTML) to the body extractors read.

Public contract (implemented in the modules of this package):

- ``clean(raw: str, raw_format: str) -> Cleaned`` with ``raw_format`` in {"text", "html"}.
- ``Cleaned``: ``body``, ``title``, ``published_at`` and ``alignment`` (body offsets -> raw offsets).
- ``to_raw(alignment, start, end) -> (raw_start, raw_end)`` maps any body span into the raw input.
"""
