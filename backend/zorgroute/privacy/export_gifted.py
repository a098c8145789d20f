"""The gifted-education part of the inzage export: the support profile (dubbel bijzonder and its
note included), the observations with the 14 skills, the student's self-assessments, the needs
intakes per informant, the applications with the committee's decision and who took it, the
enrolments in an offering with their goals, reviews, in-class plan and stamschool agreements,
the keuze-uren, the guidance periods with the portfolio and the check-ins, and the outcome
measurements (T0, T1, ...).

Everything the school holds is exported, whoever may see it in the app (dubbel bijzonder and
the external factors of a guidance period included): the export's own authorisation is the
only gate. The instruments' codes come with the Dutch wording of the instrument (skills,
recommendations, intake questions, constructs, phases, offering kinds).

Every gifted record is per student: one query per record type, each on this school and this
student; the records are grouped here. Of an offering only its name, kind and school: never
its other participants or its committee.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any

from zorgroute.core.db import UnitOfWork
from zorgroute.gifted import vocabulary as v
from zorgroute.gifted.models import EnrolmentReview, GuidanceCheckin, Offering
from zorgroute.privacy import export_repository as repo
from zorgroute.privacy.export_schemas import (
    ExportApplicationSnapshot,
    ExportChoiceHour,
    ExportConstructScore,
    ExportEnrolmentGoal,
    ExportEnrolmentReview,
    ExportGifted,
    ExportGiftedApplication,
    ExportGiftedProfile,
    ExportGoalProgress,
    ExportGuidanceAgreement,
    ExportGuidanceCheckin,
    ExportGuidancePeriod,
    ExportIntakeAnswer,
    ExportIntakeSection,
    ExportMeasurement,
    ExportMonitoringNote,
    ExportNeedsIntake,
    ExportOfferingEnrolment,
    ExportPortfolioGoal,
    ExportSelfAssessment,
    ExportSelfAssessmentSkill,
    ExportSkillObservation,
    ExportSkillScore,
    ExportStamschoolAgreements,
)
from zorgroute.roster.models import PersonName

# A committee member of another school whose name the student's school cannot read.
UNNAMED_MEMBER = "Commissielid (andere school)"

SKILL_NAMES = {code: name for code, name, _ in v.OBSERVATION_SKILLS}
SELF_ASSESSMENT_NAMES = {code: name for code, _, name in v.SELF_ASSESSMENT_SKILLS}
RECOMMENDATION_TEXTS = dict(v.RECOMMENDATIONS)
QUESTION_TEXTS = {informant: dict(questions) for informant, questions in v.INTAKE_QUESTIONS.items()}
OFFERING_KIND_NAMES = dict(v.OFFERING_TYPES)
CONSTRUCT_NAMES = dict(v.CONSTRUCTS)
PHASE_NAMES = dict(v.GUIDANCE_PHASES)


async def gifted_export(
    uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID
) -> ExportGifted:
    profile = await repo.gifted_profile(uow, school_id, student_id)
    observations = await repo.skill_observations(uow, school_id, student_id)
    assessments = await repo.self_assessments(uow, school_id, student_id)
    intakes = await repo.needs_intakes(uow, school_id, student_id)
    applications = await repo.gifted_applications(uow, school_id, student_id)
    enrolments = await repo.offering_enrolments(uow, school_id, student_id)
    reviews = await repo.enrolment_reviews(uow, school_id, student_id)
    hours = await repo.choice_hours(uow, school_id, student_id)
    periods = await repo.guidance_periods(uow, school_id, student_id)
    checkins = await repo.guidance_checkins(uow, school_id, student_id)
    measurements = await repo.outcome_measurements(uow, school_id, student_id)
    deciders = sorted({s for a, _, _ in applications for s in a.decided_by})
    names = await repo.staff_names(uow, deciders)

    reviews_of: dict[uuid.UUID, list[EnrolmentReview]] = defaultdict(list)
    for r in reviews:
        reviews_of[r.enrolment_id].append(r)
    checkins_of: dict[uuid.UUID, list[GuidanceCheckin]] = defaultdict(list)
    for c in checkins:
        checkins_of[c.period_id].append(c)

    return ExportGifted(
        profile=ExportGiftedProfile(
            signalled_gifted=profile.signalled_gifted,
            signalled_on=profile.signalled_on,
            underachievement_suspected=profile.underachievement_suspected,
            twice_exceptional=profile.twice_exceptional,
            twice_exceptional_note=profile.twice_exceptional_note,
            complexity=profile.complexity,
            created_at=profile.created_at,
            updated_at=profile.updated_at,
        )
        if profile is not None
        else None,
        observations=[
            ExportSkillObservation(
                id=o.id,
                observed_on=o.observed_on,
                observer_name=o.observer_name,
                by_specialist=o.by_specialist,
                scores=_skill_scores(o.scores, o.explanations),
                remarks=o.remarks,
                recommendation=o.recommendation,
                recommendation_text=RECOMMENDATION_TEXTS.get(o.recommendation, o.recommendation),
                review_on=o.review_on,
                follow_up_done_at=o.follow_up_done_at,
                created_at=o.created_at,
            )
            for o in observations
        ],
        self_assessments=[
            ExportSelfAssessment(
                id=s.id,
                filled_on=s.filled_on,
                strengths=_self_skills(s.strengths),
                attention_points=_self_skills(s.attention_points),
                student_words=s.student_words,
                discussed_on=s.discussed_on,
                agreed_adjustments=s.agreed_adjustments,
                entered_by_name=s.entered_by_name,
                created_at=s.created_at,
            )
            for s in assessments
        ],
        needs_intakes=[
            ExportNeedsIntake(
                id=i.id,
                sections=_intake_sections(i.sections),
                created_at=i.created_at,
                updated_at=i.updated_at,
            )
            for i in intakes
        ],
        applications=[
            ExportGiftedApplication(
                id=a.id,
                kind=a.kind,
                offering_name=offering.name if offering else None,
                offering_kind=offering.kind if offering else None,
                offering_kind_name=_kind_name(offering),
                offering_school_name=school_name,
                route=a.route,
                status=a.status,
                motivation=a.motivation,
                observation_id=a.observation_id,
                needs_intake_id=a.needs_intake_id,
                snapshot=_snapshot(a.snapshot),
                created_by_name=a.created_by_name,
                created_at=a.created_at,
                submitted_by_name=a.submitted_by_name,
                submitted_at=a.submitted_at,
                decision_reason=a.decision_reason,
                exception=a.exception,
                exception_reason=a.exception_reason,
                decided_by=[names.get(s, UNNAMED_MEMBER) for s in a.decided_by],
                decided_at=a.decided_at,
                waitlist_position=a.waitlist_position,
                updated_at=a.updated_at,
            )
            for a, offering, school_name in applications
        ],
        enrolments=[
            ExportOfferingEnrolment(
                id=e.id,
                application_id=e.application_id,
                offering_name=offering.name if offering else None,
                offering_kind=offering.kind if offering else None,
                offering_kind_name=_kind_name(offering),
                offering_school_name=school_name,
                status=e.status,
                starts_on=e.starts_on,
                goals=[
                    ExportEnrolmentGoal(
                        text=_text(g, "text"),
                        cognitive=bool(g.get("cognitive", False)),
                        status=_text(g, "status") or "open",
                    )
                    for g in _dicts(e.goals)
                ],
                review_every_weeks=e.review_every_weeks,
                next_review_on=e.next_review_on,
                regular_teacher_name=e.regular_teacher_name,
                class_adjustments=e.class_adjustments,
                alignment=e.alignment,
                agreements=_agreements(e.agreements),
                ended_on=e.ended_on,
                exit_reason=e.exit_reason,
                exit_note=e.exit_note,
                reviews=[
                    ExportEnrolmentReview(
                        id=r.id,
                        reviewed_on=r.reviewed_on,
                        goal_progress=_goal_progress(r.goal_progress, e.goals),
                        with_student=r.with_student,
                        with_parents=r.with_parents,
                        class_alignment=r.class_alignment,
                        notes=r.notes,
                        decision=r.decision,
                        next_review_on=r.next_review_on,
                        reviewed_by_name=r.reviewed_by_name,
                    )
                    for r in reviews_of.get(e.id, [])
                ],
                created_at=e.created_at,
            )
            for e, offering, school_name in enrolments
        ],
        choice_hours=[
            ExportChoiceHour(
                id=h.id,
                lesson_date=h.lesson_date,
                lesson_hour=h.lesson_hour,
                subject=h.subject,
                subject_teacher_name=PersonName.display(t.given_name, t.infix, t.family_name)
                if t
                else None,
                location=h.location,
                activity_kind=h.activity_kind,
                activity=h.activity,
                status=h.status,
                decline_reason=h.decline_reason,
                acknowledged_by_name=h.acknowledged_by_name,
                acknowledged_at=h.acknowledged_at,
                attendance=h.attendance,
                attendance_marked_by_name=h.attendance_marked_by_name,
                checked_by_name=h.checked_by_name,
                checked_at=h.checked_at,
                requested_by_name=h.requested_by_name,
                created_at=h.created_at,
            )
            for h, t in hours
        ],
        guidance_periods=[
            ExportGuidancePeriod(
                id=p.id,
                lead_name=p.lead_name,
                starts_on=p.starts_on,
                ends_on=p.ends_on,
                phase=p.phase,
                phase_name=PHASE_NAMES.get(p.phase, p.phase),
                status=p.status,
                goals=[
                    ExportPortfolioGoal(
                        goal=_text(g, "goal"),
                        plan=_text(g, "plan"),
                        monitoring=[
                            ExportMonitoringNote(on=_date(m.get("on")), note=_text(m, "note"))
                            for m in _dicts(g.get("monitoring"))
                        ],
                        evaluation=_text(g, "evaluation"),
                        achieved=g.get("achieved") if isinstance(g.get("achieved"), bool) else None,
                    )
                    for g in _dicts(p.goals)
                ],
                agreements=[
                    ExportGuidanceAgreement(
                        who=_text(a, "who"),
                        what=_text(a, "what"),
                        when=_text(a, "when"),
                        how=_text(a, "how"),
                    )
                    for a in _dicts(p.agreements)
                ],
                differentiation=list(p.differentiation),
                external_factors=p.external_factors,
                checkin_every_weeks=p.checkin_every_weeks,
                student_reflection=p.student_reflection,
                handover_note=p.handover_note,
                development_points=p.development_points,
                transfer_notes=p.transfer_notes,
                checkins=[
                    ExportGuidanceCheckin(
                        id=c.id,
                        held_on=c.held_on,
                        progress=c.progress,
                        stagnation_cause=c.stagnation_cause,
                        note=c.note,
                        adjustments=c.adjustments,
                        held_by_name=c.held_by_name,
                    )
                    for c in checkins_of.get(p.id, [])
                ],
                created_at=p.created_at,
                updated_at=p.updated_at,
            )
            for p in periods
        ],
        measurements=[
            ExportMeasurement(
                id=m.id,
                instrument=m.instrument,
                wave=m.wave,
                wave_name=f"T{m.wave}",
                measured_on=m.measured_on,
                scores=_construct_scores(m.scores),
                entered_by_name=m.entered_by_name,
            )
            for m in measurements
        ],
    )


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    return str(value) if value is not None else ""


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [x for x in value if isinstance(x, dict)] if isinstance(value, list) else []


def _date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _in_order(codes: Iterable[str], order: Iterable[str]) -> list[str]:
    """The codes in the instrument's order, unknown ones (older wording) after them."""
    known = list(order)
    have = list(dict.fromkeys(codes))
    return [c for c in known if c in have] + sorted(c for c in have if c not in known)


