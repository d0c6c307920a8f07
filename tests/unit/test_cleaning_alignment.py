"""Alignment of the cleaned body back to the raw input, and ``to_raw``."""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st
from newsledger.domain.cleaning import EmptyArticle, clean, to_raw

RAW = (
    "Bridge “to reopen” soon\n\n"
    "Bridge “to reopen” soon\n\n"
    "Share Tweet Email\r\n\r\n"
    "He called it &laquo ;a disgrace&raquo ; and the Institute for War Studies2500km² said so.\n\n"
    "According to CNNUkrainian forces moved.\n"
    "A second line of the same paragraph &amp;quot;quoted&amp;quot;.\n\n"
    "Read more: Other story\n\n"
    "The last paragraph of the story ends here."
)


def check_alignment(raw: str, alignment: list[tuple[int, int, int, int]], body: str) -> None:
    """Segments cover the body in order; raw spans lie inside raw; verbatim segments match."""
    pos = 0
    last_raw = 0
    for bs, be, rs, re_ in alignment:
        assert bs == pos and be > bs
        assert 0 <= rs <= re_ <= len(raw)
        assert rs >= last_raw or re_ - rs != be - bs  # verbatim runs go forward through raw
        if be - bs == re_ - rs:
            assert body[bs:be] == raw[rs:re_]
            last_raw = re_
        pos = be
    assert pos == len(body)


def test_alignment_maps_every_body_span_into_raw():
    out = clean(RAW, "text")
    check_alignment(RAW, out.alignment, out.body)
    for start in range(len(out.body)):
        for end in range(start, min(len(out.body), start + 40) + 1):
            rs, re_ = to_raw(out.alignment, start, end)
            assert 0 <= rs <= re_ <= len(RAW)


def test_verbatim_words_map_to_the_same_words_in_raw():
    out = clean(RAW, "text")
    for word in ("disgrace", "Institute", "Ukrainian", "quoted", "last paragraph"):
        i = out.body.index(word)
        rs, re_ = to_raw(out.alignment, i, i + len(word))
        assert RAW[rs:re_] == word


def test_repaired_entity_maps_to_the_whole_broken_entity():
    out = clean(RAW, "text")
    i = out.body.index("«")
    rs, re_ = to_raw(out.alignment, i, i + 1)
    assert RAW[rs:re_] == "&laquo ;"
    j = out.body.index("»")
    rs, re_ = to_raw(out.alignment, i, j + 1)
    assert RAW[rs:re_] == "&laquo ;a disgrace&raquo ;"


def test_inserted_space_is_its_own_segment():
    out = clean(RAW, "text")
    i = out.body.index("Studies 2500")
    space = i + len("Studies")
    assert (space, space + 1) in {(bs, be) for bs, be, _, _ in out.alignment}
    rs, re_ = to_raw(out.alignment, i, i + len("Studies 2500km²"))
    assert RAW[rs:re_] == "Studies2500km²"


def test_to_raw_clamps_and_handles_empty_spans():
    out = clean(RAW, "text")
    n = len(out.body)
    assert to_raw(out.alignment, -5, 3) == to_raw(out.alignment, 0, 3)
    assert to_raw(out.alignment, n - 3, n + 10) == to_raw(out.alignment, n - 3, n)
    rs, re_ = to_raw(out.alignment, 4, 4)
    assert rs == re_
    assert to_raw([], 0, 3) == (0, 0)


_ALPHABET = string.ascii_letters + string.digits + " .,;:!?&#'\"\n\r\t-" + "“”‘’«»²é\u00a0\u2028×©"
_PIECES = st.sampled_from(
    ["&laquo ;", "&amp;quot;", "&#8220;", "&#x201D;", "&amp;", "&nbsp;", "\n\n", "\r\n", "Studies2500km²",
     "CNNUkrainian", "years.The", "Read more", "Previous article", "Leave a Reply", "Newsletter", "0:00",
     "© 2022 ", "Share", "Related Articles\n", "McDonald"]
)
_TEXT = st.lists(st.one_of(st.text(alphabet=_ALPHABET, max_size=30), _PIECES), max_size=25).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_any_text_cleans_to_an_aligned_body_or_raises_empty_article(raw):
    try:
        out = clean(raw, "text")
    except EmptyArticle:
        return
    assert out.body.strip()
    check_alignment(raw, out.alignment, out.body)
    n = len(out.body)
    for start, end in ((0, n), (0, 1), (n // 2, n), (n // 3, 2 * n // 3)):
        rs, re_ = to_raw(out.alignment, start, end)
        assert 0 <= rs <= re_ <= len(raw)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_unicode_never_breaks_the_alignment(raw):
    try:
        out = clean(raw, "text")
    except EmptyArticle:
        return
    check_alignment(raw, out.alignment, out.body)
