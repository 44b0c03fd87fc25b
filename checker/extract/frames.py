"""Frames: combine mentions, subjects, places and attribute nouns into claims.

A count claim is a figure or ordinal right before an attribute noun from
``rules/lexicon/attributes.yaml`` (up to three modifier words between them:
"two new data centers", "second Malaysian cloud region"), with:

- subject: the entity named last before the figure in the sentence, else the
  article's most recent subject ("the company", "it" point back to it);
- scope: a place or demonym between figure and noun ("Malaysian"), else the
  places right after the noun ("in Brazil, France and the Netherlands" gives
  one claim each), else the only place in the sentence, else ``global`` when
  the sentence says "global"/"worldwide", else unknown;
- kind: ``increment`` when the noun is "new"/"additional" or follows "add",
  "open", "launch", "build" ("opened two new data centers" adds two, it does
  not say how many there are); otherwise ``count``;
- status: the nearest status cue ("launched", "plans to", "will", "shut");
- as_of: a date stated in the figure's clause ("as of July 1", "in 2016"), else the published date.

"its third data center in Malaysia" is a count of 3 in Malaysia with
``ordinal=3``; "and a second in the Philippines" reuses the sentence's noun.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, replace

from checker.extract import may_have_figures, mentions
from checker.extract import money as money_extract
from checker.extract import numbers
from checker.models import Claim, DateInterval, Interval, Mention, Span, Status
from checker.normalise import dates as nd
from checker.normalise.entities import NOT_ORG_START, EntityMatcher
from checker.normalise.places import Gazetteer, Place, PlaceMention, gazetteer
from checker.normalise.units import same_length_lower, trie_pattern
from checker.ruleset import AttributeSpec, Lexicon
from checker.sources import Document
from checker.text import RepairedText, line_column, split_sentences

INCREMENT_MODIFIERS = {"new", "additional", "more", "extra", "another", "further", "newest", "latest"}
INCREMENT_VERBS = re.compile(r"\b(?:add(?:s|ed|ing)?|open(?:s|ed|ing)?|launch(?:es|ed|ing)?|buil[dt]s?|building|unveil(?:s|ed|ing)?|construct(?:s|ed|ing)?|establish(?:es|ed|ing)?|set(?:s|ting)? up|deploy(?:s|ed|ing)?)\s+(?:(?!(?:with|across|in|at|into|on|for|over|from|of|to|under)\b)\w+\s+){0,2}$", re.I)
BREAK_WORDS = {"in", "of", "and", "or", "to", "for", "with", "by", "at", "from", "on", "across", "than", "that", "which", "who", "is", "are", "was", "were", "has", "have", "had", "will", "its", "their", "the", "a", "an", "as", "per", "each", "every", "over", "under", "about"}


@dataclass(frozen=True)
class NounMatch:
    start: int
    end: int
    attribute: str
    noun: str
    weak: bool
    above: bool = False  # "the toll passed 1,000": the figure is a lower bound


def _plural(noun: str) -> str:
    """English plural of a lexicon noun.

    >>> _plural("facility"), _plural("data centre"), _plural("AZ"), _plural("campus")
    ('facilities', 'data centres', 'AZs', 'campuses')
    """
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    if re.search(r"(?:s|x|z|ch|sh)$", noun) and not noun.isupper():
        return noun + "es"
    return noun + "s"


class NounMatcher:
    """Finds attribute nouns; all-caps nouns (AZ, PoP) are case-sensitive."""

    def __init__(self, attributes: dict[str, AttributeSpec]):
        forms: dict[str, tuple[str, str, bool]] = {}
        for attr, spec in attributes.items():
            for noun in spec.nouns:
                weak = noun in spec.weak_nouns
                for form in (noun, spec.plurals.get(noun, _plural(noun))):
                    forms.setdefault(form if any(c.isupper() for c in form) else form.lower(), (attr, noun, weak))
        self.forms = forms
        self.specs = attributes
        preds = {p: attr for attr, spec in attributes.items() for p in spec.predicates}
        self.predicates = preds
        self._pred_re = re.compile(
            r"(?:\s+(?:more\s+)?(?:people|persons|residents|villagers|individuals|others|civilians|workers|children|tourists|migrants|passengers|locals))?"
            r"(?:\s+(?:have|has|had|were|was|are|is|remain|remained)(?:\s+(?:now|so far|reportedly|confirmed|officially))?(?:\s+been)?(?:\s+(?:confirmed|reported|officially|now|so far|listed as))?|\s+(?:so far|now|confirmed))?"
            r"\s+(" + "|".join(re.escape(p) for p in sorted(preds, key=len, reverse=True)) + r")\b", re.I) if preds else None
        self.predicates_lower = {p.lower(): attr for p, attr in preds.items()}
        self.heads = {h.lower(): attr for attr, spec in attributes.items() for h in spec.heads}
        self.agents = {v.lower(): attr for attr, spec in attributes.items() for v in spec.agent_verbs}
        self._head_re = re.compile(r"\b(?:(?P<number>(?:number|count|tally|total)\s+of)\b" + ("|" + trie_pattern(self.heads) if self.heads else "") + r")\b")
        self._agent_re = re.compile(r"\b(" + trie_pattern(self.agents) + r")\s+$") if self.agents else None
        self._pred_any = re.compile(r"\b" + trie_pattern(self.predicates_lower) + r"\b") if preds else None
        # any word that can count a figure without a noun: a predicate, an agent verb, a head
        cues = {*self.predicates_lower, *self.agents, *self.heads, "number of", "count of", "tally of", "total of"}
        self._cue_any = re.compile(r"\b" + trie_pattern(cues).replace(r"\ ", r"\s+") + r"\b")
        topics = {*self.predicates_lower, *self.heads}
        self._topic_re = re.compile(r"\b" + trie_pattern(topics) + r"\b") if topics else None
        # one trie over the lower-cased forms, matched on lower-cased text (many times faster than a flat alternation)
        self._re = re.compile(r"(?<![\w-])" + trie_pattern({f.lower() for f in forms}).replace(r"\ ", r"[\s-]+") + r"(?![\w-])")

    def head_before(self, text: str, pos: int, end: int) -> NounMatch | None:
        """'the death toll ... rose to 1,002', 'the number of people confirmed killed rose to 2,719':
        a figure a verb introduces, counted by a head phrase earlier in the clause."""
        verb = _RISE_TO.search(text, max(0, pos - 40), pos)
        if verb is None:
            # "State officials put the death toll there at 57": the head between the verb and "at"
            put = _PUT_AT.search(text, max(0, pos - 80), pos)
            head = self._head_re.search(same_length_lower(text), put.start("head"), put.end("head")) if put else None
            if head is None or head.group("number") or head.group(0) not in self.heads:
                return None
            return NounMatch(end, end, self.heads[head.group(0)], head.group(0), False)
        lower = same_length_lower(text)
        lo = max(0, verb.start() - 160, lower.rfind(";", 0, verb.start()) + 1)
        best: NounMatch | None = None
        for m in self._head_re.finditer(lower, lo, verb.start()):
            if m.group("number"):
                span = text[m.end() : verb.start()]
                pred = self._pred_any.search(lower, m.end(), verb.start()) if self._pred_any else None
                nouns = [n for n in self.find(span) if not n.weak]
                attr = self.predicates_lower.get(pred.group(0)) if pred else (nouns[0].attribute if nouns else None)
            else:
                attr = self.heads[m.group(0)]
            if attr is not None:
                best = NounMatch(end, end, attr, m.group(0), False, above=bool(_PAST_VERB.search(verb.group(0))))
        return best

    def agent_before(self, text: str, pos: int, end: int) -> NounMatch | None:
        """'killing at least 144 people', 'injured 30': a figure counted by the verb right before it."""
        m = self._agent_re.search(same_length_lower(text), max(0, pos - 40), pos) if self._agent_re else None
        return NounMatch(end, end, self.agents[m.group(1)], m.group(1), False) if m else None

    def toll_topic(self, text: str) -> str | None:
        """The toll a sentence speaks of, by its first predicate or head word ("The dead are still being counted" -> deaths)."""
        m = self._topic_re.search(same_length_lower(text)) if self._topic_re else None
        return None if m is None else self.predicates_lower.get(m.group(0)) or self.heads.get(m.group(0))

    def may_count_without_noun(self, text: str) -> bool:
        """False when no predicate, agent verb or head ("killed", "killing", "death toll", "number of") occurs in ``text``."""
        return self._cue_any.search(same_length_lower(text)) is not None

    def predicate_after(self, text: str, pos: int) -> NounMatch | None:
        """'37 people had been killed', '12 dead': a figure counted by a predicate rather than a noun."""
        m = self._pred_re.match(text, pos) if self._pred_re else None
        if not m:
            return None
        pred = m.group(1).lower()
        return NounMatch(m.end(), m.end(), self.predicates_lower[pred], pred, False)

    def find(self, text: str) -> list[NounMatch]:
        out = []
        for m in self._re.finditer(same_length_lower(text)):
            raw = re.sub(r"[\s-]+", " ", text[m.start() : m.end()])
            key = raw if raw in self.forms else raw.lower()
            if key not in self.forms:
                continue  # an all-caps form matched in other case ("az")
            attr, noun, weak = self.forms[key]
            out.append(NounMatch(m.start(), m.end(), attr, noun, weak))
        return out


@dataclass
class Context:
    """Per-lexicon helpers, built once and shared across documents."""

    lexicon: Lexicon
    entities: EntityMatcher
    nouns: NounMatcher
    places: Gazetteer


_CONTEXTS: dict[str, Context] = {}


def context(lexicon: Lexicon) -> Context:
    """The extraction context for a lexicon, built once per process."""
    if lexicon.digest not in _CONTEXTS:
        _CONTEXTS[lexicon.digest] = Context(lexicon, EntityMatcher(lexicon), NounMatcher(lexicon.attributes.attributes), gazetteer(lexicon))
    return _CONTEXTS[lexicon.digest]


def claim_id(source: str, attribute: str, scope: str | None, start: int, end: int) -> str:
    """Stable claim id from its source, key and position."""
    raw = f"{source}|{attribute}|{scope}|{start}|{end}"
    return hashlib.sha1(raw.encode()).hexdigest()[:16]


def _published_interval(published: dt.date | None) -> DateInterval:
    if published is None:
        return DateInterval(start=None, end=None, precision="unknown", text="unknown")
    return DateInterval(start=published, end=published, precision="day", text="published")


def _between_ok(text: str) -> bool:
    """Words between a figure and its noun: up to three modifiers, no function words or digits."""
    words = re.findall(r"[\w'’.-]+", text)
    if len(words) > 3 or re.search(r"[,;:()\"“”—–]|\s-\s", text) or re.match(r"-[a-z]", text, re.I):
        return False  # "three-zone Saudi region", "a 500-megawatt data centre": the figure counts its own compound
    return not any(w.lower() in BREAK_WORDS or re.search(r"\d", w) for w in words)


def status_cues(ms: list[Mention], sentence: str) -> list[tuple[int, int, Status]]:
    """(start, end, status) cues from the status extractor, plus "by <date>" deadlines (planned).

    A weak cue ("expansion plans", a bare "will") counts only when the sentence has no strong one.
    A plan told as history ("four years after it first announced plans for") is an unknown-status cue.
    """
    strong = [m for m in ms if m.kind == "status" and m.status is not None and not m.extra.get("weak")]
    chosen = strong or [m for m in ms if m.kind == "status" and m.status is not None]
    # a retold plan says nothing of the status now: its words take the unknown status, not the next cue's
    cues = [(m.start, m.end, _cue_status(m, sentence)) for m in chosen]
    cues += [(m.start, m.end, Status.planned) for m in ms if m.kind in ("date", "daterange") and m.extra.get("role") == "deadline"]
    return sorted(cues)


# a figure its source says was lowered: "revised its death toll sharply downwards", "cut the toll to", "corrected the figure"
_REVISED_DOWN = re.compile(r"\b(?:revis(?:ed|es|ing|ion)|lowered|downgraded|corrected|correction|reduced|cut|scaled\s+back|trimmed|tidied\s+up|pared\s+back)\b(?:\s+\S+){0,8}?\s+(?:toll|figures?|count|tally|numbers?|estimates?|downwards?|down)\b"
                          r"|\b(?:toll|figures?|count|tally|estimates?)\s+(?:was|were|has\s+been|had\s+been)\s+(?:revised|lowered|corrected|cut|reduced|trimmed)\b"
                          r"|\b(?:counted|reported|listed)\s+twice\b", re.I)
# "last week's floods", "Monday's quake": a date that names an event, not when a figure holds ("Monday's toll" still does)
_EVENT_POSSESSIVE = re.compile(r"(?:\s+(?:night|morning|evening|afternoon))?['’]s?\s+(?!(?:death\s+|injury\s+)?(?:toll|tally|count|figures?|update|briefing|report|statement|estimates?|numbers?)\b)", re.I)
# a date naming a disaster, not a figure's day: "the floods of 29 October 2024 killed 229 people", "the earthquake on 6 February"
_DISASTERS = (r"(?:floods?|flooding|earthquakes?|quakes?|storms?|hurricanes?|typhoons?|cyclones?|tsunamis?|landslides?|fires?|wildfires?|"
              r"eruptions?|blasts?|explosions?|attacks?|disasters?|tragedy|collapse|crash)")
_EVENT_OF = re.compile(rf"\b{_DISASTERS}\s+(?:of|on)\s+$", re.I)
_DISASTER_WORD = re.compile(rf"\b{_DISASTERS}\b", re.I)
# "On the morning after, officials counted 51 dead": a day told from the disaster, not from the article
_DAY_AFTER = re.compile(r"\b(?:the|that)\s+(?:morning|day|night|evening|afternoon)\s+after\b|\b(?:the|that)\s+(?:next|following)\s+(?:morning|day|evening)\b", re.I)
_YEAR = re.compile(r"(?<![\d,.$€£¥])(1[6-9]\d\d|20\d\d)(?!\d|,\d)")
# a relative or participle clause between commas: "The toll, which the department trimmed in October, now stands at 104",
# "The region, first promised in 2021, is already serving customers"
_RELATIVE = re.compile(r",\s*(?:which|who|whom|whose|(?:first|once|originally|initially|previously|long)\s+\w+ed|\w+ed\s+(?:in|by|under|on|at|during))\b[^,;]*,")
# "when the region opens", "once it goes live": an opening in a clause of future time has not happened yet
_FUTURE_CLAUSE = re.compile(r"\b(?:when|once|until|till|before|as\s+soon\s+as)\s+(?:[^\s,;:]+\s+){0,6}$", re.I)
_OPENS_NOW = r"(?:opens|launches|goes\s+live|comes\s+online|switches\s+on|starts\s+operations?|begins\s+operations?|debuts)"
_PRESENT_OPENING = re.compile(rf"(?:{_OPENS_NOW}|(?:is|are)\s+(?:open|live|operational))$", re.I)


def _cue_status(m: Mention, sentence: str) -> Status:
    """A cue's status read in its sentence: a plan told as history says nothing of now; an opening in a future-time clause is planned."""
    assert m.status is not None
    if m.status == Status.planned and _RETROSPECTIVE.search(sentence, max(0, m.start - 60), m.start):
        return Status.unknown
    if m.status == Status.operational and _PRESENT_OPENING.match(m.text) and _FUTURE_CLAUSE.search(sentence, max(0, m.start - 80), m.start):
        return Status.planned
    return m.status


