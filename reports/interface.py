"""The renderer interface: an `AuditReport` in, a string out (the CLI writes it)."""

from __future__ import annotations

from abc import ABC, abstractmethod

from auditor.models import AuditReport


class RenderError(Exception):
    """A report could not be rendered (base class of every renderer's errors)."""


class Renderer(ABC):
    """Turns an audit into text; renderers do no I/O of their own."""

    #: File extension of the output, without the dot (for the CLI's default output name).
    extension: str = "txt"

    @abstractmethod
    def render(self, report: AuditReport) -> str:
        """The whole report as one string."""
