"""Deterministic demo data: organisations and per-school LVS roster payloads.

Everything is generated from one :class:`random.Random` with a fixed seed, walking the schools in
a fixed order, so every run yields byte-for-byte identical data. The seed loader relies on that:
re-posting the same roster is a no-op, which is what makes seeding idempotent.

The only input besides the code is the dev IdP's ``accounts.json``: the demo staff members
(``demo-leerkracht``, ``demo-mentor`` …) take their name and e-mail address from the account that
carries their ``staff_external_id``, so that logging in as "mentor" lands on the staff record the
roster created. Without that file the demo staff get generated names. Reading the file happens
after all random draws, so its contents never shift the rest of the data.

All values are JSON-able: dates are ``"YYYY-MM-DD"``, timestamps ``"YYYY-MM-DDTHH:MM:SSZ"``.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import json
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from zorgroute.demo import names
from zorgroute.demo.names import Background, FamilyName

SCHOOL_YEAR = "2026-2027"
SCHOOL_YEAR_STARTS_ON = "2026-08-01"
SCHOOL_YEAR_ENDS_ON = "2027-07-31"

REFERENCE_DATE = date(2026, 10, 1)
"""The teldatum: ages per grade are chosen so students have the usual age on this day."""

MODIFIED_AT = "2026-09-01T06:00:00Z"
"""The ``modified_at`` of every record (the LVS export moment)."""

SEED = "zorgroute-demo-2026-2027"

ECK_ID_PREFIX = "https://ketenid.nl/201703/"

ACCOUNTS_FILE: Path = Path(__file__).resolve().parents[3] / "deploy" / "dev-idp" / "accounts.json"
"""The dev IdP's account list; demo staff names and e-mail addresses come from here."""

# --------------------------------------------------------------------------------------------
# Organisations
# --------------------------------------------------------------------------------------------

_SWVS: tuple[dict[str, str], ...] = (
    {"code": "PO2601", "name": "Samenwerkingsverband PO Rivierenland", "sector": "PO"},
    {"code": "VO2601", "name": "Samenwerkingsverband VO Rivierenland", "sector": "VO"},
)

_BOARDS: tuple[dict[str, str], ...] = (
    {"code": "41234", "name": "Stichting Openbaar Onderwijs Rivierenland"},
)

_SCHOOLS: tuple[dict[str, str], ...] = (
    {
        "key": "12AB00",
        "brin": "12AB",
        "vestiging": "00",
        "name": "OBS De Regenboog",
        "sector": "PO",
        "swv": "PO2601",
        "board": "41234",
        "source": "parnassys",
    },
    {
        "key": "34CD00",
        "brin": "34CD",
        "vestiging": "00",
        "name": "Stedelijk Lyceum Rivierstad",
        "sector": "VO",
        "swv": "VO2601",
        "board": "41234",
        "source": "magister",
    },
    {
        "key": "34CD01",
        "brin": "34CD",
        "vestiging": "01",
        "name": "Vakcollege Rivierstad",
        "sector": "VO",
        "swv": "VO2601",
        "board": "41234",
        "source": "magister",
    },
)

_STAFF_EMAIL_DOMAINS: dict[str, str] = {
    "12AB00": "regenboog.example",
    "34CD00": "stedelijklyceum.example",
    "34CD01": "vakcollege-rivierstad.example",
}

_GUARDIAN_EMAIL_DOMAIN = "example.nl"


def organisations() -> dict[str, Any]:
    """The SWVs, the board, the three demo schools and the school year."""
    return {
        "swvs": [dict(s) for s in _SWVS],
        "boards": [dict(b) for b in _BOARDS],
        "schools": [dict(s) for s in _SCHOOLS],
        "school_years": [
            {
                "name": SCHOOL_YEAR,
                "starts_on": SCHOOL_YEAR_STARTS_ON,
                "ends_on": SCHOOL_YEAR_ENDS_ON,
            }
        ],
    }


def demo_school_keys() -> list[str]:
    """School keys (BRIN + vestiging) in generation order."""
    return [s["key"] for s in _SCHOOLS]


