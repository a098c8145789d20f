"""Gifted education's demo data (zorgroute.demo.gifted), loaded by the whole demo seed into its
own database: the catalogues, the committee's queues with the waitlist, the impact figures,
the follow-ups on the HB specialist's overview, and a second run that changes nothing."""

from __future__ import annotations

import contextlib
import uuid
from collections import Counter
from collections.abc import AsyncIterator
from typing import Any

import pytest
from sqlalchemy import func
from sqlmodel import col, select

from zorgroute.cases import board
from zorgroute.cases.reads import students_info
from zorgroute.cli import migrate
from zorgroute.core.db import UnitOfWork, create_engine, create_sessionmaker
from zorgroute.core.embedded_pg import OWNER_ROLE, EmbeddedDatabase, bootstrap_roles
from zorgroute.core.models import utcnow
from zorgroute.core.security.principal import Principal
from zorgroute.demo import hgw
from zorgroute.demo.seed import seed
from zorgroute.gifted import admissions, choice_hours, enrolments, impact, offerings, profile
from zorgroute.gifted import signalling as gifted_signalling
from zorgroute.gifted.models import (
    Application,
    ChoiceHourPolicy,
    ChoiceHourRequest,
    EnrolmentReview,
    GuidanceCheckin,
    GuidancePeriod,
    NeedsIntake,
    Offering,
    OfferingEnrolment,
    OutcomeMeasurement,
    SelfAssessment,
    SkillObservation,
    SupportProfile,
)
from zorgroute.organisations.models import School
from zorgroute.roster import repository as roster_repo
from zorgroute.roster.policies import group_filter, student_filter
from zorgroute.settings import get_settings

DEMO_DATABASE = "zorgroute_demo_gifted"
LYCEUM, VAKCOLLEGE, REGENBOOG = "34CD00", "34CD01", "12AB00"
# Every table of gifted education that holds a row per student or per school.
TABLES: tuple[Any, ...] = (
    Offering, Application, OfferingEnrolment, EnrolmentReview, SkillObservation, SelfAssessment,
    NeedsIntake, OutcomeMeasurement, SupportProfile, ChoiceHourPolicy, ChoiceHourRequest,
    GuidancePeriod, GuidanceCheckin,
)  # fmt: skip
PER_STUDENT: tuple[Any, ...] = (
    Application, OfferingEnrolment, SkillObservation, SelfAssessment, NeedsIntake,
    OutcomeMeasurement, SupportProfile, ChoiceHourRequest, GuidancePeriod,
)  # fmt: skip


@pytest.fixture(scope="module")
def demo_url(database: EmbeddedDatabase) -> str:
    """A separate, migrated database in the test cluster (not the demo test's: that one runs
    the seed in steps)."""
    bootstrap_roles(database.psql, database.app_role, DEMO_DATABASE)
    migrate(database.url(OWNER_ROLE, DEMO_DATABASE), database.app_role)
    return database.url(database.app_role, DEMO_DATABASE)


@pytest.fixture(scope="module")
async def summary(demo_url: str) -> str:
    """The whole demo seed, once for the module."""
    return await seed(demo_url)


@contextlib.asynccontextmanager
async def as_(demo_url: str, login: str) -> AsyncIterator[tuple[UnitOfWork, Principal]]:
    """A unit of work as a demo person, rolled back (reads audit)."""
    engine = create_engine(demo_url, pool_size=1)
    try:
        async with create_sessionmaker(engine)() as session:
            uow = UnitOfWork(session)
            p = await hgw.principal_of(uow, get_settings().oidc.issuer, login)
            uow.actor = p
            await uow.set_school_context(p.school_ids)
            try:
                yield uow, p
            finally:
                await uow.rollback()
    finally:
        await engine.dispose()


async def _school(uow: UnitOfWork, key: str) -> uuid.UUID:
    school = await uow.first(
        select(School).where(School.brin == key[:4], School.vestiging == key[4:])
    )
    assert school is not None
    return school.id


async def _offering(uow: UnitOfWork, school_id: uuid.UUID, name: str) -> uuid.UUID:
    found = await uow.scalar(
        select(Offering.id).where(Offering.school_id == school_id, Offering.name == name)
    )
    assert found is not None, name
    return uuid.UUID(str(found))


async def _counts(demo_url: str) -> dict[str, int]:
    """Rows per gifted table over the three demo schools."""
    engine = create_engine(demo_url, pool_size=1)
    try:
        async with create_sessionmaker(engine)() as session:
            uow = UnitOfWork(session)
            ids = [await _school(uow, key) for key in (LYCEUM, VAKCOLLEGE, REGENBOOG)]
            await uow.set_school_context(ids)
            counts = {
                t.__tablename__: int(await uow.scalar(select(func.count()).select_from(t)) or 0)
                for t in TABLES
            }
            await uow.rollback()
            return counts
    finally:
        await engine.dispose()


async def test_summary_and_a_second_run_changes_nothing(summary: str, demo_url: str) -> None:
    assert (
        "Gifted demo data: Stedelijk Lyceum 4 offerings (1 regional), 9 observations, "
        "22 applications (3 on the waitlist), 15 enrolments, 15 measurements, 3 keuze-uren, "
        "1 guidance period; OBS De Regenboog 1 offering, 2 observations, 3 enrolments, "
        "1 on the waitlist"
    ) in summary
    before = await _counts(demo_url)
    assert before["gifted_offering"] == 5 and before["gifted_application"] == 26
    assert "Gifted demo data already present" in await seed(demo_url)
    assert await _counts(demo_url) == before


async def test_catalogues_and_the_regional_offering(summary: str, demo_url: str) -> None:
    async with as_(demo_url, "hb") as (uow, hb):
        lyceum = await _school(uow, LYCEUM)
        catalogue = await offerings.catalogue(uow, hb, lyceum)
        assert sorted(o.name for o in catalogue.own) == [
            "Bovenschools Talentprogramma", "Denklab", "HB-coaching", "Versnellen wiskunde",
        ]  # fmt: skip
        own = {o.name: o for o in catalogue.own}
        denklab, talent = own["Denklab"], own["Bovenschools Talentprogramma"]
        assert (denklab.kind, denklab.setting, denklab.duration, denklab.capacity) == (
            "enrichment_module", "separate_group", "whole_year", 12,
        )  # fmt: skip
        assert denklab.fixed_teacher_name == "Thomas Bakker" and denklab.enrolled == 7
        assert any(g.cognitive for g in denklab.goals)
        assert {m.name for m in denklab.committee} == {"Lotte Visser", "Peter van den Berg"}
        assert (talent.regional, talent.open_to_other_schools, talent.setting) == (
            True, True, "other_school",
        )  # fmt: skip
        assert (talent.capacity, talent.enrolled, talent.waitlisted) == (4, 4, 3)
        policy = await choice_hours.get_policy(uow, hb, lyceum)
        assert (policy.configured, policy.max_hours_per_week, policy.notice_hours) == (True, 2, 24)
    async with as_(demo_url, "zorgcoordinator") as (uow, care):
        vakcollege = await _school(uow, VAKCOLLEGE)
        seen = await offerings.catalogue(uow, care, vakcollege)
        assert seen.own == [] and [o.name for o in seen.regional] == [
            "Bovenschools Talentprogramma"
        ]


async def test_the_committees_queues(summary: str, demo_url: str) -> None:
    async with as_(demo_url, "hb") as (uow, hb):
        lyceum, vakcollege = await _school(uow, LYCEUM), await _school(uow, VAKCOLLEGE)
        talent = await admissions.queue(
            uow, hb, await _offering(uow, lyceum, "Bovenschools Talentprogramma")
        )
        assert talent.free_places == 0 and talent.to_decide == []
        assert [a.waitlist_position for a in talent.waitlist] == [1, 2, 3]
        # The Vakcollege's applications, read by the Lyceum's committee from the snapshot.
        theirs = [a for a in [*talent.waitlist, *talent.decided] if a.school_id == vakcollege]
        assert sorted(a.status for a in theirs) == ["admitted", "waitlisted"]
        assert all(a.student_id is None and a.route == "swv" for a in theirs)
        assert all(a.snapshot.school_name == "Vakcollege Rivierstad" for a in theirs)
        assert all(a.snapshot.student_name for a in theirs)
        assert talent.waitlist[1].school_id == vakcollege
        assert [a.status for a in talent.decided] == ["admitted"] * 4
        assert all(len(a.decided_by) == 2 for a in [*talent.waitlist, *talent.decided])

        denklab = await admissions.queue(uow, hb, await _offering(uow, lyceum, "Denklab"))
        assert len(denklab.to_decide) == 1 and denklab.waitlist == []
        assert denklab.free_places == 5
        decided = Counter(a.status for a in denklab.decided)
        assert decided == {"admitted": 9, "rejected": 1}
        (rejected,) = [a for a in denklab.decided if a.status == "rejected"]
        assert rejected.decision_reason
        (exception,) = [a for a in denklab.decided if a.exception]
        assert exception.status == "admitted" and exception.exception_reason
        assert exception.needs_intake is not None and exception.needs_intake.complete
        assert exception.observation is not None


async def test_enrolments_reviews_and_impact(summary: str, demo_url: str) -> None:
    async with as_(demo_url, "hb") as (uow, hb):
        lyceum = await _school(uow, LYCEUM)
        denklab_id = await _offering(uow, lyceum, "Denklab")
        denklab = await enrolments.for_offering(uow, hb, denklab_id, None)
        active = [e for e in denklab if e.status == "active"]
        assert len(active) == 7 and all(e.in_class_plan.complete for e in denklab)
        assert sum(e.review_overdue for e in active) == 1
        assert sum(bool(e.reviews) for e in active) == 2
        assert sum(g.status == "achieved" for e in active for g in e.goals) >= 2
        assert sorted(e.exit_reason or "" for e in denklab if e.status == "ended") == [
            "goals_met", "not_fitting",
        ]  # fmt: skip
        assert any(e.starts_on > utcnow().date() for e in active)  # the exception starts soon

        talent_id = await _offering(uow, lyceum, "Bovenschools Talentprogramma")
        talent = await enrolments.for_offering(uow, hb, talent_id, None)
        assert len(talent) == 4 and all(e.agreements is not None for e in talent)
        assert sum(e.student_id is None for e in talent) == 1  # the Vakcollege's student

        figures = await impact.offering_impact(uow, hb, denklab_id)
        assert (figures.participants, figures.measured) == (9, 7)
        assert not any(c.suppressed for c in figures.constructs)
        changes = {c.code: c.mean_change for c in figures.constructs}
        assert all(v is not None for v in changes.values())
        rise, fall = changes["experienced_challenge"], changes["boredom"]
        assert rise is not None and fall is not None and rise > 0 > fall
        assert (figures.goals_met_exits, figures.exits) == (1, 2)


