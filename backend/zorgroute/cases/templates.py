"""The route templates a school starts from (and adapts): the VO route of the seed with IZO and
ZAT (T1-T20, care-route.md §2.4), the PO 1-zorgroute, and the six-phase multidisciplinary
schema for complex cases of (highly) gifted students (gifted-education.md §1.19, §4.3).

T1/T2 (signalling, scaling down) are the HGW cycle's signals and plan evaluation, before a case
exists; the group meeting's decisions open a case with T3 (bilateral), T4 (IZO) or T12
(directly to the ZAT, if the school allows it)."""

from __future__ import annotations

from typing import Any

CARE_LEAD = ["zorgcoordinator", "intern_begeleider"]
REGISTRANTS = ["mentor_of_student", "team_leader", "zorgcoordinator", "intern_begeleider"]
IZO_SUBMIT = [
    "help_question", "guidance_question", "strengths", "registration:izo",
    "student_conversation:izo", "parents_informed:izo",
]  # fmt: skip
ZAT_SUBMIT = [
    "help_question", "guidance_question", "strengths", "registration:zat",
    "consent:register_zat", "student_conversation:zat", "parent_conversation:zat",
]  # fmt: skip
CLOSE = ["final_evaluation"]


def _s(
    key: str,
    name: str,
    level: str,
    *,
    forum: str | None = None,
    registration: str | None = None,
    closed: bool = False,
) -> dict[str, Any]:
    state: dict[str, Any] = {"key": key, "name": name, "level": level}
    if forum:
        state["forum"] = forum
    if registration:
        state["registration"] = registration
    if closed:
        state["closed"] = True
    return state


def _t(
    key: str,
    action: str,
    label: str,
    frm: list[str],
    to: str | None,
    roles: list[str],
    guards: list[str] | None = None,
) -> dict[str, Any]:
    return {"key": key, "action": action, "label": label, "from": frm, "to": to,
            "roles": roles, "guards": guards or []}  # fmt: skip