def _status_for(sentence: str, start: int, end: int, cues: list[tuple[int, int, Status]]) -> Status:
    """Status of the figure at ``sentence[start:end]`` from the nearest cue.

    Looks in the figure's own clause (cues before it first), then the clause
    right after it ("a second in the Philippines, scheduled for October"),
    then anywhere before it, then anywhere after it.
    """
    if not cues:
        return Status.unknown
    bounds = [-1] + [m.start() for m in re.finditer(r"[,;:()—–]", sentence)] + [len(sentence)]
    c0 = max(b for b in bounds if b < start)
    c1 = min(b for b in bounds if b >= end)
    nxt = min((b for b in bounds if b > c1), default=len(sentence))
    own_before = [c for c in cues if c0 < c[0] and c[1] <= start]
    if own_before:
        return own_before[-1][2]
    own_after = [c for c in cues if c[0] >= end and c[1] <= c1]
    if own_after:
        return own_after[0][2]
    right = [c for c in cues if c1 < c[0] and c[1] <= nxt]
    if right:
        return right[0][2]
    before = [c for c in cues if c[1] <= start]
    if before:
        return before[-1][2]
    after = [c for c in cues if c[0] >= end]
    return after[0][2] if after else Status.unknown


EVENT_CUES: list[tuple[re.Pattern, str]] = [
    (re.compile(r"\b(?:shut(?:s|ting)? down|clos(?:e|es|ed|ing|ure)|decommission(?:s|ed|ing)?)\b", re.I), "closure"),
    (re.compile(r"\b(?:open(?:s|ed|ing)?|launch(?:es|ed|ing)?|unveil(?:s|ed|ing)?|inaugurat(?:e|es|ed|ing)|debut(?:s|ed)?|went live|go(?:es)? live|began operations?|start(?:s|ed)? operations?|switch(?:es|ed)? on|(?:is|are|was|were) (?:now )?operational|serving customers|generally available|followed|add(?:s|ed|ing)?|buil[dt]|building|establish(?:es|ed|ing)?|set(?:s|ting)? up|roll(?:s|ed)? out)\b", re.I), "opening"),
]
_RECIPIENT = re.compile(r"\b(?:to|into|for)\s+(?:its|the|their|his|her|our)\s+(?:[\w-]+\s+){0,3}$", re.I)
MONEY_WINDOW = 80
# the verb phrase after a counted noun: ", SG6, will open in June", " is still under construction and is scheduled to open"
_EVENT_TAIL = re.compile(r"(?:\s*,[^,;:]{1,80},)?((?:\s+(?:is|are|was|were|will|would|has|have|had|be|been|being|still|now|finally|due|set|scheduled|expected|slated|planned|to|also|and|under|construction|not|yet|officially|formally|already|generally))*\s+\w+(?:\s+(?:live|online|operations?|operational|down|up|on|customers))?)")
_SPEAKER = re.compile(r"[\w'’ ,.-]{3,80}?\s(?:said|says|announced|announces|told|stated|confirmed|reported)\b")
# where a date stops applying to a figure: "..., up from the US$10 billion it announced in May"
_DATE_CLAUSE = re.compile(r"[;()]|,\s+(?:and|but|while|which|up from|down from|compared with|compared to|versus|against|from|after|before|following|"
                          r"joining|bringing|adding|making|marking|becoming|leaving|putting|taking|lifting|raising|pushing)\b|\b(?:up|down) from\b")
# "rose to", "had risen to", "stood at", "reached": a verb that gives a running count its new value (not "rose by")
_RISE_TO = re.compile(r"\b(?:(?:has|have|had)\s+)?(?:rose|risen|rises|climbed|climbs|jumped|jumps|increased|increases|reached|reaches|stood|stands|hit|hits|topped|tops|passed|passes|surpassed|surpasses|exceeded|exceeds|grew|grown|soared|went\s+up|climbing|rising|is\s+now|was\s+now|now\s+stands)(?:\s+(?:to|at))?\s+$", re.I)
# "the death toll there at 57", "the toll there rose to 120": the place named before
_AREA_WORD = re.compile(r"\b(?:county|province|prefecture|district|governorate|parish|municipality|borough)\b", re.I)
_STATEWIDE = re.compile(r"\b(?:(?P<state>state-?wide|across\s+the\s+state|in\s+the\s+state\s+as\s+a\s+whole)|nation-?wide|across\s+the\s+country|in\s+the\s+country\s+as\s+a\s+whole)\b", re.I)
_THE_COUNTRY = re.compile(r"\b(?:country|nation|kingdom|republic)\b", re.I)
_THERE_BEFORE = re.compile(r"\s\bthere\b(?=[^,;.]*$)", re.I)
_PUT_AT = re.compile(r"\b(?:put|puts|putting|placed|places|placing|pegged|pegs|estimated|estimates|set|sets|gave|gives)\s+(?P<head>(?:the\s+|its\s+|their\s+)?(?:(?!in\b|for\b|across\b)[\w'’-]+\s+){0,3}?[\w'’-]+)"
                     r"\s+(?:there\s+|nationwide\s+|so\s+far\s+|now\s+)?at\s+(?:(?:about|around|some|nearly|almost|more\s+than|over|at\s+least)\s+)?$", re.I)
# a place acting as the subject: "Australia pledged", "China's government will give", "Japan has offered"
_ACTOR_AFTER = re.compile(r"(?:['’]s)?(?:\s+(?:government|embassy|foreign\s+ministry|prime\s+minister|president|authorities))?\s+(?:has\s+|have\s+|had\s+|will\s+|would\s+|also\s+|separately\s+|said\s+it\s+would\s+)*"
                           r"(?:pledged|pledges|pledging|promised|promises|offered|offers|gave|gives|donated|donates|sent|sends|committed|commits|provided|provides|allocated|earmarked|contributed|contributes|announced|announces|approved|approves|give|send|provide|donate|contribute|pledge|offer)\b", re.I)
_PAST_VERB = re.compile(r"\b(?:topped|tops|passed|passes|surpassed|surpasses|exceeded|exceeds)\b", re.I)
# "spend $5 billion in Thailand over 15 years": the span an amount is spread over (dates.py reads "the next 15 years")
_SPREAD = re.compile(r"\b(?:over|across|during|within)\s+(?:a\s+period\s+of\s+|(?:its|their|the)\s+(?:first|next)\s+)?(?P<n>\d{1,3}|[a-z]+(?:-[a-z]+)?)\s+(?P<unit>years?|months?)\b", re.I)
_STATE_OF = re.compile(r"\s+(?:state|province|region|city|emirate|county|district|island|territory|prefecture)\s+of\s+(?:the\s+)?", re.I)
# "five data centres in the country", "... there": the place named last in the article
# a plan told as history: "after it first announced plans for", "when it originally unveiled plans to"
_RETROSPECTIVE = re.compile(r"\b(?:(?:first|originally|initially|previously)\s+(?:announced|unveiled|revealed|outlined|disclosed|floated|laid\s+out|set\s+out)|"
                            r"(?:after|since|when)\s+(?:\w+\s+){0,3}(?:announced|unveiled|revealed|outlined|disclosed))\s+(?:its\s+|the\s+|their\s+)?$", re.I)
