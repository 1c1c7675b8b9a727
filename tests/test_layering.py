"""The import rule of DESIGN.md: imports point down only.

The four folders install as one namespace (`auditor.claims`, `auditor.references`, `auditor.reports`
and the core `auditor.*`); the layers are those folders, whatever their installed names.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ("claims", "references", "reports")
ALLOWED = {
    "claims": set(),
    "references": {"claims"},
    "auditor": {"claims", "references"},
    "reports": {"claims", "auditor"},
}
# What `reports` may import from the core: the Audit models (and the package's version), nothing else.
REPORTS_FROM_CORE = {"auditor.models", "auditor"}
# The command line is the composition root: it alone wires the renderers (`reports`) to the
# pipeline. DESIGN.md puts the CLI in `auditor` and `reports` above `auditor`, which would forbid
# that; we keep the CLI modules in `auditor` (the console script is auditor.cli:main) and allow
# exactly these modules to import `reports`. Nothing else in `auditor` may.
COMPOSITION_ROOT = {"auditor/cli.py"} | {f"auditor/{p.name}" for p in (ROOT / "auditor").glob("cli_*.py")}


def _layer(module: str) -> str | None:
    """The folder a module of ours lives in, or None for a third-party module."""
    parts = module.split(".")
    if parts[0] in LAYERS:
        raise AssertionError(f"{module}: import our packages by their installed name, auditor.{module}")
    if parts[0] != "auditor":
        return None
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else "auditor"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_imports_point_down(package: str) -> None:
    bad = []
    for path in (ROOT / package).rglob("*.py"):
        for name in _imports(path):
            layer = _layer(name)
            if layer is None or layer == package:
                continue
            if package == "auditor" and layer == "reports":
                ok = str(path.relative_to(ROOT)) in COMPOSITION_ROOT
            elif package == "reports" and layer == "auditor":
                ok = name in REPORTS_FROM_CORE
            else:
                ok = layer in ALLOWED[package]
            if not ok:
                bad.append(f"{path.relative_to(ROOT)} imports {name}")
    assert not bad, bad


def test_core_package_init_imports_nothing_of_ours() -> None:
    """`import auditor.claims` runs auditor/__init__.py first: it must not pull the core in."""
    assert not {n for n in _imports(ROOT / "auditor" / "__init__.py") if _layer(n)}
