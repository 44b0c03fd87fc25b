"""Cardinal numbers in news text, as intervals with their stated precision.

Finds digits with separators ("5,000", "25 000", "1 234 567", "12,34,567"),
decimals (also a decimal comma: "4,5"), scale words and abbreviations
("53.4 billion", "10k", "2.5bn", "13 lakh"), number words ("five",
"twenty-one", "three hundred and two", "a dozen", "half a million"), fractions
("two thirds", "one and a half", "3/4", "1 over 3"), "1,000+", ranges ("10-12",
"between 10 and 12") and percentages, with qualifiers that turn a figure into a
bound ("more than", "up to") or an approximation ("about", "nearly").

Precision follows DESIGN.md: a figure with a scale word is precise to half a
unit of its last stated digit, capped at :data:`STATED_SHARE` (a tenth) of the
figure, so "US$2 billion" is [1.8, 2.2] billion and "$53 billion" [52.5, 53.5]
billion (a writer who meant 2.5 would have said so); a plain integer is exact.

Not quantities in news text: years ("in 2016"), day numbers of dates ("July
1"), times ("10:30", "2 pm"), phone numbers, model names ("Qwen3-Max",
"H100", "COVID-19"), figures glued to unit letters ("180ml") and ordinals
("3rd").

>>> [(m.text, m.value.low, m.value.high) for m in extract("over 10 AI agents and 1,000+ companies")]
[('over 10', 10.0, None), ('1,000+', 1000.0, None)]
>>> [(m.text, m.value.low, m.value.high) for m in extract("a $53 billion pledge, $53.4 billion")]
[('53 billion', 52500000000.0, 53500000000.0), ('53.4 billion', 53350000000.0, 53450000000.0)]
>>> [(m.text, m.extra["value"]) for m in extract("twenty-one trillion and three hundred, two thirds, half a dozen")]
[('twenty-one trillion and three hundred', 21000000000300.0), ('two thirds', 0.6666666666666666), ('half a dozen', 6.0)]
>>> [m.text for m in extract("Qwen3-Max runs on H100 chips since 2016, opened July 1; call 555-123-4567")]
[]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from checker.models import Interval, Mention
from functools import lru_cache

from checker.normalise.units import DENOMINATORS, ONES, ORDINAL_UNITS, SCALE_ABBR, SCALE_WORDS, TENS, case_forms, trie_pattern

LOWER = ("more than", "over", "at least", "upwards of", "in excess of", "above", "exceeding", "no fewer than",
         "no less than", "north of", "greater than", "a minimum of", "minimum of", "not less than", "beyond")
UPPER = ("up to", "under", "less than", "fewer than", "as many as", "no more than", "below", "at most", "as much as",
         "not more than", "a maximum of", "maximum of", "at maximum", "a max of", "max")
BELOW = ("nearly", "almost", "just under", "just shy of", "close to", "just below", "shy of")
AROUND = ("about", "around", "roughly", "some", "approximately", "approx.", "approx", "an estimated", "estimated",
          "circa", "roughly about", "an approximate", "an approximately", "approximately about", "~", "c.")
#: Relative tolerance of "about"/"around"; rules may widen it later.
APPROX_TOLERANCE = 0.1

_SP = r"[ \t\u00a0]"
_LIT = r"""(?:
    \d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?(?![\d,])
  | \d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)
  | \d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?(?![\d])
  | \d{1,3}(?:\.\d{3})+,\d+(?!\d)
  | \d{1,3}(?:\.\d{3}){2,}(?![\d.])
  | \d+(?:\.\d+){2,}
  | \d+[ ]{1,2}\d+/\d+(?![\d/])
  | \d+/\d+(?![\d/])
  | (?<!\d,)\d+,\d{1,2}(?![\d])(?!,\d)
  | \d+(?:\.\d+)?
  | \.\d+
)(?:[eE][+-]?\d+(?![\w.])|\^[+-]?\d+|[ ]?[x×][ ]?10\^?[-−+]?\d+)?"""
_ABBR = "|".join(sorted(SCALE_ABBR, key=len, reverse=True))
_LIT_FULL = rf"(?:{_LIT})(?-i:[ ]{{0,2}}(?:{_ABBR})(?![\w])|[ ]{{1,2}}G(?![\w]))?"
_WORDS = sorted([*ONES, *TENS, "hundred", "hundreds", *SCALE_WORDS, "dozen", "dozens", "dz", "dzs", "doz", "dozs",
                 *DENOMINATORS, *ORDINAL_UNITS], key=len, reverse=True)
_WORD = r"\b(?:" + "|".join(_WORDS) + r")\b"
_ITEM = rf"(?:(?<![\d.]){_LIT_FULL}|{_WORD})"
_CONN = rf"(?:{_SP}*[-–]{_SP}*|{_SP}*&{_SP}*|,{_SP}(?=[a-z])|{_SP}+(?:(?:and|point|over|out{_SP}+of|of)\b{_SP}*)?)(?:\b(?:an?){_SP}+)?"
PHRASE_RE = re.compile(
    rf"(?:\b(?:negative|minus){_SP}+|(?<![\w\-.,)])-[ ]?(?=[\d.]))?(?:\b(?:an?){_SP}+)?{_ITEM}(?:{_CONN}{_ITEM})*",
    re.I | re.X,
)
#: Where a figure can start: a digit or a number word (case-sensitive trie: fast on long texts).
ANCHOR_RE = re.compile(rf"[0-9]|\.(?=[0-9])|\b{trie_pattern(case_forms(_WORDS))}\b")
_PREFIX_BACK = re.compile(rf"(?:\b(?:negative|minus|an?){_SP}+|(?<![\w\-.,)])-[ ]?|(?:\b(?:negative|minus){_SP}+)?-[ ]?)$", re.I)
TOKEN_RE = re.compile(
    rf"(?P<lit>(?<![\d.]){_LIT_FULL})|(?P<word>{_WORD})|(?P<conn>\b(?:and|point|over|out{_SP}+of|of|an?|negative|minus)\b|&|[-–]|,)",
    re.I | re.X,
)
_LIT_PARTS = re.compile(rf"(?P<num>{_LIT})(?:[ ]{{0,2}}(?P<abbr>{_ABBR}|G))?$", re.X)
_QUAL_RE = re.compile(
    r"(?:^|(?<=[\s(]))(?P<q>" + "|".join(re.escape(q) for q in sorted([*LOWER, *UPPER, *BELOW, *AROUND], key=len, reverse=True)) + r")\s*$",
    re.I,
)
#: Last words of the qualifiers: a cheap test before the qualifier regex runs.
_QUAL_LAST = {q.split()[-1].lower() for q in [*LOWER, *UPPER, *BELOW, *AROUND]}
_BETWEEN_RE = re.compile(r"\b(?P<w>between|from)\s+$", re.I)
_PCT_RE = re.compile(r"\s?(?:%|per\s?cent\b|percent\b|pct\b|percentage points?\b)", re.I)
MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
_MONTH_BEFORE = re.compile(rf"\b(?:{MONTHS})\.?\s*$", re.I)
_MONTH_AFTER = re.compile(rf"^\s*(?:st|nd|rd|th)?\s*(?:of\s+)?(?:{MONTHS})\b", re.I)
_YEAR_CONTEXT = re.compile(r"\b(?:in|since|by|of|from|until|till|through|to|before|after|during|early|late|mid|fiscal|FY|year|the|this|and|or|between|circa|c\.)\s*$", re.I)
_YEAR_RANGE_BEFORE = re.compile(r"(?<!\d)(?:1[89]|20)\d\d[-–/]$")
_TIME_AFTER = re.compile(r"\s?(?:[ap]\.?m\.?|[AP]\.?M\.?|GMT|UTC|hrs)(?![\w])")
_PRONOUN_ONE_BEFORE = re.compile(r"\b(?:the|this|that|which|each|any|every|no|another|some|someone|anyone|everyone|such)\s+$", re.I)
_PRONOUN_ONE_AFTER = re.compile(r"\s*(?:of\b|another\b|-off\b|way\b|day\b|'s\b|’s\b|you\b|is\b|was\b|do\b|does\b|did\b|can\b|could\b|would\b|will\b|should\b|must\b|might\b|who\b|that\b)", re.I)
_FRACTION_CHARS = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅖": 0.4, "⅗": 0.6, "⅘": 0.8,
                   "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875}
_VULGAR_CHARS = re.compile("[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]")
_VULGAR_RE = re.compile(r"(?<![\w])(?P<int>\d+\s?)?(?P<f>[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])")


@dataclass
class Figure:
    """One parsed figure before filtering: offsets, value and its stated precision."""

    start: int
    end: int
    value: float
    low: float
    high: float
    lit: bool = False  #: starts with digits
    integer: bool = False  #: a plain digit integer without scale ("2016", "92")
    scaled: bool = False  #: carries a scale word or abbreviation
    words: bool = False  #: contains number words
    extra: dict = field(default_factory=dict)


def lit_value(raw: str) -> tuple[Decimal, int] | None:
    """Value and number of stated decimals of a digit literal.

    >>> lit_value("25 000"), lit_value("4,5"), lit_value("1.234.567"), lit_value("12,34,567.89")
    ((Decimal('25000'), 0), (Decimal('4.5'), 1), (Decimal('1234567'), 0), (Decimal('1234567.89'), 2))
    >>> lit_value("1.111,11"), lit_value("2  1/4"), lit_value("1.3e6"), lit_value(".08")
    ((Decimal('1111.11'), 2), (Decimal('2.25'), 2), (Decimal('1300000'), 0), (Decimal('0.08'), 2))
    """
    s = raw.replace("\u00a0", " ").replace("\u202f", " ").replace("−", "-")
    exp = 0
    m = re.search(r"(?:[eE]([+-]?\d+)|[ ]?[x×][ ]?10\^?([-+]?\d+))$", s)
    if m:
        exp = int(m.group(1) or m.group(2))
        s = s[: m.start()]
    power = None
    if "^" in s:
        s, p = s.split("^")
        power = int(p)
    if "/" in s:
        parts = s.split()
        whole = Decimal(parts[0]) if len(parts) == 2 else Decimal(0)
        num, den = parts[-1].split("/")
        if int(den) < 2 or int(num) >= int(den):
            return None  # "1/0", "2222/2222", "24/7": not a fraction
        return whole + Decimal(num) / Decimal(den), 2
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+,\d+", s):
        s = s.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}", s):
        s = s.replace(".", "")
    elif re.fullmatch(r"\d+,\d{1,2}", s) or re.fullmatch(r"\d{1,3}(?: \d{3})+,\d+", s):
        s = s.replace(" ", "").replace(",", ".")
    s = s.replace(",", "").replace(" ", "")
    if s.startswith("."):
        s = "0" + s
    try:
        value = Decimal(s)
    except InvalidOperation:
        return None
    decimals = len(s.split(".")[1]) if "." in s else 0
    if power is not None:
        try:
            return Decimal(float(value) ** power), 6
        except (OverflowError, ZeroDivisionError):
            return None
    if exp:
        if abs(exp) > 30:
            return None  # "1E1000000": no count or amount in news is that large or small
        value = value.scaleb(exp)
        decimals = max(0, decimals - exp)
        if value == value.to_integral_value() and value.adjusted() < 28:
            value = value.quantize(Decimal(1))  # beyond 28 digits quantize raises InvalidOperation
    return value, decimals


@dataclass
class _Tok:
    kind: str  # lit | word | conn
    text: str
    start: int
    end: int


class _Acc:
    """Accumulator for one figure made of number words and digits."""

    def __init__(self) -> None:
        self.total = 0.0
        self.hi = 0.0  # hundreds part of the current group
        self.lo = 0.0  # below-hundred part of the current group
        self.last: str | None = None
        self.last_scale = 0
        self.frac = 0.0
        self.frac_scale_pending = False
        self.decimal: str | None = None
        self.tens_pending = False
        self.dec_places = 0
        self.unit_scale = 1.0  # the scale of the last stated digit, for precision
        self.lit = False
        self.words = False
        self.scaled = False
        self.frac_num = 0.0  # numerator of a proper fraction after "and"
        self.halfonly = False  # "half"/"quarter" with nothing else yet
        self.tens_value = 0.0  # tens word of a compound denominator ("twenty-fifths")
        self.cd_num = 0.0  # numerator before a compound denominator

    def group(self) -> float:
        return self.hi + self.lo

    def value(self) -> float:
        base = self.total + self.group()
        if self.decimal:
            base += float("0." + self.decimal)
        frac = self.frac
        if self.frac_scale_pending and self.last_scale:
            frac *= self.last_scale
        return base + frac


def _item(tok: _Tok) -> tuple[str, float, bool]:
    """Kind, value and plural flag of a number word or literal."""
    w = tok.text.lower()
    if tok.kind == "lit":
        return "lit", 0.0, False
    if w in ONES:
        v = ONES[w]
        return ("ones" if v < 10 else "teen"), float(v), False
    if w in TENS:
        return "tens", float(TENS[w]), False
    if w in ("hundred", "hundreds"):
        return "hundred", 100.0, w.endswith("s")
    if w in SCALE_WORDS:
        return "scale", float(SCALE_WORDS[w]), False
    if w.startswith("doz") or w.startswith("dz"):
        return "dozen", 12.0, w.endswith("s")
    if w in DENOMINATORS:
        d, plural = DENOMINATORS[w]
        return "den", float(d), plural
    if w in ORDINAL_UNITS:
        return "ordunit", float(ORDINAL_UNITS[w]), False
    return "other", 0.0, False


def _parse(text: str, toks: list[_Tok], i: int) -> tuple[Figure | None, int]:
    """Parse one figure starting at token ``i``; returns it and the index after it."""
    n = len(toks)
    sign = 1.0
    start = toks[i].start
    if toks[i].kind == "conn" and toks[i].text.lower() in ("negative", "minus", "-"):
        sign = -1.0
        i += 1
    acc = _Acc()
    pend: list[str] = []
    k = i
    end = None
    consumed_any = False
    while k < n:
        t = toks[k]
        if t.kind == "conn":
            w = t.text.lower()
            if w in ("negative", "minus") or (w == "-" and not consumed_any and pend):
                break
            pend.append(re.sub(r"\s+", " ", w))
            k += 1
            continue
        kind, v, plural = _item(t)
        ok = _extend(text, toks, k, acc, kind, v, plural, pend, t)
        if not ok:
            break
        consumed_any = True
        end = t.end
        pend = []
        k += 1
        if acc.last == "stop":
            break
    if end is None or not consumed_any:
        return None, max(k, i + 1)
    # "half" alone is a number only after a qualifier ("more than half"); "the second half" is not
    if acc.halfonly and acc.last == "den" and qualifier_before(text, start)[0] is None:
        return None, k
    # rewind k to the token after the last consumed item
    while k > i and toks[k - 1].end > end:
        k -= 1
    value = acc.value() * sign
    fig = _figure(start, end, value, acc)
    # "1 over 3", "one out of three"
    if k < n and toks[k].kind == "conn" and toks[k].text.lower() in ("over",) or (k < n and re.fullmatch(r"out\s+of", toks[k].text.lower())):
        is_over = toks[k].text.lower() == "over"
        if k + 1 < n and toks[k + 1].kind != "conn":
            den, k2 = _parse(text, toks, k + 1)
            if den is not None and den.value and (not is_over or not re.match(r"\s*[A-Za-z]", text[den.end : den.end + 3])) and (is_over or abs(value) < den.value):
                v = value / den.value
                return Figure(start, den.end, v, v, v, lit=fig.lit, words=True), k2
    return fig, k


#: The widest stated precision of a scaled figure, as a share of its value.
STATED_SHARE = 0.1


def _figure(start: int, end: int, value: float, acc: _Acc) -> Figure:
    if acc.scaled and not acc.frac and not acc.decimal and acc.last in ("scale", "lit"):
        # half a unit of the last stated digit, but never more than a tenth of the figure: "US$1 billion" is
        # [0.9, 1.1] billion, not [0.5, 1.5], so the "US$1.5 billion" another outlet gives is a different amount
        half = min(0.5 * acc.unit_scale, STATED_SHARE * abs(value))
        low, high = sorted((value - half, value + half))
        return Figure(start, end, value, low, high, lit=acc.lit, scaled=True, words=acc.words)
    return Figure(start, end, value, value, value, lit=acc.lit, words=acc.words, integer=acc.lit and not acc.words and float(value).is_integer())


def _next_is_noun(text: str, end: int) -> bool:
    """Whether a word other than "of"/"and"/"or" follows (then "a third" is an ordinal)."""
    m = re.match(r"\s+([A-Za-z]+)", text[end : end + 20])
    return bool(m) and m.group(1).lower() not in ("of", "and", "or", "in", "to", "is", "was", "are", "were", "than", "the", "a", "an")


def _extend(text: str, toks: list[_Tok], k: int, acc: _Acc, kind: str, v: float, plural: bool, pend: list[str], t: _Tok) -> bool:
    """Try to add one item to the figure; False when it starts a new figure."""
    last = acc.last
    has_and = "and" in pend or "&" in pend
    has_a = "a" in pend or "an" in pend
    has_point = "point" in pend
    has_of = "of" in pend
    has_comma = "," in pend
    has_hyphen = "-" in pend or "–" in pend
    if "over" in pend or any(p.startswith("out") for p in pend):
        return False
    if has_point:
        if last in ("ones", "teen", "tens", "hundred", "scale") and kind in ("ones", "teen", "tens") and not acc.decimal and len(pend) == 1:
            acc.decimal = str(int(v)) if kind != "tens" else str(int(v))
            acc.tens_pending = kind == "tens"
            acc.last = "dec"
            acc.words = True
            return True
        return False
    if last == "dec":
        if pend and pend != ["-"]:
            return False
        if kind == "ones" and acc.tens_pending and v > 0:
            acc.decimal = acc.decimal[:-1] + str(int(v))
            acc.tens_pending = False
            return True
        if kind in ("ones", "teen", "tens"):
            acc.decimal += str(int(v))
            acc.tens_pending = kind == "tens"
            return True
        if kind == "scale":
            base = acc.value()
            acc.total, acc.hi, acc.lo, acc.decimal = base * v, 0.0, 0.0, None
            acc.scaled, acc.unit_scale, acc.last, acc.last_scale = True, v / 10 ** 2, "scale", int(v)
            return True
        return False
    if has_comma and not (last == "scale" and kind in ("ones", "teen", "tens") and not acc.lit):
        return False  # "three million, two hundred thousand" goes on in words; "US$3 billion, two-year plan" stops
    if has_of and not (last == "den" and kind == "scale" and has_a):
        return False
    if kind == "lit":
        if last not in (None, "hundred", "scale") or (last is not None and has_hyphen):
            return False
        m = _LIT_PARTS.match(t.text.replace("\u00a0", " ").replace("\u202f", " ")) or _LIT_PARTS.match(t.text)
        if m is None:
            return False
        lv = lit_value(m.group("num"))
        if lv is None:
            return False
        value, decimals = lv
        if last is not None and (decimals or value >= 1000 or m.group("abbr")):
            return False
        if has_and and (last == "scale" and not _hundred_follows(toks, k) or last == "hundred" and value >= 100):
            return False  # "$2 billion and 50 jobs" is two figures
        acc.lit = acc.lit or last is None
        if m.group("abbr"):
            s = SCALE_ABBR.get(m.group("abbr"), 10**9 if m.group("abbr") == "G" else 1)
            acc.total += float(value) * s
            acc.scaled, acc.last_scale = True, s
            acc.unit_scale = s / 10**decimals
            acc.last = "scale"
            return True
        if "/" in t.text or "^" in t.text:
            acc.lo = float(value)
            acc.last = "stop"
            return True
        acc.lo = float(value)
        acc.dec_places = decimals
        acc.last = "lit"
        return True
    if kind == "tens" and getattr(t, "compound_den", False) and not has_and and last in (None, "ones", "teen", "tens", "hundred", "scale"):
        if last is None and not has_a:
            return False
        acc.cd_num = 1.0 if last is None else acc.total + acc.group()
        acc.tens_value = v
        acc.last = "cden"
        acc.words = True
        return True
    if kind in ("ones", "teen", "tens"):
        if last is None:
            if has_a:
                return False
            # "a third" in "twenty and three fifths" handled by den; "one hundred and three quarters" too
            acc.lo = v
        elif last == "tens" and kind == "ones" and v > 0 and not acc.frac:
            if has_and and _den_follows(toks, k):
                return _start_and_fraction(text, toks, k, acc, v)
            acc.lo += v
        elif last in ("hundred", "scale") or (last == "lit" and False):
            if has_and and _den_follows(toks, k):
                return _start_and_fraction(text, toks, k, acc, v)
            if acc.group() and last == "scale":
                return False
            acc.lo = v
        elif last in ("ones", "teen", "tens") and has_and and _den_follows(toks, k):
            return _start_and_fraction(text, toks, k, acc, v)
        else:
            return False
        acc.words = True
        acc.last = kind
        return True
    if kind == "hundred":
        if last is None:
            if plural or not (has_a or _scale_follows(toks, k)):
                return False  # "several hundred" is no figure; "hundred thousand" is
            acc.hi = 100.0
        elif last in ("ones", "teen", "tens", "lit") and not has_and and not acc.frac:
            if last == "lit" and (acc.dec_places and acc.lo >= 1000):
                return False
            acc.hi += max(acc.lo, 1) * 100
            acc.lo = 0.0
            if last == "lit" and acc.dec_places:
                acc.hi = round(acc.hi, 10)
        elif last == "scale" and has_a:
            acc.hi = 100.0
        else:
            return False
        acc.words, acc.last = True, "hundred"
        return True
    if kind == "scale":
        if last is None:
            if not has_a:
                return False
            acc.total = v
        elif last == "den":
            if has_and:
                return False
            if acc.last_scale == 0 and acc.total == 0 and acc.group():
                # "five and a half million": the scale applies to the whole figure
                acc.total, acc.hi, acc.lo, acc.frac = (acc.group() + acc.frac) * v, 0.0, 0.0, 0.0
                acc.unit_scale, acc.scaled, acc.last, acc.last_scale, acc.words = v / 10, True, "scale", int(v), True
                return True
            acc.frac *= v
            acc.frac_scale_pending = False
            acc.unit_scale = v
            acc.scaled = True
            acc.last = "scale"
            acc.last_scale = int(v)
            acc.words = True
            return True
        elif last in ("ones", "teen", "tens", "hundred", "lit", "scale", "dozen") and not has_and:
            g = acc.group()
            if last == "scale" and g == 0:
                acc.total *= v
            elif acc.last_scale and v > acc.last_scale:
                acc.total = (acc.total + g) * v
            else:
                acc.total += g * v
            acc.unit_scale = v / 10 ** (acc.dec_places if last == "lit" else 0)
            acc.hi = acc.lo = 0.0
        else:
            return False
        acc.scaled, acc.words, acc.last, acc.last_scale = True, True, "scale", int(v)
        return True
    if kind == "dozen":
        if last is None:
            if not has_a or plural:
                return False
            acc.lo = 12.0
        elif last in ("ones", "teen", "tens", "lit") and not has_and:
            acc.lo = max(acc.lo, 1) * 12
        elif last == "den" and has_a:
            acc.frac *= 12
        else:
            return False
        acc.words, acc.last = True, "dozen"
        return True
    if kind in ("den", "ordunit"):
        return _fraction(text, toks, k, acc, kind, v, plural, pend, t)
    return False


def _scale_follows(toks: list[_Tok], k: int) -> bool:
    """Whether token k+1 is a scale word ("hundred thousand")."""
    return k + 1 < len(toks) and toks[k + 1].text.lower() in SCALE_WORDS


def _hundred_follows(toks: list[_Tok], k: int) -> bool:
    """Whether token k+1 is "hundred" ("4 thousand and 3 hundred")."""
    return k + 1 < len(toks) and toks[k + 1].text.lower() in ("hundred", "hundreds")


def _den_follows(toks: list[_Tok], k: int) -> bool:
    """Whether token k+1 is a fraction word right after token k ("three fifths")."""
    if k + 1 >= len(toks):
        return False
    nxt = toks[k + 1]
    if nxt.kind == "conn" and nxt.text in ("-",) and k + 2 < len(toks):
        nxt = toks[k + 2]
    kind, _v, _p = _item(nxt)
    return kind == "den"


def _start_and_fraction(text: str, toks: list[_Tok], k: int, acc: _Acc, v: float) -> bool:
    """'twenty and three fifths': the numerator after "and" of a proper fraction."""
    j = k + 1
    if toks[j].kind == "conn":
        j += 1
    _kind, d, plural = _item(toks[j])
    if v / d >= 1 or (v != 1 and not plural):
        # an improper fraction: "one hundred and thirty fifths" is 130/5; continue the whole number
        if acc.last in ("hundred", "scale"):
            acc.lo = v
        else:
            acc.lo += v
        acc.last = "ones"
        acc.words = True
        return True
    acc.frac_num = v
    acc.last = "fracnum"
    acc.words = True
    return True


def _fraction(text: str, toks: list[_Tok], k: int, acc: _Acc, kind: str, d: float, plural: bool, pend: list[str], t: _Tok) -> bool:
    """A fraction word: "a third", "two thirds", "one and a half", "three twenty-firsts"."""
    last = acc.last
    has_and = "and" in pend or "&" in pend
    has_a = "a" in pend or "an" in pend
    has_hyphen = "-" in pend
    word = t.text.lower()
    if last == "fracnum":
        num = acc.frac_num
        if kind != "den" or (num != 1 and not plural):
            return False
        acc.frac = num / d
        acc.frac_scale_pending = acc.last_scale > 0 and acc.group() == 0
        acc.last = "den"
        return True
    if last == "cden":
        num, den = acc.cd_num, acc.tens_value + d
        if num <= 0 or (num == 1) == plural:
            return False
        if num == 1 and _next_is_noun(text, t.end):
            return False
        acc.total, acc.hi, acc.lo, acc.frac = 0.0, 0.0, 0.0, num / den
        acc.last_scale, acc.scaled = 0, False
        acc.last = "den"
        return True
    if kind == "ordunit":
        return False
    if last is None:
        if has_a:
            if plural:
                return False
            if _next_is_noun(text, t.end) and word not in ("half", "quarter"):
                return False
            acc.frac = 1 / d
        elif word in ("half", "quarter", "quarters"):
            acc.frac = 1 / d if word != "quarters" else 0.25
            acc.last = "den"
            acc.words = True
            acc.halfonly = True
            return True
        else:
            return False
        acc.last, acc.words = "den", True
        return True
    if has_and:
        if not has_a or plural:
            return False
        if _next_is_noun(text, t.end) and word not in ("half", "quarter"):
            return False
        acc.frac = 1 / d
        acc.frac_scale_pending = last == "scale" and acc.group() == 0 and acc.last_scale > 0
        acc.last = "den"
        return True
    if last in ("ones", "teen", "tens", "hundred", "scale") and not has_a:
        if last == "scale" and acc.group():
            return False
        num = acc.total + acc.group()
        if (num == 1 and plural) or (num != 1 and not plural):
            return False
        if num == 1 and _next_is_noun(text, t.end):
            return False
        acc.total, acc.hi, acc.lo = 0.0, 0.0, 0.0
        acc.frac = num / d
        acc.last_scale = 0
        acc.scaled = False
        acc.last = "den"
        return True
    return False


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    out = []
    for m in TOKEN_RE.finditer(text, start, end):
        kind = m.lastgroup or "conn"
        out.append(_Tok(kind, m.group(0), m.start(), m.end()))
    # mark tens followed by an ordinal unit for compound denominators
    return out


def scan(text: str) -> list[Figure]:
    """Every figure in ``text`` before any filtering (money.py builds on this).

    >>> [(f.start, f.end, f.value) for f in scan("I count 6 crore and two hundred; 4000 3 hundred and 21")]
    [(8, 31, 60000200.0), (33, 37, 4000.0), (38, 54, 321.0)]
    """
    return list(_scan(text))


@lru_cache(maxsize=16)
def _scan(text: str) -> tuple[Figure, ...]:
    """:func:`scan`, remembered for the last few texts (money and numbers scan the same sentence)."""
    figs: list[Figure] = []
    for pm in _phrases(text):
        toks = _tokens(text, pm.start(), pm.end())
        _mark_compounds(toks)
        i = 0
        while i < len(toks):
            t = toks[i]
            if t.kind == "conn" and (t.text.lower() not in ("negative", "minus", "-", "a", "an") or (t.text == "-" and i > 0)):
                i += 1
                continue
            if t.kind == "lit" and re.fullmatch(r"\d+(?:\.\d+){2,}", t.text):
                pos = t.start
                for part in t.text.split("."):
                    v = float(part)
                    figs.append(Figure(pos, pos + len(part), v, v, v, lit=True, integer=True, extra={"dotted": True}))
                    pos += len(part) + 1
                i += 1
                continue
            fig, j = _parse(text, toks, i)
            if fig is not None:
                if toks[i].kind == "conn" and toks[i].text.lower() in ("a", "an") and fig.start == toks[i].start and not fig.words:
                    fig.start = toks[i + 1].start if i + 1 < len(toks) else fig.start
                figs.append(fig)
                i = max(j, i + 1)
            else:
                i += 1
    for m in (_VULGAR_RE.finditer(text) if _VULGAR_CHARS.search(text) else ()):
        v = _FRACTION_CHARS[m.group("f")] + (int(m.group("int")) if m.group("int") else 0)
        figs.append(Figure(m.start(), m.end(), v, v, v, lit=True))
    if len(figs) > 1:
        figs.sort(key=lambda f: f.start)
    return tuple(figs)


def _phrases(text: str):
    """Number phrases: PHRASE_RE matched only where ANCHOR_RE finds a digit or number word."""
    pos = 0
    for am in ANCHOR_RE.finditer(text):
        a = am.start()
        if a < pos:
            continue
        back = _PREFIX_BACK.search(text, max(0, a - 12), a)
        m = (PHRASE_RE.match(text, back.start()) if back and back.start() >= pos else None) or PHRASE_RE.match(text, a)
        if m is None or m.end() <= a:
            continue
        pos = m.end()
        yield m


def _mark_compounds(toks: list[_Tok]) -> None:
    """Note, on tens words, whether an ordinal unit follows and a numerator precedes."""
    for idx, t in enumerate(toks):
        if t.kind != "word" or t.text.lower() not in TENS:
            continue
        j = idx + 1
        if j < len(toks) and toks[j].kind == "conn" and toks[j].text == "-":
            j += 1
        if j >= len(toks):
            continue
        w = toks[j].text.lower()
        if w in DENOMINATORS or w in ORDINAL_UNITS:
            d = DENOMINATORS.get(w, (ORDINAL_UNITS.get(w, 0), False))[0]
            if 0 < d < 10 and idx > 0:
                prev = toks[idx - 1]
                t.compound_den = prev.kind != "conn" or prev.text.lower() in ("a", "an", "-")  # type: ignore[attr-defined]


def _glued(text: str, start: int, end: int) -> bool:
    """Digits glued to letters or codes: "Qwen3-Max", "H100", "COVID-19", "180ml", "4th", times, phone numbers."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before.isalpha() or before in "_/#@\\" or (before == "-" and start > 1 and text[start - 2].isalpha()):
        return True
    if start > 1 and (before == "." and text[start - 2].isalpha() or before == "+" and text[start - 2].isalnum()):
        return True  # "v2.5", "J1149.5+6663"
    if after.isalpha() or after in "_@":
        return True
    if after in ":/" and end + 1 < len(text) and text[end + 1].isdigit():
        return True  # 10:30, 5/17
    if before in ":" and start > 1 and text[start - 2].isdigit():
        return True
    if _TIME_AFTER.match(text, end) and re.fullmatch(r"\d{1,2}(?:[.:]\d\d)?", text[start:end]):
        return True
    if re.match(r"[-.\s]\d{3}[-.\s]\d{3,4}\b", text[end : end + 10]) or re.search(r"\+\d{1,3}[\s(]*$|\(\d{3}\)\s?$", text[max(0, start - 6) : start]):
        return True  # phone numbers
    if re.match(r"\d{3}[-.]\d{4}\b", text[start : start + 9]) and end - start == 3:
        return True
    if re.search(r"\d{3}[-.]\d{3}[-.]$", text[max(0, start - 8) : start]):
        return True
    return False


