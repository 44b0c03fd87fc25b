"""Load rules and lexicons: YAML read with ``safe_load``, validated by pydantic.

A rule file holds ``checks:``, a list of rules that each instantiate a check
kind from :data:`checker.checks.CHECKS` with its options and severity. User
files given with ``--rules`` add rules, or replace a default rule with the same
id. Any problem is reported as ``path:line: what is wrong (accepted: ...)``,
one line per problem, with the line found from the YAML node that is wrong.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from checker.errors import RuleFileError, located
from checker.models import Severity

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"
PACKAGED_RULES_DIR = Path(__file__).resolve().parent / "data" / "rules"


def default_rules_dir() -> Path:
    """rules/ beside the package (a source checkout), else the copy shipped inside it."""
    return RULES_DIR if (RULES_DIR / "default.yaml").is_file() else PACKAGED_RULES_DIR


class Strict(BaseModel):
    """Rule-file models reject unknown keys."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class RuleSpec(Strict):
    """One rule: an instance of a check kind."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", description="Unique rule id, used in findings and baselines.")
    kind: str = Field(description="Check kind (see `claimcheck rules`).")
    severity: Severity = Field(default=Severity.error)
    description: str = Field(default="", description="One line shown by `claimcheck rules`.")
    enabled: bool = True
    options: dict[str, Any] = Field(default_factory=dict, description="Options of the check kind.")


class RuleFile(Strict):
    checks: list[RuleSpec] = Field(default_factory=list)


class EntitySpec(Strict):
    name: str
    aliases: list[str] = Field(default_factory=list)
    parent: str | None = None


class EntitiesFile(Strict):
    entities: dict[str, EntitySpec]
    anaphora: list[str] = Field(default_factory=list)


class AttributeSpec(Strict):
    kind: Literal["count", "money", "toll", "tally"]
    nouns: list[str]
    plurals: dict[str, str] = Field(default_factory=dict)
    weak_nouns: list[str] = Field(default_factory=list, description="Generic nouns that only count when the story already has this attribute.")
    needs_figure: bool = False
    predicates: list[str] = Field(default_factory=list, description="Verbs or adjectives that count people after a figure: '37 people were killed', '12 dead'.")
    heads: list[str] = Field(default_factory=list, description="Phrases a figure follows: 'the death toll rose to 1,002', 'the toll stood at 12'.")
    agent_verbs: list[str] = Field(default_factory=list, description="Verbs a figure follows: 'killing at least 144 people', 'injured 30'.")
    default_scope: str | None = Field(default=None, description="Scope when the sentence names no place: a scope id ('global' for a provider's "
                                      "regions) or 'story', the country the article is about (the jobs a project creates).")
    within: str | None = Field(default=None, description="The attribute whose units hold these ('regions' for availability zones): "
                               "a count next to 'the region' is that region's, in the story's country, not the provider's total.")
    may_fall: bool = Field(default=False, description="A running count that can fall for good reasons (the missing are found, "
                           "the displaced go home): count_decrease leaves it alone.")
    same_time_window_days: int = Field(default=14, ge=0)

    @property
    def of_event(self) -> bool:
        """A toll or a tally (deaths, votes) belongs to an event, not to a company: its claims have no subject."""
        return self.kind in ("toll", "tally")


class AttributesFile(Strict):
    attributes: dict[str, AttributeSpec]

    @model_validator(mode="after")
    def _within_known(self) -> "AttributesFile":
        for attr, spec in self.attributes.items():
            if spec.within is not None and spec.within not in self.attributes:
                raise ValueError(f"attribute {attr!r}: within names {spec.within!r}, which is not an attribute here")
        return self


class RegionSpec(Strict):
    names: list[str]
    members: list[str]


class PlacesFile(Strict):
    aliases: dict[str, list[str]] = Field(default_factory=dict)
    subdivisions: dict[str, list[str]] = Field(default_factory=dict)
    demonyms: dict[str, list[str]] = Field(default_factory=dict)
    regions: dict[str, RegionSpec] = Field(default_factory=dict)
    global_words: list[str] = Field(default_factory=list)
    not_places: list[str] = Field(default_factory=list)


def _node_at(node: yaml.Node | None, loc: tuple) -> yaml.Node | None:
    """The YAML node at a pydantic error location (as deep as it exists)."""
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            nxt = None
            for k, v in node.value:
                if k.value == str(key):
                    nxt = v
                    break
            if nxt is None:
                # an extra key: point at the key itself
                for k, _v in node.value:
                    if k.value == str(key):
                        return k
                return node
            node = nxt
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            return node
    return node


def _accepted(model: type[BaseModel], loc: tuple) -> list[str] | None:
    """Field names accepted where an unknown key was found."""
    current: Any = model
    for key in loc[:-1]:
        if isinstance(key, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        f = current.model_fields.get(str(key))
        if f is None:
            return None
        ann = f.annotation
        args = getattr(ann, "__args__", ()) or ()
        current = next((a for a in (ann, *args) if isinstance(a, type) and issubclass(a, BaseModel)), None)
        if current is None and args:
            inner = args[-1]
            current = inner if isinstance(inner, type) and issubclass(inner, BaseModel) else None
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return None


def validation_problems(path: str, node: yaml.Node | None, exc: ValidationError, model: type[BaseModel], base_loc: tuple = ()) -> list[str]:
    """Turn a pydantic error into one ``path:line: ...`` line per problem."""
    problems = []
    for err in exc.errors():
        loc = base_loc + tuple(err["loc"])
        target = _node_at(node, loc)
        line = target.start_mark.line + 1 if target is not None else None
        field = ".".join(str(p) for p in loc) or "(file)"
        accepted = None
        if err["type"] == "extra_forbidden":
            what = f"unknown key {str(loc[-1])!r} in {'.'.join(str(p) for p in loc[:-1]) or 'the file'}"
            accepted = _accepted(model, tuple(err["loc"]))
        elif err["type"] == "enum":
            what = f"{field}: {err['input']!r} is not a valid value"
            accepted = [str(v) for v in (err.get("ctx") or {}).get("expected", "").replace("'", "").replace(" or ", ", ").split(", ") if v]
        elif err["type"] == "literal_error":
            what = f"{field}: {err['input']!r} is not a valid value"
            accepted = [v.strip(" '") for v in (err.get("ctx") or {}).get("expected", "").replace(" or ", ", ").split(",") if v.strip()]
        elif err["type"] == "value_error":
            what = f"{field}: {(err.get('ctx') or {}).get('error', err['msg'])}"
        else:
            what = f"{field}: {err['msg'].lower()}"
        problems.append(located(path, line, what, accepted))
    return problems


def load_yaml(path: Path) -> tuple[Any, yaml.Node | None]:
    """Parse a YAML file safely; syntax errors become a RuleFileError with the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError([located(str(path), None, f"cannot read: {exc}")]) from None
    try:
        return yaml.safe_load(text), yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise RuleFileError([located(str(path), line, f"invalid YAML: {getattr(exc, 'problem', None) or exc}")]) from None


