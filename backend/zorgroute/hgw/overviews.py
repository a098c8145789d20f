"""Group overviews (groepsoverzichten): created per cycle period and seeded from the last one,
read whole in a fixed number of queries, edited row by row with optimistic locking. Signals
and entered results belong here too."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import and_, func, or_
from sqlmodel import col, select

from zorgroute.core.db import UnitOfWork
from zorgroute.core.errors import Conflict, Forbidden, NotFound, ValidationFailed, require_version
from zorgroute.core.models import utcnow
from zorgroute.core.security.principal import Principal
from zorgroute.hgw import needs as needs_service
from zorgroute.hgw.models import (
    AssessmentResult,
    CyclePeriod,
    EducationalNeed,
    GroupMeeting,
    GroupOverview,
    OverviewRow,
    Signal,
)
from zorgroute.hgw.policies import GroupAccess, group_access, student_access
from zorgroute.hgw.schemas import (
    HgwSettingsUpdate,
    OverviewCreate,
    OverviewRead,
    OverviewSummary,
    ResultCreate,
    ResultRead,
    RowRead,
    RowUpdate,
    SignalCreate,
    SignalRead,
)
from zorgroute.hgw.school_config import effective_settings
from zorgroute.plans.models import GroupPlan
from zorgroute.roster.models import Enrolment, Student

OVERVIEW_NOT_FOUND = "There is no group overview with this id that you may see."
SIGNAL_NOT_FOUND = "There is no signal with this id that you may see."
# What carries over to the next cycle: the stable picture of the student. Observations,
# conversations and agreements are collected anew each cycle.
CARRIED_OVER = (
    "strengths", "stimulating_factors", "hindering_factors", "work_attitude", "particulars",
    "instruction_level",
)  # fmt: skip
RESTRICTED_SIGNALS = frozenset({"home_situation"})
RESULT_HISTORY = timedelta(days=3 * 365)


@dataclass
class LoadedOverview:
    overview: GroupOverview
    period: CyclePeriod
    access: GroupAccess

    @property
    def subject(self) -> str | None:
        return self.overview.subject or None

    @property
    def editable(self) -> bool:
        return self.overview.status != "archived" and self.period.archived_at is None


async def load(
    uow: UnitOfWork, principal: Principal, overview_id: uuid.UUID, *, for_update: bool = False
) -> LoadedOverview:
    """The overview and the caller's relation to its group (404 when not theirs to see)."""
    stmt = select(GroupOverview).where(
        GroupOverview.id == overview_id, col(GroupOverview.school_id).in_(principal.school_ids)
    )
    overview = await uow.first(stmt.with_for_update() if for_update else stmt)
    if overview is None:
        raise NotFound(OVERVIEW_NOT_FOUND)
    try:
        access = await group_access(uow, principal, overview.group_id)
    except NotFound:
        raise NotFound(OVERVIEW_NOT_FOUND) from None
    period = await uow.first(select(CyclePeriod).where(CyclePeriod.id == overview.cycle_period_id))
    assert period is not None
    return LoadedOverview(overview, period, access)


def require_editable(loaded: LoadedOverview) -> None:
    if not loaded.editable:
        raise Conflict("This overview belongs to an archived cycle and is read-only.")


# -- reads ----------------------------------------------------------------------------------
def signal_read(s: Signal) -> SignalRead:
    return SignalRead(
        id=s.id,
        overview_id=s.overview_id,
        student_id=s.student_id,
        category=s.category,
        mode=s.mode,
        basis=list(s.basis),
        note=s.note,
        created_by_name=s.created_by_name,
        created_at=s.created_at,
        confirmed_at=s.confirmed_at,
    )


def _below_minimum(r: AssessmentResult, settings: HgwSettingsUpdate) -> bool:
    for criterion in settings.signalling_criteria:
        if criterion.domain != r.domain or r.kind != "test":
            continue
        minimum = criterion.minimum_score
        if minimum is not None and r.score is not None and float(r.score) < minimum:
            return True
        if r.level is not None and r.level in criterion.signal_levels:
            return True
    return False


def result_read(r: AssessmentResult, settings: HgwSettingsUpdate) -> ResultRead:
    return ResultRead(
        id=r.id,
        student_id=r.student_id,
        kind=r.kind,
        domain=r.domain,
        instrument=r.instrument,
        respondent=r.respondent,
        taken_on=r.taken_on,
        score=float(r.score) if r.score is not None else None,
        level=r.level,
        below_minimum=_below_minimum(r, settings),
        source=r.source,
    )


