"""The HGW cycle through the API: overviews seeded from the last cycle, rows that never
overwrite a colleague's edit, needs that always carry a goal, the group plan's lifecycle and
its guards, the group meeting's hand-over, the OPP's legal dates and the student timeline."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import httpx
from sqlmodel import col, select
from support.factories import World
from support.hgw import call, need, need_body, overview, period, signal

from zorgroute.audit.models import AuditEvent
from zorgroute.core.models import utcnow
from zorgroute.core.outbox import OutboxEvent
from zorgroute.plans.models import GroupPlan, PlanRow

START = date(2026, 9, 7)


def _row(ov: dict[str, Any], world: World, student: str) -> dict[str, Any]:
    sid = str(world.students[student])
    return next(r for r in ov["rows"] if r["student_id"] == sid)


async def _patch_row(
    client: httpx.AsyncClient, world: World, role: str, ov: str, student: str, version: int | None,
    **cells: Any,
) -> httpx.Response:  # fmt: skip
    headers = {"If-Match": f'"v{version}"'} if version is not None else {}
    return await call(
        client, world, role, "PATCH",
        f"/api/v1/overviews/{ov}/rows/{world.students[student]}", cells, **headers,
    )  # fmt: skip


async def test_a_new_cycle_is_seeded_from_the_last_one(
    client: httpx.AsyncClient, world: World
) -> None:
    first = await overview(client, world, "gr-1a", await period(client, world, 1, START))
    assert {r["family_name"] for r in first["rows"]} == {"Vries", "Bakker", "El Amrani"}
    row = _row(first, world, "ll-1")
    resp = await _patch_row(
        client, world, "mentor", first["id"], "ll-1", row["version"],
        strengths="Sterk in tekenen", observations="Werkt snel", instruction_level="independent",
    )  # fmt: skip
    assert resp.status_code == 200, resp.text
    second_period = await period(client, world, 2, START + timedelta(weeks=10))
    second = await overview(client, world, "gr-1a", second_period)
    assert second["seeded_from_id"] == first["id"]
    carried = _row(second, world, "ll-1")
    assert carried["strengths"] == "Sterk in tekenen"  # the stable picture carries over
    assert carried["instruction_level"] == "independent"
    assert carried["observations"] == ""  # observations are collected anew


async def test_two_colleagues_editing_one_row_never_overwrite_each_other(
    client: httpx.AsyncClient, world: World
) -> None:
    ov = await overview(client, world, "gr-1a", await period(client, world, 1, START))
    version = _row(ov, world, "ll-2")["version"]
    mine = await _patch_row(
        client, world, "mentor", ov["id"], "ll-2", version, observations="Mentor"
    )
    theirs = await _patch_row(
        client, world, "zorgcoordinator", ov["id"], "ll-2", version, observations="Zoco"
    )
    assert mine.status_code == 200
    assert theirs.status_code == 412
    assert theirs.json()["code"] == "version-mismatch"
    blind = await _patch_row(
        client, world, "zorgcoordinator", ov["id"], "ll-2", None, agreements="x"
    )
    assert blind.status_code == 428
    got = await call(client, world, "mentor", "GET", f"/api/v1/overviews/{ov['id']}")
    assert _row(got.json(), world, "ll-2")["observations"] == "Mentor"


async def test_a_need_without_a_goal_is_rejected_naming_the_field(
    client: httpx.AsyncClient, world: World
) -> None:
    body = need_body(None, START, goals=[])
    resp = await call(
        client, world, "mentor", "POST", f"/api/v1/students/{world.students['ll-1']}/needs", body
    )
    assert resp.status_code == 422
    assert resp.headers["content-type"].startswith("application/problem+json")
    assert any(e["pointer"] == "/goals" for e in resp.json()["errors"])
    items = await call(
        client, world, "mentor", "GET", f"/api/v1/students/{world.students['ll-1']}/needs"
    )
    assert items.json() == []  # nothing was written


async def test_goals_get_smart_hints_as_warnings_not_refusals(
    client: httpx.AsyncClient, world: World
) -> None:
    vague = need_body(None, START, goals=[{"text": "Stopt met storen in de klas"}])
    created = await need(client, world, "mentor", "ll-1", vague)
    codes = {h["code"] for h in created["hints"]}
    assert codes == {"not-measurable", "no-date", "not-desired-behaviour"}
    good = await need(client, world, "mentor", "ll-2", need_body(None, START))
    assert good["hints"] == []


async def _plan_setup(
    client: httpx.AsyncClient, world: World, weeks: float = 8
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Group 2B (mentor without an account: the care coordinator leads), two signalled
    students with a need each, and the proposed plan."""
    ov = await overview(
        client, world, "gr-2b", await period(client, world, 1, START, weeks), "zorgcoordinator"
    )
    await signal(client, world, "zorgcoordinator", ov["id"], "ll-4", "basic_skill_delay")
    await signal(client, world, "zorgcoordinator", ov["id"], "ll-5", "learning_lead")
    await need(client, world, "zorgcoordinator", "ll-4", need_body(ov["id"], START))
    ahead = need_body(
        ov["id"],
        START,
        goals=[
            {
                "text": "Werkt 3 verrijkingsopdrachten af",
                "measure": "portfolio",
                "target_date": "2026-10-30",
            }
        ],
    )
    await need(client, world, "zorgcoordinator", "ll-5", ahead)
    days = round(weeks * 7)
    resp = await call(
        client, world, "zorgcoordinator", "POST", f"/api/v1/overviews/{ov['id']}/plan",
        {"starts_on": START.isoformat(), "ends_on": (START + timedelta(days=days)).isoformat()},
    )  # fmt: skip
    assert resp.status_code == 201, resp.text
    return ov, resp.json()


