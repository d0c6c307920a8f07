"""HTML cleaning: trafilatura body and metadata, line rules, alignment into the raw HTML."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newsledger.domain.cleaning import EmptyArticle, clean, to_raw
from newsledger.domain.cleaning.titles import without_site_name

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


# Realistic pages: a head heavy with scripts and styles (article text far from the top), navigation,
# a byline, a subheadline, related-links lists and a footer.
_HEAD_JUNK = (
    "<script>var cfg = {" + ",".join(f'"k{i}": "The value {i} of the city"' for i in range(200)) + "};</script>\n"
    "<style>" + "body{margin:0}\n" * 200 + "</style>\n"
    '<script type="application/ld+json">{"@type": "NewsArticle", "articleBody": "Several explosions were heard '
    'in Melitopol on Sunday night, the exiled mayor Ivan Fedorov said."}</script>\n'
)
MELITOPOL = f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>Blasts hit Melitopol, 12 injured | BBC News</title>
<meta property="og:title" content="Blasts hit Melitopol, 12 injured">
<meta property="og:site_name" content="BBC News">
{_HEAD_JUNK}</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
</ul></nav></header>
<main id="main-content"><article>
<header><h1 id="main-heading">Blasts hit Melitopol, 12 injured</h1>
<div class="byline"><span>By Jane Smith</span> <span>BBC News, Kyiv</span></div></header>
<div data-component="text-block"><h2>The occupied southern city was struck overnight, officials on both sides
say</h2></div>
<div data-component="text-block"><p>Several explosions were heard in Melitopol on Sunday night, the exiled mayor Ivan
Fedorov said on his Telegram channel.</p></div>
<div data-component="text-block"><p>Twelve people were taken to hospital, according to the Russian-installed
authorities, who blamed Ukrainian forces for the attack on the city.</p></div>
<div data-component="text-block"><p>&ldquo;The city shook all night,&rdquo; one resident told the BBC, asking not to
be named for fear of reprisals.</p></div>
<section><h2>More on this story</h2><ul><li><a href="/a">Russia annexes four regions in defiance of the West</a></li>
<li><a href="/b">What we know about the Kherson counter-offensive</a></li></ul></section>
</article></main>
<footer><p>Copyright 2022 BBC. All rights reserved.</p></footer>
</body></html>"""


def test_the_h1_headline_opens_the_html_body_once_and_maps_to_the_h1():
    out = clean(MELITOPOL, "html")
    assert out.title == "Blasts hit Melitopol, 12 injured"
    assert out.body.startswith("Blasts hit Melitopol, 12 injured\n\nThe occupied southern city was struck overnight")
    assert out.body.count("12 injured") == 1
    i = out.body.index("12 injured")
    rs, re_ = to_raw(out.alignment, i, i + len("12 injured"))
    assert MELITOPOL[rs:re_] == "12 injured"
    assert MELITOPOL.rindex('<h1 id="main-heading">', 0, rs) == MELITOPOL.index("<h1")


def test_html_paragraphs_map_to_their_place_in_the_article_not_to_scripts_in_the_head():
    out = clean(MELITOPOL, "html")
    check(MELITOPOL, out)
    article = MELITOPOL.index("<article>")
    for words in ("Several explosions", "Twelve people were", "one resident told", "occupied southern"):
        i = out.body.index(words)
        rs, re_ = to_raw(out.alignment, i, i + len(words))
        assert MELITOPOL[rs:re_] == words and rs > article, words
    i = out.body.index("“The city")
    rs, re_ = to_raw(out.alignment, i, i + len("“The city"))
    assert MELITOPOL[rs:re_] == "&ldquo;The city"


def test_related_links_navigation_and_footer_stay_out_of_the_html_body():
    out = clean(MELITOPOL, "html")
    for text in ("Russia annexes", "Kherson counter-offensive", "Sport", "All rights reserved", "BBC News |"):
        assert text not in out.body, text


OG_ONLY = f"""<html><head><title>Grain ship leaves Odesa - The Daily Example</title>
<meta property="og:title" content="Grain ship leaves Odesa as deal holds &amp; prices fall | The Daily Example">
<meta property="og:site_name" content="The Daily Example">
{_HEAD_JUNK}</head><body>
<div class="story"><p class="byline">By Tom Jones, Odesa correspondent</p>
<p>The first ship carrying Ukrainian grain left the port of Odesa on Monday morning, carrying 26,000 tonnes of maize
bound for Lebanon.</p>
<p>Turkey's defence ministry said the Razoni would reach Istanbul on Tuesday, where it will be inspected.</p>
<h3>Read more</h3><ul><li><a href="/x">Ports reopen</a></li><li><a href="/y">Wheat prices fall</a></li></ul>
</div></body></html>"""


