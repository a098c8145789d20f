"""Care meetings (IZO, ZAT / ondersteuningsteam, leerlingbespreking, MDO): scheduling, members
and attendance, the agenda of new and progress cases, the case pack sent beforehand (each
member reads only what their access allows), and the minutes per case — which can take the
route's step (e.g. `discuss`) in the same transaction."""

from __future__ import annotations

import uuid

from sqlalchemy import func, or_
from sqlmodel import col, select

from zorgroute.cases import engine, reads
from zorgroute.cases.cases import step
from zorgroute.cases.followup import new_action_item
from zorgroute.cases.models import (
    ActionItem,
    CareCase,
    CareMeeting,
    CareMeetingMember,
    CaseDiscussion,
)
from zorgroute.cases.policies import (
    WORK,
    CaseAccess,
    accounts_of_staff,
    case_access,
    check_accounts,
    check_staff,
)
from zorgroute.cases.routes import RouteDefinition
from zorgroute.cases.schemas import (
    AgendaItemIn,
    AgendaItemRead,
    CareMeetingCreate,
    CareMeetingRead,
    CareMeetingSummary,
    CareMeetingUpdate,
    CasePack,
    CasePackItem,
    DiscussionWrite,
    Factors,
    MemberIn,
    MemberRead,
)
from zorgroute.core.db import UnitOfWork
from zorgroute.core.errors import (
    AppError,
    Conflict,
    Forbidden,
    NotFound,
    invalid,
    require_version,
)
from zorgroute.core.models import utcnow
from zorgroute.core.outbox import emit
from zorgroute.core.security.principal import Principal
from zorgroute.hgw.policies import SCHOOL_NOT_FOUND

MEETING_NOT_FOUND = "There is no care meeting with this id that you may see."
CASE_PACK_TOPIC = "cases.case_pack_sent"


def _organises(principal: Principal, meeting: CareMeeting) -> bool:
    return principal.kind == "user" and bool(principal.roles_at(meeting.school_id) & WORK)


async def _load(
    uow: UnitOfWork, principal: Principal, meeting_id: uuid.UUID, *, for_update: bool = False
) -> CareMeeting:
    """The meeting if the caller organises meetings at its school or is one of its members."""
    stmt = select(CareMeeting).where(
        CareMeeting.id == meeting_id, col(CareMeeting.school_id).in_(principal.school_ids)
    )
    meeting = await uow.first(stmt.with_for_update() if for_update else stmt)
    if meeting is None or principal.kind != "user":
        raise NotFound(MEETING_NOT_FOUND)
    if not _organises(principal, meeting):
        member = await uow.first(
            select(CareMeetingMember.id).where(
                CareMeetingMember.meeting_id == meeting.id,
                CareMeetingMember.user_id == principal.user_id,
            )
        )
        if member is None:
            raise NotFound(MEETING_NOT_FOUND)
    return meeting


def _require_organiser(principal: Principal, meeting: CareMeeting) -> None:
    if not _organises(principal, meeting):
        raise Forbidden("Care staff and leadership run care meetings; members read them.")


async def _members(
    uow: UnitOfWork, meeting: CareMeeting, members: list[MemberIn]
) -> list[CareMeetingMember]:
    await check_accounts(uow, meeting.school_id, [m.user_id for m in members], "/members")
    accounts = await accounts_of_staff(
        uow, meeting.school_id, [m.staff_id for m in members], "/members"
    )
    return [
        CareMeetingMember(
            school_id=meeting.school_id,
            meeting_id=meeting.id,
            user_id=m.user_id or (accounts.get(m.staff_id) if m.staff_id else None),
            name=m.name,
            role_label=m.role_label or None,
            organisation=m.organisation or None,
            membership=m.membership,
            attendance=m.attendance,
        )
        for m in members
    ]


async def _agenda_item(
    uow: UnitOfWork,
    principal: Principal,
    d: CaseDiscussion,
    case: CareCase,
    name: str,
    editable: bool,
) -> AgendaItemRead:
    _, definition = await engine.load_route(uow, case)
    state = definition.state(case.state)
    access: CaseAccess | None
    try:
        access = await case_access(uow, principal, case)
    except AppError:
        access = None
    actions = []
    if access is not None and editable:
        facts = await engine.load_facts(uow, case, definition, access.sa.student)
        actions = engine.options(facts, access)
    readable = access is not None
    return AgendaItemRead(
        id=d.id,
        case_id=case.id,
        student_name=name if readable else None,
        state=case.state,
        state_name=state.name if state else case.state,
        kind=d.kind,
        position=d.position,
        minutes=dict(d.minutes) if readable else None,
        decisions=list(d.decisions) if readable else [],
        evaluation_on=d.evaluation_on,
        informs_student_parents=d.informs_student_parents if readable else None,
        relays_advice_to_school=d.relays_advice_to_school if readable else None,
        discussed_at=d.discussed_at,
        actions=actions,
        case_version=case.version,
        version=d.version,
    )


