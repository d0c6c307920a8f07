"""The built-in ``quotes`` extractor: direct quotes with their speaker (DESIGN.md, Extraction approach)."""

from __future__ import annotations

import re

from newsledger.domain.assertions import Assertion, make_assertion
from newsledger.domain.extractor import Extractor
from newsledger.domain.text import ArticleText
from newsledger.plugins.quotes.attribution import Resolver, Speaker, sentence_end, sentence_start
from newsledger.plugins.quotes.lexicon import AUXILIARIES, CHARACTERISING_VERBS, SPEECH_VERBS
from newsledger.plugins.quotes.marks import Quote, find_quotes
from newsledger.plugins.quotes.speakers import (
    _ALL_INITIALS_RE,
    _OWNER_POSSESSIVE,
    _TOKEN_RE,
    Registry,
    given_names,
    text_end,
)
from rapidfuzz import fuzz

NAME = "quotes"
VERSION = "1.19.1"
_TERMINAL = (".", ",", "!", "?", "…", "—", "-", ";", ":")
_LETTER_RE = re.compile(r"[^\W\d_]")
_SIGNATURE_RE = re.compile(r"\s*[-–—―]\s*([A-Z][^,;:!?“”\"«»\n(]{1,60}?)[\s.]*(?:,[^\n]{0,80})?(?:\n|\Z)")
_AFTER_QUOTE = " \t\u00a0.,;:!?”’\"'"  # what may follow a quote that ends its paragraph
_REPORTED_BY_OUTLET_RE = re.compile(r"[\s,.]*(?:reports|reported|according\s+to)\s+(?:the\s+)?[A-Z]", re.IGNORECASE)
_TITLE_LEAD = frozenset(["of", "titled", "entitled", "dubbed"])
# "the DNC issued a statement", "Acme quickly released an emailed statement"
_STATEMENT_RE = re.compile(
    r"\s+(?:\w+\s+)?(?:issued|released|put out|sent)\s+(?:a|an)\s+(?:\w+\s+)?(?:statement|email|letter|memo)\b")
_FRAGMENT_VERB_RE = re.compile(
    r"(?<![\w’'\-])(?:(?P<aux>is|was|has|had|have)\s+)?(?P<verb>"
    + "|".join(sorted(CHARACTERISING_VERBS, key=len, reverse=True)) + r"|referred\s+to|refers\s+to)(?![\w’'\-])")
# "Another critic, Jane Roe,": the comma (and "the") before a name set off as an appositive
_APPOSITIVE_OPENS_RE = re.compile(r",\s*(?:the\s+)?$")
_CLAUSE_VERB_RE = re.compile(r",\s+(?:is|are|was|were|has|have|had)\b")
# between a subject and its verb: adverbs, auxiliaries, a parenthesis, an appositive set off by commas or the comma
# that closes one before the name ("Another critic, Jane Roe, likened …")
_SUBJECT_GAP_RE = re.compile(
    r"(?:\s*\([^()\n]{0,40}\))?(?:\s*,[^,;:“”\"\n]{1,100},|\s*,)?"
    r"(?:\s+[a-z]+ly|\s+(?:also|has|had|have|then|later|again|once|himself|herself|for\s+(?:his|her)\s+part,))*\s*")
_MAX_QUOTE = 4000  # longer stretches are mispaired marks, not quotes
# verbs of a narrative sentence that reports someone saying or thinking (with SPEECH_VERBS)
_REPORTING_VERBS = SPEECH_VERBS | frozenset(["think", "thinks", "thought", "believe", "believes", "believed", "feel",
                                             "feels", "felt", "mentioned", "mentions", "points", "pointed"])
_NOT_LABELS = frozenset(["video", "audio", "crosstalk", "question", "answer", "note", "update", "laughter", "applause",
                         "transcript", "editor's note", "editor’s note"])
_LABEL_RE = re.compile(r"([A-Z][A-Z'’\-]+(?: [A-Z][A-Z'’\-]+)?):\s")  # "PENCE: …", "MR. X" is no label


def _partial(body: str, q: Quote, head: str) -> bool:
    """A fragment quoted inside a running sentence rather than a full utterance."""
    text = body[q.start: q.end]
    first = _LETTER_RE.search(text)
    if first is None:
        return True
    if first.group().islower():
        return True
    if text.rstrip("”’\"' ").endswith(_TERMINAL) or q.continued:
        return False
    h = head.rstrip()
    return bool(h) and not h.endswith((":", ",", "—", "–", "-"))


