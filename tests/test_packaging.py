"""Packaging: one namespace that cannot collide, every import declared, `python -m auditor`."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = {"auditor": "auditor", "claims": "auditor.claims", "references": "auditor.references",
           "reports": "auditor.reports"}
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _installed_name(folder: Path) -> str:
    """`references/sources` → `auditor.references.sources`."""
    top, *rest = folder.relative_to(ROOT).parts
    return ".".join([FOLDERS[top], *rest])


def test_every_package_folder_is_listed_under_the_auditor_namespace() -> None:
    folders = {init.parent for top in FOLDERS for init in (ROOT / top).rglob("__init__.py")}
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    assert {_installed_name(folder) for folder in folders} == listed
    assert all(name == "auditor" or name.startswith("auditor.") for name in listed)
    mapping = PYPROJECT["tool"]["setuptools"]["package-dir"]
    assert mapping == {installed: folder for folder, installed in FOLDERS.items()}


def _third_party_imports() -> set[str]:
    names: set[str] = set()
    for top in FOLDERS:
        for path in (ROOT / top).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    names.update(alias.name.split(".")[0] for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    names.add(node.module.split(".")[0])
    return {n for n in names if n != "auditor" and n not in sys.stdlib_module_names}


def test_every_import_is_a_declared_dependency() -> None:
    declared = {re.split(r"[<>=;\[ ]", r, maxsplit=1)[0].lower().replace("_", "-")
                for r in PYPROJECT["project"]["dependencies"]}
    distributions = packages_distributions()
    undeclared = {}
    for module in _third_party_imports():
        owners = {d.lower().replace("_", "-") for d in distributions.get(module, [module])}
        if not owners & declared:
            undeclared[module] = sorted(owners)
    assert not undeclared, f"imported but not declared in pyproject.toml: {undeclared}"


def test_python_dash_m_auditor_runs_the_cli(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "auditor", "--version"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("auditor, version ")