def _skill_scores(scores: dict[str, Any], explanations: dict[str, Any]) -> list[ExportSkillScore]:
    """All 14 skills in the instrument's order (a skill not observed has no score)."""
    result = []
    for skill in _in_order([*v.SKILL_CODES, *scores, *explanations], v.SKILL_CODES):
        score = scores.get(skill)
        result.append(
            ExportSkillScore(
                skill=skill,
                skill_name=SKILL_NAMES.get(skill, skill),
                score=score if isinstance(score, int) and not isinstance(score, bool) else None,
                explanation=_text(explanations, skill),
            )
        )
    return result


def _self_skills(codes: Iterable[str]) -> list[ExportSelfAssessmentSkill]:
    """In the order ticked, denken before doen (the columns of the form)."""
    ordered = sorted(codes, key=lambda c: (v.SELF_ASSESSMENT_CATEGORY.get(c) != "denken",))
    return [
        ExportSelfAssessmentSkill(
            skill=c,
            skill_name=SELF_ASSESSMENT_NAMES.get(c, SKILL_NAMES.get(c, c)),
            category=v.SELF_ASSESSMENT_CATEGORY.get(c, ""),
        )
        for c in ordered
    ]


def _intake_sections(sections: Any) -> list[ExportIntakeSection]:
    """The sections of the informants who answered, in the form's order (student, teacher,
    parents), each with the questions in the form's order."""
    sections = sections if isinstance(sections, dict) else {}
    result = []
    for informant in _in_order(sections, v.INFORMANTS):
        s = sections.get(informant)
        if not isinstance(s, dict):
            continue
        answers = s.get("answers")
        answers = answers if isinstance(answers, dict) else {}
        questions = QUESTION_TEXTS.get(informant, {})
        result.append(
            ExportIntakeSection(
                informant=informant,
                respondent=_text(s, "respondent"),
                answered_on=_date(s.get("answered_on")),
                answers=[
                    ExportIntakeAnswer(
                        question=q, question_text=questions.get(q, q), answer=_text(answers, q)
                    )
                    for q in _in_order(answers, questions)
                    if _text(answers, q)
                ],
            )
        )
    return result


