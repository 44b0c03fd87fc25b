"""Number words and scale words: the one table numbers.py and money.py share.

>>> SCALE_WORDS["billion"], SCALE_ABBR["bn"], SCALE_ABBR["k"]
(1000000000, 1000000000, 1000)
>>> ONES["nought"], TENS["ninety"], DENOMINATORS["quarters"], DENOMINATORS["thirds"]
(0, 90, (4, True), (3, True))
"""

from __future__ import annotations

#: Cardinal words below twenty (with the British "nought"/"naught").
ONES: dict[str, int] = {
    "zero": 0, "nought": 0, "naught": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
#: Scale words, full form (also used after digits: "53.4 billion", "13 lakh").
SCALE_WORDS: dict[str, int] = {
    "thousand": 10**3, "lakh": 10**5, "lakhs": 10**5, "million": 10**6, "crore": 10**7, "crores": 10**7,
    "billion": 10**9, "trillion": 10**12,
}
#: Abbreviated scales written right after digits ("10k", "US$1bn", "2mil", "10 bln").
#: Lower-case "m" and "t" are left to money ("£1m", "$2.174T"): after a bare number "1m" is a metre.
SCALE_ABBR: dict[str, int] = {
    "k": 10**3, "K": 10**3, "thou": 10**3,
    "M": 10**6, "MM": 10**6, "mn": 10**6, "mln": 10**6, "mil": 10**6, "mio": 10**6,
    "b": 10**9, "B": 10**9, "bn": 10**9, "bln": 10**9, "billion": 10**9,
    "tn": 10**12, "tln": 10**12, "trn": 10**12,
}
#: Extra abbreviations that only mean a scale after a currency amount.
MONEY_SCALE_ABBR: dict[str, int] = {"m": 10**6, "T": 10**12, "t": 10**12, "bil": 10**9, "mm": 10**6}

#: Ordinal words: position value; also the denominators of fractions ("two thirds").
ORDINAL_UNITS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "nineth": 9,
}
ORDINAL_WORDS: dict[str, int] = {
    **ORDINAL_UNITS, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80,
    "ninetieth": 90, "hundredth": 100, "thousandth": 1000, "millionth": 10**6, "billionth": 10**9,
    "trillionth": 10**12,
}


def _denominators() -> dict[str, tuple[int, bool]]:
    """Fraction words -> (denominator, plural): "third" (3, False), "quarters" (4, True)."""
    out: dict[str, tuple[int, bool]] = {"half": (2, False), "halves": (2, True), "quarter": (4, False), "quarters": (4, True)}
    for word, value in ORDINAL_WORDS.items():
        if word in ("first", "second"):
            out[word + "s"] = (value, True)  # "three twenty-firsts"; bare "first"/"second" are never fractions
            continue
        out[word] = (value, False)
        out[word + "s"] = (value, True)
    return out


DENOMINATORS: dict[str, tuple[int, bool]] = _denominators()


def trie_pattern(words) -> str:
    """A regex alternation factored as a trie: Python's re fails fast on the first letter.

    >>> trie_pattern(["one", "only", "two"])
    '(?:on(?:e|ly)|two)'
    """
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        alts = [_esc(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if ends else body

    return "(?:" + "|".join(_esc(ch) + build(child) for ch, child in sorted(tree.items()) if ch) + ")"


def _esc(ch: str) -> str:
    import re

    return re.escape(ch)


def case_forms(words) -> list[str]:
    """Lower, Title and UPPER forms of each word, for fast case-sensitive matching."""
    out = set()
    for w in words:
        out.update((w.lower(), w[:1].upper() + w[1:].lower(), w.upper()))
    return sorted(out)



def same_length_lower(text: str) -> str:
    """``text.lower()`` with one character per character, so offsets stay valid.

    ``"İ".lower()`` is two characters; such a character is kept as it is.

    >>> len(same_length_lower("İstanbul")) == len("İstanbul")
    True
    """
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(lc := c.lower()) != 1 else lc for c in text)
