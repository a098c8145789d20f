"""The case (zorgtraject): opening it on a route's entry, the case file, the registration forms,
the screening, conversations with student and parents, and every step through the route's
table (including closure and reopening). Every write is audited; every read of a case too."""

from __future__ import annotations

import uuid

from sqlmodel import col, select

from zorgroute.cases import engine, reads
from zorgroute.cases.models import (
    CareCase,
    CareRoute,
    CaseConversation,
    CaseRegistration,
    CaseScreening,
)
from zorgroute.cases.policies import CaseAccess, check_staff, load_case, require_write
from zorgroute.cases.routes import RouteDefinition
from zorgroute.cases.schemas import (
    CaseOpen,
    CaseRead,
    CaseUpdate,
    ConversationIn,
    ConversationRead,
    RegistrationRead,
    RegistrationWrite,
    ScreeningIn,
    TransitionIn,
)
from zorgroute.core.db import UnitOfWork
from zorgroute.core.errors import (
    Conflict,
    Forbidden,
    InvalidTransition,
    NotFound,
    invalid,
    require_version,
)
from zorgroute.core.models import school_today, utcnow
from zorgroute.core.security.principal import Principal
from zorgroute.hgw.models import GroupMeeting, MeetingDecision
from zorgroute.hgw.policies import school_staff_roles, student_access

ROUTE_NOT_FOUND = "This school has no route with this key."
SCREENING_ACTIONS = {
    "accept": "screen_accept",
    "request_info": "screen_request_info",
    "first_line_actions": "screen_first_line",
}
# Restricted case-file fields: only those who see restricted content write them.
RESTRICTED_FIELDS = ("home_situation",)


async def latest_route(uow: UnitOfWork, school_id: uuid.UUID, key: str) -> CareRoute:
    route = await uow.first(
        select(CareRoute)
        .where(CareRoute.school_id == school_id, CareRoute.key == key)
        .order_by(col(CareRoute.revision).desc())
    )
    if route is None:
        raise invalid("/route_key", ROUTE_NOT_FOUND)
    return route


async def _apply_fields(
    uow: UnitOfWork, case: CareCase, access: CaseAccess, data: CaseUpdate | CaseOpen
) -> None:
    given = data.model_dump(
        exclude_unset=True,
        exclude={"student_id", "route_key", "action", "origin_decision_id", "reason"},
    )
    if any(f in given for f in RESTRICTED_FIELDS) and not access.sees_restricted():
        raise Forbidden("Your role does not see (or write) the home situation.")
    await check_staff(uow, case.school_id, data.coordinator_staff_id, "/coordinator_staff_id")
    await check_staff(uow, case.school_id, data.parent_contact_staff_id, "/parent_contact_staff_id")
    for name, value in given.items():
        if name in ("strengths", "hindering", "reasons"):
            value = value if value is not None else ({} if name != "reasons" else [])
        elif name in ("complexity", "parents_informed") and value is None:
            continue
        setattr(case, name, value)
    if case.parents_informed:
        case.parents_not_informed_reason = None


async def open_case(
    uow: UnitOfWork, principal: Principal, school_id: uuid.UUID, data: CaseOpen
) -> CaseRead:
    """Open a case on a route's entry step (T3 bilateral, T4 IZO, T12 direct ZAT, ...)."""
    school_staff_roles(principal, school_id)
    sa = await student_access(uow, principal, data.student_id)
    if sa.student.school_id != school_id:
        raise NotFound("There is no student with this id that you may see.")
    route = await latest_route(uow, school_id, data.route_key)
    definition = RouteDefinition.model_validate(route.definition)
    entry = definition.entry(data.action)
    if entry is None or entry.to is None:
        raise InvalidTransition(
            f"'{data.action}' does not open a case on this route.",
            allowed_actions=sorted(t.action for t in definition.transitions if t.opens),
        )
    origin, meeting_id = "manual", None
    if data.origin_decision_id is not None:
        meeting_id = await _origin_meeting(uow, school_id, data)
        origin = "group_meeting"
    elif data.action == "open_shortened":
        origin = "shortened"
    now = utcnow()
    case = CareCase(
        school_id=school_id,
        student_id=sa.student.id,
        route_id=route.id,
        state=entry.to,
        state_since=now,
        origin=origin,
        origin_meeting_id=meeting_id,
        origin_decision_id=data.origin_decision_id,
        registrant_user_id=principal.user_id,
        registrant_name=principal.display_name,
        opened_at=now,
    )
    access = CaseAccess(sa, coordinator=False, registrant=True, case_granted=False)
    await _apply_fields(uow, case, access, data)
    facts = await engine.load_facts(uow, case, definition, sa.student)  # a new case: no records
    engine.may_take(facts, access, entry, engine.Payload(reason=data.reason))
    uow.add(case)
    await uow.flush()
    uow.add(
        engine.event(
            case,
            "opened",
            principal,
            action=entry.action,
            transition=entry,
            to_state=case.state,
            reason=data.reason,
            details={"origin": origin, "route": route.key, "revision": route.revision},
        )
    )
    uow.audit(
        "case.open",
        "care_case",
        case.id,
        school_id,
        {"route": route.key, "action": entry.action, "origin": origin},
        student_id=case.student_id,
    )
    return await reads.case_read(uow, case, access)


