"""The inzage export (AVG art. 15): everything the school holds about one student, as one
document. Written field by field from the table models (never auto-mapped)."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from pydantic import BaseModel, Field


class ExportExternalId(BaseModel):
    source: str
    external_id: str


class ExportStudent(BaseModel):
    id: uuid.UUID
    given_name: str
    preferred_name: str | None
    infix: str | None
    family_name: str
    date_of_birth: date
    eck_id: str | None
    external_ids: list[ExportExternalId]
    created_at: datetime
    updated_at: datetime


class ExportGuardian(BaseModel):
    """A parent or carer as linked to the student. Contact details are left out on purpose:
    they are the guardian's own data, and a copy for one parent must not hand the other
    parent's address or phone number over (AVG art. 15(4))."""

    given_name: str
    infix: str | None
    family_name: str
    relation: str
    parental_authority: bool = Field(description="Holds parental authority (gezag)")


class ExportStaffName(BaseModel):
    role: str = Field(description="mentor or teacher")
    subject: str | None
    given_name: str
    infix: str | None
    family_name: str


class ExportEnrolment(BaseModel):
    group_name: str
    group_kind: str
    grade: int
    track: str | None
    subject: str | None
    school_year: str
    start_date: date | None
    end_date: date | None
    staff: list[ExportStaffName] = Field(description="Who mentors or teaches this group")


class ExportNote(BaseModel):
    id: uuid.UUID
    category: str
    subject: str | None
    body: str
    author_name: str
    created_at: datetime
    updated_at: datetime


class ExportConsent(BaseModel):
    id: uuid.UUID
    purpose: str
    recipient: str | None
    granted: bool
    given_by: str = Field(description="guardian or student")
    guardian_name: str | None = Field(
        description="The guardian who decided, when given_by=guardian"
    )
    method: str
    given_on: date
    note: str | None
    recorded_by: str
    withdrawn_at: datetime | None
    withdrawn_by: str | None
    withdrawal_note: str | None


class ExportDisclosure(BaseModel):
    """A verstrekking: with whom data about the student was shared, why and on what basis."""

    id: uuid.UUID
    recipient_kind: str
    recipient_name: str
    purpose: str
    basis: str = Field(description="consent, or the legal ground used instead")
    consent_id: uuid.UUID | None
    legal_ground: str | None
    explanation: str | None
    data_categories: list[str]
    disclosed_at: datetime
    disclosed_by: str


class ExportAccessGrant(BaseModel):
    id: uuid.UUID
    partner_name: str = Field(description="The external partner's display name")
    purpose: str
    valid_from: datetime
    valid_until: datetime
    granted_by: str
    revoked_at: datetime | None


class ExportLegalHold(BaseModel):
    """A legal hold (bewaarplicht): while active, nothing about the student is removed."""

    id: uuid.UUID
    reason: str
    placed_by: str
    placed_at: datetime
    lifted_at: datetime | None
    lifted_by: str | None


class ExportAuditEvent(BaseModel):
    """Who looked at or changed the student's records (details are not part of the export)."""

    occurred_at: datetime
    actor_id: str | None
    actor_name: str | None = Field(description="Display name, when the actor is a staff account")
    actor_role: str | None
    action: str
    purpose: str | None


# -- Handelingsgericht werken (HGW) and support ----------------------------------------------
class ExportGoal(BaseModel):
    text: str
    desired_behaviour: bool = Field(description="Phrased as desired behaviour")
    measure: str = Field(description="How we see that it is reached")
    target_date: date | None


class ExportOverviewRow(BaseModel):
    """The student's row in a group overview (groepsoverzicht) of one HGW cycle period."""

    id: uuid.UUID
    group_name: str
    period_name: str
    period_starts_on: date
    period_ends_on: date
    cycle: str = Field(description="A: cross-subject (mentor); B: subject-specific")
    subject: str | None = Field(description="The subject of a cycle B overview")
    observations: str
    student_conversation: str
    parent_conversation: str
    agreements: str
    stimulating_factors: str
    hindering_factors: str
    strengths: str
    work_attitude: str
    particulars: str = Field(
        description="Bijzonderheden; only mentor and care staff see these in the app"
    )
    instruction_level: str | None
    updated_by_name: str
    updated_at: datetime