# "the US$1.7 billion (that) Microsoft committed": an amount's agent named after it
_AGENT_GAP = re.compile(r"(?:\s*\([^()]{1,40}\))?\s+(?:that\s+|which\s+)?")
_COMMIT_VERB = re.compile(r"(?:['’]s)?\s+(?:has\s+|had\s+|have\s+)?(?:pledged|committed|promised|announced|unveiled|earmarked|set\s+aside|invested|put\s+up)\b", re.I)
# a toll for several countries at once
_SEVERAL_STATES = re.compile(r"\b(?:across|in|over)\s+(?:the\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|several|many|\d+)\s+(?:\w+\s+)?(?:states|provinces|regions|prefectures|counties)\b", re.I)
_SEVERAL_COUNTRIES = re.compile(r"\b(?:across|in|between|for)\s+(?:the\s+)?(?:two|both|three|several|all|neighbouring|neighboring)\s+(?:\w+\s+)?(?:countries|nations)\b|\bin\s+both\s+(?:countries|nations)\b", re.I)
# a part of the country the gazetteer cannot name: "733 dead in the opposition-held northwest", "In areas controlled by the government, ..."
_AREA = r"(?:[\w-]+\s+){0,3}(?:north|south|east|west|northwest|northeast|southwest|southeast|areas?|parts?|regions?|provinces?|districts?|towns?|villages?|zones?|territor(?:y|ies))\b"
_SUB_AREA = re.compile(r"\s+(?:in|across)\s+(?:the\s+)?" + _AREA, re.I)
_SUB_AREA_FRONT = re.compile(r"\s*(?:in|across)\s+(?:the\s+)?" + _AREA + r"[^,;]{0,40},", re.I)
# "the combined toll": parts added up, so not the story country's own figure
_COMBINED = re.compile(r"\bcombined\b", re.I)
_VENUE = re.compile(r"\b(?:announced|announces|said|says|told|revealed|disclosed|spoke|speaking|signed|pledged|unveiled)\s+(?:\w+\s+)?(?:in|at)\s+(?:the\s+)?$", re.I)
_ONE_UNIT = re.compile(r"(?:\b(?:the|this|that|its|their|our|a|an)|\w['’]s?)\s+(?:[\w()-]+\s+){0,3}$", re.I)
# "... as AWS's 37th region", "as its second": a rank told of a unit named before it
_AS_RANK = re.compile(r"\bas\s+(?:the\s+)?(?:its|their|[\w-]+['’]s?)\s+$", re.I)
# the figure and noun before "and": "adds [18 zones and ]six regions"
_COORDINATED = re.compile(r"\b\d[\d,.]*\s+(?:[\w-]+\s+){1,3}and\s+$")
_UNIT_IN = re.compile(r"\s+(?:in|at)\s+(?:the\s+)?")
_EACH_FIRST = re.compile(r"\s*(?:each|every\s+one)\b(?!\s+of\b)", re.I)
# a clause whose subject is a pronoun: "It will have three availability zones", ", it is built across three zones"
_IT_FIRST = re.compile(r"\s*(?:it|which)\s", re.I)
_WORLDWIDE = re.compile(r"\s+(?:worldwide|globally|around\s+the\s+(?:world|globe)|across\s+the\s+(?:world|globe)|in\s+the\s+world)\b", re.I)
_DEFINITE = re.compile(r"\b(?:the|this|that)\s+(?:new\s+)?$", re.I)
# a unit told with a pronoun: "Since it went live in March 2025", "It opened in 2019.", "and it was switched on last May"
_PRONOUN_EVENT = re.compile(r"(?:^\W*|\b(?:since|when|after|once|before|until|and|but)\s+)(it)\s+(?:(?:has|had|was|finally|officially|formally|first|only)\s+)*"
                            r"(?:went\s+live|gone\s+live|opened|launched|began\s+operations?|started\s+operations?|came\s+online|come\s+online|"
                            r"been\s+(?:launched|opened|switched\s+on)|(?:launched|opened|inaugurated|switched\s+on))"
                            r"(?=\s+(?:in|on|at|last|this|earlier|back|early|late|during|only|just|ahead|\d)\b|\s*[,.;]|\s*$)", re.I)
_ANY_UNIT = re.compile(r"\b(?:each|every|per|any)\s+(?:[\w-]+\s+){0,2}$", re.I)
_BACK_REFERENCE = re.compile(r"\s+(?:(?:in|across|within|throughout)\s+(?:the\s+)?(?:country|nation|kingdom|state|city|territory|emirate|republic|island|county|province|prefecture|district|governorate)\b|there\b|locally\b|nationwide\b)", re.I)


def _event_for(sentence: str, start: int, end: int | None = None) -> str | None:
    """The event a figure takes part in: the nearest event verb before it in its clause,
    else one right after what it counts ("SG6 will open in June", "is scheduled to open")."""
    clause_start = max(sentence.rfind(c, 0, start) for c in ";:")
    best = None
    for pattern, event in EVENT_CUES:
        for m in pattern.finditer(sentence, clause_start + 1, start):
            if _RECIPIENT.search(sentence, m.end(), start):
                continue  # "to add computing capacity to its Johannesburg cloud region": the region gets something, it does not open
            if best is None or m.start() > best[0]:
                best = (m.start(), event)
    if best is None and end is not None:
        tail = _EVENT_TAIL.match(sentence, end)
        if tail:
            for pattern, event in EVENT_CUES:
                if pattern.search(tail.group(1)):
                    return event
    return best[1] if best else None


class DocumentExtractor:
    """Extracts the claims of one document; keeps the running subject."""

    def __init__(self, doc: Document, ctx: Context):
        self.doc = doc
        self.ctx = ctx
        self.subject: str | None = None
        self.last_place: PlaceMention | None = None
        self.last_state: Place | None = None  # the first-level subdivision named last: what "statewide" means
        self.last_areas: dict[str, Place] = {}  # "county" -> the county named last
        self.article_state: Place | None = None  # the first-level subdivision the whole article names most
        self.present: set[str] = set()
        self.named_countries: set[str] = set()  # every country the article names, anywhere
        self.article_country: Place | None = None  # the country of the places the whole article names most
        self.previous = ""  # the sentence before: "The state has tidied up its count of the dead. It now lists 96 deaths"
        self.countries: dict[str, int] = {}  # country code -> places named in it so far
        self.units: dict[str, tuple[Place, int, str]] = {}  # attribute -> (where the last unit named stands, sentence number, noun)
        self.sentence_no = 0
        self.toll: tuple[str, int] | None = None  # (attribute, sentence number) of the last toll spoken of: what "the tally" counts
        self.hours: tuple[int, dt.date | None, str | None] = (0, None, None)  # (sentence number, day, part of day) of the last toll's hour
        self.base = 0
        self.repaired = RepairedText("")

    def story_country(self) -> Place | None:
        """The country the article has named most so far (its first on a tie): where its story happens."""
        return self.ctx.places.get(max(self.countries, key=self.countries.__getitem__)) if self.countries else None

    def _whole_article(self, places: list[Place]) -> None:
        """What the whole article names, read before its first sentence: its countries, and the country and state it names most
        (its first on a tie), so a headline or an early "statewide" can use places named later."""
        self.named_countries = {p.id for p in places if p.kind == "country"}
        countries = Counter(p.country for p in places if p.kind != "region" and p.country is not None)
        states = Counter(p.id for p in places if p.kind == "subdivision" and len(p.parents) == 1)
        self.article_country = self.ctx.places.get(countries.most_common(1)[0][0]) if countries else None
        self.article_state = self.ctx.places.get(states.most_common(1)[0][0]) if states else None

    def last_country(self) -> Place | None:
        """The country of the last place named (the place itself when it lies in no one country)."""
        if self.last_place is None:
            return None
        last = self.last_place.place
        return self.ctx.places.get(last.country or "") or last

    def home(self) -> Place | None:
        """The country the story is about (:meth:`story_country`), else :meth:`last_country`."""
        return self.story_country() or self.last_country()

    def to_file(self, offset: int) -> int:
        """File offset of an offset in the current region's repaired text."""
        return self.base + self.repaired.to_original(offset)

    def claims(self) -> list[Claim]:
        """All claims, in text order; each region is repaired (ftfy) on its own and mapped back.

        A first pass finds each sentence's attribute nouns once: a weak noun
        ("five facilities") counts only when the article names the attribute
        with a strong noun somewhere ("data centers").
        """
        regions = []
        for a, b in self.doc.regions:
            repaired = RepairedText(self.doc.text[a:b])
            sentences = [(sent, self.ctx.nouns.find(sent.text), self.ctx.places.find(sent.text)) for sent in split_sentences(repaired.fixed)]
            regions.append((a, repaired, sentences))
        self.present = {n.attribute for _, _, sentences in regions for _, nouns, _ in sentences for n in nouns if not n.weak}
        self._whole_article([p.place for _, _, sentences in regions for _, _, places in sentences for p in places])
        out: list[Claim] = []
        for a, repaired, sentences in regions:
            self.base, self.repaired = a, repaired
            for sent, nouns, places in sentences:
                out.extend(self._sentence(sent.text, sent.start, nouns, places))
                self.previous = sent.text
        return _same_hour(out)

    def _sentence(self, sentence: str, offset: int, found_nouns: list[NounMatch], found_places: list[PlaceMention]) -> list[Claim]:
        ctx = self.ctx
        attrs = ctx.lexicon.attributes.attributes
        nouns = [n for n in found_nouns if not n.weak or n.attribute in self.present]
        if "regions" in self.present and not any(n.attribute == "regions" for n in nouns):
            nouns = sorted(nouns + _region_names(sentence, found_places), key=lambda n: n.start)
        # Mentions only matter to a sentence that can make a claim: a noun that makes one alone ("opened a
        # data center in Johor"), or a figure with a noun, a toll predicate or a currency to go with it.
        # Most sentences are neither, and the extractors are the costly part.
        found_places = self._localised(found_places)
        self.sentence_no += 1
        units = {n.attribute for n in nouns if attrs[n.attribute].kind == "count" and (not attrs[n.attribute].needs_figure or _named_unit(sentence, n, found_places))}
        busy = bool(units) or (may_have_figures(sentence) and (bool(nouns) or ctx.nouns.may_count_without_noun(sentence) or money_extract.may_have_marker(sentence)))
        # "Since it went live in March 2025": the unit named just before, told with a pronoun (unless the sentence names one itself)
        pronoun = self._pronoun_unit(sentence)
        if pronoun is not None and pronoun[0].attribute in units:
            pronoun = None
        busy = busy or pronoun is not None
        # "The dead are still being counted. The national tally stands at 219": a bare tally counts the toll spoken of just before
        toll = self.toll[0] if self.toll is not None and self.sentence_no - self.toll[1] <= 2 else None
        generic = toll is not None and _GENERIC_HEAD.search(sentence) is not None and may_have_figures(sentence)
        busy = busy or generic
        if (topic := ctx.nouns.toll_topic(sentence)) is not None:
            self.toll = (topic, self.sentence_no)
        all_mentions = mentions(sentence, self.doc.source.published) if busy else []
        if busy and (home := self.article_country) is not None and home.id in money_extract.LOCAL_SYMBOLS and (local := money_extract.local_amounts(sentence, home.id)):
            # "R6.1 billion" in a South African story: rand, which the extractors alone cannot tell
            all_mentions = sorted([m for m in all_mentions if not any(a.start < m.end and m.start < a.end for a in local)] + local, key=lambda m: (m.start, m.end))
        # "US$10 billion", "the US$1.7 billion" are money, not a place called "(the) US"
        places = [p for p in found_places if not any(m.kind == "money" and p.start < m.end and m.start < p.end for m in all_mentions)]
        ents = [e for e in ctx.entities.find(sentence) if not (e.guessed and any(p.start <= e.start and e.end <= p.end for p in places))]
        self._remember_units(sentence, nouns, places)
        if not busy:
            self._advance(ents, places)
            return []
        figures = [m for m in all_mentions if m.kind in ("number", "ordinal")]
        dates = [m for m in all_mentions if m.kind in ("date", "daterange") and m.date is not None]
        frame = _Frame(self, sentence, offset, ents, places, dates, status_cues(all_mentions, sentence), nouns)
        claims: list[Claim] = []
        used: set[int] = set()
        last_noun: NounMatch | None = None
        for noun in nouns:
            spec = attrs[noun.attribute]
            if spec.kind == "money":
                continue
            fig = self._figure_before(sentence, noun, figures)
            if fig is not None:
                used.add(fig.start)
                claims.extend(frame.count(fig, noun))
            elif spec.kind == "count" and (not spec.needs_figure or _named_unit(sentence, noun, places)):
                claims.extend(frame.bare_event(noun))
            last_noun = noun
        for m in figures:
            if m.kind == "number" and m.start not in used:
                # "37 people were killed", "killing 144 people", "the death toll rose to 1,002"
                pred = ctx.nouns.predicate_after(sentence, m.end) or ctx.nouns.agent_before(sentence, m.start, m.end) or ctx.nouns.head_before(sentence, m.start, m.end)
                if pred is None and generic and toll is not None:
                    pred = _generic_head_before(sentence, m.start, m.end, toll)
                if pred is not None:
                    used.add(m.start)
                    claims.extend(frame.count(m, pred))
        # "Syria accounted for 2,162 of the dead": a part of a toll, held by the place its clause names
        for m in figures:
            if m.kind == "number" and m.start not in used and (part := _partitive(sentence, m, nouns, frame.places, attrs)) is not None:
                used.add(m.start)
                claims.extend(frame.count(m, part))
        # "and a second in the Philippines": an ordinal with its noun left out
        if last_noun is not None:
            for m in figures:
                if m.kind == "ordinal" and m.start not in used and m.start > last_noun.end:
                    pm = next((p for p in places if p.start > m.end and re.fullmatch(r"\s+(?:one\s+)?(?:in|at)\s+(?:the\s+)?", sentence[m.end : p.start])), None)
                    if pm:
                        elided = NounMatch(m.end, m.end, last_noun.attribute, last_noun.noun, last_noun.weak)
                        claims.extend(frame.count(m, elided))
        if pronoun is not None:
            claims.extend(frame.bare_event(*pronoun))
        money = [m for m in all_mentions if m.kind == "money"]
        if money:
            claims.extend(frame.money(money, [n for n in nouns if attrs[n.attribute].kind == "money"]))
        if (told := next((c.attribute for c in reversed(claims) if c.attribute is not None and attrs[c.attribute].of_event), None)) is not None:
            self.toll = (told, self.sentence_no)
        self._advance(ents, places)
        return claims

    def hour_before(self, as_of: DateInterval) -> str | None:
        """The hour the previous sentence gave a toll of the same day: "... said late on Saturday. A further 3,408 were injured"."""
        n, day, part = self.hours
        return part if n == self.sentence_no - 1 and day is not None and day == as_of.start == as_of.end and as_of.text == "published" else None

    def _localised(self, places: list[PlaceMention]) -> list[PlaceMention]:
        """A city or province named like one in the countries the article speaks of is that one ("Valencia" in a story about Spain);
        a part of a country no table names ("Kerr County") lies in the state or country named last, else the article's."""
        if not places:
            return places
        if any(p.place.kind == "area" for p in places):
            places = [a for p in places if (a := self._area(p, places)) is not None]
        if not self.ctx.places.elsewhere:
            return places
        # the countries named so far; before any is (a headline), the countries the whole article names
        home = set(self.countries) | {p.place.id for p in places if p.place.kind == "country"} or self.named_countries
        return [replace(p, place=self.ctx.places.in_countries(p.place, home)) if p.place.kind in ("city", "subdivision") else p for p in places]

    def _area(self, p: PlaceMention, places: list[PlaceMention]) -> PlaceMention | None:
        """An unnamed area as a city-level place of its country, inside the subdivision named with it or just before."""
        if p.place.kind != "area":
            return p
        state = next((q.place for q in places if q.place.kind == "subdivision" and len(q.place.parents) == 1), None) or self.last_state or self.article_state
        country = state.country if state is not None else (self.last_country() or self.article_country)
        code = country if isinstance(country, str) else (country.id if country is not None and country.kind == "country" else None)
        if code is None:
            return None
        parents = (state.id, code) if state is not None and state.country == code else (code,)
        return replace(p, place=Place(f"city:{code}:{p.place.id.removeprefix('area:')}", p.place.name, parents, "city"))

    def _remember_units(self, sentence: str, nouns: list[NounMatch], places: list[PlaceMention]) -> None:
        """One unit named with its place ("a region in Saudi Arabia", "its Thailand region"): what "it" and "the region" may stand for next."""
        for n in nouns:
            if n.weak or sentence[n.start : n.end].lower() != n.noun.lower():
                continue
            named = _place_naming(sentence, n, places) or next((p for p in places if _UNIT_IN.fullmatch(sentence, n.end, p.start)), None)
            if named is not None and named.place.kind != "region":
                self.units[n.attribute] = (named.place, self.sentence_no, n.noun)

    def carried_unit(self, attribute: str | None = None) -> tuple[str, Place, str] | None:
        """The unit named in the last two sentences (of ``attribute``, else of any): (attribute, where it stands, its noun)."""
        recent = [(n, attr, place, noun) for attr, (place, n, noun) in self.units.items()
                  if self.sentence_no - n <= 2 and (attribute is None or attr == attribute)]
        if not recent:
            return None
        _, attr, place, noun = max(recent, key=lambda r: r[0])
        return attr, place, noun

    def _pronoun_unit(self, sentence: str) -> tuple[NounMatch, Place] | None:
        """The pronoun of "Since it went live in March 2025", as the unit named just before, with its place."""
        unit = self.carried_unit()  # cheap, so first: most sentences have no unit named just before
        if unit is None or (m := _PRONOUN_EVENT.search(sentence)) is None:
            return None
        attr, place, noun = unit
        return NounMatch(m.start(1), m.end(1), attr, noun, False), place

    def _figure_before(self, sentence: str, noun: NounMatch, ms: list[Mention]) -> Mention | None:
        """The figure or ordinal counting this noun, if any."""
        for m in reversed(ms):
            if m.end > noun.start:
                continue
            if not _between_ok(sentence[m.end : noun.start]) or m.kind == "percent":
                return None
            return m
        return None

    def _advance(self, ents, places) -> None:
        """After a sentence: its first named entity becomes the running subject, its last concrete place the running place."""
        named = [e for e in ents if not e.anaphoric]
        if named:
            # the sentence's first named entity is usually its grammatical subject
            self.subject = named[0].entity
        concrete = [p for p in places if p.place.kind != "region"]
        if concrete:
            self.last_place = concrete[-1]
        for p in concrete:
            if (word := _AREA_WORD.search(p.place.name)) is not None:
                self.last_areas[word.group(0).lower()] = p.place  # "Kerr County": what "the county" means next
        for p in concrete:  # the state named last, or the state of a place named in it ("Kerr County, Texas")
            state = p.place if p.place.kind == "subdivision" and len(p.place.parents) == 1 else next(
                (s for q in p.place.parents[:-1] if (s := self.ctx.places.get(q)) is not None and len(s.parents) == 1), None)
            self.last_state = state or self.last_state
        for p in concrete:
            if p.place.country:
                self.countries[p.place.country] = self.countries.get(p.place.country, 0) + 1