def test_without_an_h1_the_og_title_opens_the_html_body_without_the_site_name():
    out = clean(OG_ONLY, "html")
    headline = "Grain ship leaves Odesa as deal holds & prices fall"
    assert out.title == headline
    assert out.body.startswith(headline + "\n\nThe first ship carrying Ukrainian grain")
    assert "Daily Example" not in out.body and "Ports reopen" not in out.body
    check(OG_ONLY, out)
    rs, re_ = to_raw(out.alignment, 0, len(headline))
    assert OG_ONLY[rs:re_].startswith("Grain ship leaves Odesa as deal holds &amp; prices fall")
    i = out.body.index("26,000 tonnes")
    rs, re_ = to_raw(out.alignment, i, i + len("26,000 tonnes"))
    assert OG_ONLY[rs:re_] == "26,000 tonnes"


TITLE_ONLY = """<html><head><title>Kharkiv metro reopens | Kyiv Independent</title></head><body>
<p>The Kharkiv metro resumed service on Tuesday after almost three months in which thousands of residents sheltered
on its platforms.</p>
<p>The mayor, Ihor Terekhov, said trains would be free of charge for the first weeks.</p>
</body></html>"""


def test_without_an_h1_or_og_title_the_page_title_opens_the_html_body_without_the_site_name():
    out = clean(TITLE_ONLY, "html")
    assert out.title == "Kharkiv metro reopens"
    assert out.body.startswith("Kharkiv metro reopens\n\nThe Kharkiv metro resumed")
    assert "Kyiv Independent" not in out.body
    rs, re_ = to_raw(out.alignment, 0, len("Kharkiv metro reopens"))
    assert TITLE_ONLY[rs:re_] == "Kharkiv metro reopens"


def test_a_headline_trafilatura_also_keeps_in_its_text_is_in_the_html_body_once():
    raw = (
        "<html><head><title>Zelensky: &ldquo;We will return&rdquo; | Example</title></head><body><article>"
        "<h1>Zelensky: &ldquo;We will return&rdquo;</h1><h2>Lyman retaken</h2>"
        "<p>Ukraine's president Volodymyr Zelensky said in his nightly address that Ukrainian forces would return to "
        "every town they had lost.</p><p>He spoke hours after Russian troops withdrew from Lyman.</p>"
        "</article></body></html>"
    )
    out = clean(raw, "html")
    assert out.body.startswith("Zelensky: “We will return”\n\n")
    assert out.body.count("We will return") == 1
    check(raw, out)


FRAGMENT = "<p>Mykolaiv was shelled overnight in Ukraine, the governor said.</p>"


def test_a_single_paragraph_html_fragment_is_cleaned_without_an_error_in_the_log(caplog):
    with caplog.at_level("WARNING"):
        out = clean(FRAGMENT, "html")
    assert out.body == "Mykolaiv was shelled overnight in Ukraine, the governor said."
    rs, re_ = to_raw(out.alignment, 0, len(out.body))
    assert FRAGMENT[rs:re_] == out.body
    assert not [r for r in caplog.records if r.levelname in ("WARNING", "ERROR")], caplog.text


@pytest.mark.parametrize(
    "raw",
    [
        "Mykolaiv was shelled overnight in Ukraine, the governor said.",
        "<div><p>Mykolaiv was shelled overnight in Ukraine, the governor said.</p></div>",
        "<body><p>Mykolaiv was shelled overnight in Ukraine, the governor said.</p></body>",
        "<?xml version='1.0' encoding='utf-8'?><p>Mykolaiv was shelled overnight in Ukraine, the governor said.</p>",
    ],
)
def test_html_fragments_without_a_document_around_them_are_cleaned(raw):
    assert clean(raw, "html").body == "Mykolaiv was shelled overnight in Ukraine, the governor said."


@pytest.mark.parametrize(
    ("page_title", "site", "headline"),
    [
        ("Blasts hit Melitopol, 12 injured | BBC News", None, "Blasts hit Melitopol, 12 injured"),
        ("BBC News - Blasts hit Melitopol", "BBC", "Blasts hit Melitopol"),
        ("Grain ship leaves Odesa - The Daily Example", None, "Grain ship leaves Odesa"),
        ("Kharkiv metro reopens | Kyiv Independent", "The Kyiv Independent", "Kharkiv metro reopens"),
        ("Russia-Ukraine war - what we know", None, "Russia-Ukraine war - what we know"),
        ("Zelensky: We will return", None, "Zelensky: We will return"),
        ("Kherson – live updates", "The Guardian", "Kherson – live updates"),
    ],
)
def test_a_page_title_loses_the_site_name_but_keeps_its_own_words(page_title, site, headline):
    assert without_site_name(page_title, site) == headline


