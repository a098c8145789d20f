"""The group meeting (groepsbespreking): agenda, teachers' questions, the report with a
decision per student, and holding it, which confirms the discussed signals and hands students
registered with the care team over to case routing (through the outbox)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import delete, update
from sqlmodel import col, select

from zorgroute.core.db import UnitOfWork
from zorgroute.core.errors import Conflict, Forbidden, NotFound, ValidationFailed, require_version
from zorgroute.core.models import utcnow
from zorgroute.core.outbox import emit
from zorgroute.core.security.principal import Principal
from zorgroute.hgw.models import (
    CyclePeriod,
    GroupMeeting,
    GroupOverview,
    MeetingDecision,
    OverviewRow,
    Signal,
)
from zorgroute.hgw.overviews import LoadedOverview, load
from zorgroute.hgw.schemas import (
    DEFAULT_AGENDA,
    DecisionRead,
    MeetingCreate,
    MeetingHold,
    MeetingRead,
    MeetingUpdate,
    QuestionCreate,
    QuestionRead,
)
from zorgroute.plans.models import GroupPlan

MEETING_NOT_FOUND = "There is no group meeting with this id that you may see."
CARE_HANDOVER_TOPIC = "hgw.care_registration_requested"


async def _previous_plan(uow: UnitOfWork, loaded: LoadedOverview) -> uuid.UUID | None:
    """The plan of the group's overview before this one: evaluated in this meeting."""
    o = loaded.overview
    return await uow.first(
        select(GroupPlan.id)
        .join(GroupOverview, col(GroupOverview.id) == GroupPlan.overview_id)
        .join(CyclePeriod, col(CyclePeriod.id) == GroupOverview.cycle_period_id)
        .where(
            GroupOverview.group_id == o.group_id,
            GroupOverview.cycle == o.cycle,
            GroupOverview.subject == o.subject,
            col(CyclePeriod.starts_on) < loaded.period.starts_on,
        )
        .order_by(col(CyclePeriod.starts_on).desc())
    )


async def _read(uow: UnitOfWork, meeting: GroupMeeting, loaded: LoadedOverview) -> MeetingRead:
    decisions = await uow.scalars(
        select(MeetingDecision)
        .where(MeetingDecision.meeting_id == meeting.id)
        .order_by(col(MeetingDecision.created_at), col(MeetingDecision.id))
    )
    return MeetingRead(
        id=meeting.id,
        overview_id=meeting.overview_id,
        group_id=meeting.group_id,
        group_name=loaded.access.group.name,
        period_name=loaded.period.name,
        status=meeting.status,
        scheduled_on=meeting.scheduled_on,
        held_on=meeting.held_on,
        chair_name=meeting.chair_name,
        attendees=list(meeting.attendees),
        agenda=list(meeting.agenda),
        teacher_questions=[
            QuestionRead(author=q["author"], text=q["text"], at=datetime.fromisoformat(q["at"]))
            for q in meeting.teacher_questions
        ],
        previous_plan_id=await _previous_plan(uow, loaded),
        previous_plan_evaluation=meeting.previous_plan_evaluation,
        attention_points=meeting.attention_points,
        clarified_needs=meeting.clarified_needs,
        clustering=meeting.clustering,
        agreements=meeting.agreements,
        summary=meeting.summary,
        editable=loaded.editable and loaded.access.leads(loaded.overview.cycle, loaded.subject),
        decisions=[
            DecisionRead(student_id=d.student_id, decision=d.decision, note=d.note)
            for d in decisions
        ],
        version=meeting.version,
    )


async def _load(
    uow: UnitOfWork, principal: Principal, meeting_id: uuid.UUID
) -> tuple[GroupMeeting, LoadedOverview]:
    meeting = await uow.first(
        select(GroupMeeting)
        .where(GroupMeeting.id == meeting_id, col(GroupMeeting.school_id).in_(principal.school_ids))
        .with_for_update()
    )
    if meeting is None:
        raise NotFound(MEETING_NOT_FOUND)
    try:
        loaded = await load(uow, principal, meeting.overview_id)
    except NotFound:
        raise NotFound(MEETING_NOT_FOUND) from None
    return meeting, loaded


def _require_lead(loaded: LoadedOverview) -> None:
    if not loaded.access.leads(loaded.overview.cycle, loaded.subject):
        raise Forbidden("The mentor (cycle A) or the subject teacher (cycle B) runs the meeting.")


async def create_meeting(
    uow: UnitOfWork, principal: Principal, overview_id: uuid.UUID, data: MeetingCreate
) -> MeetingRead:
    loaded = await load(uow, principal, overview_id)
    _require_lead(loaded)
    if not loaded.editable:
        raise Conflict("This overview belongs to an archived cycle.")
    if await uow.first(select(GroupMeeting.id).where(GroupMeeting.overview_id == overview_id)):
        raise Conflict("This overview already has its group meeting.")
    meeting = GroupMeeting(
        school_id=loaded.overview.school_id,
        overview_id=overview_id,
        group_id=loaded.overview.group_id,
        scheduled_on=data.scheduled_on,
        chair_name=data.chair_name or principal.display_name,
        agenda=list(DEFAULT_AGENDA),
    )
    uow.add(meeting)
    await uow.flush()
    uow.audit("group_meeting.create", "group_meeting", meeting.id, meeting.school_id)
    return await _read(uow, meeting, loaded)