def resolve_school_key(value: object) -> str | None:
    """Map a school reference (``"34CD00"``, ``"34CD 00"``, a name, a unique BRIN) to its key."""
    if not isinstance(value, str):
        return None
    compact = "".join(value.split()).upper()
    for school in _SCHOOLS:
        if compact in (school["key"], school["brin"] + school["vestiging"]):
            return school["key"]
        if value.strip().casefold() == school["name"].casefold():
            return school["key"]
    with_brin = [s["key"] for s in _SCHOOLS if s["brin"] == compact]
    return with_brin[0] if len(with_brin) == 1 else None


# --------------------------------------------------------------------------------------------
# Groups and staff per school
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _GroupSpec:
    name: str
    kind: str  # "homeroom" | "teaching_group"
    grade: int
    track: str | None
    subject: str | None = None
    size: int = 0  # homerooms only
    homeroom: str | None = None  # teaching groups: the homeroom whose students take it
    ages: tuple[int, ...] = ()  # homerooms only: nominal ages on REFERENCE_DATE


@dataclass(frozen=True)
class _Assignment:
    group: str  # group name
    role: str  # "mentor" | "teacher"
    subject: str | None = None


@dataclass(frozen=True)
class _StaffSpec:
    function: str  # descriptive only; not part of the roster payload
    external_id: str | None = None  # None: generated ``mw-<school>-NNN``
    assignments: tuple[_Assignment, ...] = ()


def _homeroom(name: str, grade: int, track: str | None, size: int, *ages: int) -> _GroupSpec:
    return _GroupSpec(name=name, kind="homeroom", grade=grade, track=track, size=size, ages=ages)


def _teaching(homeroom: _GroupSpec, code: str, subject: str) -> _GroupSpec:
    return _GroupSpec(
        name=f"{homeroom.name}-{code}",
        kind="teaching_group",
        grade=homeroom.grade,
        track=homeroom.track,
        subject=subject,
        homeroom=homeroom.name,
    )


def _mentor(group: str) -> _Assignment:
    return _Assignment(group=group, role="mentor")


def _teacher(subject: str, *groups: str) -> tuple[_Assignment, ...]:
    return tuple(_Assignment(group=g, role="teacher", subject=subject) for g in groups)


# OBS De Regenboog: groep 1/2 combined (grade 2), then groep 3-8. Sizes sum to 144.
_PO_HOMEROOMS: tuple[_GroupSpec, ...] = (
    _homeroom("Groep 1/2a", 2, None, 23, 4, 5, 5),
    _homeroom("Groep 3", 3, None, 19, 6),
    _homeroom("Groep 4", 4, None, 21, 7),
    _homeroom("Groep 5", 5, None, 20, 8),
    _homeroom("Groep 6", 6, None, 22, 9),
    _homeroom("Groep 7", 7, None, 18, 10),
    _homeroom("Groep 8", 8, None, 21, 11),
)

_PO_STAFF: tuple[_StaffSpec, ...] = (
    _StaffSpec("directeur", "demo-directeur"),
    _StaffSpec("intern begeleider", "demo-ib"),
    _StaffSpec("specialist hoogbegaafdheid", "demo-hb"),
    _StaffSpec("groepsleerkracht", None, (_mentor("Groep 1/2a"),)),
    _StaffSpec("groepsleerkracht", None, (_mentor("Groep 3"),)),
    _StaffSpec("groepsleerkracht", None, (_mentor("Groep 4"),)),
    _StaffSpec("groepsleerkracht", "demo-leerkracht", (_mentor("Groep 5"),)),
    _StaffSpec("groepsleerkracht", None, (_mentor("Groep 6"),)),
    _StaffSpec("groepsleerkracht", None, (_mentor("Groep 7"),)),
    _StaffSpec("groepsleerkracht", None, (_mentor("Groep 8"),)),
    _StaffSpec(
        "vakleerkracht bewegingsonderwijs",
        None,
        _teacher("bewegingsonderwijs", *(f"Groep {n}" for n in range(3, 9))),
    ),
    _StaffSpec("onderwijsassistent"),
)

# Stedelijk Lyceum Rivierstad: three homerooms of 26, each with wiskunde/Nederlands/Engels.
_LYCEUM_HOMEROOMS: tuple[_GroupSpec, ...] = (
    _homeroom("1A", 1, "havo/vwo", 26, 12),
    _homeroom("2B", 2, "havo", 26, 13),
    _homeroom("3C", 3, "vwo", 26, 14),
)
_LYCEUM_TEACHING: tuple[_GroupSpec, ...] = tuple(
    _teaching(h, code, subject)
    for h in _LYCEUM_HOMEROOMS
    for code, subject in (("wi", "wiskunde"), ("ne", "Nederlands"), ("en", "Engels"))
)

