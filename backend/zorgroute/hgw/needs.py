"""Educational needs (onderwijsbehoeften): goals for the period plus what the student needs to
reach them, set with the student. SMART(I) quality comes back as hints, never as refusals."""

from __future__ import annotations

import re
import uuid
from typing import Any

from sqlmodel import col, select

from zorgroute.core.db import UnitOfWork
from zorgroute.core.errors import Forbidden, NotFound, ValidationFailed, require_version
from zorgroute.core.models import new_id, utcnow
from zorgroute.core.security.principal import Principal
from zorgroute.hgw.models import EducationalNeed, GroupOverview, OverviewRow
from zorgroute.hgw.policies import student_access
from zorgroute.hgw.schemas import (
    GoalIn,
    GoalRead,
    HelperPhrase,
    Hint,
    NeedItemRead,
    NeedRead,
    NeedWrite,
)

NEED_NOT_FOUND = "There is no educational need with this id that you may see."

# Begrijpwijzer (appendix 7b of the Handreiking onderwijszorgroutes): "Om dit doel te bereiken
# heeft deze leerling ... nodig die ..."
HELPER_PHRASES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("instruction", "een instructie die", (
        "kort en duidelijk is",
        "verlengd is, waarbij de docent voordoet en hardop denkt",
        "de sterke visuele kant van de leerling benut",
        "vooraf wordt gegeven (pre-teaching)",
        "stap voor stap opbouwt met een stappenplan",
        "aansluit bij de voorkennis van de leerling",
    )),
    ("assignments", "opdrachten die", (
        "uitdagend zijn en verdieping bieden",
        "in kleine stappen zijn opgedeeld",
        "zelfstandig en met een checklist te maken zijn",
        "betekenisvol zijn en in de praktijk toegepast worden",
        "minder herhaling en meer verrijking bevatten",
    )),
    ("learning_activities", "(leer)activiteiten die", (
        "activerend zijn en beweging toelaten",
        "ruimte geven om zelf te ontdekken",
        "extra oefentijd geven",
        "samenwerken met een maatje mogelijk maken",
    )),
    ("feedback", "feedback die", (
        "direct en positief is",
        "gericht is op het proces en de aanpak",
        "regelmatig de voortgang zichtbaar maakt",
        "de eigen inzet benoemt",
    )),
    ("peers", "groepsgenoten die", (
        "als maatje of tutor helpen",
        "van een vergelijkbaar niveau zijn (ontwikkelingsgelijken)",
        "rust geven in de samenwerking",
    )),
    ("learning_environment", "een leeromgeving die", (
        "rustig is, met weinig afleiding",
        "structuur en voorspelbaarheid biedt",
        "huiswerk zichtbaar op het bord zet",
        "een vaste werkplek biedt",
    )),
    ("teachers", "docenten die", (
        "hoge verwachtingen uitspreken",
        "een veilige relatie opbouwen en vertrouwen geven",
        "hulp bieden bij het plannen van huiswerk",
        "autonomie geven waar het kan",
        "tijdig contact opnemen bij zorgen",
    )),
)  # fmt: skip

_MEASURABLE = re.compile(
    r"\d|%|procent|keer|minuten|zonder hulp|zelfstandig|niveau|score|fouten|woorden|opgaven"
    r"|[1-3]f\b|voldoende",
    re.IGNORECASE,
)
_NEGATIVE = re.compile(r"\b(niet meer|geen|minder|stopt|ophoudt)\b", re.IGNORECASE)


def helper_phrases() -> list[HelperPhrase]:
    return [HelperPhrase(category=c, heading=h, phrases=list(p)) for c, h, p in HELPER_PHRASES]


def smart_hints(goals: list[GoalIn], pointer: str = "/goals") -> list[Hint]:
    """SMART(I) warnings per goal: measurable, time-bound, phrased as desired behaviour."""
    hints: list[Hint] = []
    for i, goal in enumerate(goals):
        at = f"{pointer}/{i}"
        if not goal.measure and not _MEASURABLE.search(goal.text):
            hints.append(
                Hint(
                    code="not-measurable",
                    pointer=at,
                    message="Maak het doel meetbaar of observeerbaar: waaraan zie je dat het "
                    "bereikt is?",
                )
            )
        if goal.target_date is None:
            hints.append(
                Hint(code="no-date", pointer=at, message="Geef het doel een datum (tijdgebonden).")
            )
        if goal.desired_behaviour is False and _NEGATIVE.search(goal.text):
            hints.append(
                Hint(
                    code="not-desired-behaviour",
                    pointer=at,
                    message="Formuleer het doel als gewenst gedrag, niet als minder ongewenst "
                    "gedrag.",
                )
            )
    return hints


