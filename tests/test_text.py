"""Sentence segmentation and text repair keep exact offsets."""

from checker.text import RepairedText, line_column, split_sentences


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