def _snapshot(data: dict[str, Any] | None) -> ExportApplicationSnapshot | None:
    """The application as the committee read it; a draft has none yet."""
    if not data:
        return None
    observation = data.get("observation")
    observation_id = observation.get("id") if isinstance(observation, dict) else None
    intake = data.get("needs_intake")
    frozen: dict[str, Any] = {}
    if isinstance(intake, dict):  # stored as the intake's read model: a list of sections
        for s in _dicts(intake.get("sections")):
            if s.get("answers"):
                frozen[_text(s, "informant")] = s
    try:
        frozen_observation = uuid.UUID(str(observation_id)) if observation_id else None
    except ValueError:
        frozen_observation = None
    return ExportApplicationSnapshot(
        student_name=_text(data, "student_name"),
        group_name=_text(data, "group_name"),
        school_name=_text(data, "school_name"),
        grade=_text(data, "grade"),
        observation_id=frozen_observation,
        needs_intake=_intake_sections(frozen),
    )


def _kind_name(offering: Offering | None) -> str | None:
    if offering is None:
        return None
    return OFFERING_KIND_NAMES.get(offering.kind, offering.kind)


def _agreements(data: dict[str, Any] | None) -> ExportStamschoolAgreements | None:
    if not data:
        return None
    responsibilities = data.get("responsibilities")
    return ExportStamschoolAgreements(
        responsibilities=[str(r) for r in responsibilities]
        if isinstance(responsibilities, list)
        else [],
        weekly_contact=_text(data, "weekly_contact"),
        gradual_intake=_text(data, "gradual_intake"),
        counts_for_report=bool(data.get("counts_for_report", False)),
        report_subjects=_text(data, "report_subjects"),
        parent_contact=_text(data, "parent_contact"),
        home_school_contact=_text(data, "home_school_contact"),
    )


def _goal_progress(progress: Any, goals: Any) -> list[ExportGoalProgress]:
    """Per goal reviewed, the goal's text (from the enrolment; a goal removed since keeps its
    id as the text)."""
    texts = {_text(g, "id"): _text(g, "text") for g in _dicts(goals)}
    return [
        ExportGoalProgress(
            goal_text=texts.get(_text(p, "goal_id")) or _text(p, "goal_id"),
            progress=_text(p, "progress"),
            note=_text(p, "note"),
        )
        for p in _dicts(progress)
    ]


def _construct_scores(scores: dict[str, Any]) -> list[ExportConstructScore]:
    return [
        ExportConstructScore(
            construct_code=c, construct_name=CONSTRUCT_NAMES.get(c, c), score=float(scores[c])
        )
        for c in _in_order(scores, v.CONSTRUCT_CODES)
        if isinstance(scores.get(c), int | float) and not isinstance(scores.get(c), bool)
    ]