_LYCEUM_STAFF: tuple[_StaffSpec, ...] = (
    _StaffSpec("teamleider onderbouw", "demo-teamleider"),
    _StaffSpec("zorgcoördinator", "demo-zorgcoordinator"),
    _StaffSpec("specialist hoogbegaafdheid", "demo-hb"),
    _StaffSpec("mentor / docent", "demo-mentor", (_mentor("1A"),)),
    # Teaches 1A too, so the demo mentor's group plan has a teacher to share it with.
    _StaffSpec("docent wiskunde", "demo-docent", _teacher("wiskunde", "1A-wi", "2B-wi", "3C-wi")),
    _StaffSpec(
        "mentor / docent Engels",
        None,
        (_mentor("2B"), *_teacher("Engels", "1A-en", "2B-en", "3C-en")),
    ),
    _StaffSpec(
        "mentor / docent Nederlands",
        None,
        (_mentor("3C"), *_teacher("Nederlands", "1A-ne", "2B-ne", "3C-ne")),
    ),
    _StaffSpec("decaan"),
)

# Vakcollege Rivierstad: three vmbo homerooms of 26, each with Nederlands and techniek.
_VAKCOLLEGE_HOMEROOMS: tuple[_GroupSpec, ...] = (
    _homeroom("1V", 1, "vmbo-b", 26, 12),
    _homeroom("2V", 2, "vmbo-k", 26, 13),
    _homeroom("3V", 3, "vmbo-gl", 26, 14),
)
_VAKCOLLEGE_TEACHING: tuple[_GroupSpec, ...] = tuple(
    _teaching(h, code, subject)
    for h in _VAKCOLLEGE_HOMEROOMS
    for code, subject in (("ne", "Nederlands"), ("te", "techniek"))
)

_VAKCOLLEGE_STAFF: tuple[_StaffSpec, ...] = (
    _StaffSpec("zorgcoördinator", "demo-zorgcoordinator"),
    _StaffSpec(
        "mentor / docent Nederlands",
        None,
        (_mentor("1V"), *_teacher("Nederlands", "1V-ne", "2V-ne", "3V-ne")),
    ),
    _StaffSpec(
        "mentor / docent techniek", None, (_mentor("2V"), *_teacher("techniek", "1V-te", "2V-te"))
    ),
    _StaffSpec("mentor / docent", None, (_mentor("3V"),)),
    _StaffSpec("docent techniek", "demo-docent-vakcollege", _teacher("techniek", "3V-te")),
)

_GROUPS: dict[str, tuple[_GroupSpec, ...]] = {
    "12AB00": _PO_HOMEROOMS,
    "34CD00": _LYCEUM_HOMEROOMS + _LYCEUM_TEACHING,
    "34CD01": _VAKCOLLEGE_HOMEROOMS + _VAKCOLLEGE_TEACHING,
}

_STAFF: dict[str, tuple[_StaffSpec, ...]] = {
    "12AB00": _PO_STAFF,
    "34CD00": _LYCEUM_STAFF,
    "34CD01": _VAKCOLLEGE_STAFF,
}


@dataclass(frozen=True)
class _SchoolTuning:
    sibling_rate: float  # share of students who are a sibling of a student in the same school
    cross_school_rate: float  # share who are a sibling of a student in an earlier school
    twin_rate: float


_TUNING: dict[str, _SchoolTuning] = {
    "12AB00": _SchoolTuning(sibling_rate=0.14, cross_school_rate=0.0, twin_rate=0.012),
    "34CD00": _SchoolTuning(sibling_rate=0.05, cross_school_rate=0.05, twin_rate=0.012),
    "34CD01": _SchoolTuning(sibling_rate=0.05, cross_school_rate=0.05, twin_rate=0.012),
}

_ECK_ID_SHARE = 0.7
_DOUBLEUR_RATE = 0.04  # students one year older than their grade's nominal age
_MIN_SIBLING_GAP = timedelta(days=300)


# --------------------------------------------------------------------------------------------
# Generation model
# --------------------------------------------------------------------------------------------


@dataclass
class _Person:
    given_name: str
    infix: str | None
    family_name: str


