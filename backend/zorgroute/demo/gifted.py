"""Gifted-education demo data (begaafdheid): the offerings of Stedelijk Lyceum and OBS De
Regenboog, observations and their follow-ups, admissions, enrolments, measurements, keuze-uren
and a guidance period.

Stedelijk Lyceum (Lotte Visser, `hb`, runs it with the zorgcoordinator on the committees):

- the catalogue: "Denklab" (enrichment module out of class, whole year, a fixed teacher, 12
  places), "Versnellen wiskunde" (acceleration in the own class, short programme), "HB-coaching"
  (individual guidance: the draft of a "register for individual guidance" names it) and the
  regional "Bovenschools Talentprogramma" (part-time peer group, 4 places, open to the schools
  of SWV VO2601, so the Vakcollege's zorgcoordinator applies two of its students); a keuze-uren
  policy (two hours a week, 24 hours' notice);
- observations of 1A by the mentor and of 2B and 3C by the HB specialist, with every
  recommendation and its follow-up: a review date (the mentor's guidance period, in
  "monitoring", one check-in stagnating on the approach), an open task for the HB specialist,
  two draft applications; self-assessments (the twice-exceptional student's differs from the
  teacher's scores) and one complete needs intake;
- Denklab: seven active participants (two reviewed, one with its review overdue), one who
  stopped with every goal met and one for whom it did not fit, one admitted by exception (the
  multidisciplinary HB case, dubbel bijzonder, starts next week), one rejected, one waiting for
  the committee; T0 and T1 measurements for seven participants, so its impact shows figures;
- Versnellen wiskunde: two students in their own wiskunde lessons;
- the Talentprogramma: full (three of the Lyceum, one of the Vakcollege), a waitlist of three
  (one of the Vakcollege), stamschool agreements for every placement;
- keuze-uren next week in Thomas Bakker's (`docent`) wiskunde lessons, two acknowledged, one
  waiting for him. Past keuze-uren cannot go in through the service (24 hours' notice), so no
  attendance is marked: that is for the demo.

OBS De Regenboog: the "Plusklas" (committee: the HB specialist and the IB'er), observations in
groep 5 (`leerkracht`) and groep 6 (`hb`), three enrolled and one on the waitlist.

Kept clear of the browser tests: the first three and the last two students of 1A (sorted by
name), the first of 2B and the first of De Regenboog's groep 5, and of the students the cases
and OPPs use (demo/cases.py, demo/hgw.py), except the two this story continues: Cyclus 1's
learning lead (1A) and the multidisciplinary HB case (2B).

Everything goes in through the services as the demo people would do it (their own principal and
unit of work, audited), with dates relative to today. The services stamp their own times (an
application is submitted "now"); dates the user enters (observed on, starts on, reviewed on,
measured on) tell the story. Idempotent: skipped when the Lyceum already has offerings (start
from a fresh database after a failed run). Nothing here prints or logs a student's name."""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlmodel import col, select

from zorgroute.core.db import UnitOfWork
from zorgroute.core.models import utcnow
from zorgroute.core.security.principal import Principal
from zorgroute.demo.cases import CARE, HB, IB, LYCEUM, MENTOR, REGENBOOG, WHO, _school, _year
from zorgroute.demo.hgw import Sessionmaker, _as, _students, principal_of
from zorgroute.gifted import (
    admissions,
    choice_hours,
    enrolments,
    guidance,
    impact,
    offerings,
    profile,
    signalling,
)
from zorgroute.gifted.models import Application
from zorgroute.gifted.schemas import (
    AgreementIn,
    ApplicationCreate,
    ApplicationDecide,
    ApplicationRead,
    ApplicationSubmit,
    ApplicationUpdate,
    CheckinIn,
    ChoiceHourCreate,
    ChoiceHourDecision,
    ChoiceHourPolicyWrite,
    EnrolmentCreate,
    EnrolmentGoalIn,
    EnrolmentRead,
    ExitIn,
    GoalProgressIn,
    GuidanceCreate,
    GuidanceUpdate,
    IntakeSectionIn,
    MeasurementIn,
    MonitoringNoteIn,
    ObservationIn,
    OfferingGoal,
    OfferingWrite,
    PhaseIn,
    PortfolioGoalIn,
    ReviewIn,
    SelfAssessmentIn,
    StamschoolAgreements,
    SupportProfileWrite,
)
from zorgroute.gifted.vocabulary import CONSTRUCT_CODES, SKILL_CODES
from zorgroute.roster.models import Enrolment, Group, TeachingAssignment

VAKCOLLEGE = "34CD01"
DOCENT, LEERKRACHT = "docent", "leerkracht"  # dev IdP logins (the others: demo/cases.py)
DENKLAB, VERSNELLEN, TALENT, PLUSKLAS = "denklab", "versnellen", "talent", "plusklas"
COACHING = "coaching"

# Whose data, by position in their homeroom (sorted by name, as in demo/hgw.py). Clear of the
# browser tests (1A 0-2 and 24-25, 2B 0, groep 5 0), the cases (1A 3, 6, 8, 14, 19; 2B 4, 7, 12;
# 3C 5, 9, 20; groep 6 4) and the OPPs; 1A 11 is Cyclus 1's learning lead, WHO["gifted"] the HB
# case of demo/cases.py.
LYCEUM_WHO: dict[str, tuple[str, int]] = {
    "lead": ("1A", 11),  # Denklab (reviewed), Versnellen wiskunde, a keuze-uur
    "challenge": ("1A", 5),  # challenge in class: the mentor's guidance period
    "to_observe": ("1A", 16),  # waits for the HB specialist's observation
    "draft": ("1A", 22),  # Denklab application still a draft
    "met": ("1A", 13),  # Denklab, stopped with its goals met
    "late_a": ("1A", 18),  # Denklab since the autumn
    "overdue": ("2B", 9),  # Denklab, review overdue; a keuze-uur waiting for the teacher
    "twice": WHO["gifted"],  # dubbel bijzonder: Denklab by exception, starts next week
    "late_b": ("2B", 13),  # Denklab since the autumn (no measurements)
    "rejected": ("2B", 21),  # Denklab: rejected
    "talent_a": ("2B", 3),  # Talentprogramma
    "talent_wait": ("2B", 23),  # Talentprogramma waitlist
    "talent_obs": ("3C", 3),  # Talentprogramma, from an observation; a keuze-uur
    "talent_b": ("3C", 11),  # Talentprogramma
    "not_fitting": ("3C", 7),  # Denklab, stopped: did not fit
    "reviewed": ("3C", 14),  # Denklab (reviewed), Versnellen wiskunde
    "late_c": ("3C", 2),  # Denklab since the autumn
    "waiting": ("3C", 16),  # Denklab: submitted, waiting for the committee
    "individual": ("3C", 13),  # individual guidance: a draft application
    "talent_first": ("3C", 18),  # Talentprogramma waitlist
    "none": ("3C", 22),  # observed, no further guidance needed
}
VAKCOLLEGE_WHO: dict[str, tuple[str, int]] = {
    "vak_admitted": ("3V", 5),  # Talentprogramma
    "vak_waiting": ("2V", 8),  # Talentprogramma waitlist
}
REGENBOOG_WHO: dict[str, tuple[str, int]] = {
    "po_wait": ("Groep 5", 7),  # observed by the groepsleerkracht; Plusklas waitlist
    "po_obs": ("Groep 6", 10),  # observed by the HB specialist; Plusklas
    "po_g7": ("Groep 7", 3),  # Plusklas
    "po_g8": ("Groep 8", 12),  # Plusklas
}


