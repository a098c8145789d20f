"""A route (onderwijszorgroute) as data: levels, forums, states and a transition table whose
steps name the roles that may take them and the guards (from the library below) that must
hold. Schools adapt a template; a definition is only accepted when every state can be reached
from an entry and every open state can still reach a closed one."""

from __future__ import annotations

from collections import deque
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from zorgroute.cases.models import REGISTRATION_KINDS
from zorgroute.identity.models import STAFF_ROLES
from zorgroute.privacy.models import PURPOSES

# Relations that count as roles in a transition table, next to the school roles.
RELATIONS = ("mentor_of_student", "teacher_of_student", "coordinator", "registrant")
ROUTE_ROLES = tuple(r for r in STAFF_ROLES if r not in {"external_partner", "privacy_officer"})
ANY_OPEN = "*"  # `from: ["*"]`: every state that is not closed

# The guard library: code -> (parameter values or None, Dutch description for screens).
GUARDS: dict[str, tuple[tuple[str, ...] | None, str]] = {
    "help_question": (None, "De hulpvraag van de leerling is ingevuld"),
    "guidance_question": (None, "De begeleidingsvraag van mentor/docenten is ingevuld"),
    "strengths": (None, "Sterke kanten en stimulerende factoren zijn vastgelegd"),
    "registration": (REGISTRATION_KINDS, "Het aanmeldingsformulier is ingevuld"),
    "student_conversation": (REGISTRATION_KINDS, "Het gesprek met de leerling is gevoerd"),
    "parent_conversation": (REGISTRATION_KINDS, "Het gesprek met de ouders is gevoerd"),
    "parents_informed": (
        REGISTRATION_KINDS,
        "Ouders zijn geïnformeerd en stemmen in met bespreken, of er is een veiligheidsreden "
        "vastgelegd",
    ),
    "parents_consulted": (None, "Er is in overleg met de ouders gesproken"),
    "consent": (PURPOSES, "De toestemming is vastgelegd"),
    "screening_passed": (REGISTRATION_KINDS, "De screening is afgerond met vier keer 'ja'"),
    "discussion_recorded": (None, "Het verslag van de bespreking is vastgelegd"),
    "evaluation_date": (None, "Er is een evaluatiedatum"),
    "zat_question": (None, "De vraag aan het ZAT / ondersteuningsteam is geformuleerd"),
    "direct_zat_allowed": (None, "De school staat directe aanmelding bij het ZAT toe"),
    "case_coordinator": (None, "Er is een casusregisseur aangewezen"),
    "case_coordinator_if_complex": (None, "Een complexe casus heeft een casusregisseur"),
    "action_plan": (None, "Er is een plan van aanpak met acties en een evaluatiedatum"),
    "swv_request": (None, "De aanvraag bij het samenwerkingsverband is vastgelegd"),
    "kickoff_recorded": (None, "Het startgesprek is vastgelegd"),
    "final_evaluation": (
        None,
        "De eindevaluatie met leerling en ouders en de uitkomst zijn vastgelegd",
    ),
    "provisional_closure": (None, "De casus is voorlopig (niet definitief) afgesloten"),
    "reason": (None, "Er is een reden opgegeven"),
}


def guard_code(guard: str) -> tuple[str, str | None]:
    code, _, param = guard.partition(":")
    return code, param or None


def guard_label(guard: str) -> str:
    code, param = guard_code(guard)
    label = GUARDS[code][1] if code in GUARDS else guard
    return f"{label} ({param})" if param else label


class Level(BaseModel):
    model_config = ConfigDict(extra="forbid")
    key: str = Field(pattern=r"^[a-z0-9_]{1,30}$")
    name: str = Field(min_length=1, max_length=100)


class Forum(BaseModel):
    model_config = ConfigDict(extra="forbid")
    key: str = Field(pattern=r"^[a-z0-9_]{1,30}$")
    name: str = Field(min_length=1, max_length=100)
    meeting: Literal["izo", "zat", "leerlingbespreking", "ondersteuningsteam", "mdo"] | None = None


class State(BaseModel):
    model_config = ConfigDict(extra="forbid")
    key: str = Field(pattern=r"^[a-z0-9_]{1,60}$")
    name: str = Field(min_length=1, max_length=100)
    level: str
    forum: str | None = None
    closed: bool = False
    # The registration form this state works on (filled in, submitted, screened).
    registration: Literal["izo", "zat"] | None = None


class Transition(BaseModel):
    """One row of the table: from these states, this action leads there (or, `to` null, is
    recorded without changing the state: a parallel step such as an external referral)."""

    # `from` in the definition; `from_states` in Python (and in the GraphQL input).
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    key: str = Field(pattern=r"^[A-Za-z0-9_.-]{1,20}$")
    action: str = Field(pattern=r"^[a-z0-9_]{1,40}$")
    label: str = Field(min_length=1, max_length=120)
    from_states: list[str] = Field(default_factory=list, alias="from")
    to: str | None = None
    roles: list[str] = Field(min_length=1)
    guards: list[str] = Field(default_factory=list)

    @property
    def opens(self) -> bool:
        """An entry: opens a case (no from-states)."""
        return not self.from_states


