"""Status: whether what a sentence describes exists yet, from its verb.

One precompiled regular expression finds status cues; each becomes a Mention
of kind ``status`` with ``Mention.status`` from :class:`checker.models.Status`:

- operational: "launched", "opened", "opens", "began operations", "went live",
  "is operational", "in operation", "the launch of", "unveiled", "inaugurated";
- planned: "plans to", "will", "could", "to open", "scheduled for", "set to",
  "expected to", "projected to", "intends to", "aims to", "slated", "by <date>", "upcoming";
- closed: "shut down", "closed", "to close", "suspended", "exited",
  "decommissioned", "pulled out", "ceased operations";
- under_construction: "under construction", "being built", "broke ground".

Negation is read, not ignored: "has not yet opened", "not yet operational",
"yet to open" are **planned**; "no longer operates" is **closed**; other
negated cues ("did not launch", "will not close") give no status at all.

``Mention.extra``: ``cue`` (the cue in lower case, spaces normalised),
``weak`` (True for cues that often mean something else: "plans" as a noun
in "expansion plans", a bare "will", reported "would" or a projection's "could", adjectival "planned", "upcoming", and
stock verbs "has", "runs", "spans"),
``negated`` (True when a negation produced the status).

>>> [(m.text, m.status.value, m.extra["weak"]) for m in extract("It opened in July, has not yet opened a second site, and plans to add more.")]
[('opened', 'operational', False), ('has not yet opened', 'planned', False), ('plans to', 'planned', False)]
>>> [(m.text, m.status.value) for m in extract("The unit no longer operates there; a third is under construction.")]
[('no longer operates', 'closed'), ('under construction', 'under_construction')]
>>> [(m.text, m.extra["weak"]) for m in extract("its expansion plans in Asia")]
[('plans', True)]
"""

from __future__ import annotations

import re

from checker.extract.dates import lead_starts, trigger_positions
from checker.normalise.units import same_length_lower
from checker.models import Mention, Status

_OPEN_VERBS = r"(?:open|launch|begin|start|go\s+live|come\s+online|become\s+operational|be\s+(?:operational|completed|built|opened|launched)|operate|build|add|set\s+up|establish|expand|invest|deploy|debut|unveil|roll\s+out)"
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"