def row_read(
    row: OverviewRow,
    student: Student,
    restricted: bool,
    results: Sequence[ResultRead],
    signals: Sequence[Signal],
    needs: Sequence[EducationalNeed],
) -> RowRead:
    return RowRead(
        id=row.id,
        student_id=student.id,
        given_name=student.given_name,
        preferred_name=student.preferred_name,
        infix=student.infix,
        family_name=student.family_name,
        observations=row.observations,
        student_conversation=row.student_conversation,
        parent_conversation=row.parent_conversation,
        agreements=row.agreements,
        stimulating_factors=row.stimulating_factors,
        hindering_factors=row.hindering_factors,
        strengths=row.strengths,
        work_attitude=row.work_attitude,
        particulars=row.particulars if restricted else None,
        instruction_level=row.instruction_level,
        updated_by_name=row.updated_by_name,
        updated_at=row.updated_at,
        version=row.version,
        results=list(results),
        signals=[
            signal_read(s) for s in signals if restricted or s.category not in RESTRICTED_SIGNALS
        ],
        needs=[needs_service.need_read(n) for n in needs],
    )


async def _rows_with_students(
    uow: UnitOfWork, overview_id: uuid.UUID, student_id: uuid.UUID | None = None
) -> list[tuple[OverviewRow, Student]]:
    stmt = (
        select(OverviewRow, Student)
        .join(Student, col(Student.id) == OverviewRow.student_id)
        .where(OverviewRow.overview_id == overview_id)
        .order_by(col(Student.sort_name), col(Student.id))
    )
    if student_id is not None:
        stmt = stmt.where(OverviewRow.student_id == student_id)
    return [(r, s) for r, s in await uow.rows(stmt)]


async def _row_details(
    uow: UnitOfWork, loaded: LoadedOverview, student_ids: list[uuid.UUID]
) -> tuple[
    HgwSettingsUpdate,
    dict[uuid.UUID, list[ResultRead]],
    dict[uuid.UUID, list[Signal]],
    dict[uuid.UUID, list[EducationalNeed]],
]:
    """Results, signals and needs of the given students: one query each, whatever the size."""
    overview, period = loaded.overview, loaded.period
    settings, _ = await effective_settings(uow, overview.school_id)
    domains = [loaded.subject] if loaded.subject else list(settings.test_domains)
    results: dict[uuid.UUID, list[ResultRead]] = defaultdict(list)
    for r in await uow.scalars(
        select(AssessmentResult)
        .where(
            col(AssessmentResult.student_id).in_(student_ids),
            AssessmentResult.school_id == overview.school_id,
            col(AssessmentResult.taken_on) <= period.ends_on,
            # Enough history for trends (incl. primary school in VO year 1), not every year.
            col(AssessmentResult.taken_on) > period.starts_on - RESULT_HISTORY,
            or_(
                and_(
                    col(AssessmentResult.kind) == "test", col(AssessmentResult.domain).in_(domains)
                ),
                and_(
                    col(AssessmentResult.kind) == "seo",
                    col(AssessmentResult.domain).in_(settings.seo_categories),
                ),
            ),
        )
        .order_by(col(AssessmentResult.taken_on).desc(), col(AssessmentResult.id))
    ):
        results[r.student_id].append(result_read(r, settings))
    signals: dict[uuid.UUID, list[Signal]] = defaultdict(list)
    for s in await uow.scalars(
        select(Signal)
        .where(Signal.overview_id == overview.id, col(Signal.student_id).in_(student_ids))
        .order_by(col(Signal.created_at))
    ):
        signals[s.student_id].append(s)
    needs: dict[uuid.UUID, list[EducationalNeed]] = defaultdict(list)
    for n in await uow.scalars(
        select(EducationalNeed)
        .where(
            col(EducationalNeed.student_id).in_(student_ids),
            EducationalNeed.school_id == overview.school_id,
            col(EducationalNeed.valid_from) <= period.ends_on,
            col(EducationalNeed.valid_until) >= period.starts_on,
            or_(
                col(EducationalNeed.subject).is_(None)
                if not loaded.subject
                else col(EducationalNeed.subject) == loaded.subject,
                col(EducationalNeed.overview_id) == overview.id,
            ),
        )
        .order_by(col(EducationalNeed.valid_from).desc(), col(EducationalNeed.id))
    ):
        needs[n.student_id].append(n)
    return settings, results, signals, needs