class ExportResult(BaseModel):
    """A test result or a social-emotional (SEO) score, entered or imported from the LVS."""

    id: uuid.UUID
    kind: str = Field(description="test or seo")
    domain: str
    instrument: str
    respondent: str | None = Field(description="Who filled in an SEO questionnaire")
    taken_on: date
    score: float | None
    level: str | None
    source: str = Field(description="entered, or the LVS it was imported from")
    external_id: str | None = Field(description="The LVS's id of an imported result")
    entered_by_name: str
    created_at: datetime


class ExportSignal(BaseModel):
    """Signalering: the student needs extra attention in the coming period."""

    id: uuid.UUID
    group_name: str
    period_name: str
    category: str
    mode: str
    basis: list[str]
    note: str
    created_by_name: str
    created_at: datetime
    confirmed_at: datetime | None = Field(description="Confirmed in the group meeting")


class ExportNeedItem(BaseModel):
    category: str = Field(description="Heading of the begrijpwijzer, e.g. instruction")
    phrase: str = Field(description="The helper sentence chosen, if any")
    text: str


class ExportNeed(BaseModel):
    """Onderwijsbehoefte: goals for a period and what the student needs to reach them."""

    id: uuid.UUID
    group_name: str | None = Field(description="The group overview it was named in, if any")
    period_name: str | None
    scope: str
    domain: str
    nature: str
    subject: str | None
    goals: list[ExportGoal]
    items: list[ExportNeedItem]
    uses_talents: str
    set_with_student: bool
    student_view: str = Field(description="The student's own words")
    valid_from: date
    valid_until: date
    author_name: str
    created_at: datetime
    updated_at: datetime


class ExportMeetingDecision(BaseModel):
    """A decision about the student in a group meeting (groepsbespreking)."""

    group_name: str
    period_name: str
    meeting_status: str = Field(description="scheduled or held")
    scheduled_on: date
    held_on: date | None
    decision: str
    note: str


class ExportGoalOutcome(BaseModel):
    goal_text: str
    result: str = Field(description="reached, partly or not_reached")


class ExportPlanRow(BaseModel):
    """A row of a group plan that names the student, with this student's results per goal.
    The other students of the row are not part of the export."""

    id: uuid.UUID
    plan_id: uuid.UUID
    group_name: str
    period_name: str
    cycle: str
    subject: str | None
    plan_type: str
    plan_status: str
    starts_on: date
    ends_on: date
    name: str
    target: str = Field(description="subgroup or student")
    domain: str
    goals: list[ExportGoal]
    content: str
    approach: str
    organisation: str
    delivery_mode: str | None
    delivered_by: str
    evaluation_plan: str
    activities_done: bool | None
    outcomes: list[ExportGoalOutcome] = Field(description="This student's result per goal")
    continuation: str | None
    causes: str


class ExportIndividualPlan(BaseModel):
    """Individueel handelingsplan (IHP), an appendix of a group plan."""

    id: uuid.UUID
    plan_id: uuid.UUID
    group_name: str
    period_name: str
    plan_status: str
    starts_on: date
    ends_on: date
    kind: str
    decided_by: str
    need_ids: list[uuid.UUID]
    goals: list[ExportGoal]
    learning_yield_expectation: str
    content: str
    approach: str
    organisation: str
    evaluation_plan: str
    parent_agreements: str
    student_view: str = Field(description="How the student was involved, in their own words")
    parent_signed_by_name: str | None
    parent_signed_on: date | None
    evaluation: str
    evaluated_with_student: bool
    evaluated_with_parents: bool
    author_name: str
    created_at: datetime
    updated_at: datetime


class ExportYieldExpectation(BaseModel):
    subject: str
    horizon: str
    expectation: str


class ExportFactor(BaseModel):
    kind: str = Field(description="stimulating or hindering")
    locus: str
    text: str


class ExportPerspectiveVersion(BaseModel):
    id: uuid.UUID
    number: int
    kind: str
    expected_outflow: str
    destination: str
    yield_expectations: list[ExportYieldExpectation]
    factors: list[ExportFactor]
    needs: str
    support_offered: str
    long_term_goals: list[str]
    talents: str
    student_view: str
    parents_view: str
    determined_with_student: bool
    determined_with_parents: bool
    determined_on: date
    author_name: str
    created_at: datetime


class ExportDevelopmentPerspective(BaseModel):
    """Ontwikkelingsperspectief (OPP) with every determined version, oldest first."""

    id: uuid.UUID
    support_started_on: date
    support_description: str
    ended_on: date | None
    created_at: datetime
    versions: list[ExportPerspectiveVersion]


