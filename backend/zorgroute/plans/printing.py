"""The light group plan on one A4 page (landscape): what the class folder needs, nothing more.
Long cells are shortened so the page never spills over; the full plan stays in the app."""

from __future__ import annotations

import uuid

from fpdf import FPDF
from fpdf.fonts import FontFace

from zorgroute.core.db import UnitOfWork
from zorgroute.core.security.principal import Principal
from zorgroute.plans.group_plans import get_plan
from zorgroute.plans.schemas import PlanRead
from zorgroute.privacy.export_pdf import pdf_text
from zorgroute.roster.models import PersonName

STATUS = {
    "draft": "concept", "active": "actief", "midterm_reviewed": "tussenevaluatie gedaan",
    "evaluated": "geëvalueerd", "archived": "gearchiveerd",
}  # fmt: skip
TYPE = {
    "cross_subject": "vakoverstijgend",
    "subject_convergent": "vakspecifiek, convergent",
    "subject_divergent": "vakspecifiek, divergent",
}
COLUMNS = ("Groep / namen", "Doelen", "Inhoud en aanpak", "Organisatie", "Evaluatie")
WIDTHS = (42, 70, 75, 45, 45)
CELL_LIMIT = 330  # characters: five rows of this fill the page


def _short(text: str, limit: int = CELL_LIMIT) -> str:
    text = " ".join(text.split())
    return pdf_text(text if len(text) <= limit else text[: limit - 1].rstrip() + "…")


def _names(plan: PlanRead, ids: list[uuid.UUID]) -> str:
    by_id = {s.id: s for s in plan.students}
    return ", ".join(
        PersonName.display(s.preferred_name or s.given_name, s.infix, s.family_name)
        for i in ids
        if (s := by_id.get(i))
    )


def render(plan: PlanRead) -> bytes:
    pdf = FPDF(orientation="L", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(10, 10, 10)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 13)
    subject = f" - {plan.subject}" if plan.subject else ""
    pdf.cell(
        0, 7, pdf_text(f"Groepsplan {plan.group_name}{subject}"), new_x="LMARGIN", new_y="NEXT"
    )
    pdf.set_font("Helvetica", size=8.5)
    header = (
        f"{plan.period_name}: {plan.starts_on:%d-%m-%Y} t/m {plan.ends_on:%d-%m-%Y} "
        f"({plan.weeks:g} weken) | {TYPE[plan.plan_type]} | {STATUS[plan.status]} | "
        f"opgesteld door {plan.author_name}"
    )
    pdf.cell(0, 5, pdf_text(header), new_x="LMARGIN", new_y="NEXT")
    if plan.attention_points:
        points = "; ".join(a.description for a in plan.attention_points)
        pdf.multi_cell(0, 4, _short(f"Aandachtspunten hele groep: {points}", 400))
    pdf.ln(1)
    pdf.set_font("Helvetica", size=7)
    budget = 8 if plan.attention_points else 9  # rows that fit below the header
    with pdf.table(
        col_widths=WIDTHS,
        headings_style=FontFace(emphasis="BOLD", fill_color=(230, 236, 242)),
        line_height=3.2,
        text_align="LEFT",
    ) as table:
        table.row([pdf_text(c) for c in COLUMNS])
        for row in plan.rows[:budget]:
            who = row.name + (f": {_names(plan, row.student_ids)}" if row.student_ids else "")
            goals = " / ".join(g.text for g in row.goals)
            table.row(
                [
                    _short(who, 160),
                    _short(goals),
                    _short(f"{row.content} {row.approach}".strip()),
                    _short(f"{row.organisation} {row.delivered_by}".strip(), 200),
                    _short(row.evaluation_plan, 200),
                ]
            )
    if len(plan.rows) > budget:
        pdf.set_font("Helvetica", "I", 7)
        pdf.cell(0, 4, pdf_text(f"+ {len(plan.rows) - budget} rijen: zie Zorgroute."))
    if plan.amendments:
        pdf.ln(2)
        pdf.set_font("Helvetica", "I", 7)
        notes = " | ".join(f"{a.created_at:%d-%m}: {a.text}" for a in plan.amendments)
        pdf.multi_cell(0, 3.2, _short(f"Tussentijdse aanpassingen: {notes}", 400))
    return bytes(pdf.output())


async def plan_pdf(uow: UnitOfWork, principal: Principal, plan_id: uuid.UUID) -> tuple[bytes, str]:
    plan = await get_plan(uow, principal, plan_id)
    safe = "".join(c if c.isalnum() else "-" for c in plan.group_name)
    return render(plan), f"groepsplan-{safe}.pdf"