class _Frame:
    """One sentence being framed into claims."""

    def __init__(self, doc_ex: DocumentExtractor, sentence: str, offset: int, ents, places, dates: list[Mention], cues: list[tuple[int, int, Status]],
                 nouns: list[NounMatch]):
        self.x = doc_ex
        self.sentence = sentence
        self.offset = offset
        self.ents = ents
        # "a commitment that Nadella announced in Jakarta": where something was said is no claim's scope
        self.places = [p for p in places if not _VENUE.search(sentence, max(0, p.start - 40), p.start)]
        # places that may scope a figure: not a landmark ("south of Marrakesh", "near Asheville") nor a dateline
        # ("MARRAKESH, Sept 9 (Wire) -", where the reporter is)
        self.scoping = [p for p in self.places if not _LANDMARK.search(sentence, max(0, p.start - 30), p.start)
                        and not (p.start == 0 and _DATELINE.match(sentence, p.end) and sentence[: p.end].isupper())]
        # relative and participle clauses between commas ("The toll, which the department trimmed in October, ...")
        self.relatives = [(m.start(), m.end()) for m in _RELATIVE.finditer(sentence)]
        self.dates = dates
        self.cues = cues
        self.nouns = nouns

    # -- parts shared by every claim -------------------------------------------------
    def subject_at(self, pos: int, require_local: bool = False) -> tuple[str | None, float]:
        """Entity named last before ``pos``; else an anaphor or the article's running subject.

        With ``require_local`` (money) the subject must be named or pointed to
        before the figure: "the country's wealth fund said it would put RM5 billion"
        is nobody we know, not the article's company.
        """
        named = [e for e in self.ents if e.end <= pos and not e.anaphoric]
        if named:
            return named[-1].entity, 0.85 if named[-1].guessed else 1.0
        anaphor = any(e.anaphoric and e.end <= pos for e in self.ents)
        speaker = _SPEAKER.match(self.sentence)
        if anaphor and speaker and not any(e.start < speaker.end() for e in self.ents):
            # "Malaysia's wealth fund said it would ...": "it" is the speaker, whom we don't know
            return None, 0.5
        if require_local:
            return (self.x.subject, 0.9) if anaphor and self.x.subject else (None, 0.5)
        if self.x.subject:
            return self.x.subject, 0.9
        later = [e for e in self.ents if not e.anaphoric]
        if later:
            return later[0].entity, 0.8
        return None, 0.5

    def scopes(self, start: int, noun_start: int, noun_end: int, default: str | None = None, within: str | None = None) -> tuple[list[PlaceMention], str | None, float]:
        """Scopes for a figure at ``start`` counting the noun: (places, special scope id, confidence).

        With no place in the sentence: ``within`` (the attribute of the units
        that hold these) makes "the region's three zones" the story country's;
        ``default`` is a scope id, or ``story`` for the story's country.
        """
        sentence = self.sentence
        # "Officials in Travis County, which includes Austin, counted six dead": a place in a relative clause is that clause's
        places = [p for p in self.scoping if not self.in_other_clause(p.start, p.end, start)]
        # "2,100 injured, most of them in the mountain communes of Al Haouz": where some of them are, not the figure's place
        places = [p for p in places if not (p.start >= noun_end and _SUBSET_IN.search(sentence, max(noun_end, p.start - 60), p.start))]
        inside = [p for p in places if start <= p.start and p.end <= noun_start]
        if inside:
            return inside[:1], None, 1.0
        wide = _STATEWIDE.search(sentence, *_comma_clause(sentence, start, noun_end)) or _STATEWIDE.match(sentence)  # "Statewide, 109 people have died"
        if wide is not None and not any(start <= p.start < wide.start() for p in places):
            # "statewide the toll reached 82": the state named last; "nationwide": its country
            named = [p.place for p in places if p.end <= start] + ([self.x.last_place.place] if self.x.last_place is not None else [])
            state = next((q for q in named if q.kind == "subdivision" and len(q.parents) == 1), None) or self.x.last_state or self.x.article_state
            ref = state if wide.group("state") else (self.x.ctx.places.get(named[0].country or "") if named else None)
            if ref is not None:
                return [PlaceMention(wide.start(), wide.end(), ref, label=ref.name)], None, 0.8
        if _EACH_FIRST.match(sentence):
            return [], None, 0.5  # "Each launched with three zones": every one of them, no one place
        if _WORLDWIDE.match(sentence, noun_end):
            return [], "global", 1.0  # "AWS's 41st region worldwide and the third it runs in the Gulf"
        after: list[PlaceMention] = []
        for p in places:
            if p.start < noun_end:
                continue
            gap = sentence[(after[-1].end if after else noun_end) : p.start]
            if not after:
                if len(gap) > 60 or not re.search(r"\b(?:in|at|across|within|throughout|for|into)\b", gap) or re.search(r"[;:,]|\b(?:while|but|with|than|from)\b", gap):
                    break
                after.append(p)
            elif p.place.kind != "country" and after[0].place.id in p.place.parents and _STATE_OF.fullmatch(gap):
                after[-1] = p  # "the Malaysian state of Sabah": the state
            elif re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*/\s*)(?:the\s+)?", gap):
                first = after[0].place
                if p.place.id in first.parents or first.id in p.place.parents:
                    break  # "Dubai, the United Arab Emirates": the parent, not a second place
                after.append(p)
            else:
                break
        if after and len({p.place.country for p in after}) > 1 and not _RANK_AT.match(sentence, start):
            return [], None, 0.5  # "15 more zones and five more regions in Canada, Israel, Malaysia ...": spread over them, no one place's
        if after:
            return after, None, 1.0
        back = _BACK_REFERENCE.match(sentence, noun_end) or _THERE_BEFORE.search(sentence, max(0, start - 40), start)
        if back and self.x.last_place is None and not places:
            return [], None, 0.5  # "its first cloud region in the Kingdom" before any place is named: somewhere, not the world
        if back and self.x.last_place is not None:
            # "In Myanmar, ... 2,000 people had now been killed there": the place this sentence named first
            ref = next((p.place for p in reversed(places) if p.end <= start and p.place.kind != "region"), self.x.last_place.place)
            if _THE_COUNTRY.search(back.group(0)) and ref.kind != "country":
                ref = self.x.ctx.places.get(ref.country or "") or ref  # "in the country" after "around Auckland": New Zealand
            elif re.search(r"\bstate\b", back.group(0), re.I) and self.x.last_state is not None:
                ref = self.x.last_state  # "in the state" after "Kerr County": Texas
            elif (word := _AREA_WORD.search(back.group(0))) is not None and (area := self.x.last_areas.get(word.group(0).lower())) is not None:
                ref = area  # "68 people had been confirmed dead in the county": the county named last
            return [PlaceMention(back.start() + len(back.group(0)) - len(back.group(0).lstrip()), back.end(), ref, label=ref.name)], None, 0.8
        c0, c1 = _comma_clause(sentence, start, noun_end)
        in_clause = [p for p in places if c0 <= p.start and p.end <= start]
        if in_clause:
            return in_clause[-1:], None, 0.7
        if (front := _FRONT_PLACE.match(sentence)) is not None and front.end() <= start:
            # "In the prefecture of Marrakech, 15 people were killed": the place the sentence opens with
            fronted = [p for p in places if front.start(1) <= p.start and p.end <= front.end(1)]
            if fronted:
                return fronted[-1:], None, 0.7
        if any(m.start() <= start < m.end() for m in _ZONES_ACROSS_REGIONS.finditer(sentence, c0, c1)):
            return [], "global", 0.8  # "With the New Zealand launch, AWS runs 120 availability zones across 38 geographic regions"
        if within and not places and _LAUNCHED_WITH.search(sentence, c0, start) and (home := self.x.home()) is not None:
            return [PlaceMention(start, start, home, label=home.name)], None, 0.6  # "ap-southeast-6 launches with four zones": the new region's
        if within and not places and (self._unit_just_before(within, start) or (_IT_FIRST.match(sentence, c0) and not self.x.ctx.places.is_global(sentence[c0:c1]))) \
                and (carried := self.x.carried_unit(within)):
            # "AWS switched on its New Zealand region. The Auckland-area region has three availability zones" (or "It will have
            # three availability zones"): that region's
            return [PlaceMention(start, start, carried[1], label=carried[1].name)], None, 0.6
        if self.x.ctx.places.is_global(sentence[c0:c1]):
            return [], "global", 0.9
        near = next((p for p in reversed(places) if p.end <= start and p.place.kind != "region"), None)
        if near is not None and ";" not in sentence[near.end : start] and _NEAREST_OK.search(sentence[near.end : start]):
            # "and Yen Bai, where landslides struck the provincial capital, 37 dead": the place the list names just before
            return [near], None, 0.7
        if len(before := {p.place.id for p in places if p.end <= start and p.place.kind != "region"}) == 1 and not in_clause:
            # "Officials in Travis County, which includes Austin, counted six dead, Burnet County three": the one place before it
            return [p for p in places if p.place.id in before][-1:], None, 0.7
        if len({p.place.id for p in places}) == 1 and not (places[0].start >= noun_end and _SUBORDINATE.search(sentence, noun_end, places[0].start)):
            return places[:1], None, 0.7  # the one place the sentence names, unless another clause's ("Toll passes 2,000 as Al Haouz counts its dead")
        # "jobs in Selangor and Johor": both in Malaysia; "when the region opens in Querétaro, ... across three
        # availability zones": the units of a region named first (unless the figure is a global one)
        country = self._one_country(places) or (self._one_country([p for p in places if p.end <= start and p.place.kind != "region"])
                                                 if within and not self.x.ctx.places.is_global(sentence) else None)
        if country is not None:
            return [PlaceMention(start, start, country, label=country.name)], None, 0.6
        unit = self._unit_before(within, start) if within else None
        if unit is not None or default == "story":
            # "the region's three availability zones": the region's own, where the story is; "each region has three": no one place
            home = self.x.home() if unit is not False else None
            return ([PlaceMention(start, start, home, label=home.name)], None, 0.6) if home else ([], None, 0.5)
        if self.x.ctx.places.is_global(sentence):
            return [], "global", 0.8
        if default:
            return [], default, 0.7
        return [], None, 0.5

    def _unit_just_before(self, attribute: str, start: int) -> bool:
        """One unit of ``attribute`` is the figure's subject, a few words before it: "The Auckland-area region has three zones"."""
        unit = next((n for n in reversed(self.nouns) if n.attribute == attribute and n.end <= start), None)
        return (unit is not None and self.sentence[unit.start : unit.end].lower() == unit.noun.lower()
                and _ONE_UNIT.search(self.sentence, max(0, unit.start - 40), unit.start) is not None
                and len(self.sentence[unit.end : start].split()) <= 4 and not self.x.ctx.places.is_global(self.sentence[unit.end : start]))

    def _one_country(self, places: list[PlaceMention]) -> Place | None:
        """The one country all these places lie in (None for none, several, or a place in no one country)."""
        countries = {p.place.country for p in places}
        return self.x.ctx.places.get(countries.pop() or "") if len(countries) == 1 else None

    def _unit_before(self, attribute: str, start: int) -> bool | None:
        """Whether a unit of ``attribute`` is named before ``start``: True for one unit ("the region", "its new
        region", "a new region"), False for any unit ("each region", "every region"), None when no singular noun of it comes first."""
        for n in self.nouns:
            if n.attribute != attribute or n.end > start or self.sentence[n.start : n.end].lower() != n.noun.lower():
                continue
            before = self.sentence[max(0, n.start - 40) : n.start]
            if _ANY_UNIT.search(before):
                return False
            if _ONE_UNIT.search(before):
                return True
        return None

    def in_other_clause(self, a: int, b: int, figure: int) -> bool:
        """True when ``sentence[a:b]`` lies in a relative or participle clause that does not hold the figure at ``figure``."""
        return any(r0 < a and b <= r1 and not r0 < figure < r1 for r0, r1 in self.relatives)

    def date_near(self, start: int, end: int, roles: tuple[str, ...], not_before: dt.date | None = None) -> Mention | None:
        """The date mention in the figure's clause (else the sentence) with one of ``roles``.

        ``not_before`` drops dates that end before it: a plan's date is not the
        day it was announced ("said on Wednesday that it plans to open ...").
        """
        cands = [d for d in self.dates if (d.extra.get("role") or "as_of") in roles
                 and (not_before is None or d.date is None or d.date.end is None or d.date.end >= not_before)
                 and not _EVENT_POSSESSIVE.match(self.sentence, d.end) and not _EVENT_OF.search(self.sentence, max(0, d.start - 40), d.start)]
        if not cands:
            return None
        # a date in a relative clause that does not hold the figure is that clause's ("which it trimmed in October")
        cands = [d for d in cands if not self.in_other_clause(d.start, d.end, start)]
        if not cands:
            return None
        bounds = [-1] + [m.start() for m in _DATE_CLAUSE.finditer(self.sentence)] + [len(self.sentence)]
        c0 = max(b for b in bounds if b < start)
        c1 = min(b for b in bounds if b >= end)
        local = [d for d in cands if c0 < d.start and d.end <= c1]
        return min(local, key=lambda d: (abs(d.start - start), d.start)) if local else None

    def period(self, start: int, end: int, as_of: DateInterval) -> DateInterval | None:
        """The span a figure is spread over: a period date near it ("over the next three years"), else :meth:`spread_over`."""
        m = self.date_near(start, end, ("period",))
        return m.date if m is not None else self.spread_over(end, as_of)

    def spread_over(self, end: int, as_of: DateInterval) -> DateInterval | None:
        """'over 15 years', 'over five years' after an amount: the period it is spread over, from its date."""
        m = _SPREAD.search(self.sentence, end, _clause_end(self.sentence, end))
        begin = as_of.start or as_of.end
        if m is None or begin is None:
            return None
        n = numbers.extract(m.group("n"))
        if len(n) != 1 or n[0].value is None or n[0].value.low is None or n[0].value.low != n[0].value.high or not 0 < n[0].value.low <= 100:
            return None
        unit = "year" if m.group("unit").lower().startswith("year") else "month"
        # the same span dates.py gives "the next 15 years"
        return nd.interval(nd.rolling(begin, int(n[0].value.low), unit, True), unit, m.group(0))

    def _to_date(self) -> DateInterval | None:
        """'Amazon has put 52 billion pesos into the country since 2015': money spent from that year up to publication."""
        m = _SINCE_YEAR.search(self.sentence)
        end = self.x.doc.source.published
        if m is None or end is None or not _SPENT_SO_FAR.search(self.sentence) or int(m.group("year")) >= end.year:
            return None
        return DateInterval(start=dt.date(int(m.group("year")), 1, 1), end=end, precision="year", text=m.group(0))

    def as_of(self, start: int, end: int, status: Status, toll: bool = False) -> DateInterval:
        """When the claim holds: a date stated in the figure's clause, else the published date.

        A toll's "by" date is when it held ("By Monday evening the toll had reached 2,682"), not a deadline.
        """
        published = self.x.doc.source.published
        future = status in (Status.planned, Status.under_construction)
        # a plan's date lies after the day it was announced ("said on Thursday it will open ..."), never on it
        after = published + dt.timedelta(days=1) if future and published else None
        d = self.date_near(start, end, ("as_of", "deadline", "period") if future else ("as_of", "deadline") if toll else ("as_of",), after)
        if toll and d is not None and d.date is not None and d.extra.get("role") == "deadline":
            end = d.date.end
            if end is None or (published and end > published):
                d = None  # "by Friday" in a toll's sentence is no time it held
            else:
                return d.date.model_copy(update={"start": end, "precision": "day"}) if d.extra.get("anchor") == "day" else d.date
        if d is not None and d.date is not None:
            if not future and published and d.date.start and d.date.start > published and not re.search(r"\d{4}", d.text):
                return _year_earlier(d.date)  # "opened its region in January", written in September: the January before
            return d.date
        if future:
            # a plan with no date: some time from publication on, never "on the publication day"
            return DateInterval(start=published, end=None, precision="open", text="no date given") if published else _published_interval(None)
        return _published_interval(published)

    def span(self, start: int, end: int) -> Span:
        """Evidence for sentence[start:end], in the file's own offsets."""
        to_file, text = self.x.to_file, self.x.doc.text
        a, b = to_file(self.offset + start), to_file(self.offset + end)
        s0, s1 = to_file(self.offset), to_file(self.offset + len(self.sentence))
        line, col = line_column(text, a)
        return Span(start=a, end=b, quote=text[a:b], sentence=text[s0:s1], line=line, column=col)

    def claim(self, *, kind: str, attribute: str, scope: str | None, scope_name: str | None, parents: list[str], value: Interval,
              unit: str, start: int, end: int, subject: str | None, status: Status, as_of: DateInterval, confidence: float, **extra) -> Claim:
        ev = self.span(start, end)
        source = self.x.doc.source.id
        return Claim(
            id=claim_id(source, f"{kind}:{attribute}", scope, ev.start, ev.end),
            source=source, kind=kind, subject=subject, attribute=attribute, scope=scope, scope_name=scope_name,  # type: ignore[arg-type]
            scope_parents=parents, value=value, unit=unit, as_of=as_of, status=status, evidence=ev,
            confidence=round(confidence, 2), **extra,
        )

    # -- claim kinds --------------------------------------------------------------------
    def count(self, fig: Mention, noun: NounMatch) -> list[Claim]:
        """Count (or increment) claims for a figure counting a noun, one per scope; plus an event for "launched its third"."""
        sentence = self.sentence
        between = set(sentence[fig.end : noun.start].lower().split())
        is_ordinal = fig.kind == "ordinal"
        if is_ordinal and _WHETHER.search(sentence, max(0, fig.start - 40), fig.start):
            return []  # "whether a third Indian region is on the cards", "did not announce a third region": no unit's rank
        if is_ordinal and INCREMENT_MODIFIERS & between:
            return []  # "the second new region it has brought online in a week": a rank among recent launches, not the unit's
        kind = "count"
        before = sentence[: fig.start]
        if not is_ordinal and (INCREMENT_MODIFIERS & between or INCREMENT_VERBS.search(before) or INCREMENT_VERBS.search(_COORDINATED.sub("", before))):
            kind = "increment"  # "adds 18 zones and six regions": both are added
        spec = self.x.ctx.lexicon.attributes.attributes[noun.attribute]
        subject, conf_s = (None, 1.0) if spec.of_event else self.subject_at(fig.start)
        places, special, conf_p = self.scopes(fig.start, noun.start, noun.end, spec.default_scope, spec.within)
        if is_ordinal and places and all(p.end <= fig.start for p in places) and _AS_RANK.search(sentence, 0, fig.start):
            # "Mexico (Central) goes live as AWS's 37th region": the place names the unit; the rank is the company's own
            places, special = [], spec.default_scope if spec.default_scope != "story" else None
        if spec.within and places and all(p.start >= noun.end and p.place.kind not in ("country", "region") for p in places):
            # "three availability zones in the Jakarta area": where the zones stand, not a unit named for the city
            # ("the Osaka region's three zones" keeps its city): the region they belong to is the country's
            if (country := self._one_country(places)) is not None:
                places = [replace(places[0], place=country, label=country.name)]
        if spec.of_event:
            places, special, conf_p = self._toll_scope(fig, noun, places, special, conf_p)
        assert fig.value is not None
        value = Interval(low=fig.value.low, high=None if noun.above else fig.value.high, text=fig.text)
        if not is_ordinal and "other" in between and _JOINS_OTHER.search(sentence, 0, fig.start) and value.low is not None:
            # "joins 37 other regions": 38 with it
            value = Interval(low=value.low + 1, high=None if value.high is None else value.high + 1, text=fig.text)
        plural = noun.end > noun.start and sentence[noun.start : noun.end].lower() != noun.noun.lower()
        if is_ordinal and plural:
            if not re.search(r"(?:\b(?:its|their|our|his|her)|['’]s?)\s+$", sentence[: fig.start]):
                return []  # "so that the first zones come online": a phase, no unit's rank
            value = Interval(low=value.low, high=None, text=fig.text)  # "its first data centers in X"
        status = Status.unknown if spec.of_event else _status_for(sentence, fig.start, noun.end, self.cues)
        as_of = self.as_of(fig.start, noun.end, status, toll=spec.of_event)
        published = self.x.doc.source.published
        if not spec.of_event and status in (Status.unknown, Status.operational) and published and as_of.start and as_of.start > published:
            status = Status.planned  # "Mexico (Central): four zones, early 2025", written in 2024: what is to come
        if spec.of_event and not _the_story_toll(sentence, fig.start, as_of, published):
            return []
        if spec.of_event and (part := _part_of_day(sentence, as_of) or self.x.hour_before(as_of)) is not None:
            as_of = as_of.model_copy(update={"part_of_day": part})  # "by mid-morning, 2,300 dead": a running toll's hour
            self.x.hours = (self.x.sentence_no, as_of.start, part)
        conf = min(conf_s, conf_p) * (0.8 if noun.weak else 1.0)
        ordinal = int(fig.value.low) if is_ordinal and fig.value.low is not None else None
        after_scope = max([noun.end] + [p.end for p in places if p.start >= noun.end])
        event = _event_for(sentence, fig.start, after_scope) if is_ordinal else None
        # a planned flow is spread over a span: "60,000 new jobs during its first four years"
        period = self.period(fig.start, noun.end, as_of) if kind == "increment" and status == Status.planned else None
        out = []
        targets = [(p.place.id, p.label or sentence[p.start : p.end], list(p.place.parents), p.end) for p in places] or [(special, None, [], noun.end)]
        # "the UN revised its death toll sharply downwards, saying 3,958": a fall the source itself reports
        # ... or the sentence before did, and this one gives the figure as it stands now ("It now lists 96 deaths")
        revised = spec.of_event and (_REVISED_DOWN.search(sentence) is not None
                                     or (as_of.text == "published" and _REVISED_DOWN.search(self.x.previous) is not None))
        for scope, scope_name, parents, scope_end in targets:
            q_end = scope_end if places and places[0].start >= noun.end else noun.end
            common = dict(attribute=noun.attribute, scope=scope, scope_name=scope_name, parents=parents, unit="count",
                          start=fig.start, end=max(q_end, noun.end), subject=subject, status=status, as_of=as_of, confidence=conf)
            out.append(self.claim(kind=kind, value=value, ordinal=ordinal, period=period, **common))
            if revised:
                out.append(self.claim(kind="event", value=value, event="revision", **common))
            if event:
                common["as_of"] = _event_time(as_of, status)
                out.append(self.claim(kind="event", value=value, ordinal=ordinal, event=event, **common))
        return out

    def _agent_after(self, end: int) -> tuple[str | None, float]:
        """The entity that committed an amount, named after it: "the US$1.7 billion (that) Microsoft committed last year"."""
        for e in self.ents:
            if e.start >= end and not e.anaphoric and _AGENT_GAP.fullmatch(self.sentence, end, e.start) and _COMMIT_VERB.match(self.sentence, e.end):
                return e.entity, 0.85 if e.guessed else 0.95
        return None, 0.5

    def _toll_scope(self, fig: Mention, noun: NounMatch, places: list[PlaceMention], special: str | None,
                    conf: float) -> tuple[list[PlaceMention], str | None, float]:
        """Where a toll or a tally holds, from the scopes found in the sentence.

        A figure for several countries at once is ``global`` ("killing 3,823 people
        across the two countries", "the death toll in Turkey and Syria climbed above
        11,000"). A part the gazetteer cannot name ("733 dead in the opposition-held
        northwest") has no scope rather than a place guessed from elsewhere in the
        sentence. An unplaced figure is the national one: the country of the last
        place named ("2,376 people were injured"), unless it is a "combined" toll.
        """
        sentence = self.sentence
        c0, c1 = _comma_clause(sentence, fig.start, noun.end)
        clause_countries = {p.place.country for p in self.places if c0 <= p.start and p.end <= c1 and p.place.kind == "country"}
        if _SEVERAL_COUNTRIES.search(sentence, c0, c1) or len(clause_countries) > 1:
            return [], "global", conf
        # a sub-area right after the noun, fronting the sentence, or named in the clause that "there" points back to
        sub_area = (_SUB_AREA.match(sentence, noun.end) or ((front := _SUB_AREA_FRONT.match(sentence)) is not None and front.end() <= fig.start)
                    or (_BACK_REFERENCE.match(sentence, noun.end) and _SUB_AREA.search(sentence, c0, fig.start)))
        if sub_area:
            return ([], None, conf) if conf <= 0.8 else (places, special, conf)
        if not any(p.end <= fig.start for p in self.places) and (who := _UNKNOWN_SUBJECT.match(sentence)) is not None and who.group(1).split()[0] not in NOT_ORG_START \
                and not any(e.start == 0 for e in self.ents) and fig.start > who.end(1):
            return [], None, 0.5  # "Taroudant, on the southern flank of the range, recorded 452 deaths": a place no table names
        if not places and special is None and (last := self.x.last_country()) is not None and not _COMBINED.search(sentence):
            return [PlaceMention(noun.end, noun.end, last, label=last.name)], None, 0.7
        if not places and special is None and _SEVERAL_STATES.search(sentence, c0, c1) and (home := self.x.article_country) is not None:
            # "Helene, which has killed 64 people across five states": the country they lie in, named later in the article
            return [PlaceMention(noun.end, noun.end, home, label=home.name)], None, 0.6
        return places, special, conf

    def bare_event(self, noun: NounMatch, carried: Place | None = None) -> list[Claim]:
        """An opening or closure without a figure: "opened a data center in Paris on 17 June".

        ``carried`` is where the unit a pronoun stands for was named ("Since it
        went live in March 2025"); "the region" with no place of its own is the
        unit named in the last two sentences.
        """
        sentence = self.sentence
        if noun.weak:
            return []
        after_places = [p.end for p in self.places if p.start >= noun.end and p.start - noun.end < 40]
        event = _event_for(sentence, noun.start, max([noun.end] + after_places[:1]))
        if event is None and after_places:
            event = _event_for(sentence, noun.start, noun.end)  # "region, first promised under the Bersama Malaysia programme, is already serving"
        if event is None:
            return []
        if carried is not None:
            if any(p.place.kind != "region" and p.place.country != carried.country for p in self.places):
                return []  # "it launched in Malaysia in 2015": another place, so not the unit named before
            places, special, conf_p = [PlaceMention(noun.start, noun.end, carried, label=carried.name)], None, 0.7
        elif noun.noun[:1].isupper():  # a region's name: "switched on Malaysia West in April 2025"
            places, special, conf_p = [p for p in self.places if noun.start <= p.start and p.end <= noun.end][:1], None, 0.8
        else:
            verb_gap = sentence[max(0, noun.start - 60) : noun.start]
            if not re.search(r"(?:\b(?:a|an|its|the|new|first|own)\s+|\w['’]s?\s+)(?:[\w()-]+\s+){0,3}$", verb_gap, re.I):
                return []
            named = _place_naming(sentence, noun, self.places)
            places, special, conf_p = ([named], None, 1.0) if named else self.scopes(noun.start, noun.start, noun.end)
            singular = sentence[noun.start : noun.end].lower() == noun.noun.lower()
            if not places and not self.places and singular and _DEFINITE.search(sentence, 0, noun.start) and (unit := self.x.carried_unit(noun.attribute)):
                places, conf_p = [PlaceMention(noun.start, noun.end, unit[1], label=unit[1].name)], 0.7  # "the region": the one named just before
        if not places:
            return []
        subject, conf_s = self.subject_at(noun.start)
        status = _status_for(sentence, noun.start, noun.end, self.cues)
        as_of = _event_time(self.as_of(noun.start, noun.end, status), status)
        published = self.x.doc.source.published
        if as_of.text == "by publication" and published and _NEWS_OPENING.search(sentence) and not _PAST_OPENING.search(sentence):
            # "Microsoft switches on Malaysia West": news told in the present happened in the days before publication
            as_of = DateInterval(start=published - dt.timedelta(days=7), end=published, precision="open", text="this week (present tense)")
        # "plans to open a second African region in Kenya": another one, never the first it may merge with
        nth = _A_NTH.search(sentence, max(0, noun.start - 40), noun.start)
        ordinal = _NTH[nth.group(1).lower()] if nth else None
        out = []
        for p in places:
            out.append(self.claim(kind="event", attribute=noun.attribute, scope=p.place.id, scope_name=p.label or sentence[p.start : p.end],
                                  parents=list(p.place.parents), value=Interval(low=None, high=None, text=""), unit="count",
                                  start=noun.start, end=p.end if p.start >= noun.end else noun.end, subject=subject, status=status,
                                  as_of=as_of, confidence=min(conf_s, conf_p) * 0.9, event=event, ordinal=ordinal))
        return out

    def money(self, amounts: list[Mention], nouns: list[NounMatch]) -> list[Claim]:
        """Money claims: an amount near a money noun ("$53 billion commitment", "investment plan of 380 billion yuan")."""
        from checker.normalise import fx

        sentence = self.sentence
        out: list[Claim] = []
        by_start: dict[int, Claim] = {}
        noun_of = {m.start: _nearest_noun(sentence, m, nouns) for m in amounts}
        skipped: set[int] = set()
        for m in amounts:
            if m.value is None or not m.unit:
                continue
            if _ECONOMIC_EFFECT.match(sentence, m.end) or _ECONOMIC_EFFECT_BEFORE.search(sentence, max(0, m.start - 60), m.start):
                continue  # "would add about $10 billion to Mexico's GDP": what the money does, not an amount put in
            if _TOTAL_TO.search(sentence, max(0, m.start - 100), m.start):
                skipped.add(m.start)
                continue  # "brings its total investment in the country to $16.4 billion", "will have committed about ¥3.77 trillion": old and new money added up
            if _RATE_AFTER.match(sentence, m.end):
                continue  # "at today's rate of about ¥157 to the dollar", "less than one yen of output per yen spent": a rate, no amount
            # "a NZ$7.5 billion (roughly US$5.3 billion) commitment": the noun after the bracket counts both
            noun = noun_of[m.start] or next((noun_of[e.start] for e in amounts if e.extra.get("equivalent_of") == m.start), None)
            equivalent = m.extra.get("equivalent_of")
            if equivalent is None and _CURRENT_RATE.match(sentence, m.end):
                # "about ¥3.77 trillion ... by the end of 2027, some $25 billion at current exchange rates": the earlier amount, converted
                equivalent = next((a.start for a in reversed(amounts) if a.end <= m.start and a.unit and a.unit != m.unit), None)
            if equivalent in skipped:
                skipped.add(m.start)
                continue  # the conversion of an amount left out ("..., some $25 billion at current exchange rates")
            if noun is None and equivalent is None:
                continue
            if noun is None:
                first = by_start.get(equivalent)
                if first is None:
                    continue
                attribute = first.attribute
            else:
                attribute = noun.attribute
            # kept without a subject too: conversion_consistency needs no subject
            subject, conf_s = self.subject_at(m.start, require_local=True)
            if subject is None:
                subject, conf_s = self._agent_after(m.end)
            places, special, conf_p = self.scopes(m.start, m.end, m.end)
            # "Australia pledged AU$2 million": a country acting (a donor, a buyer) is not where the money goes
            actors = [p for p in places if p.end <= m.start and _ACTOR_AFTER.match(sentence, p.end)]
            if actors:
                places = [p for p in places if p not in actors]
                story = self.x.story_country()
                if not places and story is not None and all(story.id != a.place.id for a in actors):
                    places = [PlaceMention(m.start, m.start, story, label=story.name)]
            status = _status_for(sentence, m.start, m.end, self.cues)
            as_of = self.as_of(m.start, m.end, Status.unknown)
            period = self.period(m.start, m.end, as_of)
            if period is not None and (at := sentence.find(period.text, m.end)) > 0 and _COMPARED.search(sentence, m.end, at):
                period = None  # "2.26 trillion yen, almost 1.5 times its previous 12 years": the span of what it is compared with
            if period is None and (spent := self._to_date()) is not None:
                period, as_of = spent, _published_interval(self.x.doc.source.published)  # spent up to the day it was said
            value = Interval(low=m.value.low, high=m.value.high, text=m.text)
            # "about €3.8 billion at current exchange rates, a commitment it announced in 2021": the pledge's date, today's rate
            rate_day = self.x.doc.source.published if _CURRENT_RATE.match(sentence, m.end) else None
            normalised = fx.to_usd(value, m.unit, rate_day or as_of.end or as_of.start)
            if not places and special is None and self.x.last_place is not None:
                places = [PlaceMention(m.start, m.start, self.x.last_place.place, label=self.x.last_place.place.name)]  # the story's place
            scope = places[0].place.id if places else (special or "global")
            claim = self.claim(kind="money", attribute=attribute, scope=scope, scope_name=(places[0].label or sentence[places[0].start : places[0].end]) if places else None,
                               parents=list(places[0].place.parents) if places else [], value=value, unit=m.unit,
                               start=m.start, end=m.end, subject=subject, status=status, as_of=as_of,
                               confidence=min(conf_s, 1.0), normalised=normalised,
                               period=period,
                               equivalent_of=by_start[equivalent].id if equivalent in by_start else None)
            by_start[m.start] = claim
            out.append(claim)
            if equivalent is None and _MONEY_CHANGED.search(sentence, max(0, m.start - 120), m.start):
                # "has increased its planned investment in Malaysia to US$12 billion": the pledge itself changed
                out.append(claim.model_copy(update={"id": claim_id(claim.source, f"revision:{attribute}", scope, claim.evidence.start, claim.evidence.end),
                                                      "kind": "event", "event": "revision"}))
        return out


