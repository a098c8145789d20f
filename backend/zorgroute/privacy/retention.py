"""Bewaartermijnen: remove what the school holds about a student once the term for that kind of
record has passed after the student left. Per school configurable (retention_policy), never for
a student under a legal hold (legal_hold), every removal audited (`retention.delete`).

Defaults (DEFAULT_KEEP_YEARS), years after leaving — the school's privacy policy may set others
(1-30 years) per record type:

- student_note: 2. The leerlingdossier rule Dutch schools keep to: at most two years after the
  student left (the former Vrijstellingsbesluit Wbp, art. 19; still the sector guidance).
- support_record: 2. The HGW part of the leerlingdossier (group-overview rows, results,
  signals, educational needs, group-meeting decisions, the student's place and outcomes in
  group plans, IHPs and the OPP) and the student's cases (zorgtrajecten with their forms,
  conversations, minutes, actions, referrals and timeline) and gifted-education records
  (observations, self-assessments, intakes, applications, enrolments and reviews, keuze-uren,
  guidance periods, measurements, the support profile): the same rule as the notes. The
  group plan itself stays (it is the group's record); the student is taken out of its rows.
- consent, access_grant, disclosure: 5. The record of with whom data was shared, on which
  basis and who had access is the school's accountability (AVG art. 5(2)) and what a former
  pupil or parent may still ask about; five years matches the statutory term for enrolment and
  absence records (in- en uitschrijving, verzuim) in PO and VO.

"Left" means: at least one enrolment, and every enrolment has an end date before today; the
leaving date is the last end date. A consent that a remaining disclosure or access grant rests
on is kept until those go. Disclosures are append-only: the database function
retention_purge_disclosures (migration 0004) removes them and checks hold and leaving itself.
Audit events are not removed here (append-only for everyone; they record these removals too).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from zorgroute.core.db import UnitOfWork
from zorgroute.core.models import utcnow
from zorgroute.core.security.principal import Principal
from zorgroute.privacy import retention_repository as repo
from zorgroute.privacy.retention_models import RECORD_TYPES

DEFAULT_KEEP_YEARS: dict[str, int] = {
    "student_note": 2,
    "support_record": 2,
    "consent": 5,
    "access_grant": 5,
    "disclosure": 5,
}
AUDIT_ACTION = "retention.delete"
AUDIT_PURPOSE = "retention"


@dataclass
class RetentionReport:
    school_id: uuid.UUID
    today: date
    students_left: int = 0
    deleted: dict[str, int] = field(default_factory=lambda: dict.fromkeys(RECORD_TYPES, 0))


def retention_principal(school_id: uuid.UUID) -> Principal:
    """The system actor of the retention job, for the audit trail."""
    return Principal(
        kind="system",
        audit_id="system:retention",
        display_name="Bewaartermijnen",
        roles={school_id: frozenset({"retention"})},
    )


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


async def apply_retention(
    uow: UnitOfWork, school_id: uuid.UUID, today: date | None = None
) -> RetentionReport:
    """Remove the records of one school's former students whose term has passed. The caller
    owns the unit of work (school context set to this school) and commits it."""
    today = today or utcnow().date()
    report = RetentionReport(school_id=school_id, today=today)
    terms = {**DEFAULT_KEEP_YEARS, **await repo.policies(uow, school_id)}
    left = await repo.left_students(uow, school_id, today)
    report.students_left = len(left)

    def due(record_type: str) -> list[uuid.UUID]:
        years = terms[record_type]
        return sorted(s for s, left_on in left if add_years(left_on, years) <= today)

    for record_type in RECORD_TYPES:  # grants and disclosures before the consents they cite
        students = due(record_type)
        if not students:
            continue
        removed: list[tuple[uuid.UUID, uuid.UUID]]
        if record_type == "access_grant":
            removed = await repo.delete_access_grants(uow, school_id, students)
        elif record_type == "disclosure":
            removed = [(i, s) for s in students for i in await repo.purge_disclosures(uow, s)]
        elif record_type == "consent":
            removed = await repo.delete_consents(uow, school_id, students)
        elif record_type == "support_record":
            removed = await repo.delete_support_records(uow, school_id, students)
        else:
            removed = await repo.delete_notes(uow, school_id, students)
        _audit(uow, school_id, record_type, terms[record_type], removed)
        report.deleted[record_type] += len(removed)
    return report


def _audit(
    uow: UnitOfWork,
    school_id: uuid.UUID,
    record_type: str,
    years: int,
    removed: Sequence[tuple[uuid.UUID, uuid.UUID]],
) -> None:
    by_student: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    for record_id, student_id in removed:
        by_student[student_id].append(record_id)
    for student_id, ids in by_student.items():
        uow.audit_many(
            AUDIT_ACTION,
            record_type,
            ids,
            school_id,
            {"keep_years_after_leaving": years},
            student_id=student_id,
            purpose=AUDIT_PURPOSE,
        )