async def test_follow_ups_profiles_and_the_overview(summary: str, demo_url: str) -> None:
    async with as_(demo_url, "hb") as (uow, hb):
        lyceum = await _school(uow, LYCEUM)
        overview = await profile.overview(uow, hb, lyceum)
        assert (overview.to_observe, overview.reviews_due) == (1, 1)
        assert overview.signalled == 15 and overview.enrolled == 10
        assert overview.applications_open == 5  # two drafts, one submitted, two waitlisted
        recommendations = Counter(s.latest_recommendation for s in overview.students)
        assert set(recommendations) >= {
            "none", "challenge_in_class", "specialist_observation", "individual_guidance",
            "group_offering",
        }  # fmt: skip
        assert sum(bool(s.underachievement_suspected) for s in overview.students) == 2
        (twice,) = [s for s in overview.students if s.twice_exceptional]
        # The twice-exceptional student is the multidisciplinary HB case of demo/cases.py.
        hb_board = await board.case_board(uow, hb, lyceum, "hb-multidisciplinair", True)
        (case,) = [c for column in hb_board.columns for c in column.cards]
        assert case.student_id == twice.student_id
        page = await gifted_signalling.student_gifted(uow, hb, twice.student_id)
        assert page.profile.complexity == "complex" and page.profile.twice_exceptional_note
        assert any(c.differs for c in page.comparison)
        assert page.needs_intakes[0].complete
    async with as_(demo_url, "mentor") as (uow, mentor):
        lyceum = await _school(uow, LYCEUM)
        (period,) = await uow.scalars(select(GuidancePeriod))
        page = await gifted_signalling.student_gifted(uow, mentor, period.student_id)
        (guided,) = page.guidance_periods
        assert guided.phase == "monitoring" and guided.goals and guided.agreements
        assert [(c.progress, c.stagnation_cause) for c in guided.checkins] == [
            ("stagnating", "approach"), ("on_track", None),
        ]  # fmt: skip
        assert page.observations[0].follow_up.kind == "review"
        assert not page.observations[0].follow_up.done
        assert len(page.self_assessments) == 1
    async with as_(demo_url, "docent") as (uow, docent):
        lyceum = await _school(uow, LYCEUM)
        mine = await choice_hours.list_requests(
            uow, docent, lyceum, mine=True, student_id=None, from_date=None, to_date=None
        )
        assert Counter(r.status for r in mine) == {"acknowledged": 2, "requested": 1}
        assert all(r.lesson_date > utcnow().date() and r.subject == "wiskunde" for r in mine)


async def test_de_regenboog_plusklas(summary: str, demo_url: str) -> None:
    async with as_(demo_url, "ib") as (uow, ib):
        (school_id,) = ib.school_ids
        queue = await admissions.queue(uow, ib, await _offering(uow, school_id, "Plusklas"))
        assert (queue.offering.enrolled, queue.offering.capacity) == (3, 8)
        assert [a.waitlist_position for a in queue.waitlist] == [1]
        assert {m.name for m in queue.offering.committee} == {"Lotte Visser", "Marieke Jansen"}
        observed = await uow.scalars(
            select(SkillObservation).where(SkillObservation.school_id == school_id)
        )
        assert len(observed) == 2
        info = await students_info(uow, [o.student_id for o in observed])
        assert sorted(g for i in info.values() for g in i.groups) == ["Groep 5", "Groep 6"]


async def test_the_last_two_of_1a_are_left_alone(summary: str, demo_url: str) -> None:
    """The gifted browser test's students: no gifted record at all."""
    async with as_(demo_url, "zorgcoordinator") as (uow, care):
        lyceum = await _school(uow, LYCEUM)
        (group,) = [
            g
            for g in await roster_repo.groups_of_schools(uow, [lyceum], group_filter(care))
            if g.name == "1A" and g.kind == "homeroom"
        ]
        students = [
            s
            for _, s in await roster_repo.students_of_groups(uow, [group.id], student_filter(care))
        ]
        assert len(students) == 26
        last_two = [s.id for s in students[-2:]]
        for table in PER_STUDENT:
            found = await uow.scalar(
                select(func.count()).select_from(table).where(col(table.student_id).in_(last_two))
            )
            assert found == 0, table.__tablename__
