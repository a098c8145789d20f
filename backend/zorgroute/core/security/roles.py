"""Role groups shared by the domain policies. Roles are per school membership (our database);
relationships (mentor of a group, teacher of a subject, an access grant) come on top of them."""

from __future__ import annotations

# Intern begeleider, zorgcoördinator and the care-team members (IZO / ondersteuningsteam).
CARE = frozenset(
    {
        "intern_begeleider",
        "zorgcoordinator",
        "orthopedagoog",
        "remedial_teacher",
        "school_social_worker",
    }
)
GIFTED = frozenset({"hb_specialist", "hb_coordinator"})
LEADERSHIP = frozenset({"team_leader", "school_leader"})
# Mentors and teachers see the students of the groups they are assigned to.
GROUP_BOUND = frozenset({"teacher", "mentor"})
PRIVACY_OFFICER = "privacy_officer"
# External partners (ZAT, jeugdarts, SWV consultant) see only students they hold a grant for.
EXTERNAL = "external_partner"
INTEGRATION = "integration"

# Who sees every student's basic details (name, date of birth, guardians, enrolments) at their
# school. The privacy officer needs them to find a student for an inzage request.
SCHOOL_WIDE_READ = CARE | GIFTED | LEADERSHIP | {PRIVACY_OFFICER, INTEGRATION}
# Who may correct roster details by hand (the LVS stays the usual source).
ROSTER_EDIT = frozenset({"intern_begeleider", "zorgcoordinator", *LEADERSHIP, INTEGRATION})
