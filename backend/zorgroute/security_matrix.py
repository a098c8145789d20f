"""The permission matrix of docs/security.md, generated from the policy constants themselves.

Nothing here restates a role list: every cell is computed from the sets and functions the
policies decide with, so the document cannot drift from the code (`security-matrix --check`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from zorgroute.cases import policies as case_policies
from zorgroute.core.security import roles
from zorgroute.gifted import policies as gifted_policies
from zorgroute.hgw import policies as hgw_policies
from zorgroute.identity.models import STAFF_ROLES
from zorgroute.notes import policies as note_policies
from zorgroute.notes.models import NOTE_CATEGORIES
from zorgroute.privacy import policies as privacy_policies

START = "<!-- permission-matrix:start -->"
END = "<!-- permission-matrix:end -->"
YES, NO = "✓", "-"

# Rows: every staff role a school membership can carry, then the LVS integration (a system).
ROLE_ROWS: tuple[str, ...] = (*STAFF_ROLES, roles.INTEGRATION)


def _notes(role: str) -> str:
    found = note_policies.categories_for(frozenset({role}))
    return ", ".join(found) if found else NO


def _in(allowed: frozenset[str]) -> Callable[[str], str]:
    return lambda role: YES if role in allowed else NO


# (column heading, cell for a role). A role alone; relationships are the second table.
CAPABILITIES: tuple[tuple[str, Callable[[str], str]], ...] = (
    ("Read every student of the school", _in(frozenset(roles.SCHOOL_WIDE_READ))),
    ("Correct roster details", _in(roles.ROSTER_EDIT)),
    ("Note categories read/written school-wide", _notes),
    ("Record / withdraw consents", _in(privacy_policies.CONSENT_WRITE)),
    ("Read consents", _in(frozenset(privacy_policies.CONSENT_READ))),
    ("Disclose (share data)", _in(privacy_policies.DISCLOSE)),
    ("Read disclosures", _in(frozenset(privacy_policies.DISCLOSURE_READ))),
    ("Grant / revoke external access", _in(privacy_policies.GRANT_ACCESS)),
    ("Read audit trail", _in(privacy_policies.AUDIT_READ)),
    ("Export (inzage)", _in(privacy_policies.EXPORT)),
    ("Retention terms / legal holds", _in(privacy_policies.RETENTION_MANAGE)),
)


# The HGW cycle: a role alone (school-wide); the group relationships are in the rows below.
HGW_CAPABILITIES: tuple[tuple[str, Callable[[str], str]], ...] = (
    ("Read overviews, meetings, active plans", _in(hgw_policies.READ)),
    ("Rows, signals, needs, results", _in(hgw_policies.CONTRIBUTE)),
    ("Start overview, write plan, run meeting", _in(hgw_policies.LEAD)),
    ("Particulars, home-situation signals", _in(hgw_policies.RESTRICTED)),
    ("HGW settings, cycle periods", _in(hgw_policies.SETTINGS_EDIT)),
    ("Read OPP", _in(hgw_policies.OPP_READ)),
    ("Write OPP", _in(hgw_policies.OPP_WRITE)),
)
HGW_RELATIONSHIPS: tuple[list[str], ...] = (
    ["Mentor of the group (cycle A)", YES, YES, YES, YES, NO, YES, YES],
    ["Teacher of the group's students", YES, YES, "cycle B of their subject", NO, NO, NO, NO],
    ["External partner with an access grant", "needs, timeline", NO, NO, YES, NO, YES, NO],
)

# Case routing (zorgtrajecten): a role alone; who may take which route step is the route's own
# transition table (roles and relations), shown on the case page.
CASE_CAPABILITIES: tuple[tuple[str, Callable[[str], str]], ...] = (
    ("Every case of the school: board, cases, meetings", _in(case_policies.WORK)),
    ("Adapt the school's routes", _in(case_policies.ROUTE_ADMIN)),
    ("Give an external partner a case grant", _in(case_policies.GRANT)),
)
CASE_RELATIONSHIPS: tuple[list[str], ...] = (
    ["Mentor of the student", "read and edit the case file, registrations, conversations", YES],
    [
        "Teacher of the student",
        "read questions, decisions, actions (no registration, no restricted fields)",
        NO,
    ],
    ["Coordinator (casusregie) or registrant of the case", "read and edit that case", NO],
    ["External partner with a case grant", "read that case, report on own action items", NO],
    ["Member of a care meeting", "the meeting; the case pack only for cases they may read", NO],
)

# Gifted education: a role alone; relationships below. The committee of an offering is a list
# of staff members of the offering's school, whatever their role.
GIFTED_CAPABILITIES: tuple[tuple[str, Callable[[str], str]], ...] = (
    ("Instruments, applications, guidance of every student", _in(gifted_policies.WORK)),
    ("Read them", _in(gifted_policies.READ)),
    ("Submit an application", _in(gifted_policies.SUBMIT)),
    ("Edit the offerings catalogue", _in(gifted_policies.OFFERING_EDIT)),
    ("Keuze-uren policy", _in(gifted_policies.POLICY_EDIT)),
    ("Dubbel bijzonder (restricted)", _in(gifted_policies.TWICE_EXCEPTIONAL)),
)
GIFTED_RELATIONSHIPS: tuple[list[str], ...] = (
    ["Mentor of the student", YES, YES, NO, NO, NO, YES],
    ["Teacher of the student", YES, YES, NO, NO, NO, NO],
    [
        "Committee member of an offering",
        "decide, order the waitlist",
        "that offering's applications (the application's snapshot only)",
        NO,
        NO,
        NO,
        NO,
    ],
    ["External partner", NO, NO, NO, NO, NO, NO],
)


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _relationship_rows() -> list[list[str]]:
    all_notes = ", ".join(NOTE_CATEGORIES)
    # Mentors may record/withdraw and read consents of their students (mentor_too=True in
    # privacy.service); the other privacy capabilities have no relationship rule.
    mentor_consents = "read, record, withdraw"
    return [
        [
            "Mentor of one of the student's groups",
            YES,
            ", ".join(note_policies.MENTOR_CATEGORIES),
            mentor_consents,
            NO,
        ],
        [
            "Teacher of one of the student's groups",
            YES,
            ", ".join(note_policies.TEACHER_CATEGORIES) + " (of their own subject, or none)",
            NO,
            NO,
        ],
        [
            "External partner with an active access grant",
            YES + " (read-only)",
            all_notes + " (read-only)",
            NO,
            NO,
        ],
    ]


def render_matrix() -> str:
    """The Markdown that goes between the permission-matrix markers of docs/security.md."""
    lines = [
        "_Generated by `python -m zorgroute security-matrix` from the policy constants; do not "
        "edit by hand._",
        "",
        "### Roles at the student's school",
        "",
    ]
    lines += _table(
        ["Role", *(name for name, _ in CAPABILITIES)],
        [[f"`{role}`", *(cell(role) for _, cell in CAPABILITIES)] for role in ROLE_ROWS],
    )
    lines += [
        "",
        "`integration` is the LVS client (a system): it also needs the `roster:read` / "
        "`roster:write` scope and never reads notes or privacy records.",
        "",
        "### Relationships (on top of the role)",
        "",
    ]
    lines += _table(
        ["Relationship", "Read the student", "Note categories", "Consents", "Other privacy"],
        _relationship_rows(),
    )
    lines += ["", "### The HGW cycle (groepsoverzicht, groepsplan, groepsbespreking, OPP)", ""]
    lines += _table(
        ["Role", *(name for name, _ in HGW_CAPABILITIES)],
        [[f"`{role}`", *(cell(role) for _, cell in HGW_CAPABILITIES)] for role in ROLE_ROWS],
    )
    lines += ["", "Relationships on top of the role:", ""]
    lines += _table(
        ["Relationship", *(name for name, _ in HGW_CAPABILITIES)], list(HGW_RELATIONSHIPS)
    )
    lines += [
        "",
        "A draft group plan is the author's: teachers of the group see it once it is active.",
    ]
    lines += ["", "### Case routing (zorgtraject, IZO, ZAT, SWV)", ""]
    lines += _table(
        ["Role", *(name for name, _ in CASE_CAPABILITIES)],
        [[f"`{role}`", *(cell(role) for _, cell in CASE_CAPABILITIES)] for role in ROLE_ROWS],
    )
    lines += ["", "Relationships on top of the role:", ""]
    lines += _table(
        ["Relationship", "Cases", "Open a registration from the group meeting"],
        list(CASE_RELATIONSHIPS),
    )
    lines += [
        "",
        "Which route step a role may take is the route's transition table (`roles`: school "
        "roles and the relations `mentor_of_student`, `teacher_of_student`, `coordinator`, "
        "`registrant`), enforced by the service for REST, GraphQL and jobs alike.",
    ]
    lines += ["", "### Gifted education (observation, aanbod, toelating, deelname, keuze-uren)", ""]
    lines += _table(
        ["Role", *(name for name, _ in GIFTED_CAPABILITIES)],
        [[f"`{role}`", *(cell(role) for _, cell in GIFTED_CAPABILITIES)] for role in ROLE_ROWS],
    )
    lines += ["", "Relationships on top of the role:", ""]
    lines += _table(
        ["Relationship", *(name for name, _ in GIFTED_CAPABILITIES)], list(GIFTED_RELATIONSHIPS)
    )
    lines += [
        "",
        "Every staff member reads the school's offerings and the regional (bovenschoolse) "
        "offerings of its SWV. Applications and enrolments for a regional offering are visible "
        "to both schools (row-level security on `school_id` or `offering_school_id`); the "
        "offering's school sees what the application carries, never origin or sex. Keuze-uren: "
        "the subject teacher acknowledges requests for their own lessons and marks attendance; "
        "the HB-specialist or the mentor checks.",
    ]
    lines += [
        "",
        "Another school's records are a 404 for every role. Within the school, a student you "
        "may not see is a 404; an action on a student you may see but may not perform is a 403.",
    ]
    return "\n".join(lines) + "\n"


def splice(document: str, section: str) -> str:
    """The document with the text between the markers replaced by `section`."""
    head, sep, rest = document.partition(START)
    if not sep or END not in rest:
        raise ValueError(f"The document needs the markers {START} and {END}.")
    tail = rest.split(END, 1)[1]
    return f"{head}{START}\n{section}{END}{tail}"


def update_document(path: Path, check: bool) -> int:
    """Write the matrix into `path`; with check, only report drift (exit status 1)."""
    current = path.read_text() if path.exists() else ""
    wanted = splice(current, render_matrix())
    if check:
        if wanted != current:
            print(
                f"{path.name}: stale permission matrix; run `python -m zorgroute security-matrix`"
            )
            return 1
        return 0
    path.write_text(wanted)
    return 0
