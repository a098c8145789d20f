"""The inzage export as a readable Dutch PDF (fpdf2).

Fonts: the PDF uses the built-in Helvetica with the Windows-1252 (WinAnsi) encoding, so it
needs no font file on the machine or in the container image and renders the same everywhere.
WinAnsi covers Dutch and most West-European letters (ë, ï, é, ç, ñ, ß, Œ, Š, Ž) and the
typographic dashes and quotes. Any other character is transliterated before it reaches fpdf:
its NFKD decomposition without combining marks ("Zając" → "Zajac", "Şahin" → "Sahin"), a small
table for letters that do not decompose ("Yılmaz" → "Yilmaz", "Łukasz" → "Lukasz"), and "?"
for the rest (e.g. Cyrillic or Arabic script). The JSON export always carries the exact text;
the PDF says so in its introduction. A Unicode TTF (DejaVu Sans) would avoid the
transliteration, but it would have to be shipped with the package to be reliable.
"""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from zorgroute.privacy.export_schemas import (
    ExportAuditEvent,
    ExportCase,
    ExportCaseEvent,
    ExportCaseRegistration,
    ExportFactors,
    ExportGifted,
    ExportGiftedApplication,
    ExportGoal,
    ExportIndividualPlan,
    ExportIntakeSection,
    ExportNeedItem,
    ExportOfferingEnrolment,
    ExportSupport,
    StudentExport,
)
from zorgroute.roster.models import PersonName

ENCODING = "windows-1252"
TITLE = "Inzageverzoek — overzicht van gegevens"

try:
    LOCAL_TZ: ZoneInfo | None = ZoneInfo("Europe/Amsterdam")
except ZoneInfoNotFoundError:  # no tz database: times stay in UTC and say so
    LOCAL_TZ = None

# Letters without an NFKD decomposition to ASCII that occur in names of Dutch pupils.
_NO_DECOMPOSITION = {
    "ı": "i",  # dotless i (Turkish)
    "İ": "I",
    "ł": "l",  # Polish
    "Ł": "L",
    "đ": "d",  # Croatian, Vietnamese
    "Đ": "D",
    "ħ": "h",  # Maltese
    "Ħ": "H",
    "ŧ": "t",
    "Ŧ": "T",
    "ŋ": "ng",
    "Ŋ": "NG",
    "ǝ": "e",
    "ə": "e",  # Azerbaijani
    "Ə": "E",
    "ĸ": "k",
    "ŀ": "l",
    "Ŀ": "L",
    "ʼ": "'",
}


