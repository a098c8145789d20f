"""Read models of cases, written field by field. Batched: a board of any size costs the same
handful of queries (students, groups, mentors, staff names, next deadlines)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func
from sqlmodel import col, select

from zorgroute.cases import engine
from zorgroute.cases.models import (
    ActionItem,
    CareCase,
    CareMeeting,
    CareRoute,
    CaseConversation,
    CaseDiscussion,
    CaseEvent,
    CaseRegistration,
    CaseScreening,
    ExternalReferral,
    Intervention,
    SwvRequest,
)
from zorgroute.cases.policies import CaseAccess
from zorgroute.cases.routes import RouteDefinition
from zorgroute.cases.schemas import (
    ActionItemRead,
    CaseEventRead,
    CaseRead,
    CaseSummary,
    ClosureIn,
    ConversationRead,
    DiscussionSummary,
    Effort,
    Factors,
    InterventionRead,
    ReferralRead,
    RegistrationRead,
    RegistrationWrite,
    ScreeningRead,
    StaffRef,
    SwvRequestRead,
)
from zorgroute.core.db import UnitOfWork
from zorgroute.core.models import utcnow
from zorgroute.roster.models import (
    Enrolment,
    Group,
    PersonName,
    StaffMember,
    Student,
    TeachingAssignment,
)

RESTRICTED_FORM_FIELDS = ("functioning_at_home", "diagnosed_disorder")


def student_name(s: Student) -> str:
    return PersonName.display(s.preferred_name or s.given_name, s.infix, s.family_name)


def staff_name(s: StaffMember) -> str:
    return PersonName.display(s.given_name, s.infix, s.family_name)


@dataclass
class StudentInfo:
    name: str
    groups: list[str]
    mentors: list[str]


async def students_info(uow: UnitOfWork, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, StudentInfo]:
    """Name, groups and mentors of many students in three queries."""
    ids = list(set(ids))
    if not ids:
        return {}
    info = {
        s.id: StudentInfo(student_name(s), [], [])
        for s in await uow.scalars(select(Student).where(col(Student.id).in_(ids)))
    }
    for sid, name in await uow.rows(
        select(Enrolment.student_id, Group.name)
        .join(Group, col(Group.id) == Enrolment.group_id)
        .where(col(Enrolment.student_id).in_(ids), col(Group.kind) == "homeroom")
        .order_by(col(Group.name))
    ):
        info[sid].groups.append(name)
    for sid, staff in await uow.rows(
        select(Enrolment.student_id, StaffMember)
        .join(TeachingAssignment, col(TeachingAssignment.group_id) == Enrolment.group_id)
        .join(StaffMember, col(StaffMember.id) == TeachingAssignment.staff_member_id)
        .where(col(Enrolment.student_id).in_(ids), col(TeachingAssignment.role) == "mentor")
    ):
        name = staff_name(staff)
        if name not in info[sid].mentors:
            info[sid].mentors.append(name)
    return info


async def staff_refs(uow: UnitOfWork, ids: Sequence[uuid.UUID | None]) -> dict[uuid.UUID, StaffRef]:
    wanted = list({i for i in ids if i is not None})
    if not wanted:
        return {}
    rows = await uow.scalars(select(StaffMember).where(col(StaffMember.id).in_(wanted)))
    return {s.id: StaffRef(id=s.id, name=staff_name(s)) for s in rows}


async def next_deadlines(
    uow: UnitOfWork, cases: Sequence[CareCase]
) -> dict[uuid.UUID, tuple[date, str]]:
    """Per open case the earliest of: its evaluation date, an open action item, an
    intervention's evaluation (two grouped queries, whatever the number of cases)."""
    ids = [c.id for c in cases if c.closed_at is None]
    found: dict[uuid.UUID, list[tuple[date, str]]] = defaultdict(list)
    for c in cases:
        if c.closed_at is None and c.evaluation_on is not None:
            found[c.id].append((c.evaluation_on, "Evaluatie"))
    if ids:
        for cid, due in await uow.rows(
            select(ActionItem.case_id, func.min(ActionItem.due_on))
            .where(col(ActionItem.case_id).in_(ids), ActionItem.status == "open")
            .group_by(col(ActionItem.case_id))
        ):
            found[cid].append((due, "Actiepunt"))
        for cid, due in await uow.rows(
            select(Intervention.case_id, func.min(Intervention.evaluation_on))
            .where(
                col(Intervention.case_id).in_(ids),
                Intervention.status != "ended",
                col(Intervention.evaluation_on).is_not(None),
            )
            .group_by(col(Intervention.case_id))
        ):
            found[cid].append((due, "Evaluatie interventie"))
    return {cid: min(items) for cid, items in found.items() if items}


