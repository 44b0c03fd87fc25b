"""Ordinals: "first", "second", "third", "twenty-first", "3rd", "21st".

An ordinal is a Mention of kind ``ordinal`` whose value is its position;
frames.py attaches it to the counted noun and its place ("its third data
center in Malaysia" -> the count in Malaysia became 3).

>>> [(m.text, m.value.low) for m in extract("its third data center and the 21st site, a twenty-first")]
[('third', 3.0), ('21st', 21.0), ('twenty-first', 21.0)]
"""

from __future__ import annotations

import re

from checker.models import Interval, Mention

ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80,
    "ninetieth": 90, "hundredth": 100, "thousandth": 1000, "millionth": 10**6, "billionth": 10**9,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SIMPLE = "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True))
ORDINAL_RE = re.compile(
    rf"\b(?:(?P<tens>{'|'.join(TENS)})[-\s](?P<unit>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    rf"|(?P<word>{_SIMPLE})"
    rf"|(?P<num>\d{{1,3}}(?:,\d{{3}})*|\d+)(?P<suffix>st|nd|rd|th)(?![a-z]))\b",
    re.I,
)
_SUFFIX_OK = {"1": "st", "2": "nd", "3": "rd"}


def _suffix_matches(num: str, suffix: str) -> bool:
    """'1st', '22nd', '13th' agree; '1th' or '3st' do not."""
    n = int(num.replace(",", ""))
    expected = "th" if 10 <= n % 100 <= 20 else _SUFFIX_OK.get(str(n % 10), "th")
    return suffix.lower() == expected


def extract(text: str, reference: object = None) -> list[Mention]:
    """Ordinal mentions in ``text``; "second" as a unit of time ("30 seconds", "per second") is left out."""
    out = []
    for m in ORDINAL_RE.finditer(text):
        if m.group("tens"):
            value = TENS[m.group("tens").lower()] + ORDINAL_WORDS[m.group("unit").lower()]
        elif m.group("word"):
            word = m.group("word").lower()
            if word == "second" and re.search(r"(?:\d|per|a|every|split|one)\s+$", text[max(0, m.start() - 8) : m.start()], re.I) and not re.match(r"\s+(?:data|cloud|region|centre|center|facility|site|in\b)", text[m.end() :], re.I):
                continue
            value = ORDINAL_WORDS[word]
        else:
            if not _suffix_matches(m.group("num"), m.group("suffix")):
                continue
            value = int(m.group("num").replace(",", ""))
        out.append(Mention(kind="ordinal", start=m.start(), end=m.end(), text=m.group(0), value=Interval(low=value, high=value, text=m.group(0))))
    return out
