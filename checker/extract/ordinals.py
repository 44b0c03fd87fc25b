"""Ordinals: "first", "second", "third", "twenty-first", "one hundred twenty-fifth", "3rd", "21st".

An ordinal is a Mention of kind ``ordinal`` whose value is its position;
frames.py attaches it to the counted noun and its place ("its third data
center in Malaysia" -> the count in Malaysia became 3).

Left out: "second" as a unit of time ("30 seconds", "per second"), fractions
("a third of the budget", "two thirds"), and suffixes that do not agree with
the number ("1th").

>>> [(m.text, m.value.low) for m in extract("its third data center and the 21st site, a twenty-first")]
[('third', 3.0), ('21st', 21.0), ('twenty-first', 21.0)]
>>> [(m.text, m.value.low) for m in extract("the one hundred twenty-fifth anniversary, two hundredth, a third of it")]
[('one hundred twenty-fifth', 125.0), ('two hundredth', 200.0)]
"""

from __future__ import annotations

import re

from checker.models import Interval, Mention
from checker.normalise.units import ONES, ORDINAL_UNITS, ORDINAL_WORDS, SCALE_WORDS, TENS, case_forms, trie_pattern

ORDINAL_RE = re.compile(
    rf"\b(?:(?P<tens>{trie_pattern(case_forms(TENS))})[-\s](?P<unit>{trie_pattern(case_forms(ORDINAL_UNITS))})"
    rf"|(?P<word>{trie_pattern(case_forms(ORDINAL_WORDS))})"
    rf"|(?P<num>\d{{1,3}}(?:,\d{{3}})*|\d+)(?P<suffix>(?i:st|nd|rd|th))(?![a-z]))\b",
)
_CARD = "|".join(sorted([*ONES, *TENS, "hundred", *SCALE_WORDS, "and", "a"], key=len, reverse=True))
#: Cardinal words right before an ordinal word ("one hundred" + "twenty-fifth").
_PREFIX_RE = re.compile(rf"(?:\b(?:{_CARD})(?:\s+|\s*-\s*))+$", re.I)
_SUFFIX_OK = {"1": "st", "2": "nd", "3": "rd"}
_FRACTION_BEFORE = re.compile(r"\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten)[\s-]+$", re.I)
_TIME_SECOND = re.compile(r"(?:\d|per|a|every|split|one)\s+$", re.I)


def _suffix_matches(num: str, suffix: str) -> bool:
    """'1st', '22nd', '13th' agree; '1th' or '3st' do not."""
    n = int(num.replace(",", ""))
    expected = "th" if 10 <= n % 100 <= 20 else _SUFFIX_OK.get(str(n % 10), "th")
    return suffix.lower() == expected


def _cardinal(words: str) -> int | None:
    """Value of cardinal words ("one hundred", "twenty-one trillion and three hundred")."""
    total = current = 0
    seen = False
    for w in re.split(r"[\s-]+", words.lower().strip()):
        if not w or w == "and":
            continue
        if w == "a":
            current = max(current, 1)
        elif w in ONES:
            current += ONES[w]
        elif w in TENS:
            current += TENS[w]
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w in SCALE_WORDS:
            total += max(current, 1) * SCALE_WORDS[w]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _with_prefix(text: str, start: int, value: int) -> tuple[int, int]:
    """Extend an ordinal word back over cardinal words: "one hundred" + "twenty-fifth" = 125th."""
    pm = _PREFIX_RE.search(text, max(0, start - 80), start)
    if not pm:
        return start, value
    prefix = pm.group(0)
    # the prefix must carry a scale for an additive ordinal ("one hundred twenty-fifth")
    if value < 100 and not re.search(r"\b(?:hundred|thousand|million|billion|trillion|lakh|crore)[\s-]*(?:and\s+)?$", prefix, re.I):
        return start, value
    lead = re.match(r"\s*(?:and|a)\b\s*", prefix, re.I)
    p_start = pm.start() + (lead.end() if lead and not prefix.lower().startswith("a ") else 0)
    card = _cardinal(text[p_start:start])
    if card is None or card == 0:
        return start, value
    return p_start, (card * value if value >= 100 else card + value)


def extract(text: str, reference: object = None) -> list[Mention]:
    """Ordinal mentions in ``text``, left to right."""
    out = []
    for m in ORDINAL_RE.finditer(text):
        start = m.start()
        if m.group("tens"):
            value = TENS[m.group("tens").lower()] + ORDINAL_UNITS[m.group("unit").lower()]
            start, value = _with_prefix(text, start, value)
        elif m.group("word"):
            word = m.group("word").lower()
            if word == "second" and _TIME_SECOND.search(text, max(0, m.start() - 8), m.start()) and not re.match(r"\s+(?:data|cloud|region|centre|center|facility|site|in\b)", text[m.end():], re.I):
                continue
            value = ORDINAL_WORDS[word]
            if word not in ("first", "second") and _FRACTION_BEFORE.search(text, max(0, m.start() - 8), m.start()) and re.match(r"\s+of\b", text[m.end():]):
                continue  # "a third of the budget" is a fraction
            if value >= 100 and re.search(r"\ban?\s+$", text[max(0, m.start() - 3):m.start()], re.I):
                continue  # "a thousandth of a second" is a fraction
            start, value = _with_prefix(text, start, value)
        else:
            if not _suffix_matches(m.group("num"), m.group("suffix")):
                continue
            value = int(m.group("num").replace(",", ""))
        raw = text[start:m.end()]
        out.append(Mention(kind="ordinal", start=start, end=m.end(), text=raw, value=Interval(low=value, high=value, text=raw)))
    return out
