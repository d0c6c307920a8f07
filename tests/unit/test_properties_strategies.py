"""Strategies shared by the property tests: arbitrary text, news-like text, HTML and bytes.

Arbitrary Unicode alone rarely reaches the interesting paths of a cleaner or an extractor, so
news-like text is assembled from fragments the code reacts to (quote marks, speech verbs, numbers,
units, place names, entities, boilerplate lines, tags) mixed with arbitrary characters.
"""

from __future__ import annotations

from hypothesis import strategies as st

FRAGMENTS = (
    # words and names the extractors look for
    "Kyiv", "Izium", "Izyum", "Kharkiv", "London", "Paris", "Washington", "New York", "Ukraine", "EU",
    "Mr", "Mrs", "Dr", "President", "Volodymyr Zelensky", "Tony Blair", "the minister", "he", "she", "it",
    "said", "told", "added", "according to", "warned", "the BBC", "Reuters", "Street", "Hospital",
    # numbers, units and hedges
    "6,000", "2,500", "1.5", "76%", "£600m", "$1.13bn", "€3", "three", "twenty-one", "a million",
    "hundreds of", "more than", "nearly", "about", "km²", "km2", "square kilometres", "miles", "troops",
    "people", "per cent", "1st", "2005", "12 January", "-", "–", "—", "/", "x",
    # quote marks, punctuation and layout
    "“", "”", "\"", "'", "‘", "’", "«", "»", "„", ":", ";", ",", ".", "!", "?", "(", ")", "…",
    " ", " ", " ", "\n", "\n\n", "\t", "\r\n", "\u00a0", "\u200b", "\ufeff",
    # entities, tags and boilerplate
    "&amp;", "&laquo ;", "&raquo;", "&quot;", "&#8220;", "&#x201d;", "&nbsp;", "&bogus;", "&",
    "<p>", "</p>", "<br>", "<b>", "</b>", "<script>x()</script>", "<!-- c -->", "<div class='x'>", "</div>",
    "Related articles", "Next article", "Previous article", "Sign up for our newsletter", "Share this",
    "Studies2500km²", "ÅÄÖ", "日本", "Кий", "🙂", "\x00", "\x7f",
)

fragment = st.sampled_from(FRAGMENTS)
chunk = st.one_of(fragment, fragment, fragment, st.text(max_size=8))
news_text = st.lists(chunk, max_size=120).map("".join)
any_text = st.one_of(st.text(max_size=400), news_text)


@st.composite
def html_documents(draw: st.DrawFn) -> str:
    """An HTML page around news-like paragraphs, sometimes broken."""
    paragraphs = draw(st.lists(news_text, max_size=8))
    title = draw(news_text)
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>"
    cut = draw(st.integers(min_value=0, max_value=len(page)))
    return draw(st.sampled_from([page, page[:cut], body, page.replace("</p>", "")]))


any_html = st.one_of(html_documents(), news_text, st.text(max_size=300))
any_bytes = st.one_of(st.binary(max_size=400), news_text.map(lambda s: s.encode("utf-8", "surrogatepass")),
                      news_text.map(lambda s: s.encode("latin-1", "replace")))