@dataclass
class _Guardian:
    person: _Person
    relation: str
    parental_authority: bool
    email: str | None
    phone: str | None


@dataclass
class _Child:
    school: str
    homeroom: str
    given_name: str
    date_of_birth: date
    external_id: str


@dataclass
class _Family:
    index: int
    background: Background
    child_name: FamilyName
    guardians: list[_Guardian]
    siblings_allowed: bool
    children: list[_Child] = field(default_factory=list)
    guardian_ids: dict[str, list[str]] = field(default_factory=dict)  # school -> guardian ids


def _infix(value: str) -> str | None:
    return value or None


def _iso(d: date) -> str:
    return d.isoformat()


def _eck_id(external_id: str) -> str:
    return ECK_ID_PREFIX + hashlib.sha256(external_id.encode("utf-8")).hexdigest()


def _slug(group_name: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in group_name.lower())


def _group_id(school: str, group_name: str) -> str:
    return f"gr-{school}-{_slug(group_name)}"


class _Generator:
    def __init__(self) -> None:
        self.rng = random.Random(SEED)
        self.families: list[_Family] = []
        self.guardian_emails: set[str] = set()
        self.phones: set[str] = set()
        self.staff_emails: set[str] = set()
        self.shared_staff: dict[tuple[str, str], tuple[_Person, str]] = {}

    # -- small helpers -----------------------------------------------------------------------

    def background(self) -> Background:
        return self.rng.choices(names.BACKGROUNDS, weights=[b.weight for b in names.BACKGROUNDS])[0]

    def family_name(self, background: Background) -> FamilyName:
        return self.rng.choice(background.family_names)

    def adult(self, background: Background, female: bool, family: FamilyName) -> _Person:
        pool = background.adult_female_names if female else background.adult_male_names
        return _Person(self.rng.choice(pool), _infix(family[0]), family[1])

    def guardian_email(self, person: _Person) -> str | None:
        if self.rng.random() < 0.08:
            return None
        local = names.email_local_part(person.given_name, person.infix, person.family_name)
        candidate, n = f"{local}@{_GUARDIAN_EMAIL_DOMAIN}", 1
        while candidate in self.guardian_emails:
            n += 1
            candidate = f"{local}{n}@{_GUARDIAN_EMAIL_DOMAIN}"
        self.guardian_emails.add(candidate)
        return candidate

    def phone(self) -> str | None:
        if self.rng.random() < 0.04:
            return None
        while True:
            candidate = f"06-{self.rng.randrange(10_000_000, 100_000_000)}"
            if candidate not in self.phones:
                self.phones.add(candidate)
                return candidate

    def guardian(self, person: _Person, relation: str, authority: bool = True) -> _Guardian:
        return _Guardian(person, relation, authority, self.guardian_email(person), self.phone())

    def staff_email(self, person: _Person, domain: str) -> str:
        initial = names.ascii_fold(person.given_name)[:1].lower()
        local = names.email_local_part(initial, person.infix, person.family_name)
        candidate, n = f"{local}@{domain}", 1
        while candidate in self.staff_emails:
            n += 1
            candidate = f"{local}{n}@{domain}"
        self.staff_emails.add(candidate)
        return candidate

    # -- families ------------------------------------------------------------------------------

    def new_family(self, avoid: set[FamilyName]) -> _Family:
        """A new family; ``avoid``: family names already in the group (less confusing demos)."""
        rng = self.rng
        bg = self.background()
        # A partner from another background now and then.
        partner_bg = bg if rng.random() < 0.88 else self.background()
        own = self.family_name(bg)
        for _ in range(10):
            if own not in avoid:
                break
            own = self.family_name(bg)
        guardians: list[_Guardian] = []
        child_name = own
        siblings_allowed = True
        kind = rng.random()
        if kind < 0.66:  # mother and father
            father_name = own
            mother_name = self.family_name(partner_bg) if rng.random() < 0.75 else own
            if rng.random() < 0.15:
                child_name = mother_name
            mother = self.adult(partner_bg, True, mother_name)
            father = self.adult(bg, False, father_name)
            father_authority = rng.random() >= 0.03
            pair = [
                self.guardian(mother, "mother"),
                self.guardian(father, "father", father_authority),
            ]
            guardians = pair if rng.random() < 0.7 else pair[::-1]
        elif kind < 0.74:  # two parents registered as "parent"
            female = rng.random() < 0.6
            other_name = self.family_name(partner_bg)
            first = self.adult(bg, female, own)
            second = self.adult(
                partner_bg, female if rng.random() < 0.8 else not female, other_name
            )
            guardians = [self.guardian(first, "parent"), self.guardian(second, "parent")]
        elif kind < 0.90:  # single parent
            roll = rng.random()
            relation = "mother" if roll < 0.6 else "father" if roll < 0.8 else "parent"
            female = relation == "mother" or (relation == "parent" and rng.random() < 0.5)
            parent = self.adult(bg, female, own)
            if female and rng.random() < 0.3:
                child_name = self.family_name(bg)  # child carries the absent father's name
            guardians = [self.guardian(parent, relation)]
        elif kind < 0.94:  # mother plus a grandparent without parental authority
            mother = self.adult(bg, True, own)
            grandparent_female = rng.random() < 0.6
            grandparent_name = self.family_name(bg) if grandparent_female else own
            grandparent = self.adult(bg, grandparent_female, grandparent_name)
            guardians = [
                self.guardian(mother, "mother"),
                self.guardian(grandparent, "other", False),
            ]
        elif kind < 0.97:  # a family member appointed as voogd
            voogd = self.adult(bg, rng.random() < 0.6, self.family_name(bg))
            guardians = [self.guardian(voogd, "guardian")]
        else:  # foster care: the foster parent has no parental authority
            foster_bg = self.background()
            foster = self.adult(foster_bg, rng.random() < 0.7, self.family_name(foster_bg))
            if rng.random() < 0.5:
                voogd_bg = self.background()
                voogd = self.adult(voogd_bg, rng.random() < 0.6, self.family_name(voogd_bg))
                other = self.guardian(voogd, "guardian")
            else:
                other = self.guardian(self.adult(bg, True, own), "mother")
            guardians = [self.guardian(foster, "foster_parent", False), other]
            siblings_allowed = False
        family = _Family(
            index=len(self.families),
            background=bg,
            child_name=child_name,
            guardians=guardians,
            siblings_allowed=siblings_allowed,
        )
        self.families.append(family)
        return family

    # -- students ------------------------------------------------------------------------------

    def date_of_birth(self, group: _GroupSpec) -> date:
        rng = self.rng
        age = rng.choice(group.ages)
        if group.grade >= 3 and rng.random() < _DOUBLEUR_RATE:
            age += 1
        latest = REFERENCE_DATE.replace(year=REFERENCE_DATE.year - age)
        earliest = REFERENCE_DATE.replace(year=REFERENCE_DATE.year - age - 1) + timedelta(days=1)
        start_of_year = date.fromisoformat(SCHOOL_YEAR_STARTS_ON)
        # Kleuters must be four when the school year starts.
        latest = min(latest, start_of_year.replace(year=start_of_year.year - 4) - timedelta(1))
        return earliest + timedelta(days=rng.randrange((latest - earliest).days + 1))

    def child_given_name(self, family: _Family) -> tuple[str, str | None]:
        rng = self.rng
        taken = {c.given_name for c in family.children}
        female = rng.random() < 0.5
        for _ in range(50):
            preferred: str | None = None
            if rng.random() < 0.03:
                options = [f for f in names.FORMAL_NAMES if (f[0] == "f") == female]
                _, given, preferred = rng.choice(options)
            else:
                bg = family.background
                if bg is not names.DUTCH and rng.random() < 0.25:
                    bg = names.DUTCH
                given = rng.choice(bg.girl_names if female else bg.boy_names)
            if given not in taken:
                return given, preferred
        raise RuntimeError("could not find an unused given name")  # pragma: no cover

    def pick_family(
        self, school: str, group: _GroupSpec, tuning: _SchoolTuning
    ) -> tuple[_Family, date]:
        rng = self.rng
        roll = rng.random()
        if roll < tuning.twin_rate:
            twins = [
                f
                for f in self.families
                if f.siblings_allowed
                and len(f.children) == 1
                and f.children[0].school == school
                and f.children[0].homeroom == group.name
            ]
            if twins:
                family = rng.choice(twins)
                return family, family.children[0].date_of_birth
        elif roll < tuning.twin_rate + tuning.sibling_rate + tuning.cross_school_rate:
            same_school = roll < tuning.twin_rate + tuning.sibling_rate
            candidates = [
                f
                for f in self.families
                if f.siblings_allowed
                and 0 < len(f.children) < 3
                and all(c.homeroom != group.name or c.school != school for c in f.children)
                and any(c.school == school for c in f.children) == same_school
            ]
            if candidates:
                family = rng.choice(candidates)
                for _ in range(20):
                    dob = self.date_of_birth(group)
                    if all(abs(dob - c.date_of_birth) >= _MIN_SIBLING_GAP for c in family.children):
                        return family, dob
        in_group = {
            f.child_name
            for f in self.families
            if any(c.school == school and c.homeroom == group.name for c in f.children)
        }
        return self.new_family(in_group), self.date_of_birth(group)

    # -- schools -------------------------------------------------------------------------------

    def staff_person(self, school: dict[str, str], spec: _StaffSpec) -> tuple[_Person, str]:
        key = (school["brin"], spec.external_id or "")
        if spec.external_id and key in self.shared_staff:
            return self.shared_staff[key]
        bg = self.background()
        person = self.adult(bg, self.rng.random() < 0.7, self.family_name(bg))
        result = (person, self.staff_email(person, _STAFF_EMAIL_DOMAINS[school["key"]]))
        if spec.external_id:
            self.shared_staff[key] = result
        return result

    def school(self, school: dict[str, str]) -> dict[str, Any]:
        key = school["key"]
        groups = _GROUPS[key]
        tuning = _TUNING[key]
        rng = self.rng

        group_records = [
            {
                "external_id": _group_id(key, g.name),
                "name": g.name,
                "school_year": SCHOOL_YEAR,
                "kind": g.kind,
                "grade": g.grade,
                "track": g.track,
                "subject": g.subject,
                "modified_at": MODIFIED_AT,
            }
            for g in groups
        ]

        students: list[dict[str, Any]] = []
        enrolments: list[dict[str, Any]] = []
        school_families: list[_Family] = []
        for group in groups:
            if group.kind != "homeroom":
                continue
            for _ in range(group.size):
                family, dob = self.pick_family(key, group, tuning)
                given, preferred = self.child_given_name(family)
                external_id = f"ll-{key}-{len(students) + 1:04d}"
                family.children.append(_Child(key, group.name, given, dob, external_id))
                if key not in family.guardian_ids:
                    family.guardian_ids[key] = []
                    school_families.append(family)
                students.append(
                    {
                        "external_id": external_id,
                        "given_name": given,
                        "infix": _infix(family.child_name[0]),
                        "family_name": family.child_name[1],
                        "preferred_name": preferred,
                        "date_of_birth": _iso(dob),
                        "eck_id": None,
                        "modified_at": MODIFIED_AT,
                    }
                )
                member_of = [group.name] + [
                    g.name
                    for g in groups
                    if g.kind == "teaching_group" and g.homeroom == group.name
                ]
                enrolments.extend(
                    {
                        "student_external_id": external_id,
                        "group_external_id": _group_id(key, name),
                        "start_date": SCHOOL_YEAR_STARTS_ON,
                        "end_date": None,
                    }
                    for name in member_of
                )

        for index in sorted(rng.sample(range(len(students)), round(len(students) * _ECK_ID_SHARE))):
            students[index]["eck_id"] = _eck_id(students[index]["external_id"])

        guardians: list[dict[str, Any]] = []
        for family in school_families:
            children = [c for c in family.children if c.school == key]
            for g in family.guardians:
                guardian_id = f"ou-{key}-{len(guardians) + 1:04d}"
                family.guardian_ids[key].append(guardian_id)
                guardians.append(
                    {
                        "external_id": guardian_id,
                        "given_name": g.person.given_name,
                        "infix": g.person.infix,
                        "family_name": g.person.family_name,
                        "email": g.email,
                        "phone": g.phone,
                        "modified_at": MODIFIED_AT,
                        "students": [
                            {
                                "student_external_id": c.external_id,
                                "relation": g.relation,
                                "parental_authority": g.parental_authority,
                            }
                            for c in children
                        ],
                    }
                )

        staff: list[dict[str, Any]] = []
        assignments: list[dict[str, Any]] = []
        generated = 0
        for spec in _STAFF[key]:
            if spec.external_id is None:
                generated += 1
                staff_id = f"mw-{key}-{generated:03d}"
            else:
                staff_id = spec.external_id
            person, email = self.staff_person(school, spec)
            staff.append(
                {
                    "external_id": staff_id,
                    "given_name": person.given_name,
                    "infix": person.infix,
                    "family_name": person.family_name,
                    "email": email,
                    "modified_at": MODIFIED_AT,
                }
            )
            assignments.extend(
                {
                    "staff_external_id": staff_id,
                    "group_external_id": _group_id(key, a.group),
                    "role": a.role,
                    "subject": a.subject,
                }
                for a in spec.assignments
            )

        return {
            "source": school["source"],
            "mode": "full",
            "students": students,
            "guardians": guardians,
            "groups": group_records,
            "staff": staff,
            "enrolments": enrolments,
            "assignments": assignments,
        }


