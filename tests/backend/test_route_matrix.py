"""Every /api/v1 route for every role, against the policy constants: a student you may see and
may act on is a 2xx, one you may see but not act on a 403, one you may not see a 404, and
anything of another school a 404 for everybody. A new route (or GraphQL query field) without
a case here fails the build."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import httpx
import pytest
from fastapi.routing import APIRoute
from graphql import GraphQLObjectType
from sqlmodel import select
from support.factories import ROLES, World, WorldFactory

from zorgroute.cases import policies as cases_policies
from zorgroute.cases.models import CareCase, ExternalReferral, SwvRequest
from zorgroute.core.models import utcnow
from zorgroute.core.security import roles
from zorgroute.gifted import policies as gifted
from zorgroute.gifted.vocabulary import SKILL_CODES
from zorgroute.graphql.schema import build_schema
from zorgroute.hgw import policies as hgw
from zorgroute.identity.models import SchoolMembership, UserAccount
from zorgroute.main import create_app
from zorgroute.notes.policies import categories_for
from zorgroute.organisations.models import SchoolYear
from zorgroute.privacy import policies as privacy
from zorgroute.privacy.retention import DEFAULT_KEEP_YEARS
from zorgroute.settings import Settings

ALL_ROLES = tuple(ROLES)
# Facts of the factory's world (not policy): who is related to which student.
MENTOR_OF = {"ll-1", "ll-2", "ll-3"}  # the world's mentor is mentor of 1A
TEACHES = {"ll-4", "ll-5"}  # the world's teacher teaches maths to 2B-wi
GRANTED = {"ll-1"}  # the external partner gets an access grant for ll-1 below
TARGETS = ("ll-1", "ll-4")
SKIPPED_PREFIXES = ("/auth", "/health", "/metrics", "/api/v1/docs", "/api/v1/openapi")


# -- the worlds -----------------------------------------------------------------------------
@dataclass
class Side:
    """One school with cached sessions and the records the cases need."""

    world: World
    headers: dict[str, dict[str, str]]
    guardians: dict[str, str] = field(default_factory=dict)
    zat_consents: dict[str, str] = field(default_factory=dict)
    partner2: uuid.UUID | None = None  # a second external partner: target of test grants
    hgw: dict[str, str] = field(default_factory=dict)  # HGW records per "<kind>:<student>"
    cases: dict[str, str] = field(default_factory=dict)  # case records per "<kind>:<student>"
    gifted: dict[str, str] = field(default_factory=dict)  # gifted records per "<kind>:<student>"

    def sid(self, ext: str) -> uuid.UUID:
        return self.world.students[ext]


@dataclass
class Env:
    home: Side
    other: Side


async def _call(
    client: httpx.AsyncClient,
    side: Side,
    role: str,
    method: str,
    url: str,
    body: Any = None,
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    return await client.request(
        method, url, json=body, headers={**side.headers[role], **(headers or {})}
    )


async def _consent(client: httpx.AsyncClient, side: Side, ext: str, purpose: str) -> str:
    body = {
        "purpose": purpose,
        "granted": True,
        "given_by": "guardian",
        "guardian_id": side.guardians[ext],
        "method": "signed_form",
        "given_on": utcnow().date().isoformat(),
    }
    resp = await _call(
        client, side, "zorgcoordinator", "POST", f"/api/v1/students/{side.sid(ext)}/consents", body
    )
    assert resp.status_code == 201, resp.text
    return str(resp.json()["id"])


def _grant_body(side: Side, ext: str, user_id: uuid.UUID | None = None) -> dict[str, Any]:
    return {
        "user_id": str(user_id or side.partner2),
        "consent_id": side.zat_consents[ext],
        "valid_until": (utcnow() + timedelta(days=30)).isoformat(),
    }


async def _grant(client: httpx.AsyncClient, side: Side, ext: str, user: uuid.UUID | None) -> str:
    resp = await _call(
        client,
        side,
        "zorgcoordinator",
        "POST",
        f"/api/v1/students/{side.sid(ext)}/access-grants",
        _grant_body(side, ext, user),
    )
    assert resp.status_code == 201, resp.text
    return str(resp.json()["id"])


async def _side(factory: WorldFactory, client: httpx.AsyncClient) -> Side:
    world = await factory.build()
    side = Side(world, {role: await world.headers(role) for role in ALL_ROLES})
    async with factory.run([world.school_id]) as uow:
        user = UserAccount(
            issuer=factory.issuer,
            subject=f"partner2-{world.school_id}",
            display_name="Tweede partner",
        )
        uow.add(user)
        await uow.flush()
        uow.add(SchoolMembership(user_id=user.id, school_id=world.school_id, role=roles.EXTERNAL))
        await uow.commit()
        side.partner2 = user.id
    for ext in TARGETS:
        resp = await _call(
            client, side, "zorgcoordinator", "GET", f"/api/v1/students/{side.sid(ext)}"
        )
        side.guardians[ext] = str(resp.json()["guardians"][0]["id"])
        side.zat_consents[ext] = await _consent(client, side, ext, "register_zat")
    for ext in GRANTED:
        await _grant(client, side, ext, world.users[roles.EXTERNAL])
    return side


@pytest.fixture(scope="module")
async def env(factory: WorldFactory, app: Any) -> Env:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        return Env(await _side(factory, client), await _side(factory, client))


# -- expectations from the policies ---------------------------------------------------------
def sees(role: str, ext: str) -> bool:
    return (
        role in roles.SCHOOL_WIDE_READ
        or (role == "mentor" and ext in MENTOR_OF)
        or (role == "teacher" and ext in TEACHES)
        or (role == roles.EXTERNAL and ext in GRANTED)
    )


def is_mentor(role: str, ext: str) -> bool:
    return role == "mentor" and ext in MENTOR_OF


def writes_observation(role: str, ext: str) -> bool:
    return (
        "observation" in categories_for(frozenset({role}))
        or is_mentor(role, ext)
        or (role == "teacher" and ext in TEACHES)
    )


Rule = Callable[[str, str], bool]  # (role, student) -> may act


def gate(rule: Rule, ok: int = 200) -> Callable[[str, str], int]:
    return lambda role, ext: (ok if rule(role, ext) else 403) if sees(role, ext) else 404


def always(status: int) -> Callable[[str, str], int]:
    return lambda role, ext: status


@dataclass
class Req:
    method: str
    url: str
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)


Build = Callable[[httpx.AsyncClient, Side, str], Awaitable[Req]]  # (client, side, student)


@dataclass
class Case:
    build: Build
    expect: Callable[[str, str], int]  # (role, student of the home school) -> status
    per_student: bool = True  # False: the target is the school / group (TARGETS unused)
    has_target: bool = True  # False: nothing to aim at another school (/me, /schools)
    after: Callable[[httpx.AsyncClient, Side, httpx.Response], Awaitable[None]] | None = None


def fixed(method: str, template: str, body: Any = None, **headers: str) -> Build:
    async def build(client: httpx.AsyncClient, side: Side, ext: str) -> Req:
        url = template.format(
            school=side.world.school_id,
            group=side.world.groups["gr-1a"],
            student=side.sid(ext),
        )
        return Req(method, url, body, dict(headers))

    return build


async def _patch_student(client: httpx.AsyncClient, side: Side, ext: str) -> Req:
    resp = await _call(client, side, "zorgcoordinator", "GET", f"/api/v1/students/{side.sid(ext)}")
    return Req(
        "PATCH",
        f"/api/v1/students/{side.sid(ext)}",
        {"given_name": resp.json()["given_name"]},  # the same value: state stays as it was
        {"If-Match": resp.headers["ETag"]},
    )


async def _record_consent(client: httpx.AsyncClient, side: Side, ext: str) -> Req:
    body = {
        "purpose": "discuss_care_team",
        "granted": True,
        "given_by": "guardian",
        "guardian_id": side.guardians[ext],
        "method": "conversation",
        "given_on": utcnow().date().isoformat(),
    }
    return Req("POST", f"/api/v1/students/{side.sid(ext)}/consents", body)


async def _withdraw(client: httpx.AsyncClient, side: Side, ext: str) -> Req:
    consent = await _consent(client, side, ext, "share_swv")  # fresh: withdrawing changes it
    return Req("POST", f"/api/v1/consents/{consent}/withdraw", {}, {"If-Match": '"v1"'})


async def _grant_access(client: httpx.AsyncClient, side: Side, ext: str) -> Req:
    return Req("POST", f"/api/v1/students/{side.sid(ext)}/access-grants", _grant_body(side, ext))


async def _revoke(client: httpx.AsyncClient, side: Side, ext: str) -> Req:
    grant = await _grant(client, side, ext, side.partner2)  # fresh, for the second partner
    return Req("POST", f"/api/v1/access-grants/{grant}/revoke")


async def _revoke_created(client: httpx.AsyncClient, side: Side, resp: httpx.Response) -> None:
    if resp.status_code == 201:  # keep the second partner without access
        done = await _call(
            client,
            side,
            "zorgcoordinator",
            "POST",
            f"/api/v1/access-grants/{resp.json()['id']}/revoke",
        )
        assert done.status_code == 200, done.text


HOLD = {"reason": "Route-matrix: klacht loopt."}


async def _lift_hold(client: httpx.AsyncClient, side: Side, ext: str) -> Req:
    resp = await _call(
        client,
        side,
        "privacy_officer",
        "POST",
        f"/api/v1/students/{side.sid(ext)}/legal-holds",
        HOLD,
    )
    assert resp.status_code == 201, resp.text
    return Req("POST", f"/api/v1/legal-holds/{resp.json()['id']}/lift")


async def _lift_created(client: httpx.AsyncClient, side: Side, resp: httpx.Response) -> None:
    if resp.status_code == 201:  # leave no student under a hold
        done = await _call(
            client,
            side,
            "privacy_officer",
            "POST",
            f"/api/v1/legal-holds/{resp.json()['id']}/lift",
        )
        assert done.status_code == 200, done.text


DISCLOSURE = {
    "purpose": "discuss_care_team",
    "recipient_kind": "care_team",
    "recipient_name": "Zorgteam",
    "data_categories": ["personal_details"],
    "legal_ground": "vital_interest",
    "explanation": "Acute zorg over de veiligheid van de leerling.",
}
SCHOOL_MEMBER = always(200)  # every role here is a member of the world's school
# External partners are members too, but see only granted students: no groups, no staff list.
GROUP = lambda role, ext: 404 if role == roles.EXTERNAL else 200  # noqa: E731
STAFF_LIST = lambda role, ext: 403 if role == roles.EXTERNAL else 200  # noqa: E731

ROUTE_CASES: dict[tuple[str, str], Case] = {
    ("GET", "/api/v1/me"): Case(fixed("GET", "/api/v1/me"), SCHOOL_MEMBER, False, False),
    ("GET", "/api/v1/schools"): Case(fixed("GET", "/api/v1/schools"), SCHOOL_MEMBER, False, False),
    ("GET", "/api/v1/schools/{school_id}"): Case(
        fixed("GET", "/api/v1/schools/{school}"), SCHOOL_MEMBER, False
    ),
    ("GET", "/api/v1/schools/{school_id}/groups"): Case(
        fixed("GET", "/api/v1/schools/{school}/groups"), SCHOOL_MEMBER, False
    ),
    ("GET", "/api/v1/groups/{group_id}"): Case(
        fixed("GET", "/api/v1/groups/{group}"), GROUP, False
    ),
    ("GET", "/api/v1/schools/{school_id}/staff"): Case(
        fixed("GET", "/api/v1/schools/{school}/staff"), STAFF_LIST, False
    ),
    ("GET", "/api/v1/schools/{school_id}/students"): Case(
        fixed("GET", "/api/v1/schools/{school}/students"), SCHOOL_MEMBER, False
    ),
    ("POST", "/api/v1/schools/{school_id}/roster:sync"): Case(
        # Staff never synchronise; that is the LVS client's (a system's) job.
        fixed(
            "POST",
            "/api/v1/schools/{school}/roster:sync",
            {"source": "testlvs"},
            **{"Idempotency-Key": "route-matrix"},
        ),
        always(403),
        False,
    ),
    ("GET", "/api/v1/students/{student_id}"): Case(
        fixed("GET", "/api/v1/students/{student}"), gate(lambda r, e: True)
    ),
    ("PATCH", "/api/v1/students/{student_id}"): Case(
        _patch_student, gate(lambda r, e: r in roles.ROSTER_EDIT)
    ),
    ("GET", "/api/v1/students/{student_id}/notes"): Case(
        fixed("GET", "/api/v1/students/{student}/notes"), gate(lambda r, e: True)
    ),
    ("POST", "/api/v1/students/{student_id}/notes"): Case(
        fixed(
            "POST",
            "/api/v1/students/{student}/notes",
            {"category": "observation", "body": "Route-matrix."},
        ),
        gate(writes_observation, 201),
    ),
    ("GET", "/api/v1/students/{student_id}/consents"): Case(
        fixed("GET", "/api/v1/students/{student}/consents"),
        gate(lambda r, e: r in privacy.CONSENT_READ or is_mentor(r, e)),
    ),
    ("POST", "/api/v1/students/{student_id}/consents"): Case(
        _record_consent, gate(lambda r, e: r in privacy.CONSENT_WRITE or is_mentor(r, e), 201)
    ),
    ("POST", "/api/v1/consents/{consent_id}/withdraw"): Case(
        _withdraw, gate(lambda r, e: r in privacy.CONSENT_WRITE or is_mentor(r, e))
    ),
    ("GET", "/api/v1/students/{student_id}/disclosures"): Case(
        fixed("GET", "/api/v1/students/{student}/disclosures"),
        gate(lambda r, e: r in privacy.DISCLOSURE_READ),
    ),
    ("POST", "/api/v1/students/{student_id}/disclosures"): Case(
        fixed("POST", "/api/v1/students/{student}/disclosures", DISCLOSURE),
        gate(lambda r, e: r in privacy.DISCLOSE, 201),
    ),
    ("POST", "/api/v1/students/{student_id}/access-grants"): Case(
        _grant_access, gate(lambda r, e: r in privacy.GRANT_ACCESS, 201), after=_revoke_created
    ),
    ("POST", "/api/v1/access-grants/{grant_id}/revoke"): Case(
        _revoke, gate(lambda r, e: r in privacy.GRANT_ACCESS), after=_revoke_created
    ),
    ("GET", "/api/v1/students/{student_id}/audit-trail"): Case(
        fixed("GET", "/api/v1/students/{student}/audit-trail"),
        gate(lambda r, e: r in privacy.AUDIT_READ),
    ),
    ("GET", "/api/v1/students/{student_id}/export"): Case(
        fixed("GET", "/api/v1/students/{student}/export"),
        gate(lambda r, e: r in privacy.EXPORT),
    ),
    ("GET", "/api/v1/students/{student_id}/export.pdf"): Case(
        fixed("GET", "/api/v1/students/{student}/export.pdf"),
        gate(lambda r, e: r in privacy.EXPORT),
    ),
    ("GET", "/api/v1/schools/{school_id}/retention-policy"): Case(
        fixed("GET", "/api/v1/schools/{school}/retention-policy"),
        lambda r, e: 200 if r in privacy.RETENTION_MANAGE else 403,
        False,
    ),
    ("PUT", "/api/v1/schools/{school_id}/retention-policy/{record_type}"): Case(
        # The default term: the effective policy stays as it was.
        fixed(
            "PUT",
            "/api/v1/schools/{school}/retention-policy/consent",
            {"keep_years_after_leaving": DEFAULT_KEEP_YEARS["consent"]},
        ),
        lambda r, e: 200 if r in privacy.RETENTION_MANAGE else 403,
        False,
    ),
    ("GET", "/api/v1/students/{student_id}/legal-holds"): Case(
        fixed("GET", "/api/v1/students/{student}/legal-holds"),
        gate(lambda r, e: r in privacy.RETENTION_MANAGE),
    ),
    ("POST", "/api/v1/students/{student_id}/legal-holds"): Case(
        fixed("POST", "/api/v1/students/{student}/legal-holds", HOLD),
        gate(lambda r, e: r in privacy.RETENTION_MANAGE, 201),
        after=_lift_created,
    ),
    ("POST", "/api/v1/legal-holds/{hold_id}/lift"): Case(
        _lift_hold, gate(lambda r, e: r in privacy.RETENTION_MANAGE)
    ),
}


# -- the HGW cycle --------------------------------------------------------------------------
# A target student's group: ll-1 is in the mentor's 1A, ll-4 in 2B (taught by the teacher).
GROUP_OF = {"ll-1": "gr-1a", "ll-4": "gr-2b"}
STALE = {"If-Match": '"v999"'}  # authorised callers get 412: the matrix changes nothing
HGW_START = date(2026, 9, 7)


async def _hgw_post(client: httpx.AsyncClient, side: Side, url: str, body: Any) -> dict[str, Any]:
    resp = await _call(client, side, "zorgcoordinator", "POST", url, body)
    assert resp.status_code in (200, 201), resp.text
    return dict(resp.json())


async def _hgw_setup(client: httpx.AsyncClient, side: Side) -> dict[str, str]:
    """Per target: an overview with a signal, a need, a meeting and an active plan with an
    IHP (cycle 1); a draft plan (cycle 2); and an OPP. Made once per side, by care staff."""
    if side.hgw:
        return side.hgw
    year = (
        await _call(
            client,
            side,
            "zorgcoordinator",
            "GET",
            f"/api/v1/schools/{side.world.school_id}/cycle-periods",
        )
    ).json()
    assert year == []
    async with side.world.factory.run([side.world.school_id]) as uow:
        year_id = await uow.first(
            select(SchoolYear.id).where(SchoolYear.school_id == side.world.school_id)
        )
    periods = []
    for seq in (1, 2):
        starts = HGW_START + timedelta(weeks=9 * (seq - 1))
        created = await _hgw_post(
            client, side, f"/api/v1/schools/{side.world.school_id}/cycle-periods",
            {"school_year_id": str(year_id), "sequence": seq, "name": f"Cyclus {seq}",
             "starts_on": starts.isoformat(), "ends_on": (starts + timedelta(weeks=8)).isoformat()},
        )  # fmt: skip
        periods.append(created["id"])
    side.hgw["period"] = periods[0]
    for ext, group in GROUP_OF.items():
        sid = str(side.sid(ext))
        ov = await _hgw_post(
            client, side, f"/api/v1/groups/{side.world.groups[group]}/overviews",
            {"cycle_period_id": periods[0], "cycle": "A"},
        )  # fmt: skip
        side.hgw[f"overview:{ext}"] = ov["id"]
        signal = await _hgw_post(
            client, side, f"/api/v1/overviews/{ov['id']}/signals",
            {"student_id": sid, "category": "learning_lead", "mode": "proactive",
             "basis": ["test"]},
        )  # fmt: skip
        side.hgw[f"signal:{ext}"] = signal["id"]
        need = await _hgw_post(client, side, f"/api/v1/students/{sid}/needs", NEED)
        side.hgw[f"need:{ext}"] = need["id"]
        meeting = await _hgw_post(
            client, side, f"/api/v1/overviews/{ov['id']}/meeting", {"scheduled_on": "2026-10-01"}
        )
        side.hgw[f"meeting:{ext}"] = meeting["id"]
        plan = await _hgw_post(
            client, side, f"/api/v1/overviews/{ov['id']}/plan",
            {"starts_on": "2026-09-07", "ends_on": "2026-10-30"},
        )  # fmt: skip
        resp = await _call(
            client, side, "zorgcoordinator", "POST", f"/api/v1/plans/{plan['id']}/activate",
            headers={"If-Match": f'"v{plan["version"]}"'},
        )  # fmt: skip
        assert resp.status_code == 200, resp.text
        side.hgw[f"plan:{ext}"] = plan["id"]
        ihp = await _hgw_post(
            client, side, f"/api/v1/plans/{plan['id']}/individual-plans",
            {"student_id": sid, "decided_by": "care_team", "goals": [{"text": "Leest vlot"}]},
        )  # fmt: skip
        side.hgw[f"ihp:{ext}"] = ihp["id"]
        later = await _hgw_post(
            client, side, f"/api/v1/groups/{side.world.groups[group]}/overviews",
            {"cycle_period_id": periods[1], "cycle": "A"},
        )  # fmt: skip
        draft = await _hgw_post(
            client, side, f"/api/v1/overviews/{later['id']}/plan",
            {"starts_on": "2026-11-09", "ends_on": "2026-12-31"},
        )  # fmt: skip
        side.hgw[f"draft:{ext}"] = draft["id"]
        opp = await _hgw_post(
            client, side, f"/api/v1/students/{sid}/development-perspective",
            {"support_started_on": "2026-10-01", "support_description": "Remedial teaching"},
        )  # fmt: skip
        side.hgw[f"opp:{ext}"] = opp["id"]
    return side.hgw


NEED = {
    "domain": "basic_skills",
    "nature": "didactic",
    "goals": [{"text": "Maakt 8 van de 10 sommen zonder hulp"}],
    "items": [{"category": "instruction", "text": "Verlengde instructie"}],
    "set_with_student": True,
    "valid_from": "2026-09-07",
    "valid_until": "2026-10-30",
}


def hgw_group(need: str, ok: int = 200, draft: bool = False) -> Callable[[str, str], int]:
    """Group-bound HGW records: external partners do not see groups (404); who may read but
    not `need` gets 403; a draft plan is not there (404) for who may not read drafts."""

    def expect(role: str, ext: str) -> int:
        if role == roles.EXTERNAL:
            return 404
        mentor = is_mentor(role, ext)
        teacher = role == "teacher" and ext in TEACHES
        if not (mentor or teacher or role in hgw.READ):
            return 403
        lead = mentor or role in hgw.LEAD
        if draft and not (lead or role in hgw.READ):
            return 404
        allowed = {
            "read": True,
            "contribute": mentor or teacher or role in hgw.CONTRIBUTE,
            "lead": lead,
        }[need]
        return ok if allowed else 403

    return expect


def hgw_student(rule: Rule, ok: int = 200) -> Callable[[str, str], int]:
    return gate(rule, ok)


def reads_support(role: str, ext: str) -> bool:
    return (
        is_mentor(role, ext)
        or (role == "teacher" and ext in TEACHES)
        or (role == roles.EXTERNAL and ext in GRANTED)
        or role in hgw.READ
    )


def contributes(role: str, ext: str) -> bool:
    return is_mentor(role, ext) or (role == "teacher" and ext in TEACHES) or role in hgw.CONTRIBUTE


def reads_opp(role: str, ext: str) -> bool:
    return is_mentor(role, ext) or (role == roles.EXTERNAL and ext in GRANTED) or role in hgw.READ


def opp_writer(role: str, ext: str) -> int:
    """Who may not read the OPP does not learn it exists; readers who may not write get 403."""
    if not (sees(role, ext) and reads_opp(role, ext)):
        return 404
    return 412 if is_mentor(role, ext) or role in hgw.LEAD else 403


def school_staff(ok: int = 200, rule: Callable[[str], bool] = lambda r: True) -> Any:
    return lambda role, ext: 404 if role == roles.EXTERNAL else (ok if rule(role) else 403)


def on(kind: str, method: str, template: str, body: Any = None, **headers: str) -> Build:
    """A request about the HGW record `kind` of the target student's group or the student."""

    async def build(client: httpx.AsyncClient, side: Side, ext: str) -> Req:
        records = await _hgw_setup(client, side)
        values = {
            "id": records.get(f"{kind}:{ext}", ""),
            "student": side.sid(ext),
            "group": side.world.groups[GROUP_OF[ext]],
            "school": side.world.school_id,
            "period": records["period"],
        }
        filled = (
            {k: v.format(**values) if isinstance(v, str) else v for k, v in body.items()}
            if isinstance(body, dict)
            else body
        )
        return Req(method, template.format(**values), filled, dict(headers))

    return build


