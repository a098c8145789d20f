"""HGW demo data for Stedelijk Lyceum: the school's cycle settings and periods, a completed and
archived Cyclus 1 for 1A (overview, results, signals, needs, group meeting, evaluated plan),
nothing yet for Cyclus 2, and two OPPs (one due, one whose yearly evaluation is overdue).

Everything goes in through the services, as the demo people would do it: one unit of work per
person's session, under their own principal, so rights, audit and row-level security apply as
in production. Idempotent: skipped when the school already has cycle periods (so a run that
failed halfway leaves a partial cycle behind: start from a fresh database)."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import update
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from zorgroute.core.db import UnitOfWork
from zorgroute.core.security.principal import Principal
from zorgroute.demo import dataset
from zorgroute.hgw import meetings, needs, overviews, school_config
from zorgroute.hgw.models import EducationalNeed, GroupOverview, OverviewRow, Signal
from zorgroute.hgw.schemas import (
    CyclePeriodCreate,
    CyclePeriodRead,
    DecisionIn,
    GoalIn,
    HgwSettingsUpdate,
    MeetingCreate,
    MeetingDecisionKind,
    MeetingHold,
    MeetingUpdate,
    NeedItemIn,
    NeedWrite,
    OverviewCreate,
    ResultCreate,
    RowUpdate,
    SignalBasis,
    SignalCategory,
    SignalCreate,
    SignallingCriterion,
    SignalMode,
)
from zorgroute.identity import repository as identity_repo
from zorgroute.organisations import repository as org_repo
from zorgroute.organisations.models import School
from zorgroute.plans import group_plans, perspective
from zorgroute.plans.models import GroupPlan
from zorgroute.plans.schemas import (
    Continuation,
    Factor,
    GoalResult,
    MidtermReview,
    OppVersionCreate,
    OutcomeIn,
    PlanCreate,
    PlanEvaluation,
    RowEvaluation,
    SupportStart,
    YieldExpectation,
)
from zorgroute.plans.schemas import RowRead as PlanRowRead
from zorgroute.roster import repository as roster_repo
from zorgroute.roster.models import Student
from zorgroute.roster.policies import group_filter, student_filter

SCHOOL = "34CD00"  # Stedelijk Lyceum
GROUP = "1A"
MENTOR, CARE = "mentor", "zorgcoordinator"  # dev IdP logins
DOMAINS = ("TL", "BL", "SP", "RK")
SEO = ("Welbevinden", "Motivatie", "Zelfbeeld", "Sociaal gedrag")

SETTINGS = HgwSettingsUpdate(
    cycles_per_year=3,
    cycle_a=True,
    cycle_b=True,
    plan_style="group_plan",
    meeting_form="with_mentor",
    seo_instrument="Schoolvragenlijst (SVL)",
    seo_categories=list(SEO),
    test_domains=list(DOMAINS),
    signalling_criteria=[
        SignallingCriterion(
            domain=d,
            minimum_score=25 if d in ("RK", "BL") else None,
            signal_levels=["IV", "V"],
            note="Niveau IV of V" + (", of percentiel onder 25" if d in ("RK", "BL") else ""),
        )
        for d in ("RK", "BL", "SP", "TL")
    ],
)
PERIODS = (  # all within the school year 2026-2027 (1 August - 31 July)
    ("Cyclus 1", date(2026, 8, 24), date(2026, 11, 13)),
    ("Cyclus 2", date(2026, 11, 16), date(2027, 1, 22)),
    ("Cyclus 3", date(2027, 1, 25), date(2027, 7, 9)),
)
# Results: (taken on, instrument, with a percentile score); levels I-V.
TEST_MOMENTS = (
    (date(2026, 6, 15), "Leerling in beeld", False),  # from primary school
    (date(2026, 10, 1), "Cito 0-meting", True),
)
SEO_TAKEN_ON = date(2026, 9, 28)
PERCENTILE = {"I": 86, "II": 68, "III": 50, "IV": 31, "V": 12}
LEVELS = ("II", "III", "I", "III", "II", "III", "II", "IV", "III", "II", "I")
INSTRUCTION = ("sensitive", "sensitive", "independent", "sensitive", "independent")
STRENGTHS = (
    "Behulpzaam naar klasgenoten", "Creatief, bedenkt eigen oplossingen",
    "Werkt zorgvuldig en netjes", "Sportief en fanatiek", "Nieuwsgierig, stelt goede vragen",
    "Doorzetter, geeft niet snel op", "Leest graag en veel", "Muzikaal", "Goed in samenwerken",
    "Technisch handig", "Humor, brengt sfeer in de groep", "Zelfstandig en georganiseerd",
    "Sterk in tekenen en vormgeving",
)  # fmt: skip
OBSERVATIONS = (
    "Is goed gestart in de brugklas, heeft snel aansluiting gevonden.",
    "Werkt rustig door, vraagt zelden hulp; even checken of alles duidelijk is.",
    "Praat veel tijdens de instructie, is daarna wel snel aan het werk.",
)
TARGET = date(2026, 11, 6)  # of the goals set in Cyclus 1
MEETING_ON = date(2026, 10, 8)


@dataclass(frozen=True)
class Signalled:
    """A student the mentor signals in Cyclus 1, with the row, results and need behind it."""

    category: SignalCategory
    basis: list[SignalBasis]
    note: str
    row: dict[str, Any]
    levels: dict[str, tuple[str, str]]  # domain -> (June, October); others follow LEVELS
    seo: tuple[int, int, int, int]
    need: dict[str, Any]
    outcomes: tuple[GoalResult, ...]  # per goal of the need
    continuation: Continuation
    causes: str
    mode: SignalMode = "reactive"
    decision: MeetingDecisionKind = "continue_in_group_plan"  # in the group meeting
    decision_note: str = ""


# Position of the student in 1A (sorted by name) -> what happens with them.
SIGNALLED: dict[int, Signalled] = {
    3: Signalled(
        category="basic_skill_delay",
        basis=["test"],
        note="Rekenen op niveau V bij de 0-meting, was al IV op de basisschool.",
        row={
            "observations": "Haakt af bij nieuwe rekenstof, kijkt dan af bij de buurman.",
            "stimulating_factors": "Werkt goed met voorbeelden en een stappenplan.",
            "hindering_factors": "Weinig automatisering van de tafels; faalangst bij toetsen.",
            "instruction_level": "dependent",
        },
        levels={"RK": ("IV", "V"), "SP": ("III", "IV")},
        seo=(5, 4, 4, 6),
        need={
            "domain": "basic_skills",
            "nature": "didactic",
            "goals": [
                GoalIn(
                    text="Maakt sommen met breuken en procenten op niveau 1F: 8 van de 10 goed "
                    "zonder hulp",
                    measure="Methodetoets wiskunde hoofdstuk 3",
                    target_date=TARGET,
                )
            ],
            "items": [
                NeedItemIn(
                    category="instruction",
                    phrase="verlengd is, waarbij de docent voordoet en hardop denkt",
                    text="Bij nieuwe rekenstof aan de instructietafel, na de klassikale uitleg.",
                ),
                NeedItemIn(
                    category="learning_activities",
                    phrase="extra oefentijd geven",
                    text="Twee keer per week een kwartier oefenen in het rekenprogramma.",
                ),
            ],
            "uses_talents": "Werkt zorgvuldig: een vast stappenplan geeft houvast.",
            "student_view": "Rekenen gaat bij mij te snel. Als iemand het nog een keer voordoet "
            "snap ik het wel. Ik wil bij de toets een voldoende halen.",
        },
        outcomes=("partly",),
        continuation="continue",
        causes="Breuken gaan beter; procenten nog niet zonder stappenplan.",
        # The one registration with the care team that no case has picked up yet (demo/cases.py
        # leaves it open: "Aanmeldingen uit groepsbesprekingen" shows it).
        decision="register_care_team",
        decision_note="Rekenen blijft op niveau V ondanks de verlengde instructie, en de "
        "faalangst bij toetsen neemt toe. Aanmelden bij het intern zorgteam: is onderzoek naar "
        "dyscalculie nodig?",
    ),
    11: Signalled(
        category="learning_lead",
        basis=["test", "observation"],
        note="Niveau I op alle toetsen en klaar met de basisstof voor de rest.",
        row={
            "observations": "Is snel klaar en gaat dan anderen helpen of zich vervelen.",
            "stimulating_factors": "Uitdagende opdrachten en ruimte voor eigen onderzoek.",
            "instruction_level": "independent",
        },
        levels={d: ("I", "I") for d in DOMAINS},
        seo=(7, 5, 7, 6),
        need={
            "domain": "basic_skills",
            "nature": "didactic",
            "goals": [
                GoalIn(
                    text="Rondt elke week een verrijkingsopdracht af en presenteert er één aan "
                    "de klas",
                    measure="Portfolio verrijking, beoordeeld door de vakdocent",
                    target_date=TARGET,
                )
            ],
            "items": [
                NeedItemIn(
                    category="assignments",
                    phrase="uitdagend zijn en verdieping bieden",
                    text="Compacten: de helft van de basisstof, daarna de plusopdrachten.",
                ),
                NeedItemIn(
                    category="teachers",
                    phrase="autonomie geven waar het kan",
                    text="Zelf een verrijkingsproject kiezen, met een wekelijks kort overleg.",
                ),
            ],
            "uses_talents": "Nieuwsgierig en snel van begrip.",
            "student_view": "Ik verveel me soms omdat ik het al snap. Ik wil liever moeilijkere "
            "opdrachten en zelf iets uitzoeken.",
        },
        outcomes=("reached",),
        continuation="scale_down",
        causes="Verrijking loopt goed; kan zelfstandig verder met de plusopdrachten.",
        mode="proactive",
    ),
    19: Signalled(
        category="behaviour_seo",
        basis=["observation", "conversation"],
        note="Lage scores welbevinden en sociaal gedrag op de SVL; onrustig in de les.",
        row={
            "observations": "Maakt grappen als iets niet lukt; botst in groepswerk.",
            "stimulating_factors": "Goede band met de mentor; sportief.",
            "hindering_factors": "Onzeker in de nieuwe klas; weinig vaste vrienden.",
            "particulars": "Ouders gaan scheiden; woont om de week bij vader. Besproken met de "
            "zorgcoördinator.",
            "instruction_level": "sensitive",
        },
        levels={},
        seo=(3, 5, 4, 2),
        need={
            "domain": "pedagogical",
            "nature": "pedagogical",
            "goals": [
                GoalIn(
                    text="Vraagt in de les rustig om hulp door de vinger op te steken, in 4 van "
                    "de 5 lessen",
                    desired_behaviour=True,
                    measure="Turflijst van mentor en docenten, wekelijks bekeken",
                    target_date=TARGET,
                ),
                GoalIn(
                    text="Werkt in groepsopdrachten samen met minstens twee vaste klasgenoten",
                    desired_behaviour=True,
                    measure="Observatie bij de groepsopdrachten van wiskunde en Nederlands",
                    target_date=TARGET,
                ),
            ],
            "items": [
                NeedItemIn(
                    category="learning_environment",
                    phrase="structuur en voorspelbaarheid biedt",
                    text="Een vaste plek naast een rustige klasgenoot; de dagplanning op het bord.",
                ),
                NeedItemIn(
                    category="teachers",
                    phrase="een veilige relatie opbouwen en vertrouwen geven",
                    text="Op maandag een kort check-in gesprek met de mentor.",
                ),
            ],
            "uses_talents": "Sportief: samenwerken lukt bij gym al goed.",
            "student_view": "Soms word ik boos als ik iets niet snap en dan ga ik grappen maken. "
            "Ik wil het liever gewoon vragen. Het helpt als ik naast iemand zit die rustig is.",
        },
        outcomes=("reached", "not_reached"),
        continuation="adjust",
        causes="Om hulp vragen lukt; samenwerken nog niet, de thuissituatie speelt mee.",
    ),
}


@dataclass(frozen=True)
class Opp:
    """Extra support for a student (by position in their homeroom, sorted by name)."""

    group: str
    position: int
    support: SupportStart
    version: OppVersionCreate | None


OPPS = (
    Opp(
        group="2B",
        position=4,
        support=SupportStart(
            support_started_on=date(2026, 10, 12),
            support_description="Ambulante begeleiding vanuit het samenwerkingsverband, twee uur "
            "per week, bij plannen en faalangst.",
        ),
        version=None,  # due six weeks later, on 2026-11-23
    ),
    Opp(
        group="3C",
        position=9,
        support=SupportStart(
            support_started_on=date(2025, 9, 1),
            support_description="Begeleiding bij autisme: prikkelarme werkplek, vaste "
            "contactpersoon en aangepaste toetsafname.",
        ),
        version=OppVersionCreate(
            kind="initial",
            expected_outflow="vwo",
            destination="Wetenschappelijk onderwijs",
            yield_expectations=[
                YieldExpectation(
                    subject="Nederlands",
                    horizon="one_year",
                    expectation="Leesvaardigheid op vwo-niveau, schrijven met een schrijfkader.",
                )
            ],
            factors=[
                Factor(kind="stimulating", locus="student", text="Sterk analytisch vermogen."),
                Factor(
                    kind="hindering",
                    locus="learning_environment",
                    text="Drukte en onverwachte roosterwijzigingen.",
                ),
                Factor(kind="stimulating", locus="living_environment", text="Betrokken ouders."),
            ],
            needs="Voorspelbaarheid, een vaste contactpersoon en een rustige plek.",
            support_offered="Wekelijks gesprek met de zorgcoördinator; toetsen in een aparte "
            "ruimte met verlengde tijd.",
            long_term_goals=["Behaalt het vwo-diploma", "Plant schoolwerk zelfstandig"],
            talents="Wiskunde en programmeren",
            student_view="Ik kan goed leren als het rustig is. Ik wil weten wat er komt, dan "
            "hoef ik me geen zorgen te maken.",
            parents_view="Wij zien dat de vaste contactpersoon veel rust geeft.",
            determined_with_student=True,
            determined_with_parents=True,
            determined_on=date(2025, 10, 6),
        ),  # so its yearly evaluation was due on 2026-10-06
    ),
)


# -- sessions -------------------------------------------------------------------------------
Sessionmaker = async_sessionmaker[AsyncSession]


async def principal_of(uow: UnitOfWork, issuer: str, login: str) -> Principal:
    """The demo person as a logged-in session would resolve them (identity/service.py)."""
    account = await identity_repo.account_by_subject(uow, issuer, login)
    if account is None:
        raise RuntimeError(f"The demo account '{login}' was not seeded.")
    memberships = await identity_repo.memberships(uow, account.id)
    swv = await identity_repo.swv_memberships(uow, account.id)
    return Principal(
        kind="user",
        audit_id=f"user:{account.id}",
        display_name=account.display_name,
        user_id=account.id,
        roles=identity_repo.roles_by_school(memberships),
        staff_member_ids={m.school_id: m.staff_member_id for m in memberships if m.staff_member_id},
        swv_roles={m.swv_id: frozenset({m.role}) for m in swv},
    )


@contextlib.asynccontextmanager
async def _as(
    sessionmaker: Sessionmaker, issuer: str, login: str
) -> AsyncIterator[tuple[UnitOfWork, Principal]]:
    """One unit of work acting as `login`, committed at the end (audited as that person)."""
    async with sessionmaker() as session:
        uow = UnitOfWork(session, request_id=f"demo-seed:{login}")
        principal = await principal_of(uow, issuer, login)
        uow.actor = principal
        await uow.set_school_context(principal.school_ids)
        yield uow, principal
        await uow.commit()


async def _students(
    uow: UnitOfWork, principal: Principal, school_id: uuid.UUID, year_id: uuid.UUID, name: str
) -> tuple[uuid.UUID, list[Student]]:
    """A homeroom of the school year and its students by name, as the person sees them."""
    (group,) = [
        g
        for g in await roster_repo.groups_of_schools(uow, [school_id], group_filter(principal))
        if g.name == name and g.school_year_id == year_id
    ]
    rows = await roster_repo.students_of_groups(uow, [group.id], student_filter(principal))
    return group.id, [s for _, s in rows]


def _colleagues() -> list[str]:
    """Who attends 1A's group meeting: the lyceum's demo staff who work with the group."""
    roles = {"mentor", "teacher", "zorgcoordinator", "hb_specialist"}
    return [
        a["name"]
        for a in dataset.demo_accounts()
        if any(
            dataset.resolve_school_key(m.get("school")) == SCHOOL and m.get("role") in roles
            for m in a.get("memberships", [])
        )
    ]


# -- the cycle ------------------------------------------------------------------------------
async def seed_hgw(sessionmaker: Sessionmaker, issuer: str) -> str:
    async with _as(sessionmaker, issuer, CARE) as (uow, care):
        brin, vestiging = SCHOOL[:4], SCHOOL[4:]
        school = await uow.first(
            select(School).where(School.brin == brin, School.vestiging == vestiging)
        )
        assert school is not None
        if await school_config.list_periods(uow, care, school.id):
            return "• HGW demo data already present"
        year = await org_repo.school_year_by_name(uow, school.id, dataset.SCHOOL_YEAR)
        assert year is not None
        await school_config.put_settings(uow, care, school.id, 0, SETTINGS)
        periods = [
            await school_config.create_period(
                uow,
                care,
                school.id,
                CyclePeriodCreate(
                    school_year_id=year.id, sequence=i, name=name, starts_on=s, ends_on=e
                ),
            )
            for i, (name, s, e) in enumerate(PERIODS, start=1)
        ]
    async with _as(sessionmaker, issuer, MENTOR) as (uow, mentor):
        counts = await _cycle_one(uow, mentor, school.id, periods[0])
    async with _as(sessionmaker, issuer, CARE) as (uow, care):
        await school_config.archive_period(uow, care, periods[0].id)
        for opp in OPPS:
            await _opp(uow, care, school.id, year.id, opp)
    return (
        f"• HGW demo data: Cyclus 1 of {GROUP} completed and archived ({counts}), {len(OPPS)} OPPs"
    )


async def _cycle_one(
    uow: UnitOfWork, mentor: Principal, school_id: uuid.UUID, period: CyclePeriodRead
) -> str:
    """The mentor's Cyclus 1 for 1A, from the overview to the evaluated group plan."""
    group_id, students = await _students(uow, mentor, school_id, period.school_year_id, GROUP)
    overview = await overviews.create_overview(
        uow, mentor, group_id, OverviewCreate(cycle_period_id=period.id, cycle="A")
    )
    versions = {r.student_id: r.version for r in overview.rows}
    signalled: dict[uuid.UUID, Signalled] = {}
    signal_ids: list[uuid.UUID] = []
    results = 0
    for i, student in enumerate(students):
        s = SIGNALLED.get(i)
        await overviews.update_row(
            uow, mentor, overview.id, student.id, versions[student.id], _row(i, s)
        )
        for result in _results(i, s):
            await overviews.create_result(uow, mentor, student.id, result)
            results += 1
        if s is None:
            continue
        signalled[student.id] = s
        signal = await overviews.create_signal(
            uow, mentor, overview.id,
            SignalCreate(
                student_id=student.id, category=s.category, mode=s.mode, basis=s.basis, note=s.note
            ),
        )  # fmt: skip
        signal_ids.append(signal.id)
        await needs.create_need(
            uow, mentor, student.id,
            NeedWrite(
                overview_id=overview.id, set_with_student=True, valid_from=period.starts_on,
                valid_until=period.ends_on, **s.need,
            ),
        )  # fmt: skip
    await overviews.publish(uow, mentor, overview.id)
    await _group_meeting(uow, mentor, overview.id, signalled, signal_ids)

    plan = await group_plans.create_plan(
        uow, mentor, overview.id, PlanCreate(starts_on=period.starts_on, ends_on=period.ends_on)
    )  # no rows: the proposal from the signals and needs
    plan = await group_plans.transition(uow, mentor, plan.id, plan.version, "activate")
    plan = await group_plans.transition(
        uow, mentor, plan.id, plan.version, "midterm_review",
        MidtermReview(review="Halverwege: de subgroepen lopen; de verrijking kan zelfstandiger, "
                      "bij gedrag sluit de zorgcoördinator aan bij het mentorgesprek."),
    )  # fmt: skip
    evaluation = PlanEvaluation(
        rows=[_evaluate(row, signalled) for row in plan.rows],
        final_evaluation="De groep is goed gestart. Rekenen blijft aandacht vragen in de "
        "verlengde instructie; de verrijking gaat door in een lichtere vorm; voor gedrag "
        "passen we de aanpak in Cyclus 2 aan.",
    )
    await group_plans.transition(uow, mentor, plan.id, plan.version, "evaluate", evaluation)
    await _backdate(uow, overview.id, plan.id)
    return f"{len(students)} rows, {results} results, {len(signal_ids)} signals and needs"


