"""Privacy-specific problems."""

from __future__ import annotations

from zorgroute.core.errors import AppError


class ConsentMissing(AppError):
    """Sharing outside the school without a consent that covers it, nor a legal ground."""

    status, code, title = 422, "consent-missing", "No valid consent covers this sharing"
