"""The deterministic demo data set (``zorgroute.demo``): shape, totals, integrity, realism."""

from __future__ import annotations

import contextlib
import json
import os
import re
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import true
from sqlmodel import col, select

from zorgroute.audit.models import AuditEvent
from zorgroute.cases import board, route_admin
from zorgroute.cases import cases as care_cases
from zorgroute.cases import meetings as care_meetings
from zorgroute.cli import migrate
from zorgroute.core.db import UnitOfWork, create_engine, create_sessionmaker
from zorgroute.core.embedded_pg import OWNER_ROLE, EmbeddedDatabase, bootstrap_roles
from zorgroute.core.errors import AppError
from zorgroute.core.security.principal import Principal
from zorgroute.demo import dataset, hgw, names
from zorgroute.demo.dataset import (
    SCHOOL_YEAR,
    demo_accounts,
    demo_school_keys,
    organisations,
    resolve_school_key,
    roster_payload,
)
from zorgroute.demo.seed import seed
from zorgroute.hgw import meetings, overviews, school_config
from zorgroute.organisations.models import School
from zorgroute.plans import group_plans, perspective
from zorgroute.plans.models import DevelopmentPerspective
from zorgroute.plans.schemas import OppRead
from zorgroute.roster import repository as roster_repo
from zorgroute.roster.policies import group_filter
from zorgroute.settings import get_settings

BACKEND_DIR = Path(dataset.__file__).resolve().parents[2]

STUDENT_KEYS = {
    "external_id",
    "given_name",
    "infix",
    "family_name",
    "preferred_name",
    "date_of_birth",
    "eck_id",
    "modified_at",
}
GUARDIAN_KEYS = {
    "external_id",
    "given_name",
    "infix",
    "family_name",
    "email",
    "phone",
    "modified_at",
    "students",
}
GROUP_KEYS = {
    "external_id",
    "name",
    "school_year",
    "kind",
    "grade",
    "track",
    "subject",
    "modified_at",
}
STAFF_KEYS = {"external_id", "given_name", "infix", "family_name", "email", "modified_at"}
ENROLMENT_KEYS = {"student_external_id", "group_external_id", "start_date", "end_date"}
ASSIGNMENT_KEYS = {"staff_external_id", "group_external_id", "role", "subject"}
RELATIONS = {"mother", "father", "parent", "guardian", "foster_parent", "other"}

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ISO_DATETIME_Z = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
ECK_ID = re.compile(r"^https://ketenid\.nl/201703/[0-9a-f]{64}$")
GUARDIAN_EMAIL = re.compile(r"^[a-z0-9-]+\.[a-z0-9-]+@example\.nl$")
PHONE = re.compile(r"^06-\d{8}$")

REFERENCE_DATE = date(2026, 10, 1)


def _payloads() -> dict[str, dict[str, Any]]:
    return {key: roster_payload(key) for key in demo_school_keys()}