def _evaluation(plan: dict[str, Any], complete: bool = True) -> dict[str, Any]:
    rows = []
    for row in plan["rows"]:
        outcomes = [
            {"student_id": s, "goal_id": g["id"], "result": "reached"}
            for s in row["student_ids"]
            for g in row["goals"]
        ]
        rows.append(
            {
                "row_id": row["id"],
                "activities_done": True,
                "outcomes": outcomes if complete else outcomes[:-1],
                "continuation": "scale_down",
                "causes": "Extra instructie werkte.",
            }
        )
    return {"rows": rows, "final_evaluation": "Doelen grotendeels bereikt."}


async def _step(
    client: httpx.AsyncClient, world: World, plan: dict[str, Any], action: str, body: Any = None,
    role: str = "zorgcoordinator",
) -> httpx.Response:  # fmt: skip
    return await call(
        client, world, role, "POST", f"/api/v1/plans/{plan['id']}/{action}", body,
        **{"If-Match": f'"v{plan["version"]}"'},
    )  # fmt: skip


async def test_the_proposed_plan_clusters_signalled_students_with_their_needs(
    client: httpx.AsyncClient, world: World
) -> None:
    _, plan = await _plan_setup(client, world)
    assert plan["status"] == "draft"
    names = {r["name"]: r for r in plan["rows"]}
    assert names["Basisgroep"]["target"] == "basis"
    behind = names["Extra instructie basisvaardigheden"]
    assert behind["student_ids"] == [str(world.students["ll-4"])]
    assert behind["goals"][0]["text"] == "Maakt 8 van de 10 breuksommen zonder hulp"
    assert "met voordoen" in behind["approach"]
    assert names["Verrijking en verdieping"]["student_ids"] == [str(world.students["ll-5"])]