async def _fresh_signal(client: httpx.AsyncClient, side: Side, ext: str) -> Req:
    records = await _hgw_setup(client, side)
    overview = records[f"overview:{ext}"]
    resp = await _call(
        client, side, "zorgcoordinator", "POST", f"/api/v1/overviews/{overview}/signals",
        {"student_id": str(side.sid(ext)), "category": "talent", "mode": "reactive",
         "basis": ["observation"]},
    )  # fmt: skip
    signal = resp.json()["id"] if resp.status_code == 201 else resp.json()["signal_id"]
    return Req("DELETE", f"/api/v1/signals/{signal}")


ROW = {"observations": "Route-matrix"}
EVALUATION = {
    "rows": [{"row_id": "00000000-0000-0000-0000-000000000000", "activities_done": True,
              "outcomes": [], "continuation": "continue"}],
    "final_evaluation": "Route-matrix",
}  # fmt: skip
OPP_VERSION = {
    "kind": "initial",
    "expected_outflow": "havo",
    "factors": [{"kind": "stimulating", "locus": "student", "text": "Doorzetter"}],
    "support_offered": "Remedial teaching",
    "long_term_goals": ["Havo-niveau"],
    "student_view": "Ik wil dit zelf ook.",
    "determined_with_student": True,
    "determined_with_parents": True,
    "determined_on": "2026-11-01",
}
IHP = {"decided_by": "care_team", "goals": [{"text": "Leest vlot"}]}
SETTINGS = {
    "cycles_per_year": 3, "cycle_a": True, "cycle_b": False, "plan_style": "group_plan",
    "meeting_form": "with_mentor", "seo_instrument": "SVL", "seo_categories": [],
    "test_domains": ["RK"],
}  # fmt: skip
PLAN = {
    "plan_type": "cross_subject",
    "starts_on": "2026-11-09",
    "ends_on": "2026-12-31",
    "rows": [],
}
MEETING = {"scheduled_on": "2026-10-01", "chair_name": "Route-matrix"}
V = "/api/v1"

