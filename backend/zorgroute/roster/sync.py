"""The LVS roster sync: a bulk upsert keyed on (source, external_id), row by row outcomes.

Rows are validated one at a time and every reference is resolved before anything is written,
so one bad row is rejected on its own and never aborts or corrupts the rest. Writes are
set-based (a few statements per entity type), so batches of thousands of students are fine.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ValidationError

from zorgroute.core import idempotency
from zorgroute.core.db import UnitOfWork
from zorgroute.core.errors import NotFound
from zorgroute.core.models import new_id, utcnow
from zorgroute.core.problem import model_errors
from zorgroute.core.security.principal import Principal
from zorgroute.organisations import repository as org_repo
from zorgroute.organisations.models import SchoolYear
from zorgroute.roster import policies
from zorgroute.roster import sync_repository as repo
from zorgroute.roster.models import (
    Enrolment,
    ExternalRef,
    Group,
    Guardian,
    PersonName,
    StaffMember,
    Student,
    StudentGuardian,
    TeachingAssignment,
)
from zorgroute.roster.schemas import (
    MissingRecord,
    Outcome,
    RosterSyncRequest,
    RosterSyncResult,
    RowProblem,
    RowResult,
    SyncAssignment,
    SyncCounts,
    SyncEnrolment,
    SyncGroup,
    SyncGuardian,
    SyncStaff,
    SyncStudent,
)

OPERATION = "roster:sync"


@dataclass(frozen=True)
class EntitySpec:
    entity_type: str
    key: str  # the payload member, e.g. "students"
    row: type[BaseModel]
    table: type[Any]
    fields: tuple[str, ...]  # columns copied from the row as they are
    # Columns computed from the row and the record's resulting field values.
    derived: Callable[[Any, dict[str, Any], SyncContext], dict[str, Any]] | None = None


@dataclass
class SyncContext:
    uow: UnitOfWork
    school_id: uuid.UUID
    source: str
    now: datetime
    results: list[RowResult] = field(default_factory=list)
    counts: dict[str, SyncCounts] = field(default_factory=dict)
    years: dict[str, uuid.UUID] = field(default_factory=dict)
    ids: dict[str, dict[str, uuid.UUID]] = field(default_factory=dict)  # type -> ext id -> id
    seen: dict[str, set[str]] = field(default_factory=dict)  # type -> every ext id in payload
    written: dict[tuple[str, str], list[uuid.UUID]] = field(default_factory=dict)

    def outcome(
        self,
        kind: str,
        pointer: str,
        external_id: str | None,
        outcome: Outcome,
        entity_id: uuid.UUID | None = None,
        problem: RowProblem | None = None,
    ) -> None:
        counts = self.counts.setdefault(kind, SyncCounts())
        setattr(counts, outcome, getattr(counts, outcome) + 1)
        # Our own values, already valid: skip re-validating thousands of result rows.
        self.results.append(
            RowResult.model_construct(
                pointer=pointer,
                external_id=external_id,
                outcome=outcome,
                id=entity_id,
                problem=problem,
            )
        )
        if outcome in ("created", "updated") and entity_id is not None:
            self.written.setdefault((kind, outcome), []).append(entity_id)

    def reject(
        self,
        kind: str,
        pointer: str,
        external_id: str | None,
        code: str,
        detail: str,
        errors: list[dict[str, Any]] | None = None,
    ) -> None:
        self.outcome(
            kind,
            pointer,
            external_id,
            "rejected",
            problem=RowProblem(code=code, detail=detail, errors=errors),
        )


def _student_derived(row: SyncStudent, values: dict[str, Any], ctx: SyncContext) -> dict[str, Any]:
    name = PersonName.sort_name(values["given_name"], values["infix"], values["family_name"])
    return {"sort_name": name}


def _group_derived(row: SyncGroup, values: dict[str, Any], ctx: SyncContext) -> dict[str, Any]:
    return {"school_year_id": ctx.years[row.school_year]}


SPECS = (
    EntitySpec("group", "groups", SyncGroup, Group,
               ("name", "kind", "grade", "track", "subject"), _group_derived),
    EntitySpec("staff_member", "staff", SyncStaff, StaffMember,
               ("given_name", "infix", "family_name", "email")),
    EntitySpec("student", "students", SyncStudent, Student,
               ("given_name", "infix", "family_name", "preferred_name", "date_of_birth", "eck_id"),
               _student_derived),
    EntitySpec("guardian", "guardians", SyncGuardian, Guardian,
               ("given_name", "infix", "family_name", "email", "phone")),
)  # fmt: skip


def _validate(
    ctx: SyncContext, kind: str, pointer: str, raw: Any, model: type[BaseModel]
) -> Any | None:
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        external_id = raw.get("external_id") if isinstance(raw, dict) else None
        errors = model_errors(exc, pointer)
        ctx.reject(
            kind,
            pointer,
            str(external_id) if external_id else None,
            "invalid-row",
            "The row has missing or invalid fields.",
            errors,
        )
        return None


def _validate_all(
    ctx: SyncContext, kind: str, key: str, raw_rows: list[Any], model: type[BaseModel]
) -> list[tuple[str, Any]]:
    """The valid rows with their JSON pointers; invalid ones are rejected on the way."""
    return [
        (f"/{key}/{i}", row)
        for i, raw in enumerate(raw_rows)
        if (row := _validate(ctx, kind, f"/{key}/{i}", raw, model)) is not None
    ]


async def _resolve_school_years(ctx: SyncContext, groups: list[tuple[str, SyncGroup]]) -> None:
    """Groups name their school year ("2026-2027"); unknown years are created (1 Aug-31 Jul)."""
    for year in await org_repo.school_years(ctx.uow, [ctx.school_id]):
        ctx.years[year.name] = year.id
    for _, row in groups:
        name = row.school_year
        start, end = (int(p) for p in name.split("-"))
        if name not in ctx.years and end == start + 1 and 2000 <= start <= 2099:
            year = SchoolYear(
                school_id=ctx.school_id,
                name=name,
                starts_on=date(start, 8, 1),
                ends_on=date(end, 7, 31),
            )
            ctx.uow.add(year)
            ctx.years[name] = year.id
    await ctx.uow.flush()


async def _upsert_entities(
    ctx: SyncContext, spec: EntitySpec, raw_rows: list[Any], prepared: list[tuple[str, Any]]
) -> list[tuple[str, Any]]:
    """Create or update one entity type. Returns the (pointer, row) pairs that were accepted."""
    kind = spec.entity_type
    ctx.seen[kind] = {str(r.get("external_id")) for r in raw_rows if isinstance(r, dict)}
    valid: list[tuple[str, Any]] = []
    first_pointer: dict[str, str] = {}
    for pointer, row in prepared:
        if row.external_id in first_pointer:
            ctx.reject(
                kind,
                pointer,
                row.external_id,
                "duplicate-row",
                f"external_id also appears at {first_pointer[row.external_id]}.",
            )
            continue
        if kind == "group" and row.school_year not in ctx.years:
            ctx.reject(
                kind,
                pointer,
                row.external_id,
                "invalid-school-year",
                "school_year must name two consecutive years, e.g. 2026-2027.",
            )
            continue
        first_pointer[row.external_id] = pointer
        valid.append((pointer, row))

    refs = await repo.refs_by_external_id(
        ctx.uow, ctx.school_id, kind, ctx.source, [r.external_id for _, r in valid]
    )
    current = await repo.rows_by_id(ctx.uow, spec.table, [r.entity_id for r in refs.values()])
    inserts: list[dict[str, Any]] = []
    ref_inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    ref_updates: list[dict[str, Any]] = []
    accepted: list[tuple[str, Any]] = []
    ids = ctx.ids.setdefault(kind, {})
    for pointer, row in valid:
        ref = refs.get(row.external_id)
        existing = current.get(ref.entity_id) if ref is not None else None
        if ref is None or existing is None:
            entity_id = new_id()
            values = {name: getattr(row, name) for name in spec.fields}
            values |= spec.derived(row, values, ctx) if spec.derived else {}
            inserts.append({"id": entity_id, "school_id": ctx.school_id, **values})
            ref_inserts.append(
                {
                    "id": new_id(),
                    "school_id": ctx.school_id,
                    "entity_type": kind,
                    "source": ctx.source,
                    "external_id": row.external_id,
                    "entity_id": entity_id,
                    "source_modified_at": row.modified_at,
                }
            )
            ctx.outcome(kind, pointer, row.external_id, "created", entity_id)
        else:
            entity_id = existing.id
            ids[row.external_id] = entity_id  # a stale row still exists for references
            held = ref.source_modified_at
            if row.modified_at is not None and held is not None and row.modified_at < held:
                ctx.reject(
                    kind,
                    pointer,
                    row.external_id,
                    "stale-row",
                    f"We hold a newer version from {ctx.source} (modified_at {held}).",
                )
                continue
            # Only what the source sent: a field it leaves out keeps its value (a school's own
            # correction of, say, the preferred name survives the next sync).
            sent = {n: getattr(row, n) for n in spec.fields if n in row.model_fields_set}
            merged = {n: getattr(existing, n) for n in spec.fields} | sent
            values = sent | (spec.derived(row, merged, ctx) if spec.derived else {})
            changed = {k: v for k, v in values.items() if getattr(existing, k) != v}
            if changed:
                updates.append(
                    {
                        "id": entity_id,
                        **changed,
                        "version": existing.version + 1,
                        "updated_at": ctx.now,
                    }
                )
                ctx.outcome(kind, pointer, row.external_id, "updated", entity_id)
            else:
                ctx.outcome(kind, pointer, row.external_id, "unchanged", entity_id)
            if row.modified_at is not None and (held is None or row.modified_at > held):
                ref_updates.append({"id": ref.id, "source_modified_at": row.modified_at})
        ids[row.external_id] = entity_id
        accepted.append((pointer, row))
    await repo.insert_rows(ctx.uow, spec.table, inserts)
    await repo.insert_rows(ctx.uow, ExternalRef, ref_inserts)
    await repo.update_rows(ctx.uow, spec.table, updates)
    await repo.update_rows(ctx.uow, ExternalRef, ref_updates)
    return accepted


def _resolve(ctx: SyncContext, kind: str, external_id: str) -> uuid.UUID | None:
    return ctx.ids.get(kind, {}).get(external_id)


async def _know(ctx: SyncContext, kind: str, external_ids: set[str]) -> None:
    """Make records of this source from earlier syncs resolvable (a delta sync may enrol a
    student it does not send again)."""
    known = ctx.ids.setdefault(kind, {})
    missing = [e for e in external_ids if e not in known]
    refs = await repo.refs_by_external_id(ctx.uow, ctx.school_id, kind, ctx.source, missing)
    known.update({ext: ref.entity_id for ext, ref in refs.items()})


async def _sync_links(ctx: SyncContext, guardians: list[tuple[str, SyncGuardian]]) -> None:
    """Which guardian belongs to which student, with relation and parental authority (gezag)."""
    wanted: dict[tuple[uuid.UUID, uuid.UUID], tuple[str, bool]] = {}
    await _know(
        ctx, "student", {link.student_external_id for _, g in guardians for link in g.students}
    )
    for pointer, row in guardians:
        guardian_id = _resolve(ctx, "guardian", row.external_id)
        assert guardian_id is not None
        for j, link in enumerate(row.students):
            student_id = _resolve(ctx, "student", link.student_external_id)
            if student_id is None:
                # The guardian itself is stored; only this link waits for its student.
                ctx.reject(
                    "guardian_link",
                    f"{pointer}/students/{j}",
                    row.external_id,
                    "unknown-reference",
                    f"No student with external_id {link.student_external_id!r} "
                    f"from {ctx.source} at this school.",
                )
                continue
            wanted[(student_id, guardian_id)] = (link.relation, link.parental_authority)
    existing = await repo.guardian_links(ctx.uow, list({g for _, g in wanted}))
    inserts, updates = [], []
    for (student_id, guardian_id), (relation, authority) in wanted.items():
        link_row = existing.get((student_id, guardian_id))
        if link_row is None:
            inserts.append(
                {
                    "id": new_id(),
                    "school_id": ctx.school_id,
                    "student_id": student_id,
                    "guardian_id": guardian_id,
                    "relation": relation,
                    "parental_authority": authority,
                }
            )
        elif (link_row.relation, link_row.parental_authority) != (relation, authority):
            updates.append(
                {
                    "id": link_row.id,
                    "relation": relation,
                    "parental_authority": authority,
                    "updated_at": ctx.now,
                }
            )
    await repo.insert_rows(ctx.uow, StudentGuardian, inserts)
    await repo.update_rows(ctx.uow, StudentGuardian, updates)


async def _sync_enrolments(ctx: SyncContext, raw_rows: list[Any]) -> None:
    kind = "enrolment"
    wanted: dict[tuple[uuid.UUID, uuid.UUID], tuple[str, str, SyncEnrolment]] = {}
    rows = _validate_all(ctx, kind, "enrolments", raw_rows, SyncEnrolment)
    await _know(ctx, "student", {r.student_external_id for _, r in rows})
    await _know(ctx, "group", {r.group_external_id for _, r in rows})
    for pointer, row in rows:
        key_text = f"{row.student_external_id}/{row.group_external_id}"
        student_id = _resolve(ctx, "student", row.student_external_id)
        group_id = _resolve(ctx, "group", row.group_external_id)
        if student_id is None or group_id is None:
            missing = "student" if student_id is None else "group"
            ctx.reject(
                kind,
                pointer,
                key_text,
                "unknown-reference",
                f"The {missing} of this enrolment is not known from {ctx.source}.",
            )
            continue
        if (student_id, group_id) in wanted:
            ctx.reject(
                kind,
                pointer,
                key_text,
                "duplicate-row",
                f"The same enrolment is at {wanted[(student_id, group_id)][0]}.",
            )
            continue
        if row.start_date and row.end_date and row.end_date < row.start_date:
            ctx.reject(kind, pointer, key_text, "invalid-row", "end_date is before start_date.")
            continue
        wanted[(student_id, group_id)] = (pointer, key_text, row)
    existing = await repo.enrolments(ctx.uow, list({s for s, _ in wanted}))
    inserts, updates = [], []
    for (student_id, group_id), (pointer, key_text, row) in wanted.items():
        current = existing.get((student_id, group_id))
        dates = {"start_date": row.start_date, "end_date": row.end_date}
        if current is None:
            entity_id = new_id()
            inserts.append(
                {
                    "id": entity_id,
                    "school_id": ctx.school_id,
                    "student_id": student_id,
                    "group_id": group_id,
                    **dates,
                }
            )
            ctx.outcome(kind, pointer, key_text, "created", entity_id)
        elif (current.start_date, current.end_date) != (row.start_date, row.end_date):
            updates.append({"id": current.id, **dates, "updated_at": ctx.now})
            ctx.outcome(kind, pointer, key_text, "updated", current.id)
        else:
            ctx.outcome(kind, pointer, key_text, "unchanged", current.id)
    await repo.insert_rows(ctx.uow, Enrolment, inserts)
    await repo.update_rows(ctx.uow, Enrolment, updates)


async def _sync_assignments(ctx: SyncContext, raw_rows: list[Any]) -> None:
    kind = "assignment"
    wanted: dict[tuple[uuid.UUID, uuid.UUID, str, str], tuple[str, str]] = {}
    rows = _validate_all(ctx, kind, "assignments", raw_rows, SyncAssignment)
    await _know(ctx, "staff_member", {r.staff_external_id for _, r in rows})
    await _know(ctx, "group", {r.group_external_id for _, r in rows})
    for pointer, row in rows:
        key_text = f"{row.staff_external_id}/{row.group_external_id}/{row.role}"
        staff_id = _resolve(ctx, "staff_member", row.staff_external_id)
        group_id = _resolve(ctx, "group", row.group_external_id)
        if staff_id is None or group_id is None:
            missing = "staff member" if staff_id is None else "group"
            ctx.reject(
                kind,
                pointer,
                key_text,
                "unknown-reference",
                f"The {missing} of this assignment is not known from {ctx.source}.",
            )
            continue
        key = (staff_id, group_id, row.role, row.subject or "")
        if key in wanted:
            ctx.reject(
                kind,
                pointer,
                key_text,
                "duplicate-row",
                f"The same assignment is at {wanted[key][0]}.",
            )
            continue
        wanted[key] = (pointer, key_text)
    existing = await repo.assignments(ctx.uow, list({k[0] for k in wanted}))
    inserts = []
    for key, (pointer, key_text) in wanted.items():
        if key in existing:
            ctx.outcome(kind, pointer, key_text, "unchanged")
            continue
        entity_id = new_id()
        staff_id, group_id, role, subject = key
        inserts.append(
            {
                "id": entity_id,
                "school_id": ctx.school_id,
                "staff_member_id": staff_id,
                "group_id": group_id,
                "role": role,
                "subject": subject,
            }
        )
        ctx.outcome(kind, pointer, key_text, "created", entity_id)
    await repo.insert_rows(ctx.uow, TeachingAssignment, inserts)


async def _missing(ctx: SyncContext) -> list[MissingRecord]:
    """Full mode: what we hold from this source that the payload no longer names."""
    return [
        MissingRecord(entity_type=ref.entity_type, external_id=ref.external_id, id=ref.entity_id)
        for ref in await repo.all_refs(ctx.uow, ctx.school_id, ctx.source)
        if ref.external_id not in ctx.seen.get(ref.entity_type, set())
    ]


async def sync_roster(
    uow: UnitOfWork,
    principal: Principal,
    school_id: uuid.UUID,
    request: RosterSyncRequest,
) -> RosterSyncResult:
    now = utcnow()
    ctx = SyncContext(uow=uow, school_id=school_id, source=request.source, now=now)
    accepted: dict[str, list[tuple[str, Any]]] = {}
    for spec in SPECS:
        raw_rows: list[Any] = getattr(request, spec.key)
        prepared = _validate_all(ctx, spec.entity_type, spec.key, raw_rows, spec.row)
        if spec.entity_type == "group":
            await _resolve_school_years(ctx, prepared)
        accepted[spec.entity_type] = await _upsert_entities(ctx, spec, raw_rows, prepared)
    await _sync_links(ctx, accepted["guardian"])
    await _sync_enrolments(ctx, request.enrolments)
    await _sync_assignments(ctx, request.assignments)
    for (kind, outcome), ids in ctx.written.items():
        uow.audit_many(
            f"{kind}.{'create' if outcome == 'created' else 'update'}",
            kind,
            ids,
            school_id,
            {"via": "roster:sync", "source": request.source},
        )
    return RosterSyncResult(
        source=request.source,
        mode=request.mode,
        synced_at=now,
        counts=ctx.counts,
        results=ctx.results,
        missing=await _missing(ctx) if request.mode == "full" else [],
    )


async def sync_roster_idempotent(
    uow: UnitOfWork,
    principal: Principal,
    school_id: uuid.UUID,
    request: RosterSyncRequest,
    raw_body: Any,
    key: str,
) -> tuple[int, dict[str, Any], bool]:
    """Run the sync once per Idempotency-Key. Returns (status, body, replayed)."""
    if school_id not in principal.roles:
        raise NotFound("There is no school with this id that you may synchronise.")
    policies.require_sync(principal)

    async def work() -> dict[str, Any]:
        return (await sync_roster(uow, principal, school_id, request)).model_dump(mode="json")

    return await idempotency.run_once(
        uow, school_id, principal.audit_id, OPERATION, key, raw_body, work
    )