# -- context --------------------------------------------------------------------------------
@dataclass
class Ctx:
    """What the seed steps share: today, the schools, the students and the demo people."""

    today: date
    schools: dict[str, uuid.UUID]  # by school key
    students: dict[str, uuid.UUID] = field(default_factory=dict)  # by WHO key
    mentors: dict[str, uuid.UUID] = field(default_factory=dict)  # by WHO key: staff id
    staff: dict[tuple[str, str], uuid.UUID] = field(default_factory=dict)  # (login, school key)
    offerings: dict[str, uuid.UUID] = field(default_factory=dict)
    applications: dict[tuple[str, str], ApplicationRead] = field(default_factory=dict)
    observations: dict[str, uuid.UUID] = field(default_factory=dict)  # by WHO key
    intake_id: uuid.UUID | None = None  # the needs intake of the twice-exceptional student
    enrolled: dict[tuple[str, str], EnrolmentRead] = field(default_factory=dict)
    counts: Counter[str] = field(default_factory=Counter)

    def day(self, days: int) -> date:
        """Today plus `days`, moved back to the Friday when it falls in a weekend."""
        d = self.today + timedelta(days=days)
        return d - timedelta(days=max(0, d.weekday() - 4))

    def week(self, weeks: int, weekday: int) -> date:
        """A weekday (0 = Monday) of this week (0), last week (-1), next week (1) ..."""
        monday = self.today - timedelta(days=self.today.weekday())
        return monday + timedelta(weeks=weeks, days=weekday)

    def committee(self, key: str) -> list[uuid.UUID]:
        """Both members of the committee of the school `key` (they decide together)."""
        other = IB if key == REGENBOOG else CARE
        return [self.staff[(HB, key)], self.staff[(other, key)]]


async def _mentor_of(uow: UnitOfWork, student_id: uuid.UUID) -> uuid.UUID:
    """The staff member who mentors the student's homeroom (the regular class's teacher)."""
    staff = await uow.scalar(
        select(TeachingAssignment.staff_member_id)
        .join(Group, col(Group.id) == TeachingAssignment.group_id)
        .join(Enrolment, col(Enrolment.group_id) == Group.id)
        .where(
            Enrolment.student_id == student_id,
            Group.kind == "homeroom",
            TeachingAssignment.role == "mentor",
        )
        .limit(1)
    )
    assert isinstance(staff, uuid.UUID)
    return staff


async def _cast(
    uow: UnitOfWork, p: Principal, ctx: Ctx, key: str, who: dict[str, tuple[str, int]]
) -> None:
    """The students of `who` at school `key` as `p` sees them, and their mentors."""
    school_id = ctx.schools[key]
    year = await _year(uow, school_id)
    homerooms: dict[str, list[uuid.UUID]] = {}
    for name, (group, position) in who.items():
        if group not in homerooms:
            _, students = await _students(uow, p, school_id, year, group)
            homerooms[group] = [s.id for s in students]
        ctx.students[name] = homerooms[group][position]
        ctx.mentors[name] = await _mentor_of(uow, ctx.students[name])


async def _people(uow: UnitOfWork, issuer: str, ctx: Ctx) -> None:
    for login in (MENTOR, DOCENT, CARE, HB, IB, LEERKRACHT):
        staff = (await principal_of(uow, issuer, login)).staff_member_ids
        for key, school_id in ctx.schools.items():
            if school_id in staff:
                ctx.staff[(login, key)] = staff[school_id]


async def _version(uow: UnitOfWork, application_id: uuid.UUID) -> int:
    version = await uow.scalar(select(Application.version).where(Application.id == application_id))
    assert version is not None
    return int(version)


# -- the seed -------------------------------------------------------------------------------
async def seed_gifted(sessionmaker: Sessionmaker, issuer: str) -> str:
    async with _as(sessionmaker, issuer, CARE) as (uow, care):
        lyceum = await _school(uow, LYCEUM)
        vakcollege = await _school(uow, VAKCOLLEGE)
        if (await offerings.catalogue(uow, care, lyceum.id, include_archived=True)).own:
            return "• Gifted demo data already present"
        ctx = Ctx(today=utcnow().date(), schools={LYCEUM: lyceum.id, VAKCOLLEGE: vakcollege.id})
        await _cast(uow, care, ctx, LYCEUM, LYCEUM_WHO)
        await _cast(uow, care, ctx, VAKCOLLEGE, VAKCOLLEGE_WHO)
    async with _as(sessionmaker, issuer, IB) as (uow, ib):
        ctx.schools[REGENBOOG] = (await _school(uow, REGENBOOG)).id
        await _cast(uow, ib, ctx, REGENBOOG, REGENBOOG_WHO)
        await _people(uow, issuer, ctx)

    async with _as(sessionmaker, issuer, HB) as (uow, hb):
        await _catalogue(uow, hb, ctx)
    async with _as(sessionmaker, issuer, MENTOR) as (uow, mentor):
        for obs in MENTOR_OBSERVATIONS:
            await _observe(uow, mentor, ctx, obs)
        await _self_assessments(uow, mentor, ctx, ("lead", "challenge"))
        await _guidance(uow, mentor, ctx)
        await _keuze_uur(uow, mentor, ctx, KEUZE_UREN[0])
    async with _as(sessionmaker, issuer, HB) as (uow, hb):
        for obs in HB_OBSERVATIONS:
            await _observe(uow, hb, ctx, obs)
        await _self_assessments(uow, hb, ctx, ("twice",))
        await _intake(uow, hb, ctx)
        for place in PLACES:
            await _apply(uow, hb, ctx, place)
        for place in PLACES:
            if place.offering != TALENT:
                await _decide_and_enrol(uow, hb, ctx, place)
        await _follow_enrolments(uow, hb, ctx)
        await _measurements(uow, hb, ctx)
        await _profiles(uow, hb, ctx, LYCEUM_PROFILES)
        for request in KEUZE_UREN[1:]:
            await _keuze_uur(uow, hb, ctx, request)
    async with _as(sessionmaker, issuer, CARE) as (uow, care):
        for place in VAK_PLACES:  # the Vakcollege's zorgcoordinator applies via the SWV route
            await _apply(uow, care, ctx, place)
    async with _as(sessionmaker, issuer, HB) as (uow, hb):
        # Full with the first four; then the waitlist in the committee's order (1..3).
        talent = {p.key: p for p in [*PLACES, *VAK_PLACES] if p.offering == TALENT}
        for key in TALENT_ORDER:
            await _decide_and_enrol(uow, hb, ctx, talent[key], enrol=key not in VAKCOLLEGE_WHO)
    async with _as(sessionmaker, issuer, CARE) as (uow, care):
        for place in VAK_PLACES:
            await _decide_and_enrol(uow, care, ctx, place, decide=False)
        await _profiles(uow, care, ctx, {"vak_admitted": -60})
    async with _as(sessionmaker, issuer, DOCENT) as (uow, docent):
        await _acknowledge(uow, docent, ctx)

    c = ctx.counts
    lyceum_summary = (
        f"• Gifted demo data: Stedelijk Lyceum {c['offerings']} offerings (1 regional), "
        f"{c['observations']} observations, {c['applications']} applications "
        f"({c['waitlisted']} on the waitlist), {c['enrolments']} enrolments, "
        f"{c['measurements']} measurements, {c['keuze_uren']} keuze-uren, 1 guidance period"
    )
    return f"{lyceum_summary}; OBS De Regenboog {await _regenboog(sessionmaker, issuer, ctx)}"


