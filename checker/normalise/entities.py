"""Subjects: canonical entity ids from aliases, spelling variants and anaphora.

Aliases from ``rules/lexicon/entities.yaml`` are matched as whole words, longest
first ("Alibaba Cloud" before "Alibaba"). A capitalised name that is no alias
but close to one (rapidfuzz ratio >= 90, e.g. "AliCloud" vs "Ali Cloud") maps to
it too. "The company", "the firm", "it" resolve to the most recent subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from checker.ruleset import Lexicon

_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z0-9&.'’-]*(?:\s+[A-Z][A-Za-z0-9&.'’-]*){0,3}")


@dataclass(frozen=True)
class EntityMention:
    """An entity found in a sentence: offsets relative to the sentence."""

    start: int
    end: int
    entity: str
    anaphoric: bool = False


class EntityMatcher:
    """Finds subjects in sentences using the lexicon."""

    def __init__(self, lexicon: Lexicon):
        aliases: dict[str, str] = {}
        for eid, spec in sorted(lexicon.entities.entities.items()):
            for alias in [spec.name, *spec.aliases]:
                aliases.setdefault(alias, eid)
        self.aliases = aliases
        names = sorted(aliases, key=lambda a: (-len(a), a))
        self._alias_re = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(a) for a in names) + r")(?:['’]s)?(?![\w])")
        ana = sorted(lexicon.entities.anaphora, key=lambda a: (-len(a), a))
        self._anaphora_re = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(a) for a in ana) + r")(?![\w])", re.I) if ana else None
        self._fuzzy_choices = [a for a in names if len(a) >= 5]

    def find(self, sentence: str) -> list[EntityMention]:
        """Entities named or pointed to in a sentence, in order.

        Anaphora come back with ``entity=''`` and ``anaphoric=True``; the caller
        resolves them against the article's most recent subject.
        """
        found: list[EntityMention] = []
        taken: list[tuple[int, int]] = []
        for m in self._alias_re.finditer(sentence):
            text = re.sub(r"['’]s$", "", m.group(0))
            found.append(EntityMention(m.start(), m.start() + len(text), self.aliases[text]))
            taken.append((m.start(), m.end()))
        if self._anaphora_re:
            for m in self._anaphora_re.finditer(sentence):
                if not any(a < m.end() and m.start() < b for a, b in taken):
                    word = m.group(0).lower()
                    # sentence-initial "It" is only an anaphor before a verb-like word; keep it simple: accept
                    if word in ("it", "its") and m.start() > 0 and sentence[m.start() - 1] not in " \"“(":
                        continue
                    found.append(EntityMention(m.start(), m.end(), "", anaphoric=True))
        for m in _CAPITALISED.finditer(sentence):
            if any(a < m.end() and m.start() < b for a, b in taken) or len(m.group(0)) < 5:
                continue
            hit = _fuzzy(m.group(0), tuple(self._fuzzy_choices))
            if hit:
                found.append(EntityMention(m.start(), m.end(), self.aliases[hit]))
        found.sort(key=lambda e: (e.start, -e.end))
        return found


@lru_cache(maxsize=4096)
def _fuzzy(name: str, choices: tuple[str, ...]) -> str | None:
    """The alias a misspelt name stands for, if one is very close."""
    best = process.extractOne(name, choices, scorer=fuzz.ratio, score_cutoff=90)
    return best[0] if best else None