async def get_meeting(uow: UnitOfWork, principal: Principal, meeting_id: uuid.UUID) -> MeetingRead:
    meeting, loaded = await _load(uow, principal, meeting_id)
    found = await _read(uow, meeting, loaded)
    uow.audit("group_meeting.read", "group_meeting", meeting.id, meeting.school_id)
    for student_id in {d.student_id for d in found.decisions}:  # whom the report is about
        uow.audit(
            "group_meeting.read", "group_meeting", meeting.id, meeting.school_id,
            student_id=student_id,
        )  # fmt: skip
    return found


async def update_meeting(
    uow: UnitOfWork,
    principal: Principal,
    meeting_id: uuid.UUID,
    expected_version: int | None,
    data: MeetingUpdate,
) -> MeetingRead:
    meeting, loaded = await _load(uow, principal, meeting_id)
    _require_lead(loaded)
    require_version(meeting.version, expected_version, "group meeting")
    if not loaded.editable:
        raise Conflict("This meeting belongs to an archived cycle.")
    students = set(
        await uow.scalars(
            select(OverviewRow.student_id).where(OverviewRow.overview_id == meeting.overview_id)
        )
    )
    strangers = [i for i, d in enumerate(data.decisions) if d.student_id not in students]
    if strangers:
        raise ValidationFailed(
            "Decisions are about students of this group's overview.",
            errors=[
                {"pointer": f"/decisions/{i}/student_id", "detail": "Not in this overview"}
                for i in strangers
            ],
        )
    for name, value in data.model_dump(exclude={"decisions"}).items():
        setattr(meeting, name, value)
    if meeting.status == "held" and data.held_on is None:
        raise ValidationFailed(
            "A held meeting keeps its date.",
            errors=[{"pointer": "/held_on", "detail": "Required once the meeting was held"}],
        )
    await uow.execute(delete(MeetingDecision).where(col(MeetingDecision.meeting_id) == meeting.id))
    seen: set[tuple[uuid.UUID, str]] = set()
    for d in data.decisions:
        if (d.student_id, d.decision) in seen:
            continue
        seen.add((d.student_id, d.decision))
        uow.add(
            MeetingDecision(
                school_id=meeting.school_id,
                meeting_id=meeting.id,
                student_id=d.student_id,
                decision=d.decision,
                note=d.note,
            )
        )
    meeting.version += 1
    meeting.updated_at = utcnow()
    await uow.flush()
    uow.audit("group_meeting.update", "group_meeting", meeting.id, meeting.school_id)
    for student_id in {d.student_id for d in data.decisions}:
        uow.audit(
            "meeting_decision.record", "group_meeting", meeting.id, meeting.school_id,
            student_id=student_id,
        )  # fmt: skip
    return await _read(uow, meeting, loaded)


async def add_question(
    uow: UnitOfWork, principal: Principal, meeting_id: uuid.UUID, data: QuestionCreate
) -> MeetingRead:
    meeting, loaded = await _load(uow, principal, meeting_id)
    if not loaded.access.contributes():
        raise Forbidden("The teachers of the group bring questions to the meeting.")
    if meeting.status == "held":
        raise Conflict("The meeting has been held.")
    meeting.teacher_questions = [
        *meeting.teacher_questions,
        {"author": principal.display_name, "text": data.text, "at": utcnow().isoformat()},
    ]
    meeting.version += 1
    meeting.updated_at = utcnow()
    await uow.flush()
    uow.audit("group_meeting.question", "group_meeting", meeting.id, meeting.school_id)
    return await _read(uow, meeting, loaded)


async def hold_meeting(
    uow: UnitOfWork,
    principal: Principal,
    meeting_id: uuid.UUID,
    expected_version: int | None,
    data: MeetingHold,
) -> MeetingRead:
    meeting, loaded = await _load(uow, principal, meeting_id)
    _require_lead(loaded)
    require_version(meeting.version, expected_version, "group meeting")
    if meeting.status == "held":
        raise Conflict("The meeting has already been held.")
    signal_ids = set(
        await uow.scalars(select(Signal.id).where(Signal.overview_id == meeting.overview_id))
    )
    unknown = [i for i, s in enumerate(data.confirmed_signal_ids) if s not in signal_ids]
    if unknown:
        raise ValidationFailed(
            "Only signals of this overview can be confirmed.",
            errors=[
                {"pointer": f"/confirmed_signal_ids/{i}", "detail": "Not a signal of this overview"}
                for i in unknown
            ],
        )
    now = utcnow()
    meeting.status = "held"
    meeting.held_on = data.held_on
    meeting.version += 1
    meeting.updated_at = now
    if data.confirmed_signal_ids:
        await uow.execute(
            update(Signal)
            .where(col(Signal.id).in_(data.confirmed_signal_ids))
            .values(confirmed_at=now, confirmed_in_meeting_id=meeting.id)
        )
    registrations = await uow.scalars(
        select(MeetingDecision).where(
            MeetingDecision.meeting_id == meeting.id,
            MeetingDecision.decision == "register_care_team",
        )
    )
    for d in registrations:
        # The seam to case routing: it picks these up and opens a registration (aanmelding).
        emit(
            uow, meeting.school_id, CARE_HANDOVER_TOPIC,
            {"meeting_id": str(meeting.id), "student_id": str(d.student_id),
             "decision_id": str(d.id)},
        )  # fmt: skip
    await uow.flush()
    uow.audit(
        "group_meeting.hold", "group_meeting", meeting.id, meeting.school_id,
        {"confirmed_signals": len(data.confirmed_signal_ids),
         "care_registrations": len(registrations)},
    )  # fmt: skip
    return await _read(uow, meeting, loaded)