async def test_teachers_see_the_plan_once_it_is_active_and_cannot_change_it(
    client: httpx.AsyncClient, world: World
) -> None:
    _, plan = await _plan_setup(client, world)
    path = f"/api/v1/plans/{plan['id']}"
    assert (await call(client, world, "teacher", "GET", path)).status_code == 404
    listed = await call(client, world, "teacher", "GET", f"/api/v1/schools/{world.school_id}/plans")
    assert listed.json() == []
    activated = await _step(client, world, plan, "activate")
    assert activated.status_code == 200, activated.text
    seen = await call(client, world, "teacher", "GET", path)
    assert seen.status_code == 200
    assert seen.json()["editable"] is False
    listed = await call(client, world, "teacher", "GET", f"/api/v1/schools/{world.school_id}/plans")
    assert [p["id"] for p in listed.json()] == [plan["id"]]
    denied = await _step(client, world, activated.json(), "amendments", {"text": "x"}, "teacher")
    assert denied.status_code == 403
    # The mentor of another group does not work with 2B at all.
    assert (await call(client, world, "mentor", "GET", path)).status_code == 403


async def test_a_plan_longer_than_ten_weeks_needs_a_midterm_review_before_evaluation(
    client: httpx.AsyncClient, world: World
) -> None:
    _, plan = await _plan_setup(client, world, weeks=12)
    assert plan["midterm_review_required"] is True
    assert "midterm-review-required" in {h["code"] for h in plan["hints"]}
    plan = (await _step(client, world, plan, "activate")).json()
    early = await _step(client, world, plan, "evaluation", _evaluation(plan))
    assert early.status_code == 422
    assert early.json()["code"] == "transition-guard-failed"
    assert early.json()["missing"] == ["midterm_review"]
    plan = (await _step(client, world, plan, "midterm-review", {"review": "Loopt goed."})).json()
    assert plan["status"] == "midterm_reviewed"
    partial = await _step(client, world, plan, "evaluation", _evaluation(plan, complete=False))
    assert partial.status_code == 422
    assert any("/outcomes/" in m for m in partial.json()["missing"])
    evaluated = await _step(client, world, plan, "evaluation", _evaluation(plan))
    assert evaluated.status_code == 200, evaluated.text
    plan = evaluated.json()
    assert plan["status"] == "evaluated"
    assert plan["rows"][1]["outcomes"][0]["result"] == "reached"
    again = await _step(client, world, plan, "activate")
    assert again.status_code == 409
    assert again.json()["code"] == "invalid-transition"
    stale = await call(
        client, world, "zorgcoordinator", "POST", f"/api/v1/plans/{plan['id']}/archive",
        **{"If-Match": '"v1"'},
    )  # fmt: skip
    assert stale.status_code == 412
    archived = await _step(client, world, plan, "archive")
    assert archived.json()["status"] == "archived"


async def test_a_short_plan_is_evaluated_without_a_midterm_review(
    client: httpx.AsyncClient, world: World
) -> None:
    _, plan = await _plan_setup(client, world, weeks=8)
    plan = (await _step(client, world, plan, "activate")).json()
    amended = await _step(client, world, plan, "amendments", {"text": "Subgroep 2x per week"})
    assert amended.status_code == 201
    plan = amended.json()
    assert plan["amendments"][0]["text"] == "Subgroep 2x per week"
    done = await _step(client, world, plan, "evaluation", _evaluation(plan))
    assert done.status_code == 200, done.text


async def test_an_individual_plan_needs_the_parents_signature_before_the_plan_runs(
    client: httpx.AsyncClient, world: World
) -> None:
    _, plan = await _plan_setup(client, world)
    body = {
        "student_id": str(world.students["ll-4"]),
        "decided_by": "care_team",
        "goals": [{"text": "Leest 40 woorden per minuut meer"}],
        "approach": "Dagelijks 10 minuten duolezen",
        "student_view": "Ik oefen liever met een maatje.",
    }
    created = await call(
        client,
        world,
        "zorgcoordinator",
        "POST",
        f"/api/v1/plans/{plan['id']}/individual-plans",
        body,
    )
    assert created.status_code == 201, created.text
    plan = (
        await call(client, world, "zorgcoordinator", "GET", f"/api/v1/plans/{plan['id']}")
    ).json()
    blocked = await _step(client, world, plan, "activate")
    assert blocked.status_code == 422
    assert blocked.json()["missing"] == [f"individual_plans/{created.json()['id']}/parent_sign_off"]
    student = await call(
        client, world, "zorgcoordinator", "GET", f"/api/v1/students/{world.students['ll-4']}"
    )
    guardian = student.json()["guardians"][0]["id"]
    signed = await call(
        client, world, "zorgcoordinator", "POST",
        f"/api/v1/individual-plans/{created.json()['id']}/parent-sign-off",
        {"guardian_id": guardian, "signed_on": START.isoformat()}, **{"If-Match": '"v1"'},
    )  # fmt: skip
    assert signed.status_code == 200, signed.text
    assert (await _step(client, world, plan, "activate")).status_code == 200