async def _overview_read(uow: UnitOfWork, loaded: LoadedOverview) -> OverviewRead:
    overview, access = loaded.overview, loaded.access
    rows = await _rows_with_students(uow, overview.id)
    ids = [s.id for _, s in rows]
    settings, results, signals, needs = await _row_details(uow, loaded, ids)
    plan_id = await uow.first(select(GroupPlan.id).where(GroupPlan.overview_id == overview.id))
    meeting_id = await uow.first(
        select(GroupMeeting.id).where(GroupMeeting.overview_id == overview.id)
    )
    restricted = access.sees_restricted()
    for _, student in rows:
        uow.audit(
            "overview_row.read", "group_overview", overview.id, overview.school_id,
            student_id=student.id,
        )  # fmt: skip
    return OverviewRead(
        id=overview.id,
        school_id=overview.school_id,
        group_id=overview.group_id,
        group_name=access.group.name,
        cycle_period_id=overview.cycle_period_id,
        period_name=loaded.period.name,
        starts_on=loaded.period.starts_on,
        ends_on=loaded.period.ends_on,
        cycle=overview.cycle,
        subject=loaded.subject,
        status=overview.status,
        dated_on=overview.dated_on,
        owner_name=overview.owner_name,
        seeded_from_id=overview.seeded_from_id,
        version=overview.version,
        editable=loaded.editable and access.contributes(),
        may_lead=loaded.editable and access.leads(overview.cycle, loaded.subject),
        plan_id=plan_id,
        meeting_id=meeting_id,
        test_domains=[loaded.subject] if loaded.subject else list(settings.test_domains),
        seo_categories=list(settings.seo_categories) if not loaded.subject else [],
        work_attitude_column=settings.work_attitude_column,
        rows=[
            row_read(r, s, restricted, results[s.id], signals[s.id], needs[s.id]) for r, s in rows
        ],
    )


async def get_overview(
    uow: UnitOfWork, principal: Principal, overview_id: uuid.UUID
) -> OverviewRead:
    return await _overview_read(uow, await load(uow, principal, overview_id))


async def list_overviews(
    uow: UnitOfWork, principal: Principal, group_id: uuid.UUID
) -> list[OverviewSummary]:
    access = await group_access(uow, principal, group_id)
    rows = await uow.rows(
        select(  # type: ignore[call-overload]
            GroupOverview, CyclePeriod, GroupPlan.id, GroupPlan.status, GroupMeeting.id
        )
        .join(CyclePeriod, col(CyclePeriod.id) == GroupOverview.cycle_period_id)
        .outerjoin(GroupPlan, col(GroupPlan.overview_id) == GroupOverview.id)
        .outerjoin(GroupMeeting, col(GroupMeeting.overview_id) == GroupOverview.id)
        .where(GroupOverview.group_id == group_id)
        .order_by(col(CyclePeriod.starts_on).desc(), col(GroupOverview.subject))
    )
    counts = dict(
        await uow.rows(
            select(Signal.overview_id, func.count())
            .where(col(Signal.overview_id).in_([o.id for o, *_ in rows]))
            .group_by(col(Signal.overview_id))
        )
    )
    return [
        summary(o, p, access, plan_id, plan_status, meeting_id, counts.get(o.id, 0))
        for o, p, plan_id, plan_status, meeting_id in rows
    ]


def summary(
    o: GroupOverview,
    p: CyclePeriod,
    access: GroupAccess,
    plan_id: uuid.UUID | None,
    plan_status: str | None,
    meeting_id: uuid.UUID | None,
    signal_count: int,
) -> OverviewSummary:
    # A teacher does not see a draft plan exist before it is shared.
    hidden = plan_status == "draft" and not access.reads_drafts(o.cycle, o.subject or None)
    return OverviewSummary(
        id=o.id,
        group_id=o.group_id,
        group_name=access.group.name,
        cycle_period_id=p.id,
        period_name=p.name,
        starts_on=p.starts_on,
        ends_on=p.ends_on,
        cycle=o.cycle,
        subject=o.subject or None,
        status=o.status,
        dated_on=o.dated_on,
        owner_name=o.owner_name,
        plan_id=None if hidden else plan_id,
        plan_status=None if hidden else plan_status,
        meeting_id=meeting_id,
        signal_count=signal_count,
    )