# -- the catalogue ---------------------------------------------------------------------------
async def _catalogue(uow: UnitOfWork, hb: Principal, ctx: Ctx) -> None:
    """The HB specialist sets up the Lyceum's catalogue and the keuze-uren policy."""
    school_id = ctx.schools[LYCEUM]
    year_end = date(ctx.today.year + (ctx.today.month >= 8), 7, 10)  # the last week of school
    specs = {
        DENKLAB: OfferingWrite(
            name="Denklab", kind="enrichment_module", setting="separate_group",
            duration="whole_year", starts_on=ctx.day(-63), ends_on=year_end,
            schedule="Vrijdag, 5e en 6e uur, in het techniekatelier (lokaal 1.08)",
            hours_per_week=1.5, fixed_teacher_staff_id=ctx.staff[(DOCENT, LYCEUM)],
            goals=[
                OfferingGoal(text="Een eigen onderzoeksvraag uitwerken tot een onderzoek of "
                             "ontwerp en dat presenteren", cognitive=True),
                OfferingGoal(text="Leren plannen en doorzetten bij een complexe opdracht die "
                             "niet meteen lukt"),
                OfferingGoal(text="Fouten durven maken en reflecteren op het eigen leerproces"),
                OfferingGoal(text="Samenwerken met ontwikkelingsgelijken"),
            ],
            target_group="Leerlingen van leerjaar 1 tot en met 3 met een ontwikkelingsvoorsprong "
            "die in de les te weinig uitdaging vinden, ook onderpresteerders.",
            selection_criteria="Observatie-instrument met de aanbeveling 'aanmelden voor "
            "onderwijsaanbod in groepssetting'; gesprek met leerling en ouders; compacten in de "
            "eigen lessen is al geprobeerd. Geen IQ-grens.",
            capacity=12, application_routes=["intern_begeleider", "parents"],
            committee_staff_ids=ctx.committee(LYCEUM),
        ),
        VERSNELLEN: OfferingWrite(
            name="Versnellen wiskunde", kind="acceleration", setting="own_class",
            duration="short_programme", starts_on=ctx.day(-35), ends_on=ctx.day(49),
            schedule="In de eigen wiskundelessen: de basisstof compact, daarna versneld door de "
            "stof van het volgende leerjaar",
            fixed_teacher_staff_id=ctx.staff[(DOCENT, LYCEUM)],
            goals=[
                OfferingGoal(text="De stof van dit leerjaar compact afronden met minimaal een 7,5 "
                             "op de toetsen", cognitive=True),
                OfferingGoal(text="Zelfstandig werken aan de versnelde stof met een weekplanning"),
            ],
            target_group="Leerlingen die de wiskundestof van hun leerjaar al beheersen.",
            selection_criteria="Niveau I op de wiskundetoetsen en een positief advies van de "
            "docent wiskunde.",
            capacity=6, application_routes=["intern_begeleider", "parents"],
            committee_staff_ids=ctx.committee(LYCEUM),
        ),
        COACHING: OfferingWrite(
            name="HB-coaching", kind="individual_coaching", setting="own_class",
            duration="whole_year", fixed_teacher_staff_id=ctx.staff[(HB, LYCEUM)],
            schedule="Om de week een gesprek van 30 minuten met de HB-specialist",
            goals=[
                OfferingGoal(text="Inzicht in de eigen manier van leren en wat helpt om tot leren "
                             "te komen"),
                OfferingGoal(text="Zelf doelen stellen, plannen en evalueren (portfolio)",
                             cognitive=True),
            ],
            target_group="Leerlingen bij wie onderpresteren of executieve vaardigheden de "
            "ontwikkeling in de weg staan.",
            capacity=6, application_routes=["intern_begeleider", "parents"],
            committee_staff_ids=ctx.committee(LYCEUM),
        ),
        TALENT: OfferingWrite(
            name="Bovenschools Talentprogramma", kind="peer_group_part_time",
            setting="other_school", regional=True, open_to_other_schools=True,
            duration="whole_year", starts_on=ctx.day(-46), ends_on=year_end,
            schedule="Woensdagochtend 08.30-12.00 in het Stedelijk Lyceum, voor leerlingen van "
            "alle VO-scholen van het samenwerkingsverband",
            hours_per_week=3.5, fixed_teacher_staff_id=ctx.staff[(HB, LYCEUM)],
            goals=[
                OfferingGoal(text="Een interdisciplinair project met een externe opdrachtgever "
                             "uitvoeren", cognitive=True),
                OfferingGoal(text="Ontwikkelingsgelijken ontmoeten en samen leren"),
                OfferingGoal(text="Inzicht in de eigen leerstrategieën en talenten"),
            ],
            target_group="Leerlingen van leerjaar 2 en 3 (alle niveaus) van de scholen van het "
            "samenwerkingsverband die ook met verrijking op school onvoldoende uitdaging vinden.",
            selection_criteria="Aanmelding door de intern begeleider of zorgcoördinator van de "
            "stamschool of via het samenwerkingsverband; observatie en behoefte van de leerling "
            "bij de aanmelding.",
            capacity=4, application_routes=["intern_begeleider", "swv"],
            committee_staff_ids=ctx.committee(LYCEUM),
        ),
    }  # fmt: skip
    for key, data in specs.items():
        ctx.offerings[key] = (await offerings.create_offering(uow, hb, school_id, data)).id
        ctx.counts["offerings"] += 1
    await choice_hours.put_policy(
        uow, hb, school_id, 0,
        ChoiceHourPolicyWrite(
            max_hours_per_week=2, notice_hours=24,
            allowed_activities=["other_lesson", "acceleration", "deepening", "broadening",
                                "project", "other"],
            instructions="Meld een keuze-uur uiterlijk 24 uur van tevoren aan bij de docent van "
            "de les die je ruilt. Nooit tijdens een toets. Vul in waar je bent en wat je gaat "
            "doen; je mentor of de specialist hoogbegaafdheid kijkt achteraf mee.",
        ),
    )  # fmt: skip


# -- observations ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Obs:
    """An observation (observatie-instrument): the 14 scores in vocabulary order."""

    key: str
    days: int  # observed on: days from today
    scores: tuple[int | None, ...]
    recommendation: str
    remarks: str
    explanations: dict[str, str] = field(default_factory=dict)
    review_in: int | None = None  # with challenge_in_class: days from today
    offering: str | None = None  # with group_offering


MENTOR_OBSERVATIONS = (
    Obs("lead", -77, (4, 2, 3, 4, 4, 3, 3, 5, 2, 2, 2, 4, 2, 3), "group_offering",
        "Snel klaar met de basisstof en gaat zich dan vervelen of anderen van het werk "
        "houden. Niveau I op alle toetsen; het plannen van huiswerk lukt slecht.",
        {"sustained_attention": "Haakt af bij herhaling; bij een puzzel blijft hij een uur bezig.",
         "fixed_mindset": "Wordt boos op zichzelf bij een fout; probeert liever niets nieuws.",
         "planning": "Begint pas de avond voor de toets."},
        offering=DENKLAB),
    Obs("challenge", -42, (4, 4, 4, 3, 4, 4, 4, 4, 3, 4, 3, 2, 4, 4), "challenge_in_class",
        "Werkt goed en zelfstandig, is snel klaar met wiskunde. Verdiepingsopdrachten in de "
        "les lijken voldoende; over een paar weken opnieuw kijken.",
        {"growth_mindset": "Vraagt zelf om moeilijkere opdrachten."},
        review_in=10),
    Obs("to_observe", -9, (3, 2, 2, 3, 2, 2, None, 4, 2, 2, 2, 4, 2, 2),
        "specialist_observation",
        "Zeer snel van begrip in de les, maar onrustig en de cijfers wisselen sterk. Ik twijfel "
        "tussen verveling en iets anders: graag een observatie van de specialist.",
        {"emotion_regulation": "Reageert fel als iets niet meteen lukt.",
         "metacognition": "Nog niet gezien: kijkt werk nooit na."}),
    Obs("draft", -4, (5, 4, 4, 4, 4, 4, 4, 5, 4, 4, 4, 2, 4, 3), "group_offering",
        "Beheerst de stof ruim voor de klas uit en vraagt om meer. Aanmelding Denklab "
        "voorbereid; eerst nog een gesprek met ouders.",
        offering=DENKLAB),
)  # fmt: skip
HB_OBSERVATIONS = (
    Obs("overdue", -70, (4, 3, 4, 3, 4, 3, 4, 5, 3, 3, 3, 3, 3, 2), "group_offering",
        "Sterk analytisch, zoekt de diepte op. Werkt liever alleen; in groepjes neemt ze alles "
        "over. Past bij het Denklab.",
        {"collaboration": "Neemt het werk over in plaats van te verdelen."},
        offering=DENKLAB),
    Obs("twice", -20, (2, 2, 2, 4, 3, 3, 4, 3, 2, 1, 2, 4, 2, 4), "group_offering",
        "Denkt snel en abstract en stelt vragen ver boven het niveau van de klas, maar "
        "onderpresteert: lezen en plannen kosten veel moeite (dyslexie). Bij mondelinge "
        "opdrachten en projecten komt het talent wel naar buiten.",
        {"organisation": "Kwijt materialen, vergeet opdrachten in te leveren.",
         "task_initiation": "Stelt schrijfopdrachten uit; mondeling begint hij meteen.",
         "flexibility": "Denkt makkelijk mee bij een andere aanpak."},
        offering=DENKLAB),
    Obs("talent_obs", -70, (4, 4, 5, 4, 3, 3, 4, 4, 4, 3, 4, 2, 4, 4), "group_offering",
        "Brede interesse, werkt doelgericht aan eigen projecten buiten school (programmeren, "
        "robotica). Het aanbod op school is niet genoeg.",
        offering=TALENT),
    Obs("individual", -12, (2, 2, 3, 3, 3, 4, 3, 4, 2, 2, 2, 4, 2, 3), "individual_guidance",
        "Cijfers zakken sinds vorig jaar terwijl de toetsen op niveau I liggen; geeft aan dat "
        "school 'niet de moeite' is. Vermoeden van onderpresteren: individuele begeleiding "
        "bij leren leren en motivatie.",
        {"time_management": "Laat alles tot het laatste moment liggen."}),
    Obs("none", -30, (3, 3, 3, 3, 4, 4, 3, 3, 3, 3, 3, 3, 3, 4), "none",
        "Aangemeld door ouders na een hoge score op een test. In de klas goed op niveau en "
        "voldoende uitgedaagd; geen aanvullende begeleiding nodig."),
)  # fmt: skip


