"""Sentence segmentation with exact character offsets.

Sentences are ``(start, end)`` slices of the text that was given, so evidence
offsets never drift. Abbreviations ("U.S.", "Inc.", "No. 3", "e.g."), decimals
("53.4") and initials do not end a sentence; blank lines and headline-like
lines do.
"""

from __future__ import annotations

import re
from typing import NamedTuple

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st inc ltd co corp plc llc no nos vs etc e.g i.e
    approx est dept gov govt jan feb mar apr jun jul aug sep sept oct nov dec
    mt ft fig al u.s u.k u.n e.u u.s.a p.m a.m""".split()
)
# Abbreviations that often do end a sentence ("... in the U.S. The company").
_FINAL_OK = frozenset({"u.s", "u.k", "u.n", "e.u", "u.s.a", "etc", "inc", "ltd", "co", "corp", "plc", "llc", "a.m", "p.m"})
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)|\n[ \t]*\n\s*|\n")
_STARTS_SENTENCE = re.compile(r"\s*[\"'“‘(\[]?[A-Z0-9\u00C0-\u024F\u0370-\uFFFF]")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


class Sentence(NamedTuple):
    """A sentence as a slice of the text."""

    start: int
    end: int
    text: str


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the period at ``dot`` closes an abbreviation or an initial."""
    m = _WORD_BEFORE.search(text, max(0, dot - 12), dot + 1)
    if not m:
        return False
    word = m.group(1).lower()
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "John F. Kennedy"
    return word in ABBREVIATIONS


def _next_is_sentence_start(text: str, pos: int) -> bool:
    return bool(_STARTS_SENTENCE.match(text, pos))


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Split ``text[start:end]`` into sentences with offsets into ``text``.

    >>> [s.text for s in split_sentences("Alibaba Inc. opened No. 3 in the U.S. today. It cost $53.4 billion.")]
    ['Alibaba Inc. opened No. 3 in the U.S. today.', 'It cost $53.4 billion.']
    >>> [s.text for s in split_sentences("Headline here\\nBody starts. Next one")]
    ['Headline here', 'Body starts.', 'Next one']
    """
    end = len(text) if end is None else end
    out: list[Sentence] = []
    cur = start
    for m in _BOUNDARY.finditer(text, start, end):
        piece = m.group(0)
        if piece[0] == "\n":
            if piece == "\n" and _soft_wrap(text, m.start(), end):
                continue
            _emit(out, text, cur, m.start())
            cur = m.end()
            continue
        if piece[0] == "." and len(piece.rstrip("\"'”’)]")) == 1 and _is_abbreviation(text, m.start()):
            word = _WORD_BEFORE.search(text, max(0, m.start() - 12), m.start() + 1).group(1).lower()
            if word not in _FINAL_OK or not _next_starts_capital_sentence(text, m.end(), end):
                continue
        if not _next_is_sentence_start(text, m.end()):
            continue
        _emit(out, text, cur, m.end())
        cur = m.end()
    _emit(out, text, cur, end)
    return out


def _next_starts_capital_sentence(text: str, pos: int, end: int) -> bool:
    """After "U.S." a sentence starts only with a capitalised function word ("The", "It")."""
    m = re.match(r"\s+([A-Z][a-z]*)", text[pos:end])
    return bool(m) and m.group(1) in {"The", "It", "This", "That", "These", "Those", "A", "An", "In", "On", "But", "And", "He", "She", "They", "We", "Its", "Their"}


def _soft_wrap(text: str, nl: int, end: int) -> bool:
    """A single newline inside a hard-wrapped paragraph: next line continues in lower case."""
    nxt = text[nl + 1 : min(end, nl + 3)].lstrip(" \t")
    prev = text[max(0, nl - 1) : nl]
    return bool(nxt) and (nxt[0].islower() or nxt[0] in ",;)") and prev not in ".!?:"


def _emit(out: list[Sentence], text: str, a: int, b: int) -> None:
    """Append text[a:b] stripped of surrounding white space, if anything is left."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if a < b:
        out.append(Sentence(a, b, text[a:b]))