HGW_CASES: dict[tuple[str, str], Case] = {
    ("GET", f"{V}/schools/{{school_id}}/hgw-settings"): Case(
        on("", "GET", V + "/schools/{school}/hgw-settings"), school_staff(), False
    ),
    ("PUT", f"{V}/schools/{{school_id}}/hgw-settings"): Case(
        on("", "PUT", V + "/schools/{school}/hgw-settings", SETTINGS, **STALE),
        school_staff(412, lambda r: r in hgw.SETTINGS_EDIT),
        False,
    ),
    ("GET", f"{V}/schools/{{school_id}}/cycle-periods"): Case(
        on("", "GET", V + "/schools/{school}/cycle-periods"), school_staff(), False
    ),
    ("POST", f"{V}/schools/{{school_id}}/cycle-periods"): Case(
        # An unknown school year: who may plan cycles gets 422, nothing is created.
        on(
            "",
            "POST",
            V + "/schools/{school}/cycle-periods",
            {
                "school_year_id": str(uuid.UUID(int=1)),
                "sequence": 3,
                "name": "x",
                "starts_on": "2027-01-04",
                "ends_on": "2027-03-01",
            },
        ),
        school_staff(422, lambda r: r in hgw.SETTINGS_EDIT),
        False,
    ),
    ("POST", f"{V}/cycle-periods/{{period_id}}/archive"): Case(
        # Its plans are not evaluated: who may close the cycle gets 422.
        on("", "POST", V + "/cycle-periods/{period}/archive"),
        school_staff(422, lambda r: r in hgw.SETTINGS_EDIT),
        False,
    ),
    ("GET", f"{V}/groups/{{group_id}}/overviews"): Case(
        on("", "GET", V + "/groups/{group}/overviews"), hgw_group("read")
    ),
    ("POST", f"{V}/groups/{{group_id}}/overviews"): Case(
        # An unknown cycle period: who may start the overview gets 422.
        on(
            "",
            "POST",
            V + "/groups/{group}/overviews",
            {"cycle_period_id": str(uuid.UUID(int=1)), "cycle": "A"},
        ),
        hgw_group("lead", 422),
    ),
    ("GET", f"{V}/overviews/{{overview_id}}"): Case(
        on("overview", "GET", V + "/overviews/{id}"), hgw_group("read")
    ),
    ("PATCH", f"{V}/overviews/{{overview_id}}/rows/{{student_id}}"): Case(
        on("overview", "PATCH", V + "/overviews/{id}/rows/{student}", ROW, **STALE),
        hgw_group("contribute", 412),
    ),
    ("POST", f"{V}/overviews/{{overview_id}}/publish"): Case(
        on("overview", "POST", V + "/overviews/{id}/publish"), hgw_group("lead")
    ),
    ("POST", f"{V}/overviews/{{overview_id}}/signals"): Case(
        # The student is signalled for this already: who may signal gets 409.
        on(
            "overview",
            "POST",
            V + "/overviews/{id}/signals",
            {
                "student_id": "{student}",
                "category": "learning_lead",
                "mode": "reactive",
                "basis": ["test"],
            },
        ),
        hgw_group("contribute", 409),
    ),
    ("DELETE", f"{V}/signals/{{signal_id}}"): Case(_fresh_signal, hgw_group("contribute", 204)),
    ("POST", f"{V}/students/{{student_id}}/results"): Case(
        on(
            "",
            "POST",
            V + "/students/{student}/results",
            {
                "kind": "test",
                "domain": "RK",
                "instrument": "Route-matrix",
                "taken_on": "2026-10-01",
                "level": "III",
            },
        ),
        hgw_student(contributes, 201),
    ),
    ("GET", f"{V}/students/{{student_id}}/needs"): Case(
        on("", "GET", V + "/students/{student}/needs"), hgw_student(reads_support)
    ),
    ("POST", f"{V}/students/{{student_id}}/needs"): Case(
        on("", "POST", V + "/students/{student}/needs", NEED), hgw_student(contributes, 201)
    ),
    ("PUT", f"{V}/needs/{{need_id}}"): Case(
        on("need", "PUT", V + "/needs/{id}", NEED, **STALE), hgw_student(contributes, 412)
    ),
    ("GET", f"{V}/hgw/helper-phrases"): Case(
        on("", "GET", V + "/hgw/helper-phrases"), SCHOOL_MEMBER, False, False
    ),
    ("POST", f"{V}/overviews/{{overview_id}}/meeting"): Case(
        on("overview", "POST", V + "/overviews/{id}/meeting", {"scheduled_on": "2026-10-01"}),
        hgw_group("lead", 409),
    ),
    ("GET", f"{V}/meetings/{{meeting_id}}"): Case(
        on("meeting", "GET", V + "/meetings/{id}"), hgw_group("read")
    ),
    ("PUT", f"{V}/meetings/{{meeting_id}}"): Case(
        on("meeting", "PUT", V + "/meetings/{id}", MEETING, **STALE), hgw_group("lead", 412)
    ),
    ("POST", f"{V}/meetings/{{meeting_id}}/questions"): Case(
        on("meeting", "POST", V + "/meetings/{id}/questions", {"text": "Route-matrix?"}),
        hgw_group("contribute", 201),
    ),
    ("POST", f"{V}/meetings/{{meeting_id}}/hold"): Case(
        on("meeting", "POST", V + "/meetings/{id}/hold", {"held_on": "2026-10-01"}, **STALE),
        hgw_group("lead", 412),
    ),
    ("GET", f"{V}/students/{{student_id}}/timeline"): Case(
        on("", "GET", V + "/students/{student}/timeline"), hgw_student(reads_support)
    ),
    ("POST", f"{V}/overviews/{{overview_id}}/plan"): Case(
        on(
            "overview",
            "POST",
            V + "/overviews/{id}/plan",
            {"starts_on": "2026-09-07", "ends_on": "2026-10-30"},
        ),
        hgw_group("lead", 409),
    ),
    ("GET", f"{V}/schools/{{school_id}}/plans"): Case(
        on("", "GET", V + "/schools/{school}/plans"), school_staff(), False
    ),
    ("GET", f"{V}/plans/{{plan_id}}"): Case(
        on("plan", "GET", V + "/plans/{id}"), hgw_group("read")
    ),
    ("GET", f"{V}/plans/{{plan_id}}/print.pdf"): Case(
        on("plan", "GET", V + "/plans/{id}/print.pdf"), hgw_group("read")
    ),
    ("PUT", f"{V}/plans/{{plan_id}}"): Case(
        on("draft", "PUT", V + "/plans/{id}", PLAN, **STALE), hgw_group("lead", 412, draft=True)
    ),
    ("POST", f"{V}/plans/{{plan_id}}/activate"): Case(
        on("draft", "POST", V + "/plans/{id}/activate", **STALE),
        hgw_group("lead", 412, draft=True),
    ),
    ("POST", f"{V}/plans/{{plan_id}}/midterm-review"): Case(
        on("plan", "POST", V + "/plans/{id}/midterm-review", {"review": "x"}, **STALE),
        hgw_group("lead", 412),
    ),
    ("POST", f"{V}/plans/{{plan_id}}/evaluation"): Case(
        on("plan", "POST", V + "/plans/{id}/evaluation", EVALUATION, **STALE),
        hgw_group("lead", 412),
    ),
    ("POST", f"{V}/plans/{{plan_id}}/archive"): Case(
        on("plan", "POST", V + "/plans/{id}/archive", **STALE), hgw_group("lead", 412)
    ),
    ("POST", f"{V}/plans/{{plan_id}}/amendments"): Case(
        on("plan", "POST", V + "/plans/{id}/amendments", {"text": "Route-matrix"}),
        hgw_group("lead", 201),
    ),
    ("POST", f"{V}/plans/{{plan_id}}/individual-plans"): Case(
        # The student has an IHP in this plan: who may write one gets 409.
        on("plan", "POST", V + "/plans/{id}/individual-plans", {**IHP, "student_id": "{student}"}),
        hgw_group("lead", 409),
    ),
    ("GET", f"{V}/individual-plans/{{ihp_id}}"): Case(
        on("ihp", "GET", V + "/individual-plans/{id}"), hgw_group("read")
    ),
    ("PUT", f"{V}/individual-plans/{{ihp_id}}"): Case(
        on("ihp", "PUT", V + "/individual-plans/{id}", IHP, **STALE), hgw_group("lead", 412)
    ),
    ("POST", f"{V}/individual-plans/{{ihp_id}}/parent-sign-off"): Case(
        on(
            "ihp",
            "POST",
            V + "/individual-plans/{id}/parent-sign-off",
            {"guardian_id": str(uuid.UUID(int=1)), "signed_on": "2026-10-01"},
            **STALE,
        ),
        hgw_group("lead", 412),
    ),
    ("POST", f"{V}/individual-plans/{{ihp_id}}/evaluation"): Case(
        on(
            "ihp",
            "POST",
            V + "/individual-plans/{id}/evaluation",
            {"evaluation": "x", "evaluated_with_student": True, "evaluated_with_parents": True},
            **STALE,
        ),
        hgw_group("lead", 412),
    ),
    ("GET", f"{V}/students/{{student_id}}/development-perspective"): Case(
        on("", "GET", V + "/students/{student}/development-perspective"), hgw_student(reads_opp)
    ),
    ("POST", f"{V}/students/{{student_id}}/development-perspective"): Case(
        # The student has an OPP: who may start one gets 409.
        on(
            "",
            "POST",
            V + "/students/{student}/development-perspective",
            {"support_started_on": "2026-10-01", "support_description": "x"},
        ),
        hgw_student(lambda r, e: is_mentor(r, e) or r in hgw.LEAD, 409),
    ),
    ("POST", f"{V}/development-perspectives/{{opp_id}}/versions"): Case(
        on("opp", "POST", V + "/development-perspectives/{id}/versions", OPP_VERSION, **STALE),
        opp_writer,
    ),
    ("POST", f"{V}/schools/{{school_id}}/results:import"): Case(
        # Staff never import; that is the LVS or test platform's (a system's) job.
        on(
            "",
            "POST",
            V + "/schools/{school}/results:import",
            {
                "source": "testlvs",
                "results": [
                    {
                        "external_id": "r",
                        "student_external_id": "ll-1",
                        "kind": "test",
                        "domain": "RK",
                        "instrument": "x",
                        "taken_on": "2026-09-20",
                        "level": "I",
                    }
                ],
            },
            **{"Idempotency-Key": "route-matrix"},
        ),
        always(403),
        False,
    ),
    ("GET", f"{V}/schools/{{school_id}}/hgw-deadlines"): Case(
        on("", "GET", V + "/schools/{school}/hgw-deadlines"), school_staff(), False
    ),
}
ROUTE_CASES.update(HGW_CASES)


# -- case routing ---------------------------------------------------------------------------
WORK = cases_policies.WORK
ROUTE_ADMIN = cases_policies.ROUTE_ADMIN


async def _cases_setup(client: httpx.AsyncClient, side: Side) -> dict[str, str]:
    """Per target: an open case with a registration, an action item and an intervention, and
    a closed case with a referral and an SWV request; one care meeting with both open cases on
    its agenda. Made once per side, by care staff."""
    if side.cases:
        return side.cases
    school = side.world.school_id
    route = await _hgw_post(
        client, side, f"{V}/schools/{school}/care-routes", {"key": "vo", "template": "vo-izo-zat"}
    )
    side.cases["route"] = route["id"]
    meeting = await _hgw_post(
        client,
        side,
        f"{V}/schools/{school}/care-meetings",
        {"forum": "izo", "title": "IZO", "scheduled_at": utcnow().isoformat()},
    )
    side.cases["meeting"] = meeting["id"]
    version = meeting["version"]
    for ext in TARGETS:
        case = await _hgw_post(
            client,
            side,
            f"{V}/schools/{school}/cases",
            {"student_id": str(side.sid(ext)), "route_key": "vo", "action": "open_izo"},
        )
        side.cases[f"case:{ext}"] = case["id"]
        resp = await _call(
            client,
            side,
            "zorgcoordinator",
            "PUT",
            f"{V}/cases/{case['id']}/registrations/izo",
            {"problem": "x"},
        )
        assert resp.status_code == 200, resp.text
        item = await _hgw_post(
            client,
            side,
            f"{V}/cases/{case['id']}/action-items",
            {"description": "x", "owner_name": "x", "due_on": "2026-12-01"},
        )
        side.cases[f"action:{ext}"] = item["id"]
        iv = await _hgw_post(
            client,
            side,
            f"{V}/cases/{case['id']}/interventions",
            {"kind": "counselling", "goal": "x", "provider": "x", "starts_on": "2026-11-01"},
        )
        side.cases[f"intervention:{ext}"] = iv["id"]
        resp = await _call(
            client,
            side,
            "zorgcoordinator",
            "POST",
            f"{V}/care-meetings/{meeting['id']}/agenda",
            {"case_id": case["id"], "kind": "new"},
            {"If-Match": f'"v{version}"'},
        )
        assert resp.status_code == 200, resp.text
        version = resp.json()["version"]
        async with side.world.factory.run([school]) as uow:
            now = utcnow()
            closed = CareCase(
                school_id=school,
                student_id=side.sid(ext),
                route_id=uuid.UUID(route["id"]),
                state="closed",
                state_since=now,
                origin="manual",
                registrant_name="x",
                opened_at=now,
                closed_at=now,
            )
            uow.add(closed)
            await uow.flush()
            referral = ExternalReferral(
                school_id=school,
                case_id=closed.id,
                target="leerplicht",
                reason="x",
                referred_on=now.date(),
                legal_ground="legal_obligation",
            )
            swv = SwvRequest(
                school_id=school,
                case_id=closed.id,
                request_type="consultation",
                goals="x",
                requested_start=now.date(),
                requested_on=now.date(),
            )
            uow.add_all([referral, swv])
            await uow.flush()
            side.cases[f"closed:{ext}"] = str(closed.id)
            side.cases[f"referral:{ext}"] = str(referral.id)
            side.cases[f"swv:{ext}"] = str(swv.id)
            await uow.commit()
    return side.cases


def on_case(kind: str, method: str, template: str, body: Any = None, **headers: str) -> Build:
    """A request about the case record `kind` of the target student (or the school's)."""

    async def build(client: httpx.AsyncClient, side: Side, ext: str) -> Req:
        records = await _cases_setup(client, side)
        values = {
            "id": records.get(f"{kind}:{ext}", ""),
            "case": records[f"case:{ext}"],
            "school": side.world.school_id,
            "student": side.sid(ext),
            "route": records["route"],
            "meeting": records["meeting"],
        }
        filled = (
            {k: v.format(**values) if isinstance(v, str) else v for k, v in body.items()}
            if isinstance(body, dict)
            else body
        )
        return Req(method, template.format(**values), filled, dict(headers))

    return build


def reads_case(role: str, ext: str) -> bool:
    return is_mentor(role, ext) or (role == "teacher" and ext in TEACHES) or role in WORK


def writes_case(role: str, ext: str) -> bool:
    return is_mentor(role, ext) or role in WORK


def case_gate(rule: Rule, ok: int) -> Callable[[str, str], int]:
    """Cases: who may not see the student, and an external partner without a case grant, get
    404; who sees the student but not the case, or may not act, 403."""

    def expect(role: str, ext: str) -> int:
        if not sees(role, ext) or role == roles.EXTERNAL:
            return 404
        if not reads_case(role, ext):
            return 403
        return ok if rule(role, ext) else 403

    return expect


def organiser(ok: int) -> Callable[[str, str], int]:
    return lambda role, ext: ok if role in WORK else 404


ANY = lambda role, ext: True  # noqa: E731
FUTURE = {"with_whom": "student", "moment": "kickoff", "held_on": "2099-01-01", "summary": "x"}
CASE_CASES: dict[tuple[str, str], Case] = {
    ("GET", f"{V}/care-routes/library"): Case(
        on_case("", "GET", V + "/care-routes/library"), always(200), False, False
    ),
    ("GET", f"{V}/schools/{{school_id}}/care-routes"): Case(
        on_case("", "GET", V + "/schools/{school}/care-routes"), school_staff(), False
    ),
    ("POST", f"{V}/schools/{{school_id}}/care-routes"): Case(
        # An unknown template: who may adapt routes gets 422, nothing is created.
        on_case("", "POST", V + "/schools/{school}/care-routes", {"key": "x-y", "template": "x"}),
        school_staff(422, lambda r: r in ROUTE_ADMIN),
        False,
    ),
    ("GET", f"{V}/care-routes/{{route_id}}"): Case(
        on_case("", "GET", V + "/care-routes/{route}"), school_staff(), False
    ),
    ("GET", f"{V}/schools/{{school_id}}/case-board"): Case(
        on_case("", "GET", V + "/schools/{school}/case-board?route_key=vo"), school_staff(), False
    ),
    ("GET", f"{V}/schools/{{school_id}}/case-requests"): Case(
        on_case("", "GET", V + "/schools/{school}/case-requests"), school_staff(), False
    ),
    ("POST", f"{V}/schools/{{school_id}}/cases"): Case(
        # Not an entry of the route: 409 for whoever may see the student, nothing is opened.
        on_case(
            "",
            "POST",
            V + "/schools/{school}/cases",
            {"student_id": "{student}", "route_key": "vo", "action": "close"},
        ),
        lambda role, ext: 404 if role == roles.EXTERNAL or not sees(role, ext) else 409,
    ),
    ("GET", f"{V}/students/{{student_id}}/cases"): Case(
        on_case("", "GET", V + "/students/{student}/cases"), gate(ANY)
    ),
    ("GET", f"{V}/cases/{{case_id}}"): Case(
        on_case("case", "GET", V + "/cases/{id}"), case_gate(ANY, 200)
    ),
    ("PATCH", f"{V}/cases/{{case_id}}"): Case(
        on_case("case", "PATCH", V + "/cases/{id}", {"prior_support": "x"}, **STALE),
        case_gate(writes_case, 412),
    ),
    ("POST", f"{V}/cases/{{case_id}}/transitions"): Case(
        on_case("case", "POST", V + "/cases/{id}/transitions", {"action": "submit"}, **STALE),
        case_gate(ANY, 412),
    ),
    ("PUT", f"{V}/cases/{{case_id}}/registrations/{{kind}}"): Case(
        on_case("closed", "PUT", V + "/cases/{id}/registrations/izo", {"problem": "x"}),
        case_gate(writes_case, 409),
    ),
    ("POST", f"{V}/cases/{{case_id}}/screenings"): Case(
        on_case(
            "case",
            "POST",
            V + "/cases/{id}/screenings",
            {
                "right_line": True,
                "questions_clear": True,
                "prior_line_exhausted": True,
                "parents_student_aware": True,
                "outcome": "accept",
            },
            **STALE,
        ),
        case_gate(ANY, 412),
    ),
    ("POST", f"{V}/cases/{{case_id}}/conversations"): Case(
        on_case("case", "POST", V + "/cases/{id}/conversations", FUTURE),
        case_gate(writes_case, 422),
    ),
    ("POST", f"{V}/cases/{{case_id}}/action-items"): Case(
        on_case(
            "closed",
            "POST",
            V + "/cases/{id}/action-items",
            {"description": "x", "owner_name": "x", "due_on": "2026-12-01"},
        ),
        case_gate(writes_case, 409),
    ),
    ("PATCH", f"{V}/action-items/{{item_id}}"): Case(
        on_case("action", "PATCH", V + "/action-items/{id}", {"report": "x"}, **STALE),
        case_gate(writes_case, 412),
    ),
    ("POST", f"{V}/cases/{{case_id}}/interventions"): Case(
        on_case(
            "closed",
            "POST",
            V + "/cases/{id}/interventions",
            {"kind": "counselling", "goal": "x", "provider": "x", "starts_on": "2026-11-01"},
        ),
        case_gate(writes_case, 409),
    ),
    ("PATCH", f"{V}/interventions/{{intervention_id}}"): Case(
        on_case("intervention", "PATCH", V + "/interventions/{id}", {"outcome": "x"}, **STALE),
        case_gate(writes_case, 412),
    ),
    ("POST", f"{V}/cases/{{case_id}}/referrals"): Case(
        on_case(
            "closed",
            "POST",
            V + "/cases/{id}/referrals",
            {"target": "leerplicht", "reason": "x", "referred_on": "2026-11-01"},
        ),
        case_gate(writes_case, 409),
    ),
    ("PATCH", f"{V}/referrals/{{referral_id}}"): Case(
        on_case("referral", "PATCH", V + "/referrals/{id}", {"feedback": "x"}, **STALE),
        case_gate(writes_case, 412),
    ),
    ("POST", f"{V}/cases/{{case_id}}/swv-requests"): Case(
        on_case(
            "closed",
            "POST",
            V + "/cases/{id}/swv-requests",
            {
                "request_type": "consultation",
                "goals": "x",
                "requested_start": "2026-12-01",
                "requested_on": "2026-11-01",
            },
        ),
        case_gate(writes_case, 409),
    ),
    ("PATCH", f"{V}/swv-requests/{{request_id}}"): Case(
        on_case("swv", "PATCH", V + "/swv-requests/{id}", {"decision": "pending"}, **STALE),
        case_gate(writes_case, 412),
    ),
    ("POST", f"{V}/cases/{{case_id}}/grants"): Case(
        on_case(
            "closed",
            "POST",
            V + "/cases/{id}/grants",
            {
                "user_id": str(uuid.UUID(int=1)),
                "consent_id": str(uuid.UUID(int=1)),
                "valid_until": "2099-01-01T00:00:00+00:00",
            },
        ),
        case_gate(writes_case, 409),
    ),
    ("GET", f"{V}/schools/{{school_id}}/care-meetings"): Case(
        on_case("", "GET", V + "/schools/{school}/care-meetings"), always(200), False
    ),
    ("POST", f"{V}/schools/{{school_id}}/care-meetings"): Case(
        # A chair who is not staff of the school: 422 for who organises, nothing is created.
        on_case(
            "",
            "POST",
            V + "/schools/{school}/care-meetings",
            {
                "forum": "izo",
                "title": "x",
                "scheduled_at": "2026-12-01T10:00:00+01:00",
                "chair_staff_id": str(uuid.UUID(int=1)),
            },
        ),
        lambda role, ext: 422 if role in WORK else 403,
        False,
    ),
    ("GET", f"{V}/care-meetings/{{meeting_id}}"): Case(
        on_case("", "GET", V + "/care-meetings/{meeting}"), organiser(200), False
    ),
    ("PATCH", f"{V}/care-meetings/{{meeting_id}}"): Case(
        on_case("", "PATCH", V + "/care-meetings/{meeting}", {"title": "x"}, **STALE),
        organiser(412),
        False,
    ),
    ("POST", f"{V}/care-meetings/{{meeting_id}}/agenda"): Case(
        on_case(
            "",
            "POST",
            V + "/care-meetings/{meeting}/agenda",
            {"case_id": "{case}", "kind": "new"},
            **STALE,
        ),
        organiser(412),
        False,
    ),
    ("POST", f"{V}/care-meetings/{{meeting_id}}/case-pack"): Case(
        on_case("", "POST", V + "/care-meetings/{meeting}/case-pack", **STALE),
        organiser(412),
        False,
    ),
    ("GET", f"{V}/care-meetings/{{meeting_id}}/case-pack"): Case(
        on_case("", "GET", V + "/care-meetings/{meeting}/case-pack"), organiser(200), False
    ),
    ("PUT", f"{V}/care-meetings/{{meeting_id}}/discussions/{{case_id}}"): Case(
        on_case("", "PUT", V + "/care-meetings/{meeting}/discussions/{case}", {}, **STALE),
        organiser(412),
        False,
    ),
    ("GET", f"{V}/schools/{{school_id}}/care-deadlines"): Case(
        on_case("", "GET", V + "/schools/{school}/care-deadlines"), school_staff(), False
    ),
}
ROUTE_CASES.update(CASE_CASES)


# -- gifted education -----------------------------------------------------------------------
HB = "hb_specialist"
ZOCO = "zorgcoordinator"
# Facts of the world (not policy): the offering's committee is the staff members st-hb and
# st-zoco, whose accounts have these roles; who teaches the lesson a target's keuze-uur swaps
# (1A has no subject teacher: its mentor teaches the group, which counts) and that account.
COMMITTEE = frozenset({HB, ZOCO})
LESSON_TEACHER = {"ll-1": ("st-mentor-1a", "mentor"), "ll-4": ("st-teacher-wi", "teacher")}
# Who runs the offering: its committee, HB staff and leadership of its school.
RUNS = COMMITTEE | roles.GIFTED | roles.LEADERSHIP
GIFTED_ON = (date.today() - timedelta(days=1)).isoformat()  # instruments are not in the future
LESSON_ON = (date.today() + timedelta(days=14)).isoformat()  # past the keuze-uren notice


async def _as(
    client: httpx.AsyncClient,
    side: Side,
    role: str,
    method: str,
    url: str,
    body: Any = None,
    version: int | None = None,
) -> dict[str, Any]:
    headers = {} if version is None else {"If-Match": f'"v{version}"'}
    resp = await _call(client, side, role, method, url, body, headers)
    assert resp.status_code in (200, 201), resp.text
    return dict(resp.json())


OFFERING = {
    "name": "Plusklas",
    "kind": "plusklas",
    "setting": "separate_group",
    "duration": "whole_year",
    "goals": [{"text": "Plant een eigen onderzoek", "cognitive": True}],
    "target_group": "Leerlingen die meer uitdaging nodig hebben",
    "application_routes": ["intern_begeleider"],
    "committee_staff_ids": ["{hb}", "{zoco}"],
}
CHOICE_HOUR = {
    "student_id": "{student}",
    "subject": "wiskunde",
    "subject_teacher_staff_id": "{teacher}",
    "lesson_date": LESSON_ON,
    "lesson_hour": 3,
    "location": "Mediatheek",
    "activity_kind": "project",
}


def _fill(value: Any, values: dict[str, Any]) -> Any:
    """A body template with the record ids filled in (at any depth)."""
    if isinstance(value, str):
        return value.format(**values)
    if isinstance(value, list):
        return [_fill(v, values) for v in value]
    if isinstance(value, dict):
        return {k: _fill(v, values) for k, v in value.items()}
    return value


