"""Renderers of an `AuditReport`: Markdown, JSON, HTML. Imports only the report models."""

from __future__ import annotations

from auditor.reports.html import HtmlRenderer
from auditor.reports.interface import Renderer, RenderError
from auditor.reports.json_report import JsonRenderer
from auditor.reports.markdown import MarkdownRenderer

RENDERERS: dict[str, type[Renderer]] = {
    "markdown": MarkdownRenderer,
    "json": JsonRenderer,
    "html": HtmlRenderer,
}


def renderer_for(format_name: str) -> Renderer:
    """The renderer of a `--format` value (markdown, json, html); RenderError for any other."""
    try:
        return RENDERERS[format_name]()
    except KeyError:
        known = ", ".join(sorted(RENDERERS))
        raise RenderError(f"unknown report format {format_name!r} (expected one of: {known})") from None


__all__ = ["HtmlRenderer", "JsonRenderer", "MarkdownRenderer", "RENDERERS", "RenderError", "Renderer",
           "renderer_for"]
