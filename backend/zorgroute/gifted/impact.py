"""Impact: repeated measurements (T0, T1, ...) of IMAGE's constructs per student, and per
offering the participants' change, descriptive and not causal, with small cells suppressed."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from statistics import fmean

from sqlmodel import col, select

from zorgroute.core.db import UnitOfWork
from zorgroute.core.errors import Conflict, Forbidden, ValidationFailed
from zorgroute.core.security.principal import Principal
from zorgroute.gifted.models import OfferingEnrolment, OutcomeMeasurement
from zorgroute.gifted.offerings import load_offering
from zorgroute.gifted.policies import (
    WORK,
    gifted_access,
    runs_offering,
)
from zorgroute.gifted.schemas import (
    ConstructChange,
    MeasurementIn,
    MeasurementRead,
    OfferingImpact,
)
from zorgroute.gifted.vocabulary import CONSTRUCTS
from zorgroute.roster.models import Student

MIN_CELL = 5  # fewer students than this: no figures (they could point at a student)
NOTICE = (
    "Beschrijvend, geen effect: dit is de verandering bij de deelnemers tussen hun eerste en "
    "laatste meting. Er is geen vergelijkingsgroep. Het IMAGE-onderzoek vergeleek deelnemers met "
    "vergelijkbare leerlingen die niet deelnamen; dit overzicht doet dat niet, dus een "
    "verandering kan ook door leeftijd, het schooljaar of andere oorzaken komen. Bij minder dan "
    f"{MIN_CELL} leerlingen per onderdeel worden geen cijfers getoond."
)


def _read(m: OutcomeMeasurement) -> MeasurementRead:
    return MeasurementRead(
        id=m.id,
        student_id=m.student_id,
        instrument=m.instrument,
        wave=m.wave,
        measured_on=m.measured_on,
        scores=m.scores,
        entered_by_name=m.entered_by_name,
    )


async def record_measurement(
    uow: UnitOfWork, principal: Principal, student_id: uuid.UUID, data: MeasurementIn
) -> MeasurementRead:
    access = await gifted_access(uow, principal, student_id)
    if not access.student.school_roles & WORK:
        raise Forbidden("Care staff and the HB-specialist record measurements.")
    errors = [
        {"pointer": f"/scores/{construct}", "detail": "A score lies between 1 and 5."}
        for construct, score in data.scores.items()
        if not 1 <= score <= 5
    ]
    if errors:
        raise ValidationFailed("Scores lie between 1 and 5.", errors=errors)
    # Serialize the student's measurements so a repeated wave is a 409, not a unique violation.
    await uow.first(
        select(Student.id).where(Student.id == student_id).with_for_update(key_share=True)
    )
    taken = await uow.first(
        select(OutcomeMeasurement.id).where(
            OutcomeMeasurement.student_id == student_id,
            OutcomeMeasurement.instrument == data.instrument,
            OutcomeMeasurement.wave == data.wave,
        )
    )
    if taken is not None:
        raise Conflict(
            f"Wave T{data.wave} of this instrument is already recorded for the student.",
            measurement_id=str(taken),
        )
    measurement = OutcomeMeasurement(
        school_id=access.school_id,
        student_id=student_id,
        instrument=data.instrument,
        wave=data.wave,
        measured_on=data.measured_on,
        scores={str(k): v for k, v in data.scores.items()},
        entered_by_name=principal.display_name,
    )
    uow.add(measurement)
    await uow.flush()
    uow.audit(
        "gifted.measurement.create",
        "outcome_measurement",
        measurement.id,
        access.school_id,
        {"wave": data.wave, "constructs": sorted(data.scores)},
        student_id=student_id,
    )
    return _read(measurement)


async def offering_impact(
    uow: UnitOfWork, principal: Principal, offering_id: uuid.UUID
) -> OfferingImpact:
    offering = await load_offering(uow, principal, offering_id)
    if not runs_offering(principal, offering):
        raise Forbidden("The offering's HB staff, leadership and committee see its impact.")
    enrolments = await uow.rows(
        select(
            OfferingEnrolment.student_id, OfferingEnrolment.status, OfferingEnrolment.exit_reason
        ).where(OfferingEnrolment.offering_id == offering.id)
    )
    participants = {student for student, _, _ in enrolments}
    ended = [reason for _, status, reason in enrolments if status == "ended"]
    # Per construct and student: (wave, score) of every measurement, in wave order.
    series: dict[str, dict[uuid.UUID, list[tuple[int, float]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    if participants:
        for m in await uow.scalars(
            select(OutcomeMeasurement)
            .where(col(OutcomeMeasurement.student_id).in_(participants))
            .order_by(col(OutcomeMeasurement.wave), col(OutcomeMeasurement.measured_on))
        ):
            for construct, score in m.scores.items():
                series[construct][m.student_id].append((m.wave, float(score)))
    measured: set[uuid.UUID] = set()
    constructs = []
    for code, label in CONSTRUCTS:
        # First = lowest wave, last = highest wave; a student needs two different waves.
        pairs = {
            student: (waves[0][1], waves[-1][1])
            for student, waves in series[code].items()
            if waves[0][0] != waves[-1][0]
        }
        measured.update(pairs)
        shown = len(pairs) >= MIN_CELL
        constructs.append(
            ConstructChange(
                code=code,
                label=label,
                students=len(pairs),
                first_mean=_mean(f for f, _ in pairs.values()) if shown else None,
                last_mean=_mean(last for _, last in pairs.values()) if shown else None,
                mean_change=_mean(last - f for f, last in pairs.values()) if shown else None,
                suppressed=not shown,
            )
        )
    uow.audit(
        "gifted.impact.read",
        "gifted_offering",
        offering.id,
        offering.school_id,
        {"participants": len(participants), "measured": len(measured)},
    )
    return OfferingImpact(
        offering_id=offering.id,
        offering_name=offering.name,
        participants=len(participants),
        measured=len(measured),
        minimum_cell=MIN_CELL,
        constructs=constructs,
        goals_met_exits=sum(1 for reason in ended if reason == "goals_met"),
        exits=len(ended),
        notice=NOTICE,
    )


def _mean(values: Iterable[float]) -> float:
    """Rounded to two decimals; + 0.0 turns a rounded -0.0 into 0.0 (no "-0,0" on screen)."""
    return round(fmean(values), 2) + 0.0
