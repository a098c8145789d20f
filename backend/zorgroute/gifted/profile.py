"""The restricted support profile (dubbel bijzonder), complex gifted cases into the case
routing, and the HB-specialist's overview of the school."""

from __future__ import annotations

import uuid
from collections import defaultdict
from typing import Any

from sqlalchemy import func
from sqlmodel import col, select

from zorgroute.cases import cases as case_service
from zorgroute.cases.models import CareRoute
from zorgroute.cases.reads import students_info
from zorgroute.cases.schemas import CaseOpen, CaseRead, Factors
from zorgroute.core.db import UnitOfWork
from zorgroute.core.errors import Conflict, Forbidden, require_version
from zorgroute.core.models import school_today, utcnow
from zorgroute.core.security.principal import Principal
from zorgroute.gifted.models import (
    Application,
    Offering,
    OfferingEnrolment,
    OutcomeMeasurement,
    SkillObservation,
    SupportProfile,
)
from zorgroute.gifted.policies import READ, GiftedAccess, gifted_access
from zorgroute.gifted.schemas import (
    GiftedCaseIn,
    GiftedOverview,
    GiftedStudentRow,
    SupportProfileRead,
    SupportProfileWrite,
)
from zorgroute.gifted.signalling import FOLLOW_UP_KIND
from zorgroute.gifted.vocabulary import REVERSED_CONSTRUCTS
from zorgroute.hgw.policies import school_staff_roles
from zorgroute.roster.models import Enrolment, Group, Student

GIFTED_ROUTE = "hb-multidisciplinair"  # the template key a school installs the route under
OPEN_APPLICATIONS = ("draft", "submitted", "waitlisted")


def _read(
    p: SupportProfile | None, access: GiftedAccess, student_id: uuid.UUID
) -> SupportProfileRead:
    sees = access.sees_twice_exceptional()
    if p is None:
        return SupportProfileRead(
            student_id=student_id, signalled_gifted=False, signalled_on=None,
            underachievement_suspected=False, twice_exceptional=False if sees else None,
            twice_exceptional_note="" if sees else None, complexity="none", version=0,
        )  # fmt: skip
    return SupportProfileRead(
        student_id=p.student_id,
        signalled_gifted=p.signalled_gifted,
        signalled_on=p.signalled_on,
        underachievement_suspected=p.underachievement_suspected,
        twice_exceptional=p.twice_exceptional if sees else None,
        twice_exceptional_note=p.twice_exceptional_note if sees else None,
        complexity=p.complexity,
        version=p.version,
    )


async def _row(
    uow: UnitOfWork, student_id: uuid.UUID, *, lock: bool = False
) -> SupportProfile | None:
    query = select(SupportProfile).where(SupportProfile.student_id == student_id)
    return await uow.first(query.with_for_update() if lock else query)


async def profile_of(uow: UnitOfWork, access: GiftedAccess) -> SupportProfileRead:
    student_id = access.student.student.id
    return _read(await _row(uow, student_id), access, student_id)


async def get_profile(
    uow: UnitOfWork, principal: Principal, student_id: uuid.UUID
) -> SupportProfileRead:
    access = await gifted_access(uow, principal, student_id)
    read = await profile_of(uow, access)
    # The restricted flag is read for the student's support: say so in the audit trail.
    purpose = "twice_exceptional" if read.twice_exceptional is not None else None
    uow.audit("gifted.profile.read", "gifted_support_profile", student_id, access.school_id,
              student_id=student_id, purpose=purpose)  # fmt: skip
    return read


