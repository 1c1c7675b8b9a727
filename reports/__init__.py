"""Renderers of an `AuditReport`: Markdown, JSON, HTML. Imports only the report models."""