def _homerooms(payload: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {g["external_id"]: g for g in payload["groups"] if g["kind"] == "homeroom"}


def _group_id(payload: dict[str, Any], name: str) -> str:
    (found,) = [g["external_id"] for g in payload["groups"] if g["name"] == name]
    return str(found)


def _age_on(born: str, on: date) -> int:
    b = date.fromisoformat(born)
    return on.year - b.year - ((on.month, on.day) < (b.month, b.day))


# --------------------------------------------------------------------------------------------
# Determinism
# --------------------------------------------------------------------------------------------


def test_two_calls_are_equal() -> None:
    assert organisations() == organisations()
    for key in demo_school_keys():
        assert roster_payload(key) == roster_payload(key)


def test_returned_payloads_are_independent_copies() -> None:
    first = roster_payload("12AB00")
    first["students"].clear()
    assert len(roster_payload("12AB00")["students"]) == 144


_DUMP = (
    "import json; from zorgroute.demo.dataset import demo_school_keys, organisations, "
    "roster_payload; print(json.dumps([organisations()] + "
    "[roster_payload(k) for k in demo_school_keys()], sort_keys=True))"
)


def _dump_in_subprocess(hash_seed: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(BACKEND_DIR), "PYTHONHASHSEED": hash_seed}
    result = subprocess.run(
        [sys.executable, "-c", _DUMP], env=env, capture_output=True, text=True, check=True
    )
    return result.stdout


def test_identical_across_processes() -> None:
    """A fresh interpreter (other hash seed) generates exactly the same data."""
    first = _dump_in_subprocess("1")
    assert first == _dump_in_subprocess("2")
    in_process = [organisations()] + [roster_payload(k) for k in demo_school_keys()]
    assert json.loads(first) == json.loads(json.dumps(in_process))


# --------------------------------------------------------------------------------------------
# Organisations and totals
# --------------------------------------------------------------------------------------------


def test_organisations() -> None:
    orgs = organisations()
    assert [s["code"] for s in orgs["swvs"]] == ["PO2601", "VO2601"]
    assert [b["code"] for b in orgs["boards"]] == ["41234"]
    assert orgs["school_years"] == [
        {"name": "2026-2027", "starts_on": "2026-08-01", "ends_on": "2027-07-31"}
    ]
    swvs = {s["code"]: s["sector"] for s in orgs["swvs"]}
    for school in orgs["schools"]:
        assert school["key"] == school["brin"] + school["vestiging"]
        assert swvs[school["swv"]] == school["sector"]
        assert school["board"] == "41234"
    assert (
        [s["key"] for s in orgs["schools"]] == demo_school_keys() == ["12AB00", "34CD00", "34CD01"]
    )
    assert orgs == json.loads(json.dumps(orgs))


def test_totals() -> None:
    payloads = _payloads()
    counts = {key: len(p["students"]) for key, p in payloads.items()}
    assert counts == {"12AB00": 144, "34CD00": 78, "34CD01": 78}
    assert sum(counts.values()) == 300


def test_po_groups() -> None:
    payload = roster_payload("12AB00")
    homerooms = _homerooms(payload)
    assert [g["name"] for g in homerooms.values()] == ["Groep 1/2a"] + [
        f"Groep {n}" for n in range(3, 9)
    ]
    assert [g["grade"] for g in homerooms.values()] == [2, 3, 4, 5, 6, 7, 8]
    assert all(g["track"] is None and g["subject"] is None for g in homerooms.values())
    sizes = Counter(e["group_external_id"] for e in payload["enrolments"])
    assert all(18 <= sizes[gid] <= 23 for gid in homerooms)
    assert len(set(sizes.values())) > 1


def test_vo_groups() -> None:
    lyceum = roster_payload("34CD00")
    groups = {g["name"]: g for g in lyceum["groups"]}
    assert (groups["1A"]["grade"], groups["1A"]["track"]) == (1, "havo/vwo")
    assert (groups["2B"]["grade"], groups["2B"]["track"]) == (2, "havo")
    assert (groups["3C"]["grade"], groups["3C"]["track"]) == (3, "vwo")
    for name, subject, homeroom in (
        ("2B-wi", "wiskunde", "2B"),
        ("3C-wi", "wiskunde", "3C"),
        ("3C-ne", "Nederlands", "3C"),
    ):
        assert groups[name]["kind"] == "teaching_group"
        assert groups[name]["subject"] == subject
        assert groups[name]["grade"] == groups[homeroom]["grade"]
        assert groups[name]["track"] == groups[homeroom]["track"]

    vakcollege = roster_payload("34CD01")
    groups = {g["name"]: g for g in vakcollege["groups"]}
    assert [(groups[n]["grade"], groups[n]["track"]) for n in ("1V", "2V", "3V")] == [
        (1, "vmbo-b"),
        (2, "vmbo-k"),
        (3, "vmbo-gl"),
    ]
    assert groups["3V-te"]["kind"] == "teaching_group"
    assert groups["3V-te"]["subject"] == "techniek"

    for payload in (lyceum, vakcollege):
        sizes = Counter(e["group_external_id"] for e in payload["enrolments"])
        assert all(sizes[gid] == 26 for gid in _homerooms(payload))


def test_teaching_groups_hold_their_homeroom() -> None:
    for key, name, homeroom in (
        ("34CD00", "2B-wi", "2B"),
        ("34CD00", "3C-wi", "3C"),
        ("34CD00", "3C-ne", "3C"),
        ("34CD01", "3V-te", "3V"),
    ):
        payload = roster_payload(key)
        members: dict[str, set[str]] = {}
        for e in payload["enrolments"]:
            members.setdefault(e["group_external_id"], set()).add(e["student_external_id"])
        assert members[_group_id(payload, name)] == members[_group_id(payload, homeroom)]


# --------------------------------------------------------------------------------------------
# Shape and referential integrity
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["12AB00", "34CD00", "34CD01"])
def test_payload_shape(key: str) -> None:
    payload = roster_payload(key)
    school = next(s for s in organisations()["schools"] if s["key"] == key)
    assert set(payload) == {
        "source",
        "mode",
        "students",
        "guardians",
        "groups",
        "staff",
        "enrolments",
        "assignments",
    }
    assert payload["source"] == school["source"]
    assert payload["mode"] == "full"
    for s in payload["students"]:
        assert set(s) == STUDENT_KEYS
        assert ISO_DATE.match(s["date_of_birth"])
        assert ISO_DATETIME_Z.match(s["modified_at"])
        assert s["eck_id"] is None or ECK_ID.match(s["eck_id"])
        assert s["infix"] is None or (s["infix"] and s["infix"] == s["infix"].lower())
        assert s["preferred_name"] is None or s["preferred_name"] != s["given_name"]
    for g in payload["guardians"]:
        assert set(g) == GUARDIAN_KEYS
        assert g["email"] is None or GUARDIAN_EMAIL.match(g["email"]), g["email"]
        assert g["phone"] is None or PHONE.match(g["phone"]), g["phone"]
        assert g["students"]
        for link in g["students"]:
            assert set(link) == {"student_external_id", "relation", "parental_authority"}
            assert link["relation"] in RELATIONS
            assert isinstance(link["parental_authority"], bool)
    for g in payload["groups"]:
        assert set(g) == GROUP_KEYS
        assert g["school_year"] == SCHOOL_YEAR
        assert g["kind"] in {"homeroom", "teaching_group"}
        assert isinstance(g["grade"], int)
        assert (g["subject"] is None) == (g["kind"] == "homeroom")
    for s in payload["staff"]:
        assert set(s) == STAFF_KEYS
        assert s["email"] is None or "@" in s["email"]
    for e in payload["enrolments"]:
        assert set(e) == ENROLMENT_KEYS
        assert ISO_DATE.match(e["start_date"])
        assert e["end_date"] is None or ISO_DATE.match(e["end_date"])
    for a in payload["assignments"]:
        assert set(a) == ASSIGNMENT_KEYS
        assert a["role"] in {"mentor", "teacher"}
        assert (a["role"] == "teacher") == (a["subject"] is not None)
    assert payload == json.loads(json.dumps(payload))


@pytest.mark.parametrize("key", ["12AB00", "34CD00", "34CD01"])
def test_references_and_unique_ids(key: str) -> None:
    payload = roster_payload(key)
    ids: dict[str, list[str]] = {
        kind: [r["external_id"] for r in payload[kind]]
        for kind in ("students", "guardians", "groups", "staff")
    }
    for kind, values in ids.items():
        assert len(values) == len(set(values)), f"duplicate {kind} ids"
    students, groups, staff = set(ids["students"]), set(ids["groups"]), set(ids["staff"])

    for e in payload["enrolments"]:
        assert e["student_external_id"] in students
        assert e["group_external_id"] in groups
    for a in payload["assignments"]:
        assert a["staff_external_id"] in staff
        assert a["group_external_id"] in groups
    for g in payload["guardians"]:
        linked = [link["student_external_id"] for link in g["students"]]
        assert len(linked) == len(set(linked))
        assert set(linked) <= students

    enrolment_pairs = [
        (e["student_external_id"], e["group_external_id"]) for e in payload["enrolments"]
    ]
    assert len(enrolment_pairs) == len(set(enrolment_pairs))
    assignment_keys = [
        (a["staff_external_id"], a["group_external_id"], a["role"]) for a in payload["assignments"]
    ]
    assert len(assignment_keys) == len(set(assignment_keys))

    assert all(i.startswith(f"ll-{key}-") for i in ids["students"])
    assert all(i.startswith(f"ou-{key}-") for i in ids["guardians"])
    assert all(i.startswith(f"gr-{key}-") for i in ids["groups"])
    assert all(i.startswith(("demo-", f"mw-{key}-")) for i in ids["staff"])


def test_student_ids_unique_across_schools() -> None:
    all_ids = [s["external_id"] for p in _payloads().values() for s in p["students"]]
    assert len(all_ids) == len(set(all_ids)) == 300


@pytest.mark.parametrize("key", ["12AB00", "34CD00", "34CD01"])
def test_every_student_in_exactly_one_homeroom(key: str) -> None:
    payload = roster_payload(key)
    homerooms = _homerooms(payload)
    per_student = Counter(
        e["student_external_id"]
        for e in payload["enrolments"]
        if e["group_external_id"] in homerooms
    )
    assert set(per_student) == {s["external_id"] for s in payload["students"]}
    assert set(per_student.values()) == {1}


@pytest.mark.parametrize("key", ["12AB00", "34CD00", "34CD01"])
def test_every_homeroom_has_one_mentor(key: str) -> None:
    payload = roster_payload(key)
    mentors = Counter(
        a["group_external_id"] for a in payload["assignments"] if a["role"] == "mentor"
    )
    assert set(mentors) == set(_homerooms(payload))
    assert set(mentors.values()) == {1}


# --------------------------------------------------------------------------------------------
# Guardians and students
# --------------------------------------------------------------------------------------------


