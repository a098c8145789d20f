"""Signalling instruments: the classroom observation, the student's self-assessment and the
needs intake, and the student's gifted page (the instruments side by side). An observation's
recommendation starts its follow-up in the same transaction, and from "challenge in class" up
it signals the student ("learning lead") in their current group overview, so the HGW cycle sees
what the instrument found."""

from __future__ import annotations

import uuid
from typing import Any

from sqlmodel import col, select

from zorgroute.cases.models import CareCase
from zorgroute.cases.policies import visible_cases
from zorgroute.core.db import UnitOfWork
from zorgroute.core.errors import NotFound, ValidationFailed, invalid, require_version
from zorgroute.core.models import school_today, utcnow
from zorgroute.core.security import roles
from zorgroute.core.security.principal import Principal
from zorgroute.gifted import vocabulary as v
from zorgroute.gifted.models import (
    Application,
    GuidancePeriod,
    NeedsIntake,
    Offering,
    OfferingEnrolment,
    OutcomeMeasurement,
    SelfAssessment,
    SkillObservation,
)
from zorgroute.gifted.offerings import usable_offering
from zorgroute.gifted.policies import gifted_access
from zorgroute.gifted.schemas import (
    FollowUp,
    GiftedVocabulary,
    IntakeSection,
    IntakeSectionIn,
    MeasurementRead,
    NeedsIntakeRead,
    ObservationIn,
    ObservationRead,
    SelfAssessmentIn,
    SelfAssessmentRead,
    SkillComparison,
    StudentGifted,
    Term,
)
from zorgroute.hgw.models import GroupOverview, OverviewRow, Signal

OBSERVATION_NOT_FOUND = "There is no observation with this id that you may see."
INTAKE_NOT_FOUND = "There is no needs intake with this id that you may see."
RECOMMENDATION_LABEL = dict(v.RECOMMENDATIONS)
FOLLOW_UP_KIND = {
    "none": "none",
    "challenge_in_class": "review",
    "specialist_observation": "specialist_task",
    "individual_guidance": "application",
    "group_offering": "application",
}
APPLYING = ("individual_guidance", "group_offering")  # recommendations 4 and 5
INDIVIDUAL_KINDS = ("individual_coaching", "individual_programme")
MAX_PER_COLUMN = 3  # "3 sterke ... en 3 ... extra aandacht" per column denken / doen


def vocabulary() -> GiftedVocabulary:
    def terms(pairs: tuple[tuple[str, str], ...]) -> list[Term]:
        return [Term(code=c, label=label) for c, label in pairs]

    return GiftedVocabulary(
        observation_skills=[
            Term(code=c, label=lb, question=q) for c, lb, q in v.OBSERVATION_SKILLS
        ],
        reverse_scored=sorted(v.REVERSE_SCORED),
        recommendations=terms(v.RECOMMENDATIONS),
        self_assessment_skills=[
            Term(code=c, label=lb, category=cat) for c, cat, lb in v.SELF_ASSESSMENT_SKILLS
        ],
        intake_questions={k: terms(qs) for k, qs in v.INTAKE_QUESTIONS.items()},
        offering_kinds=terms(v.OFFERING_TYPES),
        constructs=terms(v.CONSTRUCTS),
        guidance_phases=terms(v.GUIDANCE_PHASES),
    )


# -- observation ----------------------------------------------------------------------------
def observation_read(
    obs: SkillObservation, application_status: str | None = None
) -> ObservationRead:
    kind = FOLLOW_UP_KIND[obs.recommendation]
    done = obs.follow_up_done_at is not None or (
        kind == "application" and application_status not in (None, "draft")
    )
    return ObservationRead(
        id=obs.id,
        student_id=obs.student_id,
        observed_on=obs.observed_on,
        scores=dict(obs.scores),
        explanations=dict(obs.explanations),
        remarks=obs.remarks,
        recommendation=obs.recommendation,
        review_on=obs.review_on,
        observer_name=obs.observer_name,
        by_specialist=obs.by_specialist,
        follow_up=FollowUp(
            kind=kind,
            due_on=obs.review_on,
            application_id=obs.application_id,
            signal_id=obs.signal_id,
            done=kind == "none" or done,
        ),
        created_at=obs.created_at,
    )