# When Cyclus 1's steps happened. The services stamp the time of the call (the seed runs today);
# a demo of a past cycle reads better with the dates it would have had.
CYCLE_ONE_DATES = {
    "overview": date(2026, 9, 4),
    "signals": date(2026, 9, 7),
    "needs": date(2026, 9, 9),
    "activated": date(2026, 9, 14),
    "midterm": date(2026, 10, 5),
    "evaluated": date(2026, 11, 12),
}


async def _backdate(uow: UnitOfWork, overview_id: uuid.UUID, plan_id: uuid.UUID) -> None:
    d = {k: datetime.combine(v, time(15, 0), UTC) for k, v in CYCLE_ONE_DATES.items()}
    await uow.execute(
        update(GroupOverview)
        .where(col(GroupOverview.id) == overview_id)
        .values(dated_on=CYCLE_ONE_DATES["overview"], created_at=d["overview"])
    )
    await uow.execute(
        update(OverviewRow)
        .where(col(OverviewRow.overview_id) == overview_id)
        .values(created_at=d["overview"], updated_at=d["overview"])
    )
    await uow.execute(
        update(Signal).where(col(Signal.overview_id) == overview_id).values(created_at=d["signals"])
    )
    await uow.execute(
        update(EducationalNeed)
        .where(col(EducationalNeed.overview_id) == overview_id)
        .values(created_at=d["needs"], updated_at=d["needs"])
    )
    await uow.execute(
        update(GroupPlan)
        .where(col(GroupPlan.id) == plan_id)
        .values(
            created_at=d["activated"],
            activated_at=d["activated"],
            midterm_reviewed_at=d["midterm"],
            evaluated_at=d["evaluated"],
        )
    )