#: (group name, status, weak, negated, pattern); earlier alternatives win at the same position.
CUES: list[tuple[str, Status | None, bool, bool, str]] = [
    # negations first, so "has not yet opened" is never read as "opened"
    ("neg_not_yet", Status.planned, False, True,
     r"(?:(?:has|have|had)(?:\s+not|n't)\s+(?:yet\s+)?(?:been\s+)?|(?:(?:is|are|was|were)(?:\s+not|n't)\s+)?not\s+yet\s+(?:been\s+)?|(?:is|are|was|were)(?:\s+not|n't)\s+yet\s+(?:been\s+)?)"
     r"(?:opened|launched|begun|started|gone\s+live|come\s+online|become\s+operational|operational|open|live|online|in\s+operation|completed|built)"),
    ("neg_yet_to", Status.planned, False, True, r"yet\s+to\s+" + _OPEN_VERBS),
    ("neg_no_longer", Status.closed, False, True,
     r"no\s+longer\s+(?:operates?|operating|operational|in\s+operation|runs?|running|open|active|available|offers?|serves?)"),
    ("neg_other", None, False, True,
     r"(?:(?:did|does|do|will|would|could|should|has|have|had|is|are|was|were)(?:\s+not|n't)|never|won't|cannot|can't)\s+(?:be\s+|been\s+|have\s+)?"
     r"(?:plan(?:s|ned)?|open(?:ed)?|launch(?:ed)?|close[ds]?|shut(?:\s+down)?|operational|operate[sd]?|suspend(?:ed)?|exit(?:ed)?|build|built|go\s+live|went\s+live)"),
    # under construction
    ("uc", Status.under_construction, False, False,
     r"under\s+construction|being\s+(?:built|constructed)|(?:broke|breaks|breaking|broken)\s+ground|groundbreaking|"
     r"construction\s+(?:began|begins|started|starts|is\s+underway|is\s+under\s+way|has\s+begun|has\s+started|work\s+(?:began|started))|"
     r"(?:is|are)\s+(?:currently\s+)?building"),
    # planned, strongest forms first
    ("will_open", Status.planned, False, False,
     r"will\s+(?:be\s+|become\s+)?(?:operational|live|opened|launched|open|launch|go\s+live|begin\s+operations?|start\s+operations?|come\s+online|unveil|debut)"),
    ("plan_to", Status.planned, False, False,
     r"(?:plans?|planning|planned|aims?|aiming|intends?|intending|expects?|expected|projected|forecast|is\s+set|are\s+set|was\s+set|were\s+set|scheduled|slated|poised|preparing|prepares|looking|set|hopes?|hoping)\s+to(?=\s+\w)"),
    ("due_to", Status.planned, False, False, r"due\s+to\s+" + _OPEN_VERBS),
    ("sched_for", Status.planned, False, False, r"(?:scheduled|slated|planned|set|due|earmarked|targeted)\s+(?:for|in|by)(?=\s)|"
     r"expected\s+(?:(?:some\s*time|sometime)\s+)?(?:in|by|early|late|mid|next|this|later|before|around|within)(?=[\s-])"),
    ("by_date", Status.planned, True, False,
     rf"by\s+(?:the\s+end\s+of\s+)?(?:(?:early|mid|late)[-\s]+)?(?:{_MONTH}(?![a-z])|(?:19|20)\d\d(?!\d)|next\s+(?:year|month|quarter)|this\s+year|Q[1-4]|H[12])"),
    ("to_open", Status.planned, True, False, r"to\s+(?:open|launch|build|set\s+up|establish|construct|roll\s+out)(?![\w-])"),
    ("will", Status.planned, True, False, r"will(?=\s+[a-z])|'ll(?=\s)|(?:would|could)(?=\s+(?!have\b)[a-z])"),
    ("planned_adj", Status.planned, True, False, r"planned|upcoming|proposed|forthcoming"),
    ("plans_noun", Status.planned, True, False, r"plans"),
    # closed
    ("closed", Status.closed, False, False,
     r"shut(?:s|ting)?\s+down|shuttered|shut(?![\w-])|clos(?:es|ing)\s+(?:down|its|the|their|all)(?![\w-])|closed(?![\w-])(?!\s+(?:(?:a|an|the|its|their)\s+)?(?:deal|round|funding|financing|acquisition|transaction|purchase|sale|merger|gap|session|day|week|month|year|trading|higher|lower|up|down|at|flat|unchanged|beta|loop|door|doors|source)\b|\s+(?:at\s+|up\s+|down\s+)?[\d$€£¥])|closure\s+of|"
     r"(?:to|will|would|plans\s+to)\s+close(?!\s+to)|suspend(?:s|ed|ing)?|suspension\s+of|exit(?:s|ed|ing)?(?=\s+(?:the|its|from|\w+'s))|"
     r"decommission(?:s|ed|ing)?|pull(?:s|ed|ing)?\s+out|ceased\s+operations?|cease\s+operations?|wound\s+down|winding\s+down|"
     r"(?:was|were|has\s+been|have\s+been)\s+(?:closed|discontinued|retired)|discontinued"),
    # operational
    ("operational", Status.operational, False, False,
     r"(?:began|begins|begun|started|starts|commenced|commences)\s+operations?|went\s+live|goes\s+live|gone\s+live|"
     r"(?:is|are|was|were|now|already)\s+live|came\s+online|comes\s+online|brought\s+online|"
     r"(?:(?:is|are|was|were|now|already|fully|became|become)\s+)+operational|operational(?!\s+(?:costs?|expenses?|efficiency|risks?|issues?|data|excellence|resilience|model|capabilit\w+))|"
     r"in\s+operation|operates|(?:the\s+)?(?:launch|opening|debut|inauguration|unveiling)\s+of|"
     r"launch(?:ed|es)|open(?:ed|s)(?![\w-])|(?:is|are|now)\s+open(?![\w-])|unveil(?:ed|s)|inaugurat(?:ed|es)|debut(?:ed|s)|rolled\s+out|switched\s+on|"
     r"(?:(?:is|are|was|were|now|already)\s+)+serving\s+(?:its\s+first\s+|paying\s+)?customers|(?:(?:is|are|became|now)\s+)+generally\s+available"),
    # a stock that exists now: "runs five data centres", "now spans 92 zones", "has 29 regions" (weak)
    ("stock", Status.operational, True, False, r"runs|running|operating|spans|hosts|comprises|counts|has|have"),
]
_PATTERN = "|".join(f"(?P<{name}>{pattern})" for name, _, _, _, pattern in CUES)
SCAN = re.compile(rf"(?<![\w-])(?:{_PATTERN})(?![\w-]|'\w)", re.I)
_INFO = {name: (status, weak, negated) for name, status, weak, negated, _ in CUES}
#: Every cue contains one of these words; the full pattern is only tried next to them (speed).
TRIGGER_WORDS = frozenset(
    "launch launched launches opened opens open opening operational operation operates operating operate live online "
    "unveiled unveils unveiling inaugurated inaugurates inauguration debut debuted debuts plan plans planned planning will would could 'll "
    "scheduled slated set expect expects expected projected forecast intend intends intending aim aims aiming due poised preparing prepares "
    "looking hope hopes hoping earmarked targeted upcoming proposed forthcoming shut shuts shutting shuttered close closed "
    "closes closing closure suspend suspends suspended suspending suspension exit exits exited exiting decommission "
    "decommissions decommissioned decommissioning pull pulls pulled pulling ceased cease wound winding discontinued retired "
    "construction constructed construct build establish built ground groundbreaking building rolled switched began begins begun started starts "
    "commenced commences went goes gone came comes brought by yet longer runs running spans hosts comprises counts has have serving generally".split()
)
#: Words that may start a cue before its trigger word ("has not yet opened", "is currently building").
LEAD_WORDS = frozenset(
    "has have had is are was were not yet been be no did does do will would could should never won't cannot can't hasn't "
    "haven't hadn't isn't aren't wasn't weren't didn't doesn't don't the to currently now already fully became become being "
    "under construction is set due plans work broke breaks breaking broken became".split()
)
_PLANS_VERB = re.compile(r"\s+(?:to|for)\b", re.I)


def extract(text: str, reference: object = None) -> list[Mention]:
    """Status cues in ``text`` (``reference`` is accepted for the extractor protocol and ignored)."""
    out = []
    lower = same_length_lower(text)  # offsets in lower index text
    last = 0
    matches = []
    for pos in trigger_positions(lower, TRIGGER_WORDS, False):
        if pos < last:
            continue
        for start in lead_starts(text, lower, pos, LEAD_WORDS):
            if start < last:
                continue
            m = SCAN.match(text, start)
            if m is not None and m.end() > pos:
                matches.append(m)
                last = m.end()
                break
    for m in matches:
        name = m.lastgroup
        status, weak, negated = _INFO[name]  # type: ignore[index]
        if status is None:
            continue
        if name == "plans_noun" and _PLANS_VERB.match(text, m.end()):
            weak = False
        cue = re.sub(r"\s+", " ", m.group(0).lower())
        out.append(Mention(kind="status", start=m.start(), end=m.end(), text=m.group(0), status=status,
                           extra={"cue": cue, "weak": weak, "negated": negated}))
    return out
