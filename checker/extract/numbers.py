"""Cardinal numbers in news text, as intervals with their stated precision.

Finds digits with separators ("5,000", "25 000"), decimals, scale words and
abbreviations ("53.4 billion", "US$1bn", "2.5m"), number words ("five",
"twenty-one", "three hundred", "a dozen"), "1,000+", ranges ("10-12",
"between 10 and 12") and percentages, with qualifiers that turn a figure into
a bound ("more than", "up to") or an approximation ("about", "nearly").

Precision follows DESIGN.md: a figure with a scale word is precise to half a
unit of its last stated digit; a plain integer is exact.

Not quantities: years ("in 2016"), day numbers of dates ("July 1"), times,
phone numbers, model names ("Qwen3-Max", "H100") and ordinals ("3rd").

>>> [(m.text, m.value.low, m.value.high) for m in extract("over 10 AI agents and 1,000+ companies")]
[('over 10', 10.0, None), ('1,000+', 1000.0, None)]
>>> [(m.text, m.value.low, m.value.high) for m in extract("a $53 billion pledge")]
[('53 billion', 52500000000.0, 53500000000.0)]
"""

from __future__ import annotations

import re
from decimal import Decimal

from checker.models import Interval, Mention

ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
SCALE_ABBR = {"k": 10**3, "K": 10**3, "thousand": 10**3, "m": 10**6, "M": 10**6, "mn": 10**6, "mln": 10**6, "million": 10**6,
              "b": 10**9, "B": 10**9, "bn": 10**9, "bln": 10**9, "billion": 10**9, "tn": 10**12, "trn": 10**12, "trillion": 10**12,
              "lakh": 10**5, "lakhs": 10**5, "crore": 10**7, "crores": 10**7, "millions": 10**6, "billions": 10**9}
NAMED = {"dozen": 12, "a dozen": 12, "half a dozen": 6, "a hundred": 100, "a thousand": 1000, "a million": 10**6, "a billion": 10**9, "a couple of": 2, "a pair of": 2}

LOWER = ("more than", "over", "at least", "upwards of", "in excess of", "above", "exceeding", "no fewer than", "no less than", "north of", "greater than")
UPPER = ("up to", "under", "less than", "fewer than", "as many as", "no more than", "below", "at most", "as much as", "not more than")
BELOW = ("nearly", "almost", "just under", "just shy of", "close to")
AROUND = ("about", "around", "roughly", "some", "approximately", "approx.", "an estimated", "estimated", "circa", "roughly about", "an approximate")
APPROX_TOLERANCE = 0.1

_WORD_NUM = "|".join(sorted([*ONES, *TENS], key=len, reverse=True))
_SCALE_WORDS = "hundred|thousand|million|billion|trillion"
_NUMBER_WORDS = rf"(?:(?:a|one)\s+)?(?:(?:{_WORD_NUM})(?:[-\s](?:{_WORD_NUM}))?(?:\s+(?:and\s+)?(?:{_SCALE_WORDS}|{_WORD_NUM}))*|a\s+(?:{_SCALE_WORDS})(?:\s+(?:{_SCALE_WORDS}))?|half\s+a\s+dozen|a\s+dozen|dozens|a\s+couple\s+of|a\s+pair\s+of)"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,])|\d{1,3}(?:\.\d{3}){2,}(?!\d)|\d+(?:[.,]\d+)?|\.\d+)"
_SCALE = r"(?:\s?(?:thousand|million|billion|trillion|lakhs?|crores?)\b|(?:k|K|m|M|mn|mln|b|B|bn|bln|tn|trn)\b)"
_FIGURE = rf"(?:{_DIGITS}(?:{_SCALE})?|\b{_NUMBER_WORDS}\b)"
_QUAL = "|".join(re.escape(q) for q in sorted([*LOWER, *UPPER, *BELOW, *AROUND], key=len, reverse=True))

NUMBER_RE = re.compile(
    rf"""
    (?:(?P<qual>\b(?:{_QUAL}))\s+)?
    (?:(?P<between>\bbetween\b|\bfrom\b)\s+)?
    (?<![\w.])(?P<neg>-)?
    (?P<a>{_FIGURE})
    (?:
        (?P<plus>\+)(?![\d])
      | \s*(?:-|–|—|\bto\b|\band\b)\s*(?P<b>{_FIGURE})
    )?
    (?P<pct>\s?(?:%|per\s?cent\b|percent\b|pct\b))?
    """,
    re.X | re.I,
)
MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
_MONTH_BEFORE = re.compile(rf"\b(?:{MONTHS})\.?\s*$", re.I)
_MONTH_AFTER = re.compile(rf"^\s*(?:st|nd|rd|th)?\s*(?:of\s+)?(?:{MONTHS})\b", re.I)
_YEAR_CONTEXT = re.compile(r"\b(?:in|since|by|of|from|until|till|through|to|before|after|during|early|late|mid|fiscal|FY|year|the|this|and|or|between|circa|c\.)\s*$", re.I)