def _mask_nicknames(body: str, quotes: list[Quote]) -> tuple[str, frozenset[int]]:
    """The body with each nickname quoted inside a name (Jane “Janie” Roe, C. “Bobby” Scott) and its marks
    turned to spaces, offsets kept: the given name (or an initial) before it and the surname after it are one
    name; and the indices of those quotes (no one's words)."""
    given = given_names()
    spans, found = [], []
    for i, q in enumerate(quotes):
        if q.open_at < 2 or q.close_at < 0 or q.close_end + 1 >= len(body):
            continue
        words = body[q.start: q.end].split()
        if not 1 <= len(words) <= 2 or not all(w[:1].isupper() and w[-1:].isalnum() for w in words):
            continue
        if body[q.open_at - 1] != " " or body[q.close_end] != " " or not body[q.close_end + 1].isupper():
            continue
        prev = body[max(0, q.open_at - 30): q.open_at].split()[-1:]
        if prev and (_ALL_INITIALS_RE.fullmatch(prev[0]) or prev[0].lower() in given and prev[0][:1].isupper()):
            spans.append((q.open_at, q.close_end))
            found.append(i)
    if not spans:
        return body, frozenset()
    parts, at = [], 0
    for a, b in spans:
        parts += [body[at:a], " " * (b - a)]
        at = b
    return "".join(parts) + body[at:], frozenset(found)


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