def pdf_text(text: str) -> str:
    """`text` with every character the PDF's core font cannot show transliterated."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    try:
        text.encode(ENCODING)
        return text
    except UnicodeEncodeError:
        pass
    return "".join(_char(c) for c in text)


def _char(c: str) -> str:
    try:
        c.encode(ENCODING)
        return c
    except UnicodeEncodeError:
        pass
    if c in _NO_DECOMPOSITION:
        return _NO_DECOMPOSITION[c]
    category = unicodedata.category(c)
    if category in ("Cf", "Cc", "Mn", "Me"):  # zero-width joiners, stray combining marks
        return ""
    if category == "Zs":
        return " "
    stripped = "".join(d for d in unicodedata.normalize("NFKD", c) if not unicodedata.combining(d))
    try:
        stripped.encode(ENCODING)
    except UnicodeEncodeError:
        return "?"
    return stripped or "?"


# -- Dutch labels for the codes in the export ------------------------------------------------
RELATIONS = {
    "mother": "moeder",
    "father": "vader",
    "parent": "ouder",
    "guardian": "voogd",
    "foster_parent": "pleegouder",
    "other": "anders",
}
GROUP_KINDS = {"homeroom": "stamgroep", "teaching_group": "lesgroep"}
ASSIGNMENT_ROLES = {"mentor": "mentor", "teacher": "docent"}
NOTE_CATEGORIES = {
    "observation": "Observatie in de les",
    "care": "Zorgnotitie",
    "home_situation": "Thuissituatie",
    "diagnosis": "Diagnose en bijzonderheden",
}
PURPOSES = {
    "discuss_care_team": "bespreken in het zorgoverleg / de leerlingbespreking",
    "register_zat": "aanmelden bij het ZAT / ondersteuningsteam",
    "share_swv": "delen met het samenwerkingsverband",
    "share_external": "delen met een externe organisatie",
    "transfer_next_school": "overdracht aan de volgende school",
    "inzage": "inzageverzoek (AVG art. 15)",
    "privacy_review": "controle door de privacyfunctionaris",
}
GIVEN_BY = {"guardian": "ouder/verzorger", "student": "de leerling zelf"}
METHODS = {
    "conversation": "in een gesprek",
    "signed_form": "ondertekend formulier",
    "digital_form": "digitaal formulier",
}
RECIPIENT_KINDS = {
    "care_team": "zorgteam van de school",
    "zat": "ZAT / ondersteuningsteam",
    "swv": "samenwerkingsverband",
    "external_organisation": "externe organisatie",
    "next_school": "volgende school",
}
LEGAL_GROUNDS = {
    "vital_interest": "vitaal belang: de veiligheid van de leerling of anderen",
    "legal_obligation": "wettelijke verplichting",
}
DATA_CATEGORIES = {
    "personal_details": "persoonsgegevens",
    "guardians": "ouders en verzorgers",
    "enrolments": "inschrijvingen",
    "observations": "observaties",
    "care_notes": "zorgnotities",
    "home_situation": "thuissituatie",
    "diagnosis": "diagnose en bijzonderheden",
    "plans": "plannen",
    "test_results": "toetsresultaten",
}
ROLES = {
    "teacher": "docent",
    "mentor": "mentor",
    "intern_begeleider": "intern begeleider",
    "zorgcoordinator": "zorgcoördinator",
    "orthopedagoog": "orthopedagoog",
    "remedial_teacher": "remedial teacher",
    "school_social_worker": "schoolmaatschappelijk werker",
    "hb_specialist": "hoogbegaafdheidsspecialist",
    "hb_coordinator": "hoogbegaafdheidscoördinator",
    "team_leader": "teamleider",
    "school_leader": "schoolleider",
    "privacy_officer": "privacyfunctionaris",
    "external_partner": "externe partner",
    "integration": "koppeling met het leerlingvolgsysteem",
}
ACTIONS = {
    "student.create": "leerling aangemaakt (leerlingvolgsysteem)",
    "student.update": "gegevens gewijzigd",
    "student.read": "dossier bekeken",
    "student.list": "getoond in een leerlingenlijst",
    "student.export": "inzageoverzicht gemaakt",
    "note.create": "notitie geschreven",
    "note.update": "notitie gewijzigd",
    "note.read": "notitie gelezen",
    "consent.record": "toestemming vastgelegd",
    "consent.withdraw": "toestemming ingetrokken",
    "consent.read": "toestemmingen bekeken",
    "disclosure.create": "verstrekking vastgelegd",
    "access_grant.create": "toegang voor een externe gegeven",
    "access_grant.revoke": "toegang voor een externe ingetrokken",
    "audit.read": "logboek bekeken",
    "overview_row.read": "groepsoverzicht bekeken",
    "overview_row.update": "groepsoverzicht bijgewerkt",
    "assessment_result.create": "resultaat ingevoerd",
    "assessment_result.import_created": "resultaat ingelezen uit het leerlingvolgsysteem",
    "assessment_result.import_updated": "resultaat bijgewerkt uit het leerlingvolgsysteem",
    "signal.create": "gesignaleerd",
    "signal.delete": "signalering ingetrokken",
    "need.create": "onderwijsbehoefte benoemd",
    "need.update": "onderwijsbehoefte gewijzigd",
    "need.read": "onderwijsbehoeften bekeken",
    "meeting_decision.record": "besluit in de groepsbespreking",
    "group_meeting.read": "verslag groepsbespreking bekeken",
    "group_plan.read": "groepsplan bekeken",
    "group_plan.evaluate_student": "groepsplan geëvalueerd",
    "ihp.create": "handelingsplan opgesteld",
    "ihp.read": "handelingsplan bekeken",
    "ihp.update": "handelingsplan gewijzigd",
    "ihp.sign": "handelingsplan ondertekend door ouder",
    "ihp.evaluate": "handelingsplan geëvalueerd",
    "opp.start": "start extra ondersteuning vastgelegd",
    "opp.read": "ontwikkelingsperspectief bekeken",
    "opp.initial": "ontwikkelingsperspectief vastgesteld",
    "opp.evaluation": "ontwikkelingsperspectief geëvalueerd",
    "opp.revision": "ontwikkelingsperspectief bijgesteld",
    "timeline.read": "tijdlijn bekeken",
    "deadline.read": "termijnen bekeken",
    "case.open": "zorgtraject geopend",
    "case.read": "zorgtraject bekeken",
    "case.list": "zorgtrajecten bekeken",
    "case.update": "casusdossier bijgewerkt",
    "case.transition": "stap in de zorgroute gezet",
    "case.registration.save": "aanmeldingsformulier bijgewerkt",
    "case.screening": "aanmelding gescreend",
    "case.conversation": "gesprek over het zorgtraject vastgelegd",
    "case.action_item.create": "actiepunt toegevoegd",
    "case.action_item.update": "actiepunt bijgewerkt",
    "case.intervention.create": "interventie toegevoegd",
    "case.intervention.update": "interventie bijgewerkt",
    "case.referral.create": "verwezen naar externe zorg",
    "case.referral.update": "verwijzing bijgewerkt",
    "case.swv_request.create": "arrangement aangevraagd bij het samenwerkingsverband",
    "case.swv_request.decision": "besluit van het samenwerkingsverband vastgelegd",
    "case.grant.create": "toegang tot het zorgtraject voor een externe gegeven",
    "care_meeting.agenda_add": "geagendeerd voor een zorgoverleg",
    "care_meeting.minutes": "verslag van een zorgoverleg vastgelegd",
}

# -- Handelingsgericht werken (HGW) and plans ----------------------------------------------------
CYCLES = {"A": "cyclus A (vakoverstijgend)", "B": "cyclus B (vakspecifiek)"}
INSTRUCTION_LEVELS = {
    "independent": "instructieonafhankelijk",
    "sensitive": "instructiegevoelig",
    "dependent": "instructieafhankelijk",
}
RESULT_KINDS = {"test": "toets", "seo": "sociaal-emotioneel"}
RESPONDENTS = {"student": "ingevuld door de leerling", "teacher": "ingevuld door de docent"}
RESULT_SOURCES = {"entered": "ingevoerd"}
SIGNAL_CATEGORIES = {
    "basic_skill_delay": "achterstand in een basisvaardigheid",
    "subject_delay": "achterstand in een vak",
    "behaviour_seo": "gedrag / sociaal-emotioneel",
    "work_attitude": "werkhouding en taakaanpak",
    "downward_trend": "dalende lijn",
    "learning_lead": "ontwikkelingsvoorsprong / (hoog)begaafd",
    "talent": "talent",
    "home_situation": "zorg over de thuissituatie",
}
SIGNAL_MODES = {"reactive": "reactief", "proactive": "proactief"}
SIGNAL_BASES = {"test": "toets", "observation": "observatie", "conversation": "gesprek"}
SCOPES = {"cross_subject": "vakoverstijgend", "subject": "vakspecifiek"}
DOMAINS = {"pedagogical": "pedagogisch", "basic_skills": "basisvaardigheden", "subject": "vak"}
NATURES = {"didactic": "didactisch", "pedagogical": "pedagogisch"}
# The begrijpwijzer: "Om dit doel te bereiken heeft de leerling <heading> nodig die <phrase>".
NEED_CATEGORIES = {
    "instruction": ("Instructie", "een instructie die"),
    "assignments": ("Opdrachten", "opdrachten die"),
    "learning_activities": ("Leeractiviteiten", "(leer)activiteiten die"),
    "feedback": ("Feedback", "feedback die"),
    "peers": ("Medeleerlingen", "groepsgenoten die"),
    "learning_environment": ("Leeromgeving", "een leeromgeving die"),
    "teachers": ("Docenten", "docenten die"),
}
MEETING_DECISIONS = {
    "continue_in_group_plan": "verder in het groepsplan",
    "bilateral_consultation": "bilateraal overleg",
    "teacher_coaching": "begeleiding van de docent aangevraagd",
    "register_care_team": "aangemeld bij het intern zorgteam",
}
PLAN_TYPES = {
    "cross_subject": "vakoverstijgend",
    "subject_convergent": "vakspecifiek, convergent",
    "subject_divergent": "vakspecifiek, divergent",
}
PLAN_STATUSES = {
    "draft": "concept",
    "active": "actief",
    "midterm_reviewed": "tussentijds geëvalueerd",
    "evaluated": "geëvalueerd",
    "archived": "gearchiveerd",
}
ROW_TARGETS = {"basis": "basisgroep", "subgroup": "subgroep", "student": "individueel"}
DELIVERY_MODES = {
    "daily_in_class": "dagelijks in de klas",
    "separate_grouping": "aparte groepering",
}
CONTINUATIONS = {"continue": "voortzetten", "scale_down": "afbouwen", "adjust": "aanpassen"}
GOAL_RESULTS = {"reached": "bereikt", "partly": "deels bereikt", "not_reached": "niet bereikt"}
IHP_DECIDERS = {"care_team": "het zorgteam", "mentor": "de mentor", "teacher": "de docent"}
OPP_KINDS = {"initial": "eerste vaststelling", "evaluation": "evaluatie", "revision": "bijstelling"}
HORIZONS = {
    "one_year": "over één jaar",
    "two_years": "over twee jaar",
    "end_of_school": "aan het eind van de schoolloopbaan",
}
FACTOR_KINDS = {"stimulating": "bevorderend", "hindering": "belemmerend"}
FACTOR_LOCI = {
    "student": "bij de leerling",
    "learning_environment": "in de leeromgeving",
    "living_environment": "in de leefomgeving",
}
OWN_WORDS = "In eigen woorden van de leerling"


# -- Case routing (zorgtrajecten) ----------------------------------------------------------------
CASE_ORIGINS = {
    "group_meeting": "uit de groepsbespreking",
    "manual": "handmatig geopend",
    "shortened": "verkorte aanmelding",
    "po_transfer": "overdracht van de basisschool",
    "observation": "uit een observatie",
}
COMPLEXITIES = {"regular": "regulier", "complex": "complex"}
CASE_REASONS = {
    "insufficient_benefit": "herhaald onvoldoende geprofiteerd van het aanbod in het groepsplan",
    "needs_unclear": "ontwikkelingsperspectief of onderwijsbehoeften blijven onduidelijk",
    "suspected_disorder": "ernstige vermoedens van problemen of een stoornis",
    "severe_behaviour": "ernstige gedragsproblemen",
    "home_situation": "problematische opvoedsituatie of leefomgeving",
    "too_large_for_first_line": "te groot voor de eerste lijn (mentor en docenten)",
    "gifted_complex": "complexe casus bij (hoog)begaafdheid",
}
STRENGTHS = "Sterke kanten, stimulerend"
HINDERING = "Belemmerende factoren"
FACTOR_PLACES = (
    ("student", "Bij de leerling"),
    ("school", "Op school"),
    ("family", "In het gezin"),
)
REGISTRATION_TITLES = {
    "izo": "Aanmelding intern zorgoverleg (IZO)",
    "zat": "Aanmelding zorg- en adviesteam (ZAT)",
}
REGISTRATION_STATUSES = {
    "draft": "in voorbereiding",
    "submitted": "ingediend",
    "info_requested": "aanvulling gevraagd",
    "accepted": "geaccepteerd",
    "returned": "eerst acties in de eerste lijn",
}
# The registration form's fields, in the form's order (support and request types apart).
REGISTRATION_FIELDS = (
    ("problem", "Wat is het probleem?"),
    ("onset_cause", "Begin en mogelijke oorzaak"),
    ("functioning_at_home", "Functioneren thuis en daarbuiten"),
    ("support_other", "Andere vorm van ondersteuning"),
    ("already_done", "Al gedaan door de aanmelder"),
    ("earlier_help", "Eerdere hulpverlening"),
    ("earlier_discussed", "Eerder besproken in IZO of ZAT"),
    ("earlier_investigation", "Eerder onderzoek en uitkomsten"),
    ("diagnosed_disorder", "Gediagnosticeerde stoornis"),
    ("learning_results", "Leerresultaten"),
    ("social_emotional", "Sociaal-emotionele ontwikkeling"),
    ("interaction", "Interactie leerlingen en docenten"),
    ("work_attitude", "Werkhouding en taakaanpak"),
    ("motivation", "Motivatie en welbevinden"),
    ("attendance", "Aanwezigheid en verzuim"),
    ("other", "Overige opmerkingen"),
)
SUPPORT_TYPES = {
    "investigation_needs_opp": "onderzoek naar de onderwijsbehoeften en/of het OPP",
    "student_guidance": "begeleiding van de leerling",
    "teacher_guidance": "begeleiding van de mentor en/of docenten",
    "parent_guidance": "begeleiding van de ouders",
    "other": "anders",
}
REQUEST_TYPES = {
    "advice_support_school": "advies of ondersteuning voor mentor en docenten",
    "external_help": "een hulptraject bij externe hulpverlening",
    "other_school_or_special": "toeleiding naar een andere school of speciale voorziening",
}
# The four questions of a screening, short enough for a table cell.
SCREENING_CHECKS = (
    ("right_line", "Hoort in deze lijn"),
    ("questions_clear", "Vragen helder"),
    ("prior_line_exhausted", "Vorige lijn deed wat kon"),
    ("parents_student_aware", "Ouders en leerling weten het"),
)
SCREENING_OUTCOMES = {
    "accept": "geaccepteerd en geagendeerd",
    "request_info": "aanvulling gevraagd aan de aanmelder",
    "first_line_actions": "eerst acties in de eerste lijn",
}
CONVERSATION_WITH = {"student": "Gesprek met de leerling", "parents": "Gesprek met de ouders"}
CONVERSATION_MOMENTS = {
    "before": "vóór de bespreking",
    "after": "na de bespreking",
    "kickoff": "startgesprek",
    "evaluation": "evaluatie",
}
FORUMS = {
    "izo": "intern zorgoverleg (IZO)",
    "zat": "zorg- en adviesteam (ZAT)",
    "leerlingbespreking": "leerlingbespreking",
    "ondersteuningsteam": "ondersteuningsteam (OT)",
    "mdo": "multidisciplinair overleg (MDO)",
}
CARE_MEETING_STATUSES = {"scheduled": "gepland", "held": "gehouden", "cancelled": "afgezegd"}
DISCUSSION_KINDS = {"new": "nieuwe casus", "progress": "voortgang"}
MINUTES_FIELDS = {
    "analysis": "Analyse van het probleem",
    "help_question": "Hulpvraag van de leerling",
    "guidance_question": "Begeleidingsvraag",
    "done_so_far": "Al gedaan, met welk resultaat",
    "perspective": "Ontwikkelingsperspectief",
    "needs": "Onderwijsbehoeften",
    "offer_in_group": "Aanbod in de groep",
    "student_guidance": "Begeleiding leerling en ouders",
    "coaching": "Coaching van mentor en docenten",
    "zat_registration": "Aanmelding bij het ZAT",
    "parent_alignment": "Afstemming met de ouders",
    "summary": "Afspraken, besluiten en vervolg",
    "additional_info": "Aanvullende informatie",
    "solutions_student": "Oplossingsrichtingen: leerling",
    "solutions_family": "Oplossingsrichtingen: gezin",
    "solutions_school": "Oplossingsrichtingen: school",
    "interventions": "Besluiten over interventies",
    "goals": "Doelen",
}
ACTION_STATUSES = {"open": "open", "done": "afgerond", "cancelled": "vervallen"}
INTERVENTION_KINDS = {
    "remedial_teaching": "remedial teaching",
    "dyslexia_support": "dyslexiebegeleiding",
    "social_skills_training": "sociale-vaardigheidstraining",
    "fear_of_failure_training": "faalangstreductietraining",
    "counselling": "gesprekken (orthopedagoog, psycholoog, schoolmaatschappelijk werk)",
    "homework_support": "huiswerkbegeleiding",
    "teacher_coaching": "coaching van mentor en docenten",
    "parent_support": "ondersteuning van de ouders",
    "career_guidance": "loopbaanbegeleiding",
    "investigation": "onderzoek",
    "enrichment_programme": "verrijkingsprogramma",
    "other": "anders",
}
INTERVENTION_STATUSES = {"planned": "gepland", "running": "loopt", "ended": "afgerond"}
EFFECTS = {
    "effective": "helpt",
    "partly": "helpt deels",
    "not_effective": "helpt niet",
    "unknown": "weet (nog) niet",
}
REFERRAL_TARGETS = {
    "jgz": "jeugdgezondheidszorg (jeugdarts)",
    "jeugdhulp": "jeugdhulp",
    "cjg": "Centrum voor Jeugd en Gezin",
    "leerplicht": "leerplichtambtenaar",
    "ggz": "geestelijke gezondheidszorg",
    "mee": "MEE",
    "verslavingszorg": "verslavingszorg",
    "other": "andere organisatie",
}
REFERRAL_STATUSES = {
    "requested": "aangevraagd",
    "started": "gestart",
    "ended": "afgerond",
    "declined": "afgewezen",
}
SWV_REQUEST_TYPES = {
    "ambulant_support": "ambulante begeleiding",
    "consultation": "consultatie of advies",
    "rebound": "rebound (tijdelijke plaatsing)",
    "special_education": "voortgezet speciaal onderwijs (toelaatbaarheidsverklaring)",
    "other": "anders",
}
SWV_DECISIONS = {
    "pending": "in behandeling",
    "granted": "toegekend",
    "rejected": "afgewezen",
    "withdrawn": "ingetrokken",
}
CLOSURE_OUTCOMES = {
    "goals_met": "doelen bereikt",
    "partly_met": "doelen deels bereikt",
    "referred_on": "doorverwezen",
    "moved_school": "naar een andere school",
    "other": "anders",
}
EVENT_KINDS = {
    "opened": "Geopend",
    "transition": "Stap",
    "registration": "Aanmelding",
    "screening": "Screening",
    "conversation": "Gesprek",
    "discussion": "Bespreking",
    "action_item": "Actiepunt",
    "intervention": "Interventie",
    "referral": "Verwijzing",
    "swv_request": "Samenwerkingsverband",
    "closure": "Afsluiting",
    "grant": "Toegang",
}


# -- Gifted education ((hoog)begaafdheid) --------------------------------------------------------
# The instruments' own words (skills, recommendations, questions, constructs, phases, offering
# kinds) come with the export; these are the app's statuses and options.
GIFTED_COMPLEXITIES = {"none": "geen", "light": "licht", "moderate": "matig", "complex": "complex"}
APPLICATION_KINDS = {"group": "aanbod in een groep", "individual": "individuele begeleiding"}
APPLICATION_ROUTES = {
    "parents": "via de ouders",
    "intern_begeleider": "via de intern begeleider",
    "swv": "via het samenwerkingsverband",
}
APPLICATION_STATUSES = {
    "draft": "concept",
    "submitted": "ingediend",
    "admitted": "toegelaten",
    "waitlisted": "op de wachtlijst",
    "rejected": "afgewezen",
    "withdrawn": "ingetrokken",
}
OFFERING_ENROLMENT_STATUSES = {"active": "loopt", "ended": "beëindigd"}
ENROLMENT_GOAL_STATUSES = {"open": "open", "achieved": "behaald", "not_achieved": "niet behaald"}
GOAL_PROGRESS = {"achieved": "behaald", "progressing": "op weg", "not_yet": "nog niet"}
REVIEW_DECISIONS = {"continue": "doorgaan", "stop": "stoppen"}
EXIT_REASONS = {
    "goals_met": "doelen behaald",
    "not_fitting": "past niet",
    "transfer": "overstap",
    "other": "anders",
}
CHOICE_ACTIVITIES = {
    "other_lesson": "een andere les",
    "acceleration": "versnellen",
    "deepening": "verdiepen",
    "broadening": "verbreden",
    "project": "project",
    "other": "anders",
}
CHOICE_STATUSES = {
    "requested": "aangevraagd",
    "acknowledged": "akkoord van de docent",
    "declined": "afgewezen door de docent",
    "cancelled": "geannuleerd",
}
ATTENDANCE = {"present": "aanwezig", "absent": "afwezig"}
GUIDANCE_STATUSES = {"open": "loopt", "closed": "afgesloten"}
CHECKIN_PROGRESS = {"on_track": "op koers", "stagnating": "stagneert"}
STAGNATION_CAUSES = {
    "content": "de leerinhoud",
    "approach": "de aanpak",
    "other_circumstances": "andere omstandigheden",
}
DIFFERENTIATION = {
    "extra_challenge": "extra uitdaging",
    "deepening_tasks": "verdiepende opdrachten",
    "repetition": "herhaling",
    "support": "ondersteuning",
}
INFORMANTS = {"student": "De leerling", "teacher": "Docent of mentor", "parents": "Ouders"}
SELF_CATEGORIES = {"denken": "denken", "doen": "doen"}
# The audit trail's gifted actions: the record, then what was done with it.
GIFTED_RECORDS = {
    "observation": "observatie (begaafdheid)",
    "self_assessment": "zelfbeoordeling executieve vaardigheden",
    "intake": "behoeftepeiling (begaafdheid)",
    "profile": "ondersteuningsprofiel (begaafdheid)",
    "application": "aanmelding voor onderwijsaanbod",
    "enrolment": "deelname aan onderwijsaanbod",
    "choice_hour": "keuze-uur",
    "guidance": "begeleidingsperiode (begaafdheid)",
    "measurement": "meting (begaafdheid)",
    "student": "begaafdheidsdossier",
    "overview": "overzicht begaafdheid",
}
GIFTED_VERBS = {
    "create": "vastgelegd",
    "read": "bekeken",
    "list": "getoond in een lijst",
    "write": "bijgewerkt",
    "update": "bijgewerkt",
    "submit": "ingediend",
    "withdraw": "ingetrokken",
    "decide": "besluit vastgelegd",
    "enrol": "deelname gestart",
    "review": "geëvalueerd",
    "exit": "beëindigd",
    "attendance": "aanwezigheid vastgelegd",
    "check": "gecontroleerd",
    "cancel": "geannuleerd",
    "phase": "naar de volgende fase",
    "monitoring": "voortgang genoteerd",
    "checkin": "voortgangsgesprek vastgelegd",
    "close": "afgesloten",
}


def _label(table: dict[str, str], code: str | None) -> str:
    if not code:
        return ""
    return table.get(code, code)


def _action(code: str) -> str:
    """The audit action in Dutch; a gifted action as its record and what was done."""
    if code in ACTIONS:
        return ACTIONS[code]
    domain, _, rest = code.partition(".")
    record, _, verb = rest.rpartition(".")
    if domain == "gifted" and record in GIFTED_RECORDS:
        return f"{GIFTED_RECORDS[record]}: {GIFTED_VERBS.get(verb, verb)}"
    return code


def _roles(codes: str | None) -> str:
    if not codes:
        return ""
    return ", ".join(_label(ROLES, c) for c in codes.split(","))


def _local(dt: datetime) -> datetime:
    return dt.astimezone(LOCAL_TZ) if LOCAL_TZ is not None else dt


def d(value: date | datetime | None) -> str:
    """dd-mm-jjjj (a datetime in Dutch local time)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = _local(value)
    return value.strftime("%d-%m-%Y")


