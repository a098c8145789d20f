"""REST adapter of gifted education: instruments, offerings, admissions, enrolments,
keuze-uren, guidance periods, measurements, the support profile and the HB overview."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated, Literal, TypeVar

from fastapi import APIRouter, Path, Query, Response

from zorgroute.cases.schemas import CaseRead
from zorgroute.core.deps import Uow
from zorgroute.core.http import IfMatch, etag, version_from_if_match
from zorgroute.core.problem import problem_responses
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
from zorgroute.gifted.schemas import (
    ApplicationCreate,
    ApplicationDecide,
    ApplicationQueue,
    ApplicationRead,
    ApplicationSubmit,
    ApplicationUpdate,
    AttendanceIn,
    CheckinIn,
    ChoiceHourCreate,
    ChoiceHourDecision,
    ChoiceHourPolicyRead,
    ChoiceHourPolicyWrite,
    ChoiceHourRead,
    EnrolmentCreate,
    EnrolmentRead,
    EnrolmentUpdate,
    ExitIn,
    GiftedCaseIn,
    GiftedOverview,
    GiftedVocabulary,
    GuidanceCreate,
    GuidanceRead,
    GuidanceUpdate,
    IntakeSectionIn,
    MeasurementIn,
    MeasurementRead,
    MonitoringNoteIn,
    NeedsIntakeRead,
    ObservationIn,
    ObservationRead,
    OfferingCatalogue,
    OfferingImpact,
    OfferingRead,
    OfferingWrite,
    PhaseIn,
    ReviewIn,
    SelfAssessmentIn,
    SelfAssessmentRead,
    StudentGifted,
    SupportProfileRead,
    SupportProfileWrite,
    WaitlistOrder,
)
from zorgroute.identity.deps import CurrentPrincipal

router = APIRouter(
    prefix="/api/v1", tags=["gifted"], responses=problem_responses(400, 401, 403, 404, 409, 422)
)
LOCKED = problem_responses(412, 428)
Informant = Annotated[Literal["student", "teacher", "parents"], Path()]


Versioned = TypeVar(
    "Versioned",
    NeedsIntakeRead, SupportProfileRead, OfferingRead, ApplicationRead, EnrolmentRead,
    ChoiceHourPolicyRead, ChoiceHourRead, GuidanceRead,
)  # fmt: skip


def _tag(response: Response, value: Versioned) -> Versioned:
    response.headers["ETag"] = etag(value.version)
    return value


# -- instruments ----------------------------------------------------------------------------
@router.get("/gifted/vocabulary", operation_id="gifted-vocabulary")
async def vocabulary(principal: CurrentPrincipal) -> GiftedVocabulary:
    """The observation instrument's 14 skills with their guiding questions, the five
    recommendations, the self-assessment's skills (denken/doen), the needs-intake questions,
    offering kinds, IMAGE's constructs and the seven guidance phases, in Dutch."""
    return signalling.vocabulary()


@router.get("/students/{student_id}/gifted", operation_id="gifted-student")
async def student_gifted(
    student_id: uuid.UUID, uow: Uow, principal: CurrentPrincipal
) -> StudentGifted:
    """Everything gifted about one student: observations next to the student's own view,
    needs intakes, applications, enrolments, guidance periods, measurements, the profile."""
    return await signalling.student_gifted(uow, principal, student_id)


@router.post(
    "/students/{student_id}/observations", operation_id="gifted-observation-create", status_code=201
)
async def record_observation(
    student_id: uuid.UUID, data: ObservationIn, uow: Uow, principal: CurrentPrincipal
) -> ObservationRead:
    """Record the classroom observation (all 14 skills, 1-5 or not observed). The
    recommendation starts its follow-up: a review date, a task for the HB-specialist, or a
    draft application (individual guidance / a group offering outside the class); from
    'challenge in class' up it also signals the student in the current group overview."""
    return await signalling.record_observation(uow, principal, student_id, data)


@router.get("/observations/{observation_id}", operation_id="gifted-observation-get")
async def get_observation(
    observation_id: uuid.UUID, uow: Uow, principal: CurrentPrincipal
) -> ObservationRead:
    return await signalling.get_observation(uow, principal, observation_id)


@router.post(
    "/students/{student_id}/self-assessments",
    operation_id="gifted-self-assessment-create",
    status_code=201,
)
async def record_self_assessment(
    student_id: uuid.UUID, data: SelfAssessmentIn, uow: Uow, principal: CurrentPrincipal
) -> SelfAssessmentRead:
    """ "Jij en jouw executieve vaardigheden": up to three strengths and three attention points
    per column (denken, doen); a skill is not both."""
    return await signalling.record_self_assessment(uow, principal, student_id, data)