def parse_words(text: str) -> int | None:
    """Value of English number words.

    >>> parse_words("twenty-one"), parse_words("three hundred"), parse_words("a dozen"), parse_words("two million five hundred thousand")
    (21, 300, 12, 2500000)
    """
    t = re.sub(r"[\s-]+", " ", text.lower()).strip()
    if t in NAMED:
        return NAMED[t]
    if t == "dozens":
        return None
    total = current = 0
    seen = False
    for w in t.split():
        if w in ("and", "a", "one") and w != "one":
            if w == "a":
                current = max(current, 1)
                seen = True
            continue
        if w in ONES:
            current += ONES[w]
        elif w in TENS:
            current += TENS[w]
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w in SCALES:
            total += max(current, 1) * SCALES[w]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _digits_value(s: str) -> tuple[Decimal, int]:
    """Value and number of decimals of a digit string ("5,000" -> 5000, 0; "4,5" -> 4.5, 1).

    >>> _digits_value("25 000"), _digits_value("4,5"), _digits_value("1.234.567")
    ((Decimal('25000'), 0), (Decimal('4.5'), 1), (Decimal('1234567'), 0))
    """
    s = s.replace("\u00a0", " ").replace("\u202f", " ")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}", s):
        return Decimal(s.replace(".", "")), 0
    if re.fullmatch(r"\d+,\d{1,2}", s) or re.fullmatch(r"\d+,\d{4,}", s):
        s = s.replace(",", ".")  # a decimal comma: "4,5", "1,25"
    s = s.replace(",", "").replace(" ", "")
    if s.startswith("."):
        s = "0" + s
    decimals = len(s.split(".")[1]) if "." in s else 0
    return Decimal(s), decimals


def figure_value(text: str) -> tuple[float, float, float] | None:
    """(value, low, high) of one figure with its stated precision.

    >>> figure_value("53 billion"), figure_value("53.4 billion")[1:]
    ((53000000000.0, 52500000000.0, 53500000000.0), (53350000000.0, 53450000000.0))
    >>> figure_value("92"), figure_value("five")
    ((92.0, 92.0, 92.0), (5.0, 5.0, 5.0))
    """
    t = text.strip()
    m = re.fullmatch(rf"({_DIGITS})\s?({'|'.join(sorted(SCALE_ABBR, key=len, reverse=True))})?", t)
    if m:
        value, decimals = _digits_value(m.group(1))
        if m.group(2):
            scale = SCALE_ABBR[m.group(2)]
            half = Decimal(5) * Decimal(10) ** (-(decimals + 1)) * scale
            v = value * scale
            return float(v), float(v - half), float(v + half)
        return float(value), float(value), float(value)
    words = t.lower()
    v = parse_words(words)
    if v is None:
        return None
    tail = words.split()[-1] if words.split() else ""
    if tail in ("thousand", "million", "billion", "trillion") and len(words.split()) <= 2:
        scale = SCALES[tail]
        return float(v), float(v - scale / 2), float(v + scale / 2)
    return float(v), float(v), float(v)


def _qualified(qual: str | None, low: float, high: float, value: float) -> tuple[float | None, float | None]:
    """Apply a qualifier to a figure's precision interval."""
    if not qual:
        return low, high
    q = qual.lower()
    if q in LOWER:
        return low, None
    if q in UPPER:
        return None, high
    if q in BELOW:
        return value * (1 - APPROX_TOLERANCE), high
    return value * (1 - APPROX_TOLERANCE), value * (1 + APPROX_TOLERANCE)


def _is_year(text: str, raw: str, start: int, end: int) -> bool:
    """A bare four-digit number in 1800-2100 read as a year, not a quantity."""
    if not re.fullmatch(r"(1[89]|20)\d\d|2100", raw):
        return False
    before = text[max(0, start - 20) : start]
    after = text[end : end + 12]
    if re.match(r"\s*(?:%|percent|per cent|[a-z]+s\b)", after) and not _YEAR_CONTEXT.search(before):
        return False  # "2000 servers"
    return True


