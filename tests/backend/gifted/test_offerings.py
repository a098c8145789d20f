"""The offerings catalogue: HB staff, care coordinators and leadership write their school's
offerings (a committee of two or more staff members, a fixed teacher of the school); every
staff member reads them; a regional offering is in the catalogue of every school of its SWV
and of no other; edits are optimistic-locked and may not drop the places students hold."""

from __future__ import annotations

import httpx
from conftest import StatementCounter
from sqlmodel import col, select
from support.factories import World, WorldFactory
from support.gifted import (
    HB,
    admitted,
    apply,
    create_offering,
    enrol,
    expect,
    if_match,
    iso,
    offering_body,
    pointers,
    submit,
)
from support.hgw import call

from zorgroute.audit.models import AuditEvent


async def test_the_hb_specialist_adds_an_offering_with_its_committee_and_fixed_teacher(
    client: httpx.AsyncClient, world: World
) -> None:
    resp = await call(
        client,
        world,
        HB,
        "POST",
        f"/api/v1/schools/{world.school_id}/offerings",
        offering_body(world, kind="peer_group_full_time"),
    )
    offering = expect(resp, 201)
    assert resp.headers["ETag"] == '"v1"'
    assert offering["school_id"] == str(world.school_id)
    assert offering["school_name"].startswith("Testschool")
    assert offering["fixed_teacher_name"] == "Hb_Specialist Medewerker"
    assert [m["name"] for m in offering["committee"]] == [
        "Hb_Specialist Medewerker",
        "Zorgcoordinator Medewerker",
    ]
    assert offering["enrolled"] == offering["waitlisted"] == 0
    assert offering["is_placement"] is True  # a full-time peer group leaves the home school
    assert offering["goals"] == [{"text": "Een eigen onderzoeksproject plannen", "cognitive": True}]

    own_class = await create_offering(
        client, world, "school_leader", kind="enrichment", setting="own_class"
    )
    assert own_class["is_placement"] is False
    away = await create_offering(
        client, world, "zorgcoordinator", kind="project", setting="other_school"
    )
    assert away["is_placement"] is True

    async with world.factory.run([world.school_id]) as uow:
        actions = await uow.scalars(
            select(AuditEvent.action).where(AuditEvent.target_id == offering["id"])
        )
    assert actions == ["gifted.offering.create"]


async def test_only_offering_editors_of_the_school_add_offerings(
    client: httpx.AsyncClient, world: World, factory: WorldFactory
) -> None:
    for role in ("teacher", "mentor", "privacy_officer"):
        await create_offering(client, world, role, status=403)
    await create_offering(client, world, "external_partner", status=404)
    other = await factory.build()
    resp = await call(
        client,
        other,
        HB,
        "POST",
        f"/api/v1/schools/{world.school_id}/offerings",
        offering_body(world),
    )
    expect(resp, 404)


async def test_an_offering_names_a_committee_of_two_staff_members_and_a_teacher_of_the_school(
    client: httpx.AsyncClient, world: World, factory: WorldFactory
) -> None:
    hb = str(world.staff["st-hb"])
    other = await factory.build()
    stranger = str(other.staff["st-hb"])
    cases = [
        ({"committee_staff_ids": [hb, hb]}, {"/committee_staff_ids"}),
        ({"committee_staff_ids": [hb, stranger]}, {"/committee_staff_ids"}),
        ({"fixed_teacher_staff_id": stranger}, {"/fixed_teacher_staff_id"}),
        ({"regional": True}, {"/open_to_other_schools"}),
        ({"starts_on": iso(10), "ends_on": iso(9)}, {"/ends_on"}),
        (
            {"regional": True, "committee_staff_ids": [hb, hb], "fixed_teacher_staff_id": stranger},
            {"/open_to_other_schools", "/committee_staff_ids", "/fixed_teacher_staff_id"},
        ),
    ]
    for fields, expected in cases:
        problem = await create_offering(client, world, status=422, **fields)
        assert pointers(problem) == expected, (fields, problem)

    ok = await create_offering(
        client,
        world,
        fixed_teacher_staff_id=None,
        starts_on=iso(),
        ends_on=iso(),
        application_routes=["swv", "swv", "parents"],
    )
    assert ok["fixed_teacher_name"] == "" and ok["application_routes"] == ["swv", "parents"]