@functools.lru_cache(maxsize=1)
def _generated() -> dict[str, dict[str, Any]]:
    generator = _Generator()
    return {school["key"]: generator.school(school) for school in _SCHOOLS}


# --------------------------------------------------------------------------------------------
# Demo accounts (dev IdP)
# --------------------------------------------------------------------------------------------


def demo_accounts() -> list[dict[str, Any]]:
    """The dev IdP's accounts (``[]`` when ``accounts.json`` does not exist)."""
    if not ACCOUNTS_FILE.is_file():
        return []
    data = json.loads(ACCOUNTS_FILE.read_text(encoding="utf-8"))
    if isinstance(data, dict):
        data = data.get("accounts", [])
    if not isinstance(data, list):
        raise ValueError(f"{ACCOUNTS_FILE}: expected a list of accounts")
    return [a for a in data if isinstance(a, dict)]


def _memberships(account: dict[str, Any]) -> list[dict[str, Any]]:
    found = account.get("memberships")
    return [m for m in found if isinstance(m, dict)] if isinstance(found, list) else []


def demo_staff_by_school(accounts: list[dict[str, Any]]) -> dict[str, dict[str, dict[str, Any]]]:
    """``{school key: {staff_external_id: account}}`` for every account membership."""
    result: dict[str, dict[str, dict[str, Any]]] = {}
    for account in accounts:
        for membership in _memberships(account):
            staff_id = membership.get("staff_external_id")
            school = resolve_school_key(membership.get("school"))
            if isinstance(staff_id, str) and staff_id and school is not None:
                result.setdefault(school, {}).setdefault(staff_id, account)
    return result


