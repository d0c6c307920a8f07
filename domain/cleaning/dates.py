"""Publication dates written in a title block or dateline ("September 10, 2022", "2022-09-10")."""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        )
    )
    for m in names
}
_MONTH = r"(?P<{}>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"

DATE_RE = re.compile(
    r"\b(?:(?P<iy>(?:19|20)\d\d)-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01])"
    r"|(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s+" + _MONTH.format("m1") + r",?\s+(?P<y1>(?:19|20)\d\d)"
    r"|" + _MONTH.format("m2") + r"\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y2>(?:19|20)\d\d))(?!\d)",
    re.IGNORECASE,
)


def find_date(text: str) -> str | None:
    """The first calendar date in ``text`` as ISO 8601 (YYYY-MM-DD), or None."""
    for m in DATE_RE.finditer(text):
        if m["iy"]:
            y, mo, d = int(m["iy"]), int(m["im"]), int(m["id"])
        elif m["y1"]:
            y, mo, d = int(m["y1"]), _MONTHS[m["m1"].lower()], int(m["d1"])
        else:
            y, mo, d = int(m["y2"]), _MONTHS[m["m2"].lower()], int(m["d2"])
        try:
            return date(y, mo, d).isoformat()
        except ValueError:  # '31 February': not a date, look further
            continue
    return None