@router.post(
    "/students/{student_id}/needs-intakes", operation_id="gifted-intake-create", status_code=201
)
async def create_intake(
    student_id: uuid.UUID, response: Response, uow: Uow, principal: CurrentPrincipal
) -> NeedsIntakeRead:
    """Start a needs intake (student, teacher/mentor and parents each answer their questions)."""
    return _tag(response, await signalling.create_intake(uow, principal, student_id))


@router.get("/needs-intakes/{intake_id}", operation_id="gifted-intake-get")
async def get_intake(
    intake_id: uuid.UUID, response: Response, uow: Uow, principal: CurrentPrincipal
) -> NeedsIntakeRead:
    return _tag(response, await signalling.get_intake(uow, principal, intake_id))


@router.put(
    "/needs-intakes/{intake_id}/sections/{informant}",
    operation_id="gifted-intake-section",
    responses=LOCKED,
)
async def write_intake_section(
    intake_id: uuid.UUID,
    informant: Informant,
    data: IntakeSectionIn,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> NeedsIntakeRead:
    """One informant's answers (only that informant's question codes)."""
    intake = await signalling.write_intake_section(
        uow, principal, intake_id, informant, version_from_if_match(if_match), data
    )
    return _tag(response, intake)


# -- support profile, gifted case, overview -------------------------------------------------
@router.get("/students/{student_id}/support-profile", operation_id="gifted-profile-get")
async def get_profile(
    student_id: uuid.UUID, response: Response, uow: Uow, principal: CurrentPrincipal
) -> SupportProfileRead:
    """The profile (version 0 until saved); 'dubbel bijzonder' is null for whoever may not
    see it (only care, HB staff and the mentor may)."""
    return _tag(response, await profile.get_profile(uow, principal, student_id))


@router.put(
    "/students/{student_id}/support-profile", operation_id="gifted-profile-put", responses=LOCKED
)
async def put_profile(
    student_id: uuid.UUID,
    data: SupportProfileWrite,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> SupportProfileRead:
    profile_read = await profile.put_profile(
        uow, principal, student_id, version_from_if_match(if_match), data
    )
    return _tag(response, profile_read)


@router.post("/students/{student_id}/gifted-case", operation_id="gifted-case-open", status_code=201)
async def open_gifted_case(
    student_id: uuid.UUID, data: GiftedCaseIn, uow: Uow, principal: CurrentPrincipal
) -> CaseRead:
    """A complex gifted case into the case routing: the school's 'hb-multidisciplinair' route,
    with the required case coordinator; the profile's complexity becomes 'complex'."""
    return await profile.open_gifted_case(uow, principal, student_id, data)


@router.get("/schools/{school_id}/gifted-overview", operation_id="gifted-overview")
async def gifted_overview(
    school_id: uuid.UUID, uow: Uow, principal: CurrentPrincipal
) -> GiftedOverview:
    """The HB-specialist's overview: every signalled or observed student with their
    offerings, goals and outcomes, and what waits (observations, reviews, applications)."""
    return await profile.overview(uow, principal, school_id)


# -- offerings ------------------------------------------------------------------------------
@router.get("/schools/{school_id}/offerings", operation_id="gifted-offerings-list")
async def list_offerings(
    school_id: uuid.UUID,
    uow: Uow,
    principal: CurrentPrincipal,
    include_archived: bool = False,
) -> OfferingCatalogue:
    """The school's own offerings and the regional (bovenschools) offerings of its SWV."""
    return await offerings.catalogue(uow, principal, school_id, include_archived=include_archived)


@router.post(
    "/schools/{school_id}/offerings", operation_id="gifted-offering-create", status_code=201
)
async def create_offering(
    school_id: uuid.UUID,
    data: OfferingWrite,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
) -> OfferingRead:
    return _tag(response, await offerings.create_offering(uow, principal, school_id, data))


@router.get("/offerings/{offering_id}", operation_id="gifted-offering-get")
async def get_offering(
    offering_id: uuid.UUID, response: Response, uow: Uow, principal: CurrentPrincipal
) -> OfferingRead:
    return _tag(response, await offerings.get_offering(uow, principal, offering_id))


@router.put("/offerings/{offering_id}", operation_id="gifted-offering-update", responses=LOCKED)
async def update_offering(
    offering_id: uuid.UUID,
    data: OfferingWrite,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> OfferingRead:
    read = await offerings.update_offering(
        uow, principal, offering_id, version_from_if_match(if_match), data
    )
    return _tag(response, read)


@router.get("/offerings/{offering_id}/applications", operation_id="gifted-offering-queue")
async def application_queue(
    offering_id: uuid.UUID, uow: Uow, principal: CurrentPrincipal
) -> ApplicationQueue:
    """The committee's queue: applications to decide, the ordered waitlist, decisions."""
    return await admissions.queue(uow, principal, offering_id)


@router.put("/offerings/{offering_id}/waitlist", operation_id="gifted-waitlist-order")
async def order_waitlist(
    offering_id: uuid.UUID, data: WaitlistOrder, uow: Uow, principal: CurrentPrincipal
) -> ApplicationQueue:
    """The committee orders the waitlist (all waitlisted applications, each once)."""
    return await admissions.order_waitlist(uow, principal, offering_id, data)


@router.get("/offerings/{offering_id}/enrolments", operation_id="gifted-offering-enrolments")
async def offering_enrolments(
    offering_id: uuid.UUID,
    uow: Uow,
    principal: CurrentPrincipal,
    status: Literal["active", "ended"] | None = None,
) -> list[EnrolmentRead]:
    return await enrolments.for_offering(uow, principal, offering_id, status)


@router.get("/offerings/{offering_id}/impact", operation_id="gifted-offering-impact")
async def offering_impact(
    offering_id: uuid.UUID, uow: Uow, principal: CurrentPrincipal
) -> OfferingImpact:
    """Per construct the participants' change between their first and last measurement:
    descriptive, not causal; cells under the minimum are suppressed."""
    return await impact.offering_impact(uow, principal, offering_id)


# -- applications ---------------------------------------------------------------------------
@router.post("/applications", operation_id="gifted-application-create", status_code=201)
async def create_application(
    data: ApplicationCreate, response: Response, uow: Uow, principal: CurrentPrincipal
) -> ApplicationRead:
    """A draft application (aanmelding) for a student."""
    return _tag(response, await admissions.create_application(uow, principal, data))


@router.get("/applications/{application_id}", operation_id="gifted-application-get")
async def get_application(
    application_id: uuid.UUID, response: Response, uow: Uow, principal: CurrentPrincipal
) -> ApplicationRead:
    return _tag(response, await admissions.get_application(uow, principal, application_id))


@router.patch(
    "/applications/{application_id}", operation_id="gifted-application-update", responses=LOCKED
)
async def update_application(
    application_id: uuid.UUID,
    data: ApplicationUpdate,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> ApplicationRead:
    read = await admissions.update_application(
        uow, principal, application_id, version_from_if_match(if_match), data
    )
    return _tag(response, read)


@router.post(
    "/applications/{application_id}/submit",
    operation_id="gifted-application-submit",
    responses=LOCKED,
)
async def submit_application(
    application_id: uuid.UUID,
    data: ApplicationSubmit,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> ApplicationRead:
    """Submit on a route the offering allows; freezes what the committee will see."""
    read = await admissions.submit(
        uow, principal, application_id, version_from_if_match(if_match), data
    )
    return _tag(response, read)


@router.post(
    "/applications/{application_id}/withdraw",
    operation_id="gifted-application-withdraw",
    responses=LOCKED,
)
async def withdraw_application(
    application_id: uuid.UUID,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> ApplicationRead:
    read = await admissions.withdraw(
        uow, principal, application_id, version_from_if_match(if_match)
    )
    return _tag(response, read)


@router.post(
    "/applications/{application_id}/decision",
    operation_id="gifted-application-decide",
    responses=LOCKED,
)
async def decide_application(
    application_id: uuid.UUID,
    data: ApplicationDecide,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> ApplicationRead:
    """The committee's decision (at least two members, the caller one of them): admitted,
    waitlisted (at the end of the list) or rejected (reason required); admitting over capacity
    is an exception with a recorded reason."""
    read = await admissions.decide(
        uow, principal, application_id, version_from_if_match(if_match), data
    )
    return _tag(response, read)


# -- enrolments -----------------------------------------------------------------------------
@router.post("/offering-enrolments", operation_id="gifted-enrolment-create", status_code=201)
async def enrol(
    data: EnrolmentCreate, response: Response, uow: Uow, principal: CurrentPrincipal
) -> EnrolmentRead:
    """Enrol an admitted student: goals, the review rhythm (13 weeks = quarterly), the plan for
    the regular class and, outside the home school, the stamschool agreements."""
    return _tag(response, await enrolments.enrol(uow, principal, data))


@router.get("/offering-enrolments/{enrolment_id}", operation_id="gifted-enrolment-get")
async def get_enrolment(
    enrolment_id: uuid.UUID, response: Response, uow: Uow, principal: CurrentPrincipal
) -> EnrolmentRead:
    return _tag(response, await enrolments.get_enrolment(uow, principal, enrolment_id))


@router.patch(
    "/offering-enrolments/{enrolment_id}", operation_id="gifted-enrolment-update", responses=LOCKED
)
async def update_enrolment(
    enrolment_id: uuid.UUID,
    data: EnrolmentUpdate,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> EnrolmentRead:
    read = await enrolments.update_enrolment(
        uow, principal, enrolment_id, version_from_if_match(if_match), data
    )
    return _tag(response, read)


@router.post(
    "/offering-enrolments/{enrolment_id}/reviews",
    operation_id="gifted-enrolment-review",
    responses=LOCKED,
    status_code=201,
)
async def review_enrolment(
    enrolment_id: uuid.UUID,
    data: ReviewIn,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> EnrolmentRead:
    """A review of every goal with the student and parents; sets the next review date."""
    read = await enrolments.review(
        uow, principal, enrolment_id, version_from_if_match(if_match), data
    )
    return _tag(response, read)


@router.post(
    "/offering-enrolments/{enrolment_id}/exit",
    operation_id="gifted-enrolment-exit",
    responses=LOCKED,
)
async def exit_enrolment(
    enrolment_id: uuid.UUID,
    data: ExitIn,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> EnrolmentRead:
    """End the enrolment: 'goals_met' only when every goal is achieved."""
    read = await enrolments.exit_enrolment(
        uow, principal, enrolment_id, version_from_if_match(if_match), data
    )
    return _tag(response, read)


# -- keuze-uren -----------------------------------------------------------------------------
@router.get("/schools/{school_id}/choice-hour-policy", operation_id="gifted-choice-policy-get")
async def get_choice_policy(
    school_id: uuid.UUID, response: Response, uow: Uow, principal: CurrentPrincipal
) -> ChoiceHourPolicyRead:
    return _tag(response, await choice_hours.get_policy(uow, principal, school_id))


@router.put(
    "/schools/{school_id}/choice-hour-policy",
    operation_id="gifted-choice-policy-put",
    responses=LOCKED,
)
async def put_choice_policy(
    school_id: uuid.UUID,
    data: ChoiceHourPolicyWrite,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> ChoiceHourPolicyRead:
    read = await choice_hours.put_policy(
        uow, principal, school_id, version_from_if_match(if_match), data
    )
    return _tag(response, read)


@router.get("/schools/{school_id}/choice-hours", operation_id="gifted-choice-hours-list")
async def list_choice_hours(
    school_id: uuid.UUID,
    uow: Uow,
    principal: CurrentPrincipal,
    mine: bool = Query(default=False, description="Only lessons I teach (subject teacher)."),
    student_id: uuid.UUID | None = None,
    from_date: date | None = Query(default=None, alias="from"),
    to_date: date | None = Query(default=None, alias="to"),
) -> list[ChoiceHourRead]:
    return await choice_hours.list_requests(
        uow,
        principal,
        school_id,
        mine=mine,
        student_id=student_id,
        from_date=from_date,
        to_date=to_date,
    )


@router.post("/choice-hours", operation_id="gifted-choice-hour-create", status_code=201)
async def request_choice_hour(
    data: ChoiceHourCreate, response: Response, uow: Uow, principal: CurrentPrincipal
) -> ChoiceHourRead:
    """Register a keuze-uur: checked against the school's policy (hours a week, notice)."""
    return _tag(response, await choice_hours.create_request(uow, principal, data))


@router.post(
    "/choice-hours/{request_id}/decision",
    operation_id="gifted-choice-hour-decide",
    responses=LOCKED,
)
async def decide_choice_hour(
    request_id: uuid.UUID,
    data: ChoiceHourDecision,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> ChoiceHourRead:
    """The subject teacher acknowledges or declines (a test in the lesson always declines)."""
    read = await choice_hours.decide(
        uow, principal, request_id, version_from_if_match(if_match), data
    )
    return _tag(response, read)


@router.post(
    "/choice-hours/{request_id}/attendance",
    operation_id="gifted-choice-hour-attendance",
    responses=LOCKED,
)
async def mark_choice_attendance(
    request_id: uuid.UUID,
    data: AttendanceIn,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> ChoiceHourRead:
    """The subject teacher marks the student present (aanwezig) or absent."""
    read = await choice_hours.mark_attendance(
        uow, principal, request_id, version_from_if_match(if_match), data
    )
    return _tag(response, read)


@router.post(
    "/choice-hours/{request_id}/check", operation_id="gifted-choice-hour-check", responses=LOCKED
)
async def check_choice_hour(
    request_id: uuid.UUID,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> ChoiceHourRead:
    """The HB-specialist or mentor checked the student was where they said."""
    read = await choice_hours.check(uow, principal, request_id, version_from_if_match(if_match))
    return _tag(response, read)


@router.post(
    "/choice-hours/{request_id}/cancel", operation_id="gifted-choice-hour-cancel", responses=LOCKED
)
async def cancel_choice_hour(
    request_id: uuid.UUID,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> ChoiceHourRead:
    read = await choice_hours.cancel(uow, principal, request_id, version_from_if_match(if_match))
    return _tag(response, read)


# -- guidance periods -----------------------------------------------------------------------
@router.post("/guidance-periods", operation_id="gifted-guidance-create", status_code=201)
async def create_guidance(
    data: GuidanceCreate, response: Response, uow: Uow, principal: CurrentPrincipal
) -> GuidanceRead:
    """A guidance period (begeleidingsperiode) with the student's portfolio goals."""
    return _tag(response, await guidance.create_period(uow, principal, data))


@router.get("/guidance-periods/{period_id}", operation_id="gifted-guidance-get")
async def get_guidance(
    period_id: uuid.UUID, response: Response, uow: Uow, principal: CurrentPrincipal
) -> GuidanceRead:
    return _tag(response, await guidance.get_period(uow, principal, period_id))


@router.patch(
    "/guidance-periods/{period_id}", operation_id="gifted-guidance-update", responses=LOCKED
)
async def update_guidance(
    period_id: uuid.UUID,
    data: GuidanceUpdate,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> GuidanceRead:
    read = await guidance.update_period(
        uow, principal, period_id, version_from_if_match(if_match), data
    )
    return _tag(response, read)


@router.post(
    "/guidance-periods/{period_id}/phase", operation_id="gifted-guidance-phase", responses=LOCKED
)
async def advance_guidance(
    period_id: uuid.UUID,
    data: PhaseIn,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> GuidanceRead:
    """Move to the next of the seven phases (in order; 409 otherwise, naming the next one)."""
    read = await guidance.advance(uow, principal, period_id, version_from_if_match(if_match), data)
    return _tag(response, read)


@router.post(
    "/guidance-periods/{period_id}/monitoring",
    operation_id="gifted-guidance-monitoring",
    responses=LOCKED,
)
async def add_monitoring(
    period_id: uuid.UUID,
    data: MonitoringNoteIn,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> GuidanceRead:
    """A monitoring note on one portfolio goal (the student's logbook)."""
    read = await guidance.add_monitoring(
        uow, principal, period_id, version_from_if_match(if_match), data
    )
    return _tag(response, read)


@router.post(
    "/guidance-periods/{period_id}/checkins",
    operation_id="gifted-guidance-checkin",
    responses=LOCKED,
    status_code=201,
)
async def add_checkin(
    period_id: uuid.UUID,
    data: CheckinIn,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> GuidanceRead:
    """A progress meeting; stagnation needs its cause (content, approach, other)."""
    read = await guidance.add_checkin(
        uow, principal, period_id, version_from_if_match(if_match), data
    )
    return _tag(response, read)


@router.post(
    "/guidance-periods/{period_id}/close", operation_id="gifted-guidance-close", responses=LOCKED
)
async def close_guidance(
    period_id: uuid.UUID,
    response: Response,
    uow: Uow,
    principal: CurrentPrincipal,
    if_match: IfMatch = None,
) -> GuidanceRead:
    """Close in the reflection phase, with every goal evaluated and a handover note."""
    read = await guidance.close_period(uow, principal, period_id, version_from_if_match(if_match))
    return _tag(response, read)


# -- measurements ---------------------------------------------------------------------------
@router.post(
    "/students/{student_id}/measurements", operation_id="gifted-measurement-create", status_code=201
)
async def record_measurement(
    student_id: uuid.UUID, data: MeasurementIn, uow: Uow, principal: CurrentPrincipal
) -> MeasurementRead:
    """One wave (T0, T1, ...) of the student's questionnaire; a wave is recorded once."""
    return await impact.record_measurement(uow, principal, student_id, data)
