"""The home country of an article's outlet: a tie-breaker between places of one name.

"Newcastle" in the BBC is Newcastle upon Tyne, in the Sydney Morning Herald Newcastle, New South
Wales. The country comes from a short authored table of outlets (``data/outlets.tsv``) or from the
article's URL when it ends in a country-code domain (``.co.uk``, ``.com.au``).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

_TABLE = Path(__file__).resolve().parent / "data" / "outlets.tsv"
# Country-code domains sold as generic names ("bit.ly", "news.io") say nothing about a country.
_GENERIC_TLDS = frozenset({
    "io", "tv", "co", "me", "fm", "ai", "ly", "am", "cc", "ws", "to", "gg", "nu", "tk", "ml", "ga", "cf", "gq",
})


@lru_cache(maxsize=1)
def _outlets() -> tuple[tuple[str, str], ...]:
    rows = []
    for line in _TABLE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, cc = line.split("\t")
            rows.append((name.casefold(), cc))
    return tuple(rows)


@lru_cache(maxsize=1024)
def home_country(outlet: str | None, url: str | None) -> str | None:
    """ISO country of the outlet, from its name or its URL's domain; None when unknown."""
    if outlet:
        name = outlet.casefold()
        for key, cc in _outlets():
            if key in name:
                return cc
    if url:
        host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
        tld = host.rsplit(".", 1)[-1]
        if len(tld) == 2 and tld.isalpha() and tld not in _GENERIC_TLDS:
            return "GB" if tld == "uk" else tld.upper()
    return None
