"""Property tests (Hypothesis) for loading and extraction.

Extraction must never raise, whatever the text; every evidence span must index
the document's own text; every mention's offsets must index the text it was
found in; two runs must give the same output; loading arbitrary bytes or
junk front matter must give a Document or a SkippedSource, never an exception.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from checker.extract import mentions
from checker.extract.frames import extract_claims
from checker.models import SkippedSource, Source
from checker.ruleset import load_lexicon
from checker.sources import Document, load_paths

LEXICON = load_lexicon()

SETTINGS = settings(deadline=None, max_examples=200, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
FAST = settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# --------------------------------------------------------------------------- strategies

#: every code point except lone surrogates (which cannot be encoded to a file)
ANY_TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=400)

FRAGMENTS = [
    "Alibaba Cloud", "Alibaba", "AWS", "Microsoft", "the company", "It", "The firm", " launched ", " opened ",
    " plans to open ", " will ", " shut down ", " is under construction", " scheduled for ", " as of ", " by ",
    " its ", " third ", "third", " second ", " first ", "3rd", " data center", " data centres", " cloud region",
    " availability zones", " employees", " jobs", " in Malaysia", " in the Philippines", " in Johor, Malaysia",
    " in Brazil, France and the Netherlands", " Singapore", " Southeast Asia", " worldwide", " global",
    "$", "US$", "S$", "HK$", "RM", "€", "£", "¥", "RMB", "yuan", "renminbi", " billion", " million", "bn", "m",
    " trillion", "k", "%", " percent", "+", "-", "–", "—", ",", ".", ", ", ". ", "; ", ":", "(", ")", "\"", "“", "”",
    "’", "'", "\n", "\n\n", "\r\n", "\t", " ", "  ", "\u00a0", "\u2009", "\u200b", "\ufeff",
    "January", "July 1", "October", " in 2016", " this week", " last month", " next year", " Q3 ", " H1 ",
    " the end of this year", " over the next three years", " more than ", " over ", " at least ", " up to ",
    " about ", " around ", " nearly ", " some ", " between ", " and ", " a dozen", " twenty-one", " three hundred",
    "Qwen3-Max", "H100", "+60 3 1234 5678", "e9", "E100", "e-3", "^40", " x 10^", "×10", "1/2", "No. 3", "U.S.", "Inc.", "e.g.", "...", "!", "?",
    "cafÃ©", "Ã©", "â€™", "\u0301", "٣", "३", "５", "½", "²", "Ⅻ", "ﬁ", "İ", "ß",
]
DIGITS = st.from_regex(r"[0-9]{1,4}([.,][0-9]{1,3}){0,2}", fullmatch=True)
NEWS_PIECE = st.one_of(
    st.sampled_from(FRAGMENTS),
    DIGITS,
    st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=3),
)
NEWS_TEXT = st.lists(NEWS_PIECE, max_size=60).map("".join)
# the extractors' own vocabulary, word by word: reaches grammar paths that random fragments rarely do ("the past decade")
from checker.extract import dates as _dates, status as _status  # noqa: E402

VOCABULARY = sorted(_dates.TRIGGER_WORDS | _dates.LEAD_WORDS | _status.TRIGGER_WORDS | _status.LEAD_WORDS)
VOCAB_TEXT = st.lists(st.one_of(st.sampled_from(VOCABULARY), DIGITS, st.sampled_from(["2025", "1990s", "Q3", "H1", ",", "-"])),
                      max_size=25).map(" ".join)
TEXTS = st.one_of(ANY_TEXT, NEWS_TEXT, VOCAB_TEXT)
PUBLISHED = st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31)))


def make_doc(text: str, published: dt.date | None = None, regions: tuple[tuple[int, int], ...] | None = None) -> Document:
    source = Source(id="prop.md", path="prop.md", published=published, sha256="0" * 64)
    return Document(source=source, text=text, regions=regions if regions is not None else ((0, len(text)),))


def run_known(fn, text: str, *args):
    """Call ``fn``; no exception is tolerated (the "İ" offset and huge-exponent bugs are fixed)."""
    return fn(*args)


def check_claims(doc: Document) -> list:
    claims = run_known(extract_claims, doc.text, doc, LEXICON)
    for c in claims:
        ev = c.evidence
        assert 0 <= ev.start <= ev.end <= len(doc.text), (ev.start, ev.end, len(doc.text))
        assert doc.text[ev.start : ev.end] == ev.quote, (doc.text[ev.start : ev.end], ev.quote)
        assert ev.quote in ev.sentence, (ev.quote, ev.sentence)
    return claims


def dump(claims) -> list[dict]:
    return [c.model_dump(mode="json") for c in claims]


# --------------------------------------------------------------------------- extraction

@SETTINGS
@given(text=TEXTS, published=PUBLISHED)
@example(text="Alibaba Cloud launched its third data center in Malaysia, and a second in the Philippines, scheduled for October.", published=dt.date(2025, 7, 2))
@example(text="cafÃ© Alibaba opened 3 data centers in Malaysia", published=None)
@example(text="\ufeffAlibaba opened 3 data centers\r\nin Malaysia.", published=None)
@example(text="", published=None)
def test_extraction_never_raises_and_evidence_indexes_text(text, published):
    # (a) never raises, (b) evidence spans index doc.text and lie in their sentence
    check_claims(make_doc(text, published))


@SETTINGS
@given(text=TEXTS, published=PUBLISHED)
def test_extraction_is_deterministic(text, published):
    # (d) the same output on two runs (fresh Documents, same text)
    first = dump(check_claims(make_doc(text, published)))
    second = dump(check_claims(make_doc(text, published)))
    assert first == second


@FAST
@given(data=st.data(), text=NEWS_TEXT)
def test_extraction_with_partial_regions(data, text):
    # a document whose regions cover only part of the text (title + body of a front-matter file)
    n = len(text)
    a = data.draw(st.integers(0, n))
    b = data.draw(st.integers(a, n))
    c = data.draw(st.integers(b, n))
    doc = make_doc(text, None, tuple(r for r in ((a, b), (c, n)) if r[0] < r[1]))
    for claim in check_claims(doc):
        assert any(s <= claim.evidence.start and claim.evidence.end <= e for s, e in doc.regions), (claim.evidence, doc.regions)


@SETTINGS
@given(text=TEXTS, published=PUBLISHED)
@example(text="its third data center and 5,000 businesses", published=None)
@example(text="$53.4 billion and 380 billion yuan by October 2025, up 25%", published=dt.date(2025, 7, 2))
def test_mentions_index_their_text(text, published):
    # (c) every mention's offsets index the text it was found in; deterministic too
    ms = run_known(mentions, text, text, published)
    for m in ms:
        assert 0 <= m.start <= m.end <= len(text), (m.start, m.end, len(text))
        assert text[m.start : m.end] == m.text, (text[m.start : m.end], m.text)
    assert [m.model_dump(mode="json") for m in ms] == [m.model_dump(mode="json") for m in mentions(text, published)]


# --------------------------------------------------------------------------- loading

def load_one(name: str, data: bytes):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        result = load_paths([path])
    assert len(result.documents) + len(result.skipped) >= 1, "a file must become a Document or a SkippedSource"
    for s in result.skipped:
        assert isinstance(s, SkippedSource) and s.reason
    return result


@FAST
@given(data=st.binary(max_size=600))
@example(data=b"")
@example(data=b"\x00")
@example(data=b"\xff\xfe")
@example(data=b"---\n")
@example(data=b"---\n---\n")
@example(data=b"\xef\xbb\xbf---\ntitle: x\n---\nbody")
def test_arbitrary_bytes_load_as_document_or_skipped(data):
    # (e) arbitrary bytes in a .md file: a Document or a SkippedSource, never an exception
    result = load_one("a.md", data)
    for doc in result.documents:
        for a, b in doc.regions:
            assert 0 <= a < b <= len(doc.text)
        check_claims(doc)


YAMLISH = st.lists(
    st.one_of(
        st.sampled_from([
            "title: ", "published: ", "outlet: ", "url: ", "language: ", "tags: ", "- ", "  ", ": ", "? ", "&a ", "*a",
            "!!binary ", "!!python/object:os.system ", "!!timestamp ", "'", "\"", "|", ">", "{", "}", "[", "]", ",", "#",
            "\n", "\t", "2025-07-02", "2025-13-45", "July 2", "null", "~", "yes", "1e9", ".inf", "0x1F", "---", "...",
            "Alibaba Cloud launches 3rd data center", "%YAML 1.1", "<<: *a", "\\u0000", "\ufeff",
        ]),
        st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=8),
    ),
    max_size=25,
).map("".join)


@FAST
@given(front=YAMLISH, body=NEWS_TEXT, closer=st.sampled_from(["---", "...", "--- ", "---\t"]))
@example(front="title: \"Alibaba opens 3 data centers\"\npublished: 2025-07-02", body="It has 5 data centers in Malaysia.", closer="---")
@example(front="title: &a [1, 2]\npublished: *a", body="x", closer="---")
@example(front="title: 'it''s 3rd'", body="body", closer="---")
@example(front="? [a]\n: b", body="body", closer="...")
def test_junk_front_matter_never_raises(front, body, closer):
    # (f) random YAML-ish junk in front matter never raises; the title region indexes the text
    data = f"---\n{front}\n{closer}\n{body}".encode("utf-8")
    result = load_one("fm.md", data)
    for doc in result.documents:
        for a, b in doc.regions:
            assert 0 <= a < b <= len(doc.text)
        if doc.source.title is not None and len(doc.regions) > 1:
            a, b = doc.regions[0]
            assert doc.text[a:b] == doc.source.title
        check_claims(doc)


# Well-formed YAML with impossible values: PyYAML's constructors raise plain
# ValueError/KeyError; loading turns them into a warning and keeps the article.
IMPOSSIBLE_VALUES = [
    pytest.param("title: Launch\npublished: 2025-02-30\n", id="impossible-date"),
    pytest.param("title: Launch\npublished: 2025-13-01\n", id="month-13"),
    pytest.param("!!timestamp x\n", id="timestamp-tag"),
    pytest.param("title: !!int x\n", id="int-tag"),
    pytest.param("title: !!bool x\n", id="bool-tag"),
]


@pytest.mark.parametrize("front", IMPOSSIBLE_VALUES)
def test_impossible_front_matter_values_are_a_warning(front):
    result = load_one("fm.md", f"---\n{front}---\nAlibaba opened 3 data centers in Malaysia.\n".encode())
    (doc,) = result.documents
    assert doc.source.warnings[0].split(": ", 1)[1].startswith("invalid front matter, metadata ignored")


def test_impossible_manifest_value_skips_the_manifest_not_the_article():
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "a.txt").write_text("Alibaba opened 3 data centers in Malaysia.\n", encoding="utf-8")
        (Path(tmp) / "sources.yaml").write_text("a.txt:\n  published: 2025-02-30\n", encoding="utf-8")
        result = load_paths([tmp])
    assert len(result.documents) == 1
    assert result.skipped[0].reason.split(": ", 1)[1].startswith("invalid manifest")


def test_dotted_capital_i_does_not_crash():
    mentions("İ0", None)


def test_dotted_capital_i_does_not_shift_offsets():
    text = "the İstanbul site opened on July 1, 2025"
    found = {(m.kind, m.text) for m in mentions(text, None)}
    assert ("date", "July 1, 2025") in found and ("status", "opened") in found, found


@pytest.mark.parametrize("text", ["1e28", "1E100", "up 1e40 users", "1 x 10^40", "1E1000000", "1e-1000000"])
def test_huge_exponent_does_not_crash(text):
    mentions(text, None)
