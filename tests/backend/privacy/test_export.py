"""Inzageverzoek (AVG art. 15): the privacy officer's export of everything the school holds about
one student, as JSON and as a Dutch PDF; who may export; every export is audited (inzage)."""

from __future__ import annotations

import re
import uuid
import zlib

import httpx
import pytest
from sqlmodel import select
from support.factories import World, WorldFactory
from support.privacy_records import write_dossier

from zorgroute.audit.models import AuditEvent
from zorgroute.privacy.export_pdf import pdf_text
from zorgroute.roster.service import STUDENT_NOT_FOUND


def _pdf_text(pdf: bytes) -> str:
    """The text shown by a PDF written by fpdf2 with a core font: its (deflated) content
    streams, whose strings are WinAnsi (Windows-1252) bytes."""
    out = []
    for raw in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.DOTALL):
        try:
            out.append(zlib.decompress(raw).decode("cp1252", errors="replace"))
        except zlib.error:
            out.append(raw.decode("cp1252", errors="replace"))
    text = "\n".join(out)
    return text.replace("\\(", "(").replace("\\)", ")").replace("\\\\", "\\")


async def test_privacy_officer_exports_everything_the_school_holds_about_a_student(
    client: httpx.AsyncClient, world: World, factory: WorldFactory
) -> None:
    student_id = world.students["ll-1"]
    mentor = await world.headers("mentor")
    assert (await client.get(f"/api/v1/students/{student_id}", headers=mentor)).status_code == 200
    dossier = await write_dossier(factory, world, "ll-1", "Moeite met breuken; gesprek met ouders.")

    resp = await client.get(
        f"/api/v1/students/{student_id}/export", headers=await world.headers("privacy_officer")
    )
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["school_id"] == str(world.school_id)
    assert body["school_name"].startswith("Testschool ")
    assert body["generated_by"].startswith("privacy_officer ")
    assert body["student"]["family_name"] == "Vries"
    assert body["student"]["infix"] == "de"
    assert body["student"]["date_of_birth"] == "2014-03-02"
    assert {"source": "testlvs", "external_id": "ll-1"} in body["student"]["external_ids"]
    assert body["guardians"] == [
        {
            "given_name": "Ouder",
            "infix": "de",
            "family_name": "Vries",
            "relation": "parent",
            "parental_authority": True,
        }
    ]  # names and gezag; no e-mail or phone of the guardian
    [enrolment] = body["enrolments"]
    assert (enrolment["group_name"], enrolment["school_year"]) == ("1A", "2026-2027")
    assert [(s["role"], s["family_name"]) for s in enrolment["staff"]] == [("mentor", "Medewerker")]

    [note] = body["notes"]
    assert note["id"] == str(dossier.note_id)
    assert (note["category"], note["subject"], note["author_name"]) == (
        "care",
        "rekenen",
        "Zorg Coördinator",
    )
    assert note["body"] == "Moeite met breuken; gesprek met ouders."

    [consent] = body["consents"]
    assert consent["id"] == str(dossier.consent_id)
    assert consent["purpose"] == "register_zat"
    assert consent["granted"] is True
    assert (consent["given_by"], consent["guardian_name"]) == ("guardian", "Ouder de Vries")
    assert (consent["method"], consent["given_on"]) == ("signed_form", "2026-09-14")
    assert consent["withdrawn_at"] is None

    disclosures = {d["recipient_name"]: d for d in body["disclosures"]}
    assert [d["id"] for d in body["disclosures"]] == [str(i) for i in dossier.disclosure_ids]
    zat = disclosures["ZAT Rivierstad"]
    assert (zat["basis"], zat["consent_id"]) == ("consent", str(dossier.consent_id))
    assert zat["data_categories"] == ["personal_details", "care_notes"]
    law = disclosures["Veilig Thuis"]
    assert (law["basis"], law["legal_ground"], law["consent_id"]) == (
        "vital_interest",
        "vital_interest",
        None,
    )
    assert law["explanation"].startswith("Meldcode")
    assert law["disclosed_by"] == "Zorg Coördinator"

    [grant] = body["access_grants"]
    assert grant["id"] == str(dossier.grant_id)
    assert grant["partner_name"].startswith("external_partner ")
    assert (grant["purpose"], grant["revoked_at"]) == ("register_zat", None)

    reads = [e for e in body["audit_trail"] if e["action"] == "student.read"]
    assert reads, body["audit_trail"]
    assert reads[-1]["actor_id"] == f"user:{world.users['mentor']}"
    assert reads[-1]["actor_name"].startswith("mentor ")
    assert reads[-1]["actor_role"] == "mentor"
    assert all("details" not in e for e in body["audit_trail"])
    # The export does not list itself: its event is written when its transaction commits.
    assert not [e for e in body["audit_trail"] if e["action"] == "student.export"]


async def test_every_export_is_audited_with_purpose_inzage(
    client: httpx.AsyncClient, world: World, factory: WorldFactory
) -> None:
    student_id = world.students["ll-2"]
    headers = await world.headers("privacy_officer")
    first = await client.get(f"/api/v1/students/{student_id}/export", headers=headers)
    assert first.status_code == 200, first.text
    pdf = await client.get(f"/api/v1/students/{student_id}/export.pdf", headers=headers)
    assert pdf.status_code == 200, pdf.text

    again = await client.get(f"/api/v1/students/{student_id}/export", headers=headers)
    exports = [e for e in again.json()["audit_trail"] if e["action"] == "student.export"]
    assert [(e["purpose"], e["actor_role"]) for e in exports] == [
        ("inzage", "privacy_officer"),
        ("inzage", "privacy_officer"),
    ]
    async with factory.run([world.school_id]) as uow:
        events = await uow.scalars(
            select(AuditEvent).where(
                AuditEvent.action == "student.export", AuditEvent.student_id == student_id
            )
        )
    assert sorted((e.details or {}).get("format", "") for e in events) == ["json", "json", "pdf"]
    assert {(e.target_type, e.target_id, e.purpose, e.school_id) for e in events} == {
        ("student", student_id, "inzage", world.school_id)
    }