class ExportSupport(BaseModel):
    """The records of the HGW cycle about the student, whoever may see them in the app."""

    overview_rows: list[ExportOverviewRow]
    results: list[ExportResult]
    signals: list[ExportSignal]
    needs: list[ExportNeed]
    meeting_decisions: list[ExportMeetingDecision]
    plan_rows: list[ExportPlanRow]
    individual_plans: list[ExportIndividualPlan]
    development_perspective: ExportDevelopmentPerspective | None


# -- Case routing (zorgtrajecten) -------------------------------------------------------------
class ExportFactors(BaseModel):
    """Strengths or hindering factors, by where they are."""

    student: str
    school: str
    family: str


class ExportRegistrationForm(BaseModel):
    """The fields of an IZO or ZAT registration form (aanmeldingsformulier)."""

    problem: str
    onset_cause: str
    functioning_at_home: str = Field(description="Restricted in the app")
    support_types: list[str]
    support_other: str
    already_done: str
    earlier_help: str
    earlier_discussed: str
    earlier_investigation: str
    diagnosed_disorder: str = Field(description="Restricted in the app")
    learning_results: str
    social_emotional: str
    interaction: str
    work_attitude: str
    motivation: str
    attendance: str
    other: str
    request_types: list[str] = Field(description="What the school asks of the ZAT")


class ExportCaseSnapshot(BaseModel):
    """The case file as it was when the registration was submitted."""

    reasons: list[str]
    help_question_student: str | None
    help_question_parents: str | None
    guidance_question: str | None
    strengths: ExportFactors
    hindering: ExportFactors
    school_career: str | None
    prior_support: str | None
    parents_informed: bool | None


class ExportCaseRegistration(BaseModel):
    id: uuid.UUID
    kind: str = Field(description="izo or zat")
    status: str
    form: ExportRegistrationForm
    snapshot: ExportCaseSnapshot | None = Field(description="The case file frozen on submission")
    submitted_at: datetime | None
    submitted_by: str | None
    created_at: datetime
    updated_at: datetime


class ExportCaseScreening(BaseModel):
    """The screening of a registration by the zorgcoördinator or the IB'er."""

    id: uuid.UUID
    registration_kind: str
    right_line: bool
    questions_clear: bool
    prior_line_exhausted: bool
    parents_student_aware: bool
    outcome: str
    missing_items: list[str]
    proposed_actions: str | None
    notes: str | None
    screened_by: str
    screened_at: datetime


class ExportCaseConversation(BaseModel):
    """A conversation with the student or the parents about the case."""

    id: uuid.UUID
    with_whom: str = Field(description="student or parents")
    moment: str = Field(description="before, after, kickoff or evaluation")
    forum: str | None
    held_on: date
    participants: str | None
    summary: str = Field(description="Restricted in the app")
    agreements: str | None
    recorded_by: str
    created_at: datetime


class ExportCaseDiscussion(BaseModel):
    """The case on a care meeting's agenda and its minutes. Of the meeting only its title,
    forum and date: the other cases and the members are not part of the export."""

    id: uuid.UUID
    meeting_title: str
    meeting_forum: str = Field(description="izo, zat, leerlingbespreking, ondersteuningsteam, mdo")
    meeting_scheduled_at: datetime
    meeting_status: str
    meeting_held_at: datetime | None
    kind: str = Field(description="new or progress")
    minutes: dict[str, str] = Field(description="The forum's report fields")
    decisions: list[str]
    evaluation_on: date | None
    informs_student_parents: str | None
    relays_advice_to_school: str | None
    discussed_at: datetime | None
    recorded_by: str | None


class ExportActionItem(BaseModel):
    """A line of the plan van aanpak."""

    id: uuid.UUID
    discussion_id: uuid.UUID | None = Field(description="The minutes that set it, if any")
    description: str
    goal: str | None
    owner_name: str
    organisation: str | None
    due_on: date
    status: str
    report: str | None
    done_at: datetime | None
    created_at: datetime


class ExportIntervention(BaseModel):
    """Internal care or coaching, with the effect as the student and the parents saw it."""

    id: uuid.UUID
    kind: str
    goal: str
    provider: str
    starts_on: date
    ends_on: date | None
    frequency: str | None
    evaluation_on: date | None
    status: str
    outcome: str | None
    effect_student: str | None
    effect_student_note: str | None
    effect_parents: str | None
    effect_parents_note: str | None
    transferred_to_class: bool
    created_at: datetime