async def put_profile(
    uow: UnitOfWork,
    principal: Principal,
    student_id: uuid.UUID,
    expected: int | None,
    data: SupportProfileWrite,
) -> SupportProfileRead:
    access = await gifted_access(uow, principal, student_id, write=True)
    restricted = data.twice_exceptional is not None or data.twice_exceptional_note is not None
    if restricted and not access.sees_twice_exceptional():
        raise Forbidden("Only care staff, HB staff and the mentor record 'dubbel bijzonder'.")
    row = await _row(uow, student_id, lock=True)
    require_version(row.version if row else 0, expected, "support profile")
    if row is None:
        row = SupportProfile(school_id=access.school_id, student_id=student_id, version=0)
        uow.add(row)
    row.signalled_gifted = data.signalled_gifted
    row.signalled_on = data.signalled_on or (
        row.signalled_on or school_today() if data.signalled_gifted else None
    )
    row.underachievement_suspected = data.underachievement_suspected
    if data.twice_exceptional is not None:
        row.twice_exceptional = data.twice_exceptional
    if data.twice_exceptional_note is not None:
        row.twice_exceptional_note = data.twice_exceptional_note
    row.complexity = data.complexity
    row.version += 1
    row.updated_at = utcnow()
    await uow.flush()
    uow.audit("gifted.profile.write", "gifted_support_profile", row.id, access.school_id,
              {"restricted": restricted}, student_id=student_id)  # fmt: skip
    return _read(row, access, student_id)


async def open_gifted_case(
    uow: UnitOfWork, principal: Principal, student_id: uuid.UUID, data: GiftedCaseIn
) -> CaseRead:
    """A complex case on the multidisciplinary route, with its case coordinator from the start
    (IMAGE: a casemanager per gifted student with a complex support question, 004:291-295)."""
    access = await gifted_access(uow, principal, student_id, write=True)
    installed = await uow.scalar(
        select(CareRoute.id).where(
            CareRoute.school_id == access.school_id, CareRoute.key == GIFTED_ROUTE
        )
    )
    if installed is None:
        raise Conflict(
            f"The school has not installed the route '{GIFTED_ROUTE}' yet "
            "(POST /schools/{id}/care-routes with that template)."
        )
    case = await case_service.open_case(
        uow,
        principal,
        access.school_id,
        CaseOpen(
            student_id=student_id,
            route_key=GIFTED_ROUTE,
            action="open_signal",
            complexity="complex",
            coordinator_staff_id=data.coordinator_staff_id,
            help_question_student=data.help_question_student or None,
            guidance_question=data.guidance_question,
            strengths=Factors(student=data.strengths_student) if data.strengths_student else None,
            reason="Complexe casus (hoog)begaafdheid",
        ),
    )
    row = await _row(uow, student_id, lock=True)
    if row is None:
        row = SupportProfile(school_id=access.school_id, student_id=student_id, version=0)
        uow.add(row)
    row.complexity = "complex"
    row.version += 1
    row.updated_at = utcnow()
    return case