def _check_observation(data: ObservationIn) -> None:
    errors = [
        {"pointer": f"/scores/{skill}", "detail": "Score every skill (1-5, or null: not observed)."}
        for skill in v.SKILL_CODES
        if skill not in data.scores
    ]
    errors += [
        {"pointer": f"/scores/{skill}", "detail": "A score is 1 (niet zichtbaar) to 5."}
        for skill, score in data.scores.items()
        if score is not None and not 1 <= score <= 5
    ]
    if all(score is None for score in data.scores.values()):
        errors.append({"pointer": "/scores", "detail": "Score at least one skill."})
    if data.observed_on > school_today():
        errors.append({"pointer": "/observed_on", "detail": "An observation is not in the future."})
    if data.recommendation == "challenge_in_class":
        if data.review_on is None:
            errors.append({"pointer": "/review_on", "detail": "When do you look again?"})
        elif data.review_on <= data.observed_on:
            errors.append(
                {"pointer": "/review_on", "detail": "The review is after the observation."}
            )
    if data.offering_id is not None and data.recommendation not in APPLYING:
        errors.append({"pointer": "/offering_id", "detail": "Only with an application."})
    if errors:
        raise ValidationFailed("The observation is not complete.", errors=errors)


async def _only_individual_offering(uow: UnitOfWork, school_id: uuid.UUID) -> uuid.UUID | None:
    """Individual guidance at a school that offers it one way: the draft names that offering
    (with more than one, or none, whoever completes the application chooses)."""
    found = await uow.scalars(
        select(Offering.id).where(
            Offering.school_id == school_id,
            col(Offering.kind).in_(INDIVIDUAL_KINDS),
            col(Offering.archived).is_(False),
        )
    )
    return found[0] if len(found) == 1 else None


async def _signal(uow: UnitOfWork, principal: Principal, obs: SkillObservation) -> uuid.UUID | None:
    """Signal a learning lead in the student's current (not archived) cycle-A overview."""
    row = await uow.first(
        select(GroupOverview.id)
        .join(OverviewRow, col(OverviewRow.overview_id) == GroupOverview.id)
        .where(
            OverviewRow.student_id == obs.student_id,
            GroupOverview.cycle == "A",
            col(GroupOverview.status) != "archived",
        )
        .order_by(col(GroupOverview.created_at).desc())
    )
    if row is None:
        return None
    existing: uuid.UUID | None = await uow.scalar(
        select(Signal.id).where(
            Signal.overview_id == row,
            Signal.student_id == obs.student_id,
            Signal.category == "learning_lead",
        )
    )
    if existing is not None:
        return existing
    signal = Signal(
        school_id=obs.school_id,
        overview_id=row,
        student_id=obs.student_id,
        category="learning_lead",
        mode="proactive",
        basis=["observation"],
        note=f"Observatie-instrument: {RECOMMENDATION_LABEL[obs.recommendation]}",
        created_by_name=principal.display_name,
    )
    uow.add(signal)
    await uow.flush()
    uow.audit(
        "signal.create", "hgw_signal", signal.id, signal.school_id,
        {"category": "learning_lead", "from": "observation"}, student_id=obs.student_id,
    )  # fmt: skip
    return signal.id


async def _close_follow_ups(uow: UnitOfWork, obs: SkillObservation) -> None:
    """A new observation answers earlier "look again" reviews; one by the HB-specialist also
    answers the request for a specialist's observation."""
    kinds = ["challenge_in_class"] + (["specialist_observation"] if obs.by_specialist else [])
    earlier = await uow.scalars(
        select(SkillObservation).where(
            SkillObservation.student_id == obs.student_id,
            col(SkillObservation.recommendation).in_(kinds),
            col(SkillObservation.follow_up_done_at).is_(None),
            col(SkillObservation.id) != obs.id,
        )
    )
    for e in earlier:
        e.follow_up_done_at = utcnow()