def test_guardians_per_student() -> None:
    per_student_total: Counter[int] = Counter()
    relations: Counter[str] = Counter()
    authority: Counter[bool] = Counter()
    shared = 0
    for payload in _payloads().values():
        links = Counter(
            link["student_external_id"] for g in payload["guardians"] for link in g["students"]
        )
        assert set(links) == {s["external_id"] for s in payload["students"]}
        per_student_total.update(links.values())
        for g in payload["guardians"]:
            shared += len(g["students"]) > 1
            for link in g["students"]:
                relations[link["relation"]] += 1
                authority[link["parental_authority"]] += 1
    assert set(per_student_total) <= {1, 2}
    assert per_student_total[2] > 2 * per_student_total[1]  # mostly two guardians
    assert relations["mother"] + relations["father"] + relations["parent"] > 0.8 * sum(
        relations.values()
    )
    assert 0 < authority[False] < 0.1 * sum(authority.values())
    assert shared >= 3  # siblings share their guardians


def test_every_student_has_a_guardian_with_parental_authority() -> None:
    for payload in _payloads().values():
        with_authority = {
            link["student_external_id"]
            for g in payload["guardians"]
            for link in g["students"]
            if link["parental_authority"]
        }
        assert with_authority == {s["external_id"] for s in payload["students"]}


def test_eck_ids() -> None:
    students = [s for p in _payloads().values() for s in p["students"]]
    with_eck = [s for s in students if s["eck_id"]]
    assert 0.6 <= len(with_eck) / len(students) <= 0.8
    assert len({s["eck_id"] for s in with_eck}) == len(with_eck)


def test_name_variety() -> None:
    students = [s for p in _payloads().values() for s in p["students"]]
    assert any(s["infix"] for s in students)
    assert 0 < sum(1 for s in students if s["preferred_name"]) < 0.1 * len(students)
    assert len({s["family_name"] for s in students}) > 60
    assert len({s["given_name"] for s in students}) > 80


def test_po_ages_match_grade() -> None:
    payload = roster_payload("12AB00")
    homerooms = _homerooms(payload)
    born = {s["external_id"]: s["date_of_birth"] for s in payload["students"]}
    for e in payload["enrolments"]:
        group = homerooms[e["group_external_id"]]
        age = _age_on(born[e["student_external_id"]], REFERENCE_DATE)
        if group["name"] == "Groep 1/2a":
            assert 4 <= age <= 5, (group["name"], age)
            assert _age_on(born[e["student_external_id"]], date(2026, 8, 1)) >= 4
        else:
            assert group["grade"] + 3 <= age <= group["grade"] + 4, (group["name"], age)
    groep3 = [
        _age_on(born[e["student_external_id"]], REFERENCE_DATE)
        for e in payload["enrolments"]
        if homerooms[e["group_external_id"]]["name"] == "Groep 3"
    ]
    assert Counter(groep3).most_common(1)[0][0] == 6


def test_vo_ages_match_grade() -> None:
    for key in ("34CD00", "34CD01"):
        payload = roster_payload(key)
        homerooms = _homerooms(payload)
        born = {s["external_id"]: s["date_of_birth"] for s in payload["students"]}
        for e in payload["enrolments"]:
            if e["group_external_id"] in homerooms:
                grade = homerooms[e["group_external_id"]]["grade"]
                age = _age_on(born[e["student_external_id"]], REFERENCE_DATE)
                assert grade + 11 <= age <= grade + 12


# --------------------------------------------------------------------------------------------
# Staff and the dev IdP accounts
# --------------------------------------------------------------------------------------------


def _assignments_of(payload: dict[str, Any], staff_id: str) -> set[tuple[str, str, str | None]]:
    groups = {g["external_id"]: g["name"] for g in payload["groups"]}
    return {
        (groups[a["group_external_id"]], a["role"], a["subject"])
        for a in payload["assignments"]
        if a["staff_external_id"] == staff_id
    }


def test_demo_staff_and_assignments() -> None:
    po, lyceum, vakcollege = (roster_payload(k) for k in demo_school_keys())
    staff = {k: {s["external_id"] for s in roster_payload(k)["staff"]} for k in demo_school_keys()}
    assert {"demo-leerkracht", "demo-ib", "demo-hb", "demo-directeur"} <= staff["12AB00"]
    assert {
        "demo-mentor",
        "demo-docent",
        "demo-zorgcoordinator",
        "demo-hb",
        "demo-teamleider",
    } <= staff["34CD00"]
    assert {"demo-zorgcoordinator", "demo-docent-vakcollege"} <= staff["34CD01"]

    assert _assignments_of(po, "demo-leerkracht") == {("Groep 5", "mentor", None)}
    for staff_id in ("demo-ib", "demo-hb", "demo-directeur"):
        assert _assignments_of(po, staff_id) == set()
    assert _assignments_of(lyceum, "demo-mentor") == {("1A", "mentor", None)}
    assert _assignments_of(lyceum, "demo-docent") == {
        ("1A-wi", "teacher", "wiskunde"),
        ("2B-wi", "teacher", "wiskunde"),
        ("3C-wi", "teacher", "wiskunde"),
    }
    for staff_id in ("demo-zorgcoordinator", "demo-hb", "demo-teamleider"):
        assert _assignments_of(lyceum, staff_id) == set()
    assert _assignments_of(vakcollege, "demo-docent-vakcollege") == {
        ("3V-te", "teacher", "techniek")
    }
    assert _assignments_of(vakcollege, "demo-zorgcoordinator") == set()