class _Article:
    """Per-article working state: quotes, name registry, speakers."""

    def __init__(self, body: str):
        self.body = body
        self.quotes = [q for q in find_quotes(body) if q.end - q.start <= _MAX_QUOTE]
        # names and attributions are read with nicknames blanked out: Jane “Janie” Roe is one name
        self.masked, self.nicknames = _mask_nicknames(body, self.quotes)
        self.registry = Registry(self.masked, [(q.start, q.end) for q in self.quotes])
        self.resolver = Resolver(self.masked, self.registry)
        self.speakers: list[Speaker | None] = [None] * len(self.quotes)
        self._labels = sum(1 for q in self.quotes if _LABEL_RE.match(body, q.start, q.end))
        self.partial: list[bool] = [False] * len(self.quotes)
        self.tail_limits = [self._tail_limit(i) for i in range(len(self.quotes))]

    def _head_start(self, i: int) -> int:
        q = self.quotes[i]
        if q.open_at < 0:
            return q.start
        start = sentence_start(self.body, q.open_at, q.para_start)
        # a previous quote of the sentence bounds the head, unless it is a fragment inside it
        prev = self.quotes[i - 1] if i > 0 else None
        if (prev is not None and prev.para == q.para and prev.close_end > start
                and (not self.partial[i - 1] or self.speakers[i - 1] is not None) and not self._title(i - 1)):
            start = prev.close_end
        return start

    def _title(self, i: int) -> bool:
        """The quote names a work inside the sentence ("author of “Our Unwritten Rules,” put it, “…”", "a memo
        titled “The Facts.”"), with no speaker of its own: it does not end the next quote's lead-in."""
        q = self.quotes[i]
        if q.open_at < 0 or self.speakers[i] is not None and self.speakers[i].name:
            return False
        lead = self.body[q.para_start: q.open_at].split()
        return bool(lead) and lead[-1] in _TITLE_LEAD

    def _tail_limit(self, i: int) -> int:
        q = self.quotes[i]
        j = i + 1
        while j < len(self.quotes) and self._in_clause(j):
            j += 1  # “…,” Mark Doe, wearing “Jane Roe” pins, said: a word quoted inside the attribution
        nxt = self.quotes[j] if j < len(self.quotes) else None
        if nxt is not None and nxt.para == q.para and nxt.open_at >= 0:
            return nxt.open_at
        return q.para_end

    def _in_clause(self, j: int) -> bool:
        """A few words quoted in the middle of a clause, between two words (a nickname, Jane “Janie” Roe, or
        a slogan, wearing “Roe 2016” pins): no utterance of their own, so they do not end a lead-in."""
        body, q = self.body, self.quotes[j]
        if q.open_at < 2 or q.close_at < 0 or q.close_end + 1 >= q.para_end:
            return False
        text = body[q.start: q.end]
        if len(text.split()) > 4 or text.endswith(_TERMINAL):
            return False
        before, after = body[q.open_at - 2: q.open_at], body[q.close_end: q.close_end + 2]
        return (before[1] == " " and before[0].isalnum() and after[0] == " " and after[1].isalnum())

    def _introduces_next(self, i: int, limit: int, mark: str = ":") -> bool:
        """“We are refugees.” Mr. Zahed said: “The attack …”: a clause ending with a colon after a finished
        sentence (before ``limit``, the quote's tail limit) introduces the next quote, not the one before it."""
        q = self.quotes[i]
        if limit >= q.para_end or not self.body[q.close_end: limit].rstrip().endswith(mark):
            return False
        if sentence_end(self.body, q.close_end, limit) < limit:
            return False  # “…!” wrote a man. Another user wrote: “…”: the first sentence attributes it
        return self.resolver.closing_stop(q.close_end) in (".", "!", "?")

    def attribute(self) -> None:
        body, res = self.body, self.resolver
        for i, q in enumerate(self.quotes):
            if i in self.nicknames:
                self.partial[i] = True  # a nickname inside a name: no one's words, not reported
                continue
            head_start = self._head_start(i)
            head_end = q.open_at if q.open_at >= 0 else q.start
            head = body[head_start:head_end]
            self.partial[i] = _partial(body, q, head)
            limit = self.tail_limits[i]
            sp = self._labelled(q)
            if sp is None and q.close_at >= 0 and not self._introduces_next(i, limit):
                sp = res.tail(q.close_end, limit, not self.partial[i])
            if sp is not None and self.partial[i] and head.strip() and _REPORTED_BY_OUTLET_RE.match(
                    body, q.close_end):
                # “…” , reports The Guardian: the outlet reports the sentence; the words inside it are the
                # person's the sentence quotes ("Ganchev told state television, adding that … “…”")
                quoted = res.head(head_start, head_end)
                if quoted is not None and quoted.name and self._names_person(quoted):
                    sp = quoted
            if sp is not None and head.strip() and self._introduces_next(i, limit, ","):
                # As Mark Doe told the paper, “We lost.” He added, “…”: the sentence after the quote introduces
                # the next one; the quote's own lead-in names its speaker
                own = res.head(head_start, head_end)
                sp = own if own is not None and own.name else sp
            if sp is None:
                sp = self._split_half(i)
            if sp is None and head.strip():
                sp = res.head(head_start, head_end)
            if sp is None:
                sp = self._carried(i)
            if (sp is None and self.partial[i] and i > 0 and self.quotes[i - 1].para == q.para
                    and head.strip(" ,") in ("and", "or", "") and head_start == self.quotes[i - 1].close_end):
                sp = self.speakers[i - 1]  # "… was “a basket case” and “a liar.”": fragments in a row, one speaker
            if sp is None and self.partial[i] and head.strip():
                sp = self._fragment_subject(head_start, head_end)
            if sp is not None:
                self.speakers[i] = sp
                if sp.name and not (self.partial[i] and self._owner_only(sp)):
                    res.last_speaker = sp.name
                    res.last_speaker_at = q.close_end
            res.prev_quote = (q.close_end, sp)
        res.prev_quote = None
        self._continuations()
        self._by_wording()

    def _fragment_subject(self, start: int, end: int) -> Speaker | None:
        """Jane Roe called the plan “an absolute disgrace” / blasted Acme for its “outrageous practices” / is
        labeling the move “an abuse of power”: a fragment after a verb that characterises in words is the words
        of that verb's subject, a name (with its appositive) or a he / she right before the verb. Not a passive
        ("is accused of “directing”", "was hailed for his “…”"), a participle ("the show described as “…”") or a
        relative clause ("Quincy Jones, who described him as “…”")."""
        seg = self.body[start:end]
        verbs = list(_FRAGMENT_VERB_RE.finditer(seg))
        if not verbs:
            return None
        v = verbs[-1]
        if v.group("aux") in ("is", "was") and not v.group("verb").endswith("ing"):
            return None
        if _CLAUSE_VERB_RE.search(seg, v.end()):
            return None  # "the families, whom Jane Roe referred to in her speech, were “well fed”": another clause
        before = seg[: v.start()]
        if v.group("aux") is None and v.group("verb").endswith("ing"):
            # "Roe hammered Doe, calling him a “train wreck”" / "… while praising Poe as “…”": a participle's
            # subject is the main clause's; "… – Roe saying …, and Doe calling it a “great meeting”": the name
            # right before it is its own
            own = self.registry.mention_in(start, start + v.start())
            if own is not None and own.entity.person and not self.body[own.end: start + v.start()].strip():
                return self.resolver.named(own)
            return self._person_subject(self.resolver.sentence_of(start), start + v.start())
        tokens = list(_TOKEN_RE.finditer(before))
        while tokens and (tokens[-1].group().lower() in AUXILIARIES or tokens[-1].group().endswith("ly")):
            tokens.pop()
        if not tokens:
            return None
        if tokens[-1].group().lower() in ("he", "she"):
            sp = self.resolver.noun_phrase(start + tokens[-1].start(), start + tokens[-1].end())
            return sp if sp is not None and sp.name else None
        mention = self.registry.mention_in(start, start + v.start())
        if mention is None or not mention.entity.person or not self.registry.subject_like(mention):
            return None
        gap = self.body[mention.end: start + v.start()]
        if not _SUBJECT_GAP_RE.fullmatch(gap) or self.registry.in_opening_clause(start, mention):
            return None
        if gap.strip() == "," and not _APPOSITIVE_OPENS_RE.search(self.body, max(0, mention.title_start - 8),
                                                             mention.title_start):
            return None  # "Roe slams Doe, praises Poe as “…”": a comma alone closes only an appositive name
        return self.resolver.named(mention)

    def _person_subject(self, start: int, end: int) -> Speaker | None:
        """The subject of the sentence ``start`` .. ``end`` (Resolver.main_subject) when it is a person."""
        sp = self.resolver.main_subject(start, end)
        ent = self.registry.by_name(sp.name) if sp is not None and sp.name else None
        return sp if ent is not None and ent.person else None

    def _labelled(self, q: Quote) -> Speaker | None:
        """A transcript line quoted whole, opening with its speaker's name in capitals ("“PENCE: Well, look, …”"):
        the person the article names so, if it does."""
        m = _LABEL_RE.match(self.body, q.start, q.end)
        if m is None or self._labels < 2:
            return None  # (a transcript has a label on each of its lines)
        label = m.group(1)
        if label.lower() in _NOT_LABELS:
            return Speaker(None, label, q.start)  # "VIDEO: …": a recording, no one named
        ent = self.registry.by_word(label.split()[-1].title())
        if ent is None or not ent.person:
            return Speaker(label.title(), label, q.start)  # "WALLACE: …" with no Wallace named: the name as given
        return Speaker(ent.canonical, label, q.start)

    def _owner_only(self, sp: Speaker) -> bool:
        """The speaker is named only as an owner ("… because of Mr. Trump's remarks, which included the
        suggestion that Obama was the “founder” …"): a fragment quoted from them inside a sentence about
        someone else does not make them the speaker the next he or she goes on with."""
        mention = self.registry.mention_at(sp.at)
        return mention is not None and self.body[mention.end: mention.end + 2] in _OWNER_POSSESSIVE

    def _split_half(self, i: int) -> Speaker | None:
        """“We've had offices here since April,” said Stephanie Formas, Clinton's state director, “and we've
        been forming relationships.”: the second half of a split quote has the speaker of the first, whose
        attribution is the clause between them."""
        q = self.quotes[i]
        prev = self.quotes[i - 1] if i > 0 else None
        if prev is None or prev.para != q.para or prev.close_at < 0 or q.open_at < 0 or self.partial[i - 1]:
            return None
        sp = self.speakers[i - 1]
        between = self.body[prev.close_end: q.open_at]
        if sp is None or not sp.name or not between.rstrip().endswith(",") or "\n" in between:
            return None
        if self.resolver.closing_stop(prev.close_end) != "," or not (prev.close_end <= sp.at < q.open_at):
            return None
        if sentence_end(self.body, prev.close_end, q.open_at) < q.open_at:
            return None  # “…,” Franken said. Silverman responded, “…”: a new sentence, its own speaker
        return sp

    def _carried(self, i: int) -> Speaker | None:
        """The conventions that carry a speaker to a quote with no attribution of its own."""
        if self.partial[i]:
            return None
        body, q = self.body, self.quotes[i]
        j = i - 1
        while j >= 0 and self.partial[j] and self.speakers[j] is None and self.quotes[j].para == q.para:
            j -= 1  # a word quoted in passing (“crooked”) between two quotes of one speaker
        prev = self.quotes[j] if j >= 0 else None
        prev_sp = self.speakers[j] if j >= 0 else None
        # “A,” he said. “B.” — the same speaker goes on in the same paragraph
        if prev is not None and prev.para == q.para and prev_sp is not None:
            return prev_sp
        opens_para = not body[q.para_start: max(q.open_at, q.para_start)].strip()
        if not opens_para:
            # "Mr. Hannity said he would not hide it. … “I never claimed to be a journalist.”": the last
            # person reported speaking earlier in the same paragraph
            return self._earlier_in_paragraph(q) or self._sentence_subject_before(i)
        # a paragraph-opening quote attributed by the sentence after it: “…” Smith said so on Monday.
        if q.close_at >= 0:
            nxt_start = q.close_end
            end = sentence_end(body, nxt_start, q.para_end)
            if end < q.para_end:
                sp = self.resolver.tail(end, q.para_end)
                if sp is not None:
                    return sp
        # a quote paragraph signed by the next one: “…” ¶ - Bernie Sanders. / -President Obama, tweeting
        if q.close_at >= 0 and not body[q.close_end: q.para_end].strip(_AFTER_QUOTE):
            m = _SIGNATURE_RE.match(body, q.para_end)
            if m is not None:
                sp = self.resolver.noun_phrase(m.start(1), m.end(1))
                if sp is not None and sp.name:
                    return sp
        # a stand-alone quote paragraph right after an attributed quote paragraph continues it
        if prev is not None and prev.para == q.para - 1 and prev_sp is not None:
            return prev_sp
        narrative = prev is None or prev.para < q.para - 1 or (self.partial[j] and prev_sp is None)
        if q.para > 0 and narrative and q.close_at >= 0 and not body[
                q.close_end: q.para_end].strip(_AFTER_QUOTE):
            # a paragraph that is only a quote, after a narrative paragraph about someone ("Viguerie is
            # upbeat about Cruz’s chances, because he sees Cruz as a uniter. ¶ “Not only can …”")
            sp = self._lead_in_subject(q)
            if sp is not None:
                return sp
        # a lead-in paragraph ending with a colon: "The New York Times reports:" / "He then listed them:"
        if q.para > 0:
            pe = text_end(body, q.para_start)
            if pe > 0 and body[pe - 1] == ":":
                ps = body.rfind("\n", 0, pe) + 1
                start = sentence_start(body, pe, ps)
                return self.resolver.head(start, pe) or self._lead_in_subject(q, colon=True)
        return None

    def _earlier_in_paragraph(self, q: Quote) -> Speaker | None:
        """The last subject-like person followed by a speech verb earlier in the quote's paragraph."""
        found = None
        for mention in self.registry.mentions_between(q.para_start, q.open_at if q.open_at >= 0 else q.start):
            if not mention.entity.person:
                continue
            if self.resolver.speaks_after(mention) and self.registry.subject_like(mention):
                found = mention
        if found is None:
            return None
        return self.resolver.named(found)

    def _sentence_subject_before(self, i: int) -> Speaker | None:
        """"He then progressed to crutches. “Walking without the crutches seemed …”": a quote that opens a
        sentence right after a finished narrative sentence of its paragraph whose subject is a person (named,
        or he / she) is that person's, when no other quote comes between."""
        body, q = self.body, self.quotes[i]
        if q.open_at < 0 or body[q.para_start: q.open_at].rstrip()[-1:] not in (".", "!", "?"):
            return None
        start = sentence_start(body, text_end(body, q.open_at) - 1, q.para_start)
        if i > 0 and self.quotes[i - 1].close_end > start:
            return None  # (a quote of its own in that sentence: “…,” read one. “…”; quotes come in order)
        if q.close_at >= 0 and self.resolver.attributed_after(q.close_end, self.tail_limits[i]):
            return None  # (“…” the note says / “…,” said one of those advisers: its own attribution follows)
        if not any(w.strip(",.;:").lower() in _REPORTING_VERBS for w in body[start: q.open_at].split()):
            return None  # (the sentence reports the person saying or thinking something)
        return self._person_subject(start, q.open_at)

    def _lead_in_subject(self, q: Quote, colon: bool = False) -> Speaker | None:
        """The person the last sentence of the previous paragraph is about (its subject); ``colon``: that
        paragraph introduces the quote with a colon."""
        body = self.body
        pe = text_end(body, q.para_start)
        if pe <= 0 or (body[pe - 1] == ":") != colon:
            return None
        ps = body.rfind("\n", 0, pe) + 1
        start = sentence_start(body, pe, ps)
        words = body[start:pe].split()
        if words and words[0].lower() in ("he", "she"):
            sp = self.resolver.noun_phrase(start, start + len(words[0]))
            return sp if sp is not None and sp.name else None
        mention = self.registry.first_mention_in(start, pe)
        # the person the sentence is about, or an organisation that opens the clause and issued a statement ("At
        # her direction, the DNC issued a statement …"): it speaks the stand-alone quote after it
        if mention is not None and self.registry.subject_like(mention) and (
                mention.entity.person or _STATEMENT_RE.match(body, mention.end)):
            return self.resolver.named(mention)
        for at, name in self.registry.orgs:
            if not start <= at < pe:
                continue
            end = body.find(name, at, at + len(name) + 5)
            if end >= 0 and _STATEMENT_RE.match(body, end + len(name)):
                return Speaker(name, body[at: end + len(name)], at)
        return None

    def _continuations(self) -> None:
        """Parts of a quote that runs over several paragraphs share one speaker."""
        n = len(self.quotes)
        for i in range(n - 1, 0, -1):
            prev, q = self.quotes[i - 1], self.quotes[i]
            if prev.continued and q.para - prev.para in (0, 1) and self.speakers[i - 1] is None:
                self.speakers[i - 1] = self.speakers[i]
        for i in range(1, n):
            prev, q = self.quotes[i - 1], self.quotes[i]
            if prev.continued and q.para - prev.para in (0, 1) and self.speakers[i] is None:
                self.speakers[i] = self.speakers[i - 1]

    def _by_wording(self) -> None:
        """A fragment (a headline's “change in dynamics”) is credited to whoever said those words in
        full elsewhere in the article."""
        full = [
            (i, _norm(self.body[q.start: q.end]))
            for i, q in enumerate(self.quotes)
            if not self.partial[i] and self.speakers[i] is not None and self.speakers[i].name
        ]
        if not full:
            return
        for i, q in enumerate(self.quotes):
            if not self.partial[i]:
                continue
            frag = _norm(self.body[q.start: q.end])
            if len(frag) < 6 or " " not in frag or (frag.count(" ") < 2 and self.speakers[i] is None):
                continue  # one word ("difficult"), or two with no one named for them ("golden rule"): no one's words
            local = self.speakers[i]
            if local is not None and local.name and self._names_person(local):
                continue  # “…” credited to a person by name here stays theirs ("Charles Kennedy has said …")
            best, best_score = None, 0.0
            for j, text in full:
                if j == i or (len(text) < len(frag) and local is not None and local.name):
                    continue  # (a shorter quote does not hold the words of a fragment credited here: “New York
                    # values” is not “we worked hard to keep New York values at the center …”, she says)
                score = 100.0 if frag in text else fuzz.partial_ratio(frag, text)
                if score > best_score:
                    best, best_score = j, score
            if best is not None and best_score >= 85:
                sp = self.speakers[best]
                # the words here that named someone else (“change in dynamics”, the United States says) are
                # no surface of this speaker
                surface = local.surface if local is not None and local.name == sp.name else None
                self.speakers[i] = Speaker(sp.name, surface, sp.at)

    def _names_person(self, sp: Speaker) -> bool:
        """The attribution is a person's name as written (not a pronoun, a description or an organisation)."""
        ent = self.registry.by_name(sp.name)
        surface = (sp.surface or "").split()
        return ent is not None and ent.person and bool(surface) and surface[-1].strip(".,’'s") in sp.name

    def keep(self, i: int) -> bool:
        """Unattributed fragments are mostly scare quotes and titles: not reported."""
        return self.speakers[i] is not None or not self.partial[i]


def extract(article: ArticleText) -> list[Assertion]:
    """Every direct quote of the article, with its speaker where the text says."""
    state = _Article(article.body)
    state.attribute()
    out = []
    for i, q in enumerate(state.quotes):
        if not state.keep(i):
            continue
        sp = state.speakers[i]
        surface = sp.surface if sp else None
        if surface and state.nicknames:
            surface = " ".join(surface.split())  # (a nickname blanked out inside the name)
        data = {
            "speaker": sp.name if sp else None,
            "speaker_surface": surface,
            "partial": state.partial[i],
        }
        out.append(
            make_assertion(article, extractor=NAME, extractor_version=VERSION, kind="quote",
                           start=q.start, end=q.end, data=data)
        )
    return out


def build() -> Extractor:
    """The quotes extractor, ready to register."""
    return Extractor(
        name=NAME,
        version=VERSION,
        extract=extract,
        kinds=("quote",),
        description="Direct quotes (all common quote marks) with their speaker, resolved within the article.",
    )