async def test_particulars_and_home_situation_signals_stay_with_mentor_and_care(
    client: httpx.AsyncClient, world: World
) -> None:
    ov = await overview(
        client, world, "gr-2b", await period(client, world, 1, START), "zorgcoordinator"
    )
    version = _row(ov, world, "ll-4")["version"]
    resp = await _patch_row(
        client, world, "zorgcoordinator", ov["id"], "ll-4", version, particulars="Dyslexie"
    )
    assert resp.status_code == 200
    await signal(client, world, "zorgcoordinator", ov["id"], "ll-4", "home_situation")
    seen = (await call(client, world, "teacher", "GET", f"/api/v1/overviews/{ov['id']}")).json()
    assert (seen["editable"], seen["may_lead"]) == (True, False)  # contributes, does not lead
    row = _row(seen, world, "ll-4")
    assert row["particulars"] is None
    assert row["signals"] == []
    denied = await _patch_row(
        client, world, "teacher", ov["id"], "ll-4", row["version"], particulars="x"
    )
    assert denied.status_code == 403
    allowed = await _patch_row(
        client, world, "teacher", ov["id"], "ll-4", row["version"], observations="Rekent vlot"
    )
    assert allowed.status_code == 200
    care = (
        await call(client, world, "zorgcoordinator", "GET", f"/api/v1/overviews/{ov['id']}")
    ).json()
    assert _row(care, world, "ll-4")["particulars"] == "Dyslexie"


async def test_holding_the_meeting_confirms_signals_and_hands_registrations_to_case_routing(
    client: httpx.AsyncClient, world: World
) -> None:
    ov = await overview(client, world, "gr-1a", await period(client, world, 1, START))
    sig = await signal(client, world, "mentor", ov["id"], "ll-3", "behaviour_seo")
    created = await call(
        client, world, "mentor", "POST", f"/api/v1/overviews/{ov['id']}/meeting",
        {"scheduled_on": "2026-10-01"},
    )  # fmt: skip
    assert created.status_code == 201, created.text
    meeting = created.json()
    assert len(meeting["agenda"]) == 10
    assert meeting["editable"] is True
    report = {
        "scheduled_on": "2026-10-01",
        "chair_name": "Mentor",
        "attendees": ["Mentor", "Docent wiskunde"],
        "summary": "Aya aanmelden bij het zorgteam.",
        "decisions": [
            {"student_id": str(world.students["ll-3"]), "decision": "register_care_team"},
            {"student_id": str(world.students["ll-1"]), "decision": "continue_in_group_plan"},
        ],
    }
    saved = await call(
        client, world, "mentor", "PUT", f"/api/v1/meetings/{meeting['id']}", report,
        **{"If-Match": f'"v{meeting["version"]}"'},
    )  # fmt: skip
    assert saved.status_code == 200, saved.text
    held = await call(
        client, world, "mentor", "POST", f"/api/v1/meetings/{meeting['id']}/hold",
        {"held_on": "2026-10-01", "confirmed_signal_ids": [sig["id"]]},
        **{"If-Match": f'"v{saved.json()["version"]}"'},
    )  # fmt: skip
    assert held.status_code == 200, held.text
    assert held.json()["status"] == "held"
    async with world.factory.run([world.school_id]) as uow:
        events = await uow.scalars(
            select(OutboxEvent).where(OutboxEvent.school_id == world.school_id)
        )
    assert [(e.topic, e.payload["student_id"]) for e in events] == [
        ("hgw.care_registration_requested", str(world.students["ll-3"]))
    ]
    ov_after = (await call(client, world, "mentor", "GET", f"/api/v1/overviews/{ov['id']}")).json()
    assert _row(ov_after, world, "ll-3")["signals"][0]["confirmed_at"] is not None
    timeline = await call(
        client, world, "mentor", "GET", f"/api/v1/students/{world.students['ll-3']}/timeline"
    )
    titles = [i["title"] for i in timeline.json()]
    assert "Groepsbespreking: aangemeld bij het intern zorgteam" in titles
    assert "Gesignaleerd: gedrag / sociaal-emotioneel" in titles