# -- the HB-specialist's overview -----------------------------------------------------------
async def overview(uow: UnitOfWork, principal: Principal, school_id: uuid.UUID) -> GiftedOverview:
    """Every student with a gifted profile, an observation, an application or an enrolment, in
    a fixed number of queries whatever the school's size."""
    school_roles = school_staff_roles(principal, school_id)
    if not school_roles & READ:
        raise Forbidden("The overview is for HB staff, care staff and leadership.")
    sees_twice = bool(school_roles & (READ - {"team_leader", "school_leader"}))
    today = school_today()

    profiles = {
        p.student_id: p
        for p in await uow.scalars(
            select(SupportProfile).where(SupportProfile.school_id == school_id)
        )
    }
    latest: dict[uuid.UUID, SkillObservation] = {}
    for seen in await uow.scalars(
        select(SkillObservation)
        .where(SkillObservation.school_id == school_id)
        .order_by(col(SkillObservation.observed_on).desc(), col(SkillObservation.created_at).desc())
    ):
        latest.setdefault(seen.student_id, seen)
    open_tasks = set(
        await uow.scalars(
            select(SkillObservation.student_id).where(
                SkillObservation.school_id == school_id,
                col(SkillObservation.recommendation).in_(("specialist_observation",)),
                col(SkillObservation.follow_up_done_at).is_(None),
            )
        )
    )
    applications: dict[uuid.UUID, list[str]] = defaultdict(list)
    open_applications = 0
    for student_id, status, name in await uow.rows(
        select(Application.student_id, Application.status, Offering.name)
        .outerjoin(Offering, col(Offering.id) == Application.offering_id)
        .where(Application.school_id == school_id, col(Application.status) != "withdrawn")
        .order_by(col(Application.created_at))
    ):
        applications[student_id].append(f"{name or 'Individuele begeleiding'}: {status}")
        open_applications += status in OPEN_APPLICATIONS
    enrolments = await uow.rows(
        select(OfferingEnrolment, Offering.name)
        .join(Offering, col(Offering.id) == OfferingEnrolment.offering_id)
        .where(OfferingEnrolment.school_id == school_id)
    )
    changes = _measurement_changes(
        await uow.scalars(
            select(OutcomeMeasurement).where(OutcomeMeasurement.school_id == school_id)
        )
    )
    ids = set(profiles) | set(latest) | set(applications) | {e.student_id for e, _ in enrolments}
    info = await students_info(uow, list(ids))

    rows: dict[uuid.UUID, dict[str, Any]] = {
        sid: {"offerings": [], "goals_achieved": 0, "goals_total": 0, "next_review_on": None,
              "exits_goals_met": 0}
        for sid in ids
    }  # fmt: skip
    reviews_due = 0
    for e, name in enrolments:
        row = rows[e.student_id]
        row["goals_total"] += len(e.goals)
        row["goals_achieved"] += sum(g.get("status") == "achieved" for g in e.goals)
        if e.status == "active":
            row["offerings"].append(name)
            due = e.next_review_on
            if due is not None and (row["next_review_on"] is None or due < row["next_review_on"]):
                row["next_review_on"] = due
            reviews_due += due is not None and due <= today
        elif e.exit_reason == "goals_met":
            row["exits_goals_met"] += 1

    students = []
    for sid in ids:
        p, o, r = profiles.get(sid), latest.get(sid), rows[sid]
        students.append(
            GiftedStudentRow(
                student_id=sid,
                name=info[sid].name if sid in info else "",
                group_name=", ".join(info[sid].groups) if sid in info else "",
                twice_exceptional=(p.twice_exceptional if p else False) if sees_twice else None,
                underachievement_suspected=bool(p and p.underachievement_suspected),
                latest_recommendation=o.recommendation if o else None,
                observed_on=o.observed_on if o else None,
                open_follow_up=_open_follow_up(o, sid in open_tasks),
                applications=applications.get(sid, []),
                offerings=r["offerings"],
                goals_achieved=r["goals_achieved"],
                goals_total=r["goals_total"],
                next_review_on=r["next_review_on"],
                measurement_change=changes.get(sid),
                exits_goals_met=r["exits_goals_met"],
            )
        )
    students.sort(key=lambda s: s.name)
    student_count = await uow.scalar(
        select(func.count(func.distinct(Enrolment.student_id)))
        .join(Group, col(Group.id) == Enrolment.group_id)
        .join(Student, col(Student.id) == Enrolment.student_id)
        .where(Group.school_id == school_id, col(Group.kind) == "homeroom")
    )
    uow.audit_many("gifted.overview.read", "student", sorted(ids), school_id)
    return GiftedOverview(
        school_id=school_id,
        students=students,
        signalled=sum(p.signalled_gifted for p in profiles.values()),
        enrolled=sum(1 for r in rows.values() if r["offerings"]),
        to_observe=len(open_tasks),
        reviews_due=reviews_due,
        applications_open=open_applications,
        student_count=int(student_count or 0),
    )


def _open_follow_up(o: SkillObservation | None, specialist_task: bool) -> str | None:
    if specialist_task:
        return "specialist_observation"
    if o is None or o.follow_up_done_at is not None:
        return None
    return "review" if FOLLOW_UP_KIND[o.recommendation] == "review" else None


def _measurement_changes(measurements: list[OutcomeMeasurement]) -> dict[uuid.UUID, float]:
    """Per student the mean change over the constructs between their first and last wave
    (descriptive: no comparison group); positive is better, boredom counted reversed."""
    waves: dict[uuid.UUID, list[OutcomeMeasurement]] = defaultdict(list)
    for m in measurements:
        waves[m.student_id].append(m)
    changes = {}
    for sid, ms in waves.items():
        ms.sort(key=lambda m: m.wave)
        first, last = ms[0], ms[-1]
        shared = [c for c in first.scores if c in last.scores]
        if first.wave != last.wave and shared:
            delta = sum(
                (float(last.scores[c]) - float(first.scores[c]))
                * (-1 if c in REVERSED_CONSTRUCTS else 1)
                for c in shared
            )
            changes[sid] = round(delta / len(shared), 2)
    return changes
