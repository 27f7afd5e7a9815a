"""One exception root for the whole product; the API and CLI map these once."""

from __future__ import annotations


class AppError(Exception):
    """Root of every error Samkarta raises on purpose."""

    status = 500


class InvalidInput(AppError):
    """A document or parameter that cannot be used, with the reason."""

    status = 422

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class NotFound(AppError):
    """An id or name that is not in the graph."""

    status = 404


class StoreUnavailable(AppError):
    """The graph store cannot be reached or refused the operation."""

    status = 503


class StoreOutdated(AppError):
    """The store was written in an older layout; `samkarta migrate` converts it."""

    status = 503


class Conflict(AppError):
    """A change that contradicts the state it is made on (undoing what is already undone)."""

    status = 409