def is_year(text: str, start: int, end: int) -> bool:
    """A bare four-digit number in 1800-2100 read as a year, not a quantity.

    >>> is_year("in 2016 it", 3, 7), is_year("2000 servers", 0, 4)
    (True, False)
    """
    raw = text[start:end]
    if not re.fullmatch(r"(?:1[89]|20)\d\d|2100", raw):
        return False
    if re.search(r"[$€£¥₹₩]\s?$", text[max(0, start - 2) : start]):
        return False  # "$2000"
    before = text[max(0, start - 20) : start]
    after = text[end : end + 12]
    if re.match(r"\s*(?:%|percent|per cent|[a-z]+s\b)", after) and not _YEAR_CONTEXT.search(before):
        return False  # "2000 servers"
    return True


def is_date_day(text: str, start: int, end: int) -> bool:
    """A day of a month: "July 1", "1 July", "1st of July"."""
    return bool(_MONTH_BEFORE.search(text[max(0, start - 12) : start]) or _MONTH_AFTER.match(text[end : end + 16]))


def qualifier_before(text: str, start: int) -> tuple[str | None, int]:
    """The qualifier right before ``start`` ("more than", "about") and where it starts.

    >>> qualifier_before("raised more than 5", 17)
    ('more than', 7)
    """
    before = text[max(0, start - 30) : start]
    tail = before.rstrip().rsplit(None, 1)
    if not tail or tail[-1].lstrip("([").lower() not in _QUAL_LAST:  # "(about Rp 21 trillion)"
        return None, start
    m = _QUAL_RE.search(text, max(0, start - 30), start)
    if not m:
        return None, start
    return m.group("q").lower(), m.start("q")


