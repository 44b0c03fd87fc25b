"""Dates: absolute, relative and partial dates in news text, as inclusive date intervals.

One precompiled regular expression scans the text for candidate spans (month
names, four-digit years in date context, quarters, halves, weeks, relative
phrases); each candidate is resolved by small pure helpers in
:mod:`checker.normalise.dates`, and dateparser runs only on the few compact
spans the grammar does not take apart itself ("05-Aug-2016", "2019/aug/01"),
never on whole texts. Resolution is cached per (span, reference).

**Kinds.** A single day ("July 1, 2025", "yesterday") is a ``date`` mention;
everything wider or open is a ``daterange``: a month ("July 2025", "in
October"), a quarter ("Q3 2025", "the third quarter"), a half ("H1 2026",
"the first half of 2026"), a year ("in 2016"), a week ("this week"), a
rolling period ("over the next three years"), a range ("between March and
May", "from 2024 to 2026") or an open interval ("since 2016", "by 2027").
``Mention.date`` is a :class:`~checker.models.DateInterval` with inclusive
ends and a precision (day, week, month, quarter, half, year; ``open`` when an
end is open; ``unknown`` when it could not be resolved). Its ``text`` is the
mention as written.

**Reference.** Relative expressions ("last month", "this week", "in October")
resolve against ``reference``, the source's published date. Without a
reference they are still returned, with an unresolved interval (both ends
null, precision ``unknown``), so a caller sees that a date was stated. A day
or month without a year takes the reading nearest the reference (a July
article's "in October" is October of that year; "last month" is the previous
calendar month); deadlines ("by October") prefer the future and "since"
prefers the past.

**Ranges** include both ends as written: "from 2024 to 2026" ends on
2026-12-31, "between March and May" on May 31 (news usage; Recognizers-Text
stops at the start of the second date).

**Roles** (``Mention.extra["role"]``): ``as_of`` (a point or calendar period:
"as of July 1", "in 2016", "last month"), ``deadline`` (open start: "by
October" ends with October, "before 2018" / "until April 27" end the day
before), ``since`` (open end: "since 2016", "starting January 7", "after
2016" starts the next day) and ``period`` (a span something covers: "over the
next three years", "between 2024 and 2026", "in the coming year").
``extra["mod"]`` keeps the modifier word ("by", "since", "before", ...),
``extra["anchor"]`` the anchor's own precision for open intervals, and
``extra["to_start"]`` (ranges) the ISO first day of the second date, for
readers that end "from March to May" at the start of May.

Never dates: amounts ("$53", "380 billion"), bare numbers other than
four-digit years 1900-2100 in date context ("in 2016", "from 2014 to 2018"),
the modal verb "may" or the verb "march".

>>> ref = dt.date(2025, 7, 2)
>>> [(m.kind, m.text, m.date.show(), m.extra["role"]) for m in extract("It opened on July 1, 2025 and plans more by 2027.", ref)]
[('date', 'July 1, 2025', '2025-07-01', 'as_of'), ('daterange', 'by 2027', '..2027-12-31', 'deadline')]
>>> [(m.text, m.date.show()) for m in extract("Sales rose in October and last month, not $53 or 380 billion.", ref)]
[('October', '2025-10-01..2025-10-31'), ('last month', '2025-06-01..2025-06-30')]
>>> [(m.text, m.date.show(), m.date.precision) for m in extract("the first half of 2026, Q3 2025 and over the next three years", ref)]
[('the first half of 2026', '2026-01-01..2026-06-30', 'half'), ('Q3 2025', '2025-07-01..2025-09-30', 'quarter'), ('the next three years', '2025-07-03..2028-07-02', 'year')]
>>> extract("this week")[0].date.precision  # no reference: unresolved
'unknown'
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from checker.normalise.units import same_length_lower, trie_pattern
from checker.models import DateInterval, Mention
from checker.normalise import dates as nd

MONTH_NUMBERS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}
WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
ORDINAL_DAYS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}
for _i, _w in enumerate(("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"), 1):
    ORDINAL_DAYS[f"twenty-{_w}"] = ORDINAL_DAYS[f"twenty {_w}"] = 20 + _i
ORDINAL_DAYS["thirty-first"] = ORDINAL_DAYS["thirty first"] = 31
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "couple": 2, "a couple of": 2,
    "couple of": 2, "a couple": 2,
}
ORDINALS_1_4 = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4, "last": 4, "latter": 2, "back": 2, "front": 1}
HOLIDAYS = {"christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25), "new year's eve": (12, 31), "new years eve": (12, 31),
            "new year's day": (1, 1), "new years day": (1, 1), "halloween": (10, 31), "independence day": (7, 4), "valentine's day": (2, 14)}

# -- the candidate scan ------------------------------------------------------
MON = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)(?:\.(?!\d))?)(?![a-z])"
YEAR = r"(?:19|20)\d\d(?!\d|,\d)"
DAYN = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:%]|\.\d|[a-z])"
DAYW = r"(?:(?:twenty|thirty)[-\s])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth"
DAY = rf"(?:{DAYN}|{DAYW})(?![a-z])"
WDFULL = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?(?![a-z])"
NUM = r"(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|(?:a\s+)?couple(?:\s+of)?)"
UNIT = r"(?:days?|weeks?|fortnights?|months?|quarters?|years?|decades?)(?![a-z])"
YEARREF = r"(?:(?:this|next|last|the\s+current|the\s+previous|the\s+following|the\s+coming|the\s+past)\s+year|the\s+year)"
SEP_Y = rf"(?:\s*,\s*|\s+|\s+(?:of|in)\s+)"

PREFIX = (
    r"(?:(?P<pre>as\s+of|since|starting(?:\s+(?:on|in|from))?|beginning(?:\s+(?:on|in|from))?|as\s+early\s+as|from|between|"
    r"before|prior\s+to|earlier\s+than|after|later\s+than|greater\s+than|up\s+until|until|till|as\s+late\s+as|no\s+later\s+than|"
    r"by|in|on|during|throughout|over|of|for|at|around|within)\s+)?"
    r"(?:(?P<edge>(?:the\s+)?(?:end|start|beginning|middle|close)\s+of|early|late|mid)[\s-]+)?"
)

ALTERNATIVES: list[tuple[str, str]] = [
    ("holiday", rf"(?:christmas(?:\s+(?:eve|day))?|new\s+year'?s\s+(?:day|eve)|halloween|independence\s+day|valentine'?s\s+day)(?:\s+(?:of\s+)?(?P<holiday_y>{YEAR}))?"),
    ("ordwk", rf"(?:the\s+)?(?P<ordwk_o>first|second|third|fourth|last|1st|2nd|3rd|4th)\s+week\s+of\s+(?:(?P<ordwk_m>{MON})(?:\s*,?\s*(?P<ordwk_my>{YEAR}))?|(?P<ordwk_y>{YEAR})|(?P<ordwk_r>this|next|last)\s+(?P<ordwk_u>month|year))"),
    ("wk", rf"(?:the\s+)?week\s+(?P<wk_n>[1-9]|[1-4]\d|5[0-3])(?!\d)(?:\s+of\s+(?:(?P<wk_y>{YEAR})|(?P<wk_r>this|next|last)\s+year))?"),
    ("rngmd", rf"(?P<rngmd_m>{MON})\s*(?P<rngmd_a>{DAYN})\s*(?:-|–|to|through|thru|till|until)\s*(?:the\s+)?(?P<rngmd_b>{DAYN})(?:{SEP_Y}(?P<rngmd_y>{YEAR}))?"),
    ("rngdm", rf"(?P<rngdm_a>{DAYN})\s*(?:-|–|to|through|till|until)\s*(?P<rngdm_b>{DAYN})\s+(?:of\s+)?(?P<rngdm_m>{MON})(?:{SEP_Y}(?P<rngdm_y>{YEAR}))?"),
    ("mdy", rf"(?:(?P<mdy_wd>{WD}),?\s+)?(?:the\s+)?(?P<mdy_m>{MON})(?:\s*,\s*(?=\d{{1,2}}(?:st|nd|rd|th))|\s*/\s*(?=\d)|\s*)(?:the\s+)?(?P<mdy_d>{DAY})(?:{SEP_Y}(?P<mdy_y>{YEAR}))?"),
    ("dmy", rf"(?:(?P<dmy_wd>{WD}),?\s+)?(?:the\s+)?(?:(?P<dmy_d>{DAYN})\s+(?:of\s+)?|(?P<dmy_w>{DAYW})\s+of\s+)(?P<dmy_m>{MON})(?:{SEP_Y}(?P<dmy_y>{YEAR}))?"),
    ("iso", rf"(?<![\d.-])(?P<iso_y>{YEAR})(?P<iso_s>[-/.])(?P<iso_m>1[0-2]|0?[1-9])(?P=iso_s)(?P<iso_d>3[01]|[12]\d|0?[1-9])(?![\d.]|-\d)"),
    ("ymd8", r"(?<![\d.,-])(?P<ymd8_v>(?:19|20)\d{6})(?!\d|[.,]\d)"),
    ("num", rf"(?<![\d./,])(?:(?P<num_wd>{WD}),?\s+)?(?P<num_a>\d{{1,2}})(?P<num_s>[/-])(?P<num_b>\d{{1,2}})(?P=num_s)(?P<num_y>(?:19|20)\d\d|\d\d)(?![\d/]|\.\d)"),
    ("compact", rf"(?:\d{{1,4}}|{MON})[-/](?:\d{{1,4}}|{MON})[-/](?:\d{{1,4}}|{MON})(?![\d/-])"),
    ("md", rf"(?<![\d./,$])(?:(?P<md_wd>{WD}),?\s+)?(?P<md_a>3[01]|[12]\d|0?[1-9])/(?P<md_b>3[01]|[12]\d|0?[1-9])(?![\d/]|\.\d)"),
    ("my", rf"(?:(?P<my_r>this|next|last)\s+)?(?P<my_m>{MON})(?:\s*[,/-]\s*|\s+(?:(?:of|in)\s+)?)(?P<my_y>{YEAR})"),
    ("relmonth", rf"(?P<relmonth_r>this|next|last|this\s+coming|this\s+past|coming|past)\s+(?P<relmonth_m>{MON})(?!\s*\d)"),
    ("ym", rf"(?<![\d./-])(?P<ym_y>{YEAR})(?:-(?P<ym_n>1[0-2]|0?[1-9])(?![\d-])|\s+(?P<ym_m>{MON}))"),
    ("nmy", rf"(?<![\d./-])(?P<nmy_m>1[0-2]|0?[1-9])-(?P<nmy_y>{YEAR})(?!-)"),
    ("q", rf"(?:(?P<q_y1>{YEAR})[\s-]?)?(?:Q(?P<q_n>[1-4])|(?P<q_n2>[1-4])Q)(?![\w])(?:(?:\s*,\s*|\s+|-|\s+of\s+)(?:'|FY)?(?P<q_y>{YEAR}|\d\d(?!\d)))?"),
    ("h", rf"(?:(?P<h_y1>{YEAR})[\s-]?)?H(?P<h_n>[12])(?![\w])(?:(?:\s*,\s*|\s+|-|\s+of\s+)'?(?P<h_y>{YEAR}|\d\d(?!\d)))?"),
    ("ordq", rf"(?:the\s+)?(?P<ordq_o>first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+(?P<ordq_f>fiscal\s+)?quarter(?:\s+(?:of|in)\s+(?:(?P<ordq_y>{YEAR})|(?P<ordq_r>{YEARREF})))?(?:\s+(?P<ordq_y2>{YEAR}))?"),
    ("ordh", rf"(?:the\s+)?(?P<ordh_o>first|second|1st|2nd|latter|back|front)[\s-]+half(?:\s+(?:of|in)\s+(?:(?P<ordh_y>{YEAR})|(?P<ordh_r>{YEARREF})))?(?:\s+(?P<ordh_y2>{YEAR}))?"),
    ("roll", rf"(?:the\s+)?(?P<roll_w>next|last|past|previous|coming|following|upcoming|first)\s+(?P<roll_n>{NUM})\s+(?P<roll_u>{UNIT})"),
    ("ago", rf"(?P<ago_n>{NUM})\s+(?P<ago_u>{UNIT})(?:\s+and\s+{NUM}\s+{UNIT})*\s+(?P<ago_w>ago|later|from\s+(?:now|today)|after\s+today|before\s+today|hence)"),
    ("inn", rf"(?P<inn_w>in|within)\s+(?:the\s+next\s+)?(?P<inn_n>{NUM})\s+(?P<inn_u>{UNIT})(?!\s+(?:ago|later|earlier|from|after|before))"),
    ("wdday", rf"(?P<wdday_wd>{WD}),?\s+(?:the\s+)?(?P<wdday_d>{DAY})(?!\s*(?:[/.-]\s*\d|of\b))"),
    ("wdrel", rf"(?:(?P<wdrel_r>this\s+past|this\s+coming|this\s+upcoming|this|next|last|past|previous|coming|following|upcoming)\s+)?(?P<wdrel_d>{WDFULL})(?:\s+(?:of\s+)?(?:the\s+)?(?P<wdrel_w>this|next|last|following|previous)\s+week)?(?!\s*,?\s*(?:the\s+)?\d)"),
    ("wkwd", rf"(?P<wkwd_r>this|next|last|previous|the\s+following)\s+week(?:\s*[-,]\s*|\s+(?:on\s+)?)(?P<wkwd_d>{WDFULL})"),
    ("edger", rf"(?P<edger_e>earlier|later)\s+(?:this|in\s+the)\s+(?P<edger_u>week|month|year)"),
    ("rel", rf"(?:the\s+)?(?P<rel_w>this|next|last|past|previous|coming|following|current|upcoming)\s+(?:calendar\s+)?(?P<rel_u>week|month|year|quarter|decade|fortnight)(?![\w-])"),
    ("now", r"now(?![\w-])"),
    ("theday", rf"the\s+(?P<theday_d>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)|{DAYW})(?![\w-])(?=\s*(?:[.,;:!?)]|$|of\s+(?:this|next|last)\s+month))"),
    ("today", r"today|tomorrow|yesterday|tmrw|(?:the\s+)?day\s+(?:after\s+tomorrow|before\s+yesterday)"),
    ("decade", r"(?:the\s+)?(?P<decade_y>(?:19|20)\d0)'?s(?![\w])"),
    ("ytd", r"(?:the\s+)?year[-\s]to[-\s]date|so\s+far\s+this\s+year"),
    ("calyear", rf"(?:the\s+)?(?:calendar\s+)?year\s+(?P<calyear_y>{YEAR})"),
    ("bare_unit", r"(?:the\s+)?(?P<bare_unit_u>year|month|week|quarter)(?![\w-])"),
    ("year", rf"(?<![\d$€£¥#.,/])(?P<year_y>{YEAR})(?![\d%]|-(?!(?:19|20)\d\d(?!\d))|\.\d|/\d)"),
    ("month", rf"(?P<month_m>{MON})"),
]
_ATOMS = "|".join(f"(?P<{name}>{pattern})" for name, pattern in ALTERNATIVES)
SCAN = re.compile(rf"(?<![\w$€£¥#@])(?:{PREFIX})(?:{_ATOMS})", re.I)
#: The same alternatives for a start on a digit (no prefix can match there): a shorter pattern, tried far more often.
_DIGIT_ATOMS = "|".join(f"(?P<{name}>{pattern})" for name, pattern in ALTERNATIVES if name in {
    "rngdm", "iso", "ymd8", "num", "md", "compact", "dmy", "ym", "nmy", "q", "h", "ago", "roll", "decade", "year", "calyear"})
SCAN_DIGIT = re.compile(rf"(?<![\w$€£¥#@])(?P<pre>(?!))?(?P<edge>(?!))?(?:{_DIGIT_ATOMS})", re.I)
#: Every date contains a digit or one of these words; the full pattern is only tried next to them (speed).
TRIGGER_WORDS = frozenset(
    "jan january feb february mar march apr april may jun june jul july aug august sep sept september oct october nov november "
    "dec december mon monday tue tues tuesday wed wednesday thu thur thurs thursday fri friday sat saturday sun sunday today "
    "tomorrow yesterday tmrw now week weeks weekend month months year years quarter quarters half decade decades fortnight "
    "fortnights day days christmas halloween new independence valentine valentine's valentines".split()
)
#: Words that may start a date before its trigger word ("as early as the end of", "the next three", "twenty-first of").
LEAD_WORDS = frozenset(
    "as of since starting beginning early from between before prior to earlier than after later greater up until till late no "
    "by in on during throughout over for at around within the end start middle close mid this next last past previous coming "
    "following current upcoming calendar first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth twenty thirty final latter "
    "back front a an one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen forty fifty couple so far year month week same".split()
)
_TRIGGER_CACHE: dict[frozenset[str], re.Pattern] = {}


def trigger_positions(lower: str, words: frozenset[str], digits: bool) -> list[int]:
    """Start offsets of trigger words (and words with digits) in ``lower`` (the text in lower case).

    >>> trigger_positions("sales in may 2025, not money; q3.", frozenset({"may", "monday"}), True)
    [9, 13, 30]
    """
    rx = _TRIGGER_CACHE.get(words)
    if rx is None:
        rx = _TRIGGER_CACHE[words] = re.compile(rf"\b(?:{trie_pattern(words)}(?:'s)?(?![\w'])|([a-z]*\d))")
    return [m.start() for m in rx.finditer(lower) if digits or m.group(1) is None]


def lead_starts(text: str, lower: str, pos: int, lead: frozenset[str], limit: int = 7) -> list[int]:
    """Offsets of up to ``limit`` lead words right before ``pos`` (earliest first), then ``pos`` itself.

    >>> t = "plans as early as the end of 2025"
    >>> lead_starts(t, t.lower(), 29, frozenset({"as", "early", "the", "end", "of"}))
    [6, 9, 15, 18, 22, 26, 29]
    """
    starts = [pos]
    s = pos
    for _ in range(limit):
        j = s - 1
        while j >= 0 and lower[j] in " \t\n-":
            j -= 1
        k = j
        while k >= 0 and (lower[k].isalpha() or lower[k] == "'"):
            k -= 1
        word = lower[k + 1 : j + 1]
        if j < 0 or not word or word.removesuffix("'s") not in lead:
            break
        s = k + 1
        starts.append(s)
    return starts[::-1]


def _scan(text: str) -> list[re.Match]:
    """Candidate matches: the full pattern tried only at lead words right before a trigger."""
    lower = same_length_lower(text)  # offsets in lower index text
    found: list[re.Match] = []
    last = 0
    for pos in trigger_positions(lower, TRIGGER_WORDS, True):
        if pos < last:
            continue
        for start in lead_starts(text, lower, pos, LEAD_WORDS):
            if start < last:
                continue
            m = (SCAN_DIGIT if text[start].isdigit() else SCAN).match(text, start)
            if m is not None and m.end() > pos:
                found.append(m)
                last = m.end()
                break
    return found


_GAP_RANGE = re.compile(r"\s*(?:-|–|—|~|to|through|thru|till|until)\s*(?:the\s+)?", re.I)
_GAP_AND = re.compile(r"\s*(?:and|&)\s*(?:the\s+)?", re.I)
_GAP_LIST = re.compile(r"\s*(?:,|and|or|,\s*and|,\s*or|&|to|-|–|through|till|until)\s*", re.I)
_AMOUNT_AFTER = re.compile(r"\s*(?:%|percent|per\s*cent|[a-z]+s\b(?<!years)(?<!months)(?<!weeks))", re.I)
_STRONG_YEAR_PRE = {"as of", "since", "from", "between", "before", "prior to", "earlier than", "after", "later than", "greater than",
                    "until", "up until", "till", "as late as", "no later than", "by", "in", "during", "throughout", "starting", "beginning", "as early as"}
_IDIOMS = {"24/7", "9/11", "50/50", "1/2", "1/3", "2/3", "1/4", "3/4"}

_MODS: dict[str, tuple[str, str]] = {
    # prefix -> (role, mod)
    "since": ("since", "since"), "starting": ("since", "since"), "beginning": ("since", "since"), "as early as": ("since", "since"),
    "after": ("since", "after"), "later than": ("since", "after"), "greater than": ("since", "after"),
    "before": ("deadline", "before"), "prior to": ("deadline", "before"), "earlier than": ("deadline", "before"),
    "until": ("deadline", "until"), "up until": ("deadline", "until"), "till": ("deadline", "until"), "as late as": ("deadline", "until"),
    "by": ("deadline", "by"), "no later than": ("deadline", "by"),
}
_NEUTRAL_DROP = {"in", "on", "during", "of", "for", "at", "around", "throughout", "over", "from", "between", "within"}


@dataclass
class Piece:
    """A date as understood before resolution: fields from the text, or a resolved pair."""

    kind: str  # day, month, year, quarter, half, pair, wdday
    y: int | None = None
    m: int | None = None
    d: int | None = None
    n: int | None = None  # quarter or half number, weekday for wdday
    pair: nd.Pair | None = None
    precision: str = "day"
    relative: bool = False  # needs the reference
    weak: bool = False  # a bare year or month that needs date context
    role: str = "as_of"
    extra: dict = field(default_factory=dict)

    def make(self) -> Callable[[int], nd.Pair | None]:
        """Interval builder for a given year."""
        if self.kind == "day":
            return lambda y: (lambda d: None if d is None else (d, d))(nd.valid_day(y, self.m or 0, self.d or 0))
        if self.kind == "month":
            return lambda y: nd.month(y, self.m or 1)
        if self.kind == "quarter":
            return lambda y: nd.quarter(y, self.n or 1)
        if self.kind == "half":
            return lambda y: nd.half(y, self.n or 1)
        return nd.year

    def resolve(self, reference: dt.date | None, prefer: str | None = None) -> nd.Pair | None:
        """The inclusive pair, or None when it needs a reference that is missing (or does not exist)."""
        if self.kind == "pair":
            return self.pair
        if self.kind == "wdday":
            if reference is None:
                return None
            return _weekday_day(reference, self.n or 0, self.d or 1)
        if self.y is not None:
            try:
                return self.make()(self.y)
            except ValueError:
                return None
        if reference is None:
            return None
        return nd.nearest(reference, self.make(), prefer)


def _day_of_month_near(reference: dt.date, day_number: int) -> nd.Pair | None:
    """The date with this day number nearest the reference ("on the 18th")."""
    best = None
    for k in (-1, 0, 1):
        first = nd.add_months(reference.replace(day=1), k)
        d = nd.valid_day(first.year, first.month, day_number)
        if d is not None and (best is None or abs((d - reference).days) < abs((best - reference).days)):
            best = d
    return None if best is None else (best, best)


def _weekday_day(reference: dt.date, weekday: int, day_number: int) -> nd.Pair | None:
    """The date nearest the reference with this day number falling on this weekday ("Monday 21")."""
    best = None
    for k in range(-14, 15):
        first = nd.add_months(reference.replace(day=1), k)
        d = nd.valid_day(first.year, first.month, day_number)
        if d is not None and d.weekday() == weekday:
            if best is None or abs((d - reference).days) < abs((best - reference).days):
                best = d
    return None if best is None else (best, best)


def _month(word: str) -> int:
    return MONTH_NUMBERS[word[:3].lower()]


def _number(word: str) -> int | None:
    w = re.sub(r"\s+", " ", word.lower())
    return int(w) if w.isdigit() else NUMBER_WORDS.get(w)


def _day(word: str) -> int:
    w = re.sub(r"\s+", " ", word.lower())
    if w in ORDINAL_DAYS:
        return ORDINAL_DAYS[w]
    return int(re.match(r"\d+", w).group(0))  # type: ignore[union-attr]


def _unit(word: str) -> str:
    w = word.lower()
    return w[:-1] if w.endswith("s") else w


def _two_digit_year(text: str) -> int:
    n = int(text)
    return n if n > 99 else (2000 + n if n < 30 else 1900 + n)


def _year_ref(phrase: str | None, reference: dt.date | None) -> int | None | bool:
    """Year of "this year" / "next year" / "the year"; False when it needs a missing reference."""
    if phrase is None:
        return None
    if reference is None:
        return False
    p = phrase.lower()
    return reference.year + (1 if "next" in p or "following" in p or "coming" in p else -1 if "last" in p or "previous" in p or "past" in p else 0)


@lru_cache(maxsize=4096)
def _dateparser_day(span: str, reference: dt.date | None) -> dt.date | None:
    """dateparser on one candidate span (never a whole text); cached per (span, reference)."""
    import dateparser  # imported lazily: it is slow to import and rarely needed

    settings = {"PREFER_DATES_FROM": "current_period", "REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False}
    if reference is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(reference, dt.time())
    try:
        parsed = dateparser.parse(span, languages=["en"], settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input; a failed parse is just no date
        return None
    return parsed.date() if parsed is not None else None


def _piece(m: re.Match, text: str, reference: dt.date | None) -> Piece | None:
    """Interpret one candidate match; None when it is not a date after all."""
    alt = m.lastgroup
    g = m.group
    ref = reference
    if alt == "holiday":
        name = re.sub(r"\s+", " ", g("holiday").lower())
        name = re.sub(r"\s+(?:of\s+)?(?:19|20)\d\d$", "", name)
        mo, d = HOLIDAYS.get(name.replace("valentines", "valentine's"), HOLIDAYS.get(name, (12, 25)))
        return Piece("day", y=int(g("holiday_y")) if g("holiday_y") else None, m=mo, d=d)
    if alt == "ordwk":
        o = g("ordwk_o").lower()
        if g("ordwk_m") or g("ordwk_u") == "month" or (g("ordwk_u") or "").lower() == "month":
            if g("ordwk_m"):
                base = Piece("month", y=int(g("ordwk_my")) if g("ordwk_my") else None, m=_month(g("ordwk_m")))
                mp = base.resolve(ref)
            else:
                if ref is None:
                    return Piece("pair", precision="week", relative=True)
                mp = nd.relative_unit(ref, "month", {"this": 0, "next": 1, "last": -1}[g("ordwk_r").lower()])
            if mp is None:
                return Piece("pair", precision="week", relative=True)
            if o in ("last",):
                return Piece("pair", pair=nd.week(mp[1]), precision="week")  # type: ignore[arg-type]
            start = nd.week(mp[0])[0] + 7 * (ORDINALS_1_4[o] - 1) * nd.DAY  # type: ignore[arg-type,operator]
            return Piece("pair", pair=(start, start + 6 * nd.DAY), precision="week")
        y = int(g("ordwk_y")) if g("ordwk_y") else _year_ref(f"{g('ordwk_r')} year", ref)
        if y is False or y is None:
            return Piece("pair", precision="week", relative=True)
        if o == "last":
            return Piece("pair", pair=nd.iso_week(y, dt.date(y, 12, 28).isocalendar()[1]), precision="week")
        return Piece("pair", pair=nd.iso_week(y, ORDINALS_1_4[o]), precision="week")
    if alt == "wk":
        y = int(g("wk_y")) if g("wk_y") else _year_ref(f"{g('wk_r')} year" if g("wk_r") else "this year", ref)
        if y is False or y is None:
            return Piece("pair", precision="week", relative=True)
        return Piece("pair", pair=nd.iso_week(y, int(g("wk_n"))), precision="week")
    if alt in ("rngmd", "rngdm"):
        mo = _month(g(f"{alt}_m"))
        if not _month_ok(g(f"{alt}_m"), m, text, has_day=True):
            return None
        a, b = _day(g(f"{alt}_a")), _day(g(f"{alt}_b"))
        if b < a:
            return None
        y = int(g(f"{alt}_y")) if g(f"{alt}_y") else None

        def make(yy: int) -> nd.Pair | None:
            s, e = nd.valid_day(yy, mo, a), nd.valid_day(yy, mo, b)
            return None if s is None or e is None else (s, e)
        if y is not None:
            return Piece("pair", pair=make(y), precision="day", role="period")
        if ref is None:
            return Piece("pair", precision="day", relative=True, role="period")
        return Piece("pair", pair=nd.nearest(ref, make), precision="day", role="period")
    if alt == "compact":
        span = g("compact")
        if not re.search(r"[a-z]", span, re.I) or not re.search(r"(?:19|20)\d\d", span):
            return None
        d = _dateparser_day(span, ref)
        return None if d is None else Piece("day", y=d.year, m=d.month, d=d.day)
    if alt in ("mdy", "dmy"):
        mword = g(f"{alt}_m")
        if alt == "dmy" and re.search(r"[$€£¥]\s*$", text[max(0, m.start() - 3):m.start()]):
            return None
        has_year = bool(g(f"{alt}_y"))
        if not _month_ok(mword, m, text, has_day=True, has_year=has_year):
            return None
        dword = g(f"{alt}_d") or (g("dmy_w") if alt == "dmy" else None)
        if dword is None:
            return None
        piece = Piece("day", y=int(g(f"{alt}_y")) if has_year else None, m=_month(mword), d=_day(dword))
        if piece.d is None or piece.d > 31:
            return None
        return piece
    if alt == "iso":
        return Piece("day", y=int(g("iso_y")), m=int(g("iso_m")), d=int(g("iso_d")))
    if alt == "ymd8":
        s = g("ymd8_v")
        return Piece("day", y=int(s[:4]), m=int(s[4:6]), d=int(s[6:])) if nd.valid_day(int(s[:4]), int(s[4:6]), int(s[6:])) else None
    if alt == "num":
        a, b, y = int(g("num_a")), int(g("num_b")), _two_digit_year(g("num_y"))
        mo, d = (a, b) if a <= 12 else (b, a)
        return Piece("day", y=y, m=mo, d=d) if nd.valid_day(y, mo, d) else None
    if alt == "md":
        core = f"{g('md_a')}/{g('md_b')}"
        if core in _IDIOMS and not g("md_wd"):
            return None
        if re.match(r"\s*(?:of\b|th\b|%|cup|inch|mile)", text[m.end():], re.I) or re.search(r"\d\s+$", text[max(0, m.start() - 3):m.start()]):
            return None
        a, b = int(g("md_a")), int(g("md_b"))
        if a > 12:
            a, b = b, a  # "22/04": day first
        if a > 12:
            return None
        return Piece("day", m=a, d=b)
    if alt == "my":
        if not _month_ok(g("my_m"), m, text, has_year=True):
            return None
        return Piece("month", y=int(g("my_y")), m=_month(g("my_m")))
    if alt == "relmonth":
        if g("relmonth_m").lower().startswith(("may", "mar")) and not g("relmonth_m")[0].isupper():
            return None  # "this may be": the verb
        mo = _month(g("relmonth_m"))
        if ref is None:
            return Piece("month", m=mo, precision="month", relative=True)
        r = re.sub(r"\s+", " ", g("relmonth_r").lower())
        if r == "this":
            return Piece("month", y=ref.year, m=mo, precision="month")
        if r in ("next", "coming", "this coming"):
            return Piece("pair", pair=nd.nearest(ref, lambda y: nd.month(y, mo), "future") if r != "next" else nd.month(ref.year + 1, mo), precision="month")
        return Piece("pair", pair=nd.nearest(ref, lambda y: nd.month(y, mo), "past") if r != "last" else nd.month(ref.year - 1, mo), precision="month")
    if alt == "theday":
        if (m.group("pre") or "").lower() not in ("on", "by", "until", "till", "since", "before", "after", "from", "starting"):
            return None
        d = _day(g("theday_d"))
        if ref is None:
            return Piece("pair", relative=True)
        return Piece("pair", pair=_day_of_month_near(ref, d))
    if alt == "now":
        if ref is None:
            return Piece("pair", relative=True, extra={"only_range": True})
        return Piece("pair", pair=(ref, ref), extra={"only_range": True})
    if alt == "ym":
        if g("ym_m"):
            if g("ym_m").lower().startswith(("may", "mar")) and not g("ym_m")[0].isupper():
                return None
            return Piece("month", y=int(g("ym_y")), m=_month(g("ym_m")))
        return Piece("month", y=int(g("ym_y")), m=int(g("ym_n")))
    if alt == "nmy":
        return Piece("month", y=int(g("nmy_y")), m=int(g("nmy_m")))
    if alt in ("q", "h"):
        yt = g(f"{alt}_y") or g(f"{alt}_y1")
        n = int(g(f"{alt}_n") or g("q_n2") if alt == "q" else g("h_n"))
        return Piece("quarter" if alt == "q" else "half", y=_two_digit_year(yt) if yt else None, n=n,
                     precision="quarter" if alt == "q" else "half", relative=not yt)
    if alt in ("ordq", "ordh"):
        if alt == "ordq" and g("ordq_f"):
            return None  # fiscal quarters follow each company's own calendar
        before = text[max(0, m.start() - 12):m.start()].lower()
        if "fiscal" in before:
            return None
        o = g(f"{alt}_o").lower()
        n = ORDINALS_1_4[o]
        if alt == "ordh":
            n = 1 if n == 1 else 2
        yt = g(f"{alt}_y") or g(f"{alt}_y2")
        y = int(yt) if yt else _year_ref(g(f"{alt}_r"), ref)
        if y is False:
            return Piece("pair", precision="quarter" if alt == "ordq" else "half", relative=True)
        return Piece("quarter" if alt == "ordq" else "half", y=y, n=n, precision="quarter" if alt == "ordq" else "half", relative=y is None)
    if alt == "roll":
        n = _number(g("roll_n"))
        unit = _unit(g("roll_u"))
        w = g("roll_w").lower()
        if n is None or n == 0 or w == "first":
            return None
        if ref is None:
            return Piece("pair", precision=_unit_precision(unit), relative=True, role="period")
        return Piece("pair", pair=nd.rolling(ref, n, unit, w in ("next", "coming", "following", "upcoming")),
                     precision=_unit_precision(unit), role="period")
    if alt == "ago":
        n = _number(g("ago_n"))
        if n is None:
            return None
        if ref is None:
            return Piece("pair", relative=True)
        if " and " in g("ago").lower():
            d = _dateparser_day(g("ago"), ref)
            return None if d is None else Piece("pair", pair=(d, d))
        sign = -1 if g("ago_w").lower() in ("ago", "before today") else 1
        d = nd.shift(ref, sign * n, _unit(g("ago_u")))
        return Piece("pair", pair=(d, d))
    if alt == "inn":
        n = _number(g("inn_n"))
        unit = _unit(g("inn_u"))
        if n is None:
            return None
        if g("inn_w").lower() == "within":
            if ref is None:
                return Piece("pair", precision=_unit_precision(unit), relative=True, role="period")
            return Piece("pair", pair=(ref, nd.shift(ref, n, unit)), precision=_unit_precision(unit), role="period")
        if ref is None:
            return Piece("pair", relative=True)
        d = nd.shift(ref, n, unit)
        return Piece("pair", pair=(d, d))
    if alt == "wdrel":
        if ref is None:
            return Piece("pair", relative=True)
        wd = WEEKDAYS[g("wdrel_d")[:3].lower()]
        r = re.sub(r"\s+", " ", (g("wdrel_r") or "").lower())
        week_word = (g("wdrel_w") or "").lower()
        if week_word:
            monday = nd.week(ref)[0] + 7 * {"this": 0, "next": 1, "following": 1, "last": -1, "previous": -1}[week_word] * nd.DAY  # type: ignore[operator]
            d = monday + wd * nd.DAY
        else:
            mode = {"": "recent", "this": "this", "next": "next", "following": "next", "last": "last", "previous": "last",
                    "past": "past", "this past": "past", "coming": "coming", "upcoming": "coming", "this coming": "coming",
                    "this upcoming": "coming"}[r]
            d = nd.weekday_near(ref, wd, mode)
        return Piece("pair", pair=(d, d))
    if alt == "wkwd":
        if ref is None:
            return Piece("pair", relative=True)
        r = re.sub(r"\s+", " ", g("wkwd_r").lower())
        monday = nd.week(ref)[0] + 7 * {"this": 0, "next": 1, "the following": 1, "last": -1, "previous": -1}[r] * nd.DAY  # type: ignore[operator]
        d = monday + WEEKDAYS[g("wkwd_d")[:3].lower()] * nd.DAY
        return Piece("pair", pair=(d, d))
    if alt == "wdday":
        dword = g("wdday_d")
        if dword[0].isdigit() and not re.search(r"(?:st|nd|rd|th)$", dword, re.I):
            # "on Monday, 20 people" is a count, "Monday 21." a date
            if "," in g("wdday") or not re.match(r"\s*(?:[.;:!?)]|$)", text[m.end():]):
                return None
        return Piece("wdday", n=WEEKDAYS[g("wdday_wd")[:3].lower()], d=_day(g("wdday_d")), relative=True)
    if alt == "edger":
        if ref is None:
            return Piece("pair", precision=_unit_precision(g("edger_u").lower()), relative=True)
        unit = g("edger_u").lower()
        s, e = nd.unit_period(ref, unit)
        assert s is not None and e is not None
        if g("edger_e").lower() == "later":
            if unit == "week":
                start = max(ref, s + 3 * nd.DAY)
            elif unit == "year":
                start = max(nd.add_months(nd.unit_period(ref, "month")[0], 1), dt.date(ref.year, 7, 1))  # type: ignore[arg-type,type-var]
            else:
                start = ref
            return Piece("pair", pair=(start, e), precision=unit)
        if unit == "month":
            # news: "opened earlier this month" is any day from the 1st up to publication
            # (Recognizers-Text reads it as the first half of the month)
            return Piece("pair", pair=(s, max(s, ref)), precision=unit)
        return Piece("pair", pair=(s, max(s, ref - nd.DAY) if unit == "week" else ref), precision=unit)
    if alt == "ytd":
        if ref is None:
            return Piece("pair", precision="year", relative=True, role="period")
        return Piece("pair", pair=(dt.date(ref.year, 1, 1), ref), precision="year", role="period")
    if alt == "rel":
        unit = g("rel_u").lower()
        w = g("rel_w").lower()
        the = g("rel").lower().startswith("the ")
        if ref is None:
            return Piece("pair", precision=_unit_precision(unit), relative=True)
        if the and w in ("past", "last") and unit in ("year", "month", "week", "decade", "fortnight"):
            return Piece("pair", pair=nd.rolling(ref, 1, unit, False), precision=_unit_precision(unit), role="period")
        if w == "coming" and unit == "year":
            return Piece("pair", pair=nd.rolling(ref, 1, "year", True), precision="year", role="period")
        offset = {"this": 0, "current": 0, "next": 1, "coming": 1, "following": 1, "upcoming": 1, "last": -1, "past": -1, "previous": -1}[w]
        if unit == "decade":
            s = dt.date(ref.year - ref.year % 10 + 10 * offset, 1, 1)
            return Piece("pair", pair=nd.decade(s.year), precision="year")
        if unit == "fortnight":
            base = nd.week(ref)[0] + 14 * offset * nd.DAY  # type: ignore[operator]
            return Piece("pair", pair=(base, base + 13 * nd.DAY), precision="week")
        return Piece("pair", pair=nd.relative_unit(ref, unit, offset), precision=unit)
    if alt == "today":
        if ref is None:
            return Piece("pair", relative=True)
        w = re.sub(r"\s+", " ", g("today").lower())
        off = 2 if "after tomorrow" in w else -2 if "before yesterday" in w else 1 if w in ("tomorrow", "tmrw") else -1 if w == "yesterday" else 0
        d = ref + off * nd.DAY
        return Piece("pair", pair=(d, d))
    if alt == "decade":
        return Piece("pair", pair=nd.decade(int(g("decade_y"))), precision="year")
    if alt == "bare_unit":
        after = text[m.end():m.end() + 30]
        pre = (m.group("pre") or "").lower()
        if not m.group("edge") and not (pre in ("in", "for", "of", "during", "throughout") and g("bare_unit").lower().startswith("the")):
            return None
        if re.match(r"\s*(?:before|after|when|that|which|in\s+which|ended|ending|earlier|later|ago|prior|of\s+(?:19|20)\d\d|(?:19|20)\d\d|'s|-)", after, re.I):
            return None
        unit = g("bare_unit_u").lower()
        if ref is None:
            return Piece("pair", precision=unit, relative=True)
        return Piece("pair", pair=nd.unit_period(ref, unit), precision=unit)
    if alt == "calyear":
        return Piece("year", y=int(g("calyear_y")), precision="year")
    if alt == "year":
        after = text[m.end():m.end() + 20]
        if re.match(r"\s*(?:(?:and|to|-)\s*)?(?:bn|billion|million|mn|m\b|k\b|units|people)", after, re.I):
            return None
        pre = (m.group("pre") or "").lower()
        if text[max(0, m.start() - 1):m.start()] == "-" and not re.search(r"(?<!\d)(?:19|20)\d\d\s*-$", text[max(0, m.start() - 8):m.start()]):
            return None  # "138-2010-2015": a phone number, not years
        weak = not (m.group("edge") or pre)
        if pre in ("of", "for", "around", "at", "over", "within") and _AMOUNT_AFTER.match(after):
            return None
        return Piece("year", y=int(g("year_y")), precision="year", weak=weak)
    if alt == "month":
        word = g("month_m")
        pre = (m.group("pre") or "").lower()
        ok = bool(pre or m.group("edge"))
        if not ok and word.lower().rstrip(".") in ("may", "march", "mar"):
            ok = word[0].isupper() and _mid_sentence(text, m.start())
        if not ok and len(word.rstrip(".")) <= 4 and word.lower().rstrip(".") not in ("june", "july", "may"):
            ok = False  # abbreviations alone ("Dec", "Jan") only after a date word
        elif not ok and word.lower() not in ("may", "march", "mar", "mar."):
            ok = True
        if word.lower().rstrip(".") in ("may", "mar", "march") and pre in ("to", "for", "of") and not word[0].isupper():
            ok = False
        if word.lower().rstrip(".") == "may" and re.match(r"\s+(?:be|have|not|also|well|take|need|want|or|see|say|result|differ|ask)\b", text[m.end():], re.I):
            ok = False
        return Piece("month", m=_month(word), precision="month", relative=True, weak=not ok)
    return None


def _strong(pre: str) -> bool:
    return re.sub(r"\s+", " ", pre).split(" on")[0].split(" in")[0].split(" from")[0] in _STRONG_YEAR_PRE


def _mid_sentence(text: str, start: int) -> bool:
    """True when a word at ``start`` is not the first word of a sentence."""
    before = text[max(0, start - 3):start].rstrip()
    return bool(before) and before[-1] not in ".!?\"'“‘(:;" and not before[-1].isspace()


def _month_ok(word: str, m: re.Match, text: str, has_day: bool = False, has_year: bool = False) -> bool:
    """"May" and "March" with a day or year are months unless lower-case with no date word before them."""
    w = word.lower().rstrip(".")
    if w not in ("may", "mar", "march"):
        return True
    if has_year or word[0].isupper():
        return True
    return bool(m.group("pre") or m.group("edge"))


def _unit_precision(unit: str) -> str:
    return {"day": "day", "week": "week", "fortnight": "week", "month": "month", "quarter": "quarter", "year": "year", "decade": "year"}.get(unit, "day")


@dataclass
class Candidate:
    """A scanned date with its prefix split off, before ranges are joined."""

    start: int  # including a meaningful prefix ("since", "by")
    core: int  # where the date itself starts
    end: int
    pre: str
    edge: str
    piece: Piece


def _combine_years(a: Piece, b: Piece) -> None:
    """A year stated on one end of a range applies to the other ("Nov 18-Dec 19, 2015", "Jan-Feb 2017")."""
    if a.kind in ("day", "month", "quarter", "half") and b.kind in ("day", "month", "quarter", "half"):
        if a.y is None and b.y is not None:
            a.y = b.y - (1 if (a.m or 0) > (b.m or 13) else 0)
            a.relative = False
        elif b.y is None and a.y is not None:
            b.y = a.y + (1 if (b.m or 13) < (a.m or 0) else 0)
            b.relative = False


def _resolve_edge(pair: nd.Pair | None, edge: str) -> nd.Pair | None:
    if pair is None or not edge or pair[0] is None or pair[1] is None:
        return pair
    e = edge.lower()
    which = "early" if e.startswith("early") else "late" if e.startswith("late") else "mid" if "mid" in e else "start" if ("start" in e or "beginning" in e) else "end"
    if pair[0] == pair[1]:
        return pair
    if (pair[1] - pair[0]).days == 6:  # a week: its end is Thursday to Sunday
        return (pair[0] + 3 * nd.DAY, pair[1]) if which in ("end", "late") else (pair[0], pair[0] + 2 * nd.DAY) if which in ("start", "early") else (pair[0] + nd.DAY, pair[0] + 3 * nd.DAY)
    return nd.part(pair, which)


def extract(text: str, reference: dt.date | None = None) -> list[Mention]:
    """Date and date-range mentions in ``text``, resolved against ``reference`` (the published date)."""
    cands: list[Candidate] = []
    for m in _scan(text):
        piece = _piece(m, text, reference)
        if piece is None:
            continue
        pre = re.sub(r"\s+", " ", (m.group("pre") or "").lower())
        edge = m.group("edge") or ""
        core = m.start(m.lastgroup)  # type: ignore[arg-type]
        if edge:
            core = m.start("edge")
        start = m.start() if (pre and pre not in _NEUTRAL_DROP) else (m.start("edge") if edge else core)
        cands.append(Candidate(start, core, m.end(), pre, edge, piece))
    out: list[Mention] = []
    i = 0
    accepted_end = -10
    while i < len(cands):
        a = cands[i]
        b = cands[i + 1] if i + 1 < len(cands) else None
        joined = False
        if b is not None and not b.pre and not a.edge:
            gap = text[a.end:b.core]
            is_range = bool(_GAP_RANGE.fullmatch(gap)) and not (gap.strip() in ("-", "–") and a.piece.kind == "year" and a.pre in ("", "of") and not (a.piece.weak is False))
            if gap.strip() in ("-", "–", "~") and a.piece.kind == "year" and b.piece.kind == "year":
                is_range = (b.piece.y or 0) > (a.piece.y or 0) and not re.match(r"\s*-\s*\d", text[b.end:b.end + 3])
            if a.pre == "between" and _GAP_AND.fullmatch(gap):
                is_range = True
            if is_range and a.piece.kind == "year" and b.piece.kind != "year" and a.piece.weak:
                is_range = False
            if is_range:
                mention = _range_mention(text, a, b, reference)
                if mention is not None:
                    out.append(mention)
                    accepted_end = b.end
                    i += 2
                    joined = True
        if joined:
            continue
        if a.piece.extra.get("only_range"):
            i += 1
            continue
        if a.piece.weak:
            gap = text[accepted_end:a.core] if accepted_end >= 0 else None
            listed = gap is not None and bool(_GAP_LIST.fullmatch(gap))
            if not listed:
                i += 1
                continue
        mention = _single_mention(text, a, reference)
        if mention is not None:
            out.append(mention)
            accepted_end = a.end
        i += 1
    return _month_of_relative_year(text, out)


_RELATIVE_YEAR = re.compile(r"(?:last|next|this|the\s+previous|the\s+following|the\s+coming)\s+year", re.I)


def _month_of_relative_year(text: str, out: list[Mention]) -> list[Mention]:
    """"in April last year": one month of that year, not April of this year and all of last year.

    >>> [(m.text, m.date.show()) for m in extract("pledged in April last year", dt.date(2025, 5, 27))]
    [('April last year', '2024-04-01..2024-04-30')]
    """
    merged: list[Mention] = []
    for m in out:
        prev = merged[-1] if merged else None
        if (prev is not None and prev.date is not None and m.date is not None and prev.date.precision == "month" and m.date.precision == "year"
                and m.date.start is not None and prev.date.start is not None and not re.search(r"\d{4}", prev.text)
                and _RELATIVE_YEAR.fullmatch(m.text) and text[prev.end : m.start] in (" ", ", ")):
            raw = text[prev.start : m.end]
            merged[-1] = prev.model_copy(update={"end": m.end, "text": raw,
                                                 "date": nd.interval(nd.month(m.date.start.year, prev.date.start.month), "month", raw)})
            continue
        merged.append(m)
    return merged


def _prefer(pre: str) -> str | None:
    role = _MODS.get(pre.split(" on")[0].split(" in")[0].split(" from")[0], (None, None))[0]
    return "future" if role == "deadline" else "past" if role == "since" else None


def _single_mention(text: str, c: Candidate, reference: dt.date | None) -> Mention | None:
    piece = c.piece
    pre_key = c.pre.split(" on")[0].split(" in")[0].split(" from")[0] if c.pre not in ("as of",) else c.pre
    pair = piece.resolve(reference, _prefer(c.pre))
    if pair is None and not piece.relative and piece.kind != "pair":
        return None  # a date that does not exist ("Feb 30")
    if pair is None and piece.kind == "pair" and not piece.relative:
        return None
    precision = piece.precision if piece.kind in ("pair", "quarter", "half", "wdday") else {"day": "day", "month": "month", "year": "year"}.get(piece.kind, "day")
    if piece.kind == "wdday":
        precision = "day"
    role, mod = _MODS.get(pre_key, (piece.role, None))
    if c.edge and not (mod in ("by", "before", "until") and re.search(r"end|close", c.edge, re.I)) and not (mod in ("since", "after") and re.search(r"start|beginning", c.edge, re.I)):
        pair = _resolve_edge(pair, c.edge)
    elif c.edge and pair is not None and mod in ("before", "until"):
        pair = (pair[1] + nd.DAY if pair[1] else None, pair[1])  # "before the end of 2025": up to its last day
    elif c.edge and pair is not None and mod == "after":
        pair = (pair[0], pair[0] - nd.DAY if pair[0] else None)  # "after the start of March": from March 1
    if c.pre == "over" and piece.role == "period":
        role = "period"
    extra: dict = {"role": role}
    if mod:
        extra["mod"] = mod
        extra["anchor"] = precision
        if pair is not None:
            if mod in ("since",):
                pair = (pair[0], None)
            elif mod == "after":
                pair = (None if pair[1] is None else pair[1] + nd.DAY, None)
            elif mod in ("before", "until"):
                pair = (None, None if pair[0] is None else pair[0] - nd.DAY)
            elif mod == "by":
                pair = (None, pair[1])
        precision = "open"
    quote = text[c.start:c.end]
    date = nd.interval(pair, precision, quote)
    kind = "date" if date.precision == "day" and date.start is not None and date.start == date.end else "daterange"
    if date.precision == "unknown" and precision == "day" and piece.kind in ("day", "pair", "wdday") and role == "as_of":
        kind = "date"
    return Mention(kind=kind, start=c.start, end=c.end, text=quote, date=date, extra=extra)


def _prefix_start(text: str, c: Candidate) -> int:
    """Where "from"/"between" before a range's first date starts."""
    m = re.search(r"(?:from|between)\s+(?:the\s+)?$", text[max(0, c.core - 20):c.core], re.I)
    return c.core - len(m.group(0)) if m else c.start


