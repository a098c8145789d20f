"""The student's HGW timeline: signals, needs, meeting decisions, group plans and their
evaluation, individual plans and the OPP, newest first, with the student's own words."""

from __future__ import annotations

import uuid
from datetime import date

from sqlmodel import col, select

from zorgroute.core.db import UnitOfWork
from zorgroute.core.errors import Forbidden
from zorgroute.core.security.principal import Principal
from zorgroute.hgw.models import (
    CyclePeriod,
    EducationalNeed,
    GroupMeeting,
    GroupOverview,
    MeetingDecision,
    OverviewRow,
    Signal,
)
from zorgroute.hgw.overviews import RESTRICTED_SIGNALS
from zorgroute.hgw.policies import READ, student_access
from zorgroute.hgw.schemas import TimelineItem
from zorgroute.plans.models import (
    DevelopmentPerspectiveVersion,
    GroupPlan,
    IndividualPlan,
    PlanRow,
)
from zorgroute.roster.models import Group

SIGNAL_LABELS = {
    "basic_skill_delay": "achterstand in een basisvaardigheid",
    "subject_delay": "achterstand in een vak",
    "behaviour_seo": "gedrag / sociaal-emotioneel",
    "work_attitude": "werkhouding en taakaanpak",
    "downward_trend": "dalende lijn",
    "learning_lead": "ontwikkelingsvoorsprong / (hoog)begaafd",
    "talent": "talent",
    "home_situation": "zorg over de thuissituatie",
}
DECISION_LABELS = {
    "continue_in_group_plan": "verder in het groepsplan",
    "bilateral_consultation": "bilateraal overleg",
    "teacher_coaching": "begeleiding van de docent aangevraagd",
    "register_care_team": "aangemeld bij het intern zorgteam",
}
RESULT_LABELS = {"reached": "bereikt", "partly": "deels bereikt", "not_reached": "niet bereikt"}


def _item(
    kind: str, at: date, title: str, summary: str, ref: uuid.UUID, link: str | None,
    words: str | None = None,
) -> TimelineItem:  # fmt: skip
    return TimelineItem(
        kind=kind,
        at=at,
        title=title,
        summary=summary,
        student_words=words or None,
        ref_id=ref,
        link=link,
    )


async def student_timeline(
    uow: UnitOfWork, principal: Principal, student_id: uuid.UUID
) -> list[TimelineItem]:
    access = await student_access(uow, principal, student_id)
    if not access.reads():
        raise Forbidden("You do not work with this student's support.")
    items: list[TimelineItem] = []

    for s in await uow.scalars(select(Signal).where(Signal.student_id == student_id)):
        if s.category in RESTRICTED_SIGNALS and not access.sees_restricted():
            continue
        mode = "proactief" if s.mode == "proactive" else "reactief"
        items.append(
            _item(
                "signal", s.created_at.date(), f"Gesignaleerd: {SIGNAL_LABELS[s.category]}",
                f"{mode}; {s.note}".strip("; "), s.id, f"/groepsoverzichten/{s.overview_id}",
            )
        )  # fmt: skip

    for n in await uow.scalars(
        select(EducationalNeed).where(EducationalNeed.student_id == student_id)
    ):
        goals = "; ".join(g["text"] for g in n.goals)
        items.append(
            _item(
                "need", n.created_at.date(), "Onderwijsbehoefte benoemd", f"Doel: {goals}",
                n.id, f"/leerlingen/{student_id}/onderwijsbehoeften/{n.id}", n.student_view,
            )
        )  # fmt: skip

    conversations = await uow.rows(
        select(OverviewRow, CyclePeriod)
        .join(GroupOverview, col(GroupOverview.id) == OverviewRow.overview_id)
        .join(CyclePeriod, col(CyclePeriod.id) == GroupOverview.cycle_period_id)
        .where(OverviewRow.student_id == student_id, OverviewRow.student_conversation != "")
    )
    for row, period in conversations:
        items.append(
            _item(
                "overview_row", row.updated_at.date(), f"Gesprek met de leerling ({period.name})",
                f"Afspraken: {row.agreements}" if row.agreements else "", row.overview_id,
                f"/groepsoverzichten/{row.overview_id}", row.student_conversation,
            )
        )  # fmt: skip

    decisions = await uow.rows(
        select(MeetingDecision, GroupMeeting)
        .join(GroupMeeting, col(GroupMeeting.id) == MeetingDecision.meeting_id)
        .where(MeetingDecision.student_id == student_id)
    )
    for d, m in decisions:
        items.append(
            _item(
                "meeting_decision", m.held_on or m.scheduled_on,
                f"Groepsbespreking: {DECISION_LABELS[d.decision]}", d.note, m.id,
                f"/groepsbesprekingen/{m.id}",
            )
        )  # fmt: skip

    plans = await uow.rows(
        select(GroupPlan, PlanRow, Group)
        .join(PlanRow, col(PlanRow.plan_id) == GroupPlan.id)
        .join(Group, col(Group.id) == GroupPlan.group_id)
        .where(col(PlanRow.student_ids).contains([student_id]), GroupPlan.status != "draft")
        .order_by(col(PlanRow.position))
    )
    seen: set[uuid.UUID] = set()
    for plan, row, group in plans:
        if plan.activated_at and plan.id not in seen:
            seen.add(plan.id)
            items.append(
                _item(
                    "group_plan", plan.activated_at.date(), f"Groepsplan {group.name} actief",
                    f"In: {row.name}", plan.id, f"/groepsplannen/{plan.id}",
                )
            )  # fmt: skip
        if plan.evaluated_at:
            mine = [o for o in row.outcomes if o["student_id"] == str(student_id)]
            texts = {g["id"]: g["text"] for g in row.goals}
            result = "; ".join(
                f"{texts.get(o['goal_id'], 'doel')}: {RESULT_LABELS[o['result']]}" for o in mine
            )
            items.append(
                _item(
                    "plan_evaluation", plan.evaluated_at.date(),
                    f"Groepsplan {group.name} geëvalueerd ({row.name})", result,
                    plan.id, f"/groepsplannen/{plan.id}",
                )
            )  # fmt: skip

    ihps = await uow.scalars(
        select(IndividualPlan)
        .join(GroupPlan, col(GroupPlan.id) == IndividualPlan.plan_id)
        .where(IndividualPlan.student_id == student_id, GroupPlan.status != "draft")
    )
    for i in ihps:
        items.append(
            _item(
                "individual_plan", i.created_at.date(), "Individueel handelingsplan",
                "; ".join(g["text"] for g in i.goals), i.id, f"/groepsplannen/{i.plan_id}",
                i.student_view,
            )
        )  # fmt: skip

    if access.reads_opp():
        for v in await uow.scalars(
            select(DevelopmentPerspectiveVersion).where(
                DevelopmentPerspectiveVersion.student_id == student_id
            )
        ):
            items.append(
                _item(
                    "development_perspective", v.determined_on,
                    f"Ontwikkelingsperspectief (versie {v.number})",
                    f"Verwachte uitstroom: {v.expected_outflow}", v.id, None, v.student_view,
                )
            )  # fmt: skip

    uow.audit(
        "timeline.read", "student", student_id, access.student.school_id,
        {"items": len(items), "wide": bool(access.school_roles & READ)}, student_id=student_id,
    )  # fmt: skip
    return sorted(items, key=lambda i: (i.at, i.kind), reverse=True)