async def test_an_archived_cycle_is_read_only(client: httpx.AsyncClient, world: World) -> None:
    ov, plan = await _plan_setup(client, world)
    period_id = ov["cycle_period_id"]
    refused = await call(
        client, world, "zorgcoordinator", "POST", f"/api/v1/cycle-periods/{period_id}/archive"
    )
    assert refused.status_code == 422
    assert refused.json()["unevaluated_plan_ids"] == [plan["id"]]
    plan = (await _step(client, world, plan, "activate")).json()
    await _step(client, world, plan, "evaluation", _evaluation(plan))
    archived = await call(
        client, world, "zorgcoordinator", "POST", f"/api/v1/cycle-periods/{period_id}/archive"
    )
    assert archived.status_code == 200, archived.text
    again = (
        await call(client, world, "zorgcoordinator", "GET", f"/api/v1/overviews/{ov['id']}")
    ).json()
    assert again["status"] == "archived"
    assert again["editable"] is False
    row = _row(again, world, "ll-4")
    locked = await _patch_row(
        client, world, "zorgcoordinator", ov["id"], "ll-4", row["version"], observations="x"
    )
    assert locked.status_code == 409
    final = (
        await call(client, world, "zorgcoordinator", "GET", f"/api/v1/plans/{plan['id']}")
    ).json()
    assert final["status"] == "archived"


async def test_the_opp_is_due_six_weeks_after_support_starts_and_is_set_with_student_and_parents(
    client: httpx.AsyncClient, world: World
) -> None:
    student = world.students["ll-1"]
    started = utcnow().date() - timedelta(days=50)
    resp = await call(
        client, world, "mentor", "POST", f"/api/v1/students/{student}/development-perspective",
        {"support_started_on": started.isoformat(), "support_description": "Remedial teaching"},
    )  # fmt: skip
    assert resp.status_code == 201, resp.text
    opp = resp.json()
    assert opp["state"] == "overdue"
    assert opp["due_on"] == (started + timedelta(weeks=6)).isoformat()
    deadlines = await call(
        client, world, "mentor", "GET", f"/api/v1/schools/{world.school_id}/hgw-deadlines"
    )
    assert [(d["kind"], d["overdue"]) for d in deadlines.json()] == [("opp_due", True)]
    version = {
        "kind": "initial",
        "expected_outflow": "havo",
        "factors": [{"kind": "stimulating", "locus": "student", "text": "Doorzetter"}],
        "support_offered": "Twee keer per week remedial teaching",
        "long_term_goals": ["Havo-niveau rekenen eind leerjaar 3"],
        "student_view": "Ik wil naar de havo en oefen graag thuis.",
        "determined_with_student": True,
        "determined_with_parents": False,
        "determined_on": utcnow().date().isoformat(),
    }
    path = f"/api/v1/development-perspectives/{opp['id']}/versions"
    refused = await call(client, world, "mentor", "POST", path, version, **{"If-Match": '"v1"'})
    assert refused.status_code == 422
    assert refused.json()["missing"] == ["determined_with_parents"]
    no_view = await call(
        client,
        world,
        "mentor",
        "POST",
        path,
        {**version, "student_view": ""},
        **{"If-Match": '"v1"'},
    )
    assert no_view.status_code == 422  # hoorrecht: the student's view is required
    version["determined_with_parents"] = True
    done = await call(client, world, "mentor", "POST", path, version, **{"If-Match": '"v1"'})
    assert done.status_code == 201, done.text
    assert done.json()["state"] == "current"
    assert (
        await call(
            client,
            world,
            "teacher",
            "GET",
            f"/api/v1/students/{world.students['ll-4']}/development-perspective",
        )
    ).status_code == 403  # the teacher sees the student, not the OPP
    timeline = await call(client, world, "mentor", "GET", f"/api/v1/students/{student}/timeline")
    opp_item = next(i for i in timeline.json() if i["kind"] == "development_perspective")
    assert opp_item["student_words"] == "Ik wil naar de havo en oefen graag thuis."


