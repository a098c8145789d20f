"""Guidance periods (begeleidingsperiode) along the seven-phase teacher-student consultation,
with the student's portfolio goals and the progress check-ins."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from sqlmodel import col, select

from zorgroute.cases.reads import staff_name
from zorgroute.core.db import UnitOfWork
from zorgroute.core.errors import (
    Conflict,
    Forbidden,
    InvalidTransition,
    NotFound,
    ValidationFailed,
    invalid,
    require_version,
)
from zorgroute.core.models import school_today, utcnow
from zorgroute.core.security.principal import Principal
from zorgroute.gifted.models import GuidanceCheckin, GuidancePeriod
from zorgroute.gifted.policies import GiftedAccess, gifted_access
from zorgroute.gifted.schemas import (
    CheckinIn,
    CheckinRead,
    GuidanceCreate,
    GuidanceRead,
    GuidanceUpdate,
    MonitoringNoteIn,
    PhaseIn,
    PortfolioGoal,
    PortfolioGoalIn,
)
from zorgroute.gifted.vocabulary import GUIDANCE_PHASE_CODES
from zorgroute.roster.models import StaffMember

PERIOD_NOT_FOUND = "There is no guidance period with this id that you may see."
CHECKINS_FROM = GUIDANCE_PHASE_CODES.index("responsibilities")
# What a phase needs before it is entered (001:189-232): (pointer, detail).
ENTRY_GUARDS: dict[str, tuple[str, str]] = {
    "content": (
        "/goals",
        "Record at least one learning goal first (leerdoelen en voortgang in kaart brengen).",
    ),
    "monitoring": (
        "/agreements",
        "Record at least one agreement first: wie doet wat, wanneer en hoe?",
    ),
    "handover": (
        "/checkins",
        "Hold at least one progress meeting (voortgangsgesprek) before the handover.",
    ),
}


# -- read model -----------------------------------------------------------------------------
async def _checkins(uow: UnitOfWork, period_id: uuid.UUID) -> list[GuidanceCheckin]:
    return await uow.scalars(
        select(GuidanceCheckin)
        .where(GuidanceCheckin.period_id == period_id)
        .order_by(col(GuidanceCheckin.held_on).desc(), col(GuidanceCheckin.created_at).desc())
    )


async def _read(uow: UnitOfWork, period: GuidancePeriod, access: GiftedAccess) -> GuidanceRead:
    checkins = await _checkins(uow, period.id)
    next_checkin = None
    if period.status == "open":
        last = checkins[0].held_on if checkins else period.starts_on
        next_checkin = last + timedelta(weeks=period.checkin_every_weeks)
    return GuidanceRead(
        id=period.id,
        student_id=period.student_id,
        lead_staff_id=period.lead_staff_id,
        lead_name=period.lead_name,
        starts_on=period.starts_on,
        ends_on=period.ends_on,
        phase=period.phase,
        status=period.status,
        goals=[PortfolioGoal.model_validate(g) for g in period.goals],
        agreements=period.agreements,
        differentiation=period.differentiation,
        external_factors=period.external_factors if access.sees_restricted() else None,
        checkin_every_weeks=period.checkin_every_weeks,
        next_checkin_on=next_checkin,
        checkins=[
            CheckinRead(
                id=c.id,
                held_on=c.held_on,
                progress=c.progress,
                stagnation_cause=c.stagnation_cause,
                note=c.note,
                adjustments=c.adjustments,
                held_by_name=c.held_by_name,
            )
            for c in checkins
        ],
        student_reflection=period.student_reflection,
        handover_note=period.handover_note,
        development_points=period.development_points,
        transfer_notes=period.transfer_notes,
        version=period.version,
    )


# -- loading and writing --------------------------------------------------------------------
async def _load(
    uow: UnitOfWork, principal: Principal, period_id: uuid.UUID, *, write: bool = False
) -> tuple[GuidancePeriod, GiftedAccess]:
    stmt = select(GuidancePeriod).where(
        GuidancePeriod.id == period_id, col(GuidancePeriod.school_id).in_(principal.school_ids)
    )
    period = await uow.first(stmt.with_for_update() if write else stmt)
    if period is None:
        raise NotFound(PERIOD_NOT_FOUND)
    try:
        access = await gifted_access(uow, principal, period.student_id, write=write)
    except NotFound:
        raise NotFound(PERIOD_NOT_FOUND) from None
    return period, access


async def _writable(
    uow: UnitOfWork, principal: Principal, period_id: uuid.UUID, expected: int | None
) -> tuple[GuidancePeriod, GiftedAccess]:
    period, access = await _load(uow, principal, period_id, write=True)
    require_version(period.version, expected, "guidance period")
    if period.status != "open":
        raise Conflict("The guidance period is closed: it is kept as it was.")
    return period, access


def _changed(uow: UnitOfWork, period: GuidancePeriod, action: str, details: dict[str, Any]) -> None:
    period.version += 1
    period.updated_at = utcnow()
    uow.audit(
        f"gifted.guidance.{action}",
        "guidance_period",
        period.id,
        period.school_id,
        {"phase": period.phase, **details},
        student_id=period.student_id,
    )


def _goal(data: PortfolioGoalIn, goal_id: str, monitoring: list[dict[str, str]]) -> dict[str, Any]:
    return {
        "id": goal_id,
        "goal": data.goal,
        "plan": data.plan,
        "monitoring": monitoring,
        "evaluation": data.evaluation,
        "achieved": data.achieved,
    }


def _merged_goals(
    current: list[dict[str, Any]], sent: list[PortfolioGoalIn]
) -> list[dict[str, Any]]:
    """The goals as sent: known ids keep their monitoring (the student's logbook), new goals
    get an id; a goal left out is dropped."""
    known = {g["id"]: g for g in current}
    goals: list[dict[str, Any]] = []
    for i, g in enumerate(sent):
        if g.id is None:
            goals.append(_goal(g, str(uuid.uuid4()), []))
            continue
        found = known.pop(str(g.id), None)
        if found is None:
            raise invalid(f"/goals/{i}/id", "This period has no goal with this id.")
        goals.append(_goal(g, found["id"], list(found["monitoring"])))
    return goals


async def _guard_met(uow: UnitOfWork, period: GuidancePeriod, pointer: str) -> bool:
    if pointer == "/checkins":
        return bool(await _checkins(uow, period.id))
    return bool(period.goals if pointer == "/goals" else period.agreements)


# -- use cases ------------------------------------------------------------------------------
async def create_period(
    uow: UnitOfWork, principal: Principal, data: GuidanceCreate
) -> GuidanceRead:
    access = await gifted_access(uow, principal, data.student_id, write=True)
    school_id = access.school_id
    if data.ends_on is not None and data.ends_on < data.starts_on:
        raise invalid("/ends_on", "The period ends after it starts.")
    lead_id = data.lead_staff_id or principal.staff_member_ids.get(school_id)
    lead_name = principal.display_name
    if lead_id is not None:
        lead = await uow.first(
            select(StaffMember).where(StaffMember.id == lead_id, StaffMember.school_id == school_id)
        )
        if lead is None:
            raise invalid("/lead_staff_id", "Not a staff member of the student's school.")
        lead_name = staff_name(lead)
    period = GuidancePeriod(
        school_id=school_id,
        student_id=data.student_id,
        lead_staff_id=lead_id,
        lead_name=lead_name,
        starts_on=data.starts_on,
        ends_on=data.ends_on,
        phase=GUIDANCE_PHASE_CODES[0],
        status="open",
        goals=[_goal(g, str(uuid.uuid4()), []) for g in data.goals],
        agreements=[],
        differentiation=[],
        checkin_every_weeks=data.checkin_every_weeks,
    )
    uow.add(period)
    await uow.flush()
    uow.audit(
        "gifted.guidance.create",
        "guidance_period",
        period.id,
        school_id,
        {"phase": period.phase, "goals": len(period.goals)},
        student_id=period.student_id,
    )
    return await _read(uow, period, access)


async def get_period(uow: UnitOfWork, principal: Principal, period_id: uuid.UUID) -> GuidanceRead:
    period, access = await _load(uow, principal, period_id)
    uow.audit(
        "gifted.guidance.read",
        "guidance_period",
        period.id,
        period.school_id,
        student_id=period.student_id,
    )
    return await _read(uow, period, access)


async def update_period(
    uow: UnitOfWork,
    principal: Principal,
    period_id: uuid.UUID,
    expected: int | None,
    data: GuidanceUpdate,
) -> GuidanceRead:
    period, access = await _writable(uow, principal, period_id, expected)
    # null means "leave as it is", except for the end date (which may be cleared).
    sent = {n for n in data.model_fields_set if n == "ends_on" or getattr(data, n) is not None}
    if "external_factors" in sent and not access.sees_restricted():
        raise Forbidden("External factors are for the mentor, care, HB and leadership only.")
    ends_on = data.ends_on if "ends_on" in sent else period.ends_on
    if ends_on is not None and ends_on < period.starts_on:
        raise invalid("/ends_on", "The period ends after it starts.")
    for name in sent:
        if name == "goals":
            period.goals = _merged_goals(period.goals, data.goals or [])
        elif name == "agreements":
            period.agreements = [a.model_dump() for a in data.agreements or []]
        elif name == "differentiation":
            period.differentiation = sorted(set(data.differentiation or []))
        else:
            setattr(period, name, getattr(data, name))
    _changed(uow, period, "update", {"fields": sorted(sent)})
    return await _read(uow, period, access)


async def advance(
    uow: UnitOfWork, principal: Principal, period_id: uuid.UUID, expected: int | None, data: PhaseIn
) -> GuidanceRead:
    period, access = await _writable(uow, principal, period_id, expected)
    index = GUIDANCE_PHASE_CODES.index(period.phase)
    if index + 1 == len(GUIDANCE_PHASE_CODES):
        raise InvalidTransition(
            "This is the last phase: close the period.",
            state=period.phase,
            allowed_actions=["close"],
        )
    following = GUIDANCE_PHASE_CODES[index + 1]
    if data.phase != following:
        raise InvalidTransition(
            f"The phases go in order: the next one is '{following}'.",
            state=period.phase,
            allowed_actions=[following],
        )
    guard = ENTRY_GUARDS.get(following)
    if guard is not None and not await _guard_met(uow, period, guard[0]):
        raise invalid(*guard)
    previous, period.phase = period.phase, following
    _changed(uow, period, "phase", {"from": previous})
    return await _read(uow, period, access)


async def add_monitoring(
    uow: UnitOfWork,
    principal: Principal,
    period_id: uuid.UUID,
    expected: int | None,
    data: MonitoringNoteIn,
) -> GuidanceRead:
    period, access = await _writable(uow, principal, period_id, expected)
    goals = [dict(g) for g in period.goals]  # a new list: JSONB changes are not tracked in place
    goal = next((g for g in goals if g["id"] == str(data.goal_id)), None)
    if goal is None:
        raise invalid("/goal_id", "This period has no goal with this id.")
    goal["monitoring"] = [*goal["monitoring"], {"on": data.on.isoformat(), "note": data.note}]
    period.goals = goals
    _changed(uow, period, "monitoring", {"goal_id": str(data.goal_id)})
    return await _read(uow, period, access)


async def add_checkin(
    uow: UnitOfWork,
    principal: Principal,
    period_id: uuid.UUID,
    expected: int | None,
    data: CheckinIn,
) -> GuidanceRead:
    period, access = await _writable(uow, principal, period_id, expected)
    if GUIDANCE_PHASE_CODES.index(period.phase) < CHECKINS_FROM:
        raise Conflict(
            "Progress meetings start once the responsibilities are recorded "
            "(verantwoordelijkheden vastleggen).",
            state=period.phase,
        )
    if data.progress == "stagnating" and data.stagnation_cause is None:
        raise invalid(
            "/stagnation_cause", "On stagnation, name its cause: content, approach or other."
        )
    if data.progress == "on_track" and data.stagnation_cause is not None:
        raise invalid("/stagnation_cause", "A student on track has no stagnation cause.")
    uow.add(
        GuidanceCheckin(
            school_id=period.school_id,
            period_id=period.id,
            student_id=period.student_id,
            held_on=data.held_on,
            progress=data.progress,
            stagnation_cause=data.stagnation_cause,
            note=data.note,
            adjustments=data.adjustments,
            held_by_name=principal.display_name,
        )
    )
    _changed(
        uow,
        period,
        "checkin",
        {"progress": data.progress, "stagnation_cause": data.stagnation_cause},
    )
    await uow.flush()
    return await _read(uow, period, access)


async def close_period(
    uow: UnitOfWork, principal: Principal, period_id: uuid.UUID, expected: int | None
) -> GuidanceRead:
    period, access = await _writable(uow, principal, period_id, expected)
    if period.phase != GUIDANCE_PHASE_CODES[-1]:
        following = GUIDANCE_PHASE_CODES[GUIDANCE_PHASE_CODES.index(period.phase) + 1]
        raise InvalidTransition(
            "A period is closed in its last phase (reflectie en afronding).",
            state=period.phase,
            allowed_actions=[following],
        )
    errors: list[dict[str, str]] = []
    if not period.goals:
        errors.append({"pointer": "/goals", "detail": "The period has no goals to evaluate."})
    for i, g in enumerate(period.goals):
        if not g["evaluation"].strip():
            errors.append({"pointer": f"/goals/{i}/evaluation", "detail": "Evaluate the goal."})
        if g["achieved"] is None:
            errors.append({"pointer": f"/goals/{i}/achieved", "detail": "Achieved or not?"})
    if not period.handover_note.strip():
        errors.append(
            {"pointer": "/handover_note", "detail": "Write the handover for the next colleague."}
        )
    if errors:
        raise ValidationFailed(
            "Evaluate every goal and write the handover note before closing.", errors=errors
        )
    period.status = "closed"
    period.ends_on = period.ends_on or school_today()
    achieved = sum(1 for g in period.goals if g["achieved"])
    _changed(uow, period, "close", {"goals": len(period.goals), "achieved": achieved})
    return await _read(uow, period, access)