def dt(value: datetime | None) -> str:
    if value is None:
        return ""
    return _local(value).strftime("%d-%m-%Y %H:%M") + ("" if LOCAL_TZ else " UTC")


def _yes_no(value: bool) -> str:
    return "ja" if value else "nee"


# -- the document ------------------------------------------------------------------------------
class _ExportPdf(FPDF):
    def __init__(self, footer_left: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.core_fonts_encoding = ENCODING
        self.footer_left = footer_left
        self.set_auto_page_break(auto=True, margin=18)
        self.set_margins(18, 18, 18)

    def normalize_text(self, text: str) -> str:
        # Every string on its way into the PDF (cells, tables, metadata) passes here.
        return super().normalize_text(pdf_text(text))

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font("Helvetica", size=7.5)
        self.set_text_color(90, 90, 90)
        width = self.epw - 22
        self.cell(width, 5, self.footer_left, align="L")
        self.cell(22, 5, f"pagina {self.page_no()}/{{nb}}", align="R")
        self.set_text_color(0, 0, 0)

    # -- building blocks --------------------------------------------------------------------
    def heading(self, text: str) -> None:
        if self.get_y() > self.h - 50:  # keep a heading with its first lines
            self.add_page()
        self.ln(4)
        self.set_font("Helvetica", "B", 13)
        self.set_text_color(20, 60, 110)
        self.cell(0, 8, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_draw_color(20, 60, 110)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.set_text_color(0, 0, 0)
        self.ln(2)
        self.set_font("Helvetica", size=10)

    def subheading(self, text: str) -> None:
        if self.get_y() > self.h - 55:  # keep it with its first block or table rows
            self.add_page()
        self.ln(3)
        self.set_font("Helvetica", "B", 11.5)
        self.set_text_color(20, 60, 110)
        self.multi_cell(0, 6.5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_text_color(0, 0, 0)
        self.set_font("Helvetica", size=10)

    def byline(self, text: str) -> None:
        self.set_text_color(90, 90, 90)
        self.paragraph(text, size=9)
        self.set_text_color(0, 0, 0)

    def paragraph(self, text: str, size: float = 10, style: str = "") -> None:
        self.set_font("Helvetica", style, size)
        self.multi_cell(0, 5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font("Helvetica", size=10)

    def empty(self, text: str) -> None:
        self.set_text_color(90, 90, 90)
        self.paragraph(text, style="I")
        self.set_text_color(0, 0, 0)

    def fields(self, pairs: Iterable[tuple[str, str]], label_width: float = 48) -> None:
        for label, value in pairs:
            if not value:
                continue
            self.set_font("Helvetica", "B", 10)
            if self.get_string_width(label) > label_width - 2 * self.c_margin:
                # A label wider than its column gets a line of its own.
                self.multi_cell(0, 5.5, label, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
                self.cell(label_width, 5.5, "")
            else:
                self.cell(label_width, 5.5, label)
            self.set_font("Helvetica", size=10)
            self.multi_cell(0, 5.5, value, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def part_title(self, text: str) -> None:
        """A part within a subheading's record (e.g. the conversations of one case)."""
        if self.get_y() > self.h - 55:  # keep it with its first block or table rows
            self.add_page()
        self.ln(2.5)
        self.set_font("Helvetica", "B", 10.5)
        self.set_text_color(20, 60, 110)
        self.multi_cell(0, 5.5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_text_color(0, 0, 0)
        self.set_font("Helvetica", size=10)

    def block_title(self, text: str) -> None:
        if self.get_y() > self.h - 40:
            self.add_page()
        self.ln(2)
        self.set_font("Helvetica", "B", 10.5)
        self.multi_cell(0, 5.5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font("Helvetica", size=10)

    def grid(
        self, headings: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[int]
    ) -> None:
        self.set_font("Helvetica", size=9)
        with self.table(
            col_widths=tuple(widths),
            text_align="LEFT",
            line_height=4.6,
            padding=1.2,
        ) as table:
            head = table.row()
            for h in headings:
                head.cell(h)
            for r in rows:
                row = table.row()
                for value in r:
                    row.cell(value)
        self.set_font("Helvetica", size=10)


def render_export_pdf(export: StudentExport) -> bytes:
    s = export.student
    student_name = PersonName.display(s.given_name, s.infix, s.family_name)
    pdf = _ExportPdf(
        f"{export.school_name} · gegenereerd op {dt(export.generated_at)} "
        f"door {export.generated_by}"
    )
    pdf.set_title(TITLE)
    pdf.set_author(export.school_name)
    pdf.set_subject(f"Inzage: {student_name}")
    pdf.set_creator("Zorgroute")
    pdf.set_lang("nl")
    pdf.add_page()

    pdf.set_font("Helvetica", "B", 17)
    pdf.multi_cell(0, 9, TITLE, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("Helvetica", size=10)
    pdf.ln(1)
    pdf.paragraph(
        f"Dit overzicht bevat alle gegevens die {export.school_name} in Zorgroute over "
        f"{student_name} vastlegt, met wie die gegevens zijn gedeeld en wie het dossier heeft "
        "ingezien (AVG artikel 15). Contactgegevens van ouders zijn weggelaten: die zijn "
        "gegevens van de ouders zelf. Letters buiten het West-Europese alfabet zijn in dit "
        "document zonder accenten weergegeven; de JSON-export bevat de exacte tekst.",
        size=9.5,
    )
    pdf.ln(2)
    pdf.fields(
        [
            ("School", export.school_name),
            ("Gemaakt op", dt(export.generated_at)),
            ("Gemaakt door", export.generated_by),
        ]
    )

    pdf.heading("Leerling")
    pdf.fields(
        [
            ("Naam", student_name),
            ("Roepnaam", s.preferred_name or ""),
            ("Geboortedatum", d(s.date_of_birth)),
            ("ECK-id", s.eck_id or ""),
            *[(f"Nummer in {r.source}", r.external_id) for r in s.external_ids],
            ("Vastgelegd sinds", d(s.created_at)),
            ("Laatst gewijzigd", d(s.updated_at)),
        ]
    )

    pdf.heading("Ouders en verzorgers")
    if export.guardians:
        pdf.grid(
            ["Naam", "Relatie", "Gezag"],
            [
                [
                    PersonName.display(g.given_name, g.infix, g.family_name),
                    _label(RELATIONS, g.relation),
                    _yes_no(g.parental_authority),
                ]
                for g in export.guardians
            ],
            [90, 50, 34],
        )
    else:
        pdf.empty("Geen ouders of verzorgers vastgelegd.")

    pdf.heading("Inschrijvingen")
    if export.enrolments:
        pdf.grid(
            ["Groep", "Schooljaar", "Van", "Tot", "Mentor en docenten"],
            [
                [
                    " ".join(
                        p for p in (e.group_name, f"({_label(GROUP_KINDS, e.group_kind)})") if p
                    ),
                    e.school_year,
                    d(e.start_date),
                    d(e.end_date),
                    "; ".join(
                        f"{PersonName.display(m.given_name, m.infix, m.family_name)} "
                        f"({_label(ASSIGNMENT_ROLES, m.role)}"
                        f"{' ' + m.subject if m.subject else ''})"
                        for m in e.staff
                    ),
                ]
                for e in export.enrolments
            ],
            [38, 24, 22, 22, 68],
        )
    else:
        pdf.empty("Geen inschrijvingen vastgelegd.")

    pdf.heading("Notities")
    if not export.notes:
        pdf.empty("Er zijn geen notities over de leerling vastgelegd.")
    for n in export.notes:
        pdf.block_title(
            f"{d(n.created_at)} · {_label(NOTE_CATEGORIES, n.category)}"
            + (f" · {n.subject}" if n.subject else "")
        )
        changed = f", gewijzigd op {d(n.updated_at)}" if d(n.updated_at) != d(n.created_at) else ""
        pdf.set_text_color(90, 90, 90)
        pdf.paragraph(f"Geschreven door {n.author_name}{changed}", size=9)
        pdf.set_text_color(0, 0, 0)
        pdf.paragraph(n.body)

    _support_section(pdf, export.support)
    _cases_section(pdf, export.cases)
    _gifted_section(pdf, export.gifted)

    pdf.heading("Toestemmingen")
    if not export.consents:
        pdf.empty("Er is geen toestemming gevraagd of vastgelegd.")
    for c in export.consents:
        decision = "Toestemming gegeven" if c.granted else "Toestemming geweigerd"
        pdf.block_title(f"{d(c.given_on)} · {decision}: {_label(PURPOSES, c.purpose)}")
        who = _label(GIVEN_BY, c.given_by)
        if c.guardian_name:
            who = f"{who} ({c.guardian_name})"
        pdf.fields(
            [
                ("Ontvanger", c.recipient or ""),
                ("Gegeven door", who),
                ("Hoe", _label(METHODS, c.method)),
                ("Vastgelegd door", c.recorded_by),
                ("Toelichting", c.note or ""),
                (
                    "Ingetrokken",
                    f"op {d(c.withdrawn_at)}"
                    + (f" door {c.withdrawn_by}" if c.withdrawn_by else "")
                    if c.withdrawn_at
                    else "",
                ),
                ("Reden intrekking", c.withdrawal_note or ""),
            ],
            label_width=40,
        )

    pdf.heading("Verstrekkingen (met wie gedeeld)")
    if not export.disclosures:
        pdf.empty("Er zijn geen gegevens van de leerling met anderen gedeeld.")
    for v in export.disclosures:
        kind = _label(RECIPIENT_KINDS, v.recipient_kind)
        pdf.block_title(f"{d(v.disclosed_at)} · {v.recipient_name} ({kind})")
        basis = (
            "toestemming"
            if v.consent_id
            else f"zonder toestemming, grond: {_label(LEGAL_GROUNDS, v.legal_ground)}"
        )
        pdf.fields(
            [
                ("Doel", _label(PURPOSES, v.purpose)),
                ("Grondslag", basis),
                ("Toelichting", v.explanation or ""),
                (
                    "Welke gegevens",
                    ", ".join(_label(DATA_CATEGORIES, c) for c in v.data_categories),
                ),
                ("Gedeeld door", v.disclosed_by),
            ],
            label_width=40,
        )

    pdf.heading("Toegang voor externen")
    if export.access_grants:
        pdf.grid(
            ["Wie", "Doel", "Van", "Tot en met", "Gegeven door", "Ingetrokken"],
            [
                [
                    g.partner_name,
                    _label(PURPOSES, g.purpose),
                    d(g.valid_from),
                    d(g.valid_until),
                    g.granted_by,
                    d(g.revoked_at),
                ]
                for g in export.access_grants
            ],
            [36, 42, 20, 20, 34, 22],
        )
    else:
        pdf.empty("Geen externe partner heeft toegang tot het dossier gehad.")

    pdf.heading("Bewaarplicht (legal hold)")
    if export.legal_holds:
        pdf.paragraph(
            "Zolang een bewaarplicht loopt, verwijdert de school niets over de leerling, "
            "ook niet na afloop van de bewaartermijn.",
            size=9,
        )
        pdf.ln(1)
        pdf.grid(
            ["Reden", "Ingesteld door", "Sinds", "Opgeheven", "Opgeheven door"],
            [
                [h.reason, h.placed_by, d(h.placed_at), d(h.lifted_at), h.lifted_by or ""]
                for h in export.legal_holds
            ],
            [66, 34, 20, 20, 34],
        )
    else:
        pdf.empty("Er is geen bewaarplicht ingesteld voor deze leerling.")

    pdf.heading("Wie heeft het dossier ingezien")
    if export.audit_trail:
        pdf.paragraph(
            "Elke keer dat iemand gegevens van de leerling bekeek of wijzigde, staat in het "
            "logboek. Gebeurtenissen van dezelfde persoon met dezelfde handeling op één dag "
            "zijn samengevoegd.",
            size=9,
        )
        pdf.ln(1)
        pdf.grid(
            ["Datum", "Tijd", "Wie", "Rol", "Wat", "Doel", "Aantal"],
            _audit_rows(export.audit_trail),
            [19, 23, 32, 26, 34, 26, 14],
        )
    else:
        pdf.empty("Het logboek bevat geen gebeurtenissen over deze leerling.")

    return bytes(pdf.output())


def _support_section(pdf: _ExportPdf, support: ExportSupport) -> None:
    """Handelingsgericht werken en ondersteuning: the records of the HGW cycle and plans."""
    pdf.heading("Handelingsgericht werken en ondersteuning")
    pdf.paragraph(
        "Wat de school in de cyclus van handelingsgericht werken over de leerling vastlegt: "
        "groepsoverzichten, resultaten, signaleringen, onderwijsbehoeften, besluiten van "
        "groepsbesprekingen, groepsplannen, handelingsplannen en het ontwikkelingsperspectief. "
        "Ook gegevens die in Zorgroute maar voor een deel van de medewerkers zichtbaar zijn, "
        "staan hier.",
        size=9,
    )
    width = 62  # the labels of this section are longer than the others

    pdf.subheading("Groepsoverzichten")
    if not support.overview_rows:
        pdf.empty("Geen groepsoverzichten met deze leerling.")
    for r in support.overview_rows:
        subject = f" · {r.subject}" if r.subject else ""
        pdf.block_title(
            f"{r.period_name} ({d(r.period_starts_on)} t/m {d(r.period_ends_on)}) · "
            f"groep {r.group_name} · {_label(CYCLES, r.cycle)}{subject}"
        )
        pairs = [
            ("Observaties", r.observations),
            ("Gesprek met de leerling", r.student_conversation),
            ("Gesprek met ouders", r.parent_conversation),
            ("Afspraken", r.agreements),
            ("Stimulerende factoren", r.stimulating_factors),
            ("Belemmerende factoren", r.hindering_factors),
            ("Talenten en sterke kanten", r.strengths),
            ("Werkhouding", r.work_attitude),
            ("Bijzonderheden", r.particulars),
            ("Instructiebehoefte", _label(INSTRUCTION_LEVELS, r.instruction_level)),
        ]
        if any(value for _, value in pairs):
            pdf.fields(pairs, label_width=width)
        else:
            pdf.empty("Niets over de leerling ingevuld.")
        if r.updated_by_name:
            pdf.byline(f"Laatst bijgewerkt door {r.updated_by_name} op {d(r.updated_at)}")

    pdf.subheading("Toets- en vragenlijstresultaten")
    if support.results:
        pdf.grid(
            ["Datum", "Soort", "Domein", "Instrument", "Score / niveau", "Bron"],
            [
                [
                    d(a.taken_on),
                    _label(RESULT_KINDS, a.kind)
                    + (f" ({_label(RESPONDENTS, a.respondent)})" if a.respondent else ""),
                    a.domain,
                    a.instrument,
                    _score(a.score, a.level),
                    f"{_label(RESULT_SOURCES, a.source)}, {a.entered_by_name}"
                    if a.entered_by_name
                    else _label(RESULT_SOURCES, a.source),
                ]
                for a in support.results
            ],
            [20, 32, 26, 36, 24, 36],
        )
    else:
        pdf.empty("Geen toets- of vragenlijstresultaten vastgelegd.")

    pdf.subheading("Signaleringen")
    if support.signals:
        pdf.grid(
            ["Datum", "Groep en periode", "Signalering", "Aanpak", "Toelichting", "Door",
             "Bevestigd"],
            [
                [
                    d(s.created_at),
                    f"{s.group_name}, {s.period_name}",
                    _label(SIGNAL_CATEGORIES, s.category),
                    f"{_label(SIGNAL_MODES, s.mode)}; op basis van "
                    + ", ".join(_label(SIGNAL_BASES, b) for b in s.basis),
                    s.note,
                    s.created_by_name,
                    d(s.confirmed_at),
                ]
                for s in support.signals
            ],
            [19, 23, 30, 28, 26, 28, 20],
        )  # fmt: skip
        pdf.paragraph(
            "Bevestigd: besproken en bevestigd in de groepsbespreking.", size=8.5, style="I"
        )
    else:
        pdf.empty("Geen signaleringen vastgelegd.")

    pdf.subheading("Onderwijsbehoeften")
    if not support.needs:
        pdf.empty("Geen onderwijsbehoeften vastgelegd.")
    for n in support.needs:
        where = f" · groep {n.group_name}, {n.period_name}" if n.group_name else ""
        kind = _label(DOMAINS, n.domain) + (f" ({n.subject})" if n.subject else "")
        pdf.block_title(f"{d(n.valid_from)} t/m {d(n.valid_until)} · {kind}{where}")
        pdf.fields(
            [
                ("Doelen", _goal_lines(n.goals)),
                ("Wat de leerling nodig heeft", "\n".join(_need_item(i) for i in n.items)),
                ("Talenten inzetten", n.uses_talents),
                ("Samen met de leerling", _yes_no(n.set_with_student)),
                (OWN_WORDS, n.student_view),
                ("Soort", f"{_label(SCOPES, n.scope)}, {_label(NATURES, n.nature)}"),
            ],
            label_width=width,
        )
        pdf.byline(f"Opgesteld door {n.author_name} op {d(n.created_at)}")

    pdf.subheading("Groepsbesprekingen")
    if support.meeting_decisions:
        pdf.grid(
            ["Datum", "Groep en periode", "Besluit", "Toelichting"],
            [
                [
                    d(m.held_on) if m.held_on else f"{d(m.scheduled_on)} (gepland)",
                    f"{m.group_name}, {m.period_name}",
                    _label(MEETING_DECISIONS, m.decision),
                    m.note,
                ]
                for m in support.meeting_decisions
            ],
            [24, 32, 56, 62],
        )
    else:
        pdf.empty("Geen besluiten over de leerling in een groepsbespreking.")

    pdf.subheading("Groepsplannen en evaluaties")
    if not support.plan_rows:
        pdf.empty("De leerling staat in geen groepsplan bij naam genoemd.")
    for row in support.plan_rows:
        subject = f" · {row.subject}" if row.subject else ""
        pdf.block_title(
            f"Groepsplan {row.group_name} · {row.period_name}{subject} "
            f"({_label(PLAN_STATUSES, row.plan_status)})"
        )
        pdf.fields(
            [
                (
                    "Plan",
                    f"{_label(PLAN_TYPES, row.plan_type)}, {d(row.starts_on)} t/m {d(row.ends_on)}",
                ),
                ("Subgroep", f"{row.name} ({_label(ROW_TARGETS, row.target)})"),
                ("Doelen", _goal_lines(row.goals)),
                ("Inhoud", row.content),
                ("Aanpak", row.approach),
                ("Organisatie", row.organisation),
                ("Vorm", _label(DELIVERY_MODES, row.delivery_mode)),
                ("Uitgevoerd door", row.delivered_by),
                ("Evaluatie: wie, hoe, wanneer", row.evaluation_plan),
                (
                    "Resultaat per doel",
                    "\n".join(
                        f"{o.goal_text}: {_label(GOAL_RESULTS, o.result)}" for o in row.outcomes
                    ),
                ),
                (
                    "Activiteiten uitgevoerd",
                    "" if row.activities_done is None else _yes_no(row.activities_done),
                ),
                ("Vervolg", _label(CONTINUATIONS, row.continuation)),
                ("Toelichting op het resultaat", row.causes),
            ],
            label_width=width,
        )

    pdf.subheading("Individuele handelingsplannen")
    if not support.individual_plans:
        pdf.empty("Geen individueel handelingsplan vastgelegd.")
    for i in support.individual_plans:
        pdf.block_title(
            f"{d(i.starts_on)} t/m {d(i.ends_on)} · bij groepsplan {i.group_name}, "
            f"{i.period_name} ({_label(PLAN_STATUSES, i.plan_status)})"
        )
        signed = (
            f"{i.parent_signed_by_name or 'ouder'} op {d(i.parent_signed_on)}"
            if i.parent_signed_on
            else "nog niet ondertekend"
        )
        pdf.fields(
            [
                ("Soort", _label(SCOPES, i.kind)),
                ("Besloten door", _label(IHP_DECIDERS, i.decided_by)),
                ("Doelen", _goal_lines(i.goals)),
                ("Verwachte leeropbrengst", i.learning_yield_expectation),
                ("Inhoud", i.content),
                ("Aanpak", i.approach),
                ("Organisatie", i.organisation),
                ("Evaluatie: wie, hoe, wanneer", i.evaluation_plan),
                ("Afspraken met ouders", i.parent_agreements),
                (OWN_WORDS, i.student_view),
                ("Ondertekend door ouder", signed),
                ("Evaluatie", i.evaluation),
                ("Geëvalueerd met", _evaluated_with(i) if i.evaluation else ""),
            ],
            label_width=width,
        )
        pdf.byline(f"Opgesteld door {i.author_name} op {d(i.created_at)}")

    pdf.subheading("Ontwikkelingsperspectief (OPP)")
    opp = support.development_perspective
    if opp is None:
        pdf.empty("Er is geen ontwikkelingsperspectief voor de leerling opgesteld.")
        return
    pdf.fields(
        [
            ("Extra ondersteuning sinds", d(opp.support_started_on)),
            ("Ondersteuning", opp.support_description),
            ("Beëindigd op", d(opp.ended_on)),
        ],
        label_width=width,
    )
    if not opp.versions:
        pdf.empty("Er is nog geen versie van het OPP vastgesteld.")
    for v in opp.versions:
        pdf.block_title(
            f"Versie {v.number} · {_label(OPP_KINDS, v.kind)} · vastgesteld op {d(v.determined_on)}"
        )
        pdf.fields(
            [
                ("Verwachte uitstroom", v.expected_outflow),
                ("Bestemming", v.destination),
                (
                    "Verwachte leeropbrengst",
                    "\n".join(
                        f"{y.subject} ({_label(HORIZONS, y.horizon)}): {y.expectation}"
                        for y in v.yield_expectations
                    ),
                ),
                (
                    "Bevorderend en belemmerend",
                    "\n".join(
                        f"{_label(FACTOR_KINDS, f.kind)} {_label(FACTOR_LOCI, f.locus)}: {f.text}"
                        for f in v.factors
                    ),
                ),
                ("Onderwijsbehoeften", v.needs),
                ("Geboden ondersteuning", v.support_offered),
                ("Doelen op lange termijn", "\n".join(f"- {t}" for t in v.long_term_goals)),
                ("Talenten", v.talents),
                (OWN_WORDS, v.student_view),
                ("Visie van de ouders", v.parents_view),
                ("Vastgesteld met de leerling", _yes_no(v.determined_with_student)),
                ("Vastgesteld met de ouders", _yes_no(v.determined_with_parents)),
            ],
            label_width=width,
        )
        pdf.byline(f"Opgesteld door {v.author_name}")


def _gifted_section(pdf: _ExportPdf, gifted: ExportGifted) -> None:
    """Begaafdheid: the support profile, the signalling instruments, admissions, offerings,
    keuze-uren, guidance and measurements."""
    pdf.heading("Begaafdheid")
    pdf.paragraph(
        "Wat de school vastlegt over de (hoog)begaafdheid van de leerling: het "
        "ondersteuningsprofiel, observaties, zelfbeoordelingen, behoeftepeilingen, aanmeldingen "
        "en deelname aan onderwijsaanbod, keuze-uren, begeleidingsperiodes en metingen. Van een "
        "onderwijsaanbod staan hier alleen de naam, de soort en de school. Ook gegevens die in "
        "Zorgroute maar voor een deel van de medewerkers zichtbaar zijn, staan hier.",
        size=9,
    )
    width = 62

    pdf.subheading("Ondersteuningsprofiel")
    p = gifted.profile
    if p is None:
        pdf.empty("Geen ondersteuningsprofiel vastgelegd.")
    else:
        pdf.fields(
            [
                (
                    "Gesignaleerd als (hoog)begaafd",
                    _yes_no(p.signalled_gifted)
                    + (f", op {d(p.signalled_on)}" if p.signalled_on else ""),
                ),
                ("Vermoeden van onderpresteren", _yes_no(p.underachievement_suspected)),
                ("Dubbel bijzonder", _yes_no(p.twice_exceptional)),
                ("Toelichting dubbel bijzonder", p.twice_exceptional_note),
                ("Complexiteit", _label(GIFTED_COMPLEXITIES, p.complexity)),
                ("Laatst gewijzigd", d(p.updated_at)),
            ],
            label_width=width,
        )

    pdf.subheading("Observaties")
    if not gifted.observations:
        pdf.empty("Geen observaties vastgelegd.")
    else:
        pdf.paragraph(
            "Score per vaardigheid: 1 = niet zichtbaar … 5 = volledig zichtbaar. Bij "
            "'Vaste mindset' betekent een hoge score meer moeite met fouten maken.",
            size=8.5,
            style="I",
        )
    for o in gifted.observations:
        by = " (specialist (hoog)begaafdheid)" if o.by_specialist else ""
        pdf.block_title(f"{d(o.observed_on)} · geobserveerd door {o.observer_name}{by}")
        pdf.grid(
            ["Vaardigheid", "Score", "Toelichting"],
            [
                [
                    s.skill_name,
                    str(s.score) if s.score is not None else "niet geobserveerd",
                    s.explanation,
                ]
                for s in o.scores
            ],
            [56, 28, 90],
        )
        pdf.fields(
            [
                ("Opmerkingen", o.remarks),
                ("Aanbeveling", o.recommendation_text),
                ("Opnieuw bekijken op", d(o.review_on)),
                ("Opvolging afgerond op", d(o.follow_up_done_at)),
            ],
            label_width=width,
        )

    pdf.subheading("Zelfbeoordelingen: executieve vaardigheden")
    if not gifted.self_assessments:
        pdf.empty("Geen zelfbeoordelingen vastgelegd.")
    for a in gifted.self_assessments:
        pdf.block_title(f"Ingevuld op {d(a.filled_on)}")
        pdf.fields(
            [
                (
                    "Hier ben ik goed in",
                    "\n".join(
                        f"- {x.skill_name} ({_label(SELF_CATEGORIES, x.category)})"
                        if x.category
                        else f"- {x.skill_name}"
                        for x in a.strengths
                    ),
                ),
                (
                    "Hier wil ik beter in worden",
                    "\n".join(
                        f"- {x.skill_name} ({_label(SELF_CATEGORIES, x.category)})"
                        if x.category
                        else f"- {x.skill_name}"
                        for x in a.attention_points
                    ),
                ),
                (OWN_WORDS, a.student_words),
                ("Besproken op", d(a.discussed_on)),
                ("Afgesproken aanpassingen", a.agreed_adjustments),
            ],
            label_width=width,
        )
        pdf.byline(f"Ingevoerd door {a.entered_by_name}")

    pdf.subheading("Behoeftepeilingen")
    if not gifted.needs_intakes:
        pdf.empty("Geen behoeftepeilingen vastgelegd.")
    for i in gifted.needs_intakes:
        pdf.block_title(f"Behoeftepeiling, gestart op {d(i.created_at)}")
        if not i.sections:
            pdf.empty("Nog door niemand ingevuld.")
        _intake_sections(pdf, i.sections, width)

    pdf.subheading("Aanmeldingen voor onderwijsaanbod")
    if not gifted.applications:
        pdf.empty("Geen aanmeldingen.")
    intakes = {i.id: i.sections for i in gifted.needs_intakes}
    for app in gifted.applications:
        _gifted_application(pdf, app, intakes, width)

    pdf.subheading("Deelname aan onderwijsaanbod")
    if not gifted.enrolments:
        pdf.empty("De leerling neemt aan geen onderwijsaanbod deel.")
    for e in gifted.enrolments:
        _offering_enrolment(pdf, e, width)

    pdf.subheading("Keuze-uren")
    if gifted.choice_hours:
        pdf.grid(
            ["Datum", "Uur", "Les en docent", "Waar en wat", "Status", "Aanwezig"],
            [
                [
                    d(h.lesson_date),
                    str(h.lesson_hour),
                    h.subject + (f"\n{h.subject_teacher_name}" if h.subject_teacher_name else ""),
                    f"{h.location}\n{_label(CHOICE_ACTIVITIES, h.activity_kind)}"
                    + (f": {h.activity}" if h.activity else ""),
                    _label(CHOICE_STATUSES, h.status)
                    + (f" ({h.acknowledged_by_name})" if h.acknowledged_by_name else "")
                    + (f"\nReden: {h.decline_reason}" if h.decline_reason else "")
                    + f"\nAangevraagd door {h.requested_by_name}",
                    _label(ATTENDANCE, h.attendance)
                    + (f"\ngecontroleerd door {h.checked_by_name}" if h.checked_by_name else ""),
                ]
                for h in gifted.choice_hours
            ],
            [20, 10, 32, 44, 42, 26],
        )
    else:
        pdf.empty("Geen keuze-uren aangevraagd.")

    pdf.subheading("Begeleidingsperiodes")
    if not gifted.guidance_periods:
        pdf.empty("Geen begeleidingsperiodes.")
    for g in gifted.guidance_periods:
        until = f" t/m {d(g.ends_on)}" if g.ends_on else ""
        pdf.block_title(
            f"Vanaf {d(g.starts_on)}{until} · fase: {g.phase_name} "
            f"({_label(GUIDANCE_STATUSES, g.status)})"
        )
        pdf.fields(
            [
                ("Regievoerder", g.lead_name),
                (
                    "Doelen (portfolio)",
                    "\n".join(
                        "\n".join(
                            line
                            for line in (
                                f"{n}. {goal.goal}",
                                f"   Plan: {goal.plan}" if goal.plan else "",
                                *(
                                    f"   {d(m.on)}: {m.note}" if m.on else f"   {m.note}"
                                    for m in goal.monitoring
                                ),
                                f"   Evaluatie: {goal.evaluation}" if goal.evaluation else "",
                                f"   Behaald: {_yes_no(goal.achieved)}"
                                if goal.achieved is not None
                                else "",
                            )
                            if line
                        )
                        for n, goal in enumerate(g.goals, start=1)
                    ),
                ),
                (
                    "Afspraken",
                    "\n".join(
                        f"- {a.who}: {a.what}" + "".join(f"; {p}" for p in (a.when, a.how) if p)
                        for a in g.agreements
                    ),
                ),
                (
                    "Differentiatie",
                    ", ".join(_label(DIFFERENTIATION, x) for x in g.differentiation),
                ),
                ("Externe factoren", g.external_factors),
                ("Voortgangsgesprek", f"elke {g.checkin_every_weeks} weken"),
                ("Reflectie van de leerling", g.student_reflection),
                ("Overdracht", g.handover_note),
                ("Ontwikkelpunten", g.development_points),
                ("Voor de volgende docent", g.transfer_notes),
            ],
            label_width=width,
        )
        if g.checkins:
            pdf.grid(
                ["Gesprek op", "Voortgang", "Toelichting", "Aanpassingen", "Door"],
                [
                    [
                        d(c.held_on),
                        _label(CHECKIN_PROGRESS, c.progress)
                        + (
                            f"; oorzaak: {_label(STAGNATION_CAUSES, c.stagnation_cause)}"
                            if c.stagnation_cause
                            else ""
                        ),
                        c.note,
                        c.adjustments,
                        c.held_by_name,
                    ]
                    for c in g.checkins
                ],
                [26, 34, 44, 40, 30],
            )
        else:
            pdf.empty("Nog geen voortgangsgesprekken.")

    pdf.subheading("Metingen")
    if gifted.measurements:
        pdf.grid(
            ["Meting", "Datum", "Vragenlijst", "Scores (1-5)", "Ingevoerd door"],
            [
                [
                    m.wave_name,
                    d(m.measured_on),
                    m.instrument,
                    "\n".join(
                        f"{c.construct_name}: {f'{c.score:g}'.replace('.', ',')}" for c in m.scores
                    ),
                    m.entered_by_name,
                ]
                for m in gifted.measurements
            ],
            [14, 20, 46, 64, 30],
        )
    else:
        pdf.empty("Geen metingen vastgelegd.")


def _intake_sections(pdf: _ExportPdf, sections: Sequence[ExportIntakeSection], width: int) -> None:
    for section in sections:
        who = ", ".join(
            p
            for p in (section.respondent, d(section.answered_on) if section.answered_on else "")
            if p
        )
        pdf.part_title(_label(INFORMANTS, section.informant) + (f" ({who})" if who else ""))
        if section.answers:
            pdf.fields([(a.question_text, a.answer) for a in section.answers], label_width=width)
        else:
            pdf.empty("Geen antwoorden.")


def _gifted_application(
    pdf: _ExportPdf,
    a: ExportGiftedApplication,
    intakes: dict[uuid.UUID, list[ExportIntakeSection]],
    width: int,
) -> None:
    offering = a.offering_name or "nog geen aanbod gekozen"
    kind = f" ({a.offering_kind_name})" if a.offering_kind_name else ""
    pdf.block_title(f"{offering}{kind} · {_label(APPLICATION_STATUSES, a.status)}")
    decided = a.status in ("admitted", "waitlisted", "rejected") or a.decided_at is not None
    snap = a.snapshot
    pdf.fields(
        [
            ("Soort aanmelding", _label(APPLICATION_KINDS, a.kind)),
            ("Aanbod van", a.offering_school_name or ""),
            ("Aanmeldroute", _label(APPLICATION_ROUTES, a.route)),
            ("Onderwijsbehoefte (motivatie)", a.motivation),
            ("Aangemaakt", f"{d(a.created_at)} door {a.created_by_name}"),
            (
                "Ingediend",
                f"{d(a.submitted_at)} door {a.submitted_by_name}" if a.submitted_at else "",
            ),
            (
                "Gegevens voor de commissie",
                ", ".join(
                    p
                    for p in (snap.student_name, snap.group_name, snap.grade, snap.school_name)
                    if p
                )
                if snap
                else "",
            ),
            (
                "Besluit",
                _label(APPLICATION_STATUSES, a.status)
                + (f" op {d(a.decided_at)}" if a.decided_at else "")
                if decided
                else "",
            ),
            ("Besloten door", ", ".join(a.decided_by)),
            ("Reden", a.decision_reason),
            (
                "Uitzondering op de criteria",
                f"ja: {a.exception_reason}" if a.exception else "",
            ),
            (
                "Plaats op de wachtlijst",
                str(a.waitlist_position) if a.waitlist_position is not None else "",
            ),
        ],
        label_width=width,
    )
    # The needs intake as the committee read it, when it has changed since.
    if (
        snap is not None
        and snap.needs_intake
        and a.needs_intake_id is not None
        and intakes.get(a.needs_intake_id) != snap.needs_intake
    ):
        pdf.paragraph(
            "Bij het indienen stond in de behoeftepeiling anders dan nu:", size=9, style="I"
        )
        _intake_sections(pdf, snap.needs_intake, width)


def _offering_enrolment(pdf: _ExportPdf, e: ExportOfferingEnrolment, width: int) -> None:
    name = e.offering_name or "onderwijsaanbod"
    kind = f" ({e.offering_kind_name})" if e.offering_kind_name else ""
    pdf.block_title(
        f"{name}{kind} · vanaf {d(e.starts_on)} ({_label(OFFERING_ENROLMENT_STATUSES, e.status)})"
    )
    ag = e.agreements
    pdf.fields(
        [
            ("Aanbod van", e.offering_school_name or ""),
            (
                "Doelen",
                "\n".join(
                    f"{n}. {g.text}"
                    + (" (cognitief)" if g.cognitive else "")
                    + f" — {_label(ENROLMENT_GOAL_STATUSES, g.status)}"
                    for n, g in enumerate(e.goals, start=1)
                ),
            ),
            (
                "Evaluatie",
                f"elke {e.review_every_weeks} weken"
                + ("" if e.status == "ended" else f", volgende op {d(e.next_review_on)}"),
            ),
            ("Docent in de klas", e.regular_teacher_name),
            ("Aanpassingen in de klas", e.class_adjustments),
            ("Afstemming met de klas", e.alignment),
            (
                "Beëindigd",
                f"{d(e.ended_on)}, {_label(EXIT_REASONS, e.exit_reason)}" if e.ended_on else "",
            ),
            ("Toelichting bij het einde", e.exit_note),
        ],
        label_width=width,
    )
    if ag is not None:
        pdf.part_title("Afspraken met de stamschool")
        pdf.fields(
            [
                (
                    "Wie is waarvoor verantwoordelijk",
                    "\n".join(f"- {r}" for r in ag.responsibilities),
                ),
                ("Wekelijks contact", ag.weekly_contact),
                ("Geleidelijke instroom", ag.gradual_intake),
                (
                    "Telt mee voor het rapport",
                    _yes_no(ag.counts_for_report)
                    + (f": {ag.report_subjects}" if ag.report_subjects else ""),
                ),
                ("Contact met de ouders", ag.parent_contact),
                ("Contactpersoon stamschool", ag.home_school_contact),
            ],
            label_width=width,
        )
    for r in e.reviews:
        pdf.part_title(f"Evaluatie {d(r.reviewed_on)} · {_label(REVIEW_DECISIONS, r.decision)}")
        with_whom = " en ".join(
            w
            for w, done in (("de leerling", r.with_student), ("de ouders", r.with_parents))
            if done
        )
        pdf.fields(
            [
                (
                    "Voortgang per doel",
                    "\n".join(
                        f"- {g.goal_text}: {_label(GOAL_PROGRESS, g.progress)}"
                        + (f" ({g.note})" if g.note else "")
                        for g in r.goal_progress
                    ),
                ),
                ("Besproken met", with_whom or "niet met de leerling of de ouders"),
                ("Aansluiting in de klas", r.class_alignment),
                ("Notities", r.notes),
                ("Volgende evaluatie", d(r.next_review_on)),
            ],
            label_width=width,
        )
        pdf.byline(f"Geëvalueerd door {r.reviewed_by_name}")


def _cases_section(pdf: _ExportPdf, cases: Sequence[ExportCase]) -> None:
    """Zorgtrajecten: the student's cases in the school's route, one after the other."""
    pdf.heading("Zorgtrajecten")
    pdf.paragraph(
        "Als de ondersteuning in de klas niet genoeg is, volgt de school de zorgroute: een "
        "zorgtraject met aanmeldingen, gesprekken met de leerling en de ouders, besprekingen in "
        "zorgoverleggen, afspraken en hulp binnen en buiten de school. Van een zorgoverleg staan "
        "hier alleen de titel, de datum en het verslag over deze leerling. Ook gegevens die in "
        "Zorgroute maar voor een deel van de medewerkers zichtbaar zijn, staan hier.",
        size=9,
    )
    if not cases:
        pdf.empty("Er is geen zorgtraject voor de leerling.")
    for c in cases:
        _case(pdf, c)


def _case(pdf: _ExportPdf, c: ExportCase) -> None:
    width = 62
    pdf.subheading(f"{c.route_name}, geopend op {d(c.opened_at)}")
    level = f" ({c.level_name})" if c.level_name else ""
    pdf.fields(
        [
            ("Zorgroute", f"{c.route_name} (versie {c.route_revision})"),
            ("Stap", f"{c.state_name}{level}, sinds {d(c.state_since)}"),
            (
                "Geopend",
                f"{d(c.opened_at)}, {_label(CASE_ORIGINS, c.origin)}; "
                f"aangemeld door {c.registrant_name}",
            ),
            (
                "Afgesloten",
                d(c.closed_at) + (" (voorlopig)" if c.closure_provisional else "")
                if c.closed_at
                else "",
            ),
            ("Complexiteit", _label(COMPLEXITIES, c.complexity)),
            ("Casusregisseur", c.coordinator_name or ""),
            ("Contactpersoon voor de ouders", c.parent_contact_name or ""),
            ("Reden van aanmelding", "\n".join(f"- {_label(CASE_REASONS, r)}" for r in c.reasons)),
            ("Hulpvraag van de leerling", c.help_question_student or ""),
            ("Hulpvraag van de ouders", c.help_question_parents or ""),
            ("Begeleidingsvraag", c.guidance_question or ""),
            (STRENGTHS, _factor_lines(c.strengths)),
            (HINDERING, _factor_lines(c.hindering)),
            ("Schoolloopbaan", c.school_career or ""),
            ("Eerdere ondersteuning", c.prior_support or ""),
            ("Thuissituatie", c.home_situation or ""),
            ("Vraag aan het ZAT / OT", c.zat_question or ""),
            (
                "Ouders op de hoogte",
                _yes_no(c.parents_informed)
                + (
                    f"; reden: {c.parents_not_informed_reason}"
                    if c.parents_not_informed_reason
                    else ""
                ),
            ),
            ("Eerste bespreking", d(c.first_discussed_at)),
            ("Evaluatiedatum", d(c.evaluation_on)),
        ],
        label_width=width,
    )

    pdf.part_title("Aanmeldingen")
    if not c.registrations:
        pdf.empty("Geen aanmeldingsformulier ingevuld.")
    for r in c.registrations:
        _registration(pdf, r, c, width)

    pdf.part_title("Screenings")
    if c.screenings:
        pdf.grid(
            ["Datum", "Formulier", "De vier vragen", "Uitkomst", "Toelichting", "Door"],
            [
                [
                    d(s.screened_at),
                    s.registration_kind.upper(),
                    "\n".join(
                        f"{question}: {_yes_no(getattr(s, key))}"
                        for key, question in SCREENING_CHECKS
                    ),
                    _label(SCREENING_OUTCOMES, s.outcome),
                    "\n".join(
                        p
                        for p in (
                            "Wat ontbreekt: " + "; ".join(s.missing_items)
                            if s.missing_items
                            else "",
                            f"Voorgestelde acties: {s.proposed_actions}"
                            if s.proposed_actions
                            else "",
                            s.notes or "",
                        )
                        if p
                    ),
                    s.screened_by,
                ]
                for s in c.screenings
            ],
            [20, 18, 52, 28, 32, 24],
        )
    else:
        pdf.empty("Geen screenings vastgelegd.")

    pdf.part_title("Gesprekken met de leerling en de ouders")
    if not c.conversations:
        pdf.empty("Geen gesprekken vastgelegd.")
    for v in c.conversations:
        forum = f" ({_label(FORUMS, v.forum)})" if v.forum else ""
        pdf.block_title(
            f"{d(v.held_on)} · {_label(CONVERSATION_WITH, v.with_whom)}, "
            f"{_label(CONVERSATION_MOMENTS, v.moment)}{forum}"
        )
        pdf.fields(
            [
                ("Aanwezig", v.participants or ""),
                ("Verslag", v.summary),
                ("Afspraken", v.agreements or ""),
            ],
            label_width=width,
        )
        pdf.byline(f"Vastgelegd door {v.recorded_by}")

    pdf.part_title("Zorgoverleggen en verslagen")
    if not c.discussions:
        pdf.empty("Het zorgtraject is in geen zorgoverleg besproken.")
    for m in c.discussions:
        pdf.block_title(
            f"{m.meeting_title} · {_label(FORUMS, m.meeting_forum)} · "
            f"{d(m.meeting_held_at or m.meeting_scheduled_at)} "
            f"({_label(CARE_MEETING_STATUSES, m.meeting_status)})"
        )
        pdf.fields(
            [
                ("Soort bespreking", _label(DISCUSSION_KINDS, m.kind)),
                ("Besproken op", d(m.discussed_at) if m.discussed_at else "nog niet besproken"),
                *[(_label(MINUTES_FIELDS, k), v) for k, v in _in_form_order(m.minutes)],
                ("Besluiten", "\n".join(f"- {x}" for x in m.decisions)),
                ("Evaluatiedatum", d(m.evaluation_on)),
                ("Informeert leerling en ouders", m.informs_student_parents or ""),
                ("Koppelt het advies terug", m.relays_advice_to_school or ""),
            ],
            label_width=width,
        )
        if m.recorded_by:
            pdf.byline(f"Verslag vastgelegd door {m.recorded_by}")

    pdf.part_title("Actiepunten (plan van aanpak)")
    if c.action_items:
        pdf.grid(
            ["Actie", "Doel", "Wie", "Uiterlijk", "Stand", "Terugkoppeling"],
            [
                [
                    a.description,
                    a.goal or "",
                    a.owner_name + (f" ({a.organisation})" if a.organisation else ""),
                    d(a.due_on),
                    _label(ACTION_STATUSES, a.status)
                    + (f" op {d(a.done_at)}" if a.done_at else ""),
                    a.report or "",
                ]
                for a in c.action_items
            ],
            [40, 30, 30, 20, 20, 34],
        )
    else:
        pdf.empty("Geen actiepunten.")

    pdf.part_title("Interventies")
    if not c.interventions:
        pdf.empty("Geen interventies.")
    for i in c.interventions:
        until = f" t/m {d(i.ends_on)}" if i.ends_on else ""
        pdf.block_title(
            f"{_label(INTERVENTION_KINDS, i.kind)} · vanaf {d(i.starts_on)}{until} "
            f"({_label(INTERVENTION_STATUSES, i.status)})"
        )
        pdf.fields(
            [
                ("Doel", i.goal),
                ("Door wie", i.provider),
                ("Hoe vaak", i.frequency or ""),
                ("Evalueren op", d(i.evaluation_on)),
                ("Resultaat", i.outcome or ""),
                ("Effect volgens de leerling", _effect(i.effect_student, i.effect_student_note)),
                ("Effect volgens de ouders", _effect(i.effect_parents, i.effect_parents_note)),
                (
                    "Overgedragen aan de klas",
                    _yes_no(i.transferred_to_class) if i.status == "ended" else "",
                ),
            ],
            label_width=width,
        )

    pdf.part_title("Verwijzingen")
    if not c.referrals:
        pdf.empty("Geen verwijzingen naar externe zorg.")
    for f in c.referrals:
        pdf.block_title(
            f"{d(f.referred_on)} · {_label(REFERRAL_TARGETS, f.target)} "
            f"({_label(REFERRAL_STATUSES, f.status)})"
        )
        pdf.fields(
            [
                ("Organisatie", f.organisation or ""),
                ("Reden en vraag", f.reason),
                (
                    "Grondslag",
                    f"zonder toestemming: {_label(LEGAL_GROUNDS, f.legal_ground)}"
                    if f.legal_ground
                    else ("toestemming" if f.consent_id else "geen gegevens gedeeld"),
                ),
                ("Gestart op", d(f.started_on)),
                ("Terugkoppeling", f.feedback or ""),
            ],
            label_width=width,
        )

    pdf.part_title("Samenwerkingsverband")
    if not c.swv_requests:
        pdf.empty("Geen arrangement aangevraagd bij het samenwerkingsverband.")
    for w in c.swv_requests:
        temporary = ", tijdelijk" if w.temporary else ""
        pdf.block_title(
            f"{d(w.requested_on)} · {_label(SWV_REQUEST_TYPES, w.request_type)}{temporary}"
        )
        decided = f" op {d(w.decided_on)}" if w.decided_on else ""
        weeks = (
            f" ({(w.starts_on - w.requested_on).days / 7:.1f} weken na de aanvraag)".replace(
                ".", ","
            )
            if w.starts_on
            else ""
        )
        pdf.fields(
            [
                ("Doelen en activiteiten", w.goals),
                (
                    "Gedocumenteerde inspanningen",
                    "\n".join(
                        "- " + e.what + "".join(f"; {p}" for p in (e.period, e.result) if p)
                        for e in w.documented_efforts
                    ),
                ),
                ("Gewenste start", d(w.requested_start)),
                ("Toestemming ouders", "ja" if w.consent_id else ""),
                ("Besluit", _label(SWV_DECISIONS, w.decision) + decided),
                ("Toelichting bij het besluit", w.decision_note or ""),
                ("Start", d(w.starts_on) + weeks),
                ("Einde", d(w.ended_on)),
            ],
            label_width=width,
        )

    if c.closure is not None:
        pdf.part_title("Afsluiting")
        pdf.fields(
            [
                ("Uitkomst", _label(CLOSURE_OUTCOMES, c.closure.outcome)),
                ("Eindevaluatie", c.closure.evaluation),
                (
                    "Geëvalueerd met",
                    " en ".join(
                        w
                        for w, done in (
                            ("de leerling", c.closure.evaluated_with_student),
                            ("de ouders", c.closure.evaluated_with_parents),
                        )
                        if done
                    )
                    or "niet met de leerling of de ouders",
                ),
                ("Nazorg", c.closure.aftercare),
                ("Voorlopig afgesloten", _yes_no(c.closure.provisional)),
            ],
            label_width=width,
        )

    pdf.part_title("Tijdlijn")
    if c.events:
        pdf.grid(
            ["Wanneer", "Wat", "Door", "Reden"],
            [[dt(e.at), _event_text(e), e.actor_name, e.reason or ""] for e in c.events],
            [28, 80, 34, 32],
        )
    else:
        pdf.empty("Nog niets vastgelegd.")


def _registration(pdf: _ExportPdf, r: ExportCaseRegistration, c: ExportCase, width: int) -> None:
    pdf.block_title(
        f"{_label(REGISTRATION_TITLES, r.kind)} ({_label(REGISTRATION_STATUSES, r.status)})"
    )
    form = r.form
    pdf.fields(
        [
            (
                "Vorm van ondersteuning",
                ", ".join(_label(SUPPORT_TYPES, t) for t in form.support_types),
            ),
            (
                "Vraag aan het ZAT",
                ", ".join(_label(REQUEST_TYPES, t) for t in form.request_types),
            ),
            *[(label, str(getattr(form, key))) for key, label in REGISTRATION_FIELDS],
        ],
        label_width=width,
    )
    if not any((form.support_types, form.request_types)) and not any(
        getattr(form, key) for key, _ in REGISTRATION_FIELDS
    ):
        pdf.empty("Het formulier is nog leeg.")
    snap = r.snapshot
    if snap is not None:
        # The case file frozen on submission: only what has changed since is repeated here.
        reasons_then = "\n".join(f"- {_label(CASE_REASONS, x)}" for x in snap.reasons)
        reasons_now = "\n".join(f"- {_label(CASE_REASONS, x)}" for x in c.reasons)
        then = [
            ("Hulpvraag van de leerling", snap.help_question_student, c.help_question_student),
            ("Hulpvraag van de ouders", snap.help_question_parents, c.help_question_parents),
            ("Begeleidingsvraag", snap.guidance_question, c.guidance_question),
            (STRENGTHS, _factor_lines(snap.strengths), _factor_lines(c.strengths)),
            (HINDERING, _factor_lines(snap.hindering), _factor_lines(c.hindering)),
            ("Schoolloopbaan", snap.school_career, c.school_career),
            ("Eerdere ondersteuning", snap.prior_support, c.prior_support),
            ("Reden van aanmelding", reasons_then, reasons_now),
        ]
        changed = [
            (label, was or "(leeg)") for label, was, now in then if (was or "") != (now or "")
        ]
        if changed:
            pdf.paragraph(
                "Bij het indienen stond in het casusdossier anders dan nu:", size=9, style="I"
            )
            pdf.fields(changed, label_width=width)
    if r.submitted_at:
        pdf.byline(f"Ingediend door {r.submitted_by or 'onbekend'} op {d(r.submitted_at)}")


def _in_form_order(minutes: dict[str, str]) -> list[tuple[str, str]]:
    """The report fields in the order of the forms (JSON objects lose their order)."""
    order = {key: n for n, key in enumerate(MINUTES_FIELDS)}
    return sorted(minutes.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))


def _factor_lines(f: ExportFactors) -> str:
    return "\n".join(
        f"{place}: {text}" for key, place in FACTOR_PLACES if (text := getattr(f, key))
    )


def _effect(code: str | None, note: str | None) -> str:
    return ": ".join(p for p in (_label(EFFECTS, code), note or "") if p)


def _event_text(e: ExportCaseEvent) -> str:
    """What happened, in Dutch, as the case's timeline shows it."""
    action = e.action or ""
    match e.kind:
        case "opened":
            what = f"Zorgtraject geopend: {e.step_label or action}"
        case "transition":
            what = e.step_label or action
        case "screening":
            what = f"Screening: {_label(SCREENING_OUTCOMES, action)}"
        case "conversation":
            with_whom, _, moment = action.partition("_")
            what = f"{_label(CONVERSATION_WITH, with_whom)}, {_label(CONVERSATION_MOMENTS, moment)}"
        case "discussion":
            what = (
                "Geagendeerd voor een zorgoverleg"
                if action == "scheduled"
                else "Verslag van de bespreking vastgelegd"
            )
        case "action_item":
            what = (
                "Actiepunt toegevoegd"
                if action == "added"
                else f"Actiepunt {_label(ACTION_STATUSES, action)}"
            )
        case "intervention":
            what = (
                "Interventie toegevoegd"
                if action == "started"
                else f"Interventie: {_label(INTERVENTION_STATUSES, action)}"
            )
        case "referral":
            what = (
                f"Verwezen naar {REFERRAL_TARGETS[action]}"
                if action in REFERRAL_TARGETS
                else f"Verwijzing: {_label(REFERRAL_STATUSES, action)}"
            )
        case "swv_request":
            what = (
                f"Arrangement aangevraagd: {SWV_REQUEST_TYPES[action]}"
                if action in SWV_REQUEST_TYPES
                else f"Besluit samenwerkingsverband: {_label(SWV_DECISIONS, action)}"
            )
        case "grant":
            what = "Tijdelijke toegang voor een externe partner"
        case _:
            what = _label(EVENT_KINDS, e.kind) + (f": {action}" if action else "")
    if e.from_state_name and e.to_state_name and e.from_state != e.to_state:
        what += f"\nvan “{e.from_state_name}” naar “{e.to_state_name}”"
    elif e.kind == "opened" and e.to_state_name:
        what += f"\nstap: “{e.to_state_name}”"
    return what


def _goal_lines(goals: Sequence[ExportGoal]) -> str:
    lines = []
    for n, g in enumerate(goals, start=1):
        extra = "; ".join(
            p
            for p in (
                f"meten: {g.measure}" if g.measure else "",
                f"uiterlijk {d(g.target_date)}" if g.target_date else "",
            )
            if p
        )
        lines.append(f"{n}. {g.text}" + (f" ({extra})" if extra else ""))
    return "\n".join(lines)


def _evaluated_with(ihp: ExportIndividualPlan) -> str:
    who = [
        w
        for w, done in (
            ("de leerling", ihp.evaluated_with_student),
            ("de ouders", ihp.evaluated_with_parents),
        )
        if done
    ]
    return " en ".join(who) or "niet met de leerling of de ouders"


def _need_item(item: ExportNeedItem) -> str:
    """ "Instructie: een instructie die verlengd is — met voordoen" (begrijpwijzer)."""
    name, heading = NEED_CATEGORIES.get(item.category, (item.category, ""))
    said = f"{heading} {item.phrase}".strip() if item.phrase else ""
    return f"{name}: " + " — ".join(p for p in (said, item.text) if p)


def _score(score: float | None, level: str | None) -> str:
    number = f"{score:g}".replace(".", ",") if score is not None else ""
    if number and level:
        return f"{number} ({level})"
    return number or level or ""


def _audit_rows(events: Sequence[ExportAuditEvent]) -> list[list[str]]:
    """One row per day, person, role, action and purpose (in time order), with a count."""
    rows: list[list[str]] = []
    key: tuple[str, ...] | None = None
    first = last = ""
    count = 0
    for e in events:
        when = _local(e.occurred_at)
        k = (
            when.strftime("%d-%m-%Y"),
            e.actor_name or e.actor_id or "onbekend",
            _roles(e.actor_role),
            _action(e.action),
            _label(PURPOSES, e.purpose),
        )
        if k == key:
            count += 1
            last = when.strftime("%H:%M")
            continue
        if key is not None:
            rows.append(_audit_row(key, first, last, count))
        key, first, last, count = k, when.strftime("%H:%M"), when.strftime("%H:%M"), 1
    if key is not None:
        rows.append(_audit_row(key, first, last, count))
    return rows


def _audit_row(key: tuple[str, ...], first: str, last: str, count: int) -> list[str]:
    day, who, role, what, purpose = key
    time = first if first == last else f"{first}–{last}"
    return [day, time, who, role, what, purpose, str(count)]
