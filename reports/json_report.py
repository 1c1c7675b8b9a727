"""JSON renderer: the report contract of DESIGN.md, as pydantic writes it."""

from __future__ import annotations

from auditor.reports.interface import Renderer

from auditor.models import AuditReport


class JsonRenderer(Renderer):
    """`AuditReport` as indented JSON; the article text is left out unless `include_text`."""

    extension = "json"

    def __init__(self, *, include_text: bool = False) -> None:
        self.include_text = include_text

    def render(self, report: AuditReport) -> str:
        """The report as JSON (schema_version 1)."""
        if self.include_text:
            return report.model_dump_json(indent=2)
        return report.model_dump_json(indent=2, exclude={"documents": {"__all__": {"text"}}})