async def record_observation(
    uow: UnitOfWork, principal: Principal, student_id: uuid.UUID, data: ObservationIn
) -> ObservationRead:
    access = await gifted_access(uow, principal, student_id, write=True)
    _check_observation(data)
    if data.offering_id is not None:
        offering = await usable_offering(uow, access.school_id, data.offering_id)
        if offering is None or offering.archived:
            raise invalid("/offering_id", "Not an offering this student's school can apply to.")
    obs = SkillObservation(
        school_id=access.school_id,
        student_id=student_id,
        observed_on=data.observed_on,
        scores={skill: data.scores.get(skill) for skill in v.SKILL_CODES},  # type: ignore[call-overload]
        explanations={k: t for k, t in data.explanations.items() if t},
        remarks=data.remarks,
        recommendation=data.recommendation,
        review_on=data.review_on if data.recommendation == "challenge_in_class" else None,
        observer_user_id=principal.user_id,
        observer_name=principal.display_name,
        by_specialist=bool(principal.roles_at(access.school_id) & roles.GIFTED),
    )
    uow.add(obs)
    await uow.flush()
    await _close_follow_ups(uow, obs)
    if data.recommendation in APPLYING:
        individual = data.recommendation == "individual_guidance"
        offering_id = data.offering_id
        if individual and offering_id is None:
            offering_id = await _only_individual_offering(uow, access.school_id)
        application = Application(
            school_id=access.school_id,
            student_id=student_id,
            kind="individual" if individual else "group",
            offering_id=offering_id,
            observation_id=obs.id,
            created_by_name=principal.display_name,
        )
        uow.add(application)
        await uow.flush()
        obs.application_id = application.id
        uow.audit(
            "gifted.application.create", "gifted_application", application.id, access.school_id,
            {"from": "observation"}, student_id=student_id,
        )  # fmt: skip
    if data.recommendation != "none":
        obs.signal_id = await _signal(uow, principal, obs)
    uow.audit(
        "gifted.observation.create", "skill_observation", obs.id, access.school_id,
        {"recommendation": data.recommendation}, student_id=student_id,
    )  # fmt: skip
    return observation_read(obs, "draft" if obs.application_id else None)


async def get_observation(
    uow: UnitOfWork, principal: Principal, observation_id: uuid.UUID
) -> ObservationRead:
    obs = await uow.first(
        select(SkillObservation).where(
            SkillObservation.id == observation_id,
            col(SkillObservation.school_id).in_(principal.school_ids),
        )
    )
    if obs is None:
        raise NotFound(OBSERVATION_NOT_FOUND)
    try:
        await gifted_access(uow, principal, obs.student_id)
    except NotFound:
        raise NotFound(OBSERVATION_NOT_FOUND) from None
    status = None
    if obs.application_id is not None:
        status = await uow.scalar(
            select(Application.status).where(Application.id == obs.application_id)
        )
    uow.audit("gifted.observation.read", "skill_observation", obs.id, obs.school_id,
              student_id=obs.student_id)  # fmt: skip
    return observation_read(obs, status)


# -- self-assessment ------------------------------------------------------------------------
def self_assessment_read(s: SelfAssessment) -> SelfAssessmentRead:
    return SelfAssessmentRead(
        id=s.id,
        student_id=s.student_id,
        filled_on=s.filled_on,
        strengths=list(s.strengths),
        attention_points=list(s.attention_points),
        student_words=s.student_words,
        discussed_on=s.discussed_on,
        agreed_adjustments=s.agreed_adjustments,
        entered_by_name=s.entered_by_name,
    )


def _check_self_assessment(data: SelfAssessmentIn) -> None:
    errors: list[dict[str, Any]] = []
    for name, skills in (
        ("strengths", data.strengths),
        ("attention_points", data.attention_points),
    ):
        per_column: dict[str, int] = {}
        for i, skill in enumerate(skills):
            category = v.SELF_ASSESSMENT_CATEGORY.get(skill)
            if category is None:
                errors.append({"pointer": f"/{name}/{i}", "detail": "Not a skill of the form."})
                continue
            per_column[category] = per_column.get(category, 0) + 1
            if per_column[category] > MAX_PER_COLUMN:
                errors.append(
                    {"pointer": f"/{name}/{i}", "detail": f"At most 3 per column ({category})."}
                )
        if len(set(skills)) != len(skills):
            errors.append({"pointer": f"/{name}", "detail": "A skill is chosen once."})
    for i, skill in enumerate(data.attention_points):
        if skill in data.strengths:
            errors.append(
                {"pointer": f"/attention_points/{i}", "detail": "Also chosen as a strength."}
            )
    if data.filled_on > school_today():
        errors.append({"pointer": "/filled_on", "detail": "Not in the future."})
    if data.discussed_on is not None and data.discussed_on < data.filled_on:
        errors.append({"pointer": "/discussed_on", "detail": "Discussed after it was filled in."})
    if errors:
        raise ValidationFailed("The self-assessment is not valid.", errors=errors)