class ExportReferral(BaseModel):
    """A referral to external care (jeugdgezondheidszorg, jeugdhulp, leerplicht, ...)."""

    id: uuid.UUID
    target: str
    organisation: str | None
    reason: str
    referred_on: date
    consent_id: uuid.UUID | None = Field(description="The consent the sharing rests on")
    legal_ground: str | None
    status: str
    started_on: date | None
    feedback: str | None
    created_at: datetime


class ExportEffort(BaseModel):
    what: str
    period: str
    result: str


class ExportSwvRequest(BaseModel):
    """An arrangement request to the samenwerkingsverband, with its decision and start."""

    id: uuid.UUID
    request_type: str
    temporary: bool
    goals: str
    documented_efforts: list[ExportEffort]
    requested_start: date
    requested_on: date
    consent_id: uuid.UUID | None
    decision: str = Field(description="pending, granted, rejected or withdrawn")
    decided_on: date | None
    decision_note: str | None
    starts_on: date | None
    ended_on: date | None
    created_at: datetime


class ExportCaseClosure(BaseModel):
    evaluated_with_student: bool
    evaluated_with_parents: bool
    outcome: str
    evaluation: str
    aftercare: str
    provisional: bool


class ExportCaseEvent(BaseModel):
    """A line of the case's timeline (the ids in its details point to the records above and are
    left out)."""

    at: datetime
    kind: str
    action: str | None
    step_label: str | None = Field(description="The route's name of the step, for a step")
    from_state: str | None
    from_state_name: str | None
    to_state: str | None
    to_state_name: str | None
    actor_name: str
    reason: str | None


class ExportCase(BaseModel):
    """Zorgtraject: the student's case on the school's route, with everything it holds, the
    restricted parts (home situation, conversation reports) included."""

    id: uuid.UUID
    route_key: str
    route_revision: int
    route_name: str
    state: str
    state_name: str
    level_name: str
    complexity: str
    origin: str
    registrant_name: str
    coordinator_name: str | None = Field(description="Casusregisseur")
    parent_contact_name: str | None
    reasons: list[str]
    help_question_student: str | None
    help_question_parents: str | None
    guidance_question: str | None
    strengths: ExportFactors
    hindering: ExportFactors
    school_career: str | None
    prior_support: str | None
    home_situation: str | None = Field(description="Restricted in the app")
    zat_question: str | None
    parents_informed: bool
    parents_not_informed_reason: str | None
    evaluation_on: date | None
    opened_at: datetime
    first_discussed_at: datetime | None
    state_since: datetime
    closed_at: datetime | None
    closure_provisional: bool
    closure_outcome: str | None
    closure: ExportCaseClosure | None
    updated_at: datetime
    registrations: list[ExportCaseRegistration]
    screenings: list[ExportCaseScreening]
    conversations: list[ExportCaseConversation]
    discussions: list[ExportCaseDiscussion]
    action_items: list[ExportActionItem]
    interventions: list[ExportIntervention]
    referrals: list[ExportReferral]
    swv_requests: list[ExportSwvRequest]
    events: list[ExportCaseEvent] = Field(description="The timeline, oldest first")


# -- Gifted education ((hoog)begaafdheid) ----------------------------------------------------
class ExportGiftedProfile(BaseModel):
    """Ondersteuningsprofiel (hoog)begaafdheid, with the restricted dubbel bijzonder."""

    signalled_gifted: bool = Field(description="Gesignaleerd als (hoog)begaafd")
    signalled_on: date | None
    underachievement_suspected: bool = Field(description="Vermoeden van onderpresteren")
    twice_exceptional: bool = Field(description="Dubbel bijzonder; restricted in the app")
    twice_exceptional_note: str = Field(description="What the other need is; restricted")
    complexity: str = Field(description="none, light, moderate or complex")
    created_at: datetime
    updated_at: datetime


class ExportSkillScore(BaseModel):
    skill: str
    skill_name: str = Field(description="The instrument's Dutch name of the skill")
    score: int | None = Field(description="1 (niet zichtbaar) .. 5 (volledig); null: not observed")
    explanation: str


class ExportSkillObservation(BaseModel):
    """Observatie-instrument: the 14 skills scored in the class, remarks and a recommendation."""

    id: uuid.UUID
    observed_on: date
    observer_name: str
    by_specialist: bool = Field(description="Observed by the specialist (hoog)begaafdheid")
    scores: list[ExportSkillScore] = Field(description="The 14 skills in the instrument's order")
    remarks: str
    recommendation: str
    recommendation_text: str = Field(description="The instrument's wording of the recommendation")
    review_on: date | None = Field(description="When to look again")
    follow_up_done_at: datetime | None
    created_at: datetime