def parse_file(path: Path, model: type[BaseModel]) -> Any:
    """Load and validate one YAML file against ``model``."""
    data, node = load_yaml(path)
    try:
        return model.model_validate(data if data is not None else {})
    except ValidationError as exc:
        raise RuleFileError(validation_problems(str(path), node, exc, model)) from None


@dataclass
class Rule:
    """A validated rule with its check kind's options parsed."""

    spec: RuleSpec
    options: Any
    origin: str
    line: int | None = None

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def severity(self) -> Severity:
        return self.spec.severity


@dataclass
class Lexicon:
    """Entities, attributes and places that extraction and checks share."""

    entities: EntitiesFile
    attributes: AttributesFile
    places: PlacesFile
    digest: str = ""

    def root(self, entity: str | None) -> str | None:
        """The top parent of an entity: claims are compared by it."""
        seen = set()
        while entity and entity in self.entities.entities and self.entities.entities[entity].parent and entity not in seen:
            seen.add(entity)
            entity = self.entities.entities[entity].parent
        return entity


@dataclass
class Ruleset:
    """Everything loaded from rules/: rules in order, the lexicon and where they came from."""

    rules: list[Rule]
    lexicon: Lexicon
    files: list[str] = field(default_factory=list)

    @cached_property
    def by_id(self) -> dict[str, Rule]:
        return {r.id: r for r in self.rules}


def _parse_rules(path: Path) -> list[Rule]:
    from checker.checks import CHECKS

    data, node = load_yaml(path)
    try:
        rf = RuleFile.model_validate(data if data is not None else {})
    except ValidationError as exc:
        raise RuleFileError(validation_problems(str(path), node, exc, RuleFile)) from None
    problems: list[str] = []
    rules: list[Rule] = []
    for i, spec in enumerate(rf.checks):
        item = _node_at(node, ("checks", i))
        line = item.start_mark.line + 1 if item is not None else None
        kind = CHECKS.get(spec.kind)
        if kind is None:
            knode = _node_at(node, ("checks", i, "kind"))
            problems.append(located(str(path), knode.start_mark.line + 1 if knode else line, f"rule {spec.id!r}: unknown check kind {spec.kind!r}", sorted(CHECKS)))
            continue
        try:
            options = kind.Options.model_validate(spec.options)
        except ValidationError as exc:
            problems.extend(validation_problems(str(path), node, exc, kind.Options, ("checks", i, "options")))
            continue
        rules.append(Rule(spec=spec, options=options, origin=str(path), line=line))
    if problems:
        raise RuleFileError(problems)
    return rules


def load_lexicon(rules_dir: Path | None = None) -> Lexicon:
    """Load the three lexicon files of a rules folder."""
    d = (rules_dir or default_rules_dir()) / "lexicon"
    files = [d / "entities.yaml", d / "attributes.yaml", d / "places.yaml"]
    digest = hashlib.sha256(b"".join(f.read_bytes() for f in files if f.is_file())).hexdigest()[:16]
    return Lexicon(
        entities=parse_file(files[0], EntitiesFile),
        attributes=parse_file(files[1], AttributesFile),
        places=parse_file(files[2], PlacesFile),
        digest=digest,
    )


