"""GraphQL fields of gifted education: the instruments (observation, self-assessment, needs
intake), the support profile and complex cases, the HB overview, offerings, admissions,
enrolments, keuze-uren, guidance periods and measurements. No SQL, no authorization logic
here: the services decide (the same calls as gifted/rest.py), these fields translate.

The types and inputs are in gifted/graphql_types.py; a complex case answers the case routing's
own CareCase type."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated

import strawberry
from strawberry.types import Info

from zorgroute.cases.graphql import CaseType
from zorgroute.gifted import (
    admissions,
    choice_hours,
    enrolments,
    guidance,
    impact,
    offerings,
    profile,
    signalling,
)
from zorgroute.gifted.graphql_inputs import (
    ChoiceHourDecisionInput,
    ChoiceHourInput,
    ChoiceHourPolicyInput,
    GiftedApplicationDecisionInput,
    GiftedApplicationInput,
    GiftedApplicationUpdateInput,
    GiftedCaseInput,
    GiftedIntakeSectionInput,
    GiftedMeasurementInput,
    GiftedObservationInput,
    GiftedOfferingInput,
    GiftedSelfAssessmentInput,
    GiftedSupportProfileInput,
    GuidanceCheckinInput,
    GuidanceMonitoringNoteInput,
    GuidancePeriodInput,
    GuidancePeriodUpdateInput,
    OfferingEnrolmentExitInput,
    OfferingEnrolmentInput,
    OfferingEnrolmentReviewInput,
    OfferingEnrolmentUpdateInput,
    pairs,
)
from zorgroute.gifted.graphql_types import (
    ApplicationQueueType,
    ApplicationType,
    ChoiceHourList,
    ChoiceHourPolicyType,
    ChoiceHourType,
    EnrolmentType,
    GuidanceType,
    ImpactType,
    MeasurementType,
    NeedsIntakeType,
    ObservationType,
    OfferingCatalogueType,
    OfferingEnrolmentList,
    OfferingType,
    OverviewType,
    SelfAssessmentType,
    StudentGiftedType,
    SupportProfileType,
    VocabularyType,
)
from zorgroute.gifted.policies import OFFERING_NOT_FOUND
from zorgroute.gifted.schemas import (
    ApplicationCreate,
    ApplicationDecide,
    ApplicationSubmit,
    ApplicationUpdate,
    AttendanceIn,
    CheckinIn,
    ChoiceHourCreate,
    ChoiceHourDecision,
    ChoiceHourPolicyWrite,
    EnrolmentCreate,
    EnrolmentUpdate,
    ExitIn,
    GiftedCaseIn,
    GuidanceCreate,
    GuidanceUpdate,
    IntakeSectionIn,
    MeasurementIn,
    MonitoringNoteIn,
    ObservationIn,
    OfferingWrite,
    PhaseIn,
    ReviewIn,
    SelfAssessmentIn,
    SupportProfileWrite,
    WaitlistOrder,
)
from zorgroute.graphql.errors import Problem
from zorgroute.graphql.results import answer, given, some_id, visible
from zorgroute.hgw.policies import SCHOOL_NOT_FOUND
from zorgroute.roster.service import STUDENT_NOT_FOUND

# -- results --------------------------------------------------------------------------------
StudentGiftedResult = Annotated[
    StudentGiftedType | Problem, strawberry.union("StudentGiftedResult")
]
GiftedObservationResult = Annotated[
    ObservationType | Problem, strawberry.union("GiftedObservationResult")
]
NeedsIntakeResult = Annotated[NeedsIntakeType | Problem, strawberry.union("NeedsIntakeResult")]
SupportProfileResult = Annotated[
    SupportProfileType | Problem, strawberry.union("SupportProfileResult")
]
GiftedOverviewResult = Annotated[OverviewType | Problem, strawberry.union("GiftedOverviewResult")]
OfferingsResult = Annotated[OfferingCatalogueType | Problem, strawberry.union("OfferingsResult")]
OfferingResult = Annotated[OfferingType | Problem, strawberry.union("OfferingResult")]
ApplicationQueueResult = Annotated[
    ApplicationQueueType | Problem, strawberry.union("ApplicationQueueResult")
]
ApplicationResult = Annotated[ApplicationType | Problem, strawberry.union("ApplicationResult")]
OfferingEnrolmentsResult = Annotated[
    OfferingEnrolmentList | Problem, strawberry.union("OfferingEnrolmentsResult")
]
OfferingEnrolmentResult = Annotated[
    EnrolmentType | Problem, strawberry.union("OfferingEnrolmentResult")
]
ChoiceHourPolicyResult = Annotated[
    ChoiceHourPolicyType | Problem, strawberry.union("ChoiceHourPolicyResult")
]
ChoiceHoursResult = Annotated[ChoiceHourList | Problem, strawberry.union("ChoiceHoursResult")]
GuidancePeriodResult = Annotated[GuidanceType | Problem, strawberry.union("GuidancePeriodResult")]
OfferingImpactResult = Annotated[ImpactType | Problem, strawberry.union("OfferingImpactResult")]

RecordObservationResult = Annotated[
    ObservationType | Problem, strawberry.union("RecordObservationResult")
]
RecordSelfAssessmentResult = Annotated[
    SelfAssessmentType | Problem, strawberry.union("RecordSelfAssessmentResult")
]
CreateNeedsIntakeResult = Annotated[
    NeedsIntakeType | Problem, strawberry.union("CreateNeedsIntakeResult")
]
WriteIntakeSectionResult = Annotated[
    NeedsIntakeType | Problem, strawberry.union("WriteIntakeSectionResult")
]
PutSupportProfileResult = Annotated[
    SupportProfileType | Problem, strawberry.union("PutSupportProfileResult")
]
OpenGiftedCaseResult = Annotated[CaseType | Problem, strawberry.union("OpenGiftedCaseResult")]
CreateOfferingResult = Annotated[OfferingType | Problem, strawberry.union("CreateOfferingResult")]
UpdateOfferingResult = Annotated[OfferingType | Problem, strawberry.union("UpdateOfferingResult")]
CreateApplicationResult = Annotated[
    ApplicationType | Problem, strawberry.union("CreateApplicationResult")
]
UpdateApplicationResult = Annotated[
    ApplicationType | Problem, strawberry.union("UpdateApplicationResult")
]
SubmitApplicationResult = Annotated[
    ApplicationType | Problem, strawberry.union("SubmitApplicationResult")
]
WithdrawApplicationResult = Annotated[
    ApplicationType | Problem, strawberry.union("WithdrawApplicationResult")
]
DecideApplicationResult = Annotated[
    ApplicationType | Problem, strawberry.union("DecideApplicationResult")
]
OrderWaitlistResult = Annotated[
    ApplicationQueueType | Problem, strawberry.union("OrderWaitlistResult")
]
EnrolResult = Annotated[EnrolmentType | Problem, strawberry.union("EnrolResult")]
UpdateEnrolmentResult = Annotated[
    EnrolmentType | Problem, strawberry.union("UpdateEnrolmentResult")
]
ReviewEnrolmentResult = Annotated[
    EnrolmentType | Problem, strawberry.union("ReviewEnrolmentResult")
]
ExitEnrolmentResult = Annotated[EnrolmentType | Problem, strawberry.union("ExitEnrolmentResult")]
PutChoiceHourPolicyResult = Annotated[
    ChoiceHourPolicyType | Problem, strawberry.union("PutChoiceHourPolicyResult")
]
RequestChoiceHourResult = Annotated[
    ChoiceHourType | Problem, strawberry.union("RequestChoiceHourResult")
]
DecideChoiceHourResult = Annotated[
    ChoiceHourType | Problem, strawberry.union("DecideChoiceHourResult")
]
MarkChoiceHourAttendanceResult = Annotated[
    ChoiceHourType | Problem, strawberry.union("MarkChoiceHourAttendanceResult")
]
CheckChoiceHourResult = Annotated[
    ChoiceHourType | Problem, strawberry.union("CheckChoiceHourResult")
]
CancelChoiceHourResult = Annotated[
    ChoiceHourType | Problem, strawberry.union("CancelChoiceHourResult")
]
CreateGuidancePeriodResult = Annotated[
    GuidanceType | Problem, strawberry.union("CreateGuidancePeriodResult")
]
UpdateGuidancePeriodResult = Annotated[
    GuidanceType | Problem, strawberry.union("UpdateGuidancePeriodResult")
]
AdvanceGuidancePhaseResult = Annotated[
    GuidanceType | Problem, strawberry.union("AdvanceGuidancePhaseResult")
]
AddMonitoringNoteResult = Annotated[
    GuidanceType | Problem, strawberry.union("AddMonitoringNoteResult")
]
AddCheckinResult = Annotated[GuidanceType | Problem, strawberry.union("AddCheckinResult")]
CloseGuidancePeriodResult = Annotated[
    GuidanceType | Problem, strawberry.union("CloseGuidancePeriodResult")
]
RecordMeasurementResult = Annotated[
    MeasurementType | Problem, strawberry.union("RecordMeasurementResult")
]


@strawberry.type
class GiftedQuery:
    @strawberry.field(
        description="The instruments' items and options in Dutch: the observation's 14 skills "
        "with their guiding questions, the recommendations, the self-assessment's skills, the "
        "needs-intake questions, offering kinds, IMAGE's constructs and the guidance phases"
    )
    def gifted_vocabulary(self, info: Info) -> VocabularyType:
        info.context.principal  # noqa: B018 -- not logged in: an error, as for every field
        return VocabularyType.of(signalling.vocabulary())

    @strawberry.field(
        description="Everything gifted about one student: observations next to the student's "
        "own view, needs intakes, applications, enrolments, guidance periods, measurements and "
        "the profile; null for a student you may not see"
    )
    async def student_gifted(
        self, info: Info, student_id: strawberry.ID
    ) -> StudentGiftedResult | None:
        ctx = info.context

        async def read(sid: uuid.UUID) -> StudentGiftedType:
            return StudentGiftedType.of(
                await signalling.student_gifted(ctx.uow, ctx.principal, sid)
            )

        return await visible(info, student_id, read, student=True)

    @strawberry.field(description="A classroom observation; null for one you may not see")
    async def observation(self, info: Info, id: strawberry.ID) -> GiftedObservationResult | None:
        ctx = info.context

        async def read(oid: uuid.UUID) -> ObservationType:
            return ObservationType.of(await signalling.get_observation(ctx.uow, ctx.principal, oid))

        return await visible(info, id, read)

    @strawberry.field(description="A needs intake; null for one you may not see")
    async def needs_intake(self, info: Info, id: strawberry.ID) -> NeedsIntakeResult | None:
        ctx = info.context

        async def read(iid: uuid.UUID) -> NeedsIntakeType:
            return NeedsIntakeType.of(await signalling.get_intake(ctx.uow, ctx.principal, iid))

        return await visible(info, id, read)

    @strawberry.field(
        description="The student's support profile (version 0 until saved; `twiceExceptional` "
        "null for whoever may not see it); null for a student you may not see"
    )
    async def support_profile(
        self, info: Info, student_id: strawberry.ID
    ) -> SupportProfileResult | None:
        ctx = info.context

        async def read(sid: uuid.UUID) -> SupportProfileType:
            return SupportProfileType.of(await profile.get_profile(ctx.uow, ctx.principal, sid))

        return await visible(info, student_id, read, student=True)

    @strawberry.field(
        description="The HB-specialist's overview: every signalled or observed student with "
        "their offerings, goals and outcomes, and what waits; null for a school you may not see"
    )
    async def gifted_overview(
        self, info: Info, school_id: strawberry.ID
    ) -> GiftedOverviewResult | None:
        ctx = info.context

        async def read(sid: uuid.UUID) -> OverviewType:
            return OverviewType.of(await profile.overview(ctx.uow, ctx.principal, sid))

        return await visible(info, school_id, read)

    @strawberry.field(
        description="The school's own offerings and the regional (bovenschools) offerings of "
        "its SWV; null for a school you may not see"
    )
    async def offerings(
        self, info: Info, school_id: strawberry.ID, include_archived: bool = False
    ) -> OfferingsResult | None:
        ctx = info.context

        async def read(sid: uuid.UUID) -> OfferingCatalogueType:
            found = await offerings.catalogue(
                ctx.uow, ctx.principal, sid, include_archived=include_archived
            )
            return OfferingCatalogueType.of(found)

        return await visible(info, school_id, read)

    @strawberry.field(description="An offering; null for one you may not see")
    async def offering(self, info: Info, id: strawberry.ID) -> OfferingResult | None:
        ctx = info.context

        async def read(oid: uuid.UUID) -> OfferingType:
            return OfferingType.of(await offerings.get_offering(ctx.uow, ctx.principal, oid))

        return await visible(info, id, read)

    @strawberry.field(
        description="The committee's queue of an offering: applications to decide, the ordered "
        "waitlist, decisions; null for an offering you may not see"
    )
    async def application_queue(
        self, info: Info, offering_id: strawberry.ID
    ) -> ApplicationQueueResult | None:
        ctx = info.context

        async def read(oid: uuid.UUID) -> ApplicationQueueType:
            return ApplicationQueueType.of(await admissions.queue(ctx.uow, ctx.principal, oid))

        return await visible(info, offering_id, read)

    @strawberry.field(description="An application; null for one you may not see")
    async def application(self, info: Info, id: strawberry.ID) -> ApplicationResult | None:
        ctx = info.context

        async def read(aid: uuid.UUID) -> ApplicationType:
            return ApplicationType.of(await admissions.get_application(ctx.uow, ctx.principal, aid))

        return await visible(info, id, read)

    @strawberry.field(
        description="An offering's enrolments (`status`: active or ended; all when left out); "
        "null for an offering you may not see"
    )
    async def offering_enrolments(
        self, info: Info, offering_id: strawberry.ID, status: str | None = None
    ) -> OfferingEnrolmentsResult | None:
        ctx = info.context

        async def read(oid: uuid.UUID) -> OfferingEnrolmentList:
            found = await enrolments.for_offering(ctx.uow, ctx.principal, oid, status)
            return OfferingEnrolmentList(items=[EnrolmentType.of(e) for e in found])

        return await visible(info, offering_id, read)

    @strawberry.field(description="An enrolment in an offering; null for one you may not see")
    async def offering_enrolment(
        self, info: Info, id: strawberry.ID
    ) -> OfferingEnrolmentResult | None:
        ctx = info.context

        async def read(eid: uuid.UUID) -> EnrolmentType:
            return EnrolmentType.of(await enrolments.get_enrolment(ctx.uow, ctx.principal, eid))

        return await visible(info, id, read)

    @strawberry.field(
        description="The school's rules for keuze-uren (version 0: never set); null for a "
        "school you may not see"
    )
    async def choice_hour_policy(
        self, info: Info, school_id: strawberry.ID
    ) -> ChoiceHourPolicyResult | None:
        ctx = info.context

        async def read(sid: uuid.UUID) -> ChoiceHourPolicyType:
            return ChoiceHourPolicyType.of(
                await choice_hours.get_policy(ctx.uow, ctx.principal, sid)
            )

        return await visible(info, school_id, read)

    @strawberry.field(
        description="Keuze-uren of the school (`mine`: only lessons you teach; a student; "
        "lesson dates from and to); null for a school (or student) you may not see"
    )
    async def choice_hours(
        self,
        info: Info,
        school_id: strawberry.ID,
        mine: bool = False,
        student_id: strawberry.ID | None = None,
        from_date: date | None = None,
        to_date: date | None = None,
    ) -> ChoiceHoursResult | None:
        ctx = info.context

        async def read(sid: uuid.UUID) -> ChoiceHourList:
            student = some_id(student_id, STUDENT_NOT_FOUND) if student_id is not None else None
            found = await choice_hours.list_requests(
                ctx.uow,
                ctx.principal,
                sid,
                mine=mine,
                student_id=student,
                from_date=from_date,
                to_date=to_date,
            )
            return ChoiceHourList(items=[ChoiceHourType.of(c) for c in found])

        return await visible(info, school_id, read)

    @strawberry.field(description="A guidance period; null for one you may not see")
    async def guidance_period(self, info: Info, id: strawberry.ID) -> GuidancePeriodResult | None:
        ctx = info.context

        async def read(pid: uuid.UUID) -> GuidanceType:
            return GuidanceType.of(await guidance.get_period(ctx.uow, ctx.principal, pid))

        return await visible(info, id, read)

    @strawberry.field(
        description="Per construct the participants' change between their first and last "
        "measurement: descriptive, not causal; cells under the minimum are suppressed. Null "
        "for an offering you may not see"
    )
    async def offering_impact(
        self, info: Info, offering_id: strawberry.ID
    ) -> OfferingImpactResult | None:
        ctx = info.context

        async def read(oid: uuid.UUID) -> ImpactType:
            return ImpactType.of(await impact.offering_impact(ctx.uow, ctx.principal, oid))

        return await visible(info, offering_id, read)


LOCKED = " (optimistic locking: expectedVersion is the version you read)"


@strawberry.type
class GiftedMutation:
    # -- instruments ------------------------------------------------------------------------
    @strawberry.mutation(
        description="Record the classroom observation (all 14 skills, 1-5 or not observed). "
        "The recommendation starts its follow-up: a review date, a task for the HB-specialist "
        "or a draft application; from 'challenge in class' up it also signals the student in "
        "the current group overview"
    )
    async def record_observation(
        self, info: Info, student_id: strawberry.ID, input: GiftedObservationInput
    ) -> RecordObservationResult:
        async def call() -> ObservationType:
            sid = some_id(student_id, STUDENT_NOT_FOUND)
            body = pairs(given(input), "scores", "skill", "score", "skill")
            body = pairs(body, "explanations", "skill", "text", "skill")
            data = ObservationIn.model_validate(body)
            ctx = info.context
            return ObservationType.of(
                await signalling.record_observation(ctx.uow, ctx.principal, sid, data)
            )

        return await answer(info, call)

    @strawberry.mutation(
        description="Jij en jouw executieve vaardigheden: up to three strengths and three "
        "attention points per column (denken, doen); a skill is not both"
    )
    async def record_self_assessment(
        self, info: Info, student_id: strawberry.ID, input: GiftedSelfAssessmentInput
    ) -> RecordSelfAssessmentResult:
        async def call() -> SelfAssessmentType:
            sid = some_id(student_id, STUDENT_NOT_FOUND)
            data = SelfAssessmentIn.model_validate(given(input))
            ctx = info.context
            return SelfAssessmentType.of(
                await signalling.record_self_assessment(ctx.uow, ctx.principal, sid, data)
            )

        return await answer(info, call)

    @strawberry.mutation(
        description="Start a needs intake (student, teacher/mentor and parents each answer "
        "their questions)"
    )
    async def create_needs_intake(
        self, info: Info, student_id: strawberry.ID
    ) -> CreateNeedsIntakeResult:
        async def call() -> NeedsIntakeType:
            sid = some_id(student_id, STUDENT_NOT_FOUND)
            ctx = info.context
            return NeedsIntakeType.of(await signalling.create_intake(ctx.uow, ctx.principal, sid))

        return await answer(info, call)

    @strawberry.mutation(
        description="One informant's answers (`informant`: student, teacher or parents; only "
        "that informant's question codes)" + LOCKED
    )
    async def write_intake_section(
        self,
        info: Info,
        intake_id: strawberry.ID,
        informant: str,
        expected_version: int,
        input: GiftedIntakeSectionInput,
    ) -> WriteIntakeSectionResult:
        async def call() -> NeedsIntakeType:
            iid = some_id(intake_id, signalling.INTAKE_NOT_FOUND)
            body = pairs(given(input), "answers", "question", "answer", "question")
            data = IntakeSectionIn.model_validate(body)
            ctx = info.context
            return NeedsIntakeType.of(
                await signalling.write_intake_section(
                    ctx.uow, ctx.principal, iid, informant, expected_version, data
                )
            )

        return await answer(info, call)

    # -- support profile, complex case --------------------------------------------------------
    @strawberry.mutation(
        description="The student's support profile, all of it; expectedVersion 0 while it was "
        "never saved. Only who may see 'dubbel bijzonder' may set it" + LOCKED
    )
    async def put_support_profile(
        self,
        info: Info,
        student_id: strawberry.ID,
        expected_version: int,
        input: GiftedSupportProfileInput,
    ) -> PutSupportProfileResult:
        async def call() -> SupportProfileType:
            sid = some_id(student_id, STUDENT_NOT_FOUND)
            data = SupportProfileWrite.model_validate(given(input))
            ctx = info.context
            return SupportProfileType.of(
                await profile.put_profile(ctx.uow, ctx.principal, sid, expected_version, data)
            )

        return await answer(info, call)

    @strawberry.mutation(
        description="A complex gifted case into the case routing: the school's "
        "'hb-multidisciplinair' route with the required case coordinator; the profile's "
        "complexity becomes 'complex'"
    )
    async def open_gifted_case(
        self, info: Info, student_id: strawberry.ID, input: GiftedCaseInput
    ) -> OpenGiftedCaseResult:
        async def call() -> CaseType:
            sid = some_id(student_id, STUDENT_NOT_FOUND)
            data = GiftedCaseIn.model_validate(given(input))
            ctx = info.context
            return CaseType.of(await profile.open_gifted_case(ctx.uow, ctx.principal, sid, data))

        return await answer(info, call)

    # -- offerings ----------------------------------------------------------------------------
    @strawberry.mutation(description="A new offering of the school (HB staff and leadership)")
    async def create_offering(
        self, info: Info, school_id: strawberry.ID, input: GiftedOfferingInput
    ) -> CreateOfferingResult:
        async def call() -> OfferingType:
            sid = some_id(school_id, SCHOOL_NOT_FOUND)
            data = OfferingWrite.model_validate(given(input))
            ctx = info.context
            return OfferingType.of(
                await offerings.create_offering(ctx.uow, ctx.principal, sid, data)
            )

        return await answer(info, call)

    @strawberry.mutation(description="Replace an offering (archive it with `archived`)" + LOCKED)
    async def update_offering(
        self,
        info: Info,
        offering_id: strawberry.ID,
        expected_version: int,
        input: GiftedOfferingInput,
    ) -> UpdateOfferingResult:
        async def call() -> OfferingType:
            oid = some_id(offering_id, OFFERING_NOT_FOUND)
            data = OfferingWrite.model_validate(given(input))
            ctx = info.context
            return OfferingType.of(
                await offerings.update_offering(ctx.uow, ctx.principal, oid, expected_version, data)
            )

        return await answer(info, call)

    # -- applications -------------------------------------------------------------------------
    @strawberry.mutation(description="A draft application (aanmelding) for a student")
    async def create_application(
        self, info: Info, input: GiftedApplicationInput
    ) -> CreateApplicationResult:
        async def call() -> ApplicationType:
            data = ApplicationCreate.model_validate(given(input))
            ctx = info.context
            return ApplicationType.of(
                await admissions.create_application(ctx.uow, ctx.principal, data)
            )

        return await answer(info, call)

    @strawberry.mutation(description="Change a draft application" + LOCKED)
    async def update_application(
        self,
        info: Info,
        application_id: strawberry.ID,
        expected_version: int,
        input: GiftedApplicationUpdateInput,
    ) -> UpdateApplicationResult:
        async def call() -> ApplicationType:
            aid = some_id(application_id, admissions.APPLICATION_NOT_FOUND)
            data = ApplicationUpdate.model_validate(given(input))
            ctx = info.context
            return ApplicationType.of(
                await admissions.update_application(
                    ctx.uow, ctx.principal, aid, expected_version, data
                )
            )

        return await answer(info, call)

    @strawberry.mutation(
        description="Submit on a route the offering allows (`route`: parents, "
        "intern_begeleider or swv); freezes what the committee will see" + LOCKED
    )
    async def submit_application(
        self, info: Info, application_id: strawberry.ID, expected_version: int, route: str
    ) -> SubmitApplicationResult:
        async def call() -> ApplicationType:
            aid = some_id(application_id, admissions.APPLICATION_NOT_FOUND)
            data = ApplicationSubmit.model_validate({"route": route})
            ctx = info.context
            return ApplicationType.of(
                await admissions.submit(ctx.uow, ctx.principal, aid, expected_version, data)
            )

        return await answer(info, call)

    @strawberry.mutation(description="Withdraw an application" + LOCKED)
    async def withdraw_application(
        self, info: Info, application_id: strawberry.ID, expected_version: int
    ) -> WithdrawApplicationResult:
        async def call() -> ApplicationType:
            aid = some_id(application_id, admissions.APPLICATION_NOT_FOUND)
            ctx = info.context
            return ApplicationType.of(
                await admissions.withdraw(ctx.uow, ctx.principal, aid, expected_version)
            )

        return await answer(info, call)

    @strawberry.mutation(
        description="The committee's decision (at least two members, you one of them): "
        "admitted, waitlisted (at the end of the list) or rejected (reason required); admitting "
        "over capacity is an exception with a recorded reason" + LOCKED
    )
    async def decide_application(
        self,
        info: Info,
        application_id: strawberry.ID,
        expected_version: int,
        input: GiftedApplicationDecisionInput,
    ) -> DecideApplicationResult:
        async def call() -> ApplicationType:
            aid = some_id(application_id, admissions.APPLICATION_NOT_FOUND)
            data = ApplicationDecide.model_validate(given(input))
            ctx = info.context
            return ApplicationType.of(
                await admissions.decide(ctx.uow, ctx.principal, aid, expected_version, data)
            )

        return await answer(info, call)

    @strawberry.mutation(
        description="The committee orders the waitlist (all waitlisted applications, each once)"
    )
    async def order_waitlist(
        self, info: Info, offering_id: strawberry.ID, application_ids: list[strawberry.ID]
    ) -> OrderWaitlistResult:
        async def call() -> ApplicationQueueType:
            oid = some_id(offering_id, OFFERING_NOT_FOUND)
            data = WaitlistOrder.model_validate({"application_ids": list(application_ids)})
            ctx = info.context
            return ApplicationQueueType.of(
                await admissions.order_waitlist(ctx.uow, ctx.principal, oid, data)
            )

        return await answer(info, call)

    # -- enrolments ---------------------------------------------------------------------------
    @strawberry.mutation(
        description="Enrol an admitted student: goals, the review rhythm (13 weeks = "
        "quarterly), the plan for the regular class and, outside the home school, the "
        "stamschool agreements"
    )
    async def enrol(self, info: Info, input: OfferingEnrolmentInput) -> EnrolResult:
        async def call() -> EnrolmentType:
            data = EnrolmentCreate.model_validate(given(input))
            ctx = info.context
            return EnrolmentType.of(await enrolments.enrol(ctx.uow, ctx.principal, data))

        return await answer(info, call)

    @strawberry.mutation(description="Change an enrolment's goals and plan" + LOCKED)
    async def update_enrolment(
        self,
        info: Info,
        enrolment_id: strawberry.ID,
        expected_version: int,
        input: OfferingEnrolmentUpdateInput,
    ) -> UpdateEnrolmentResult:
        async def call() -> EnrolmentType:
            eid = some_id(enrolment_id, enrolments.ENROLMENT_NOT_FOUND)
            data = EnrolmentUpdate.model_validate(given(input))
            ctx = info.context
            return EnrolmentType.of(
                await enrolments.update_enrolment(
                    ctx.uow, ctx.principal, eid, expected_version, data
                )
            )

        return await answer(info, call)

    @strawberry.mutation(
        description="A review of every goal with the student and parents; sets the next "
        "review date" + LOCKED
    )
    async def review_enrolment(
        self,
        info: Info,
        enrolment_id: strawberry.ID,
        expected_version: int,
        input: OfferingEnrolmentReviewInput,
    ) -> ReviewEnrolmentResult:
        async def call() -> EnrolmentType:
            eid = some_id(enrolment_id, enrolments.ENROLMENT_NOT_FOUND)
            data = ReviewIn.model_validate(given(input))
            ctx = info.context
            return EnrolmentType.of(
                await enrolments.review(ctx.uow, ctx.principal, eid, expected_version, data)
            )

        return await answer(info, call)

    @strawberry.mutation(
        description="End the enrolment: 'goals_met' only when every goal is achieved" + LOCKED
    )
    async def exit_enrolment(
        self,
        info: Info,
        enrolment_id: strawberry.ID,
        expected_version: int,
        input: OfferingEnrolmentExitInput,
    ) -> ExitEnrolmentResult:
        async def call() -> EnrolmentType:
            eid = some_id(enrolment_id, enrolments.ENROLMENT_NOT_FOUND)
            data = ExitIn.model_validate(given(input))
            ctx = info.context
            return EnrolmentType.of(
                await enrolments.exit_enrolment(ctx.uow, ctx.principal, eid, expected_version, data)
            )

        return await answer(info, call)

    # -- keuze-uren ---------------------------------------------------------------------------
    @strawberry.mutation(
        description="The school's rules for keuze-uren, all of them; expectedVersion 0 while "
        "they were never set" + LOCKED
    )
    async def put_choice_hour_policy(
        self,
        info: Info,
        school_id: strawberry.ID,
        expected_version: int,
        input: ChoiceHourPolicyInput,
    ) -> PutChoiceHourPolicyResult:
        async def call() -> ChoiceHourPolicyType:
            sid = some_id(school_id, SCHOOL_NOT_FOUND)
            data = ChoiceHourPolicyWrite.model_validate(given(input))
            ctx = info.context
            return ChoiceHourPolicyType.of(
                await choice_hours.put_policy(ctx.uow, ctx.principal, sid, expected_version, data)
            )

        return await answer(info, call)

    @strawberry.mutation(
        description="Register a keuze-uur: checked against the school's policy (hours a week, "
        "notice)"
    )
    async def request_choice_hour(
        self, info: Info, input: ChoiceHourInput
    ) -> RequestChoiceHourResult:
        async def call() -> ChoiceHourType:
            data = ChoiceHourCreate.model_validate(given(input))
            ctx = info.context
            return ChoiceHourType.of(
                await choice_hours.create_request(ctx.uow, ctx.principal, data)
            )

        return await answer(info, call)

    @strawberry.mutation(
        description="The subject teacher acknowledges or declines (a test in the lesson always "
        "declines)" + LOCKED
    )
    async def decide_choice_hour(
        self,
        info: Info,
        request_id: strawberry.ID,
        expected_version: int,
        input: ChoiceHourDecisionInput,
    ) -> DecideChoiceHourResult:
        async def call() -> ChoiceHourType:
            rid = some_id(request_id, choice_hours.REQUEST_NOT_FOUND)
            data = ChoiceHourDecision.model_validate(given(input))
            ctx = info.context
            return ChoiceHourType.of(
                await choice_hours.decide(ctx.uow, ctx.principal, rid, expected_version, data)
            )

        return await answer(info, call)

    @strawberry.mutation(
        description="The subject teacher marks the student present or absent (`attendance`)"
        + LOCKED
    )
    async def mark_choice_hour_attendance(
        self, info: Info, request_id: strawberry.ID, expected_version: int, attendance: str
    ) -> MarkChoiceHourAttendanceResult:
        async def call() -> ChoiceHourType:
            rid = some_id(request_id, choice_hours.REQUEST_NOT_FOUND)
            data = AttendanceIn.model_validate({"attendance": attendance})
            ctx = info.context
            return ChoiceHourType.of(
                await choice_hours.mark_attendance(
                    ctx.uow, ctx.principal, rid, expected_version, data
                )
            )

        return await answer(info, call)

    @strawberry.mutation(
        description="The HB-specialist or mentor checked the student was where they said" + LOCKED
    )
    async def check_choice_hour(
        self, info: Info, request_id: strawberry.ID, expected_version: int
    ) -> CheckChoiceHourResult:
        async def call() -> ChoiceHourType:
            rid = some_id(request_id, choice_hours.REQUEST_NOT_FOUND)
            ctx = info.context
            return ChoiceHourType.of(
                await choice_hours.check(ctx.uow, ctx.principal, rid, expected_version)
            )

        return await answer(info, call)

    @strawberry.mutation(description="Cancel a keuze-uur" + LOCKED)
    async def cancel_choice_hour(
        self, info: Info, request_id: strawberry.ID, expected_version: int
    ) -> CancelChoiceHourResult:
        async def call() -> ChoiceHourType:
            rid = some_id(request_id, choice_hours.REQUEST_NOT_FOUND)
            ctx = info.context
            return ChoiceHourType.of(
                await choice_hours.cancel(ctx.uow, ctx.principal, rid, expected_version)
            )

        return await answer(info, call)

    # -- guidance periods ---------------------------------------------------------------------
    @strawberry.mutation(
        description="A guidance period (begeleidingsperiode) with the student's portfolio goals"
    )
    async def create_guidance_period(
        self, info: Info, input: GuidancePeriodInput
    ) -> CreateGuidancePeriodResult:
        async def call() -> GuidanceType:
            data = GuidanceCreate.model_validate(given(input))
            ctx = info.context
            return GuidanceType.of(await guidance.create_period(ctx.uow, ctx.principal, data))

        return await answer(info, call)

    @strawberry.mutation(
        description="Change a guidance period: goals, agreements, differentiation, "
        "reflection and handover" + LOCKED
    )
    async def update_guidance_period(
        self,
        info: Info,
        period_id: strawberry.ID,
        expected_version: int,
        input: GuidancePeriodUpdateInput,
    ) -> UpdateGuidancePeriodResult:
        async def call() -> GuidanceType:
            pid = some_id(period_id, guidance.PERIOD_NOT_FOUND)
            data = GuidanceUpdate.model_validate(given(input))
            ctx = info.context
            return GuidanceType.of(
                await guidance.update_period(ctx.uow, ctx.principal, pid, expected_version, data)
            )

        return await answer(info, call)

    @strawberry.mutation(
        description="Move to the next of the seven phases (`phase`; in order, otherwise a "
        "conflict naming the next one)" + LOCKED
    )
    async def advance_guidance_phase(
        self, info: Info, period_id: strawberry.ID, expected_version: int, phase: str
    ) -> AdvanceGuidancePhaseResult:
        async def call() -> GuidanceType:
            pid = some_id(period_id, guidance.PERIOD_NOT_FOUND)
            data = PhaseIn.model_validate({"phase": phase})
            ctx = info.context
            return GuidanceType.of(
                await guidance.advance(ctx.uow, ctx.principal, pid, expected_version, data)
            )

        return await answer(info, call)

    @strawberry.mutation(
        description="A monitoring note on one portfolio goal (the student's logbook)" + LOCKED
    )
    async def add_monitoring_note(
        self,
        info: Info,
        period_id: strawberry.ID,
        expected_version: int,
        input: GuidanceMonitoringNoteInput,
    ) -> AddMonitoringNoteResult:
        async def call() -> GuidanceType:
            pid = some_id(period_id, guidance.PERIOD_NOT_FOUND)
            data = MonitoringNoteIn.model_validate(given(input))
            ctx = info.context
            return GuidanceType.of(
                await guidance.add_monitoring(ctx.uow, ctx.principal, pid, expected_version, data)
            )

        return await answer(info, call)

    @strawberry.mutation(
        description="A progress meeting; stagnation needs its cause (content, approach, other "
        "circumstances)" + LOCKED
    )
    async def add_checkin(
        self,
        info: Info,
        period_id: strawberry.ID,
        expected_version: int,
        input: GuidanceCheckinInput,
    ) -> AddCheckinResult:
        async def call() -> GuidanceType:
            pid = some_id(period_id, guidance.PERIOD_NOT_FOUND)
            data = CheckinIn.model_validate(given(input))
            ctx = info.context
            return GuidanceType.of(
                await guidance.add_checkin(ctx.uow, ctx.principal, pid, expected_version, data)
            )

        return await answer(info, call)

    @strawberry.mutation(
        description="Close in the reflection phase, with every goal evaluated and a handover "
        "note" + LOCKED
    )
    async def close_guidance_period(
        self, info: Info, period_id: strawberry.ID, expected_version: int
    ) -> CloseGuidancePeriodResult:
        async def call() -> GuidanceType:
            pid = some_id(period_id, guidance.PERIOD_NOT_FOUND)
            ctx = info.context
            return GuidanceType.of(
                await guidance.close_period(ctx.uow, ctx.principal, pid, expected_version)
            )

        return await answer(info, call)

    # -- measurements -------------------------------------------------------------------------
    @strawberry.mutation(
        description="One wave (T0, T1, ...) of the student's questionnaire; a wave is recorded once"
    )
    async def record_measurement(
        self, info: Info, student_id: strawberry.ID, input: GiftedMeasurementInput
    ) -> RecordMeasurementResult:
        async def call() -> MeasurementType:
            sid = some_id(student_id, STUDENT_NOT_FOUND)
            body = pairs(given(input), "scores", "construct", "score", "construct")
            data = MeasurementIn.model_validate(body)
            ctx = info.context
            return MeasurementType.of(
                await impact.record_measurement(ctx.uow, ctx.principal, sid, data)
            )

        return await answer(info, call)