async def _gifted_setup(client: httpx.AsyncClient, side: Side) -> dict[str, str]:
    """Once: an offering of the school (committee: st-hb, st-zoco) and a keuze-uren policy.
    Per target: an observation, a self-assessment, a needs intake, a support profile, a
    guidance period with a goal, a measurement, an application to the offering (submitted via
    the intern begeleider, admitted by the committee) with its enrolment, and a keuze-uur.
    Made once per side, by the HB-specialist and the care coordinator."""
    if side.gifted:
        return side.gifted
    school, staff = side.world.school_id, side.world.staff
    hb, zoco = str(staff["st-hb"]), str(staff["st-zoco"])
    offering = await _as(client, side, HB, "POST", f"{V}/schools/{school}/offerings",
                         _fill(OFFERING, {"hb": hb, "zoco": zoco}))  # fmt: skip
    records = {"offering": offering["id"]}
    await _as(client, side, HB, "PUT", f"{V}/schools/{school}/choice-hour-policy",
              {"max_hours_per_week": 2, "notice_hours": 24, "allowed_activities": ["project"]},
              version=0)  # fmt: skip
    for ext in TARGETS:
        sid = str(side.sid(ext))
        obs = await _as(
            client, side, ZOCO, "POST", f"{V}/students/{sid}/observations",
            {"observed_on": GIFTED_ON, "scores": dict.fromkeys(SKILL_CODES, 3),
             "recommendation": "none"},
        )  # fmt: skip
        records[f"observation:{ext}"] = obs["id"]
        await _as(
            client, side, ZOCO, "POST", f"{V}/students/{sid}/self-assessments",
            {"filled_on": GIFTED_ON, "strengths": ["planning"],
             "attention_points": ["flexibility"]},
        )  # fmt: skip
        intake = await _as(client, side, ZOCO, "POST", f"{V}/students/{sid}/needs-intakes")
        records[f"intake:{ext}"] = intake["id"]
        await _as(client, side, ZOCO, "PUT", f"{V}/students/{sid}/support-profile",
                  {"signalled_gifted": True}, version=0)  # fmt: skip
        period = await _as(
            client, side, ZOCO, "POST", f"{V}/guidance-periods",
            {"student_id": sid, "starts_on": GIFTED_ON, "goals": [{"goal": "Plant zelf"}]},
        )  # fmt: skip
        records[f"guidance:{ext}"] = period["id"]
        records[f"portfolio_goal:{ext}"] = period["goals"][0]["id"]
        await _as(client, side, ZOCO, "POST", f"{V}/students/{sid}/measurements",
                  {"wave": 0, "measured_on": GIFTED_ON, "scores": {"boredom": 3.5}})  # fmt: skip
        app = await _as(
            client, side, ZOCO, "POST", f"{V}/applications",
            {"student_id": sid, "offering_id": offering["id"], "motivation": "Route-matrix"},
        )  # fmt: skip
        app = await _as(client, side, ZOCO, "POST", f"{V}/applications/{app['id']}/submit",
                        {"route": "intern_begeleider"}, version=app["version"])  # fmt: skip
        app = await _as(client, side, HB, "POST", f"{V}/applications/{app['id']}/decision",
                        {"decision": "admitted", "decided_by": [hb, zoco]},
                        version=app["version"])  # fmt: skip
        records[f"application:{ext}"] = app["id"]
        enrolment = await _as(
            client, side, ZOCO, "POST", f"{V}/offering-enrolments",
            {"application_id": app["id"], "starts_on": GIFTED_ON,
             "goals": [{"text": "Plant een project van vier weken"}],
             "regular_teacher_staff_id": str(staff[LESSON_TEACHER[ext][0]]),
             "class_adjustments": "Compacten", "alignment": "Presenteert in de klas"},
        )  # fmt: skip
        records[f"enrolment:{ext}"] = enrolment["id"]
        records[f"enrolment_goal:{ext}"] = enrolment["goals"][0]["id"]
        teacher = staff[LESSON_TEACHER[ext][0]]
        choice = await _as(client, side, ZOCO, "POST", f"{V}/choice-hours",
                           _fill(CHOICE_HOUR, {"student": sid, "teacher": teacher}))  # fmt: skip
        records[f"choice:{ext}"] = choice["id"]
    side.gifted.update(records)
    return side.gifted


def on_gifted(kind: str, method: str, template: str, body: Any = None, **headers: str) -> Build:
    """A request about the gifted record `kind` of the target student (or the school's)."""

    async def build(client: httpx.AsyncClient, side: Side, ext: str) -> Req:
        records = await _gifted_setup(client, side)
        values: dict[str, Any] = {
            "student": side.sid(ext),
            "school": side.world.school_id,
            "hb": side.world.staff["st-hb"],
            "zoco": side.world.staff["st-zoco"],
            "teacher": side.world.staff[LESSON_TEACHER[ext][0]],
        }
        for key, value in records.items():
            name, _, student = key.partition(":")
            if student in ("", ext):
                values[name] = value
        values["id"] = values.get(kind, "")
        return Req(method, template.format(**values), _fill(body, values), dict(headers))

    return build


def is_teacher(role: str, ext: str) -> bool:
    return role == "teacher" and ext in TEACHES


def reads_gifted(role: str, ext: str) -> bool:
    return is_mentor(role, ext) or is_teacher(role, ext) or role in gifted.READ


def writes_gifted(role: str, ext: str) -> bool:
    return is_mentor(role, ext) or is_teacher(role, ext) or role in gifted.WORK


def gifted_gate(rule: Rule, ok: int) -> Callable[[str, str], int]:
    """A student's gifted records: who does not read them gets 404 (also the privacy officer,
    and an external partner with an access grant: gifted_access); readers who may not act 403."""
    return lambda role, ext: (ok if rule(role, ext) else 403) if reads_gifted(role, ext) else 404


def runs_gate(rule: Rule, ok: int) -> Callable[[str, str], int]:
    """Applications and enrolments: seen by who reads the student or runs the offering."""

    def expect(role: str, ext: str) -> int:
        if not (reads_gifted(role, ext) or role in RUNS):
            return 404
        return ok if rule(role, ext) else 403

    return expect


def lesson_teacher(role: str, ext: str) -> bool:
    return role == LESSON_TEACHER[ext][1]