def _row(i: int, s: Signalled | None) -> RowUpdate:
    fields: dict[str, Any] = {
        "strengths": f"{STRENGTHS[i % len(STRENGTHS)]}; "
        f"{STRENGTHS[(i + 5) % len(STRENGTHS)].lower()}",
        "instruction_level": INSTRUCTION[i % len(INSTRUCTION)],
    }
    if i % 4 == 1:
        fields["observations"] = OBSERVATIONS[i % len(OBSERVATIONS)]
    if i % 7 == 2:
        fields["hindering_factors"] = "Lange reistijd: fietst 40 minuten, het eerste uur moe."
    if i % 7 == 5:
        fields["stimulating_factors"] = "Thuis veel steun bij het plannen van huiswerk."
    return RowUpdate(**{**fields, **(s.row if s else {})})


def _results(i: int, s: Signalled | None) -> list[ResultCreate]:
    """TL, BL, SP and RK in June (primary school) and October, and the SVL in September."""
    found = []
    for d, domain in enumerate(DOMAINS):
        default = (LEVELS[(i + d) % len(LEVELS)], LEVELS[(i + 2 * d + 1) % len(LEVELS)])
        levels = s.levels.get(domain, default) if s else default
        for (taken_on, instrument, percentile), level in zip(TEST_MOMENTS, levels, strict=True):
            score = PERCENTILE[level] + i % 5 - 2 if percentile else None
            found.append(
                ResultCreate(
                    kind="test",
                    domain=domain,
                    instrument=instrument,
                    taken_on=taken_on,
                    level=level,
                    score=score,
                )
            )
    seo = s.seo if s else (5 + i % 3, 6 - i % 2, 5 + (i + 1) % 3, 6)
    for category, stanine in zip(SEO, seo, strict=True):
        found.append(
            ResultCreate(
                kind="seo",
                domain=category,
                instrument=SETTINGS.seo_instrument,
                respondent="student",
                taken_on=SEO_TAKEN_ON,
                score=stanine,
            )
        )
    return found


async def _group_meeting(
    uow: UnitOfWork,
    mentor: Principal,
    overview_id: uuid.UUID,
    signalled: dict[uuid.UUID, Signalled],
    signal_ids: list[uuid.UUID],
) -> None:
    meeting = await meetings.create_meeting(
        uow, mentor, overview_id, MeetingCreate(scheduled_on=MEETING_ON)
    )
    decisions = [
        DecisionIn(student_id=student_id, decision=s.decision, note=s.decision_note)
        for student_id, s in signalled.items()
    ]
    coached = [sid for sid, s in signalled.items() if s.category == "behaviour_seo"]
    decisions += [
        DecisionIn(
            student_id=sid,
            decision="teacher_coaching",
            note="De zorgcoördinator coacht de docenten op de aanpak in de les.",
        )
        for sid in coached
    ]
    meeting = await meetings.update_meeting(
        uow, mentor, meeting.id, meeting.version,
        MeetingUpdate(
            scheduled_on=MEETING_ON,
            chair_name=mentor.display_name,
            attendees=_colleagues(),
            agenda=meeting.agenda,
            attention_points="Veel onrust na de pauzes; de groep moet nog wennen aan het "
            "werken met een planner.",
            clarified_needs="Rekenen: voordoen en extra oefentijd. Verrijking: compacten. "
            "Gedrag: structuur en een vaste check-in.",
            clustering="Subgroepen: extra instructie rekenen, verrijking, gedrag en "
            "sociaal-emotioneel.",
            agreements="De mentor werkt het groepsplan uit; evaluatie aan het eind van Cyclus 1. "
            "Eén leerling wordt aangemeld bij het intern zorgteam (rekenen en faalangst).",
            summary="Drie leerlingen besproken; de signalen zijn herkend door de docenten.",
            decisions=decisions,
        ),
    )  # fmt: skip
    await meetings.hold_meeting(
        uow, mentor, meeting.id, meeting.version,
        MeetingHold(held_on=MEETING_ON, confirmed_signal_ids=signal_ids),
    )  # fmt: skip


