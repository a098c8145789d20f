"""Privacy records written straight into the database, for tests that need a full dossier."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import select
from support.factories import World, WorldFactory

from zorgroute.core.models import utcnow
from zorgroute.notes.models import StudentNote
from zorgroute.privacy.models import AccessGrant, Consent, Disclosure
from zorgroute.roster.models import StudentGuardian


@dataclass
class Dossier:
    note_id: uuid.UUID
    consent_id: uuid.UUID
    disclosure_ids: list[uuid.UUID]
    grant_id: uuid.UUID


async def write_dossier(factory: WorldFactory, world: World, student: str, body: str) -> Dossier:
    """A care note, a consent for the ZAT, two disclosures (on that consent and on a legal
    ground) and an external partner's access grant, written straight into the database."""
    student_id = world.students[student]
    now = utcnow()
    async with factory.run([world.school_id]) as uow:
        link = await uow.first(
            select(StudentGuardian).where(StudentGuardian.student_id == student_id)
        )
        assert link is not None
        note = StudentNote(
            school_id=world.school_id,
            student_id=student_id,
            category="care",
            subject="rekenen",
            body=body,
            author_id=world.users["zorgcoordinator"],
            author_name="Zorg Coördinator",
        )
        consent = Consent(
            school_id=world.school_id,
            student_id=student_id,
            purpose="register_zat",
            granted=True,
            given_by="guardian",
            guardian_id=link.guardian_id,
            method="signed_form",
            given_on=date(2026, 9, 14),
            recorded_by="Zorg Coördinator",
        )
        uow.add_all([note, consent])
        await uow.flush()
        by_consent = Disclosure(
            school_id=world.school_id,
            student_id=student_id,
            purpose="register_zat",
            recipient_kind="zat",
            recipient_name="ZAT Rivierstad",
            data_categories=["personal_details", "care_notes"],
            consent_id=consent.id,
            disclosed_by="Zorg Coördinator",
        )
        by_law = Disclosure(
            school_id=world.school_id,
            student_id=student_id,
            purpose="share_external",
            recipient_kind="external_organisation",
            recipient_name="Veilig Thuis",
            data_categories=["home_situation"],
            legal_ground="vital_interest",
            explanation="Meldcode: acute zorg om de veiligheid thuis.",
            disclosed_by="Zorg Coördinator",
        )
        grant = AccessGrant(
            school_id=world.school_id,
            user_id=world.users["external_partner"],
            student_id=student_id,
            consent_id=consent.id,
            purpose="register_zat",
            valid_from=now - timedelta(days=1),
            valid_until=now + timedelta(days=30),
            granted_by="Zorg Coördinator",
        )
        uow.add_all([by_consent, by_law, grant])
        await uow.commit()
    return Dossier(note.id, consent.id, [by_consent.id, by_law.id], grant.id)