class RouteDefinition(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    name: str = Field(min_length=1, max_length=200)
    description: str | None = Field(default=None, max_length=2000)
    levels: list[Level] = Field(min_length=1)
    forums: list[Forum] = Field(default_factory=list)
    states: list[State] = Field(min_length=2)
    transitions: list[Transition] = Field(min_length=1)

    @model_validator(mode="after")
    def _references(self) -> RouteDefinition:
        problems = route_problems(self)
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def state(self, key: str) -> State | None:
        return next((s for s in self.states if s.key == key), None)

    def closed_states(self) -> set[str]:
        return {s.key for s in self.states if s.closed}

    def sources(self, t: Transition) -> set[str]:
        if ANY_OPEN in t.from_states:
            return {s.key for s in self.states if not s.closed}
        return set(t.from_states)

    def step(self, state: str, action: str) -> Transition | None:
        return next(
            (
                t
                for t in self.transitions
                if not t.opens and t.action == action and state in self.sources(t)
            ),
            None,
        )

    def entry(self, action: str) -> Transition | None:
        return next((t for t in self.transitions if t.opens and t.action == action), None)

    def available(self, state: str) -> list[Transition]:
        return [t for t in self.transitions if not t.opens and state in self.sources(t)]


def _check_guard(guard: str) -> str | None:
    code, param = guard_code(guard)
    if code not in GUARDS:
        return f"unknown guard '{guard}'"
    allowed = GUARDS[code][0]
    if allowed is None and param is not None:
        return f"guard '{code}' takes no parameter"
    if allowed is not None and param not in allowed:
        return f"guard '{code}' needs one of: {', '.join(allowed)}"
    return None


def route_problems(route: RouteDefinition) -> list[str]:
    """Everything that makes a definition unusable, in words an admin can act on."""
    problems: list[str] = []
    levels = {lv.key for lv in route.levels}
    forums = {f.key for f in route.forums}
    states = [s.key for s in route.states]
    if len(set(states)) != len(states):
        problems.append("state keys must be unique")
    for st in route.states:
        if st.level not in levels:
            problems.append(f"state '{st.key}' has an unknown level '{st.level}'")
        if st.forum is not None and st.forum not in forums:
            problems.append(f"state '{st.key}' has an unknown forum '{st.forum}'")
    known = set(states)
    keys = [t.key for t in route.transitions]
    if len(set(keys)) != len(keys):
        problems.append("transition keys must be unique")
    for t in route.transitions:
        for s in t.from_states:
            if s != ANY_OPEN and s not in known:
                problems.append(f"transition {t.key} starts from an unknown state '{s}'")
        if t.to is not None and t.to not in known:
            problems.append(f"transition {t.key} leads to an unknown state '{t.to}'")
        if t.opens and t.to is None:
            problems.append(f"entry {t.key} must lead to a state")
        for r in t.roles:
            if r not in ROUTE_ROLES and r not in RELATIONS:
                problems.append(f"transition {t.key} names an unknown role '{r}'")
        for g in t.guards:
            if (p := _check_guard(g)) is not None:
                problems.append(f"transition {t.key}: {p}")
    if problems:
        return problems
    seen: set[tuple[str, str]] = set()
    for t in route.transitions:
        for s in route.sources(t) if not t.opens else {""}:
            if (s, t.action) in seen:
                problems.append(f"action '{t.action}' appears twice from state '{s or 'entry'}'")
            seen.add((s, t.action))
    entries = {t.to for t in route.transitions if t.opens and t.to}
    closed = route.closed_states()
    if not entries:
        problems.append("the route has no entry (a transition without from-states)")
    if not closed:
        problems.append("the route has no closed state")
    reachable = _reach(route, entries, forward=True)
    unreachable = [s for s in states if s not in reachable]
    if unreachable:
        problems.append("unreachable states: " + ", ".join(unreachable))
    can_close = _reach(route, closed, forward=False)
    stuck = [s for s in states if s not in can_close]
    if stuck:
        problems.append("states that cannot reach a closed state: " + ", ".join(stuck))
    return problems


def _reach(route: RouteDefinition, start: set[str], *, forward: bool) -> set[str]:
    edges: dict[str, set[str]] = {}
    for t in route.transitions:
        if t.opens or t.to is None:
            continue
        for s in route.sources(t):
            a, b = (s, t.to) if forward else (t.to, s)
            edges.setdefault(a, set()).add(b)
    seen, todo = set(start), deque(start)
    while todo:
        for nxt in edges.get(todo.popleft(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen
