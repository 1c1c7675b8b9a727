"""Configuration: file < environment < flags, and one-line errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from auditor.config import AuditorConfig, ConfigError, load_config
from auditor.models import Severity


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_any_file(tmp_path: Path) -> None:
    config = load_config(cwd=tmp_path, env={})
    assert config == AuditorConfig()
    assert config.fail_on == "error" and config.format == "markdown" and not config.offline


def test_auditor_toml_in_cwd(tmp_path: Path) -> None:
    write(
        tmp_path / "auditor.toml", 'format = "json"\njobs = 4\nignore = ["N3"]\n[severity]\nR105 = "info"\n'
    )
    config = load_config(cwd=tmp_path, env={})
    assert (config.format, config.jobs) == ("json", 4)
    assert config.severity_of("R105", Severity.WARNING) is Severity.INFO
    assert not config.code_enabled("N301")
    assert config.code_enabled("R101")


def test_pyproject_tool_table(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n[tool.auditor]\nfail_on = "warning"\n')
    assert load_config(cwd=tmp_path, env={}).fail_on == "warning"


def test_pyproject_without_table_is_ignored(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    assert load_config(cwd=tmp_path, env={}) == AuditorConfig()


def test_auditor_toml_wins_over_pyproject(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.auditor]\nformat = "html"\n')
    write(tmp_path / "auditor.toml", 'format = "json"\n')
    assert load_config(cwd=tmp_path, env={}).format == "json"


def test_precedence_file_then_env_then_flags(tmp_path: Path) -> None:
    write(tmp_path / "auditor.toml", 'fail_on = "never"\nformat = "html"\nemail = "file@example.org"\n')
    env = {"AUDITOR_FAIL_ON": "warning", "AUDITOR_EMAIL": "env@example.org", "AUDITOR_OFFLINE": "1"}
    config = load_config(cwd=tmp_path, env=env, flags={"fail_on": "error", "format": None})
    assert config.fail_on == "error"  # flag
    assert config.email == "env@example.org"  # env over file
    assert config.format == "html"  # flag None = not given
    assert config.offline is True


def test_explicit_config_file(tmp_path: Path) -> None:
    path = write(tmp_path / "custom.toml", "offline = true\n")
    assert load_config(config_file=path, cwd=tmp_path / "elsewhere", env={}).offline is True


@pytest.mark.parametrize(
    ("toml", "env", "fragment"),
    [
        ('colour = "red"\n', {}, "unknown setting 'colour'"),
        ('fail_on = "sometimes"\n', {}, "fail_on"),
        ("jobs = 0\n", {}, "jobs"),
        ('[severity]\nR101 = "fatal"\n', {}, "severity.R101"),
        ("format = [\n", {}, "not valid TOML"),
        ("", {"AUDITOR_OFFLINE": "maybe"}, "AUDITOR_OFFLINE"),
        ("", {"AUDITOR_FORMAT": "pdf"}, "AUDITOR_FORMAT: bad value 'pdf'"),
        ("", {"AUDITOR_FAIL_ON": "sometimes"}, "AUDITOR_FAIL_ON: bad value 'sometimes'"),
        ('fail_on = "sometimes"\n', {}, "auditor.toml: bad value for 'fail_on'"),
    ],
)
def test_bad_configuration_is_one_line(tmp_path: Path, toml: str, env: dict[str, str], fragment: str) -> None:
    write(tmp_path / "auditor.toml", toml)
    with pytest.raises(ConfigError) as info:
        load_config(cwd=tmp_path, env=env)
    assert fragment in str(info.value)
    assert "\n" not in str(info.value)


def test_enable_selects_prefixes() -> None:
    config = AuditorConfig(enable=["R1", "I201"], ignore=["R105"])
    assert [c for c in ("R101", "R105", "I201", "I202", "N301") if config.code_enabled(c)] == ["R101", "I201"]


@pytest.mark.parametrize(
    ("config", "fragment"),
    [
        (AuditorConfig(ignore=["R1"], enable=["I2", "N301"]), None),
        (AuditorConfig(ignore=["Q"]), "ignore: no check code starts with 'Q'"),
        (AuditorConfig(enable=["R1O1"]), "enable: no check code starts with 'R1O1'"),
        (AuditorConfig(severity={"R999": Severity.INFO}), "severity: unknown check code 'R999'"),
    ],
)
def test_codes_in_the_configuration_must_exist(config: AuditorConfig, fragment: str | None) -> None:
    known = ["R101", "R105", "I201", "N301"]
    if fragment is None:
        config.check_codes(known)
        return
    with pytest.raises(ConfigError, match=re.escape(fragment)):
        config.check_codes(known)


def test_cache_expiry_settings_reach_the_lookup_store(tmp_path: Path) -> None:
    """`cache_found_days` / `cache_not_found_days` (file < env < flags) set the store's lifetimes."""
    from auditor.references.cache import DAY

    from auditor.cli_audit import _sources

    (tmp_path / "auditor.toml").write_text(
        'cache_found_days = 30\ncache_not_found_days = 0.5\noffline = true\n', encoding="utf-8"
    )
    config = load_config(cwd=tmp_path, env={"AUDITOR_CACHE_DIR": str(tmp_path / "cache")})
    sources = _sources(config, {"refresh": False})
    store = sources.pubmed.store  # type: ignore[union-attr]
    assert (store.found_ttl, store.not_found_ttl) == (30 * DAY, 0.5 * DAY)
    assert store.path.parent == tmp_path / "cache"