async def _observe(uow: UnitOfWork, p: Principal, ctx: Ctx, obs: Obs) -> None:
    data = ObservationIn.model_validate(
        {
            "observed_on": ctx.day(obs.days),
            "scores": dict(zip(SKILL_CODES, obs.scores, strict=True)),
            "explanations": obs.explanations,
            "remarks": obs.remarks,
            "recommendation": obs.recommendation,
            "review_on": ctx.day(obs.review_in) if obs.review_in is not None else None,
            "offering_id": ctx.offerings[obs.offering] if obs.offering else None,
        }
    )
    read = await signalling.record_observation(uow, p, ctx.students[obs.key], data)
    ctx.observations[obs.key] = read.id
    ctx.counts["observations"] += 1
    if read.follow_up.application_id is not None:  # the draft application the follow-up made
        ctx.counts["applications"] += 1


SELF_ASSESSMENTS: dict[str, dict[str, Any]] = {
    "lead": {
        "days": -70,
        "strengths": ["working_memory", "flexibility", "task_initiation"],
        "attention_points": ["planning", "organisation", "sustained_attention"],
        "student_words": "Ik onthoud alles meteen, maar plannen vind ik saai. Bij herhaling "
        "ga ik dingen doen die niet mogen.",
        "agreed_adjustments": "Weekplanning samen met de mentor; herhalingsopdrachten overslaan "
        "als de eerste drie goed zijn.",
    },
    "challenge": {
        "days": -40,
        "strengths": ["goal_directed", "working_memory", "metacognition"],
        "attention_points": ["planning", "flexibility"],
        "student_words": "Ik wil graag moeilijkere sommen. Als iets anders gaat dan gepland "
        "raak ik een beetje in de war.",
        "agreed_adjustments": "Plusopdrachten wiskunde na de basisopdrachten.",
    },
    # The teacher scores planning and time management low and flexibility high: worth a talk.
    "twice": {
        "days": -15,
        "strengths": ["planning", "time_management", "working_memory"],
        "attention_points": ["sustained_attention", "emotion_regulation", "flexibility"],
        "student_words": "Ik weet heus wel wat ik moet doen, het lezen kost alleen zoveel tijd. "
        "Ik word snel boos als iets niet lukt.",
        "agreed_adjustments": "Gesprek over het verschil met de observatie: samen de "
        "planning van de komende week maken en kijken wat lukt.",
    },
}


async def _self_assessments(uow: UnitOfWork, p: Principal, ctx: Ctx, keys: tuple[str, ...]) -> None:
    """The student's own view ("Jij en jouw executieve vaardigheden"), discussed the same week."""
    for key in keys:
        spec = dict(SELF_ASSESSMENTS[key])
        filled_on = ctx.day(spec.pop("days"))
        discussed_on = min(filled_on + timedelta(days=2), ctx.today)
        data = SelfAssessmentIn.model_validate(
            {**spec, "filled_on": filled_on, "discussed_on": discussed_on}
        )
        await signalling.record_self_assessment(uow, p, ctx.students[key], data)


async def _intake(uow: UnitOfWork, hb: Principal, ctx: Ctx) -> None:
    """The needs intake of the twice-exceptional student: student, teacher and parents."""
    intake = await signalling.create_intake(uow, hb, ctx.students["twice"])
    sections = {
        "student": ({
            "s1": "Dingen uitzoeken die ik zelf wil weten, zoals hoe een motor werkt.",
            "s2": "Lange teksten lezen en samenvattingen schrijven; dan haak ik af.",
            "s3": "Uitleg met plaatjes, voorlezen en dat ik mag laten zien wat ik weet door "
            "te vertellen of te maken.",
            "s4": "Bouwen met technisch lego, schaken met mijn opa.",
            "s5": "Liever met iemand die net zo snel denkt; anders werk ik alleen.",
        }, "Leerling, in gesprek met de specialist hoogbegaafdheid", -16),
        "teacher": ({
            "t1": "Een eigen planning maken en bijhouden, hulp vragen als het vastloopt.",
            "t2": "Vaste momenten om het werk van het Denklab terug te koppelen in de les, en "
            "voorleessoftware bij opdrachten.",
            "t3": "Beginnen aan schrijfopdrachten en werk inleveren.",
            "t4": "Kan scherp reageren op klasgenoten die hem niet snel genoeg volgen.",
            "t5": "Zit onderuit, maakt grapjes, levert niets in; een hoog cijfer bij mondelinge "
            "toetsen en een laag cijfer bij schriftelijke.",
        }, hb.display_name, -15),
        "parents": ({
            "p1": "Het plannen en het lezen: hij zit lang op een tekst en geeft dan op.",
            "p2": "Bij projecten en als een docent met hem meedenkt.",
            "p3": "Niet uitgedaagd: hij klaagt over school en speelt de hele middag spelletjes. "
            "Wel uitgedaagd: hij vertelt aan tafel honderduit.",
            "p4": "Vrienden die hem begrijpen en docenten die zijn dyslexie niet als luiheid zien.",
        }, "Ouders", -14),
    }  # fmt: skip
    version = intake.version
    for informant, (answers, respondent, days) in sections.items():
        intake = await signalling.write_intake_section(
            uow, hb, intake.id, informant, version,
            IntakeSectionIn(answers=answers, respondent=respondent, answered_on=ctx.day(days)),
        )  # fmt: skip
        version = intake.version
    ctx.intake_id = intake.id


# -- the mentor's guidance period ------------------------------------------------------------
async def _guidance(uow: UnitOfWork, mentor: Principal, ctx: Ctx) -> None:
    """1A: "challenge in class" as a guidance period along the seven phases, now monitoring."""
    period = await guidance.create_period(
        uow, mentor,
        GuidanceCreate(
            student_id=ctx.students["challenge"], starts_on=ctx.day(-38), checkin_every_weeks=3,
            goals=[
                PortfolioGoalIn(goal="Ik maak elke week een verdiepingsopdracht wiskunde en laat "
                                "die op vrijdag zien.",
                                plan="Na de instructie de basisopdrachten compact (alleen de "
                                "sterretjesopdrachten), dan de plusopdracht."),
                PortfolioGoalIn(goal="Ik plan mijn huiswerk een week vooruit in mijn agenda.",
                                plan="Op maandag in de mentorles de week plannen; op donderdag "
                                "kort nakijken met de mentor."),
            ],
        ),
    )  # fmt: skip
    for phase in ("kickoff", "content"):
        period = await guidance.advance(
            uow, mentor, period.id, period.version, PhaseIn.model_validate({"phase": phase})
        )
    period = await guidance.update_period(
        uow, mentor, period.id, period.version,
        GuidanceUpdate(
            differentiation=["extra_challenge", "deepening_tasks"],
            agreements=[
                AgreementIn(who="Leerling", what="Maakt de plusopdracht en laat die zien",
                            when="Elke vrijdag", how="In de map 'Verdieping' in de ELO"),
                AgreementIn(who="Docent wiskunde", what="Zet de plusopdrachten klaar en geeft "
                            "feedback", when="Elke maandag", how="Kort gesprek na de les"),
                AgreementIn(who="Mentor", what="Voortgangsgesprek", when="Om de drie weken",
                            how="Tijdens de mentorles, tien minuten"),
            ],
            external_factors="Sport vier keer per week op hoog niveau: weinig tijd voor "
            "huiswerk.",
        ),
    )  # fmt: skip
    for phase in ("responsibilities", "monitoring"):
        period = await guidance.advance(
            uow, mentor, period.id, period.version, PhaseIn.model_validate({"phase": phase})
        )
    first_goal = period.goals[0].id
    period = await guidance.add_monitoring(
        uow, mentor, period.id, period.version,
        MonitoringNoteIn(goal_id=first_goal, on=ctx.day(-24),
                         note="Drie plusopdrachten af; de laatste over bewijzen was lastig maar "
                         "leuk."),
    )  # fmt: skip
    period = await guidance.add_checkin(
        uow, mentor, period.id, period.version,
        CheckinIn(held_on=ctx.day(-21), progress="on_track",
                  note="Plusopdrachten gaan goed; de planning in de agenda wordt bijgehouden."),
    )  # fmt: skip
    await guidance.add_checkin(
        uow, mentor, period.id, period.version,
        CheckinIn(held_on=ctx.day(-3), progress="stagnating", stagnation_cause="approach",
                  note="De plusopdrachten liggen stil: na de compacte basisstof is er in de les "
                  "geen tijd meer over, en thuis komt het er niet van.",
                  adjustments="Plusopdracht in de les in plaats van thuis; de docent wiskunde "
                  "schrapt meer basisopdrachten."),
    )  # fmt: skip


# -- applications, decisions, enrolments -------------------------------------------------------
@dataclass(frozen=True)
class Place:
    """An application for an offering and what becomes of it."""

    key: str
    offering: str
    route: str
    motivation: str
    decision: str | None = "admitted"  # None: waiting for the committee
    reason: str = ""
    exception_reason: str = ""
    starts: int | None = None  # enrolled on (days from today) when admitted
    goals: tuple[tuple[str, bool], ...] = ()
    adjustments: str = ""
    alignment: str = ""
    review_weeks: int = 13
    starts_next_week: bool = False


DENKLAB_ADJUSTMENTS = (
    "Compacten in de vakken waarin de leerling voorloopt; herhalingsopdrachten vervallen. Het "
    "gemiste uur van vrijdag wordt niet ingehaald."
)
DENKLAB_ALIGNMENT = (
    "Het Denklab-project komt terug in de mentorles (presentatie aan de klas) en in de "
    "verrijkingsopdrachten van de vakdocent."
)
PLACES = (
    Place("lead", DENKLAB, "intern_begeleider",
          "Niveau I op alle toetsen en al in Cyclus 1 gesignaleerd als ontwikkelingsvoorsprong. "
          "Verveelt zich bij herhaling; heeft uitdaging en ontwikkelingsgelijken nodig om te "
          "leren plannen en doorzetten.", starts=-63,
          goals=(("Werkt een eigen onderzoeksvraag uit tot een presentatie", True),
                 ("Maakt een planning voor het project en houdt die bij", False),
                 ("Durft een aanpak te proberen die misschien niet lukt", False)),
          adjustments=DENKLAB_ADJUSTMENTS, alignment=DENKLAB_ALIGNMENT),
    Place("overdue", DENKLAB, "intern_begeleider",
          "Sterk analytisch en snel klaar; werkt liever alleen. Heeft een groep "
          "ontwikkelingsgelijken nodig om te leren samenwerken.", starts=-63, review_weeks=6,
          goals=(("Voert een ontwerpopdracht uit in een tweetal", True),
                 ("Verdeelt het werk in een groep en laat anderen bijdragen", False)),
          adjustments=DENKLAB_ADJUSTMENTS, alignment=DENKLAB_ALIGNMENT),
    Place("met", DENKLAB, "parents",
          "Ouders melden aan: thuis een leergierig kind dat op school weinig nieuws leert. De "
          "mentor herkent het beeld.", starts=-63,
          goals=(("Rondt een onderzoek af en presenteert het", True),
                 ("Werkt een opdracht van vier weken af zonder uitstel", False)),
          adjustments=DENKLAB_ADJUSTMENTS, alignment=DENKLAB_ALIGNMENT),
    Place("not_fitting", DENKLAB, "intern_begeleider",
          "Goede cijfers en snel klaar; mentor en ouders willen meer uitdaging bieden.",
          starts=-63,
          goals=(("Werkt een eigen onderzoeksvraag uit", True),
                 ("Houdt een logboek bij van het eigen leerproces", False)),
          adjustments=DENKLAB_ADJUSTMENTS, alignment=DENKLAB_ALIGNMENT),
    Place("reviewed", DENKLAB, "intern_begeleider",
          "Vwo-leerling met een brede interesse die de lesstof zonder moeite beheerst; zoekt "
          "verdieping en gelijkgestemden.", starts=-63,
          goals=(("Ontwerpt en test een prototype", True),
                 ("Reflecteert na elke fase op wat werkte en wat niet", False)),
          adjustments=DENKLAB_ADJUSTMENTS, alignment=DENKLAB_ALIGNMENT),
    Place("late_a", DENKLAB, "parents",
          "Na de herfstvakantie aangemeld: verveelt zich zichtbaar en de motivatie zakt.",
          starts=-23,
          goals=(("Werkt een eigen onderzoeksvraag uit", True),
                 ("Zet door als een opdracht niet meteen lukt", False)),
          adjustments=DENKLAB_ADJUSTMENTS, alignment=DENKLAB_ALIGNMENT),
    Place("late_b", DENKLAB, "intern_begeleider",
          "Snel van begrip en creatief; de mentor ziet dat het werk in de klas niet meer "
          "uitdaagt.", starts=-23,
          goals=(("Maakt een ontwerp van idee tot presentatie", True),
                 ("Vraagt feedback en gebruikt die", False)),
          adjustments=DENKLAB_ADJUSTMENTS, alignment=DENKLAB_ALIGNMENT),
    Place("late_c", DENKLAB, "intern_begeleider",
          "Haalt hoge cijfers zonder te leren; heeft nooit leren leren. Het Denklab moet het "
          "doorzetten oefenen voordat de bovenbouw begint.", starts=-23,
          goals=(("Werkt een onderzoek uit met een eigen planning", True),
                 ("Leert van fouten: schrijft na elke les op wat beter kan", False)),
          adjustments=DENKLAB_ADJUSTMENTS, alignment=DENKLAB_ALIGNMENT),
    Place("twice", DENKLAB, "intern_begeleider",
          "Dubbel bijzonder: hoogbegaafd met dyslexie, onderpresteert. Heeft uitdaging nodig "
          "waarin hij kan laten zien wat hij kan, en hulp bij plannen.",
          exception_reason="Haalt de cijfergrens niet doordat hij onderpresteert; observatie en "
          "behoeftegesprek laten een grote behoefte aan uitdaging zien. De commissie neemt hem "
          "op, in samenhang met de multidisciplinaire casus.",
          starts_next_week=True,
          goals=(("Werkt een technisch ontwerp uit en presenteert het mondeling", True),
                 ("Plant het project met een visuele planner en levert op tijd in", False)),
          adjustments="Voorleessoftware en mondelinge toetsing waar het kan; compacten bij "
          "wiskunde en biologie.",
          alignment="De Denklab-opdracht vervangt een praktische opdracht bij techniek; de "
          "casusregisseur bewaakt de samenhang met de casus."),
    Place("rejected", DENKLAB, "parents",
          "Ouders vragen om meer uitdaging na een hoge score op een test.",
          decision="rejected",
          reason="De observatie laat zien dat de leerling in de klas voldoende uitgedaagd wordt "
          "met verrijkingsopdrachten; de commissie adviseert Versnellen wiskunde te bespreken "
          "met de docent."),
    Place("waiting", DENKLAB, "intern_begeleider",
          "Vraagt zelf om meer uitdaging; loopt twee hoofdstukken voor bij wiskunde en "
          "natuurkunde.", decision=None),
    Place("lead", VERSNELLEN, "intern_begeleider",
          "Niveau I op de wiskundetoetsen; de docent adviseert versnellen.", starts=-30,
          review_weeks=6,
          goals=(("Rondt hoofdstuk 1-6 compact af met minimaal een 7,5", True),
                 ("Werkt met een weekplanning aan de stof van leerjaar 2", False)),
          adjustments="Alleen de sterretjesopdrachten; toetsen op het eigen tempo.",
          alignment="De docent wiskunde bespreekt elke week de voortgang na de les."),
    Place("reviewed", VERSNELLEN, "parents",
          "Beheerst de stof van leerjaar 3 al; ouders en docent willen versnellen.", starts=-30,
          review_weeks=6,
          goals=(("Haalt de toetsen van leerjaar 3 vóór de kerstvakantie", True),
                 ("Begint aan de stof van leerjaar 4 met een eigen planning", False)),
          adjustments="Vrijgesteld van de klassikale oefenopdrachten.",
          alignment="Toetsen van de versnelde stof tellen mee voor het rapport."),
    Place("talent_obs", TALENT, "intern_begeleider",
          "Werkt doelgericht aan eigen projecten buiten school; het aanbod op school is niet "
          "genoeg. Zoekt ontwikkelingsgelijken.", starts=-46,
          goals=(("Voert het project 'Slimme stad' uit met de gemeente als opdrachtgever", True),
                 ("Presenteert het project aan de opdrachtgever", False))),
    Place("talent_b", TALENT, "intern_begeleider",
          "Versnelt al bij wiskunde; heeft behoefte aan een project met gelijkgestemden.",
          starts=-46,
          goals=(("Werkt een onderzoek uit met een externe opdrachtgever", True),
                 ("Maakt een reflectieverslag over de eigen leerstrategieën", False))),
    Place("talent_a", TALENT, "intern_begeleider",
          "Creatief en ondernemend; loopt vast in de reguliere lessen en zoekt uitdaging.",
          starts=-46,
          goals=(("Bedenkt en test een oplossing voor een echte opdracht", True),
                 ("Werkt samen in een team van leerlingen van andere scholen", False))),
    Place("talent_first", TALENT, "intern_begeleider",
          "Leergierig en snel; zoekt een project met ontwikkelingsgelijken.",
          decision="waitlisted"),
    Place("talent_wait", TALENT, "intern_begeleider",
          "Brede interesse, sterk in talen; zoekt een uitdagend project.", decision="waitlisted"),
)  # fmt: skip
VAK_PLACES = (
    Place("vak_admitted", TALENT, "swv",
          "Technisch zeer sterk en snel van begrip; op het vakcollege te weinig uitdaging in de "
          "theorievakken. Aangemeld via het samenwerkingsverband.", starts=-46,
          goals=(("Ontwerpt en bouwt een prototype voor het project 'Slimme stad'", True),
                 ("Presenteert het eigen deel aan de opdrachtgever", False))),
    Place("vak_waiting", TALENT, "swv",
          "Haalt hoge cijfers zonder moeite en verveelt zich; de mentor ziet talent voor "
          "techniek en ontwerpen.", decision="waitlisted"),
)  # fmt: skip
TALENT_ORDER = (
    "talent_obs", "talent_b", "talent_a", "vak_admitted",  # admitted: full
    "talent_first", "vak_waiting", "talent_wait",  # waitlist 1, 2, 3
)  # fmt: skip
WAITLIST_REASON = "Het programma zit vol; de commissie plaatst bij de eerste vrije plek."


