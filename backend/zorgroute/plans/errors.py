"""Problems of the plan lifecycles."""

from __future__ import annotations

from zorgroute.core.errors import AppError


class InvalidTransition(AppError):
    """The step is not in the lifecycle's transition table from the current status."""

    status, code, title = (
        409,
        "invalid-transition",
        "This step is not possible from the current status",
    )


class GuardFailed(AppError):
    """The step is allowed, but something it needs is missing: listed in `missing`."""

    status, code, title = 422, "transition-guard-failed", "Something this step needs is missing"
