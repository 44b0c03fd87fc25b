"""Subjects: canonical entity ids from aliases, spelling variants and anaphora.

Aliases from ``rules/lexicon/entities.yaml`` are matched as whole words, longest
first ("Alibaba Cloud" before "Alibaba"). A capitalised name that is no alias
but close to one (rapidfuzz ratio >= 90, e.g. "AliCloud" vs "Ali Cloud") maps to
it too. "The company", "the firm", "it" resolve to the most recent subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from checker.normalise.units import same_length_lower, trie_pattern
from checker.ruleset import Lexicon

_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z0-9&.'’-]*(?:\s+[A-Z][A-Za-z0-9&.'’-]*){0,3}")
# Names the lexicon does not know: "Telekom Malaysia opened ...", "Nexus Data Holdings plans ..."
ORG_SUFFIX = re.compile(r"\s(?:Inc|Corp|Corporation|Group|Holdings?|Ltd|Limited|Bhd|Berhad|LLC|PLC|AG|SA|SE|NV|Technologies|Technology|Telecom|Telekom|Communications|Networks|Systems|Cloud|Data|Digital|Energy|Motors|Airlines|Bank|Capital|Partners|Labs|Semiconductor|Electronics|Industries)\.?$")
ORG_VERB = re.compile(r"\s+(?:has|have|had|will|plans?|planned|opened|opens|launched|launches|operates|operated|runs|ran|added|adds|unveiled|unveils|pledged|pledges|committed|commits|invested|invests|announced|announces|is set|is building|built|completed|expects|expanded|expands|said it|says it|now)\b")
_POSSESSIVE = re.compile(r"['’]s$")
_COMPASS = r"(?:North|South|East|West|Central|Northeast|Northwest|Southeast|Southwest|North\s+Central|South\s+Central|West\s+Central)"
_REGION_NAME = re.compile(rf"(?:[A-Z][\w-]*\s+){{1,2}}{_COMPASS}(?:\s+\d)?(?:['’]s)?|{_COMPASS}\s+(?:[A-Z][\w-]*)(?:\s+\d)?(?:['’]s)?")
NOT_ORG_START = frozenset("""The A An In On At It Its This That These Those But And Or As By For From With Without Last Next According However Meanwhile
    While When Where Why How What Which Who Since After Before During Under Over About Some Many Most Several All Each Every Both Analysts
    Officials Experts Sources Investors Customers Local State Federal National Government Ministry Authorities January February March
    April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday Chinese
    American European Asian Western Eastern If So Yet Still Also Then Today Yesterday Tomorrow Earlier Later Now Here There We They He She I
    Executives Engineers Residents Researchers Economists Critics Rescuers Workers Managers Developers Users Lawmakers Regulators Companies
    Firms People Families Survivors Volunteers Teams Soldiers Police Doctors Staff Leaders Ministers Executive Spokesperson Spokesman""".split())


@dataclass(frozen=True)
class EntityMention:
    """An entity found in a sentence: offsets relative to the sentence."""

    start: int
    end: int
    entity: str
    anaphoric: bool = False
    guessed: bool = False


class EntityMatcher:
    """Finds subjects in sentences using the lexicon."""

    def __init__(self, lexicon: Lexicon):
        aliases: dict[str, str] = {}
        for eid, spec in sorted(lexicon.entities.entities.items()):
            for alias in [spec.name, *spec.aliases]:
                aliases.setdefault(alias, eid)
        self.aliases = aliases
        names = sorted(aliases, key=lambda a: (-len(a), a))
        # trie patterns: Python's re fails fast on the first letter instead of trying every alias in turn
        self._alias_re = re.compile(r"(?<![\w])" + trie_pattern(names) + r"(?:['’]s)?(?![\w])")
        ana = {a.lower() for a in lexicon.entities.anaphora}
        self._anaphora_re = re.compile(r"(?<![\w])" + trie_pattern(ana) + r"(?![\w])") if ana else None  # on lower-cased text
        self._fuzzy_choices = tuple(a for a in names if len(a) >= 5)
        self._fuzzy_seen: dict[str, str | None] = {}  # name -> alias; keyed by name alone (hashing the choices costs more than the lookup)

    def find(self, sentence: str) -> list[EntityMention]:
        """Entities named or pointed to in a sentence, in order.

        Anaphora come back with ``entity=''`` and ``anaphoric=True``; the caller
        resolves them against the article's most recent subject.
        """
        found: list[EntityMention] = []
        taken: list[tuple[int, int]] = []
        for m in self._alias_re.finditer(sentence):
            text = _POSSESSIVE.sub("", m.group(0))
            found.append(EntityMention(m.start(), m.start() + len(text), self.aliases[text]))
            taken.append((m.start(), m.end()))
        if self._anaphora_re:
            for m in self._anaphora_re.finditer(same_length_lower(sentence)):
                if not any(a < m.end() and m.start() < b for a, b in taken):
                    word = m.group(0)
                    # sentence-initial "It" is only an anaphor before a verb-like word; keep it simple: accept
                    if word in ("it", "its") and m.start() > 0 and sentence[m.start() - 1] not in " \"“(":
                        continue
                    found.append(EntityMention(m.start(), m.end(), "", anaphoric=True))
        for m in _CAPITALISED.finditer(sentence):
            if any(a < m.end() and m.start() < b for a, b in taken) or len(m.group(0)) < 5:
                continue
            name = m.group(0)
            if name not in self._fuzzy_seen:
                if len(self._fuzzy_seen) > 100_000:
                    self._fuzzy_seen.clear()  # bounded memory on huge corpora
                self._fuzzy_seen[name] = _fuzzy(name, self._fuzzy_choices)
            hit = self._fuzzy_seen[name]
            if hit:
                found.append(EntityMention(m.start(), m.end(), self.aliases[hit]))
            elif (org := organisation(sentence, m.start(), m.group(0))) is not None:
                at = sentence.find(org, m.start())
                found.append(EntityMention(at, at + len(org), "org:" + slug(org), guessed=True))
        found.sort(key=lambda e: (e.start, -e.end))
        return found


def slug(name: str) -> str:
    """Lower-case id from a name.

    >>> slug("Telekom Malaysia Bhd")
    'telekom-malaysia-bhd'
    """
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def organisation(sentence: str, start: int, name: str) -> str | None:
    """``name`` if it reads as an organisation: a company suffix, or a name acting ("X opened", "X plans").

    >>> organisation("Nexus Data Holdings plans a campus.", 0, "Nexus Data Holdings")
    'Nexus Data Holdings'
    >>> organisation("Nexus Data's planned campus opened.", 0, "Nexus Data's")
    'Nexus Data'
    >>> organisation("Selina Yuan said the firm would grow.", 0, "Selina Yuan") is None
    True
    """
    words = name.split()
    while words and words[0] in NOT_ORG_START:
        words = words[1:]
    if not words:
        return None
    name = " ".join(words)
    at = sentence.find(name, start)
    if at < 0 or len(name) < 3:
        return None
    end = at + len(name)
    if _REGION_NAME.fullmatch(name):
        return None  # "Malaysia West launches with two zones": a cloud region named for its place, not a company
    if ORG_SUFFIX.search(" " + name) or ORG_VERB.match(sentence, end):
        return _POSSESSIVE.sub("", name).rstrip(".'’")  # "Nexus Data's planned campus" is Nexus Data's
    return None


def _fuzzy(name: str, choices: tuple[str, ...]) -> str | None:
    """The alias a misspelt name stands for, if one is very close."""
    best = process.extractOne(name, choices, scorer=fuzz.ratio, score_cutoff=90)
    return best[0] if best else None
