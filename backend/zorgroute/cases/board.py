"""The case board (zorgbord), pending registrations from group meetings, a student's cases and
the care dashboard ("what needs me today"). Batched reads: a board of 500 cases costs the same
handful of SQL statements as one of five."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, func
from sqlalchemy import select as sa_select
from sqlmodel import col, select

from zorgroute.cases import reads
from zorgroute.cases.models import (
    ActionItem,
    CareCase,
    CareRoute,
    CaseRegistration,
    Intervention,
    SwvRequest,
)
from zorgroute.cases.policies import case_access, registers_from_meeting, visible_cases
from zorgroute.cases.route_admin import route_summary
from zorgroute.cases.routes import RouteDefinition
from zorgroute.cases.schemas import (
    BoardColumn,
    CareDashboard,
    CareDeadline,
    CareMetrics,
    CaseBoard,
    CaseRequest,
    CaseSummary,
)
from zorgroute.core.db import UnitOfWork
from zorgroute.core.errors import AppError, NotFound
from zorgroute.core.models import utcnow
from zorgroute.core.security.principal import Principal
from zorgroute.hgw.models import GroupMeeting, MeetingDecision
from zorgroute.hgw.policies import school_staff_roles, student_access
from zorgroute.plans import deadlines as hgw_deadlines
from zorgroute.roster.models import Group, Student
from zorgroute.roster.policies import mentored_students

SOON = timedelta(days=14)  # what shows on the dashboard before it is due
SCREEN_WITHIN = timedelta(days=7)  # a registration is screened within a week
SWV_NORM = timedelta(weeks=8)  # from request to start (the SWV's norm)


async def _summaries(uow: UnitOfWork, cases: list[CareCase]) -> list[CaseSummary]:
    """Cards of many cases: each route revision (and its definition) is loaded once."""
    routes = {
        r.id: (r, RouteDefinition.model_validate(r.definition))
        for r in await uow.scalars(
            select(CareRoute).where(col(CareRoute.id).in_({c.route_id for c in cases}))
        )
    }
    info = await reads.students_info(uow, [c.student_id for c in cases])
    staff = await reads.staff_refs(uow, [c.coordinator_staff_id for c in cases])
    deadlines = await reads.next_deadlines(uow, cases)
    return [
        reads.summary(case, *routes[case.route_id], info[case.student_id], staff,
                      deadlines.get(case.id))
        for case in cases
    ]  # fmt: skip


async def case_board(
    uow: UnitOfWork,
    principal: Principal,
    school_id: uuid.UUID,
    route_key: str,
    include_closed: bool,
) -> CaseBoard:
    school_staff_roles(principal, school_id)
    latest = await uow.first(
        select(CareRoute)
        .where(CareRoute.school_id == school_id, CareRoute.key == route_key)
        .order_by(col(CareRoute.revision).desc())
    )
    if latest is None:
        raise NotFound("This school has no route with this key.")
    stmt = (
        select(CareCase)
        .join(CareRoute, col(CareRoute.id) == CareCase.route_id)
        .where(
            CareCase.school_id == school_id,
            CareRoute.key == route_key,
            visible_cases(principal, school_id),
        )
        .order_by(col(CareCase.state_since))
    )
    if not include_closed:
        stmt = stmt.where(col(CareCase.closed_at).is_(None))
    cards = await _summaries(uow, list(await uow.scalars(stmt)))
    definition = RouteDefinition.model_validate(latest.definition)
    columns = [
        BoardColumn(state=s.key, name=s.name, level=s.level, closed=s.closed, cards=[])
        for s in definition.states
        if include_closed or not s.closed
    ]
    by_state = {c.state: c for c in columns}
    for card in cards:
        if card.state not in by_state:  # a state an older revision had
            by_state[card.state] = BoardColumn(
                state=card.state, name=card.state_name, level=card.level, closed=False, cards=[]
            )
            columns.append(by_state[card.state])
        by_state[card.state].cards.append(card)
    uow.audit(
        "case.board", "school", school_id, school_id, {"route": route_key, "cases": len(cards)}
    )
    return CaseBoard(
        route=route_summary(latest, sum(1 for c in cards if c.closed_at is None)), columns=columns
    )


async def case_requests(
    uow: UnitOfWork, principal: Principal, school_id: uuid.UUID
) -> list[CaseRequest]:
    school_staff_roles(principal, school_id)
    opened = select(CareCase.origin_decision_id).where(
        col(CareCase.origin_decision_id).is_not(None)
    )
    stmt = (
        select(MeetingDecision, GroupMeeting, Group, Student)
        .join(GroupMeeting, col(GroupMeeting.id) == MeetingDecision.meeting_id)
        .join(Group, col(Group.id) == GroupMeeting.group_id)
        .join(Student, col(Student.id) == MeetingDecision.student_id)
        .where(
            MeetingDecision.school_id == school_id,
            MeetingDecision.decision == "register_care_team",
            GroupMeeting.status == "held",
            col(MeetingDecision.id).not_in(opened),
            registers_from_meeting(principal, school_id),
        )
        .order_by(col(GroupMeeting.held_on).desc())
    )
    result = [
        CaseRequest(
            decision_id=d.id,
            meeting_id=m.id,
            group_name=g.name,
            held_on=m.held_on,
            student_id=s.id,
            student_name=reads.student_name(s),
            note=d.note or None,
        )
        for d, m, g, s in await uow.rows(stmt)
    ]
    uow.audit_many("case.requests.read", "student", [r.student_id for r in result], school_id)
    return result


async def student_cases(
    uow: UnitOfWork, principal: Principal, student_id: uuid.UUID
) -> list[CaseSummary]:
    sa = await student_access(uow, principal, student_id)
    cases = await uow.scalars(
        select(CareCase)
        .where(CareCase.student_id == student_id)
        .order_by(col(CareCase.opened_at).desc())
    )
    readable = []
    for case in cases:
        try:
            await case_access(uow, principal, case)
        except AppError:
            continue
        readable.append(case)
    uow.audit("case.list", "student", student_id, sa.student.school_id, student_id=student_id)
    return await _summaries(uow, readable)


async def dashboard(
    uow: UnitOfWork, principal: Principal, school_id: uuid.UUID, mine: bool
) -> CareDashboard:
    roles = school_staff_roles(principal, school_id)
    today = utcnow().date()
    horizon = today + SOON
    staff_id = principal.staff_member_ids.get(school_id)
    visible = visible_cases(principal, school_id)
    mentored = (
        set(await uow.scalars(mentored_students(staff_id))) if staff_id is not None else set()
    )
    items: list[CareDeadline] = []

    def add(
        kind: str,
        case: CareCase,
        record_id: uuid.UUID,
        title: str,
        due: date,
        owner: str | None,
        is_mine: bool,
    ) -> None:
        items.append(
            CareDeadline(
                kind=kind,
                case_id=case.id,
                record_id=record_id,
                student_id=case.student_id,
                student_name="",
                title=title,
                due_on=due,
                days_overdue=max(0, (today - due).days),
                overdue=due < today,
                owner=owner,
                mine=is_mine
                or (staff_id is not None and case.coordinator_staff_id == staff_id)
                or case.student_id in mentored,
            )
        )

    open_cases = select(CareCase).where(
        CareCase.school_id == school_id, col(CareCase.closed_at).is_(None), visible
    )
    for case in await uow.scalars(open_cases.where(col(CareCase.evaluation_on) <= horizon)):
        assert case.evaluation_on is not None
        add(
            "case_evaluation",
            case,
            case.id,
            "Evaluatie van de casus",
            case.evaluation_on,
            None,
            False,
        )
    for item, case in await uow.rows(
        select(ActionItem, CareCase)
        .join(CareCase, col(CareCase.id) == ActionItem.case_id)
        .where(
            CareCase.school_id == school_id,
            visible,
            ActionItem.status == "open",
            col(ActionItem.due_on) <= horizon,
        )
    ):
        add(
            "action_item",
            case,
            item.id,
            item.description,
            item.due_on,
            item.owner_name,
            principal.user_id is not None and item.owner_user_id == principal.user_id,
        )
    for iv, case in await uow.rows(
        select(Intervention, CareCase)
        .join(CareCase, col(CareCase.id) == Intervention.case_id)
        .where(
            CareCase.school_id == school_id,
            visible,
            Intervention.status != "ended",
            col(Intervention.evaluation_on) <= horizon,
        )
    ):
        assert iv.evaluation_on is not None
        add(
            "intervention_evaluation",
            case,
            iv.id,
            f"Evaluatie interventie ({iv.provider})",
            iv.evaluation_on,
            iv.provider,
            False,
        )
    screens = bool(roles & {"zorgcoordinator", "intern_begeleider"})
    for reg, case in await uow.rows(
        select(CaseRegistration, CareCase)
        .join(CareCase, col(CareCase.id) == CaseRegistration.case_id)
        .where(CareCase.school_id == school_id, visible, CaseRegistration.status == "submitted")
    ):
        assert reg.submitted_at is not None
        add(
            "registration_waiting",
            case,
            reg.id,
            f"Aanmelding {reg.kind.upper()} screenen",
            reg.submitted_at.date() + SCREEN_WITHIN,
            None,
            screens,
        )
    for req, case in await uow.rows(
        select(SwvRequest, CareCase)
        .join(CareCase, col(CareCase.id) == SwvRequest.case_id)
        .where(
            CareCase.school_id == school_id,
            visible,
            col(SwvRequest.decision).in_(("pending", "granted")),
            col(SwvRequest.starts_on).is_(None),
        )
    ):
        add(
            "swv_start",
            case,
            req.id,
            "Start arrangement samenwerkingsverband (norm 8 weken)",
            req.requested_on + SWV_NORM,
            None,
            False,
        )
    for opp in await hgw_deadlines.for_school(uow, principal, school_id):
        if opp.kind == "opp_due" and opp.student_id is not None:
            items.append(
                CareDeadline(
                    kind="opp_due",
                    case_id=None,
                    record_id=opp.ref_id,
                    student_id=opp.student_id,
                    student_name=opp.student_name or "",
                    title="OPP opstellen (binnen 6 weken)",
                    due_on=opp.due_on,
                    days_overdue=max(0, (today - opp.due_on).days),
                    overdue=opp.overdue,
                    owner=None,
                    mine=opp.student_id in mentored,
                )
            )
    names = await reads.students_info(uow, [i.student_id for i in items])
    for i in items:
        i.student_name = names[i.student_id].name if i.student_id in names else i.student_name
    if mine:
        items = [i for i in items if i.mine]
    items.sort(key=lambda i: (not i.overdue, i.due_on))
    uow.audit_many(
        "case.deadlines.read", "student", sorted({i.student_id for i in items}), school_id
    )
    return CareDashboard(items=items, metrics=await _metrics(uow, school_id, visible))


async def _metrics(
    uow: UnitOfWork, school_id: uuid.UUID, visible: ColumnElement[bool]
) -> CareMetrics:
    def median_days(start: Any, end: Any) -> Any:
        return func.percentile_cont(0.5).within_group(func.extract("epoch", end - start) / 86400)

    open_count, to_discussion = (
        await uow.rows(
            sa_select(
                func.count().filter(col(CareCase.closed_at).is_(None)),
                median_days(col(CareCase.opened_at), col(CareCase.first_discussed_at)),
            ).where(col(CareCase.school_id) == school_id, visible)
        )
    )[0]
    to_start, over = (
        await uow.rows(
            sa_select(
                func.percentile_cont(0.5).within_group(
                    col(SwvRequest.starts_on) - col(SwvRequest.requested_on)
                ),
                func.count().filter(
                    func.coalesce(col(SwvRequest.starts_on), func.current_date())
                    - col(SwvRequest.requested_on)
                    > SWV_NORM.days
                ),
            )
            .join(CareCase, col(CareCase.id) == SwvRequest.case_id)
            .where(
                col(CareCase.school_id) == school_id,
                visible,
                col(SwvRequest.decision) != "withdrawn",
            )
        )
    )[0]
    return CareMetrics(
        open_cases=open_count or 0,
        registration_to_first_discussion_days=round(float(to_discussion), 1)
        if to_discussion is not None
        else None,
        swv_request_to_start_days=round(float(to_start), 1) if to_start is not None else None,
        swv_requests_over_norm=over or 0,
    )
