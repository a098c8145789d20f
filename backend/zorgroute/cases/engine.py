"""The transition engine: what a case's route allows from its state, what each step's guards
still miss, and taking a step (state, timeline event, audit) — the same code for REST,
GraphQL and jobs. A step not in the table is a 409; a step whose guards fail is a 422 listing
exactly the missing guards."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func
from sqlmodel import col, select

from zorgroute.cases.models import (
    ActionItem,
    CareCase,
    CareRoute,
    CaseConversation,
    CaseDiscussion,
    CaseEvent,
    CaseRegistration,
    CaseScreening,
    SwvRequest,
)
from zorgroute.cases.policies import CaseAccess
from zorgroute.cases.routes import RouteDefinition, Transition, guard_code, guard_label
from zorgroute.cases.schemas import ActionOption, ClosureIn
from zorgroute.core.db import UnitOfWork
from zorgroute.core.errors import Forbidden, GuardFailed, InvalidTransition
from zorgroute.core.models import utcnow
from zorgroute.core.security.principal import Principal
from zorgroute.hgw.models import HgwSettings
from zorgroute.privacy.models import Consent
from zorgroute.privacy.service import covering_consent
from zorgroute.roster.models import Student

REQUIRED_FORM_FIELDS = {"izo": ("problem",), "zat": ("problem", "request_types")}


@dataclass
class Payload:
    """What the caller hands in with a step (checked by payload guards)."""

    reason: str = ""
    closure: ClosureIn | None = None
    swv_request: SwvRequest | None = None


@dataclass
class Facts:
    """Everything the guards look at, loaded once per case (a bounded number of queries)."""

    case: CareCase
    route: RouteDefinition
    registrations: dict[str, CaseRegistration] = field(default_factory=dict)
    conversations: list[CaseConversation] = field(default_factory=list)
    screenings: dict[str, CaseScreening] = field(default_factory=dict)  # latest per kind
    discussed_since_state: bool = False
    open_actions: int = 0
    pending_swv: list[SwvRequest] = field(default_factory=list)
    consents: set[str] = field(default_factory=set)
    direct_zat: bool = False


async def load_route(uow: UnitOfWork, case: CareCase) -> tuple[CareRoute, RouteDefinition]:
    route = await uow.first(select(CareRoute).where(CareRoute.id == case.route_id))
    assert route is not None  # a foreign key
    return route, RouteDefinition.model_validate(route.definition)


async def _consents(uow: UnitOfWork, student: Student) -> set[str]:
    purposes = await uow.rows(
        select(Consent.purpose, Consent.recipient)
        .where(Consent.student_id == student.id, col(Consent.withdrawn_at).is_(None))
        .distinct()
    )
    valid: set[str] = set()
    for purpose, recipient in purposes:
        if purpose not in valid and await covering_consent(uow, student, purpose, recipient):
            valid.add(purpose)
    return valid


async def load_facts(
    uow: UnitOfWork, case: CareCase, route: RouteDefinition, student: Student
) -> Facts:
    facts = Facts(case, route)
    for r in await uow.scalars(select(CaseRegistration).where(CaseRegistration.case_id == case.id)):
        facts.registrations[r.kind] = r
    facts.conversations = list(
        await uow.scalars(select(CaseConversation).where(CaseConversation.case_id == case.id))
    )
    screenings = await uow.rows(
        select(CaseScreening, CaseRegistration.kind)
        .join(CaseRegistration, col(CaseRegistration.id) == CaseScreening.registration_id)
        .where(CaseScreening.case_id == case.id)
        .order_by(col(CaseScreening.screened_at))
    )
    for screening, kind in screenings:
        facts.screenings[kind] = screening
    facts.discussed_since_state = (
        await uow.scalar(
            select(func.count()).where(
                CaseDiscussion.case_id == case.id,
                col(CaseDiscussion.discussed_at) >= case.state_since,
            )
        )
        or 0
    ) > 0
    facts.open_actions = (
        await uow.scalar(
            select(func.count()).where(ActionItem.case_id == case.id, ActionItem.status == "open")
        )
        or 0
    )
    facts.pending_swv = list(
        await uow.scalars(
            select(SwvRequest).where(
                SwvRequest.case_id == case.id, SwvRequest.decision == "pending"
            )
        )
    )
    facts.consents = await _consents(uow, student)
    facts.direct_zat = bool(
        await uow.scalar(
            select(HgwSettings.direct_zat_from_group_meeting).where(
                HgwSettings.school_id == case.school_id
            )
        )
    )
    return facts


def _filled(text: str | None) -> bool:
    return bool(text and text.strip())


def _conversation(facts: Facts, with_whom: str, forum: str | None) -> bool:
    return any(
        c.with_whom == with_whom and (forum is None or (c.moment == "before" and c.forum == forum))
        for c in facts.conversations
    )


def guard_holds(facts: Facts, guard: str, payload: Payload) -> bool:
    code, param = guard_code(guard)
    c = facts.case
    match code:
        case "help_question":
            return _filled(c.help_question_student)
        case "guidance_question":
            return _filled(c.guidance_question)
        case "strengths":
            return any(_filled(v) for v in c.strengths.values())
        case "registration":
            reg = facts.registrations.get(param or "")
            return reg is not None and all(
                reg.form.get(f) for f in REQUIRED_FORM_FIELDS[param or ""]
            )
        case "student_conversation":
            return _conversation(facts, "student", param)
        case "parent_conversation":
            return _conversation(facts, "parents", param)
        case "parents_informed":
            if not c.parents_informed:  # R22: only with a recorded (safety) reason
                return _filled(c.parents_not_informed_reason)
            return _conversation(facts, "parents", param) and "discuss_care_team" in facts.consents
        case "parents_consulted":
            return _conversation(facts, "parents", None)
        case "consent":
            return param in facts.consents
        case "screening_passed":
            s = facts.screenings.get(param or "")
            return (
                s is not None
                and s.outcome == "accept"
                and all(
                    (
                        s.right_line,
                        s.questions_clear,
                        s.prior_line_exhausted,
                        s.parents_student_aware,
                    )
                )
            )
        case "discussion_recorded":
            return facts.discussed_since_state
        case "evaluation_date":
            return c.evaluation_on is not None
        case "zat_question":
            return _filled(c.zat_question)
        case "direct_zat_allowed":
            return facts.direct_zat
        case "case_coordinator":
            return c.coordinator_staff_id is not None
        case "case_coordinator_if_complex":
            return c.complexity != "complex" or c.coordinator_staff_id is not None
        case "action_plan":
            return facts.open_actions > 0 and c.evaluation_on is not None
        case "swv_request":  # R33 (documented efforts) is checked where the request is made
            return payload.swv_request is not None or bool(facts.pending_swv)
        case "kickoff_recorded":
            return any(cv.moment == "kickoff" for cv in facts.conversations)
        case "final_evaluation":
            cl = payload.closure
            return cl is not None and cl.evaluated_with_student and cl.evaluated_with_parents
        case "provisional_closure":
            return c.closure_provisional
        case "reason":
            return _filled(payload.reason)
    return False  # an unknown guard never holds (definitions are validated on save)


def missing(facts: Facts, t: Transition, payload: Payload) -> list[str]:
    return [g for g in t.guards if not guard_holds(facts, g, payload)]


def options(facts: Facts, access: CaseAccess) -> list[ActionOption]:
    """The steps from the current state, for the case page: allowed for the caller's role,
    and what is missing (payload guards such as the closure show as missing until given)."""
    route, mine = facts.route, access.route_roles()
    result = []
    for t in route.available(facts.case.state):
        gaps = missing(facts, t, Payload())
        target = route.state(t.to) if t.to else None
        result.append(
            ActionOption(
                key=t.key,
                action=t.action,
                label=t.label,
                to=t.to,
                to_name=target.name if target else None,
                allowed=bool(mine & set(t.roles)),
                missing=gaps,
                missing_labels=[guard_label(g) for g in gaps],
            )
        )
    return result


def event(
    case: CareCase,
    kind: str,
    actor: Principal,
    *,
    action: str | None = None,
    transition: Transition | None = None,
    from_state: str | None = None,
    to_state: str | None = None,
    reason: str | None = None,
    details: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> CaseEvent:
    return CaseEvent(
        school_id=case.school_id,
        case_id=case.id,
        kind=kind,
        action=action,
        transition_key=transition.key if transition else None,
        from_state=from_state,
        to_state=to_state,
        actor_name=actor.display_name,
        reason=reason or None,
        details=details or {},
        at=at or utcnow(),
    )


def may_take(facts: Facts, access: CaseAccess, t: Transition, payload: Payload) -> None:
    """The caller's role is in the step's roles and every guard holds (403 / 422 otherwise)."""
    if not access.route_roles() & set(t.roles):
        raise Forbidden(f"The route lets {', '.join(t.roles)} take the step '{t.label}'.")
    gaps = missing(facts, t, payload)
    if gaps:
        raise GuardFailed(
            f"'{t.label}' needs: " + "; ".join(guard_label(g) for g in gaps) + ".",
            missing=gaps,
            missing_labels=[guard_label(g) for g in gaps],
        )


def check_step(facts: Facts, access: CaseAccess, action: str, payload: Payload) -> Transition:
    """The table's step for `action` from the case's state, or the problem why not."""
    case, route = facts.case, facts.route
    t = route.step(case.state, action)
    if t is None:
        allowed = sorted({x.action for x in route.available(case.state)})
        raise InvalidTransition(
            f"'{action}' is not a step of this route from '{case.state}'.",
            state=case.state,
            allowed_actions=allowed,
        )
    may_take(facts, access, t, payload)
    return t


def take(
    uow: UnitOfWork, principal: Principal, facts: Facts, t: Transition, payload: Payload
) -> CaseEvent:
    """Apply a checked step: move the state (if it moves), append the timeline event, audit."""
    case, route = facts.case, facts.route
    before, now = case.state, utcnow()
    if t.to is not None and t.to != before:
        case.state = t.to
        case.state_since = now
    target = route.state(case.state)
    if target is not None and target.closed:
        closure = payload.closure
        case.closed_at = now
        case.closure_provisional = bool(closure and closure.provisional)
        case.closure_outcome = closure.outcome if closure else None
        case.closure = closure.model_dump() if closure else None
        case.evaluation_on = None  # evaluated; reopening asks for a new evaluation date
    elif before in route.closed_states():
        case.closed_at = None
        case.closure_provisional = False
    source = route.state(before)
    if source is not None and source.registration:
        _registration_follows(facts, principal, source.registration, t.action)
    case.version += 1
    case.updated_at = now
    ev = event(
        case,
        "transition",
        principal,
        action=t.action,
        transition=t,
        from_state=before,
        to_state=case.state,
        reason=payload.reason,
        at=now,
    )
    uow.add(ev)
    uow.audit(
        "case.transition",
        "care_case",
        case.id,
        case.school_id,
        {"action": t.action, "key": t.key, "from": before, "to": case.state},
        student_id=case.student_id,
    )
    return ev


# The registration form follows the route's submit and screening steps.
SCREENING_STATUS = {
    "screen_accept": "accepted",
    "screen_request_info": "info_requested",
    "screen_first_line": "returned",
}


def _registration_follows(facts: Facts, principal: Principal, kind: str, action: str) -> None:
    reg = facts.registrations.get(kind)
    if reg is None:
        return
    if action in SCREENING_STATUS:
        reg.status = SCREENING_STATUS[action]
        reg.version += 1
        return
    if not action.startswith(("submit", "resubmit")):
        return
    # Submitting freezes what the registrant wrote on the case into the form's snapshot.
    c = facts.case
    reg.status = "submitted"
    reg.submitted_at = utcnow()
    reg.submitted_by = principal.display_name
    reg.snapshot = {
        "help_question_student": c.help_question_student,
        "help_question_parents": c.help_question_parents,
        "guidance_question": c.guidance_question,
        "strengths": c.strengths,
        "hindering": c.hindering,
        "school_career": c.school_career,
        "prior_support": c.prior_support,
        "reasons": c.reasons,
        "parents_informed": c.parents_informed,
    }
    reg.version += 1
