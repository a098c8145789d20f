"""The HGW part of the inzage export: group overview rows, results, signals, educational needs,
group meeting decisions, group plan rows, individual plans (IHP) and the OPP of one student.

Everything the school holds is exported, whoever may see it in the app (particulars, home
situation signals, draft plans and the OPP included): the export's own authorisation is the
only gate. A plan row also names the other students of its subgroup; only this student's
outcomes are exported, never the others' ids or results.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from zorgroute.core.db import UnitOfWork
from zorgroute.privacy import export_repository as repo
from zorgroute.privacy.export_schemas import (
    ExportDevelopmentPerspective,
    ExportFactor,
    ExportGoal,
    ExportGoalOutcome,
    ExportIndividualPlan,
    ExportMeetingDecision,
    ExportNeed,
    ExportNeedItem,
    ExportOverviewRow,
    ExportPerspectiveVersion,
    ExportPlanRow,
    ExportResult,
    ExportSignal,
    ExportSupport,
    ExportYieldExpectation,
)
from zorgroute.roster.models import PersonName


async def support_export(
    uow: UnitOfWork, school_id: uuid.UUID, student_id: uuid.UUID
) -> ExportSupport:
    overview_rows = await repo.overview_rows(uow, school_id, student_id)
    results = await repo.assessment_results(uow, school_id, student_id)
    signals = await repo.signals(uow, school_id, student_id)
    needs = await repo.needs(uow, school_id, student_id)
    decisions = await repo.meeting_decisions(uow, school_id, student_id)
    plan_rows = await repo.plan_rows(uow, school_id, student_id)
    ihps = await repo.individual_plans(uow, school_id, student_id)
    opp = await repo.development_perspective(uow, school_id, student_id)
    versions = await repo.perspective_versions(uow, school_id, student_id)

    return ExportSupport(
        overview_rows=[
            ExportOverviewRow(
                id=r.id,
                group_name=g.name,
                period_name=p.name,
                period_starts_on=p.starts_on,
                period_ends_on=p.ends_on,
                cycle=o.cycle,
                subject=o.subject or None,
                observations=r.observations,
                student_conversation=r.student_conversation,
                parent_conversation=r.parent_conversation,
                agreements=r.agreements,
                stimulating_factors=r.stimulating_factors,
                hindering_factors=r.hindering_factors,
                strengths=r.strengths,
                work_attitude=r.work_attitude,
                particulars=r.particulars,
                instruction_level=r.instruction_level,
                updated_by_name=r.updated_by_name,
                updated_at=r.updated_at,
            )
            for r, o, p, g in overview_rows
        ],
        results=[
            ExportResult(
                id=a.id,
                kind=a.kind,
                domain=a.domain,
                instrument=a.instrument,
                respondent=a.respondent,
                taken_on=a.taken_on,
                score=float(a.score) if a.score is not None else None,
                level=a.level,
                source=a.source,
                external_id=a.external_id,
                entered_by_name=a.entered_by_name,
                created_at=a.created_at,
            )
            for a in results
        ],
        signals=[
            ExportSignal(
                id=s.id,
                group_name=g.name,
                period_name=p.name,
                category=s.category,
                mode=s.mode,
                basis=list(s.basis),
                note=s.note,
                created_by_name=s.created_by_name,
                created_at=s.created_at,
                confirmed_at=s.confirmed_at,
            )
            for s, p, g in signals
        ],
        needs=[
            ExportNeed(
                id=n.id,
                group_name=g.name if g else None,
                period_name=p.name if p else None,
                scope=n.scope,
                domain=n.domain,
                nature=n.nature,
                subject=n.subject,
                goals=_goals(n.goals),
                items=[
                    ExportNeedItem(
                        category=str(i.get("category", "")),
                        phrase=str(i.get("phrase") or ""),
                        text=str(i.get("text") or ""),
                    )
                    for i in n.items
                ],
                uses_talents=n.uses_talents,
                set_with_student=n.set_with_student,
                student_view=n.student_view,
                valid_from=n.valid_from,
                valid_until=n.valid_until,
                author_name=n.author_name,
                created_at=n.created_at,
                updated_at=n.updated_at,
            )
            for n, p, g in needs
        ],
        meeting_decisions=[
            ExportMeetingDecision(
                group_name=g.name,
                period_name=p.name,
                meeting_status=m.status,
                scheduled_on=m.scheduled_on,
                held_on=m.held_on,
                decision=d.decision,
                note=d.note,
            )
            for d, m, p, g in decisions
        ],
        plan_rows=[
            ExportPlanRow(
                id=r.id,
                plan_id=plan.id,
                group_name=g.name,
                period_name=p.name,
                cycle=o.cycle,
                subject=o.subject or None,
                plan_type=plan.plan_type,
                plan_status=plan.status,
                starts_on=plan.starts_on,
                ends_on=plan.ends_on,
                name=r.name,
                target=r.target,
                domain=r.domain,
                goals=_goals(r.goals),
                content=r.content,
                approach=r.approach,
                organisation=r.organisation,
                delivery_mode=r.delivery_mode,
                delivered_by=r.delivered_by,
                evaluation_plan=r.evaluation_plan,
                activities_done=r.activities_done,
                outcomes=_outcomes(r.goals, r.outcomes, student_id),
                continuation=r.continuation,
                causes=r.causes,
            )
            for r, plan, o, p, g in plan_rows
        ],
        individual_plans=[
            ExportIndividualPlan(
                id=i.id,
                plan_id=plan.id,
                group_name=g.name,
                period_name=p.name,
                plan_status=plan.status,
                starts_on=plan.starts_on,
                ends_on=plan.ends_on,
                kind=i.kind,
                decided_by=i.decided_by,
                need_ids=list(i.need_ids),
                goals=_goals(i.goals),
                learning_yield_expectation=i.learning_yield_expectation,
                content=i.content,
                approach=i.approach,
                organisation=i.organisation,
                evaluation_plan=i.evaluation_plan,
                parent_agreements=i.parent_agreements,
                student_view=i.student_view,
                parent_signed_by_name=(
                    PersonName.display(guardian.given_name, guardian.infix, guardian.family_name)
                    if guardian
                    else None
                ),
                parent_signed_on=i.parent_signed_on,
                evaluation=i.evaluation,
                evaluated_with_student=i.evaluated_with_student,
                evaluated_with_parents=i.evaluated_with_parents,
                author_name=i.author_name,
                created_at=i.created_at,
                updated_at=i.updated_at,
            )
            for i, plan, p, g, guardian in ihps
        ],
        development_perspective=(
            ExportDevelopmentPerspective(
                id=opp.id,
                support_started_on=opp.support_started_on,
                support_description=opp.support_description,
                ended_on=opp.ended_on,
                created_at=opp.created_at,
                versions=[
                    ExportPerspectiveVersion(
                        id=v.id,
                        number=v.number,
                        kind=v.kind,
                        expected_outflow=v.expected_outflow,
                        destination=v.destination,
                        yield_expectations=[
                            ExportYieldExpectation(
                                subject=str(y.get("subject", "")),
                                horizon=str(y.get("horizon", "")),
                                expectation=str(y.get("expectation", "")),
                            )
                            for y in v.yield_expectations
                        ],
                        factors=[
                            ExportFactor(
                                kind=str(f.get("kind", "")),
                                locus=str(f.get("locus", "")),
                                text=str(f.get("text", "")),
                            )
                            for f in v.factors
                        ],
                        needs=v.needs,
                        support_offered=v.support_offered,
                        long_term_goals=[str(t) for t in v.long_term_goals],
                        talents=v.talents,
                        student_view=v.student_view,
                        parents_view=v.parents_view,
                        determined_with_student=v.determined_with_student,
                        determined_with_parents=v.determined_with_parents,
                        determined_on=v.determined_on,
                        author_name=v.author_name,
                        created_at=v.created_at,
                    )
                    for v in versions
                    if v.perspective_id == opp.id
                ],
            )
            if opp is not None
            else None
        ),
    )


def _goals(goals: list[dict[str, Any]]) -> list[ExportGoal]:
    """Goals as stored in JSON (needs, plan rows, IHPs): {id, text, desired_behaviour, measure,
    target_date}; older rows may lack the optional keys."""
    return [
        ExportGoal(
            text=str(g.get("text", "")),
            desired_behaviour=bool(g.get("desired_behaviour", False)),
            measure=str(g.get("measure") or ""),
            target_date=_date(g.get("target_date")),
        )
        for g in goals
    ]


def _outcomes(
    goals: list[dict[str, Any]], outcomes: list[dict[str, Any]], student_id: uuid.UUID
) -> list[ExportGoalOutcome]:
    """This student's evaluation per goal of a plan row, in the order of the goals."""
    order = {str(g.get("id")): n for n, g in enumerate(goals)}
    texts = {str(g.get("id")): str(g.get("text", "")) for g in goals}
    mine = [o for o in outcomes if str(o.get("student_id")) == str(student_id)]
    mine.sort(key=lambda o: order.get(str(o.get("goal_id")), len(order)))
    return [
        ExportGoalOutcome(
            goal_text=texts.get(str(o.get("goal_id")), ""), result=str(o.get("result", ""))
        )
        for o in mine
    ]


def _date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None