def test_generated_staff_emails_use_school_domain() -> None:
    domains = {
        "12AB00": "@regenboog.example",
        "34CD00": "@stedelijklyceum.example",
        "34CD01": "@vakcollege-rivierstad.example",
    }
    for key, payload in _payloads().items():
        emails = [s["email"] for s in payload["staff"] if s["email"]]
        assert len(emails) == len(set(emails))
        for s in payload["staff"]:
            if s["external_id"].startswith("mw-"):
                assert s["email"].endswith(domains[key])
                assert s["email"].isascii()


def test_accounts_json_staff_appear_in_roster() -> None:
    accounts = demo_accounts()
    assert accounts, f"{dataset.ACCOUNTS_FILE} is missing or empty"
    payloads = _payloads()
    checked = 0
    for account in accounts:
        for membership in account.get("memberships", []):
            staff_id = membership.get("staff_external_id")
            if not staff_id:
                continue
            key = resolve_school_key(membership["school"])
            assert key is not None, membership
            staff = {s["external_id"]: s for s in payloads[key]["staff"]}
            assert staff_id in staff, (key, staff_id)
            record = staff[staff_id]
            parts = names.split_full_name(account["name"])
            assert parts is not None
            assert (record["given_name"], record["infix"], record["family_name"]) == parts
            assert record["email"] == account["email"]
            checked += 1
    assert checked > 0