async def _read(uow: UnitOfWork, principal: Principal, meeting: CareMeeting) -> CareMeetingRead:
    await uow.flush()
    members = await uow.scalars(
        select(CareMeetingMember)
        .where(CareMeetingMember.meeting_id == meeting.id)
        .order_by(col(CareMeetingMember.membership), col(CareMeetingMember.name))
    )
    rows = await uow.rows(
        select(CaseDiscussion, CareCase)
        .join(CareCase, col(CareCase.id) == CaseDiscussion.case_id)
        .where(CaseDiscussion.meeting_id == meeting.id)
        .order_by(col(CaseDiscussion.position))
    )
    info = await reads.students_info(uow, [c.student_id for _, c in rows])
    chair = await reads.staff_refs(uow, [meeting.chair_staff_id])
    editable = _organises(principal, meeting) and meeting.status != "cancelled"
    agenda = [
        await _agenda_item(uow, principal, d, c, info[c.student_id].name, editable) for d, c in rows
    ]
    return CareMeetingRead(
        id=meeting.id,
        school_id=meeting.school_id,
        forum=meeting.forum,
        title=meeting.title,
        scheduled_at=meeting.scheduled_at,
        status=meeting.status,
        cases=len(agenda),
        case_pack_sent_at=meeting.case_pack_sent_at,
        location=meeting.location,
        chair=chair.get(meeting.chair_staff_id) if meeting.chair_staff_id else None,
        minute_taker=meeting.minute_taker,
        held_at=meeting.held_at,
        members=[
            MemberRead(
                id=m.id,
                name=m.name,
                user_id=m.user_id,
                role_label=m.role_label,
                organisation=m.organisation,
                membership=m.membership,
                attendance=m.attendance,
            )
            for m in members
        ],
        agenda=agenda,
        editable=editable,
        version=meeting.version,
    )


async def list_meetings(
    uow: UnitOfWork, principal: Principal, school_id: uuid.UUID
) -> list[CareMeetingSummary]:
    if principal.kind != "user" or not principal.roles_at(school_id):
        raise NotFound(SCHOOL_NOT_FOUND)
    counts = (
        select(CaseDiscussion.meeting_id, func.count().label("n"))
        .group_by(col(CaseDiscussion.meeting_id))
        .subquery()
    )
    stmt = (
        select(CareMeeting, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.meeting_id == CareMeeting.id)
        .where(CareMeeting.school_id == school_id)
        .order_by(col(CareMeeting.scheduled_at).desc())
        .limit(200)
    )
    if not principal.roles_at(school_id) & WORK:
        mine = select(CareMeetingMember.meeting_id).where(
            CareMeetingMember.user_id == principal.user_id
        )
        stmt = stmt.where(or_(col(CareMeeting.id).in_(mine)))
    return [
        CareMeetingSummary(
            id=m.id,
            school_id=m.school_id,
            forum=m.forum,
            title=m.title,
            scheduled_at=m.scheduled_at,
            status=m.status,
            cases=n,
            case_pack_sent_at=m.case_pack_sent_at,
        )
        for m, n in await uow.rows(stmt)
    ]


async def create_meeting(
    uow: UnitOfWork, principal: Principal, school_id: uuid.UUID, data: CareMeetingCreate
) -> CareMeetingRead:
    if principal.kind != "user" or not principal.roles_at(school_id):
        raise NotFound(SCHOOL_NOT_FOUND)
    if not principal.roles_at(school_id) & WORK:
        raise Forbidden("Care staff and leadership schedule care meetings.")
    await check_staff(uow, school_id, data.chair_staff_id, "/chair_staff_id")
    meeting = CareMeeting(
        school_id=school_id,
        forum=data.forum,
        title=data.title,
        scheduled_at=data.scheduled_at,
        location=data.location or None,
        chair_staff_id=data.chair_staff_id,
        minute_taker=data.minute_taker or None,
    )
    uow.add(meeting)
    await uow.flush()
    uow.add_all(await _members(uow, meeting, data.members))
    uow.audit("care_meeting.create", "care_meeting", meeting.id, school_id, {"forum": data.forum})
    return await _read(uow, principal, meeting)


async def get_meeting(
    uow: UnitOfWork, principal: Principal, meeting_id: uuid.UUID
) -> CareMeetingRead:
    meeting = await _load(uow, principal, meeting_id)
    uow.audit("care_meeting.read", "care_meeting", meeting.id, meeting.school_id)
    return await _read(uow, principal, meeting)


