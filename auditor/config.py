"""Configuration: `auditor.toml` or `[tool.auditor]` in pyproject.toml, then env vars, then flags.

Precedence (lowest first): defaults < file < environment (AUDITOR_EMAIL, AUDITOR_CACHE_DIR,
AUDITOR_FAIL_ON, AUDITOR_FORMAT, AUDITOR_OFFLINE) < command-line flags. NCBI_API_KEY is left to the
sources and never read here. Every problem is a `ConfigError` with a one-line message.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from auditor.models import Severity

FailOn = Literal["error", "warning", "never"]
ReportFormat = Literal["markdown", "json", "html"]
ENV_KEYS = {
    "AUDITOR_EMAIL": "email",
    "AUDITOR_CACHE_DIR": "cache_dir",
    "AUDITOR_FAIL_ON": "fail_on",
    "AUDITOR_FORMAT": "format",
    "AUDITOR_OFFLINE": "offline",
}
DEFAULT_TIMEOUT = 3600.0  # one hour of lookups; the cache keeps what was found, so a re-run goes on
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


class ConfigError(ValueError):
    """The configuration cannot be used; the message is one line."""


class AuditorConfig(BaseModel):
    """Every setting of a run, validated."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    paths: list[str] = Field(default_factory=list)
    format: ReportFormat = "markdown"
    fail_on: FailOn = "error"
    offline: bool = False
    jobs: int = Field(default=1, ge=1, le=64)
    out_dir: str | None = None
    email: str | None = None
    cache_dir: str | None = None
    cache_found_days: float = Field(default=7, ge=0)
    cache_not_found_days: float = Field(default=1, ge=0)
    enable: list[str] = Field(default_factory=list)  # codes or prefixes; empty = all
    ignore: list[str] = Field(default_factory=list)  # codes or prefixes
    severity: dict[str, Severity] = Field(default_factory=dict)  # code → severity
    references: str | None = None
    max_claims: int = Field(default=5_000, ge=1)  # claims checked per document; the rest get U903
    incomplete_ok: bool = False  # exit 0, not 3, when lookups failed or files could not be read
    # seconds the lookups of a run may take in all (0: no deadline); what is not asked by then is
    # unverifiable and the run exits 3, so a cron job never hangs on a slow service
    timeout: float = Field(default=DEFAULT_TIMEOUT, ge=0)

    def code_enabled(self, code: str) -> bool:
        """True when `code` is selected by `enable` and not excluded by `ignore`."""
        if not self.enable and not self.ignore:
            return True  # the default: every code (asked for every finding of every check)
        enabled = not self.enable or any(code.startswith(p) for p in self.enable)
        return enabled and not any(code.startswith(p) for p in self.ignore)

    def severity_of(self, code: str, default: Severity) -> Severity:
        """The configured severity of `code`, else its default."""
        return self.severity.get(code, default)

    def check_codes(self, known: Iterable[str]) -> None:
        """Raise `ConfigError` when enable/ignore/severity name a code (or prefix) no check has."""
        codes = list(known)
        for key in ("enable", "ignore"):
            for prefix in getattr(self, key):
                if not any(code.startswith(prefix) for code in codes):
                    raise ConfigError(f"{key}: no check code starts with {prefix!r} (see `auditor checks`)")
        for code in self.severity:
            if code not in codes:
                raise ConfigError(f"severity: unknown check code {code!r} (see `auditor checks`)")


def find_config_file(cwd: Path) -> tuple[Path, dict[str, Any]] | None:
    """`auditor.toml` in cwd, else pyproject.toml's [tool.auditor] table: the file and its settings."""
    own = cwd / "auditor.toml"
    if own.is_file():
        return own, _read_toml(own)
    pyproject = cwd / "pyproject.toml"
    if pyproject.is_file():
        table = _read_toml(pyproject).get("tool", {}).get("auditor")
        if isinstance(table, dict):
            return pyproject, table
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML ({_first_line(str(exc))})") from None


def file_settings(config_file: Path | None, cwd: Path) -> tuple[dict[str, Any], str | None]:
    """Settings from an explicit file or the one found in cwd, and where they came from."""
    if config_file is not None:
        data = _read_toml(config_file)
        if config_file.name == "pyproject.toml":
            data = data.get("tool", {}).get("auditor", {})
        return data, str(config_file)
    found = find_config_file(cwd)
    return (found[1], str(found[0])) if found else ({}, None)


def env_settings(env: Mapping[str, str]) -> dict[str, Any]:
    """Settings from environment variables (only those that are set)."""
    settings: dict[str, Any] = {}
    for var, key in ENV_KEYS.items():
        if var in env:
            settings[key] = _env_bool(var, env[var]) if key == "offline" else env[var]
    return settings


def _env_bool(var: str, value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ConfigError(f"{var}={value!r}: expected true/false")


def load_config(
    *,
    config_file: Path | None = None,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    flags: Mapping[str, Any] | None = None,
) -> AuditorConfig:
    """Merge file < env < flags (flags that are None are not given) and validate."""
    settings, origin = file_settings(config_file, cwd or Path.cwd())
    from_env = env_settings(env or {})
    given = {k: v for k, v in (flags or {}).items() if v is not None}
    merged = {**settings, **from_env, **given}
    origins = {key: origin or "configuration" for key in settings}
    origins.update({key: var for var, key in ENV_KEYS.items() if key in from_env})
    origins.update({key: "--" + key.replace("_", "-") for key in given})
    try:
        return AuditorConfig.model_validate(merged)
    except ValidationError as exc:
        raise ConfigError(_validation_message(exc, origins, origin)) from None


def _validation_message(exc: ValidationError, origins: Mapping[str, str], file: str | None) -> str:
    """One line naming where the bad setting came from: the file, the variable or the flag."""
    error = exc.errors()[0]
    where = ".".join(str(part) for part in error["loc"]) or "config"
    key = str(error["loc"][0]) if error["loc"] else ""
    source = origins.get(key, file)
    if error["type"] == "extra_forbidden":
        return f"{source}: unknown setting {where!r}" if source else f"unknown setting {where!r}"
    if source and source.startswith("AUDITOR_"):
        return f"{source}: bad value {error.get('input')!r}: {_first_line(error['msg'])}"
    prefix = f"{source}: " if source else ""
    return f"{prefix}bad value for {where!r}: {_first_line(error['msg'])}"


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else text