# what an amount does to an economy, not an amount put in: "add about $10 billion to Mexico's GDP", "a GDP boost of $10 billion"
_ECONOMY = r"(?:gross\s+domestic\s+product|GDP|economy|economic\s+(?:output|activity|impact|value|benefits?|contribution))"
_ECONOMIC_EFFECT = re.compile(r"(?:\s*\([^()]{1,40}\))?\)?\s+(?:to|in|into|of)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}" + _ECONOMY + r"\b", re.I)
_ECONOMIC_EFFECT_BEFORE = re.compile(r"(?:\b" + _ECONOMY + r"\s+(?:boost|gain|uplift|impact|contribution)?\s*(?:of|by|worth)"
                                     r"|\b(?:boost|gain|uplift|lift|impact|contribution|addition)\s+to\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}" + _ECONOMY + r"\s+(?:at|of|by|worth))"
                                     r"\s+(?:(?:about|around|some|nearly|almost|roughly|more\s+than|over|up\s+to)\s+)?$", re.I)
_RATE_AFTER = re.compile(r"\s*(?:of\s+\w+\s+)?(?:to|per|against|for\s+(?:one|each|every))\s+(?:the\s+|one\s+|a\s+|each\s+|every\s+)?(?:US\s+|U\.S\.\s+)?"
                         r"(?:dollars?|euros?|pounds?|yen|yuan|greenback|ringgit|baht|rupees?|\$|€|£|¥)(?![\w$€£¥])", re.I)
