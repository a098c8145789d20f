"""Routes as per-school configuration (maatwerk per school): the library of templates and guards,
installing a template and adapting it as a new revision (running cases keep theirs), the
definitions a school cannot save, and who may change routes."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from support.cases import get, install, open_case, step
from support.factories import World, WorldFactory
from support.hgw import call

from zorgroute.cases.routes import GUARDS, RELATIONS
from zorgroute.privacy.models import PURPOSES

Definition = dict[str, Any]


async def library(client: httpx.AsyncClient, world: World, role: str = "mentor") -> Any:
    resp = await call(client, world, role, "GET", "/api/v1/care-routes/library")
    assert resp.status_code == 200, resp.text
    return resp.json()


async def template(client: httpx.AsyncClient, world: World, key: str) -> Definition:
    found = {t["key"]: t["definition"] for t in (await library(client, world))["templates"]}
    return copy.deepcopy(found[key])


def transition(definition: Definition, key: str) -> dict[str, Any]:
    return next(t for t in definition["transitions"] if t["key"] == key)


async def create(
    client: httpx.AsyncClient, world: World, body: dict[str, Any], role: str = "zorgcoordinator"
) -> httpx.Response:
    return await call(client, world, role, "POST",
                      f"/api/v1/schools/{world.school_id}/care-routes", body)  # fmt: skip


async def routes(client: httpx.AsyncClient, world: World) -> list[dict[str, Any]]:
    resp = await call(client, world, "zorgcoordinator", "GET",
                      f"/api/v1/schools/{world.school_id}/care-routes")  # fmt: skip
    assert resp.status_code == 200, resp.text
    return list(resp.json())


async def test_the_library_has_the_three_templates_and_the_guards(
    client: httpx.AsyncClient, world: World
) -> None:
    body = await library(client, world)
    templates = {t["key"]: t["definition"] for t in body["templates"]}
    assert list(templates) == ["vo-izo-zat", "po-1-zorgroute", "hb-multidisciplinair"]
    assert templates["hb-multidisciplinair"]["name"] == "Multidisciplinaire casus (hoog)begaafdheid"
    assert [s["key"] for s in templates["hb-multidisciplinair"]["states"]] == [
        "signalering", "interne_opschaling", "analyse_advies", "netwerkinschakeling",
        "interventie", "borging_nazorg", "closed",
    ]  # fmt: skip
    assert {f["meeting"] for f in templates["po-1-zorgroute"]["forums"]} == {
        "leerlingbespreking", "ondersteuningsteam", None,
    }  # fmt: skip
    guards = {g["code"]: g for g in body["guards"]}
    assert list(guards) == list(GUARDS)
    assert guards["consent"]["parameters"] == list(PURPOSES)
    assert guards["registration"]["parameters"] == ["izo", "zat"]
    assert guards["help_question"]["parameters"] is None
    assert all(g["label"] for g in guards.values())
    # Every guard a template names is in the library (with an allowed parameter).
    for definition in templates.values():
        assert sum(1 for s in definition["states"] if s["closed"]) == 1
        for t in definition["transitions"]:
            assert set(t) >= {"key", "action", "label", "from", "to", "roles", "guards"}
            for g in t["guards"]:
                code, _, param = g.partition(":")
                params = guards[code]["parameters"]
                assert (param in params) if params else not param, g
            assert set(t["roles"]) <= set(body["roles"]), t["key"]
    # Roles a table may name: school roles and relations, never the external partner or the
    # privacy officer.
    assert set(RELATIONS) <= set(body["roles"])
    assert "intern_begeleider" in body["roles"] and "team_leader" in body["roles"]
    assert not {"external_partner", "privacy_officer", "integration"} & set(body["roles"])


async def test_a_new_revision_leaves_running_cases_on_theirs(
    client: httpx.AsyncClient, world: World
) -> None:
    first_id = await install(client, world, "vo-izo-zat", "vo")
    first = (await call(client, world, "mentor", "GET", f"/api/v1/care-routes/{first_id}")).json()
    assert (first["key"], first["revision"], first["template"]) == ("vo", 1, "vo-izo-zat")
    old = (await open_case(client, world, "mentor", "ll-1", "vo", "open_izo")).json()
    assert (old["route_id"], old["route_revision"]) == (first_id, 1)

    # The school drops the strengths from the registration and adds a step.
    definition = copy.deepcopy(first["definition"])
    definition["name"] = "Zorgroute VO (zonder sterke kanten bij aanmelding)"
    for key in ("T5", "T6r", "T7r"):
        transition(definition, key)["guards"].remove("strengths")
    definition["transitions"].append(
        {"key": "X1", "action": "hold", "label": "Even pauzeren", "from": ["izo_active"],
         "to": "izo_evaluation", "roles": ["zorgcoordinator"], "guards": ["reason"]}
    )  # fmt: skip
    resp = await create(
        client,
        world,
        {"key": "vo", "definition": definition, "change_note": "Sterke kanten pas in het IZO."},
    )
    assert resp.status_code == 201, resp.text
    second = resp.json()
    assert (second["revision"], second["template"]) == (2, "vo-izo-zat")
    assert second["name"] == definition["name"]
    assert second["change_note"] == "Sterke kanten pas in het IZO."
    assert transition(second["definition"], "X1")["guards"] == ["reason"]

    new = (await open_case(client, world, "mentor", "ll-2", "vo", "open_izo")).json()
    assert (new["route_id"], new["route_revision"]) == (second["id"], 2)
    # Each case follows the table of its own revision.
    old_missing = (await step(client, world, "mentor", old, "submit")).json()["missing"]
    new_missing = (await step(client, world, "mentor", new, "submit")).json()["missing"]
    assert "strengths" in old_missing and "strengths" not in new_missing
    old = await get(client, world, old["id"])
    assert (old["route_id"], old["route_revision"]) == (first_id, 1)

    # The list shows the latest revision; the earlier one is still readable.
    listed = await routes(client, world)
    assert [(r["key"], r["revision"], r["open_cases"]) for r in listed] == [("vo", 2, 1)]
    again = await call(client, world, "team_leader", "GET", f"/api/v1/care-routes/{first_id}")
    assert again.status_code == 200
    assert (again.json()["revision"], again.json()["open_cases"]) == (1, 1)
    assert transition(again.json()["definition"], "T5")["guards"][2] == "strengths"
    # Installing the template again is a third revision, not a reset of the others.
    third = await create(client, world, {"key": "vo", "template": "vo-izo-zat"}, "school_leader")
    assert third.status_code == 201 and third.json()["revision"] == 3


def _unreachable(d: Definition) -> None:
    d["states"].append({"key": "orphan", "name": "Wees", "level": "l2"})
    d["transitions"].append(
        {
            "key": "X1",
            "action": "orphan_close",
            "label": "Sluiten",
            "from": ["orphan"],
            "to": "closed",
            "roles": ["zorgcoordinator"],
        }
    )


def _dead_end(d: Definition) -> None:
    d["states"].append({"key": "limbo", "name": "Nergens heen", "level": "l2"})
    d["transitions"].append(
        {
            "key": "X2",
            "action": "park",
            "label": "Parkeren",
            "from": ["izo_active"],
            "to": "limbo",
            "roles": ["zorgcoordinator"],
        }
    )


def _unknown_guard(d: Definition) -> None:
    transition(d, "T5")["guards"].append("moon_phase")


def _wrong_parameter(d: Definition) -> None:
    transition(d, "T13")["guards"].append("consent:everything")


def _unknown_role(d: Definition) -> None:
    transition(d, "T5")["roles"].append("janitor")


def _external_role(d: Definition) -> None:
    transition(d, "T9")["roles"].append("external_partner")


def _no_closed_state(d: Definition) -> None:
    for s in d["states"]:
        s["closed"] = False


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (_unreachable, "unreachable states: orphan"),
        (_dead_end, "states that cannot reach a closed state: limbo"),
        (_unknown_guard, "transition T5: unknown guard 'moon_phase'"),
        (_wrong_parameter, "transition T13: guard 'consent' needs one of: discuss_care_team"),
        (_unknown_role, "transition T5 names an unknown role 'janitor'"),
        (_external_role, "transition T9 names an unknown role 'external_partner'"),
        (_no_closed_state, "the route has no closed state"),
    ],
)
async def test_an_unusable_definition_is_rejected_naming_the_problem(
    client: httpx.AsyncClient, world: World, change: Callable[[Definition], None], problem: str
) -> None:
    definition = await template(client, world, "vo-izo-zat")
    change(definition)
    resp = await create(client, world, {"key": "vo", "definition": definition})
    assert resp.status_code == 422, resp.text
    body = resp.json()
    assert body["code"] == "validation-failed"
    [error] = body["errors"]
    assert error["pointer"] == "/definition"
    assert problem in error["detail"], error["detail"]
    assert await routes(client, world) == []


async def test_a_definition_needs_a_valid_shape_and_one_source(
    client: httpx.AsyncClient, world: World
) -> None:
    definition = await template(client, world, "po-1-zorgroute")
    both = await create(client, world, {"key": "po", "template": "po-1-zorgroute",
                                        "definition": definition})  # fmt: skip
    assert both.status_code == 422
    unknown = await create(client, world, {"key": "po", "template": "so-route"})
    assert unknown.status_code == 422
    assert unknown.json()["errors"][0]["pointer"] == "/template"
    transition(definition, "P2")["from"] = ["lb_concept"]
    typo = await create(client, world, {"key": "po", "definition": definition})
    assert typo.status_code == 422
    assert "transition P2 starts from an unknown state 'lb_concept'" in typo.text
    assert await routes(client, world) == []


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("mentor", 403), ("teacher", 403), ("hb_specialist", 403), ("privacy_officer", 403),
        ("external_partner", 404), ("team_leader", 201), ("school_leader", 201),
        ("zorgcoordinator", 201),
    ],
)  # fmt: skip
async def test_only_care_leads_and_leadership_adapt_routes(
    client: httpx.AsyncClient, world: World, role: str, status: int
) -> None:
    resp = await create(client, world, {"key": "vo", "template": "vo-izo-zat"}, role)
    assert resp.status_code == status, resp.text
    assert len(await routes(client, world)) == (1 if status == 201 else 0)


async def test_another_schools_routes_are_not_found(
    client: httpx.AsyncClient, world: World, factory: WorldFactory
) -> None:
    other = await factory.build()
    theirs = await install(client, other, "po-1-zorgroute", "po")
    for role in ("zorgcoordinator", "school_leader", "mentor"):
        resp = await call(client, world, role, "GET", f"/api/v1/care-routes/{theirs}")
        assert resp.status_code == 404, (role, resp.text)
        resp = await call(client, world, role, "GET",
                          f"/api/v1/schools/{other.school_id}/care-routes")  # fmt: skip
        assert resp.status_code == 404, (role, resp.text)
    resp = await call(client, world, "zorgcoordinator", "POST",
                      f"/api/v1/schools/{other.school_id}/care-routes",
                      {"key": "po", "template": "po-1-zorgroute"})  # fmt: skip
    assert resp.status_code == 404
    resp = await call(client, other, "zorgcoordinator", "GET",
                      f"/api/v1/schools/{other.school_id}/care-routes")  # fmt: skip
    assert [r["revision"] for r in resp.json()] == [1]
    # The external partner of the school itself sees no route either.
    resp = await call(client, other, "external_partner", "GET", f"/api/v1/care-routes/{theirs}")
    assert resp.status_code == 404