def line_column(text: str, offset: int, _cache: dict | None = None) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text``.

    >>> line_column("ab\\ncd", 3)
    (2, 1)
    """
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


#: Every pattern of ftfy's badness heuristic (``ftfy.badness.BADNESS_RE``) needs two non-ASCII characters
#: side by side, or one of these; a line with neither is never "bad", and the heuristic's large regex is skipped.
_MAYBE_MOJIBAKE = re.compile(r"[\x80-\x9fŒœÃÂ]|[^\x00-\x7f]{2}")


def may_be_mojibake(line: str) -> bool:
    """False when ftfy's badness heuristic cannot flag ``line``: its non-ASCII characters stand alone ("€5 – “a”").

    >>> may_be_mojibake("costs €5 – “a” deal"), may_be_mojibake("cafÃ© au lait"), may_be_mojibake("Ä‘Ã´")
    (False, True, True)
    """
    return _MAYBE_MOJIBAKE.search(line) is not None


class RepairedText:
    """Text repaired with ftfy (mojibake, odd Unicode), with offsets mapped back.

    Extraction reads ``fixed``; :meth:`to_original` maps an offset in ``fixed``
    to the file's own text, so evidence still indexes the file. Repair runs
    line by line and only on lines that are not plain ASCII, so clean text
    costs nothing.

    >>> r = RepairedText("caf\\u00c3\\u00a9 has 3 sites")
    >>> r.fixed
    'café has 3 sites'
    >>> r.original[r.to_original(9):r.to_original(16)]
    '3 sites'
    """

    def __init__(self, original: str):
        import bisect
        import difflib

        import ftfy
        from ftfy.badness import is_bad

        self.original = original
        self._bisect = bisect.bisect_right
        self._maps: list[tuple[int, int, list]] = []  # (fixed_line_start, orig_line_start, opcodes or None)
        if original.isascii():
            self.fixed = original
            return
        parts: list[str] = []
        orig_pos = fixed_pos = 0
        for line in original.splitlines(keepends=True):
            fixed_line = line
            # ftfy only where its own badness heuristic sees mojibake: curly quotes and dashes cost nothing
            if not line.isascii() and may_be_mojibake(line) and is_bad(line):
                body = line.rstrip("\r\n")
                fixed_body = ftfy.fix_text(body, normalization="NFC", uncurl_quotes=False, fix_line_breaks=False)
                if fixed_body != body:
                    fixed_line = fixed_body + line[len(body):]
                    ops = difflib.SequenceMatcher(None, fixed_line, line, autojunk=False).get_opcodes()
                    self._maps.append((fixed_pos, orig_pos, ops))
            parts.append(fixed_line)
            orig_pos += len(line)
            fixed_pos += len(fixed_line)
        self.fixed = "".join(parts)
        self._starts = [m[0] for m in self._maps]

    @property
    def changed(self) -> bool:
        """True when repair changed anything."""
        return bool(self._maps)

    def to_original(self, offset: int) -> int:
        """Offset in the original text of offset ``offset`` in the repaired text."""
        if not self._maps:
            return offset
        # shift from all fully repaired lines before this offset
        i = self._bisect(self._starts, offset) - 1
        if i < 0:
            return offset
        fixed_start, orig_start, ops = self._maps[i]
        local = offset - fixed_start
        for tag, a0, a1, b0, b1 in ops:
            if a0 <= local < a1 or (local == a1 and tag == "equal" and a1 > a0):
                if tag == "equal":
                    return orig_start + b0 + (local - a0)
                return orig_start + (b0 if local == a0 else b1)
        # past the repaired line: shift by the line's length difference
        last = ops[-1]
        return orig_start + last[4] + (local - last[2])