def _agreements(ctx: Ctx, home: str) -> StamschoolAgreements:
    return StamschoolAgreements(
        responsibilities=[
            "Talentprogramma (Stedelijk Lyceum): inhoud, begeleiding en beoordeling van het "
            "project op woensdagochtend",
            f"Stamschool ({home}): rooster, inhalen van gemiste lessen en het rapport",
            "Mentor stamschool: eerste aanspreekpunt voor leerling en ouders",
        ],
        weekly_contact="Elke woensdag na het programma een korte terugkoppeling per mail van de "
        "programmacoördinator aan de mentor",
        gradual_intake="De eerste twee weken alleen het eerste blok (08.30-10.15), daarna de hele "
        "ochtend",
        counts_for_report=True,
        report_subjects="Het projectcijfer telt mee als praktische opdracht bij het vak dat het "
        "best aansluit (techniek of natuurkunde)",
        parent_contact="De mentor van de stamschool informeert de ouders na elke evaluatie; de "
        "programmacoördinator sluit aan bij de evaluatie",
        home_school_contact=f"Mentor en zorgcoördinator van {home}",
    )


async def _apply(uow: UnitOfWork, p: Principal, ctx: Ctx, place: Place) -> None:
    """The application (the observation's draft when there is one), submitted on its route."""
    sid = ctx.students[place.key]
    offering_id = ctx.offerings[place.offering]
    obs = ctx.observations.get(place.key)
    draft = await uow.scalar(
        select(Application.id).where(
            Application.student_id == sid,
            Application.offering_id == offering_id,
            Application.status == "draft",
        )
    )
    if draft is not None:  # made by the observation's follow-up
        changes: dict[str, Any] = {"motivation": place.motivation}
        if place.key == "twice":
            changes["needs_intake_id"] = ctx.intake_id
        app = await admissions.update_application(
            uow, p, draft, await _version(uow, draft), ApplicationUpdate.model_validate(changes)
        )
    else:
        app = await admissions.create_application(
            uow, p,
            ApplicationCreate(student_id=sid, offering_id=offering_id,
                              motivation=place.motivation, observation_id=obs),
        )  # fmt: skip
        ctx.counts["applications"] += 1
    ctx.applications[(place.key, place.offering)] = await admissions.submit(
        uow, p, app.id, app.version, ApplicationSubmit.model_validate({"route": place.route})
    )


async def _decide_and_enrol(
    uow: UnitOfWork, p: Principal, ctx: Ctx, place: Place, *, decide: bool = True,
    enrol: bool = True,
) -> None:  # fmt: skip
    """The committee's decision (both members) and, when admitted, the enrolment with its
    in-class plan; a placement outside the own class also with the stamschool agreements."""
    app = ctx.applications[(place.key, place.offering)]
    if decide and place.decision is not None:
        exception = bool(place.exception_reason)
        reason = place.reason or (WAITLIST_REASON if place.decision == "waitlisted" else "")
        app = await admissions.decide(
            uow, p, app.id, app.version,
            ApplicationDecide.model_validate({
                "decision": place.decision, "decided_by": ctx.committee(LYCEUM),
                "reason": reason, "exception": exception,
                "exception_reason": place.exception_reason,
            }),
        )  # fmt: skip
        ctx.applications[(place.key, place.offering)] = app
        ctx.counts["waitlisted"] += place.decision == "waitlisted"
    if not enrol or place.decision != "admitted":
        return
    starts_on = ctx.week(1, 4) if place.starts_next_week else ctx.day(place.starts or 0)
    own_class = place.offering == VERSNELLEN
    teacher = ctx.staff[(DOCENT, LYCEUM)] if own_class else ctx.mentors[place.key]
    home = "Vakcollege Rivierstad" if place.key.startswith("vak_") else "Stedelijk Lyceum"
    talent = place.offering == TALENT
    enrolment = await enrolments.enrol(
        uow, p,
        EnrolmentCreate(
            application_id=app.id, starts_on=starts_on, review_every_weeks=place.review_weeks,
            goals=[EnrolmentGoalIn(text=t, cognitive=c) for t, c in place.goals],
            regular_teacher_staff_id=teacher,
            class_adjustments=place.adjustments or "Lessen op woensdagochtend vervallen; de "
            "leerling haalt de toetsen in op het toetsuur en krijgt vrijstelling voor het "
            "huiswerk van die ochtend.",
            alignment=place.alignment or "Het project komt terug in de les van het vak dat het "
            "best aansluit; de leerling presenteert het aan de eigen klas.",
            agreements=_agreements(ctx, home) if talent else None,
        ),
    )  # fmt: skip
    ctx.enrolled[(place.key, place.offering)] = enrolment
    ctx.counts["enrolments"] += 1


def _progress(
    e: EnrolmentRead, *progress: str, notes: tuple[str, ...] = ()
) -> list[GoalProgressIn]:
    return [
        GoalProgressIn.model_validate(
            {"goal_id": g.id, "progress": pr, "note": notes[i] if i < len(notes) else ""}
        )
        for i, (g, pr) in enumerate(zip(e.goals, progress, strict=True))
    ]