async def update_meeting(
    uow: UnitOfWork,
    principal: Principal,
    meeting_id: uuid.UUID,
    expected_version: int | None,
    data: CareMeetingUpdate,
) -> CareMeetingRead:
    meeting = await _load(uow, principal, meeting_id, for_update=True)
    _require_organiser(principal, meeting)
    require_version(meeting.version, expected_version, "care meeting")
    await check_staff(uow, meeting.school_id, data.chair_staff_id, "/chair_staff_id")
    changes = data.model_dump(exclude_unset=True, exclude={"members"})
    for name, value in changes.items():
        setattr(meeting, name, value)
    if data.status == "held" and meeting.held_at is None:
        meeting.held_at = utcnow()
    if data.members is not None:
        old = await uow.scalars(
            select(CareMeetingMember).where(CareMeetingMember.meeting_id == meeting.id)
        )
        for m in old:
            await uow.delete(m)
        await uow.flush()
        uow.add_all(await _members(uow, meeting, data.members))
    meeting.version += 1
    meeting.updated_at = utcnow()
    uow.audit(
        "care_meeting.update",
        "care_meeting",
        meeting.id,
        meeting.school_id,
        {"fields": sorted(data.model_fields_set)},
    )
    return await _read(uow, principal, meeting)


async def add_to_agenda(
    uow: UnitOfWork,
    principal: Principal,
    meeting_id: uuid.UUID,
    expected_version: int | None,
    data: AgendaItemIn,
) -> CareMeetingRead:
    meeting = await _load(uow, principal, meeting_id, for_update=True)
    _require_organiser(principal, meeting)
    require_version(meeting.version, expected_version, "care meeting")
    case = await uow.first(
        select(CareCase).where(CareCase.id == data.case_id, CareCase.school_id == meeting.school_id)
    )
    if case is None:
        raise invalid("/case_id", "Not a case of this school.")
    await case_access(uow, principal, case)
    if case.closed_at is not None:
        raise Conflict("A closed case is not put on the agenda; reopen it first.")
    exists = await uow.first(
        select(CaseDiscussion.id).where(
            CaseDiscussion.meeting_id == meeting.id, CaseDiscussion.case_id == case.id
        )
    )
    if exists is not None:
        raise Conflict("The case is already on this meeting's agenda.")
    position = await uow.scalar(select(func.count()).where(CaseDiscussion.meeting_id == meeting.id))
    discussion = CaseDiscussion(
        school_id=meeting.school_id,
        meeting_id=meeting.id,
        case_id=case.id,
        kind=data.kind,
        position=(position or 0) + 1,
    )
    uow.add(discussion)
    meeting.version += 1
    meeting.updated_at = utcnow()
    await uow.flush()
    uow.add(
        engine.event(
            case,
            "discussion",
            principal,
            action="scheduled",
            details={"meeting_id": str(meeting.id), "forum": meeting.forum},
        )
    )
    uow.audit(
        "care_meeting.agenda_add",
        "care_meeting",
        meeting.id,
        meeting.school_id,
        {"case_id": str(case.id), "kind": data.kind},
        student_id=case.student_id,
    )
    return await _read(uow, principal, meeting)


async def send_case_pack(
    uow: UnitOfWork, principal: Principal, meeting_id: uuid.UUID, expected_version: int | None
) -> CareMeetingRead:
    """Mark the pack sent and notify each member with an account (through the outbox); what a
    member reads is decided when they open it, by their own access."""
    meeting = await _load(uow, principal, meeting_id, for_update=True)
    _require_organiser(principal, meeting)
    require_version(meeting.version, expected_version, "care meeting")
    recipients = [
        user_id
        for (user_id,) in await uow.rows(
            select(CareMeetingMember.user_id).where(
                CareMeetingMember.meeting_id == meeting.id,
                col(CareMeetingMember.user_id).is_not(None),
            )
        )
    ]
    meeting.case_pack_sent_at = utcnow()
    meeting.version += 1
    meeting.updated_at = meeting.case_pack_sent_at
    for user_id in recipients:
        emit(
            uow,
            meeting.school_id,
            CASE_PACK_TOPIC,
            {"meeting_id": str(meeting.id), "user_id": str(user_id)},
        )
    uow.audit(
        "care_meeting.case_pack",
        "care_meeting",
        meeting.id,
        meeting.school_id,
        {"recipients": len(recipients)},
    )
    return await _read(uow, principal, meeting)


async def case_pack(uow: UnitOfWork, principal: Principal, meeting_id: uuid.UUID) -> CasePack:
    meeting = await _load(uow, principal, meeting_id)
    rows = await uow.rows(
        select(CaseDiscussion, CareCase)
        .join(CareCase, col(CareCase.id) == CaseDiscussion.case_id)
        .where(CaseDiscussion.meeting_id == meeting.id)
        .order_by(col(CaseDiscussion.position))
    )
    items, withheld = [], 0
    for d, case in rows:
        try:
            access = await case_access(uow, principal, case)
        except AppError:
            withheld += 1
            continue
        items.append(await _pack_item(uow, d, case, access))
        uow.audit(
            "case.read",
            "care_case",
            case.id,
            case.school_id,
            {"via": "case_pack"},
            student_id=case.student_id,
        )
    return CasePack(
        meeting_id=meeting.id, sent_at=meeting.case_pack_sent_at, items=items, withheld=withheld
    )