async def _origin_meeting(uow: UnitOfWork, school_id: uuid.UUID, data: CaseOpen) -> uuid.UUID:
    decision = await uow.first(
        select(MeetingDecision).where(
            MeetingDecision.id == data.origin_decision_id, MeetingDecision.school_id == school_id
        )
    )
    if decision is None or decision.student_id != data.student_id:
        raise invalid("/origin_decision_id", "Not a group-meeting decision about this student.")
    if decision.decision != "register_care_team":
        raise invalid("/origin_decision_id", "The group meeting did not decide to register.")
    held = await uow.scalar(
        select(GroupMeeting.status).where(GroupMeeting.id == decision.meeting_id)
    )
    if held != "held":
        raise invalid("/origin_decision_id", "The group meeting has not been held yet.")
    taken = await uow.first(
        select(CareCase.id).where(CareCase.origin_decision_id == data.origin_decision_id)
    )
    if taken is not None:
        raise Conflict(
            "A case is already open for this group-meeting decision.", case_id=str(taken)
        )
    return decision.meeting_id


async def get_case(uow: UnitOfWork, principal: Principal, case_id: uuid.UUID) -> CaseRead:
    case, access = await load_case(uow, principal, case_id)
    uow.audit("case.read", "care_case", case.id, case.school_id, student_id=case.student_id)
    return await reads.case_read(uow, case, access)


def _require_open(case: CareCase) -> None:
    if case.closed_at is not None:
        raise Conflict("The case is closed: reopen it first (if its closure was provisional).")


async def update_case(
    uow: UnitOfWork,
    principal: Principal,
    case_id: uuid.UUID,
    expected_version: int | None,
    data: CaseUpdate,
) -> CaseRead:
    case, access = await load_case(uow, principal, case_id, for_update=True)
    require_write(access)
    require_version(case.version, expected_version, "case")
    if data.model_fields_set - {"evaluation_on"}:  # a closed case only gets a date to reopen on
        _require_open(case)
    if data.parents_informed is False and not (data.parents_not_informed_reason or "").strip():
        raise invalid(
            "/parents_not_informed_reason",
            "Record why the parents are not informed (the student's safety).",
        )
    await _apply_fields(uow, case, access, data)
    case.version += 1
    case.updated_at = utcnow()
    uow.audit(
        "case.update",
        "care_case",
        case.id,
        case.school_id,
        {"fields": sorted(data.model_fields_set)},
        student_id=case.student_id,
    )
    return await reads.case_read(uow, case, access)


async def transition(
    uow: UnitOfWork,
    principal: Principal,
    case_id: uuid.UUID,
    expected_version: int | None,
    data: TransitionIn,
) -> CaseRead:
    case, access = await load_case(uow, principal, case_id, for_update=True)
    require_version(case.version, expected_version, "case")
    payload = engine.Payload(reason=data.reason, closure=data.closure)
    await step(uow, principal, case, access, data.action, payload)
    return await reads.case_read(uow, case, access)


async def step(
    uow: UnitOfWork,
    principal: Principal,
    case: CareCase,
    access: CaseAccess,
    action: str,
    payload: engine.Payload,
) -> None:
    """Check and take one step of the case's route (shared by every write that moves it)."""
    _, definition = await engine.load_route(uow, case)
    facts = await engine.load_facts(uow, case, definition, access.sa.student)
    t = engine.check_step(facts, access, action, payload)
    engine.take(uow, principal, facts, t, payload)


# -- registration forms ---------------------------------------------------------------------
EDITABLE_REGISTRATION = ("draft", "info_requested", "returned")