_COMPARED = re.compile(r"\b(?:times|than|compared\s+(?:with|to)|versus|vs\.?|up\s+from|down\s+from|on\s+top\s+of)\b", re.I)
_CURRENT_RATE = re.compile(r"\s*,?\s*(?:at|using|on)\s+(?:current|today['’]s|present|prevailing|latest)\s+(?:exchange\s+)?rates?\b", re.I)
_TOTAL_TO = re.compile(r"(?:\b(?:total|cumulative|overall|combined)\s+(?:investments?|spending|commitments?|outlays?)\b[^.;:]{0,60}?\bto"
                       r"|\bwill\s+have\s+(?:committed|invested|spent|put|poured)(?:\s+\w+)?)\s+"
                       r"(?:(?:about|around|some|nearly|almost|roughly|more\s+than|over)\s+)?$", re.I)
# a pledge changed by its owner: "raised its commitment to", "has increased its planned investment in Malaysia to", "cut the budget to"
_MONEY_CHANGED = re.compile(r"\b(?:rais(?:ed|es|ing)|increas(?:ed|es|ing)|expand(?:ed|s|ing)|boost(?:ed|s|ing)|upp(?:ed|ing)|doubl(?:ed|es|ing)|tripl(?:ed|es|ing)|"
                            r"lift(?:ed|s|ing)|topp(?:ed|ing)\s+up|cut(?:s|ting)?|reduc(?:ed|es|ing)|lower(?:ed|s|ing)|scal(?:ed|es|ing)\s+back|trimm(?:ed|ing)|revis(?:ed|es|ing))\b"
                            r"[^.;:]{0,100}?\bto\s+(?:(?:about|around|some|nearly|almost|roughly|more\s+than|over|a\s+total\s+of)\s+)?$", re.I)