_BLAST = (
    "<p>Two explosions were heard in the centre of Melitopol late on Tuesday, local residents said on social media.</p>"
)
_HURT = "<p>The Russian-installed administration said twelve people were injured and three buildings were damaged.</p>"
_NEXT = "<p>Ukraine's military did not comment on the blasts, which came a day after drone strikes on Berdiansk.</p>"
_SUB = "Explosions rocked the occupied city overnight"
SUBHEADED = f"<h1>Blasts hit Melitopol, 12 injured</h1><h2>{_SUB}</h2>{_BLAST}{_HURT}"


def _raw_of(raw: str, out, words: str) -> str:
    i = out.body.index(words)
    rs, re_ = to_raw(out.alignment, i, i + len(words))
    return raw[rs:re_]


@pytest.mark.parametrize(
    "raw",
    [SUBHEADED, f"<html><body><article>{SUBHEADED}</article></body></html>"],
    ids=["fragment", "document"],
)
def test_the_subheadline_under_the_h1_follows_the_headline_once_in_a_fragment_and_in_a_document(raw):
    out = clean(raw, "html")
    assert out.body.startswith(f"Blasts hit Melitopol, 12 injured\n\n{_SUB}\n\nTwo explosions were heard")
    assert out.body.count(_SUB) == 1
    check(raw, out)
    i = out.body.index(_SUB)
    rs, re_ = to_raw(out.alignment, i, i + len(_SUB))
    assert (rs, re_) == (raw.index("<h2>") + 4, raw.index("</h2>"))


_NAV = '<nav><h2>Sections</h2><ul><li><a href="/w">World</a></li><li><a href="/b">Business</a></li></ul></nav>'
_RELATED = (
    '<div class="related"><h2>More on this story</h2><ul><li><a href="/a">Drone strikes hit Berdiansk port</a></li>'
    '<li><a href="/b">Kyiv says its counter-offensive is advancing</a></li></ul></div>'
)
_STORY = (
    f"{_NAV}<h1>Blasts hit Melitopol, 12 injured</h1><h2>{_SUB}</h2>{_BLAST}<h2>Who was hurt</h2>{_HURT}"
    f"<h3>What comes next</h3>{_NEXT}{_RELATED}"
)


@pytest.mark.parametrize(
    "raw",
    [
        _STORY,
        f"<html><head><title>Blasts hit | Example</title></head><body><div id='page'>{_STORY}</div></body></html>",
        f"<html><body><main><article>{_STORY}</article></main></body></html>",
    ],
    ids=["fragment", "page-without-container", "article"],
)
def test_section_headings_stay_in_place_and_navigation_and_related_headings_stay_out(raw):
    out = clean(raw, "html")
    paragraphs = out.body.split("\n\n")
    assert paragraphs[:3] == ["Blasts hit Melitopol, 12 injured", _SUB, _BLAST[3:-4]]
    assert paragraphs[3:] == ["Who was hurt", _HURT[3:-4], "What comes next", _NEXT[3:-4]]
    check(raw, out)
    for heading in ("Who was hurt", "What comes next"):
        assert _raw_of(raw, out, heading) == heading
        assert raw.index(heading) > raw.index("Melitopol late on Tuesday")


def test_a_standfirst_outside_the_article_body_follows_the_headline_past_the_byline():
    raw = (
        "<html><head><title>Blasts hit Melitopol, 12 injured | Example News</title></head><body>"
        f"{_NAV}<header class='article-header'><h1>Blasts hit Melitopol, 12 injured</h1>"
        f"<div class='article__standfirst'><p>{_SUB}, officials <b>on both sides</b> say</p></div>"
        "<div class='byline'>By Jane Roe</div></header>"
        f"<div class='article-body'>{_BLAST}{_HURT}{_NEXT}</div>{_RELATED}</body></html>"
    )
    out = clean(raw, "html")
    assert out.body.startswith(f"Blasts hit Melitopol, 12 injured\n\n{_SUB}, officials on both sides say\n\nTwo")
    assert "Jane Roe" not in out.body and "More on this story" not in out.body and "Sections" not in out.body
    check(raw, out)
    assert _raw_of(raw, out, "officials") == "officials"
