"""SQL of the inzage export. Roster rows (guardians, enrolments, assignments) come from the
roster repository; this module reads the privacy, notes, HGW, plan, case and audit records of
one student. Every query is limited to the school and the student (one query per record type);
none applies the app's role filters: the export holds everything."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select as sa_select
from sqlalchemy.orm import aliased
from sqlmodel import col, select

from zorgroute.audit.models import AuditEvent
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
from zorgroute.core.db import UnitOfWork
from zorgroute.gifted.models import (
    Application,
    ChoiceHourRequest,
    EnrolmentReview,
    GuidanceCheckin,
    GuidancePeriod,
    NeedsIntake,
    Offering,
    OfferingEnrolment,
    OutcomeMeasurement,
    SelfAssessment,
    SkillObservation,
    SupportProfile,
)
from zorgroute.hgw.models import (
    AssessmentResult,
    CyclePeriod,
    EducationalNeed,
    GroupMeeting,
    GroupOverview,
    MeetingDecision,
    OverviewRow,
    Signal,
)
from zorgroute.identity.models import UserAccount
from zorgroute.notes.models import StudentNote
from zorgroute.organisations.models import School
from zorgroute.plans.models import (
    DevelopmentPerspective,
    DevelopmentPerspectiveVersion,
    GroupPlan,
    IndividualPlan,
    PlanRow,
)
from zorgroute.privacy.models import AccessGrant, Consent, Disclosure
from zorgroute.privacy.retention_models import LegalHold
from zorgroute.roster.models import Group, Guardian, PersonName, StaffMember, Student


async def student_school(
    uow: UnitOfWork, student_id: uuid.UUID, school_ids: Sequence[uuid.UUID]
) -> uuid.UUID | None:
    """The school of a student, if it is one of these schools (the caller's own): a student of
    any other school does not exist for the caller."""
    if not school_ids:
        return None
    result = await uow.scalar(
        select(Student.school_id).where(
            Student.id == student_id, col(Student.school_id).in_(school_ids)
        )
    )
    return result if isinstance(result, uuid.UUID) else None


async def student_of_school(
    uow: UnitOfWork, student_id: uuid.UUID, school_id: uuid.UUID
) -> Student | None:
    return await uow.first(
        select(Student).where(Student.id == student_id, Student.school_id == school_id)
    )


async def school(uow: UnitOfWork, school_id: uuid.UUID) -> School | None:
    return await uow.first(select(School).where(School.id == school_id))


async def notes(uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID) -> list[StudentNote]:
    return await uow.scalars(
        select(StudentNote)
        .where(StudentNote.school_id == school_id, StudentNote.student_id == student_id)
        .order_by(col(StudentNote.created_at), col(StudentNote.id))
    )


async def consents(
    uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID
) -> list[tuple[Consent, Guardian | None]]:
    rows: Sequence[Any] = (
        await uow.execute(
            select(Consent, Guardian)
            .outerjoin(Guardian, col(Guardian.id) == Consent.guardian_id)
            .where(Consent.school_id == school_id, Consent.student_id == student_id)
            .order_by(col(Consent.given_on), col(Consent.id))
        )
    ).all()
    return [(c, g) for c, g in rows]


async def disclosures(
    uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID
) -> list[Disclosure]:
    return await uow.scalars(
        select(Disclosure)
        .where(Disclosure.school_id == school_id, Disclosure.student_id == student_id)
        .order_by(col(Disclosure.created_at), col(Disclosure.id))
    )


async def access_grants(
    uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID
) -> list[tuple[AccessGrant, str]]:
    rows: Sequence[Any] = (
        await uow.execute(
            select(AccessGrant, UserAccount.display_name)
            .join(UserAccount, col(UserAccount.id) == AccessGrant.user_id)
            .where(AccessGrant.school_id == school_id, AccessGrant.student_id == student_id)
            .order_by(col(AccessGrant.valid_from), col(AccessGrant.id))
        )
    ).all()
    return [(g, name) for g, name in rows]


async def legal_holds(
    uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID
) -> list[LegalHold]:
    return await uow.scalars(
        select(LegalHold)
        .where(LegalHold.school_id == school_id, LegalHold.student_id == student_id)
        .order_by(col(LegalHold.created_at), col(LegalHold.id))
    )


# -- HGW cycle and plans -------------------------------------------------------------------
async def overview_rows(
    uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID
) -> list[tuple[OverviewRow, GroupOverview, CyclePeriod, Group]]:
    rows = await uow.rows(
        select(OverviewRow, GroupOverview, CyclePeriod, Group)
        .join(GroupOverview, col(GroupOverview.id) == OverviewRow.overview_id)
        .join(CyclePeriod, col(CyclePeriod.id) == GroupOverview.cycle_period_id)
        .join(Group, col(Group.id) == GroupOverview.group_id)
        .where(OverviewRow.school_id == school_id, OverviewRow.student_id == student_id)
        .order_by(
            col(CyclePeriod.starts_on),
            col(GroupOverview.cycle),
            col(GroupOverview.subject),
            col(Group.name),
            col(OverviewRow.id),
        )
    )
    return [(r, o, p, g) for r, o, p, g in rows]


async def assessment_results(
    uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID
) -> list[AssessmentResult]:
    return await uow.scalars(
        select(AssessmentResult)
        .where(AssessmentResult.school_id == school_id, AssessmentResult.student_id == student_id)
        .order_by(
            col(AssessmentResult.taken_on),
            col(AssessmentResult.kind),
            col(AssessmentResult.domain),
            col(AssessmentResult.id),
        )
    )


async def signals(
    uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID
) -> list[tuple[Signal, CyclePeriod, Group]]:
    rows = await uow.rows(
        select(Signal, CyclePeriod, Group)
        .join(GroupOverview, col(GroupOverview.id) == Signal.overview_id)
        .join(CyclePeriod, col(CyclePeriod.id) == GroupOverview.cycle_period_id)
        .join(Group, col(Group.id) == GroupOverview.group_id)
        .where(Signal.school_id == school_id, Signal.student_id == student_id)
        .order_by(col(CyclePeriod.starts_on), col(Signal.created_at), col(Signal.id))
    )
    return [(s, p, g) for s, p, g in rows]


async def needs(
    uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID
) -> list[tuple[EducationalNeed, CyclePeriod | None, Group | None]]:
    """A need named outside a group overview has no period or group."""
    rows = await uow.rows(
        select(EducationalNeed, CyclePeriod, Group)
        .outerjoin(GroupOverview, col(GroupOverview.id) == EducationalNeed.overview_id)
        .outerjoin(CyclePeriod, col(CyclePeriod.id) == GroupOverview.cycle_period_id)
        .outerjoin(Group, col(Group.id) == GroupOverview.group_id)
        .where(EducationalNeed.school_id == school_id, EducationalNeed.student_id == student_id)
        .order_by(
            col(EducationalNeed.valid_from),
            col(EducationalNeed.created_at),
            col(EducationalNeed.id),
        )
    )
    return [(n, p, g) for n, p, g in rows]


async def meeting_decisions(
    uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID
) -> list[tuple[MeetingDecision, GroupMeeting, CyclePeriod, Group]]:
    rows = await uow.rows(
        select(MeetingDecision, GroupMeeting, CyclePeriod, Group)
        .join(GroupMeeting, col(GroupMeeting.id) == MeetingDecision.meeting_id)
        .join(GroupOverview, col(GroupOverview.id) == GroupMeeting.overview_id)
        .join(CyclePeriod, col(CyclePeriod.id) == GroupOverview.cycle_period_id)
        .join(Group, col(Group.id) == GroupMeeting.group_id)
        .where(MeetingDecision.school_id == school_id, MeetingDecision.student_id == student_id)
        .order_by(
            col(GroupMeeting.scheduled_on), col(MeetingDecision.decision), col(MeetingDecision.id)
        )
    )
    return [(d, m, p, g) for d, m, p, g in rows]


async def plan_rows(
    uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID
) -> list[tuple[PlanRow, GroupPlan, GroupOverview, CyclePeriod, Group]]:
    """The rows of group plans that name the student (a subgroup or an individual row).
    SQLAlchemy's select: sqlmodel's is typed for four entities at most."""
    rows = await uow.rows(
        sa_select(PlanRow, GroupPlan, GroupOverview, CyclePeriod, Group)
        .join(GroupPlan, col(GroupPlan.id) == PlanRow.plan_id)
        .join(GroupOverview, col(GroupOverview.id) == GroupPlan.overview_id)
        .join(CyclePeriod, col(CyclePeriod.id) == GroupOverview.cycle_period_id)
        .join(Group, col(Group.id) == GroupPlan.group_id)
        .where(col(PlanRow.school_id) == school_id, col(PlanRow.student_ids).contains([student_id]))
        .order_by(
            col(GroupPlan.starts_on), col(GroupPlan.id), col(PlanRow.position), col(PlanRow.id)
        )
    )
    return [(r, plan, o, p, g) for r, plan, o, p, g in rows]


async def individual_plans(
    uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID
) -> list[tuple[IndividualPlan, GroupPlan, CyclePeriod, Group, Guardian | None]]:
    """The student's IHPs with their group plan and the guardian who signed, if any."""
    rows = await uow.rows(
        sa_select(IndividualPlan, GroupPlan, CyclePeriod, Group, Guardian)
        .join(GroupPlan, col(GroupPlan.id) == IndividualPlan.plan_id)
        .join(GroupOverview, col(GroupOverview.id) == GroupPlan.overview_id)
        .join(CyclePeriod, col(CyclePeriod.id) == GroupOverview.cycle_period_id)
        .join(Group, col(Group.id) == GroupPlan.group_id)
        .outerjoin(Guardian, col(Guardian.id) == IndividualPlan.parent_signed_by)
        .where(
            col(IndividualPlan.school_id) == school_id, col(IndividualPlan.student_id) == student_id
        )
        .order_by(col(GroupPlan.starts_on), col(IndividualPlan.created_at), col(IndividualPlan.id))
    )
    return [(i, plan, p, g, guardian) for i, plan, p, g, guardian in rows]


async def development_perspective(
    uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID
) -> DevelopmentPerspective | None:
    return await uow.first(
        select(DevelopmentPerspective).where(
            DevelopmentPerspective.school_id == school_id,
            DevelopmentPerspective.student_id == student_id,
        )
    )


async def perspective_versions(
    uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID
) -> list[DevelopmentPerspectiveVersion]:
    return await uow.scalars(
        select(DevelopmentPerspectiveVersion)
        .where(
            DevelopmentPerspectiveVersion.school_id == school_id,
            DevelopmentPerspectiveVersion.student_id == student_id,
        )
        .order_by(col(DevelopmentPerspectiveVersion.number), col(DevelopmentPerspectiveVersion.id))
    )


# -- Case routing ----------------------------------------------------------------------------
# The records of a case are read through the case: this school's cases of this student.
def _of_student_cases(school_id: uuid.UUID, student_id: uuid.UUID) -> Any:
    return (
        select(CareCase.id)
        .where(CareCase.school_id == school_id, CareCase.student_id == student_id)
        .scalar_subquery()
    )


async def cases(
    uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID
) -> list[tuple[CareCase, CareRoute, StaffMember | None, StaffMember | None]]:
    """The student's cases with the route revision each runs on, the case coordinator and the
    parents' contact person."""
    coordinator = aliased(StaffMember)
    contact = aliased(StaffMember)
    rows = await uow.rows(
        select(CareCase, CareRoute, coordinator, contact)
        .join(CareRoute, col(CareRoute.id) == CareCase.route_id)
        .outerjoin(coordinator, col(coordinator.id) == CareCase.coordinator_staff_id)
        .outerjoin(contact, col(contact.id) == CareCase.parent_contact_staff_id)
        .where(CareCase.school_id == school_id, CareCase.student_id == student_id)
        .order_by(col(CareCase.opened_at), col(CareCase.id))
    )
    return [(c, r, co, pc) for c, r, co, pc in rows]


async def case_registrations(
    uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID
) -> list[CaseRegistration]:
    return await uow.scalars(
        select(CaseRegistration)
        .where(
            CaseRegistration.school_id == school_id,
            col(CaseRegistration.case_id).in_(_of_student_cases(school_id, student_id)),
        )
        .order_by(col(CaseRegistration.created_at), col(CaseRegistration.id))
    )


async def case_screenings(
    uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID
) -> list[CaseScreening]:
    return await uow.scalars(
        select(CaseScreening)
        .where(
            CaseScreening.school_id == school_id,
            col(CaseScreening.case_id).in_(_of_student_cases(school_id, student_id)),
        )
        .order_by(col(CaseScreening.screened_at), col(CaseScreening.id))
    )


async def case_conversations(
    uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID
) -> list[CaseConversation]:
    return await uow.scalars(
        select(CaseConversation)
        .where(
            CaseConversation.school_id == school_id,
            col(CaseConversation.case_id).in_(_of_student_cases(school_id, student_id)),
        )
        .order_by(
            col(CaseConversation.held_on),
            col(CaseConversation.created_at),
            col(CaseConversation.id),
        )
    )


async def case_discussions(
    uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID
) -> list[tuple[CaseDiscussion, CareMeeting]]:
    """This student's cases on care meetings' agendas, with the meeting (never its members or
    its other cases)."""
    rows = await uow.rows(
        select(CaseDiscussion, CareMeeting)
        .join(CareMeeting, col(CareMeeting.id) == CaseDiscussion.meeting_id)
        .where(
            CaseDiscussion.school_id == school_id,
            col(CaseDiscussion.case_id).in_(_of_student_cases(school_id, student_id)),
        )
        .order_by(col(CareMeeting.scheduled_at), col(CaseDiscussion.id))
    )
    return [(d, m) for d, m in rows]


async def case_action_items(
    uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID
) -> list[ActionItem]:
    return await uow.scalars(
        select(ActionItem)
        .where(
            ActionItem.school_id == school_id,
            col(ActionItem.case_id).in_(_of_student_cases(school_id, student_id)),
        )
        .order_by(col(ActionItem.due_on), col(ActionItem.created_at), col(ActionItem.id))
    )


async def case_interventions(
    uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID
) -> list[Intervention]:
    return await uow.scalars(
        select(Intervention)
        .where(
            Intervention.school_id == school_id,
            col(Intervention.case_id).in_(_of_student_cases(school_id, student_id)),
        )
        .order_by(col(Intervention.starts_on), col(Intervention.created_at), col(Intervention.id))
    )


async def case_referrals(
    uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID
) -> list[ExternalReferral]:
    return await uow.scalars(
        select(ExternalReferral)
        .where(
            ExternalReferral.school_id == school_id,
            col(ExternalReferral.case_id).in_(_of_student_cases(school_id, student_id)),
        )
        .order_by(
            col(ExternalReferral.referred_on),
            col(ExternalReferral.created_at),
            col(ExternalReferral.id),
        )
    )


async def case_swv_requests(
    uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID
) -> list[SwvRequest]:
    return await uow.scalars(
        select(SwvRequest)
        .where(
            SwvRequest.school_id == school_id,
            col(SwvRequest.case_id).in_(_of_student_cases(school_id, student_id)),
        )
        .order_by(col(SwvRequest.requested_on), col(SwvRequest.created_at), col(SwvRequest.id))
    )


async def case_events(
    uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID
) -> list[CaseEvent]:
    return await uow.scalars(
        select(CaseEvent)
        .where(
            CaseEvent.school_id == school_id,
            col(CaseEvent.case_id).in_(_of_student_cases(school_id, student_id)),
        )
        .order_by(col(CaseEvent.at), col(CaseEvent.id))
    )


# -- Gifted education ------------------------------------------------------------------------
# Every gifted record is per student: each query names this school and this student. An
# application or enrolment for another school's offering lives at the student's school.
async def gifted_profile(
    uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID
) -> SupportProfile | None:
    return await uow.first(
        select(SupportProfile).where(
            SupportProfile.school_id == school_id, SupportProfile.student_id == student_id
        )
    )


async def skill_observations(
    uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID
) -> list[SkillObservation]:
    return await uow.scalars(
        select(SkillObservation)
        .where(SkillObservation.school_id == school_id, SkillObservation.student_id == student_id)
        .order_by(
            col(SkillObservation.observed_on),
            col(SkillObservation.created_at),
            col(SkillObservation.id),
        )
    )


async def self_assessments(
    uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID
) -> list[SelfAssessment]:
    return await uow.scalars(
        select(SelfAssessment)
        .where(SelfAssessment.school_id == school_id, SelfAssessment.student_id == student_id)
        .order_by(
            col(SelfAssessment.filled_on), col(SelfAssessment.created_at), col(SelfAssessment.id)
        )
    )


async def needs_intakes(
    uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID
) -> list[NeedsIntake]:
    return await uow.scalars(
        select(NeedsIntake)
        .where(NeedsIntake.school_id == school_id, NeedsIntake.student_id == student_id)
        .order_by(col(NeedsIntake.created_at), col(NeedsIntake.id))
    )


async def gifted_applications(
    uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID
) -> list[tuple[Application, Offering | None, str | None]]:
    """The student's applications with the offering and the name of the school that runs it
    (an offering of another school that is not in the regional catalogue is not readable here:
    then None)."""
    rows = await uow.rows(
        select(Application, Offering, School.name)
        .outerjoin(Offering, col(Offering.id) == Application.offering_id)
        .outerjoin(School, col(School.id) == Application.offering_school_id)
        .where(Application.school_id == school_id, Application.student_id == student_id)
        .order_by(col(Application.created_at), col(Application.id))
    )
    return [(a, o, name) for a, o, name in rows]


async def offering_enrolments(
    uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID
) -> list[tuple[OfferingEnrolment, Offering | None, str | None]]:
    rows = await uow.rows(
        select(OfferingEnrolment, Offering, School.name)
        .outerjoin(Offering, col(Offering.id) == OfferingEnrolment.offering_id)
        .outerjoin(School, col(School.id) == OfferingEnrolment.offering_school_id)
        .where(OfferingEnrolment.school_id == school_id, OfferingEnrolment.student_id == student_id)
        .order_by(
            col(OfferingEnrolment.starts_on),
            col(OfferingEnrolment.created_at),
            col(OfferingEnrolment.id),
        )
    )
    return [(e, o, name) for e, o, name in rows]


async def enrolment_reviews(
    uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID
) -> list[EnrolmentReview]:
    return await uow.scalars(
        select(EnrolmentReview)
        .where(EnrolmentReview.school_id == school_id, EnrolmentReview.student_id == student_id)
        .order_by(
            col(EnrolmentReview.reviewed_on),
            col(EnrolmentReview.created_at),
            col(EnrolmentReview.id),
        )
    )


async def choice_hours(
    uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID
) -> list[tuple[ChoiceHourRequest, StaffMember | None]]:
    """The student's keuze-uren with the teacher of the lesson swapped."""
    rows = await uow.rows(
        select(ChoiceHourRequest, StaffMember)
        .outerjoin(StaffMember, col(StaffMember.id) == ChoiceHourRequest.subject_teacher_staff_id)
        .where(ChoiceHourRequest.school_id == school_id, ChoiceHourRequest.student_id == student_id)
        .order_by(
            col(ChoiceHourRequest.lesson_date),
            col(ChoiceHourRequest.lesson_hour),
            col(ChoiceHourRequest.id),
        )
    )
    return [(r, s) for r, s in rows]


async def guidance_periods(
    uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID
) -> list[GuidancePeriod]:
    return await uow.scalars(
        select(GuidancePeriod)
        .where(GuidancePeriod.school_id == school_id, GuidancePeriod.student_id == student_id)
        .order_by(
            col(GuidancePeriod.starts_on), col(GuidancePeriod.created_at), col(GuidancePeriod.id)
        )
    )


async def guidance_checkins(
    uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID
) -> list[GuidanceCheckin]:
    return await uow.scalars(
        select(GuidanceCheckin)
        .where(GuidanceCheckin.school_id == school_id, GuidanceCheckin.student_id == student_id)
        .order_by(
            col(GuidanceCheckin.held_on), col(GuidanceCheckin.created_at), col(GuidanceCheckin.id)
        )
    )


async def outcome_measurements(
    uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID
) -> list[OutcomeMeasurement]:
    return await uow.scalars(
        select(OutcomeMeasurement)
        .where(
            OutcomeMeasurement.school_id == school_id, OutcomeMeasurement.student_id == student_id
        )
        .order_by(
            col(OutcomeMeasurement.instrument),
            col(OutcomeMeasurement.wave),
            col(OutcomeMeasurement.id),
        )
    )


async def staff_names(uow: UnitOfWork, staff_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
    """Names of staff members readable at the caller's schools (the deciding members of an
    admissions committee). Always one statement, also without ids: an export costs the same
    number of statements whatever the student's records."""
    rows: Sequence[Any] = (
        await uow.execute(
            select(
                StaffMember.id, StaffMember.given_name, StaffMember.infix, StaffMember.family_name
            ).where(col(StaffMember.id).in_(staff_ids))
        )
    ).all()
    return {
        staff_id: PersonName.display(given, infix, family)
        for staff_id, given, infix, family in rows
    }


async def audit_trail(
    uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID
) -> list[AuditEvent]:
    # audit_event is not under row-level security: the school condition is ours to add.
    return await uow.scalars(
        select(AuditEvent)
        .where(AuditEvent.student_id == student_id, AuditEvent.school_id == school_id)
        .order_by(col(AuditEvent.occurred_at), col(AuditEvent.id))
    )


async def account_names(uow: UnitOfWork, user_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
    if not user_ids:
        return {}
    rows: Sequence[Any] = (
        await uow.execute(
            select(UserAccount.id, UserAccount.display_name).where(
                col(UserAccount.id).in_(user_ids)
            )
        )
    ).all()
    return {user_id: name for user_id, name in rows}