def _is_date_day(text: str, start: int, end: int) -> bool:
    """A day of a month: "July 1", "1 July", "1st of July"."""
    return bool(_MONTH_BEFORE.search(text[max(0, start - 12) : start]) or _MONTH_AFTER.match(text[end : end + 16]))


def _is_glued(text: str, start: int, end: int, a_text: str) -> bool:
    """Digits glued to letters or codes: "Qwen3-Max", "H100", "A100s", "COVID-19", "3rd", times and phone numbers."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if not a_text[:1].isdigit() and a_text[:1] != ".":
        return False
    if before.isalpha() or before in "_/#@" or (before == "-" and start > 1 and text[start - 2].isalnum()):
        return True
    if after.isalpha() or after in "_@" or (after == "-" and end + 1 < len(text) and text[end + 1].isalpha() and not re.match(r"-(?:year|strong|member|day|week|month|hour|mile|acre|storey|story|seat|page|person|bed|room|floor)", text[end:], re.I)):
        return True
    if after == ":" and end + 1 < len(text) and text[end + 1].isdigit():
        return True  # 10:30
    if before == ":" and start > 1 and text[start - 2].isdigit():
        return True
    if re.match(r"[-.\s]\d{3}[-.\s]\d{3,4}\b", text[end : end + 10]) or re.search(r"\+\d{1,3}[\s(]*$", text[max(0, start - 6) : start]):
        return True  # phone numbers
    return False


def extract(text: str, reference: object = None) -> list[Mention]:
    """Number mentions (kind ``number`` or ``percent``) in ``text``, left to right."""
    out: list[Mention] = []
    for m in NUMBER_RE.finditer(text):
        a_text = m.group("a")
        if not a_text or not a_text.strip():
            continue
        a_start, a_end = m.span("a")
        if a_text.lower() in ("one",) and not m.group("qual") and not m.group("b"):
            # "one of the", "one day": too ambiguous as a quantity unless counted ("one data center")
            nxt = text[a_end : a_end + 4].lower()
            if nxt.startswith((" of", " day", " another", "-off", " way")):
                continue
        if a_text.lower() == "some":
            continue
        if _is_glued(text, a_start, a_end, a_text):
            continue
        if re.fullmatch(r"\d+", a_text) and not m.group("b") and (_is_year(text, a_text, a_start, a_end) or _is_date_day(text, a_start, a_end)):
            continue
        fa = figure_value(a_text)
        if fa is None:
            continue
        value, low, high = fa
        qual = m.group("qual")
        start = m.start("qual") if qual else (m.start("between") if m.group("between") else (m.start("neg") if m.group("neg") else a_start))
        end = a_end
        is_range = False
        if m.group("b"):
            fb = figure_value(m.group("b"))
            sep = text[a_end : m.start("b")].strip().lower()
            if sep in ("-", "–", "—") and re.fullmatch(r"(1[89]|20)\d\d", a_text) and re.fullmatch(r"\d\d|(1[89]|20)\d\d", m.group("b")):
                continue  # "2024-25", "2019-2021": years
            wordy_sep = sep in ("and", "to")
            if fb is not None and (not wordy_sep or m.group("between")) and fb[0] > value:
                # "10-12 million": the scale of the second figure applies to the first
                if re.fullmatch(r"[\d.,]+", a_text) and not re.fullmatch(r"[\d.,]+", m.group("b").strip()):
                    bdigits = re.match(r"[\d.,]+", m.group("b"))
                    if bdigits:
                        scale = fb[0] / float(_digits_value(bdigits.group(0))[0] or 1)
                        low = low * scale
                low, high, is_range, end = low, fb[2], True, m.end("b")
        if not is_range and m.group("between"):
            start = m.start("qual") if qual else a_start
        if m.group("plus"):
            end = m.end("plus")
            high = None
        elif not is_range:
            low, high = _qualified(qual, low, high, value)
        pct = m.group("pct")
        is_pct = bool(pct) and m.start("pct") == end
        if is_pct:
            end = m.end("pct")
        if m.group("neg") and not is_range:
            low, high = (-high if high is not None else None), (-low if low is not None else None)
        raw = text[start:end]
        out.append(Mention(
            kind="percent" if is_pct else "number",
            start=start,
            end=end,
            text=raw,
            value=Interval(low=low, high=high, text=raw),
            unit="percent" if is_pct else None,
            extra={"qualifier": qual.lower() if qual else None, "figure_start": a_start, "figure_end": a_end},
        ))
    return out
