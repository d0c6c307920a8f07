"""HTML cleaning: trafilatura body and metadata, line rules, alignment into the raw HTML."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newsledger.domain.cleaning import EmptyArticle, clean, to_raw

P1 = (
    "Officials said on Tuesday that the bridge over the river would reopen next month after repairs "
    "costing more than two million pounds, ending a closure that began with last winter's floods."
)
P2 = (
    "The mayor told reporters that traffic in the old town had doubled since the closure and that "
    "shops near the bridge had lost a third of their trade."
)
HTML = f"""<!doctype html><html><head><title>Bridge to reopen | Example News</title>
<meta property="og:title" content="Bridge to reopen">
<meta property="article:published_time" content="2022-09-10T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Bridge to reopen</h1>
<p>{P1}</p>
<p>“It is about time,” said a <a href="/people/resident">resident</a> &laquo;at last&raquo;, adding that
the detour took an hour.</p>
<p>{P2}</p>
<p>Share this article</p></article>
<footer>© 2022 Example News. All rights reserved.</footer></body></html>"""


def test_html_body_title_and_date_come_from_trafilatura():
    out = clean(HTML, "html")
    assert out.title == "Bridge to reopen"
    assert out.published_at == "2022-09-10"
    assert P1 in out.body and P2 in out.body
    assert "“It is about time,” said a resident «at last»" in out.body
    assert "Share this" not in out.body and "All rights reserved" not in out.body
    assert "\n\n" in out.body


def test_html_paragraphs_found_verbatim_map_to_their_place_in_raw():
    out = clean(HTML, "html")
    i = out.body.index("mayor told")
    rs, re_ = to_raw(out.alignment, i, i + len("mayor told"))
    assert HTML[rs:re_] == "mayor told"


def test_html_alignment_always_gives_a_valid_raw_span():
    out = clean(HTML, "html")
    pos = 0
    for bs, be, rs, re_ in out.alignment:
        assert bs == pos and 0 <= rs <= re_ <= len(HTML)
        if be - bs == re_ - rs:
            assert out.body[bs:be] == HTML[rs:re_]
        pos = be
    assert pos == len(out.body)
    n = len(out.body)
    for start in range(0, n, 7):
        rs, re_ = to_raw(out.alignment, start, min(n, start + 25))
        assert 0 <= rs <= re_ <= len(HTML)


def test_words_around_markup_and_entities_still_map_to_their_place():
    out = clean(HTML, "html")
    for word in ("resident", "detour", "hour."):
        i = out.body.index(word)
        rs, re_ = to_raw(out.alignment, i, i + len(word))
        assert HTML[rs:re_] == word
    i = out.body.index("«at last»")
    rs, re_ = to_raw(out.alignment, i, i + len("«at last»"))
    assert HTML[rs:re_] == "&laquo;at last&raquo;"


def check(raw: str, out) -> None:
    pos = 0
    for bs, be, rs, re_ in out.alignment:
        assert bs == pos and be > bs and 0 <= rs <= re_ <= len(raw)
        if be - bs == re_ - rs:
            assert out.body[bs:be] == raw[rs:re_]
        pos = be
    assert pos == len(out.body)


_WORDS = st.lists(
    st.sampled_from(["bridge", "river", "&amp;", "&laquo;", "“", "”", "<b>", "</b>", "<a href='/x'>", "</a>",
                     "said", "2,000", "km²", "&#8220;", "\n", "mayor", "Kyiv", "the", "of", "."]),
    min_size=30, max_size=80,
).map(" ".join)


@settings(max_examples=40, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=4))
def test_any_html_article_cleans_to_an_aligned_body_or_raises_empty_article(paras):
    raw = "<html><body><article><h1>Head</h1>" + "".join(f"<p>{p}</p>" for p in paras) + "</article></body></html>"
    try:
        out = clean(raw, "html")
    except EmptyArticle:
        return
    check(raw, out)


@pytest.mark.parametrize("raw", ["", "<html><body><nav>Home</nav></body></html>"])
def test_html_without_article_text_raises_empty_article(raw):
    with pytest.raises(EmptyArticle):
        clean(raw, "html")
