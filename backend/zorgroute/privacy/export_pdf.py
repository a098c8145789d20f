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
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from zorgroute.privacy.export_schemas import ExportAuditEvent, StudentExport

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
}


def _label(table: dict[str, str], code: str | None) -> str:
    if not code:
        return ""
    return table.get(code, code)


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


def _name(given: str, infix: str | None, family: str) -> str:
    return " ".join(p for p in (given, infix, family) if p)


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
            self.cell(label_width, 5.5, label)
            self.set_font("Helvetica", size=10)
            self.multi_cell(0, 5.5, value, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

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
    student_name = _name(s.given_name, s.infix, s.family_name)
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
                    _name(g.given_name, g.infix, g.family_name),
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
                        f"{_name(m.given_name, m.infix, m.family_name)} "
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
            _label(ACTIONS, e.action),
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