async def save_registration(
    uow: UnitOfWork,
    principal: Principal,
    case_id: uuid.UUID,
    kind: str,
    expected_version: int | None,
    data: RegistrationWrite,
) -> RegistrationRead:
    case, access = await load_case(uow, principal, case_id)
    require_write(access)
    _require_open(case)
    if (data.diagnosed_disorder or data.functioning_at_home) and not access.sees_restricted():
        raise Forbidden("Your role does not write diagnoses or the home situation.")
    reg = await uow.first(
        select(CaseRegistration)
        .where(CaseRegistration.case_id == case.id, CaseRegistration.kind == kind)
        .with_for_update()
    )
    if reg is None:
        reg = CaseRegistration(school_id=case.school_id, case_id=case.id, kind=kind, version=0)
        uow.add(reg)
    else:
        require_version(reg.version, expected_version, "registration")
        if reg.status not in EDITABLE_REGISTRATION:
            raise Conflict(f"The registration is {reg.status}: it can no longer be edited.")
    form = data.model_dump(mode="json")
    if not access.sees_restricted():  # keep what this writer was never shown
        for name in reads.RESTRICTED_FORM_FIELDS:
            form[name] = reg.form.get(name, "")
    reg.form = form
    reg.version += 1
    reg.updated_at = utcnow()
    await uow.flush()
    uow.audit(
        "case.registration.save",
        "case_registration",
        reg.id,
        case.school_id,
        {"kind": kind},
        student_id=case.student_id,
    )
    return reads.registration_read(reg, access)


async def screen(
    uow: UnitOfWork,
    principal: Principal,
    case_id: uuid.UUID,
    expected_version: int | None,
    data: ScreeningIn,
) -> CaseRead:
    """Screening by the zorgcoördinator / IB'er: the four checks and the outcome, which takes
    the route's matching step (accept, ask for missing items, first-line actions first)."""
    case, access = await load_case(uow, principal, case_id, for_update=True)
    require_version(case.version, expected_version, "case")
    _, definition = await engine.load_route(uow, case)
    state = definition.state(case.state)
    kind = state.registration if state else None
    reg = None
    if kind is not None:
        reg = await uow.first(
            select(CaseRegistration).where(
                CaseRegistration.case_id == case.id, CaseRegistration.kind == kind
            )
        )
    if reg is None or reg.status != "submitted":
        raise InvalidTransition(
            "There is no submitted registration to screen in this state.", state=case.state
        )
    screening = CaseScreening(
        school_id=case.school_id,
        case_id=case.id,
        registration_id=reg.id,
        right_line=data.right_line,
        questions_clear=data.questions_clear,
        prior_line_exhausted=data.prior_line_exhausted,
        parents_student_aware=data.parents_student_aware,
        outcome=data.outcome,
        missing_items=list(data.missing_items),
        proposed_actions=data.proposed_actions or None,
        notes=data.notes or None,
        screened_by=principal.display_name,
        screened_at=utcnow(),
    )
    uow.add(screening)
    await uow.flush()
    uow.add(
        engine.event(
            case,
            "screening",
            principal,
            action=data.outcome,
            details={"screening_id": str(screening.id), "kind": kind},
        )
    )
    uow.audit(
        "case.screening",
        "case_screening",
        screening.id,
        case.school_id,
        {"outcome": data.outcome},
        student_id=case.student_id,
    )
    await step(
        uow,
        principal,
        case,
        access,
        SCREENING_ACTIONS[data.outcome],
        engine.Payload(reason=data.notes),
    )
    return await reads.case_read(uow, case, access)


# -- conversations --------------------------------------------------------------------------
async def add_conversation(
    uow: UnitOfWork, principal: Principal, case_id: uuid.UUID, data: ConversationIn
) -> ConversationRead:
    case, access = await load_case(uow, principal, case_id)
    require_write(access)
    if data.held_on > school_today():
        raise invalid("/held_on", "A conversation is recorded once it has been held.")
    if data.moment in ("before", "after") and data.forum is None:
        raise invalid("/forum", "Say which discussion (IZO or ZAT) this conversation is about.")
    conv = CaseConversation(
        school_id=case.school_id,
        case_id=case.id,
        with_whom=data.with_whom,
        moment=data.moment,
        forum=data.forum,
        held_on=data.held_on,
        participants=data.participants or None,
        summary=data.summary,
        agreements=data.agreements or None,
        recorded_by=principal.display_name,
    )
    uow.add(conv)
    await uow.flush()
    uow.add(
        engine.event(
            case,
            "conversation",
            principal,
            action=f"{data.with_whom}_{data.moment}",
            details={"conversation_id": str(conv.id), "forum": data.forum},
        )
    )
    uow.audit(
        "case.conversation",
        "case_conversation",
        conv.id,
        case.school_id,
        {"with": data.with_whom, "moment": data.moment},
        student_id=case.student_id,
    )
    return reads.conversation_read(conv, access)