async def record_self_assessment(
    uow: UnitOfWork, principal: Principal, student_id: uuid.UUID, data: SelfAssessmentIn
) -> SelfAssessmentRead:
    access = await gifted_access(uow, principal, student_id, write=True)
    _check_self_assessment(data)
    record = SelfAssessment(
        school_id=access.school_id,
        student_id=student_id,
        filled_on=data.filled_on,
        strengths=list(data.strengths),
        attention_points=list(data.attention_points),
        student_words=data.student_words,
        discussed_on=data.discussed_on,
        agreed_adjustments=data.agreed_adjustments,
        entered_by_name=principal.display_name,
    )
    uow.add(record)
    await uow.flush()
    uow.audit("gifted.self_assessment.create", "self_assessment", record.id, access.school_id,
              student_id=student_id)  # fmt: skip
    return self_assessment_read(record)


def comparison(
    observation: SkillObservation | None, assessment: SelfAssessment | None
) -> list[SkillComparison]:
    """The teacher's scores next to the student's own view. A strength the teacher scores 1-2,
    or an attention point scored 4-5, is worth a conversation ("vaste mindset" reversed)."""
    if observation is None and assessment is None:
        return []
    rows = []
    for skill in v.SKILL_CODES:
        score = observation.scores.get(skill) if observation else None
        view = "none"
        if assessment is not None:
            view = (
                "strength" if skill in assessment.strengths
                else "attention" if skill in assessment.attention_points else "none"
            )  # fmt: skip
        shown = score if score is None or skill not in v.REVERSE_SCORED else 6 - score
        differs = shown is not None and (
            (view == "strength" and shown <= 2) or (view == "attention" and shown >= 4)
        )
        rows.append(
            SkillComparison(skill=skill, teacher_score=score, student_view=view, differs=differs)
        )
    return rows


# -- needs intake ---------------------------------------------------------------------------
def intake_read(intake: NeedsIntake) -> NeedsIntakeRead:
    sections = []
    for informant in v.INFORMANTS:
        s = intake.sections.get(informant) or {}
        sections.append(
            IntakeSection(
                informant=informant,
                answers=dict(s.get("answers", {})),
                respondent=s.get("respondent", ""),
                answered_on=s.get("answered_on"),
            )
        )
    return NeedsIntakeRead(
        id=intake.id,
        student_id=intake.student_id,
        sections=sections,
        complete=all(section.answers for section in sections),
        version=intake.version,
    )


async def create_intake(
    uow: UnitOfWork, principal: Principal, student_id: uuid.UUID
) -> NeedsIntakeRead:
    access = await gifted_access(uow, principal, student_id, write=True)
    intake = NeedsIntake(school_id=access.school_id, student_id=student_id, sections={})
    uow.add(intake)
    await uow.flush()
    uow.audit("gifted.intake.create", "needs_intake", intake.id, access.school_id,
              student_id=student_id)  # fmt: skip
    return intake_read(intake)


async def _intake(
    uow: UnitOfWork, principal: Principal, intake_id: uuid.UUID, *, write: bool
) -> NeedsIntake:
    query = select(NeedsIntake).where(
        NeedsIntake.id == intake_id, col(NeedsIntake.school_id).in_(principal.school_ids)
    )
    intake = await uow.first(query.with_for_update() if write else query)
    if intake is None:
        raise NotFound(INTAKE_NOT_FOUND)
    try:
        await gifted_access(uow, principal, intake.student_id, write=write)
    except NotFound:
        raise NotFound(INTAKE_NOT_FOUND) from None
    return intake


async def get_intake(
    uow: UnitOfWork, principal: Principal, intake_id: uuid.UUID
) -> NeedsIntakeRead:
    intake = await _intake(uow, principal, intake_id, write=False)
    uow.audit("gifted.intake.read", "needs_intake", intake.id, intake.school_id,
              student_id=intake.student_id)  # fmt: skip
    return intake_read(intake)