async def test_the_catalogue_shows_the_regional_offerings_of_the_own_swv_only(
    client: httpx.AsyncClient, world: World, factory: WorldFactory
) -> None:
    neighbour = await factory.build(swv_id=world.swv_id)
    elsewhere = await factory.build()
    regional = await create_offering(
        client,
        neighbour,
        name="Regionale plusklas",
        regional=True,
        open_to_other_schools=True,
        setting="other_school",
    )
    local = await create_offering(client, neighbour, name="Eigen plusklas")
    mine = await create_offering(client, world, name="Verrijking")
    gone = await create_offering(client, world, name="Oude module", archived=True)

    seen = expect(
        await call(client, world, "teacher", "GET", f"/api/v1/schools/{world.school_id}/offerings"),
        200,
    )
    assert [o["id"] for o in seen["own"]] == [mine["id"]]
    assert [o["id"] for o in seen["regional"]] == [regional["id"]]
    # Row-level security hides the neighbour's staff: members are listed without names.
    assert {m["name"] for m in seen["regional"][0]["committee"]} == {"Commissielid (andere school)"}
    assert seen["regional"][0]["school_name"].startswith("Testschool")

    archived = expect(
        await call(
            client,
            world,
            HB,
            "GET",
            f"/api/v1/schools/{world.school_id}/offerings?include_archived=true",
        ),
        200,
    )
    assert {o["id"] for o in archived["own"]} == {mine["id"], gone["id"]}

    theirs = expect(
        await call(
            client, neighbour, "mentor", "GET", f"/api/v1/schools/{neighbour.school_id}/offerings"
        ),
        200,
    )
    assert {o["id"] for o in theirs["own"]} == {regional["id"], local["id"]}
    assert theirs["regional"] == []
    far = expect(
        await call(
            client, elsewhere, HB, "GET", f"/api/v1/schools/{elsewhere.school_id}/offerings"
        ),
        200,
    )
    assert far == {"own": [], "regional": []}

    # One offering: visible to the SWV's schools when regional, to its own school otherwise.
    for who, offering, status in (
        (world, regional, 200),
        (world, local, 404),
        (elsewhere, regional, 404),
        (neighbour, local, 200),
    ):
        resp = await call(client, who, "teacher", "GET", f"/api/v1/offerings/{offering['id']}")
        assert resp.status_code == status, (offering["name"], resp.text)
    resp = await call(
        client, world, "external_partner", "GET", f"/api/v1/schools/{world.school_id}/offerings"
    )
    assert resp.status_code == 404
    resp = await call(client, elsewhere, HB, "GET", f"/api/v1/schools/{world.school_id}/offerings")
    assert resp.status_code == 404


async def test_the_catalogue_costs_the_same_statements_for_one_or_many_offerings(
    client: httpx.AsyncClient, world: World, count_statements: StatementCounter
) -> None:
    url = f"/api/v1/schools/{world.school_id}/offerings"
    await create_offering(client, world)
    headers = await world.headers("teacher")
    before = count_statements.count
    await client.get(url, headers=headers)
    one = count_statements.count - before
    for i in range(4):
        await create_offering(client, world, name=f"Module {i}")
    before = count_statements.count
    resp = await client.get(url, headers=headers)
    assert len(resp.json()["own"]) == 5
    assert count_statements.count - before == one


async def test_an_offering_edit_names_the_version_it_read(
    client: httpx.AsyncClient, world: World, factory: WorldFactory
) -> None:
    offering = await create_offering(client, world)
    url = f"/api/v1/offerings/{offering['id']}"
    body = offering_body(world, name="Plusklas (vernieuwd)", capacity=3)
    expect(await call(client, world, HB, "PUT", url, body), 428)
    expect(await call(client, world, HB, "PUT", url, body, **{"If-Match": '"v9"'}), 412)
    expect(await call(client, world, "teacher", "PUT", url, body, **if_match(offering)), 403)
    resp = await call(client, world, "team_leader", "PUT", url, body, **if_match(offering))
    updated = expect(resp, 200)
    assert resp.headers["ETag"] == '"v2"'
    assert updated["name"] == "Plusklas (vernieuwd)" and updated["capacity"] == 3
    problem = expect(
        await call(
            client,
            world,
            HB,
            "PUT",
            url,
            offering_body(world, committee_staff_ids=[str(world.staff["st-hb"])] * 2),
            **if_match(updated),
        ),
        422,
    )
    assert pointers(problem) == {"/committee_staff_ids"}

    # Another school of the SWV reads a regional offering but does not edit it.
    neighbour = await factory.build(swv_id=world.swv_id)
    regional = await create_offering(client, world, regional=True, open_to_other_schools=True)
    resp = await call(
        client,
        neighbour,
        HB,
        "PUT",
        f"/api/v1/offerings/{regional['id']}",
        offering_body(world),
        **if_match(regional),
    )
    expect(resp, 403)

    async with world.factory.run([world.school_id]) as uow:
        actions = await uow.scalars(
            select(AuditEvent.action)
            .where(AuditEvent.target_id == offering["id"])
            .order_by(col(AuditEvent.occurred_at))
        )
    assert actions == ["gifted.offering.create", "gifted.offering.update"]


async def test_an_edit_keeps_the_places_and_the_region_its_students_hold(
    client: httpx.AsyncClient, world: World, factory: WorldFactory
) -> None:
    offering = await create_offering(client, world, capacity=3)
    for student in ("ll-1", "ll-2"):
        await enrol(client, world, await admitted(client, world, student, offering))
    read = expect(await call(client, world, HB, "GET", f"/api/v1/offerings/{offering['id']}"), 200)
    assert read["enrolled"] == 2
    url = f"/api/v1/offerings/{offering['id']}"
    problem = expect(
        await call(
            client, world, HB, "PUT", url, offering_body(world, capacity=1), **if_match(read)
        ),
        422,
    )
    assert pointers(problem) == {"/capacity"}
    expect(
        await call(
            client, world, HB, "PUT", url, offering_body(world, capacity=2), **if_match(read)
        ),
        200,
    )

    # A regional offering with a student of another school stays regional.
    neighbour = await factory.build(swv_id=world.swv_id)
    regional = await create_offering(client, world, regional=True, open_to_other_schools=True)
    await submit(client, neighbour, await apply(client, neighbour, "ll-1", regional["id"]))
    resp = await call(
        client,
        world,
        HB,
        "PUT",
        f"/api/v1/offerings/{regional['id']}",
        offering_body(world, open_to_other_schools=True),
        **if_match(regional),
    )
    assert pointers(expect(resp, 422)) == {"/regional"}
