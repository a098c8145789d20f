"""Test results and social-emotional scores from the LVS or a test platform: a bulk upsert on
the source's own ids, once per Idempotency-Key, as the roster sync does."""

from __future__ import annotations

import uuid
from typing import Any

from sqlmodel import col, select

from zorgroute.core import idempotency
from zorgroute.core.db import UnitOfWork
from zorgroute.core.errors import Forbidden, NotFound
from zorgroute.core.models import utcnow
from zorgroute.core.security.principal import Principal
from zorgroute.hgw.models import AssessmentResult
from zorgroute.hgw.schemas import (
    ResultImportOutcome,
    ResultImportRequest,
    ResultImportResponse,
    ResultImportRow,
)
from zorgroute.roster.models import ExternalRef

OPERATION = "results:import"
SCOPE = "results:write"
# The fields a repeated import may change.
VALUES = ("kind", "domain", "instrument", "respondent", "taken_on", "score", "level")


def _values(row: ResultImportRow) -> dict[str, Any]:
    return row.model_dump(include=set(VALUES))


def _same(result: AssessmentResult, values: dict[str, Any]) -> bool:
    current = {name: getattr(result, name) for name in VALUES}
    if current["score"] is not None:
        current["score"] = float(current["score"])
    return current == values


async def import_results(
    uow: UnitOfWork,
    principal: Principal,
    school_id: uuid.UUID,
    request: ResultImportRequest,
    raw_body: Any,
    key: str,
) -> tuple[int, dict[str, Any], bool]:
    """Run the import once per Idempotency-Key. Returns (status, body, replayed)."""
    if school_id not in principal.roles:
        raise NotFound("There is no school with this id that you may import into.")
    if principal.kind != "system":
        raise Forbidden("Results are imported by the school's LVS or test platform integration.")
    principal.require_scope(SCOPE)

    async def work() -> dict[str, Any]:
        return (await _import(uow, principal, school_id, request)).model_dump(mode="json")

    return await idempotency.run_once(
        uow, school_id, principal.audit_id, OPERATION, key, raw_body, work
    )


async def _import(
    uow: UnitOfWork, principal: Principal, school_id: uuid.UUID, request: ResultImportRequest
) -> ResultImportResponse:
    source = request.source
    students = {
        ref.external_id: ref.entity_id
        for ref in await uow.scalars(
            select(ExternalRef).where(
                ExternalRef.school_id == school_id,
                ExternalRef.entity_type == "student",
                ExternalRef.source == source,
                col(ExternalRef.external_id).in_({r.student_external_id for r in request.results}),
            )
        )
    }
    held = {
        r.external_id: r
        for r in await uow.scalars(
            select(AssessmentResult).where(
                AssessmentResult.school_id == school_id,
                AssessmentResult.source == source,
                col(AssessmentResult.external_id).in_({r.external_id for r in request.results}),
            )
        )
    }
    counts = dict.fromkeys(("created", "updated", "unchanged", "rejected"), 0)
    outcomes: list[ResultImportOutcome] = []
    seen: set[str] = set()
    for i, row in enumerate(request.results):
        student_id = students.get(row.student_external_id)
        problem = None
        if row.external_id in seen:
            problem = "duplicate-row: this external_id appears earlier in the request"
        elif student_id is None:
            problem = f"unknown-reference: no student {row.student_external_id} from {source}"
        seen.add(row.external_id)
        result = held.get(row.external_id)
        if problem is not None or student_id is None:
            outcome, result_id = "rejected", None
        elif result is None:
            result = AssessmentResult(
                school_id=school_id,
                student_id=student_id,
                source=source,
                external_id=row.external_id,
                entered_by_name=principal.display_name,
                **_values(row),
            )
            uow.add(result)
            held[row.external_id] = result
            outcome, result_id = "created", result.id
        elif result.student_id == student_id and _same(result, _values(row)):
            outcome, result_id = "unchanged", result.id
        else:
            for name, value in _values(row).items():
                setattr(result, name, value)
            result.student_id = student_id
            result.updated_at = utcnow()
            outcome, result_id = "updated", result.id
        counts[outcome] += 1
        if outcome in ("created", "updated"):
            uow.audit(
                f"assessment_result.import_{outcome}", "assessment_result", result_id, school_id,
                {"source": source}, student_id=student_id,
            )  # fmt: skip
        outcomes.append(
            ResultImportOutcome(
                pointer=f"/results/{i}",
                external_id=row.external_id,
                outcome=outcome,
                id=result_id,
                problem=problem,
            )
        )
    await uow.flush()
    return ResultImportResponse(source=source, counts=counts, results=outcomes)