# money spent so far: "has invested ... since 2015", "since entering Mexico in 2015, Amazon has put ..."
_SINCE_YEAR = re.compile(r"\bsince\s+(?:(?:entering|arriving\s+in|its\s+arrival\s+in|it\s+entered|launching\s+in|setting\s+up\s+in)\s+(?:[\w-]+\s+){0,3}(?:in\s+)?)?(?P<year>(?:19|20)\d\d)\b", re.I)
_SPENT_SO_FAR = re.compile(r"\b(?:has|have|had)\s+(?:already\s+|so\s+far\s+)?(?:invested|put|spent|poured|ploughed|plowed|sunk|injected|committed)\b", re.I)


# between a place and the unit it names: "its Thailand region", "the Asia Pacific (Thailand) region", "its Mexico (Central) region"
_NAMING_GAP = re.compile(r"[\s)]*(?:\([A-Za-z][\w -]{0,20}\)\s*)?")


def _place_naming(sentence: str, noun: NounMatch, places: list[PlaceMention]) -> PlaceMention | None:
    """The place right before a noun, naming its unit: "its Thailand region", "the Asia Pacific (Thailand) region"."""
    return next((p for p in reversed(places) if p.end <= noun.start and _NAMING_GAP.fullmatch(sentence, p.end, noun.start)), None)


def _named_unit(sentence: str, noun: NounMatch, places: list[PlaceMention]) -> bool:
    """A generic noun that names one unit: a compound form ("cloud region") or a place naming it."""
    return " " in noun.noun or _place_naming(sentence, noun, places) is not None


#: A toll dated this long before its article is another disaster's, told as history.
_PAST_DISASTER_DAYS = 730
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_PART_OF_DAY = re.compile(r"\b(?:(?P<day>" + "|".join(_WEEKDAYS) + r"|today|yesterday)\s+)?(?:early\s+|late\s+|mid-?)?(?P<part>morning|afternoon|evening|night|noon|midday)\b"
                          r"|\b(?P<tonight>tonight)\b|\b(?P<edge>early|late)[\s-]+(?:on\s+)?(?P<eday>" + "|".join(_WEEKDAYS) + r"|today)\b"
                          r"|\b(?:at\s+(?:around\s+|about\s+)?)(?P<clock>1[0-2]|[1-9])(?:[:.][0-5]\d)?\s*(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b)", re.I)
_PARTS = {"morning": "morning", "noon": "midday", "midday": "midday", "afternoon": "afternoon", "evening": "evening", "night": "night"}


