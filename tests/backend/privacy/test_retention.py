"""Bewaartermijnen: records of former students go once their term has passed, per school
configurable, never for a student under a legal hold, every removal audited; the database
refuses to purge disclosures outside those rules; the procrastinate worker runs the job."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy import text, update
from sqlalchemy.exc import DBAPIError
from sqlmodel import col, select
from support.factories import World, WorldFactory
from support.privacy_records import Dossier, write_dossier

from zorgroute.audit.models import AuditEvent
from zorgroute.core.db import UnitOfWork
from zorgroute.core.models import utcnow
from zorgroute.notes.models import StudentNote
from zorgroute.privacy.models import AccessGrant, Consent, Disclosure
from zorgroute.privacy.retention import (
    DEFAULT_KEEP_YEARS,
    RetentionReport,
    add_years,
    apply_retention,
    retention_principal,
)
from zorgroute.privacy.retention_models import LegalHold, RetentionPolicy
from zorgroute.roster.models import Enrolment
from zorgroute.settings import Settings
from zorgroute.worker import create_job_app, run_worker

TODAY = utcnow().date()


def years_ago(years: int, days: int = 0) -> date:
    return add_years(TODAY, -years) - timedelta(days=days)


async def _leave(factory: WorldFactory, world: World, student: str, on: date) -> None:
    """End every enrolment of the student on that day."""
    async with factory.run([world.school_id]) as uow:
        await uow.execute(
            update(Enrolment)
            .where(col(Enrolment.student_id) == world.students[student])
            .values(end_date=on)
        )
        await uow.commit()


async def _run(factory: WorldFactory, world: World) -> RetentionReport:
    async with factory.run([world.school_id], retention_principal(world.school_id)) as uow:
        report = await apply_retention(uow, world.school_id)
        await uow.commit()
    return report


async def _remaining(uow: UnitOfWork, dossier: Dossier) -> dict[str, int]:
    async def count(model: type, ids: list[uuid.UUID]) -> int:
        return len(await uow.scalars(select(model.id).where(col(model.id).in_(ids))))  # type: ignore[attr-defined]

    return {
        "student_note": await count(StudentNote, [dossier.note_id]),
        "consent": await count(Consent, [dossier.consent_id]),
        "disclosure": await count(Disclosure, dossier.disclosure_ids),
        "access_grant": await count(AccessGrant, [dossier.grant_id]),
    }


ALL = {"student_note": 1, "consent": 1, "disclosure": 2, "access_grant": 1}
NONE = dict.fromkeys(ALL, 0)


async def test_records_past_their_term_go_and_each_removal_is_audited(
    world: World, factory: WorldFactory
) -> None:
    long_gone = await write_dossier(factory, world, "ll-1", "Oud dossier.")
    await _leave(factory, world, "ll-1", years_ago(6))
    recently = await write_dossier(factory, world, "ll-2", "Vorig jaar nog besproken.")
    await _leave(factory, world, "ll-2", years_ago(3))
    current = await write_dossier(factory, world, "ll-3", "Zit nog op school.")
    held = await write_dossier(factory, world, "ll-4", "Klacht loopt.")
    await _leave(factory, world, "ll-4", years_ago(8))
    async with factory.run([world.school_id]) as uow:
        uow.add(
            LegalHold(
                school_id=world.school_id,
                student_id=world.students["ll-4"],
                reason="Klachtprocedure bij de geschillencommissie",
                placed_by="Privacy Officer",
            )
        )
        await uow.commit()

    report = await _run(factory, world)

    assert report.students_left == 2  # ll-1 and ll-2; ll-4 is held, ll-3 still enrolled
    assert report.deleted == {
        "access_grant": 1,
        "disclosure": 2,
        "consent": 1,
        "student_note": 2,
        "support_record": 0,
    }
    async with factory.run([world.school_id]) as uow:
        assert await _remaining(uow, long_gone) == NONE
        # Notes go two years after leaving; consents, disclosures and grants after five.
        assert await _remaining(uow, recently) == {**ALL, "student_note": 0}
        assert await _remaining(uow, current) == ALL
        assert await _remaining(uow, held) == ALL
        events = await uow.scalars(
            select(AuditEvent).where(
                AuditEvent.action == "retention.delete", AuditEvent.school_id == world.school_id
            )
        )
    removed = {(e.target_type, e.target_id) for e in events}
    assert removed == {
        ("student_note", long_gone.note_id),
        ("consent", long_gone.consent_id),
        ("access_grant", long_gone.grant_id),
        *(("disclosure", i) for i in long_gone.disclosure_ids),
        ("student_note", recently.note_id),
    }
    assert {(e.actor_id, e.actor_kind, e.actor_role, e.purpose) for e in events} == {
        ("system:retention", "system", "retention", "retention")
    }
    by_target = {e.target_id: e for e in events}
    assert by_target[long_gone.note_id].student_id == world.students["ll-1"]
    assert by_target[long_gone.note_id].details == {"keep_years_after_leaving": 2}
    assert by_target[long_gone.consent_id].details == {"keep_years_after_leaving": 5}

    # Nothing left to do: a second run removes nothing.
    assert sum((await _run(factory, world)).deleted.values()) == 0


async def test_a_school_sets_its_own_terms(world: World, factory: WorldFactory) -> None:
    dossier = await write_dossier(factory, world, "ll-1", "Bewaren volgens schoolbeleid.")
    await _leave(factory, world, "ll-1", years_ago(3))
    async with factory.run([world.school_id]) as uow:
        uow.add_all(
            [
                RetentionPolicy(
                    school_id=world.school_id,
                    record_type="student_note",
                    keep_years_after_leaving=4,
                    set_by="Privacy Officer",
                ),
                RetentionPolicy(
                    school_id=world.school_id,
                    record_type="access_grant",
                    keep_years_after_leaving=1,
                    set_by="Privacy Officer",
                ),
                RetentionPolicy(
                    school_id=world.school_id,
                    record_type="consent",
                    keep_years_after_leaving=2,
                    set_by="Privacy Officer",
                ),
            ]
        )
        await uow.commit()

    await _run(factory, world)

    async with factory.run([world.school_id]) as uow:
        # Note kept (4 years), grant gone (1 year); the consent's term (2 years) has passed,
        # but the disclosure on it (default 5 years) is still kept, so the consent stays too.
        assert await _remaining(uow, dossier) == {**ALL, "access_grant": 0}
    assert DEFAULT_KEEP_YEARS["disclosure"] == 5


async def test_the_leaving_date_is_the_last_enrolment_end(
    world: World, factory: WorldFactory
) -> None:
    # ll-4 is in 2B and in 2B-wi: one enrolment still open means the student has not left.
    dossier = await write_dossier(factory, world, "ll-4", "Nog in de wiskundegroep.")
    async with factory.run([world.school_id]) as uow:
        await uow.execute(
            update(Enrolment)
            .where(
                col(Enrolment.student_id) == world.students["ll-4"],
                col(Enrolment.group_id) == world.groups["gr-2b"],
            )
            .values(end_date=years_ago(9))
        )
        await uow.commit()
    await _run(factory, world)
    async with factory.run([world.school_id]) as uow:
        assert await _remaining(uow, dossier) == ALL


async def test_the_database_guards_the_disclosure_purge(
    world: World, factory: WorldFactory
) -> None:
    await write_dossier(factory, world, "ll-1", "x")
    await write_dossier(factory, world, "ll-2", "x")
    await _leave(factory, world, "ll-2", years_ago(0, days=100))  # left, but not a year ago
    purge = text("select * from retention_purge_disclosures(cast(:s as uuid))")
    for student, message in (("ll-1", "has not left"), ("ll-2", "has not left")):
        async with factory.run([world.school_id]) as uow:
            with pytest.raises(DBAPIError, match=message):
                await uow.execute(purge, {"s": str(world.students[student])})
    async with factory.run([world.school_id]) as uow:
        with pytest.raises(DBAPIError, match="permission denied"):
            await uow.execute(
                text("delete from disclosure where student_id = cast(:s as uuid)"),
                {"s": str(world.students["ll-1"])},
            )
    # Another school's context sees no enrolments: nothing to purge there either.
    await _leave(factory, world, "ll-1", years_ago(6))
    async with factory.run([uuid.uuid4()]) as uow:
        with pytest.raises(DBAPIError, match="has not left"):
            await uow.execute(purge, {"s": str(world.students["ll-1"])})


async def test_a_legal_hold_also_stops_the_database_purge(
    world: World, factory: WorldFactory
) -> None:
    await write_dossier(factory, world, "ll-1", "x")
    await _leave(factory, world, "ll-1", years_ago(6))
    async with factory.run([world.school_id]) as uow:
        uow.add(
            LegalHold(
                school_id=world.school_id,
                student_id=world.students["ll-1"],
                reason="Melding Veilig Thuis",
                placed_by="Privacy Officer",
            )
        )
        await uow.commit()
    async with factory.run([world.school_id]) as uow:
        with pytest.raises(DBAPIError, match="legal hold"):
            await uow.execute(
                text("select * from retention_purge_disclosures(cast(:s as uuid))"),
                {"s": str(world.students["ll-1"])},
            )


async def test_the_worker_runs_the_nightly_job_for_every_school(
    world: World, factory: WorldFactory, settings: Settings
) -> None:
    dossier = await write_dossier(factory, world, "ll-1", "Via de worker.")
    await _leave(factory, world, "ll-1", years_ago(6))
    app = create_job_app(settings)
    async with app.open_async():
        await app.configure_task("privacy:schedule_retention").defer_async(timestamp=0)
    await run_worker(settings, wait=False)  # the nightly job defers one job per school

    async with factory.run([world.school_id]) as uow:
        assert await _remaining(uow, dossier) == NONE
        rows = (
            await uow.execute(
                text(
                    "select task_name, status::text from procrastinate_jobs"
                    " where args->>'school_id' = :school or task_name like '%schedule%'"
                ),
                {"school": str(world.school_id)},
            )
        ).all()
    assert ("privacy:apply_retention", "succeeded") in rows
    assert all(status == "succeeded" for _, status in rows), rows