async def _follow_enrolments(uow: UnitOfWork, hb: Principal, ctx: Ctx) -> None:
    """Denklab's reviews (one held, one overdue: none), one exit with the goals met and one
    that did not fit."""
    e = ctx.enrolled[("lead", DENKLAB)]
    await enrolments.review(
        uow, hb, e.id, e.version,
        ReviewIn(reviewed_on=ctx.day(-14), with_student=True, with_parents=True,
                 goal_progress=_progress(e, "progressing", "achieved", "progressing",
                                         notes=("Onderzoeksvraag over zonnepanelen staat; de "
                                                "proef loopt.", "Houdt de planning elke week "
                                                "bij.")),
                 class_alignment="De mentor laat hem compacten; de presentatie aan de klas staat "
                 "gepland na de kerstvakantie.",
                 notes="Meer plezier op school volgens ouders; verveling in de les is minder."),
    )  # fmt: skip
    e = ctx.enrolled[("reviewed", DENKLAB)]
    await enrolments.review(
        uow, hb, e.id, e.version,
        ReviewIn(reviewed_on=ctx.day(-10), with_student=True, with_parents=False,
                 goal_progress=_progress(e, "progressing", "achieved"),
                 class_alignment="Het prototype komt terug bij natuurkunde.",
                 notes="Goed op weg; ouders krijgen het verslag per mail."),
    )  # fmt: skip
    e = ctx.enrolled[("met", DENKLAB)]
    e = await enrolments.review(
        uow, hb, e.id, e.version,
        ReviewIn(reviewed_on=ctx.day(-12), with_student=True, with_parents=True,
                 goal_progress=_progress(e, "achieved", "achieved"), decision="stop",
                 class_alignment="Het onderzoek is in de klas gepresenteerd.",
                 notes="Beide doelen gehaald. De leerling stopt met het Denklab en gaat verder "
                 "met verrijking in de klas (IMAGE: stoppen als de doelen bereikt zijn)."),
    )  # fmt: skip
    await enrolments.exit_enrolment(
        uow, hb, e.id, e.version,
        ExitIn(ended_on=ctx.day(-7), reason="goals_met",
               note="Verder met verrijkingsopdrachten in de eigen lessen."),
    )  # fmt: skip
    e = ctx.enrolled[("not_fitting", DENKLAB)]
    e = await enrolments.review(
        uow, hb, e.id, e.version,
        ReviewIn(reviewed_on=ctx.day(-35), with_student=True, with_parents=True,
                 goal_progress=_progress(e, "not_yet", "not_yet"), decision="stop",
                 notes="De leerling mist de vrijdagmiddag met vrienden en vindt het open "
                 "onderzoek te vaag; liever uitdaging binnen de vakken."),
    )  # fmt: skip
    await enrolments.exit_enrolment(
        uow, hb, e.id, e.version,
        ExitIn(ended_on=ctx.day(-30), reason="not_fitting",
               note="Verder met verdiepingsopdrachten bij wiskunde en biologie."),
    )  # fmt: skip


# -- measurements ------------------------------------------------------------------------------
# IMAGE's constructs (vocabulary order), T0 before the start and T1 now (or at the exit).
MEASUREMENTS: dict[str, tuple[int, tuple[float, ...], int | None, tuple[float, ...]]] = {
    "lead": (-66, (2.1, 4.5, 3.9, 3.0, 3.2, 3.8, 2.9, 2.4, 3.5, 3.9),
             -3, (3.6, 4.6, 2.6, 3.3, 3.9, 4.0, 3.5, 2.7, 3.7, 4.1)),
    "overdue": (-66, (2.4, 4.2, 3.5, 2.6, 3.0, 3.4, 2.8, 2.2, 3.0, 3.3),
                -3, (3.2, 4.3, 3.0, 3.1, 3.4, 3.3, 3.2, 2.3, 3.1, 3.6)),
    "met": (-66, (2.6, 4.0, 3.2, 3.4, 3.6, 3.6, 3.3, 3.0, 3.4, 3.7),
            -8, (3.9, 4.1, 2.2, 3.6, 4.2, 4.1, 3.9, 3.6, 3.9, 4.0)),
    "not_fitting": (-66, (2.8, 3.6, 3.0, 3.1, 3.2, 3.3, 3.0, 2.6, 2.9, 3.1),
                    -31, (2.6, 3.3, 3.4, 2.7, 2.9, 3.0, 2.8, 2.5, 2.8, 3.0)),
    "reviewed": (-66, (2.3, 4.4, 3.7, 3.5, 3.5, 3.9, 3.1, 3.2, 3.6, 4.2),
                 -3, (3.4, 4.4, 2.9, 3.4, 3.9, 4.0, 3.4, 3.3, 3.7, 4.4)),
    "late_a": (-24, (2.0, 4.6, 4.1, 2.9, 3.0, 3.5, 2.6, 2.1, 3.2, 3.8),
               -3, (2.9, 4.8, 3.3, 3.2, 3.4, 3.6, 3.0, 2.3, 3.3, 3.9)),
    "late_c": (-24, (2.5, 4.1, 3.4, 3.2, 3.3, 3.7, 3.0, 2.9, 3.4, 3.5),
               -3, (3.1, 4.2, 3.1, 3.0, 3.5, 3.7, 3.2, 2.8, 3.5, 3.6)),
    "twice": (-2, (1.8, 4.4, 4.3, 3.8, 2.7, 2.6, 2.4, 1.9, 2.5, 4.3), None, ()),
}  # fmt: skip


async def _measurements(uow: UnitOfWork, hb: Principal, ctx: Ctx) -> None:
    for key, (t0_day, t0, t1_day, t1) in MEASUREMENTS.items():
        for wave, days, scores in ((0, t0_day, t0), (1, t1_day, t1)):
            if days is None:
                continue
            await impact.record_measurement(
                uow, hb, ctx.students[key],
                MeasurementIn.model_validate({
                    "wave": wave, "measured_on": ctx.day(days),
                    "scores": dict(zip(CONSTRUCT_CODES, scores, strict=True)),
                }),
            )  # fmt: skip
            ctx.counts["measurements"] += 1


# -- support profiles ------------------------------------------------------------------------
# Signalled as (hoog)begaafd: days from today (the observation or the application).
LYCEUM_PROFILES: dict[str, int] = {
    "lead": -77, "challenge": -42, "draft": -4, "met": -66, "late_a": -24, "overdue": -70,
    "twice": -20, "late_b": -24, "talent_a": -60, "talent_obs": -70, "talent_b": -60,
    "not_fitting": -66, "reviewed": -66, "late_c": -24, "individual": -12,
}  # fmt: skip
TWICE_EXCEPTIONAL_NOTE = (
    "Dyslexie (verklaring sinds groep 6): voorleessoftware, extra tijd en mondelinge toetsing "
    "waar het kan. Onderpresteert; multidisciplinaire casus met de specialist hoogbegaafdheid "
    "als casusregisseur."
)


async def _profiles(uow: UnitOfWork, p: Principal, ctx: Ctx, signalled: dict[str, int]) -> None:
    for key, days in signalled.items():
        twice = key == "twice"
        await profile.put_profile(
            uow, p, ctx.students[key], 0,
            SupportProfileWrite(
                signalled_gifted=True, signalled_on=ctx.day(days),
                underachievement_suspected=key in ("twice", "individual"),
                twice_exceptional=True if twice else None,
                twice_exceptional_note=TWICE_EXCEPTIONAL_NOTE if twice else None,
                complexity="complex" if twice else "light" if key == "individual" else "none",
            ),
        )  # fmt: skip


# -- keuze-uren ------------------------------------------------------------------------------
@dataclass(frozen=True)
class KeuzeUur:
    key: str
    weekday: int  # next week
    hour: int
    location: str
    activity_kind: str
    activity: str
    acknowledge: bool


KEUZE_UREN = (
    KeuzeUur("lead", 1, 3, "Mediatheek, tafel bij het raam", "project",
             "Denklab-onderzoek: metingen aan de zonnepanelen op het dak uitwerken", True),
    KeuzeUur("talent_obs", 3, 2, "Techniekatelier (lokaal 1.08)", "deepening",
             "Talentprogramma: prototype voor het project 'Slimme stad'", True),
    KeuzeUur("overdue", 2, 4, "Lokaal 2.14 (wiskunde 3C)", "acceleration",
             "Volgt de wiskundeles van 3C (versnellen)", False),
)  # fmt: skip