def qualified(qual: str | None, low: float, high: float, value: float) -> tuple[float | None, float | None]:
    """Apply a qualifier to a figure's precision interval.

    >>> qualified("more than", 5, 5, 5), qualified("up to", 5, 5, 5), qualified("about", 100, 100, 100)
    ((5, None), (None, 5), (90.0, 110.0))
    """
    if not qual:
        return low, high
    if qual in LOWER:
        return low, None
    if qual in UPPER:
        return None, high
    a, b = _r(value * (1 - APPROX_TOLERANCE)), _r(value * (1 + APPROX_TOLERANCE))
    if qual in BELOW:
        return min(a, b), high
    return min(a, b), max(a, b)


def _r(x: float) -> float:
    """Round away binary noise (110.00000000000001 -> 110.0)."""
    return float(f"{x:.12g}")


def _is_pronoun_one(text: str, f: Figure) -> bool:
    if text[f.start : f.end].lower() != "one":
        return False
    return bool(_PRONOUN_ONE_BEFORE.search(text, max(0, f.start - 12), f.start) or _PRONOUN_ONE_AFTER.match(text, f.end))


def _keep(text: str, f: Figure) -> bool:
    """Whether a figure is a quantity in news text."""
    if f.lit and _glued(text, f.start, f.end):
        return False
    if f.integer and not f.scaled and (is_year(text, f.start, f.end) or is_date_day(text, f.start, f.end)):
        return False
    if f.integer and f.end - f.start == 2 and _YEAR_RANGE_BEFORE.search(text, max(0, f.start - 6), f.start):
        return False  # "2013-14"
    if _is_pronoun_one(text, f):
        return False
    return True