def _evaluate(row: PlanRowRead, signalled: dict[uuid.UUID, Signalled]) -> RowEvaluation:
    if not row.student_ids:  # the basis row
        return RowEvaluation(
            row_id=row.id, activities_done=True, outcomes=[], continuation="continue",
            causes="Het basisaanbod liep volgens plan.",
        )  # fmt: skip
    outcomes = [
        OutcomeIn(
            student_id=sid,
            goal_id=goal.id,
            result=signalled[sid].outcomes[j % len(signalled[sid].outcomes)],
        )
        for sid in row.student_ids
        for j, goal in enumerate(row.goals)
    ]
    first = signalled[row.student_ids[0]]
    return RowEvaluation(
        row_id=row.id, activities_done=True, outcomes=outcomes,
        continuation=first.continuation, causes=first.causes,
    )  # fmt: skip


async def _opp(
    uow: UnitOfWork, care: Principal, school_id: uuid.UUID, year_id: uuid.UUID, opp: Opp
) -> None:
    _, students = await _students(uow, care, school_id, year_id, opp.group)
    started = await perspective.start(uow, care, students[opp.position].id, opp.support)
    if opp.version is not None:
        await perspective.add_version(uow, care, started.id, started.version, opp.version)


__all__ = ["seed_hgw"]