# The tables below are kept one state or step per line or two, as a table reads.
# fmt: off
VO_IZO_ZAT: dict[str, Any] = {
    "name": "Zorgroute VO: intern zorgoverleg en ZAT",
    "description": (
        "De onderwijszorgroute van de handreiking: eerste lijn in de klas, tweede lijn in het "
        "intern zorgoverleg (IZO), derde lijn in het zorg- en adviesteam (ZAT) en het "
        "samenwerkingsverband."
    ),
    "levels": [
        {"key": "l1", "name": "Eerste lijn: mentor en docenten"},
        {"key": "l2", "name": "Tweede lijn: intern zorgteam"},
        {"key": "l3", "name": "Derde lijn: ZAT en samenwerkingsverband"},
    ],
    "forums": [
        {"key": "bilateral", "name": "Bilateraal overleg"},
        {"key": "izo", "name": "Intern zorgoverleg", "meeting": "izo"},
        {"key": "zat", "name": "Zorg- en adviesteam", "meeting": "zat"},
        {"key": "swv", "name": "Samenwerkingsverband"},
    ],
    "states": [
        _s("bilateral", "Bilateraal overleg", "l1", forum="bilateral"),
        _s("kickoff", "Startgesprek (verkorte aanmelding)", "l2", forum="izo"),
        _s("izo_draft", "Aanmelding IZO in voorbereiding", "l2", forum="izo", registration="izo"),
        _s("izo_submitted", "Aangemeld bij IZO", "l2", forum="izo", registration="izo"),
        _s("izo_info_requested", "Aanvulling gevraagd", "l2", forum="izo", registration="izo"),
        _s("izo_first_line", "Eerst acties in de eerste lijn", "l2", forum="izo",
           registration="izo"),
        _s("izo_scheduled", "Geagendeerd in IZO", "l2", forum="izo"),
        _s("izo_active", "Begeleiding vanuit IZO", "l2", forum="izo"),
        _s("izo_evaluation", "Evaluatie in IZO", "l2", forum="izo"),
        _s("zat_draft", "Aanmelding ZAT in voorbereiding", "l3", forum="zat", registration="zat"),
        _s("zat_submitted", "Aangemeld bij ZAT", "l3", forum="zat", registration="zat"),
        _s("zat_scheduled", "Geagendeerd in ZAT", "l3", forum="zat"),
        _s("zat_active", "Plan van aanpak ZAT", "l3", forum="zat"),
        _s("zat_evaluation", "Evaluatie in ZAT", "l3", forum="zat"),
        _s("swv_arrangement", "Arrangement samenwerkingsverband", "l3", forum="swv"),
        _s("closed", "Afgesloten", "l1", closed=True),
    ],
    "transitions": [
        _t("T3", "open_bilateral", "Bilateraal overleg plannen", [], "bilateral", REGISTRANTS,
           ["reason"]),
        _t("T4", "open_izo", "Aanmelden bij het intern zorgteam", [], "izo_draft", REGISTRANTS),
        _t("T4k", "open_shortened", "Verkorte aanmelding: startgesprek", [], "kickoff",
           [*REGISTRANTS, "orthopedagoog", "school_social_worker"]),
        _t("T12", "open_direct_zat", "Direct aanmelden bij het ZAT", [], "zat_draft",
           ["mentor_of_student", "team_leader", "zorgcoordinator"], ["direct_zat_allowed"]),
        _t("T3i", "register_izo", "Toch aanmelden bij het IZO", ["bilateral"], "izo_draft",
           REGISTRANTS),
        _t("T4s", "agree_kickoff", "Afspraken startgesprek vastleggen", ["kickoff"], "izo_active",
           [*CARE_LEAD, "orthopedagoog", "school_social_worker"],
           ["help_question", "guidance_question", "kickoff_recorded", "evaluation_date"]),
        _t("T5", "submit", "Aanmelding indienen bij de zorgcoördinator", ["izo_draft"],
           "izo_submitted", REGISTRANTS, IZO_SUBMIT),
        _t("T6", "screen_request_info", "Aanvulling vragen aan de aanmelder", ["izo_submitted"],
           "izo_info_requested", CARE_LEAD),
        _t("T6r", "resubmit", "Aangevulde aanmelding indienen", ["izo_info_requested"],
           "izo_submitted", REGISTRANTS, IZO_SUBMIT),
        _t("T7", "screen_first_line", "Eerst acties in de eerste lijn voorstellen",
           ["izo_submitted"], "izo_first_line", CARE_LEAD),
        _t("T7r", "resubmit_after_actions", "Opnieuw indienen na de acties", ["izo_first_line"],
           "izo_submitted", REGISTRANTS, IZO_SUBMIT),
        _t("T8", "screen_accept", "Aanmelding accepteren en agenderen", ["izo_submitted"],
           "izo_scheduled", CARE_LEAD, ["screening_passed:izo"]),
        _t("T9", "discuss", "Bespreking in het IZO vastleggen", ["izo_scheduled"], "izo_active",
           CARE_LEAD, ["discussion_recorded", "evaluation_date"]),
        _t("T10", "evaluate", "Evalueren in het IZO", ["izo_active"], "izo_evaluation", CARE_LEAD),
        _t("T10c", "continue", "Begeleiding voortzetten", ["izo_evaluation"], "izo_active",
           CARE_LEAD, ["discussion_recorded", "evaluation_date"]),
        _t("T11", "register_zat", "Aanmelden bij het ZAT", ["izo_active", "izo_evaluation"],
           "zat_draft", CARE_LEAD, ["zat_question"]),
        _t("T13", "submit_zat", "Aanmelding ZAT indienen", ["zat_draft"], "zat_submitted",
           [*CARE_LEAD, "team_leader"], ZAT_SUBMIT),
        _t("T14", "screen_accept", "Aanmelding ZAT accepteren en agenderen", ["zat_submitted"],
           "zat_scheduled", CARE_LEAD, ["screening_passed:zat"]),
        _t("T14r", "screen_request_info", "Aanmelding ZAT terug voor aanvulling", ["zat_submitted"],
           "zat_draft", CARE_LEAD),
        _t("T15", "discuss", "Plan van aanpak ZAT vastleggen", ["zat_scheduled"], "zat_active",
           CARE_LEAD, ["discussion_recorded", "action_plan", "case_coordinator_if_complex"]),
        _t("T16", "evaluate", "Evalueren in het ZAT", ["zat_active"], "zat_evaluation", CARE_LEAD),
        _t("T16c", "continue", "Plan van aanpak bijstellen en voortzetten", ["zat_evaluation"],
           "zat_active", CARE_LEAD, ["discussion_recorded", "action_plan"]),
        _t("T17", "refer_external", "Doorverwijzen naar externe zorg", ["zat_active"], None,
           CARE_LEAD, ["parents_consulted"]),
        _t("T18", "request_swv", "Arrangement aanvragen bij het samenwerkingsverband",
           ["izo_active", "zat_active"], "swv_arrangement", CARE_LEAD,
           ["swv_request", "parents_consulted", "consent:share_swv"]),
        _t("T19", "arrangement_ended", "Arrangement afgerond: evalueren in het ZAT",
           ["swv_arrangement"], "zat_evaluation", CARE_LEAD),
        _t("T20", "involve_leerplicht", "Leerplichtambtenaar inschakelen (verzuim)", ["*"], None,
           [*CARE_LEAD, "team_leader"]),
        _t("C1", "close", "Afsluiten",
           ["bilateral", "izo_first_line", "izo_evaluation", "zat_evaluation"], "closed",
           [*CARE_LEAD, "team_leader"], CLOSE),
        _t("C2", "reopen", "Heropenen", ["closed"], "izo_active", CARE_LEAD,
           ["provisional_closure", "evaluation_date"]),
    ],
}

