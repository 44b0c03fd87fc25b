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
- as_of: a year stated in the sentence ("in 2016"), else the published date.

"its third data center in Malaysia" is a count of 3 in Malaysia with
``ordinal=3``; "and a second in the Philippines" reuses the sentence's noun.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass

from checker.extract import mentions
from checker.models import Claim, DateInterval, Interval, Mention, Span, Status
from checker.normalise.entities import EntityMatcher
from checker.normalise.places import Gazetteer, PlaceMention, gazetteer
from checker.ruleset import AttributeSpec, Lexicon
from checker.sources import Document
from checker.text import RepairedText, line_column, split_sentences

INCREMENT_MODIFIERS = {"new", "additional", "more", "extra", "another", "further", "newest", "latest"}
INCREMENT_VERBS = re.compile(r"\b(?:add(?:s|ed|ing)?|open(?:s|ed|ing)?|launch(?:es|ed|ing)?|buil[dt]s?|building|unveil(?:s|ed|ing)?|construct(?:s|ed|ing)?|establish(?:es|ed|ing)?|set(?:s|ting)? up|deploy(?:s|ed|ing)?)\s+(?:\w+\s+){0,2}$", re.I)
BREAK_WORDS = {"in", "of", "and", "or", "to", "for", "with", "by", "at", "from", "on", "across", "than", "that", "which", "who", "is", "are", "was", "were", "has", "have", "had", "will", "its", "their", "the", "a", "an", "as", "per", "each", "every", "over", "under", "about"}
STATUS_CUES: list[tuple[re.Pattern, Status]] = [
    (re.compile(r"\b(?:shut(?:s|ting)? down|shut|clos(?:e|es|ed|ing)|suspend(?:s|ed|ing)?|exit(?:s|ed|ing)?|decommission(?:s|ed|ing)?|pull(?:s|ed)? out)\b", re.I), Status.closed),
    (re.compile(r"\b(?:under construction|being built|breaks? ground|broke ground)\b", re.I), Status.under_construction),
    (re.compile(r"\b(?:plan(?:s|ned|ning)?|will|to open|to launch|to build|to add|scheduled|set to|expected|intends?|aims?|would|is to|are to|upcoming|proposed|slated|due to|by (?:the end of )?(?:january|february|march|april|may|june|july|august|september|october|november|december|\d{4}|next|this))\b", re.I), Status.planned),
    (re.compile(r"\b(?:launch(?:es|ed)|(?:the )?(?:launch|opening|debut) of|open(?:s|ed)|began operations?|went live|goes live|is live|(?:now |already )?operational|in operation|operat(?:es|ing)|runs|running|brought online|came online|has|have|now spans|spans|completed|unveiled|inaugurated|started operations?)\b", re.I), Status.operational),
]
_YEAR_IN_SENTENCE = re.compile(r"\b(?:in|since|during|back in|as of|by)\s+((?:19|20)\d\d)\b")


@dataclass(frozen=True)
class NounMatch:
    start: int
    end: int
    attribute: str
    noun: str
    weak: bool


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
        alts = sorted(forms, key=len, reverse=True)
        self._re = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f).replace(r"\ ", r"[\s-]+") for f in alts) + r")(?![\w-])", re.I)

    def find(self, text: str) -> list[NounMatch]:
        out = []
        for m in self._re.finditer(text):
            raw = re.sub(r"[\s-]+", " ", m.group(0))
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


def _between_ok(text: str) -> tuple[bool, list[str]]:
    """Words between a figure and its noun: up to three modifiers, no function words."""
    words = re.findall(r"[\w'’.-]+", text)
    if len(words) > 3 or re.search(r"[,;:()\"“”]", text):
        return False, words
    if any(w.lower() in BREAK_WORDS or re.search(r"\d", w) for w in words):
        return False, words
    return True, words


def _status_for(sentence: str, start: int, end: int) -> Status:
    """Status of the figure at ``sentence[start:end]`` from the nearest cue.

    Looks in the figure's own clause (cues before it first), then the clause
    right after it ("a second in the Philippines, scheduled for October"),
    then anywhere before it, then anywhere after it.
    """
    cues = sorted((m.start(), m.end(), status) for pattern, status in STATUS_CUES for m in pattern.finditer(sentence))
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


