"""The check registry: every check is a small function registered under stable codes.

A check takes a `CheckContext` (the immutable output of the stages before it) and yields
`Finding`s. It never does I/O: whatever came from the network is already in `ctx.lookups` /
`ctx.resolutions`. Codes are public and never reused (like flake8's); the table of specs is the
single source for `auditor checks`, the README table and the docs tests.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from auditor.checks.claim_index import ClaimIndex
from auditor.claims.models import Claim, ClaimKind, Document
from auditor.linking import ReferenceIndex
from auditor.models import Finding, FindingKind, Severity
from auditor.references.models import LookupResult, Record, Reference, SearchResult
from auditor.resolve_inputs import Key, reference_identifiers


@dataclass(frozen=True)
class CheckSpec:
    """The public description of one code."""

    code: str
    kind: FindingKind
    severity: Severity
    summary: str  # one line: what the code means
    network: bool = False  # True when the check needs metadata lookups to say anything


@dataclass(frozen=True)
class ReferenceResolution:
    """What the resolve stage concluded for one reference (or named study)."""

    status: str  # "identifier" | "matched" | "not_found" | "unverifiable"
    record: Record | None = None
    reason: str | None = None
    # every lookup/search consulted, for evidence and for "which lookups failed"
    lookups: tuple[LookupResult, ...] = ()
    searches: tuple[SearchResult, ...] = ()
    score: float | None = None


T = TypeVar("T")


def _memo() -> Any:
    """A dataclass field for a per-context memo: not an argument, not compared or shown."""
    return field(default_factory=dict, init=False, repr=False, compare=False)


@dataclass(frozen=True)
class CheckContext:
    """Inputs of every check for one document."""

    document: Document
    claims: tuple[Claim, ...]
    references: tuple[Reference, ...]
    # identifier claims found in the reference list's text (ids i1, …; not in `claims`)
    reference_identifiers: tuple[Claim, ...] = ()
    # claim id → ids of the references that claim cites (filled by auditor.linking)
    links: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # reference id (or claim id, for named studies and author citations) → resolution
    resolutions: Mapping[str, ReferenceResolution] = field(default_factory=dict)
    # (IdKind value, normalised key) → lookup result, for identifiers found in claims
    lookups: Mapping[tuple[str, str], LookupResult] = field(default_factory=dict)
    online: bool = False  # False when no source answered anything (offline with empty cache)
    options: Mapping[str, Any] = field(default_factory=dict)
    # `references` indexed by author and journal keys: built once per article by the pipeline
    # (the link stage's index), here when a context is made without one or for other references
    reference_index: ReferenceIndex | None = None
    # per-document indexes of `claims`, built on first use and shared by the checks
    _claims_by_kind: dict[Any, list[Claim]] = _memo()
    _claim_indexes: dict[tuple[Any, ...], ClaimIndex] = _memo()
    _identifiers: dict[int, tuple[Reference, list[Key]]] = _memo()
    _references_by_id: dict[str, Reference] = _memo()
    _shared: dict[str, Any] = _memo()

    def __post_init__(self) -> None:
        index = self.reference_index
        if index is None or not index.indexes(self.references):
            object.__setattr__(self, "reference_index", ReferenceIndex(self.references))

    @property
    def index(self) -> ReferenceIndex:
        """`reference_index`, never None once the context exists."""
        assert self.reference_index is not None  # set by __post_init__
        return self.reference_index

    def claims_of(self, *kinds: Any) -> list[Claim]:
        """Claims of the given kinds, in text order (a new list: the caller may change it)."""
        if len(kinds) != 1:
            return [c for c in self.claims if c.kind in kinds]
        if not self._claims_by_kind:
            for claim in self.claims:
                self._claims_by_kind.setdefault(claim.kind, []).append(claim)
        return list(self._claims_by_kind.get(kinds[0], ()))

    def claim_index(self, *kinds: ClaimKind) -> ClaimIndex:
        """`ClaimIndex(claims, *kinds)`, built once per context (treat it as read-only)."""
        index = self._claim_indexes.get(kinds)
        if index is None:
            index = self._claim_indexes[kinds] = ClaimIndex(self.claims, *kinds)
        return index

    def identifiers_of(self, reference: Reference) -> list[Key]:
        """`reference_identifiers(reference)`, computed once per reference and context."""
        known = self._identifiers.get(id(reference))
        if known is None or known[0] is not reference:
            keys = reference_identifiers(reference)
            known = self._identifiers[id(reference)] = (reference, keys)
        return list(known[1])

    def shared(self, name: str, compute: Callable[[CheckContext], T]) -> T:
        """`compute(self)`, computed once per context under `name`: what several checks read (the
        result is shared: treat it as read-only)."""
        if name not in self._shared:
            self._shared[name] = compute(self)
        return self._shared[name]

    def reference(self, ref_id: str) -> Reference | None:
        """The reference with that id (the first one, were two to share it)."""
        if not self._references_by_id:
            for reference in self.references:
                self._references_by_id.setdefault(reference.id, reference)
        return self._references_by_id.get(ref_id)


CheckFunction = Callable[[CheckContext], Iterable[Finding]]


@dataclass(frozen=True)
class RegisteredCheck:
    """A check function and the codes it may emit."""

    name: str
    function: CheckFunction
    specs: tuple[CheckSpec, ...]


_CHECKS: list[RegisteredCheck] = []
_SPECS: dict[str, CheckSpec] = {}


def register(*specs: CheckSpec) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check function under the codes it emits."""

    def wrap(function: CheckFunction) -> CheckFunction:
        for spec in specs:
            if spec.code in _SPECS:
                raise ValueError(f"check code {spec.code} registered twice")
            _SPECS[spec.code] = spec
        _CHECKS.append(RegisteredCheck(function.__name__, function, specs))
        return function

    return wrap


def spec(code: str) -> CheckSpec:
    """The spec registered under `code`."""
    return _SPECS[code]


def finding(code: str, message: str, **fields: Any) -> Finding:
    """Build a finding for `code`, taking kind and default severity from its spec."""
    s = _SPECS[code]
    fields.setdefault("severity", s.severity)
    return Finding(code=code, kind=s.kind, message=message, **fields)


def all_specs() -> list[CheckSpec]:
    """Every registered code, sorted."""
    load_builtin_checks()
    return sorted(_SPECS.values(), key=lambda s: s.code)


def all_checks() -> list[RegisteredCheck]:
    """Every registered check function, in registration order."""
    load_builtin_checks()
    return list(_CHECKS)


def load_builtin_checks() -> None:
    """Import the modules that register the built-in checks (idempotent)."""
    import auditor.checks  # noqa: F401  (its __init__ imports every check module)