async def _keuze_uur(uow: UnitOfWork, p: Principal, ctx: Ctx, k: KeuzeUur) -> None:
    """A keuze-uur in next week's wiskunde lesson of the docent (who teaches 1A, 2B and 3C)."""
    await choice_hours.create_request(
        uow, p,
        ChoiceHourCreate.model_validate({
            "student_id": ctx.students[k.key], "subject": "wiskunde",
            "subject_teacher_staff_id": ctx.staff[(DOCENT, LYCEUM)],
            "lesson_date": ctx.week(1, k.weekday), "lesson_hour": k.hour,
            "location": k.location, "activity_kind": k.activity_kind, "activity": k.activity,
        }),
    )  # fmt: skip
    ctx.counts["keuze_uren"] += 1


async def _acknowledge(uow: UnitOfWork, docent: Principal, ctx: Ctx) -> None:
    """The docent acknowledges two of next week's keuze-uren; the third waits for him."""
    wanted = {ctx.students[k.key] for k in KEUZE_UREN if k.acknowledge}
    mine = await choice_hours.list_requests(
        uow, docent, ctx.schools[LYCEUM], mine=True, student_id=None, from_date=ctx.today,
        to_date=None,
    )  # fmt: skip
    for r in mine:
        if r.student_id in wanted and r.status == "requested":
            await choice_hours.decide(
                uow, docent, r.id, r.version, ChoiceHourDecision(acknowledge=True)
            )


# -- OBS De Regenboog ------------------------------------------------------------------------
PO_SCORES: dict[str, tuple[int | None, ...]] = {
    "po_wait": (4, 3, 4, 3, 3, 3, 3, 5, 3, 3, 3, 3, 4, 4),
    "po_obs": (4, 3, 3, 4, 4, 3, 4, 5, 3, 2, 3, 3, 3, 3),
}
PO_PLACES = (
    Place("po_obs", PLUSKLAS, "intern_begeleider",
          "Rekent en leest ver boven het groepsniveau (A+ op alle toetsen), verveelt zich en "
          "wordt onrustig. Heeft ontwikkelingsgelijken nodig.", starts=-68,
          goals=(("Werkt een eigen onderzoeksvraag uit en presenteert die aan de groep", True),
                 ("Zet door als een opdracht niet meteen lukt", False)),
          adjustments="Compacten bij rekenen en spelling via de compacting-lijst; de "
          "vrijgekomen tijd voor het plusklaswerk.",
          alignment="Het plusklaswerk staat in de weektaak; de leerling presenteert het "
          "eindproduct in de eigen groep."),
    Place("po_g7", PLUSKLAS, "parents",
          "Ouders en leerkracht zien een leergierig kind dat thuis veel onderzoekt en op "
          "school stil wordt.", starts=-68,
          goals=(("Leert plannen met een weekplanner", False),
                 ("Maakt een werkstuk over een zelfgekozen onderwerp", True)),
          adjustments="Minder herhalingsoefeningen bij rekenen; Engels op eigen niveau.",
          alignment="De leerkracht bespreekt elke week de planner; het werkstuk komt terug in "
          "de zaakvakken."),
    Place("po_g8", PLUSKLAS, "intern_begeleider",
          "Snel klaar en helpt dan anderen; wil zelf ook iets nieuws leren voor de overstap "
          "naar het VO.", starts=-68,
          goals=(("Leert leren: een leerstrategie kiezen en evalueren", False),
                 ("Voert een filosofisch gesprek en schrijft een betoog", True)),
          adjustments="Compacten bij taal; vrije keuze bij de verrijkingskast.",
          alignment="De leerkracht laat het betoog voorlezen in de groep."),
    Place("po_wait", PLUSKLAS, "intern_begeleider",
          "Rekent op het niveau van groep 7 en leest alles wat los en vast zit; de leerkracht "
          "ziet dat de verrijking in de klas niet genoeg is.", decision="waitlisted",
          reason="De plusklasgroep van groep 5 en 6 start na de kerstvakantie; tot dan "
          "verrijking in de klas."),
)  # fmt: skip


async def _regenboog(sessionmaker: Sessionmaker, issuer: str, ctx: Ctx) -> str:
    """The IB'er sets up the Plusklas; groep 5's teacher and the HB specialist observe; the
    committee (IB'er and HB specialist) admits three and puts one on the waitlist."""
    school_id = ctx.schools[REGENBOOG]
    async with _as(sessionmaker, issuer, IB) as (uow, ib):
        plusklas = await offerings.create_offering(
            uow, ib, school_id,
            OfferingWrite(
                name="Plusklas", kind="plusklas", setting="separate_group", duration="whole_year",
                starts_on=ctx.day(-68), schedule="Dinsdagmiddag 13.00-14.30 in het speellokaal",
                hours_per_week=1.5, fixed_teacher_staff_id=ctx.staff[(HB, REGENBOOG)],
                goals=[
                    OfferingGoal(text="Leren leren: plannen, doorzetten en reflecteren"),
                    OfferingGoal(text="Onderzoeken en filosoferen op eigen niveau",
                                 cognitive=True),
                    OfferingGoal(text="Ontwikkelingsgelijken ontmoeten"),
                ],
                target_group="Leerlingen van groep 5 tot en met 8 met een ontwikkelingsvoorsprong.",
                selection_criteria="Signalering door de groepsleerkracht met het "
                "observatie-instrument; compacten in de groep is al gedaan.",
                capacity=8, application_routes=["intern_begeleider", "parents"],
                committee_staff_ids=ctx.committee(REGENBOOG),
            ),
        )  # fmt: skip
        ctx.offerings[PLUSKLAS] = plusklas.id
    observers = {"po_wait": LEERKRACHT, "po_obs": HB}
    remarks = {
        "po_wait": "Rekent op het niveau van groep 7 en is altijd als eerste klaar. Stelt "
        "vragen waar de rest van de groep nog niet aan toe is.",
        "po_obs": "Leest en rekent ver boven het groepsniveau. Wordt onrustig als het werk "
        "te makkelijk is; bij een open opdracht bloeit zij op.",
    }
    for key, login in observers.items():
        async with _as(sessionmaker, issuer, login) as (uow, p):
            read = await signalling.record_observation(
                uow, p, ctx.students[key],
                ObservationIn.model_validate({
                    "observed_on": ctx.day(-70 if key == "po_obs" else -15),
                    "scores": dict(zip(SKILL_CODES, PO_SCORES[key], strict=True)),
                    "remarks": remarks[key], "recommendation": "group_offering",
                    "offering_id": plusklas.id,
                }),
            )  # fmt: skip
            ctx.observations[key] = read.id
    waitlisted = 0
    async with _as(sessionmaker, issuer, IB) as (uow, ib):
        for place in PO_PLACES:
            await _apply(uow, ib, ctx, place)
            app = ctx.applications[(place.key, PLUSKLAS)]
            app = await admissions.decide(
                uow, ib, app.id, app.version,
                ApplicationDecide.model_validate({
                    "decision": place.decision, "decided_by": ctx.committee(REGENBOOG),
                    "reason": place.reason,
                }),
            )  # fmt: skip
            if place.decision == "waitlisted":
                waitlisted += 1
                continue
            await enrolments.enrol(
                uow, ib,
                EnrolmentCreate(
                    application_id=app.id, starts_on=ctx.day(place.starts or 0),
                    goals=[EnrolmentGoalIn(text=t, cognitive=c) for t, c in place.goals],
                    regular_teacher_staff_id=ctx.mentors[place.key],
                    class_adjustments=place.adjustments, alignment=place.alignment,
                ),
            )  # fmt: skip
        await _profiles(uow, ib, ctx, {"po_obs": -70, "po_g7": -60, "po_g8": -60, "po_wait": -15})
    enrolled = len(PO_PLACES) - waitlisted
    return (
        f"1 offering, {len(observers)} observations, {enrolled} enrolments, "
        f"{waitlisted} on the waitlist"
    )


__all__ = ["seed_gifted"]