class DocumentExtractor:
    """Extracts the claims of one document; keeps the running subject."""

    def __init__(self, doc: Document, ctx: Context):
        self.doc = doc
        self.ctx = ctx
        self.repaired = RepairedText(doc.text)
        self.subject: str | None = None
        fixed = self.repaired.fixed
        region_text = " ".join(fixed[a:b] for a, b in doc.regions)
        self.present = {n.attribute for n in ctx.nouns.find(region_text) if not n.weak}

    def claims(self) -> list[Claim]:
        out: list[Claim] = []
        fixed = self.repaired.fixed
        for a, b in self.doc.regions:
            for sent in split_sentences(fixed, a, b):
                out.extend(self._sentence(sent.text, sent.start))
        return out

    def _sentence(self, sentence: str, offset: int) -> list[Claim]:
        ctx = self.ctx
        ents = ctx.entities.find(sentence)
        places = ctx.places.find(sentence)
        nouns = [n for n in ctx.nouns.find(sentence) if not n.weak or n.attribute in self.present]
        ms = [m for m in mentions(sentence) if m.kind in ("number", "ordinal")]
        claims: list[Claim] = []
        used_figures: set[int] = set()
        last_noun: NounMatch | None = None
        for noun in nouns:
            spec = ctx.lexicon.attributes.attributes[noun.attribute]
            if spec.kind == "money":
                continue
            fig = self._figure_before(sentence, noun, ms)
            if fig is None:
                last_noun = noun
                continue
            used_figures.add(fig.start)
            claims.extend(self._make(sentence, offset, fig, noun, ents, places))
            last_noun = noun
        # "and a second in the Philippines": an ordinal with its noun left out
        if last_noun is not None:
            for m in ms:
                if m.kind == "ordinal" and m.start not in used_figures and m.start > last_noun.end:
                    after = sentence[m.end : m.end + 30]
                    pm = next((p for p in places if p.start > m.end and re.fullmatch(r"\s+(?:one\s+)?(?:in|at)\s+(?:the\s+)?", sentence[m.end : p.start])), None)
                    if pm and re.match(r"\s+(?:one\s+)?(?:in|at)\b", after):
                        elided = NounMatch(m.end, m.end, last_noun.attribute, last_noun.noun, last_noun.weak)
                        claims.extend(self._make(sentence, offset, m, elided, ents, places))
        self._advance_subject(ents)
        return claims

    def _figure_before(self, sentence: str, noun: NounMatch, ms: list[Mention]) -> Mention | None:
        """The figure or ordinal counting this noun, if any."""
        for m in reversed(ms):
            if m.end > noun.start:
                continue
            ok, _words = _between_ok(sentence[m.end : noun.start])
            if not ok:
                return None
            if m.kind == "percent":
                return None
            return m
        return None

    def _subject_at(self, ents, pos: int) -> tuple[str | None, float]:
        named = [e for e in ents if e.end <= pos and not e.anaphoric]
        if named:
            return named[-1].entity, 1.0
        if self.subject:
            return self.subject, 0.9
        later = [e for e in ents if not e.anaphoric]
        if later:
            return later[0].entity, 0.8
        return None, 0.5

    def _advance_subject(self, ents) -> None:
        named = [e for e in ents if not e.anaphoric]
        if named:
            self.subject = named[0].entity if self.subject is None else named[-1].entity
            # the sentence's first named entity is usually its grammatical subject
            self.subject = named[0].entity

    def _scopes(self, sentence: str, fig: Mention, noun: NounMatch, places: list[PlaceMention]) -> tuple[list[PlaceMention], str | None, float]:
        """Scopes for a figure+noun: (places, special scope id, confidence)."""
        inside = [p for p in places if fig.end <= p.start and p.end <= noun.start]
        if inside:
            return inside[:1], None, 1.0
        after = []
        for p in places:
            if p.start < noun.end:
                continue
            gap = sentence[(after[-1].end if after else noun.end) : p.start]
            if not after:
                if len(gap) > 40 or not re.search(r"\b(?:in|at|across|within|throughout|for|into)\b", gap) or re.search(r"[;:]|\b(?:and|while|but|with)\b", gap):
                    break
                after.append(p)
            elif re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*/\s*)(?:the\s+)?", gap):
                if after[0].place.id in p.place.parents or p.place.id in after[0].place.parents or p.place.kind == "country" and after[0].place.kind != "country" and p.place.id == (after[0].place.parents[:1] or ("",))[0]:
                    break  # "Dubai, the United Arab Emirates": the parent, not a second place
                after.append(p)
            else:
                break
        if after:
            return after, None, 1.0
        before = [p for p in places if p.end <= fig.start]
        clause_start = max(sentence.rfind(c, 0, fig.start) for c in ",;:")
        in_clause = [p for p in before if p.start > clause_start]
        if in_clause:
            return in_clause[-1:], None, 0.7
        distinct = {p.place.id for p in places}
        if len(distinct) == 1:
            return places[:1], None, 0.7
        if self.ctx.places.is_global(sentence):
            return [], "global", 0.8
        return [], None, 0.5

    def _as_of(self, sentence: str) -> DateInterval:
        published = self.doc.source.published
        m = _YEAR_IN_SENTENCE.search(sentence)
        if m:
            year = int(m.group(1))
            if published is None or year < published.year:
                return DateInterval(start=dt.date(year, 1, 1), end=dt.date(year, 12, 31), precision="year", text=m.group(0))
        return _published_interval(published)

    def _make(self, sentence: str, offset: int, fig: Mention, noun: NounMatch, ents, places) -> list[Claim]:
        spec = self.ctx.lexicon.attributes.attributes[noun.attribute]
        between = sentence[fig.end : noun.start].lower().split()
        is_ordinal = fig.kind == "ordinal"
        kind = "count"
        if not is_ordinal and (INCREMENT_MODIFIERS & set(between) or INCREMENT_VERBS.search(sentence[: fig.start])):
            kind = "increment"
        if spec.needs_figure and fig is None:
            return []
        subject, conf_s = self._subject_at(ents, fig.start)
        scope_places, special, conf_p = self._scopes(sentence, fig, noun, places)
        assert fig.value is not None
        value = fig.value
        plural_noun = noun.end > noun.start and sentence[noun.start : noun.end].lower() != noun.noun.lower()
        if is_ordinal and plural_noun:
            value = Interval(low=value.low, high=None, text=value.text)  # "its first data centers in X"
        status = _status_for(sentence, fig.start, noun.end)
        as_of = self._as_of(sentence)
        conf = min(conf_s, conf_p) * (0.8 if noun.weak else 1.0)
        out = []
        targets: list[tuple[str | None, str | None, list[str], int]] = []
        if scope_places:
            for p in scope_places:
                targets.append((p.place.id, sentence[p.start : p.end], list(p.place.parents), p.end))
        else:
            targets.append((special, None, [], noun.end))
        for scope, scope_name, parents, scope_end in targets:
            q_end = max(noun.end, scope_end if scope_end > noun.end and scope_places and scope_places[0].start >= noun.end else noun.end)
            if len(targets) > 1:
                q_end = noun.end if scope_end <= noun.end else scope_end
            start = self.repaired.to_original(offset + fig.start)
            end = self.repaired.to_original(offset + q_end)
            s_start = self.repaired.to_original(offset)
            s_end = self.repaired.to_original(offset + len(sentence))
            text = self.doc.text
            line, col = line_column(text, start)
            out.append(Claim(
                id=claim_id(self.doc.source.id, noun.attribute, scope, start, end),
                source=self.doc.source.id,
                kind=kind,  # type: ignore[arg-type]
                subject=subject,
                attribute=noun.attribute,
                scope=scope,
                scope_name=scope_name,
                scope_parents=parents,
                value=Interval(low=value.low, high=value.high, text=fig.text),
                unit="count",
                ordinal=int(fig.value.low) if is_ordinal and fig.value.low is not None else None,
                as_of=as_of,
                status=status,
                evidence=Span(start=start, end=end, quote=text[start:end], sentence=text[s_start:s_end], line=line, column=col),
                confidence=round(conf, 2),
            ))
        return out


def extract_claims(doc: Document, lexicon: Lexicon) -> list[Claim]:
    """All claims of one document, in text order."""
    return DocumentExtractor(doc, context(lexicon)).claims()