PO_1_ZORGROUTE: dict[str, Any] = {
    "name": "1-zorgroute PO",
    "description": (
        "Groepsbespreking, leerlingbespreking met de intern begeleider, ondersteuningsteam (OT) "
        "en het samenwerkingsverband."
    ),
    "levels": [
        {"key": "l1", "name": "Groep: leerkracht"},
        {"key": "l2", "name": "School: intern begeleider"},
        {"key": "l3", "name": "Ondersteuningsteam en samenwerkingsverband"},
    ],
    "forums": [
        {"key": "lb", "name": "Leerlingbespreking", "meeting": "leerlingbespreking"},
        {"key": "ot", "name": "Ondersteuningsteam", "meeting": "ondersteuningsteam"},
        {"key": "swv", "name": "Samenwerkingsverband"},
    ],
    "states": [
        _s("lb_draft", "Aanmelding leerlingbespreking", "l2", forum="lb", registration="izo"),
        _s("lb_submitted", "Aangemeld bij de IB'er", "l2", forum="lb", registration="izo"),
        _s("lb_scheduled", "Geagendeerd in leerlingbespreking", "l2", forum="lb"),
        _s("lb_active", "Afspraken leerlingbespreking", "l2", forum="lb"),
        _s("lb_evaluation", "Evaluatie leerlingbespreking", "l2", forum="lb"),
        _s("ot_draft", "Aanmelding ondersteuningsteam", "l3", forum="ot", registration="zat"),
        _s("ot_submitted", "Aangemeld bij het OT", "l3", forum="ot", registration="zat"),
        _s("ot_scheduled", "Geagendeerd in het OT", "l3", forum="ot"),
        _s("ot_active", "Plan van aanpak OT", "l3", forum="ot"),
        _s("ot_evaluation", "Evaluatie in het OT", "l3", forum="ot"),
        _s("swv_arrangement", "Arrangement samenwerkingsverband", "l3", forum="swv"),
        _s("closed", "Afgesloten", "l1", closed=True),
    ],
    "transitions": [
        _t("P1", "open_leerlingbespreking", "Aanmelden voor de leerlingbespreking", [], "lb_draft",
           ["mentor_of_student", "teacher_of_student", "intern_begeleider"]),
        _t("P2", "submit", "Aanmelding indienen bij de IB'er", ["lb_draft"], "lb_submitted",
           ["mentor_of_student", "teacher_of_student", "intern_begeleider"],
           ["help_question", "guidance_question", "strengths", "registration:izo",
            "parents_informed:izo"]),
        _t("P3", "screen_accept", "Agenderen voor de leerlingbespreking", ["lb_submitted"],
           "lb_scheduled", ["intern_begeleider"], ["screening_passed:izo"]),
        _t("P3r", "screen_request_info", "Terug voor aanvulling", ["lb_submitted"], "lb_draft",
           ["intern_begeleider"]),
        _t("P4", "discuss", "Afspraken leerlingbespreking vastleggen", ["lb_scheduled"],
           "lb_active", ["intern_begeleider"], ["discussion_recorded", "evaluation_date"]),
        _t("P5", "evaluate", "Evalueren", ["lb_active"], "lb_evaluation", ["intern_begeleider"]),
        _t("P5c", "continue", "Afspraken voortzetten", ["lb_evaluation"], "lb_active",
           ["intern_begeleider"], ["discussion_recorded", "evaluation_date"]),
        _t("P6", "register_ot", "Aanmelden bij het ondersteuningsteam",
           ["lb_active", "lb_evaluation"], "ot_draft", ["intern_begeleider"], ["zat_question"]),
        _t("P7", "submit_ot", "Aanmelding OT indienen", ["ot_draft"], "ot_submitted",
           ["intern_begeleider"], ZAT_SUBMIT),
        _t("P8", "screen_accept", "Agenderen in het OT", ["ot_submitted"], "ot_scheduled",
           ["intern_begeleider"], ["screening_passed:zat"]),
        _t("P8r", "screen_request_info", "Terug voor aanvulling", ["ot_submitted"], "ot_draft",
           ["intern_begeleider"]),
        _t("P9", "discuss", "Plan van aanpak OT vastleggen", ["ot_scheduled"], "ot_active",
           ["intern_begeleider"],
           ["discussion_recorded", "action_plan", "case_coordinator_if_complex"]),
        _t("P10", "evaluate", "Evalueren in het OT", ["ot_active"], "ot_evaluation",
           ["intern_begeleider"]),
        _t("P10c", "continue", "Plan bijstellen en voortzetten", ["ot_evaluation"], "ot_active",
           ["intern_begeleider"], ["discussion_recorded", "action_plan"]),
        _t("P11", "refer_external", "Doorverwijzen naar externe zorg", ["ot_active"], None,
           ["intern_begeleider"], ["parents_consulted"]),
        _t("P12", "request_swv", "Arrangement aanvragen bij het samenwerkingsverband",
           ["ot_active"], "swv_arrangement", ["intern_begeleider", "school_leader"],
           ["swv_request", "parents_consulted", "consent:share_swv"]),
        _t("P13", "arrangement_ended", "Arrangement afgerond: evalueren", ["swv_arrangement"],
           "ot_evaluation", ["intern_begeleider"]),
        _t("P14", "involve_leerplicht", "Leerplichtambtenaar inschakelen", ["*"], None,
           ["intern_begeleider", "school_leader"]),
        _t("C1", "close", "Afsluiten", ["lb_evaluation", "ot_evaluation"], "closed",
           ["intern_begeleider"], CLOSE),
        _t("C2", "reopen", "Heropenen", ["closed"], "lb_active", ["intern_begeleider"],
           ["provisional_closure", "evaluation_date"]),
    ],
}

