"""Reading back the PDFs the app writes (fpdf2 with a core font) in tests."""

from __future__ import annotations

import re
import zlib


def pdf_text(pdf: bytes) -> str:
    """The text shown by a PDF written by fpdf2 with a core font: its (deflated) content
    streams, whose strings are WinAnsi (Windows-1252) bytes. fpdf2 writes exactly
    "stream\\n<data>\\nendstream": compressed data may itself end in a carriage return, which
    a pattern allowing "\\r\\n" would take away (and the page would not decompress)."""
    out = []
    for raw in re.findall(rb"stream\n(.*?)\nendstream", pdf, re.DOTALL):
        try:
            out.append(zlib.decompress(raw).decode("cp1252", errors="replace"))
        except zlib.error:
            out.append(raw.decode("cp1252", errors="replace"))
    text = "\n".join(out)
    return text.replace("\\(", "(").replace("\\)", ")").replace("\\\\", "\\")


def joined_lines(text: str) -> str:
    """`pdf_text` with the text lines joined by a space: a narrow cell or a long value wraps
    onto several lines, each its own text object."""
    return " ".join(re.sub(r"\)\s*Tj\s*ET\s*BT[^(]*\(", " ", text).split())