async def _pack_item(
    uow: UnitOfWork, d: CaseDiscussion, case: CareCase, access: CaseAccess
) -> CasePackItem:
    _, definition = await engine.load_route(uow, case)
    facts = await engine.load_facts(uow, case, definition, access.sa.student)
    state = definition.state(case.state)
    kind = _registration_kind(definition, case.state)
    reg = facts.registrations.get(kind) if kind else None
    if reg is None and facts.registrations:
        reg = facts.registrations.get("zat") or facts.registrations.get("izo")
    open_items = await uow.scalars(
        select(ActionItem).where(ActionItem.case_id == case.id, ActionItem.status == "open")
    )
    return CasePackItem(
        case_id=case.id,
        kind=d.kind,
        student_name=reads.student_name(access.sa.student),
        state_name=state.name if state else case.state,
        help_question_student=case.help_question_student,
        help_question_parents=case.help_question_parents,
        guidance_question=case.guidance_question,
        strengths=Factors.model_validate(case.strengths),
        hindering=Factors.model_validate(case.hindering),
        zat_question=case.zat_question,
        registration=reads.registration_read(reg, access) if reg else None,
        open_action_items=[reads.action_item_read(a) for a in open_items],
    )


def _registration_kind(definition: RouteDefinition, state: str) -> str | None:
    s = definition.state(state)
    if s is None or s.forum is None:
        return None
    forum = next((f for f in definition.forums if f.key == s.forum), None)
    meeting = forum.meeting if forum else None
    return "zat" if meeting in ("zat", "ondersteuningsteam") else "izo" if meeting else None


async def save_discussion(
    uow: UnitOfWork,
    principal: Principal,
    meeting_id: uuid.UUID,
    case_id: uuid.UUID,
    expected_version: int | None,
    data: DiscussionWrite,
) -> CareMeetingRead:
    meeting = await _load(uow, principal, meeting_id, for_update=True)
    _require_organiser(principal, meeting)
    if meeting.status == "cancelled":
        raise Conflict("The meeting was cancelled.")
    discussion = await uow.first(
        select(CaseDiscussion)
        .where(CaseDiscussion.meeting_id == meeting.id, CaseDiscussion.case_id == case_id)
        .with_for_update()
    )
    if discussion is None:
        raise NotFound("This case is not on the meeting's agenda.")
    require_version(discussion.version, expected_version, "minutes")
    case = await uow.first(select(CareCase).where(CareCase.id == case_id).with_for_update())
    assert case is not None  # a foreign key
    access = await case_access(uow, principal, case)
    if case.closed_at is not None:
        raise Conflict("The case is closed: reopen it first (if its closure was provisional).")
    now = utcnow()
    discussion.minutes = dict(data.minutes)
    discussion.decisions = list(data.decisions)
    discussion.evaluation_on = data.evaluation_on
    discussion.informs_student_parents = data.informs_student_parents or None
    discussion.relays_advice_to_school = data.relays_advice_to_school or None
    discussion.discussed_at = now
    discussion.recorded_by = principal.display_name
    discussion.version += 1
    discussion.updated_at = now
    if case.first_discussed_at is None:
        case.first_discussed_at = now
    if data.evaluation_on is not None and data.evaluation_on != case.evaluation_on:
        case.evaluation_on = data.evaluation_on
        case.version += 1
    await check_accounts(
        uow, case.school_id, [a.owner_user_id for a in data.action_items], "/action_items"
    )
    accounts = await accounts_of_staff(
        uow, case.school_id, [a.owner_staff_id for a in data.action_items], "/action_items"
    )
    items = [new_action_item(case, a, discussion.id, accounts) for a in data.action_items]
    uow.add_all(items)
    await uow.flush()
    uow.add(
        engine.event(
            case,
            "discussion",
            principal,
            action="minutes",
            details={
                "meeting_id": str(meeting.id),
                "forum": meeting.forum,
                "decisions": len(data.decisions),
                "action_items": len(items),
            },
        )
    )
    uow.audit(
        "care_meeting.minutes",
        "case_discussion",
        discussion.id,
        meeting.school_id,
        {"case_id": str(case.id), "action_items": len(items)},
        student_id=case.student_id,
    )
    if data.then_action:
        await step(uow, principal, case, access, data.then_action, engine.Payload())
    return await _read(uow, principal, meeting)