GIFTED_MDO: dict[str, Any] = {
    "name": "Multidisciplinaire casus (hoog)begaafdheid",
    "description": (
        "Het fasenschema voor complexe casussen van (hoog)begaafde en dubbel bijzondere "
        "leerlingen: signalering, interne opschaling, analyse en advies, netwerkinschakeling, "
        "interventie, borging en nazorg. Een casusregisseur is verplicht."
    ),
    "levels": [
        {"key": "school", "name": "School"},
        {"key": "network", "name": "Netwerk"},
    ],
    "forums": [
        {"key": "mdo", "name": "Multidisciplinair overleg", "meeting": "mdo"},
    ],
    "states": [
        _s("signalering", "Signalering", "school"),
        _s("interne_opschaling", "Interne opschaling", "school", forum="mdo"),
        _s("analyse_advies", "Analyse en advies", "school", forum="mdo"),
        _s("netwerkinschakeling", "Netwerkinschakeling", "network", forum="mdo"),
        _s("interventie", "Interventie", "network", forum="mdo"),
        _s("borging_nazorg", "Borging en nazorg", "school"),
        _s("closed", "Afgesloten", "school", closed=True),
    ],
    "transitions": [
        _t("G1", "open_signal", "Signaal vastleggen", [], "signalering",
           ["mentor_of_student", "teacher_of_student", "hb_specialist", "hb_coordinator",
            *CARE_LEAD]),
        _t("G2", "escalate", "Intern opschalen naar de HB-coördinator", ["signalering"],
           "interne_opschaling",
           ["mentor_of_student", "hb_specialist", "hb_coordinator", *CARE_LEAD],
           ["help_question", "strengths"]),
        _t("G3", "analyse", "Multidisciplinaire analyse starten", ["interne_opschaling"],
           "analyse_advies", ["hb_coordinator", "hb_specialist", *CARE_LEAD],
           ["case_coordinator", "parents_consulted"]),
        _t("G4", "involve_network", "Netwerkpartners inschakelen", ["analyse_advies"],
           "netwerkinschakeling", ["coordinator", "hb_coordinator", *CARE_LEAD],
           ["consent:share_external", "discussion_recorded"]),
        _t("G5", "start_intervention", "Interventie starten",
           ["analyse_advies", "netwerkinschakeling"], "interventie",
           ["coordinator", "hb_coordinator", *CARE_LEAD], ["discussion_recorded", "action_plan"]),
        _t("G6", "secure", "Borgen en nazorg afspreken", ["interventie"], "borging_nazorg",
           ["coordinator", "hb_coordinator", *CARE_LEAD], ["evaluation_date"]),
        _t("G7", "back_to_analysis", "Terug naar analyse", ["interventie", "borging_nazorg"],
           "analyse_advies", ["coordinator", "hb_coordinator", *CARE_LEAD], ["reason"]),
        _t("C1", "close", "Afsluiten", ["signalering", "borging_nazorg"], "closed",
           ["coordinator", "hb_coordinator", *CARE_LEAD], CLOSE),
        _t("C2", "reopen", "Heropenen", ["closed"], "borging_nazorg",
           ["coordinator", "hb_coordinator", *CARE_LEAD],
           ["provisional_closure", "evaluation_date"]),
    ],
}

# fmt: on

TEMPLATES: dict[str, dict[str, Any]] = {
    "vo-izo-zat": VO_IZO_ZAT,
    "po-1-zorgroute": PO_1_ZORGROUTE,
    "hb-multidisciplinair": GIFTED_MDO,
}
