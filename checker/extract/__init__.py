"""Extraction: text -> Mentions -> Claims.

Each mention kind has one module with a pure
``extract(text, reference=None) -> list[Mention]`` (offsets relative to the
text given, usually one sentence; ``reference`` is the source's published
date, which relative dates resolve against, and other kinds ignore); :data:`EXTRACTORS`
lists them in priority order: when two mentions overlap, the earlier kind
wins (a money amount swallows its number, a date its day number).
:mod:`checker.extract.frames` combines mentions, subjects, places and
attribute nouns into :class:`~checker.models.Claim` objects.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Protocol

from checker.extract import dates, money, numbers, ordinals, status
from checker.models import Mention


class Extractor(Protocol):
    """A pure function from text to mentions, offsets relative to that text."""

    def __call__(self, text: str, reference: dt.date | None = None) -> list[Mention]: ...


#: kind -> extractor, in priority order (earlier wins on overlap).
EXTRACTORS: dict[str, Callable[..., list[Mention]]] = {
    "date": dates.extract,
    "ordinal": ordinals.extract,
    "money": money.extract,
    "number": numbers.extract,
    "status": status.extract,
}

#: Bumped whenever extraction output can change; part of the store's cache key.
EXTRACTOR_VERSION = "1"


#: Every number, ordinal and money mention holds a digit, a vulgar fraction or one of these words.
_GATE_CHARS = re.compile(r"[\d½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]")
_GATE_WORDS = frozenset(w.lower() for w in [*numbers._WORDS, *ordinals.ORDINAL_WORDS, *ordinals.TENS])
_LETTERS = re.compile(r"[a-z]+")


def may_have_figures(text: str) -> bool:
    """False when ``text`` can hold no number, ordinal or money mention (frames then skip the extractors).

    A digit-free sentence is split into runs of letters and looked up in a
    set: many times faster than running the extractors' patterns on it.

    >>> may_have_figures("Analysts expect strong demand."), may_have_figures("its third site"), may_have_figures("½ of it")
    (False, True, True)
    """
    if _GATE_CHARS.search(text):
        return True
    return not _GATE_WORDS.isdisjoint(_LETTERS.findall(text.lower()))


def mentions(text: str, reference: dt.date | None = None) -> list[Mention]:
    """All mentions in ``text``, overlaps resolved by :data:`EXTRACTORS` order, sorted by position.

    >>> [(m.kind, m.text) for m in mentions("its third data center and 5,000 businesses")]
    [('ordinal', 'third'), ('number', '5,000')]
    """
    chosen: list[Mention] = []
    for extract in EXTRACTORS.values():
        for m in extract(text, reference):
            if not any(c.start < m.end and m.start < c.end for c in chosen):
                chosen.append(m)
    chosen.sort(key=lambda m: (m.start, m.end))
    return chosen