GIFTED_CASES: dict[tuple[str, str], Case] = {
    ("GET", f"{V}/gifted/vocabulary"): Case(
        on_gifted("", "GET", V + "/gifted/vocabulary"), always(200), False, False
    ),
    ("GET", f"{V}/students/{{student_id}}/gifted"): Case(
        on_gifted("", "GET", V + "/students/{student}/gifted"), gifted_gate(ANY, 200)
    ),
    ("POST", f"{V}/students/{{student_id}}/observations"): Case(
        # Not every skill scored: who may observe gets 422, nothing is recorded.
        on_gifted(
            "",
            "POST",
            V + "/students/{student}/observations",
            {"observed_on": GIFTED_ON, "scores": {"planning": 3}, "recommendation": "none"},
        ),
        gifted_gate(writes_gifted, 422),
    ),
    ("GET", f"{V}/observations/{{observation_id}}"): Case(
        on_gifted("observation", "GET", V + "/observations/{id}"), gifted_gate(ANY, 200)
    ),
    ("POST", f"{V}/students/{{student_id}}/self-assessments"): Case(
        # A skill both a strength and an attention point: 422.
        on_gifted(
            "",
            "POST",
            V + "/students/{student}/self-assessments",
            {"filled_on": GIFTED_ON, "strengths": ["planning"], "attention_points": ["planning"]},
        ),
        gifted_gate(writes_gifted, 422),
    ),
    ("POST", f"{V}/students/{{student_id}}/needs-intakes"): Case(
        on_gifted("", "POST", V + "/students/{student}/needs-intakes"),
        gifted_gate(writes_gifted, 201),
    ),
    ("GET", f"{V}/needs-intakes/{{intake_id}}"): Case(
        on_gifted("intake", "GET", V + "/needs-intakes/{id}"), gifted_gate(ANY, 200)
    ),
    ("PUT", f"{V}/needs-intakes/{{intake_id}}/sections/{{informant}}"): Case(
        on_gifted(
            "intake",
            "PUT",
            V + "/needs-intakes/{id}/sections/student",
            {"answers": {"s1": "x"}, "respondent": "x", "answered_on": GIFTED_ON},
            **STALE,
        ),
        gifted_gate(writes_gifted, 412),
    ),
    ("GET", f"{V}/students/{{student_id}}/support-profile"): Case(
        on_gifted("", "GET", V + "/students/{student}/support-profile"), gifted_gate(ANY, 200)
    ),
    ("PUT", f"{V}/students/{{student_id}}/support-profile"): Case(
        on_gifted(
            "",
            "PUT",
            V + "/students/{student}/support-profile",
            {"signalled_gifted": True},
            **STALE,
        ),
        gifted_gate(writes_gifted, 412),
    ),
    ("POST", f"{V}/students/{{student_id}}/gifted-case"): Case(
        # The school has not installed the hb-multidisciplinair route: 409, no case is opened.
        on_gifted(
            "",
            "POST",
            V + "/students/{student}/gifted-case",
            {"coordinator_staff_id": "{zoco}", "guidance_question": "x"},
        ),
        gifted_gate(writes_gifted, 409),
    ),
    ("GET", f"{V}/schools/{{school_id}}/gifted-overview"): Case(
        on_gifted("", "GET", V + "/schools/{school}/gifted-overview"),
        school_staff(200, lambda r: r in gifted.READ),
        False,
    ),
    ("GET", f"{V}/schools/{{school_id}}/offerings"): Case(
        on_gifted("", "GET", V + "/schools/{school}/offerings"), school_staff(), False
    ),
    ("POST", f"{V}/schools/{{school_id}}/offerings"): Case(
        # A committee member who is not staff of the school: 422, nothing is created.
        on_gifted(
            "",
            "POST",
            V + "/schools/{school}/offerings",
            {
                "name": "x",
                "kind": "enrichment",
                "setting": "own_class",
                "duration": "short_programme",
                "goals": [{"text": "x"}],
                "target_group": "x",
                "application_routes": ["parents"],
                "committee_staff_ids": ["{hb}", str(uuid.UUID(int=1))],
            },
        ),
        school_staff(422, lambda r: r in gifted.OFFERING_EDIT),
        False,
    ),
    ("GET", f"{V}/offerings/{{offering_id}}"): Case(
        on_gifted("offering", "GET", V + "/offerings/{id}"), school_staff(), False
    ),
    ("PUT", f"{V}/offerings/{{offering_id}}"): Case(
        on_gifted(
            "",
            "PUT",
            V + "/offerings/{offering}",
            OFFERING,
            **STALE,
        ),
        school_staff(412, lambda r: r in gifted.OFFERING_EDIT),
        False,
    ),
    ("GET", f"{V}/offerings/{{offering_id}}/applications"): Case(
        on_gifted("", "GET", V + "/offerings/{offering}/applications"),
        school_staff(200, lambda r: r in RUNS),
        False,
    ),
    ("PUT", f"{V}/offerings/{{offering_id}}/waitlist"): Case(
        # Not the waitlist (it is empty): the committee gets 422, nothing is reordered.
        on_gifted(
            "",
            "PUT",
            V + "/offerings/{offering}/waitlist",
            {"application_ids": [str(uuid.UUID(int=1))]},
        ),
        school_staff(422, lambda r: r in COMMITTEE),
        False,
    ),
    ("GET", f"{V}/offerings/{{offering_id}}/enrolments"): Case(
        on_gifted("", "GET", V + "/offerings/{offering}/enrolments"),
        school_staff(200, lambda r: r in RUNS),
        False,
    ),
    ("GET", f"{V}/offerings/{{offering_id}}/impact"): Case(
        on_gifted("", "GET", V + "/offerings/{offering}/impact"),
        school_staff(200, lambda r: r in RUNS),
        False,
    ),
    ("POST", f"{V}/applications"): Case(
        # An observation that is not the student's: 422, no draft is created.
        on_gifted(
            "",
            "POST",
            V + "/applications",
            {"student_id": "{student}", "observation_id": str(uuid.UUID(int=1))},
        ),
        gifted_gate(writes_gifted, 422),
    ),
    ("GET", f"{V}/applications/{{application_id}}"): Case(
        on_gifted("application", "GET", V + "/applications/{id}"), runs_gate(ANY, 200)
    ),
    ("PATCH", f"{V}/applications/{{application_id}}"): Case(
        # Admitted: no longer a draft to change (409).
        on_gifted("application", "PATCH", V + "/applications/{id}", {"motivation": "x"}, **STALE),
        runs_gate(writes_gifted, 409),
    ),
    ("POST", f"{V}/applications/{{application_id}}/submit"): Case(
        on_gifted(
            "application",
            "POST",
            V + "/applications/{id}/submit",
            {"route": "intern_begeleider"},
            **STALE,
        ),
        runs_gate(lambda r, e: r in gifted.SUBMIT, 409),
    ),
    ("POST", f"{V}/applications/{{application_id}}/withdraw"): Case(
        on_gifted("application", "POST", V + "/applications/{id}/withdraw", **STALE),
        runs_gate(writes_gifted, 409),
    ),
    ("POST", f"{V}/applications/{{application_id}}/decision"): Case(
        on_gifted(
            "application",
            "POST",
            V + "/applications/{id}/decision",
            {"decision": "rejected", "decided_by": ["{hb}", "{zoco}"], "reason": "x"},
            **STALE,
        ),
        runs_gate(lambda r, e: r in COMMITTEE, 409),
    ),
    ("POST", f"{V}/offering-enrolments"): Case(
        # The application is enrolled already: 409.
        on_gifted(
            "",
            "POST",
            V + "/offering-enrolments",
            {"application_id": "{application}", "starts_on": GIFTED_ON, "goals": [{"text": "x"}]},
        ),
        runs_gate(lambda r, e: r in gifted.WORK or r in RUNS, 409),
    ),
    ("GET", f"{V}/offering-enrolments/{{enrolment_id}}"): Case(
        on_gifted("enrolment", "GET", V + "/offering-enrolments/{id}"), runs_gate(ANY, 200)
    ),
    ("PATCH", f"{V}/offering-enrolments/{{enrolment_id}}"): Case(
        on_gifted(
            "enrolment", "PATCH", V + "/offering-enrolments/{id}", {"alignment": "x"}, **STALE
        ),
        runs_gate(lambda r, e: writes_gifted(r, e) or r in RUNS, 412),
    ),
    ("POST", f"{V}/offering-enrolments/{{enrolment_id}}/reviews"): Case(
        on_gifted(
            "enrolment",
            "POST",
            V + "/offering-enrolments/{id}/reviews",
            {
                "reviewed_on": GIFTED_ON,
                "goal_progress": [{"goal_id": "{enrolment_goal}", "progress": "progressing"}],
                "with_student": True,
                "with_parents": True,
            },
            **STALE,
        ),
        runs_gate(lambda r, e: writes_gifted(r, e) or r in RUNS, 412),
    ),
    ("POST", f"{V}/offering-enrolments/{{enrolment_id}}/exit"): Case(
        on_gifted(
            "enrolment",
            "POST",
            V + "/offering-enrolments/{id}/exit",
            {"ended_on": GIFTED_ON, "reason": "other"},
            **STALE,
        ),
        runs_gate(lambda r, e: writes_gifted(r, e) or r in RUNS, 412),
    ),
    ("GET", f"{V}/schools/{{school_id}}/choice-hour-policy"): Case(
        on_gifted("", "GET", V + "/schools/{school}/choice-hour-policy"), school_staff(), False
    ),
    ("PUT", f"{V}/schools/{{school_id}}/choice-hour-policy"): Case(
        on_gifted(
            "",
            "PUT",
            V + "/schools/{school}/choice-hour-policy",
            {"max_hours_per_week": 2, "notice_hours": 24, "allowed_activities": ["project"]},
            **STALE,
        ),
        school_staff(412, lambda r: r in gifted.POLICY_EDIT),
        False,
    ),
    ("GET", f"{V}/schools/{{school_id}}/choice-hours"): Case(
        on_gifted("", "GET", V + "/schools/{school}/choice-hours"), school_staff(), False
    ),
    ("POST", f"{V}/choice-hours"): Case(
        # The student has a keuze-uur in this lesson hour: 409, nothing is registered.
        on_gifted("", "POST", V + "/choice-hours", CHOICE_HOUR),
        gifted_gate(writes_gifted, 409),
    ),
    ("POST", f"{V}/choice-hours/{{request_id}}/decision"): Case(
        on_gifted(
            "choice", "POST", V + "/choice-hours/{id}/decision", {"acknowledge": True}, **STALE
        ),
        gifted_gate(lesson_teacher, 412),
    ),
    ("POST", f"{V}/choice-hours/{{request_id}}/attendance"): Case(
        on_gifted(
            "choice",
            "POST",
            V + "/choice-hours/{id}/attendance",
            {"attendance": "present"},
            **STALE,
        ),
        gifted_gate(lesson_teacher, 412),
    ),
    ("POST", f"{V}/choice-hours/{{request_id}}/check"): Case(
        on_gifted("choice", "POST", V + "/choice-hours/{id}/check", **STALE),
        gifted_gate(lambda r, e: r in roles.GIFTED or is_mentor(r, e), 412),
    ),
    ("POST", f"{V}/choice-hours/{{request_id}}/cancel"): Case(
        on_gifted("choice", "POST", V + "/choice-hours/{id}/cancel", **STALE),
        gifted_gate(writes_gifted, 412),
    ),
    ("POST", f"{V}/guidance-periods"): Case(
        # Ends before it starts: 422, no period is created.
        on_gifted(
            "",
            "POST",
            V + "/guidance-periods",
            {"student_id": "{student}", "starts_on": "2026-10-01", "ends_on": "2026-09-01"},
        ),
        gifted_gate(writes_gifted, 422),
    ),
    ("GET", f"{V}/guidance-periods/{{period_id}}"): Case(
        on_gifted("guidance", "GET", V + "/guidance-periods/{id}"), gifted_gate(ANY, 200)
    ),
    ("PATCH", f"{V}/guidance-periods/{{period_id}}"): Case(
        on_gifted(
            "guidance", "PATCH", V + "/guidance-periods/{id}", {"handover_note": "x"}, **STALE
        ),
        gifted_gate(writes_gifted, 412),
    ),
    ("POST", f"{V}/guidance-periods/{{period_id}}/phase"): Case(
        on_gifted(
            "guidance", "POST", V + "/guidance-periods/{id}/phase", {"phase": "kickoff"}, **STALE
        ),
        gifted_gate(writes_gifted, 412),
    ),
    ("POST", f"{V}/guidance-periods/{{period_id}}/monitoring"): Case(
        on_gifted(
            "guidance",
            "POST",
            V + "/guidance-periods/{id}/monitoring",
            {"goal_id": "{portfolio_goal}", "on": GIFTED_ON, "note": "x"},
            **STALE,
        ),
        gifted_gate(writes_gifted, 412),
    ),
    ("POST", f"{V}/guidance-periods/{{period_id}}/checkins"): Case(
        on_gifted(
            "guidance",
            "POST",
            V + "/guidance-periods/{id}/checkins",
            {"held_on": GIFTED_ON, "progress": "on_track"},
            **STALE,
        ),
        gifted_gate(writes_gifted, 412),
    ),
    ("POST", f"{V}/guidance-periods/{{period_id}}/close"): Case(
        on_gifted("guidance", "POST", V + "/guidance-periods/{id}/close", **STALE),
        gifted_gate(writes_gifted, 412),
    ),
    ("POST", f"{V}/students/{{student_id}}/measurements"): Case(
        # A score outside 1-5: care and HB staff (who record measurements) get 422.
        on_gifted(
            "",
            "POST",
            V + "/students/{student}/measurements",
            {"wave": 1, "measured_on": GIFTED_ON, "scores": {"boredom": 9}},
        ),
        gifted_gate(lambda r, e: r in gifted.WORK, 422),
    ),
}
ROUTE_CASES.update(GIFTED_CASES)


# -- completeness ---------------------------------------------------------------------------
def _walk(routes: list[Any]) -> Iterator[APIRoute]:
    for route in routes:
        if isinstance(route, APIRoute):
            yield route
        inner = getattr(route, "original_router", None)  # FastAPI ≥ 0.16x keeps routers nested
        if inner is not None:
            yield from _walk(list(inner.routes))


def app_routes() -> set[tuple[str, str]]:
    app = create_app(Settings(env="test", database_url="postgresql+asyncpg://matrix@/matrix"))
    found = {
        (method, route.path)
        for route in _walk(list(app.routes))
        for method in route.methods
        if route.path.startswith("/api/v1") and not route.path.startswith(SKIPPED_PREFIXES)
    }
    # Belt and braces: whatever the OpenAPI document lists must be found by the walk too.
    spec = app.openapi()["paths"]
    documented = {(m.upper(), p) for p, ops in spec.items() if p.startswith("/api/v1") for m in ops}
    assert documented <= found, f"routes the walk missed: {sorted(documented - found)}"
    return found


def test_every_route_has_a_case() -> None:
    routes = app_routes()
    assert not routes - ROUTE_CASES.keys(), (
        f"add a case to ROUTE_CASES for: {sorted(routes - ROUTE_CASES.keys())}"
    )
    assert not ROUTE_CASES.keys() - routes, f"stale cases: {sorted(ROUTE_CASES.keys() - routes)}"


# -- the matrix -----------------------------------------------------------------------------
@pytest.mark.parametrize("key", sorted(ROUTE_CASES), ids=lambda k: f"{k[0]} {k[1]}")
async def test_route_matrix(key: tuple[str, str], env: Env, client: httpx.AsyncClient) -> None:
    case = ROUTE_CASES[key]
    wrong: list[str] = []
    for ext in TARGETS if case.per_student else TARGETS[:1]:
        for role in ALL_ROLES:
            req = await case.build(client, env.home, ext)
            resp = await _call(client, env.home, role, req.method, req.url, req.body, req.headers)
            if case.after:
                await case.after(client, env.home, resp)
            expected = case.expect(role, ext)
            if resp.status_code != expected:
                wrong.append(f"{role} on {ext}: {resp.status_code}, expected {expected}")
    for role in ALL_ROLES:
        if not case.has_target:
            # Nothing to aim at: the other school must not show up in the answer.
            req = await case.build(client, env.home, TARGETS[0])
            resp = await _call(client, env.home, role, req.method, req.url, req.body, req.headers)
            if str(env.other.world.school_id) in resp.text:
                wrong.append(f"{role}: the other school appears in the answer")
            continue
        req = await case.build(client, env.other, TARGETS[0])  # built by the other school
        resp = await _call(client, env.home, role, req.method, req.url, req.body, req.headers)
        if case.after:
            await case.after(client, env.other, resp)
        if resp.status_code != 404:
            wrong.append(f"{role} on the other school: {resp.status_code}, expected 404")
    assert not wrong, "\n".join(wrong)