def summary(
    case: CareCase,
    route: CareRoute,
    definition: RouteDefinition,
    info: StudentInfo,
    staff: dict[uuid.UUID, StaffRef],
    deadline: tuple[date, str] | None,
) -> CaseSummary:
    state = definition.state(case.state)
    return CaseSummary(
        id=case.id,
        school_id=case.school_id,
        student_id=case.student_id,
        student_name=info.name,
        group_names=info.groups,
        route_key=route.key,
        route_revision=route.revision,
        state=case.state,
        state_name=state.name if state else case.state,
        level=state.level if state else "",
        complexity=case.complexity,
        coordinator=staff.get(case.coordinator_staff_id) if case.coordinator_staff_id else None,
        mentors=info.mentors,
        opened_at=case.opened_at,
        state_since=case.state_since,
        closed_at=case.closed_at,
        next_deadline=deadline[0] if deadline else None,
        next_deadline_label=deadline[1] if deadline else None,
        overdue=deadline is not None and deadline[0] < utcnow().date(),
        version=case.version,
    )


def registration_read(reg: CaseRegistration, access: CaseAccess) -> RegistrationRead:
    form = dict(reg.form)
    if not access.sees_restricted():
        for f in RESTRICTED_FORM_FIELDS:
            form.pop(f, None)
    return RegistrationRead(
        id=reg.id,
        kind=reg.kind,
        status=reg.status,
        form=RegistrationWrite.model_validate(form),
        submitted_at=reg.submitted_at,
        submitted_by=reg.submitted_by,
        version=reg.version,
    )


def conversation_read(c: CaseConversation, access: CaseAccess) -> ConversationRead:
    restricted = access.sees_restricted()
    return ConversationRead(
        id=c.id,
        with_whom=c.with_whom,
        moment=c.moment,
        forum=c.forum,
        held_on=c.held_on,
        participants=c.participants,
        summary=c.summary if restricted else None,
        agreements=c.agreements if restricted else None,
        recorded_by=c.recorded_by,
    )


def screening_read(s: CaseScreening, kind: str) -> ScreeningRead:
    return ScreeningRead(
        id=s.id,
        registration_kind=kind,
        right_line=s.right_line,
        questions_clear=s.questions_clear,
        prior_line_exhausted=s.prior_line_exhausted,
        parents_student_aware=s.parents_student_aware,
        outcome=s.outcome,
        missing_items=list(s.missing_items),
        proposed_actions=s.proposed_actions,
        notes=s.notes,
        screened_by=s.screened_by,
        screened_at=s.screened_at,
    )


def action_item_read(a: ActionItem) -> ActionItemRead:
    return ActionItemRead(
        id=a.id,
        case_id=a.case_id,
        discussion_id=a.discussion_id,
        description=a.description,
        goal=a.goal,
        owner_name=a.owner_name,
        owner_user_id=a.owner_user_id,
        organisation=a.organisation,
        due_on=a.due_on,
        status=a.status,
        report=a.report,
        overdue=a.status == "open" and a.due_on < utcnow().date(),
        version=a.version,
    )


def intervention_read(i: Intervention) -> InterventionRead:
    return InterventionRead(
        id=i.id,
        kind=i.kind,
        goal=i.goal,
        provider=i.provider,
        starts_on=i.starts_on,
        ends_on=i.ends_on,
        frequency=i.frequency,
        evaluation_on=i.evaluation_on,
        status=i.status,
        outcome=i.outcome,
        effect_student=i.effect_student,
        effect_student_note=i.effect_student_note,
        effect_parents=i.effect_parents,
        effect_parents_note=i.effect_parents_note,
        transferred_to_class=i.transferred_to_class,
        version=i.version,
    )


def referral_read(r: ExternalReferral) -> ReferralRead:
    return ReferralRead(
        id=r.id,
        target=r.target,
        organisation=r.organisation,
        reason=r.reason,
        referred_on=r.referred_on,
        consent_id=r.consent_id,
        legal_ground=r.legal_ground,
        status=r.status,
        started_on=r.started_on,
        feedback=r.feedback,
        version=r.version,
    )


def swv_read(r: SwvRequest) -> SwvRequestRead:
    weeks = round((r.starts_on - r.requested_on).days / 7, 1) if r.starts_on else None
    return SwvRequestRead(
        id=r.id,
        request_type=r.request_type,
        temporary=r.temporary,
        goals=r.goals,
        documented_efforts=[Effort.model_validate(e) for e in r.documented_efforts],
        requested_start=r.requested_start,
        requested_on=r.requested_on,
        decision=r.decision,
        decided_on=r.decided_on,
        decision_note=r.decision_note,
        starts_on=r.starts_on,
        ended_on=r.ended_on,
        weeks_to_start=weeks,
        version=r.version,
    )


