"""Builds a fresh school with a small roster and staff accounts for a test ("world").

Data goes in the way production data does: organisations as rows, the roster through the LVS
sync service, sessions through the identity service's login completion.
"""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from zorgroute.core.db import UnitOfWork
from zorgroute.core.security.principal import Principal
from zorgroute.identity import service as identity_service
from zorgroute.identity.models import (
    IntegrationClient,
    IntegrationClientSchool,
    SchoolMembership,
    UserAccount,
)
from zorgroute.organisations.models import Board, School, Swv
from zorgroute.roster import sync
from zorgroute.roster.models import ExternalRef
from zorgroute.roster.schemas import RosterSyncRequest
from zorgroute.settings import OidcSettings, SessionSettings, Settings

SOURCE = "testlvs"
MODIFIED_AT = "2026-09-01T06:00:00Z"

# role -> the staff external id the account is linked to (None: no roster link)
ROLES: dict[str, str | None] = {
    "mentor": "st-mentor-1a",
    "teacher": "st-teacher-wi",
    "team_leader": "st-teamleader",
    "zorgcoordinator": "st-zoco",
    "school_leader": "st-director",
    "hb_specialist": "st-hb",
    "privacy_officer": None,
    "external_partner": None,
}


def _student(ext: str, given: str, infix: str | None, family: str, born: str) -> dict[str, Any]:
    return {
        "external_id": ext,
        "given_name": given,
        "infix": infix,
        "family_name": family,
        "date_of_birth": born,
        "modified_at": MODIFIED_AT,
    }


def roster_payload() -> dict[str, Any]:
    """Two homerooms (1A, 2B) with three students each and a maths teaching group in 2B."""
    students = [
        _student("ll-1", "Emma", "de", "Vries", "2014-03-02"),
        _student("ll-2", "Noah", None, "Bakker", "2014-07-19"),
        _student("ll-3", "Aya", None, "El Amrani", "2014-11-30"),
        _student("ll-4", "Sem", "van", "Dijk", "2013-01-15"),
        _student("ll-5", "Julia", None, "Yılmaz", "2013-05-05"),
        _student("ll-6", "Daan", "van der", "Berg", "2013-09-09"),
    ]
    guardians = [
        {
            "external_id": f"ou-{i}",
            "given_name": "Ouder",
            "infix": s["infix"],
            "family_name": s["family_name"],
            "email": f"ouder{i}@example.nl",
            "phone": "06-12345678",
            "modified_at": MODIFIED_AT,
            "students": [
                {
                    "student_external_id": s["external_id"],
                    "relation": "parent",
                    "parental_authority": True,
                }
            ],
        }
        for i, s in enumerate(students, start=1)
    ]
    groups = [
        {
            "external_id": "gr-1a",
            "name": "1A",
            "school_year": "2026-2027",
            "kind": "homeroom",
            "grade": 1,
            "track": "havo/vwo",
            "modified_at": MODIFIED_AT,
        },
        {
            "external_id": "gr-2b",
            "name": "2B",
            "school_year": "2026-2027",
            "kind": "homeroom",
            "grade": 2,
            "track": "havo",
            "modified_at": MODIFIED_AT,
        },
        {
            "external_id": "gr-2b-wi",
            "name": "2B-wi",
            "school_year": "2026-2027",
            "kind": "teaching_group",
            "grade": 2,
            "track": "havo",
            "subject": "wiskunde",
            "modified_at": MODIFIED_AT,
        },
    ]
    staff = [
        {
            "external_id": ext,
            "given_name": role.title(),
            "family_name": "Medewerker",
            "email": f"{role}@school.example",
            "modified_at": MODIFIED_AT,
        }
        for role, ext in ROLES.items()
        if ext
    ] + [
        {
            "external_id": "st-mentor-2b",
            "given_name": "Mentor",
            "family_name": "Tweebee",
            "modified_at": MODIFIED_AT,
        }
    ]
    enrolments = (
        [{"student_external_id": f"ll-{i}", "group_external_id": "gr-1a"} for i in (1, 2, 3)]
        + [{"student_external_id": f"ll-{i}", "group_external_id": "gr-2b"} for i in (4, 5, 6)]
        + [{"student_external_id": f"ll-{i}", "group_external_id": "gr-2b-wi"} for i in (4, 5)]
    )
    assignments = [
        {"staff_external_id": "st-mentor-1a", "group_external_id": "gr-1a", "role": "mentor"},
        {"staff_external_id": "st-mentor-2b", "group_external_id": "gr-2b", "role": "mentor"},
        {
            "staff_external_id": "st-teacher-wi",
            "group_external_id": "gr-2b-wi",
            "role": "teacher",
            "subject": "wiskunde",
        },
    ]
    return {
        "source": SOURCE,
        "mode": "full",
        "students": students,
        "guardians": guardians,
        "groups": groups,
        "staff": staff,
        "enrolments": enrolments,
        "assignments": assignments,
    }


def bigger_payload(extra: int) -> dict[str, Any]:
    """The standard roster plus `extra` students (with a guardian each) in group 1A."""
    payload = roster_payload()
    for i in range(extra):
        ext = f"ll-extra-{i}"
        payload["students"].append(
            {
                "external_id": ext,
                "given_name": f"Kind{i}",
                "family_name": f"Familie{i:03d}",
                "date_of_birth": "2014-01-01",
            }
        )
        payload["guardians"].append(
            {
                "external_id": f"ou-extra-{i}",
                "given_name": "Ouder",
                "family_name": f"Familie{i:03d}",
                "students": [
                    {"student_external_id": ext, "relation": "mother", "parental_authority": True}
                ],
            }
        )
        payload["enrolments"].append({"student_external_id": ext, "group_external_id": "gr-1a"})
    return payload