# -- GraphQL --------------------------------------------------------------------------------
GRAPHQL_CASES: dict[str, tuple[str, Callable[[Side], dict[str, str]]]] = {
    "me": ("{ me { displayName } }", lambda s: {}),
    "school": (
        "query($id: ID!) { school(id: $id) { id name } }",
        lambda s: {"id": str(s.world.school_id)},
    ),
    "student": (
        "query($id: ID!) { student(id: $id) { id givenName } }",
        lambda s: {"id": str(s.sid("ll-1"))},
    ),
    "auditTrail": (
        "query($id: ID!) { auditTrail(studentId: $id) { ... on AuditTrailPage { items { id } } } }",
        lambda s: {"id": str(s.sid("ll-1"))},
    ),
    "studentNotes": (
        "query($id: ID!) { studentNotes(studentId: $id) { id body } }",
        lambda s: {"id": str(s.sid("ll-1"))},
    ),
    "studentConsents": (
        (
            "query($id: ID!) { studentConsents(studentId: $id) "
            "{ ... on ConsentList { items { id purpose } } } }"
        ),
        lambda s: {"id": str(s.sid("ll-1"))},
    ),
    "groupOverview": (
        "query($id: ID!) { groupOverview(id: $id) "
        "{ ... on GroupOverview { id rows { studentId particulars } } } }",
        lambda s: {"id": s.hgw["overview:ll-1"]},
    ),
    "groupOverviews": (
        "query($id: ID!) { groupOverviews(groupId: $id) "
        "{ ... on GroupOverviewList { items { id planId } } } }",
        lambda s: {"id": str(s.world.groups["gr-1a"])},
    ),
    "groupPlan": (
        "query($id: ID!) { groupPlan(id: $id) { ... on GroupPlan { id rows { studentIds } } } }",
        lambda s: {"id": s.hgw["plan:ll-1"]},
    ),
    "studentNeeds": (
        "query($id: ID!) { studentNeeds(studentId: $id) "
        "{ ... on EducationalNeedList { items { id } } } }",
        lambda s: {"id": str(s.sid("ll-1"))},
    ),
    "studentTimeline": (
        "query($id: ID!) { studentTimeline(studentId: $id) "
        "{ ... on StudentTimeline { items { kind refId } } } }",
        lambda s: {"id": str(s.sid("ll-1"))},
    ),
    "developmentPerspective": (
        "query($id: ID!) { developmentPerspective(studentId: $id) "
        "{ ... on DevelopmentPerspective { id state } } }",
        lambda s: {"id": str(s.sid("ll-1"))},
    ),
    "hgwSettings": (
        "query($id: ID!) { hgwSettings(schoolId: $id) "
        "{ ... on HgwSettings { schoolId version } } }",
        lambda s: {"id": str(s.world.school_id)},
    ),
    "cyclePeriods": (
        "query($id: ID!) { cyclePeriods(schoolId: $id) "
        "{ ... on CyclePeriodList { items { id } } } }",
        lambda s: {"id": str(s.world.school_id)},
    ),
    "groupMeeting": (
        "query($id: ID!) { groupMeeting(id: $id) "
        "{ ... on GroupMeeting { id decisions { studentId } } } }",
        lambda s: {"id": s.hgw["meeting:ll-1"]},
    ),
    "individualPlan": (
        "query($id: ID!) { individualPlan(id: $id) { ... on IndividualPlan { id studentId } } }",
        lambda s: {"id": s.hgw["ihp:ll-1"]},
    ),
    "groupPlans": (
        "query($id: ID!) { groupPlans(schoolId: $id) { ... on GroupPlanList { items { id } } } }",
        lambda s: {"id": str(s.world.school_id)},
    ),
    "hgwDeadlines": (
        "query($id: ID!) { hgwDeadlines(schoolId: $id) "
        "{ ... on HgwDeadlineList { items { kind refId studentId } } } }",
        lambda s: {"id": str(s.world.school_id)},
    ),
    "studentDisclosures": (
        (
            "query($id: ID!) { studentDisclosures(studentId: $id) "
            "{ ... on DisclosureList { items { id recipientName } } } }"
        ),
        lambda s: {"id": str(s.sid("ll-1"))},
    ),
    "careRouteLibrary": (
        "{ careRouteLibrary { ... on CareRouteLibrary { roles templates { key } } } }",
        lambda s: {},
    ),
    "careRoutes": (
        "query($id: ID!) { careRoutes(schoolId: $id) { ... on CareRouteList { items { id } } } }",
        lambda s: {"id": str(s.world.school_id)},
    ),
    "careRoute": (
        "query($id: ID!) { careRoute(id: $id) "
        "{ ... on CareRoute { id key definition { name } } } }",
        lambda s: {"id": s.cases["route"]},
    ),
    "caseBoard": (
        "query($id: ID!, $key: String!) { caseBoard(schoolId: $id, routeKey: $key, "
        "includeClosed: true) { ... on CaseBoard { columns { state cards { id } } } } }",
        lambda s: {"id": str(s.world.school_id), "key": "vo"},
    ),
    "caseRequests": (
        "query($id: ID!) { caseRequests(schoolId: $id) "
        "{ ... on CaseRequestList { items { decisionId studentId } } } }",
        lambda s: {"id": str(s.world.school_id)},
    ),
    "studentCases": (
        "query($id: ID!) { studentCases(studentId: $id) "
        "{ ... on StudentCaseList { items { id state } } } }",
        lambda s: {"id": str(s.sid("ll-1"))},
    ),
    "careCase": (
        "query($id: ID!) { careCase(id: $id) { ... on CareCase { id state homeSituation } } }",
        lambda s: {"id": s.cases["case:ll-1"]},
    ),
    "careMeetings": (
        "query($id: ID!) { careMeetings(schoolId: $id) "
        "{ ... on CareMeetingList { items { id title } } } }",
        lambda s: {"id": str(s.world.school_id)},
    ),
    "careMeeting": (
        "query($id: ID!) { careMeeting(id: $id) "
        "{ ... on CareMeeting { id agenda { caseId minutes } } } }",
        lambda s: {"id": s.cases["meeting"]},
    ),
    "casePack": (
        "query($id: ID!) { casePack(meetingId: $id) "
        "{ ... on CasePack { withheld items { caseId studentName } } } }",
        lambda s: {"id": s.cases["meeting"]},
    ),
    "careDeadlines": (
        "query($id: ID!) { careDeadlines(schoolId: $id, mine: false) "
        "{ ... on CareDashboard { items { kind caseId studentId } } } }",
        lambda s: {"id": str(s.world.school_id)},
    ),
    "giftedVocabulary": ("{ giftedVocabulary { observationSkills { code } } }", lambda s: {}),
    "studentGifted": (
        "query($id: ID!) { studentGifted(studentId: $id) "
        "{ ... on StudentGifted { studentId observations { id } } } }",
        lambda s: {"id": str(s.sid("ll-1"))},
    ),
    "observation": (
        "query($id: ID!) { observation(id: $id) { ... on GiftedObservation { id studentId } } }",
        lambda s: {"id": s.gifted["observation:ll-1"]},
    ),
    "needsIntake": (
        "query($id: ID!) { needsIntake(id: $id) { ... on GiftedNeedsIntake { id studentId } } }",
        lambda s: {"id": s.gifted["intake:ll-1"]},
    ),
    "supportProfile": (
        "query($id: ID!) { supportProfile(studentId: $id) "
        "{ ... on GiftedSupportProfile { studentId version } } }",
        lambda s: {"id": str(s.sid("ll-1"))},
    ),
    "giftedOverview": (
        "query($id: ID!) { giftedOverview(schoolId: $id) "
        "{ ... on GiftedOverview { schoolId students { studentId } } } }",
        lambda s: {"id": str(s.world.school_id)},
    ),
    "offerings": (
        "query($id: ID!) { offerings(schoolId: $id) "
        "{ ... on GiftedOfferingCatalogue { own { id name } } } }",
        lambda s: {"id": str(s.world.school_id)},
    ),
    "offering": (
        "query($id: ID!) { offering(id: $id) { ... on GiftedOffering { id name } } }",
        lambda s: {"id": s.gifted["offering"]},
    ),
    "applicationQueue": (
        "query($id: ID!) { applicationQueue(offeringId: $id) "
        "{ ... on GiftedApplicationQueue { freePlaces decided { id } } } }",
        lambda s: {"id": s.gifted["offering"]},
    ),
    "application": (
        "query($id: ID!) { application(id: $id) { ... on GiftedApplication { id offeringName } } }",
        lambda s: {"id": s.gifted["application:ll-1"]},
    ),
    "offeringEnrolments": (
        "query($id: ID!) { offeringEnrolments(offeringId: $id) "
        "{ ... on OfferingEnrolmentList { items { id } } } }",
        lambda s: {"id": s.gifted["offering"]},
    ),
    "offeringEnrolment": (
        "query($id: ID!) { offeringEnrolment(id: $id) "
        "{ ... on OfferingEnrolment { id startsOn } } }",
        lambda s: {"id": s.gifted["enrolment:ll-1"]},
    ),
    "choiceHourPolicy": (
        "query($id: ID!) { choiceHourPolicy(schoolId: $id) "
        "{ ... on ChoiceHourPolicy { maxHoursPerWeek version } } }",
        lambda s: {"id": str(s.world.school_id)},
    ),
    "choiceHours": (
        "query($id: ID!) { choiceHours(schoolId: $id) { ... on ChoiceHourList { items { id } } } }",
        lambda s: {"id": str(s.world.school_id)},
    ),
    "guidancePeriod": (
        "query($id: ID!) { guidancePeriod(id: $id) { ... on GuidancePeriod { id phase } } }",
        lambda s: {"id": s.gifted["guidance:ll-1"]},
    ),
    "offeringImpact": (
        "query($id: ID!) { offeringImpact(offeringId: $id) "
        "{ ... on OfferingImpact { offeringId participants } } }",
        lambda s: {"id": s.gifted["offering"]},
    ),
}
# Fields without a target: nothing to aim at another school (the answer must not mention it).
GRAPHQL_UNTARGETED = {"me", "careRouteLibrary", "giftedVocabulary"}


def test_every_graphql_query_field_has_a_case() -> None:
    query = build_schema()._schema.query_type
    assert isinstance(query, GraphQLObjectType)
    assert set(query.fields) == set(GRAPHQL_CASES), "add (or drop) a case in GRAPHQL_CASES"


@pytest.mark.parametrize("name", sorted(GRAPHQL_CASES))
async def test_graphql_field_never_returns_another_schools_data(
    name: str, env: Env, client: httpx.AsyncClient
) -> None:
    document, variables = GRAPHQL_CASES[name]
    other = env.other
    await _hgw_setup(client, other)  # the HGW records some documents aim at
    await _cases_setup(client, other)  # and the case-routing records
    await _gifted_setup(client, other)  # and the gifted-education records
    for role in ALL_ROLES:
        resp = await _call(
            client,
            env.home,
            role,
            "POST",
            "/graphql",
            {"query": document, "variables": variables(other)},
        )
        assert resp.status_code == 200, resp.text
        result = resp.json()
        data = result.get("data") or {}
        if name in GRAPHQL_UNTARGETED:
            assert data.get(name), result  # my own data, and nothing of the other school
            assert str(other.world.school_id) not in resp.text
            continue
        assert data.get(name) is None, f"{role}: {result}"
        for error in result.get("errors", []):
            code = (error.get("extensions") or {}).get("code")
            assert code in {"not-found", "forbidden"}, f"{role}: {error}"