class ExportSelfAssessmentSkill(BaseModel):
    skill: str
    skill_name: str
    category: str = Field(description="denken or doen")


class ExportSelfAssessment(BaseModel):
    """The student's own view ("Jij en jouw executieve vaardigheden"), then discussed with the
    teacher."""

    id: uuid.UUID
    filled_on: date
    strengths: list[ExportSelfAssessmentSkill] = Field(description="Waar ben je goed in")
    attention_points: list[ExportSelfAssessmentSkill] = Field(description="Wat kan beter")
    student_words: str = Field(description="The student's own words")
    discussed_on: date | None
    agreed_adjustments: str
    entered_by_name: str
    created_at: datetime


class ExportIntakeAnswer(BaseModel):
    question: str = Field(description="The question's code (s1..s5, t1..t5, p1..p4)")
    question_text: str
    answer: str


class ExportIntakeSection(BaseModel):
    informant: str = Field(description="student, teacher or parents")
    respondent: str
    answered_on: date | None
    answers: list[ExportIntakeAnswer]


class ExportNeedsIntake(BaseModel):
    """Behoefte van de leerling en inhoud van het aanbod buiten de klas, per informant."""

    id: uuid.UUID
    sections: list[ExportIntakeSection] = Field(description="Only the informants who answered")
    created_at: datetime
    updated_at: datetime


class ExportApplicationSnapshot(BaseModel):
    """What the admissions committee read of the student, frozen on submission."""

    student_name: str
    group_name: str
    school_name: str
    grade: str
    observation_id: uuid.UUID | None = Field(description="The observation sent with it")
    needs_intake: list[ExportIntakeSection] = Field(
        description="The needs intake as it was sent (it may have changed since)"
    )


class ExportGiftedApplication(BaseModel):
    """Aanmelding for an offering, with the committee's decision and who decided."""

    id: uuid.UUID
    kind: str = Field(description="group or individual")
    offering_name: str | None
    offering_kind: str | None
    offering_kind_name: str | None
    offering_school_name: str | None = Field(description="The school that runs the offering")
    route: str | None = Field(description="parents, intern_begeleider or swv")
    status: str = Field(description="draft, submitted, admitted, waitlisted, rejected or withdrawn")
    motivation: str
    observation_id: uuid.UUID | None
    needs_intake_id: uuid.UUID | None
    snapshot: ExportApplicationSnapshot | None = Field(description="Frozen on submission")
    created_by_name: str
    created_at: datetime
    submitted_by_name: str
    submitted_at: datetime | None
    decision_reason: str
    exception: bool = Field(description="Deviates from the criteria or the capacity")
    exception_reason: str
    decided_by: list[str] = Field(description="The committee members who decided")
    decided_at: datetime | None
    waitlist_position: int | None
    updated_at: datetime


class ExportEnrolmentGoal(BaseModel):
    text: str
    cognitive: bool
    status: str = Field(description="open, achieved or not_achieved")


class ExportGoalProgress(BaseModel):
    goal_text: str
    progress: str = Field(description="achieved, progressing or not_yet")
    note: str


class ExportEnrolmentReview(BaseModel):
    id: uuid.UUID
    reviewed_on: date
    goal_progress: list[ExportGoalProgress]
    with_student: bool
    with_parents: bool
    class_alignment: str = Field(description="How the regular class kept up")
    notes: str
    decision: str = Field(description="continue or stop")
    next_review_on: date | None
    reviewed_by_name: str


class ExportStamschoolAgreements(BaseModel):
    responsibilities: list[str]
    weekly_contact: str
    gradual_intake: str
    counts_for_report: bool
    report_subjects: str
    parent_contact: str
    home_school_contact: str


class ExportOfferingEnrolment(BaseModel):
    """Deelname aan een onderwijsaanbod: goals, reviews, the plan for the regular class and the
    stamschool agreements."""

    id: uuid.UUID
    application_id: uuid.UUID | None
    offering_name: str | None
    offering_kind: str | None
    offering_kind_name: str | None
    offering_school_name: str | None
    status: str = Field(description="active or ended")
    starts_on: date
    goals: list[ExportEnrolmentGoal]
    review_every_weeks: int
    next_review_on: date
    regular_teacher_name: str
    class_adjustments: str
    alignment: str
    agreements: ExportStamschoolAgreements | None
    ended_on: date | None
    exit_reason: str | None = Field(description="goals_met, not_fitting, transfer or other")
    exit_note: str
    reviews: list[ExportEnrolmentReview]
    created_at: datetime