@dataclass
class World:
    factory: WorldFactory
    school_id: uuid.UUID
    swv_id: uuid.UUID
    students: dict[str, uuid.UUID]  # external id -> id
    groups: dict[str, uuid.UUID]
    staff: dict[str, uuid.UUID]
    subjects: dict[str, str]  # role -> OIDC subject of the account with that role
    users: dict[str, uuid.UUID] = field(default_factory=dict)

    async def headers(self, role: str) -> dict[str, str]:
        """Cookie and CSRF headers of a fresh session for the account with this role."""
        return await self.factory.session_headers(self.subjects[role])


class WorldFactory:
    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession], issuer: str) -> None:
        self.sessionmaker = sessionmaker
        self.issuer = issuer
        self.settings = Settings(
            env="test",
            database_url="unused",
            oidc=OidcSettings(issuer=issuer),
            session=SessionSettings(secure_cookie=False),
        )

    def run(self, school_ids: list[uuid.UUID], actor: Principal | None = None) -> Any:
        """An open unit of work with the given school context (use as `async with`)."""
        return _UowContext(self.sessionmaker, school_ids, actor)

    async def build(
        self,
        sector: str = "VO",
        payload: dict[str, Any] | None = None,
        swv_id: uuid.UUID | None = None,
    ) -> World:
        """A fresh school; with `swv_id`, in that (existing) SWV instead of a new one."""
        tag = secrets.token_hex(4)
        async with self.sessionmaker() as session:
            uow = UnitOfWork(session, request_id=f"factory-{tag}")
            board = Board(code=f"B{tag}", name=f"Bestuur {tag}")
            swv = Swv(code=f"VO{tag}", name=f"SWV {tag}", sector="VO")
            uow.add_all([board] if swv_id else [swv, board])
            await uow.flush()
            swv_id = swv_id or swv.id
            school = School(
                brin=tag[:4].upper(),
                vestiging=f"{secrets.randbelow(100):02d}",
                name=f"Testschool {tag}",
                sector=sector,
                swv_id=swv_id,
                board_id=board.id,
            )
            uow.add(school)
            await uow.flush()
            system = Principal(
                kind="system",
                audit_id="system:test-factory",
                display_name="test",
                roles={school.id: frozenset({"integration"})},
                scopes=frozenset({"roster:read", "roster:write"}),
            )
            uow.actor = system
            await uow.set_school_context([school.id])
            result = await sync.sync_roster(
                uow, system, school.id, RosterSyncRequest(**(payload or roster_payload()))
            )
            assert result.counts["student"].rejected == 0, result.results
            refs = await uow.scalars(select(ExternalRef).where(ExternalRef.school_id == school.id))
            ids: dict[str, dict[str, uuid.UUID]] = {}
            for ref in refs:
                ids.setdefault(ref.entity_type, {})[ref.external_id] = ref.entity_id
            subjects: dict[str, str] = {}
            users: dict[str, uuid.UUID] = {}
            for role, staff_ext in ROLES.items():
                subject = f"{role}-{tag}"
                user = UserAccount(
                    issuer=self.issuer, subject=subject, display_name=f"{role} {tag}"
                )
                uow.add(user)
                await uow.flush()
                uow.add(
                    SchoolMembership(
                        user_id=user.id,
                        school_id=school.id,
                        role=role,
                        staff_member_id=ids["staff_member"].get(staff_ext) if staff_ext else None,
                    )
                )
                subjects[role] = subject
                users[role] = user.id
            lvs = await uow.first(
                select(IntegrationClient).where(
                    IntegrationClient.issuer == self.issuer,
                    IntegrationClient.client_id == "demo-lvs",
                )
            )
            if lvs is None:
                lvs = IntegrationClient(
                    issuer=self.issuer,
                    client_id="demo-lvs",
                    name="Demo LVS",
                    allowed_scopes=["roster:read", "roster:write", "results:write"],
                )
                uow.add(lvs)
                await uow.flush()
            uow.add(IntegrationClientSchool(client_id=lvs.id, school_id=school.id))
            await uow.commit()
        return World(
            factory=self,
            school_id=school.id,
            swv_id=swv_id,
            students=ids.get("student", {}),
            groups=ids.get("group", {}),
            staff=ids.get("staff_member", {}),
            subjects=subjects,
            users=users,
        )

    async def session_headers(self, subject: str) -> dict[str, str]:
        async with self.sessionmaker() as session:
            uow = UnitOfWork(session)
            token = await identity_service.complete_login(
                uow, self.settings, {"sub": subject}, None
            )
            await uow.commit()
            principal = await identity_service.resolve_session(uow, token, self.settings)
            await uow.commit()
        assert principal is not None and principal.csrf_token
        return {"Cookie": f"zr_session={token}", "X-CSRF-Token": principal.csrf_token}


class _UowContext:
    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        school_ids: list[uuid.UUID],
        actor: Principal | None,
    ) -> None:
        self.sessionmaker = sessionmaker
        self.school_ids = school_ids
        self.actor = actor
        self.session: AsyncSession | None = None

    async def __aenter__(self) -> UnitOfWork:
        self.session = self.sessionmaker()
        uow = UnitOfWork(self.session, actor=self.actor)
        await uow.set_school_context(self.school_ids)
        return uow

    async def __aexit__(self, *exc: object) -> None:
        assert self.session is not None
        await self.session.close()  # rolls back; loaded objects stay readable