async def test_school_leader_may_export_too(client: httpx.AsyncClient, world: World) -> None:
    resp = await client.get(
        f"/api/v1/students/{world.students['ll-6']}/export",
        headers=await world.headers("school_leader"),
    )
    assert resp.status_code == 200, resp.text
    assert resp.json()["notes"] == []


@pytest.mark.parametrize("suffix", ["export", "export.pdf"])
async def test_a_teacher_may_not_export_and_learns_nothing_about_other_students(
    client: httpx.AsyncClient, world: World, factory: WorldFactory, suffix: str
) -> None:
    headers = await world.headers("teacher")
    # ll-5 is in the teacher's maths group: visible, so the refusal is a 403.
    resp = await client.get(f"/api/v1/students/{world.students['ll-5']}/{suffix}", headers=headers)
    assert resp.status_code == 403, resp.text
    assert resp.headers["content-type"] == "application/problem+json"
    assert resp.json()["code"] == "forbidden"
    # ll-1 is not the teacher's student, and a random id exists nowhere: both are 404, worded
    # as the roster words it.
    for student_id in (world.students["ll-1"], uuid.uuid4()):
        resp = await client.get(f"/api/v1/students/{student_id}/{suffix}", headers=headers)
        assert resp.status_code == 404, resp.text
        assert resp.json()["detail"] == STUDENT_NOT_FOUND
    async with factory.run([world.school_id]) as uow:
        events = await uow.scalars(
            select(AuditEvent).where(
                AuditEvent.action == "student.export", AuditEvent.school_id == world.school_id
            )
        )
    assert events == []


@pytest.mark.parametrize("role", ["team_leader", "zorgcoordinator", "mentor", "external_partner"])
async def test_roles_that_see_a_student_get_403(
    client: httpx.AsyncClient, world: World, factory: WorldFactory, role: str
) -> None:
    await write_dossier(factory, world, "ll-1", "x")  # the external partner's grant is for ll-1
    resp = await client.get(
        f"/api/v1/students/{world.students['ll-1']}/export", headers=await world.headers(role)
    )
    assert resp.status_code == 403, resp.text


async def test_the_privacy_officer_of_another_school_gets_404(
    client: httpx.AsyncClient, world: World, factory: WorldFactory
) -> None:
    other = await factory.build()
    resp = await client.get(
        f"/api/v1/students/{world.students['ll-1']}/export",
        headers=await other.headers("privacy_officer"),
    )
    assert resp.status_code == 404
    assert resp.json()["detail"] == STUDENT_NOT_FOUND


async def test_export_needs_a_login(client: httpx.AsyncClient, world: World) -> None:
    resp = await client.get(f"/api/v1/students/{world.students['ll-1']}/export.pdf")
    assert resp.status_code == 401


async def test_the_pdf_is_a_readable_dutch_document(
    client: httpx.AsyncClient, world: World, factory: WorldFactory
) -> None:
    # ll-5 is Julia Yilmaz spelled with a dotless i (U+0131), which the PDF's core font lacks.
    student_id = world.students["ll-5"]
    teacher = await world.headers("teacher")  # ll-5 is in the teacher's maths group
    assert (await client.get(f"/api/v1/students/{student_id}", headers=teacher)).status_code == 200
    await write_dossier(
        factory, world, "ll-5", "Zoë en Anaïs helpen; gesprek met mevrouw Zając. Café geregeld."
    )
    resp = await client.get(
        f"/api/v1/students/{student_id}/export.pdf",
        headers=await world.headers("privacy_officer"),
    )
    assert resp.status_code == 200, resp.text
    assert resp.headers["content-type"] == "application/pdf"
    assert resp.headers["content-disposition"].startswith("attachment;")
    assert resp.content.startswith(b"%PDF-")
    assert resp.content.rstrip().endswith(b"%%EOF")

    text = _pdf_text(resp.content)
    for heading in (
        "Inzageverzoek",
        "Leerling",
        "Ouders en verzorgers",
        "Inschrijvingen",
        "Notities",
        "Toestemmingen",
        "Verstrekkingen (met wie gedeeld)",
        "Toegang voor externen",
        "Wie heeft het dossier ingezien",
    ):
        assert heading in text, heading
    assert "Julia Yilmaz" in text  # transliterated, not dropped
    assert "Zoë en Anaïs helpen; gesprek met mevrouw Zajac. Café geregeld." in text
    assert "05-05-2013" in text  # dd-mm-jjjj
    assert "14-09-2026" in text  # the consent's date
    assert "Veilig Thuis" in text
    assert "vitaal belang" in text
    assert "dossier bekeken" in text  # the teacher's read, in the trail
    assert "pagina 1/" in text
    assert "{nb}" not in text


def test_pdf_text_keeps_dutch_and_transliterates_the_rest() -> None:
    assert (
        pdf_text("Zoë, Anaïs, René, Çelik, Groß — „ok”") == "Zoë, Anaïs, René, Çelik, Groß — „ok”"
    )
    assert pdf_text("Yılmaz") == "Yilmaz"
    assert (
        pdf_text("Zając, Łukasz, Şahin, Nguyễn, Dvořák") == "Zajac, Lukasz, Sahin, Nguyen, Dvorák"
    )
    assert pdf_text("Иван 🙂") == "???? ?"
    assert pdf_text("a\u200db\r\nc\td") == "ab\nc    d"