def goals_json(goals: list[GoalIn]) -> list[dict[str, Any]]:
    return [
        {
            "id": str(g.id or new_id()),
            "text": g.text,
            "desired_behaviour": g.desired_behaviour,
            "measure": g.measure,
            "target_date": g.target_date.isoformat() if g.target_date else None,
        }
        for g in goals
    ]


def goal_reads(goals: list[dict[str, Any]]) -> list[GoalRead]:
    return [GoalRead.model_validate(g) for g in goals]


def need_read(n: EducationalNeed) -> NeedRead:
    return NeedRead(
        id=n.id,
        student_id=n.student_id,
        overview_id=n.overview_id,
        scope=n.scope,
        domain=n.domain,
        nature=n.nature,
        subject=n.subject,
        goals=goal_reads(n.goals),
        items=[NeedItemRead.model_validate(i) for i in n.items],
        uses_talents=n.uses_talents,
        set_with_student=n.set_with_student,
        student_view=n.student_view,
        valid_from=n.valid_from,
        valid_until=n.valid_until,
        author_name=n.author_name,
        created_at=n.created_at,
        version=n.version,
        hints=smart_hints([GoalIn.model_validate({k: v for k, v in g.items()}) for g in n.goals]),
    )


async def _check_overview(uow: UnitOfWork, student_id: uuid.UUID, data: NeedWrite) -> None:
    if data.overview_id is None:
        return
    found = await uow.first(
        select(GroupOverview.status)
        .join(OverviewRow, col(OverviewRow.overview_id) == GroupOverview.id)
        .where(GroupOverview.id == data.overview_id, OverviewRow.student_id == student_id)
    )
    if found is None:
        raise ValidationFailed(
            "The student has no row in that overview.",
            errors=[{"pointer": "/overview_id", "detail": "Not an overview of this student"}],
        )


async def list_needs(
    uow: UnitOfWork, principal: Principal, student_id: uuid.UUID
) -> list[NeedRead]:
    access = await student_access(uow, principal, student_id)
    if not access.reads():
        raise Forbidden("You do not work with this student's educational needs.")
    needs = await uow.scalars(
        select(EducationalNeed)
        .where(EducationalNeed.student_id == student_id)
        .order_by(col(EducationalNeed.valid_from).desc(), col(EducationalNeed.id).desc())
    )
    uow.audit_many(
        "need.read", "educational_need", [n.id for n in needs], access.student.school_id,
        student_id=student_id,
    )  # fmt: skip
    return [need_read(n) for n in needs]


async def create_need(
    uow: UnitOfWork, principal: Principal, student_id: uuid.UUID, data: NeedWrite
) -> NeedRead:
    access = await student_access(uow, principal, student_id)
    if not access.contributes():
        raise Forbidden("Needs are named by the student's mentor, teachers or care staff.")
    await _check_overview(uow, student_id, data)
    values = data.model_dump(exclude={"goals", "items"})
    need = EducationalNeed(
        school_id=access.student.school_id,
        student_id=student_id,
        goals=goals_json(data.goals),
        items=[i.model_dump() for i in data.items],
        author_name=principal.display_name,
        **values,
    )
    uow.add(need)
    await uow.flush()
    uow.audit("need.create", "educational_need", need.id, need.school_id, student_id=student_id)
    return need_read(need)


async def update_need(
    uow: UnitOfWork,
    principal: Principal,
    need_id: uuid.UUID,
    expected_version: int | None,
    data: NeedWrite,
) -> NeedRead:
    need = await uow.first(
        select(EducationalNeed)
        .where(
            EducationalNeed.id == need_id,
            col(EducationalNeed.school_id).in_(principal.school_ids),
        )
        .with_for_update()
    )
    if need is None:
        raise NotFound(NEED_NOT_FOUND)
    try:
        access = await student_access(uow, principal, need.student_id)
    except NotFound:
        raise NotFound(NEED_NOT_FOUND) from None
    if not access.contributes():
        raise Forbidden("Needs are named by the student's mentor, teachers or care staff.")
    require_version(need.version, expected_version, "educational need")
    await _check_overview(uow, need.student_id, data)
    for name, value in data.model_dump(exclude={"goals", "items"}).items():
        setattr(need, name, value)
    need.goals = goals_json(data.goals)
    need.items = [i.model_dump() for i in data.items]
    need.version += 1
    need.updated_at = utcnow()
    await uow.flush()
    uow.audit(
        "need.update", "educational_need", need.id, need.school_id, student_id=need.student_id
    )
    return need_read(need)
