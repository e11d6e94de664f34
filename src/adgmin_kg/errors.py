"""The few exceptions adgmin-kg raises; each message is one line a user can act on."""

from __future__ import annotations

from pathlib import Path
from typing import Any


class AdgminKgError(Exception):
    """Base class: ``str(error)`` is the one-line message the CLI prints."""


class ReleaseError(AdgminKgError):
    """A release (text or metadata) cannot be read or is not a release of this genre."""

    def __init__(self, path: Path | str, message: str, line: int | None = None) -> None:
        self.path = Path(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line is not None else str(self.path)
        super().__init__(f"{where}: {message}")

    def __reduce__(self):  # type: ignore[no-untyped-def]  # so it crosses from a worker process
        return (type(self), (self.path, self.message, self.line))


class DataError(AdgminKgError):
    """A gazetteer, curation or gold file is malformed."""

    def __init__(self, path: Path | str, message: str) -> None:
        self.path = Path(path)
        self.message = message
        super().__init__(f"{self.path}: {message}")

    def __reduce__(self):  # type: ignore[no-untyped-def]  # so it crosses from a worker process
        return (type(self), (self.path, self.message))


class GraphInvalidError(AdgminKgError):
    """The built graph violates the SHACL shapes; ``report`` holds the details."""

    def __init__(self, report: Any, message: str | None = None) -> None:
        self.report = report
        super().__init__(message or "the graph does not conform to the SHACL shapes")


class QueryError(AdgminKgError):
    """A stored query, a query file or a query parameter is unusable."""