class ExportChoiceHour(BaseModel):
    """A keuze-uur: the lesson swapped, where the student was and what they did."""

    id: uuid.UUID
    lesson_date: date
    lesson_hour: int
    subject: str
    subject_teacher_name: str | None
    location: str
    activity_kind: str
    activity: str
    status: str = Field(description="requested, acknowledged, declined or cancelled")
    decline_reason: str
    acknowledged_by_name: str
    acknowledged_at: datetime | None
    attendance: str | None = Field(description="present or absent")
    attendance_marked_by_name: str
    checked_by_name: str
    checked_at: datetime | None
    requested_by_name: str
    created_at: datetime


class ExportMonitoringNote(BaseModel):
    on: date | None
    note: str


class ExportPortfolioGoal(BaseModel):
    goal: str
    plan: str
    monitoring: list[ExportMonitoringNote]
    evaluation: str
    achieved: bool | None


class ExportGuidanceAgreement(BaseModel):
    who: str
    what: str
    when: str
    how: str


class ExportGuidanceCheckin(BaseModel):
    id: uuid.UUID
    held_on: date
    progress: str = Field(description="on_track or stagnating")
    stagnation_cause: str | None = Field(description="content, approach or other_circumstances")
    note: str
    adjustments: str
    held_by_name: str


class ExportGuidancePeriod(BaseModel):
    """Begeleidingsperiode with the student's portfolio goals, agreements and check-ins."""

    id: uuid.UUID
    lead_name: str = Field(description="Regievoerder")
    starts_on: date
    ends_on: date | None
    phase: str
    phase_name: str
    status: str = Field(description="open or closed")
    goals: list[ExportPortfolioGoal]
    agreements: list[ExportGuidanceAgreement]
    differentiation: list[str]
    external_factors: str = Field(description="Restricted in the app")
    checkin_every_weeks: int
    student_reflection: str
    handover_note: str
    development_points: str
    transfer_notes: str
    checkins: list[ExportGuidanceCheckin]
    created_at: datetime
    updated_at: datetime


class ExportConstructScore(BaseModel):
    construct_code: str
    construct_name: str
    score: float


class ExportMeasurement(BaseModel):
    """One wave of the student's questionnaire on IMAGE's constructs (1-5)."""

    id: uuid.UUID
    instrument: str
    wave: int = Field(description="0 = T0 (before), 1 = T1, ...")
    wave_name: str
    measured_on: date
    scores: list[ExportConstructScore]
    entered_by_name: str


class ExportGifted(BaseModel):
    """The records of gifted education about the student, whoever may see them in the app."""

    profile: ExportGiftedProfile | None
    observations: list[ExportSkillObservation]
    self_assessments: list[ExportSelfAssessment]
    needs_intakes: list[ExportNeedsIntake]
    applications: list[ExportGiftedApplication]
    enrolments: list[ExportOfferingEnrolment]
    choice_hours: list[ExportChoiceHour]
    guidance_periods: list[ExportGuidancePeriod]
    measurements: list[ExportMeasurement]


class StudentExport(BaseModel):
    generated_at: datetime
    generated_by: str
    school_id: uuid.UUID
    school_name: str
    student: ExportStudent
    guardians: list[ExportGuardian]
    enrolments: list[ExportEnrolment]
    notes: list[ExportNote]
    support: ExportSupport = Field(description="Handelingsgericht werken en ondersteuning")
    cases: list[ExportCase] = Field(
        description="Zorgtrajecten: de casussen van de leerling in de zorgroute van de school, "
        "met aanmeldingen, screenings, gesprekken, verslagen van zorgoverleggen, actiepunten, "
        "interventies, verwijzingen, aanvragen bij het samenwerkingsverband en de tijdlijn"
    )
    gifted: ExportGifted = Field(
        description="Begaafdheid: ondersteuningsprofiel, observaties, zelfbeoordelingen, "
        "behoeftepeilingen, aanmeldingen, deelname aan onderwijsaanbod, keuze-uren, "
        "begeleidingsperiodes en metingen"
    )
    consents: list[ExportConsent]
    disclosures: list[ExportDisclosure]
    access_grants: list[ExportAccessGrant]
    legal_holds: list[ExportLegalHold]
    audit_trail: list[ExportAuditEvent]