def _range_mention(text: str, a: Candidate, b: Candidate, reference: dt.date | None) -> Mention | None:
    _combine_years(a.piece, b.piece)
    pa = a.piece.resolve(reference)
    if pa is not None and b.piece.y is None and b.piece.kind in ("day", "month", "quarter", "half") and pa[0] is not None:
        b.piece.y = pa[0].year + (1 if (b.piece.m or 13) < (a.piece.m or 0) else 0)
    pb = b.piece.resolve(reference)
    start = a.start if a.start < a.core else a.core
    if a.pre in ("from", "between"):
        start = _prefix_start(text, a)
    quote = text[start:b.end]
    precision = a.piece.precision if a.piece.kind in ("pair", "quarter", "half") else {"day": "day", "month": "month", "year": "year"}.get(a.piece.kind, "day")
    if pa is None or pb is None:
        if not (a.piece.relative or b.piece.relative):
            return None
        date = nd.interval(None, precision, quote)
    else:
        if pa[0] is not None and pb[1] is not None and pb[1] < pa[0]:
            return None
        date = nd.interval((pa[0], pb[1]), precision, quote)
    extra = {"role": "period"}
    if pb is not None and pb[0] is not None:
        extra["to_start"] = pb[0].isoformat()  # first day of the second date ("May" in "from March to May")
    return Mention(kind="daterange", start=start, end=b.end, text=quote, date=date, extra=extra)