# -- writes ---------------------------------------------------------------------------------
async def create_overview(
    uow: UnitOfWork, principal: Principal, group_id: uuid.UUID, data: OverviewCreate
) -> OverviewRead:
    access = await group_access(uow, principal, group_id)
    if not access.leads(data.cycle, data.subject):
        raise Forbidden(
            "The mentor starts the cross-subject overview; the subject teacher a subject one."
        )
    period = await uow.first(
        select(CyclePeriod).where(
            CyclePeriod.id == data.cycle_period_id, CyclePeriod.school_id == access.school_id
        )
    )
    if period is None or period.school_year_id != access.group.school_year_id:
        raise ValidationFailed(
            "Choose a cycle period of the group's school year.",
            errors=[{"pointer": "/cycle_period_id", "detail": "Not a period of this school year"}],
        )
    if period.archived_at is not None:
        raise Conflict("This cycle period is archived.")
    subject = data.subject or ""
    exists = await uow.first(
        select(GroupOverview.id).where(
            GroupOverview.group_id == group_id,
            GroupOverview.cycle_period_id == period.id,
            GroupOverview.cycle == data.cycle,
            GroupOverview.subject == subject,
        )
    )
    if exists is not None:
        raise Conflict("The group already has this overview.", overview_id=str(exists))
    previous = await uow.first(
        select(GroupOverview)
        .join(CyclePeriod, col(CyclePeriod.id) == GroupOverview.cycle_period_id)
        .where(
            GroupOverview.group_id == group_id,
            GroupOverview.cycle == data.cycle,
            GroupOverview.subject == subject,
            col(CyclePeriod.starts_on) < period.starts_on,
        )
        .order_by(col(CyclePeriod.starts_on).desc())
    )
    overview = GroupOverview(
        school_id=access.school_id,
        group_id=group_id,
        cycle_period_id=period.id,
        cycle=data.cycle,
        subject=subject,
        dated_on=utcnow().date(),
        owner_name=principal.display_name,
        seeded_from_id=previous.id if previous else None,
    )
    uow.add(overview)
    await uow.flush()
    carried: dict[uuid.UUID, OverviewRow] = {}
    if previous is not None:
        carried = {
            r.student_id: r
            for r in await uow.scalars(
                select(OverviewRow).where(OverviewRow.overview_id == previous.id)
            )
        }
    students = await uow.scalars(
        select(Enrolment.student_id).where(
            Enrolment.group_id == group_id,
            or_(col(Enrolment.end_date).is_(None), col(Enrolment.end_date) >= period.starts_on),
        )
    )
    for student_id in students:
        old = carried.get(student_id)
        kept = {name: getattr(old, name) for name in CARRIED_OVER} if old else {}
        uow.add(
            OverviewRow(
                school_id=access.school_id,
                overview_id=overview.id,
                student_id=student_id,
                updated_by_name=principal.display_name,
                **kept,
            )
        )
    await uow.flush()
    uow.audit(
        "group_overview.create", "group_overview", overview.id, access.school_id,
        {"seeded_from": str(previous.id) if previous else None, "rows": len(students)},
    )  # fmt: skip
    return await _overview_read(uow, LoadedOverview(overview, period, access))


async def update_row(
    uow: UnitOfWork,
    principal: Principal,
    overview_id: uuid.UUID,
    student_id: uuid.UUID,
    expected_version: int | None,
    changes: RowUpdate,
) -> RowRead:
    loaded = await load(uow, principal, overview_id)
    if not loaded.access.contributes():
        raise Forbidden("Only the group's mentor, teachers and care staff edit the overview.")
    require_editable(loaded)
    found = await _rows_with_students(uow, overview_id, student_id)
    if not found:
        raise NotFound("This student has no row in the overview.")
    row, student = found[0]
    fields = changes.model_dump(exclude_unset=True)
    if "particulars" in fields and not loaded.access.sees_restricted():
        raise Forbidden("Particulars are recorded by the mentor and care staff.")
    locked = await uow.first(select(OverviewRow).where(OverviewRow.id == row.id).with_for_update())
    assert locked is not None
    require_version(locked.version, expected_version, "row")
    for name, value in fields.items():
        setattr(locked, name, value if value is not None or name == "instruction_level" else "")
    locked.version += 1
    locked.updated_at = utcnow()
    locked.updated_by_name = principal.display_name
    await uow.flush()
    uow.audit(
        "overview_row.update", "overview_row", locked.id, locked.school_id,
        {"fields": sorted(fields)}, student_id=student_id,
    )  # fmt: skip
    _, results, signals, needs = await _row_details(uow, loaded, [student_id])
    return row_read(
        locked, student, loaded.access.sees_restricted(),
        results[student_id], signals[student_id], needs[student_id],
    )  # fmt: skip