def test_without_accounts_file_demo_staff_get_generated_names(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    with_accounts = _payloads()
    monkeypatch.setattr(dataset, "ACCOUNTS_FILE", tmp_path / "missing.json")
    assert demo_accounts() == []
    without = _payloads()
    for key in demo_school_keys():
        # Only staff names/emails may differ; everything else is independent of the file.
        for part in ("students", "guardians", "groups", "enrolments", "assignments"):
            assert without[key][part] == with_accounts[key][part]
        ids = [s["external_id"] for s in without[key]["staff"]]
        assert ids == [s["external_id"] for s in with_accounts[key]["staff"]]
        for s in without[key]["staff"]:
            assert s["given_name"] and s["family_name"] and s["email"]


def test_accounts_for_unknown_staff_are_added(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    accounts_file = tmp_path / "accounts.json"
    accounts_file.write_text(
        json.dumps(
            {
                "accounts": [
                    {
                        "login": "extra",
                        "name": "Anne Marie van 't Hof",
                        "email": "a.vanthof@regenboog.example",
                        "memberships": [
                            {"school": "12AB00", "role": "mentor", "staff_external_id": "demo-x"}
                        ],
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    monkeypatch.setattr(dataset, "ACCOUNTS_FILE", accounts_file)
    staff = {s["external_id"]: s for s in roster_payload("12AB00")["staff"]}
    assert staff["demo-x"]["given_name"] == "Anne Marie"
    assert staff["demo-x"]["infix"] == "van 't"
    assert staff["demo-x"]["family_name"] == "Hof"
    assert staff["demo-x"]["email"] == "a.vanthof@regenboog.example"
    assert "demo-x" not in {s["external_id"] for s in roster_payload("34CD00")["staff"]}


def test_resolve_school_key() -> None:
    assert resolve_school_key("12AB00") == "12AB00"
    assert resolve_school_key("34cd 01") == "34CD01"
    assert resolve_school_key("12AB") == "12AB00"
    assert resolve_school_key("34CD") is None  # two vestigingen
    assert resolve_school_key("Vakcollege Rivierstad") == "34CD01"
    assert resolve_school_key("99ZZ00") is None
    assert resolve_school_key(None) is None


# --------------------------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------------------------


def test_name_lists() -> None:
    assert len(names.FAMILY_NAMES) >= 60
    assert len(set(names.FAMILY_NAMES)) == len(names.FAMILY_NAMES)
    for required in (
        ("de", "Vries"),
        ("van", "Dijk"),
        ("van der", "Berg"),
        ("", "Jansen"),
        ("", "Yılmaz"),
        ("", "El Amrani"),
        ("", "Öztürk"),
        ("in 't", "Veld"),
    ):
        assert required in names.FAMILY_NAMES
    for girl in ("Emma", "Julia", "Tess", "Saar", "Mila", "Zoë", "Aya", "Nour", "Elif", "Priya"):
        assert girl in names.GIRL_NAMES
    for boy in ("Noah", "Sem", "Daan", "Levi", "Lucas", "Finn", "Mohammed", "Yusuf", "Kenji"):
        assert boy in names.BOY_NAMES
    assert names.ADULT_FEMALE_NAMES and names.ADULT_MALE_NAMES


@pytest.mark.parametrize(
    ("full", "expected"),
    [
        ("Sanne de Vries", ("Sanne", "de", "Vries")),
        ("Peter van den Berg", ("Peter", "van den", "Berg")),
        ("Fatima El Amrani", ("Fatima", None, "El Amrani")),
        ("Thomas Bakker", ("Thomas", None, "Bakker")),
        ("Anne Marie in 't Veld", ("Anne Marie", "in 't", "Veld")),
        ("Madonna", None),
    ],
)
def test_split_full_name(full: str, expected: tuple[str, str | None, str] | None) -> None:
    assert names.split_full_name(full) == expected


def test_ascii_fold_and_email_local_part() -> None:
    assert names.ascii_fold("Zoë Öztürk Łukasz Şahin") == "Zoe Ozturk Lukasz Sahin"
    assert names.email_local_part("Gert-Jan", "in 't", "Veld") == "gert-jan.intveld"
    assert names.email_local_part("Ömer", None, "El Amrani") == "omer.elamrani"


# --------------------------------------------------------------------------------------------
# The seed, against its own database: HGW demo data (the SPA's browser test relies on these)
# --------------------------------------------------------------------------------------------

DEMO_DATABASE = "zorgroute_demo"
CYCLE_ONE = (date(2026, 8, 24), date(2026, 11, 13))


@pytest.fixture(scope="module")
def demo_url(database: EmbeddedDatabase) -> str:
    """A separate, migrated database in the test cluster: the demo schools stay out of the
    database the other tests share."""
    bootstrap_roles(database.psql, database.app_role, DEMO_DATABASE)
    migrate(database.url(OWNER_ROLE, DEMO_DATABASE), database.app_role)
    return database.url(database.app_role, DEMO_DATABASE)


async def test_seed_loads_the_hgw_demo_cycle(demo_url: str) -> None:
    assert "HGW demo data: Cyclus 1 of 1A completed" in await seed(demo_url)
    assert "HGW demo data already present" in await seed(demo_url)  # idempotent
    engine = create_engine(demo_url, pool_size=2)
    try:
        async with create_sessionmaker(engine)() as session:
            uow = UnitOfWork(session)
            issuer = get_settings().oidc.issuer
            mentor = await hgw.principal_of(uow, issuer, "mentor")
            care = await hgw.principal_of(uow, issuer, "zorgcoordinator")
            await uow.set_school_context(care.school_ids)
            await _check_hgw_demo(uow, mentor, care)
            await uow.rollback()
    finally:
        await engine.dispose()


async def _check_hgw_demo(uow: UnitOfWork, mentor: Principal, care: Principal) -> None:
    (school_id,) = mentor.school_ids
    school = await uow.first(select(School).where(School.id == school_id))
    assert school is not None and school.brin + school.vestiging == "34CD00"
    assert school.name.startswith("Stedelijk Lyceum")
    settings = await school_config.get_settings(uow, care, school_id)
    assert (settings.version, settings.cycles_per_year, settings.cycle_a, settings.cycle_b) == (
        1, 3, True, True,
    )  # fmt: skip
    assert (settings.plan_style, settings.meeting_form) == ("group_plan", "with_mentor")
    assert settings.seo_instrument == "Schoolvragenlijst (SVL)"
    assert settings.seo_categories == ["Welbevinden", "Motivatie", "Zelfbeeld", "Sociaal gedrag"]
    assert settings.test_domains == ["TL", "BL", "SP", "RK"]
    assert {c.domain for c in settings.signalling_criteria} == {"RK", "BL", "SP", "TL"}
    assert all(c.signal_levels == ["IV", "V"] for c in settings.signalling_criteria)

    periods = sorted(
        await school_config.list_periods(uow, care, school_id), key=lambda p: p.sequence
    )
    assert [(p.name, p.sequence, p.starts_on, p.ends_on, p.school_year) for p in periods] == [
        ("Cyclus 1", 1, date(2026, 8, 24), date(2026, 11, 13), "2026-2027"),
        ("Cyclus 2", 2, date(2026, 11, 16), date(2027, 1, 22), "2026-2027"),
        ("Cyclus 3", 3, date(2027, 1, 25), date(2027, 7, 9), "2026-2027"),
    ]
    assert [p.archived_at is not None for p in periods] == [True, False, False]

    (group,) = [
        g
        for g in await roster_repo.groups_of_schools(uow, [school_id], group_filter(mentor))
        if g.name == "1A"
    ]
    (summary,) = await overviews.list_overviews(uow, mentor, group.id)  # none in Cyclus 2
    assert (summary.period_name, summary.cycle, summary.status) == ("Cyclus 1", "A", "archived")
    assert (summary.plan_status, summary.signal_count) == ("archived", 3)
    overview = await overviews.get_overview(uow, mentor, summary.id)
    assert len(overview.rows) == 26 and not overview.editable
    assert all(r.strengths and r.instruction_level for r in overview.rows)
    assert sum(bool(r.particulars) for r in overview.rows) == 1
    assert sum(bool(r.observations) for r in overview.rows) >= 5
    for row in overview.rows:
        tests = {(r.domain, r.taken_on.month) for r in row.results if r.kind == "test"}
        assert tests == {(d, m) for d in ("TL", "BL", "SP", "RK") for m in (6, 10)}
        assert all(r.level in {"I", "II", "III", "IV", "V"} for r in row.results if r.level)
        seo = [r for r in row.results if r.kind == "seo"]
        assert {r.domain for r in seo} == set(settings.seo_categories)
        assert {r.respondent for r in seo} == {"student"}
    signals = {s.category: s for r in overview.rows for s in r.signals}
    assert set(signals) == {"basic_skill_delay", "learning_lead", "behaviour_seo"}
    assert signals["basic_skill_delay"].basis == ["test"]
    assert signals["learning_lead"].basis == ["test", "observation"]
    assert all(s.confirmed_at for s in signals.values())
    assert any(r.below_minimum for row in overview.rows for r in row.results)
    signalled = {s.student_id for s in signals.values()}
    for row in overview.rows:
        assert bool(row.needs) == (row.student_id in signalled)
        for need in row.needs:
            assert need.goals and all(g.measure and g.target_date for g in need.goals)
            assert need.items and need.set_with_student and need.student_view
            assert (need.valid_from, need.valid_until) == (periods[0].starts_on, periods[0].ends_on)

    assert overview.meeting_id is not None
    meeting = await meetings.get_meeting(uow, mentor, overview.meeting_id)
    assert meeting.status == "held" and meeting.held_on
    # One signalled student is registered with the care team; no case picks that up (cases.py).
    registered = {d.student_id for d in meeting.decisions if d.decision == "register_care_team"}
    assert len(registered) == 1 and registered < signalled
    assert {d.student_id for d in meeting.decisions if d.decision == "continue_in_group_plan"} == (
        signalled - registered
    )
    assert [d.decision for d in meeting.decisions].count("teacher_coaching") == 1

    assert overview.plan_id is not None
    plan = await group_plans.get_plan(uow, mentor, overview.plan_id)
    assert (plan.status, plan.starts_on, plan.ends_on) == ("archived", *CYCLE_ONE)
    assert plan.midterm_review_required and plan.midterm_review and plan.final_evaluation
    assert len(plan.rows) == 4  # the basis row and one subgroup per kind of signal
    results = set()
    for plan_row in plan.rows:
        assert plan_row.activities_done is not None and plan_row.continuation is not None
        expected = {(s, g.id) for s in plan_row.student_ids for g in plan_row.goals}
        assert {(o.student_id, o.goal_id) for o in plan_row.outcomes} == expected
        results |= {o.result for o in plan_row.outcomes}
    assert results == {"reached", "partly", "not_reached"}

    opps: dict[str, OppRead] = {}
    for name in ("2B", "3C"):
        (g,) = [
            g
            for g in await roster_repo.groups_of_schools(uow, [school_id], group_filter(care))
            if g.name == name
        ]
        members = [s.id for _, s in await roster_repo.students_of_groups(uow, [g.id], true())]
        found = await uow.scalars(
            select(DevelopmentPerspective).where(
                col(DevelopmentPerspective.student_id).in_(members)
            )
        )
        assert len(found) == 1
        opps[name] = await perspective.get(uow, care, found[0].student_id)
    assert (opps["2B"].support_started_on, opps["2B"].due_on) == (
        date(2026, 10, 12), date(2026, 11, 23),
    )  # fmt: skip
    assert opps["2B"].versions == []
    assert opps["3C"].support_started_on == date(2025, 9, 1)
    (version,) = opps["3C"].versions
    assert (version.kind, version.determined_on) == ("initial", date(2025, 10, 6))
    assert version.student_view
    assert opps["3C"].due_on == date(2026, 10, 6)

    # Each person's work is audited as theirs: the seed acts through their principals.
    audited = await uow.execute(
        select(AuditEvent.action, AuditEvent.actor_id).where(
            AuditEvent.school_id == school_id,
            col(AuditEvent.action).in_(["group_overview.create", "cycle_period.archive"]),
        )
    )
    actors = {row.action: row.actor_id for row in audited.all()}
    assert actors == {
        "group_overview.create": mentor.audit_id,
        "cycle_period.archive": care.audit_id,
    }


async def test_seed_loads_the_case_demo(demo_url: str) -> None:
    """Case routing's demo (demo/cases.py; the SPA's browser tests rely on it): the routes, one
    card per state, the pending group-meeting registration, next week's IZO, the jeugdarts's one
    case, and groep 5 of De Regenboog left without cases."""
    await seed(demo_url)  # whatever the HGW test above did not load yet
    assert "Zorgroute case data already present" in await seed(demo_url)  # idempotent
    engine = create_engine(demo_url, pool_size=2)
    issuer = get_settings().oidc.issuer
    try:
        sessionmaker = create_sessionmaker(engine)
        async with sessionmaker() as session:
            uow = UnitOfWork(session)
            care = await hgw.principal_of(uow, issuer, "zorgcoordinator")
            mentor = await hgw.principal_of(uow, issuer, "mentor")
            await uow.set_school_context(care.school_ids)
            lyceum = await uow.first(
                select(School).where(School.brin == "34CD", School.vestiging == "00")
            )
            assert lyceum is not None
            routes = await route_admin.list_routes(uow, care, lyceum.id)
            assert sorted(r.key for r in routes) == ["hb-multidisciplinair", "vo-izo-zat"]
            vo = await board.case_board(uow, care, lyceum.id, "vo-izo-zat", True)
            cards = {c.state: c for column in vo.columns for c in column.cards}
            assert sum(len(column.cards) for column in vo.columns) == len(cards) == 7
            assert set(cards) == {
                "izo_draft", "izo_submitted", "izo_scheduled", "izo_active", "zat_active",
                "swv_arrangement", "closed",
            }  # fmt: skip
            assert cards["izo_active"].overdue and not cards["zat_active"].overdue
            hb = await board.case_board(uow, care, lyceum.id, "hb-multidisciplinair", True)
            (gifted,) = [c for column in hb.columns for c in column.cards]
            assert (gifted.state, gifted.complexity) == ("analyse_advies", "complex")
            assert gifted.coordinator is not None and gifted.coordinator.name == "Lotte Visser"
            (request,) = await board.case_requests(uow, care, lyceum.id)
            assert request.group_name == "1A" and request.note
            (upcoming,) = [
                m
                for m in await care_meetings.list_meetings(uow, care, lyceum.id)
                if m.status == "scheduled"
            ]
            assert (upcoming.forum, upcoming.cases, upcoming.case_pack_sent_at) == ("izo", 2, None)
            # The mentor registered 1A's cases, and it is audited as theirs.
            openers = await uow.execute(
                select(AuditEvent.actor_id).where(
                    AuditEvent.action == "case.open",
                    col(AuditEvent.student_id).in_(
                        [cards[s].student_id for s in ("izo_draft", "izo_submitted")]
                    ),
                )
            )
            assert {row.actor_id for row in openers.all()} == {mentor.audit_id}
            await uow.rollback()
        async with sessionmaker() as session:  # the jeugdarts: exactly the granted ZAT case
            uow = UnitOfWork(session)
            partner = await hgw.principal_of(uow, issuer, "jeugdarts")
            await uow.set_school_context(partner.school_ids)
            seen = []
            for card in [*cards.values(), gifted]:
                with contextlib.suppress(AppError):  # 404: not theirs
                    seen.append((await care_cases.get_case(uow, partner, card.id)).state)
            assert seen == ["zat_active"]
            await uow.rollback()
        async with sessionmaker() as session:  # De Regenboog: one case, none in groep 5
            uow = UnitOfWork(session)
            ib = await hgw.principal_of(uow, issuer, "ib")
            await uow.set_school_context(ib.school_ids)
            (school_id,) = ib.school_ids
            po = await board.case_board(uow, ib, school_id, "po-1-zorgroute", False)
            (card,) = [c for column in po.columns for c in column.cards]
            assert (card.state, card.group_names) == ("lb_active", ["Groep 6"])
            (groep5,) = [
                g
                for g in await roster_repo.groups_of_schools(uow, [school_id], group_filter(ib))
                if g.name == "Groep 5"
            ]
            for _, student in await roster_repo.students_of_groups(uow, [groep5.id], true()):
                assert await board.student_cases(uow, ib, student.id) == []
            await uow.rollback()
    finally:
        await engine.dispose()
