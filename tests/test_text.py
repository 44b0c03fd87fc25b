"""Sentence segmentation and text repair keep exact offsets."""

import re

from ftfy.badness import MOJIBAKE_CATEGORIES, is_bad
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.text import RepairedText, line_column, may_be_mojibake, split_sentences


def texts(s: str) -> list[str]:
    return [x.text for x in split_sentences(s)]


def test_abbreviations_and_decimals_do_not_split():
    s = "Acme Inc. opened site No. 3 in the U.S. on Monday. It cost $53.4 billion, e.g. more than planned. Next."
    assert texts(s) == ["Acme Inc. opened site No. 3 in the U.S. on Monday.", "It cost $53.4 billion, e.g. more than planned.", "Next."]


def test_us_at_sentence_end_splits_before_a_capitalised_function_word():
    assert texts("It expanded in the U.S. The rival did not.") == ["It expanded in the U.S.", "The rival did not."]


def test_offsets_slice_the_text():
    s = "  First one.  Second one?\n\nThird"
    for sent in split_sentences(s):
        assert s[sent.start:sent.end] == sent.text
    assert texts(s) == ["First one.", "Second one?", "Third"]


def test_lines_and_soft_wraps():
    assert texts("Headline Without Stop\nBody begins here and\ncontinues here.") == ["Headline Without Stop", "Body begins here and\ncontinues here."]


def test_line_column():
    assert line_column("ab\ncd\nef", 7) == (3, 2)


def test_repair_maps_back_to_original():
    original = "Prices rose\nThe caf\u00c3\u00a9 runs 3 sites.\n"
    r = RepairedText(original)
    assert r.fixed == "Prices rose\nThe café runs 3 sites.\n"
    i = r.fixed.index("3 sites")
    assert original[r.to_original(i):r.to_original(i + 7)] == "3 sites"
    assert r.to_original(len(r.fixed)) == len(original)



def _ranges(chars: str) -> str:
    """ftfy writes its categories as regex classes: expand "a-c" ranges."""
    return re.sub(r"(.)-(.)", lambda m: "".join(chr(c) for c in range(ord(m.group(1)), ord(m.group(2)) + 1)), chars)


_MOJIBAKE_CHARS = sorted({ch for chars in MOJIBAKE_CATEGORIES.values() for ch in _ranges(chars)} | set("ÃÂœŒ"))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from([*" aZ1.,'\"-(", *_MOJIBAKE_CHARS]), max_size=12))
def test_the_mojibake_gate_never_hides_a_line_ftfy_calls_bad(line):
    assert may_be_mojibake(line) or not is_bad(line)


def test_the_mojibake_gate_on_typical_lines():
    assert [may_be_mojibake(s) for s in ["a €5bn – “deal”", "café ôk", "cafÃ© au lait", "Ä‘Ã´", "x\x85y", "naïve"]] == [False, False, True, True, True, False]