def event_read(e: CaseEvent) -> CaseEventRead:
    return CaseEventRead(
        id=e.id,
        kind=e.kind,
        action=e.action,
        transition_key=e.transition_key,
        from_state=e.from_state,
        to_state=e.to_state,
        actor_name=e.actor_name,
        reason=e.reason,
        details=e.details,
        at=e.at,
    )


async def case_read(uow: UnitOfWork, case: CareCase, access: CaseAccess) -> CaseRead:
    await uow.flush()
    route, definition = await engine.load_route(uow, case)
    facts = await engine.load_facts(uow, case, definition, access.sa.student)
    info = (await students_info(uow, [case.student_id]))[case.student_id]
    staff = await staff_refs(uow, [case.coordinator_staff_id, case.parent_contact_staff_id])
    deadline = (await next_deadlines(uow, [case])).get(case.id)
    base = summary(case, route, definition, info, staff, deadline)
    restricted = access.sees_restricted()
    dossier = restricted or access.writes()
    discussions = await uow.rows(
        select(CaseDiscussion, CareMeeting)
        .join(CareMeeting, col(CareMeeting.id) == CaseDiscussion.meeting_id)
        .where(CaseDiscussion.case_id == case.id)
        .order_by(col(CareMeeting.scheduled_at))
    )
    items = await uow.scalars(
        select(ActionItem).where(ActionItem.case_id == case.id).order_by(col(ActionItem.due_on))
    )
    interventions = await uow.scalars(
        select(Intervention)
        .where(Intervention.case_id == case.id)
        .order_by(col(Intervention.starts_on))
    )
    referrals = await uow.scalars(
        select(ExternalReferral)
        .where(ExternalReferral.case_id == case.id)
        .order_by(col(ExternalReferral.referred_on))
    )
    swv = await uow.scalars(
        select(SwvRequest)
        .where(SwvRequest.case_id == case.id)
        .order_by(col(SwvRequest.requested_on))
    )
    events = await uow.scalars(
        select(CaseEvent).where(CaseEvent.case_id == case.id).order_by(col(CaseEvent.at).desc())
    )
    reg_kinds = {r.id: r.kind for r in facts.registrations.values()}
    screenings = await uow.scalars(
        select(CaseScreening)
        .where(CaseScreening.case_id == case.id)
        .order_by(col(CaseScreening.screened_at))
    )
    return CaseRead(
        **base.model_dump(),
        route_id=route.id,
        registration_kind=state.registration if (state := definition.state(case.state)) else None,
        origin=case.origin,
        origin_meeting_id=case.origin_meeting_id,
        registrant_name=case.registrant_name,
        reasons=list(case.reasons),
        help_question_student=case.help_question_student,
        help_question_parents=case.help_question_parents,
        guidance_question=case.guidance_question,
        strengths=Factors.model_validate(case.strengths),
        hindering=Factors.model_validate(case.hindering),
        school_career=case.school_career,
        prior_support=case.prior_support,
        home_situation=case.home_situation if restricted else None,
        zat_question=case.zat_question,
        parents_informed=case.parents_informed,
        parents_not_informed_reason=case.parents_not_informed_reason if restricted else None,
        parent_contact=staff.get(case.parent_contact_staff_id)
        if case.parent_contact_staff_id
        else None,
        evaluation_on=case.evaluation_on,
        first_discussed_at=case.first_discussed_at,
        closure_provisional=case.closure_provisional,
        closure_outcome=case.closure_outcome,
        closure=ClosureIn.model_validate(case.closure) if case.closure else None,
        editable=access.writes() and case.closed_at is None,
        sees_restricted=restricted,
        actions=engine.options(facts, access),
        # The registration and its screening are the care team's working file; a teacher who
        # reads the case sees the questions, the decisions and the actions.
        registrations=[registration_read(r, access) for r in facts.registrations.values()]
        if dossier
        else [],
        screenings=[screening_read(s, reg_kinds.get(s.registration_id, "izo")) for s in screenings]
        if dossier
        else [],
        conversations=[conversation_read(c, access) for c in facts.conversations],
        discussions=[
            DiscussionSummary(
                id=d.id,
                meeting_id=m.id,
                forum=m.forum,
                meeting_title=m.title,
                scheduled_at=m.scheduled_at,
                kind=d.kind,
                discussed_at=d.discussed_at,
                decisions=list(d.decisions),
                evaluation_on=d.evaluation_on,
            )
            for d, m in discussions
        ],
        action_items=[action_item_read(a) for a in items],
        interventions=[intervention_read(i) for i in interventions],
        referrals=[referral_read(r) for r in referrals],
        swv_requests=[swv_read(r) for r in swv],
        events=[event_read(e) for e in events],
    )