def _part_of_day(sentence: str, as_of: DateInterval) -> str | None:
    """The part of the day a toll was given, when the sentence names one of the toll's own day.

    "By mid-morning, a spokesman said 2,300 had died" is morning; "said on
    Tuesday evening" is evening when the toll's day is a Tuesday; "houses
    flooded on Sunday evening" in a Tuesday report is another day's, and
    "yesterday" is always another day.

    >>> tue = DateInterval(start=dt.date(2023, 9, 12), end=dt.date(2023, 9, 12))
    >>> _part_of_day("By mid-morning, he said 2,300 had died", tue), _part_of_day("5,300 died, he said on Tuesday evening", tue)
    ('morning', 'evening')
    >>> _part_of_day("50 died in houses flooded on Sunday evening", tue), _part_of_day("2,300 dead by Tuesday", tue)
    (None, None)
    >>> _part_of_day("1,644 were killed, the government said late on Tuesday", tue), _part_of_day("By the late-Tuesday figures, 2,000 had died", tue)
    ('evening', 'evening')
    >>> _part_of_day("In a statement issued at around 10 p.m., it said 2,012 had died", tue), _part_of_day("at 9 a.m. 53 were dead", tue)
    ('night', 'morning')

    """
    if as_of.start is None or as_of.start != as_of.end:
        return None
    for m in _PART_OF_DAY.finditer(sentence):
        if m.group("tonight"):
            return "night"
        if m.group("clock"):  # "issued at around 10 p.m."
            hour = int(m.group("clock")) % 12 + (12 if m.group("ampm").lower().startswith("p") else 0)
            return "morning" if hour < 12 else "midday" if hour < 13 else "afternoon" if hour < 17 else "evening" if hour < 21 else "night"
        day = (m.group("day") or m.group("eday") or "").lower()
        if day == "yesterday" or (day in _WEEKDAYS and _WEEKDAYS.index(day) != as_of.start.weekday()):
            continue
        return _PARTS[m.group("part").lower()] if m.group("part") else ("morning" if m.group("edge").lower() == "early" else "evening")
    return None


def _same_hour(claims: list[Claim]) -> list[Claim]:
    """A toll told again without its hour (a headline's "toll passes 5,300") takes the hour the article gives it elsewhere."""
    hours = {(c.attribute, c.scope, c.value.low, c.as_of.start): c.as_of.part_of_day for c in claims if c.as_of.part_of_day}
    if not hours:
        return claims
    return [c.model_copy(update={"as_of": c.as_of.model_copy(update={"part_of_day": hour})})
            if c.as_of.part_of_day is None and c.as_of.start == c.as_of.end
            and (hour := hours.get((c.attribute, c.scope, c.value.low, c.as_of.start))) else c
            for c in claims]


def _year_earlier(d: DateInterval) -> DateInterval:
    """The same dates one year earlier (29 February becomes 28 February)."""
    return d.model_copy(update={k: nd.shift(v, -1, "year") for k, v in (("start", d.start), ("end", d.end)) if v is not None})


_SUBSET_IN = re.compile(r"\b(?:most|many|some|all|half|nearly\s+all|almost\s+all|the\s+majority)\s+(?:of\s+)?(?:them|whom|which)\b[^,;.]*$"
                        r"|\b(?:mostly|mainly|largely|chiefly|including)\b[^,;.]*$", re.I)
_FRONT_PLACE = re.compile(r"(?:In|Across|Within)\s+((?:the\s+)?(?:(?:province|prefecture|state|region|district|county|governorate|city|town)\s+of\s+)?[^,;]{2,50}?),\s+", re.I)
_OF_THE = re.compile(r"\bof\s+the\s+$", re.I)
_WHETHER = re.compile(r"\b(?:whether|if)\s+(?:(?:a|an|the|its|their|any)\s+)?$|\b(?:not|never|n't|no\s+plans?\s+(?:for|to))\s+(?:\w+\s+){0,2}(?:a|an|any)\s+$", re.I)
_UNKNOWN_SUBJECT = re.compile(r"([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})(?:,[^,]{1,80},)?\s+(?:has\s+|have\s+|had\s+)?(?:now\s+)?(?:recorded|counted|reported|registered|lost|buried|confirmed)\b")
_LANDMARK = re.compile(r"\b(?:(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:-(?:east|west))?\s+of|near|outside|close\s+to|(?:km|kilometres|kilometers|miles)\s+(?:from|of|south\s+of|north\s+of|east\s+of|west\s+of))\s+(?:the\s+)?$", re.I)
_DATELINE = re.compile(r"(?:,\s*[A-Z][\w ]{0,30})?(?:,\s*\w+\.?\s+\d{1,2})?\s*(?:\([^)]{1,40}\))?\s*[-—–:]\s")
# news told in the present: "Microsoft switches on Malaysia West" (unless the sentence also tells it in the past)
_NEWS_OPENING = re.compile(rf"\b{_OPENS_NOW}\b", re.I)
_PAST_OPENING = re.compile(r"\b(?:opened|launched|went\s+live|came\s+online|switched\s+on|debuted|began\s+operations|started\s+operations|has\s+been|had\s+been|since)\b", re.I)
_A_NTH = re.compile(r"\b(?:a|another)\s+(second|third|fourth|fifth)\s+(?:[\w-]+\s+){0,2}$", re.I)
_NTH = {"second": 2, "third": 3, "fourth": 4, "fifth": 5}
_RANK_AT = re.compile(r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\b", re.I)  # "its first data centers in Brazil, France and ..." is a first in each
_NEAREST_OK = re.compile(r",\s*(?:where|which|with)\b")
_SUBORDINATE = re.compile(r"\b(?:as|while|when|whereas|after|before|because|since|but|though|although|where)\b", re.I)
# "The remaining nine deaths were spread between Agadir, Casablanca and Youssoufia": the rest of a toll, no toll of its own
_REMAINDER = re.compile(r"\b(?:remaining|other|rest\s+of\s+the)\s+$", re.I)
# a company's running totals: "runs 120 availability zones across 38 geographic regions"
_ZONES_ACROSS_REGIONS = re.compile(r"\b[\w,.-]+\s+(?:availability\s+)?zones\s+(?:across|in|within|spread\s+across)\s+(?:its\s+|some\s+)?[\w,.-]+\s+(?:geographic\s+|cloud\s+|AWS\s+|infrastructure\s+)?regions\b(?!\s+(?:in|of|across)\s+[A-Z])", re.I)
# the units a new one starts with: "ap-southeast-6 launches with four Availability Zones"
_LAUNCHED_WITH = re.compile(r"\b(?:launch(?:es|ed)?|open(?:s|ed)?|debut(?:s|ed)?|go(?:es)?\s+live|went\s+live|start(?:s|ed)?|come(?:s)?\s+online|came\s+online)\s+with\s+(?:\S+\s+)?$", re.I)
# "the country joins 37 other AWS regions": with the one joining, 38
_JOINS_OTHER = re.compile(r"\bjoin(?:s|ed|ing)?\s+(?:the\s+)?$", re.I)


_GENERIC_HEAD = re.compile(r"\b(?:tally|figure|count|total)\b", re.I)


def _generic_head_before(sentence: str, pos: int, end: int, attribute: str) -> NounMatch | None:
    """'the national tally stands at 219', 'the figure has reached 222': a figure a verb gives to a bare tally, the toll spoken of before."""
    verb = _RISE_TO.search(sentence, max(0, pos - 40), pos)
    if verb is None:
        return None
    lo = max(0, verb.start() - 120, sentence.rfind(";", 0, verb.start()) + 1)
    head = None
    for head in _GENERIC_HEAD.finditer(sentence, lo, verb.start()):
        pass
    if head is None or _FIGURE_OF.match(sentence, head.end()):
        return None
    return NounMatch(end, end, attribute, head.group(0).lower(), False, above=bool(_PAST_VERB.search(verb.group(0))))


# "the figure for investment", "the total of 30 sites": a tally of something named after it
_FIGURE_OF = re.compile(r"\s+(?:of|for)\s+(?:(?:the|its|their)\s+[a-z]|(?!(?:the|its|their)\s)[a-z])")


_PARTITIVE = re.compile(r"\s+of\s+(?:all\s+)?(?:the|those|these)\s+(?:[a-z]+\s+)?", re.I)


def _partitive(sentence: str, fig: Mention, nouns: list[NounMatch], places: list[PlaceMention], attrs: dict) -> NounMatch | None:
    """The toll noun of "N of the dead" when the figure's clause names a place: a part of the toll, held there.

    Without a place ("1,000 of the dead were children") the part is no scope's toll and gives nothing.
    """
    noun = next((n for n in nouns if n.start > fig.end and attrs[n.attribute].of_event and _PARTITIVE.fullmatch(sentence, fig.end, n.start)), None)
    if noun is None:
        return None
    c0, c1 = _comma_clause(sentence, fig.start, noun.end)
    return noun if any(c0 <= p.start and p.end <= c1 and p.place.kind != "region" for p in places) else None


_COMPASS_AFTER = re.compile(r"\s+(?:North|South|East|West|Central|Northeast|Northwest|Southeast|Southwest)(?:\s+\d)?\b(?!\s+[A-Z])")


def _region_names(sentence: str, places: list[PlaceMention]) -> list[NounMatch]:
    """Cloud regions named for their country ("Malaysia West", "Indonesia Central"), as region nouns."""
    out = []
    for p in places:
        if p.place.kind == "country" and not p.demonym and (m := _COMPASS_AFTER.match(sentence, p.end)) is not None:
            out.append(NounMatch(p.start, m.end(), "regions", sentence[p.start : m.end()], False))
    return out


def _the_story_toll(sentence: str, start: int, as_of: DateInterval, published: dt.date | None) -> bool:
    """False when the toll figure at ``start`` is not the story's own toll as of its date."""
    if published and as_of.end and (published - as_of.end).days > _PAST_DISASTER_DAYS:
        return False  # "In September 1962 flash floods in Catalonia killed more than 600 people": another disaster's toll
    if published and _DISASTER_WORD.search(sentence) and any(int(y.group(1)) < published.year - 2 for y in _YEAR.finditer(sentence, 0, start)):
        return False  # "the 1957 flood, which killed at least 81 people"; "In July 1916, two storms ...; that flood killed about 80"
    if _OF_THE.search(sentence, max(0, start - 10), start) or _REMAINDER.search(sentence, max(0, start - 20), start):
        return False  # "Ten of the 18 dead were recovered": the toll told before; "the remaining nine deaths": a part of it
    # "On the morning after, officials counted 51 dead": a toll of a day told from the disaster, not the article's
    return not (as_of.text == "published" and _DAY_AFTER.search(sentence, 0, start))


def _comma_clause(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the clause around ``sentence[start:end]`` between commas, semicolons or colons."""
    c0 = max(sentence.rfind(c, 0, start) for c in ",;:") + 1
    c1 = min([i for i in (sentence.find(c, end) for c in ",;:") if i >= 0] + [len(sentence)])
    return c0, c1


def _clause_end(sentence: str, pos: int) -> int:
    """Where the clause holding ``pos`` ends (the next ';', '(' or ', and ...')."""
    m = _DATE_CLAUSE.search(sentence, pos)
    return m.start() if m else len(sentence)


def _event_time(as_of: DateInterval, status: Status) -> DateInterval:
    """An event reported done with no date of its own happened on or before publication."""
    if as_of.text == "published" and status in (Status.operational, Status.closed):
        return DateInterval(start=None, end=as_of.end, precision="open", text="by publication")
    return as_of


def _nearest_noun(sentence: str, m: Mention, nouns: list[NounMatch]) -> NounMatch | None:
    """The money noun an amount belongs to: right after it ("$53 billion commitment") or shortly before ("pledge of $5bn")."""
    best = None
    for n in nouns:
        if n.start >= m.end:
            gap = sentence[m.end : n.start]
            dist = len(gap)
            if dist > 40 or re.search(r"[;.]", gap):
                continue
        else:
            gap = sentence[n.end : m.start]
            dist = len(gap) + 5
            if dist > MONEY_WINDOW or re.search(r"[;]", gap):
                continue
        if best is None or dist < best[0]:
            best = (dist, n)
    return best[1] if best else None


def extract_claims(doc: Document, lexicon: Lexicon) -> list[Claim]:
    """All claims of one document, in text order."""
    return DocumentExtractor(doc, context(lexicon)).claims()