def extract(text: str, reference: object = None) -> list[Mention]:
    """Number mentions (kind ``number`` or ``percent``) in ``text``, left to right.

    >>> [(m.text, m.value.low, m.value.high) for m in extract("between 10 and 12 sites, 10-12 million users, about 50%")]
    [('between 10 and 12', 10.0, 12.0), ('10-12 million', 9500000.0, 12500000.0), ('about 50%', 45.0, 55.0)]
    """
    figs = [f for f in scan(text) if _keep(text, f)]
    out: list[Mention] = []
    i = 0
    while i < len(figs):
        f = figs[i]
        start, end = f.start, f.end
        low: float | None = f.low
        high: float | None = f.high
        value: float | None = f.value
        kind = "number"
        between = _BETWEEN_RE.search(text, max(0, start - 10), start)
        qual, q_start = qualifier_before(text, between.start() if between else start)
        is_range = False
        if i + 1 < len(figs):
            g = figs[i + 1]
            sep = text[f.end : g.start]
            dash = re.fullmatch(r"\s*[-–—]\s*", sep) and f.lit and g.lit
            worded = re.fullmatch(r"\s+(?:to|and)\s+", sep) and between is not None or re.fullmatch(r"\s+to\s+", sep)
            if (dash or worded) and g.value > f.value:
                lo_f = f
                scale = 1.0
                if g.scaled and not f.scaled and f.lit:
                    scale = g.value / max(float(re.match(r"[\d.,]+", text[g.start : g.end]).group(0).replace(",", "") or 1), 1e-12) if re.match(r"[\d.,]+", text[g.start : g.end]) else 1.0
                low = lo_f.low * scale - ((g.value - g.low) if scale != 1.0 else 0.0)
                high = g.high
                value = None
                end = g.end
                is_range = True
                i += 1
        if not is_range and between is not None:
            between = None
        if between is not None:
            start = between.start()
        if qual:
            start = q_start
        if not is_range:
            if re.match(r"\+(?![\d])", text[end : end + 2]):
                end += 1
                high = None
                qual = qual or "+"
            else:
                low, high = qualified(qual, low, high, f.value)
        pm = _PCT_RE.match(text, end)
        if pm:
            end = pm.end()
            kind = "percent"
        raw = text[start:end]
        out.append(Mention(
            kind=kind,  # type: ignore[arg-type]
            start=start,
            end=end,
            text=raw,
            value=Interval(low=low, high=high, text=raw),
            unit="percent" if kind == "percent" else None,
            extra={"qualifier": qual, "value": value if not is_range else (low + high) / 2 if low is not None and high is not None else None,
                   "figure_start": f.start, "figure_end": f.end},
        ))
        i += 1
    return out