async def write_intake_section(
    uow: UnitOfWork,
    principal: Principal,
    intake_id: uuid.UUID,
    informant: str,
    expected: int | None,
    data: IntakeSectionIn,
) -> NeedsIntakeRead:
    if informant not in v.INFORMANTS:
        raise invalid("/informant", f"One of: {', '.join(v.INFORMANTS)}")
    intake = await _intake(uow, principal, intake_id, write=True)
    require_version(intake.version, expected, "needs intake")
    codes = {code for code, _ in v.INTAKE_QUESTIONS[informant]}
    unknown = [
        {"pointer": f"/answers/{code}", "detail": f"Not a question for the {informant}."}
        for code in data.answers
        if code not in codes
    ]
    if unknown:
        raise ValidationFailed("These are not this informant's questions.", errors=unknown)
    if data.answered_on > school_today():
        raise invalid("/answered_on", "Not in the future.")
    intake.sections = {
        **intake.sections,
        informant: {
            "answers": {k: a for k, a in data.answers.items() if a},
            "respondent": data.respondent,
            "answered_on": data.answered_on.isoformat(),
        },
    }
    intake.version += 1
    intake.updated_at = utcnow()
    uow.audit("gifted.intake.write", "needs_intake", intake.id, intake.school_id,
              {"informant": informant}, student_id=intake.student_id)  # fmt: skip
    return intake_read(intake)


# -- the student's page ---------------------------------------------------------------------
async def student_gifted(
    uow: UnitOfWork, principal: Principal, student_id: uuid.UUID
) -> StudentGifted:
    # Imported here: these services build on the instruments above.
    from zorgroute.gifted import admissions, enrolments, guidance, profile

    access = await gifted_access(uow, principal, student_id)
    school_id = access.school_id
    observations = await uow.scalars(
        select(SkillObservation)
        .where(SkillObservation.student_id == student_id, SkillObservation.school_id == school_id)
        .order_by(col(SkillObservation.observed_on).desc(), col(SkillObservation.created_at).desc())
        .limit(20)
    )
    assessments = await uow.scalars(
        select(SelfAssessment)
        .where(SelfAssessment.student_id == student_id, SelfAssessment.school_id == school_id)
        .order_by(col(SelfAssessment.filled_on).desc(), col(SelfAssessment.created_at).desc())
    )
    intakes = await uow.scalars(
        select(NeedsIntake)
        .where(NeedsIntake.student_id == student_id, NeedsIntake.school_id == school_id)
        .order_by(col(NeedsIntake.created_at).desc())
    )
    applications = await uow.scalars(
        select(Application)
        .where(Application.student_id == student_id, Application.school_id == school_id)
        .order_by(col(Application.created_at).desc())
    )
    status_of = {a.id: a.status for a in applications}
    student_enrolments = await uow.scalars(
        select(OfferingEnrolment)
        .where(OfferingEnrolment.student_id == student_id, OfferingEnrolment.school_id == school_id)
        .order_by(col(OfferingEnrolment.starts_on).desc())
    )
    period_ids = await uow.scalars(
        select(GuidancePeriod.id)
        .where(GuidancePeriod.student_id == student_id, GuidancePeriod.school_id == school_id)
        .order_by(col(GuidancePeriod.starts_on).desc())
    )
    measurements = await uow.scalars(
        select(OutcomeMeasurement)
        .where(
            OutcomeMeasurement.student_id == student_id, OutcomeMeasurement.school_id == school_id
        )
        .order_by(col(OutcomeMeasurement.wave), col(OutcomeMeasurement.instrument))
    )
    case_ids = await uow.scalars(
        select(CareCase.id)
        .where(CareCase.student_id == student_id, visible_cases(principal, school_id))
        .order_by(col(CareCase.opened_at).desc())
    )
    uow.audit("gifted.student.read", "student", student_id, school_id, student_id=student_id)
    return StudentGifted(
        student_id=student_id,
        profile=await profile.profile_of(uow, access),
        observations=[
            observation_read(o, status_of.get(o.application_id) if o.application_id else None)
            for o in observations
        ],
        self_assessments=[self_assessment_read(s) for s in assessments],
        comparison=comparison(
            observations[0] if observations else None, assessments[0] if assessments else None
        ),
        needs_intakes=[intake_read(i) for i in intakes],
        # One read, audited once above: the caller reads the student at their school.
        applications=await admissions.application_reads(uow, principal, list(applications)),
        enrolments=await enrolments.enrolment_reads(uow, principal, list(student_enrolments)),
        guidance_periods=[await guidance.get_period(uow, principal, i) for i in period_ids],
        measurements=[measurement_read(m) for m in measurements],
        case_ids=list(case_ids),
    )


def measurement_read(m: OutcomeMeasurement) -> MeasurementRead:
    return MeasurementRead(
        id=m.id,
        student_id=m.student_id,
        instrument=m.instrument,
        wave=m.wave,
        measured_on=m.measured_on,
        scores=dict(m.scores),
        entered_by_name=m.entered_by_name,
    )