async def test_every_write_of_the_cycle_is_audited_with_the_student(
    client: httpx.AsyncClient, world: World
) -> None:
    _ov, plan = await _plan_setup(client, world)
    await _step(client, world, plan, "activate")
    async with world.factory.run([world.school_id]) as uow:
        rows = (
            await uow.execute(
                select(AuditEvent.action, AuditEvent.student_id).where(
                    AuditEvent.school_id == world.school_id,
                    col(AuditEvent.action).in_(
                        ("signal.create", "need.create", "group_plan.create", "group_plan.activate")
                    ),
                )
            )
        ).all()
    actions = {a for a, _ in rows}
    assert actions == {"signal.create", "need.create", "group_plan.create", "group_plan.activate"}
    assert {s for a, s in rows if a == "signal.create"} == {
        world.students["ll-4"],
        world.students["ll-5"],
    }


async def test_the_proposal_follows_the_plan_type(client: httpx.AsyncClient, world: World) -> None:
    ov = await overview(
        client, world, "gr-2b", await period(client, world, 1, START), "zorgcoordinator"
    )
    for student, level in (("ll-4", "dependent"), ("ll-5", "independent")):
        row = _row(ov, world, student)
        resp = await _patch_row(
            client, world, "zorgcoordinator", ov["id"], student, row["version"],
            instruction_level=level,
        )  # fmt: skip
        assert resp.status_code == 200
    await signal(client, world, "zorgcoordinator", ov["id"], "ll-4", "basic_skill_delay")
    await signal(client, world, "zorgcoordinator", ov["id"], "ll-5", "learning_lead")
    period_body = {"starts_on": START.isoformat(), "ends_on": "2026-10-30"}

    async def propose(plan_type: str) -> list[tuple[str, str, list[str]]]:
        resp = await call(
            client, world, "zorgcoordinator", "POST", f"/api/v1/overviews/{ov['id']}/plan",
            {**period_body, "plan_type": plan_type},
        )  # fmt: skip
        assert resp.status_code == 201, resp.text
        plan = resp.json()
        async with world.factory.run([world.school_id]) as uow:  # make room for the next one
            for row in await uow.scalars(select(PlanRow).where(PlanRow.plan_id == plan["id"])):
                await uow.delete(row)
            await uow.flush()
            found = await uow.first(select(GroupPlan).where(GroupPlan.id == plan["id"]))
            await uow.delete(found)
            await uow.commit()
        return [(r["target"], r["name"], r["student_ids"]) for r in plan["rows"]]

    ids = {e: str(world.students[e]) for e in ("ll-4", "ll-5", "ll-6")}
    assert await propose("subject_convergent") == [
        ("basis", "Basisaanbod", []),
        ("subgroup", "Intensieve instructie", [ids["ll-4"]]),
        ("subgroup", "Verrijkte instructie", [ids["ll-5"]]),
    ]
    # Divergent: no basic offer; a subgroup per instruction need (none recorded: basic).
    assert await propose("subject_divergent") == [
        ("subgroup", "Subgroep instructieonafhankelijk", [ids["ll-5"]]),
        ("subgroup", "Subgroep instructiegevoelig", [ids["ll-6"]]),
        ("subgroup", "Subgroep instructieafhankelijk", [ids["ll-4"]]),
    ]