def _apply_accounts(key: str, payload: dict[str, Any], accounts: list[dict[str, Any]]) -> None:
    by_id = demo_staff_by_school(accounts).get(key, {})
    if not by_id:
        return
    staff: list[dict[str, Any]] = payload["staff"]
    records = {s["external_id"]: s for s in staff}
    for staff_id, account in by_id.items():
        record = records.get(staff_id)
        if record is None:  # an account for a staff member the generator does not know
            record = {
                "external_id": staff_id,
                "given_name": "Demo",
                "infix": None,
                "family_name": staff_id,
                "email": None,
                "modified_at": MODIFIED_AT,
            }
            staff.append(record)
            records[staff_id] = record
        full_name = account.get("name")
        parts = names.split_full_name(full_name) if isinstance(full_name, str) else None
        if parts is not None:
            record["given_name"], record["infix"], record["family_name"] = parts
        email = account.get("email")
        if isinstance(email, str) and email:
            record["email"] = email
    # Generated colleagues must not share an e-mail address with a demo account.
    reserved = {records[i]["email"] for i in by_id if records[i]["email"]}
    taken = {s["email"] for s in staff if s["email"]}
    for record in staff:
        if record["external_id"] in by_id or record["email"] not in reserved:
            continue
        local, _, domain = str(record["email"]).partition("@")
        n = 2
        while f"{local}{n}@{domain}" in taken:
            n += 1
        record["email"] = f"{local}{n}@{domain}"
        taken.add(record["email"])


def roster_payload(school_key: str) -> dict[str, Any]:
    """The body of the LVS roster sync endpoint (``mode: "full"``) for one demo school."""
    payloads = _generated()
    if school_key not in payloads:
        raise KeyError(f"unknown demo school {school_key!r}; expected one of {list(payloads)}")
    payload = copy.deepcopy(payloads[school_key])
    _apply_accounts(school_key, payload, demo_accounts())
    return payload