async def publish(uow: UnitOfWork, principal: Principal, overview_id: uuid.UUID) -> OverviewSummary:
    loaded = await load(uow, principal, overview_id, for_update=True)
    o = loaded.overview
    if not loaded.access.leads(o.cycle, loaded.subject):
        raise Forbidden("The owner of the overview publishes it.")
    require_editable(loaded)
    o.status = "published"
    o.dated_on = utcnow().date()
    o.version += 1
    o.updated_at = utcnow()
    await uow.flush()
    uow.audit("group_overview.publish", "group_overview", o.id, o.school_id)
    plan = await uow.first(select(GroupPlan).where(GroupPlan.overview_id == o.id))
    meeting_id = await uow.first(select(GroupMeeting.id).where(GroupMeeting.overview_id == o.id))
    count = await uow.scalar(select(func.count()).where(Signal.overview_id == o.id))
    return summary(
        o, loaded.period, loaded.access, plan.id if plan else None,
        plan.status if plan else None, meeting_id, int(count or 0),
    )  # fmt: skip


async def create_signal(
    uow: UnitOfWork, principal: Principal, overview_id: uuid.UUID, data: SignalCreate
) -> SignalRead:
    loaded = await load(uow, principal, overview_id)
    if not loaded.access.contributes():
        raise Forbidden("Only the group's mentor, teachers and care staff signal.")
    require_editable(loaded)
    if data.category in RESTRICTED_SIGNALS and not loaded.access.sees_restricted():
        raise Forbidden("A home-situation concern goes to the mentor or the care coordinator.")
    in_overview = await uow.first(
        select(OverviewRow.id).where(
            OverviewRow.overview_id == overview_id, OverviewRow.student_id == data.student_id
        )
    )
    if in_overview is None:
        raise ValidationFailed(
            "The student has no row in this overview.",
            errors=[{"pointer": "/student_id", "detail": "Not in this overview"}],
        )
    duplicate = await uow.first(
        select(Signal.id).where(
            Signal.overview_id == overview_id,
            Signal.student_id == data.student_id,
            Signal.category == data.category,
        )
    )
    if duplicate is not None:
        raise Conflict("The student is already signalled for this.", signal_id=str(duplicate))
    signal = Signal(
        school_id=loaded.overview.school_id,
        overview_id=overview_id,
        student_id=data.student_id,
        category=data.category,
        mode=data.mode,
        basis=list(data.basis),
        note=data.note,
        created_by_name=principal.display_name,
    )
    uow.add(signal)
    await uow.flush()
    uow.audit(
        "signal.create", "hgw_signal", signal.id, signal.school_id,
        {"category": data.category}, student_id=data.student_id,
    )  # fmt: skip
    return signal_read(signal)


async def delete_signal(uow: UnitOfWork, principal: Principal, signal_id: uuid.UUID) -> None:
    signal = await uow.first(
        select(Signal).where(
            Signal.id == signal_id, col(Signal.school_id).in_(principal.school_ids)
        )
    )
    if signal is None:
        raise NotFound(SIGNAL_NOT_FOUND)
    loaded = await load(uow, principal, signal.overview_id)
    if signal.category in RESTRICTED_SIGNALS and not loaded.access.sees_restricted():
        raise NotFound(SIGNAL_NOT_FOUND)
    if not loaded.access.contributes():
        raise Forbidden("Only the group's mentor, teachers and care staff signal.")
    require_editable(loaded)
    if signal.confirmed_at is not None:
        raise Conflict("A signal confirmed in the group meeting stays on record.")
    await uow.delete(signal)
    uow.audit(
        "signal.delete", "hgw_signal", signal.id, signal.school_id,
        {"category": signal.category}, student_id=signal.student_id,
    )  # fmt: skip


async def create_result(
    uow: UnitOfWork, principal: Principal, student_id: uuid.UUID, data: ResultCreate
) -> ResultRead:
    access = await student_access(uow, principal, student_id)
    if not access.contributes():
        raise Forbidden("Results are entered by the student's teachers, mentor or care staff.")
    result = AssessmentResult(
        school_id=access.student.school_id,
        student_id=student_id,
        source="entered",
        entered_by_name=principal.display_name,
        **data.model_dump(),
    )
    uow.add(result)
    await uow.flush()
    uow.audit(
        "assessment_result.create", "assessment_result", result.id, result.school_id,
        {"kind": data.kind, "domain": data.domain}, student_id=student_id,
    )  # fmt: skip
    settings, _ = await effective_settings(uow, result.school_id)
    return result_read(result, settings)