def load_ruleset(extra: list[str | Path] | None = None, rules_dir: Path | None = None) -> Ruleset:
    """Default rules plus user rule files; a user rule with a default's id replaces it.

    All problems of all files are collected before raising, so one run shows them all.
    """
    base = rules_dir or default_rules_dir()
    problems: list[str] = []
    files = [base / "default.yaml", *[Path(p) for p in (extra or [])]]
    ordered: dict[str, Rule] = {}
    for f in files:
        if not f.is_file():
            problems.append(located(str(f), None, "no such rule file"))
            continue
        try:
            for rule in _parse_rules(f):
                ordered[rule.id] = rule
        except RuleFileError as exc:
            problems.extend(exc.problems)
    try:
        lexicon = load_lexicon(base)
    except RuleFileError as exc:
        problems.extend(exc.problems)
    if problems:
        raise RuleFileError(problems)
    return Ruleset(rules=[r for r in ordered.values() if r.spec.enabled], lexicon=lexicon, files=[str(f) for f in files])


class Fact(Strict):
    """One verified fact in a facts ledger (``--facts facts.yaml``).

    A value is given as ``value`` (exact) or ``low``/``high`` (a range, either
    end may be left out); validity as ``as_of`` (one day) or
    ``valid_from``/``valid_to`` (either may be left open).
    """

    id: str | None = Field(default=None, description="Optional name for the fact, shown in findings.")
    subject: str = Field(description="Entity id from rules/lexicon/entities.yaml.")
    attribute: str = Field(description="Attribute id from rules/lexicon/attributes.yaml.")
    scope: str = Field(description="Place id: ISO 3166 code ('MY', 'MY-01'), a region id or 'global'.")
    value: float | None = Field(default=None, description="The exact value.")
    low: float | None = Field(default=None, description="Lower bound of the value, inclusive.")
    high: float | None = Field(default=None, description="Upper bound of the value, inclusive.")
    unit: str = Field(default="count", description="'count', or an ISO 4217 currency code for money.")
    as_of: dt.date | None = Field(default=None, description="The one day the fact holds.")
    valid_from: dt.date | None = Field(default=None, description="First day the fact holds; open when left out.")
    valid_to: dt.date | None = Field(default=None, description="Last day the fact holds; open when left out.")
    source: str | None = Field(default=None, description="Who verified it: a document, a filing, a press release.")
    citation: str | None = Field(default=None, description="URL or reference to the evidence.")
    note: str | None = Field(default=None, description="Anything a reader of a finding should know.")

    @model_validator(mode="after")
    def _consistent(self) -> "Fact":
        if self.value is not None and (self.low is not None or self.high is not None):
            raise ValueError("give value, or low/high, not both")
        if self.value is None and self.low is None and self.high is None:
            raise ValueError("give value, or low and/or high")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"low {self.low:g} is above high {self.high:g}")
        if self.as_of is not None and (self.valid_from is not None or self.valid_to is not None):
            raise ValueError("give as_of, or valid_from/valid_to, not both")
        if self.valid_from and self.valid_to and self.valid_from > self.valid_to:
            raise ValueError(f"valid_from {self.valid_from} is after valid_to {self.valid_to}")
        return self

    @property
    def start(self) -> dt.date | None:
        """First day of validity (None: open)."""
        return self.as_of or self.valid_from

    @property
    def end(self) -> dt.date | None:
        """Last day of validity (None: open)."""
        return self.as_of or self.valid_to

    def interval(self):
        """The value as an Interval."""
        from checker.models import Interval

        if self.value is not None:
            return Interval(low=self.value, high=self.value, text=f"{self.value:g}")
        text = f"{'' if self.low is None else f'{self.low:g}'}-{'' if self.high is None else f'{self.high:g}'}"
        return Interval(low=self.low, high=self.high, text=text)

    def validity(self) -> str:
        """'2025-07-01..2025-12-31', '2025-07-01', or 'always'."""
        if self.start is None and self.end is None:
            return "always"
        if self.start == self.end:
            return self.start.isoformat()  # type: ignore[union-attr]
        return f"{self.start.isoformat() if self.start else '..'}..{self.end.isoformat() if self.end else '..'}"


class FactsFile(Strict):
    facts: list[Fact] = Field(default_factory=list)


def load_facts(path: str | Path) -> list[Fact]:
    """A facts ledger, validated; problems raise RuleFileError as ``path:line: ... (accepted: ...)``.

    A top-level list of facts is accepted as well as a ``facts:`` mapping.
    """
    p = Path(path)
    if not p.is_file():
        raise RuleFileError([located(str(p), None, "no such facts file")])
    data, node = load_yaml(p)
    if isinstance(data, list):
        data = {"facts": data}
        node = yaml.MappingNode("tag:yaml.org,2002:map", [(yaml.ScalarNode("tag:yaml.org,2002:str", "facts"), node)]) if node is not None else None
    try:
        return FactsFile.model_validate(data if data is not None else {}).facts
    except ValidationError as exc:
        raise RuleFileError(validation_problems(str(p), node, exc, FactsFile)) from None
